// Renderer conventions in text dumps, read from the text's shape rather than from a renderer's name, so a dump made
// by any of them (or by hand) reads the same:
// - Wrapping: w3m, lynx, html2text and pandoc fill lines up to 72-80 columns. A dump whose longest line with a line
//   right under it has 60 to 100 columns is taken as filled to that width, and a line continues the one above when it
//   sits at that line's text column and its first word would not have fitted there (the rule a renderer wraps by).
//   Under a bullet the text column is after the marker: the hanging indent of "  • Participate in ..." / " legislative
//   bodies ...".
// - Tables: consecutive lines with an inner gap of two spaces or more are a space-aligned table when the columns
//   that are blank on every one of them split each line into the same cells (w3m, lynx, html2text); pandoc's
//   "----- -----" rule under the header is one more such line.
// - Headings: html2text's "****** Title ******" (six stars for h1), a line underlined with ===, --- or *** (of
//   about its length), and markdown "## Heading".
// - lynx: a trailing "References" list of numbered URLs is chrome, and with it every "[12]" link mark; a
//   "(BUTTON) Accept" line is a form control, dropped as the HTML reader drops <button>; a URL cut at the last
//   column goes on in the next line without a space.
// - Lists: a line opening with a marker is an item when its wrapped lines hang under its text; one that wraps back
//   to the marker's column is a paragraph beginning with that character ("* The combination ..." footnotes).
// - Paragraphs: html2text writes them without a blank line between, so at a full line a paragraph break looks like
//   a wrap; a capitalised line ending in a colon after a line that ends a sentence is a lead-in of its own.
// - Definition lists: a term ending in a colon with its description on the next line, indented under it, is one
//   "label: value" line, as the HTML reader reads <dt>/<dd>.
// - Overstrike (html2text's bold "X\bX" and underline "_\bX") is removed.
#include "occkit/api.hpp"
#include "blocks/text_dump.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "blocks/blocks_internal.hpp"
#include "support/text_util.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

namespace {

// Renderers fill lines to 72-80 columns: a dump whose longest line is outside these bounds was not filled by one.
constexpr std::size_t min_filled_width = 60;
constexpr std::size_t max_filled_width = 100;

struct Physical {
    int number = 0;
    // Without overstrike, right-trimmed: a view of the decoded page, or of OverstruckLines for a line that had
    // overstrike, so that a huge dump's lines are not a second copy of it.
    std::string_view text;
    // Byte offset of each code point (column) in text; empty when the text is ASCII (column = byte), which keeps a
    // large dump's lines from costing eight bytes of index per byte of text.
    std::vector<std::uint32_t> starts;
    std::size_t indent = 0;  // leading spaces (code points)
    bool table = false;      // part of a space-aligned table
};

bool is_space_column(std::string_view cp) { return cp == " " || cp == "\t" || cp == "\xC2\xA0"; }

std::size_t width_of(const Physical& p) { return p.starts.empty() ? p.text.size() : p.starts.size(); }

// Byte offset of column c (c < width_of(p)).
std::size_t start_of(const Physical& p, std::size_t c) { return p.starts.empty() ? c : p.starts[c]; }

// The code point in column c (c < width_of(p)).
std::string_view column(const Physical& p, std::size_t c) {
    std::size_t end = c + 1 < width_of(p) ? start_of(p, c + 1) : p.text.size();
    return std::string_view(p.text).substr(start_of(p, c), end - start_of(p, c));
}

bool is_space_at(const Physical& p, std::size_t c) { return is_space_column(column(p, c)); }

// "X\bX" (bold) and "_\bX" (underline) -> "X".
std::string without_overstrike(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    for (char c : line) {
        if (c != '\b') {
            out.push_back(c);
            continue;
        }
        // Drop the character before the backspace (one UTF-8 sequence); the one after stays.
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
        if (!out.empty()) out.pop_back();
    }
    return out;
}

void index_columns(Physical& p) {
    while (!p.text.empty() && (p.text.back() == ' ' || p.text.back() == '\t')) p.text.remove_suffix(1);
    bool ascii = std::all_of(p.text.begin(), p.text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    std::size_t i = 0;
    while (!ascii && i < p.text.size()) {
        p.starts.push_back(static_cast<std::uint32_t>(i));  // decoded text stays under 1 GiB (decode.cpp)
        next_code_point(p.text, i);
    }
    while (p.indent < width_of(p) && is_space_at(p, p.indent)) ++p.indent;
}

// The text of the lines that had overstrike removed (rare): a deque, so that the views of it stay valid as it grows.
using OverstruckLines = std::deque<std::string>;

std::string_view without_overstrike(std::string_view line, OverstruckLines& overstruck) {
    if (line.find('\b') == std::string_view::npos) return line;
    return overstruck.emplace_back(without_overstrike(line));
}

std::vector<Physical> physical_lines(std::string_view utf8, OverstruckLines& overstruck) {
    std::vector<Physical> lines;
    lines.reserve(static_cast<std::size_t>(std::count(utf8.begin(), utf8.end(), '\n')) + 1);  // exactly, on a huge dump
    std::size_t start = 0;
    int number = 0;
    while (start < utf8.size()) {
        std::size_t end = std::min(utf8.find('\n', start), utf8.size());
        std::string_view line = utf8.substr(start, end - start);
        if (line.ends_with('\r')) line.remove_suffix(1);
        start = end + 1;
        Physical p;
        p.number = ++number;
        p.text = without_overstrike(line, overstruck);
        index_columns(p);
        lines.push_back(std::move(p));
    }
    return lines;
}

bool is_blank(const Physical& p) { return p.indent == width_of(p); }
std::string_view rest_of(const Physical& p) {
    return is_blank(p) ? std::string_view{} : std::string_view(p.text).substr(start_of(p, p.indent));
}

bool all_digits(std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// A URL as lynx lists it: a scheme ("https:", "file:", "mailto:") with no space after it ("Note: ..." is a
// sentence). lynx writes the href as the page has it, spaces included ("https://example.org/Job Centre/a.aspx").
bool starts_with_url_scheme(std::string_view s) {
    std::size_t colon = s.find(':');
    if (colon == 0 || colon == s.npos || colon > 10 || colon + 1 == s.size() || s[colon + 1] == ' ') return false;
    return std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(colon),
                       [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '+' || c == '-'; });
}

// lynx's "   12. https://..." reference line: a number, then a URL, or one word (a relative reference).
bool is_reference_line(std::string_view rest) {
    std::size_t dot = rest.find(". ");
    if (dot == std::string_view::npos || !all_digits(rest.substr(0, dot))) return false;
    std::string_view target = rest.substr(dot + 2);
    return starts_with_url_scheme(target) || target.find(' ') == target.npos;
}

// Drops lynx's trailing "References" list; true when there was one.
bool cut_references(std::vector<Physical>& lines) {
    for (std::size_t i = lines.size(); i-- > 0;) {
        std::string_view rest = rest_of(lines[i]);
        if (rest == "References" && lines[i].indent == 0) {
            lines.resize(i);
            return true;
        }
        if (!rest.empty() && !is_reference_line(rest) && rest != "Visible links:" && rest != "Hidden links:")
            return false;
    }
    return false;
}

// "[12]" link marks out of lynx text.
std::string without_link_marks(std::string_view s) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] == '[') {
            std::size_t close = s.find(']', i);
            if (close != s.npos && close - i <= 6 && all_digits(s.substr(i + 1, close - i - 1))) {
                i = close + 1;
                continue;
            }
        }
        out.push_back(s[i++]);
    }
    return out;
}

// html2text writes a link's spaces as underscores ("Find_Jobs"), the one it wrapped the line at too
// ("British_Columbia_" / "(ACEC-BC)"): after a non-space and before a non-space, a space or the end, "_" is a space
// again. A run of underscores ("____", a form's blank) stays.
std::string without_link_underscores(std::string_view s) {
    std::string out(s);
    for (std::size_t i = 1; i < out.size(); ++i) {
        bool after_word = out[i - 1] != ' ' && out[i - 1] != '_';
        bool before_word_or_space = i + 1 == out.size() || out[i + 1] != '_';
        if (out[i] == '_' && after_word && before_word_or_space) out[i] = ' ';
    }
    return out;
}

// "&#x27;" and "&#39;" left as they were (html2text does not decode numeric character references).
std::string with_character_references(std::string_view s) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        if (s.substr(i).starts_with("&#")) {
            std::size_t end = s.find(';', i);
            bool hex = i + 2 < s.size() && (s[i + 2] == 'x' || s[i + 2] == 'X');
            std::string_view digits = end == s.npos ? "" : s.substr(i + (hex ? 3 : 2), end - i - (hex ? 3 : 2));
            const char* allowed = hex ? "0123456789abcdefABCDEF" : "0123456789";
            if (!digits.empty() && digits.size() <= 6 && digits.find_first_not_of(allowed) == digits.npos) {
                char32_t cp = static_cast<char32_t>(std::stoul(std::string(digits), nullptr, hex ? 16 : 10));
                if (is_xml_character(cp) && cp >= 0x20) {
                    append_utf8(out, cp);
                    i = end + 1;
                    continue;
                }
            }
        }
        out.push_back(s[i++]);
    }
    return out;
}

// An image's place as a renderer marks it, which the HTML reader (it reads no <img>) has nothing for: pandoc's "[]"
// for an image without alt text (w3m's and lynx's for one whose src names no file), and lynx's "[logo.png]" and
// html2text's "[/images/logo.png]", the file an image without alt text shows.
bool is_image_mark(std::string_view inside) {
    if (inside.empty()) return true;
    if (inside.find(' ') != inside.npos) return false;
    static constexpr std::string_view extensions[] = {".png", ".gif", ".jpg", ".jpeg", ".svg", ".webp"};
    return std::any_of(std::begin(extensions), std::end(extensions), [&](std::string_view e) {
        return inside.size() > e.size() && starts_with_ascii_ci(inside.substr(inside.size() - e.size()), e);
    });
}

// An image's file name is short; looking no further for its "]" keeps a hostile line of "[" linear.
constexpr std::size_t max_image_mark_bytes = 256;

std::string without_image_marks(std::string_view s) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t close = s[i] == '[' ? s.substr(0, i + 2 + max_image_mark_bytes).find(']', i) : s.npos;
        if (close != s.npos && is_image_mark(s.substr(i + 1, close - i - 1))) {
            i = close + 1;
            continue;
        }
        out.push_back(s[i++]);
    }
    return out;
}

// ---- Tables -------------------------------------------------------------------------------------------------

// "----- ------": pandoc's rule under a table header (dashes and spaces, two runs at least).
bool is_dash_rule(std::string_view rest) {
    return rest.size() >= 3 && rest.find_first_not_of("- ") == rest.npos && rest.find(' ') != rest.npos &&
           rest.front() == '-';
}

bool starts_with_item_marker(const Physical& p) { return after_item_marker(rest_of(p), p.indent > 0).has_value(); }

// A line that can be a table row: an inner gap of two spaces or more, not a list item.
bool looks_tabular(const Physical& p) {
    if (is_blank(p) || starts_with_item_marker(p)) return false;
    if (is_dash_rule(rest_of(p))) return true;
    for (std::size_t c = p.indent + 1; c + 1 < width_of(p); ++c)
        if (is_space_at(p, c) && is_space_at(p, c + 1)) return true;
    return false;
}

bool blank_at(const Physical& p, std::size_t c) { return c >= width_of(p) || is_space_at(p, c); }

