/// @file
/// The whole pipeline: bytes -> decode -> blocks -> layout -> Profile.
#pragma once

#include "occkit/api.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "occkit/blocks.hpp"
#include "occkit/decode.hpp"
#include "occkit/layout.hpp"
#include "occkit/profile.hpp"

OCCKIT_BEGIN_NAMESPACE

/// How convert() reads a page.
struct ConvertOptions {
    std::string layout;                           ///< layout id; empty = detect
    std::string url;                              ///< recorded as provenance
    InputFormat format = InputFormat::automatic;  ///< html, text, or sniffed from the bytes
    /// The layouts to detect among and convert with; nullptr = LayoutSet::builtin(). Only these are used: the
    /// set's generic layout, if it has one, is the fallback and the base the others inherit from (see LayoutSet).
    const LayoutSet* layouts = nullptr;
    BlockLimits limits;   ///< size, depth and line-length limits on the input
    bool explain = true;  ///< fill Conversion::placements; off saves memory on huge pages
};

/// The result of convert(): the profile, how the layout was chosen, and where each block went.
struct Conversion {
    Profile profile;                    ///< the canonical profile
    Detection detection;                ///< the layout used and how sure detection was
    std::vector<Placement> placements;  ///< one per block, in page order
    std::vector<std::string> notes;     ///< e.g. "no layout matched; used the generic layout"
};

/// Throws occkit::Error with a one-line reason on empty, blank, undecodable or unparseable input, input over
/// options.limits, an unknown layout id, or a page no layout of a set without a generic layout matches.
Conversion convert(std::string_view bytes, const ConvertOptions& options = {});

/// convert() that takes the page over and frees it as soon as it is decoded, so that a huge page is not held
/// through the whole conversion (peak memory). Same result and errors as convert().
Conversion convert_taking(std::string&& bytes, const ConvertOptions& options = {});

/// The blocks of a page as convert reads them (decoded, then HTML or text blocks). Throws occkit::Error, as convert
/// does, on an empty input or one with no text, so that detect refuses what convert refuses.
Document read_page_blocks(std::string_view bytes, InputFormat format = InputFormat::automatic,
                          const BlockLimits& limits = {});

/// convert() on the bytes of the file at `path` (up to default_max_input_bytes, see io.hpp). Throws occkit::Error
/// whose message starts with the path ("bakers.html: empty input"); a cancellation (cancel.hpp) stays Cancelled.
Conversion convert_file(const std::string& path, const ConvertOptions& options = {});

/// A profile from a file's bytes: canonical XML (is_canonical_xml in xml.hpp, by the path's extension or the
/// namespace) is read as it is, anything else is a page and is converted. Throws occkit::Error with a one-line reason.
Profile read_profile(std::string_view bytes, std::string_view path = {}, const ConvertOptions& options = {});

/// Apply a layout to blocks already read (the layout engine alone). `layouts` is the set the layout belongs to:
/// its generic layout, if it has one, is the base the layout inherits from (see LayoutSet).
Conversion apply_layout(const Document& doc, const Layout& layout, const LayoutSet& layouts);

OCCKIT_END_NAMESPACE
