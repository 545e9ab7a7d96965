// The HTML report of `occkit diff --format html` and `occkit history --format html`: one self-contained page a
// person opens in a browser, with nothing to fetch (inline CSS and SVG, no script, no font, no framework), so it
// can be mailed, archived or opened offline years later and still read the same.
//
// What the page holds, built from the diffs the diff module already computed (no second comparison is made):
//  - for a folder, several folders or a web archive, an index first (table#index): every profile that changed,
//    sorted by the amount of change, each linking to its part of the page (a#p-N -> section.profile#p-N);
//  - per profile, each changed section's changes word by word, old and new side by side (removed words in <del>,
//    added ones in <ins>, a table.changes per section);
//  - for a history, a timeline: an inline <svg class="chart"> with one bar per snapshot (its height the amount of
//    change against the previous snapshot), a mark where the page's own revised/updated date moved, and a table
//    of the snapshots with their dates.
// "Content changed but its date did not" (RevisionWarning::content_changed_date_not) is flagged wherever it
// applies with the class "stale" (a red bar in the chart, a marked row, a "⚑" note by the section), so it stands
// out; "date moved, content did not" has the class "date-only". Every text taken from the pages is HTML-escaped.
// The amount of change is ChangeStat::total() plus the words added and removed inside changed units.
//
// Thread-safe (pure functions of their arguments); nothing throws besides std::bad_alloc.
#pragma once

#include "occkit/api.hpp"

#include <string>

#include "occkit/archive.hpp"
#include "occkit/diff.hpp"

OCCKIT_BEGIN_NAMESPACE

// Two versions of one profile. The labels of `options` name the two sides; colour is ignored.
std::string write_diff_html(const ProfileDiff& diff, const DiffReportOptions& options = {});

// Two snapshot folders (diff_archives): the index, then each changed profile; added and removed ones are listed.
std::string write_archive_diff_html(const ArchiveDiff& diff, const DiffReportOptions& options = {});

// One profile's history: its timeline, then the changes at each snapshot.
std::string write_history_html(const History& history, const DiffReportOptions& options = {});

// Many profiles' histories (build_archive_history): the summary and the index, then each profile as
// write_history_html shows it (unchanged profiles are counted, not shown).
std::string write_archive_history_html(const ArchiveHistory& archive, const DiffReportOptions& options = {});

OCCKIT_END_NAMESPACE
