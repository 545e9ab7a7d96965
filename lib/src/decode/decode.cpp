// bytes -> NFC UTF-8 text with LF line ends, the charset it came from, and whether it is HTML or text.
//
// The common case (a valid, already-NFC UTF-8 page) is one tight scan plus a copy. Everything else (BOMs,
// UTF-16/32, legacy charsets, UTF-8 pages with Windows-1252 bytes mixed in) goes through ICU converters.
#include "occkit/decode.hpp"

#include <openssl/evp.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>

#include "occkit/error.hpp"
#include "support/text_util.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

constexpr std::size_t npos = std::string_view::npos;
// ICU counts in int32_t and a UTF-16 copy doubles the size, so stay well below 2 GiB.
constexpr std::size_t max_input_bytes = std::size_t{1} << 30;
// How far into an HTML page the charset declaration may be (browsers look at the first 1024 bytes; be generous).
constexpr std::size_t charset_sniff_bytes = 4096;

// ---------------------------------------------------------------------------------------------------------------
// Binary detection

// C0 controls that never occur in text files (tab, LF, CR, FF and VT do) and DEL.
bool is_binary_control(char32_t c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F;
}

// A stray control character is noise to strip; more than 1% of them means the file is not text at all.
bool looks_binary(std::size_t binary_units, std::size_t total_units) {
    return binary_units >= 2 && binary_units * 100 > total_units;
}

[[noreturn]] void throw_binary(std::size_t byte_offset) {
    throw Error("not a text file (binary data at byte " + std::to_string(byte_offset) + ")");
}

// ---------------------------------------------------------------------------------------------------------------
// UTF-8 scan

// Length of the valid UTF-8 sequence starting at s[i] (2-4), or 0 when the bytes there are not one.
// Rejects overlong forms, surrogates and code points above U+10FFFF.
int utf8_sequence_length(std::string_view s, std::size_t i) {
    auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    auto continuation = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
        return k < s.size() && at(k) >= lo && at(k) <= hi;
    };
    unsigned char lead = at(i);
    if (lead >= 0xC2 && lead <= 0xDF) return continuation(i + 1) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        unsigned lo = lead == 0xE0 ? 0xA0 : 0x80;
        unsigned hi = lead == 0xED ? 0x9F : 0xBF;
        return continuation(i + 1, lo, hi) && continuation(i + 2) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        unsigned lo = lead == 0xF0 ? 0x90 : 0x80;
        unsigned hi = lead == 0xF4 ? 0x8F : 0xBF;
        return continuation(i + 1, lo, hi) && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
    }
    return 0;
}

// Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D have no character in Windows-1252.
bool is_cp1252_undefined(unsigned char b) { return b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D; }

struct ByteScan {
    bool valid_utf8 = true;
    std::size_t multibyte_sequences = 0;  // valid non-ASCII UTF-8 sequences
    std::size_t cp1252_undefined = 0;     // invalid-UTF-8 bytes that are not Windows-1252 characters either
    std::size_t first_cp1252_undefined = npos;
    std::size_t binary_units = 0;
    std::size_t first_binary = npos;
    bool needs_cleanup = false;  // CR, controls or C1 characters to remove
    bool may_need_nfc = false;   // a code point >= U+0300, below which everything is NFC-stable
};

// True when none of the 8 bytes is >= 0x80, < 0x20 or 0x7F: plain printable ASCII needs no further look.
bool all_printable_ascii(const char* p) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    std::uint64_t v;
    std::memcpy(&v, p, sizeof v);
    std::uint64_t below_space = (v - ones * 0x20) & ~v & highs;
    std::uint64_t del_bits = v ^ (ones * 0x7F);
    std::uint64_t has_del = (del_bits - ones) & ~del_bits & highs;
    return ((v & highs) | below_space | has_del) == 0;
}

