// Date and wage attachment (layout/dates_wages.hpp). Dates attach as the layout's date rules say (DateRule::Attach);
// wages go to the innermost open section, unless they are the comparison group's.
#include "layout/dates_wages.hpp"

#include <algorithm>

#include "model/wages_internal.hpp"
#include "occkit/wages.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

// "... was $78,116. Across all occupations in Nova Scotia, ... a median employment income of $43,600.": the
// second figure is the comparison's.
bool in_comparison_sentence(std::string_view text, std::string_view phrase) {
    std::size_t at = text.find(phrase);
    if (at == std::string_view::npos) return false;
    std::size_t start = text.rfind(". ", at);
    start = start == std::string_view::npos ? 0 : start + 2;
    std::string sentence = detail::ascii_lower(text.substr(start, 32));
    for (std::string_view lead : {"across all occupations", "for all occupations", "compared to", "compared with",
                                  "in comparison", "by comparison"})
        if (sentence.starts_with(lead)) return true;
    return false;
}

}  // namespace

void DatesAndWages::add_wage(Wage w) {
    if (comparing_) return;  // the comparison group's figure stays in the text, not among the occupation's wages
    path_.current()->wages.push_back(std::move(w));
}

void DatesAndWages::attach_date(const DatePhrase& dp, int line, bool may_close) {
    Date d;
    d.kind = dp.kind;
    d.precision = dp.date.precision;
    d.value = dp.date.iso();
    d.phrase = dp.phrase;
    d.line = line;
    auto attach = r_.attach_for(dp.kind);
    if (attach == DateRule::Attach::page || path_.open.empty()) {
        p_.dates.push_back(std::move(d));
        return;
    }
    if (attach == DateRule::Attach::closes) {
        path_.top()->dates.push_back(std::move(d));
        if (may_close) path_.closed = true;
        return;
    }
    Section* section = path_.current();
    // "Updated ..." belongs to the section only when it stands right under the heading; further down (a footer's
    // "Last updated") it dates the page.
    bool under_heading = path_.first_content || (section->content.empty() && section->subsections.empty());
    if (attach == DateRule::Attach::opens && !under_heading) {
        p_.dates.push_back(std::move(d));
        return;
    }
    section->dates.push_back(std::move(d));
}

// The period the open sections' headings name, innermost first ("Hourly Pay" under "Pay").
std::optional<WagePer> DatesAndWages::period_of_open_sections() {
    for (std::size_t depth = path_.open.size(); depth > 0; --depth) {
        Section* s = path_.top();
        for (std::size_t k = 1; k < depth; ++k) s = &s->subsections[path_.open[k].index];
        if (auto per = wage_period_in(s->heading)) return per;
    }
    return std::nullopt;
}

// Wages in a table row: a rebuilt row reads as "Minimum $23.65" with the period its heading names; under a header
// that names the measures, each amount is the measure of its column.
// Returns how many wages the header gave.
std::size_t DatesAndWages::wages_from_row(const Content& table, const TableRow& row, bool reconstructed) {
    const bool by_header = r_.tables.header_wages && table.rows.size() >= 2 && &row != &table.rows.front();
    if (!reconstructed && !by_header) return 0;  // the caller reads the row's text for wages itself
    std::string text;
    for (const auto& cell : row.cells) text += (text.empty() ? "" : " | ") + cell;
    auto heading_period = period_of_open_sections();
    if (reconstructed) {
        auto wages = find_wages(text);
        const bool row_names_period = !wages.empty() && wage_period_in(text);
        for (auto& w : wages) {
            if (heading_period && !row_names_period) w.per = *heading_period;
            w.line = row.line;
            add_wage(std::move(w));
        }
    }

    if (!by_header) return 0;
    const auto& header = table.rows.front().cells;
    // Column 0 labels the row ("Region", "Nova Scotia"), unless the header names a measure there and the row holds
    // an amount under it: "Low | Median | High" over "$18.00 | $24.50 | $32.00" has no label column.
    const bool first_is_figure = !header.empty() && !row.cells.empty() && wage_measure_in(header[0]) &&
                                 (parse_amount(row.cells[0]) || parse_amount("$" + row.cells[0]));
    std::size_t added = 0;
    for (std::size_t c = first_is_figure ? 0 : 1; c < row.cells.size() && c < header.size(); ++c) {
        auto measure = wage_measure_in(header[c]);
        const std::string& cell = row.cells[c];
        auto amount = parse_amount(cell);
        if (!amount && cell.find('$') == std::string::npos) amount = parse_amount("$" + cell);
        if (!measure || !amount) continue;
        Wage w;
        w.measure = *measure;
        w.value = *amount;
        auto per = wage_period_in(header[c]);
        if (!per) per = heading_period;
        w.per = per ? *per : detail::per_from_magnitude(*amount);
        w.phrase = text;
        w.line = row.line;
        add_wage(std::move(w));
        ++added;
    }
    return added;
}

void DatesAndWages::extract_dates_and_wages(const Block& b, bool consumed_as_date, bool read_wages) {
    std::string year_hint;
    bool has_digit = std::any_of(b.text.begin(), b.text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!has_digit) return;
    if (!consumed_as_date) {
        for (const auto& dp : find_date_phrases(b.text)) {
            if (dp.kind == DateKind::data_year) year_hint = std::to_string(dp.date.year);
            attach_date(dp, b.line, false);
        }
    }
    if (!read_wages) return;
    auto wages = find_wages(b.text, year_hint);
    // A bare amount under "Annual provincial median salary" is the median the heading names. Words counted once,
    // not per wage: a line of amounts would make that quadratic.
    constexpr int max_bare_amount_words = 3;
    const bool bare_amount =
        !wages.empty() && b.kind == BlockKind::paragraph && detail::count_words(b.text) <= max_bare_amount_words;
    for (auto& w : wages) {
        if (in_comparison_sentence(b.text, w.phrase)) continue;
        w.line = b.line;
        if (w.measure == WageMeasure::value && bare_amount)
            if (auto measure = wage_measure_in(path_.current()->heading)) w.measure = *measure;
        add_wage(std::move(w));
    }
}

OCCKIT_END_IMPL_NAMESPACE
