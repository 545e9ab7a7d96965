// Date expressions in English and French, and the cue words that give them a kind.
//
// A small tokenizer plus fixed token patterns instead of regular expressions: these functions run on every line of
// every page, and a token scan is linear, needs no UTF-16 conversion and stays bounded on hostile input (each
// pattern looks at a fixed number of tokens; long texts are scanned in chunks).
#include "occkit/dates.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>

#include "support/text_util.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

constexpr int first_plausible_year = 1900;
constexpr int last_plausible_year = 2199;

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap_year(year) ? 29 : days[static_cast<std::size_t>(month - 1)];
}

bool plausible_year(int year) { return year >= first_plausible_year && year <= last_plausible_year; }

// ---------------------------------------------------------------------------------------------------------------
// Tokens

using TokenKind = detail::PieceKind;

struct Token {
    std::size_t begin = 0;  // byte range in the scanned text
    std::size_t end = 0;
    std::size_t key_begin = 0;  // byte range of the comparison key in Tokens::keys_
    std::size_t key_end = 0;
    TokenKind kind = TokenKind::punct;
    bool space_before = false;  // white space separates this token from the previous one
};

// The text split into words (folded: lower case, no accents), digit runs and single punctuation characters, by the
// scanner the wage reader shares (detail::next_word_piece); the keys are kept in one buffer.
class Tokens {
public:
    explicit Tokens(std::string_view text) : text_(text) {
        keys_.reserve(text.size() + 16);
        tokens_.reserve(text.size() / 4 + 4);
        for (auto piece = detail::next_word_piece(text, 0); piece.begin < text.size();
             piece = detail::next_word_piece(text, piece.end)) {
            Token t{piece.begin, piece.end, keys_.size(), 0, piece.kind, piece.space_before};
            detail::append_piece_key(keys_, text, piece);
            t.key_end = keys_.size();
            tokens_.push_back(t);
        }
    }

    std::size_t size() const { return tokens_.size(); }
    const Token& operator[](std::size_t i) const { return tokens_[i]; }
    std::string_view key(std::size_t i) const {
        const Token& t = tokens_[i];
        return std::string_view(keys_).substr(t.key_begin, t.key_end - t.key_begin);
    }
    std::string_view text() const { return text_; }
    // The exact source text from the first token through the last one.
    std::string_view source(std::size_t first, std::size_t last) const {
        return text_.substr(tokens_[first].begin, tokens_[last].end - tokens_[first].begin);
    }

    bool is(std::size_t i, TokenKind kind) const { return i < size() && tokens_[i].kind == kind; }
    bool is_word(std::size_t i, std::string_view folded) const { return is(i, TokenKind::word) && key(i) == folded; }
    // Is token i one of the characters in `chars` (compared whole code point by code point)?
    bool is_punct(std::size_t i, std::string_view chars) const {
        if (!is(i, TokenKind::punct)) return false;
        std::string_view k = key(i);
        for (std::size_t at = 0; at < chars.size();) {
            std::size_t start = at;
            detail::next_code_point(chars, at);
            if (chars.substr(start, at - start) == k) return true;
        }
        return false;
    }
    // Token i touches the token before it (no white space between).
    bool glued(std::size_t i) const { return i < size() && i > 0 && !tokens_[i].space_before; }
    std::size_t digits(std::size_t i) const { return is(i, TokenKind::number) ? key(i).size() : 0; }
    // Value of a number token of at most four digits (days and years), else -1.
    int small_number(std::size_t i) const {
        std::size_t n = digits(i);
        if (n == 0 || n > 4) return -1;
        int value = 0;
        for (char c : key(i)) value = value * 10 + (c - '0');
        return value;
    }

private:
    std::string_view text_;
    std::string keys_;
    std::vector<Token> tokens_;
};

// Long texts are scanned in chunks cut at a line break (or a space), so memory stays bounded whatever the input.
constexpr std::size_t max_chunk_bytes = 16 * 1024;

template <typename Visit>
void for_each_chunk(std::string_view text, Visit&& visit) {
    std::size_t offset = 0;
    while (offset < text.size()) {
        std::size_t length = std::min(max_chunk_bytes, text.size() - offset);
        if (offset + length < text.size()) {
            std::string_view window = text.substr(offset, length);
            std::size_t cut = window.rfind('\n');
            if (cut == std::string_view::npos || cut < length / 2) cut = window.rfind(' ');
            if (cut != std::string_view::npos && cut > 0) length = cut + 1;
            // Never cut inside a UTF-8 sequence.
            while (length > 1 && (static_cast<unsigned char>(text[offset + length]) & 0xC0) == 0x80) --length;
        }
        if (!visit(text.substr(offset, length))) return;
        offset += length;
    }
}

// Every date shape holds a four-digit year, so text without four digits in a row needs no tokenizing.
bool has_four_digit_run(std::string_view text) {
    int run = 0;
    for (char c : text) {
        run = (c >= '0' && c <= '9') ? run + 1 : 0;
        if (run == 4) return true;
    }
    return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Date patterns over tokens

struct MonthName {
    std::string_view folded;
    int month;
};

// English and French, full and abbreviated, accents folded away ("févr." -> "fevr", "août" -> "aout").
constexpr MonthName month_names[] = {
    {"january", 1}, {"jan", 1},       {"janvier", 1},   {"janv", 1},  {"february", 2},  {"feb", 2},
    {"fevrier", 2}, {"fevr", 2},      {"fev", 2},       {"march", 3}, {"mar", 3},       {"mars", 3},
    {"april", 4},   {"apr", 4},       {"avril", 4},     {"avr", 4},   {"may", 5},       {"mai", 5},
    {"june", 6},    {"jun", 6},       {"juin", 6},      {"july", 7},  {"jul", 7},       {"juillet", 7},
    {"juil", 7},    {"august", 8},    {"aug", 8},       {"aout", 8},  {"september", 9}, {"sep", 9},
    {"sept", 9},    {"septembre", 9}, {"october", 10},  {"oct", 10},  {"octobre", 10},  {"november", 11},
    {"nov", 11},    {"novembre", 11}, {"december", 12}, {"dec", 12},  {"decembre", 12},
};

int month_at(const Tokens& t, std::size_t i) {
    if (!t.is(i, TokenKind::word)) return 0;
    std::string_view word = t.key(i);
    // Cheap rejection first: most words are not month names.
    constexpr std::size_t longest_month_name = 9;
    if (word.size() < 3 || word.size() > longest_month_name ||
        std::string_view("jfmasond").find(word.front()) == std::string_view::npos)
        return 0;
    for (const auto& m : month_names)
        if (m.folded == word) return m.month;
    return 0;
}

// Words after a number that make it a count rather than a year ("2000 hours", "1950 members").
bool is_count_noun(std::string_view folded) {
    static constexpr std::string_view nouns[] = {
        "hours",    "hour",      "hrs",       "h",         "members",      "people",   "persons",   "workers",
        "employed", "employees", "jobs",      "positions", "openings",     "students", "graduates", "km",
        "dollars",  "heures",    "personnes", "emplois",   "travailleurs", "membres"};
    return std::ranges::find(nouns, folded) != std::end(nouns);
}

// Words before a number that make it a code rather than a year ("NOC 2171", "Suite 2010").
bool is_code_label(std::string_view folded) {
    static constexpr std::string_view labels[] = {"noc", "cnp", "oasis", "code", "suite", "room", "box", "unit", "no"};
    return std::ranges::find(labels, folded) != std::end(labels);
}

constexpr std::string_view chain_punct = "-/.,:";

// A number stands alone on its left: not the tail of "1-800-661-2019" or "3.2019", not glued to a word, not money.
bool free_on_left(const Tokens& t, std::size_t i) {
    if (i == 0) return true;
    if (t.is_punct(i - 1, "$#")) return false;
    if (!t.glued(i)) return true;
    if (t.is(i - 1, TokenKind::word)) return false;
    return !(t.is_punct(i - 1, chain_punct) && t.glued(i - 1) && i >= 2 && t.is(i - 2, TokenKind::number));
}

// A number stands alone on its right: not the head of "2019-555" or "2019.5", not "2009th", not "2000 $" or "20%".
bool free_on_right(const Tokens& t, std::size_t i) {
    std::size_t next = i + 1;
    if (next >= t.size()) return true;
    if (t.is_punct(next, "$%")) return false;
    if (!t.glued(next)) return true;
    if (t.is(next, TokenKind::word)) return false;
    return !(t.is_punct(next, chain_punct) && t.glued(next + 1) && t.is(next + 1, TokenKind::number));
}

int year_at(const Tokens& t, std::size_t i) {
    if (t.digits(i) != 4) return 0;
    int year = t.small_number(i);
    return plausible_year(year) ? year : 0;
}

// A year that ends a date ("March 2012", "Mar 31, 2024"): free on the right and not the start of a count.
int closing_year_at(const Tokens& t, std::size_t i) {
    int year = year_at(t, i);
    if (year == 0 || !free_on_right(t, i)) return 0;
    if (t.is(i + 1, TokenKind::word) && is_count_noun(t.key(i + 1))) return 0;
    return year;
}

// Ordinal endings glued to a day number: "31st", "2nd", "1er", "1re".
bool is_ordinal_suffix(const Tokens& t, std::size_t i) {
    if (!t.is(i, TokenKind::word) || !t.glued(i)) return false;
    std::string_view s = t.key(i);
    return s == "st" || s == "nd" || s == "rd" || s == "th" || s == "er" || s == "re" || s == "e";
}

struct DateMatch {
    enum class Status { none, date, invalid } status = Status::none;
    CalendarDate date;
    std::size_t first = 0;  // token range, inclusive
    std::size_t last = 0;
};

DateMatch found(CalendarDate date, std::size_t first, std::size_t last) {
    return {DateMatch::Status::date, date, first, last};
}

// A date-shaped expression whose values are impossible ("Feb 30, 2024"): the caller skips it whole so its year
// is not read on its own.
DateMatch impossible(std::size_t first, std::size_t last) { return {DateMatch::Status::invalid, {}, first, last}; }

DateMatch day_date(int year, int month, int day, std::size_t first, std::size_t last) {
    if (day < 1 || day > days_in_month(year, month)) return impossible(first, last);
    return found({year, month, day, 0, DatePrecision::day}, first, last);
}

// "2024-03-31"
DateMatch match_iso_day(const Tokens& t, std::size_t i) {
    int year = year_at(t, i);
    if (year == 0 || !free_on_left(t, i)) return {};
    bool shaped = t.is_punct(i + 1, "-") && t.glued(i + 1) && t.digits(i + 2) == 2 && t.glued(i + 2) &&
                  t.is_punct(i + 3, "-") && t.glued(i + 3) && t.digits(i + 4) == 2 && t.glued(i + 4);
    if (!shaped || !free_on_right(t, i + 4)) return {};
    int month = t.small_number(i + 2);
    if (month < 1 || month > 12) return impossible(i, i + 4);
    return day_date(year, month, t.small_number(i + 4), i, i + 4);
}

// Skip a dot glued to an abbreviation ("Sept.", "févr.") and an optional comma before the year.
std::size_t after_month_word(const Tokens& t, std::size_t month_token) {
    std::size_t next = month_token + 1;
    if (t.is_punct(next, ".") && t.glued(next)) ++next;
    return next;
}

std::size_t skip_comma(const Tokens& t, std::size_t i) { return t.is_punct(i, ",") ? i + 1 : i; }

// "March 2012", "Sept. 2012", "Mar 31, 2024", "March 31st, 2024"
DateMatch match_month_first(const Tokens& t, std::size_t i) {
    int month = month_at(t, i);
    if (month == 0 || (i > 0 && t.glued(i) && !t.is(i - 1, TokenKind::punct))) return {};
    std::size_t next = after_month_word(t, i);
    std::size_t year_token = skip_comma(t, next);
    if (int year = closing_year_at(t, year_token); year != 0)
        return found({year, month, 0, 0, DatePrecision::month}, i, year_token);
    int day = t.digits(next) <= 2 ? t.small_number(next) : -1;
    if (day < 0 || !free_on_left(t, next)) return {};
    std::size_t after_day = next + 1;
    if (is_ordinal_suffix(t, after_day))
        ++after_day;
    else if (t.glued(after_day) && !t.is_punct(after_day, ","))
        return {};
    year_token = skip_comma(t, after_day);
    int year = closing_year_at(t, year_token);
    if (year == 0) return {};
    return day_date(year, month, day, i, year_token);
}

// "31 mars 2024", "1er mars 2024", "31 March 2024"
DateMatch match_day_first(const Tokens& t, std::size_t i) {
    if (t.digits(i) > 2 || !free_on_left(t, i)) return {};
    int day = t.small_number(i);
    std::size_t month_token = i + 1;
    if (is_ordinal_suffix(t, month_token))
        ++month_token;
    else if (t.glued(month_token))
        return {};
    int month = month_at(t, month_token);
    if (month == 0) return {};
    std::size_t year_token = skip_comma(t, after_month_word(t, month_token));
    int year = closing_year_at(t, year_token);
    if (year == 0) return {};
    return day_date(year, month, day, i, year_token);
}

bool opens_between(const Tokens& t, std::size_t i) {
    return i > 0 && (t.is_word(i - 1, "between") || t.is_word(i - 1, "entre"));
}

// The words or dashes that join the two years of a span. "and"/"et" only after "between"/"entre".
bool is_span_joiner(const Tokens& t, std::size_t joiner, std::size_t first_year) {
    if (t.is_punct(joiner, "-/") || t.is_punct(joiner, "\u2013\u2014\u2011\u2012")) return true;
    if (!t.is(joiner, TokenKind::word)) return false;
    std::string_view w = t.key(joiner);
    if (w == "to" || w == "a" || w == "au" || w == "through" || w == "thru" || w == "until") return true;
    return (w == "and" || w == "et") && opens_between(t, first_year);
}

// "2013-2017", "2013–2017", "2013 to 2017", "de 2013 à 2017", "between 2013 and 2017"
DateMatch match_span(const Tokens& t, std::size_t i) {
    int start = year_at(t, i);
    if (start == 0 || !free_on_left(t, i) || !is_span_joiner(t, i + 1, i)) return {};
    int end = year_at(t, i + 2);
    if (end == 0 || end <= start || !free_on_right(t, i + 2)) return {};
    return found({start, 0, 0, end, DatePrecision::span}, i, i + 2);
}

// "2009": a lone plausible year that is not part of a phone number, a code, a count or an amount.
DateMatch match_bare_year(const Tokens& t, std::size_t i) {
    int year = closing_year_at(t, i);
    if (year == 0 || !free_on_left(t, i)) return {};
    if (i > 0 && t.is(i - 1, TokenKind::word) && is_code_label(t.key(i - 1))) return {};
    return found({year, 0, 0, 0, DatePrecision::year}, i, i);
}

// The date expression starting at token i, if any. Longer shapes are tried before their prefixes.
DateMatch match_date_at(const Tokens& t, std::size_t i) {
    if (t.is(i, TokenKind::word)) return match_month_first(t, i);
    if (!t.is(i, TokenKind::number)) return {};
    for (auto matcher : {match_iso_day, match_day_first, match_span, match_bare_year}) {
        DateMatch m = matcher(t, i);
        if (m.status != DateMatch::Status::none) return m;
    }
    return {};
}

// ---------------------------------------------------------------------------------------------------------------
// Cue words

struct Cue {
    DateKind kind;
    std::array<std::string_view, 5> words;  // folded tokens; empty entries end the list
};

// Longer cues come first so "next update" wins over "update" and "crown copyright" over "copyright".
constexpr Cue cues[] = {
    {DateKind::next_update, {"prochaine", "mise", "a", "jour"}},
    {DateKind::updated, {"derniere", "mise", "a", "jour"}},
    {DateKind::modified, {"date", "de", "modification"}},
    {DateKind::published, {"date", "de", "publication"}},
    {DateKind::copyright, {"(", "c", ")"}},
    {DateKind::updated, {"mis", "a", "jour"}},
    {DateKind::updated, {"mise", "a", "jour"}},
    {DateKind::revised, {"date", "de", "revision"}},
    {DateKind::next_update, {"next", "update"}},
    {DateKind::next_update, {"next", "updated"}},
    {DateKind::revised, {"section", "revised"}},
    {DateKind::revised, {"last", "revised"}},
    {DateKind::updated, {"last", "updated"}},
    {DateKind::updated, {"last", "update"}},
    {DateKind::modified, {"date", "modified"}},
    {DateKind::modified, {"last", "modified"}},
    {DateKind::copyright, {"crown", "copyright"}},
    {DateKind::revised, {"revised"}},
    {DateKind::revised, {"revise"}},
    {DateKind::revised, {"revisee"}},
    {DateKind::updated, {"updated"}},
    {DateKind::produced, {"produced"}},
    {DateKind::published, {"published"}},
    {DateKind::published, {"publie"}},
    {DateKind::published, {"publiee"}},
    {DateKind::published, {"publies"}},
    {DateKind::published, {"publiees"}},
    {DateKind::modified, {"modified"}},
    {DateKind::modified, {"modifie"}},
    {DateKind::modified, {"modifiee"}},
    {DateKind::copyright, {"copyright"}},
    {DateKind::copyright, {"\u00a9"}},
    {DateKind::data_year, {"source"}},
    {DateKind::data_year, {"recensement"}},
    {DateKind::data_year, {"census"}},
    {DateKind::data_year, {"as", "of"}},  // "As of May 2019": the month the figures hold for
};

struct CueMatch {
    const Cue* cue = nullptr;
    std::size_t first = 0;
    std::size_t last = 0;
};

// First bytes of all cues, so most tokens are rejected with one table look-up.
const std::array<bool, 256>& cue_first_bytes() {
    static const std::array<bool, 256> table = [] {
        std::array<bool, 256> bytes{};
        for (const Cue& cue : cues) bytes[static_cast<unsigned char>(cue.words[0].front())] = true;
        return bytes;
    }();
    return table;
}

CueMatch match_cue_at(const Tokens& t, std::size_t i) {
    if (i >= t.size() || t.is(i, TokenKind::number) || t.key(i).empty() ||
        !cue_first_bytes()[static_cast<unsigned char>(t.key(i).front())])
        return {};
    for (const Cue& cue : cues) {
        std::size_t k = 0;
        for (; k < cue.words.size() && !cue.words[k].empty(); ++k)
            if (i + k >= t.size() || t.key(i + k) != cue.words[k] || t.is(i + k, TokenKind::number)) break;
        if (k < cue.words.size() && !cue.words[k].empty()) continue;
        return {&cue, i, i + k - 1};
    }
    return {};
}

// Small words allowed between a cue and its date: "updated on", "next update will be in", "mis à jour le".
bool is_filler_word(std::string_view w) {
    static constexpr std::string_view words[] = {
        "on",    "in", "at", "of", "the", "will", "be", "is", "was", "were", "been", "has", "as",       "date",
        "dated", "de", "du", "le", "la",  "l",    "en", "au", "a",   "est",  "sera", "ete", "effective"};
    // Weekday names ("Updated on: Friday, March 1, 2024", "mis à jour le vendredi 1er mars 2024").
    static constexpr std::string_view weekdays[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday",   "saturday", "sunday",  "mon",
        "tue",    "tues",    "wed",       "thu",      "thurs",    "fri",      "sat",     "sun",
        "lundi",  "mardi",   "mercredi",  "jeudi",    "vendredi", "samedi",   "dimanche"};
    return std::ranges::find(words, w) != std::end(words) || std::ranges::find(weekdays, w) != std::end(weekdays);
}

bool is_filler_punct(const Tokens& t, std::size_t i) { return t.is_punct(i, ":,-'") || t.is_punct(i, "\u2013"); }

constexpr int max_filler_tokens = 5;
// A copyright names its holder, sometimes before the year: "© Province of Nova Scotia 2009".
constexpr int max_copyright_filler_tokens = 6;

// The date a cue introduces: the first date within a few filler tokens after it.
DateMatch date_after_cue(const Tokens& t, const CueMatch& cue) {
    // "(c)" also letters list items ("(c) Education"), so only "copyright" and "©" may name a holder first.
    bool copyright = cue.cue->kind == DateKind::copyright && cue.cue->words[0] != "(";
    int budget = copyright ? max_copyright_filler_tokens : max_filler_tokens;
    for (std::size_t j = cue.last + 1; j < t.size() && budget >= 0; ++j, --budget) {
        DateMatch m = match_date_at(t, j);
        if (m.status != DateMatch::Status::none) return m;
        bool filler = is_filler_punct(t, j) || (copyright && t.is_punct(j, "\u00a9")) ||
                      (t.is(j, TokenKind::word) && (copyright || is_filler_word(t.key(j))));
        if (!filler) break;
    }
    return {};
}

bool starts_upper_case(const Tokens& t, std::size_t i) {
    std::size_t at = t[i].begin;
    char32_t cp = detail::next_code_point(t.text(), at);
    return u_isupper(static_cast<UChar32>(cp));
}

// "Duties section revised" -> "Duties", "Working Conditions section revised" -> "Working Conditions": the
// capitalised words right before "section", without a leading article.
std::optional<std::size_t> section_hint_start(const Tokens& t, std::size_t section_token) {
    constexpr std::size_t max_hint_words = 4;
    std::size_t first = section_token;
    while (first > 0 && section_token - first < max_hint_words && t.is(first - 1, TokenKind::word) &&
           starts_upper_case(t, first - 1))
        --first;
    static constexpr std::string_view articles[] = {"the", "this", "that", "le", "la", "les", "cette"};
    while (first < section_token && std::ranges::find(articles, t.key(first)) != std::end(articles)) ++first;
    if (first == section_token) return std::nullopt;
    return first;
}

// Nouns that make a year before them a data year: "2016 Census", "2011 Alberta Wage and Salary Survey",
// "2016 Job Bank Wage data", "2016 Job Bank Wage Report".
bool is_data_noun(std::string_view w) {
    return w == "survey" || w == "census" || w == "data" || w == "report" || w == "enquete" || w == "recensement" ||
           w == "statistics" || w == "wage" || w == "wages";  // "2016 Job Bank median hourly wage rate"
}

constexpr std::size_t max_words_to_data_noun = 5;

// The last data noun within reach: "2011 Alberta Wage and Salary Survey" names the survey, not the wage.
std::optional<std::size_t> data_noun_after(const Tokens& t, std::size_t year_token) {
    std::optional<std::size_t> last;
    for (std::size_t j = year_token + 1; j < t.size() && j - year_token <= max_words_to_data_noun; ++j) {
        if (!t.is(j, TokenKind::word)) break;
        if (is_data_noun(t.key(j))) last = j;
    }
    return last;
}

// "(2010)" right after a wage: "$26.18 to $32.18 an hour (2010)".
bool is_wage_year_in_parentheses(const Tokens& t, const DateMatch& m) {
    if (m.date.precision != DatePrecision::year || m.first == 0) return false;
    std::size_t open = m.first - 1;
    if (!t.is_punct(open, "(") || !t.glued(m.first) || !t.is_punct(m.last + 1, ")") || !t.glued(m.last + 1))
        return false;
    constexpr std::size_t wage_window_bytes = 40;
    std::size_t window_start = t[open].begin > wage_window_bytes ? t[open].begin - wage_window_bytes : 0;
    std::string_view before = t.text().substr(window_start, t[open].begin - window_start);
    std::size_t dollar = before.rfind('$');
    if (dollar == std::string_view::npos) return false;
    std::string_view after_dollar = before.substr(dollar);
    return after_dollar.find(". ") == std::string_view::npos && after_dollar.find(';') == std::string_view::npos;
}

DatePhrase make_phrase(const Tokens& t, DateKind kind, const CalendarDate& date, std::size_t first, std::size_t last) {
    DatePhrase p;
    p.kind = kind;
    p.date = date;
    p.phrase = std::string(t.source(first, last));
    return p;
}

// A phrase introduced by a cue word, or nothing when no date follows the cue.
std::optional<DatePhrase> cue_phrase(const Tokens& t, const CueMatch& cue, std::size_t& resume) {
    DateMatch m = date_after_cue(t, cue);
    if (m.status != DateMatch::Status::date) return std::nullopt;
    std::size_t first = cue.first;
    std::size_t last = m.last;
    std::string hint;
    if (cue.cue->kind == DateKind::revised && t.is_word(cue.first, "section")) {
        if (auto hint_start = section_hint_start(t, cue.first)) {
            hint = std::string(t.source(*hint_start, cue.first - 1));
            first = *hint_start;
        }
    }
    if (cue.cue->kind == DateKind::data_year)
        if (auto noun = data_noun_after(t, m.last)) last = *noun;
    DatePhrase p = make_phrase(t, cue.cue->kind, m.date, first, last);
    p.section_hint = std::move(hint);
    resume = last + 1;
    return p;
}

// A date that needs no cue: a year span (an outlook period) or a data year named by what follows it.
std::optional<DatePhrase> uncued_phrase(const Tokens& t, const DateMatch& m) {
    if (m.date.precision == DatePrecision::span) {
        std::size_t first = m.first;
        if (first > 0 && (t.is_word(first - 1, "from") || t.is_word(first - 1, "de") || opens_between(t, first)))
            --first;
        return make_phrase(t, DateKind::period, m.date, first, m.last);
    }
    if (is_wage_year_in_parentheses(t, m)) return make_phrase(t, DateKind::data_year, m.date, m.first - 1, m.last + 1);
    if (m.date.precision == DatePrecision::year) {
        if (auto noun = data_noun_after(t, m.last)) return make_phrase(t, DateKind::data_year, m.date, m.first, *noun);
        // "rate of unemployment in 2022", "In 2003, there were 515 ...": the year a figure holds for.
        if (m.first > 0 && (t.is_word(m.first - 1, "in") || t.is_word(m.first - 1, "en")))
            return make_phrase(t, DateKind::data_year, m.date, m.first - 1, m.last);
    }
    return std::nullopt;
}

// Scan one chunk for phrases; stops once `limit` phrases are collected.
void collect_phrases(const Tokens& t, std::vector<DatePhrase>& out, std::size_t limit) {
    std::size_t i = 0;
    while (i < t.size() && out.size() < limit) {
        if (CueMatch cue = match_cue_at(t, i); cue.cue != nullptr) {
            std::size_t resume = cue.last + 1;
            if (auto p = cue_phrase(t, cue, resume)) {
                out.push_back(std::move(*p));
                i = resume;
                continue;
            }
        }
        DateMatch m = match_date_at(t, i);
        if (m.status == DateMatch::Status::none) {
            ++i;
            continue;
        }
        if (m.status == DateMatch::Status::date)
            if (auto p = uncued_phrase(t, m)) out.push_back(std::move(*p));
        i = m.last + 1;
    }
}

std::vector<DatePhrase> phrases_in(std::string_view text, std::size_t limit) {
    std::vector<DatePhrase> out;
    if (!has_four_digit_run(text)) return out;
    for_each_chunk(text, [&](std::string_view chunk) {
        collect_phrases(Tokens(chunk), out, limit);
        return out.size() < limit;
    });
    return out;
}

// Does the rest of the line after a cue hold something that could have been a date (a digit), or nothing but
// filler ("Date modified:", "Mis à jour le")?
bool rest_is_empty_or_numeric(const Tokens& t, std::size_t from) {
    bool any_content = false;
    for (std::size_t j = from; j < t.size(); ++j) {
        if (t.is(j, TokenKind::number)) return true;
        if (t.is(j, TokenKind::word) && !is_filler_word(t.key(j))) any_content = true;
    }
    return !any_content;
}

int parse_fixed_digits(std::string_view s, std::size_t at, std::size_t count) {
    if (at + count > s.size()) return -1;
    int value = 0;
    for (std::size_t k = at; k < at + count; ++k) {
        if (s[k] < '0' || s[k] > '9') return -1;
        value = value * 10 + (s[k] - '0');
    }
    return value;
}

}  // namespace

