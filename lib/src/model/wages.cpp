// Money amounts and wage phrases in English and French.
//
// Hand-written scanners rather than regular expressions: find_wages runs on every line of every page, almost all
// lines have no '$' and leave at the first check, and the rest are read with bounded look-around (a fixed window
// before each amount and a few words after it), so the work stays linear on hostile input.
#include "occkit/wages.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include "model/wages_internal.hpp"
#include "support/text_util.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

bool is_digit_at(std::string_view s, std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

// Separators pages put between digit groups: a space, NBSP (U+00A0), narrow NBSP (U+202F), thin space (U+2009).
std::size_t group_space_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return 0;
    if (s[i] == ' ') return 1;
    if (s.substr(i, 2) == "\u00a0") return 2;
    if (s.substr(i, 3) == "\u202f" || s.substr(i, 3) == "\u2009") return 3;
    return 0;
}

// The same separators, ending just before byte `end`.
std::size_t group_space_before(std::string_view s, std::size_t end) {
    for (std::size_t len = 1; len <= 3; ++len)
        if (end >= len && group_space_at(s, end - len) == len) return len;
    return 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers: "32 000", "87,885.00", "26,18" (French decimal comma), "31 301".

constexpr std::size_t max_integer_digits = 12;
constexpr std::size_t max_decimal_digits = 4;

struct DigitGroup {
    std::string_view digits;
    char separator_before = 0;  // 0 for the first group, ',', '.', or ' ' for any space
};

std::optional<std::vector<DigitGroup>> split_groups(std::string_view s) {
    std::vector<DigitGroup> groups;
    std::size_t i = 0;
    char separator = 0;
    while (i < s.size()) {
        std::size_t start = i;
        while (is_digit_at(s, i)) ++i;
        if (i == start) return std::nullopt;
        groups.push_back({s.substr(start, i - start), separator});
        if (i == s.size()) break;
        if (s[i] == ',' || s[i] == '.') {
            separator = s[i];
            ++i;
        } else if (std::size_t len = group_space_at(s, i)) {
            separator = ' ';
            i += len;
        } else {
            return std::nullopt;
        }
    }
    if (groups.empty() || i != s.size()) return std::nullopt;
    return groups;
}

// The last group is a decimal part when it follows '.', or follows ',' with other than three digits
// ("26,18" is French for 26.18; "2,300" is English for 2300).
bool last_group_is_decimal(const std::vector<DigitGroup>& groups) {
    if (groups.size() < 2) return false;
    const DigitGroup& last = groups.back();
    return last.separator_before == '.' || (last.separator_before == ',' && last.digits.size() != 3);
}

// Thousands groups: one kind of separator (',' or a space), a lead group of 1-3 digits, then groups of exactly 3.
bool valid_thousands_groups(const std::vector<DigitGroup>& groups, std::size_t count, char decimal_separator) {
    if (count == 1) return groups[0].digits.size() <= max_integer_digits;
    char separator = groups[1].separator_before;
    if (separator == '.' || separator == decimal_separator) return false;
    if (groups[0].digits.size() > 3) return false;
    for (std::size_t k = 1; k < count; ++k)
        if (groups[k].separator_before != separator || groups[k].digits.size() != 3) return false;
    return count * 3 <= max_integer_digits;
}

std::optional<double> parse_number(std::string_view s) {
    auto groups = split_groups(s);
    if (!groups) return std::nullopt;
    bool decimal = last_group_is_decimal(*groups);
    std::size_t integer_groups = groups->size() - (decimal ? 1 : 0);
    char decimal_separator = decimal ? groups->back().separator_before : 0;
    if (!valid_thousands_groups(*groups, integer_groups, decimal_separator)) return std::nullopt;
    std::string plain;
    for (std::size_t k = 0; k < integer_groups; ++k) plain += (*groups)[k].digits;
    if (decimal) {
        if (groups->back().digits.size() > max_decimal_digits) return std::nullopt;
        plain += '.';
        plain += groups->back().digits;
    }
    double value = 0;
    auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
    if (ec != std::errc() || end != plain.data() + plain.size()) return std::nullopt;
    return value;
}

// End of the number that starts at `begin`: digits, ',' or '.' between digits, and a space between digits only
// when exactly three digits follow it ("32 000" but not "45 2019").
std::size_t number_end(std::string_view s, std::size_t begin) {
    std::size_t end = begin;
    while (end < s.size()) {
        if (is_digit_at(s, end)) {
            ++end;
        } else if ((s[end] == ',' || s[end] == '.') && end > begin && is_digit_at(s, end + 1)) {
            ++end;
        } else if (std::size_t len = group_space_at(s, end); len > 0 && end > begin) {
            std::size_t group = end + len;
            bool three_digits = is_digit_at(s, group) && is_digit_at(s, group + 1) && is_digit_at(s, group + 2) &&
                                !is_digit_at(s, group + 3);
            if (!three_digits) break;
            end = group;
        } else {
            break;
        }
    }
    return end;
}

// Start of the number that ends at byte `end` (French "31 301 $"): the longest run of digit groups that parses,
// looking back at most a few dozen bytes.
std::optional<std::size_t> number_start(std::string_view s, std::size_t end) {
    constexpr std::size_t max_number_bytes = 40;
    std::size_t start = end;
    while (start > 0 && end - start < max_number_bytes) {
        if (is_digit_at(s, start - 1)) {
            --start;
        } else if ((s[start - 1] == ',' || s[start - 1] == '.') && start >= 2 && is_digit_at(s, start - 2) &&
                   is_digit_at(s, start)) {
            --start;
        } else if (std::size_t len = group_space_before(s, start);
                   len > 0 && start > len && is_digit_at(s, start - len - 1) && is_digit_at(s, start)) {
            start -= len;
        } else {
            break;
        }
    }
    // Drop leading groups until the rest parses: "en 2010 31 301 $" -> "31 301".
    while (start < end) {
        if (is_digit_at(s, start) && parse_number(s.substr(start, end - start))) return start;
        while (start < end && is_digit_at(s, start)) ++start;
        while (start < end && !is_digit_at(s, start)) ++start;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------------------------
// Words: folded (lower case, French accents removed) so "L'HEURE", "l’heure" and "Médian" compare simply.

// One word, digit run or punctuation character of the text, with its byte range (detail::next_word_piece, the
// scanner the date reader shares) and its comparison key.
struct Piece {
    std::string key;  // folded word, digits, or the character ("'" for typographic apostrophes)
    std::size_t begin = 0;
    std::size_t end = 0;
    bool word = false;
    bool empty() const { return key.empty(); }
};

Piece next_piece(std::string_view s, std::size_t pos) {
    detail::WordPiece scanned = detail::next_word_piece(s, pos);
    Piece p;
    p.begin = scanned.begin;
    p.end = scanned.end;
    p.word = scanned.kind == detail::PieceKind::word;
    detail::append_piece_key(p.key, s, scanned);
    return p;
}

// The pieces of s[begin, end), in order.
std::vector<Piece> pieces_between(std::string_view s, std::size_t begin, std::size_t end) {
    std::vector<Piece> out;
    std::string_view window = s.substr(0, end);
    for (Piece p = next_piece(window, begin); !p.empty(); p = next_piece(window, p.end)) out.push_back(std::move(p));
    return out;
}

template <typename Keys>
bool contains_key(const Keys& keys, std::string_view key) {
    return std::ranges::find(keys, key) != std::ranges::end(keys);
}

// ---------------------------------------------------------------------------------------------------------------
// Units after an amount: "an hour", "/hr", "a year", "l'heure", "par année", ...

// A wage paid by the day has no WagePer; such phrases are recognised only so they are not misread as yearly.
enum class Period { hour, week, month, year, day };

struct UnitPhrase {
    Period period;
    std::array<std::string_view, 4> keys;  // empty entries end the list
};

constexpr UnitPhrase unit_phrases[] = {
    {Period::hour, {"de", "l", "'", "heure"}},
    {Period::hour, {"a", "l", "'", "heure"}},
    {Period::hour, {"l", "'", "heure"}},
    {Period::hour, {"an", "hour"}},
    {Period::hour, {"an", "hr"}},
    {Period::hour, {"a", "hour"}},
    {Period::hour, {"per", "hour"}},
    {Period::hour, {"per", "hr"}},
    {Period::hour, {"/", "hour"}},
    {Period::hour, {"/", "hr"}},
    {Period::hour, {"/", "h"}},
    {Period::hour, {"/", "heure"}},
    {Period::hour, {"par", "heure"}},
    {Period::hour, {"hourly"}},
    {Period::year, {"a", "year"}},
    {Period::year, {"per", "year"}},
    {Period::year, {"a", "yr"}},
    {Period::year, {"per", "yr"}},
    {Period::year, {"/", "year"}},
    {Period::year, {"/", "yr"}},
    {Period::year, {"/", "an"}},
    {Period::year, {"per", "annum"}},
    {Period::year, {"par", "annee"}},
    {Period::year, {"par", "an"}},
    {Period::year, {"annually"}},
    {Period::year, {"annual"}},
    {Period::year, {"yearly"}},
    {Period::year, {"annuellement"}},
    {Period::year, {"annuel"}},
    {Period::year, {"annuelle"}},
    {Period::month, {"a", "month"}},
    {Period::month, {"per", "month"}},
    {Period::month, {"/", "month"}},
    {Period::month, {"/", "mo"}},
    {Period::month, {"/", "mois"}},
    {Period::month, {"par", "mois"}},
    {Period::month, {"monthly"}},
    {Period::month, {"mensuellement"}},
    {Period::week, {"a", "week"}},
    {Period::week, {"per", "week"}},
    {Period::week, {"/", "week"}},
    {Period::week, {"/", "wk"}},
    {Period::week, {"/", "semaine"}},
    {Period::week, {"par", "semaine"}},
    {Period::week, {"weekly"}},
    {Period::week, {"hebdomadaire"}},
    {Period::day, {"a", "day"}},
    {Period::day, {"per", "day"}},
    {Period::day, {"/", "day"}},
    {Period::day, {"par", "jour"}},
    {Period::day, {"daily"}},
};

// A unit phrase after an amount, or none (a plain value rather than std::optional: GCC's code for an optional
// read its payload before the flag, which valgrind reports as a jump on uninitialised memory).
struct Unit {
    bool found = false;
    Period period = Period::hour;
    std::size_t end = 0;
    explicit operator bool() const { return found; }
};

Unit unit_at(std::string_view s, std::size_t pos) {
    constexpr std::size_t max_unit_pieces = std::tuple_size_v<decltype(UnitPhrase::keys)>;
    std::array<Piece, max_unit_pieces> ahead;
    for (std::size_t at = pos; Piece & p : ahead) {
        p = next_piece(s, at);
        at = p.end;
    }
    for (const UnitPhrase& unit : unit_phrases) {
        std::size_t k = 0;
        while (k < max_unit_pieces && !unit.keys[k].empty() && ahead[k].key == unit.keys[k]) ++k;
        if (k == max_unit_pieces || unit.keys[k].empty()) return Unit{true, unit.period, ahead[k - 1].end};
    }
    return Unit{};
}

WagePer to_wage_per(Period period) {
    switch (period) {
        case Period::hour:
            return WagePer::hour;
        case Period::week:
            return WagePer::week;
        case Period::month:
            return WagePer::month;
        default:
            return WagePer::year;
    }
}

// "(2010)" after a wage names the year of the data.
std::optional<std::size_t> data_year_at(std::string_view s, std::size_t pos, std::string& year) {
    Piece open = next_piece(s, pos);
    if (open.key != "(") return std::nullopt;
    Piece number = next_piece(s, open.end);
    if (number.word || number.key.size() != 4 || number.begin != open.end) return std::nullopt;
    int value = 0;  // a punctuation piece ("😀") is four bytes too: only a checked parse of four digits is a year
    auto [end, ec] = std::from_chars(number.key.data(), number.key.data() + number.key.size(), value);
    if (ec != std::errc() || end != number.key.data() + number.key.size()) return std::nullopt;
    if (value < 1900 || value > 2199) return std::nullopt;
    Piece close = next_piece(s, number.end);
    if (close.key != ")" || close.begin != number.end) return std::nullopt;
    year = number.key;
    return close.end;
}

// ---------------------------------------------------------------------------------------------------------------
// Amounts: "$32 000", "$87,885.00", "26,18 $", "31 301 $".

struct Amount {
    std::size_t begin = 0;  // byte range of the whole amount, '$' included
    std::size_t end = 0;
    double value = 0;
    bool dollar_first = true;  // "$32" rather than "32 $"
};

// "$1.2 million" is a budget, not a wage.
bool scale_word_follows(std::string_view s, std::size_t end) {
    Piece p = next_piece(s, end);
    static constexpr std::string_view scales[] = {"million",  "millions",  "billion", "billions",
                                                  "milliard", "milliards", "m"};
    return p.word && contains_key(scales, p.key);
}

// "$1e308": an exponent after the digits makes the number no amount (read as "$1" it would be a wrong wage).
bool exponent_follows(std::string_view s, std::size_t end) {
    if (end >= s.size() || (s[end] != 'e' && s[end] != 'E')) return false;
    std::size_t digit = end + 1;
    if (digit < s.size() && (s[digit] == '+' || s[digit] == '-')) ++digit;
    return is_digit_at(s, digit);
}

// "1e308 $": the digits before '$' are the exponent of a number in scientific notation.
bool exponent_before(std::string_view s, std::size_t start) {
    std::size_t at = start;
    if (at > 0 && (s[at - 1] == '+' || s[at - 1] == '-')) --at;
    return at >= 2 && (s[at - 1] == 'e' || s[at - 1] == 'E') && is_digit_at(s, at - 2);
}

// "-$20", "−$20" (U+2212), "-20 $": a negative amount is never a wage. A dash after a digit or a letter joins a
// range ("$20-$25", "20-26 $") instead, so only a sign at the start of the text or after a space or '(' counts.
bool minus_sign_before(std::string_view s, std::size_t at) {
    static constexpr std::string_view minus_signs[] = {"-", "\u2212"};
    for (std::string_view sign : minus_signs) {
        if (at < sign.size() || s.substr(at - sign.size(), sign.size()) != sign) continue;
        std::size_t before = at - sign.size();
        return before == 0 || s[before - 1] == ' ' || s[before - 1] == '(' || s[before - 1] == '\t';
    }
    return false;
}

std::optional<Amount> amount_after_dollar(std::string_view s, std::size_t dollar) {
    std::size_t begin = dollar + 1 + group_space_at(s, dollar + 1);
    if (!is_digit_at(s, begin) || minus_sign_before(s, dollar)) return std::nullopt;
    std::size_t end = number_end(s, begin);
    auto value = parse_number(s.substr(begin, end - begin));
    // "$45.26 250 people": the space-separated tail was not a thousands group after all; drop groups until it parses.
    while (!value) {
        std::size_t cut = end;
        while (cut > begin && is_digit_at(s, cut - 1)) --cut;
        std::size_t len = group_space_before(s, cut);
        if (len == 0 || cut - len <= begin) return std::nullopt;
        end = cut - len;
        value = parse_number(s.substr(begin, end - begin));
    }
    if (scale_word_follows(s, end) || exponent_follows(s, end)) return std::nullopt;
    // "$45K" is shorthand for thousands.
    bool thousands = end < s.size() && (s[end] == 'K' || s[end] == 'k') &&
                     !(end + 1 < s.size() && std::isalpha(static_cast<unsigned char>(s[end + 1])));
    if (thousands) return Amount{dollar, end + 1, *value * 1000, true};
    return Amount{dollar, end, *value, true};
}

std::optional<Amount> amount_before_dollar(std::string_view s, std::size_t dollar) {
    std::size_t end = dollar - group_space_before(s, dollar);
    if (end == 0 || !is_digit_at(s, end - 1)) return std::nullopt;
    auto start = number_start(s, end);
    if (!start || exponent_before(s, *start) || minus_sign_before(s, *start)) return std::nullopt;
    auto value = parse_number(s.substr(*start, end - *start));
    if (!value) return std::nullopt;
    return Amount{*start, dollar + 1, *value, false};
}

// Every amount in the text, in order. A '$' followed by a number reads English style, otherwise a number
// before it reads French style.
std::vector<Amount> find_amounts(std::string_view s) {
    std::vector<Amount> out;
    for (std::size_t dollar = s.find('$'); dollar != std::string_view::npos; dollar = s.find('$', dollar + 1)) {
        auto amount = amount_after_dollar(s, dollar);
        if (!amount && dollar > 0) amount = amount_before_dollar(s, dollar);
        if (amount && (out.empty() || amount->begin >= out.back().end)) out.push_back(*amount);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Ranges: "$X to $Y", "$X - $Y", "$X–$Y", "between $X and $Y", "de X $ à Y $", "de 26 à 30 $".

bool preceded_by_between(std::string_view s, std::size_t begin) {
    constexpr std::size_t look_back = 12;
    std::size_t from = begin > look_back ? begin - look_back : 0;
    auto before = pieces_between(s, from, begin);
    return !before.empty() && (before.back().key == "between" || before.back().key == "entre");
}

// The word or dash joining the two ends of a range, starting at `pos`; returns where the upper end may start.
std::optional<std::size_t> range_joiner_at(std::string_view s, std::size_t pos, bool after_between) {
    Piece p = next_piece(s, pos);
    static constexpr std::string_view joiners[] = {"to", "-", "\u2013", "\u2014", "\u2011", "\u2012", "a", "au"};
    bool joins = contains_key(joiners, p.key) || (after_between && (p.key == "and" || p.key == "et"));
    if (!joins) return std::nullopt;
    Piece next = next_piece(s, p.end);
    return next.empty() ? std::nullopt : std::optional<std::size_t>(next.begin);
}

// A number without '$' joins a range only when it is of the same order as the amount ("$20 to 25", not
// "$20 to 2000 employees").
bool plausible_bare_range(double lower, double upper) {
    constexpr double max_ratio = 10;
    return lower > 0 && upper >= lower && upper <= lower * max_ratio;
}

// The upper end of a range whose '$' was left off: "$20 to 25 an hour", "$20-25/hour".
std::optional<Amount> bare_upper_end(std::string_view s, std::size_t begin, double lower) {
    if (!is_digit_at(s, begin)) return std::nullopt;
    std::size_t end = number_end(s, begin);
    auto value = parse_number(s.substr(begin, end - begin));
    if (!value || !plausible_bare_range(lower, *value) || scale_word_follows(s, end) || exponent_follows(s, end))
        return std::nullopt;
    return Amount{begin, end, *value, true};
}

// The lower end of a French range written once with '$': "de 26 à 30 $" (the amount given is "30 $").
std::optional<Amount> bare_lower_end(std::string_view s, const Amount& upper, std::size_t not_before) {
    constexpr std::size_t look_back = 48;
    std::size_t from = std::max(not_before, upper.begin > look_back ? upper.begin - look_back : 0);
    auto before = pieces_between(s, from, upper.begin);
    if (before.size() < 2) return std::nullopt;
    const Piece& joiner = before.back();
    std::size_t end = before[before.size() - 2].end;
    if (!is_digit_at(s, end - 1)) return std::nullopt;
    auto start = number_start(s, end);
    if (!start || *start < from) return std::nullopt;
    if (!range_joiner_at(s, joiner.begin, preceded_by_between(s, *start))) return std::nullopt;
    auto value = parse_number(s.substr(*start, end - *start));
    if (!value || !plausible_bare_range(*value, upper.value)) return std::nullopt;
    return Amount{*start, end, *value, false};
}

// ---------------------------------------------------------------------------------------------------------------
// What the words before an amount say about it.

struct Context {
    std::optional<WageMeasure> measure;
    std::optional<WagePer> per;
    bool salary = false;                     // "salary" without a unit means a yearly figure
    std::optional<std::size_t> label_begin;  // start of a label right before the amount ("Avg. Salary")
};

std::optional<WageMeasure> measure_word(std::string_view w, bool in_label) {
    if (w == "average" || w == "avg" || w == "mean" || w == "moyen" || w == "moyenne") return WageMeasure::average;
    if (w == "median" || w == "mediane") return WageMeasure::median;
    if (w == "minimum" || w == "min") return WageMeasure::minimum;
    if (w == "maximum" || w == "max") return WageMeasure::maximum;
    if (w == "starting" || w == "entry") return WageMeasure::starting;
    if (w == "top") return WageMeasure::top;
    // "Low"/"High" are labels in wage tables but ordinary words in prose ("high demand").
    if (in_label && (w == "low" || w == "lowest")) return WageMeasure::minimum;
    if (in_label && (w == "high" || w == "highest")) return WageMeasure::maximum;
    return std::nullopt;
}

std::optional<WagePer> per_word(std::string_view w) {
    if (w == "hourly" || w == "horaire") return WagePer::hour;
    if (w == "annual" || w == "annually" || w == "yearly" || w == "annuel" || w == "annuelle") return WagePer::year;
    if (w == "monthly" || w == "mensuel" || w == "mensuelle") return WagePer::month;
    if (w == "weekly" || w == "hebdomadaire") return WagePer::week;
    return std::nullopt;
}

bool is_label_word(std::string_view w) {
    static constexpr std::string_view words[] = {"salary",   "salaries", "wage", "wages",        "pay",
                                                 "income",   "earnings", "rate", "overall",      "salaire",
                                                 "salaires", "revenu",   "taux", "remuneration", "estimated"};
    return contains_key(words, w) || measure_word(w, true) || per_word(w);
}

// A '.' ends a sentence after a long word, a number or a parenthesis; not after "Avg." or "Min.".
bool ends_sentence(const std::vector<Piece>& pieces, std::size_t k) {
    const std::string& key = pieces[k].key;
    if (key == ";" || key == "!" || key == "?") return true;
    if (key != "." || k == 0) return false;
    const Piece& before = pieces[k - 1];
    return !before.word || before.key.size() >= 4;
}

// Where a label right before the amount starts: "Avg. Salary $87,885.00", "Median$26.89", "Starting | $26.09".
std::optional<std::size_t> label_start(const std::vector<Piece>& pieces, std::size_t first_usable) {
    std::size_t k = pieces.size();
    while (k > first_usable && (pieces[k - 1].key == ":" || pieces[k - 1].key == "|" || pieces[k - 1].key == "-" ||
                                pieces[k - 1].key == "\u2013" || pieces[k - 1].key == "="))
        --k;
    std::optional<std::size_t> start;
    while (k > first_usable) {
        const Piece& p = pieces[k - 1];
        if (p.word && is_label_word(p.key))
            start = k - 1;
        else if (p.key != ".")
            break;
        --k;
    }
    return start;
}

Context read_context(std::string_view s, std::size_t window_begin, std::size_t amount_begin) {
    Context c;
    auto pieces = pieces_between(s, window_begin, amount_begin);
    std::size_t first_usable = 0;
    for (std::size_t k = pieces.size(); k > 0; --k)
        if (ends_sentence(pieces, k - 1)) {
            first_usable = k;
            break;
        }
    auto label = label_start(pieces, first_usable);
    if (label) c.label_begin = pieces[*label].begin;
    for (std::size_t k = pieces.size(); k > first_usable; --k) {
        const Piece& p = pieces[k - 1];
        if (!p.word) continue;
        bool in_label = label && k - 1 >= *label;
        if (!c.measure) c.measure = measure_word(p.key, in_label);
        if (!c.per) c.per = per_word(p.key);
        // Only the English word: French "salaire" is any pay ("salaire horaire" is an hourly wage).
        if (p.key == "salary" || p.key == "salaries") c.salary = true;
    }
    return c;
}

// Bytes before an amount read for its label and measure, at most back to the previous wage; read_context stops
// earlier at the start of the sentence. Long enough for census prose ("The median employment income for 54% of
// Registered Nurses and Registered Psychiatric Nurses who worked full-time, year-round in 2015 was $78,116").
std::size_t context_window_begin(std::string_view s, std::size_t begin, std::size_t previous_end) {
    constexpr std::size_t context_bytes = 200;
    if (begin <= previous_end + context_bytes) return previous_end;
    std::size_t from = begin - context_bytes;
    while (from < begin && s[from] != ' ') ++from;  // start on a word boundary
    return from;
}

// ---------------------------------------------------------------------------------------------------------------
// Assembling wages.

class WageReader {
public:
    WageReader(std::string_view text, std::string_view data_year_hint)
        : s_(text), hint_(data_year_hint), amounts_(find_amounts(text)) {}

    std::vector<Wage> read() {
        std::vector<Wage> out;
        for (std::size_t i = 0; i < amounts_.size(); ++i)
            if (auto wage = wage_from(i)) out.push_back(std::move(*wage));
        return out;
    }

private:
    // The wage whose (first) amount is amounts_[i]; advances i past an amount used as a range's upper end.
    std::optional<Wage> wage_from(std::size_t& i) {
        Amount lower = amounts_[i];
        std::optional<Amount> upper;
        std::size_t pos = lower.end;
        Unit unit = unit_at(s_, pos);
        if (unit) pos = unit.end;  // "$20 an hour to $25 an hour"
        if (!lower.dollar_first) {
            if (auto bare = bare_lower_end(s_, lower, previous_end_)) {
                upper = lower;
                lower = *bare;
            }
        }
        if (!upper) upper = upper_end(i, lower, pos);
        if (upper) {
            pos = upper->end;
            if (auto upper_unit = unit_at(s_, pos)) {
                unit = upper_unit;
                pos = unit.end;
            }
        }
        return finish(lower, upper, unit, pos);
    }

    std::optional<Amount> upper_end(std::size_t& i, const Amount& lower, std::size_t pos) {
        auto joined = range_joiner_at(s_, pos, preceded_by_between(s_, lower.begin));
        if (!joined) return std::nullopt;
        if (i + 1 < amounts_.size() && amounts_[i + 1].begin == *joined) {
            if (amounts_[i + 1].value < lower.value) return std::nullopt;
            return amounts_[++i];
        }
        if (lower.dollar_first) return bare_upper_end(s_, *joined, lower.value);
        return std::nullopt;
    }

    // A period read from the words around a figure, unless the figure's size rules it out: "Median hourly wage"
    // over "$78,000" (a summary box's label beside another box's figure) is a yearly figure, "Annual salary $24.50"
    // an hourly one. A unit written on the number itself ("$24.50/hour") is never second-guessed.
    static WagePer period_the_amount_allows(WagePer said, double amount) {
        constexpr double max_hourly = 1000, min_yearly = 200;
        if (said == WagePer::hour && amount >= max_hourly) return WagePer::year;
        if (said == WagePer::year && amount < min_yearly) return WagePer::hour;
        return said;
    }

    std::optional<Wage> finish(const Amount& lower, const std::optional<Amount>& upper, Unit unit, std::size_t pos) {
        Context context = read_context(s_, context_window_begin(s_, lower.begin, previous_end_), lower.begin);
        std::string year;
        if (auto after_year = data_year_at(s_, pos, year)) pos = *after_year;
        std::size_t begin = context.label_begin.value_or(lower.begin);
        previous_end_ = pos;
        if (unit && unit.period == Period::day) return std::nullopt;  // no WagePer for daily rates

        Wage w;
        if (upper) {
            w.measure = WageMeasure::range;
            w.min = lower.value;
            w.max = upper->value;
        } else {
            w.measure = context.measure.value_or(WageMeasure::value);
            w.value = lower.value;
        }
        if (unit)
            w.per = to_wage_per(unit.period);
        else if (context.per)
            w.per = period_the_amount_allows(*context.per, lower.value);
        else
            w.per = context.salary ? WagePer::year : detail::per_from_magnitude(lower.value);
        w.data_year = year.empty() ? std::string(hint_) : year;
        w.phrase = std::string(s_.substr(begin, pos - begin));
        return w;
    }

    std::string_view s_;
    std::string_view hint_;
    std::vector<Amount> amounts_;
    std::size_t previous_end_ = 0;
};

}  // namespace

std::optional<double> parse_amount(std::string_view text) {
    std::string_view t = detail::trim(text);
    // A number without a currency sign ("2,300") is a count, not money.
    if (t.size() < 2 || std::count(t.begin(), t.end(), '$') != 1) return std::nullopt;
    std::optional<Amount> amount;
    if (t.front() == '$')
        amount = amount_after_dollar(t, 0);
    else if (t.back() == '$')
        amount = amount_before_dollar(t, t.size() - 1);
    if (!amount || amount->begin != 0 || amount->end != t.size()) return std::nullopt;
    return amount->value;
}

std::vector<Wage> find_wages(std::string_view text, std::string_view data_year_hint) {
    if (text.find('$') == std::string_view::npos) return {};
    return WageReader(text, data_year_hint).read();
}

bool mentions_money(std::string_view text) {
    for (std::size_t dollar = text.find('$'); dollar != std::string_view::npos; dollar = text.find('$', dollar + 1)) {
        std::size_t after = dollar + 1 + group_space_at(text, dollar + 1);
        std::size_t before = dollar - group_space_before(text, dollar);
        if (is_digit_at(text, after) || (before > 0 && is_digit_at(text, before - 1))) return true;
    }
    return false;
}

namespace detail {

// With no unit in the text, guess from the size of the number: under $200 is an hourly rate, anything larger a
// yearly salary. Canadian profile pages state hourly wages ($15-$150) or annual salaries ($20,000+), so the gap
// between the two is wide; weekly or monthly figures are always written with their unit.
WagePer per_from_magnitude(double amount) {
    constexpr double hourly_ceiling = 200;
    return amount < hourly_ceiling ? WagePer::hour : WagePer::year;
}

}  // namespace detail

OCCKIT_END_IMPL_NAMESPACE