// Column ranges [first, last) of the table in lines[begin, end): split where a run of columns is blank on every line
// and text starts right after it on two lines at least (one line's "Median ($/hour)" is one cell when the others
// have nothing under "($/hour)").
std::vector<std::pair<std::size_t, std::size_t>> table_columns(const std::vector<Physical>& lines, std::size_t begin,
                                                               std::size_t end) {
    std::size_t width = 0;
    for (std::size_t i = begin; i < end; ++i) width = std::max(width, width_of(lines[i]));
    auto all_blank = [&](std::size_t col) {
        for (std::size_t i = begin; i < end; ++i)
            if (!blank_at(lines[i], col)) return false;
        return true;
    };
    auto starts_at = [&](std::size_t col) {
        std::size_t n = 0;
        for (std::size_t i = begin; i < end; ++i) n += blank_at(lines[i], col) ? 0 : 1;
        return n;
    };
    std::vector<std::pair<std::size_t, std::size_t>> columns;
    std::size_t c = 0;
    while (true) {
        while (c < width && all_blank(c)) ++c;
        if (c == width) break;
        if (columns.empty() || starts_at(c) >= 2) columns.emplace_back(c, c);  // else the gap is inside a cell
        while (c < width && !all_blank(c)) ++c;
        columns.back().second = c;
    }
    return columns;
}

std::string cell_text(const Physical& p, std::pair<std::size_t, std::size_t> columns) {
    std::string out;
    for (std::size_t c = columns.first; c < std::min(columns.second, width_of(p)); ++c) out += column(p, c);
    return std::string(trim(out));
}

// Is p a row of a table with these columns although only one space parts its cells? lynx centres a cell in its
// column and leaves a full one a single space from the next ("   Starting $24.36" over "   Overall  $31.56"), and
// a header's cells are as wide as their column ("Community/area Low ($/hour) Median ($/hour)"): the line's words
// break right where each of the table's later columns starts, and its text starts in the first. Its last cell may
// run past the table's right edge (a header over figures) when two column starts or more agree, as chance does not.
bool fits_columns(const Physical& p, const std::vector<std::pair<std::size_t, std::size_t>>& columns) {
    if (is_blank(p) || p.table || starts_with_item_marker(p) || p.indent < columns[0].first ||
        p.indent + 1 >= columns[1].first)
        return false;
    for (std::size_t k = 1; k < columns.size(); ++k) {
        std::size_t start = columns[k].first;
        if (start >= width_of(p) || !is_space_at(p, start - 1) || is_space_at(p, start)) return false;
    }
    return columns.size() >= 3 || width_of(p) <= columns.back().second;
}

// Marks lines[begin, end) as a table when its blank columns make at least two columns, with the lines right above
// and below it that fit its columns; returns the end of the table (or `end`).
std::size_t mark_table(std::vector<Physical>& lines, std::size_t begin, std::size_t end) {
    std::size_t rows = 0;
    for (std::size_t i = begin; i < end; ++i) rows += is_dash_rule(rest_of(lines[i])) ? 0 : 1;
    auto columns = table_columns(lines, begin, end);
    if (rows < 2 || columns.size() < 2) return end;
    while (begin > 0 && fits_columns(lines[begin - 1], columns)) --begin;
    while (end < lines.size() && fits_columns(lines[end], columns)) ++end;
    for (std::size_t i = begin; i < end; ++i) lines[i].table = true;
    return end;
}

void mark_tables(std::vector<Physical>& lines) {
    std::size_t i = 0;
    while (i < lines.size()) {
        if (!looks_tabular(lines[i])) {
            ++i;
            continue;
        }
        std::size_t end = i + 1;
        while (end < lines.size() && looks_tabular(lines[end])) ++end;
        i = mark_table(lines, i, end);
    }
}

// ---- Headings -----------------------------------------------------------------------------------------------

std::size_t run_of(std::string_view s, char c) {
    std::size_t n = 0;
    while (n < s.size() && s[n] == c) ++n;
    return n;
}

// "===" / "---" / "***" under a line of about its length: 1, 2 or 3; 0 when not an underline of `text`.
int underline_level(const Physical& under, const Physical& text) {
    std::string_view rest = rest_of(under);
    if (rest.size() < 3 || under.indent != text.indent) return 0;
    char c = rest.front();
    if ((c != '=' && c != '-' && c != '*') || run_of(rest, c) != rest.size()) return 0;
    std::size_t length = width_of(text) - text.indent;
    if (rest.size() + 2 < length || rest.size() > length + 2) return 0;
    return c == '=' ? 1 : c == '-' ? 2 : 3;
}

// "## Heading" -> 2 (its text after the marks); 0 when not a markdown heading.
int hash_level(std::string_view rest) {
    std::size_t n = run_of(rest, '#');
    if (n == 0 || n > 6 || n + 1 >= rest.size() || rest[n] != ' ') return 0;
    return static_cast<int>(n);
}

std::string without_hash_marks(std::string_view rest) {
    rest.remove_prefix(run_of(rest, '#'));
    rest = trim(rest);
    while (rest.ends_with('#')) rest.remove_suffix(1);
    return std::string(trim(rest));
}

// html2text: "****** Title ******" (h1) down to "* Title *" (h6); the marks may wrap over a few lines.
std::size_t star_marks(std::string_view rest) {
    std::size_t n = run_of(rest, '*');
    return n >= 1 && n <= 6 && n < rest.size() && rest[n] == ' ' ? n : 0;
}

// lynx writes a form button as "(BUTTON) Accept": a form control, which the HTML reader drops too.
bool is_lynx_button(const Physical& p) { return rest_of(p).starts_with("(BUTTON) "); }

// ---- Logical lines ------------------------------------------------------------------------------------------

struct Reader {
    OverstruckLines overstruck;  // before `lines`, which view it
    std::vector<Physical> lines;
    std::size_t width = 0;   // the fill width; 0 when the dump is not filled
    bool html2text = false;  // the dump has html2text's star headings
    std::vector<DumpLine> out;
    std::vector<std::pair<std::size_t, std::size_t>> items;  // list items: index in out, indentation
    int blanks = 0;

    void run();
    void table_row(const Physical& p, const std::vector<std::pair<std::size_t, std::size_t>>& columns);
    std::size_t table(std::size_t i);
    std::size_t stars(std::size_t i, std::size_t marks);
    std::size_t content(std::size_t i);
    bool continues(const Physical& above, const Physical& next, std::size_t column, bool item) const;
    bool wraps_at_margin(std::size_t i) const;
    bool describes_term(std::size_t i) const;
    DumpLine& emit(const Physical& p) {
        DumpLine d;
        d.line = p.number;
        d.gap_before = blanks;
        blanks = 0;
        out.push_back(std::move(d));
        return out.back();
    }
};

bool has_inner_space(const Physical& p) {
    for (std::size_t c = p.indent; c < width_of(p); ++c)
        if (is_space_at(p, c)) return true;
    return false;
}

// The right margin of the lines `wrapped` (each a width and an indentation): of the widths `near` the widest, the
// widest that another line of the same indentation comes within `close` columns of, as the lines of a filled
// paragraph do; the widest when none does. A line wider than the others at its indentation does not set it: lynx
// sets its headings at the left margin and fills them 3 columns wider than the indented text under them.
std::size_t text_margin(std::vector<std::pair<std::size_t, std::size_t>> wrapped, std::size_t near) {
    constexpr std::size_t close = 2;
    std::sort(wrapped.begin(), wrapped.end(), std::greater<>());
    for (std::size_t k = 0; k < wrapped.size() && wrapped[k].first + near >= wrapped.front().first; ++k) {
        auto [width, indent] = wrapped[k];
        for (std::size_t m = k + 1; m < wrapped.size() && wrapped[m].first + close >= width; ++m)
            if (wrapped[m].second == indent) return width;
    }
    return wrapped.front().first;
}

// The fill width: the widest margin that lines with a line right under them reach (a line standing alone, such as
// a heading pandoc does not wrap, says nothing about it), when at least two such lines come near it. 0 when the
// dump is not filled: a line of several words among others is longer than any renderer fills (a single long word,
// a URL, or a line standing alone, such as pandoc's headings, may be).
std::size_t fill_width(const std::vector<Physical>& lines) {
    constexpr std::size_t near = 12;  // a filled line leaves less than a long word free
    // Width and indentation of each line with a line right under it.
    std::vector<std::pair<std::size_t, std::size_t>> wrapped;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].table) continue;
        bool alone = (i == 0 || is_blank(lines[i - 1])) && (i + 1 == lines.size() || is_blank(lines[i + 1]));
        if (width_of(lines[i]) > max_filled_width && has_inner_space(lines[i]) && !alone) return 0;
        if (!is_blank(lines[i]) && i + 1 < lines.size() && !is_blank(lines[i + 1]) && !lines[i + 1].table)
            wrapped.emplace_back(width_of(lines[i]), lines[i].indent);
    }
    if (wrapped.empty()) return 0;
    std::size_t width = text_margin(wrapped, near);
    auto full = std::count_if(wrapped.begin(), wrapped.end(), [&](const auto& w) { return w.first + near >= width; });
    return full >= 2 && width >= min_filled_width && width <= max_filled_width ? width : 0;
}

