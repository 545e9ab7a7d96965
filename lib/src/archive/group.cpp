// Snapshots of many profiles grouped by profile identity, one History per profile, and the summary of the set
// (occkit/archive.hpp). Grouping is a sort by key; each group then goes through build_history as a single profile's
// snapshots would, so an archive's timelines are the same as those of its profiles taken one by one.
#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <tuple>

#include "diff/diff_internal.hpp"
#include "support/text_util.hpp"
#include "archive_internal.hpp"
#include "occkit/archive.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

auto date_order(const CalendarDate& d) { return std::tuple(d.year, d.month, d.day); }

// Empty keys join the one other key when there is exactly one; otherwise they stay together under "".
void settle_empty_keys(std::vector<KeyedSnapshot>& snapshots, bool same_profile) {
    std::set<std::string> keys;
    for (const auto& s : snapshots)
        if (!s.key.empty()) keys.insert(s.key);
    if (same_profile && !keys.empty()) {
        for (auto& s : snapshots) s.key = *keys.begin();
    } else if (keys.size() == 1) {
        for (auto& s : snapshots)
            if (s.key.empty()) s.key = *keys.begin();
    }
}

// The first pair of snapshots in a group that are not the same profile, if any.
std::optional<IdentityConflict> conflict_in(const std::string& key, const std::vector<Snapshot>& group) {
    for (std::size_t k = 1; k < group.size(); ++k)
        if (auto reason = profile_conflict(group[0].profile, group[k].profile))
            return IdentityConflict{key, group[0].label, group[k].label, *reason};
    return std::nullopt;
}

// Snapshots named one by one that have two different keys.
std::optional<IdentityConflict> keys_conflict(const std::vector<KeyedSnapshot>& snapshots) {
    for (const auto& s : snapshots)
        if (s.key != snapshots.front().key)
            return IdentityConflict{s.key, snapshots.front().snapshot.label, s.snapshot.label,
                                    "identity " + snapshots.front().key + " vs " + s.key};
    return std::nullopt;
}

Change timeline_status(const History& h, const CalendarDate& first, const CalendarDate& last) {
    if (date_order(h.snapshots.front().date) > date_order(first)) return Change::added;
    if (date_order(h.snapshots.back().date) < date_order(last)) return Change::removed;
    bool changed = std::any_of(h.steps.begin(), h.steps.end(), [](const ProfileDiff& d) { return !d.identical(); });
    return changed ? Change::changed : Change::unchanged;
}

std::string code_key(const Profile& p) {
    if (p.codes.empty()) return {};
    const Code& c = p.codes.front();
    return c.scheme + " " + c.version + " " + c.value + "/" + p.source.jurisdiction + "/" + p.source.layout;
}

}  // namespace

void detail::count_status(ArchiveSummary& summary, Change status) {
    if (status == Change::added)
        ++summary.added;
    else if (status == Change::removed)
        ++summary.removed;
    else if (status == Change::changed)
        ++summary.changed;
    else
        ++summary.unchanged;
}

void detail::write_summary_json(JsonWriter& json, const ArchiveSummary& s) {
    json.key("summary").begin_object();
    json.key("unchanged").integer(s.unchanged).key("changed").integer(s.changed);
    json.key("added").integer(s.added).key("removed").integer(s.removed);
    json.key("snapshots").integer(s.snapshots).key("dates").integer(s.dates);
    json.end_object();
}

std::string snapshot_path_key(std::string_view relative) {
    static const std::regex dates(R"((^|[^0-9])([0-9]{4}-[0-9]{2}(-[0-9]{2})?|[0-9]{14})(?![0-9]))");
    std::string without = std::regex_replace(std::string(relative), dates, "$1");
    std::string key;
    for (auto part : detail::split(without, '/'))
        if (!part.empty()) key += (key.empty() ? "" : "/") + std::string(part);
    return key;
}

std::string profile_identity(const Profile& profile) {
    if (!profile.source.url.empty()) return "url:" + profile.source.url;
    std::string code = code_key(profile);
    return code.empty() ? std::string() : "code:" + code;
}

std::optional<std::string> profile_conflict(const Profile& a, const Profile& b) {
    if (!a.source.url.empty() && !b.source.url.empty() && a.source.url != b.source.url)
        return "URL " + a.source.url + " vs " + b.source.url;
    for (const Code& x : a.codes)
        for (const Code& y : b.codes)
            if (x.scheme == y.scheme && x.version == y.version && !x.version.empty() && x.value != y.value)
                return x.scheme + " " + x.version + " code " + x.value + " vs " + y.value;
    return std::nullopt;
}

ArchiveHistory build_archive_history(std::vector<KeyedSnapshot> snapshots, const ArchiveOptions& options,
                                     std::vector<IdentityConflict>& conflicts) {
    settle_empty_keys(snapshots, options.same_profile);
    if (options.one_profile && !options.same_profile)
        if (auto conflict = keys_conflict(snapshots)) {
            conflicts.push_back(*conflict);
            return {};
        }
    ArchiveHistory archive;
    std::map<std::string, std::vector<Snapshot>> groups;
    std::set<std::tuple<int, int, int>> dates;
    for (auto& s : snapshots) {
        dates.insert(date_order(s.snapshot.date));
        groups[s.key].push_back(std::move(s.snapshot));
    }
    archive.summary.snapshots = static_cast<int>(snapshots.size());
    archive.summary.dates = static_cast<int>(dates.size());
    if (groups.empty()) return archive;
    CalendarDate first{std::get<0>(*dates.begin()), std::get<1>(*dates.begin()), std::get<2>(*dates.begin())};
    CalendarDate last{std::get<0>(*dates.rbegin()), std::get<1>(*dates.rbegin()), std::get<2>(*dates.rbegin())};
    for (auto& [key, group] : groups) {
        if (auto conflict = conflict_in(key, group)) {
            conflicts.push_back(*conflict);
            if (!options.same_profile) continue;
        }
        ProfileTimeline timeline{key, Change::unchanged, build_history(std::move(group))};
        timeline.status = timeline_status(timeline.history, first, last);
        detail::count_status(archive.summary, timeline.status);
        archive.profiles.push_back(std::move(timeline));
    }
    return archive;
}

std::string summary_line(const ArchiveSummary& s) {
    return "profiles: " + std::to_string(s.unchanged) + " unchanged, " + std::to_string(s.changed) + " changed, " +
           std::to_string(s.added) + " added, " + std::to_string(s.removed) + " removed (" +
           detail::plural(static_cast<std::size_t>(s.snapshots), "snapshot") + ", " +
           detail::plural(static_cast<std::size_t>(s.dates), "date") + ")\n";
}

std::string write_archive_history_text(const ArchiveHistory& archive, const DiffReportOptions& options) {
    std::string out;
    for (const auto& p : archive.profiles) {
        out += "== " + p.identity + " (" + std::string(to_string(p.status)) + ")";
        if (p.status != Change::unchanged) {
            out += "\n" + write_history_text(p.history, options) + "\n";
            continue;
        }
        const Snapshot& last = p.history.snapshots.back();
        std::string title = last.profile.title ? detail::comparable_text(last.profile.title->text) : "";
        out += " \"" + title + "\": " + detail::plural(p.history.snapshots.size(), "snapshot") + "\n";
    }
    return out + summary_line(archive.summary);
}

std::string write_archive_history_json(const ArchiveHistory& archive) {
    detail::JsonWriter json(JsonStyle::pretty);
    json.begin_object();
    json.key("format").string("occkit-archive-history");
    json.key("version").integer(1);
    detail::write_summary_json(json, archive.summary);
    json.key("profiles").begin_array();
    for (const auto& p : archive.profiles) {
        json.begin_object().key("identity").string(p.identity).key("status").string(to_string(p.status));
        json.key("history");
        detail::write_history_json_object(json, p.history);
        json.end_object();
    }
    json.end_array();
    json.end_object();
    return json.finish();
}

OCCKIT_END_IMPL_NAMESPACE
