// Title finding (layout/title.hpp), by agreement of signals: the layout's title rule, the page's <title> and og:title
// less the site's name, an h1 (or the first heading of the top level), the breadcrumb's last step, a code beside the
// name ("Legislators (NOC 0011)") and the URL's slug each vote for a line; the line most of them agree on wins. A
// chrome block, a link, a known heading or a sentence never does.
#include "layout/title.hpp"

#include <algorithm>

#include "blocks/blocks_internal.hpp"
#include "occkit/dates.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

using detail::ends_like_sentence;
using detail::starts_upper_or_digit;

namespace {

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

}  // namespace

TitleSignals TitleFinder::title_signals() const {
    TitleSignals s;
    s.html_title = fold_key(page_.doc().html_title);
    s.meta_title = fold_key(page_.doc().meta_title);
    s.slug = url_slug_words(url_);
    for (std::size_t i = 0; i < page_.size() && s.crumb.empty(); ++i) {
        const Block& b = page_.block(i);
        if (b.region == Region::breadcrumb) {  // a marked-up trail: its last step is the last block of the run
            std::size_t last = i;
            while (last + 1 < page_.size() && page_.block(last + 1).region == Region::breadcrumb) ++last;
            std::string step = detail::breadcrumb_last_step(page_.block(last).text);
            s.crumb = fold_key(step.empty() ? page_.block(last).text : step);
        } else if (page_.chrome_reason(i) == "breadcrumb line") {
            s.crumb = fold_key(detail::breadcrumb_last_step(b.text));
        }
    }
    return s;
}

int TitleFinder::title_votes(std::size_t i, std::size_t layout_pick, const TitleSignals& signals) const {
    const Block& b = page_.block(i);
    auto parts = page_.title_parts(b.text);
    std::string name = fold_key(parts && !parts->name.empty() ? parts->name : b.text);
    std::string whole = page_.key(i);
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

std::size_t TitleFinder::find_title() const {
    const std::size_t pick = layout_title();
    if (page_.rules().title.from == TitleRule::From::none) return page_.size();
    const TitleSignals signals = title_signals();
    // Candidates: the layout's pick, every heading, and the first lines of content (where a text page's title is).
    constexpr int first_lines = 12;
    int top_level = 7, at_top = 0, headings = 0;
    for (std::size_t i = 0; i < page_.size(); ++i)
        if (page_.block(i).kind == BlockKind::heading && !page_.is_chrome(i))
            top_level = std::min(top_level, page_.block(i).level);
    for (std::size_t i = 0; i < page_.size(); ++i)
        if (page_.block(i).kind == BlockKind::heading && !page_.is_chrome(i)) {
            ++headings;
            at_top += page_.block(i).level == top_level;
        }
    // The one heading above all the others is the page's name, as an h1 is, whatever level the site styles it at.
    const bool sole_top = top_level > 1 && at_top == 1 && headings > 1;
    std::size_t best = page_.size();
    int best_votes = 0, content_lines = 0;
    bool top_heading_seen = false;
    for (std::size_t i = 0; i < page_.size(); ++i) {
        if (page_.is_chrome(i)) continue;
        const Block& b = page_.block(i);
        bool heading = b.kind == BlockKind::heading;
        bool early = content_lines++ < first_lines;
        if (!heading && !early && i != pick) continue;
        // The page's top heading (an h1, or what the site styles in its place) is the page's own name even when its
        // words read like a section's or end in an abbreviation ("Other professional engineers, n.e.c.").
        bool h1 = heading && b.level == top_level && !top_heading_seen &&
                  detail::count_words(b.text) <= page_.rules().title.max_words;
        if (!(h1 || page_.title_like(i)) || b.link_only || b.kind == BlockKind::label_value || page_.is_furniture(i) ||
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
    return best_votes >= min_votes ? best : page_.size();
}

// What stands above the occupation's name on the page's first lines is the site's: its name, a tagline, a
// contact line, a section label ("Health Career Profiles"). Only what the layout maps (a code, a field, a heading)
// and dated lines are kept; a title found deep in the page (a heading) says nothing of the lines above it.
void TitleFinder::mark_page_head(std::size_t title) {
    constexpr std::size_t max_head_blocks = 8;
    constexpr int description_words = 8;
    if (title >= page_.size()) {  // no name on the page: its head ends where its first section or description begins
        for (title = 0; title < page_.size(); ++title) {
            const Block& b = page_.block(title);
            if (page_.is_chrome(title)) continue;
            if (b.kind == BlockKind::heading || page_.heading_rule(title) || page_.maps_content(title) ||
                (b.kind != BlockKind::paragraph && b.kind != BlockKind::label_value) ||
                detail::count_words(b.text) >= description_words)
                break;
        }
        if (title >= page_.size()) return;
    }
    std::size_t content_before = 0;
    for (std::size_t i = 0; i < title; ++i) content_before += !page_.is_chrome(i);
    if (content_before > max_head_blocks) return;
    constexpr int prose_words = 15;  // a description above the "title" says the title is not the page's name
    for (std::size_t i = 0; i < title; ++i)
        if (!page_.is_chrome(i) && page_.block(i).kind == BlockKind::paragraph &&
            ends_like_sentence(page_.block(i).text) && detail::count_words(page_.block(i).text) >= prose_words)
            return;
    for (std::size_t i = 0; i < title; ++i) {
        if (page_.is_chrome(i) || page_.maps_content(i) || page_.states_code(i) ||
            !find_date_phrases(page_.block(i).text).empty())
            continue;
        page_.mark_chrome(i, "above the title");
    }
}

// "Alberta Supports Contact Centre" above "Toll Free 1-877-644-9992": the name of a contact box, not of the
// occupation.
bool TitleFinder::labels_contact(std::size_t i) const {
    std::size_t next = page_.next_content_block(i + 1);
    if (next >= page_.size() || !page_.is_furniture(next)) return false;
    const std::string& text = page_.block(next).text;
    return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Where the layout's title rule puts the title, before any other signal is heard.
std::size_t TitleFinder::layout_title() const {
    if (page_.rules().title.from == TitleRule::From::none) return page_.size();
    if (page_.rules().title.from == TitleRule::From::line_before) {
        for (std::size_t i = 0; i < page_.size(); ++i) {
            if (page_.key(i) != page_.rules().title.before) continue;
            for (std::size_t j = i; j-- > 0;) {
                if (page_.is_chrome(j)) continue;
                if (page_.title_like(j)) return j;
                break;
            }
            break;
        }
    }
    // Before the name: a badge line the layout maps, or a site's menu, which a text renderer draws as a list of
    // links (no profile opens with a list before its name).
    std::size_t first = page_.next_content_block(0);
    while (first < page_.size() && (page_.field_for(first) || page_.block(first).kind == BlockKind::list_item))
        first = page_.next_content_block(first + 1);
    if (page_.rules().title.from == TitleRule::From::best_line)
        if (std::size_t best = best_title_line(first); best < page_.size()) return best;
    return first < page_.size() && page_.title_like(first) && page_.block(first).kind != BlockKind::label_value &&
                   !page_.is_furniture(first) && !labels_contact(first)
               ? first
               : page_.size();
}

// The first of the page's first few lines that stands above the description or a section heading: the site's
// name, a phone number or a section label above it are furniture (schemas/layout.xsd, title from="best-line").
std::size_t TitleFinder::best_title_line(std::size_t from) const {
    constexpr int lines_to_look_at = 6;
    constexpr int description_words = 8;
    int seen = 0;
    for (std::size_t i = from; i < page_.size() && seen < lines_to_look_at;
         i = page_.next_content_block(i + 1), ++seen) {
        if (page_.heading_rule(i)) break;  // the sections have begun
        if (!page_.title_like(i) || page_.block(i).kind == BlockKind::label_value || page_.field_for(i)) continue;
        if (!starts_upper_or_digit(page_.block(i).text)) continue;  // "in All Health" is a badge, not a name
        if (page_.is_furniture(i)) continue;
        if (page_.title_parts(page_.block(i).text)) return i;  // "Carpenters (NOC 7271)"
        std::size_t next = page_.next_content_block(i + 1);
        if (next >= page_.size()) break;
        if (page_.key(next) == page_.key(i)) {  // a banner printed twice is furniture, both times
            i = next;
            continue;
        }
        const Block& after = page_.block(next);
        bool above_description =
            after.kind == BlockKind::paragraph && detail::count_words(after.text) >= description_words;
        // Above "(NOC 3012)" stands the name; above "Bakers (NOC 63202)" stands something else.
        bool above_code = page_.states_code(next) && !page_.title_parts(after.text);
        if (above_description || page_.heading_rule(next) || after.kind == BlockKind::heading || above_code) return i;
    }
    return page_.size();
}

OCCKIT_END_IMPL_NAMESPACE