void Reader::table_row(const Physical& p, const std::vector<std::pair<std::size_t, std::size_t>>& columns) {
    if (is_dash_rule(rest_of(p))) {
        blanks = 0;
        return;
    }
    DumpLine& d = emit(p);
    d.cells.emplace();
    for (auto column : columns) d.cells->push_back(cell_text(p, column));
    d.text = std::string(rest_of(p));
}

std::size_t Reader::table(std::size_t i) {
    std::size_t end = i;
    while (end < lines.size() && lines[end].table) ++end;
    auto columns = table_columns(lines, i, end);
    for (std::size_t k = i; k < end; ++k) table_row(lines[k], columns);
    return end;
}

// html2text's star-marked heading from line i, up to the line that closes it (at most four lines).
std::size_t Reader::stars(std::size_t i, std::size_t marks) {
    std::string closing = " " + std::string(marks, '*');
    std::string text;
    std::size_t k = i;
    for (; k < lines.size() && k < i + 4 && !is_blank(lines[k]); ++k) {
        std::string_view rest = rest_of(lines[k]);
        if (k == i) rest.remove_prefix(marks + 1);
        bool closed = rest.ends_with(closing) || rest == std::string_view(closing).substr(1);
        if (closed) rest.remove_suffix(std::min(rest.size(), closing.size()));
        if (!text.empty()) text += ' ';
        text += trim(rest);
        if (closed) {
            DumpLine& d = emit(lines[i]);
            d.text = std::string(trim(text));
            d.heading_level = 7 - static_cast<int>(marks);
            return k + 1;
        }
    }
    return 0;  // not closed: no heading
}

// w3m and html2text also break a line after a slash inside a word ("and/" "or", "https://" "example.org"), and
// html2text after a hyphen ("for-" "profit"; the others only break at spaces, so their "two-" "to" was "two- to"):
// such a line is continued without a space.
bool broken_inside_word(std::string_view text, bool at_hyphens) {
    if (text.size() < 2 || (text.back() != '/' && (text.back() != '-' || !at_hyphens))) return false;
    return text[text.size() - 2] != ' ';
}

// lynx cuts a word too long for the room left at the end of a line, as a URL is: a line filled to the last column
// that ends in a URL goes on in the next line without a space ("...bc-loan-forgiveness-pro" / "gram").
bool url_cut_at_width(const Physical& above, std::size_t width) {
    if (width == 0 || width_of(above) != width) return false;
    std::string_view text = rest_of(above);
    std::size_t space = text.rfind(' ');
    std::string_view last = space == text.npos ? text : text.substr(space + 1);
    return last.find("://") != last.npos;
}

bool ends_a_sentence(std::string_view text) {
    while (!text.empty() && (text.back() == ')' || text.back() == '"')) text.remove_suffix(1);
    return !text.empty() && std::string_view(".?!:").find(text.back()) != std::string_view::npos;
}

bool opens_a_sentence(std::string_view text) { return !text.empty() && text.front() >= 'A' && text.front() <= 'Z'; }

bool breaks_off_mid_sentence(std::string_view text) {
    if (text.empty()) return false;
    char last = text.back();
    return last == ',' || (last >= 'a' && last <= 'z');
}

bool opens_in_lower_case(std::string_view text) {
    std::size_t i = 0;
    return !text.empty() && u_islower(static_cast<UChar32>(next_code_point(text, i)));
}

