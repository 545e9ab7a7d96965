// Flattened tables: a table the page's text rendering flattened into lines ("$23.65" then "Minimum", "Nova Scotia
// Fair Fair"), read back into table rows as the layout's table rules say.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "layout/sections.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

class TableReader {
public:
    TableReader(const Page& page, PageOutput& out, SectionPath& path, Sectioner& sections, DatesAndWages& dates)
        : page_(page), out_(out), p_(out.profile()), path_(path), sections_(sections), dates_(dates) {}

    // Takes block i (and, for a key/value pair on two lines, the next one: i moves to it) as a rebuilt table row.
    bool try_table_row(std::size_t& i);

private:
    bool try_pair(std::size_t& i, const PairRule& rule);
    std::string add_table_row(std::size_t i, std::vector<std::string> cells);

    const Page& page_;
    PageOutput& out_;
    Profile& p_;
    SectionPath& path_;
    Sectioner& sections_;
    DatesAndWages& dates_;
};

OCCKIT_END_IMPL_NAMESPACE
