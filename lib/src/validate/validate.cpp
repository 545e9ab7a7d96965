// occkit validate: one streaming pass per document (libxml2 SAX2 -> XSD validator -> an outline of the elements),
// then the profile rules over the outline. See occkit/validate.hpp.
//
// Why an outline and not the Profile: building libxml2's tree and walking it for XSD validation costs about as
// much again as the streaming validation alone, and reading the Profile with read_xml is a second parse. The
// outline is recorded from the same SAX events the validator sees, so XSD plus all rules stay cheaper than
// `xmllint --schema` alone, and every element keeps its XML line. The outline also holds whatever a schema-invalid
// (but well-formed) document contains, so the rules still run on it.
#include "occkit/validate.hpp"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <tuple>
#include <utility>

#include "model/canonical.hpp"
#include "occkit/cancel.hpp"
#include "occkit/decode.hpp"
#include "occkit/error.hpp"
#include "occkit/io.hpp"
#include "occkit/xml.hpp"
#include "support/text_util.hpp"
#include "xml/xml_safe.hpp"
#include "xml/xml_verdict.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

// ---------------------------------------------------------------------------------------------------------------
// The outline: every element in document order with its XML line, attributes and (leaf elements only) text.
// Strings live in one pool per document; elements refer to them by offset, so recording costs no allocation per
// element once the pool and the element vector have grown.

struct Span {
    std::uint32_t begin = 0;
    std::uint32_t size = 0;
};

class Outline {
public:
    struct Element {
        Span name;  // local name
        int line = 0;
        int parent = -1;
        int end = 0;  // one past the last descendant
        std::uint32_t first_attribute = 0;
        std::uint32_t attribute_count = 0;
        Span text;                  // character content, for elements without element children
        bool has_children = false;  // element children seen (the text of mixed content is not kept)
    };

    void reserve(std::size_t document_size) {
        pool_.reserve(document_size);
        elements_.reserve(document_size / 64);
    }

    // SAX2 attributes: (localname, prefix, URI, value, end) five pointers each.
    void start(std::string_view name, int line, const xmlChar** attributes, int attribute_count) {
        int parent = open_.empty() ? -1 : open_.back();
        if (parent >= 0) {
            elements_[static_cast<std::size_t>(parent)].has_children = true;
            elements_[static_cast<std::size_t>(parent)].text = {};
        }
        Element e;
        e.name = store(name);
        e.line = line;
        e.parent = parent;
        e.first_attribute = static_cast<std::uint32_t>(attributes_.size());
        e.attribute_count = static_cast<std::uint32_t>(attribute_count);
        for (int i = 0; i < attribute_count; ++i) {
            const xmlChar** a = attributes + 5 * i;
            std::string_view value(reinterpret_cast<const char*>(a[3]), static_cast<std::size_t>(a[4] - a[3]));
            attributes_.push_back({store(reinterpret_cast<const char*>(a[0])), store_attribute_value(value)});
        }
        open_.push_back(static_cast<int>(elements_.size()));
        elements_.push_back(e);
    }

    void end() {
        if (open_.empty()) return;
        elements_[static_cast<std::size_t>(open_.back())].end = static_cast<int>(elements_.size());
        open_.pop_back();
    }

    void append_text(std::string_view chars) {
        if (open_.empty()) return;
        Element& e = elements_[static_cast<std::size_t>(open_.back())];
        if (e.has_children) return;
        if (e.text.size == 0) e.text.begin = static_cast<std::uint32_t>(pool_.size());
        pool_.append(chars);
        e.text.size += static_cast<std::uint32_t>(chars.size());
    }

    int size() const { return static_cast<int>(elements_.size()); }
    int root() const { return elements_.empty() ? -1 : 0; }
    const Element& at(int e) const { return elements_[static_cast<std::size_t>(e)]; }
    // An absent element (-1, from child() on a schema-invalid document whose rules still run) has no name or text.
    std::string_view name(int e) const { return e < 0 ? std::string_view() : view(at(e).name); }
    std::string_view text(int e) const { return e < 0 ? std::string_view() : view(at(e).text); }
    int line(int e) const { return e < 0 ? 0 : at(e).line; }
    int parent(int e) const { return at(e).parent; }

    // The attribute's value, or an empty view when the element has none.
    std::string_view attribute(int e, std::string_view attribute_name) const {
        const Element& element = at(e);
        for (std::uint32_t i = 0; i < element.attribute_count; ++i) {
            const Attribute& a = attributes_[element.first_attribute + i];
            if (view(a.name) == attribute_name) return view(a.value);
        }
        return {};
    }

    // The source-page line: the element's own `line` attribute, else its nearest ancestor's; 0 when none has one.
    int source_line(int e) const {
        for (; e >= 0; e = at(e).parent) {
            std::string_view value = attribute(e, "line");
            int line = 0;
            if (!value.empty() && std::from_chars(value.data(), value.data() + value.size(), line).ec == std::errc{})
                return line;
        }
        return 0;
    }

    // Children named `child_name` (any name when empty), in document order.
    std::vector<int> children(int e, std::string_view child_name = {}) const {
        std::vector<int> found;
        if (e < 0) return found;
        for (int c = e + 1; c < at(e).end; c = at(c).end)
            if (child_name.empty() || name(c) == child_name) found.push_back(c);
        return found;
    }

    int child(int e, std::string_view child_name) const {
        if (e < 0) return -1;
        for (int c = e + 1; c < at(e).end; c = at(c).end)
            if (name(c) == child_name) return c;
        return -1;
    }

    // The first non-blank text at or below `e` (a paragraph's text, a list's first item, a table's first cell).
    std::string_view first_text(int e) const {
        for (int d = e; d < std::max(at(e).end, e + 1); ++d) {
            std::string_view t = detail::trim(text(d));
            if (!t.empty()) return t;
        }
        return {};
    }

    // Close elements a truncated document left open, so that `end` is valid everywhere.
    void finish() {
        while (!open_.empty()) end();
    }

private:
    struct Attribute {
        Span name;
        Span value;
    };

    Span store(std::string_view s) {
        Span span{static_cast<std::uint32_t>(pool_.size()), static_cast<std::uint32_t>(s.size())};
        pool_.append(s);
        return span;
    }

    // Without entity substitution, libxml2 hands over a '&' in an attribute value as the reference "&#38;".
    Span store_attribute_value(std::string_view value) {
        if (value.find('&') == std::string_view::npos) return store(value);
        Span span{static_cast<std::uint32_t>(pool_.size()), 0};
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (value.compare(i, 5, "&#38;") == 0) {
                pool_.push_back('&');
                i += 4;
            } else {
                pool_.push_back(value[i]);
            }
        }
        span.size = static_cast<std::uint32_t>(pool_.size() - span.begin);
        return span;
    }

    std::string_view view(Span s) const { return std::string_view(pool_).substr(s.begin, s.size); }

    std::string pool_;
    std::vector<Element> elements_;
    std::vector<Attribute> attributes_;
    std::vector<int> open_;
};

// ---------------------------------------------------------------------------------------------------------------
// The single pass: SAX2 events -> libxml2's streaming XSD validator -> the outline.

struct Recorder {
    xmlParserCtxt* parser = nullptr;
    Outline outline;
    bool doctype = false;
    int doctype_line = 0;
    int section_depth = 0;
    std::optional<SchemaIssue> too_deep;  // the first section nested deeper than detail::max_section_depth
    bool record = true;                   // false: only the verdict is wanted (a reader's check), not the outline
};

int current_line(const Recorder& r) { return r.parser ? static_cast<int>(xmlSAX2GetLineNumber(r.parser)) : 0; }

void on_start_element(void* context, const xmlChar* local_name, const xmlChar*, const xmlChar*, int, const xmlChar**,
                      int attribute_count, int, const xmlChar** attributes) {
    auto* r = static_cast<Recorder*>(context);
    std::string_view name = reinterpret_cast<const char*>(local_name);
    if (name == "section" && ++r->section_depth > detail::max_section_depth && !r->too_deep)
        r->too_deep = SchemaIssue{
            current_line(*r), "sections nested deeper than " + std::to_string(detail::max_section_depth) + " levels"};
    if (r->record) r->outline.start(name.data(), current_line(*r), attributes, attribute_count);
}

void on_end_element(void* context, const xmlChar* local_name, const xmlChar*, const xmlChar*) {
    auto* r = static_cast<Recorder*>(context);
    if (std::string_view(reinterpret_cast<const char*>(local_name)) == "section") --r->section_depth;
    if (r->record) r->outline.end();
}

void on_characters(void* context, const xmlChar* chars, int length) {
    auto* r = static_cast<Recorder*>(context);
    if (r->record)
        r->outline.append_text(
            std::string_view(reinterpret_cast<const char*>(chars), static_cast<std::size_t>(length)));
}

// Canonical XML never has a DOCTYPE; entity declarations are where XML bombs and external entities start, so the
// parse stops before the internal subset is read.
void on_doctype(void* context, const xmlChar*, const xmlChar*, const xmlChar*) {
    auto* r = static_cast<Recorder*>(context);
    r->doctype = true;
    r->doctype_line = current_line(*r);
    xmlStopParser(r->parser);
}

// The streaming validator has no tree to take lines from; this tells it where the parser is.
int locate(void* context, const char** file, unsigned long* line) {
    const auto* r = static_cast<const Recorder*>(context);
    *file = nullptr;
    *line = static_cast<unsigned long>(current_line(*r));
    return 0;
}

xmlSAXHandler recording_handler() {
    xmlSAXHandler handler{};
    handler.initialized = XML_SAX2_MAGIC;
    handler.startElementNs = on_start_element;
    handler.endElementNs = on_end_element;
    handler.characters = on_characters;
    handler.cdataBlock = on_characters;
    handler.internalSubset = on_doctype;
    return handler;
}

struct ValidCtxtFree {
    void operator()(xmlSchemaValidCtxt* c) const { xmlSchemaFreeValidCtxt(c); }
};
struct SaxPlugRemove {
    void operator()(xmlSchemaSAXPlugStruct* p) const { xmlSchemaSAXUnplug(p); }
};

struct Pass {
    Outline outline;
    std::optional<SchemaIssue> parse_error;  // not well-formed (or refused): the rules do not run
    std::vector<SchemaIssue> schema_issues;
};

