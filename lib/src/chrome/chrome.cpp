// The chrome stage (chrome.hpp): markup regions, furniture-shaped lines and the layouts' chrome phrases.
#include "occkit/api.hpp"
#include "chrome/chrome.hpp"

#include <algorithm>
#include <array>

#include "layout/layout_rules.hpp"
#include "support/text_util.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

namespace {

constexpr std::size_t max_step_words = 8;
constexpr std::size_t max_trail_bytes = 200;

std::string_view strip_you_are_here(std::string_view text) {
    for (std::string_view lead : {"you are here:", "you are here", "vous êtes ici :", "vous êtes ici:"})
        if (text.size() > lead.size() && starts_with_ascii_ci(text, lead)) return trim(text.substr(lead.size()));
    return text;
}

bool is_home_step(std::string_view step) {
    step = trim(step);
    for (std::string_view home : {"home", "accueil", "home page", "page d'accueil"})
        if (step.size() == home.size() && starts_with_ascii_ci(step, home)) return true;
    return false;
}

// The steps of a trail, split at its separator: '>', '»', '›' or '→' anywhere, or " / " after a home step.
std::vector<std::string_view> trail_steps(std::string_view text) {
    static constexpr std::array<std::string_view, 4> arrows = {">", "\u00bb", "\u203a", "\u2192"};
    std::string_view separator;
    for (auto a : arrows)
        if (text.find(a) != std::string_view::npos) {
            separator = a;
            break;
        }
    if (separator.empty()) separator = " / ";
    std::vector<std::string_view> steps;
    std::size_t start = 0;
    while (true) {
        std::size_t at = text.find(separator, start);
        steps.push_back(trim(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start)));
        if (at == std::string_view::npos) break;
        start = at + separator.size();
    }
    if (separator == " / " && (steps.empty() || !is_home_step(steps.front()))) return {};
    return steps;
}

bool ends_like_sentence(std::string_view s) { return !s.empty() && (s.back() == '.' || s.back() == '!'); }

bool any_digit_or_money(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '$'; });
}

std::string_view region_reason(Region region) {
    static const auto reasons = [] {
        std::array<std::string, static_cast<std::size_t>(Region::outside_main) + 1> r;
        for (std::size_t k = 0; k < r.size(); ++k) r[k] = "markup: " + std::string(to_string(static_cast<Region>(k)));
        return r;
    }();
    return reasons[static_cast<std::size_t>(region)];
}

// A block the markup puts in furniture, unless the layout maps it, or what follows a mapped block in the same
// region (a "Related Careers" heading in a sidebar keeps its list).
void mark_regions(const std::vector<Block>& blocks, const MapsContent& maps_content, std::vector<ChromeVerdict>& out) {
    Region kept = Region::content;  // a furniture region the layout showed to hold content
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        Region region = blocks[i].region;
        if (region == Region::content || maps_content(i)) {
            kept = region;
            continue;
        }
        if (region == kept) continue;
        kept = Region::content;
        out[i] = {true, region_reason(region)};
    }
}

}  // namespace

bool is_breadcrumb_line(std::string_view text) {
    text = strip_you_are_here(trim(text));
    if (text.empty() || text.size() > max_trail_bytes || ends_like_sentence(text)) return false;
    auto steps = trail_steps(text);
    if (steps.size() < 2) return false;
    if (steps.size() == 2 && !is_home_step(steps.front())) return false;
    for (std::size_t k = 0; k < steps.size(); ++k) {
        bool last = k + 1 == steps.size();
        if (steps[k].empty() && !last) return false;  // "a >> b", "x > > y"
        if (static_cast<std::size_t>(count_words(steps[k])) > max_step_words) return false;
    }
    return is_home_step(steps.front()) || count_words(steps.front()) <= 3;
}

std::string breadcrumb_last_step(std::string_view text) {
    if (!is_breadcrumb_line(text)) return {};
    auto steps = trail_steps(strip_you_are_here(trim(text)));
    return steps.empty() ? std::string() : std::string(steps.back());
}

bool is_menu_line(std::string_view text) {
    constexpr std::size_t min_captions = 4, max_caption_words = 4, max_caption_bytes = 32;
    std::string_view separator;
    for (std::string_view s : {" | ", " \u2022 ", " \u00b7 "})
        if (text.find(s) != std::string_view::npos) {
            separator = s;
            break;
        }
    if (separator.empty() || any_digit_or_money(text)) return false;
    std::size_t captions = 0, start = 0;
    while (true) {
        std::size_t at = text.find(separator, start);
        std::string_view caption = trim(text.substr(start, at == std::string_view::npos ? at : at - start));
        if (caption.empty() || caption.size() > max_caption_bytes ||
            static_cast<std::size_t>(count_words(caption)) > max_caption_words)
            return false;
        if (!(caption.front() >= 'A' && caption.front() <= 'Z') && static_cast<unsigned char>(caption.front()) < 0x80)
            return false;
        ++captions;
        if (at == std::string_view::npos) break;
        start = at + separator.size();
    }
    return captions >= min_captions;
}

namespace {

bool is_copyright_line(std::string_view text) {
    text = trim(text);
    return starts_with_ascii_ci(text, "\u00a9") || starts_with_ascii_ci(text, "(c)") ||
           starts_with_ascii_ci(text, "copyright");
}

// What a footer line looks like: a short line of its own, not a heading or an item of a list.
bool looks_like_footer_line(const Block& b) {
    constexpr int max_footer_words = 10;
    return (b.kind == BlockKind::paragraph || b.kind == BlockKind::label_value) &&
           count_words(b.text) <= max_footer_words;
}

// A copyright notice closes a page: the few short lines after it ("Page last reviewed 2010-07-15") are its footer
// too, as the HTML page's <footer> shows and a text rendering no longer does. Only when the notice stands among the
// page's last lines, and only while every line after it looks like a footer's (a heading, a list item or a
// sentence of some length after it is content, and then nothing after the notice is dropped); what the layout
// maps stays.
void mark_after_copyright(const std::vector<Block>& blocks, const MapsContent& maps_content,
                          std::vector<ChromeVerdict>& out) {
    constexpr std::size_t max_footer_lines = 4;
    std::size_t notice = blocks.size();
    for (std::size_t i = blocks.size(); i-- > 0 && blocks.size() - i <= max_footer_lines + 1;)
        if (out[i].chrome && is_copyright_line(blocks[i].text)) {
            notice = i;
            break;
        }
    for (std::size_t i = notice + 1; i < blocks.size(); ++i)
        if (!out[i].chrome && !maps_content(i) && !looks_like_footer_line(blocks[i])) return;
    for (std::size_t i = notice + 1; i < blocks.size(); ++i)
        if (!out[i].chrome && !maps_content(i)) out[i] = {true, "after the copyright line"};
}

}  // namespace

std::vector<ChromeVerdict> find_chrome(const std::vector<Block>& blocks, const std::vector<std::string>& keys,
                                       const LayoutRules& layout, const LayoutRules& generic,
                                       const MapsContent& maps_content) {
    std::vector<ChromeVerdict> out(blocks.size());
    mark_regions(blocks, maps_content, out);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const Block& b = blocks[i];
        if (layout.lists_chrome(keys[i], b.text)) {
            out[i] = {true, {}};  // the layout's own: plain "chrome", as it always was
            continue;
        }
        if (out[i].chrome || b.kind == BlockKind::heading) continue;
        // A text capture reads "© 2010 Government of Alberta | Privacy" as a table row: phrases hold for rows too.
        if (&layout != &generic && generic.lists_chrome(keys[i], b.text) && !maps_content(i))
            out[i] = {true, "furniture phrase"};
        if (out[i].chrome || b.kind == BlockKind::table_row) continue;
        if (is_breadcrumb_line(b.text) && !maps_content(i))
            out[i] = {true, "breadcrumb line"};
        else if (b.kind == BlockKind::paragraph && is_menu_line(b.text) && !maps_content(i))
            out[i] = {true, "menu line"};
    }
    mark_after_copyright(blocks, maps_content, out);
    return out;
}

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE
