// The JSON mapping of the canonical document (docs/json.md, schemas/occupation.schema.json). One rule throughout:
// an element is an object whose keys are its attributes in the XML writer's order, then its text as "text", then
// its children; a repeated element is an array under its container's name (or its plural, inside a section); an
// attribute the XML leaves out (absent, or at its default) is a key the JSON leaves out. The profile is made
// canonical first, so everything written here is already clean and only needs serialising.
#include <string>
#include <vector>

#include "model/canonical.hpp"
#include "json/json_writer.hpp"
#include "occkit/cancel.hpp"
#include "occkit/json.hpp"
#include "occkit/xml.hpp"
#include "support/resources.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

using detail::JsonWriter;

void write_line(JsonWriter& json, int line) {
    if (line > 0) json.key("line").integer(line);
}

void write_optional(JsonWriter& json, std::string_view name, const std::string& value) {
    if (!value.empty()) json.key(name).string(value);
}

void write_amount(JsonWriter& json, std::string_view name, const std::optional<double>& amount) {
    std::optional<std::string> text = amount ? detail::canonical_amount(*amount) : std::nullopt;
    if (!text) return;  // as in the XML: an amount with no decimal form is left out
    // JSON parsers read "-0" as the integer 0 and lose the sign the XML keeps; "-0.0" is read as the double -0.
    if (*text == "-0") *text = "-0.0";
    json.key(name).number(*text);
}

template <typename Item, typename WriteItem>
void write_array(JsonWriter& json, std::string_view name, const std::vector<Item>& items, WriteItem write_item) {
    if (items.empty()) return;
    json.key(name).begin_array();
    for (const Item& item : items) write_item(json, item);
    json.end_array();
}

void write_source(JsonWriter& json, const Source& source) {
    json.key("source").begin_object();
    json.key("jurisdiction").string(source.jurisdiction);
    json.key("layout").string(source.layout);
    json.key("format").string(source.format);
    json.key("language").string(source.language);
    json.key("charset").string(source.charset);
    json.key("sha256").string(source.sha256);
    write_optional(json, "url", source.url);
    json.end_object();
}

void write_located_text(JsonWriter& json, const Line& line) {
    json.begin_object();
    write_line(json, line.line);
    json.key("text").string(line.text);
    json.end_object();
}

void write_code(JsonWriter& json, const Code& code) {
    json.begin_object();
    json.key("scheme").string(code.scheme);
    write_optional(json, "version", code.version);
    json.key("value").string(code.value);
    write_optional(json, "label", code.label);
    write_line(json, code.line);
    json.end_object();
}

void write_fact(JsonWriter& json, const Fact& fact) {
    json.begin_object();
    json.key("name").string(fact.name);
    write_optional(json, "label", fact.label);
    write_line(json, fact.line);
    json.key("text").string(fact.value);  // may be empty, as the XML element may be
    json.end_object();
}

void write_date(JsonWriter& json, const Date& date) {
    json.begin_object();
    json.key("kind").string(to_string(date.kind));
    json.key("value").string(date.value);
    json.key("precision").string(to_string(date.precision));
    write_optional(json, "field", date.field);
    write_line(json, date.line);
    json.key("text").string(date.phrase);
    json.end_object();
}

void write_wage(JsonWriter& json, const Wage& wage) {
    json.begin_object();
    json.key("measure").string(to_string(wage.measure));
    json.key("per").string(to_string(wage.per));
    write_amount(json, "min", wage.min);
    write_amount(json, "max", wage.max);
    write_amount(json, "value", wage.value);
    json.key("currency").string(wage.currency);
    write_optional(json, "dataYear", wage.data_year);
    write_line(json, wage.line);
    json.key("text").string(wage.phrase);
    json.end_object();
}

void write_list_item(JsonWriter& json, const ListItem& item) {
    json.begin_object();
    if (item.depth > 1) json.key("depth").integer(item.depth);
    write_line(json, item.line);
    json.key("text").string(item.text);
    json.end_object();
}

void write_row(JsonWriter& json, const TableRow& row) {
    json.begin_object();
    write_line(json, row.line);
    json.key("cells").begin_array();
    for (const std::string& cell : row.cells) json.string(cell);
    json.end_array();
    json.end_object();
}

// The schema's Content choice (p | list | table): the element name goes in "type".
void write_content(JsonWriter& json, const Content& content) {
    json.begin_object();
    switch (content.kind) {
        case Content::Kind::paragraph:
            json.key("type").string("p");
            write_line(json, content.paragraph.line);
            json.key("text").string(content.paragraph.text);
            break;
        case Content::Kind::list:
            json.key("type").string("list");
            write_line(json, content.line);
            write_array(json, "items", content.items, write_list_item);
            break;
        case Content::Kind::table:
            json.key("type").string("table");
            write_line(json, content.line);
            write_array(json, "rows", content.rows, write_row);
            break;
    }
    json.end_object();
}

void write_section(JsonWriter& json, const Section& section) {
    throw_if_cancelled();  // occkit/cancel.hpp: an export of a huge profile stops between sections
    json.begin_object();
    json.key("kind").string(section.kind);
    write_line(json, section.line);
    json.key("heading").begin_object();
    if (section.heading_inferred) json.key("inferred").boolean(true);
    json.key("text").string(section.heading);
    json.end_object();
    write_array(json, "content", section.content, write_content);
    write_array(json, "dates", section.dates, write_date);
    write_array(json, "wages", section.wages, write_wage);
    write_array(json, "sections", section.subsections, write_section);
    json.end_object();
}

}  // namespace

std::string write_json(const Profile& profile, JsonStyle style) {
    const Profile canonical = detail::canonical_profile(profile);
    JsonWriter json(style);
    json.begin_object();
    json.key("schemaVersion").string(schema_version);
    write_source(json, canonical.source);
    if (canonical.title) {
        json.key("title");
        write_located_text(json, *canonical.title);
    }
    write_array(json, "alternateTitles", canonical.alternate_titles, write_located_text);
    write_array(json, "codes", canonical.codes, write_code);
    write_array(json, "facts", canonical.facts, write_fact);
    write_array(json, "dates", canonical.dates, write_date);
    write_array(json, "wages", canonical.wages, write_wage);
    write_array(json, "sections", canonical.sections, write_section);
    write_array(json, "unmapped", canonical.unmapped, write_content);
    json.end_object();
    return json.finish();
}

std::string_view occupation_json_schema() { return resources::schema("occupation.schema.json"); }

OCCKIT_END_IMPL_NAMESPACE
