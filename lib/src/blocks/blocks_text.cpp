// Text dumps -> blocks: one block per logical line (text_dump.cpp rejoins what a renderer wrapped and finds its tables
// and marked headings). Bullets, numbers, "Label:Value" lines and "a | b |" rows are recognised here; unmarked
// headings are not (a text dump does not mark them; the layout decides).
#include <unicode/uchar.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "blocks/blocks_internal.hpp"
#include "occkit/blocks.hpp"
#include "occkit/error.hpp"
#include "blocks/text_dump.hpp"
#include "support/text_util.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

constexpr std::string_view nbsp = "\xC2\xA0";

// No marker is a prefix of another, so their order does not matter.
constexpr std::string_view bullet_markers[] = {"\xE2\x80\xA2" /* • */,
                                               "\xC2\xB7" /* · */,
                                               "\xE2\x96\xAA" /* ▪ */,
                                               "\xE2\x97\xA6" /* ◦ */,
                                               "\xE2\x80\xA3" /* ‣ */,
                                               "\xE2\x97\x8F" /* ● */,
                                               "\xE2\x96\xA1" /* □ (w3m, second level) */,
                                               "\xE2\x96\xAB" /* ▫ */,
                                               "-",
                                               "*",
                                               "\xE2\x80\x93" /* – */};

struct Indented {
    std::size_t columns = 0;  // space and NBSP count 1, tab 4
    std::string_view rest;
};

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

Indented split_indentation(std::string_view line) {
    Indented out;
    std::size_t i = 0;
    while (i < line.size()) {
        if (line[i] == ' ') {
            out.columns += 1;
            i += 1;
        } else if (line[i] == '\t') {
            out.columns += 4;
            i += 1;
        } else if (line.substr(i).starts_with(nbsp)) {
            out.columns += 1;
            i += nbsp.size();
        } else {
            break;
        }
    }
    out.rest = line.substr(i);
    return out;
}

// Depth of a bulleted line from its indentation: up to 4 columns is depth 1, then one level per further 4
// columns (5-8 -> 2, 9-12 -> 3, ...). Absolute rather than relative to the previous item, so each line stands alone.
int list_depth(std::size_t columns) { return columns <= 4 ? 1 : 2 + static_cast<int>((columns - 5) / 4); }

// Length of the white space (space, tab or NBSP) at the start of s, 0 if none.
std::size_t leading_space_length(std::string_view s) {
    if (!s.empty() && (s[0] == ' ' || s[0] == '\t')) return 1;
    if (s.starts_with(nbsp)) return nbsp.size();
    return 0;
}

// The text after a marker of `length` bytes at the start of s and the white space after it; nullopt without any.
std::optional<std::string_view> after_marker(std::string_view s, std::size_t length) {
    std::string_view rest = s.substr(length);
    if (leading_space_length(rest) == 0) return std::nullopt;
    while (std::size_t n = leading_space_length(rest)) rest.remove_prefix(n);
    if (rest.empty()) return std::nullopt;
    return rest;
}

// The text after a bullet marker and its white space, when s starts with one.
std::optional<std::string_view> after_bullet(std::string_view s) {
    for (auto marker : bullet_markers) {
        if (!s.starts_with(marker)) continue;
        return after_marker(s, marker.size());
    }
    return std::nullopt;
}

// The text after a number marker ("1. ", "12) "), when s starts with one.
std::optional<std::string_view> after_number(std::string_view s) {
    std::size_t digits = 0;
    while (digits < s.size() && digits < 3 && is_ascii_digit(s[digits])) ++digits;
    if (digits == 0 || digits >= s.size() || (s[digits] != '.' && s[digits] != ')')) return std::nullopt;
    return after_marker(s, digits + 1);
}

// A markdown table rule such as "---|---|" or "| :--- | ---: |": only dashes, colons, pipes and spaces.
bool is_table_rule(std::string_view text) {
    if (!detail::contains(text, "|") || !detail::contains(text, "-")) return false;
    return text.find_first_not_of("-|: ") == std::string_view::npos;
}

// Cells of "Starting | $26.09 |" or "a | b | c" (text already space-normalised); nullopt when not a row.
std::optional<std::vector<std::string>> table_cells(std::string_view text) {
    if (!detail::contains(text, " | ") && !text.ends_with(" |")) return std::nullopt;
    std::vector<std::string> cells;
    for (auto part : detail::split(text, '|')) cells.push_back(normalize_space(part));
    if (text.starts_with("|") && !cells.empty() && cells.front().empty()) cells.erase(cells.begin());
    if (!cells.empty() && cells.back().empty()) cells.pop_back();
    if (cells.size() < 2) return std::nullopt;
    return cells;
}

bool starts_with_upper_or_digit(std::string_view s) {
    if (s.empty()) return false;
    std::size_t i = 0;
    char32_t first = detail::next_code_point(s, i);
    return u_isupper(static_cast<UChar32>(first)) || u_istitle(static_cast<UChar32>(first)) ||
           u_isdigit(static_cast<UChar32>(first));
}

// One non-blank line -> its block; nullopt for lines that carry no content (table rules, a bare bullet).
bool is_bare_bullet(std::string_view s) {
    s = detail::trim(s);
    for (auto marker : bullet_markers)
        if (s == marker) return true;
    return false;
}

// `marker_is_text`: the line opens with an item marker that the dump shows to be the paragraph's own text.
std::optional<Block> block_for_line(std::string_view line, bool marker_is_text) {
    Indented indented = split_indentation(line);
    if (is_bare_bullet(indented.rest)) return std::nullopt;
    Block block;
    auto item = marker_is_text ? std::nullopt : detail::after_item_marker(indented.rest, indented.columns > 0);
    if (item) {
        std::string_view text = *item;
        text = detail::without_inner_bullet(text);  // "• - Read ..." and "• * Completion ..."
        block.text = normalize_space(text);
        if (block.text.empty()) return std::nullopt;
        block.kind = BlockKind::list_item;
        block.level = list_depth(indented.columns);
        return block;
    }
    block.text = normalize_space(indented.rest);
    if (is_table_rule(block.text)) return std::nullopt;
    if (auto cells = table_cells(block.text)) {
        block.kind = BlockKind::table_row;
        block.cells = std::move(*cells);
    } else if (auto label_value = detail::split_label_value(block.text)) {
        block.kind = BlockKind::label_value;
        block.label = std::move(label_value->first);
        block.value = std::move(label_value->second);
    }
    return block;
}

// A logical line of the dump -> its block: a table row or heading the dump marked, else what the line says.
std::optional<Block> block_for_dump_line(detail::DumpLine& line) {
    if (line.cells) {
        Block block;
        block.kind = BlockKind::table_row;
        // The row's text as the HTML reader writes a <tr>: its cells joined by " | ".
        for (auto& cell : *line.cells) {
            block.cells.push_back(normalize_space(cell));
            block.text += (block.cells.size() == 1 ? "" : " | ") + block.cells.back();
        }
        return block;
    }
    if (line.heading_level > 0) {
        Block block;
        block.kind = BlockKind::heading;
        block.level = line.heading_level;
        block.text = normalize_space(line.text);
        if (block.text.empty()) return std::nullopt;
        return block;
    }
    if (normalize_space(line.text).empty()) return std::nullopt;
    std::optional<Block> block = block_for_line(line.text, line.marker_is_text);
    if (block && block->kind == BlockKind::list_item && line.depth > 0) block->level = line.depth;
    return block;
}

}  // namespace

std::optional<std::string_view> detail::after_item_marker(std::string_view s, bool indented) {
    if (auto rest = after_bullet(s)) return rest;
    if (auto rest = after_number(s)) return rest;
    bool nested_marker = s.starts_with("o ") || s.starts_with("+ ");  // lynx's and w3m's deeper bullets
    if (indented && nested_marker) return after_marker(s, 1);
    return std::nullopt;
}

std::string_view detail::without_inner_bullet(std::string_view item) {
    if (auto rest = after_bullet(item)) return *rest;
    return item;
}

// "Also Known As:Coding Specialist" -> {"Also Known As", "Coding Specialist"}. The label must look like one: a few
// words, capitalised, no sentence punctuation; and the colon must not belong to a time (7:08) or a URL.
std::optional<std::pair<std::string, std::string>> detail::split_label_value(std::string_view text) {
    std::size_t colon = text.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    std::string_view label = detail::trim(text.substr(0, colon));
    std::string_view value = detail::trim(text.substr(colon + 1));
    if (label.empty() || value.empty()) return std::nullopt;
    bool in_time =
        colon > 0 && colon + 1 < text.size() && is_ascii_digit(text[colon - 1]) && is_ascii_digit(text[colon + 1]);
    if (in_time || text.substr(colon + 1).starts_with("//")) return std::nullopt;
    int words = detail::count_words(label);
    if (words < 1 || words > 6 || detail::code_points(label) > 40) return std::nullopt;
    if (!starts_with_upper_or_digit(label)) return std::nullopt;
    if (label.find_first_of(".?!") != std::string_view::npos) return std::nullopt;
    if (detail::contains(detail::ascii_lower(label), "http")) return std::nullopt;
    return std::make_pair(std::string(label), std::string(value));
}

Document read_text_blocks(std::string_view utf8) {
    Document doc;
    doc.format = InputFormat::text;
    std::vector<detail::DumpLine> lines = detail::dump_lines(utf8);
    doc.blocks.reserve(lines.size());  // at most one block a line: no vector grown by doubling on a huge page
    for (auto& line : lines) {
        // A rule or a bare bullet gives no block; the blank lines before it then sit before no block.
        std::optional<Block> block = block_for_dump_line(line);
        std::string().swap(line.text);  // the block has its own copy: the lines shrink as the blocks grow
        if (line.cells) std::vector<std::string>().swap(*line.cells);
        if (!block) continue;
        block->line = line.line;
        block->gap_before = line.gap_before;
        doc.blocks.push_back(std::move(*block));
    }
    return doc;
}

namespace {

// One linear pass, before any per-line work: an over-long line is refused with its line number.
void check_line_lengths(std::string_view utf8, std::size_t max_line_length) {
    if (utf8.size() <= max_line_length) return;
    std::size_t start = 0;
    int line_number = 1;
    while (start < utf8.size()) {
        std::size_t end = std::min(utf8.find('\n', start), utf8.size());
        if (end - start > max_line_length)
            throw Error("line " + std::to_string(line_number) + " is " + std::to_string(end - start) +
                        " bytes long, over the maximum line length of " + std::to_string(max_line_length) + " bytes");
        start = end + 1;
        ++line_number;
    }
}

}  // namespace

Document read_blocks(const Decoded& decoded, const BlockLimits& limits) {
    check_line_lengths(decoded.utf8, limits.max_line_length);
    InputFormat format = decoded.format;
    if (format == InputFormat::automatic) format = sniff_format(decoded.utf8);
    Document doc =
        format == InputFormat::html ? read_html_blocks(decoded.utf8, limits) : read_text_blocks(decoded.utf8);
    doc.format = format;
    doc.charset = decoded.charset;
    return doc;
}

std::string_view to_string(BlockKind kind) {
    switch (kind) {
        case BlockKind::heading:
            return "heading";
        case BlockKind::paragraph:
            return "paragraph";
        case BlockKind::list_item:
            return "list-item";
        case BlockKind::label_value:
            return "label-value";
        case BlockKind::table_row:
            return "table-row";
    }
    return "paragraph";
}

std::string_view to_string(Region region) {
    switch (region) {
        case Region::content:
            return "content";
        case Region::navigation:
            return "navigation";
        case Region::banner:
            return "banner";
        case Region::footer:
            return "footer";
        case Region::aside:
            return "aside";
        case Region::breadcrumb:
            return "breadcrumb";
        case Region::cookie:
            return "cookie";
        case Region::menu:
            return "menu";
        case Region::share:
            return "share";
        case Region::outside_main:
            return "outside-main";
    }
    return "content";
}

OCCKIT_END_IMPL_NAMESPACE
