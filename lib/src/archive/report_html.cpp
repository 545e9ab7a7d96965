// The HTML report (occkit/report_html.hpp): a page assembled from strings, one small function per part (a word
// diff's side, a row, a section, the chart, the timeline, the index). Everything it shows comes from the diffs
// already made (ProfileDiff, History::steps, their word runs), so the page and the text and JSON reports can never
// disagree. Every text from a page goes through `esc` before it reaches the output; markup is only ever ours.
// No script: the page is plain HTML and inline SVG, and <details> folds what is long without JavaScript.
#include "occkit/report_html.hpp"

#include <algorithm>
#include <sstream>
#include <string_view>

#include "diff/diff_internal.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

// ---- Text and page -------------------------------------------------------------------------------------------------

std::string esc(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

constexpr std::string_view style = R"(
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#1d232a;background:#fafafa}
main{max-width:1200px;margin:0 auto;padding:1rem 1.5rem 3rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.3rem;margin:0 0 .3rem}h3{font-size:1.05rem;margin:1.4rem 0 .4rem}
h4{font-size:.95rem;margin:.9rem 0 .3rem}
.summary,.labels,.identity{color:#4a5560;margin:.2rem 0}
section.profile{background:#fff;border:1px solid #d6dbe0;border-radius:6px;padding:1rem 1.2rem;margin:1.5rem 0}
table{border-collapse:collapse;width:100%;margin:.3rem 0}
th,td{border:1px solid #e1e5e9;padding:.25rem .5rem;text-align:left;vertical-align:top}
thead th{background:#eef1f4;font-weight:600}
table.changes td{width:44%}table.changes th[scope=row]{width:12%;font-weight:normal;color:#4a5560;white-space:nowrap}
td.date{white-space:nowrap}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
del{background:#fbd3d0;color:#7c1d16;text-decoration:line-through}
ins{background:#cdeccf;color:#14532d;text-decoration:none}
tr.added td.new,tr.removed td.old{background:#f7faf7}
tr.moved th{color:#6b3fa0}
.status{font-weight:normal;color:#4a5560;font-size:.85rem}
.flag{display:inline-block;border-radius:4px;padding:.1rem .45rem;margin:.2rem 0;font-size:.9rem}
.flag.stale{background:#fde2c4;color:#7a3e00;border:1px solid #e69a3c;font-weight:600}
.flag.date-only{background:#e6eefc;color:#1e3a70;border:1px solid #9db5e6}
tr.stale td,tr.stale th{background:#fff3e4}
div.section.stale{border-left:4px solid #e69a3c;padding-left:.6rem}
h3.stale::after{content:" \2691";color:#c05a00}
.chart-box{overflow-x:auto;margin:.5rem 0}
svg.chart{display:block;background:#fff}
svg.chart .bar{fill:#4a78b5}svg.chart .bar.stale{fill:#d9480f}svg.chart .revised{fill:#e0a800;stroke:#7a5c00}
svg.chart .axis{stroke:#9aa5b1}svg.chart text{font:10px system-ui,sans-serif;fill:#4a5560}
.legend{font-size:.85rem;color:#4a5560}
.key{display:inline-block;width:.8rem;height:.8rem;vertical-align:middle;margin:0 .25rem 0 .8rem}
.key.bar{background:#4a78b5}.key.stale{background:#d9480f}.key.revised{background:#e0a800;border-radius:50%}
a{color:#1d4ed8}
)";

std::string page_start(const std::string& title) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"generator\" content=\"occkit\">\n<title>" +
           esc(title) + "</title>\n<style>" + std::string(style) + "</style>\n</head>\n<body>\n<main>\n";
}

constexpr std::string_view page_end = "</main>\n</body>\n</html>\n";

std::string header(const std::string& heading, const std::string& labels, const std::string& summary) {
    std::string out = "<header>\n<h1>" + esc(heading) + "</h1>\n";
    if (!labels.empty()) out += "<p class=\"labels\">" + esc(labels) + "</p>\n";
    if (!summary.empty()) out += "<p class=\"summary\">" + esc(summary) + "</p>\n";
    return out + "</header>\n";
}

std::string anchor(std::size_t profile) { return "p-" + std::to_string(profile + 1); }

// ---- Amounts and flags ---------------------------------------------------------------------------------------------

int amount(const ChangeStat& s) { return s.total() + s.words_added + s.words_removed; }
int amount(const ProfileDiff& d) { return amount(detail::total_stat(d)); }

bool flagged(const ProfileDiff& d, const std::string& path) {
    return std::any_of(d.warnings.begin(), d.warnings.end(), [&](const RevisionWarning& w) {
        return w.kind == RevisionWarning::Kind::content_changed_date_not && w.path == path;
    });
}

int stale_count(const ProfileDiff& d) {
    return static_cast<int>(std::count_if(d.warnings.begin(), d.warnings.end(), [](const RevisionWarning& w) {
        return w.kind == RevisionWarning::Kind::content_changed_date_not;
    }));
}

// ---- One diff ------------------------------------------------------------------------------------------------------

// One side of a word diff: the unchanged words and those of `side` (removed: old, added: new), marked.
std::string words_html(const std::vector<WordRun>& runs, WordRun::Op side) {
    std::string out;
    for (const auto& run : runs) {
        if (run.op != WordRun::Op::same && run.op != side) continue;
        if (run.space_before && !out.empty()) out += ' ';
        if (run.op == WordRun::Op::same)
            out += esc(run.text);
        else
            out += (side == WordRun::Op::removed ? "<del>" : "<ins>") + esc(run.text) +
                   (side == WordRun::Op::removed ? "</del>" : "</ins>");
    }
    return out;
}

struct Sides {
    std::string old_html;
    std::string new_html;
};

Sides sides(Change change, const std::string& old_text, const std::string& new_text, const std::vector<WordRun>& w) {
    switch (change) {
        case Change::added:
            return {"", "<ins>" + esc(new_text) + "</ins>"};
        case Change::removed:
            return {"<del>" + esc(old_text) + "</del>", ""};
        case Change::changed:
            if (!w.empty()) return {words_html(w, WordRun::Op::removed), words_html(w, WordRun::Op::added)};
            return {"<del>" + esc(old_text) + "</del>", "<ins>" + esc(new_text) + "</ins>"};
        default:
            return {esc(old_text), esc(new_text)};
    }
}

std::string row(const std::string& what, Change change, const Sides& s) {
    return "<tr class=\"" + std::string(to_string(change)) + "\"><th scope=\"row\">" + esc(what) +
           "</th><td class=\"old\">" + s.old_html + "</td><td class=\"new\">" + s.new_html + "</td></tr>\n";
}

std::string field_row(const FieldChange& f) {
    std::string name = f.field;
    std::replace(name.begin(), name.end(), '-', ' ');
    if (!f.subject.empty()) name += " " + f.subject;
    return row(name, f.change, sides(f.change, f.old_value, f.new_value, f.words));
}

std::string content_row(const ContentChange& c) {
    std::string what(to_string(c.unit));
    if (c.change == Change::moved)
        what += " moved " + std::to_string(c.old_position) + " → " + std::to_string(c.new_position);
    return row(what, c.change, sides(c.change, c.old_text, c.new_text, c.words));
}

constexpr std::string_view table_start =
    "<table class=\"changes\">\n<thead><tr><th>What</th><th>Old</th><th>New</th></tr></thead>\n<tbody>\n";
constexpr std::string_view table_end = "</tbody>\n</table>\n";

std::string warning_html(const RevisionWarning& w) {
    bool stale = w.kind == RevisionWarning::Kind::content_changed_date_not;
    return std::string("<p class=\"flag ") + (stale ? "stale\">⚑ " : "date-only\">◷ ") + esc(w.message) + "</p>\n";
}

std::string warnings_html(const ProfileDiff& d, const std::string& path) {
    std::string out;
    for (const auto& w : d.warnings)
        if (w.path == path) out += warning_html(w);
    return out;
}

std::string status_text(const SectionDiff& s) {
    std::string what = s.status == Change::unchanged ? "" : std::string(to_string(s.status));
    if (s.moved)
        what += (what.empty() ? "" : ", ") + std::string("moved ") + std::to_string(s.old_position) + " → " +
                std::to_string(s.new_position);
    return what;
}

std::string section_html(const ProfileDiff& d, const SectionDiff& s) {
    std::ostringstream out;
    out << "<div class=\"section " << to_string(s.status) << (flagged(d, s.path) ? " stale" : "") << "\">\n<h4>"
        << esc(detail::section_label(s.path, s.heading())) << " <span class=\"status\">" << esc(status_text(s))
        << "</span></h4>\n"
        << warnings_html(d, s.path);
    if (!s.fields.empty() || !s.content.empty()) {
        out << table_start;
        for (const auto& f : s.fields) out << field_row(f);
        for (const auto& c : s.content) out << content_row(c);
        out << table_end;
    }
    out << "</div>\n";
    return out.str();
}

std::string profile_fields_html(const ProfileDiff& d) {
    std::string warnings = warnings_html(d, {});
    if (d.profile.empty() && warnings.empty()) return {};
    std::string out = std::string("<div class=\"section profile-fields") + (flagged(d, {}) ? " stale" : "") +
                      "\">\n<h4>Profile</h4>\n" + warnings;
    if (d.profile.empty()) return out + "</div>\n";
    out += table_start;
    for (const auto& f : d.profile) out += field_row(f);
    return out + std::string(table_end) + "</div>\n";
}

// Every change of one diff: the profile's own fields, then each section that changed or moved.
std::string diff_html(const ProfileDiff& d) {
    std::string out = profile_fields_html(d);
    for (const auto& s : d.sections)
        if (detail::section_shown(s)) out += section_html(d, s);
    return out;
}

// ---- Index ---------------------------------------------------------------------------------------------------------

struct IndexEntry {
    std::string anchor;
    std::string name;
    Change status = Change::unchanged;
    ChangeStat stat;
    int stale = 0;  // content changed, date did not: how many times
};

std::string flags_html(int stale) {
    if (stale == 0) return {};
    return "<span class=\"flag stale\">⚑ " + std::to_string(stale) + " × content changed, date did not</span>";
}

std::string index_row(const IndexEntry& e) {
    std::ostringstream out;
    out << "<tr class=\"" << to_string(e.status) << (e.stale ? " stale" : "") << "\"><td><a href=\"#" << e.anchor
        << "\">" << esc(e.name) << "</a></td><td>" << to_string(e.status) << "</td><td class=\"num\">" << e.stat.total()
        << "</td><td class=\"num\">+" << e.stat.words_added << "</td><td class=\"num\">−" << e.stat.words_removed
        << "</td><td>" << flags_html(e.stale) << "</td></tr>\n";
    return out.str();
}

// The profiles that changed, most changed first (then by name, so equal amounts keep a stable order).
std::string index_html(std::vector<IndexEntry> entries) {
    std::stable_sort(entries.begin(), entries.end(),
                     [](const IndexEntry& a, const IndexEntry& b) { return amount(a.stat) > amount(b.stat); });
    std::ostringstream out;
    out << "<nav>\n<h2>Profiles by amount of change</h2>\n<table id=\"index\">\n<thead><tr><th>Profile</th>"
           "<th>Status</th><th>Changes</th><th>Words added</th><th>Words removed</th><th>Flags</th></tr></thead>\n"
           "<tbody>\n";
    for (const auto& e : entries) out << index_row(e);
    out << "</tbody>\n</table>\n</nav>\n";
    return out.str();
}

std::string unchanged_html(const std::vector<std::string>& names) {
    if (names.empty()) return {};
    std::string out = "<details class=\"unchanged\"><summary>" + std::to_string(names.size()) +
                      (names.size() == 1 ? " profile" : " profiles") + " unchanged</summary>\n<ul>\n";
    for (const auto& n : names) out += "<li>" + esc(n) + "</li>\n";
    return out + "</ul>\n</details>\n";
}

// ---- Timeline ------------------------------------------------------------------------------------------------------

// The newest revised/updated/modified date anywhere in the profile (ISO values order as strings), or "".
std::string newest_revision(const Profile& p) {
    std::string newest;
    auto take = [&newest](const std::vector<Date>& dates) {
        for (const auto& d : detail::revision_dates(dates)) newest = std::max(newest, d.value);
    };
    auto walk = [&take](const std::vector<Section>& sections, auto&& self) -> void {
        for (const auto& s : sections) {
            take(s.dates);
            self(s.subsections, self);
        }
    };
    take(p.dates);
    walk(p.sections, walk);
    return newest;
}

// Did the page's own revision date move at snapshot k (or is there one at the first)?
bool revision_moved(const std::vector<std::string>& revisions, std::size_t k) {
    return !revisions[k].empty() && (k == 0 || revisions[k] != revisions[k - 1]);
}

constexpr int slot = 72, bar_width = 36, left = 10, top = 22, plot_height = 90;

std::string bar_svg(const History& h, std::size_t k, int max_amount) {
    const ProfileDiff& step = h.steps[k - 1];
    int a = amount(step), x = left + static_cast<int>(k) * slot + (slot - bar_width) / 2;
    int height = a == 0 ? 0 : std::max(2, a * plot_height / max_amount);
    bool stale = stale_count(step) > 0;
    std::ostringstream out;
    out << "<rect class=\"bar" << (stale ? " stale" : "") << "\" x=\"" << x << "\" y=\"" << top + plot_height - height
        << "\" width=\"" << bar_width << "\" height=\"" << height << "\"><title>#" << k + 1 << ' '
        << h.snapshots[k].date.iso() << ": " << a << " changed" << (stale ? "; content changed, date did not" : "")
        << "</title></rect>\n<text x=\"" << x + bar_width / 2 << "\" y=\"" << top + plot_height - height - 3
        << "\" text-anchor=\"middle\">" << a << "</text>\n";
    return out.str();
}

std::string revision_mark_svg(const std::string& revision, std::size_t k) {
    std::ostringstream out;
    out << "<circle class=\"revised\" cx=\"" << left + static_cast<int>(k) * slot + slot / 2 << "\" cy=\"" << top - 12
        << "\" r=\"5\"><title>page revised/updated: " << esc(revision) << "</title></circle>\n";
    return out.str();
}

// One bar per snapshot (none for the first), its height the amount of change against the one before; a dot
// above where the page's own revision date moved.
std::string chart_svg(const History& h, const std::vector<std::string>& revisions) {
    int max_amount = 1;
    for (const auto& step : h.steps) max_amount = std::max(max_amount, amount(step));
    const int width = left * 2 + static_cast<int>(h.snapshots.size()) * slot, height = top + plot_height + 24;
    std::ostringstream out;
    out << "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" << width << "\" height=\""
        << height << "\" viewBox=\"0 0 " << width << ' ' << height
        << "\">\n<title>How much changed at each snapshot</title>\n<line class=\"axis\" x1=\"" << left << "\" y1=\""
        << top + plot_height << "\" x2=\"" << width - left << "\" y2=\"" << top + plot_height << "\"/>\n";
    for (std::size_t k = 0; k < h.snapshots.size(); ++k) {
        if (k > 0) out << bar_svg(h, k, max_amount);
        if (revision_moved(revisions, k)) out << revision_mark_svg(revisions[k], k);
        out << "<text x=\"" << left + static_cast<int>(k) * slot + slot / 2 << "\" y=\"" << top + plot_height + 15
            << "\" text-anchor=\"middle\">" << h.snapshots[k].date.iso() << "</text>\n";
    }
    out << "</svg>\n";
    return out.str();
}

constexpr std::string_view legend =
    "<p class=\"legend\"><span class=\"key bar\"></span>changes since the snapshot before"
    "<span class=\"key stale\"></span>content changed but its revised/updated date did not"
    "<span class=\"key revised\"></span>the page's own revised/updated date moved</p>\n";

std::string step_anchor(const std::string& profile, std::size_t k) { return profile + "-s-" + std::to_string(k + 1); }

std::string timeline_row(const History& h, const std::vector<std::string>& revisions, std::size_t k,
                         const std::string& id) {
    const Snapshot& s = h.snapshots[k];
    const ProfileDiff* step = k > 0 ? &h.steps[k - 1] : nullptr;
    int stale = step ? stale_count(*step) : 0;
    ChangeStat stat = step ? detail::total_stat(*step) : ChangeStat{};
    std::ostringstream out;
    out << "<tr" << (stale ? " class=\"stale\"" : "") << "><td class=\"num\">" << k + 1 << "</td><td class=\"date\">"
        << s.date.iso() << "</td><td>" << esc(s.label) << "</td><td class=\"num\">";
    if (step && !step->identical())
        out << "<a href=\"#" << step_anchor(id, k) << "\">" << stat.total() << "</a>";
    else
        out << (step ? "0" : "");
    out << "</td><td class=\"num\">" << (step ? "+" + std::to_string(stat.words_added) : "")
        << "</td><td class=\"num\">" << (step ? "−" + std::to_string(stat.words_removed) : "") << "</td><td>"
        << esc(revisions[k]) << (revision_moved(revisions, k) && k > 0 ? " (moved)" : "") << "</td><td>"
        << flags_html(stale) << "</td></tr>\n";
    return out.str();
}

std::string timeline_table(const History& h, const std::vector<std::string>& revisions, const std::string& id) {
    std::string out =
        "<table class=\"timeline\">\n<thead><tr><th>#</th><th>Date</th><th>Snapshot</th><th>Changes</th>"
        "<th>Words added</th><th>Words removed</th><th>Page revised/updated</th><th>Flags</th></tr></thead>\n<tbody>\n";
    for (std::size_t k = 0; k < h.snapshots.size(); ++k) out += timeline_row(h, revisions, k, id);
    return out + std::string(table_end);
}

std::string steps_html(const History& h, const std::string& id) {
    std::ostringstream out;
    for (std::size_t k = 1; k < h.snapshots.size(); ++k) {
        const ProfileDiff& step = h.steps[k - 1];
        if (step.identical()) continue;
        out << "<h3 id=\"" << step_anchor(id, k) << "\"" << (stale_count(step) ? " class=\"stale\"" : "") << ">#"
            << k + 1 << ' ' << h.snapshots[k].date.iso() << " <span class=\"status\">" << esc(h.snapshots[k].label)
            << ", against #" << k << ' ' << h.snapshots[k - 1].date.iso() << "</span></h3>\n"
            << diff_html(step);
    }
    return out.str();
}

std::string history_section(const History& h, const std::string& id, const std::string& identity, Change status) {
    std::vector<std::string> revisions;
    for (const auto& s : h.snapshots) revisions.push_back(newest_revision(s.profile));
    std::string title = detail::profile_title(h);
    std::ostringstream out;
    out << "<section class=\"profile " << to_string(status) << "\" id=\"" << id << "\">\n<h2>"
        << esc(title.empty() ? identity : title) << "</h2>\n";
    if (!identity.empty()) out << "<p class=\"identity\">" << esc(identity) << " · " << to_string(status) << "</p>\n";
    if (h.snapshots.size() > 1) out << "<div class=\"chart-box\">\n" << chart_svg(h, revisions) << "</div>\n" << legend;
    out << timeline_table(h, revisions, id) << steps_html(h, id) << "</section>\n";
    return out.str();
}

IndexEntry history_entry(const ProfileTimeline& p, std::size_t k) {
    IndexEntry e{anchor(k), detail::profile_title(p.history), p.status, {}, 0};
    if (e.name.empty()) e.name = p.identity;
    for (const auto& step : p.history.steps) {
        e.stat += detail::total_stat(step);
        e.stale += stale_count(step);
    }
    return e;
}

// ---- Two versions --------------------------------------------------------------------------------------------------

std::string pair_section(const ProfilePairDiff& p, const std::string& id, const DiffReportOptions& options) {
    std::ostringstream out;
    out << "<section class=\"profile " << to_string(p.status) << "\" id=\"" << id << "\">\n<h2>" << esc(p.identity)
        << "</h2>\n";
    if (p.status == Change::added)
        out << "<p class=\"labels\">only in " << esc(options.new_label) << ": " << esc(p.new_label) << "</p>\n";
    else if (p.status == Change::removed)
        out << "<p class=\"labels\">only in " << esc(options.old_label) << ": " << esc(p.old_label) << "</p>\n";
    else
        out << "<p class=\"labels\">" << esc(p.old_label) << " → " << esc(p.new_label) << "</p>\n" << diff_html(p.diff);
    out << "</section>\n";
    return out.str();
}

std::string labels_text(const DiffReportOptions& options) {
    if (options.old_label.empty() && options.new_label.empty()) return {};
    return options.old_label + " → " + options.new_label;
}

// A page of many profiles: the summary, the index of those that changed, the list of those that did not, then the
// part of the page each changed one gets. `part(profile, k)` gives a profile's index entry and its section.
template <class Item, class Part>
std::string archive_page(const std::string& title, const std::string& heading, const std::string& labels,
                         const ArchiveSummary& summary, const std::vector<Item>& profiles, const Part& part) {
    std::vector<IndexEntry> entries;
    std::vector<std::string> unchanged;
    std::string body;
    for (std::size_t k = 0; k < profiles.size(); ++k) {
        if (profiles[k].status == Change::unchanged) {
            unchanged.push_back(profiles[k].identity);
            continue;
        }
        auto [entry, section] = part(profiles[k], k);
        entries.push_back(std::move(entry));
        body += section;
    }
    std::string line = summary_line(summary);
    line.pop_back();  // its newline
    return page_start(title) + header(heading, labels, line) + index_html(std::move(entries)) +
           unchanged_html(unchanged) + body + std::string(page_end);
}

}  // namespace

std::string write_diff_html(const ProfileDiff& diff, const DiffReportOptions& options) {
    ChangeStat s = detail::total_stat(diff);
    std::string summary = diff.identical() ? "identical"
                                           : std::to_string(s.total()) + " changes, words +" +
                                                 std::to_string(s.words_added) + " −" + std::to_string(s.words_removed);
    std::string out =
        page_start("occkit diff " + labels_text(options)) + header("What changed", labels_text(options), summary);
    if (!diff.identical()) out += "<section class=\"profile changed\" id=\"p-1\">\n" + diff_html(diff) + "</section>\n";
    return out + std::string(page_end);
}

std::string write_archive_diff_html(const ArchiveDiff& diff, const DiffReportOptions& options) {
    auto part = [&](const ProfilePairDiff& p, std::size_t k) {
        bool changed = p.status == Change::changed;
        return std::pair{
            IndexEntry{anchor(k), p.identity, p.status, changed ? detail::total_stat(p.diff) : ChangeStat{},
                       changed ? stale_count(p.diff) : 0},
            pair_section(p, anchor(k), options)};
    };
    return archive_page("occkit diff " + labels_text(options), "What changed", labels_text(options), diff.summary,
                        diff.profiles, part);
}

std::string write_history_html(const History& history, const DiffReportOptions&) {
    std::string title = detail::profile_title(history);
    bool changed =
        std::any_of(history.steps.begin(), history.steps.end(), [](const ProfileDiff& d) { return !d.identical(); });
    return page_start("occkit history " + title) +
           header("History of " + (title.empty() ? std::string("a profile") : title), {},
                  std::to_string(history.snapshots.size()) + " snapshots") +
           history_section(history, "p-1", {}, changed ? Change::changed : Change::unchanged) + std::string(page_end);
}

std::string write_archive_history_html(const ArchiveHistory& archive, const DiffReportOptions&) {
    auto part = [](const ProfileTimeline& p, std::size_t k) {
        return std::pair{history_entry(p, k), history_section(p.history, anchor(k), p.identity, p.status)};
    };
    return archive_page("occkit history", "History", {}, archive.summary, archive.profiles, part);
}

OCCKIT_END_IMPL_NAMESPACE
