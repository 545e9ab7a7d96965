// Date and wage attachment: where a date phrase or a wage found in a block goes (the page, the open section, the
// top section it closes), and which figures are another group's (after "Compared to: All Health").
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "layout/layout_rules.hpp"
#include "layout/section_path.hpp"
#include "occkit/dates.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

class DatesAndWages {
public:
    DatesAndWages(const LayoutRules& rules, SectionPath& path) : r_(rules), p_(path.profile), path_(path) {}

    // `may_close`: a date line alone closes its section when the layout says the date kind closes one.
    void attach_date(const DatePhrase& dp, int line, bool may_close);
    void extract_dates_and_wages(const Block& b, bool consumed_as_date, bool read_wages = true);
    // Wages in a table row (see the definition); returns how many wages the table's header gave.
    std::size_t wages_from_row(const Content& table, const TableRow& row, bool reconstructed);

    // Figures after "Compared to: All Health" are another group's, not the occupation's: no wage is read from them
    // until a section of another kind begins, or prose about the occupation.
    void begin_comparison(const std::string& kind) { comparing_ = kind; }
    void end_comparison() { comparing_.reset(); }
    bool comparing() const { return comparing_.has_value(); }
    void end_comparison_unless(const std::string& kind) {
        if (comparing_ && *comparing_ != kind) comparing_.reset();
    }

private:
    void add_wage(Wage w);
    std::optional<WagePer> period_of_open_sections();

    const LayoutRules& r_;
    Profile& p_;
    SectionPath& path_;
    std::optional<std::string> comparing_;  // kind of the section the comparison began in
};

OCCKIT_END_IMPL_NAMESPACE
