// A small streaming JSON writer for the JSON and JSON-LD serialisations: members come out in the order they are
// written (the order is the format), strings are escaped so that the output can sit on one NDJSON line or inside an
// HTML <script> element, and numbers are written from text the caller has already formatted.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "occkit/json.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

// Appends `text` as a JSON string literal. Escaped: the quote, the backslash and every C0 control (\n \t \r \b \f,
// others as \u00XX) as JSON requires; U+2028 and U+2029, which end a line in JavaScript; and < > & as \u003c
// \u003e \u0026 (as Go's encoding/json does), so no "</script>" or "<!--" can end an HTML script element holding
// the JSON. A byte that is not UTF-8 (a file name from outside, say) becomes U+FFFD: the output is always JSON.
void append_json_quoted(std::string& out, std::string_view text);

class JsonWriter {
public:
    explicit JsonWriter(JsonStyle style) : pretty_(style == JsonStyle::pretty) {}

    JsonWriter& begin_object() { return open('{'); }
    JsonWriter& end_object() { return close('}'); }
    JsonWriter& begin_array() { return open('['); }
    JsonWriter& end_array() { return close(']'); }

    JsonWriter& key(std::string_view name);  // the next value is this member's
    JsonWriter& string(std::string_view text);
    JsonWriter& number(std::string_view json_number);  // text that is already a JSON number
    JsonWriter& integer(long long value);
    JsonWriter& boolean(bool value);
    JsonWriter& null();

    // The finished document and its final newline. Every object and array must be closed.
    std::string finish();

private:
    JsonWriter& open(char bracket);
    JsonWriter& close(char bracket);
    void start_value();  // the separator and indentation that go before a value or a key
    void new_line();

    std::string out_;
    std::vector<bool> has_members_;  // one per open object or array
    bool after_key_ = false;
    bool pretty_;
};

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE
