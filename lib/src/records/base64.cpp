// RFC 4648 base64 for page records (occkit/records.hpp): binary pages travel in NDJSON as "content_base64". A
// small table-driven codec, so the library needs nothing more from OpenSSL than SHA-256.
#include <array>
#include <cstdint>

#include "occkit/error.hpp"
#include "occkit/records.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// 0-63 for an alphabet character, -1 for anything else.
constexpr std::array<std::int8_t, 256> decode_table() {
    std::array<std::int8_t, 256> table{};
    table.fill(-1);
    for (std::size_t i = 0; i < alphabet.size(); ++i)
        table[static_cast<unsigned char>(alphabet[i])] = static_cast<std::int8_t>(i);
    return table;
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

}  // namespace

std::string base64_encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        std::uint32_t v = static_cast<unsigned char>(bytes[i]) << 16 | static_cast<unsigned char>(bytes[i + 1]) << 8 |
                          static_cast<unsigned char>(bytes[i + 2]);
        for (int shift : {18, 12, 6, 0}) out += alphabet[(v >> shift) & 63];
    }
    if (std::size_t rest = bytes.size() - i; rest > 0) {
        std::uint32_t v = static_cast<unsigned char>(bytes[i]) << 16;
        if (rest == 2) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += rest == 2 ? alphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::string base64_decode(std::string_view text) {
    static constexpr auto table = decode_table();
    std::string out;
    out.reserve(text.size() / 4 * 3);
    std::uint32_t bits = 0;
    int count = 0;    // 6-bit groups in `bits`
    int padding = 0;  // '=' seen
    for (char c : text) {
        if (is_space(c)) continue;
        if (c == '=') {
            ++padding;
            continue;
        }
        int v = table[static_cast<unsigned char>(c)];
        if (v < 0 || padding > 0) throw Error("content_base64: not base64 (character '" + std::string(1, c) + "')");
        bits = bits << 6 | static_cast<std::uint32_t>(v);
        if (++count == 4) {
            out += static_cast<char>(bits >> 16 & 255);
            out += static_cast<char>(bits >> 8 & 255);
            out += static_cast<char>(bits & 255);
            bits = 0;
            count = 0;
        }
    }
    if (count == 1 || padding > 2 || (padding > 0 && count + padding != 4))
        throw Error("content_base64: not base64 (truncated or bad padding)");
    if (count == 2) out += static_cast<char>(bits >> 4 & 255);
    if (count == 3) {
        out += static_cast<char>(bits >> 10 & 255);
        out += static_cast<char>(bits >> 2 & 255);
    }
    return out;
}

OCCKIT_END_IMPL_NAMESPACE
