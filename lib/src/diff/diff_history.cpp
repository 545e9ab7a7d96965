// A profile's history: snapshots in date order, each diffed with the next, and a per-section timeline that follows
// each section through the diffs (a section of one version is the matched section of the next).
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include "diff/diff_internal.hpp"
#include "occkit/diff.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

auto date_order(const CalendarDate& d) { return std::tuple(d.year, d.month, d.day); }

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// Finds "YYYY-MM-DD" (with_day) or "YYYY-MM" not touching other digits.
std::optional<CalendarDate> dashed_date_in(std::string_view s, bool with_day) {
    const std::size_t length = with_day ? 10 : 7;
    for (std::size_t at = 0; at + length <= s.size(); ++at) {
        if (at > 0 && std::isdigit(static_cast<unsigned char>(s[at - 1]))) continue;
        if (at + length < s.size() && std::isdigit(static_cast<unsigned char>(s[at + length]))) continue;
        std::string_view c = s.substr(at, length);
        if (!all_digits(c.substr(0, 4)) || c[4] != '-' || !all_digits(c.substr(5, 2))) continue;
        if (with_day && (c[7] != '-' || !all_digits(c.substr(8, 2)))) continue;
        if (auto date = parse_iso_date(c)) return date;
    }
    return std::nullopt;
}

// A Wayback timestamp: 14 digits between non-digits, YYYYMMDDhhmmss; its day.
std::optional<CalendarDate> wayback_in(std::string_view s) {
    for (std::size_t at = 0; at + 14 <= s.size(); ++at) {
        if (at > 0 && std::isdigit(static_cast<unsigned char>(s[at - 1]))) continue;
        if (at + 14 < s.size() && std::isdigit(static_cast<unsigned char>(s[at + 14]))) continue;
        std::string_view c = s.substr(at, 14);
        if (!all_digits(c)) continue;
        std::string iso =
            std::string(c.substr(0, 4)) + "-" + std::string(c.substr(4, 2)) + "-" + std::string(c.substr(6, 2));
        if (auto date = parse_iso_date(iso)) return date;
    }
    return std::nullopt;
}

// A year alone between non-digits: "alis-cook-2017.txt" but not the NOC code in "2174.html".
std::optional<CalendarDate> year_in(std::string_view s) {
    for (std::size_t at = 0; at + 4 <= s.size(); ++at) {
        if (at > 0 && std::isdigit(static_cast<unsigned char>(s[at - 1]))) continue;
        if (at + 4 < s.size() && std::isdigit(static_cast<unsigned char>(s[at + 4]))) continue;
        std::string_view c = s.substr(at, 4);
        if (!all_digits(c)) continue;
        int year = std::stoi(std::string(c));
        if (year >= 1990 && year <= 2099) return CalendarDate{year, 0, 0, 0, DatePrecision::year};
    }
    return std::nullopt;
}

std::string stat_text(const ChangeStat& s) {
    std::string out;
    auto part = [&out](int n, char sign) {
        if (n) out += (out.empty() ? "" : " ") + std::string(1, sign) + std::to_string(n);
    };
    part(s.added, '+');
    part(s.removed, '-');
    part(s.changed, '~');
    part(s.moved, '>');
    if (s.words_added || s.words_removed)
        out += ", words +" + std::to_string(s.words_added) + " -" + std::to_string(s.words_removed);
    return out;
}

std::string snapshot_name(const History& h, std::size_t k) {
    return "#" + std::to_string(k + 1) + " " + h.snapshots[k].date.iso();
}

// Follows sections from one snapshot to the next through each step's matching.
class Timeline {
public:
    explicit Timeline(History& h) : h_(h), entity_of_(h.snapshots.size()) {}

    void build() {
        if (h_.snapshots.empty()) return;
        ProfileDiff first = diff_profiles(Profile{}, h_.snapshots[0].profile);  // every section "added"
        for (const auto& s : first.sections) follow(s, 0, first.warnings);
        for (std::size_t k = 0; k < h_.steps.size(); ++k)
            for (const auto& s : h_.steps[k].sections) follow(s, k + 1, h_.steps[k].warnings);
    }

private:
    History& h_;
    std::vector<std::unordered_map<int, std::size_t>> entity_of_;  // per snapshot: section pre-order index -> entity

    std::size_t entity_for(const SectionDiff& s, std::size_t snapshot) {
        if (snapshot > 0 && s.old_index >= 0) {
            auto found = entity_of_[snapshot - 1].find(s.old_index);
            if (found != entity_of_[snapshot - 1].end()) return found->second;
        }
        SectionHistory fresh;
        for (std::size_t k = 0; k < h_.snapshots.size(); ++k) {
            SectionVersion absent;
            absent.snapshot = k;
            fresh.versions.push_back(std::move(absent));
        }
        h_.sections.push_back(std::move(fresh));
        return h_.sections.size() - 1;
    }

    void follow(const SectionDiff& s, std::size_t snapshot, const std::vector<RevisionWarning>& warnings) {
        std::size_t e = entity_for(s, snapshot);
        SectionHistory& entity = h_.sections[e];
        SectionVersion& v = entity.versions[snapshot];
        v.present = s.new_index >= 0;
        v.status = s.status == Change::unchanged && s.moved ? Change::changed : s.status;
        v.units = s.new_units;
        v.stat = s.stat();
        v.revision_dates = s.new_revision_dates;
        for (const auto& w : warnings)
            if (w.path == s.path) v.warnings.push_back(w);
        if (v.present) {
            entity_of_[snapshot][s.new_index] = e;
            entity.path = s.path;
            entity.kind = s.kind;
            entity.heading = s.new_heading;
        } else if (entity.path.empty()) {
            entity.path = s.path;
            entity.kind = s.kind;
            entity.heading = s.old_heading;
        }
    }
};

// A version is worth a line when the section appeared, changed (its dates included) or went away.
bool worth_a_line(const SectionHistory& s, std::size_t k) { return s.versions[k].status != Change::unchanged; }

std::string version_line(const History& h, const SectionHistory& s, std::size_t k) {
    const SectionVersion& v = s.versions[k];
    std::ostringstream line;
    line << "  " << snapshot_name(h, k) << "  ";
    if (v.status == Change::added) {
        line << "first seen  " << v.units << (v.units == 1 ? " unit" : " units");
    } else if (v.status == Change::removed) {
        line << "removed";
    } else {
        std::string how = stat_text(v.stat);
        line << "changed  " << (how.empty() ? "moved" : how) << "; " << s.versions[k - 1].units << " → " << v.units
             << " units";
    }
    if (v.present && !v.revision_dates.empty()) line << "  [" << detail::dates_text(v.revision_dates) << "]";
    return line.str();
}

using detail::JsonWriter;

void json_snapshots(JsonWriter& json, const History& h) {
    json.key("snapshots").begin_array();
    for (const auto& s : h.snapshots) {
        json.begin_object();
        json.key("label").string(s.label);
        json.key("date").string(s.date.iso());
        json.key("dateSource").string(s.date_source);
        if (s.profile.title) json.key("title").string(detail::comparable_text(s.profile.title->text));
        json.end_object();
    }
    json.end_array();
}

// Field changes use the members of `occkit diff --format json`.
void json_profile_changes(JsonWriter& json, const History& h) {
    json.key("profile").begin_array();
    for (std::size_t k = 0; k < h.steps.size(); ++k) {
        if (h.steps[k].profile.empty()) continue;
        json.begin_object();
        json.key("snapshot").integer(static_cast<long long>(k + 1));
        json.key("changes");
        detail::write_json_field_changes(json, h.steps[k].profile);
        json.end_object();
    }
    json.end_array();
}

void json_version(JsonWriter& json, const SectionVersion& v) {
    json.begin_object();
    json.key("snapshot").integer(static_cast<long long>(v.snapshot));
    json.key("status").string(!v.present && v.status == Change::unchanged ? "absent" : to_string(v.status));
    json.key("present").boolean(v.present);
    json.key("units").integer(v.units);
    json.key("added").integer(v.stat.added);
    json.key("removed").integer(v.stat.removed);
    json.key("changed").integer(v.stat.changed);
    json.key("moved").integer(v.stat.moved);
    json.key("wordsAdded").integer(v.stat.words_added);
    json.key("wordsRemoved").integer(v.stat.words_removed);
    json.key("revisionDates").begin_array();
    for (const auto& d : v.revision_dates)
        json.begin_object().key("kind").string(to_string(d.kind)).key("value").string(d.value).end_object();
    json.end_array();
    json.key("warnings").begin_array();
    for (const auto& w : v.warnings)
        json.begin_object().key("kind").string(to_string(w.kind)).key("message").string(w.message).end_object();
    json.end_array();
    json.end_object();
}

}  // namespace

std::string detail::profile_title(const History& h) {
    for (auto it = h.snapshots.rbegin(); it != h.snapshots.rend(); ++it)
        if (it->profile.title) return detail::comparable_text(it->profile.title->text);
    return {};
}

std::optional<CalendarDate> newest_profile_date(const Profile& profile) {
    std::optional<CalendarDate> newest;
    auto consider = [&newest](const Date& d) {
        if (d.kind == DateKind::next_update || d.kind == DateKind::period || d.kind == DateKind::data_year) return;
        auto date = parse_iso_date(d.value);
        if (!date || date->precision == DatePrecision::span) return;
        if (!newest || date_order(*date) > date_order(*newest)) newest = date;
    };
    std::for_each(profile.dates.begin(), profile.dates.end(), consider);
    auto walk = [&](const std::vector<Section>& sections, auto&& self) -> void {
        for (const auto& s : sections) {
            std::for_each(s.dates.begin(), s.dates.end(), consider);
            self(s.subsections, self);
        }
    };
    walk(profile.sections, walk);
    return newest;
}

std::optional<CalendarDate> date_in_path(std::string_view path) {
    std::filesystem::path p{std::string(path)};
    std::vector<std::string> parts{p.stem().string()};
    for (auto dir = p.parent_path(); !dir.empty() && dir.has_filename(); dir = dir.parent_path())
        parts.push_back(dir.filename().string());
    for (bool with_day : {true, false})
        for (const auto& part : parts)
            if (auto date = dashed_date_in(part, with_day)) return date;
    for (const auto& part : parts)
        if (auto date = wayback_in(part)) return date;
    return year_in(parts.front());
}

History build_history(std::vector<Snapshot> snapshots) {
    History h;
    std::stable_sort(snapshots.begin(), snapshots.end(),
                     [](const Snapshot& a, const Snapshot& b) { return date_order(a.date) < date_order(b.date); });
    h.snapshots = std::move(snapshots);
    for (std::size_t k = 0; k + 1 < h.snapshots.size(); ++k)
        h.steps.push_back(diff_profiles(h.snapshots[k].profile, h.snapshots[k + 1].profile));
    Timeline(h).build();
    return h;
}

std::string write_history_text(const History& h, const DiffReportOptions& options) {
    std::ostringstream out;
    std::string title = detail::profile_title(h);
    out << "history of " << (title.empty() ? std::string("a profile") : "\"" + title + "\"") << ": "
        << h.snapshots.size() << (h.snapshots.size() == 1 ? " snapshot" : " snapshots") << '\n';
    for (std::size_t k = 0; k < h.snapshots.size(); ++k)
        out << "  " << snapshot_name(h, k) << "  " << h.snapshots[k].label << "  (date from "
            << h.snapshots[k].date_source << ")\n";
    bool profile_header = false;
    for (std::size_t k = 0; k < h.steps.size(); ++k) {
        std::string changes;
        for (const auto& f : h.steps[k].profile)
            changes += "  " + snapshot_name(h, k + 1) + "  " + detail::field_change_line(f, options.color) + "\n";
        for (const auto& w : h.steps[k].warnings)
            if (w.path.empty()) changes += "  " + snapshot_name(h, k + 1) + "  ! " + w.message + "\n";
        if (changes.empty()) continue;
        if (!profile_header) out << "\nprofile\n";
        profile_header = true;
        out << changes;
    }
    for (const auto& s : h.sections) {
        out << '\n' << detail::section_label(s.path, s.heading) << '\n';
        for (std::size_t k = 0; k < s.versions.size(); ++k) {
            if (!worth_a_line(s, k)) continue;
            out << version_line(h, s, k) << '\n';
            for (const auto& w : s.versions[k].warnings)
                out << "  " << snapshot_name(h, k) << "  ! " << w.message << '\n';
        }
    }
    return out.str();
}

void detail::write_history_json_object(JsonWriter& json, const History& h) {
    json.begin_object();
    json.key("format").string("occkit-history");
    json.key("version").integer(1);
    json_snapshots(json, h);
    json_profile_changes(json, h);
    json.key("sections").begin_array();
    for (const auto& s : h.sections) {
        json.begin_object();
        json.key("path").string(s.path);
        json.key("kind").string(s.kind);
        json.key("heading").string(s.heading);
        json.key("versions").begin_array();
        for (const auto& v : s.versions) json_version(json, v);
        json.end_array();
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

std::string write_history_json(const History& h, const DiffReportOptions&) {
    JsonWriter json(JsonStyle::pretty);
    detail::write_history_json_object(json, h);
    return json.finish();
}

OCCKIT_END_IMPL_NAMESPACE
