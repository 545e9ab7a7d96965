// `occkit diff DIR1 DIR2`: the profiles of two snapshot folders paired by identity (occkit/archive.hpp), each pair
// diffed as `occkit diff` diffs two files, a profile found on one side only being added or removed.
#include <map>

#include "diff/diff_internal.hpp"
#include "archive_internal.hpp"
#include "occkit/archive.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

struct Pair {
    std::optional<Snapshot> old_side;
    std::optional<Snapshot> new_side;
};

ProfilePairDiff pair_diff(const std::string& key, const Pair& p) {
    ProfilePairDiff d;
    d.identity = key;
    static const Profile none;
    d.old_label = p.old_side ? p.old_side->label : "";
    d.new_label = p.new_side ? p.new_side->label : "";
    d.diff = diff_profiles(p.old_side ? p.old_side->profile : none, p.new_side ? p.new_side->profile : none);
    d.status = !p.old_side          ? Change::added
               : !p.new_side        ? Change::removed
               : d.diff.identical() ? Change::unchanged
                                    : Change::changed;
    return d;
}

}  // namespace

ArchiveDiff diff_archives(std::vector<KeyedSnapshot> old_side, std::vector<KeyedSnapshot> new_side,
                          const ArchiveOptions& options, std::vector<IdentityConflict>& conflicts) {
    std::map<std::string, Pair> pairs;
    for (auto& s : old_side) pairs[s.key].old_side = std::move(s.snapshot);
    for (auto& s : new_side) pairs[s.key].new_side = std::move(s.snapshot);
    ArchiveDiff out;
    out.summary.snapshots = static_cast<int>(old_side.size() + new_side.size());
    out.summary.dates = 2;
    for (const auto& [key, p] : pairs) {
        if (p.old_side && p.new_side)
            if (auto reason = profile_conflict(p.old_side->profile, p.new_side->profile)) {
                conflicts.push_back({key, p.old_side->label, p.new_side->label, *reason});
                if (!options.same_profile) continue;
            }
        out.profiles.push_back(pair_diff(key, p));
        detail::count_status(out.summary, out.profiles.back().status);
    }
    return out;
}

std::string write_archive_diff_text(const ArchiveDiff& diff, const DiffReportOptions& options, bool stat) {
    std::string out;
    for (const auto& p : diff.profiles) {
        if (p.status == Change::added) {
            out += "+ profile " + p.identity + ": only in " + options.new_label + "\n";
        } else if (p.status == Change::removed) {
            out += "- profile " + p.identity + ": only in " + options.old_label + "\n";
        } else if (p.status == Change::changed) {
            DiffReportOptions labels{p.old_label, p.new_label, options.color};
            out += stat ? write_diff_stat(p.diff, labels) : write_diff_text(p.diff, labels);
        }
    }
    return out + summary_line(diff.summary);
}

std::string write_archive_diff_json(const ArchiveDiff& diff) {
    detail::JsonWriter json(JsonStyle::pretty);
    json.begin_object();
    json.key("format").string("occkit-archive-diff");
    json.key("version").integer(1);
    json.key("identical").boolean(diff.identical());
    detail::write_summary_json(json, diff.summary);
    json.key("profiles").begin_array();
    for (const auto& p : diff.profiles) {
        if (p.status == Change::unchanged) continue;
        json.begin_object().key("identity").string(p.identity).key("status").string(to_string(p.status));
        json.key("diff");
        detail::write_diff_json_object(json, p.diff, {p.old_label, p.new_label, false});
        json.end_object();
    }
    json.end_array();
    json.end_object();
    return json.finish();
}

OCCKIT_END_IMPL_NAMESPACE
