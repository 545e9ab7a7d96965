// The page as the layout engine reads it (layout/page.hpp): glued blocks cut apart, and what each block reads as
// under the layout's rules and its base layout's. Every question here is asked of one block and changes nothing,
// so title finding, sectioning and field reading can ask them in any order.
#include "layout/page.hpp"

#include <algorithm>
#include <cctype>

#include "blocks/blocks_internal.hpp"
#include "occkit/dates.hpp"
#include "occkit/wages.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace detail {

namespace {
// "n.e.c.", "U.S.", "e.g.": a last word of short letter groups each closed by a period is an abbreviation, and the
// period that closes the line belongs to it ("Other professional engineers, n.e.c." is a name, not a sentence).
bool ends_with_dotted_abbreviation(std::string_view s) {
    constexpr std::size_t max_group = 3;
    std::size_t start = s.find_last_of(' ');
    std::string_view word = s.substr(start == std::string_view::npos ? 0 : start + 1);
    std::size_t groups = 0, letters = 0;
    for (char c : word) {
        if (c == '.') {
            if (letters == 0 || letters > max_group) return false;
            ++groups;
            letters = 0;
        } else if (std::isalpha(static_cast<unsigned char>(c))) {
            ++letters;
        } else {
            return false;
        }
    }
    return groups >= 2 && letters == 0;
}

// A name has a letter: a line of symbols or figures ("×", "|", "2024") never is one.
bool has_letter(std::string_view s) {
    for (std::size_t i = 0; i < s.size();)
        if (is_letter_code_point(next_code_point(s, i))) return true;
    return false;
}
}  // namespace

bool ends_like_sentence(std::string_view s) {
    if (s.empty()) return false;
    if (s.back() == '.') return !ends_with_dotted_abbreviation(s);
    return s.back() == ',' || s.back() == ';';
}

bool starts_upper_or_digit(std::string_view s) {
    if (s.empty()) return false;
    unsigned char c = static_cast<unsigned char>(s[0]);
    return std::isupper(c) || std::isdigit(c) || c == '(' || c >= 0x80;
}

std::string canonical_scheme(std::string_view scheme, std::string_view fallback) {
    static const std::string_view known[] = {"NOC", "NOC-S", "OaSIS", "CNP", "CNP-S", "NAICS", "RedSeal", "other"};
    for (auto k : known)
        if (fold_key(k) == fold_key(scheme)) return std::string(k);
    return std::string(fallback);
}

std::string_view group_or(const std::vector<std::string>& groups, int index) {
    return index > 0 && static_cast<std::size_t>(index) < groups.size() ? std::string_view(groups[index])
                                                                        : std::string_view();
}

std::string_view named(const Regex& re, const std::vector<std::string>& groups, std::string_view name) {
    return group_or(groups, re.group(name));
}

bool is_text_block(const Block& b) { return b.kind == BlockKind::paragraph || b.kind == BlockKind::list_item; }

}  // namespace detail

using detail::canonical_scheme;
using detail::ends_like_sentence;
using detail::group_or;
using detail::named;
using detail::starts_upper_or_digit;

Page::Page(const Document& doc, const LayoutRules& rules, const LayoutRules& base, std::vector<std::string> keys)
    : doc_(doc), r_(rules), g_(base), blocks_(&doc.blocks), keys_(std::move(keys)) {
    unglue();
    n_ = blocks_->size();
    dense_text_ = is_dense_text();
    chrome_ = detail::find_chrome(*blocks_, keys_, r_, g_, [this](std::size_t i) { return maps_content(i); });
}

// ---------------------------------------------------------------------------------------------------------------
// Glued blocks ("Minimum$25.13", "MaximumAnnual Pay"): cut apart before anything else reads them.

std::vector<Block> Page::split_glued(const Block& b) const {
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

void Page::unglue() {
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

// A text dump with no blank line anywhere: short lines can only stand out by their shape.
bool Page::is_dense_text() const {
    constexpr std::size_t min_blocks = 10;
    const std::vector<Block>& page = doc_.blocks;  // as the page has them: a block cut from a glued one is no gap
    if (doc_.format != InputFormat::text || page.size() < min_blocks) return false;
    for (std::size_t i = 1; i < page.size(); ++i)
        if (page[i].gap_before > 0) return false;
    return true;
}

// ---------------------------------------------------------------------------------------------------------------

// The layout's furniture lines and the generic layout's (a phone number, a question, a glued menu caption).
bool Page::is_furniture(std::size_t i) const {
    const std::string& text = block(i).text;
    return text.empty() || r_.lists_furniture(keys_[i], text) || (has_base() && g_.lists_furniture(keys_[i], text));
}

const HeadingRule* Page::heading_rule(std::size_t i) const {
    const Block& b = block(i);
    if (b.kind == BlockKind::list_item || b.kind == BlockKind::table_row) return nullptr;
    bool label_value = b.kind == BlockKind::label_value;
    if (const HeadingRule* h = r_.heading_for(keys_[i], b.text, label_value)) return h;
    if (r_.inherit_generic_headings && has_base()) return g_.heading_for(keys_[i], b.text, label_value);
    return nullptr;
}

bool Page::is_heading(std::size_t i, const HeadingRule* rule) const {
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
bool Page::is_short_line_heading(std::size_t i) const {
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
bool Page::opens_content(std::size_t i) const {
    constexpr int min_paragraph_words = 4;
    const Block& b = block(i);
    if (b.kind == BlockKind::list_item || b.kind == BlockKind::table_row) return true;
    return detail::count_words(b.text) >= min_paragraph_words;
}

bool Page::title_like(std::size_t i) const {
    const Block& b = block(i);
    if (b.kind != BlockKind::paragraph && b.kind != BlockKind::heading) return false;
    if (b.text.empty() || ends_like_sentence(b.text) || !detail::has_letter(b.text)) return false;  // "×", "|", "2024"
    if (detail::count_words(b.text) > r_.title.max_words) {  // a long name with its code beside it still is one
        auto parts = title_parts(b.text);
        if (!parts || !parts->code || detail::count_words(parts->name) > r_.title.max_words) return false;
    }
    return heading_rule(i) == nullptr;
}

std::size_t Page::next_content_block(std::size_t i) const {
    while (i < n_ && is_chrome(i)) ++i;
    return i;
}

// The title line taken apart by the layout's title patterns, else its base layout's.
std::optional<TitleParts> Page::title_parts(std::string_view text) const {
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
    if (has_base()) return try_patterns(g_);
    return std::nullopt;
}

// Is block i a line that gives the occupation's code ("(NOC 3142)", "NOC: 7237")?
bool Page::states_code(std::size_t i) const {
    const Block& b = block(i);
    if (const FieldRule* f = field_for(i); f && f->to == FieldRule::To::codes) return true;
    constexpr int max_code_line_words = 4;
    if (detail::count_words(b.text) > max_code_line_words) return false;
    for (const auto& m : r_.mentions)
        if (m.to == MentionRule::To::code && m.in != MentionRule::In::title && m.pattern->search(b.text)) return true;
    return false;
}

// A navigation line listing the page's sections ("Duties | Working Conditions | ..."): its entries, or nothing.
std::optional<std::vector<OutlineEntry>> Page::outline_entries(std::size_t i) const {
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

// The kind of a heading the layout does not name, from its words ("Licensing and registration": certification).
std::string Page::unnamed_heading_kind(std::size_t i) const {
    if (const std::string* kind = r_.keyword_kind(keys_[i])) return *kind;
    if (r_.inherit_generic_headings && has_base())
        if (const std::string* kind = g_.keyword_kind(keys_[i])) return *kind;
    return "other";
}

// "Compared to: All Health", "Comparé à : ...": what follows is the figures of the group compared with.
bool Page::is_comparison_line(std::size_t i) const {
    static constexpr std::string_view leads[] = {"compared to", "compared with", "comparé à", "comparée à",
                                                 "compare a"};
    std::string_view key = keys_[i];
    if (key.empty() || key[0] != 'c') return false;  // every lead opens with 'c': most lines are out at once
    return std::any_of(std::begin(leads), std::end(leads),
                       [&](std::string_view lead) { return key.starts_with(lead); });
}

// The kind the first keyword found in a folded heading gives, the layout's keywords first, then (when it inherits
// them) its base layout's; nullptr when none does.
const std::string* Page::keyword_kind(std::string_view folded) const {
    const std::string* kind = r_.keyword_kind(folded);
    if (!kind && r_.inherit_generic_headings) kind = g_.keyword_kind(folded);
    return kind;
}

// The field rule a block would be taken by (without taking it): label/value and whole-line regex fields only.
const FieldRule* Page::field_for(std::size_t i) const {
    const Block& b = block(i);
    const std::string label_key = b.kind == BlockKind::label_value ? fold_key(b.label) : std::string();
    for (const auto& rule : r_.fields) {
        if (rule.value_on != FieldRule::ValueOn::same_line) continue;
        if (b.kind == BlockKind::label_value && rule.label.matches(label_key, b.label)) return &rule;
        if (rule.label.regex && b.kind != BlockKind::label_value && rule.label.regex->search(b.text)) return &rule;
    }
    return nullptr;
}

// Is block i the label line of a field whose value comes on the following line(s)?
bool Page::is_field_label(std::size_t i) const {
    const Block& b = block(i);
    if (b.kind != BlockKind::paragraph && b.kind != BlockKind::heading) return false;
    for (const auto& rule : r_.fields)
        if (rule.value_on != FieldRule::ValueOn::same_line && rule.label.matches(keys_[i], b.text)) return true;
    return false;
}

// ---------------------------------------------------------------------------------------------------------------
// The profile being built and the --explain placements.

PageOutput::PageOutput(const Page& page, bool record_placements) : page_(page), record_(record_placements) {
    // One placement per block: sized once, a huge page does not pay for the vector's growth (and its copies).
    if (record_) {
        out_.placements.reserve(page.size());
        placed_blocks_.reserve(page.size());
    }
}

void PageOutput::place(std::size_t i, std::string where) {
    if (!record_) return;
    out_.placements.push_back({page_.block(i).line, std::move(where), page_.block(i).text});
    placed_blocks_.push_back(i);
}

LaidOutPage PageOutput::finish() {
    if (!page_.was_unglued()) return std::move(out_);
    std::vector<Placement> merged;
    std::size_t last_origin = static_cast<std::size_t>(-1);
    for (std::size_t k = 0; k < out_.placements.size(); ++k) {
        std::size_t origin = page_.origin(placed_blocks_[k]);
        Placement& p = out_.placements[k];
        if (!merged.empty() && origin == last_origin) {
            if (!merged.back().where.ends_with(p.where)) merged.back().where += "; " + p.where;
            continue;
        }
        p.text = page_.doc().blocks[origin].text;
        merged.push_back(std::move(p));
        last_origin = origin;
    }
    out_.placements = std::move(merged);
    return std::move(out_);
}

OCCKIT_END_IMPL_NAMESPACE
