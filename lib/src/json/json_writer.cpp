#include "occkit/api.hpp"
#include "json/json_writer.hpp"

#include <array>
#include <cassert>
#include <cstdio>

#include "support/text_util.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

namespace {

// Bytes that start something to escape, and every non-ASCII byte: a character is checked to be UTF-8 (file names
// and other text from outside may not be) and U+2028 and U+2029 are escaped.
constexpr std::array<bool, 256> special_bytes = [] {
    std::array<bool, 256> table{};
    for (int byte = 0; byte < 0x20; ++byte) table[static_cast<std::size_t>(byte)] = true;
    for (char c : {'"', '\\', '<', '>', '&'}) table[static_cast<unsigned char>(c)] = true;
    for (int byte = 0x80; byte < 0x100; ++byte) table[static_cast<std::size_t>(byte)] = true;
    return table;
}();

void append_unicode_escape(std::string& out, unsigned code) {
    char escape[8];
    std::snprintf(escape, sizeof escape, "\\u%04x", code);
    out += escape;
}

// A valid character is copied (U+2028 and U+2029, which end a line in JavaScript, escaped); a byte that is not
// UTF-8 becomes U+FFFD, so the output is always valid JSON. Returns how many bytes it consumed.
std::size_t append_non_ascii(std::string& out, std::string_view text, std::size_t i) {
    std::size_t next = i;
    char32_t cp = next_code_point(text, next);
    if (cp == 0xFFFD && next - i == 1) {
        append_unicode_escape(out, 0xFFFD);
    } else if (cp == 0x2028 || cp == 0x2029) {
        append_unicode_escape(out, static_cast<unsigned>(cp));
    } else {
        out.append(text, i, next - i);
    }
    return next - i;
}

// Appends the escape for the special byte at text[i]; returns how many bytes it consumed.
std::size_t append_escape(std::string& out, std::string_view text, std::size_t i) {
    auto byte = static_cast<unsigned char>(text[i]);
    switch (byte) {
        case '"':
            out += "\\\"";
            return 1;
        case '\\':
            out += "\\\\";
            return 1;
        case '\n':
            out += "\\n";
            return 1;
        case '\t':
            out += "\\t";
            return 1;
        case '\r':
            out += "\\r";
            return 1;
        case '\b':
            out += "\\b";
            return 1;
        case '\f':
            out += "\\f";
            return 1;
        default:
            if (byte >= 0x80) return append_non_ascii(out, text, i);
            append_unicode_escape(out, byte);  // other C0 controls, < > &
            return 1;
    }
}

}  // namespace

void append_json_quoted(std::string& out, std::string_view text) {
    out += '"';
    std::size_t run_start = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!special_bytes[static_cast<unsigned char>(text[i])]) {
            ++i;
            continue;
        }
        out.append(text, run_start, i - run_start);
        i += append_escape(out, text, i);
        run_start = i;
    }
    out.append(text, run_start, text.size() - run_start);
    out += '"';
}

void JsonWriter::new_line() {
    out_ += '\n';
    out_.append(2 * has_members_.size(), ' ');
}

void JsonWriter::start_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (has_members_.empty()) return;
    if (has_members_.back()) out_ += ',';
    has_members_.back() = true;
    if (pretty_) new_line();
}

JsonWriter& JsonWriter::key(std::string_view name) {
    start_value();
    append_json_quoted(out_, name);
    out_ += pretty_ ? ": " : ":";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::open(char bracket) {
    start_value();
    out_ += bracket;
    has_members_.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
    assert(!has_members_.empty());
    bool had_members = has_members_.back();
    has_members_.pop_back();
    if (pretty_ && had_members) new_line();
    out_ += bracket;
    return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
    start_value();
    append_json_quoted(out_, text);
    return *this;
}

JsonWriter& JsonWriter::number(std::string_view json_number) {
    start_value();
    out_ += json_number;
    return *this;
}

JsonWriter& JsonWriter::integer(long long value) {
    start_value();
    out_ += std::to_string(value);
    return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
    start_value();
    out_ += value ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    start_value();
    out_ += "null";
    return *this;
}

std::string JsonWriter::finish() {
    assert(has_members_.empty());
    out_ += '\n';
    return std::move(out_);
}

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE
