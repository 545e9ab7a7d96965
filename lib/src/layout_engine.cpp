// The layout engine: one pass over the blocks of a page, placing each block in the profile as the layout's
// rules say (title, field, chrome, outline, heading, date, content) and recording where it went.
#include <algorithm>
#include <cctype>

#include "layout_rules.hpp"
#include "occkit/convert.hpp"
#include "occkit/dates.hpp"
#include "occkit/wages.hpp"

namespace occkit {

namespace {

struct OutlineEntry {
    std::string kind;
    std::string text;
    bool seen = false;
};

// One open section on the path from a top-level section down to the innermost one.
struct OpenSection {
    std::size_t index = 0;  // in the parent's list (Profile::sections or Section::subsections)
    int level = 2;          // heading level; text headings count as 2
    std::string items;      // how paragraphs become list items here (HeadingRule::items)
};

bool ends_like_sentence(std::string_view s) {
    return !s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ';');
}

bool starts_upper_or_digit(std::string_view s) {
    if (s.empty()) return false;
    unsigned char c = static_cast<unsigned char>(s[0]);
    return std::isupper(c) || std::isdigit(c) || c == '(' || c >= 0x80;
}

// Split "A; B (x; y); and C" on a separator outside parentheses, dropping a leading "and ".
std::vector<std::string> split_items(std::string_view text, std::string_view sep) {
    std::vector<std::string> out;
    int depth = 0;
    std::size_t start = 0;
    auto flush = [&](std::size_t end) {
        std::string item = normalize_space(text.substr(start, end - start));
        if (item.starts_with("and ")) item.erase(0, 4);
        while (!item.empty() && (item.back() == '.' || item.back() == ';')) item.pop_back();
        if (!item.empty()) out.push_back(std::move(item));
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '(') ++depth;
        if (c == ')' && depth > 0) --depth;
        if (depth == 0 && text.substr(i).starts_with(sep)) {
            flush(i);
            start = i + sep.size();
            i = start - 1;
        }
    }
    flush(text.size());
    return out;
}

// A scheme as the canonical document spells it: layout regexes match case-insensitively, so a group may read "noc-s".
std::string canonical_scheme(std::string_view scheme, std::string_view fallback) {
    static const std::string_view known[] = {"NOC", "NOC-S", "OaSIS", "CNP", "CNP-S", "NAICS", "RedSeal", "other"};
    for (auto k : known)
        if (fold_key(k) == fold_key(scheme)) return std::string(k);
    return std::string(fallback);
}

// The schema's code pattern: a letter or digit, then letters, digits, '.' and '-' ("3233.1", "32101", "D219").
bool looks_like_code(std::string_view value) {
    auto alnum = [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    if (value.empty() || !alnum(value.front())) return false;
    for (char c : value)
        if (!alnum(c) && c != '.' && c != '-') return false;
    return true;
}

std::string_view group_or(const std::vector<std::string>& groups, int index) {
    return index > 0 && static_cast<std::size_t>(index) < groups.size() ? std::string_view(groups[index])
                                                                         : std::string_view();
}

class Engine {
public:
    Engine(const Document& doc, const LayoutRules& rules, const LayoutRules& generic, std::vector<std::string> keys,
           bool record_placements)
        : doc_(doc), r_(rules), g_(generic), n_(doc.blocks.size()), keys_(std::move(keys)),
          record_placements_(record_placements) {}

    Conversion run();

private:
    const Block& block(std::size_t i) const { return doc_.blocks[i]; }
    bool is_chrome(std::size_t i) const;
    const HeadingRule* heading_rule(std::size_t i) const;
    bool is_heading(std::size_t i, const HeadingRule* rule) const;
    bool title_like(std::size_t i) const;
    std::size_t find_title() const;
    std::size_t next_content_block(std::size_t i) const;

    const FieldRule* field_for(std::size_t i) const;
    bool try_field(std::size_t& i);
    void apply_field(const FieldRule& rule, std::string_view label, std::string_view value, std::string_view line_text,
                     int line, const std::vector<std::string>& label_groups);
    void add_code(const FieldRule& rule, std::string_view item, int line, const std::vector<std::string>& label_groups);
    bool try_outline(std::size_t i);
    void open_heading(std::size_t i, const HeadingRule* rule);
    bool try_date_only(std::size_t i);
    void infer_section_for_opening_date(const DatePhrase& dp, const Block& b);
    void add_content(std::size_t i);
    void extract_dates_and_wages(const Block& b, bool consumed_as_date);
    void attach_date(const DatePhrase& dp, int line, bool may_close);

    Section& open_section(const std::string& kind, const std::string& heading, bool inferred, int line, int level,
                          const std::string& items, bool as_child);
    Section* current();
    Section* top();
    std::string section_label() const;
    bool ensure_section_for(const Block& b);
    const OutlineEntry* next_outline_entry() const;
    void mark_outline_seen(const std::string& kind);
    void place(std::size_t i, std::string where) {
        if (record_placements_) out_.placements.push_back({block(i).line, std::move(where), block(i).text});
    }

    const Document& doc_;
    const LayoutRules& r_;
    const LayoutRules& g_;
    std::size_t n_;
    std::vector<std::string> keys_;
    bool record_placements_ = true;
    Conversion out_;
    Profile& p_ = out_.profile;
    std::vector<OpenSection> path_;
    bool closed_ = false;  // the open section was ended by a closing date and takes no more content
    std::vector<OutlineEntry> outline_;
};

bool Engine::is_chrome(std::size_t i) const {
    for (const auto& m : r_.chrome)
        if (m.matches(keys_[i], block(i).text)) return true;
    return false;
}

const HeadingRule* Engine::heading_rule(std::size_t i) const {
    const Block& b = block(i);
    if (b.kind == BlockKind::list_item || b.kind == BlockKind::table_row || b.kind == BlockKind::label_value) return nullptr;
    if (const HeadingRule* h = r_.heading_for(keys_[i], b.text)) return h;
    if (r_.inherit_generic_headings && &r_ != &g_) return g_.heading_for(keys_[i], b.text);
    return nullptr;
}

bool Engine::is_heading(std::size_t i, const HeadingRule* rule) const {
    const Block& b = block(i);
    if (rule) return b.kind == BlockKind::heading || b.kind == BlockKind::paragraph;
    // An HTML heading the layout does not know opens a section only near the top of the outline: deeper ones
    // (h3 "Average Wage") are content, as the same line is in the page's text rendering.
    if (b.kind == BlockKind::heading) return b.level <= 2 || r_.short_line_headings;
    if (b.kind != BlockKind::paragraph) return false;
    if (!r_.short_line_headings) return false;
    // A short title-like line that opens content: bold-only in HTML, set off by a blank line in text.
    if (b.text.size() > 60 || detail::count_words(b.text) > 8 || ends_like_sentence(b.text)) return false;
    if (b.text.back() == ':') return false;  // a lead-in to a list ("Timber frame carpenters:"), not a heading
    if (!starts_upper_or_digit(b.text) || mentions_money(b.text)) return false;
    if (doc_.format == InputFormat::html ? !b.emphasized : b.gap_before < 1) return false;
    std::size_t next = next_content_block(i + 1);
    return next < n_ && block(next).kind != BlockKind::heading;
}

bool Engine::title_like(std::size_t i) const {
    const Block& b = block(i);
    if (b.kind != BlockKind::paragraph && b.kind != BlockKind::heading) return false;
    if (b.text.empty() || ends_like_sentence(b.text) || detail::count_words(b.text) > r_.title.max_words) return false;
    return heading_rule(i) == nullptr;
}

std::size_t Engine::next_content_block(std::size_t i) const {
    while (i < n_ && is_chrome(i)) ++i;
    return i;
}

std::size_t Engine::find_title() const {
    for (std::size_t i = 0; i < n_; ++i)  // an HTML page's own heading wins
        if (block(i).kind == BlockKind::heading && block(i).level == 1 && !is_chrome(i)) return i;
    if (r_.title.from == TitleRule::From::none) return n_;
    if (r_.title.from == TitleRule::From::line_before) {
        for (std::size_t i = 0; i < n_; ++i) {
            if (keys_[i] != r_.title.before) continue;
            for (std::size_t j = i; j-- > 0;) {
                if (is_chrome(j)) continue;
                if (title_like(j)) return j;
                break;
            }
            break;
        }
    }
    std::size_t first = next_content_block(0);
    while (first < n_ && field_for(first)) first = next_content_block(first + 1);  // a badge line before the title
    return first < n_ && title_like(first) && block(first).kind != BlockKind::label_value ? first : n_;
}

Section* Engine::top() { return path_.empty() ? nullptr : &p_.sections[path_[0].index]; }

Section* Engine::current() {
    Section* s = top();
    for (std::size_t k = 1; s && k < path_.size(); ++k) s = &s->subsections[path_[k].index];
    return s;
}

std::string Engine::section_label() const {
    std::string label = "section ";
    for (std::size_t k = 0; k < path_.size(); ++k) label += (k ? "." : "") + std::to_string(path_[k].index + 1);
    return label;
}

Section& Engine::open_section(const std::string& kind, const std::string& heading, bool inferred, int line, int level,
                              const std::string& items, bool as_child) {
    Section s;
    s.kind = kind;
    s.heading = heading;
    s.heading_inferred = inferred;
    s.line = line;
    closed_ = false;
    if (as_child && !path_.empty()) {
        Section* parent = current();
        parent->subsections.push_back(std::move(s));
        path_.push_back({parent->subsections.size() - 1, level, items});
        return parent->subsections.back();
    }
    p_.sections.push_back(std::move(s));
    path_.assign(1, {p_.sections.size() - 1, level, items});
    mark_outline_seen(kind);
    return p_.sections.back();
}

const OutlineEntry* Engine::next_outline_entry() const {
    // The entry after the last one seen: sections appear in outline order.
    std::size_t next = 0;
    for (std::size_t k = 0; k < outline_.size(); ++k)
        if (outline_[k].seen) next = k + 1;
    return next < outline_.size() ? &outline_[next] : nullptr;
}

void Engine::mark_outline_seen(const std::string& kind) {
    for (auto& e : outline_)
        if (!e.seen && e.kind == kind) {
            e.seen = true;
            return;
        }
}

bool Engine::try_outline(std::size_t i) {
    if (!r_.outline || !outline_.empty()) return false;
    const Block& b = block(i);
    if (b.kind != BlockKind::paragraph && b.kind != BlockKind::table_row) return false;
    auto parts = detail::split(b.text, r_.outline->separator[0]);
    if (static_cast<int>(parts.size()) < r_.outline->min_parts) return false;
    std::vector<OutlineEntry> entries;
    std::size_t matched = 0;
    for (auto part : parts) {
        std::string text = normalize_space(part);
        if (text.empty()) continue;
        std::string key = fold_key(text);
        const HeadingRule* h = r_.heading_for(key, text);
        if (!h && r_.inherit_generic_headings) h = g_.heading_for(key, text);
        if (h) ++matched;
        entries.push_back({h ? h->kind : "other", text, false});
    }
    if (matched * 10 < entries.size() * 6) return false;  // mostly section names, or not an outline
    outline_ = std::move(entries);
    for (const auto& s : p_.sections) mark_outline_seen(s.kind);
    path_.clear();  // what follows the outline starts the first outlined section, even without its heading
    place(i, "outline");
    return true;
}

void Engine::open_heading(std::size_t i, const HeadingRule* rule) {
    const Block& b = block(i);
    std::string kind = rule ? rule->kind : "other";
    std::string items = rule ? rule->items : "";
    int level = b.kind == BlockKind::heading ? b.level : 2;
    if (rule && !rule->parent.empty()) {
        bool parent_open = !path_.empty() && !closed_ && top()->kind == rule->parent;
        if (!parent_open) open_section(rule->parent, rule->parent_heading, true, b.line, level, "", false);
        path_.resize(1);
        open_section(kind, b.text, false, b.line, level + 1, items, true);
    } else if (b.kind == BlockKind::heading && !path_.empty() && !rule) {
        // Only headings the layout does not name nest by their HTML level: a named one is a section of its own
        // in the HTML page and in its text rendering alike.
        while (!path_.empty() && path_.back().level >= level) path_.pop_back();
        open_section(kind, b.text, false, b.line, level, items, !path_.empty());
    } else {
        open_section(kind, b.text, false, b.line, level, items, false);
    }
    place(i, section_label() + " " + kind + " (heading)");
}

void Engine::attach_date(const DatePhrase& dp, int line, bool may_close) {
    Date d;
    d.kind = dp.kind;
    d.precision = dp.date.precision;
    d.value = dp.date.iso();
    d.phrase = dp.phrase;
    d.line = line;
    auto attach = r_.attach_for(dp.kind);
    if (attach == DateRule::Attach::page || path_.empty()) {
        p_.dates.push_back(std::move(d));
        return;
    }
    if (attach == DateRule::Attach::closes) {
        top()->dates.push_back(std::move(d));
        if (may_close) closed_ = true;
        return;
    }
    Section* section = current();
    // "Updated ..." belongs to the section only when it stands right under the heading; further down (a footer's
    // "Last updated") it dates the page.
    if (attach == DateRule::Attach::opens && (!section->content.empty() || !section->subsections.empty())) {
        p_.dates.push_back(std::move(d));
        return;
    }
    section->dates.push_back(std::move(d));
}

bool Engine::try_date_only(std::size_t i) {
    const Block& b = block(i);
    if (b.kind == BlockKind::table_row) return false;
    auto phrases = find_date_phrases(b.text);
    if (phrases.size() != 1) return false;
    // The block is only the phrase when nothing but punctuation is left around it.
    std::string rest = b.text;
    auto pos = rest.find(phrases[0].phrase);
    if (pos == std::string::npos) return false;
    rest.erase(pos, phrases[0].phrase.size());
    for (unsigned char c : rest)
        if (std::isalnum(c) || c >= 0x80) return false;
    infer_section_for_opening_date(phrases[0], b);
    attach_date(phrases[0], b.line, true);
    place(i, "date " + std::string(to_string(phrases[0].kind)) +
                 (r_.attach_for(phrases[0].kind) == DateRule::Attach::page || path_.empty() ? " (page)"
                                                                                         : " (" + section_label() + ")"));
    return true;
}

// "Updated Mar 31, 2024" opens a section; standing after content instead of under a heading, it shows where a
// section whose heading the page lost begins.
void Engine::infer_section_for_opening_date(const DatePhrase& dp, const Block& b) {
    if (r_.attach_for(dp.kind) != DateRule::Attach::opens) return;
    const Section* open = path_.empty() || closed_ ? nullptr : current();
    if (open && open->content.empty() && open->subsections.empty()) return;  // right under its heading
    for (const auto& inf : r_.infers) {
        if (inf.when != InferRule::When::opening_date) continue;
        bool exists = std::any_of(p_.sections.begin(), p_.sections.end(),
                                  [&](const Section& s) { return s.kind == inf.kind; });
        if (exists) continue;
        open_section(inf.kind, inf.heading, true, b.line, 2, "", false);
        return;
    }
}

bool Engine::ensure_section_for(const Block& b) {
    const Section* open = path_.empty() || closed_ ? nullptr : &p_.sections[path_[0].index];
    if (!outline_.empty() && !open) {
        if (const OutlineEntry* e = next_outline_entry()) {
            open_section(e->kind, e->text, true, b.line, 2, "", false);
            return true;
        }
    }
    for (const auto& inf : r_.infers) {
        if (inf.when != InferRule::When::money) continue;
        bool gap_ok = doc_.format == InputFormat::html || b.gap_before >= inf.gap;
        if (!gap_ok || (open && open->kind == inf.kind) || !mentions_money(b.text)) continue;
        bool exists = std::any_of(p_.sections.begin(), p_.sections.end(),
                                  [&](const Section& s) { return s.kind == inf.kind; });
        if (exists) continue;
        std::string heading = inf.heading;
        for (const auto& e : outline_)
            if (e.kind == inf.kind) heading = e.text;
        open_section(inf.kind, heading, true, b.line, 2, "", false);
        return true;
    }
    if (open) return true;
    if (path_.empty() && p_.sections.empty() && r_.intro) {
        open_section(r_.intro->first, r_.intro->second, true, b.line, 2, "", false);
        return true;
    }
    return false;
}

void Engine::add_content(std::size_t i) {
    const Block& b = block(i);
    bool placed = ensure_section_for(b);
    std::vector<Content>& target = placed ? current()->content : p_.unmapped;
    const std::string items = placed ? path_.back().items : "";
    auto add_item = [&](std::string text, int depth) {
        if (target.empty() || target.back().kind != Content::Kind::list) {
            Content c;
            c.kind = Content::Kind::list;
            c.line = b.line;
            target.push_back(std::move(c));
        }
        target.back().items.push_back({std::move(text), depth, b.line});
    };
    if (b.kind == BlockKind::list_item) {
        add_item(b.text, std::max(1, b.level));
    } else if (b.kind == BlockKind::table_row) {
        if (target.empty() || target.back().kind != Content::Kind::table) {
            Content c;
            c.kind = Content::Kind::table;
            c.line = b.line;
            target.push_back(std::move(c));
        }
        target.back().rows.push_back({b.cells, b.line});
    } else if (items == "lines") {
        add_item(b.text, 1);
    } else if (!items.empty()) {
        for (auto& item : split_items(b.text, items)) add_item(std::move(item), 1);
    } else {
        Content c;
        c.kind = Content::Kind::paragraph;
        c.paragraph = {b.text, b.line};
        c.line = b.line;
        target.push_back(std::move(c));
    }
    place(i, placed ? section_label() + " " + current()->kind : "unmapped");
    if (placed) extract_dates_and_wages(b, false);
}

void Engine::extract_dates_and_wages(const Block& b, bool consumed_as_date) {
    std::string year_hint;
    bool has_digit = std::any_of(b.text.begin(), b.text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!has_digit) return;
    if (!consumed_as_date) {
        for (const auto& dp : find_date_phrases(b.text)) {
            if (dp.kind == DateKind::data_year) year_hint = std::to_string(dp.date.year);
            attach_date(dp, b.line, false);
        }
    }
    auto wages = find_wages(b.text, year_hint);
    for (auto& w : wages) {
        w.line = b.line;
        current()->wages.push_back(std::move(w));
    }
}

void Engine::add_code(const FieldRule& rule, std::string_view item, int line,
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
    auto keep_unmapped = [&] {  // keep what the layout could not read
        Content c;
        c.kind = Content::Kind::paragraph;
        c.paragraph = {text, line};
        c.line = line;
        p_.unmapped.push_back(std::move(c));
    };
    if (rule.code_pattern) {
        auto m = rule.code_pattern->match(text);
        if (!m) {
            keep_unmapped();
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
        keep_unmapped();
        return;
    }
    if (code.scheme.empty()) code.scheme = "NOC";
    p_.codes.push_back(std::move(code));
}

void Engine::apply_field(const FieldRule& rule, std::string_view label, std::string_view value,
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
        case FieldRule::To::fact: {
            if (rule.abbreviate && !v.empty()) v.resize(1);  // interest names: "METHODICAL" -> "M"
            auto same = std::find_if(p_.facts.begin(), p_.facts.end(), [&](const Fact& f) { return f.name == rule.name; });
            if (!rule.join.empty() && same != p_.facts.end()) {
                same->value += rule.join + v;
                break;
            }
            // A joined fact gathers several lines, so no one line's text is its label.
            p_.facts.push_back({rule.name, rule.join.empty() ? normalize_space(label) : std::string(), v, line});
            for (const auto& dp : find_date_phrases(v))  // "... in Alberta 2013-2017": the outlook's period
                p_.dates.push_back({dp.kind, dp.date.precision, dp.date.iso(), dp.phrase, rule.name, line});
            for (auto& w : find_wages(line_text)) {  // the label names the measure: "Avg. Salary $87,885.00"
                w.line = line;
                p_.wages.push_back(std::move(w));
            }
            break;
        }
    }
}

// How --explain names a field: its fact name, or what it feeds.
std::string field_name(const FieldRule& rule) {
    switch (rule.to) {
        case FieldRule::To::fact: return rule.name;
        case FieldRule::To::alternate_titles: return "alternate-titles";
        case FieldRule::To::codes: return "codes";
        case FieldRule::To::title: return "title";
    }
    return rule.name;
}

// The field rule a block would be taken by (without taking it): label/value and whole-line regex fields only.
const FieldRule* Engine::field_for(std::size_t i) const {
    const Block& b = block(i);
    for (const auto& rule : r_.fields) {
        if (rule.value_on != FieldRule::ValueOn::same_line) continue;
        if (b.kind == BlockKind::label_value && rule.label.matches(fold_key(b.label), b.label)) return &rule;
        if (rule.label.regex && b.kind != BlockKind::label_value && rule.label.regex->search(b.text)) return &rule;
    }
    return nullptr;
}

bool Engine::try_field(std::size_t& i) {
    const Block& b = block(i);
    std::string label_key = b.kind == BlockKind::label_value ? fold_key(b.label) : std::string();
    for (const auto& rule : r_.fields) {
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
                place(i, "field " + field_name(rule));
                return true;
            }
            // A regex label may describe the whole line ("(NOC 0014)"): its groups give the value.
            if (rule.label.regex && b.kind != BlockKind::label_value && label_matches(keys_[i], b.text)) {
                int value_group = rule.label.regex->group("value");
                int code_group = rule.label.regex->group("code");
                std::string_view value = group_or(groups, value_group > 0 ? value_group : code_group);
                // "Avg. Salary $73,193.00": the label is what stands before the value.
                std::string_view label = b.text;
                if (!value.empty() && label.ends_with(value)) label = detail::trim(label.substr(0, label.size() - value.size()));
                apply_field(rule, label.empty() ? std::string_view(b.text) : label,
                            value.empty() ? std::string_view(b.text) : value, b.text, b.line, groups);
                place(i, "field " + field_name(rule));
                return true;
            }
            continue;
        }
        if (b.kind != BlockKind::paragraph && b.kind != BlockKind::heading) continue;
        if (!label_matches(keys_[i], b.text)) continue;
        std::string where = "field " + field_name(rule);
        place(i, where + " (label)");
        if (rule.value_on == FieldRule::ValueOn::next_line) {
            std::size_t j = next_content_block(i + 1);
            if (j < n_ && block(j).kind != BlockKind::heading && !heading_rule(j)) {
                apply_field(rule, b.text, block(j).text, block(j).text, block(j).line, groups);
                for (std::size_t k = i + 1; k < j; ++k) place(k, "chrome");
                place(j, where);
                i = j;
            }
            return true;
        }
        std::size_t j = i + 1;  // ValueOn::items: every list item that follows
        while (true) {
            std::size_t k = next_content_block(j);
            if (k >= n_ || block(k).kind != BlockKind::list_item) break;
            for (std::size_t c = j; c < k; ++c) place(c, "chrome");
            apply_field(rule, b.text, block(k).text, block(k).text, block(k).line, groups);
            place(k, where);
            j = k + 1;
        }
        i = j - 1;
        return true;
    }
    return false;
}

Conversion Engine::run() {
    const std::size_t title = find_title();
    for (std::size_t i = 0; i < n_; ++i) {
        const Block& b = block(i);
        if (is_chrome(i)) {
            for (const auto& dp : find_date_phrases(b.text)) {  // a footer's "© 2009" still dates the page
                Date d{dp.kind, dp.date.precision, dp.date.iso(), dp.phrase, {}, b.line};
                p_.dates.push_back(std::move(d));
            }
            place(i, "chrome");
            continue;
        }
        if (i == title) {
            p_.title = Line{b.text, b.line};
            place(i, "title");
            continue;
        }
        if (try_field(i) || try_outline(i)) continue;
        const HeadingRule* rule = heading_rule(i);
        if (is_heading(i, rule)) {
            open_heading(i, rule);
            continue;
        }
        if (try_date_only(i)) continue;
        add_content(i);
    }
    return std::move(out_);
}

}  // namespace

Conversion apply_layout_folded(const Document& doc, const Layout& layout, std::vector<std::string> keys,
                               bool record_placements) {
    Engine engine(doc, layout.rules(), LayoutSet::builtin().generic().rules(), std::move(keys), record_placements);
    return engine.run();
}

Conversion apply_layout(const Document& doc, const Layout& layout) {
    return apply_layout_folded(doc, layout, fold_keys(doc.blocks));
}

}  // namespace occkit
