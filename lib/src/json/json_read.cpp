// The JSON mapping's reader: the inverse of write_json, for documents that may come from anywhere.
//
// nlohmann::json parses (it rejects invalid UTF-8, lone surrogates and trailing data); this file checks the shape.
// It is as strict as read_xml and for the same reasons: an unknown or duplicate key, a value of the wrong type, a
// missing required key, an empty text where the schema wants one, a value outside an enumeration the model holds
// as an enum, or a character XML 1.0 cannot hold is an occkit::Error "<JSON pointer>: reason", because accepting
// it would lose or invent data on the way to XML. Values the model keeps as strings are not checked against their
// vocabularies here; the schemas do that.
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "model/canonical.hpp"
#include "occkit/error.hpp"
#include "occkit/json.hpp"
#include "occkit/xml.hpp"
#include "support/text_util.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

using nlohmann::json;

// As read_xml: deeper section nesting than any page has; the limit keeps hostile documents from exhausting the stack.
constexpr int max_section_depth = 100;

// A value and where it is, as a JSON Pointer ("" is the whole document).
struct Node {
    const json& value;
    std::string path;

    Node member(std::string_view name) const { return {value.at(std::string(name)), path + "/" + std::string(name)}; }
    Node element(std::size_t index) const { return {value.at(index), path + "/" + std::to_string(index)}; }
};

[[noreturn]] void fail(const Node& node, const std::string& reason) {
    throw Error((node.path.empty() ? std::string("top level") : node.path) + ": " + reason);
}

// A value as an error message shows it: scalars as written (long strings cut at a character boundary), objects and
// arrays by their type, so a message stays one short line whatever the input holds.
std::string shown(const json& value) {
    constexpr std::size_t longest = 40;  // characters
    if (value.is_structured()) return value.type_name();
    if (!value.is_string()) return value.dump();
    return detail::quoted(value.get_ref<const std::string&>(), longest);
}

// Text the canonical XML could not carry (the parser has already checked UTF-8), as read_xml refuses it.
void check_characters(const Node& node, const std::string& text) {
    if (std::string problem = detail::character_problem(text); !problem.empty()) fail(node, problem);
}

// --- values ---

void expect_object(const Node& node, std::initializer_list<std::string_view> keys) {
    if (!node.value.is_object()) fail(node, "expected an object, found " + std::string(node.value.type_name()));
    for (const auto& member : node.value.items())
        if (std::find(keys.begin(), keys.end(), member.key()) == keys.end())
            fail(node, "unknown key " + detail::quoted(member.key()));
}

bool has(const Node& node, std::string_view name) { return node.value.contains(std::string(name)); }

Node required_member(const Node& node, std::string_view name) {
    if (!has(node, name)) fail(node, "missing key " + detail::quoted(name));
    return node.member(name);
}

std::string string_of(const Node& node) {
    if (!node.value.is_string()) fail(node, "expected a string, found " + std::string(node.value.type_name()));
    const std::string& text = node.value.get_ref<const std::string&>();
    check_characters(node, text);
    return text;
}

std::string required_string(const Node& node, std::string_view name) { return string_of(required_member(node, name)); }

std::string optional_string(const Node& node, std::string_view name) {
    return has(node, name) ? string_of(node.member(name)) : std::string();
}

// The element text ("text") of an element whose schema type is NonEmptyText.
std::string non_empty_text(const Node& node) {
    std::string text = required_string(node, "text");
    if (text.empty()) fail(node.member("text"), "must not be empty");
    return text;
}

int positive_integer(const Node& node, std::string_view name, int absent) {
    if (!has(node, name)) return absent;
    Node value = node.member(name);
    bool in_range = value.value.is_number_unsigned() && value.value.get<std::uint64_t>() >= 1 &&
                    value.value.get<std::uint64_t>() <= static_cast<std::uint64_t>(INT_MAX);
    if (!in_range) fail(value, "must be a positive integer, not " + shown(value.value));
    return static_cast<int>(value.value.get<std::uint64_t>());
}

int line_of(const Node& node) { return positive_integer(node, "line", 0); }

std::optional<double> amount(const Node& node, std::string_view name) {
    if (!has(node, name)) return std::nullopt;
    Node value = node.member(name);
    if (!value.value.is_number()) fail(value, "expected a number, found " + std::string(value.value.type_name()));
    double number = value.value.get<double>();
    if (!std::isfinite(number)) fail(value, "is not a finite number");
    return number;
}

bool boolean(const Node& node, std::string_view name) {
    if (!has(node, name)) return false;
    Node value = node.member(name);
    if (!value.value.is_boolean()) fail(value, "expected true or false, found " + shown(value.value));
    return value.value.get<bool>();
}

template <typename Enum>
Enum enumerated(const Node& node, std::string_view name, std::optional<Enum> (*from_string)(std::string_view)) {
    std::string text = required_string(node, name);
    std::optional<Enum> value = from_string(text);
    if (!value) fail(node.member(name), "unknown value " + detail::quoted(text));
    return *value;
}

// Calls read(element) for each element of the optional array `name`.
template <typename Read>
void for_each_element(const Node& node, std::string_view name, Read read) {
    if (!has(node, name)) return;
    Node array = node.member(name);
    if (!array.value.is_array()) fail(array, "expected an array, found " + std::string(array.value.type_name()));
    for (std::size_t i = 0; i < array.value.size(); ++i) read(array.element(i));
}

// An array the schema wants at least one element in (list items, table rows, row cells).
template <typename Read>
void for_each_required_element(const Node& node, std::string_view name, Read read) {
    Node array = required_member(node, name);
    if (!array.value.is_array() || array.value.empty()) fail(array, "expected an array with at least one element");
    for_each_element(node, name, read);
}

// --- elements ---

Source read_source(const Node& node) {
    expect_object(node, {"jurisdiction", "layout", "format", "language", "charset", "sha256", "url"});
    Source source;
    source.jurisdiction = required_string(node, "jurisdiction");
    source.layout = required_string(node, "layout");
    source.format = required_string(node, "format");
    source.language = required_string(node, "language");
    source.charset = required_string(node, "charset");
    source.sha256 = required_string(node, "sha256");
    source.url = optional_string(node, "url");
    return source;
}

Line read_located_text(const Node& node) {
    expect_object(node, {"line", "text"});
    return Line{non_empty_text(node), line_of(node)};
}

Code read_code(const Node& node) {
    expect_object(node, {"scheme", "version", "value", "label", "line"});
    return Code{required_string(node, "scheme"), optional_string(node, "version"), required_string(node, "value"),
                optional_string(node, "label"), line_of(node)};
}

Fact read_fact(const Node& node) {
    expect_object(node, {"name", "label", "line", "text"});
    return Fact{required_string(node, "name"), optional_string(node, "label"), required_string(node, "text"),
                line_of(node)};
}

Date read_date(const Node& node) {
    expect_object(node, {"kind", "value", "precision", "field", "line", "text"});
    Date date;
    date.kind = enumerated(node, "kind", date_kind_from_string);
    date.value = required_string(node, "value");
    date.precision = enumerated(node, "precision", date_precision_from_string);
    date.field = optional_string(node, "field");
    date.line = line_of(node);
    date.phrase = non_empty_text(node);
    return date;
}

Wage read_wage(const Node& node) {
    expect_object(node, {"measure", "per", "min", "max", "value", "currency", "dataYear", "line", "text"});
    Wage wage;
    wage.measure = enumerated(node, "measure", wage_measure_from_string);
    wage.per = enumerated(node, "per", wage_per_from_string);
    wage.min = amount(node, "min");
    wage.max = amount(node, "max");
    wage.value = amount(node, "value");
    wage.currency = required_string(node, "currency");
    wage.data_year = optional_string(node, "dataYear");
    wage.line = line_of(node);
    wage.phrase = non_empty_text(node);
    return wage;
}

Content read_paragraph(const Node& node) {
    expect_object(node, {"type", "line", "text"});
    Content content;
    content.kind = Content::Kind::paragraph;
    content.paragraph = Line{non_empty_text(node), line_of(node)};
    content.line = content.paragraph.line;
    return content;
}

Content read_list(const Node& node) {
    expect_object(node, {"type", "line", "items"});
    Content content;
    content.kind = Content::Kind::list;
    content.line = line_of(node);
    for_each_required_element(node, "items", [&](const Node& item) {
        expect_object(item, {"depth", "line", "text"});
        content.items.push_back(ListItem{non_empty_text(item), positive_integer(item, "depth", 1), line_of(item)});
    });
    return content;
}

Content read_table(const Node& node) {
    expect_object(node, {"type", "line", "rows"});
    Content content;
    content.kind = Content::Kind::table;
    content.line = line_of(node);
    for_each_required_element(node, "rows", [&](const Node& row_node) {
        expect_object(row_node, {"line", "cells"});
        TableRow row;
        row.line = line_of(row_node);
        for_each_required_element(row_node, "cells", [&](const Node& cell) { row.cells.push_back(string_of(cell)); });
        content.rows.push_back(std::move(row));
    });
    return content;
}

Content read_content(const Node& node) {
    if (!node.value.is_object()) fail(node, "expected an object, found " + std::string(node.value.type_name()));
    std::string type = required_string(node, "type");
    if (type == "p") return read_paragraph(node);
    if (type == "list") return read_list(node);
    if (type == "table") return read_table(node);
    fail(node.member("type"),
         "unknown content type " + detail::quoted(type) + " (expected \"p\", \"list\" or \"table\")");
}

