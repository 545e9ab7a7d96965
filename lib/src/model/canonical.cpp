// canonical_profile: the one clean-up step between the model and every serialisation. Whatever bytes a Profile
// holds, the profile it returns is one the schema accepts, and the XML, JSON and JSON-LD writers only write it.
//
// The repairs, where the model holds something the schema cannot express:
//  * text is cleaned: invalid UTF-8 (including overlong forms) and surrogates become U+FFFD; C0 controls other
//    than tab, LF and CR, and U+FFFE/U+FFFF are dropped; CR LF and lone CR become LF (a parser would do the same);
//  * empty required text is never kept: empty titles, alternate titles, paragraphs and list items are dropped,
//    as are rows without cells and lists or tables left without children (so containers left empty disappear);
//  * an empty heading becomes the section kind, marked inferred; an empty date phrase becomes the date value (or
//    the kind); an empty wage phrase is spelled out from the amounts;
//  * empty required attributes get neutral values: jurisdiction "XX", layout "generic", format "text", language
//    "und", charset "UTF-8", sha256 64 zeros, section kind "other", currency "CAD";
//  * `line` below 1 becomes 0 (absent), list depths below 1 become 1, a paragraph takes its own line or its run's,
//    and amounts that are not finite numbers are dropped.
// Controlled values that are present but outside the vocabulary (a jurisdiction "ZZ", a code scheme "foo") are
// kept as given: the clean-up keeps the data; the schema validator reports it.
#include "model/canonical.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "occkit/api.hpp"
#include "support/text_util.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

namespace {

// XML 1.0 Char minus what becomes U+FFFD: C0 controls (but tab, LF, CR) and the noncharacters U+FFFE/U+FFFF.
bool is_dropped_character(char32_t cp) {
    return (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0xFFFE || cp == 0xFFFF;
}

bool is_plain_byte(unsigned char byte) { return (byte >= 0x20 && byte < 0x80) || byte == '\t' || byte == '\n'; }

// Runs of plain bytes (the usual text is one run) are copied whole.
void append_clean(std::string& out, std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto byte = static_cast<unsigned char>(s[i]);
        if (is_plain_byte(byte)) {
            std::size_t run = i + 1;
            while (run < s.size() && is_plain_byte(static_cast<unsigned char>(s[run]))) ++run;
            out.append(s, i, run - i);
            i = run;
        } else if (byte == '\r') {
            out += '\n';
            i += (i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
        } else {
            char32_t cp = next_code_point(s, i);  // U+FFFD for each byte that is not UTF-8
            if (!is_dropped_character(cp)) append_utf8(out, cp);
        }
    }
}

int canonical_line(int line) { return line > 0 ? line : 0; }

std::string text_or(std::string_view text, std::string_view fallback) {
    std::string cleaned = canonical_text(text);
    return cleaned.empty() ? std::string(fallback) : cleaned;
}

Source canonical_source(const Source& source) {
    Source out;
    out.jurisdiction = text_or(source.jurisdiction, "XX");
    out.layout = text_or(source.layout, "generic");
    out.format = text_or(source.format, "text");
    out.language = text_or(source.language, "und");
    out.charset = text_or(source.charset, "UTF-8");
    out.sha256 = text_or(source.sha256, std::string(64, '0'));
    out.url = canonical_text(source.url);
    return out;
}

// Empty text has no element in the XML, so it has no entry here either.
std::optional<Line> canonical_line_text(const Line& line) {
    std::string text = canonical_text(line.text);
    if (text.empty()) return std::nullopt;
    return Line{std::move(text), canonical_line(line.line)};
}

Code canonical_code(const Code& code) {
    return Code{canonical_text(code.scheme), canonical_text(code.version), canonical_text(code.value),
                canonical_text(code.label), canonical_line(code.line)};
}

Fact canonical_fact(const Fact& fact) {
    return Fact{canonical_text(fact.name), canonical_text(fact.label), canonical_text(fact.value),
                canonical_line(fact.line)};
}

// Built field by field: copying the whole struct first would copy each string twice.
Date canonical_date(const Date& date) {
    Date out;
    out.kind = date.kind;
    out.precision = date.precision;
    out.value = canonical_text(date.value);
    out.phrase = canonical_text(date.phrase);
    if (out.phrase.empty()) out.phrase = out.value;
    if (out.phrase.empty()) out.phrase = std::string(to_string(date.kind));
    out.field = canonical_text(date.field);
    out.line = canonical_line(date.line);
    return out;
}

std::optional<double> finite(const std::optional<double>& amount) {
    return amount && std::isfinite(*amount) ? amount : std::nullopt;
}

Wage canonical_wage(const Wage& wage) {
    Wage out;
    out.measure = wage.measure;
    out.per = wage.per;
    out.min = finite(wage.min);
    out.max = finite(wage.max);
    out.value = finite(wage.value);
    out.currency = text_or(wage.currency, "CAD");
    out.data_year = canonical_text(wage.data_year);
    out.phrase = canonical_text(wage.phrase);
    if (out.phrase.empty()) out.phrase = canonical_wage_phrase(wage, out.currency);
    out.line = canonical_line(wage.line);
    return out;
}

std::optional<Content> canonical_paragraph(const Content& content) {
    // A paragraph has one line; the paragraph's own wins over the run's.
    int line = content.paragraph.line > 0 ? content.paragraph.line : content.line;
    std::optional<Line> text = canonical_line_text(Line{content.paragraph.text, line});
    if (!text) return std::nullopt;
    Content out;
    out.kind = Content::Kind::paragraph;
    out.line = text->line;
    out.paragraph = std::move(*text);
    return out;
}

std::optional<Content> canonical_list(const Content& content) {
    Content out;
    out.kind = Content::Kind::list;
    out.line = canonical_line(content.line);
    for (const ListItem& item : content.items) {
        std::string text = canonical_text(item.text);
        if (text.empty()) continue;
        out.items.push_back(ListItem{std::move(text), item.depth > 1 ? item.depth : 1, canonical_line(item.line)});
    }
    if (out.items.empty()) return std::nullopt;
    return out;
}

std::optional<Content> canonical_table(const Content& content) {
    Content out;
    out.kind = Content::Kind::table;
    out.line = canonical_line(content.line);
    for (const TableRow& row : content.rows) {
        if (row.cells.empty()) continue;
        TableRow cleaned;
        cleaned.line = canonical_line(row.line);
        for (const std::string& cell : row.cells) cleaned.cells.push_back(canonical_text(cell));
        out.rows.push_back(std::move(cleaned));
    }
    if (out.rows.empty()) return std::nullopt;
    return out;
}

std::optional<Content> canonical_content(const Content& content) {
    switch (content.kind) {
        case Content::Kind::paragraph:
            return canonical_paragraph(content);
        case Content::Kind::list:
            return canonical_list(content);
        case Content::Kind::table:
            return canonical_table(content);
    }
    return std::nullopt;
}

std::vector<Content> canonical_contents(const std::vector<Content>& contents) {
    std::vector<Content> out;
    out.reserve(contents.size());
    for (const Content& content : contents)
        if (std::optional<Content> kept = canonical_content(content)) out.push_back(std::move(*kept));
    return out;
}

template <typename Item, typename Repair>
std::vector<Item> canonical_all(const std::vector<Item>& items, Repair repair) {
    std::vector<Item> out;
    out.reserve(items.size());
    for (const Item& item : items) out.push_back(repair(item));
    return out;
}

Section canonical_section(const Section& section) {
    Section out;
    out.kind = text_or(section.kind, "other");
    out.line = canonical_line(section.line);
    std::string heading = canonical_text(section.heading);
    out.heading_inferred = section.heading_inferred || heading.empty();
    out.heading = heading.empty() ? out.kind : std::move(heading);
    out.content = canonical_contents(section.content);
    out.dates = canonical_all(section.dates, canonical_date);
    out.wages = canonical_all(section.wages, canonical_wage);
    out.subsections = canonical_all(section.subsections, canonical_section);
    return out;
}

}  // namespace

std::string canonical_text(std::string_view text) {
    if (std::all_of(text.begin(), text.end(), [](char c) { return is_plain_byte(static_cast<unsigned char>(c)); }))
        return std::string(text);  // the usual case: one copy, nothing to repair
    std::string out;
    out.reserve(text.size());
    append_clean(out, text);
    return out;
}

// xs:decimal has no exponent; format_number switches to one for very large or small values.
std::optional<std::string> canonical_amount(double amount) {
    if (!std::isfinite(amount)) return std::nullopt;
    std::string text = format_number(amount);
    if (text.find_first_of("eE") == std::string::npos) return text;
    char buffer[512];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, amount, std::chars_format::fixed);
    if (ec != std::errc()) return std::nullopt;
    return std::string(buffer, end);
}