ByteScan scan_bytes(std::string_view s) {
    ByteScan scan;
    std::size_t i = 0;
    while (i < s.size()) {
        if (i + 8 <= s.size() && all_printable_ascii(s.data() + i)) {
            i += 8;
            continue;
        }
        unsigned char b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            if (b == '\r' || (b < 0x20 && b != '\n' && b != '\t') || b == 0x7F) scan.needs_cleanup = true;
            if (is_binary_control(b)) {
                if (scan.first_binary == npos) scan.first_binary = i;
                ++scan.binary_units;
            }
            ++i;
            continue;
        }
        int len = utf8_sequence_length(s, i);
        if (len == 0) {
            scan.valid_utf8 = false;
            if (is_cp1252_undefined(b)) {
                if (scan.first_cp1252_undefined == npos) scan.first_cp1252_undefined = i;
                ++scan.cp1252_undefined;
            }
            ++i;
            continue;
        }
        ++scan.multibyte_sequences;
        if (b == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) scan.needs_cleanup = true;  // C1 control
        if (b >= 0xCC) scan.may_need_nfc = true;
        i += static_cast<std::size_t>(len);
    }
    return scan;
}

// ---------------------------------------------------------------------------------------------------------------
// Cleanup and NFC (input is valid UTF-8)

// CRLF and lone CR -> LF; C0 controls other than LF and tab, DEL, C1 controls and a leading BOM removed.
std::string clean_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    if (s.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < s.size()) {
        unsigned char b = static_cast<unsigned char>(s[i]);
        if (b == '\r') {
            out += '\n';
            i += (i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        if ((b < 0x20 && b != '\n' && b != '\t') || b == 0x7F) {
            ++i;
            continue;
        }
        if (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
            i += 2;
            continue;
        }
        out += static_cast<char>(b);
        ++i;
    }
    return out;
}

const icu::Normalizer2& nfc() {
    static const icu::Normalizer2* instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
        if (U_FAILURE(status) || !n) throw Error(std::string("ICU NFC data unavailable: ") + u_errorName(status));
        return n;
    }();
    return *instance;
}

bool has_byte_at_least(std::string_view s, unsigned char threshold) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= threshold) return true;
    return false;
}

void to_nfc(std::string& utf8) {
    if (!has_byte_at_least(utf8, 0xCC)) return;  // only code points below U+0300: already NFC
    UErrorCode status = U_ZERO_ERROR;
    icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
    if (nfc().isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return;
    std::string normalized;
    normalized.reserve(utf8.size());
    icu::StringByteSink<std::string> sink(&normalized);
    status = U_ZERO_ERROR;
    nfc().normalizeUTF8(0, piece, sink, nullptr, status);
    if (U_FAILURE(status)) throw Error(std::string("NFC normalisation failed: ") + u_errorName(status));
    utf8 = std::move(normalized);
}

std::string finish_text(std::string_view utf8) {
    std::string text = clean_text(utf8);
    to_nfc(text);
    return text;
}

// ---------------------------------------------------------------------------------------------------------------
// ICU conversions

struct ConverterClose {
    void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterClose>;

Converter open_converter(const std::string& name) {
    UErrorCode status = U_ZERO_ERROR;
    Converter conv(ucnv_open(name.c_str(), &status));
    if (U_FAILURE(status)) return nullptr;
    return conv;
}

// The MIME (else IANA) name of a charset ICU knows: "windows-1252", "ISO-8859-15", "Shift_JIS".
std::string canonical_charset(const std::string& name) {
    Converter conv = open_converter(name);
    if (!conv) return name;
    UErrorCode status = U_ZERO_ERROR;
    const char* icu_name = ucnv_getName(conv.get(), &status);
    if (U_FAILURE(status) || !icu_name) return name;
    for (const char* standard : {"MIME", "IANA"}) {
        status = U_ZERO_ERROR;
        const char* std_name = ucnv_getStandardName(icu_name, standard, &status);
        if (U_SUCCESS(status) && std_name) return std_name;
    }
    return icu_name;
}

// Bytes in `charset` -> UTF-8. Unmappable bytes become U+FFFD (ICU's default substitution).
std::string icu_to_utf8(std::string_view bytes, const std::string& charset) {
    Converter conv = open_converter(charset);
    if (!conv) throw Error("unsupported charset '" + charset + "'");
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), conv.get(), status);
    if (U_FAILURE(status)) throw Error("cannot decode input as " + charset + ": " + u_errorName(status));
    std::string out;
    text.toUTF8String(out);
    return out;
}

// What each byte 0x80-0xFF means in Windows-1252, taken once from ICU's converter.
const std::array<char32_t, 128>& cp1252_high_half() {
    static const std::array<char32_t, 128> table = [] {
        std::array<char32_t, 128> t{};
        std::string bytes;
        for (int b = 0x80; b <= 0xFF; ++b) bytes += static_cast<char>(b);
        std::string utf8 = icu_to_utf8(bytes, "windows-1252");
        std::size_t pos = 0;
        for (std::size_t k = 0; k < t.size() && pos < utf8.size(); ++k) t[k] = detail::next_code_point(utf8, pos);
        return t;
    }();
    return table;
}

// A UTF-8 page with Windows-1252 bytes pasted in: keep every valid UTF-8 sequence, read the other bytes as
// Windows-1252 (decoding the whole page as Windows-1252 would garble its real UTF-8 characters).
std::string repair_mixed_utf8(std::string_view s) {
    const auto& high_half = cp1252_high_half();
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            out += static_cast<char>(b);
            ++i;
            continue;
        }
        int len = utf8_sequence_length(s, i);
        if (len > 0) {
            out.append(s.substr(i, static_cast<std::size_t>(len)));
            i += static_cast<std::size_t>(len);
            continue;
        }
        detail::append_utf8(out, high_half[b - 0x80]);
        ++i;
    }
    return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Unicode encodings recognised from the bytes alone: BOM, or the NUL pattern of UTF-16/32 text without one

struct WideEncoding {
    const char* name;        // ICU converter name, also the reported charset
    std::size_t bom_bytes;   // to skip
    std::size_t unit_bytes;  // 2 or 4
    bool big_endian;
};

std::optional<WideEncoding> wide_encoding_from_bom(std::string_view s) {
    if (s.starts_with(std::string_view("\xFF\xFE\x00\x00", 4))) return WideEncoding{"UTF-32LE", 4, 4, false};
    if (s.starts_with(std::string_view("\x00\x00\xFE\xFF", 4))) return WideEncoding{"UTF-32BE", 4, 4, true};
    if (s.starts_with("\xFF\xFE")) return WideEncoding{"UTF-16LE", 2, 2, false};
    if (s.starts_with("\xFE\xFF")) return WideEncoding{"UTF-16BE", 2, 2, true};
    return std::nullopt;
}

// A UTF-16/32 BOM over bytes that are valid UTF-8 with no NUL at all: UTF-32 always has a NUL in each unit,
// UTF-16 in every ASCII character (markup, digits, spaces), and CJK text in UTF-16 is almost never valid UTF-8.
// Such bytes are UTF-8 behind a stray BOM, and the evidence wins over the mark.
bool bom_contradicted(std::string_view payload) {
    return !payload.empty() && payload.find('\0') == npos && scan_bytes(payload).valid_utf8;
}

