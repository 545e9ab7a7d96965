// The layout engine: one pass over the blocks of a page, placing each block in the profile as the layout's
// rules say (title, field, chrome, outline, heading, date, content) and recording where it went.
#include <algorithm>
#include <cctype>

#include "blocks/blocks_internal.hpp"
#include "chrome/chrome.hpp"
#include "layout/code_index.hpp"
#include "layout/layout_rules.hpp"
#include "occkit/cancel.hpp"
#include "occkit/convert.hpp"
#include "occkit/dates.hpp"
#include "occkit/wages.hpp"
#include "model/wages_internal.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

struct OutlineEntry {
    std::string kind;
    std::string text;
    bool seen = false;
};

// One open section on the path from a top-level section down to the innermost one.
struct OpenSection {
    std::size_t index = 0;    // in the parent's list (Profile::sections or Section::subsections)
    int level = 2;            // heading level; text headings count as 2
    std::string items;        // how paragraphs become list items here (HeadingRule::items)
    bool holds_list = false;  // a caption over one list: other content goes back to the parent (HeadingRule)
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

// A named group's text, or empty when the pattern has no such group or it did not take part.
std::string_view named(const detail::Regex& re, const std::vector<std::string>& groups, std::string_view name) {
    return group_or(groups, re.group(name));
}

bool is_text_block(const Block& b) { return b.kind == BlockKind::paragraph || b.kind == BlockKind::list_item; }

// A title line taken apart by a title pattern: the occupation's name, and a code or a fact it carries.
struct TitleParts {
    std::string name;
    std::optional<Code> code;
    std::string value;  // the group "value": a fact such as the region
    std::string topic;  // the group "topic": what the page tells of the occupation ("Job prospects")
};

// What the page says its title is, apart from its lines: each as fold_key() text.
struct TitleSignals {
    std::string html_title;  // <title>
    std::string meta_title;  // og:title
    std::string crumb;       // the breadcrumb's last step
    std::string slug;        // the URL's last path segment, words apart
};

// "Legislators | WorkBC" names "Legislators": the whole title, or the name with the site's name before or after it
// behind one of the usual separators.
bool names_in_page_title(std::string_view page_title, std::string_view name) {
    if (page_title.empty() || name.empty()) return false;
    if (page_title == name) return true;
    static constexpr std::string_view separators[] = {" | ",  " - ", " \u2013 ", " \u2014 ",
                                                      " :: ", " : ", ": ",       " \u00b7 "};
    for (auto sep : separators) {
        if (page_title.starts_with(name) && page_title.substr(name.size()).starts_with(sep)) return true;
        if (page_title.ends_with(name) && page_title.substr(0, page_title.size() - name.size()).ends_with(sep))
            return true;
    }
    return false;
}

// "https://example.org/careers/licensed-practical-nurses?x=1" gives "licensed practical nurses".
std::string url_slug_words(std::string_view url) {
    std::size_t end = url.find_first_of("?#");
    url = url.substr(0, end);
    while (!url.empty() && url.back() == '/') url.remove_suffix(1);
    std::size_t slash = url.rfind('/');
    if (slash == std::string_view::npos || url.substr(0, slash).ends_with("/")) return {};
    std::string_view segment = url.substr(slash + 1);
    if (std::size_t dot = segment.rfind('.'); dot != std::string_view::npos) segment = segment.substr(0, dot);
    std::string words;
    for (char c : segment) words += (c == '-' || c == '_' || c == '+') ? ' ' : c;
    return fold_key(words);
}

class Engine {
public:
    Engine(const Document& doc, const LayoutRules& rules, const LayoutRules& generic, std::vector<std::string> keys,
           bool record_placements, std::string_view url)
        : doc_(doc),
          r_(rules),
          g_(generic),
          blocks_(&doc.blocks),
          keys_(std::move(keys)),
          record_placements_(record_placements),
          url_(url),
          intro_(rules.intro) {
        unglue();
        n_ = blocks_->size();
        dense_text_ = is_dense_text();
        chrome_ = detail::find_chrome(*blocks_, keys_, r_, g_, [this](std::size_t i) { return maps_content(i); });
    }

    Conversion run();

private:
    const Block& block(std::size_t i) const { return (*blocks_)[i]; }
    void unglue();
    std::vector<Block> split_glued(const Block& b) const;
    bool is_dense_text() const;
    void merge_split_placements();
    bool is_chrome(std::size_t i) const { return chrome_[i].chrome; }
    // The layout reads block i as one of its headings, fields or its outline line: never chrome.
    bool maps_content(std::size_t i) const {
        return heading_rule(i) != nullptr || field_for(i) != nullptr || outline_entries(i).has_value();
    }
    bool is_furniture(std::size_t i) const;
    const HeadingRule* heading_rule(std::size_t i) const;
    bool is_heading(std::size_t i, const HeadingRule* rule) const;
    bool is_short_line_heading(std::size_t i) const;
    bool opens_content(std::size_t i) const;
    bool title_like(std::size_t i) const;
    std::size_t find_title() const;
    std::size_t layout_title() const;
    int title_votes(std::size_t i, std::size_t layout_pick, const TitleSignals& signals) const;
    TitleSignals title_signals() const;
    std::optional<TitleParts> title_parts(std::string_view text) const;
    std::size_t best_title_line(std::size_t from) const;
    bool states_code(std::size_t i) const;
    void take_title(std::size_t i);
    void choose_intro(std::size_t title);
    void mark_page_head(std::size_t title);
    int heading_level_shift(std::size_t title) const;
    bool restates_title(std::size_t i) const;
    bool labels_contact(std::size_t i) const;
    bool intro_from_topic(std::string_view topic);
    std::size_t next_content_block(std::size_t i) const;

    const FieldRule* field_for(std::size_t i) const;
    bool is_field_label(std::size_t i) const;
    bool try_field(std::size_t& i);
    void apply_field(const FieldRule& rule, std::string_view label, std::string_view value, std::string_view line_text,
                     int line, const std::vector<std::string>& label_groups);
    void add_code(const FieldRule& rule, std::string_view item, int line, const std::vector<std::string>& label_groups);
    bool add_code_once(Code code);
    void read_mentions(std::string_view text, int line, bool in_title);
    void read_mentions_of(const LayoutRules& rules, std::string_view text, int line, bool in_title,
                          std::optional<MentionRule::To> only = std::nullopt);
    bool try_outline(std::size_t i);
    std::optional<std::vector<OutlineEntry>> outline_entries(std::size_t i) const;
    void open_heading(std::size_t i, const HeadingRule* rule);
    std::string unnamed_heading_kind(std::size_t i) const;
    bool try_date_only(std::size_t i);
    bool is_comparison_line(std::size_t i) const;
    void add_wage(Wage w);
    void infer_section_for_opening_date(const DatePhrase& dp, const Block& b);
    void add_content(std::size_t i);
    std::vector<Content>* content_target(std::size_t i);
    bool try_table_row(std::size_t& i);
    bool try_pair(std::size_t& i, const PairRule& rule);
    std::string add_table_row(std::size_t i, std::vector<std::string> cells);  // a table the text flattened
    std::size_t wages_from_row(const Content& table, const TableRow& row, bool reconstructed);
    std::optional<WagePer> period_of_open_sections();
    void extract_dates_and_wages(const Block& b, bool consumed_as_date, bool read_wages = true);
    void attach_date(const DatePhrase& dp, int line, bool may_close);

    Section& open_section(const std::string& kind, const std::string& heading, bool inferred, int line, int level,
                          const std::string& items, bool as_child, bool holds_list = false);
    Section* current();
    Section* top();
    std::string section_label() const;
    bool ensure_section_for(std::size_t i);
    bool infer_applies(const InferRule& rule, std::size_t i, const Section* open) const;
    bool has_section(const std::string& kind) const;
    const OutlineEntry* next_outline_entry() const;
    void mark_outline_seen(const std::string& kind);
    void place(std::size_t i, std::string where) {
        if (!record_placements_) return;
        out_.placements.push_back({block(i).line, std::move(where), block(i).text});
        placed_blocks_.push_back(i);
    }

    const Document& doc_;
    const LayoutRules& r_;
    const LayoutRules& g_;
    const std::vector<Block>* blocks_;  // the page's blocks, or own_blocks_ once glued ones were split
    std::vector<Block> own_blocks_;
    std::vector<std::size_t> origin_;         // own_blocks_: index of the page block each came from
    std::vector<std::size_t> placed_blocks_;  // block of each placement
    std::size_t n_ = 0;
    bool dense_text_ = false;  // a text dump with no blank lines at all
    std::vector<std::string> keys_;
    bool record_placements_ = true;  // --explain; off saves a copy of a huge page's text
    std::string_view url_;
    std::vector<detail::ChromeVerdict> chrome_;  // the chrome stage's verdict on each block
    Conversion out_;
    Profile& p_ = out_.profile;
    detail::CodeIndex code_index_;  // p_.codes by scheme and value
    std::vector<OpenSection> path_;
    bool closed_ = false;         // the open section was ended by a closing date and takes no more content
    bool first_content_ = false;  // the block being added is the first content of its section
    std::vector<OutlineEntry> outline_;
    std::optional<std::pair<std::string, std::string>> intro_;  // kind and heading of the text before any heading
    // Figures after "Compared to: All Health" are another group's, not the occupation's: no wage is read from them
    // until a section of another kind begins.
    std::optional<std::string> comparing_;    // kind of the section the comparison began in
    std::size_t lead_in_heading_ = SIZE_MAX;  // a lead-in line that became its inferred section's heading
    int level_shift_ = 0;                     // how far below h2 the page's top section headings sit
};

// ---------------------------------------------------------------------------------------------------------------
// Glued blocks ("Minimum$25.13", "MaximumAnnual Pay"): cut apart before anything else reads them.

std::vector<Block> Engine::split_glued(const Block& b) const {
    std::vector<Block> parts;
    if (b.kind == BlockKind::table_row) return parts;
    Block rest = b;
    constexpr int max_cuts = 8;
    for (int cut = 0; cut < max_cuts; ++cut) {
        bool did_cut = false;
        for (const auto& rule : r_.splits) {
            auto m = rule.pattern->match(rest.text);
            if (!m) continue;
            std::string_view first = named(*rule.pattern, *m, "first");
            if (first.empty()) first = group_or(*m, 1);
            if (first.empty() || first.size() >= rest.text.size() || !rest.text.starts_with(first)) continue;
            Block head = rest;
            head.text = normalize_space(first);
            if (head.kind == BlockKind::label_value) head.kind = BlockKind::paragraph;
            head.label.clear();
            head.value.clear();
            parts.push_back(std::move(head));
            Block tail;
            tail.text = normalize_space(std::string_view(rest.text).substr(first.size()));
            tail.line = b.line;
            tail.emphasized = b.emphasized;
            tail.gap_before = std::max(1, b.gap_before);  // the renderer lost the break between them, not the block
            if (auto lv = detail::split_label_value(tail.text)) {  // read as the text reader would read the line
                tail.kind = BlockKind::label_value;
                tail.label = std::move(lv->first);
                tail.value = std::move(lv->second);
            }
            rest = std::move(tail);
            did_cut = true;
            break;
        }
        if (!did_cut) break;
    }
    if (!parts.empty()) parts.push_back(std::move(rest));
    return parts;
}

void Engine::unglue() {
    if (r_.splits.empty()) return;
    const auto& page = doc_.blocks;
    std::size_t first = 0;
    std::vector<Block> parts;
    for (; first < page.size(); ++first)
        if (!(parts = split_glued(page[first])).empty()) break;
    if (first == page.size()) return;  // nothing glued: keep reading the page's own blocks
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < page.size(); ++i) {
        if (i > first) parts = split_glued(page[i]);
        if (i < first || parts.empty()) {
            own_blocks_.push_back(page[i]);
            keys.push_back(std::move(keys_[i]));
            origin_.push_back(i);
            continue;
        }
        for (auto& part : parts) {
            keys.push_back(fold_key(part.text));
            own_blocks_.push_back(std::move(part));
            origin_.push_back(i);
        }
    }
    keys_ = std::move(keys);
    blocks_ = &own_blocks_;
}

// --explain keeps one line per page block: the parts of a split block share it, naming where each part went.
void Engine::merge_split_placements() {
    if (origin_.empty()) return;
    std::vector<Placement> merged;
    std::size_t last_origin = static_cast<std::size_t>(-1);
    for (std::size_t k = 0; k < out_.placements.size(); ++k) {
        std::size_t origin = origin_[placed_blocks_[k]];
        Placement& p = out_.placements[k];
        if (!merged.empty() && origin == last_origin) {
            if (!merged.back().where.ends_with(p.where)) merged.back().where += "; " + p.where;
            continue;
        }
        p.text = doc_.blocks[origin].text;
        merged.push_back(std::move(p));
        last_origin = origin;
    }
    out_.placements = std::move(merged);
}

// A text dump with no blank line anywhere: short lines can only stand out by their shape.
bool Engine::is_dense_text() const {
    constexpr std::size_t min_blocks = 10;
    const std::vector<Block>& page = doc_.blocks;  // as the page has them: a block cut from a glued one is no gap
    if (doc_.format != InputFormat::text || page.size() < min_blocks) return false;
    for (std::size_t i = 1; i < page.size(); ++i)
        if (page[i].gap_before > 0) return false;
    return true;
}

// ---------------------------------------------------------------------------------------------------------------

// The layout's furniture lines and the generic layout's (a phone number, a question, a glued menu caption).
bool Engine::is_furniture(std::size_t i) const {
    auto listed = [&](const LayoutRules& rules) {
        return std::any_of(rules.furniture.begin(), rules.furniture.end(),
                           [&](const Matcher& m) { return m.matches(keys_[i], block(i).text); });
    };
    return block(i).text.empty() || listed(r_) || (&r_ != &g_ && listed(g_));
}

const HeadingRule* Engine::heading_rule(std::size_t i) const {
    const Block& b = block(i);
    if (b.kind == BlockKind::list_item || b.kind == BlockKind::table_row) return nullptr;
    bool label_value = b.kind == BlockKind::label_value;
    if (const HeadingRule* h = r_.heading_for(keys_[i], b.text, label_value)) return h;
    if (r_.inherit_generic_headings && &r_ != &g_) return g_.heading_for(keys_[i], b.text, label_value);
    return nullptr;
}

bool Engine::is_heading(std::size_t i, const HeadingRule* rule) const {
    const Block& b = block(i);
    if (rule) {
        if (b.kind == BlockKind::heading) return true;
        if (b.kind != BlockKind::paragraph && b.kind != BlockKind::label_value) return false;
        // An exact heading is the whole line; a pattern could also match a sentence, which is no heading.
        constexpr int max_heading_words = 12;
        return rule->matcher.mode == Matcher::Mode::exact ||
               (detail::count_words(b.text) <= max_heading_words && !ends_like_sentence(b.text));
    }
    // An HTML heading the layout does not know opens a section only near the top of the outline: deeper ones
    // (h3 "Average Wage") are content, as the same line is in the page's text rendering.
    if (b.kind == BlockKind::heading) return b.level <= 2 || r_.short_line_headings;
    return r_.short_line_headings && is_short_line_heading(i);
}

// A short title-like line that opens content (schemas/layout.xsd, headings/@short-lines).
bool Engine::is_short_line_heading(std::size_t i) const {
    const Block& b = block(i);
    if (b.kind != BlockKind::paragraph) return false;
    if (b.text.size() > 60 || detail::count_words(b.text) > 8 || ends_like_sentence(b.text)) return false;
    if (b.text.back() == ':') return false;  // a lead-in to a list ("Timber frame carpenters:"), not a heading
    if (!starts_upper_or_digit(b.text) || mentions_money(b.text) || states_code(i)) return false;
    if (is_furniture(i)) return false;                // "Toll Free 1-877-644-9992" above the description
    for (const auto& dp : find_date_phrases(b.text))  // "Section revised February 2012" closes, it heads nothing
        if (dp.kind != DateKind::data_year && dp.kind != DateKind::period) return false;
    // Bold-only in HTML, set off by a blank line in text; a dump without blank lines leaves only the shape.
    bool stands_alone = doc_.format == InputFormat::html ? b.emphasized : b.gap_before >= 1 || dense_text_;
    if (!stands_alone) return false;
    std::size_t next = next_content_block(i + 1);
    // A truncated capture can stop right after a heading: a last line whose words name a section kind still is one
    // ("Where to study in Nova Scotia").
    if (next >= n_) return unnamed_heading_kind(i) != "other";
    if (block(next).kind == BlockKind::heading) return false;
    // A line whose words name a section kind ("Certification professionnelle ...") needs only content after it; an
    // unnamed one ("Good", "Maximum") must look more like a heading to be one.
    if (unnamed_heading_kind(i) != "other") return true;
    return detail::count_words(b.text) >= 2 && opens_content(next);
}

// What follows a heading: a list, a table or a paragraph of some length - not a value ("Good", "$23.65") that a
// label line ("Job Outlook", "Hourly Pay") happens to stand above.
bool Engine::opens_content(std::size_t i) const {
    constexpr int min_paragraph_words = 4;
    const Block& b = block(i);
    if (b.kind == BlockKind::list_item || b.kind == BlockKind::table_row) return true;
    return detail::count_words(b.text) >= min_paragraph_words;
}

bool Engine::title_like(std::size_t i) const {
    const Block& b = block(i);
    if (b.kind != BlockKind::paragraph && b.kind != BlockKind::heading) return false;
    if (b.text.empty() || ends_like_sentence(b.text)) return false;
    if (detail::count_words(b.text) > r_.title.max_words) {  // a long name with its code beside it still is one
        auto parts = title_parts(b.text);
        if (!parts || !parts->code || detail::count_words(parts->name) > r_.title.max_words) return false;
    }
    return heading_rule(i) == nullptr;
}

std::size_t Engine::next_content_block(std::size_t i) const {
    while (i < n_ && is_chrome(i)) ++i;
    return i;
}

// ---------------------------------------------------------------------------------------------------------------
// The title, by agreement of signals: the layout's title rule, the page's <title> and og:title less the site's
// name, an h1 (or the first heading of the top level), the breadcrumb's last step, a code beside the name
// ("Legislators (NOC 0011)") and the URL's slug each vote for a line; the line most of them agree on wins. A chrome
// block, a link, a known heading or a sentence never does.

TitleSignals Engine::title_signals() const {
    TitleSignals s;
    s.html_title = fold_key(doc_.html_title);
    s.meta_title = fold_key(doc_.meta_title);
    s.slug = url_slug_words(url_);
    for (std::size_t i = 0; i < n_ && s.crumb.empty(); ++i) {
        const Block& b = block(i);
        if (b.region == Region::breadcrumb) {  // a marked-up trail: its last step is the last block of the run
            std::size_t last = i;
            while (last + 1 < n_ && block(last + 1).region == Region::breadcrumb) ++last;
            std::string step = detail::breadcrumb_last_step(block(last).text);
            s.crumb = fold_key(step.empty() ? block(last).text : step);
        } else if (chrome_[i].reason == "breadcrumb line") {
            s.crumb = fold_key(detail::breadcrumb_last_step(b.text));
        }
    }
    return s;
}

