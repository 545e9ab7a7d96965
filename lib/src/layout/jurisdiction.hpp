// The jurisdiction a profile is about when its layout does not say (jurisdiction.cpp).
#pragma once

#include "occkit/api.hpp"
#include <string>
#include <string_view>
#include <vector>

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

// What a page says where it speaks of itself.
struct PageSpeech {
    std::string title;                  // the profile's title line
    std::string html_title;             // <title>
    std::vector<std::string> headings;  // section headings
    std::vector<std::string> lead;      // the first paragraphs and facts
    std::vector<std::string> edges;     // the page's first and last lines, furniture included ("Government of X")
};

// A province's two-letter code for a provincial government host ("www.workbc.ca" gives BC), else empty.
std::string jurisdiction_of_url(std::string_view url);
// The province of a government host named in a line of text ("careers.novascotia.ca", "visit alberta.ca").
std::string jurisdiction_of_host_in(std::string_view text);

// The province the page names where it speaks of itself, "CA" when it names Canada and no province, else empty. A
// province needs `min_votes` (a title mention is 6, a heading 2, a line 1) and more than half of all the provinces'.
std::string jurisdiction_named(const PageSpeech& page, int min_votes);

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE
