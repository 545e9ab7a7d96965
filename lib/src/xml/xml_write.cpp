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
//
// The document is streamed straight into one string (no DOM): each text is cleaned once, into a reused buffer only
// when it is not plain ASCII, and escaped as it is appended. The layout is the one pugixml's format_indent gave
// (two spaces a level, " />" closing an empty element, `>` left alone in attributes, controls as "&#NN;"), so the
// bytes are those of every document written before.
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/canonical.hpp"
#include "occkit/xml.hpp"
#include "support/text_util.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

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

bool is_plain_byte(unsigned char byte) { return (byte >= 0x20 && byte < 0x80) || byte == '\t' || byte == '\n'; }

// Text as it may appear in the document (see the file comment for the rules), appended to `out`.
void append_clean(std::string& out, std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto byte = static_cast<unsigned char>(s[i]);
        if (is_plain_byte(byte)) {
            out += static_cast<char>(byte);
            ++i;
        } else if (byte == '\r') {
            out += '\n';
            i += (i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
        } else {
            append_code_point(out, s, i);
        }
    }
}

std::string clean(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    append_clean(out, s);
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

// Appends escaped text: `&` `<` always, `>` in content, `"` in attributes, and controls as "&#NN;" (tab, LF and
// CR only in attributes, where a parser would otherwise turn them into spaces).
bool needs_escape(unsigned char byte, bool attribute) {
    switch (byte) {
        case '&':
        case '<':
            return true;
        case '>':
            return !attribute;
        case '"':
            return attribute;
        case '\t':
        case '\n':
        case '\r':
            return attribute;
        default:
            return byte < 0x20;
    }
}

void append_escape(std::string& out, char c) {
    switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += "&#";
            out += static_cast<char>('0' + static_cast<unsigned char>(c) / 10);
            out += static_cast<char>('0' + static_cast<unsigned char>(c) % 10);
            out += ';';
    }
}

// Appends escaped text: `&` `<` always, `>` in content, `"` in attributes, and controls as "&#NN;" (tab, LF and
// CR only in attributes, where a parser would otherwise turn them into spaces). Runs that need nothing are copied
// whole.
void append_escaped(std::string& out, std::string_view text, bool attribute) {
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!needs_escape(static_cast<unsigned char>(text[i]), attribute)) continue;
        out.append(text, run, i - run);
        append_escape(out, text[i]);
        run = i + 1;
    }
    out.append(text, run, text.size() - run);
}

// The document being written, element by element. Containers the schema wants non-empty are closed with
// close_or_drop, which takes the element back out when nothing went into it.
class XmlStream {
public:
    explicit XmlStream(std::string& out) : out_(out) {}

    // The cleaned form of `s`: `s` itself when it needs no repair (the usual case), else a copy in a buffer reused
    // from call to call, valid until the next call.
    std::string_view cleaned(std::string_view s) {
        bool plain = true;
        for (char c : s) plain = plain && is_plain_byte(static_cast<unsigned char>(c));
        if (plain) return s;
        scratch_.clear();
        append_clean(scratch_, s);
        return scratch_;
    }

    void open(std::string_view name) {
        State parent_state = State::open_tag;
        if (!stack_.empty()) {
            parent_state = stack_.back().state;
            if (parent_state == State::open_tag) out_ += ">\n";
            stack_.back().state = State::children;
        }
        std::size_t start = out_.size();
        out_.append(2 * stack_.size(), ' ');
        out_ += '<';
        out_ += name;
        stack_.push_back({name, start, State::open_tag, parent_state});
    }

    // `value` must already be clean.
    void attribute(std::string_view name, std::string_view value) {
        out_ += ' ';
        out_ += name;
        out_ += "=\"";
        append_escaped(out_, value, true);
        out_ += '"';
    }

    void attribute(std::string_view name, long long value) {
        char buffer[24];
        auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
        attribute(name, std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
    }

    // The element's only content; `text` must already be clean. Nothing is written for empty text.
    void text(std::string_view text) {
        if (text.empty()) return;
        out_ += '>';
        append_escaped(out_, text, false);
        stack_.back().state = State::text;
    }

    void close() {
        const Frame& frame = stack_.back();
        if (frame.state == State::open_tag) {
            out_ += " />\n";
        } else {
            if (frame.state == State::children) out_.append(2 * (stack_.size() - 1), ' ');
            out_ += "</";
            out_ += frame.name;
            out_ += ">\n";
        }
        stack_.pop_back();
    }

    void close_or_drop() {
        if (stack_.back().state == State::children) return close();
        out_.resize(stack_.back().start);
        State parent_state = stack_.back().parent_state;
        stack_.pop_back();
        if (!stack_.empty()) stack_.back().state = parent_state;
    }

private:
    enum class State { open_tag, children, text };
    struct Frame {
        std::string_view name;
        std::size_t start;  // where the element begins in the output, to take it back out
        State state;
        State parent_state;  // the parent's state before this element was opened
    };
    std::string& out_;
    std::vector<Frame> stack_;
    std::string scratch_;
};

void add_attribute(XmlStream& x, std::string_view name, std::string_view value) { x.attribute(name, x.cleaned(value)); }

void add_attribute_or(XmlStream& x, std::string_view name, std::string_view value, std::string_view fallback) {
    std::string_view text = x.cleaned(value);
    x.attribute(name, text.empty() ? fallback : text);
}

void add_optional_attribute(XmlStream& x, std::string_view name, std::string_view value) {
    std::string_view text = x.cleaned(value);
    if (!text.empty()) x.attribute(name, text);
}

void add_line(XmlStream& x, int line) {
    if (line > 0) x.attribute("line", line);
}

void write_source(XmlStream& x, const Source& source) {
    x.open("source");
    add_attribute_or(x, "jurisdiction", source.jurisdiction, "XX");
    add_attribute_or(x, "layout", source.layout, "generic");
    add_attribute_or(x, "format", source.format, "text");
    add_attribute_or(x, "language", source.language, "und");
    add_attribute_or(x, "charset", source.charset, "UTF-8");
    add_attribute_or(x, "sha256", source.sha256, "0000000000000000000000000000000000000000000000000000000000000000");
    add_optional_attribute(x, "url", source.url);
    x.close();
}

void write_located_text(XmlStream& x, std::string_view name, const std::string& text, int line) {
    std::string_view clean_text = x.cleaned(text);
    if (clean_text.empty()) return;
    x.open(name);
    add_line(x, line);
    x.text(clean_text);
    x.close();
}

void write_alternate_titles(XmlStream& x, const std::vector<Line>& titles) {
    if (titles.empty()) return;
    x.open("alternateTitles");
    for (const Line& title : titles) write_located_text(x, "alternateTitle", title.text, title.line);
    x.close_or_drop();
}

void write_code(XmlStream& x, const Code& code) {
    x.open("code");
    add_attribute(x, "scheme", code.scheme);
    add_optional_attribute(x, "version", code.version);
    add_attribute(x, "value", code.value);
    add_optional_attribute(x, "label", code.label);
    add_line(x, code.line);
    x.close();
}

void write_fact(XmlStream& x, const Fact& fact) {
    x.open("fact");
    add_attribute(x, "name", fact.name);
    add_optional_attribute(x, "label", fact.label);
    add_line(x, fact.line);
    x.text(x.cleaned(fact.value));
    x.close();
}

void write_date(XmlStream& x, const Date& date) {
    x.open("date");
    add_attribute(x, "kind", to_string(date.kind));
    add_attribute(x, "value", date.value);
    add_attribute(x, "precision", to_string(date.precision));
    add_optional_attribute(x, "field", date.field);
    add_line(x, date.line);
    std::string_view phrase = x.cleaned(date.phrase);
    if (phrase.empty()) phrase = x.cleaned(date.value);
    if (phrase.empty()) phrase = to_string(date.kind);
    x.text(phrase);
    x.close();
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

void add_amount(XmlStream& x, std::string_view name, const std::optional<double>& amount) {
    if (!amount) return;
    if (auto text = amount_text(*amount)) x.attribute(name, *text);
}

void write_wage(XmlStream& x, const Wage& wage) {
    std::string currency(x.cleaned(wage.currency));
    if (currency.empty()) currency = "CAD";
    x.open("wage");
    add_attribute(x, "measure", to_string(wage.measure));
    add_attribute(x, "per", to_string(wage.per));
    add_amount(x, "min", wage.min);
    add_amount(x, "max", wage.max);
    add_amount(x, "value", wage.value);
    x.attribute("currency", currency);
    add_optional_attribute(x, "dataYear", wage.data_year);
    add_line(x, wage.line);
    std::string_view phrase = x.cleaned(wage.phrase);
    x.text(phrase.empty() ? std::string_view(describe_wage(wage, currency)) : phrase);
    x.close();
}

void write_list(XmlStream& x, const Content& content) {
    x.open("list");
    add_line(x, content.line);
    for (const ListItem& item : content.items) {
        std::string_view text = x.cleaned(item.text);
        if (text.empty()) continue;
        x.open("item");
        if (item.depth > 1) x.attribute("depth", item.depth);
        add_line(x, item.line);
        x.text(text);
        x.close();
    }
    x.close_or_drop();
}

void write_table(XmlStream& x, const Content& content) {
    x.open("table");
    add_line(x, content.line);
    for (const TableRow& row : content.rows) {
        if (row.cells.empty()) continue;
        x.open("row");
        add_line(x, row.line);
        for (const std::string& cell : row.cells) {
            x.open("cell");
            x.text(x.cleaned(cell));
            x.close();
        }
        x.close();
    }
    x.close_or_drop();
}

void write_content(XmlStream& x, const Content& content) {
    switch (content.kind) {
        case Content::Kind::paragraph:
            // A paragraph has one line; the paragraph's own wins over the run's.
            write_located_text(x, "p", content.paragraph.text,
                               content.paragraph.line > 0 ? content.paragraph.line : content.line);
            break;
        case Content::Kind::list:
            write_list(x, content);
            break;
        case Content::Kind::table:
            write_table(x, content);
            break;
    }
}

void write_heading(XmlStream& x, const Section& section, std::string_view kind) {
    x.open("heading");
    std::string_view heading = x.cleaned(section.heading);
    if (section.heading_inferred || heading.empty()) x.attribute("inferred", "true");
    x.text(heading.empty() ? kind : heading);
    x.close();
}

void write_section(XmlStream& x, const Section& section) {
    std::string kind(x.cleaned(section.kind));
    if (kind.empty()) kind = "other";
    x.open("section");
    x.attribute("kind", kind);
    add_line(x, section.line);
    write_heading(x, section, kind);
    for (const Content& content : section.content) write_content(x, content);
    for (const Date& date : section.dates) write_date(x, date);
    for (const Wage& wage : section.wages) write_wage(x, wage);
    for (const Section& subsection : section.subsections) write_section(x, subsection);
    x.close();
}

void write_unmapped(XmlStream& x, const std::vector<Content>& unmapped) {
    if (unmapped.empty()) return;
    x.open("unmapped");
    for (const Content& content : unmapped) write_content(x, content);
    x.close_or_drop();
}

template <typename Item, typename WriteItem>
void write_container(XmlStream& x, std::string_view name, const std::vector<Item>& items, WriteItem write_item) {
    if (items.empty()) return;
    x.open(name);
    for (const Item& item : items) write_item(x, item);
    x.close();
}

}  // namespace

// The JSON and JSON-LD writers repair text, amounts and missing wage phrases with these same rules (canonical.hpp).
std::string detail::canonical_text(std::string_view text) { return clean(text); }
std::optional<std::string> detail::canonical_amount(double amount) { return amount_text(amount); }
std::string detail::canonical_wage_phrase(const Wage& wage, std::string_view currency) {
    return describe_wage(wage, currency);
}

std::string write_xml(const Profile& profile) {
    std::string out;
    out.reserve(4096);
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    XmlStream x(out);
    x.open("occupation");
    x.attribute("xmlns", occupation_namespace);
    x.attribute("schemaVersion", schema_version);
    write_source(x, profile.source);
    if (profile.title) write_located_text(x, "title", profile.title->text, profile.title->line);
    write_alternate_titles(x, profile.alternate_titles);
    write_container(x, "codes", profile.codes, write_code);
    write_container(x, "facts", profile.facts, write_fact);
    write_container(x, "dates", profile.dates, write_date);
    write_container(x, "wages", profile.wages, write_wage);
    write_container(x, "sections", profile.sections, write_section);
    write_unmapped(x, profile.unmapped);
    x.close();
    return out;
}

OCCKIT_END_IMPL_NAMESPACE
