#include "support/text_util.hpp"

#include <unicode/normalizer2.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <mutex>

#include "occkit/decode.hpp"
#include "occkit/error.hpp"
#include "support/regex_deferral.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

std::string_view trim(std::string_view s) {
    const char* ws = " \t\r\n\f\v";
    auto b = s.find_first_not_of(ws);
    if (b == std::string_view::npos) return {};
    auto e = s.find_last_not_of(ws);
    return s.substr(b, e - b + 1);
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        auto pos = s.find(sep, start);
        if (pos == std::string_view::npos) {
            out.push_back(s.substr(start));
            return out;
        }
        out.push_back(s.substr(start, pos - start));
        start = pos + 1;
    }
}

bool contains(std::string_view haystack, std::string_view needle) {
    // glibc's memmem is much faster than string_view::find on the long folded pages detection searches.
    return ::memmem(haystack.data(), haystack.size(), needle.data(), needle.size()) != nullptr;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool starts_with_ascii_ci(std::string_view text, std::string_view lower_prefix) {
    if (lower_prefix.size() > text.size()) return false;
    for (std::size_t k = 0; k < lower_prefix.size(); ++k) {
        char c = text[k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != lower_prefix[k]) return false;
    }
    return true;
}

int count_words(std::string_view s) {
    int n = 0;
    bool in_word = false;
    for (char c : s) {
        bool space = c == ' ' || c == '\t' || c == '\n';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

char32_t next_code_point(std::string_view s, std::size_t& i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    if (c < 0x80) {
        ++i;
        return c;
    }
    int len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = c & (0x7F >> len);
    for (int k = 1; k < len; ++k) {
        unsigned char cc = byte(i + k);
        if ((cc >> 6) != 0x2) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8 either.
    constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < smallest[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        ++i;
        return 0xFFFD;
    }
    i += len;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

namespace {

// Only the letters French and English pages actually use need a mapping.
std::string_view without_accent(char32_t lower) {
    // Latin-1 lower-case letters U+00E0..U+00FF in order; '*' marks the ones with no plain form.
    constexpr std::string_view latin1_plain = "aaaaaa*ceeeeiiiidnooooo*ouuuuy*y";
    if (lower == U'æ') return "ae";
    if (lower == U'œ') return "oe";
    if (lower < 0xE0 || lower > 0xFF) return {};
    std::string_view plain = latin1_plain.substr(lower - 0xE0, 1);
    return plain == "*" ? std::string_view{} : plain;
}

}  // namespace

void append_folded_letter(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
        return;
    }
    char32_t lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
    std::string_view plain = without_accent(lower);
    if (!plain.empty())
        out += plain;
    else
        append_utf8(out, lower);
}

std::string_view utf8_prefix(std::string_view text, std::size_t bytes) {
    while (bytes > 0 && bytes < text.size() && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
    return text.substr(0, bytes);
}

std::string plural(std::size_t n, std::string_view word) {
    return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

bool is_xml_character(char32_t cp) {
    return cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
           (cp >= 0x10000 && cp <= 0x10FFFF);
}

std::string character_problem(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto byte = static_cast<unsigned char>(s[i]);
        if (byte >= 0x20 && byte < 0x80) {
            ++i;
            continue;
        }
        std::size_t start = i;
        char32_t cp = next_code_point(s, i);
        bool well_formed = !(cp == 0xFFFD && i - start == 1);  // a real U+FFFD is three bytes
        if (!well_formed) return "invalid UTF-8";
        if (!is_xml_character(cp)) {
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
            return std::string("character ") + code + " is not allowed in XML";
        }
    }
    return {};
}

std::string format_number(double v) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    if (ec != std::errc()) return "0";
    return std::string(buf, end);
}

struct Regex::Impl {
    // Compiled at construction, or at first use under DeferRegexCompilation (regex_deferral.hpp).
    std::string pattern_text;
    bool case_insensitive = false;
    mutable std::once_flag compile_once;
    mutable std::unique_ptr<icu::RegexPattern> pattern;
    mutable std::string compile_error;
    std::string literal;                    // lowercase ASCII text every match must contain; empty = no prefilter
    std::vector<std::string> alternatives;  // a match contains one of these (lowercase ASCII); empty = no prefilter
    bool anchored = false;                  // ... and starts with it
    std::vector<std::string> inner;         // ... and one of these (a later group's); empty = no prefilter
    std::array<bool, 256> opening_bytes{};  // anchored: the bytes (either case) the alternatives start with
    std::string origin;                     // where the pattern was written, for the time-out note

    // Idle matchers, reused: creating an ICU RegexMatcher for every search cost more than the search itself (the
    // chrome stage tries a dozen furniture phrases on every block). Shared between threads, hence the mutex.
    mutable std::mutex pool_mutex;
    mutable std::vector<std::unique_ptr<icu::RegexMatcher>> pool;

    const icu::RegexPattern& compiled() const;
    bool skipped(std::string_view text) const;
    std::unique_ptr<icu::RegexMatcher> take(const icu::UnicodeString& text) const;
    void give_back(std::unique_ptr<icu::RegexMatcher> m) const;
    std::unique_ptr<icu::RegexMatcher> find(const icu::UnicodeString& text, const std::string& pattern_text) const;
};

namespace {
thread_local RegexTimeoutScope* current_timeout_scope = nullptr;
}  // namespace

RegexTimeoutScope::RegexTimeoutScope() : previous_(current_timeout_scope) { current_timeout_scope = this; }
RegexTimeoutScope::~RegexTimeoutScope() { current_timeout_scope = previous_; }
RegexTimeoutScope* RegexTimeoutScope::current() { return current_timeout_scope; }

bool RegexTimeoutScope::has_timed_out(const void* regex) const {
    return std::find(timed_out_.begin(), timed_out_.end(), regex) != timed_out_.end();
}

void RegexTimeoutScope::record(const void* regex, std::string message) {
    if (has_timed_out(regex)) return;
    timed_out_.push_back(regex);
    messages_.push_back(std::move(message));
}

namespace {

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// The longest run of plain ASCII characters a match must contain, read off the pattern without a full regex
// parser: only text outside any group, class or alternation counts, and a character made optional by ?, * or {
// ends the run before it. Conservative: when unsure it returns less (or nothing), never something not required.
std::string required_literal(std::string_view p) {
    std::string best, run;
    auto end_run = [&] {
        std::string t(trim(run));
        if (t.size() > best.size()) best = t;
        run.clear();
    };
    int depth = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        char c = p[i];
        if (depth == 0 && c == '|') return {};  // top-level alternation: nothing is required
        if (c == '(') {
            end_run();
            ++depth;
            continue;
        }
        if (c == ')') {
            if (depth > 0) --depth;
            end_run();
            continue;
        }
        if (depth > 0) {
            if (c == '\\') ++i;
            continue;
        }
        if (c == '[') {  // a character class: skip it
            end_run();
            for (++i; i < p.size() && p[i] != ']'; ++i)
                if (p[i] == '\\') ++i;
            continue;
        }
        char literal = 0;
        if (c == '\\' && i + 1 < p.size()) {
            char e = p[++i];
            if (is_ascii_alnum(e)) {  // \d, \w, \b ...: not a literal
                end_run();
                continue;
            }
            literal = e;
        } else if (c == '.' || c == '^' || c == '$' || c == '+' || c == '*' || c == '?' || c == '{') {
            if (c == '?' || c == '*' || c == '{') {  // the previous character was optional
                if (!run.empty()) run.pop_back();
            }
            if (c == '{')
                while (i < p.size() && p[i] != '}') ++i;
            end_run();
            continue;
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            end_run();
            continue;
        } else {
            literal = c;
        }
        run += static_cast<char>(literal >= 'A' && literal <= 'Z' ? literal - 'A' + 'a' : literal);
    }
    end_run();
    return best;
}

// A character of a pattern the prefilter may compare byte for byte: ASCII (compared ignoring case), or a non-ASCII
// character case-insensitive matching cannot vary ("©", "»"; not "é", which also matches "É").
bool caseless_character(char32_t cp) {
    return cp < 0x80 || (!u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_CASED) &&
                         !u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_CHANGES_WHEN_CASEFOLDED));
}

// One group of plain alternatives opening at p[i] ('('): their text, lowercase ASCII, each cut before its first
// character the prefilter cannot compare ("Signaler un problème" needs "signaler un probl"); i is left on the ')'.
// Nothing when the group holds anything but plain text or an alternative would be cut to nothing.
std::vector<std::string> group_alternatives(std::string_view p, std::size_t& i) {
    ++i;
    if (p.substr(i).starts_with("?:")) i += 2;
    if (p.substr(i).starts_with("?<") && i + 2 < p.size() && is_ascii_alnum(p[i + 2])) {  // a named group
        std::size_t close = p.find('>', i);
        if (close == std::string_view::npos) return {};
        i = close + 1;
    }
    std::vector<std::string> alternatives(1);
    bool cut = false;  // the current alternative was cut short: ignore the rest of it
    for (; i < p.size() && p[i] != ')'; ++i) {
        char c = p[i];
        if (c == '|') {
            alternatives.emplace_back();
            cut = false;
            continue;
        }
        if (c == '\\' && i + 1 < p.size() && !is_ascii_alnum(p[i + 1]))
            c = p[++i];
        else if (std::string_view("\\.*+?[]{}()^$").find(c) != std::string_view::npos)
            return {};
        if (static_cast<unsigned char>(c) < 0x80) {
            if (!cut) alternatives.back() += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            continue;
        }
        std::size_t at = i;
        char32_t cp = next_code_point(p, at);
        cut = cut || !caseless_character(cp);
        if (!cut) alternatives.back() += p.substr(i, at - i);
        i = at - 1;
    }
    if (i >= p.size()) return {};
    for (const auto& a : alternatives)
        if (a.empty()) return {};
    return alternatives;
}

// "^(Sign in|Log in|Register)..." needs one of its leading alternatives; "^(Guest )?(Sign in|Log in)" one of
// either group's. Nothing when the pattern does not open with groups of plain alternatives, all but the last
// optional ('?'). `anchored`: the pattern opens with '^', so a match starts with an alternative.
// A '|' outside every group and class ("^(Sign in|Log in)|Register"): a match may then start with the other branch.
// Calls visit(i, c, depth) on each character of the pattern outside escapes and character classes, `depth` being
// how many groups are open before it, until a visit returns true; whether one did.
template <class Visit>
bool scan_pattern(std::string_view p, Visit visit) {
    int depth = 0;
    bool in_class = false;
    for (std::size_t i = 0; i < p.size(); ++i) {
        char c = p[i];
        if (c == '\\') {
            ++i;
        } else if (in_class) {
            in_class = c != ']';
        } else if (c == '[') {
            in_class = true;
        } else {
            if (visit(i, c, depth)) return true;
            if (c == '(') ++depth;
            if (c == ')') depth = depth > 0 ? depth - 1 : 0;
        }
    }
    return false;
}

bool has_top_level_alternation(std::string_view p) {
    return scan_pattern(p, [](std::size_t, char c, int depth) { return c == '|' && depth == 0; });
}

std::vector<std::string> leading_alternatives(std::string_view p, bool& anchored) {
    anchored = p.starts_with("^");
    if (has_top_level_alternation(p)) return {};
    std::size_t i = anchored ? 1 : 0;
    std::vector<std::string> all;
    while (i < p.size() && p[i] == '(') {
        auto alternatives = group_alternatives(p, i);
        if (alternatives.empty()) return {};
        all.insert(all.end(), alternatives.begin(), alternatives.end());
        char after = i + 1 < p.size() ? p[i + 1] : '\0';
        if (after == '*' || after == '{') return {};
        if (after != '?') return all;
        i += 2;
    }
    return {};  // the last group was optional: a match may start with anything
}

// "^(?<title>.+?)\s*\((?<scheme>NOC|CNP|OaSIS)..." needs "noc", "cnp" or "oasis" somewhere: the alternatives of the
// first group of plain ones outside every other group, when no quantifier makes it optional ('?', '*', '{') and no
// '|' outside every group offers another branch. Nothing when there is no such group.
std::vector<std::string> required_alternatives(std::string_view p) {
    if (has_top_level_alternation(p)) return {};
    std::vector<std::string> required;
    scan_pattern(p, [&](std::size_t i, char c, int depth) {
        if (c != '(' || depth != 0) return false;
        auto alternatives = group_alternatives(p, i);  // i moves to the group's ')': a copy of the caller's
        char after = i + 1 < p.size() ? p[i + 1] : '\0';
        if (alternatives.empty() || after == '?' || after == '*' || after == '{') return false;
        required = std::move(alternatives);
        return true;
    });
    return required;
}

// Runs before every layout regex on every block, so it jumps between occurrences of the needle's first letter
// (either case) with memchr instead of comparing at every position.
bool contains_ascii_ci(std::string_view text, std::string_view lower_needle) {
    if (lower_needle.empty()) return true;
    if (lower_needle.size() > text.size()) return false;
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    const char first = lower_needle[0];
    const char first_upper = first >= 'a' && first <= 'z' ? static_cast<char>(first - 'a' + 'A') : first;
    const std::size_t last_start = text.size() - lower_needle.size();
    auto next_of = [&](char c, std::size_t from) -> std::size_t {
        if (from > last_start) return std::string_view::npos;
        const void* p = std::memchr(text.data() + from, c, last_start - from + 1);
        return p ? static_cast<std::size_t>(static_cast<const char*>(p) - text.data()) : std::string_view::npos;
    };
    std::size_t at_lower = next_of(first, 0);
    std::size_t at_upper = first_upper == first ? std::string_view::npos : next_of(first_upper, 0);
    while (at_lower != std::string_view::npos || at_upper != std::string_view::npos) {
        std::size_t i = std::min(at_lower, at_upper);
        std::size_t k = 1;
        while (k < lower_needle.size() && lower(text[i + k]) == lower_needle[k]) ++k;
        if (k == lower_needle.size()) return true;
        if (i == at_lower) at_lower = next_of(first, i + 1);
        if (i == at_upper) at_upper = next_of(first_upper, i + 1);
    }
    return false;
}

}  // namespace

namespace {
thread_local bool regex_compilation_deferred = false;
}  // namespace

DeferRegexCompilation::DeferRegexCompilation() : previous_(regex_compilation_deferred) {
    regex_compilation_deferred = true;
}
DeferRegexCompilation::~DeferRegexCompilation() { regex_compilation_deferred = previous_; }
bool DeferRegexCompilation::active() { return regex_compilation_deferred; }

// The ICU pattern, compiled on the first call; throws occkit::Error when the pattern does not compile.
const icu::RegexPattern& Regex::Impl::compiled() const {
    std::call_once(compile_once, [this] {
        UErrorCode status = U_ZERO_ERROR;
        UParseError perr{};
        auto upattern = icu::UnicodeString::fromUTF8(
            icu::StringPiece(pattern_text.data(), static_cast<int32_t>(pattern_text.size())));
        pattern.reset(
            icu::RegexPattern::compile(upattern, case_insensitive ? UREGEX_CASE_INSENSITIVE : 0, perr, status));
        if (U_FAILURE(status) || !pattern) {
            pattern.reset();
            compile_error = "bad regular expression '" + pattern_text + "': " + u_errorName(status);
        }
    });
    if (!pattern) throw Error(compile_error);
    return *pattern;
}

Regex::Regex(std::string_view pattern, bool case_insensitive, std::string origin)
    : impl_(std::make_unique<Impl>()), pattern_(pattern) {
    impl_->origin = std::move(origin);
    impl_->pattern_text = std::string(pattern);
    impl_->case_insensitive = case_insensitive;
    // Only a case-insensitive pattern may be prefiltered case-insensitively; a case-sensitive one is rare here.
    if (case_insensitive) {
        impl_->literal = required_literal(pattern);
        impl_->alternatives = leading_alternatives(pattern, impl_->anchored);
        if (impl_->alternatives.empty()) impl_->inner = required_alternatives(pattern);
        for (const auto& a : impl_->alternatives) {
            auto first = static_cast<unsigned char>(a.front());
            impl_->opening_bytes[first] = true;
            if (first >= 'a' && first <= 'z') impl_->opening_bytes[first - 'a' + 'A'] = true;
        }
    }
    if (!DeferRegexCompilation::active()) impl_->compiled();
}
Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

namespace {

// ICU counts the time limit in units of 10,000 match steps. A real layout rule needs a few steps per character
// (under 100 even for a rule tried at every position), so the budget is a fixed 100 units (a million steps, a few
// milliseconds) plus one unit per 100 UTF-16 units of text: ample for any honest rule on a 1 MiB line, and a
// backtracking blow-up stops within milliseconds on the short lines where it doubles per character.
int32_t step_limit_for(int32_t text_units) {
    constexpr int32_t base_units = 100;
    constexpr int32_t chars_per_unit = 100;
    return base_units + text_units / chars_per_unit;
}

}  // namespace

// A matcher on `text`, from the pool or new, with the step limit for its length.
std::unique_ptr<icu::RegexMatcher> Regex::Impl::take(const icu::UnicodeString& text) const {
    std::unique_ptr<icu::RegexMatcher> m;
    {
        std::lock_guard<std::mutex> lock(pool_mutex);
        if (!pool.empty()) {
            m = std::move(pool.back());
            pool.pop_back();
        }
    }
    UErrorCode status = U_ZERO_ERROR;
    if (m)
        m->reset(text);
    else
        m.reset(compiled().matcher(text, status));
    if (U_FAILURE(status) || !m) return nullptr;
    m->setTimeLimit(step_limit_for(text.length()), status);
    if (U_FAILURE(status)) return nullptr;
    return m;
}

void Regex::Impl::give_back(std::unique_ptr<icu::RegexMatcher> m) const {
    constexpr std::size_t max_idle = 8;  // about one per thread that uses the pattern at once
    if (!m) return;
    static const icu::UnicodeString nothing;  // the text just searched dies with its caller: point at a static one
    m->reset(nothing);
    std::lock_guard<std::mutex> lock(pool_mutex);
    if (pool.size() < max_idle) pool.push_back(std::move(m));
}

// No need to run the matcher: the required literal is absent, or the regex already ran out of steps in this scope.
bool Regex::Impl::skipped(std::string_view text) const {
    // An anchored pattern's alternatives are tried on every block: most blocks start with none of their first
    // letters, which one look-up tells.
    if (anchored && !alternatives.empty() && (text.empty() || !opening_bytes[static_cast<unsigned char>(text[0])]))
        return true;
    if (!literal.empty() && !contains_ascii_ci(text, literal)) return true;
    if (!alternatives.empty() && std::none_of(alternatives.begin(), alternatives.end(), [&](const std::string& a) {
            return anchored ? starts_with_ascii_ci(text, a) : contains_ascii_ci(text, a);
        }))
        return true;
    if (!inner.empty() &&
        std::none_of(inner.begin(), inner.end(), [&](const std::string& a) { return contains_ascii_ci(text, a); }))
        return true;
    const RegexTimeoutScope* scope = RegexTimeoutScope::current();
    return scope && scope->has_timed_out(this);
}

// The first match, or nullptr; a match that ran out of steps is no match (and recorded in the current scope).
std::unique_ptr<icu::RegexMatcher> Regex::Impl::find(const icu::UnicodeString& text,
                                                     const std::string& pattern_text) const {
    auto m = take(text);
    if (!m) return nullptr;
    UErrorCode status = U_ZERO_ERROR;
    if (m->find(status) && U_SUCCESS(status)) return m;
    give_back(std::move(m));
    if (status == U_REGEX_TIME_OUT) {
        if (RegexTimeoutScope* scope = RegexTimeoutScope::current()) {
            std::string where = origin.empty() ? std::string("built-in rule") : origin;
            scope->record(this, where + ": regex '" + pattern_text +
                                    "' hit the match step limit; it counted as no match on this page");
        }
    }
    return nullptr;
}

bool Regex::search(std::string_view text) const {
    if (impl_->skipped(text)) return false;
    auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    auto m = impl_->find(u, pattern_);
    bool found = m != nullptr;
    impl_->give_back(std::move(m));
    return found;
}

std::optional<std::vector<std::string>> Regex::match(std::string_view text) const {
    if (impl_->skipped(text)) return std::nullopt;
    auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    auto m = impl_->find(u, pattern_);
    if (!m) return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    std::vector<std::string> groups;
    for (int32_t g = 0; g <= m->groupCount(); ++g) {
        std::string s;
        if (m->start(g, status) >= 0 && U_SUCCESS(status)) m->group(g, status).toUTF8String(s);
        status = U_ZERO_ERROR;
        groups.push_back(std::move(s));
    }
    impl_->give_back(std::move(m));
    return groups;
}

const std::string& Regex::literal() const { return impl_->literal; }

int Regex::group(std::string_view name) const {
    UErrorCode status = U_ZERO_ERROR;
    auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    int32_t n = impl_->compiled().groupNumberFromName(u, status);
    return U_SUCCESS(status) ? n : -1;
}

std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE

OCCKIT_BEGIN_IMPL_NAMESPACE

bool detail::is_space_code_point(char32_t cp) {
    switch (cp) {
        case 0x20:
        case 0x09:
        case 0x0A:
        case 0x0B:
        case 0x0C:
        case 0x0D:
        case 0x85:
        case 0xA0:
        case 0x1680:
        case 0x2028:
        case 0x2029:
        case 0x202F:
        case 0x205F:
        case 0x3000:
            return true;
        default:
            return cp >= 0x2000 && cp <= 0x200A;
    }
}

bool detail::is_invisible_code_point(char32_t cp) {
    return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF || cp == 0xAD;
}

bool detail::is_letter_code_point(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    auto c = static_cast<UChar32>(cp);
    return u_isUAlphabetic(c) || u_charType(c) == U_NON_SPACING_MARK;
}

std::string detail::quoted(std::string_view text, std::size_t max_code_points) {
    std::string out = "\"";
    std::size_t i = 0;
    for (std::size_t count = 0; i < text.size() && count < max_code_points; ++count) {
        std::size_t start = i;
        char32_t cp = next_code_point(text, i);
        if (cp == '"' || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp < 0x20) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(cp));
            out += escape;
        } else {
            out.append(text.substr(start, i - start));
        }
    }
    if (i < text.size()) out += "\xE2\x80\xA6";  // U+2026 HORIZONTAL ELLIPSIS
    out += '"';
    return out;
}

namespace {
bool is_digit_code_point(char32_t cp) { return cp >= '0' && cp <= '9'; }

// The end of the run of `kind` (word or number) that starts at `begin`.
std::size_t end_of_run(std::string_view text, std::size_t begin, detail::PieceKind kind) {
    std::size_t i = begin;
    while (i < text.size()) {
        std::size_t at = i;
        char32_t cp = detail::next_code_point(text, i);
        bool same = kind == detail::PieceKind::number ? is_digit_code_point(cp) : detail::is_letter_code_point(cp);
        if (!same) return at;
    }
    return i;
}
}  // namespace

detail::WordPiece detail::next_word_piece(std::string_view text, std::size_t pos) {
    WordPiece piece;
    std::size_t i = pos;
    while (i < text.size()) {
        std::size_t start = i;
        char32_t cp = next_code_point(text, i);
        if (is_space_code_point(cp)) {
            piece.space_before = true;
        } else if (!is_invisible_code_point(cp)) {
            piece.begin = start;
            piece.kind = is_digit_code_point(cp)    ? PieceKind::number
                         : is_letter_code_point(cp) ? PieceKind::word
                                                    : PieceKind::punct;
            piece.end = piece.kind == PieceKind::punct ? i : end_of_run(text, start, piece.kind);
            return piece;
        }
    }
    piece.begin = piece.end = text.size();
    return piece;
}

void detail::append_piece_key(std::string& out, std::string_view text, const WordPiece& piece) {
    std::string_view bytes = text.substr(piece.begin, piece.end - piece.begin);
    if (piece.kind == PieceKind::word) {
        for (std::size_t i = 0; i < bytes.size();) append_folded_letter(out, next_code_point(bytes, i));
    } else if (bytes == "\xE2\x80\x99" || bytes == "\xE2\x80\x98") {  // U+2019, U+2018
        out += '\'';                                                  // typographic apostrophes compare as ASCII
    } else {
        out.append(bytes);
    }
}

std::string normalize_space(std::string_view s) {
    // Written through a pointer into a buffer of the input's size (the output is never longer): this runs on every
    // block's text, and appending byte by byte was a measurable share of a conversion.
    std::string out(s.size(), '\0');
    char* begin = out.data();
    char* end = begin;
    bool pending_space = false;
    auto put = [&](std::string_view bytes) {
        if (pending_space && end != begin) *end++ = ' ';
        pending_space = false;
        std::memcpy(end, bytes.data(), bytes.size());
        end += bytes.size();
    };
    auto ordinary_ascii = [](unsigned char c) { return c < 0x80 && c != ' ' && (c < 0x09 || c > 0x0D); };
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (ordinary_ascii(c)) {  // fast path: a run of ASCII other than white space, copied at once
            std::size_t start = i;
            while (++i < s.size() && ordinary_ascii(static_cast<unsigned char>(s[i]))) {
            }
            put(s.substr(start, i - start));
            continue;
        }
        if (c < 0x80) {  // ASCII white space
            ++i;
            pending_space = true;
            continue;
        }
        std::size_t start = i;
        char32_t cp = detail::next_code_point(s, i);
        if (detail::is_space_code_point(cp))
            pending_space = true;
        else if (!detail::is_invisible_code_point(cp))
            put(s.substr(start, i - start));
    }
    out.resize(static_cast<std::size_t>(end - begin));
    return out;
}

bool detail::is_repetition(std::string_view s) {
    // Knuth-Morris-Pratt failure function: border[i] is the longest proper border of s[0, i]. s repeats a text of
    // length p = n - border[n-1] when p divides n and p < n.
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    const std::size_t n = s.size();
    if (n < 2) return false;
    std::vector<std::size_t> border(n, 0);
    for (std::size_t i = 1, k = 0; i < n; ++i) {
        while (k > 0 && lower(s[i]) != lower(s[k])) k = border[k - 1];
        if (lower(s[i]) == lower(s[k])) ++k;
        border[i] = k;
    }
    const std::size_t period = n - border[n - 1];
    return period < n && n % period == 0;
}

namespace {

// fold_key of plain ASCII text in one pass, into one string: spaces collapsed, letters lowered, trailing ':', ' '
// and '.' dropped. It runs on every block of every page. Nothing when the text holds a byte past ASCII.
std::optional<std::string> fold_ascii_key(std::string_view s) {
    std::string out(s.size(), '\0');
    char* const begin = out.data();
    char* end = begin;
    bool pending_space = false;
    for (char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80) return std::nullopt;
        if (c == ' ' || (c >= 0x09 && c <= 0x0D)) {
            pending_space = true;
            continue;
        }
        if (pending_space && end != begin) *end++ = ' ';
        pending_space = false;
        *end++ = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    while (end != begin && (end[-1] == ':' || end[-1] == ' ' || end[-1] == '.')) --end;
    out.resize(static_cast<std::size_t>(end - begin));
    return out;
}

}  // namespace

std::string fold_key(std::string_view s) {
    if (auto ascii = fold_ascii_key(s)) return std::move(*ascii);
    std::string spaced = normalize_space(s);
    // Drop trailing ':' and other closing punctuation a label or heading may carry.
    while (!spaced.empty() && (spaced.back() == ':' || spaced.back() == ' ' || spaced.back() == '.')) spaced.pop_back();
    bool ascii = true;
    for (char c : spaced)
        if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
    if (ascii) {
        for (char& c : spaced)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return spaced;  // lowered in place: no second string
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(spaced.data(), static_cast<int32_t>(spaced.size())));
    if (U_FAILURE(status)) return detail::ascii_lower(spaced);
    icu::UnicodeString folded = nfkc_cf->normalize(u, status);
    if (U_FAILURE(status)) return detail::ascii_lower(spaced);
    std::string out;
    folded.toUTF8String(out);
    // Typographic apostrophes fold to ASCII so "What Can I Do Now’s" matches "what can i do now's".
    std::string result;
    result.reserve(out.size());
    std::size_t i = 0;
    while (i < out.size()) {
        std::size_t start = i;
        char32_t cp = detail::next_code_point(out, i);
        if (cp == 0x2019 || cp == 0x2018)
            result += '\'';
        else
            result.append(out, start, i - start);
    }
    return result;
}

OCCKIT_END_IMPL_NAMESPACE
