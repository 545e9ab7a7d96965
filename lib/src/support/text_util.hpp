// Small text helpers shared inside the library (not installed). Look here before writing another one.
#pragma once

#include "occkit/api.hpp"
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

std::string_view trim(std::string_view s);  // ASCII white space only; see normalize_space for Unicode
std::vector<std::string_view> split(std::string_view s, char sep);
bool contains(std::string_view haystack, std::string_view needle);
std::string ascii_lower(std::string_view s);
// Whether `text` opens with `lower_prefix` (lower case), ASCII letters compared ignoring case, other bytes as they
// are: ascii_lower(text).starts_with(lower_prefix) without a copy.
bool starts_with_ascii_ci(std::string_view text, std::string_view lower_prefix);
int count_words(std::string_view s);
// Whether `s` is one text written two or more times in a row ("HomeHome", ASCII letters compared ignoring case),
// in linear time: what the regex ^(.+)\1+$ says, which backtracks quadratically on a long line.
bool is_repetition(std::string_view s);

// Decode one UTF-8 code point at s[i], advancing i. A byte that does not start a well-formed sequence (truncated,
// overlong, a surrogate, past U+10FFFF) gives U+FFFD and advances by one, so each such byte is one U+FFFD, as
// Unicode's "maximal subpart" practice and the WHATWG decoder have it for these cases.
char32_t next_code_point(std::string_view s, std::size_t& i);
void append_utf8(std::string& out, char32_t cp);
// Character classes every reader of words shares, so that the date, wage and space readers split text alike.
// White space: Unicode's White_Space property (no-break spaces included), written out because it runs on every
// character of every block.
bool is_space_code_point(char32_t cp);
// Characters a page may carry that are neither text nor separators: zero-width spaces and joiners, BOM, soft hyphen.
bool is_invisible_code_point(char32_t cp);
// Letters (Unicode Alphabetic) and the non-spacing marks that combine with them (a decomposed "é" is one word).
bool is_letter_code_point(char32_t cp);

// The one word scanner of the phrase readers (dates, wages): a text is a run of pieces, each a word (letters), a
// number (ASCII digits) or one other character; white space and invisible characters separate them.
enum class PieceKind : unsigned char { word, number, punct };
struct WordPiece {
    std::size_t begin = 0;  // byte range in the text; begin == end == text.size() when no piece is left
    std::size_t end = 0;
    PieceKind kind = PieceKind::punct;
    bool space_before = false;  // white space between the scan's start and this piece
};
// The first piece at or after byte `pos`.
WordPiece next_word_piece(std::string_view text, std::size_t pos);
// Append the piece's comparison key to `out`: a word folded (append_folded_letter), digits as they are, other
// characters as they are but typographic apostrophes as "'", so "L’HEURE" and "l'heure" compare equal.
void append_piece_key(std::string& out, std::string_view text, const WordPiece& piece);
// Append a letter folded for comparing words in English and French: lower case, and the accents French uses
// removed ("É" -> "e", "œ" -> "oe"), so "février", "fevrier" and "FÉVRIER" give the same key.
void append_folded_letter(std::string& out, char32_t cp);

// At most `bytes` bytes of UTF-8 text, not cutting a character in two.
std::string_view utf8_prefix(std::string_view text, std::size_t bytes);

// Text quoted for a one-line message: in double quotes, with quotes and backslashes escaped and control characters
// written as JSON escapes (\n, \t, \u0001: a newline in the text cannot split the message), cut after
// `max_code_points` characters with "…". Other characters are kept as they are, to be read.
std::string quoted(std::string_view text, std::size_t max_code_points = std::string_view::npos);

// "1 file", "3 files".
std::string plural(std::size_t n, std::string_view word);

// XML 1.0 Char: tab, LF, CR, and U+0020 up to U+10FFFF less the surrogates and U+FFFE/U+FFFF.
bool is_xml_character(char32_t cp);
// Empty when `s` is valid UTF-8 made of XML 1.0 characters; otherwise what is wrong with it ("invalid UTF-8",
// "character U+0001 is not allowed in XML").
std::string character_problem(std::string_view s);

// Shortest decimal that round-trips ("26.18", "32000", "0.5"): deterministic number text for XML and JSON.
std::string format_number(double v);

// Layout regexes come from files a user may write (`^(a+)+$` doubles its work per character), so every match is
// step-limited: ICU's time limit, counted in match steps and therefore the same on every machine, grows with the
// text (a linear budget). A match that hits it counts as no match. Inside a RegexTimeoutScope (one conversion),
// each regex that hit it is recorded once, by its origin and pattern, and not run again while the scope lasts, so
// a hostile page costs at most one budget per rule. Scopes are per thread and nest.
class RegexTimeoutScope {
public:
    RegexTimeoutScope();
    ~RegexTimeoutScope();
    RegexTimeoutScope(const RegexTimeoutScope&) = delete;
    RegexTimeoutScope& operator=(const RegexTimeoutScope&) = delete;
    // "layout file x.xml: regex '^(a+)+$' hit the match step limit; it counted as no match on this page"
    const std::vector<std::string>& timeouts() const { return messages_; }

    static RegexTimeoutScope* current();
    bool has_timed_out(const void* regex) const;
    void record(const void* regex, std::string message);

private:
    RegexTimeoutScope* previous_;
    std::vector<const void*> timed_out_;
    std::vector<std::string> messages_;
};

// One CSV field (RFC 4180): quoted, quotes doubled, when it holds a comma, a quote or a line break.
std::string csv_field(std::string_view s);

// A compiled ICU regular expression over UTF-8 text. Case-insensitive when asked. Thread-safe to share: each
// match uses its own matcher. `origin` (a layout file, or empty) names it when it hits the match step limit.
class Regex {
public:
    // throws occkit::Error on a bad pattern
    Regex(std::string_view pattern, bool case_insensitive = false, std::string origin = {});
    ~Regex();
    Regex(Regex&&) noexcept;
    Regex& operator=(Regex&&) noexcept;

    bool search(std::string_view text) const;
    // First match: the whole match then the capture groups (empty string for a group that did not take part).
    std::optional<std::vector<std::string>> match(std::string_view text) const;
    // Named group index, or -1.
    int group(std::string_view name) const;
    const std::string& pattern() const { return pattern_; }
    // Lower-case ASCII text every match contains (empty when none is known): a caller that tests many lines may
    // look for it once in all of them first.
    const std::string& literal() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string pattern_;
};

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE
