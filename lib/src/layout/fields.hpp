// Title and field extraction: the title line taken apart, the layout's fields (label/value lines, a label over the
// next line or the list items after it), and the codes and facts a line mentions.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/code_index.hpp"
#include "layout/page.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

class FieldReader {
public:
    FieldReader(const Page& page, PageOutput& out) : page_(page), out_(out), p_(out.profile()) {}

    // Takes block i as a field when one of the layout's fields matches it; a label's value lines after it are
    // taken too, and i moves to the last block taken.
    bool try_field(std::size_t& i);
    void take_title(std::size_t i);
    bool restates_title(std::size_t i) const;
    void read_mentions(std::string_view text, int line, bool in_title);

private:
    void take_whole_line_field(std::size_t i, const FieldRule& rule, const std::vector<std::string>& groups);
    std::size_t take_next_line_value(std::size_t i, const FieldRule& rule, const std::vector<std::string>& groups);
    std::size_t take_item_values(std::size_t i, const FieldRule& rule, const std::vector<std::string>& groups);
    void apply_field(const FieldRule& rule, std::string_view label, std::string_view value, std::string_view line_text,
                     int line, const std::vector<std::string>& label_groups);
    void add_fact(const FieldRule& rule, std::string_view label, std::string v, std::string_view line_text, int line);
    void add_code(const FieldRule& rule, std::string_view item, int line, const std::vector<std::string>& label_groups);
    bool add_code_once(Code code);
    void keep_unmapped(std::string text, int line);
    void read_mentions_of(const LayoutRules& rules, std::string_view text, int line, bool in_title,
                          std::optional<MentionRule::To> only = std::nullopt);

    const Page& page_;
    PageOutput& out_;
    Profile& p_;
    detail::CodeIndex code_index_;  // p_.codes by scheme and value
};

OCCKIT_END_IMPL_NAMESPACE