// Does `next` continue the line above, whose text starts at `column`? Only at that column: under a list item
// always (its hanging indent: a line break inside the item, <br>, is still the item), under a paragraph in a filled
// dump when next's first word would not have fitted on the line above.
bool Reader::continues(const Physical& above, const Physical& next, std::size_t column, bool item) const {
    if (is_blank(next) || next.table || next.indent != column) return false;
    std::string_view rest = rest_of(next);
    if (starts_with_item_marker(next)) {
        // A dash the renderer had no room for at the end of the line above belongs to the paragraph ("... a
        // five-ton vehicle" / "– and sometimes ..."): it opens no list item. One that would have fitted does.
        bool dash = rest.starts_with("- ") || rest.starts_with("\xE2\x80\x93 ");
        return !item && width > 0 && dash && width_of(above) + 2 > width;
    }
    if (hash_level(rest) || star_marks(rest) || is_lynx_button(next)) return false;
    if (item) return true;
    if (width == 0) return false;
    // A sentence goes on past a short line: the page broke the line inside it (<br>, which the HTML reader reads
    // as a space), as in "For information about labour mobility in Canada," / "visit www.workersmobility.ca.". Only
    // after a word or a comma: "(NOC 3214)" over "in All Health" are two elements of their own.
    if (breaks_off_mid_sentence(rest_of(above)) && opens_in_lower_case(without_link_marks(rest))) return true;
    if (html2text && ends_a_sentence(rest_of(above)) && opens_a_sentence(rest) && rest.ends_with(':')) return false;
    std::size_t word = 0;
    while (next.indent + word < width_of(next) && !is_space_at(next, next.indent + word)) ++word;
    return width_of(above) + 1 + word > width;
}

// Does the line opening with an item marker at i wrap back to the marker's column? A renderer hangs an item's
// wrapped lines under its text ("  • Larger networks, such as" / "    those for ..."); a paragraph that begins with
// a "*" or "-" of its own ("* The combination of ... provided by one" / "company.") wraps to the margin.
bool Reader::wraps_at_margin(std::size_t i) const {
    if (i + 1 >= lines.size()) return false;
    const Physical& first = lines[i];
    const Physical& next = lines[i + 1];
    if (starts_with_item_marker(next)) return false;
    return continues(first, next, first.indent, false);
}

// A term and its description as the HTML reader writes a <dt>/<dd> pair: "label: value", whatever space the page set
// before the colon ("Date de modification :", as French typography writes it).
void join_description(std::string& term, std::string_view description) {
    while (term.ends_with(' ') || term.ends_with(':')) term.pop_back();
    term += ": ";
    term += description;
}

// A paragraph or list item from line i with its continuation lines; returns the next line to read.
std::size_t Reader::content(std::size_t i) {
    const Physical& first = lines[i];
    std::string_view rest = rest_of(first);
    if (i + 1 < lines.size()) {
        if (int level = underline_level(lines[i + 1], first)) {
            DumpLine& d = emit(first);
            d.text = std::string(rest);
            d.heading_level = level;
            return i + 2;
        }
    }
    if (int level = hash_level(rest)) {
        DumpLine& d = emit(first);
        d.text = without_hash_marks(rest);
        d.heading_level = level;
        return i + 1;
    }
    std::size_t column = first.indent;
    auto item = after_item_marker(rest, first.indent > 0);
    bool marker_is_text = item && wraps_at_margin(i);
    if (marker_is_text) item.reset();
    if (item) {
        column = width_of(first) - code_points(*item);
        items.emplace_back(out.size(), first.indent);
    }
    DumpLine& d = emit(first);
    d.text = std::string(first.text);
    d.marker_is_text = marker_is_text;
    std::size_t k = i + 1;
    for (; k < lines.size() && continues(lines[k - 1], lines[k], column, item.has_value()); ++k) {
        if (!broken_inside_word(d.text, html2text) && !url_cut_at_width(lines[k - 1], width)) d.text += ' ';
        d.text += rest_of(lines[k]);
    }
    if (k == i + 1 && !item && describes_term(i)) {  // "Date modified:" / "    2024-12-04": one "label: value" line
        join_description(d.text, rest_of(lines[k]));
        ++k;
    }
    return k;
}

// A definition list's term and its description: every renderer writes the description on a line of its own,
// indented under the term ("Date modified:" / "    2024-12-04"), as the HTML reader reads <dt>/<dd> as one label
// and value. A short term ending in a colon, then one short line indented deeper and standing alone (a blank line,
// the end, or a line back at the term's column after it); a list under a lead-in ("Duties:" / "  • ...") is not one.
bool Reader::describes_term(std::size_t i) const {
    constexpr int max_term_words = 6, max_description_words = 8;
    if (i + 1 >= lines.size()) return false;
    const Physical& term = lines[i];
    const Physical& description = lines[i + 1];
    std::string_view label = rest_of(term);
    if (!label.ends_with(':') || count_words(label) > max_term_words) return false;
    if (is_blank(description) || description.table || description.indent <= term.indent) return false;
    if (starts_with_item_marker(description) || count_words(rest_of(description)) > max_description_words) return false;
    return i + 2 >= lines.size() || is_blank(lines[i + 2]) || lines[i + 2].indent <= term.indent;
}

void Reader::run() {
    std::size_t i = 0;
    while (i < lines.size()) {
        const Physical& p = lines[i];
        if (is_lynx_button(p)) {
            ++i;
        } else if (is_blank(p)) {
            ++blanks;
            ++i;
        } else if (p.table) {
            i = table(i);
        } else if (std::size_t marks = star_marks(rest_of(p))) {
            std::size_t next = stars(i, marks);
            i = next ? next : content(i);
        } else {
            i = content(i);
        }
    }
}

// Renderers indent each list level by their own step (w3m 2, lynx 3 to 5, html2text 2, pandoc 4): in a filled dump
// an item's depth is the rank of its indentation among those of the consecutive items of its list.
void set_depths(std::vector<DumpLine>& out, const std::vector<std::pair<std::size_t, std::size_t>>& items) {
    std::size_t begin = 0;
    while (begin < items.size()) {
        std::size_t end = begin + 1;
        while (end < items.size() && items[end].first == items[end - 1].first + 1) ++end;
        std::vector<std::size_t> indents;
        for (std::size_t k = begin; k < end; ++k) indents.push_back(items[k].second);
        std::sort(indents.begin(), indents.end());
        indents.erase(std::unique(indents.begin(), indents.end()), indents.end());
        for (std::size_t k = begin; k < end; ++k) {
            auto rank = std::lower_bound(indents.begin(), indents.end(), items[k].second) - indents.begin();
            out[items[k].first].depth = static_cast<int>(rank) + 1;
        }
        begin = end;
    }
}

}  // namespace

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::vector<DumpLine> dump_lines(std::string_view utf8) {
    Reader reader;
    reader.lines = physical_lines(utf8, reader.overstruck);
    // At most one logical line a non-blank physical line: no vector grown by doubling on a huge dump.
    reader.out.reserve(static_cast<std::size_t>(
        std::count_if(reader.lines.begin(), reader.lines.end(), [](const Physical& p) { return !is_blank(p); })));
    bool lynx_marks = cut_references(reader.lines);
    mark_tables(reader.lines);
    reader.width = fill_width(reader.lines);
    reader.html2text = std::any_of(reader.lines.begin(), reader.lines.end(), [](const Physical& p) {
        std::string_view rest = rest_of(p);
        std::size_t marks = star_marks(rest);
        return marks > 0 && rest.ends_with(" " + std::string(marks, '*'));
    });
    reader.run();
    if (reader.width > 0) set_depths(reader.out, reader.items);
    auto clean = [&](std::string& s) {
        // Image marks first: html2text's underscores would otherwise part "[/images/site_logo.png]" into words.
        s = without_image_marks(s);
        if (lynx_marks) s = without_link_marks(s);
        if (reader.html2text) s = without_link_underscores(s);
        s = with_character_references(s);
    };
    for (auto& d : reader.out) {
        clean(d.text);
        if (d.cells)
            for (auto& cell : *d.cells) clean(cell);
    }
    return std::move(reader.out);
}

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE
