/// @file
/// Archives of many profiles, each kept at several dates (a folder per snapshot date, or a web archive): snapshots
/// grouped by profile identity into one History per profile, a summary of the set, and the reports on it.
///
/// A snapshot's identity is the path inside its snapshot folder when it came from one, else its source URL, else
/// its codes with jurisdiction and layout. Snapshots of one identity that still disagree on who they are (two URLs,
/// two different codes of one scheme and version) are never silently merged: build_archive_history refuses them
/// unless told they are the same profile.
#pragma once

#include "occkit/api.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "occkit/diff.hpp"

OCCKIT_BEGIN_NAMESPACE

/// "url:<url>", else "code:<scheme> <version> <code>/<jurisdiction>/<layout>" for the first code, else empty.
std::string profile_identity(const Profile& profile);

/// The key of a file found in a snapshot folder: its path below the folder without the dates in it (YYYY-MM-DD,
/// YYYY-MM, Wayback timestamps) and the empty segments they leave, so "2022-10-17/2174.html" and "2174.html" are one
/// profile, and so are "bee-2010-06-01.xml" and "bee-2012-06-01.xml".
std::string snapshot_path_key(std::string_view relative);

/// Why two snapshots of one identity are not the same profile ("URL a vs b", "NOC 2016 code 2174 vs 2175"), or
/// nothing when they may be.
std::optional<std::string> profile_conflict(const Profile& a, const Profile& b);

/// One profile's timeline in an archive: its identity, status across the dates, and history.
struct ProfileTimeline {
    std::string identity;               ///< the grouping key ("path:2174.html", "url:...", "code:...")
    Change status = Change::unchanged;  ///< added (absent from the first date), removed (from the last), changed
    History history;                    ///< the snapshots, in date order, and the diff of each with the next
};

/// Profile counts of an archive run.
struct ArchiveSummary {
    int unchanged = 0;  ///< profiles with no change between the first and last dates
    int changed = 0;    ///< profiles that changed
    int added = 0;      ///< profiles absent from the first date
    int removed = 0;    ///< profiles absent from the last date
    int snapshots = 0;  ///< snapshots read
    int dates = 0;      ///< distinct dates
};

/// The timelines of every profile in a set of snapshots (`occkit history` over folders or web archives).
struct ArchiveHistory {
    std::vector<ProfileTimeline> profiles;  ///< sorted by identity
    ArchiveSummary summary;                 ///< the counts over every profile
};

/// A snapshot with its grouping key: Snapshot::label names the file, `key` its identity ("path:..." for a file
/// found in a snapshot folder, else profile_identity, else empty: then it joins the only other identity given).
struct KeyedSnapshot {
    std::string key;    ///< the identity the snapshot is grouped under
    Snapshot snapshot;  ///< the snapshot itself
};

/// Snapshots of one key whose profiles conflict (profile_conflict), found by build_archive_history.
struct IdentityConflict {
    std::string key;          ///< the identity both snapshots were grouped under
    std::string first_label;  ///< the first snapshot's label
    std::string other_label;  ///< the conflicting snapshot's label
    std::string reason;       ///< why they differ (profile_conflict)
};

/// How build_archive_history and diff_archives group snapshots.
struct ArchiveOptions {
    bool same_profile = false;  ///< put conflicting snapshots into one timeline anyway (and all keys into one)
    bool one_profile = false;   ///< the snapshots were named one by one: two keys are a conflict, not two profiles
};

/// Groups the snapshots by key and builds each profile's history. Conflicts are returned in `conflicts`, and the
/// conflicting snapshots' group is left out unless options.same_profile.
ArchiveHistory build_archive_history(std::vector<KeyedSnapshot> snapshots, const ArchiveOptions& options,
                                     std::vector<IdentityConflict>& conflicts);

/// Every timeline's text report (write_history_text) one after another, then "profiles: N unchanged, N changed,
/// N added, N removed (S snapshots, D dates)".
std::string write_archive_history_text(const ArchiveHistory& archive, const DiffReportOptions& options = {});

/// {"format": "occkit-archive-history", "version": 1, "summary": {"unchanged", "changed", "added", "removed",
///  "snapshots", "dates"}, "profiles": [{"identity", "status", "history": <write_history_json's object>}...]}
std::string write_archive_history_json(const ArchiveHistory& archive);

/// One row per profile, snapshot and section (RFC 4180, header first):
/// profile,snapshot,date,label,section,heading,status,units,words_added,words_removed,revised,warning
std::string write_archive_history_csv(const ArchiveHistory& archive);

/// "profiles: N unchanged, N changed, N added, N removed (S snapshots, D dates)".
std::string summary_line(const ArchiveSummary& summary);

// --- Two snapshot folders -------------------------------------------------------------------------------------------

/// One profile of two snapshot folders: how it changed from the old folder to the new.
struct ProfilePairDiff {
    std::string identity;               ///< the grouping key both sides share
    Change status = Change::unchanged;  ///< added (only in NEW), removed (only in OLD), changed, unchanged
    std::string old_label;              ///< empty when added
    std::string new_label;              ///< empty when removed
    ProfileDiff diff;                   ///< against an empty profile when added or removed
};

/// Two snapshot folders compared profile by profile (`occkit diff DIR1 DIR2`).
struct ArchiveDiff {
    std::vector<ProfilePairDiff> profiles;  ///< sorted by identity
    ArchiveSummary summary;                 ///< the counts over every profile
    bool identical() const {
        return summary.changed + summary.added + summary.removed == 0;
    }  ///< true when no profile changed, appeared or disappeared
};

/// Pairs the two sides by key and diffs each pair; a pair whose profiles conflict is reported in `conflicts` and
/// left out unless options.same_profile. The snapshots' dates are not used.
ArchiveDiff diff_archives(std::vector<KeyedSnapshot> old_side, std::vector<KeyedSnapshot> new_side,
                          const ArchiveOptions& options, std::vector<IdentityConflict>& conflicts);

/// Each changed profile's diff (write_diff_text, or write_diff_stat when `stat`), "+ profile KEY: only in NEW" and
/// "- profile KEY: only in OLD" lines, then the summary line.
std::string write_archive_diff_text(const ArchiveDiff& diff, const DiffReportOptions& options, bool stat);

/// {"format": "occkit-archive-diff", "version": 1, "identical", "summary": {...as history...},
///  "profiles": [{"identity", "status", "diff": <write_diff_json's object>}...]}  (unchanged profiles left out)
std::string write_archive_diff_json(
    const ArchiveDiff& diff);  ///< "profiles: 280 unchanged, 3 changed, 0 added, 0 removed"

OCCKIT_END_NAMESPACE
