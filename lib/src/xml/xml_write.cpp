// The canonical XML writer. The output is always well-formed XML 1.0 in UTF-8, whatever bytes the Profile holds,
// and the same Profile always gives the same bytes, so documents can be diffed and hashed.
//
// The writer repairs nothing itself: it writes what detail::canonical_profile (model/canonical.cpp, where the
// repairs are listed) returns, which is valid text, with every required value present and no empty container. The
// JSON and JSON-LD writers write the same canonical profile, so the three formats say the same thing. What is
// left here is the spelling: an attribute the schema makes optional is left out when empty, `line` when 0 and list
// depth when 1.
//
// The document is streamed straight into one string (no DOM), each text escaped as it is appended. The layout is
// the one pugixml's format_indent gave (two spaces a level, " />" closing an empty element, `>` left alone in
// attributes, controls as "&#NN;"), so the bytes are those of every document written before.
#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/canonical.hpp"
#include "occkit/xml.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

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

// The document being written, element by element. With a sink, each closed element hands the text written so far
// to it once there is a piece's worth: a huge profile's document is then never one string.
class XmlStream {
public:
    explicit XmlStream(std::string& out, const XmlSink* sink = nullptr) : out_(out), sink_(sink) {}

    void open(std::string_view name) {
        if (!stack_.empty()) {
            if (stack_.back().state == State::open_tag) out_ += ">\n";
            stack_.back().state = State::children;
        }
        out_.append(2 * stack_.size(), ' ');
        out_ += '<';
        out_ += name;
        stack_.push_back({name, State::open_tag});
    }

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

    // The element's only content. Nothing is written for empty text.
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
        if (sink_ && (out_.size() >= piece_bytes || stack_.empty())) flush();
    }

private:
    static constexpr std::size_t piece_bytes = std::size_t{1} << 16;

    void flush() {
        (*sink_)(out_);
        out_.clear();
    }

    enum class State { open_tag, children, text };
    struct Frame {
        std::string_view name;
        State state;
    };
    std::string& out_;
    const XmlSink* sink_;
    std::vector<Frame> stack_;
};

// Optional attributes are left out when empty.
void add_optional_attribute(XmlStream& x, std::string_view name, std::string_view value) {
    if (!value.empty()) x.attribute(name, value);
}

void add_line(XmlStream& x, int line) {
    if (line > 0) x.attribute("line", line);
}

void write_source(XmlStream& x, const Source& source) {
    x.open("source");
    x.attribute("jurisdiction", source.jurisdiction);
    x.attribute("layout", source.layout);
    x.attribute("format", source.format);
    x.attribute("language", source.language);
    x.attribute("charset", source.charset);
    x.attribute("sha256", source.sha256);
    add_optional_attribute(x, "url", source.url);
    x.close();
}

void write_located_text(XmlStream& x, std::string_view name, const Line& line) {
    x.open(name);
    add_line(x, line.line);
    x.text(line.text);
    x.close();
}

void write_code(XmlStream& x, const Code& code) {
    x.open("code");
    x.attribute("scheme", code.scheme);
    add_optional_attribute(x, "version", code.version);
    x.attribute("value", code.value);
    add_optional_attribute(x, "label", code.label);
    add_line(x, code.line);
    x.close();
}

void write_fact(XmlStream& x, const Fact& fact) {
    x.open("fact");
    x.attribute("name", fact.name);
    add_optional_attribute(x, "label", fact.label);
    add_line(x, fact.line);
    x.text(fact.value);
    x.close();
}

void write_date(XmlStream& x, const Date& date) {
    x.open("date");
    x.attribute("kind", to_string(date.kind));
    x.attribute("value", date.value);
    x.attribute("precision", to_string(date.precision));
    add_optional_attribute(x, "field", date.field);
    add_line(x, date.line);
    x.text(date.phrase);
    x.close();
}

void add_amount(XmlStream& x, std::string_view name, const std::optional<double>& amount) {
    if (!amount) return;
    if (auto text = detail::canonical_amount(*amount)) x.attribute(name, *text);
}

void write_wage(XmlStream& x, const Wage& wage) {
    x.open("wage");
    x.attribute("measure", to_string(wage.measure));
    x.attribute("per", to_string(wage.per));
    add_amount(x, "min", wage.min);
    add_amount(x, "max", wage.max);
    add_amount(x, "value", wage.value);
    x.attribute("currency", wage.currency);
    add_optional_attribute(x, "dataYear", wage.data_year);
    add_line(x, wage.line);
    x.text(wage.phrase);
    x.close();
}

void write_list(XmlStream& x, const Content& content) {
    x.open("list");
    add_line(x, content.line);
    for (const ListItem& item : content.items) {
        x.open("item");
        if (item.depth > 1) x.attribute("depth", item.depth);
        add_line(x, item.line);
        x.text(item.text);
        x.close();
    }
    x.close();
}

void write_table(XmlStream& x, const Content& content) {
    x.open("table");
    add_line(x, content.line);
    for (const TableRow& row : content.rows) {
        x.open("row");
        add_line(x, row.line);
        for (const std::string& cell : row.cells) {
            x.open("cell");
            x.text(cell);
            x.close();
        }
        x.close();
    }
    x.close();
}

void write_content(XmlStream& x, const Content& content) {
    switch (content.kind) {
        case Content::Kind::paragraph:
            write_located_text(x, "p", content.paragraph);
            break;
        case Content::Kind::list:
            write_list(x, content);
            break;
        case Content::Kind::table:
            write_table(x, content);
            break;
    }
}

void write_heading(XmlStream& x, const Section& section) {
    x.open("heading");
    if (section.heading_inferred) x.attribute("inferred", "true");
    x.text(section.heading);
    x.close();
}

void write_section(XmlStream& x, const Section& section) {
    x.open("section");
    x.attribute("kind", section.kind);
    add_line(x, section.line);
    write_heading(x, section);
    for (const Content& content : section.content) write_content(x, content);
    for (const Date& date : section.dates) write_date(x, date);
    for (const Wage& wage : section.wages) write_wage(x, wage);
    for (const Section& subsection : section.subsections) write_section(x, subsection);
    x.close();
}

void write_title(XmlStream& x, const Line& title) { write_located_text(x, "title", title); }
void write_alternate_title(XmlStream& x, const Line& title) { write_located_text(x, "alternateTitle", title); }

// A container is written only when it has children (the schema wants none empty).
template <typename Item, typename WriteItem>
void write_container(XmlStream& x, std::string_view name, const std::vector<Item>& items, WriteItem write_item) {
    if (items.empty()) return;
    x.open(name);
    for (const Item& item : items) write_item(x, item);
    x.close();
}

// The whole document into `out`; with a sink, in pieces through it (`out` is then the buffer of one piece).
void write_document(const Profile& input, std::string& out, const XmlSink* sink) {
    const Profile profile = detail::canonical_profile(input);
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    XmlStream x(out, sink);
    x.open("occupation");
    x.attribute("xmlns", occupation_namespace);
    x.attribute("schemaVersion", schema_version);
    write_source(x, profile.source);
    if (profile.title) write_title(x, *profile.title);
    write_container(x, "alternateTitles", profile.alternate_titles, write_alternate_title);
    write_container(x, "codes", profile.codes, write_code);
    write_container(x, "facts", profile.facts, write_fact);
    write_container(x, "dates", profile.dates, write_date);
    write_container(x, "wages", profile.wages, write_wage);
    write_container(x, "sections", profile.sections, write_section);
    write_container(x, "unmapped", profile.unmapped, write_content);
    x.close();
}

}  // namespace

std::string write_xml(const Profile& input) {
    std::string out;
    out.reserve(4096);
    write_document(input, out, nullptr);
    return out;
}

void write_xml(const Profile& input, const XmlSink& sink) {
    std::string piece;
    write_document(input, piece, &sink);
}

OCCKIT_END_IMPL_NAMESPACE
