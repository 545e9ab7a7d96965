// Shared by the HTML and text block readers, so both recognise the same things in the same way.
#pragma once

#include "occkit/api.hpp"
#include <optional>
#include <string>
#include <string_view>
#include <utility>

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

// "Also Known As:Coding Specialist" -> {"Also Known As", "Coding Specialist"}; nullopt when the text before the
// colon does not look like a label (see blocks_text.cpp).
std::optional<std::pair<std::string, std::string>> split_label_value(std::string_view text);

// "- Read ..." -> "Read ...": a list item's text without the bullet marker its source printed inside it (IMT pages
// write the NOC's own dashes and stars inside <li>, and their text captures show "• - Read ..."). The text reader
// strips the same markers after a bullet, so both renderings give the same item.
std::string_view without_inner_bullet(std::string_view item);

// The text after a list item's marker and its white space: a bullet (•, ·, ▪, ◦, ‣, ●, □, ▫, -, *, –; also o and + when
// `indented`, as lynx and w3m mark nested items) or a number ("1." "12)"). nullopt when `s` starts with none.
std::optional<std::string_view> after_item_marker(std::string_view s, bool indented);

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE
