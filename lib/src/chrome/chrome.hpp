// The chrome stage: which blocks of a page are site furniture, between the blocks and the layout.
//
// Site-agnostic, in the spirit of Readability, jusText and trafilatura, and our own: a block is furniture when
// the page's markup puts it in a landmark or a container named for furniture (Block::region), when it is a line
// whose shape only furniture has (a breadcrumb trail, a menu of short captions), or when the layout's or the
// generic layout's chrome lines name it (the furniture phrases, as layout data). A block the layout maps as content
// (one of its headings or fields) is never dropped, nor is what follows such a block in the same region.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "occkit/blocks.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

struct LayoutRules;

namespace detail {

struct ChromeVerdict {
    bool chrome = false;
    std::string_view reason;  // for --explain: "layout chrome line", "markup: footer", "breadcrumb line", ...
};

// Whether the layout maps block i as content (one of its headings or field labels).
using MapsContent = std::function<bool(std::size_t)>;

std::vector<ChromeVerdict> find_chrome(const std::vector<Block>& blocks, const std::vector<std::string>& keys,
                                       const LayoutRules& layout, const LayoutRules& generic,
                                       const MapsContent& maps_content);

// "Home > Explore Careers > Legislators", "Accueil » Métiers » Soudeur": a trail of short steps from the site's
// home page. Its last step, when it is one, names the page.
bool is_breadcrumb_line(std::string_view text);
std::string breadcrumb_last_step(std::string_view text);

// "Home | About us | Careers | Contact | Français": four or more short captions in a row, nothing else.
bool is_menu_line(std::string_view text);

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE
