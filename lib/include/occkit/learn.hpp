/// @file
/// Drafting a layout file for a site no layout was written for, from a set of its pages (`occkit layout learn`).
/// What repeats across pages is the site: a block found verbatim on most pages is either a section heading (the
/// content after it differs from page to page) or chrome (what follows it repeats too, or it is a sentence). The
/// draft names both, guesses each heading's section kind from the generic layout's synonyms and keywords, and
/// reads the title's shape; a maintainer reviews it and keeps it with `--layout-file`. The result depends only on
/// the pages and their names (pages are taken in name order, nothing iterates a hash table), so the same pages
/// always give the same draft.
#pragma once

#include "occkit/api.hpp"

#include <cstddef>
#include <string>
#include <vector>

#include "occkit/blocks.hpp"

OCCKIT_BEGIN_NAMESPACE

/// One page given to learn_layout.
struct LearnPage {
    std::string name;   ///< for messages and the order pages are read in
    std::string bytes;  ///< the page as read from disk (HTML or text, any supported charset)
};

/// Options of learn_layout.
struct LearnOptions {
    std::string id = "draft";        ///< the layout id (letters, digits, '-')
    std::string name;                ///< empty: the site name read from the pages' `<title>`, else "Draft layout"
    std::string jurisdiction;        ///< empty: a province the site's repeated lines name, else "XX"
    double common_share = 0.6;       ///< a block on at least this share of the pages repeats (and at least 2 pages)
    std::size_t max_signatures = 8;  ///< at most this many detection signatures in the draft
    BlockLimits limits;              ///< size limits on each page
};

/// A line found on many pages: a heading or a piece of chrome.
struct LearnedLine {
    std::string text;       ///< as on the first page that has it
    std::string kind;       ///< headings: the section kind guessed ("other" when no synonym or keyword names it)
    std::size_t pages = 0;  ///< how many pages have it
};

/// What learn_layout found, and the layout file drafted from it.
struct LayoutDraft {
    std::size_t pages = 0;              ///< pages read
    std::vector<LearnedLine> headings;  ///< in page order
    std::vector<LearnedLine> chrome;    ///< in page order
    std::string site_name;              ///< the part of `<title>` every page shares ("Red River Careers"), or empty
    std::string title_from;             ///< "first-line" or "best-line"
    bool title_has_code = false;        ///< titles read "Name (NOC 1234)" on most pages
    std::string language;               ///< BCP 47 primary language tag guessed from the pages
    std::string jurisdiction;           ///< ISO 3166-2:CA code guessed from the pages, or "XX"
    std::string xml;                    ///< the layout file, valid against schemas/layout.xsd
};

/// Throws occkit::Error when fewer than two pages are given, or naming the page that cannot be read.
LayoutDraft learn_layout(std::vector<LearnPage> pages, const LearnOptions& options = {});

OCCKIT_END_NAMESPACE
