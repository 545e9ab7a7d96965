// The parsed form of a layout file (schemas/layout.xsd). Plain data, shared read-only between threads.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "occkit/layout.hpp"
#include "occkit/profile.hpp"
#include "support/text_util.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

// One text pattern. Non-regex patterns compare against fold_key() of the text; `repeated` (no pattern: the text is
// one text written twice or more, detail::is_repetition) looks at the normalised text.
struct Matcher {
    enum class Mode { exact, prefix, contains, regex, repeated };
    Mode mode = Mode::exact;
    std::string key;                       // folded pattern (non-regex)
    std::shared_ptr<detail::Regex> regex;  // Mode::regex, on the normalised text

    bool matches(std::string_view folded, std::string_view text) const;
};

// A list of matchers (heading rules, chrome lines, furniture lines) asked "which is the first to match this line?" of
// every line of every page. Its exact matchers, most of any list, are found by their folded key in one hash look-up;
// only the others (prefix, contains, regex, repeated) are tried one by one. The answer is the one a scan of the list
// in order gives. It holds positions, not pointers, so the rules it indexes may be copied or moved.
class MatcherIndex {
public:
    static constexpr std::size_t none = static_cast<std::size_t>(-1);

    // `matcher_at(k)` is the k-th matcher of the list, for k < count.
    template <class MatcherAt>
    void build(std::size_t count, MatcherAt matcher_at) {
        for (std::size_t k = 0; k < count; ++k) {
            const Matcher& m = matcher_at(k);
            if (m.mode == Matcher::Mode::exact)
                exact_.emplace(m.key, k);  // of two exact matchers with one key, the first in the list answers
            else
                others_.push_back(k);
        }
    }

    // The position of the first matcher matching the line, or `none`; `with_exact` false leaves the exact ones out.
    template <class MatcherAt>
    std::size_t first(MatcherAt matcher_at, std::string_view folded, std::string_view text,
                      bool with_exact = true) const {
        const std::size_t exact = with_exact ? exact_position(folded) : none;
        for (std::size_t k : others_) {
            if (k > exact) break;
            if (matcher_at(k).matches(folded, text)) return k;
        }
        return exact;
    }

private:
    struct KeyHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
    };

    std::size_t exact_position(std::string_view folded) const {
        if (exact_.empty()) return none;
        auto it = exact_.find(folded);
        return it == exact_.end() ? none : it->second;
    }

    std::unordered_map<std::string, std::size_t, KeyHash, std::equal_to<>> exact_;  // folded key -> position
    std::vector<std::size_t> others_;                                               // positions, in list order
};

struct Signature {
    enum class In { text, html_title, label };
    Matcher matcher;
    int weight = 1;
    In in = In::text;
};

struct TitleRule {
    enum class From { first_line, best_line, line_before, none };
    From from = From::first_line;
    std::string before;  // folded heading text for line_before
    int max_words = 14;
    // Take the title line apart, tried in order: groups title, code, scheme, version, value. The attribute's pattern
    // first, then the <pattern> children (ICU regexes cannot name one group twice, so shapes are separate patterns).
    std::vector<std::shared_ptr<detail::Regex>> patterns;
    std::string scheme = "NOC";  // of a code in the title
    std::string version;
    std::string fact;  // fact named by the group "value"
};

// Cuts a glued block in two (schemas/layout.xsd, unglue/split).
struct SplitRule {
    std::shared_ptr<detail::Regex> pattern;  // anchored at the start; group "first" or 1 is the first block
};

// A code or fact stated inside the page's text (schemas/layout.xsd, mentions).
struct MentionRule {
    enum class To { code, fact };
    enum class In { content, title, any };
    To to = To::code;
    In in = In::content;
    std::shared_ptr<detail::Regex> pattern;
    std::string scheme = "NOC";  // codes
    std::string version;         // codes
    std::string name;            // facts
};

// A key and its value on consecutive lines (or one line): a row of a flattened table.
struct PairRule {
    std::shared_ptr<detail::Regex> key;    // anchored: the whole line
    std::shared_ptr<detail::Regex> value;  // anchored: the whole line
    bool value_first = false;
};

struct TableRules {
    std::vector<PairRule> pairs;
    bool doubled = false;                   // "Nova Scotia Fair Fair" rows
    std::shared_ptr<detail::Regex> header;  // doubled tables: the header line, groups = cells
    bool header_wages = false;              // wages from tables whose first row names the measures
};

