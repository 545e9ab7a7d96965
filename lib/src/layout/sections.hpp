// Sectioning: which section each block of content goes to. Headings open sections (nested by level), the page's
// outline line and the layout's infer rules open those whose heading the page lost, a closing date ends one, and
// content (paragraphs, lists, table rows) is placed in the innermost open section or kept as unmapped.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "layout/dates_wages.hpp"
#include "layout/fields.hpp"
#include "layout/page.hpp"
#include "layout/section_path.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

class Sectioner {
public:
    Sectioner(const Page& page, PageOutput& out, SectionPath& path, DatesAndWages& dates, FieldReader& fields)
        : page_(page),
          out_(out),
          p_(out.profile()),
          path_(path),
          dates_(dates),
          fields_(fields),
          intro_(page.rules().intro),
          widest_gap_(widest_gap(page)) {}

    // Heading levels counted from the page's top, and the section the text under the title opens.
    void start(std::size_t title);
    bool try_outline(std::size_t i);
    void open_heading(std::size_t i, const HeadingRule* rule);
    bool try_date_only(std::size_t i);
    void add_content(std::size_t i);
    // Where block i's content goes: the open (or inferred) section, else nullptr (unmapped).
    std::vector<Content>* content_target(std::size_t i);

private:
    int heading_level_shift(std::size_t title) const;
    void choose_intro(std::size_t title);
    bool intro_from_topic(std::string_view topic);
    Section& open_section(const std::string& kind, const std::string& heading, bool inferred, int line, int level,
                          const std::string& items, bool as_child, bool holds_list = false);
    const OutlineEntry* next_outline_entry() const;
    void mark_outline_seen(const std::string& kind);
    void infer_section_for_opening_date(const DatePhrase& dp, const Block& b);
    bool has_section(const std::string& kind) const;
    bool infer_applies(const InferRule& rule, std::size_t i, const Section* open) const;
    bool ensure_section_for(std::size_t i);
    bool gap_of_at_least(const Block& b, int gap) const;
    static int widest_gap(const Page& page);

    const Page& page_;
    PageOutput& out_;
    Profile& p_;
    SectionPath& path_;
    DatesAndWages& dates_;
    FieldReader& fields_;
    std::vector<OutlineEntry> outline_;
    std::optional<std::pair<std::string, std::string>> intro_;  // kind and heading of the text before any heading
    std::size_t lead_in_heading_ = SIZE_MAX;  // a lead-in line that became its inferred section's heading
    int level_shift_ = 0;                     // how far below h2 the page's top section headings sit
    int widest_gap_ = 0;                      // the most blank lines the page leaves before any block
};

// The content of `kind` at the end of `target` to append to: the last one when it is of that kind, else a new one.
Content& last_content_of_kind(std::vector<Content>& target, Content::Kind kind, int line);

OCCKIT_END_IMPL_NAMESPACE
