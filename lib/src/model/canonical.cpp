// canonical_profile: the repairs write_xml makes while it writes (listed at the top of xml_write.cpp), applied to
// the model instead, for the writers that are not XML. test_export checks on hostile profiles that
// write_xml(canonical_profile(p)) == write_xml(p), so the two cannot drift apart unnoticed.
#include "occkit/api.hpp"
#include "model/canonical.hpp"

#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

namespace {

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

Date canonical_date(const Date& date) {
    Date out = date;
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
    Wage out = wage;
    out.currency = text_or(wage.currency, "CAD");
    out.phrase = canonical_text(wage.phrase);
    if (out.phrase.empty()) out.phrase = canonical_wage_phrase(wage, out.currency);
    out.min = finite(wage.min);
    out.max = finite(wage.max);
    out.value = finite(wage.value);
    out.data_year = canonical_text(wage.data_year);
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