struct FieldRule {
    enum class To { fact, alternate_titles, codes, title };
    enum class ValueOn { same_line, next_line, items };
    Matcher label;
    std::string label_text;  // as written in the layout, for messages
    To to = To::fact;
    std::string name;
    std::string split;
    std::string scheme;
    std::string version;
    std::shared_ptr<detail::Regex> code_pattern;  // groups: code, label (named or 1, 2)
    ValueOn value_on = ValueOn::same_line;
    std::string join;         // facts: append repeated matches to one fact with this separator
    bool abbreviate = false;  // facts: keep the first letter only
};

struct HeadingRule {
    Matcher matcher;
    std::string kind;
    std::string parent;
    std::string parent_heading;
    std::string items;        // "", "lines", or a separator such as ";"
    int level = 0;            // outline depth when the layout gives one (2-6); 0 = none given
    bool holds_list = false;  // captions only the list after it
};

struct InferRule {
    enum class When { money, opening_date, gap, match, lead_in };
    When when = When::money;
    std::string kind;
    std::string heading;
    int gap = 2;
    std::shared_ptr<detail::Regex> pattern;  // match, lead-in
};

struct OutlineRule {
    std::string separator = "|";
    int min_parts = 3;
};

struct DateRule {
    enum class Attach { closes, opens, section, page };
    DateKind kind = DateKind::revised;
    Attach attach = Attach::section;
};

struct LayoutRules {
    std::string origin;  // the layout file (or "built-in layout x.xml"): names a regex that hits its step limit
    std::string id, name, jurisdiction, language;
    bool inherit_generic_headings = true;
    int threshold = 3;
    std::vector<Signature> signatures;
    TitleRule title;
    std::optional<std::pair<std::string, std::string>> intro;  // kind, heading
    std::vector<Matcher> chrome;
    std::vector<Matcher> furniture;  // never a title or a heading (schemas/layout.xsd)
    std::vector<SplitRule> splits;
    std::vector<FieldRule> fields;
    std::vector<MentionRule> mentions;
    std::vector<HeadingRule> headings;
    std::vector<std::pair<std::string, std::string>> keywords;  // folded keyword, section kind
    bool short_line_headings = false;
    std::optional<OutlineRule> outline;
    std::vector<InferRule> infers;
    TableRules tables;
    std::vector<DateRule> dates;

    // Built once the rules are read (index_matchers), for the questions asked of every line.
    MatcherIndex heading_index, chrome_index, furniture_index;
    void index_matchers();

    // The first heading rule matching a block. A label/value block ("Compared to: All Health") is a heading only
    // for rules that say how they match (prefix, contains, regex): an exact heading is never a "Label: value" line.
    const HeadingRule* heading_for(std::string_view folded, std::string_view text, bool label_value = false) const;
    // Whether one of the layout's chrome lines, or furniture lines, names the line.
    bool lists_chrome(std::string_view folded, std::string_view text) const;
    bool lists_furniture(std::string_view folded, std::string_view text) const;
    DateRule::Attach attach_for(DateKind kind) const;
    // The kind the first keyword found at a word start of the folded heading gives; nullptr when none is.
    const std::string* keyword_kind(std::string_view folded) const;
};

// The occupation's code by its shape where the page names no version: five digits are NOC 2021, "nnnnn.nn" is an
// OaSIS code (whatever scheme the rule assumed).
void infer_code_version(Code& code);

// fold_key() of every block, computed once per page and shared by detection and the layout engine
// (layout/layout_engine.hpp).
std::vector<std::string> fold_keys(const std::vector<Block>& blocks);
Detection detect_folded(const LayoutSet& set, const Document& doc, const std::vector<std::string>& keys);

// Flattened tables and wage words (layout_text.cpp).
std::optional<std::vector<std::string>> doubled_row(std::string_view text);  // "Nova Scotia Fair Fair"
std::optional<std::pair<std::string, std::string>> split_pair_line(std::string_view text, const detail::Regex& first,
                                                                   const detail::Regex& second);
std::optional<WageMeasure> wage_measure_in(std::string_view header);  // "Median ($/hour)" -> median
std::optional<WagePer> wage_period_in(std::string_view text);         // "Hourly Pay" -> hour

// "fr" or "en" when the page's text clearly reads as French or English (common function words counted over its
// first few hundred words), otherwise empty. Cheap: it runs on every page.
std::string guess_language(const Document& doc);

OCCKIT_END_IMPL_NAMESPACE
