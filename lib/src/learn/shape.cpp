// The title's shape and the site's province, as `occkit layout learn` reads them from a site's pages: the site
// name is the part of <title> beside a separator (" | ", " - ", " – ", " — ", " :: ") that most pages share; the
// title is the page's first block of its own (not repeated on other pages), taken as the first line when most
// pages open with an h1 or with the <title>'s own part, and read as "Name (NOC 1234)" when most titles carry a code.
#include "occkit/api.hpp"
#include <array>
#include <map>
#include <string_view>
#include <utility>

#include "learn/learn_internal.hpp"
#include "support/text_util.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace learn {

namespace {

constexpr std::array<std::string_view, 5> separators = {" | ", " - ", " – ", " — ", " :: "};

// The <title> cut at its last separator: (own part, site part); both empty when there is no separator.
std::pair<std::string, std::string> split_title(std::string_view title) {
    std::size_t at = std::string_view::npos, len = 0;
    for (auto sep : separators) {
        std::size_t p = title.rfind(sep);
        if (p != std::string_view::npos && (at == std::string_view::npos || p > at)) at = p, len = sep.size();
    }
    if (at == std::string_view::npos) return {};
    return {std::string(detail::trim(title.substr(0, at))), std::string(detail::trim(title.substr(at + len)))};
}

const Block* first_own_block(const PageBlocks& page, const std::set<std::string>& repeated) {
    for (std::size_t i = 0; i < page.keys.size(); ++i)
        if (!page.keys[i].empty() && !repeated.contains(page.keys[i])) return &page.doc.blocks[i];
    return nullptr;
}

bool has_code_suffix(std::string_view text) {
    static const detail::Regex code(R"(^.+ \((?:NOC|CNP)(?: \d{4})? \d{4,5}(?:\.\d{1,2})?\)$)");
    return code.search(text);
}

}  // namespace

std::string common_vote(const std::vector<std::string>& votes, std::size_t needed) {
    std::map<std::string, std::size_t> counts;
    for (const auto& v : votes)
        if (!v.empty()) ++counts[v];
    std::pair<std::string, std::size_t> best;
    for (const auto& [value, n] : counts)
        if (n > best.second) best = {value, n};
    return best.second >= needed ? best.first : std::string();
}

void read_title_shape(const std::vector<PageBlocks>& pages, const std::set<std::string>& repeated, std::size_t needed,
                      LayoutDraft& draft) {
    std::vector<std::string> sites;
    for (const auto& p : pages) sites.push_back(split_title(p.doc.html_title).second);
    draft.site_name = common_vote(sites, needed);
    std::size_t first_line = 0, coded = 0;
    for (const auto& p : pages) {
        const Block* b = first_own_block(p, repeated);
        if (b == nullptr) continue;
        auto own = split_title(p.doc.html_title).first;
        bool h1 = b->kind == BlockKind::heading && b->level == 1;
        if (h1 || (!own.empty() && b->text.starts_with(own))) ++first_line;
        if (has_code_suffix(b->text)) ++coded;
    }
    draft.title_from = first_line >= needed ? "first-line" : "best-line";
    draft.title_has_code = coded >= needed;
}

std::string jurisdiction_named(const LayoutDraft& draft) {
    static const std::array<std::pair<std::string_view, std::string_view>, 16> provinces = {{
        {"British Columbia", "BC"},
        {"Alberta", "AB"},
        {"Saskatchewan", "SK"},
        {"Manitoba", "MB"},
        {"Ontario", "ON"},
        {"Quebec", "QC"},
        {"Québec", "QC"},
        {"New Brunswick", "NB"},
        {"Nova Scotia", "NS"},
        {"Prince Edward Island", "PE"},
        {"Newfoundland", "NL"},
        {"Yukon", "YT"},
        {"Northwest Territories", "NT"},
        {"Nunavut", "NU"},
        {"B.C.", "BC"},
        {"Nouveau-Brunswick", "NB"},
    }};
    std::vector<std::string_view> lines = {draft.site_name};
    for (const auto& l : draft.chrome) lines.push_back(l.text);
    for (const auto& l : draft.headings) lines.push_back(l.text);
    std::map<std::string_view, std::size_t> counts;
    for (auto line : lines)
        for (const auto& [name, code] : provinces)
            if (detail::contains(line, name)) ++counts[code];
    std::pair<std::string_view, std::size_t> best{"XX", 0};
    bool tie = false;
    for (const auto& [code, n] : counts) {
        if (n == best.second) tie = true;
        if (n > best.second) best = {code, n}, tie = false;
    }
    return tie ? "XX" : std::string(best.first);
}

}  // namespace learn
OCCKIT_END_IMPL_NAMESPACE