// Latin-script text in UTF-16 has a NUL in nearly every other byte and almost never in the others; in UTF-32 three
// bytes of four are NUL. Binary files have NULs everywhere, so both halves of the test matter.
std::optional<WideEncoding> wide_encoding_from_nuls(std::string_view s) {
    std::string_view sample = s.substr(0, std::min<std::size_t>(s.size(), 4096));
    if (sample.size() >= 8) {
        std::size_t quads = sample.size() / 4, le32 = 0, be32 = 0;
        for (std::size_t q = 0; q < quads; ++q) {
            const char* p = sample.data() + 4 * q;
            if (p[0] != 0 && p[1] == 0 && p[2] == 0 && p[3] == 0) ++le32;
            if (p[0] == 0 && p[1] == 0 && p[2] == 0 && p[3] != 0) ++be32;
        }
        if (le32 * 10 >= quads * 9) return WideEncoding{"UTF-32LE", 0, 4, false};
        if (be32 * 10 >= quads * 9) return WideEncoding{"UTF-32BE", 0, 4, true};
    }
    if (sample.size() < 4) return std::nullopt;
    std::size_t pairs = sample.size() / 2, nul_even = 0, nul_odd = 0;
    for (std::size_t k = 0; k < pairs; ++k) {
        if (sample[2 * k] == 0) ++nul_even;
        if (sample[2 * k + 1] == 0) ++nul_odd;
    }
    bool rare_even = nul_even * 20 <= pairs, rare_odd = nul_odd * 20 <= pairs;
    if (nul_odd * 10 >= pairs * 3 && rare_even) return WideEncoding{"UTF-16LE", 0, 2, false};
    if (nul_even * 10 >= pairs * 3 && rare_odd) return WideEncoding{"UTF-16BE", 0, 2, true};
    return std::nullopt;
}

void check_wide_units_are_text(std::string_view payload, const WideEncoding& enc) {
    std::size_t units = payload.size() / enc.unit_bytes, binary = 0, first = npos;
    for (std::size_t u = 0; u < units; ++u) {
        std::uint32_t value = 0;
        for (std::size_t k = 0; k < enc.unit_bytes; ++k) {
            std::size_t byte_index = enc.big_endian ? k : enc.unit_bytes - 1 - k;
            value = (value << 8) | static_cast<unsigned char>(payload[u * enc.unit_bytes + byte_index]);
        }
        if (is_binary_control(value)) {
            if (first == npos) first = u;
            ++binary;
        }
    }
    if (looks_binary(binary, units)) throw_binary(enc.bom_bytes + first * enc.unit_bytes);
}

// ---------------------------------------------------------------------------------------------------------------
// The charset an HTML page declares

bool is_charset_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
}

// The value after `key` ("charset" or "encoding") followed by '=' and optional quotes, lowercase; empty if none.
std::string value_after_key(std::string_view lower_tag, std::string_view key) {
    std::size_t at = 0;
    while ((at = lower_tag.find(key, at)) != npos) {
        std::size_t i = at + key.size();
        while (i < lower_tag.size() && lower_tag[i] == ' ') ++i;
        if (i < lower_tag.size() && lower_tag[i] == '=') {
            ++i;
            while (i < lower_tag.size() && (lower_tag[i] == ' ' || lower_tag[i] == '"' || lower_tag[i] == '\'')) ++i;
            std::size_t start = i;
            while (i < lower_tag.size() && is_charset_name_char(lower_tag[i])) ++i;
            if (i > start) return std::string(lower_tag.substr(start, i - start));
        }
        at += key.size();
    }
    return {};
}

// <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x"> or <?xml encoding="x"?>.
std::string declared_charset(std::string_view bytes) {
    std::string head = detail::ascii_lower(bytes.substr(0, std::min(bytes.size(), charset_sniff_bytes)));
    for (char& c : head)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    if (head.starts_with("<?xml")) {
        std::size_t end = head.find("?>");
        std::string found = value_after_key(std::string_view(head).substr(0, end), "encoding");
        if (!found.empty()) return found;
    }
    std::size_t at = 0;
    while ((at = head.find("<meta", at)) != npos) {
        std::size_t end = head.find('>', at);
        std::string_view tag = std::string_view(head).substr(at, end == npos ? npos : end - at);
        std::string found = value_after_key(tag, "charset");
        if (!found.empty()) return found;
        at += 5;
    }
    return {};
}

