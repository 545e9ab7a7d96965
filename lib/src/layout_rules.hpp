// The parsed form of a layout file (schemas/layout.xsd). Plain data, shared read-only between threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "occkit/convert.hpp"
#include "occkit/layout.hpp"
#include "occkit/profile.hpp"
#include "text_util.hpp"

namespace occkit {

// One text pattern. Non-regex patterns compare against fold_key() of the text.
struct Matcher {
    enum class Mode { exact, prefix, contains, regex };
    Mode mode = Mode::exact;
    std::string key;                       // folded pattern (non-regex)
    std::shared_ptr<detail::Regex> regex;  // Mode::regex, on the normalised text

    bool matches(std::string_view folded, std::string_view text) const;
};

struct Signature {
    enum class In { text, html_title, label };
    Matcher matcher;
    int weight = 1;
    In in = In::text;
};

struct TitleRule {
    enum class From { first_line, line_before, none };
    From from = From::first_line;
    std::string before;  // folded heading text for line_before
    int max_words = 14;
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
    std::string items;  // "", "lines", or a separator such as ";"
};

struct InferRule {
    enum class When { money, opening_date };
    When when = When::money;
    std::string kind;
    std::string heading;
    int gap = 2;
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
    std::string id, name, jurisdiction, language;
    bool inherit_generic_headings = true;
    int threshold = 3;
    std::vector<Signature> signatures;
    TitleRule title;
    std::optional<std::pair<std::string, std::string>> intro;  // kind, heading
    std::vector<Matcher> chrome;
    std::vector<FieldRule> fields;
    std::vector<HeadingRule> headings;
    bool short_line_headings = false;
    std::optional<OutlineRule> outline;
    std::vector<InferRule> infers;
    std::vector<DateRule> dates;

    const HeadingRule* heading_for(std::string_view folded, std::string_view text) const;
    DateRule::Attach attach_for(DateKind kind) const;
};

// fold_key() of every block, computed once per page and shared by detection and the layout engine.
std::vector<std::string> fold_keys(const std::vector<Block>& blocks);
Detection detect_folded(const LayoutSet& set, const Document& doc, const std::vector<std::string>& keys);
Conversion apply_layout_folded(const Document& doc, const Layout& layout, std::vector<std::string> keys,
                               bool record_placements = true);

}  // namespace occkit