std::optional<TitleParts> Engine::title_parts(std::string_view text) const {
    auto try_patterns = [&](const LayoutRules& rules) -> std::optional<TitleParts> {
        for (const auto& re : rules.title.patterns) {
            auto m = re->match(text);
            if (!m) continue;
            TitleParts parts;
            parts.name = normalize_space(named(*re, *m, "title"));
            if (auto code = named(*re, *m, "code"); !code.empty()) {
                Code c;
                c.scheme = canonical_scheme(named(*re, *m, "scheme"), rules.title.scheme);
                c.version = named(*re, *m, "version");
                if (c.version.empty()) c.version = rules.title.version;
                c.value = code;
                c.label = parts.name;
                infer_code_version(c);
                parts.code = std::move(c);
            }
            parts.value = normalize_space(named(*re, *m, "value"));
            parts.topic = normalize_space(named(*re, *m, "topic"));
            if (parts.name.empty() && !parts.code) continue;
            return parts;
        }
        return std::nullopt;
    };
    if (auto parts = try_patterns(r_)) return parts;
    if (&r_ != &g_) return try_patterns(g_);
    return std::nullopt;
}

int Engine::title_votes(std::size_t i, std::size_t layout_pick, const TitleSignals& signals) const {
    const Block& b = block(i);
    auto parts = title_parts(b.text);
    std::string name = fold_key(parts && !parts->name.empty() ? parts->name : b.text);
    std::string whole = keys_[i];
    auto either = [&](const std::string& signal) {
        return names_in_page_title(signal, name) || names_in_page_title(signal, whole);
    };
    int votes = 0;
    if (i == layout_pick) votes += 2;
    if (b.kind == BlockKind::heading && b.level == 1) votes += 3;
    if (either(signals.html_title)) votes += 2;
    if (either(signals.meta_title)) votes += 1;
    if (!signals.crumb.empty() && (signals.crumb == name || signals.crumb == whole)) votes += 1;
    if (!signals.slug.empty() && signals.slug == name) votes += 2;  // the site's own name for the page
    if (parts && parts->code) votes += 1;
    return votes;
}

std::size_t Engine::find_title() const {
    const std::size_t pick = layout_title();
    if (r_.title.from == TitleRule::From::none) return n_;
    const TitleSignals signals = title_signals();
    // Candidates: the layout's pick, every heading, and the first lines of content (where a text page's title is).
    constexpr int first_lines = 12;
    int top_level = 7, at_top = 0, headings = 0;
    for (std::size_t i = 0; i < n_; ++i)
        if (block(i).kind == BlockKind::heading && !is_chrome(i)) top_level = std::min(top_level, block(i).level);
    for (std::size_t i = 0; i < n_; ++i)
        if (block(i).kind == BlockKind::heading && !is_chrome(i)) {
            ++headings;
            at_top += block(i).level == top_level;
        }
    // The one heading above all the others is the page's name, as an h1 is, whatever level the site styles it at.
    const bool sole_top = top_level > 1 && at_top == 1 && headings > 1;
    std::size_t best = n_;
    int best_votes = 0, content_lines = 0;
    bool top_heading_seen = false;
    for (std::size_t i = 0; i < n_; ++i) {
        if (is_chrome(i)) continue;
        const Block& b = block(i);
        bool heading = b.kind == BlockKind::heading;
        bool early = content_lines++ < first_lines;
        if (!heading && !early && i != pick) continue;
        // The page's top heading (an h1, or what the site styles in its place) is the page's own name even when its
        // words read like a section's or end in an abbreviation ("Other professional engineers, n.e.c.").
        bool h1 =
            heading && b.level == top_level && !top_heading_seen && detail::count_words(b.text) <= r_.title.max_words;
        if (!(h1 || title_like(i)) || b.link_only || b.kind == BlockKind::label_value || is_furniture(i) ||
            labels_contact(i))
            continue;
        int votes = title_votes(i, pick, signals);
        if (heading && b.level == top_level && !top_heading_seen) {  // the first heading of the page's top level
            top_heading_seen = true;
            if (b.level > 1) votes += sole_top ? 3 : 1;
        }
        if (votes > best_votes) {
            best = i;
            best_votes = votes;
        }
    }
    constexpr int min_votes = 2;  // the layout's pick alone, or two other signals that agree
    return best_votes >= min_votes ? best : n_;
}

// A page titled for one side of an occupation ("Job prospects Welder in Canada", "Exigences d'emploi ...") opens
// with that side: the text under the title belongs to the topic's section, not to an overview.
bool Engine::intro_from_topic(std::string_view topic) {
    std::string folded = fold_key(topic);
    const std::string* kind = r_.keyword_kind(folded);
    if (!kind && r_.inherit_generic_headings) kind = g_.keyword_kind(folded);
    if (kind) intro_ = {*kind, std::string(topic)};
    return kind != nullptr;
}

// Heading levels count from the page's own top: a site that styles every heading one level down (sections in h3
// under an h2 title) nests its sections as one that uses h2 does. Layout levels are written for h2 sections.
int Engine::heading_level_shift(std::size_t title) const {
    int top = 7;
    for (std::size_t i = 0; i < n_; ++i)
        if (i != title && block(i).kind == BlockKind::heading && !is_chrome(i)) top = std::min(top, block(i).level);
    return top < 7 ? std::max(0, top - 2) : 0;
}

// What stands above the occupation's name on the page's first lines is the site's: its name, a tagline, a
// contact line, a section label ("Health Career Profiles"). Only what the layout maps (a code, a field, a heading)
// and dated lines are kept; a title found deep in the page (a heading) says nothing of the lines above it.
void Engine::mark_page_head(std::size_t title) {
    constexpr std::size_t max_head_blocks = 8;
    constexpr int description_words = 8;
    if (title >= n_) {  // no name on the page: its head ends where its first section or description begins
        for (title = 0; title < n_; ++title) {
            const Block& b = block(title);
            if (is_chrome(title)) continue;
            if (b.kind == BlockKind::heading || heading_rule(title) || maps_content(title) ||
                (b.kind != BlockKind::paragraph && b.kind != BlockKind::label_value) ||
                detail::count_words(b.text) >= description_words)
                break;
        }
        if (title >= n_) return;
    }
    std::size_t content_before = 0;
    for (std::size_t i = 0; i < title; ++i) content_before += !is_chrome(i);
    if (content_before > max_head_blocks) return;
    constexpr int prose_words = 15;  // a description above the "title" says the title is not the page's name
    for (std::size_t i = 0; i < title; ++i)
        if (!is_chrome(i) && block(i).kind == BlockKind::paragraph && ends_like_sentence(block(i).text) &&
            detail::count_words(block(i).text) >= prose_words)
            return;
    for (std::size_t i = 0; i < title; ++i) {
        if (is_chrome(i) || maps_content(i) || states_code(i) || !find_date_phrases(block(i).text).empty()) continue;
        chrome_[i] = {true, "above the title"};
    }
}

// "Alberta Supports Contact Centre" above "Toll Free 1-877-644-9992": the name of a contact box, not of the
// occupation.
bool Engine::labels_contact(std::size_t i) const {
    std::size_t next = next_content_block(i + 1);
    if (next >= n_ || !is_furniture(next)) return false;
    const std::string& text = block(next).text;
    return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "Occupation:Registered Nurses": a label line that only names the occupation again.
bool Engine::restates_title(std::size_t i) const {
    if (!p_.title) return false;
    std::string_view text = block(i).text;
    std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || detail::count_words(text.substr(0, colon)) > 2) return false;
    return fold_key(detail::trim(text.substr(colon + 1))) == fold_key(p_.title->text);
}

// The topic from the title line, else from the part of the HTML <title> between the page's name and the site's
// ("Electrician in Canada | Job prospects - Job Bank"): a page restyled with only the name in its heading keeps it.
void Engine::choose_intro(std::size_t title) {
    if (title < n_)
        if (auto parts = title_parts(block(title).text); parts && !parts->topic.empty())
            if (intro_from_topic(parts->topic)) return;
    std::vector<std::string_view> parts;
    for (std::string_view rest = doc_.html_title; !rest.empty();) {
        std::size_t cut = std::min(rest.find(" | "), rest.find(" - "));
        parts.push_back(detail::trim(rest.substr(0, cut)));
        rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 3);
    }
    constexpr int max_topic_words = 3;
    for (std::size_t k = 1; k + 1 < parts.size(); ++k)
        if (detail::count_words(parts[k]) <= max_topic_words && intro_from_topic(parts[k])) return;
}

// Where the layout's title rule puts the title, before any other signal is heard.
std::size_t Engine::layout_title() const {
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
    if (r_.title.from == TitleRule::From::best_line)
        if (std::size_t best = best_title_line(first); best < n_) return best;
    return first < n_ && title_like(first) && block(first).kind != BlockKind::label_value && !is_furniture(first) &&
                   !labels_contact(first)
               ? first
               : n_;
}

// The first of the page's first few lines that stands above the description or a section heading: the site's
// name, a phone number or a section label above it are furniture (schemas/layout.xsd, title from="best-line").
std::size_t Engine::best_title_line(std::size_t from) const {
    constexpr int lines_to_look_at = 6;
    constexpr int description_words = 8;
    int seen = 0;
    for (std::size_t i = from; i < n_ && seen < lines_to_look_at; i = next_content_block(i + 1), ++seen) {
        if (heading_rule(i)) break;  // the sections have begun
        if (!title_like(i) || block(i).kind == BlockKind::label_value || field_for(i)) continue;
        if (!starts_upper_or_digit(block(i).text)) continue;  // "in All Health" is a badge, not a name
        if (is_furniture(i)) continue;
        if (title_parts(block(i).text)) return i;  // "Carpenters (NOC 7271)"
        std::size_t next = next_content_block(i + 1);
        if (next >= n_) break;
        if (keys_[next] == keys_[i]) {  // a banner printed twice is furniture, both times
            i = next;
            continue;
        }
        const Block& after = block(next);
        bool above_description =
            after.kind == BlockKind::paragraph && detail::count_words(after.text) >= description_words;
        // Above "(NOC 3012)" stands the name; above "Bakers (NOC 63202)" stands something else.
        bool above_code = states_code(next) && !title_parts(after.text);
        if (above_description || heading_rule(next) || after.kind == BlockKind::heading || above_code) return i;
    }
    return n_;
}

// Is block i a line that gives the occupation's code ("(NOC 3142)", "NOC: 7237")?
bool Engine::states_code(std::size_t i) const {
    const Block& b = block(i);
    if (const FieldRule* f = field_for(i); f && f->to == FieldRule::To::codes) return true;
    constexpr int max_code_line_words = 4;
    if (detail::count_words(b.text) > max_code_line_words) return false;
    for (const auto& m : r_.mentions)
        if (m.to == MentionRule::To::code && m.in != MentionRule::In::title && m.pattern->search(b.text)) return true;
    return false;
}