// What a declaration means in practice, following the WHATWG encoding standard: Latin-1 and ASCII labels mean
// Windows-1252, and a page cannot really be UTF-16 when its declaration was readable as ASCII.
std::string effective_declared_charset(const std::string& declared) {
    static constexpr std::string_view as_cp1252[] = {
        "iso-8859-1",  "iso8859-1", "iso_8859-1", "latin1",         "l1",       "iso-ir-100",   "cp819",  "ibm819",
        "csisolatin1", "us-ascii",  "ascii",      "ansi_x3.4-1968", "iso-ir-6", "windows-1252", "cp1252", "x-cp1252"};
    for (auto label : as_cp1252)
        if (declared == label) return "windows-1252";
    if (declared == "utf8" || declared.starts_with("utf-") || declared == "unicode-1-1-utf-8" || declared == "unicode")
        return "UTF-8";
    return open_converter(declared) ? declared : std::string{};
}

// ---------------------------------------------------------------------------------------------------------------

InputFormat resolve_format(InputFormat requested, std::string_view utf8) {
    return requested == InputFormat::automatic ? sniff_format(utf8) : requested;
}

Decoded decode_wide(std::string_view bytes, const WideEncoding& enc, InputFormat format) {
    std::string_view payload = bytes.substr(enc.bom_bytes);
    check_wide_units_are_text(payload, enc);
    std::string text = finish_text(icu_to_utf8(payload, enc.name));
    InputFormat resolved = resolve_format(format, text);
    return {std::move(text), enc.name, resolved};
}

// Everything that is not UTF-16/32: UTF-8 (with or without BOM), a declared charset, or Windows-1252.
Decoded decode_bytes(std::string_view bytes, bool had_utf8_bom, InputFormat format) {
    ByteScan scan = scan_bytes(bytes);
    InputFormat resolved = resolve_format(format, bytes);
    std::size_t bom = had_utf8_bom ? 3 : 0;
    if (looks_binary(scan.binary_units, bytes.size())) throw_binary(bom + scan.first_binary);

    // The BOM outranks a declaration; a declaration only matters for HTML.
    auto declared = [&] {
        bool applies = !had_utf8_bom && resolved == InputFormat::html;
        return applies ? effective_declared_charset(declared_charset(bytes)) : std::string{};
    };

    if (scan.valid_utf8) {
        // Valid UTF-8 is UTF-8 whatever the page says (re-saved pages keep stale declarations); for pure ASCII
        // the declaration is as true as anything, so report it.
        std::string charset = "UTF-8";
        if (scan.multibyte_sequences == 0) {
            std::string ascii_declared = declared();
            if (!ascii_declared.empty() && ascii_declared != "UTF-8") charset = canonical_charset(ascii_declared);
        }
        if (!scan.needs_cleanup && !scan.may_need_nfc) return {std::string(bytes), charset, resolved};
        std::string text = scan.needs_cleanup ? clean_text(bytes) : std::string(bytes);
        to_nfc(text);
        return {std::move(text), charset, resolved};
    }

    std::string legacy = declared();
    if (!legacy.empty() && legacy != "UTF-8" && legacy != "windows-1252")
        return {finish_text(icu_to_utf8(bytes, legacy)), canonical_charset(legacy), resolved};

    // Undeclared, Latin-1, Windows-1252, or declared UTF-8 with Windows-1252 bytes in it.
    if (looks_binary(scan.binary_units + scan.cp1252_undefined, bytes.size()))
        throw_binary(bom + std::min(scan.first_binary, scan.first_cp1252_undefined));
    std::string utf8 = scan.multibyte_sequences > 0 ? repair_mixed_utf8(bytes) : icu_to_utf8(bytes, "windows-1252");
    return {finish_text(utf8), "windows-1252", resolved};
}

}  // namespace

Decoded decode(std::string_view bytes, InputFormat format) {
    if (bytes.size() > max_input_bytes) throw Error("input too large (" + std::to_string(bytes.size()) + " bytes)", ErrorCode::too_large);
    if (bytes.empty()) return {{}, "UTF-8", format == InputFormat::automatic ? InputFormat::text : format};
    if (bytes.starts_with("\xEF\xBB\xBF")) return decode_bytes(bytes.substr(3), true, format);
    if (auto wide = wide_encoding_from_bom(bytes)) {
        if (bom_contradicted(bytes.substr(wide->bom_bytes)))
            return decode_bytes(bytes.substr(wide->bom_bytes), false, format);
        return decode_wide(bytes, *wide, format);
    }
    if (auto wide = wide_encoding_from_nuls(bytes)) return decode_wide(bytes, *wide, format);
    return decode_bytes(bytes, false, format);
}

// ---------------------------------------------------------------------------------------------------------------
// Format sniffing

namespace {

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Tags an HTML document (or fragment) plausibly starts with.
bool is_leading_html_tag(std::string_view name) {
    static constexpr std::string_view tags[] = {
        "html", "head", "body",   "meta",    "title",   "link", "script",     "style", "base",     "p",
        "div",  "span", "a",      "h1",      "h2",      "h3",   "h4",         "h5",    "h6",       "table",
        "ul",   "ol",   "dl",     "section", "article", "main", "header",     "nav",   "form",     "img",
        "br",   "hr",   "strong", "b",       "em",      "i",    "blockquote", "pre",   "noscript", "iframe"};
    for (auto tag : tags)
        if (name == tag) return true;
    return false;
}

}  // namespace

InputFormat sniff_format(std::string_view utf8) {
    std::string head = detail::ascii_lower(utf8.substr(0, std::min<std::size_t>(utf8.size(), 1024)));
    std::size_t i = head.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' || head[i] == '\r')) ++i;
    std::string_view rest = std::string_view(head).substr(i);
    if (rest.starts_with("<!doctype html") || rest.starts_with("<!--") || rest.starts_with("<?xml"))
        return InputFormat::html;
    if (rest.starts_with("<")) {
        std::size_t end = 1;
        while (end < rest.size() && is_ascii_alnum(rest[end])) ++end;
        bool name_ends = end == rest.size() || rest[end] == ' ' || rest[end] == '>' || rest[end] == '/' ||
                         rest[end] == '\n' || rest[end] == '\t' || rest[end] == '\r';
        if (name_ends && is_leading_html_tag(rest.substr(1, end - 1))) return InputFormat::html;
    }
    // Some saved pages start with a line of text or a stray comment before the markup.
    if (detail::contains(head, "<html") || detail::contains(head, "<!doctype html") || detail::contains(head, "<body"))
        return InputFormat::html;
    return InputFormat::text;
}

// ---------------------------------------------------------------------------------------------------------------
// SHA-256, from OpenSSL's libcrypto: maintained, and several times faster than a portable loop (SHA-NI, AVX2).

namespace {

// The digest, fetched once: EVP_sha256() in EVP_Digest fetches it again from the provider on every call (about a
// tenth of the hashing cost of a WorkBC page). How libcrypto is initialised is the host program's choice (openssl.cnf
// may load providers it needs): the occkit program chooses not to read the file (tools/main.cpp), a library user's
// program keeps its own configuration.
const EVP_MD* sha256_digest() {
    static const EVP_MD* const digest = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return digest;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    const EVP_MD* md = sha256_digest();
    if (!md || EVP_Digest(bytes.data(), bytes.size(), digest, &size, md, nullptr) != 1 || size != 32)
        throw Error("SHA-256 failed (libcrypto)");
    static constexpr char hex[] = "0123456789abcdef";
    std::string out(64, '0');
    for (unsigned int k = 0; k < size; ++k) {
        out[2 * k] = hex[digest[k] >> 4];
        out[2 * k + 1] = hex[digest[k] & 0xF];
    }
    return out;
}

OCCKIT_END_IMPL_NAMESPACE
