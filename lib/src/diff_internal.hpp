// Shared by diff.cpp (comparison), diff_write.cpp (reports, textconv) and diff_history.cpp. Not installed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "json_writer.hpp"
#include "occkit/diff.hpp"
#include "occkit/profile.hpp"

namespace occkit::detail {

// The form in which the diff compares and shows text: NFKC, white space collapsed (normalize_space).
std::string comparable_text(std::string_view text);

// A word of a text as ICU's word break iterator sees it; white space is not a word.
struct WordToken {
    std::string text;
    bool space_before = false;
};
std::vector<WordToken> split_words(std::string_view text);

// revised, updated, modified: the dates a site sets when it revises a section.
bool is_revision_date(const Date& date);
std::vector<Date> revision_dates(const std::vector<Date>& dates);

// "43142", "21.4-27.9", with " USD" when not CAD and " (2010)" with a data year.
std::string wage_value_text(const Wage& wage);
std::string wage_subject(const Wage& wage);  // "average per year"
std::string code_subject(const Code& code);  // "NOC 2016", "OaSIS 2023", "NOC"
std::string date_subject(const Date& date);  // "updated", "period (employment-outlook)"

// The content the layout could not place, as the pseudo-section "unmapped", so it is compared and shown like any
// other section.
Section unmapped_section(const Profile& profile);

// The field-change pieces of the diff reports, shared with the history reports.
void write_json_field_changes(JsonWriter& json, const std::vector<FieldChange>& changes);
std::string field_change_line(const FieldChange& change, bool color);  // "~ fact outlook: [-Up-]{+above avg+}"

// Words in a run of a word diff, for the word counts of ChangeStat.
int count_words(const std::vector<WordRun>& runs, WordRun::Op op);

}  // namespace occkit::detail
