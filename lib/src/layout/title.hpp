// Title finding: which line of the page is the occupation's name, and which lines above it are the site's own.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "layout/page.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

// What the page says its title is, apart from its lines: each as fold_key() text.
struct TitleSignals {
    std::string html_title;  // <title>
    std::string meta_title;  // og:title
    std::string crumb;       // the breadcrumb's last step
    std::string slug;        // the URL's last path segment, words apart
};

class TitleFinder {
public:
    // `url` (may be empty) is a title signal: its last path segment often spells the occupation.
    TitleFinder(Page& page, std::string_view url) : page_(page), url_(url) {}

    // The title line's block index, page.size() when no line wins enough votes.
    std::size_t find_title() const;
    // Marks the site's lines above the title (its name, a tagline, a contact line) as chrome.
    void mark_page_head(std::size_t title);

private:
    std::size_t layout_title() const;
    std::size_t best_title_line(std::size_t from) const;
    int title_votes(std::size_t i, std::size_t layout_pick, const TitleSignals& signals) const;
    TitleSignals title_signals() const;
    bool labels_contact(std::size_t i) const;

    Page& page_;
    std::string_view url_;
};

OCCKIT_END_IMPL_NAMESPACE