void read_and_validate(xmlSchema* schema, std::string_view xml, Pass& pass, bool record_outline = true) {
    if (auto problem = detail::encoding_problem(xml)) {
        pass.parse_error = *problem;
        return;
    }
    Recorder recorder;
    recorder.record = record_outline;
    if (record_outline) recorder.outline.reserve(xml.size());
    std::unique_ptr<xmlSchemaValidCtxt, ValidCtxtFree> validation(xmlSchemaNewValidCtxt(schema));
    if (!validation) throw Error("cannot create an XSD validation context");
    xmlSchemaSetValidStructuredErrors(validation.get(), detail::collect_xml_issue, &pass.schema_issues);
    xmlSAXHandler handler = recording_handler();
    xmlSAXHandler* sax = &handler;
    void* user_data = &recorder;
    // The plug wraps our handler: events reach the validator first, then us, with our user data.
    std::unique_ptr<xmlSchemaSAXPlugStruct, SaxPlugRemove> plug(xmlSchemaSAXPlug(validation.get(), &sax, &user_data));
    if (!plug) throw Error("cannot start XSD validation");
    detail::XmlParser parser = detail::new_untrusted_sax_parser(xml, *sax, user_data);
    if (!parser) {
        pass.parse_error = SchemaIssue{
            xml.empty() ? 1 : 0, xml.empty() ? "the document is empty" : "the document cannot be parsed (too large)"};
        return;
    }
    recorder.parser = parser.get();
    xmlSchemaValidateSetLocator(validation.get(), locate, &recorder);
    xmlParseDocument(parser.get());
    if (recorder.doctype) {
        pass.parse_error = SchemaIssue{recorder.doctype_line, "DOCTYPE is not allowed in canonical XML"};
    } else if (!parser->wellFormed) {
        std::vector<SchemaIssue> issues;
        if (xmlErrorPtr err = xmlCtxtGetLastError(parser.get())) detail::collect_xml_issue(&issues, err);
        pass.parse_error = issues.empty() ? SchemaIssue{0, "not well-formed XML"} : issues.front();
    } else {
        if (recorder.too_deep) pass.schema_issues.insert(pass.schema_issues.begin(), *recorder.too_deep);
        if (pass.schema_issues.empty() && !xmlSchemaIsValid(validation.get()))
            pass.schema_issues.push_back({0, "the document does not match the schema"});
    }
    recorder.outline.finish();
    pass.outline = std::move(recorder.outline);
}

// Page line -> XML line of the first element whose line attribute names it.
std::map<int, int> xml_line_of_source_line(const Outline& outline) {
    std::map<int, int> lines;
    for (int e = outline.size() - 1; e >= 0; --e)
        if (int line = outline.source_line(e); line > 0 && !outline.attribute(e, "line").empty())
            lines[line] = outline.line(e);
    return lines;
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers for the rules.

std::optional<double> parse_number(std::string_view s) {
    double value = 0;
    if (s.empty() || std::from_chars(s.data(), s.data() + s.size(), value).ec != std::errc{}) return std::nullopt;
    return value;
}

// Text a finding quotes: escaped, so a newline cannot split the one-line report, and cut at 60 characters.
std::string in_quotes(std::string_view text) { return detail::quoted(text, 60); }

// -1, 0 or 1 comparing two dates at the coarser of their precisions (a span counts as its first year): "2012" is
// neither before nor after "2012-03".
int compare_dates(const CalendarDate& a, const CalendarDate& b) {
    auto rank = [](DatePrecision p) { return p == DatePrecision::day ? 2 : p == DatePrecision::month ? 1 : 0; };
    int common = std::min(rank(a.precision), rank(b.precision));
    auto key = [common](const CalendarDate& d) {
        return std::tuple(d.year, common >= 1 ? d.month : 0, common >= 2 ? d.day : 0);
    };
    return key(a) < key(b) ? -1 : key(b) < key(a) ? 1 : 0;
}

std::string money(double amount) { return "$" + detail::format_number(std::round(amount * 100) / 100); }

bool all_digits(std::string_view s, std::size_t count) {
    return s.size() == count && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// NOC 2011/2016 style: four digits, optionally ".n" (ALIS's "3233.1").
bool is_four_digit_code(std::string_view v) {
    std::size_t dot = v.find('.');
    if (dot == std::string_view::npos) return all_digits(v, 4);
    std::string_view suffix = v.substr(dot + 1);
    return all_digits(v.substr(0, dot), 4) && !suffix.empty() && all_digits(suffix, suffix.size());
}

// Empty when `value` fits its scheme and version; otherwise the shape it should have.
std::string code_shape_problem(std::string_view scheme, std::string_view version, std::string_view value) {
    int year = 0;
    std::from_chars(version.data(), version.data() + version.size(), year);
    if (scheme == "NOC" || scheme == "CNP") {
        if (year != 0 && year < 2021)
            return is_four_digit_code(value) ? "" : "four digits, optionally followed by \".n\"";
        if (year >= 2021) return all_digits(value, 5) ? "" : "five digits";
        return is_four_digit_code(value) || all_digits(value, 5) ? "" : "four digits (to 2016) or five (2021 on)";
    }
    if (scheme == "OaSIS") {
        bool ok =
            value.size() == 8 && all_digits(value.substr(0, 5), 5) && value[5] == '.' && all_digits(value.substr(6), 2);
        return ok ? "" : "five digits, a dot and two digits";
    }
    if (scheme == "NOC-S" || scheme == "CNP-S") {
        bool ok = value.size() == 4 && value[0] >= 'A' && value[0] <= 'J' && all_digits(value.substr(1), 3);
        return ok ? "" : "a letter A-J and three digits";
    }
    return {};
}

// How many of each period make a year: wages are compared on one plausible annual range.
double periods_per_year(std::string_view per) {
    if (per == "hour") return 2080;
    if (per == "week") return 52;
    if (per == "month") return 12;
    return 1;
}
// "an hour", "a week", ...: as the pages say it.
std::string per_period(std::string_view per) { return (per == "hour" ? "an " : "a ") + std::string(per); }
constexpr double plausible_annual_minimum = 1'000;
constexpr double plausible_annual_maximum = 1'040'000;  // $500 an hour, full time

// ---------------------------------------------------------------------------------------------------------------
// The rules.

class Checker;
using CheckFunction = void (*)(Checker&);

struct BuiltinRule {
    RuleInfo info;
    CheckFunction check = nullptr;  // nullptr: a structural rule the pass itself reports
};

struct SectionRef {
    int element = -1;
    std::string path;  // kinds from the top, with a 1-based index among same-kind siblings: "education/education[2]"
};

class Checker {
public:
    Checker(const Outline& outline, const std::string& file, const CalendarDate& as_of, std::vector<Finding>& out)
        : outline_(outline), file_(file), as_of_(as_of), out_(out) {
        collect_sections(outline_.child(outline_.root(), "sections"), "");
        std::sort(sections_.begin(), sections_.end(),
                  [](const SectionRef& a, const SectionRef& b) { return a.element < b.element; });
    }

    void run(const BuiltinRule& rule, Severity severity) {
        rule_ = &rule.info;
        severity_ = severity;
        rule.check(*this);
    }

    void report(int element, std::string message, std::string subject) {
        Finding f;
        f.rule = rule_->id;
        f.severity = severity_;
        f.message = std::move(message);
        f.file = file_;
        f.xml_line = outline_.line(element);
        f.source_line = element < 0 ? 0 : outline_.source_line(element);
        f.subject = std::move(subject);
        out_.push_back(std::move(f));
    }

    const Outline& outline() const { return outline_; }
    const CalendarDate& as_of() const { return as_of_; }
    const std::vector<SectionRef>& sections() const { return sections_; }

    // The path of the section an element is in ("page" outside every section).
    std::string container_path(int element) const {
        for (int e = outline_.parent(element); e >= 0; e = outline_.parent(e))
            if (outline_.name(e) == "section") return path_of(e);
        return "page";
    }

    std::string path_of(int section) const {
        auto it = std::lower_bound(sections_.begin(), sections_.end(), section,
                                   [](const SectionRef& s, int e) { return s.element < e; });
        return it != sections_.end() && it->element == section ? it->path : std::string("page");
    }

    std::string describe_section(int section) const {
        std::string heading(detail::trim(outline_.text(outline_.child(section, "heading"))));
        return "section " + in_quotes(heading) + " (" + std::string(outline_.attribute(section, "kind")) + ")";
    }

    // Every element with this name, in document order.
    std::vector<int> all(std::string_view name) const {
        std::vector<int> found;
        for (int e = 0; e < outline_.size(); ++e)
            if (outline_.name(e) == name) found.push_back(e);
        return found;
    }

private:
    void collect_sections(int parent, const std::string& parent_path) {
        if (parent < 0) return;
        std::vector<int> children = outline_.children(parent, "section");
        std::vector<std::string_view> kinds;
        for (int s : children) kinds.push_back(outline_.attribute(s, "kind"));
        std::vector<std::string> paths = detail::section_paths(kinds, parent_path);
        for (std::size_t k = 0; k < children.size(); ++k) {
            sections_.push_back({children[k], paths[k]});
            collect_sections(children[k], paths[k]);
        }
    }

    const Outline& outline_;
    const std::string& file_;
    const CalendarDate& as_of_;
    std::vector<Finding>& out_;
    const RuleInfo* rule_ = nullptr;
    Severity severity_ = Severity::error;
    std::vector<SectionRef> sections_;  // ordered by element
};

void check_missing_title(Checker& c) {
    const Outline& o = c.outline();
    int title = o.child(o.root(), "title");
    if (title < 0)
        c.report(o.root(), "the profile has no title", "title");
    else if (detail::trim(o.text(title)).empty())
        c.report(title, "the title is blank", "title");
}

void check_no_sections(Checker& c) {
    const Outline& o = c.outline();
    if (c.sections().empty()) c.report(o.root(), "the profile has no sections", "sections");
}

// Top-level sections only: subsections often share their parent's kind by design (High School and Post Secondary
// under Education).
void check_duplicate_section_kind(Checker& c) {
    const Outline& o = c.outline();
    std::map<std::string_view, int> first;
    for (int s : o.children(o.child(o.root(), "sections"), "section")) {
        std::string_view kind = o.attribute(s, "kind");
        if (kind == "other") continue;  // "other" collects every heading the layout does not name
        auto [it, fresh] = first.emplace(kind, s);
        if (!fresh)
            c.report(s, c.describe_section(s) + " repeats the kind of " + c.describe_section(it->second),
                     "section:" + c.path_of(s));
    }
}

void check_empty_section(Checker& c) {
    const Outline& o = c.outline();
    for (const SectionRef& s : c.sections()) {
        bool has_content = false;
        for (int child : o.children(s.element)) {
            std::string_view name = o.name(child);
            has_content = has_content || name == "p" || name == "list" || name == "table" || name == "section";
        }
        if (!has_content) c.report(s.element, c.describe_section(s.element) + " has no content", "section:" + s.path);
    }
}

void check_unmapped_content(Checker& c) {
    const Outline& o = c.outline();
    for (int block : o.children(o.child(o.root(), "unmapped"))) {
        std::string_view text = o.first_text(block);
        c.report(block, "content the layout could not place: " + in_quotes(text),
                 "unmapped:" + std::string(text.substr(0, 120)));
    }
}

std::string wage_subject(const Checker& c, int wage) {
    return "wage:" + c.container_path(wage) + ":" + std::string(detail::trim(c.outline().text(wage)));
}

void check_wage_min_above_max(Checker& c) {
    const Outline& o = c.outline();
    for (int wage : c.all("wage")) {
        auto min = parse_number(o.attribute(wage, "min"));
        auto max = parse_number(o.attribute(wage, "max"));
        if (min && max && *min > *max)
            c.report(wage,
                     "wage " + in_quotes(detail::trim(o.text(wage))) + ": minimum " + money(*min) +
                         " is above maximum " + money(*max),
                     wage_subject(c, wage));
    }
}

void check_implausible_wage(Checker& c) {
    const Outline& o = c.outline();
    for (int wage : c.all("wage")) {
        std::string per(o.attribute(wage, "per"));
        double factor = periods_per_year(per);
        double low = std::round(plausible_annual_minimum / factor * 100) / 100;
        double high = std::round(plausible_annual_maximum / factor * 100) / 100;
        for (std::string_view name : {"min", "max", "value"}) {
            auto amount = parse_number(o.attribute(wage, name));
            if (!amount || (*amount >= low && *amount <= high)) continue;
            bool below = *amount < low;
            c.report(wage,
                     "wage " + in_quotes(detail::trim(o.text(wage))) + ": " + money(*amount) + " " + per_period(per) +
                         " is " +
                         (below ? "below the plausible minimum of " + money(low)
                                : "above the plausible maximum of " + money(high)) +
                         " " + per_period(per),
                     wage_subject(c, wage));
            break;  // one finding per wage
        }
    }
}

void check_malformed_code(Checker& c) {
    const Outline& o = c.outline();
    for (int code : c.all("code")) {
        std::string_view scheme = o.attribute(code, "scheme"), version = o.attribute(code, "version");
        std::string_view value = o.attribute(code, "value");
        std::string shape = code_shape_problem(scheme, version, value);
        if (shape.empty()) continue;
        std::string name = std::string(scheme) + (version.empty() ? "" : " " + std::string(version));
        c.report(code, name + " code " + in_quotes(value) + " is not " + shape,
                 "code:" + name + ":" + std::string(value));
    }
}

void check_future_date(Checker& c) {
    const Outline& o = c.outline();
    for (int date : c.all("date")) {
        std::string_view kind = o.attribute(date, "kind");
        if (kind == "next-update" || kind == "period") continue;  // about the future by nature
        auto value = parse_iso_date(o.attribute(date, "value"));
        if (!value || compare_dates(*value, c.as_of()) <= 0) continue;
        c.report(date,
                 std::string(kind) + " date " + value->iso() + " (" + in_quotes(detail::trim(o.text(date))) +
                     ") is after the as-of date " + c.as_of().iso(),
                 "date:" + c.container_path(date) + ":" + std::string(kind) + ":" + value->iso());
    }
}

void check_revised_before_produced(Checker& c) {
    const Outline& o = c.outline();
    std::optional<CalendarDate> produced;
    for (int date : o.children(o.child(o.root(), "dates"), "date"))
        if (!produced && o.attribute(date, "kind") == "produced") produced = parse_iso_date(o.attribute(date, "value"));
    if (!produced) return;
    for (const SectionRef& s : c.sections()) {
        for (int date : o.children(s.element, "date")) {
            if (o.attribute(date, "kind") != "revised") continue;
            auto revised = parse_iso_date(o.attribute(date, "value"));
            if (!revised || compare_dates(*revised, *produced) >= 0) continue;
            c.report(date,
                     c.describe_section(s.element) + " was revised " + revised->iso() +
                         ", before the page was produced (" + produced->iso() + ")",
                     "date:" + s.path + ":revised:" + revised->iso());
        }
    }
}

void check_duplicate_alternate_title(Checker& c) {
    const Outline& o = c.outline();
    std::map<std::string, int> first;
    for (int title : o.children(o.child(o.root(), "alternateTitles"), "alternateTitle")) {
        std::string key = fold_key(o.text(title));
        auto [it, fresh] = first.emplace(key, title);
        if (!fresh)
            c.report(title, "alternate title " + in_quotes(detail::trim(o.text(title))) + " is listed twice",
                     "alternate-title:" + key);
    }
}

const std::vector<BuiltinRule>& builtin_rules() {
    static const std::vector<BuiltinRule> rules = {
        {{"read-error", Severity::error, "The file cannot be read",
          "The file does not exist, is not readable, or is larger than the input limit. It is reported as a finding "
          "so that the rest of the run goes on."},
         nullptr},
        {{"not-well-formed", Severity::error, "The file is not well-formed XML",
          "The XML parser stopped at the reported line: a truncated file, a bad character or an unclosed element. A "
          "DOCTYPE is refused too: canonical XML never has one, and entity declarations are how XML bombs and "
          "external-entity attacks start. No other rule runs on such a file."},
         nullptr},
        {{"schema", Severity::error, "The document does not match schemas/occupation.xsd",
          "XSD validation against the canonical schema (libxml2) failed at the reported line: an unknown or "
          "misplaced element, a missing attribute, or a value outside its type. The profile rules still run on the "
          "document as it is."},
         nullptr},
        {{"convert-error", Severity::error, "The page cannot be converted",
          "A page given to validate (an .html/.htm/.txt file, or any file with --from-page) could not be turned into "
          "canonical XML: it is not text in a supported charset, or it cannot be parsed."},
         nullptr},
        {{"missing-title", Severity::error, "The profile has no title",
          "A profile without a <title> (or with a blank one) cannot be listed or searched: the layout did not find the "
          "page's title."},
         check_missing_title},
        {{"no-sections", Severity::error, "The profile has no sections",
          "Nothing on the page was recognised as a section: usually a page from a site the layout does not fit, or a "
          "capture that lost its body."},
         check_no_sections},
        {{"duplicate-section-kind", Severity::warning, "Two top-level sections have the same kind",
          "Each kind (duties, salary, ...) should appear once among the top-level sections; a second one usually means "
          "a heading mapped to the wrong kind or a page captured twice. Kind \"other\" may repeat, and so may the "
          "kinds of subsections, which often share their parent's (High School and Post Secondary under Education)."},
         check_duplicate_section_kind},
        {{"empty-section", Severity::warning, "A section has no content",
          "A section has a heading but no paragraph, list, table or subsection: its content went elsewhere (the "
          "previous section, unmapped) or the capture was cut short."},
         check_empty_section},
        {{"unmapped-content", Severity::warning, "Some page content was not placed in any section",
          "The layout could not place a block of the page (it is kept under <unmapped>): a heading the layout does "
          "not know, or text before the first section. One finding per block."},
         check_unmapped_content},
        {{"wage-min-above-max", Severity::error, "A wage range's minimum is above its maximum",
          "The low end of a wage range is greater than its high end: the amounts were misread or swapped."},
         check_wage_min_above_max},
        {{"implausible-wage", Severity::warning, "A wage amount is implausible for its period",
          "Amounts are held to one annual range, $1,000 to $1,040,000 a year, scaled to the wage's period (2,080 "
          "hours, "
          "52 weeks or 12 months a year): $0.48 to $500 an hour, $19.23 to $20,000 a week, $83.33 to $86,666.67 a "
          "month. Outside it the period was probably misread (an annual salary read as hourly)."},
         check_implausible_wage},
        {{"malformed-code", Severity::error, "A classification code does not fit its scheme and version",
          "NOC (and CNP) 2006/2011/2016: four digits with an optional \".n\" (3233.1); NOC 2021: five digits (32101); "
          "without a version either form; OaSIS: five digits, a dot and two (32101.01); NOC-S/CNP-S: a letter A-J and "
          "three digits (D111). Other schemes are not checked."},
         check_malformed_code},
        {{"future-date", Severity::error, "A date lies after the as-of date",
          "A revised, updated, produced, published, modified, copyright or data-year date is later than the as-of "
          "date (--as-of, default today), compared at the date's own precision: a typo on the page, a misread date, or "
          "a wrong --as-of. Periods and next-update dates are about the future by nature and are not checked."},
         check_future_date},
        {{"revised-before-produced", Severity::warning, "A section was revised before the page was produced",
          "The page says when it was produced (\"Produced July 2010\") and a section says it was revised earlier "
          "(\"Section revised March 2009\"): one of the dates is misread or belongs to another page."},
         check_revised_before_produced},
        {{"duplicate-alternate-title", Severity::warning, "An alternate title is listed twice",
          "The same alternate title (ignoring case, spacing and punctuation around it) appears more than once."},
         check_duplicate_alternate_title},
    };
    return rules;
}

const std::string& read_error_rule() { return builtin_rules()[0].info.id; }
const std::string& not_well_formed_rule() { return builtin_rules()[1].info.id; }
const std::string& schema_rule() { return builtin_rules()[2].info.id; }
const std::string& convert_error_rule() { return builtin_rules()[3].info.id; }

bool is_rule_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

bool by_line(const Finding& a, const Finding& b) { return a.xml_line < b.xml_line; }

}  // namespace

// ---------------------------------------------------------------------------------------------------------------

const std::vector<RuleInfo>& validate_rule_infos() {
    static const std::vector<RuleInfo> infos = [] {
        std::vector<RuleInfo> out;
        for (const BuiltinRule& r : builtin_rules()) out.push_back(r.info);
        return out;
    }();
    return infos;
}

RuleConfig RuleConfig::parse(std::string_view text, const std::string& origin) {
    RuleConfig config;
    int number = 0;
    for (std::string_view line : detail::split(text, '\n')) {
        ++number;
        std::string where = origin + ":" + std::to_string(number);
        line = detail::trim(line.substr(0, line.find('#')));
        if (line.empty()) continue;
        std::size_t equals = line.find('=');
        std::string_view id = detail::trim(line.substr(0, equals));
        std::string_view level = equals == std::string_view::npos ? "" : detail::trim(line.substr(equals + 1));
        if (equals == std::string_view::npos || !is_rule_id(id) || level.empty())
            throw Error(where + ": expected \"rule-id = off|info|warning|error\"");
        std::optional<Severity> severity = severity_from_string(level);
        if (level != "off" && !severity)
            throw Error(where + ": unknown level '" + std::string(level) + "' (off, info, warning or error)");
        if (const Setting* earlier = config.find(id))
            throw Error(where + ": " + std::string(id) + " is already set at " + earlier->where);
        config.set(std::string(id), level == "off" ? std::nullopt : severity, where);
    }
    return config;
}

RuleConfig RuleConfig::load(const std::string& path) { return parse(read_input(path, max_side_file_bytes), path); }

void RuleConfig::set(const std::string& rule_id, std::optional<Severity> severity, const std::string& where) {
    settings_[rule_id] = Setting{severity, where};
}

const RuleConfig::Setting* RuleConfig::find(std::string_view rule_id) const {
    auto it = settings_.find(rule_id);
    return it == settings_.end() ? nullptr : &it->second;
}

// ---------------------------------------------------------------------------------------------------------------

struct Validator::Impl {
    ValidatorOptions options;
    detail::XmlSchema schema;
    std::vector<RuleInfo> rules;  // builtin, then each extra set's (first definition of an id only)

    struct RuleState {
        int owner = -1;  // -1 builtin, else the index of the extra set
        std::optional<Severity> severity;
    };
    std::map<std::string, RuleState, std::less<>> states;
    std::vector<bool> set_active;  // an extra set runs when any of its own rules is on

    void add_rule(const RuleInfo& info, int owner, bool enabled_by_default) {
        if (states.count(info.id)) return;  // the first definition keeps the id
        const RuleConfig::Setting* setting = options.config.find(info.id);
        RuleState state{owner, setting              ? setting->severity
                               : enabled_by_default ? std::optional(info.default_severity)
                                                    : std::nullopt};
        states.emplace(info.id, state);
        rules.push_back(info);
    }

    const RuleState* state(std::string_view id) const {
        auto it = states.find(id);
        return it == states.end() ? nullptr : &it->second;
    }

    std::optional<Finding> structural(const std::string& rule, const std::string& file, int line, std::string message,
                                      std::string subject) const {
        const RuleState* s = state(rule);
        if (!s || !s->severity) return std::nullopt;
        // libxml2 continues some messages on a second line ("...indicate encoding !\nBytes: 0xFF 0x20").
        std::replace(message.begin(), message.end(), '\n', ' ');
        Finding f;
        f.rule = rule;
        f.severity = *s->severity;
        f.message = std::move(message);
        f.file = file;
        f.xml_line = line;
        f.subject = std::move(subject);
        return f;
    }

    void run_builtin_rules(const Outline& outline, const std::string& file, std::vector<Finding>& out) const {
        if (outline.root() < 0) return;
        Checker checker(outline, file, options.as_of, out);
        for (const BuiltinRule& rule : builtin_rules()) {
            throw_if_cancelled();  // occkit/cancel.hpp
            const RuleState* s = state(rule.info.id);
            if (rule.check && s && s->severity) checker.run(rule, *s->severity);
        }
    }

    void run_extra_rule_sets(std::string_view xml, const Outline& outline, const std::string& file,
                             std::vector<Finding>& out) const {
        if (std::find(set_active.begin(), set_active.end(), true) == set_active.end()) return;
        Profile profile;
        try {
            profile = detail::read_xml_unchecked(xml);  // the pass above gave the verdict
        } catch (const Error&) {
            return;  // not readable as a profile: the schema findings already say why
        }
        const std::map<int, int> xml_lines = xml_line_of_source_line(outline);
        for (std::size_t k = 0; k < options.extra_rule_sets.size(); ++k) {
            if (!set_active[k]) continue;
            for (Finding& f : options.extra_rule_sets[k].check(profile, file, options.as_of)) {
                const RuleState* s = state(f.rule);
                if (!s || s->owner != static_cast<int>(k) || !s->severity) continue;
                f.severity = *s->severity;
                f.file = file;
                auto line = xml_lines.find(f.source_line);
                f.xml_line = line == xml_lines.end() ? 0 : line->second;
                out.push_back(std::move(f));
            }
        }
    }
};

Validator::Validator(ValidatorOptions options) : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
    impl_->schema = detail::compile_schema(occupation_xsd());
    for (const BuiltinRule& r : builtin_rules()) impl_->add_rule(r.info, -1, true);
    const auto& sets = impl_->options.extra_rule_sets;
    for (std::size_t k = 0; k < sets.size(); ++k)
        for (const RuleInfo& info : sets[k].rules) impl_->add_rule(info, static_cast<int>(k), sets[k].enabled);
    for (std::size_t k = 0; k < sets.size(); ++k) {
        bool active = false;
        for (const RuleInfo& info : sets[k].rules) {
            const Impl::RuleState* s = impl_->state(info.id);
            active = active || (s->owner == static_cast<int>(k) && s->severity);
        }
        impl_->set_active.push_back(active && static_cast<bool>(sets[k].check));
    }
    for (const auto& [id, setting] : impl_->options.config.settings())
        if (!impl_->state(id)) throw Error(setting.where + ": unknown rule '" + id + "' (see `occkit rules`)");
}

Validator::~Validator() = default;

const std::vector<RuleInfo>& Validator::rules() const { return impl_->rules; }

std::vector<RuleInfo> Validator::active_rules() const {
    std::vector<RuleInfo> active;
    for (const RuleInfo& info : impl_->rules) {
        if (auto severity = severity_of(info.id)) {
            active.push_back(info);
            active.back().default_severity = *severity;
        }
    }
    return active;
}

std::optional<Severity> Validator::severity_of(std::string_view rule_id) const {
    const Impl::RuleState* s = impl_->state(rule_id);
    return s ? s->severity : std::nullopt;
}

std::vector<Finding> Validator::validate_xml(std::string_view xml, const std::string& file) const {
    Pass pass;
    read_and_validate(impl_->schema.get(), xml, pass);
    std::vector<Finding> findings;
    if (pass.parse_error) {
        if (auto f = impl_->structural(not_well_formed_rule(), file, pass.parse_error->line, pass.parse_error->message,
                                       "not-well-formed"))
            findings.push_back(std::move(*f));
        return findings;
    }
    for (const SchemaIssue& issue : pass.schema_issues)
        if (auto f = impl_->structural(schema_rule(), file, issue.line, issue.message, "schema:" + issue.message))
            findings.push_back(std::move(*f));
    impl_->run_builtin_rules(pass.outline, file, findings);
    impl_->run_extra_rule_sets(xml, pass.outline, file, findings);
    std::stable_sort(findings.begin(), findings.end(), by_line);
    return findings;
}

std::vector<Finding> Validator::validate_page(std::string_view bytes, const std::string& file) const {
    std::string xml;
    try {
        xml = write_xml(convert(bytes, impl_->options.convert).profile);
    } catch (const std::exception& e) {
        std::vector<Finding> findings;
        if (auto f = impl_->structural(convert_error_rule(), file, 0, e.what(), "convert-error"))
            findings.push_back(std::move(*f));
        return findings;
    }
    std::vector<Finding> findings = validate_xml(xml, file);
    for (Finding& f : findings) f.xml_line = f.source_line;  // the page is the only file there is
    std::stable_sort(findings.begin(), findings.end(), by_line);
    return findings;
}

std::optional<Finding> Validator::read_error(const std::string& file, const std::string& reason) const {
    return impl_->structural(read_error_rule(), file, 0, reason, "read-error");
}

// ---------------------------------------------------------------------------------------------------------------

Baseline Baseline::parse(std::string_view text, const std::string& origin) {
    Baseline baseline;
    int number = 0;
    for (std::string_view line : detail::split(text, '\n')) {
        ++number;
        if (detail::trim(line).empty() || detail::trim(line).front() == '#') continue;
        std::string_view print = line.substr(0, line.find_first_of("\t "));
        bool hex = print.size() == 32 && std::all_of(print.begin(), print.end(), [](char c) {
                       return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                   });
        if (!hex)
            throw Error(origin + ":" + std::to_string(number) + ": expected a finding fingerprint (32 hex digits)");
        ++baseline.counts_[std::string(print)];
    }
    return baseline;
}

Baseline Baseline::load(const std::string& path) { return parse(read_input(path, max_side_file_bytes), path); }

std::string Baseline::write(const std::vector<Finding>& findings) {
    auto one_line = [](std::string s) {
        std::replace_if(
            s.begin(), s.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
        return s;
    };
    std::string out =
        "# occkit validate baseline: findings accepted earlier, one a line (fingerprint, rule, file, message).\n"
        "# Only the fingerprint is matched; `occkit validate --write-baseline FILE` rewrites this file.\n";
    for (const Finding& f : findings)
        out += fingerprint(f) + "\t" + f.rule + "\t" + one_line(f.file) + "\t" + one_line(f.message) + "\n";
    return out;
}

std::size_t Baseline::suppress(std::vector<Finding>& findings) const {
    std::map<std::string, int, std::less<>> remaining = counts_;
    std::size_t before = findings.size();
    std::erase_if(findings, [&remaining](const Finding& f) {
        auto it = remaining.find(fingerprint(f));
        if (it == remaining.end() || it->second == 0) return false;
        --it->second;
        return true;
    });
    return before - findings.size();
}

std::size_t Baseline::size() const {
    std::size_t total = 0;
    for (const auto& [print, count] : counts_) total += static_cast<std::size_t>(count);
    return total;
}

std::map<int, int> xml_lines_of_source_lines(std::string_view xml) {
    Recorder recorder;
    recorder.outline.reserve(xml.size());
    xmlSAXHandler handler = recording_handler();
    detail::XmlParser parser = detail::new_untrusted_sax_parser(xml, handler, &recorder);
    if (!parser) return {};
    recorder.parser = parser.get();
    xmlParseDocument(parser.get());
    if (recorder.doctype || !parser->wellFormed) return {};
    recorder.outline.finish();
    return xml_line_of_source_line(recorder.outline);
}

namespace detail {

namespace {
constexpr std::size_t npos = std::string_view::npos;
}  // namespace

std::optional<SchemaIssue> encoding_problem(std::string_view xml) {
    if (xml.starts_with("\xFF\xFE") || xml.starts_with("\xFE\xFF") ||
        xml.starts_with(std::string_view("\0\0\xFE\xFF", 4)))
        return SchemaIssue{1, "canonical XML is UTF-8; this document starts with a UTF-16 or UTF-32 byte order mark"};
    if (xml.starts_with("\xEF\xBB\xBF")) xml.remove_prefix(3);
    bool declared = xml.starts_with("<?xml") && xml.size() > 5 && std::string_view(" \t\r\n").find(xml[5]) != npos;
    if (!declared) return std::nullopt;
    std::string_view declaration = xml.substr(0, xml.find("?>"));
    std::size_t at = declaration.find("encoding");
    if (at == npos) return std::nullopt;
    std::size_t quote = declaration.find_first_of("\"'", at);
    if (quote == npos) return std::nullopt;  // malformed: the parser says so
    std::size_t end = declaration.find(declaration[quote], quote + 1);
    std::string_view encoding = declaration.substr(quote + 1, end == npos ? 0 : end - quote - 1);
    if (encoding.empty() || ascii_lower(encoding) == "utf-8") return std::nullopt;  // as read_xml's own check
    return SchemaIssue{1, "encoding '" + std::string(encoding) + "' is not supported; canonical XML is UTF-8"};
}

std::optional<CanonicalProblem> canonical_xml_problem(std::string_view xml) {
    static const XmlSchema schema = compile_schema(occupation_xsd());
    Pass pass;
    read_and_validate(schema.get(), xml, pass, false);
    if (pass.parse_error) return CanonicalProblem{*pass.parse_error, true};
    if (!pass.schema_issues.empty()) return CanonicalProblem{pass.schema_issues.front(), false};
    return std::nullopt;
}

}  // namespace detail

OCCKIT_END_IMPL_NAMESPACE
