// The page as the layout engine reads it, and the profile it writes.
//
// Page: the blocks (glued ones cut apart), their fold keys and the chrome stage's verdicts, and what each block reads
// as under the layout's rules and its base layout's (a heading, a field label, the outline line, furniture). It is
// read-only once built, except for the page head that title finding marks as chrome.
// PageOutput: the profile and the --explain placements, the one thing every part of the engine writes to.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chrome/chrome.hpp"
#include "layout/layout_rules.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

// One entry of a navigation line listing the page's sections ("Duties | Working Conditions | ...").
struct OutlineEntry {
    std::string kind;
    std::string text;
    bool seen = false;
};

// A title line taken apart by a title pattern: the occupation's name, and a code or a fact it carries.
struct TitleParts {
    std::string name;
    std::optional<Code> code;
    std::string value;  // the group "value": a fact such as the region
    std::string topic;  // the group "topic": what the page tells of the occupation ("Job prospects")
};

class Page {
public:
    // `base` is the layout set's generic layout, whose headings, patterns and furniture the layout inherits; the
    // layout itself when the set has none (or the layout is the generic one).
    Page(const Document& doc, const LayoutRules& rules, const LayoutRules& base, std::vector<std::string> keys);

    const Document& doc() const { return doc_; }
    const LayoutRules& rules() const { return r_; }
    const LayoutRules& base() const { return g_; }
    bool has_base() const { return &r_ != &g_; }
    std::size_t size() const { return n_; }
    const Block& block(std::size_t i) const { return (*blocks_)[i]; }
    const std::string& key(std::size_t i) const { return keys_[i]; }
    // The page block that block i was cut from (i itself when nothing was glued).
    std::size_t origin(std::size_t i) const { return origin_.empty() ? i : origin_[i]; }
    bool was_unglued() const { return !origin_.empty(); }
    bool dense_text() const { return dense_text_; }

    bool is_chrome(std::size_t i) const { return chrome_[i].chrome; }
    std::string_view chrome_reason(std::size_t i) const { return chrome_[i].reason; }
    void mark_chrome(std::size_t i, std::string_view reason) { chrome_[i] = {true, reason}; }
    std::size_t next_content_block(std::size_t i) const;

    // The layout reads block i as one of its headings, fields or its outline line: never chrome.
    bool maps_content(std::size_t i) const {
        return heading_rule(i) != nullptr || field_for(i) != nullptr || outline_entries(i).has_value();
    }
    bool is_furniture(std::size_t i) const;
    const HeadingRule* heading_rule(std::size_t i) const;
    bool is_heading(std::size_t i, const HeadingRule* rule) const;
    bool opens_content(std::size_t i) const;
    bool states_code(std::size_t i) const;
    bool title_like(std::size_t i) const;
    std::optional<TitleParts> title_parts(std::string_view text) const;
    const FieldRule* field_for(std::size_t i) const;
    bool is_field_label(std::size_t i) const;
    std::optional<std::vector<OutlineEntry>> outline_entries(std::size_t i) const;
    std::string unnamed_heading_kind(std::size_t i) const;
    const std::string* keyword_kind(std::string_view folded) const;
    bool is_comparison_line(std::size_t i) const;

private:
    void unglue();
    std::vector<Block> split_glued(const Block& b) const;
    bool is_dense_text() const;
    bool is_short_line_heading(std::size_t i) const;

    const Document& doc_;
    const LayoutRules& r_;
    const LayoutRules& g_;
    const std::vector<Block>* blocks_;  // the page's blocks, or own_blocks_ once glued ones were split
    std::vector<Block> own_blocks_;
    std::vector<std::size_t> origin_;  // own_blocks_: index of the page block each came from
    std::vector<std::string> keys_;
    std::size_t n_ = 0;
    bool dense_text_ = false;                    // a text dump with no blank lines at all
    std::vector<detail::ChromeVerdict> chrome_;  // the chrome stage's verdict on each block
};

// What the engine builds: the profile, and where each block went (Placement, occkit/layout.hpp).
struct LaidOutPage {
    Profile profile;
    std::vector<Placement> placements;
};

class PageOutput {
public:
    PageOutput(const Page& page, bool record_placements);

    Profile& profile() { return out_.profile; }
    const Profile& profile() const { return out_.profile; }
    void place(std::size_t i, std::string where);
    // Whether placements are kept (--explain): a caller whose placement text costs building asks first.
    bool recording() const { return record_; }
    LaidOutPage finish();  // --explain keeps one line per page block: a split block's parts share it

private:
    const Page& page_;
    bool record_ = true;  // --explain; off saves a copy of a huge page's text
    LaidOutPage out_;
    std::vector<std::size_t> placed_blocks_;  // block of each placement
};

// Small readers of regex groups and text shapes that several parts of the engine share.
namespace detail {
bool ends_like_sentence(std::string_view s);
bool starts_upper_or_digit(std::string_view s);
bool is_text_block(const Block& b);
std::string_view group_or(const std::vector<std::string>& groups, int index);
// A named group's text, or empty when the pattern has no such group or it did not take part.
std::string_view named(const Regex& re, const std::vector<std::string>& groups, std::string_view name);
// A scheme as the canonical document spells it: layout regexes match case-insensitively ("noc-s").
std::string canonical_scheme(std::string_view scheme, std::string_view fallback);
}  // namespace detail

OCCKIT_END_IMPL_NAMESPACE