// The title line, taken apart when the layout's pattern says it carries a code or a fact ("Carpenters (NOC 7271)").
void Engine::take_title(std::size_t i) {
    const Block& b = block(i);
    std::string title = b.text;
    if (auto parts = title_parts(b.text)) {
        if (!parts->name.empty()) title = parts->name;
        if (parts->code) {
            parts->code->line = b.line;
            add_code_once(std::move(*parts->code));
        }
        if (!parts->value.empty() && !r_.title.fact.empty())
            p_.facts.push_back({r_.title.fact, {}, parts->value, b.line});
    }
    p_.title = Line{title, b.line};
    place(i, "title");
    read_mentions(b.text, b.line, true);
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
                              const std::string& items, bool as_child, bool holds_list) {
    Section s;
    s.kind = kind;
    s.heading = heading;
    s.heading_inferred = inferred;
    s.line = line;
    closed_ = false;
    if (as_child && !path_.empty()) {
        Section* parent = current();
        parent->subsections.push_back(std::move(s));
        path_.push_back({parent->subsections.size() - 1, level, items, holds_list});
        return parent->subsections.back();
    }
    p_.sections.push_back(std::move(s));
    path_.assign(1, {p_.sections.size() - 1, level, items, holds_list});
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

// A navigation line listing the page's sections ("Duties | Working Conditions | ..."): its entries, or nothing.
std::optional<std::vector<OutlineEntry>> Engine::outline_entries(std::size_t i) const {
    if (!r_.outline) return std::nullopt;
    const Block& b = block(i);
    if (b.kind != BlockKind::paragraph && b.kind != BlockKind::table_row) return std::nullopt;
    auto parts = detail::split(b.text, r_.outline->separator[0]);
    if (static_cast<int>(parts.size()) < r_.outline->min_parts) return std::nullopt;
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
    if (matched * 10 < entries.size() * 6) return std::nullopt;  // mostly section names, or not an outline
    return entries;
}

bool Engine::try_outline(std::size_t i) {
    if (!outline_.empty()) return false;
    auto entries = outline_entries(i);
    if (!entries) return false;
    outline_ = std::move(*entries);
    for (const auto& s : p_.sections) mark_outline_seen(s.kind);
    path_.clear();  // what follows the outline starts the first outlined section, even without its heading
    place(i, "outline");
    return true;
}

// The kind of a heading the layout does not name, from its words ("Licensing and registration": certification).
std::string Engine::unnamed_heading_kind(std::size_t i) const {
    if (const std::string* kind = r_.keyword_kind(keys_[i])) return *kind;
    if (r_.inherit_generic_headings && &r_ != &g_)
        if (const std::string* kind = g_.keyword_kind(keys_[i])) return *kind;
    return "other";
}

// "Compared to: All Health", "Comparé à : ...": what follows is the figures of the group compared with.
bool Engine::is_comparison_line(std::size_t i) const {
    std::string_view key = keys_[i];
    for (std::string_view lead : {"compared to", "compared with", "comparé à", "comparée à", "compare a"})
        if (key.starts_with(lead)) return true;
    return false;
}

// "... was $78,116. Across all occupations in Nova Scotia, ... a median employment income of $43,600.": the
// second figure is the comparison's.
bool in_comparison_sentence(std::string_view text, std::string_view phrase) {
    std::size_t at = text.find(phrase);
    if (at == std::string_view::npos) return false;
    std::size_t start = text.rfind(". ", at);
    start = start == std::string_view::npos ? 0 : start + 2;
    std::string sentence = detail::ascii_lower(text.substr(start, 32));
    for (std::string_view lead : {"across all occupations", "for all occupations", "compared to", "compared with",
                                  "in comparison", "by comparison"})
        if (sentence.starts_with(lead)) return true;
    return false;
}

void Engine::add_wage(Wage w) {
    if (comparing_) return;  // the comparison group's figure stays in the text, not among the occupation's wages
    current()->wages.push_back(std::move(w));
}

void Engine::open_heading(std::size_t i, const HeadingRule* rule) {
    const Block& b = block(i);
    std::string kind = rule ? rule->kind : unnamed_heading_kind(i);
    if (comparing_ && *comparing_ != kind) comparing_.reset();
    std::string items = rule ? rule->items : "";
    bool holds = rule && rule->holds_list;
    bool layout_level = rule && rule->level > 0;  // the layout says how deep the heading sits
    int level = layout_level ? rule->level : b.kind == BlockKind::heading ? std::max(2, b.level - level_shift_) : 2;
    auto pop_to = [&](int depth) {  // close what is as deep as the new heading or deeper, keeping the top section
        while (path_.size() > 1 && path_.back().level >= depth) path_.pop_back();
    };
    if (rule && !rule->parent.empty()) {
        bool parent_open = !path_.empty() && !closed_ && top()->kind == rule->parent;
        if (!parent_open)
            open_section(rule->parent, rule->parent_heading, true, b.line, layout_level ? 2 : level, "", false);
        if (layout_level)
            pop_to(level);
        else
            path_.resize(1);
        open_section(kind, b.text, false, b.line, layout_level ? level : level + 1, items, true, holds);
    } else if (!path_.empty() && (layout_level || (b.kind == BlockKind::heading && !rule))) {
        // Headings nest by level when the layout gives one, or by their HTML level when the layout does not name
        // them: a named heading without a level is a section of its own in the HTML page and its text alike.
        while (!path_.empty() && path_.back().level >= level) path_.pop_back();
        // A subheading whose words name no kind ("Detailed analysis") goes on with its parent's subject.
        if (!rule && kind == "other" && !path_.empty()) kind = current()->kind;
        open_section(kind, b.text, false, b.line, level, items, !path_.empty(), holds);
    } else {
        open_section(kind, b.text, false, b.line, level, items, false, holds);
    }
    place(i, section_label() + " " + kind + " (heading)");
    read_mentions(b.text, b.line, false);
    for (const auto& dp : find_date_phrases(b.text))  // "Employment in 2018": the year the section's figures hold for
        if (dp.kind == DateKind::data_year || dp.kind == DateKind::period) attach_date(dp, b.line, false);
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
    bool under_heading = first_content_ || (section->content.empty() && section->subsections.empty());
    if (attach == DateRule::Attach::opens && !under_heading) {
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
                 (r_.attach_for(phrases[0].kind) == DateRule::Attach::page || path_.empty()
                      ? " (page)"
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
        if (has_section(inf.kind)) continue;
        open_section(inf.kind, inf.heading, true, b.line, 2, "", false);
        return;
    }
}

bool Engine::has_section(const std::string& kind) const {
    return std::any_of(p_.sections.begin(), p_.sections.end(), [&](const Section& s) { return s.kind == kind; });
}

// Does block i show that a section of the rule's kind began here without a heading? (schemas/layout.xsd, infer)
bool Engine::infer_applies(const InferRule& rule, std::size_t i, const Section* open) const {
    const Block& b = block(i);
    if (open && open->kind == rule.kind) return false;
    switch (rule.when) {
        case InferRule::When::money:
            return (doc_.format == InputFormat::html || b.gap_before >= rule.gap) && mentions_money(b.text);
        case InferRule::When::opening_date:
            return false;  // read where the date is (infer_section_for_opening_date)
        case InferRule::When::gap: {
            bool lead_in = b.kind == BlockKind::paragraph && b.text.ends_with(':');
            if (doc_.format != InputFormat::text || b.gap_before < rule.gap ||
                !(b.kind == BlockKind::list_item || lead_in))
                return false;
            if (!rule.pattern) return true;
            // A lead-in ("Licensed practical nurses:") is judged by the first item it introduces.
            std::size_t first = lead_in ? next_content_block(i + 1) : i;
            return first < n_ && rule.pattern->search(block(first).text);
        }
        case InferRule::When::match:
            return is_text_block(b) && rule.pattern->search(b.text);
        case InferRule::When::lead_in: {
            if (b.kind != BlockKind::paragraph || !rule.pattern->search(b.text)) return false;
            std::size_t next = next_content_block(i + 1);
            return next < n_ && block(next).kind == BlockKind::list_item;
        }
    }
    return false;
}

bool Engine::ensure_section_for(std::size_t i) {
    const Block& b = block(i);
    const Section* open = path_.empty() || closed_ ? nullptr : &p_.sections[path_[0].index];
    if (!outline_.empty() && !open) {
        if (const OutlineEntry* e = next_outline_entry()) {
            open_section(e->kind, e->text, true, b.line, 2, "", false);
            return true;
        }
    }
    for (const auto& inf : r_.infers) {
        if (!infer_applies(inf, i, open) || has_section(inf.kind)) continue;
        std::string heading = inf.heading;
        for (const auto& e : outline_)
            if (e.kind == inf.kind) heading = e.text;
        bool inferred = true;
        // After the gap a lost heading left, a short lead-in ("Licensed practical nurses:") is the heading itself.
        constexpr int max_lead_in_heading_words = 6;
        if (inf.when == InferRule::When::gap && b.kind == BlockKind::paragraph && b.text.ends_with(':') &&
            detail::count_words(b.text) <= max_lead_in_heading_words) {
            heading = std::string(detail::trim(std::string_view(b.text).substr(0, b.text.size() - 1)));
            inferred = false;
            lead_in_heading_ = i;
        }
        open_section(inf.kind, heading, inferred, b.line, 2, "", false);
        return true;
    }
    if (open) return true;
    if (path_.empty() && p_.sections.empty() && intro_) {
        open_section(intro_->first, intro_->second, true, b.line, 2, "", false);
        return true;
    }
    return false;
}

// Where block i's content goes: the open (or inferred) section, else nullptr (unmapped). A caption that holds
// only a list gives way to its parent section at the first other content.
std::vector<Content>* Engine::content_target(std::size_t i) {
    if (path_.size() > 1 && path_.back().holds_list && block(i).kind != BlockKind::list_item) path_.pop_back();
    return ensure_section_for(i) ? &current()->content : nullptr;
}

void Engine::add_content(std::size_t i) {
    const Block& b = block(i);
    constexpr int prose_words = 12;  // the comparison's figures have ended: the page speaks of the occupation again
    if (comparing_ && b.kind == BlockKind::paragraph && detail::count_words(b.text) >= prose_words) comparing_.reset();
    std::vector<Content>* section_content = content_target(i);
    if (lead_in_heading_ == i) {  // the line became the heading of the section it opened
        place(i, section_label() + " " + current()->kind + " (heading)");
        return;
    }
    bool placed = section_content != nullptr;
    std::vector<Content>& target = placed ? *section_content : p_.unmapped;
    // A sentence right under its heading ("These outlooks were updated on ...") dates the section like a date line.
    first_content_ = placed && target.empty() && current()->subsections.empty();
    const std::string items = placed ? path_.back().items : "";
    std::size_t header_wages = 0;
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
        if (placed) header_wages = wages_from_row(target.back(), target.back().rows.back(), false);
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
    if (placed) extract_dates_and_wages(b, false, header_wages == 0);  // a row read by its header is read
    first_content_ = false;
    read_mentions(b.text, b.line, false);
}

// ---------------------------------------------------------------------------------------------------------------
// Flattened tables (schemas/layout.xsd, tables)

bool Engine::try_table_row(std::size_t& i) {
    const Block& b = block(i);
    if (b.kind != BlockKind::paragraph && b.kind != BlockKind::list_item && b.kind != BlockKind::heading) return false;
    for (const auto& rule : r_.tables.pairs)
        if (try_pair(i, rule)) return true;
    if (!r_.tables.doubled || b.kind != BlockKind::paragraph) return false;
    if (r_.tables.header) {
        if (auto m = r_.tables.header->match(b.text)) {
            std::vector<std::string> cells;
            for (std::size_t g = 1; g < m->size(); ++g)
                if (!(*m)[g].empty()) cells.push_back(normalize_space((*m)[g]));
            if (cells.size() >= 2) {
                add_table_row(i, std::move(cells));
                return true;
            }
        }
    }
    if (auto cells = doubled_row(b.text)) {
        add_table_row(i, std::move(*cells));
        return true;
    }
    return false;
}

// A key and its value on one line ("$23.65 Minimum") or on two consecutive ones ("$23.65", then "Minimum").
bool Engine::try_pair(std::size_t& i, const PairRule& rule) {
    const detail::Regex& first = rule.value_first ? *rule.value : *rule.key;
    const detail::Regex& second = rule.value_first ? *rule.key : *rule.value;
    auto row = [&](std::string a, std::string b) {
        return rule.value_first ? std::vector<std::string>{std::move(b), std::move(a)}
                                : std::vector<std::string>{std::move(a), std::move(b)};
    };
    const Block& b = block(i);
    if (auto one_line = split_pair_line(b.text, first, second)) {
        add_table_row(i, row(std::move(one_line->first), std::move(one_line->second)));
        return true;
    }
    if (!first.search(b.text)) return false;
    std::size_t j = next_content_block(i + 1);
    if (j >= n_ || !is_text_block(block(j)) || !second.search(block(j).text)) return false;
    std::string where = add_table_row(i, row(b.text, block(j).text));
    for (std::size_t k = i + 1; k < j; ++k) place(k, "chrome");
    place(j, std::move(where));
    i = j;
    return true;
}

// Returns where the row went (for --explain).
std::string Engine::add_table_row(std::size_t i, std::vector<std::string> cells) {
    const Block& b = block(i);
    std::vector<Content>* section_content = content_target(i);
    std::vector<Content>& target = section_content ? *section_content : p_.unmapped;
    if (target.empty() || target.back().kind != Content::Kind::table) {
        Content c;
        c.kind = Content::Kind::table;
        c.line = b.line;
        target.push_back(std::move(c));
    }
    target.back().rows.push_back({std::move(cells), b.line});
    std::string where = section_content ? section_label() + " " + current()->kind + " (table)" : "unmapped";
    place(i, where);
    if (section_content) wages_from_row(target.back(), target.back().rows.back(), true);
    return where;
}

// The period the open sections' headings name, innermost first ("Hourly Pay" under "Pay").
std::optional<WagePer> Engine::period_of_open_sections() {
    for (std::size_t depth = path_.size(); depth > 0; --depth) {
        Section* s = top();
        for (std::size_t k = 1; k < depth; ++k) s = &s->subsections[path_[k].index];
        if (auto per = wage_period_in(s->heading)) return per;
    }
    return std::nullopt;
}

// Wages in a table row: a rebuilt row reads as "Minimum $23.65" with the period its heading names; under a header
// that names the measures, each amount is the measure of its column.
// Returns how many wages the header gave.
std::size_t Engine::wages_from_row(const Content& table, const TableRow& row, bool reconstructed) {
    const bool by_header = r_.tables.header_wages && table.rows.size() >= 2 && &row != &table.rows.front();
    if (!reconstructed && !by_header) return 0;  // the caller reads the row's text for wages itself
    std::string text;
    for (const auto& cell : row.cells) text += (text.empty() ? "" : " | ") + cell;
    auto heading_period = period_of_open_sections();
    if (reconstructed) {
        auto wages = find_wages(text);
        const bool row_names_period = !wages.empty() && wage_period_in(text);
        for (auto& w : wages) {
            if (heading_period && !row_names_period) w.per = *heading_period;
            w.line = row.line;
            add_wage(std::move(w));
        }
    }

    if (!by_header) return 0;
    const auto& header = table.rows.front().cells;
    // Column 0 labels the row ("Region", "Nova Scotia"), unless the header names a measure there and the row holds
    // an amount under it: "Low | Median | High" over "$18.00 | $24.50 | $32.00" has no label column.
    const bool first_is_figure = !header.empty() && !row.cells.empty() && wage_measure_in(header[0]) &&
                                 (parse_amount(row.cells[0]) || parse_amount("$" + row.cells[0]));
    std::size_t added = 0;
    for (std::size_t c = first_is_figure ? 0 : 1; c < row.cells.size() && c < header.size(); ++c) {
        auto measure = wage_measure_in(header[c]);
        const std::string& cell = row.cells[c];
        auto amount = parse_amount(cell);
        if (!amount && cell.find('$') == std::string::npos) amount = parse_amount("$" + cell);
        if (!measure || !amount) continue;
        Wage w;
        w.measure = *measure;
        w.value = *amount;
        auto per = wage_period_in(header[c]);
        if (!per) per = heading_period;
        w.per = per ? *per : detail::per_from_magnitude(*amount);
        w.phrase = text;
        w.line = row.line;
        add_wage(std::move(w));
        ++added;
    }
    return added;
}

// ---------------------------------------------------------------------------------------------------------------
// Codes and facts stated in the text (schemas/layout.xsd, mentions)

// A code the profile does not have yet (the same code of another classification version is another code).
bool Engine::add_code_once(Code code) {
    if (code_index_.has(code)) return false;
    if (!looks_like_code(code.value)) return false;
    code_index_.added(p_.codes.size(), code);
    p_.codes.push_back(std::move(code));
    return true;
}

void Engine::read_mentions(std::string_view text, int line, bool in_title) {
    read_mentions_of(r_, text, line, in_title);
    // The occupation's own code is site-agnostic: "NOC 2021: 72310" on the title line counts in every layout (in
    // the text it may name another occupation, so only the generic layout reads it there).
    if (in_title && &r_ != &g_) read_mentions_of(g_, text, line, in_title, MentionRule::To::code);
}

void Engine::read_mentions_of(const LayoutRules& rules, std::string_view text, int line, bool in_title,
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

void Engine::extract_dates_and_wages(const Block& b, bool consumed_as_date, bool read_wages) {
    std::string year_hint;
    bool has_digit = std::any_of(b.text.begin(), b.text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!has_digit) return;
    if (!consumed_as_date) {
        for (const auto& dp : find_date_phrases(b.text)) {
            if (dp.kind == DateKind::data_year) year_hint = std::to_string(dp.date.year);
            attach_date(dp, b.line, false);
        }
    }
    if (!read_wages) return;
    auto wages = find_wages(b.text, year_hint);
    // A bare amount under "Annual provincial median salary" is the median the heading names. Words counted once,
    // not per wage: a line of amounts would make that quadratic.
    constexpr int max_bare_amount_words = 3;
    const bool bare_amount =
        !wages.empty() && b.kind == BlockKind::paragraph && detail::count_words(b.text) <= max_bare_amount_words;
    for (auto& w : wages) {
        if (in_comparison_sentence(b.text, w.phrase)) continue;
        w.line = b.line;
        if (w.measure == WageMeasure::value && bare_amount)
            if (auto measure = wage_measure_in(current()->heading)) w.measure = *measure;
        add_wage(std::move(w));
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
            auto same =
                std::find_if(p_.facts.begin(), p_.facts.end(), [&](const Fact& f) { return f.name == rule.name; });
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

// Is block i the label line of a field whose value comes on the following line(s)?
bool Engine::is_field_label(std::size_t i) const {
    const Block& b = block(i);
    if (b.kind != BlockKind::paragraph && b.kind != BlockKind::heading) return false;
    for (const auto& rule : r_.fields)
        if (rule.value_on != FieldRule::ValueOn::same_line && rule.label.matches(keys_[i], b.text)) return true;
    return false;
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
                // "Avg. Salary $73,193.00": the label is what stands before the value; a line that is only the
                // value ("Good" under "Job Outlook", a badge, a pattern without a value group) has none.
                std::string_view label;
                if (!value.empty() && std::string_view(b.text).ends_with(value))
                    label = detail::trim(std::string_view(b.text).substr(0, b.text.size() - value.size()));
                apply_field(rule, label, value.empty() ? std::string_view(b.text) : value, b.text, b.line, groups);
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
            // An empty field ("Average Starting Salary" right above "Growth Rate") does not take the next label.
            if (j < n_ && block(j).kind != BlockKind::heading && !heading_rule(j) && !is_field_label(j)) {
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
    // One placement per block: sized once, a huge page does not pay for the vector's growth (and its copies).
    if (record_placements_) {
        out_.placements.reserve(n_);
        placed_blocks_.reserve(n_);
    }
    const std::size_t title = find_title();
    level_shift_ = heading_level_shift(title);
    mark_page_head(title);
    choose_intro(title);
    for (std::size_t i = 0; i < n_; ++i) {
        if (i % 1024 == 0) throw_if_cancelled();  // occkit/cancel.hpp: a huge page stops within milliseconds
        const Block& b = block(i);
        if (is_chrome(i)) {
            for (const auto& dp : find_date_phrases(b.text)) {  // a footer's "© 2009" still dates the page
                Date d{dp.kind, dp.date.precision, dp.date.iso(), dp.phrase, {}, b.line};
                p_.dates.push_back(std::move(d));
            }
            place(i, chrome_[i].reason.empty() ? std::string("chrome")
                                               : "chrome (" + std::string(chrome_[i].reason) + ")");
            continue;
        }
        if (i == title) {
            take_title(i);
            continue;
        }
        if (restates_title(i)) {
            place(i, "title (restated)");
            continue;
        }
        if (is_comparison_line(i)) {
            add_content(i);
            if (!path_.empty()) comparing_ = current()->kind;
            continue;
        }
        if (try_field(i) || try_outline(i) || try_table_row(i)) continue;
        const HeadingRule* rule = heading_rule(i);
        if (is_heading(i, rule)) {
            open_heading(i, rule);
            continue;
        }
        if (try_date_only(i)) continue;
        add_content(i);
    }
    merge_split_placements();
    return std::move(out_);
}

}  // namespace

Conversion apply_layout_folded(const Document& doc, const Layout& layout, std::vector<std::string> keys,
                               bool record_placements, std::string_view url) {
    Engine engine(doc, layout.rules(), LayoutSet::builtin().generic().rules(), std::move(keys), record_placements, url);
    return engine.run();
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

Conversion apply_layout(const Document& doc, const Layout& layout) {
    return apply_layout_folded(doc, layout, fold_keys(doc.blocks));
}

OCCKIT_END_IMPL_NAMESPACE
