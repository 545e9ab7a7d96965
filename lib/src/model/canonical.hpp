// The one clean-up step that makes any Profile a canonical document. Every serialisation (XML, JSON, JSON-LD) writes
// what canonical_profile returns, so the three say the same thing. The rules are listed at the top of canonical.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "occkit/profile.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

std::string canonical_text(std::string_view text);           // valid UTF-8, XML characters only, LF line ends
std::optional<std::string> canonical_amount(double amount);  // decimal without exponent; nullopt when not finite
std::string canonical_wage_phrase(const Wage& wage, std::string_view currency);  // stands in for a missing phrase

// The profile every writer writes: cleaned text, defaults filled in, empty items and containers gone, `line` 0 where
// absent, each paragraph's line on the paragraph, only finite amounts. canonical_profile(canonical_profile(p)) ==
// canonical_profile(p), and a canonical profile needs no repair, so a writer serialises it field by field.
Profile canonical_profile(const Profile& profile);

// Small facts about the model that several writers and the diff share (canonical.cpp).
// The paths findings name sections by: the kind, with an index only where siblings share a kind ("duties",
// "other[2]"), below `parent` ("salary/other[1]"). One per kind given, in order.
std::vector<std::string> section_paths(const std::vector<std::string_view>& kinds, const std::string& parent);

bool is_revision_date(const Date& date);     // revised, updated, modified: the dates a site sets when it revises
std::string code_subject(const Code& code);  // "NOC 2016", "OaSIS 2023", "NOC"

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE
