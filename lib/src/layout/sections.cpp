// Sectioning (layout/sections.hpp): opening, nesting and closing sections, the page's outline line, sections
// inferred where the page lost a heading, and placing each block of content.
#include "layout/sections.hpp"

#include <algorithm>

#include "blocks/blocks_internal.hpp"
#include "occkit/dates.hpp"
#include "occkit/wages.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

using detail::is_text_block;

Content& last_content_of_kind(std::vector<Content>& target, Content::Kind kind, int line) {
    if (target.empty() || target.back().kind != kind) {
        Content c;
        c.kind = kind;
        c.line = line;
        target.push_back(std::move(c));
    }
    return target.back();
}

namespace {

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

// Appends block b to `target`: a list item, a table row, a paragraph, or the list items `items` cuts it into
// (HeadingRule::items). Returns the table when b was a table row.
const Content* append_block(const Block& b, std::vector<Content>& target, const std::string& items) {
    auto add_item = [&](std::string text, int depth) {
        last_content_of_kind(target, Content::Kind::list, b.line).items.push_back({std::move(text), depth, b.line});
    };
    if (b.kind == BlockKind::list_item) {
        add_item(b.text, std::max(1, b.level));
    } else if (b.kind == BlockKind::table_row) {
        Content& table = last_content_of_kind(target, Content::Kind::table, b.line);
        table.rows.push_back({b.cells, b.line});
        return &table;
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
    return nullptr;
}

}  // namespace

void Sectioner::start(std::size_t title) {
    level_shift_ = heading_level_shift(title);
    choose_intro(title);
}

// Heading levels count from the page's own top: a site that styles every heading one level down (sections in h3
// under an h2 title) nests its sections as one that uses h2 does. Layout levels are written for h2 sections.
int Sectioner::heading_level_shift(std::size_t title) const {
    int top = 7;
    for (std::size_t i = 0; i < page_.size(); ++i)
        if (i != title && page_.block(i).kind == BlockKind::heading && !page_.is_chrome(i))
            top = std::min(top, page_.block(i).level);
    return top < 7 ? std::max(0, top - 2) : 0;
}

// A page titled for one side of an occupation ("Job prospects Welder in Canada", "Exigences d'emploi ...") opens
// with that side: the text under the title belongs to the topic's section, not to an overview.
bool Sectioner::intro_from_topic(std::string_view topic) {
    const std::string* kind = page_.keyword_kind(fold_key(topic));
    if (kind) intro_ = {*kind, std::string(topic)};
    return kind != nullptr;
}

// The topic from the title line, else from the part of the HTML <title> between the page's name and the site's
// ("Electrician in Canada | Job prospects - Job Bank"): a page restyled with only the name in its heading keeps it.
void Sectioner::choose_intro(std::size_t title) {
    if (title < page_.size())
        if (auto parts = page_.title_parts(page_.block(title).text); parts && !parts->topic.empty())
            if (intro_from_topic(parts->topic)) return;
    std::vector<std::string_view> parts;
    for (std::string_view rest = page_.doc().html_title; !rest.empty();) {
        std::size_t cut = std::min(rest.find(" | "), rest.find(" - "));
        parts.push_back(detail::trim(rest.substr(0, cut)));
        rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 3);
    }
    constexpr int max_topic_words = 3;
    for (std::size_t k = 1; k + 1 < parts.size(); ++k)
        if (detail::count_words(parts[k]) <= max_topic_words && intro_from_topic(parts[k])) return;
}

Section& Sectioner::open_section(const std::string& kind, const std::string& heading, bool inferred, int line,
                                 int level, const std::string& items, bool as_child, bool holds_list) {
    Section s;
    s.kind = kind;
    s.heading = heading;
    s.heading_inferred = inferred;
    s.line = line;
    path_.closed = false;
    if (as_child && !path_.open.empty()) {
        Section* parent = path_.current();
        parent->subsections.push_back(std::move(s));
        path_.open.push_back({parent->subsections.size() - 1, level, items, holds_list});
        return parent->subsections.back();
    }
    p_.sections.push_back(std::move(s));
    path_.open.assign(1, {p_.sections.size() - 1, level, items, holds_list});
    mark_outline_seen(kind);
    return p_.sections.back();
}

const OutlineEntry* Sectioner::next_outline_entry() const {
    // The entry after the last one seen: sections appear in outline order.
    std::size_t next = 0;
    for (std::size_t k = 0; k < outline_.size(); ++k)
        if (outline_[k].seen) next = k + 1;
    return next < outline_.size() ? &outline_[next] : nullptr;
}

void Sectioner::mark_outline_seen(const std::string& kind) {
    for (auto& e : outline_)
        if (!e.seen && e.kind == kind) {
            e.seen = true;
            return;
        }
}

bool Sectioner::try_outline(std::size_t i) {
    if (!outline_.empty()) return false;
    auto entries = page_.outline_entries(i);
    if (!entries) return false;
    outline_ = std::move(*entries);
    for (const auto& s : p_.sections) mark_outline_seen(s.kind);
    path_.open.clear();  // what follows the outline starts the first outlined section, even without its heading
    out_.place(i, "outline");
    return true;
}

void Sectioner::open_heading(std::size_t i, const HeadingRule* rule) {
    const Block& b = page_.block(i);
    std::string kind = rule ? rule->kind : page_.unnamed_heading_kind(i);
    dates_.end_comparison_unless(kind);
    std::string items = rule ? rule->items : "";
    bool holds = rule && rule->holds_list;
    bool layout_level = rule && rule->level > 0;  // the layout says how deep the heading sits
    int level = layout_level ? rule->level : b.kind == BlockKind::heading ? std::max(2, b.level - level_shift_) : 2;
    auto pop_to = [&](int depth) {  // close what is as deep as the new heading or deeper, keeping the top section
        while (path_.open.size() > 1 && path_.open.back().level >= depth) path_.open.pop_back();
    };
    if (rule && !rule->parent.empty()) {
        bool parent_open = !path_.open.empty() && !path_.closed && path_.top()->kind == rule->parent;
        if (!parent_open)
            open_section(rule->parent, rule->parent_heading, true, b.line, layout_level ? 2 : level, "", false);
        if (layout_level)
            pop_to(level);
        else
            path_.open.resize(1);
        open_section(kind, b.text, false, b.line, layout_level ? level : level + 1, items, true, holds);
    } else if (!path_.open.empty() && (layout_level || (b.kind == BlockKind::heading && !rule))) {
        // Headings nest by level when the layout gives one, or by their HTML level when the layout does not name
        // them: a named heading without a level is a section of its own in the HTML page and its text alike.
        while (!path_.open.empty() && path_.open.back().level >= level) path_.open.pop_back();
        // A subheading whose words name no kind ("Detailed analysis") goes on with its parent's subject.
        if (!rule && kind == "other" && !path_.open.empty()) kind = path_.current()->kind;
        open_section(kind, b.text, false, b.line, level, items, !path_.open.empty(), holds);
    } else {
        open_section(kind, b.text, false, b.line, level, items, false, holds);
    }
    if (out_.recording()) out_.place(i, path_.label() + " " + kind + " (heading)");
    fields_.read_mentions(b.text, b.line, false);
    for (const auto& dp : find_date_phrases(b.text))  // "Employment in 2018": the year the section's figures hold for
        if (dp.kind == DateKind::data_year || dp.kind == DateKind::period) dates_.attach_date(dp, b.line, false);
}

bool Sectioner::try_date_only(std::size_t i) {
    const Block& b = page_.block(i);
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
    dates_.attach_date(phrases[0], b.line, true);
    out_.place(i, "date " + std::string(to_string(phrases[0].kind)) +
                      (page_.rules().attach_for(phrases[0].kind) == DateRule::Attach::page || path_.open.empty()
                           ? " (page)"
                           : " (" + path_.label() + ")"));
    return true;
}

// "Updated Mar 31, 2024" opens a section; standing after content instead of under a heading, it shows where a
// section whose heading the page lost begins.
void Sectioner::infer_section_for_opening_date(const DatePhrase& dp, const Block& b) {
    if (page_.rules().attach_for(dp.kind) != DateRule::Attach::opens) return;
    const Section* open = path_.open.empty() || path_.closed ? nullptr : path_.current();
    if (open && open->content.empty() && open->subsections.empty()) return;  // right under its heading
    for (const auto& inf : page_.rules().infers) {
        if (inf.when != InferRule::When::opening_date) continue;
        if (has_section(inf.kind)) continue;
        open_section(inf.kind, inf.heading, true, b.line, 2, "", false);
        return;
    }
}

bool Sectioner::has_section(const std::string& kind) const {
    return std::any_of(p_.sections.begin(), p_.sections.end(), [&](const Section& s) { return s.kind == kind; });
}

int Sectioner::widest_gap(const Page& page) {
    int widest = 0;
    for (std::size_t i = 0; i < page.size(); ++i) widest = std::max(widest, page.block(i).gap_before);
    return widest;
}

// Does block b stand after the wider gap a layout's infer rule asks for? A text that never leaves more than one
// blank line between blocks cannot show a wider one: every renderer (w3m, lynx, html2text, pandoc) sets one blank
// line between blocks, whatever the page's sections, so there any blank line before the block meets the rule, as
// the HTML page, which has no gaps, meets it anywhere.
bool Sectioner::gap_of_at_least(const Block& b, int gap) const {
    return b.gap_before >= (widest_gap_ <= 1 ? std::min(gap, 1) : gap);
}

// Does block i show that a section of the rule's kind began here without a heading? (schemas/layout.xsd, infer)
bool Sectioner::infer_applies(const InferRule& rule, std::size_t i, const Section* open) const {
    const Block& b = page_.block(i);
    if (open && open->kind == rule.kind) return false;
    switch (rule.when) {
        case InferRule::When::money:
            return (page_.doc().format == InputFormat::html || gap_of_at_least(b, rule.gap)) && mentions_money(b.text);
        case InferRule::When::opening_date:
            return false;  // read where the date is (infer_section_for_opening_date)
        case InferRule::When::gap: {
            bool lead_in = b.kind == BlockKind::paragraph && b.text.ends_with(':');
            if (page_.doc().format != InputFormat::text || b.gap_before < rule.gap ||
                !(b.kind == BlockKind::list_item || lead_in))
                return false;
            if (!rule.pattern) return true;
            // A lead-in ("Licensed practical nurses:") is judged by the first item it introduces.
            std::size_t first = lead_in ? page_.next_content_block(i + 1) : i;
            return first < page_.size() && rule.pattern->search(page_.block(first).text);
        }
        case InferRule::When::match:
            return is_text_block(b) && rule.pattern->search(b.text);
        case InferRule::When::lead_in: {
            if (b.kind != BlockKind::paragraph || !rule.pattern->search(b.text)) return false;
            std::size_t next = page_.next_content_block(i + 1);
            return next < page_.size() && page_.block(next).kind == BlockKind::list_item;
        }
    }
    return false;
}

bool Sectioner::ensure_section_for(std::size_t i) {
    const Block& b = page_.block(i);
    const Section* open = path_.open.empty() || path_.closed ? nullptr : &p_.sections[path_.open[0].index];
    if (!outline_.empty() && !open) {
        if (const OutlineEntry* e = next_outline_entry()) {
            open_section(e->kind, e->text, true, b.line, 2, "", false);
            return true;
        }
    }
    for (const auto& inf : page_.rules().infers) {
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
    if (path_.open.empty() && p_.sections.empty() && intro_) {
        open_section(intro_->first, intro_->second, true, b.line, 2, "", false);
        return true;
    }
    return false;
}

// Where block i's content goes: the open (or inferred) section, else nullptr (unmapped). A caption that holds
// only a list gives way to its parent section at the first other content.
std::vector<Content>* Sectioner::content_target(std::size_t i) {
    if (path_.open.size() > 1 && path_.open.back().holds_list && page_.block(i).kind != BlockKind::list_item)
        path_.open.pop_back();
    return ensure_section_for(i) ? &path_.current()->content : nullptr;
}

void Sectioner::add_content(std::size_t i) {
    const Block& b = page_.block(i);
    constexpr int prose_words = 12;  // the comparison's figures have ended: the page speaks of the occupation again
    if (dates_.comparing() && b.kind == BlockKind::paragraph && detail::count_words(b.text) >= prose_words)
        dates_.end_comparison();
    std::vector<Content>* section_content = content_target(i);
    if (lead_in_heading_ == i) {  // the line became the heading of the section it opened
        if (out_.recording()) out_.place(i, path_.label() + " " + path_.current()->kind + " (heading)");
        return;
    }
    bool placed = section_content != nullptr;
    std::vector<Content>& target = placed ? *section_content : p_.unmapped;
    // A sentence right under its heading ("These outlooks were updated on ...") dates the section like a date line.
    path_.first_content = placed && target.empty() && path_.current()->subsections.empty();
    const Content* table = append_block(b, target, placed ? path_.open.back().items : std::string());
    std::size_t header_wages = placed && table ? dates_.wages_from_row(*table, table->rows.back(), false) : 0;
    if (out_.recording()) out_.place(i, placed ? path_.label() + " " + path_.current()->kind : "unmapped");
    if (placed) dates_.extract_dates_and_wages(b, false, header_wages == 0);  // a row read by its header is read
    path_.first_content = false;
    fields_.read_mentions(b.text, b.line, false);
}

OCCKIT_END_IMPL_NAMESPACE
