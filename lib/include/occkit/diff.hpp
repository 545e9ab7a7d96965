/// @file
/// What changed between two versions of a profile, in the profile's own terms (title, codes, facts, sections, list
/// items, paragraphs, dates, wages), and the history of a profile over many snapshots.
///
/// Only content counts: source line numbers and provenance (sha256, format, charset, URL) never do, and neither do
/// white space, Unicode normalisation forms (NFKC), a paragraph re-wrapped over several lines, nor HTML vs text input.
///
/// Sections are matched by kind, and by heading among sections of a kind that repeats; a section whose place among
/// its siblings changed is "moved". Inside a section, paragraphs, list items and table rows form one sequence of
/// units matched on their normalised text by a longest common subsequence (Myers, O((N+M)D)); a unit removed in one
/// place and added unchanged in another is "moved"; a removed and an added unit that share most of their words are
/// "changed" and carry a word-level diff (ICU word boundaries).
#pragma once

#include "occkit/api.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "occkit/dates.hpp"
#include "occkit/profile.hpp"

OCCKIT_BEGIN_NAMESPACE

/// What happened to a value, a unit or a section between two versions.
enum class Change { unchanged, added, removed, changed, moved };
std::string_view to_string(Change change);  ///< "unchanged", "added", "removed", "changed", "moved"

/// A run of words of a word-level diff. Consecutive words with the same op form one run.
struct WordRun {
    /// What the diff did with the words of a run.
    enum class Op { same, removed, added };
    Op op = Op::same;           ///< same in both versions, only in the old, or only in the new
    std::string text;           ///< the words as written, with the spaces between them
    bool space_before = false;  ///< the first word was preceded by a space
};
std::string_view to_string(WordRun::Op op);  ///< "same", "removed", "added"

/// Word-level diff of two texts (ICU word boundaries; white space separates but is not a word).
std::vector<WordRun> diff_words(std::string_view old_text, std::string_view new_text);

/// A change to one value: the title, an alternate title, a code, a fact, a heading, a date or a wage.
struct FieldChange {
    std::string field;  ///< "title", "alternate-title", "code", "fact", "heading", "date", "wage"
    std::string
        subject;  ///< which one: "NOC 2016", a fact name, a date kind, "average per year"; empty for title/heading
    Change change = Change::changed;  ///< added, removed or changed
    std::string old_value;            ///< empty when added
    std::string new_value;            ///< empty when removed
    std::vector<WordRun> words;       ///< changed text values (title, alternate title, fact, heading): word diff
};

/// A change to one unit of section content.
struct ContentChange {
    /// What kind of unit changed.
    enum class Unit { paragraph, item, row };
    Change change = Change::changed;  ///< added, removed, changed or moved
    Unit unit = Unit::paragraph;      ///< a paragraph, a list item or a table row
    std::string old_text;             ///< empty when added
    std::string new_text;             ///< empty when removed
    int old_position = 0;             ///< 1-based place among the section's units in the old version; 0 = none
    int new_position = 0;             ///< ... in the new version
    std::vector<WordRun> words;       ///< changed: the word-level diff
};
std::string_view to_string(ContentChange::Unit unit);  ///< "paragraph", "item", "row"

/// Counts for --stat and history: one per change record; words only for changed units and values.
struct ChangeStat {
    int added = 0;          ///< values or units added
    int removed = 0;        ///< values or units removed
    int changed = 0;        ///< values or units changed
    int moved = 0;          ///< units moved
    int words_added = 0;    ///< words added inside changed values and units
    int words_removed = 0;  ///< words removed inside changed values and units

    int total() const { return added + removed + changed + moved; }  ///< change records, whatever their kind
    ChangeStat& operator+=(const ChangeStat& other);                 ///< adds the counts of `other`
};

/// One section of either version and what changed in it.
struct SectionDiff {
    std::string path;                   ///< "duties", "other[NOC Codes]" (heading added when the kind repeats),
                                        ///< "duties/other[Special duties]" for a subsection
    std::string kind;                   ///< section kind (canonical vocabulary)
    std::string old_heading;            ///< empty when added
    std::string new_heading;            ///< empty when removed
    int depth = 0;                      ///< 0 for a top-level section
    Change status = Change::unchanged;  ///< added, removed, changed or unchanged (content, heading, dates, wages)
    bool moved = false;                 ///< its place among its siblings changed
    int old_position = 0;               ///< 1-based place among its siblings; 0 = none
    int new_position = 0;               ///< ... in the new version
    int old_index = -1;               ///< index in the old profile's sections in document order (pre-order); -1 = none
    int new_index = -1;               ///< ... in the new profile
    int old_units = 0;                ///< paragraphs, items and rows
    int new_units = 0;                ///< ... in the new version
    std::vector<FieldChange> fields;  ///< heading, dates and wages
    std::vector<ContentChange> content;    ///< units, in new-document order
    std::vector<Date> old_revision_dates;  ///< revised / updated / modified dates of the section, old version
    std::vector<Date> new_revision_dates;  ///< ... new version

    const std::string& heading() const {
        return new_heading.empty() ? old_heading : new_heading;
    }                         ///< the new heading, else the old one
    ChangeStat stat() const;  ///< the counts of this section's changes
};

/// "Revision consistency": what a site's own revision dates claim against what changed.
struct RevisionWarning {
    /// Which claim the dates make that the content contradicts.
    enum class Kind {
        content_changed_date_not,  ///< the section's content changed but its revised/updated date did not
        date_changed_content_not,  ///< the date moved but the content did not
    };
    Kind kind = Kind::content_changed_date_not;  ///< which check failed
    std::string path;                            ///< section path; empty for the page as a whole
    std::string message;                         ///< one line
};
std::string_view to_string(RevisionWarning::Kind kind);  ///< "content-changed-date-not", "date-changed-content-not"

/// Everything that changed between two versions of a profile.
struct ProfileDiff {
    std::vector<FieldChange> profile;       ///< title, alternate titles, codes, facts, page-level dates and wages
    std::vector<SectionDiff> sections;      ///< every section of either version (unchanged ones too), new order with
                                            ///< removed ones where they were; content the layout could not place is
                                            ///< the pseudo-section "unmapped" at the end
    std::vector<RevisionWarning> warnings;  ///< revision dates that contradict the content ("!" lines)

    bool identical() const;           ///< true when nothing changed at all
    ChangeStat profile_stat() const;  ///< the counts of the profile's own fields
};

/// Compares two versions of a profile (either may be empty: an added or removed profile).
ProfileDiff diff_profiles(const Profile& old_profile, const Profile& new_profile);

// --- Reports -------------------------------------------------------------------------------------------------------

/// How the diff and history reports are written.
struct DiffReportOptions {
    std::string old_label;  ///< file names shown in the header
    std::string new_label;  ///< file name shown in the header for the new side
    bool color = false;     ///< ANSI colours (as `git diff --color --word-diff=color`), instead of [-...-]{+...+}
};

/// Text like `git diff --word-diff`, in profile terms: "+ item: ...", "- paragraph: ...", "~ paragraph: a [-b-]{+c+}",
/// "> item: ... (3 → 5)", "@@ duties "Duties" @@ changed", "! content changed but ...". Empty when identical.
std::string write_diff_text(const ProfileDiff& diff, const DiffReportOptions& options = {});

/// One line per changed section (and one for the profile's own fields), then a summary line. Empty when identical.
std::string write_diff_stat(const ProfileDiff& diff, const DiffReportOptions& options = {});

/// JSON (pretty-printed), stable: new members may be added, none renamed or removed while "version" is 1.
/// {"format": "occkit-diff", "version": 1, "old": label, "new": label, "identical": bool,
///  "summary": {"added", "removed", "changed", "moved", "wordsAdded", "wordsRemoved",
///              "sectionsAdded", "sectionsRemoved", "sectionsChanged", "sectionsMoved"},
///  "profile": [field change...],
///  "sections": [{"path", "kind", "oldHeading", "newHeading", "status", "moved", "oldPosition", "newPosition",
///                "oldUnits", "newUnits", "fields": [field change...], "content": [content change...]}...],
///  "warnings": [{"kind", "path", "message"}...]}
/// Only sections that changed or moved are listed. Field change: {"field", "subject", "change", "old", "new",
/// "words"}; content change: {"change", "unit", "old", "oldPosition", "new", "newPosition", "words"}. A side that
/// does not exist is left out ("old" of an addition, "newHeading" of a removed section); "words" only on changes
/// with a word diff: [{"op": "same"|"removed"|"added", "text", "spaceBefore"}...].
std::string write_diff_json(const ProfileDiff& diff, const DiffReportOptions& options = {});

/// A profile as normalised text, one value or unit per line, for `git diff` textconv and for reading: no line
/// numbers, no provenance, white space and Unicode forms normalised as the diff sees them.
std::string write_profile_text(const Profile& profile);

// --- History -------------------------------------------------------------------------------------------------------

/// One version of a profile, dated, for build_history.
struct Snapshot {
    std::string label;        ///< file name as given
    CalendarDate date;        ///< the snapshot's date: `--date`, a date in the path, or the profile's newest date
    std::string date_source;  ///< "option", "path" or "profile"
    Profile profile;          ///< the profile read from it
};

/// The newest revised/updated/modified/produced/published/copyright date in a profile, if any.
std::optional<CalendarDate> newest_profile_date(const Profile& profile);

/// A date in a path: YYYY-MM-DD, else YYYY-MM, in the file name then in its directories (nearest first), else a
/// Wayback-style timestamp (YYYYMMDDhhmmss, 14 digits standing alone: "web/20221017093000/...") read as its day,
/// else a year (1990-2099) standing alone in the file name ("alis-cook-2017.txt").
std::optional<CalendarDate> date_in_path(std::string_view path);

/// One section in one snapshot.
struct SectionVersion {
    std::size_t snapshot = 0;           ///< index into History::snapshots
    Change status = Change::unchanged;  ///< added (first seen), removed, changed, unchanged; moved counts as changed
    bool present = false;               ///< the section exists in this snapshot
    int units = 0;                      ///< paragraphs, items and rows in this snapshot
    ChangeStat stat;                    ///< against the previous snapshot
    std::vector<Date> revision_dates;   ///< the section's revised/updated/modified dates in this snapshot
    std::vector<RevisionWarning>
        warnings;  ///< revision dates that contradict the content, against the previous snapshot
};

/// One section across every snapshot.
struct SectionHistory {
    std::string path;                      ///< as in the latest snapshot that has the section
    std::string kind;                      ///< section kind (canonical vocabulary)
    std::string heading;                   ///< heading in the latest snapshot that has the section
    std::vector<SectionVersion> versions;  ///< one per snapshot, in date order
};

/// A profile's snapshots in date order, the diff of each with the next, and every section's versions.
struct History {
    std::vector<Snapshot> snapshots;       ///< sorted by date (stable)
    std::vector<ProfileDiff> steps;        ///< steps[i]: snapshots[i] -> snapshots[i + 1]
    std::vector<SectionHistory> sections;  ///< in order of first appearance
};

/// Sorts the snapshots by date (stable for equal dates) and diffs each with the next.
History build_history(std::vector<Snapshot> snapshots);

/// Per section: the versions in which it changed, how much, and its revision dates; then the profile's own changes.
std::string write_history_text(const History& history, const DiffReportOptions& options = {});

/// JSON: {"format": "occkit-history", "version": 1,
///        "snapshots": [{"label", "date", "dateSource", "title"}...],
///        "profile": [{"snapshot", "changes": [field change...]}...]   (versions whose profile fields changed),
///        "sections": [{"path", "kind", "heading", "versions": [{"snapshot", "status", "present", "units",
///                      "added", "removed", "changed", "moved", "wordsAdded", "wordsRemoved",
///                      "revisionDates": [{"kind", "value"}...], "warnings": [...]}...]}...]}
/// Every section has one version entry per snapshot ("status" "absent" where it does not exist).
std::string write_history_json(const History& history, const DiffReportOptions& options = {});

OCCKIT_END_NAMESPACE
