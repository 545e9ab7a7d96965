// Title and field extraction (layout/fields.hpp): what the layout's title patterns, fields and mentions read from
// a line into the profile's title, codes, facts and alternate titles.
#include "layout/fields.hpp"

#include <algorithm>

#include "blocks/blocks_internal.hpp"
#include "occkit/dates.hpp"
#include "occkit/wages.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

using detail::canonical_scheme;
using detail::group_or;
using detail::named;

namespace {

// The schema's code pattern: a letter or digit, then letters, digits, '.' and '-' ("3233.1", "32101", "D219").
bool looks_like_code(std::string_view value) {
    auto alnum = [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    if (value.empty() || !alnum(value.front())) return false;
    for (char c : value)
        if (!alnum(c) && c != '.' && c != '-') return false;
    return true;
}

// How --explain names a field: its fact name, or what it feeds.
std::string field_name(const FieldRule& rule) {
    switch (rule.to) {
        case FieldRule::To::fact:
            return rule.name;
        case FieldRule::To::alternate_titles:
            return "alternate-titles";
        case FieldRule::To::codes:
            return "codes";
        case FieldRule::To::title:
            return "title";
    }
    return rule.name;
}

}  // namespace

// The title line, taken apart when the layout's pattern says it carries a code or a fact ("Carpenters (NOC 7271)").
void FieldReader::take_title(std::size_t i) {
    const Block& b = page_.block(i);
    std::string title = b.text;
    if (auto parts = page_.title_parts(b.text)) {
        if (!parts->name.empty()) title = parts->name;
        if (parts->code) {
            parts->code->line = b.line;
            add_code_once(std::move(*parts->code));
        }
        if (!parts->value.empty() && !page_.rules().title.fact.empty())
            p_.facts.push_back({page_.rules().title.fact, {}, parts->value, b.line});
    }
    p_.title = Line{title, b.line};
    out_.place(i, "title");
    read_mentions(b.text, b.line, true);
}

// "Occupation:Registered Nurses": a label line that only names the occupation again.
bool FieldReader::restates_title(std::size_t i) const {
    if (!p_.title) return false;
    std::string_view text = page_.block(i).text;
    std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || detail::count_words(text.substr(0, colon)) > 2) return false;
    return fold_key(detail::trim(text.substr(colon + 1))) == fold_key(p_.title->text);
}

// A code the profile does not have yet (the same code of another classification version is another code).
bool FieldReader::add_code_once(Code code) {
    if (code_index_.has(code)) return false;
    if (!looks_like_code(code.value)) return false;
    code_index_.added(p_.codes.size(), code);
    p_.codes.push_back(std::move(code));
    return true;
}

void FieldReader::read_mentions(std::string_view text, int line, bool in_title) {
    read_mentions_of(page_.rules(), text, line, in_title);
    // The occupation's own code is site-agnostic: "NOC 2021: 72310" on the title line counts in every layout (in
    // the text it may name another occupation, so only the generic layout reads it there).
    if (in_title && page_.has_base()) read_mentions_of(page_.base(), text, line, in_title, MentionRule::To::code);
}

void FieldReader::read_mentions_of(const LayoutRules& rules, std::string_view text, int line, bool in_title,
                                   std::optional<MentionRule::To> only) {
    for (const auto& rule : rules.mentions) {
        if (only && rule.to != *only) continue;
        if (rule.in == (in_title ? MentionRule::In::content : MentionRule::In::title)) continue;
        if (rule.to == MentionRule::To::fact &&
            std::any_of(p_.facts.begin(), p_.facts.end(), [&](const Fact& f) { return f.name == rule.name; }))
            continue;
        auto m = rule.pattern->match(text);
        if (!m) continue;
        const detail::Regex& re = *rule.pattern;
        if (rule.to == MentionRule::To::fact) {
            std::string_view value = named(re, *m, "value");
            if (value.empty()) value = group_or(*m, 1);
            if (value.empty()) value = (*m)[0];
            p_.facts.push_back({rule.name, {}, normalize_space(value), line});
            continue;
        }
        Code code;
        code.value = named(re, *m, "code");
        if (code.value.empty()) code.value = group_or(*m, 1);
        code.scheme = canonical_scheme(named(re, *m, "scheme"), rule.scheme);
        code.version = named(re, *m, "version");
        if (code.version.empty()) code.version = rule.version;
        code.label = normalize_space(named(re, *m, "label"));
        code.line = line;
        infer_code_version(code);
        add_code_once(std::move(code));
    }
}

// Keeps what the layout could not read.
void FieldReader::keep_unmapped(std::string text, int line) {
    Content c;
    c.kind = Content::Kind::paragraph;
    c.paragraph = {std::move(text), line};
    c.line = line;
    p_.unmapped.push_back(std::move(c));
}

void FieldReader::add_code(const FieldRule& rule, std::string_view item, int line,
                           const std::vector<std::string>& label_groups) {
    std::string text = normalize_space(item);
    if (text.empty()) return;
    Code code;
    code.scheme = rule.scheme;
    code.version = rule.version;
    code.line = line;
    if (rule.label.regex) {
        auto scheme = group_or(label_groups, rule.label.regex->group("scheme"));
        auto version = group_or(label_groups, rule.label.regex->group("version"));
        if (!scheme.empty()) code.scheme = canonical_scheme(scheme, rule.scheme);
        if (!version.empty()) code.version = version;
        code.label = normalize_space(group_or(label_groups, rule.label.regex->group("label")));
    }
    if (rule.code_pattern) {
        auto m = rule.code_pattern->match(text);
        if (!m) {
            keep_unmapped(std::move(text), line);
            return;
        }
        int code_group = rule.code_pattern->group("code");
        int label_group = rule.code_pattern->group("label");
        code.value = group_or(*m, code_group > 0 ? code_group : 1);
        code.label = normalize_space(group_or(*m, label_group > 0 ? label_group : 2));
        auto scheme = group_or(*m, rule.code_pattern->group("scheme"));
        auto version = group_or(*m, rule.code_pattern->group("version"));
        if (!scheme.empty()) code.scheme = canonical_scheme(scheme, rule.scheme);
        if (!version.empty()) code.version = version;
    } else {
        code.value = text;
    }
    // A sentence after a code label ("NOC Number(s): before the first game...") is not a code: written as one it
    // would make the document schema-invalid (found by fuzzing).
    if (!looks_like_code(code.value)) {
        keep_unmapped(std::move(text), line);
        return;
    }
    if (code.scheme.empty()) code.scheme = "NOC";
    infer_code_version(code);
    // The title line may have given the code already, without the version its label gives ("Cook (NOC 6242)").
    if (auto at = code_index_.first_unversioned(code)) {
        Code& c = p_.codes[*at];
        c.version = code.version;
        if (!code.label.empty()) c.label = code.label;
        code_index_.versioned_first(code);
        return;
    }
    code_index_.added(p_.codes.size(), code);
    p_.codes.push_back(std::move(code));
}

void FieldReader::apply_field(const FieldRule& rule, std::string_view label, std::string_view value,
                              std::string_view line_text, int line, const std::vector<std::string>& label_groups) {
    std::string v = normalize_space(value);
    auto parts = [&]() {
        std::vector<std::string> out;
        if (rule.split.empty()) {
            out.push_back(v);
            return out;
        }
        for (auto part : detail::split(v, rule.split[0])) out.push_back(normalize_space(part));
        return out;
    };
    switch (rule.to) {
        case FieldRule::To::title:
            if (!p_.title && !v.empty()) p_.title = Line{v, line};
            break;
        case FieldRule::To::alternate_titles:
            for (auto& t : parts())
                if (!t.empty()) p_.alternate_titles.push_back({std::move(t), line});
            break;
        case FieldRule::To::codes:
            for (auto& t : parts()) add_code(rule, t, line, label_groups);
            break;
        case FieldRule::To::fact:
            add_fact(rule, label, std::move(v), line_text, line);
            break;
    }
}

void FieldReader::add_fact(const FieldRule& rule, std::string_view label, std::string v, std::string_view line_text,
                           int line) {
    if (rule.abbreviate && !v.empty()) v.resize(1);  // interest names: "METHODICAL" -> "M"
    auto same = std::find_if(p_.facts.begin(), p_.facts.end(), [&](const Fact& f) { return f.name == rule.name; });
    if (!rule.join.empty() && same != p_.facts.end()) {
        same->value += rule.join + v;
        return;
    }
    // A joined fact gathers several lines, so no one line's text is its label.
    p_.facts.push_back({rule.name, rule.join.empty() ? normalize_space(label) : std::string(), v, line});
    for (const auto& dp : find_date_phrases(v))  // "... in Alberta 2013-2017": the outlook's period
        p_.dates.push_back({dp.kind, dp.date.precision, dp.date.iso(), dp.phrase, rule.name, line});
    for (auto& w : find_wages(line_text)) {  // the label names the measure: "Avg. Salary $87,885.00"
        w.line = line;
        p_.wages.push_back(std::move(w));
    }
}

bool FieldReader::try_field(std::size_t& i) {
    const Block& b = page_.block(i);
    std::string label_key = b.kind == BlockKind::label_value ? fold_key(b.label) : std::string();
    for (const auto& rule : page_.rules().fields) {
        std::vector<std::string> groups;
        auto label_matches = [&](std::string_view key, std::string_view text) {
            if (!rule.label.regex) return rule.label.matches(key, text);
            auto m = rule.label.regex->match(text);
            if (m) groups = std::move(*m);
            return m.has_value();
        };
        if (rule.value_on == FieldRule::ValueOn::same_line) {
            if (b.kind == BlockKind::label_value && label_matches(label_key, b.label)) {
                apply_field(rule, b.label, b.value, b.text, b.line, groups);
                out_.place(i, "field " + field_name(rule));
                return true;
            }
            // A regex label may describe the whole line ("(NOC 0014)"): its groups give the value.
            if (rule.label.regex && b.kind != BlockKind::label_value && label_matches(page_.key(i), b.text)) {
                take_whole_line_field(i, rule, groups);
                return true;
            }
            continue;
        }
        if (b.kind != BlockKind::paragraph && b.kind != BlockKind::heading) continue;
        if (!label_matches(page_.key(i), b.text)) continue;
        out_.place(i, "field " + field_name(rule) + " (label)");
        i = rule.value_on == FieldRule::ValueOn::next_line ? take_next_line_value(i, rule, groups)
                                                           : take_item_values(i, rule, groups);
        return true;
    }
    return false;
}

void FieldReader::take_whole_line_field(std::size_t i, const FieldRule& rule, const std::vector<std::string>& groups) {
    const Block& b = page_.block(i);
    int value_group = rule.label.regex->group("value");
    int code_group = rule.label.regex->group("code");
    std::string_view value = group_or(groups, value_group > 0 ? value_group : code_group);
    // "Avg. Salary $73,193.00": the label is what stands before the value; a line that is only the value ("Good"
    // under "Job Outlook", a badge, a pattern without a value group) has none.
    std::string_view label;
    if (!value.empty() && std::string_view(b.text).ends_with(value))
        label = detail::trim(std::string_view(b.text).substr(0, b.text.size() - value.size()));
    apply_field(rule, label, value.empty() ? std::string_view(b.text) : value, b.text, b.line, groups);
    out_.place(i, "field " + field_name(rule));
}

// The line after label i is its value; returns the last block taken.
std::size_t FieldReader::take_next_line_value(std::size_t i, const FieldRule& rule,
                                              const std::vector<std::string>& groups) {
    std::size_t j = page_.next_content_block(i + 1);
    // An empty field ("Average Starting Salary" right above "Growth Rate") does not take the next label.
    if (j >= page_.size() || page_.block(j).kind == BlockKind::heading || page_.heading_rule(j) ||
        page_.is_field_label(j))
        return i;
    const Block& value = page_.block(j);
    apply_field(rule, page_.block(i).text, value.text, value.text, value.line, groups);
    for (std::size_t k = i + 1; k < j; ++k) out_.place(k, "chrome");
    out_.place(j, "field " + field_name(rule));
    return j;
}

// Every list item after label i is a value (ValueOn::items); returns the last block taken.
std::size_t FieldReader::take_item_values(std::size_t i, const FieldRule& rule,
                                          const std::vector<std::string>& groups) {
    const std::string where = "field " + field_name(rule);
    std::size_t j = i + 1;
    while (true) {
        std::size_t k = page_.next_content_block(j);
        if (k >= page_.size() || page_.block(k).kind != BlockKind::list_item) break;
        for (std::size_t c = j; c < k; ++c) out_.place(c, "chrome");
        const Block& item = page_.block(k);
        apply_field(rule, page_.block(i).text, item.text, item.text, item.line, groups);
        out_.place(k, where);
        j = k + 1;
    }
    return j - 1;
}

void infer_code_version(Code& code) {
    auto digits = [](std::string_view s) {
        return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    std::string_view v = code.value;
    bool oasis_shape = v.size() == 8 && v[5] == '.' && digits(v.substr(0, 5)) && digits(v.substr(6));
    if (oasis_shape && (code.scheme == "NOC" || code.scheme == "OaSIS")) {
        code.scheme = "OaSIS";
        return;
    }
    // Five digits came with the 2021 classification, in English (NOC) and French (CNP) alike.
    if (code.version.empty() && (code.scheme == "NOC" || code.scheme == "CNP") && v.size() == 5 && digits(v))
        code.version = "2021";
}

OCCKIT_END_IMPL_NAMESPACE