Section read_section(const Node& node, int depth) {
    if (depth > max_section_depth)
        fail(node, "sections nested deeper than " + std::to_string(max_section_depth) + " levels");
    expect_object(node, {"kind", "line", "heading", "content", "dates", "wages", "sections"});
    Section section;
    section.kind = required_string(node, "kind");
    section.line = line_of(node);
    Node heading = required_member(node, "heading");
    expect_object(heading, {"inferred", "line", "text"});
    section.heading = non_empty_text(heading);
    section.heading_inferred = boolean(heading, "inferred");
    if (section.line == 0) section.line = line_of(heading);  // as read_xml does with <heading line>
    for_each_element(node, "content", [&](const Node& item) { section.content.push_back(read_content(item)); });
    for_each_element(node, "dates", [&](const Node& item) { section.dates.push_back(read_date(item)); });
    for_each_element(node, "wages", [&](const Node& item) { section.wages.push_back(read_wage(item)); });
    for_each_element(node, "sections",
                     [&](const Node& item) { section.subsections.push_back(read_section(item, depth + 1)); });
    return section;
}

void check_schema_version(const Node& root) {
    std::string version = required_string(root, "schemaVersion");
    if (version != "1" && !version.starts_with("1."))
        fail(root.member("schemaVersion"),
             "unsupported schemaVersion " + detail::quoted(version) + " (this occkit reads 1.x)");
}

Profile read_occupation(const Node& root) {
    expect_object(root, {"schemaVersion", "source", "title", "alternateTitles", "codes", "facts", "dates", "wages",
                         "sections", "unmapped"});
    check_schema_version(root);
    Profile profile;
    profile.source = read_source(required_member(root, "source"));
    if (has(root, "title")) profile.title = read_located_text(root.member("title"));
    for_each_element(root, "alternateTitles",
                     [&](const Node& item) { profile.alternate_titles.push_back(read_located_text(item)); });
    for_each_element(root, "codes", [&](const Node& item) { profile.codes.push_back(read_code(item)); });
    for_each_element(root, "facts", [&](const Node& item) { profile.facts.push_back(read_fact(item)); });
    for_each_element(root, "dates", [&](const Node& item) { profile.dates.push_back(read_date(item)); });
    for_each_element(root, "wages", [&](const Node& item) { profile.wages.push_back(read_wage(item)); });
    for_each_element(root, "sections", [&](const Node& item) { profile.sections.push_back(read_section(item, 1)); });
    for_each_element(root, "unmapped", [&](const Node& item) { profile.unmapped.push_back(read_content(item)); });
    return profile;
}

// nlohmann keeps the last of two equal keys without a word; two values for one attribute are an error here.
class DuplicateKeyCheck {
public:
    bool operator()(int /*depth*/, json::parse_event_t event, json& parsed) {
        if (event == json::parse_event_t::object_start) {
            keys_.emplace_back();
        } else if (event == json::parse_event_t::object_end) {
            keys_.pop_back();
        } else if (event == json::parse_event_t::key && !keys_.back().insert(parsed.get<std::string>()).second) {
            throw Error("duplicate key " + detail::quoted(parsed.get<std::string>()));
        }
        return true;
    }

private:
    std::vector<std::set<std::string>> keys_;
};

// "line 3, column 5: malformed JSON: <nlohmann's reason>", like read_xml's "line N: malformed XML: ...". Any
// invalid bytes nlohmann quotes from the input are made printable.
std::string malformed_json_message(const json::exception& error) {
    std::string message = detail::canonical_text(error.what());
    std::size_t prefix_end = message.find("] ");
    if (message.starts_with("[json.exception") && prefix_end != std::string::npos) message.erase(0, prefix_end + 2);
    for (std::string_view prefix : {"parse error at ", "parse error: "})
        if (message.starts_with(prefix)) message.erase(0, prefix.size());
    std::size_t position_end = message.find(": ");
    if (!message.starts_with("line ") || position_end == std::string::npos) return "malformed JSON: " + message;
    return message.substr(0, position_end) + ": malformed JSON: " + message.substr(position_end + 2);
}

}  // namespace

Profile read_json(std::string_view text) {
    json document;
    try {
        document = json::parse(text.begin(), text.end(), DuplicateKeyCheck());
    } catch (const json::exception& error) {  // a syntax error, or a number too large for a double
        throw Error(malformed_json_message(error));
    }
    return read_occupation(Node{document, ""});
}

OCCKIT_END_IMPL_NAMESPACE