std::string CalendarDate::iso() const {
    char buf[32];
    switch (precision) {
        case DatePrecision::year:
            std::snprintf(buf, sizeof buf, "%04d", year);
            break;
        case DatePrecision::month:
            std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
            break;
        case DatePrecision::day:
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
            break;
        case DatePrecision::span:
            std::snprintf(buf, sizeof buf, "%04d/%04d", year, end_year);
            break;
    }
    return buf;
}

std::optional<CalendarDate> parse_iso_date(std::string_view iso) {
    int year = parse_fixed_digits(iso, 0, 4);
    if (year < 1) return std::nullopt;
    if (iso.size() == 4) return CalendarDate{year, 0, 0, 0, DatePrecision::year};
    if (iso.size() == 9 && iso[4] == '/') {
        int end_year = parse_fixed_digits(iso, 5, 4);
        if (end_year < year) return std::nullopt;
        return CalendarDate{year, 0, 0, end_year, DatePrecision::span};
    }
    if ((iso.size() != 7 && iso.size() != 10) || iso[4] != '-') return std::nullopt;
    int month = parse_fixed_digits(iso, 5, 2);
    if (month < 1 || month > 12) return std::nullopt;
    if (iso.size() == 7) return CalendarDate{year, month, 0, 0, DatePrecision::month};
    if (iso[7] != '-') return std::nullopt;
    int day = parse_fixed_digits(iso, 8, 2);
    if (day < 1 || day > days_in_month(year, month)) return std::nullopt;
    return CalendarDate{year, month, day, 0, DatePrecision::day};
}

std::optional<CalendarDate> find_date(std::string_view text) {
    if (!has_four_digit_run(text)) return std::nullopt;
    std::optional<CalendarDate> result;
    for_each_chunk(text, [&](std::string_view chunk) {
        Tokens t(chunk);
        for (std::size_t i = 0; i < t.size(); ++i) {
            DateMatch m = match_date_at(t, i);
            if (m.status == DateMatch::Status::date) {
                result = m.date;
                return false;
            }
            if (m.status == DateMatch::Status::invalid) i = m.last;
        }
        return true;
    });
    return result;
}

std::optional<DatePhrase> find_date_phrase(std::string_view text) {
    auto phrases = phrases_in(text, 1);
    if (phrases.empty()) return std::nullopt;
    return std::move(phrases.front());
}

std::vector<DatePhrase> find_date_phrases(std::string_view text) { return phrases_in(text, SIZE_MAX); }

bool looks_like_date_phrase(std::string_view text) {
    // Only short lines: a cue word inside running prose ("The NOC system is updated every 5 years") is not a
    // failed date line.
    constexpr std::size_t max_line_bytes = 200;
    constexpr std::size_t max_line_tokens = 16;
    if (text.size() > max_line_bytes || find_date_phrase(text)) return false;
    Tokens t(text);
    if (t.size() > max_line_tokens) return false;
    std::size_t first_word = 0;
    while (first_word < t.size() && t.is(first_word, TokenKind::punct) && !t.is_punct(first_word, "\u00a9("))
        ++first_word;  // bullets, dashes
    for (std::size_t i = first_word; i < t.size(); ++i) {
        CueMatch cue = match_cue_at(t, i);
        if (cue.cue == nullptr || cue.cue->kind == DateKind::data_year) continue;
        // A one-word cue ("Updated", "Produced") counts only at the start of the line; a two-word one ("Date
        // modified", "Section revised") anywhere in it.
        bool strong = cue.last > cue.first || i == first_word;
        if (strong && rest_is_empty_or_numeric(t, cue.last + 1)) return true;
    }
    return false;
}

int months_between(const CalendarDate& from, const CalendarDate& to) {
    // Month precision counts as the 1st, year (and span) precision as January 1st of the (first) year.
    auto month_of = [](const CalendarDate& d) { return d.month >= 1 ? d.month : 1; };
    auto day_of = [](const CalendarDate& d) { return d.day >= 1 ? d.day : 1; };
    int months = (to.year - from.year) * 12 + (month_of(to) - month_of(from));
    // Floor: the last month is whole only once its day-of-month is reached, so Jan 31 -> Feb 28 is 0 and
    // Jan 31 -> Mar 1 is 1; the same rule floors negative distances (Mar 1 -> Jan 31 is -2, not -1).
    if (day_of(to) < day_of(from)) --months;
    return months;
}

CalendarDate today() {
    using namespace std::chrono;
    year_month_day ymd{floor<days>(system_clock::now())};
    return CalendarDate{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                        static_cast<int>(static_cast<unsigned>(ymd.day())), 0, DatePrecision::day};
}

OCCKIT_END_IMPL_NAMESPACE
