// The shape of a text dump made by a browser or converter (w3m, lynx, html2text, pandoc, or by hand): its physical
// lines regrouped into logical lines, so that the text reader sees one line per paragraph, list item, table row or
// heading, as the HTML reader sees one block per element. See text_dump.cpp for each renderer's conventions.
#pragma once

#include "occkit/api.hpp"
#include <optional>
#include <string>
#include <string_view>
#include <vector>

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

struct DumpLine {
    int line = 0;                 // first physical line, 1-based
    int gap_before = 0;           // blank lines before it
    std::string text;             // the first line's indentation, then the joined text
    int heading_level = 0;        // > 0: the dump marks it as a heading (underline, '#', stars)
    int depth = 0;                // a list item in a filled dump: its depth among the indentations of its list; else 0
    bool marker_is_text = false;  // it opens with an item marker ("* Note ...") but wraps as a paragraph does
    std::optional<std::vector<std::string>> cells;  // a row of a space-aligned table
};

// The logical lines of a text dump. Lines a renderer adds of its own (lynx's trailing "References" list, table
// rules, heading underlines) are dropped; lynx's "[12]" link marks are removed from the text.
std::vector<DumpLine> dump_lines(std::string_view utf8);

// Code points in UTF-8 text (its width in a dump's columns).
std::size_t code_points(std::string_view s);

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE
