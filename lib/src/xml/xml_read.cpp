// The canonical XML reader: the inverse of write_xml, for documents that may come from anywhere.
//
// pugixml never loads external DTDs or entities and never expands entities beyond the predefined five and
// character references, so neither an XXE nor a billion-laughs document can do harm; a DOCTYPE is rejected outright
// all the same, because canonical documents never carry one. The reader is strict where the model would otherwise
// lose or invent data: an unknown element or attribute, an element out of schema order, a missing required
// attribute, a value outside an enumeration, or a character XML 1.0 forbids (reachable through character
// references) is an occkit::Error "line N: reason". Values that the model keeps as strings (jurisdiction, code
// scheme, ...) are not checked against their vocabularies here: read_xml then applies the verdict `validate` gives
// (xml_verdict.hpp), so every command refuses exactly the documents validate calls not well-formed or invalid.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "occkit/error.hpp"
#include "occkit/xml.hpp"
#include "support/text_util.hpp"
#include "xml/xml_verdict.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

using detail::max_section_depth;

std::string_view local_name(pugi::xml_node node) {
    std::string_view name = node.name();
    std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// The namespace an element is in, from the nearest xmlns declaration for its prefix.
std::string_view namespace_of(pugi::xml_node node) {
    std::string_view name = node.name();
    std::size_t colon = name.find(':');
    std::string declaration = colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(name.substr(0, colon));
    for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent())
        if (pugi::xml_attribute attribute = n.attribute(declaration.c_str())) return attribute.value();
    return {};
}

// Namespace declarations and attributes in other namespaces (xsi:schemaLocation, xml:lang) are not data.
bool is_foreign_attribute(std::string_view name) { return name == "xmlns" || name.find(':') != std::string_view::npos; }

std::string_view trim_xml_space(std::string_view s) {
    std::size_t first = s.find_first_not_of(" \t\n\r");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\n\r") - first + 1);
}

class Reader {
public:
    explicit Reader(std::string_view xml) : xml_(xml) {}

    Profile read() {
        pugi::xml_document doc;
        unsigned options =
            pugi::parse_default | pugi::parse_doctype | pugi::parse_declaration | pugi::parse_ws_pcdata_single;
        pugi::xml_parse_result result = doc.load_buffer(xml_.data(), xml_.size(), options, pugi::encoding_utf8);
        if (!result)
            throw Error("line " + std::to_string(line_at(static_cast<std::size_t>(result.offset))) +
                        ": malformed XML: " + result.description());
        return read_document(doc);
    }

private:
    std::string_view xml_;

    // --- locations and errors ---

    int line_at(std::size_t offset) const {
        offset = std::min(offset, xml_.size());
        return 1 + static_cast<int>(std::count(xml_.begin(), xml_.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    }

    int line_of(pugi::xml_node node) const {
        std::ptrdiff_t offset = node.offset_debug();
        return offset < 0 ? 0 : line_at(static_cast<std::size_t>(offset));
    }

    [[noreturn]] void fail(pugi::xml_node node, const std::string& reason) const {
        throw Error("line " + std::to_string(line_of(node)) + ": " + reason);
    }

    static std::string tag(pugi::xml_node node) { return "<" + std::string(node.name()) + ">"; }

    // --- document level ---

    Profile read_document(const pugi::xml_document& doc) {
        pugi::xml_node root;
        for (pugi::xml_node node : doc.children()) {
            if (node.type() == pugi::node_doctype) fail(node, "DOCTYPE is not allowed in canonical XML");
            if (node.type() == pugi::node_declaration) check_declaration(node);
            if (node.type() != pugi::node_element) continue;
            if (root) fail(node, "more than one root element");
            root = node;
        }
        if (!root) throw Error("line 1: no root element");
        check_root(root);
        return read_occupation(root);
    }

    void check_declaration(pugi::xml_node declaration) const {
        std::string encoding = detail::ascii_lower(declaration.attribute("encoding").value());
        if (!encoding.empty() && encoding != "utf-8")
            fail(declaration, "encoding '" + std::string(declaration.attribute("encoding").value()) +
                                  "' is not supported; canonical XML is UTF-8");
    }

    void check_root(pugi::xml_node root) const {
        if (local_name(root) != "occupation") fail(root, "root element is " + tag(root) + ", expected <occupation>");
        std::string_view ns = namespace_of(root);
        if (ns != occupation_namespace)
            fail(root, "root element is in namespace '" + std::string(ns) + "', expected '" +
                           std::string(occupation_namespace) + "'");
        pugi::xml_attribute version = root.attribute("schemaVersion");
        if (!version) fail(root, "<occupation> is missing the attribute 'schemaVersion'");
        std::string_view value = version.value();
        if (value != "1" && !value.starts_with("1."))
            fail(root, "unsupported schemaVersion '" + std::string(value) + "' (this occkit reads 1.x)");
        check_attributes(root, {"schemaVersion"});
    }

    Profile read_occupation(pugi::xml_node root) {
        // Schema order; each child at most once, <source> required.
        static constexpr std::string_view order[] = {"source", "title", "alternateTitles", "codes",   "facts",
                                                     "dates",  "wages", "sections",        "unmapped"};
        Profile profile;
        std::size_t next_rank = 0;
        bool has_source = false;
        for (pugi::xml_node child : element_children(root)) {
            std::string_view name = local_name(child);
            auto found = std::find(std::begin(order), std::end(order), name);
            if (found == std::end(order)) fail(child, "unknown element " + tag(child) + " in <occupation>");
            auto rank = static_cast<std::size_t>(found - std::begin(order));
            if (rank < next_rank) fail(child, tag(child) + " is out of schema order or repeated");
            next_rank = rank + 1;
            read_occupation_child(child, name, profile);
            has_source = has_source || name == "source";
        }
        if (!has_source) fail(root, "<occupation> has no <source>");
        return profile;
    }

    void read_occupation_child(pugi::xml_node child, std::string_view name, Profile& profile) {
        if (name == "source") {
            profile.source = read_source(child);
        } else if (name == "title") {
            profile.title = read_located_text(child);
        } else if (name == "alternateTitles") {
            for (pugi::xml_node item : children_named(child, "alternateTitle"))
                profile.alternate_titles.push_back(read_located_text(item));
        } else if (name == "codes") {
            for (pugi::xml_node item : children_named(child, "code")) profile.codes.push_back(read_code(item));
        } else if (name == "facts") {
            for (pugi::xml_node item : children_named(child, "fact")) profile.facts.push_back(read_fact(item));
        } else if (name == "dates") {
            for (pugi::xml_node item : children_named(child, "date")) profile.dates.push_back(read_date(item));
        } else if (name == "wages") {
            for (pugi::xml_node item : children_named(child, "wage")) profile.wages.push_back(read_wage(item));
        } else if (name == "sections") {
            for (pugi::xml_node item : children_named(child, "section"))
                profile.sections.push_back(read_section(item, 1));
        } else if (name == "unmapped") {
            for (pugi::xml_node item : element_children(child)) profile.unmapped.push_back(read_content(item, child));
        }
    }

    // --- structure ---

    // Element children, after checking that everything else in `parent` is white space and that each element is
    // in the occupation namespace.
    std::vector<pugi::xml_node> element_children(pugi::xml_node parent) const {
        std::vector<pugi::xml_node> elements;
        for (pugi::xml_node child : parent.children()) {
            if (child.type() == pugi::node_element) {
                if (namespace_of(child) != occupation_namespace)
                    fail(child,
                         "element " + tag(child) + " is not in namespace '" + std::string(occupation_namespace) + "'");
                elements.push_back(child);
            } else if ((child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) &&
                       !trim_xml_space(child.value()).empty()) {
                fail(child, "unexpected text in " + tag(parent));
            }
        }
        return elements;
    }

    std::vector<pugi::xml_node> children_named(pugi::xml_node parent, std::string_view name) const {
        std::vector<pugi::xml_node> elements = element_children(parent);
        for (pugi::xml_node child : elements)
            if (local_name(child) != name) fail(child, "unknown element " + tag(child) + " in " + tag(parent));
        return elements;
    }

    // The text content of a leaf element (character data and CDATA sections, comments skipped).
    std::string text_of(pugi::xml_node node) const {
        std::string text;
        for (pugi::xml_node child : node.children()) {
            if (child.type() == pugi::node_element)
                fail(child, "unexpected element " + tag(child) + " in " + tag(node));
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) text += child.value();
        }
        check_characters(node, text);
        return text;
    }

    std::string non_empty_text_of(pugi::xml_node node) const {
        std::string text = text_of(node);
        if (text.empty()) fail(node, tag(node) + " is empty");
        return text;
    }

    void check_characters(pugi::xml_node node, std::string_view text) const {
        std::string problem = detail::character_problem(text);
        if (!problem.empty()) fail(node, problem + " in " + tag(node));
    }

    // --- attributes ---

    void check_attributes(pugi::xml_node node, std::initializer_list<std::string_view> allowed) const {
        for (pugi::xml_attribute attribute : node.attributes()) {
            std::string_view name = attribute.name();
            if (is_foreign_attribute(name)) continue;
            if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
                fail(node, "unknown attribute '" + std::string(name) + "' on " + tag(node));
            for (pugi::xml_attribute other = attribute.next_attribute(); other; other = other.next_attribute())
                if (name == other.name()) fail(node, "duplicate attribute '" + std::string(name) + "' on " + tag(node));
            check_characters(node, attribute.value());
        }
    }

    std::string required(pugi::xml_node node, const char* name) const {
        pugi::xml_attribute attribute = node.attribute(name);
        if (!attribute) fail(node, tag(node) + " is missing the attribute '" + name + "'");
        return attribute.value();
    }

    static std::string optional(pugi::xml_node node, const char* name) { return node.attribute(name).value(); }

    int positive_integer(pugi::xml_node node, const char* name, int absent) const {
        pugi::xml_attribute attribute = node.attribute(name);
        if (!attribute) return absent;
        std::string_view text = trim_xml_space(attribute.value());
        if (!text.empty() && text.front() == '+') text.remove_prefix(1);
        int value = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || end != text.data() + text.size() || value < 1 || text.empty())
            fail(node, "attribute '" + std::string(name) + "' of " + tag(node) + " must be a positive integer, not '" +
                           attribute.value() + "'");
        return value;
    }

    int line_attribute(pugi::xml_node node) const { return positive_integer(node, "line", 0); }

    std::optional<double> amount(pugi::xml_node node, const char* name) const {
        pugi::xml_attribute attribute = node.attribute(name);
        if (!attribute) return std::nullopt;
        std::string_view text = trim_xml_space(attribute.value());
        if (!text.empty() && text.front() == '+') text.remove_prefix(1);
        double value = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || end != text.data() + text.size() || text.empty() || !std::isfinite(value))
            fail(node, "attribute '" + std::string(name) + "' of " + tag(node) + " is not a number: '" +
                           attribute.value() + "'");
        return value;
    }

    template <typename Enum>
    Enum enumerated(pugi::xml_node node, const char* name, std::optional<Enum> (*from_string)(std::string_view)) const {
        std::string text = required(node, name);
        std::optional<Enum> value = from_string(text);
        if (!value)
            fail(node,
                 "attribute '" + std::string(name) + "' of " + tag(node) + " has an unknown value '" + text + "'");
        return *value;
    }

    bool boolean(pugi::xml_node node, const char* name) const {
        pugi::xml_attribute attribute = node.attribute(name);
        if (!attribute) return false;
        std::string_view text = trim_xml_space(attribute.value());
        if (text == "true" || text == "1") return true;
        if (text == "false" || text == "0") return false;
        fail(node, "attribute '" + std::string(name) + "' of " + tag(node) + " must be true or false, not '" +
                       attribute.value() + "'");
    }

    // --- elements ---

    Source read_source(pugi::xml_node node) const {
        check_attributes(node, {"jurisdiction", "layout", "format", "language", "charset", "sha256", "url"});
        check_empty(node);
        Source source;
        source.jurisdiction = required(node, "jurisdiction");
        source.layout = required(node, "layout");
        source.format = required(node, "format");
        source.language = required(node, "language");
        source.charset = required(node, "charset");
        source.sha256 = required(node, "sha256");
        source.url = optional(node, "url");
        return source;
    }

    Line read_located_text(pugi::xml_node node) const {
        check_attributes(node, {"line"});
        return Line{non_empty_text_of(node), line_attribute(node)};
    }

    Code read_code(pugi::xml_node node) const {
        check_attributes(node, {"scheme", "version", "value", "label", "line"});
        check_empty(node);
        Code code;
        code.scheme = required(node, "scheme");
        code.version = optional(node, "version");
        code.value = required(node, "value");
        code.label = optional(node, "label");
        code.line = line_attribute(node);
        return code;
    }

    Fact read_fact(pugi::xml_node node) const {
        check_attributes(node, {"name", "label", "line"});
        Fact fact;
        fact.name = required(node, "name");
        fact.label = optional(node, "label");
        fact.value = text_of(node);
        fact.line = line_attribute(node);
        return fact;
    }

    Date read_date(pugi::xml_node node) const {
        check_attributes(node, {"kind", "value", "precision", "field", "line"});
        Date date;
        date.kind = enumerated(node, "kind", date_kind_from_string);
        date.value = required(node, "value");
        date.precision = enumerated(node, "precision", date_precision_from_string);
        date.field = optional(node, "field");
        date.phrase = non_empty_text_of(node);
        date.line = line_attribute(node);
        return date;
    }

    Wage read_wage(pugi::xml_node node) const {
        check_attributes(node, {"measure", "per", "min", "max", "value", "currency", "dataYear", "line"});
        Wage wage;
        wage.measure = enumerated(node, "measure", wage_measure_from_string);
        wage.per = enumerated(node, "per", wage_per_from_string);
        wage.min = amount(node, "min");
        wage.max = amount(node, "max");
        wage.value = amount(node, "value");
        wage.currency = required(node, "currency");
        wage.data_year = optional(node, "dataYear");
        wage.phrase = non_empty_text_of(node);
        wage.line = line_attribute(node);
        return wage;
    }

    // For elements that carry only attributes; white space between the tags is tolerated.
    void check_empty(pugi::xml_node node) const {
        if (!trim_xml_space(text_of(node)).empty()) fail(node, tag(node) + " must not contain text");
    }

    Content read_content(pugi::xml_node node, pugi::xml_node parent) const {
        std::string_view name = local_name(node);
        if (name == "p") return read_paragraph(node);
        if (name == "list") return read_list(node);
        if (name == "table") return read_table(node);
        fail(node, "unknown element " + tag(node) + " in " + tag(parent));
    }

    Content read_paragraph(pugi::xml_node node) const {
        Content content;
        content.kind = Content::Kind::paragraph;
        content.paragraph = read_located_text(node);
        content.line = content.paragraph.line;
        return content;
    }

    Content read_list(pugi::xml_node node) const {
        check_attributes(node, {"line"});
        Content content;
        content.kind = Content::Kind::list;
        content.line = line_attribute(node);
        for (pugi::xml_node item_node : children_named(node, "item")) {
            check_attributes(item_node, {"depth", "line"});
            ListItem item;
            item.text = non_empty_text_of(item_node);
            item.depth = positive_integer(item_node, "depth", 1);
            item.line = line_attribute(item_node);
            content.items.push_back(std::move(item));
        }
        if (content.items.empty()) fail(node, "<list> has no <item>");
        return content;
    }

    Content read_table(pugi::xml_node node) const {
        check_attributes(node, {"line"});
        Content content;
        content.kind = Content::Kind::table;
        content.line = line_attribute(node);
        for (pugi::xml_node row_node : children_named(node, "row")) {
            check_attributes(row_node, {"line"});
            TableRow row;
            row.line = line_attribute(row_node);
            for (pugi::xml_node cell : children_named(row_node, "cell")) {
                check_attributes(cell, {});
                row.cells.push_back(text_of(cell));
            }
            if (row.cells.empty()) fail(row_node, "<row> has no <cell>");
            content.rows.push_back(std::move(row));
        }
        if (content.rows.empty()) fail(node, "<table> has no <row>");
        return content;
    }

    // Schema order inside a section: heading, content*, date*, wage*, section*.
    static int section_child_rank(std::string_view name) {
        if (name == "heading") return 0;
        if (name == "p" || name == "list" || name == "table") return 1;
        if (name == "date") return 2;
        if (name == "wage") return 3;
        if (name == "section") return 4;
        return -1;
    }

    Section read_section(pugi::xml_node node, int depth) const {
        if (depth > max_section_depth)
            fail(node, "sections nested deeper than " + std::to_string(max_section_depth) + " levels");
        check_attributes(node, {"kind", "line"});
        Section section;
        section.kind = required(node, "kind");
        section.line = line_attribute(node);
        std::vector<pugi::xml_node> children = element_children(node);
        if (children.empty() || local_name(children.front()) != "heading")
            fail(node, "<section> must start with <heading>");
        int previous_rank = 0;
        for (std::size_t i = 0; i < children.size(); ++i) {
            pugi::xml_node child = children[i];
            std::string_view name = local_name(child);
            int rank = section_child_rank(name);
            if (rank < 0) fail(child, "unknown element " + tag(child) + " in <section>");
            if (rank < previous_rank || (rank == 0 && i > 0)) fail(child, tag(child) + " is out of schema order");
            previous_rank = rank;
            read_section_child(child, name, depth, section);
        }
        return section;
    }

    void read_section_child(pugi::xml_node child, std::string_view name, int depth, Section& section) const {
        if (name == "heading") {
            check_attributes(child, {"inferred", "line"});
            section.heading = non_empty_text_of(child);
            section.heading_inferred = boolean(child, "inferred");
            if (section.line == 0) section.line = line_attribute(child);
        } else if (name == "date") {
            section.dates.push_back(read_date(child));
        } else if (name == "wage") {
            section.wages.push_back(read_wage(child));
        } else if (name == "section") {
            section.subsections.push_back(read_section(child, depth + 1));
        } else {
            section.content.push_back(read_content(child, child.parent()));
        }
    }
};

}  // namespace

// The reader's own checks come first (their messages name the element in the model's terms); then the verdict
// validate gives, so that what validate calls not well-formed or schema-invalid is refused here too (`&#0;` in a
// title, an undeclared `&nbsp;`, a value outside the schema's vocabulary).
Profile read_xml(std::string_view xml) {
    Profile profile = Reader(xml).read();
    if (auto problem = detail::canonical_xml_problem(xml))
        throw Error("line " + std::to_string(std::max(problem->issue.line, 1)) +
                    (problem->not_well_formed ? ": malformed XML: " : ": does not match the schema: ") +
                    problem->issue.message);
    return profile;
}

namespace detail {
Profile read_xml_unchecked(std::string_view xml) { return Reader(xml).read(); }
}  // namespace detail

bool is_canonical_xml(std::string_view bytes, std::string_view path) {
    std::string extension = std::filesystem::path(path).extension().string();
    if (detail::ascii_lower(extension) == ".xml") return true;
    constexpr std::size_t prologue_bytes = 4096;  // the canonical writer declares it on the first lines
    std::string_view head = bytes.substr(0, prologue_bytes);
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    head = detail::trim(head);
    return head.starts_with("<") && head.find(occupation_namespace) != std::string_view::npos;
}

OCCKIT_END_IMPL_NAMESPACE