// Stands in for a missing source phrase: "32000-45000 CAD per year".
std::string canonical_wage_phrase(const Wage& wage, std::string_view currency) {
    auto amount = [](const std::optional<double>& v) { return v ? canonical_amount(*v).value_or("") : std::string(); };
    std::string amounts = amount(wage.value);
    if (amounts.empty()) {
        amounts = amount(wage.min);
        std::string max = amount(wage.max);
        if (!max.empty()) amounts += (amounts.empty() ? "" : "-") + max;
    }
    if (amounts.empty()) amounts = std::string(to_string(wage.measure)) + " wage";
    return amounts + " " + std::string(currency) + " per " + std::string(to_string(wage.per));
}

Profile canonical_profile(const Profile& profile) {
    Profile out;
    out.source = canonical_source(profile.source);
    if (profile.title) out.title = canonical_line_text(*profile.title);
    for (const Line& title : profile.alternate_titles)
        if (std::optional<Line> kept = canonical_line_text(title)) out.alternate_titles.push_back(std::move(*kept));
    out.codes = canonical_all(profile.codes, canonical_code);
    out.facts = canonical_all(profile.facts, canonical_fact);
    out.dates = canonical_all(profile.dates, canonical_date);
    out.wages = canonical_all(profile.wages, canonical_wage);
    out.sections = canonical_all(profile.sections, canonical_section);
    out.unmapped = canonical_contents(profile.unmapped);
    return out;
}

bool is_revision_date(const Date& date) {
    return date.kind == DateKind::revised || date.kind == DateKind::updated || date.kind == DateKind::modified;
}

std::string code_subject(const Code& code) {
    return code.version.empty() ? code.scheme : code.scheme + " " + code.version;
}

std::vector<std::string> section_paths(const std::vector<std::string_view>& kinds, const std::string& parent) {
    std::map<std::string_view, int> total, seen;
    for (auto kind : kinds) ++total[kind];
    std::vector<std::string> paths;
    for (auto kind : kinds) {
        std::string name(kind);
        if (total[kind] > 1) name += "[" + std::to_string(++seen[kind]) + "]";
        paths.push_back(parent.empty() ? name : parent + "/" + name);
    }
    return paths;
}

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE
