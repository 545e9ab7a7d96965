/// @file
/// One stream of blocks from either HTML (libxml2) or text (line reader). The layout logic is written once,
/// against blocks, so the same profile as HTML and as its text rendering gives the same canonical XML.
#pragma once

#include "occkit/api.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "occkit/decode.hpp"

OCCKIT_BEGIN_NAMESPACE

/// What a block is, whatever the input format.
enum class BlockKind { heading, paragraph, list_item, label_value, table_row };

/// What an HTML page's markup says a block is part of: the main content, or a piece of page furniture (a landmark
/// such as `<nav>`, `<footer>`, `<aside>` or role="banner", or a container whose class or id names a cookie notice, a
/// breadcrumb, a sidebar, a menu, a share bar ...), or outside the page's `<main>` or `<article>` when it has one. The
/// chrome stage drops furniture blocks unless the layout maps them as content; their dates still date the page. Text
/// pages have no markup: their blocks are all `content`.
enum class Region : std::uint8_t {
    content,
    navigation,
    banner,
    footer,
    aside,
    breadcrumb,
    cookie,
    menu,
    share,
    outside_main
};

/// One unit of page text: a heading, paragraph, list item, label and value, or table row.
struct Block {
    BlockKind kind = BlockKind::paragraph;  ///< what the block is
    std::string text;                       ///< normalised text of the whole block as a reader sees it
    std::string label;                      ///< label_value: "Also Known As" (no trailing colon)
    std::string value;                      ///< label_value: "Coding Specialist, Data Analyst"
    std::vector<std::string> cells;         ///< table_row
    int level = 0;                          ///< heading: 1-6 (0 when it came from text); list_item: depth from 1
    int line = 0;                           ///< 1-based line in the decoded input
    int gap_before = 0;                     ///< text: blank lines before this block (a lost heading often leaves two)
    bool emphasized = false;                ///< the whole block is bold/strong (HTML) - a generic heading hint
    bool link_only = false;                 ///< HTML: every visible character is inside <a> (menus, link lists)
    Region region = Region::content;        ///< HTML: the furniture the markup puts the block in
};

/// A page as blocks, in page order, with what its markup says about it.
struct Document {
    InputFormat format = InputFormat::text;  ///< html or text
    std::vector<Block> blocks;               ///< in page order
    std::string html_title;                  ///< `<title>` of an HTML page: a detection signature and a title signal
    std::string meta_title;                  ///< `<meta property="og:title">` (or twitter:title): another title signal
    std::string page_url;  ///< `<link rel="canonical">` or og:url: where the page says it lives
    std::string language;                    ///< `<html lang>` when declared
    std::string charset;                     ///< what the page was decoded from
};

/// Bounds on hostile HTML; a page over one is refused with occkit::Error.
struct BlockLimits {
    std::size_t max_depth = 256;  ///< deeper HTML nesting is an error, not a stack overflow
    /// A longer line of decoded text is an error. Real pages stay under 5 KB a line; the bound keeps per-line work
    /// (label, date and wage scans, layout regexes) predictable on hostile input. SIZE_MAX: no limit.
    std::size_t max_line_length = std::size_t{1} << 20;
    /// An HTML start tag with more attributes is an error: libxml2 2.9 parses a tag's attributes in quadratic time
    /// (real elements carry a few dozen at most). SIZE_MAX: no limit.
    std::size_t max_attributes = 1000;
};

/// HTML: headings h1-h6, p/div text, li (with nesting depth), dt/dd and <strong>Label:</strong> value as
/// label_value, tr as table_row. script, style, template, noscript, hidden elements and form controls never
/// become blocks; nav, header, footer, aside and furniture containers do, marked with their Region.
Document read_html_blocks(std::string_view utf8, const BlockLimits& limits = {});

/// Text: one block per non-blank line. Bullets (•, ·, ▪, ◦, -, *, –) make list items, their depth from the
/// indentation; "Label:Value" lines make label_value; "a | b |" lines make table rows ("---|---" rules are
/// skipped). Nothing is recognised as a heading here: that is the layout's job.
Document read_text_blocks(std::string_view utf8);

/// read_html_blocks or read_text_blocks, by the decoded format.
Document read_blocks(const Decoded& decoded, const BlockLimits& limits = {});

std::string_view to_string(BlockKind kind);  ///< "heading", "paragraph", "list_item", "label_value", "table_row"
std::string_view to_string(Region region);   ///< "content", "navigation", "footer", "cookie" ...

OCCKIT_END_NAMESPACE
