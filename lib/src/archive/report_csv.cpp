// `history --format csv`: one row per profile, snapshot and section, for spreadsheets (occkit/archive.hpp). A
// section absent from a snapshot (and not just removed in it) has no row.
#include <sstream>

#include "diff/diff_internal.hpp"
#include "support/text_util.hpp"
#include "occkit/archive.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

constexpr std::string_view csv_header =
    "profile,snapshot,date,label,section,heading,status,units,words_added,words_removed,revised,warning\n";

std::string warnings_text(const SectionVersion& v) {
    std::string out;
    for (const auto& w : v.warnings) out += (out.empty() ? "" : "; ") + std::string(to_string(w.kind));
    return out;
}

void write_row(std::ostringstream& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << detail::csv_field(fields[i]);
    out << '\n';
}

void write_section_rows(std::ostringstream& out, const ProfileTimeline& p, const SectionHistory& s) {
    for (const SectionVersion& v : s.versions) {
        if (!v.present && v.status != Change::removed) continue;
        const Snapshot& snap = p.history.snapshots[v.snapshot];
        write_row(out, {p.identity, std::to_string(v.snapshot + 1), snap.date.iso(), snap.label, s.path, s.heading,
                        std::string(to_string(v.status)), std::to_string(v.units), std::to_string(v.stat.words_added),
                        std::to_string(v.stat.words_removed), detail::dates_text(v.revision_dates), warnings_text(v)});
    }
}

}  // namespace

std::string write_archive_history_csv(const ArchiveHistory& archive) {
    std::ostringstream out;
    out << csv_header;
    for (const auto& p : archive.profiles)
        for (const auto& s : p.history.sections) write_section_rows(out, p, s);
    return out.str();
}

OCCKIT_END_IMPL_NAMESPACE
