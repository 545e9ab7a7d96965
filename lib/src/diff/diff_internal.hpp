// Shared by diff.cpp (comparison), diff_write.cpp (reports, textconv) and diff_history.cpp. Not installed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/canonical.hpp"
#include "json/json_writer.hpp"
#include "occkit/diff.hpp"
#include "occkit/profile.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

// The form in which the diff compares and shows text: NFKC, white space collapsed (normalize_space).
std::string comparable_text(std::string_view text);

// A word of a text as ICU's word break iterator sees it; white space is not a word.
struct WordToken {
    std::string text;
    bool space_before = false;
};
std::vector<WordToken> split_words(std::string_view text);

std::vector<Date> revision_dates(const std::vector<Date>& dates);  // those is_revision_date (canonical.hpp) keeps
std::string dates_text(const std::vector<Date>& dates);            // "updated 2024-03-31, revised 2012-03"

// "duties: Duties", or the path alone when its last segment already names the heading ("duties[2]").
std::string section_label(std::string_view path, std::string_view heading);
// Changed, added, removed or moved: what the reports show.
inline bool section_shown(const SectionDiff& s) { return s.status != Change::unchanged || s.moved; }

// "43142", "21.4-27.9", with " USD" when not CAD and " (2010)" with a data year.
std::string wage_value_text(const Wage& wage);
std::string wage_subject(const Wage& wage);  // "average per year"
std::string date_subject(const Date& date);  // "updated", "period (employment-outlook)"

// The content the layout could not place, as the pseudo-section "unmapped", so it is compared and shown like any
// other section.
Section unmapped_section(const Profile& profile);

// The field-change pieces of the diff reports, shared with the history reports.
void write_json_field_changes(JsonWriter& json, const std::vector<FieldChange>& changes);
std::string field_change_line(const FieldChange& change, bool color);  // "~ fact outlook: [-Up-]{+above avg+}"

// write_diff_json's object, into a document of its own or inside another (the archive report).
void write_diff_json_object(JsonWriter& json, const ProfileDiff& diff, const DiffReportOptions& options);

// write_history_json's object, into a document of its own or inside another (the archive report).
void write_history_json_object(JsonWriter& json, const History& history);

// Every change of the diff counted: the profile's own fields and every section (reports, history, HTML report).
ChangeStat total_stat(const ProfileDiff& diff);

// The title of a history's newest snapshot that has one, as the diff shows text; empty when none has.
std::string profile_title(const History& history);

// Words in a run of a word diff, for the word counts of ChangeStat.
int count_words(const std::vector<WordRun>& runs, WordRun::Op op);

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE
