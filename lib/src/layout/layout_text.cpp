// Small readings of a block's text the layout engine needs beside the rules: rows of tables a text dump flattened
// ("Nova Scotia Fair Fair", "$23.65 Minimum"), the wage measure and period a table header or heading names, and a
// cheap guess at the page's language.
#include "occkit/api.hpp"
#include <algorithm>
#include <array>

#include "layout/layout_rules.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    for (auto w : detail::split(text, ' '))
        if (!w.empty()) words.push_back(w);
    return words;
}

std::string joined(const std::vector<std::string_view>& words, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t k = from; k < to; ++k) {
        if (k > from) out += ' ';
        out += words[k];
    }
    return out;
}

// Lower-case ASCII words of a folded heading or header cell; accents are kept (they are not in the word lists).
bool has_word(const std::vector<std::string_view>& words, std::initializer_list<std::string_view> wanted) {
    for (auto w : words)
        for (auto x : wanted)
            if (w == x) return true;
    return false;
}

std::vector<std::string_view> folded_words(const std::string& folded) {
    std::vector<std::string_view> out;
    std::size_t start = std::string::npos;
    auto flush = [&](std::size_t end) {
        if (start != std::string::npos) out.push_back(std::string_view(folded).substr(start, end - start));
        start = std::string::npos;
    };
    for (std::size_t i = 0; i < folded.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(folded[i]);
        bool letter = (c >= 'a' && c <= 'z') || c >= 0x80;
        if (letter && start == std::string::npos) start = i;
        if (!letter) flush(i);
    }
    flush(folded.size());
    return out;
}

}  // namespace

// A cell a page prints twice (once for the screen, once for screen readers) reads "Nova Scotia Fair Fair": the
// repeated last word(s) are the value, the rest is the row's label.
std::optional<std::vector<std::string>> doubled_row(std::string_view text) {
    constexpr std::size_t max_words = 12;
    constexpr std::size_t max_value_words = 3;
    if (text.empty() || text.back() == '.' || text.back() == ':') return std::nullopt;
    auto words = words_of(text);
    if (words.size() < 3 || words.size() > max_words) return std::nullopt;
    for (std::size_t k = 1; k <= max_value_words && 2 * k < words.size(); ++k) {
        std::size_t second = words.size() - k, first = second - k;
        if (!std::equal(words.begin() + static_cast<std::ptrdiff_t>(first),
                        words.begin() + static_cast<std::ptrdiff_t>(second),
                        words.begin() + static_cast<std::ptrdiff_t>(second)))
            continue;
        return std::vector<std::string>{joined(words, 0, first), joined(words, second, words.size())};
    }
    return std::nullopt;
}

// "$23.65 Minimum": the line cut at the one space where the part before matches `first` and the rest `second`.
std::optional<std::pair<std::string, std::string>> split_pair_line(std::string_view text, const detail::Regex& first,
                                                                   const detail::Regex& second) {
    constexpr std::size_t max_pair_line = 80;  // a key and a value are short; longer lines are prose
    if (text.size() > max_pair_line) return std::nullopt;
    for (std::size_t space = text.find(' '); space != std::string_view::npos; space = text.find(' ', space + 1)) {
        std::string_view left = text.substr(0, space), right = text.substr(space + 1);
        if (first.search(left) && second.search(right)) return std::make_pair(std::string(left), std::string(right));
    }
    return std::nullopt;
}

std::optional<WageMeasure> wage_measure_in(std::string_view header) {
    const std::string folded = fold_key(header);  // the words below point into it
    auto words = folded_words(folded);
    if (has_word(words, {"median", "médiane", "médian"})) return WageMeasure::median;
    if (has_word(words, {"average", "avg", "mean", "moyen", "moyenne"})) return WageMeasure::average;
    if (has_word(words, {"low", "lowest", "minimum", "min", "bas", "faible"})) return WageMeasure::minimum;
    if (has_word(words, {"high", "highest", "maximum", "max", "haut", "élevé"})) return WageMeasure::maximum;
    if (has_word(words, {"starting", "entry", "départ"})) return WageMeasure::starting;
    if (has_word(words, {"top"})) return WageMeasure::top;
    return std::nullopt;
}

std::optional<WagePer> wage_period_in(std::string_view text) {
    const std::string folded = fold_key(text);  // the words below point into it
    auto words = folded_words(folded);
    if (has_word(words, {"hourly", "hour", "hr", "horaire", "heure"})) return WagePer::hour;
    if (has_word(words, {"annual", "annually", "yearly", "year", "annuel", "annuelle", "année"})) return WagePer::year;
    if (has_word(words, {"monthly", "month", "mensuel", "mensuelle", "mois"})) return WagePer::month;
    if (has_word(words, {"weekly", "week", "hebdomadaire", "semaine"})) return WagePer::week;
    return std::nullopt;
}

std::string guess_language(const Document& doc) {
    // Function words only one of the two languages uses often; a name or a borrowed phrase ("Où étudier en
    // Nouvelle-Écosse" on an English page) does not tip the count, a page of prose does.
    static constexpr std::array<std::string_view, 24> french = {
        "le",  "la", "les",  "des", "du",  "et",   "est",   "une", "pour", "dans", "avec", "sur",
        "aux", "au", "vous", "qui", "que", "sont", "cette", "ces", "leur", "par",  "peut", "être"};
    static constexpr std::array<std::string_view, 20> english = {"the",  "and",  "of", "to",   "in",    "is", "are",
                                                                 "for",  "with", "on", "that", "this",  "as", "by",
                                                                 "from", "or",   "be", "will", "their", "it"};
    constexpr int words_to_read = 600;
    constexpr int min_hits = 10;
    int read = 0, fr = 0, en = 0;
    for (const Block& b : doc.blocks) {
        if (b.kind != BlockKind::paragraph && b.kind != BlockKind::list_item) continue;
        std::string lower = detail::ascii_lower(b.text);
        for (auto w : folded_words(lower)) {
            if (std::find(french.begin(), french.end(), w) != french.end()) ++fr;
            if (std::find(english.begin(), english.end(), w) != english.end()) ++en;
            if (++read >= words_to_read) break;
        }
        if (read >= words_to_read) break;
    }
    if (fr >= min_hits && fr > 2 * en) return "fr";
    if (en >= min_hits && en > 2 * fr) return "en";
    return {};
}

OCCKIT_END_IMPL_NAMESPACE
