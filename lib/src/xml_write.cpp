// The canonical XML writer. The output is always well-formed XML 1.0 in UTF-8, whatever bytes the Profile holds,
// and the same Profile always gives the same bytes, so documents can be diffed and hashed.
//
// Where the model holds something the schema cannot express, the writer repairs rather than emits invalid XML:
//  * text is cleaned: invalid UTF-8 (including overlong forms) and surrogates become U+FFFD; C0 controls other
//    than tab, LF and CR, and U+FFFE/U+FFFF are dropped; CR LF and lone CR become LF (a parser would do the same);
//  * empty required text is never written: empty titles, alternate titles, paragraphs and list items are skipped,
//    as are rows without cells and lists or tables left without children; containers left empty are omitted;
//  * an empty heading becomes the section kind, marked inferred; an empty date phrase becomes the date value; an
//    empty wage phrase is spelled out from the amounts;
//  * empty required attributes get neutral values: jurisdiction "XX", layout "generic", format "text", language
//    "und", charset "UTF-8", sha256 64 zeros, section kind "other", currency "CAD";
//  * `line` is written only when positive, list depth only when not 1 (depths below 1 are written as 1), and
//    amounts that are not finite numbers are left out.
// Controlled values that are present but outside the vocabulary (a jurisdiction "ZZ", a code scheme "foo") are
// written as given: the writer keeps the data; the schema validator reports it.
#include <charconv>
#include <cmath>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "canonical.hpp"
#include "occkit/xml.hpp"
#include "text_util.hpp"

namespace occkit {

namespace {

// XML 1.0 Char minus what becomes U+FFFD: C0 controls (but tab, LF, CR) and the noncharacters U+FFFE/U+FFFF.
bool is_dropped_character(char32_t cp) {
    return (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0xFFFE || cp == 0xFFFF;
}

void append_code_point(std::string& out, std::string_view s, std::size_t& i) {
    char32_t cp = detail::next_code_point(s, i);  // U+FFFD for each byte that is not UTF-8
    if (is_dropped_character(cp)) return;
    detail::append_utf8(out, cp);
}

// Text as it may appear in the document (see the file comment for the rules).
std::string clean(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        auto byte = static_cast<unsigned char>(s[i]);
        if ((byte >= 0x20 && byte < 0x80) || byte == '\t' || byte == '\n') {
            out += static_cast<char>(byte);
            ++i;
        } else if (byte == '\r') {
            out += '\n';
            i += (i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
        } else {
            append_code_point(out, s, i);
        }
    }
    return out;
}

// xs:decimal has no exponent; format_number switches to one for very large or small values.
std::optional<std::string> amount_text(double amount) {
    if (!std::isfinite(amount)) return std::nullopt;
    std::string text = detail::format_number(amount);
    if (text.find_first_of("eE") == std::string::npos) return text;
    char buffer[512];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, amount, std::chars_format::fixed);
    if (ec != std::errc()) return std::nullopt;
    return std::string(buffer, end);
}

void add_attribute(pugi::xml_node node, const char* name, std::string_view value) {
    node.append_attribute(name).set_value(clean(value).c_str());
}

void add_attribute_or(pugi::xml_node node, const char* name, std::string_view value, std::string_view fallback) {
    std::string text = clean(value);
    node.append_attribute(name).set_value(text.empty() ? std::string(fallback).c_str() : text.c_str());
}

void add_optional_attribute(pugi::xml_node node, const char* name, std::string_view value) {
    std::string text = clean(value);
    if (!text.empty()) node.append_attribute(name).set_value(text.c_str());
}

void add_line(pugi::xml_node node, int line) {
    if (line > 0) node.append_attribute("line").set_value(line);
}

// `text` must already be clean.
pugi::xml_node add_text_element(pugi::xml_node parent, const char* name, const std::string& text) {
    pugi::xml_node element = parent.append_child(name);
    if (!text.empty()) element.append_child(pugi::node_pcdata).set_value(text.c_str());
    return element;
}

// Containers are built first and dropped when every child was skipped: the schema wants at least one child.
void drop_if_childless(pugi::xml_node parent, pugi::xml_node container) {
    if (!container.first_child()) parent.remove_child(container);
}

void write_source(pugi::xml_node root, const Source& source) {
    pugi::xml_node node = root.append_child("source");
    add_attribute_or(node, "jurisdiction", source.jurisdiction, "XX");
    add_attribute_or(node, "layout", source.layout, "generic");
    add_attribute_or(node, "format", source.format, "text");
    add_attribute_or(node, "language", source.language, "und");
    add_attribute_or(node, "charset", source.charset, "UTF-8");
    add_attribute_or(node, "sha256", source.sha256, std::string(64, '0'));
    add_optional_attribute(node, "url", source.url);
}

void write_located_text(pugi::xml_node parent, const char* name, const Line& line) {
    std::string text = clean(line.text);
    if (text.empty()) return;
    add_line(add_text_element(parent, name, text), line.line);
}

void write_alternate_titles(pugi::xml_node root, const std::vector<Line>& titles) {
    if (titles.empty()) return;
    pugi::xml_node container = root.append_child("alternateTitles");
    for (const Line& title : titles) write_located_text(container, "alternateTitle", title);
    drop_if_childless(root, container);
}

void write_codes(pugi::xml_node root, const std::vector<Code>& codes) {
    if (codes.empty()) return;
    pugi::xml_node container = root.append_child("codes");
    for (const Code& code : codes) {
        pugi::xml_node node = container.append_child("code");
        add_attribute(node, "scheme", code.scheme);
        add_optional_attribute(node, "version", code.version);
        add_attribute(node, "value", code.value);
        add_optional_attribute(node, "label", code.label);
        add_line(node, code.line);
    }
}

void write_facts(pugi::xml_node root, const std::vector<Fact>& facts) {
    if (facts.empty()) return;
    pugi::xml_node container = root.append_child("facts");
    for (const Fact& fact : facts) {
        // Attributes go on before the text so that the attribute order stays name, label, line.
        pugi::xml_node node = container.append_child("fact");
        add_attribute(node, "name", fact.name);
        add_optional_attribute(node, "label", fact.label);
        add_line(node, fact.line);
        std::string value = clean(fact.value);
        if (!value.empty()) node.append_child(pugi::node_pcdata).set_value(value.c_str());
    }
}

void write_date(pugi::xml_node parent, const Date& date) {
    std::string phrase = clean(date.phrase);
    if (phrase.empty()) phrase = clean(date.value);
    if (phrase.empty()) phrase = std::string(to_string(date.kind));
    pugi::xml_node node = add_text_element(parent, "date", phrase);
    add_attribute(node, "kind", to_string(date.kind));
    add_attribute(node, "value", date.value);
    add_attribute(node, "precision", to_string(date.precision));
    add_optional_attribute(node, "field", date.field);
    add_line(node, date.line);
}

// Stands in for a missing source phrase: "32000-45000 CAD per year".
std::string describe_wage(const Wage& wage, std::string_view currency) {
    auto amount = [](const std::optional<double>& v) { return v ? amount_text(*v).value_or("") : std::string(); };
    std::string amounts = amount(wage.value);
    if (amounts.empty()) {
        amounts = amount(wage.min);
        std::string max = amount(wage.max);
        if (!max.empty()) amounts += (amounts.empty() ? "" : "-") + max;
    }
    if (amounts.empty()) amounts = std::string(to_string(wage.measure)) + " wage";
    return amounts + " " + std::string(currency) + " per " + std::string(to_string(wage.per));
}

void add_amount(pugi::xml_node node, const char* name, const std::optional<double>& amount) {
    if (!amount) return;
    if (auto text = amount_text(*amount)) node.append_attribute(name).set_value(text->c_str());
}

void write_wage(pugi::xml_node parent, const Wage& wage) {
    std::string currency = clean(wage.currency);
    if (currency.empty()) currency = "CAD";
    std::string phrase = clean(wage.phrase);
    if (phrase.empty()) phrase = describe_wage(wage, currency);
    pugi::xml_node node = add_text_element(parent, "wage", phrase);
    add_attribute(node, "measure", to_string(wage.measure));
    add_attribute(node, "per", to_string(wage.per));
    add_amount(node, "min", wage.min);
    add_amount(node, "max", wage.max);
    add_amount(node, "value", wage.value);
    add_attribute(node, "currency", currency);
    add_optional_attribute(node, "dataYear", wage.data_year);
    add_line(node, wage.line);
}

void write_list(pugi::xml_node parent, const Content& content) {
    pugi::xml_node list = parent.append_child("list");
    add_line(list, content.line);
    for (const ListItem& item : content.items) {
        std::string text = clean(item.text);
        if (text.empty()) continue;
        pugi::xml_node node = add_text_element(list, "item", text);
        if (item.depth > 1) node.append_attribute("depth").set_value(item.depth);
        add_line(node, item.line);
    }
    drop_if_childless(parent, list);
}

void write_table(pugi::xml_node parent, const Content& content) {
    pugi::xml_node table = parent.append_child("table");
    add_line(table, content.line);
    for (const TableRow& row : content.rows) {
        if (row.cells.empty()) continue;
        pugi::xml_node row_node = table.append_child("row");
        add_line(row_node, row.line);
        for (const std::string& cell : row.cells) add_text_element(row_node, "cell", clean(cell));
    }
    drop_if_childless(parent, table);
}

void write_content(pugi::xml_node parent, const Content& content) {
    switch (content.kind) {
        case Content::Kind::paragraph: {
            // A paragraph has one line; the paragraph's own wins over the run's.
            int line = content.paragraph.line > 0 ? content.paragraph.line : content.line;
            write_located_text(parent, "p", Line{content.paragraph.text, line});
            break;
        }
        case Content::Kind::list:
            write_list(parent, content);
            break;
        case Content::Kind::table:
            write_table(parent, content);
            break;
    }
}

void write_section(pugi::xml_node parent, const Section& section) {
    pugi::xml_node node = parent.append_child("section");
    std::string kind = clean(section.kind);
    if (kind.empty()) kind = "other";
    add_attribute(node, "kind", kind);
    add_line(node, section.line);

    std::string heading = clean(section.heading);
    bool inferred = section.heading_inferred || heading.empty();
    pugi::xml_node heading_node = add_text_element(node, "heading", heading.empty() ? kind : heading);
    if (inferred) heading_node.append_attribute("inferred").set_value("true");

    for (const Content& content : section.content) write_content(node, content);
    for (const Date& date : section.dates) write_date(node, date);
    for (const Wage& wage : section.wages) write_wage(node, wage);
    for (const Section& subsection : section.subsections) write_section(node, subsection);
}

void write_unmapped(pugi::xml_node root, const std::vector<Content>& unmapped) {
    if (unmapped.empty()) return;
    pugi::xml_node container = root.append_child("unmapped");
    for (const Content& content : unmapped) write_content(container, content);
    drop_if_childless(root, container);
}

template <typename Item, typename WriteItem>
void write_container(pugi::xml_node root, const char* name, const std::vector<Item>& items, WriteItem write_item) {
    if (items.empty()) return;
    pugi::xml_node container = root.append_child(name);
    for (const Item& item : items) write_item(container, item);
}

struct StringWriter : pugi::xml_writer {
    std::string out;
    void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
};

}  // namespace

// The JSON and JSON-LD writers repair text, amounts and missing wage phrases with these same rules (canonical.hpp).
std::string detail::canonical_text(std::string_view text) { return clean(text); }
std::optional<std::string> detail::canonical_amount(double amount) { return amount_text(amount); }
std::string detail::canonical_wage_phrase(const Wage& wage, std::string_view currency) {
    return describe_wage(wage, currency);
}

std::string write_xml(const Profile& profile) {
    pugi::xml_document doc;
    pugi::xml_node declaration = doc.append_child(pugi::node_declaration);
    declaration.append_attribute("version").set_value("1.0");
    declaration.append_attribute("encoding").set_value("UTF-8");

    pugi::xml_node root = doc.append_child("occupation");
    root.append_attribute("xmlns").set_value(std::string(occupation_namespace).c_str());
    root.append_attribute("schemaVersion").set_value(std::string(schema_version).c_str());

    write_source(root, profile.source);
    if (profile.title) write_located_text(root, "title", *profile.title);
    write_alternate_titles(root, profile.alternate_titles);
    write_codes(root, profile.codes);
    write_facts(root, profile.facts);
    write_container(root, "dates", profile.dates, write_date);
    write_container(root, "wages", profile.wages, write_wage);
    write_container(root, "sections", profile.sections, write_section);
    write_unmapped(root, profile.unmapped);

    StringWriter writer;
    doc.save(writer, "  ", pugi::format_indent, pugi::encoding_utf8);
    return std::move(writer.out);
}

}  // namespace occkit
