/// @file
/// bytes -> UTF-8 text: BOM, UTF-16/32, the charset an HTML page declares, Windows-1252 / ISO-8859-1 detection,
/// NFC, and whitespace normalisation.
#pragma once

#include "occkit/api.hpp"

#include <string>
#include <string_view>

OCCKIT_BEGIN_NAMESPACE

/// How the bytes are read: sniffed, HTML or text.
enum class InputFormat { automatic, html, text };

/// A page as UTF-8 text, with what it was decoded from.
struct Decoded {
    std::string utf8;                        ///< NFC, CRLF/CR -> LF, NUL-free; lines are otherwise as on the page
    std::string charset;                     ///< what it was decoded from: "UTF-8", "UTF-16LE", "windows-1252", ...
    InputFormat format = InputFormat::text;  ///< resolved format (sniffed when asked for automatic)
};

/// Throws occkit::Error with a one-line reason when the bytes are not text in any supported charset.
Decoded decode(std::string_view bytes, InputFormat format = InputFormat::automatic);

/// Guess html vs text from the first bytes (a tag such as `<!DOCTYPE`, `<html`, `<head`, `<body`, `<p`, `<div` ...).
InputFormat sniff_format(std::string_view utf8);

/// Collapse runs of white space (incl. NBSP U+00A0, narrow NBSP U+202F, figure space, tabs, zero-width
/// spaces removed) to one ASCII space and trim both ends. Input and output are UTF-8.
std::string normalize_space(std::string_view utf8);

/// Case-folded, space-normalised, NFKC form used to compare labels and headings ("Also Known As:" == "also known as").
/// Strips one trailing ':' and surrounding punctuation.
std::string fold_key(std::string_view utf8);

/// SHA-256 of the bytes, lowercase hex.
std::string sha256_hex(std::string_view bytes);

OCCKIT_END_NAMESPACE
