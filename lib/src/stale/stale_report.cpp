// Reports of the staleness audit (occkit/stale.hpp): a text table sorted by age, JSON (through the library's JSON
// writer), CSV, and SARIF through the shared findings writer.
#include <algorithm>
#include <iomanip>
#include <sstream>

#include "json/json_writer.hpp"
#include "occkit/stale.hpp"
#include "occkit/version.hpp"
#include "support/text_util.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

// ---------------------------------------------------------------------------------------------------------------
// Rows: every section of every profile, oldest first

struct Row {
    const StaleAudit* audit;
    const SectionAge* section;
};

std::string_view status_of(const SectionAge& s) {
    if (!s.effective) return "undated";
    if (s.age_months < 0) return "future";
    return s.outdated ? "outdated" : "ok";
}

// Oldest first; undated sections last; then file and line, so equal ages keep page order.
std::vector<Row> rows_by_age(const std::vector<StaleAudit>& audits) {
    std::vector<Row> rows;
    for (const StaleAudit& a : audits)
        for (const SectionAge& s : a.sections) rows.push_back({&a, &s});
    std::stable_sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
        bool x_undated = !x.section->effective;
        bool y_undated = !y.section->effective;
        if (x_undated != y_undated) return y_undated;
        if (x.section->age_months != y.section->age_months) return x.section->age_months > y.section->age_months;
        if (x.audit->file != y.audit->file) return x.audit->file < y.audit->file;
        return x.section->line < y.section->line;
    });
    return rows;
}

std::string date_text(const std::optional<CalendarDate>& d) { return d ? d->iso() : "-"; }

std::string where(const std::string& file, int line) { return line > 0 ? file + ":" + std::to_string(line) : file; }

// Findings that the section table does not already show (it shows outdated and undated sections).
bool shown_in_table(const Finding& f) { return f.rule == "outdated-section" || f.rule == "no-date-basis"; }

// ---------------------------------------------------------------------------------------------------------------
// Text

std::string section_label(const SectionAge& s) {
    return s.heading.empty() || s.heading == s.kind ? s.path : s.path + " \"" + s.heading + "\"";
}

void write_text_table(std::ostringstream& out, const std::vector<Row>& rows) {
    std::size_t where_width = 9;  // "FILE:LINE"
    for (const Row& r : rows) where_width = std::max(where_width, where(r.audit->file, r.section->line).size());
    out << std::left << std::setw(5) << "AGE" << std::setw(6) << "LIMIT" << std::setw(9) << "STATUS" << std::setw(12)
        << "DATE" << std::setw(16) << "BASIS" << std::setw(static_cast<int>(where_width) + 2) << "FILE:LINE"
        << "SECTION\n";
    for (const Row& r : rows) {
        const SectionAge& s = *r.section;
        std::string age = s.effective ? std::to_string(s.age_months) : "-";
        out << std::right << std::setw(4) << age << ' ' << std::setw(5) << s.limit.months << ' ' << std::left
            << std::setw(9) << status_of(s) << std::setw(12) << date_text(s.effective) << std::setw(16)
            << to_string(s.basis) << std::setw(static_cast<int>(where_width) + 2) << where(r.audit->file, s.line)
            << section_label(s) << '\n';
    }
}

void write_text_findings(std::ostringstream& out, const std::vector<StaleAudit>& audits) {
    bool header = false;
    for (const StaleAudit& a : audits)
        for (const Finding& f : a.findings) {
            if (shown_in_table(f)) continue;
            if (!header) out << "\nFindings:\n";
            header = true;
            out << where(f.file, f.source_line) << ": " << to_string(f.severity) << ": " << f.rule << ": " << f.message
                << '\n';
        }
}

void write_text_summary(std::ostringstream& out, const std::vector<StaleAudit>& audits, const CalendarDate& as_of) {
    auto summary = summarize_staleness(audits);
    std::size_t layout_width = 6;
    for (const auto& g : summary) layout_width = std::max(layout_width, g.layout.size());
    out << "\nSummary as of " << as_of.iso() << ":\n"
        << std::left << std::setw(5) << "JUR" << std::setw(static_cast<int>(layout_width) + 2) << "LAYOUT" << std::right
        << std::setw(9) << "PROFILES" << std::setw(9) << "OUTDATED" << std::setw(8) << "FLAGGED" << std::setw(9)
        << "SECTIONS" << std::setw(9) << "OUTDATED" << std::setw(8) << "UNDATED"
        << "  OLDEST\n";
    for (const auto& g : summary) {
        out << std::left << std::setw(5) << g.jurisdiction << std::setw(static_cast<int>(layout_width) + 2) << g.layout
            << std::right << std::setw(9) << g.profiles << std::setw(9) << g.outdated_profiles << std::setw(8)
            << g.flagged_profiles << std::setw(9) << g.sections << std::setw(9) << g.outdated_sections << std::setw(8)
            << g.undated_sections << "  ";
        if (g.oldest_date)
            out << g.oldest_date->iso() << " (" << g.oldest_age_months << " months) " << g.oldest_path << " in "
                << g.oldest_file;
        else
            out << '-';
        out << '\n';
    }
}

std::string write_text(const std::vector<StaleAudit>& audits, const CalendarDate& as_of) {
    std::ostringstream out;
    write_text_table(out, rows_by_age(audits));
    write_text_findings(out, audits);
    write_text_summary(out, audits, as_of);
    return out.str();
}

// ---------------------------------------------------------------------------------------------------------------
// JSON

void write_json_section(detail::JsonWriter& json, const SectionAge& s) {
    json.begin_object();
    json.key("path").string(s.path);
    json.key("kind").string(s.kind);
    json.key("heading").string(s.heading);
    json.key("line").integer(s.line);
    json.key("basis").string(to_string(s.basis));
    if (s.effective) {  // an undated section has no date, phrase or age
        json.key("date").string(s.effective->iso());
        json.key("phrase").string(s.phrase);
        json.key("dateLine").integer(s.date_line);
        json.key("ageMonths").integer(s.age_months);
    }
    json.key("limitMonths").integer(s.limit.months);
    json.key("policyRule").string(s.limit.rule);
    json.key("status").string(status_of(s));
    json.end_object();
}

void write_json_finding(detail::JsonWriter& json, const Finding& f) {
    json.begin_object();
    json.key("rule").string(f.rule);
    json.key("severity").string(to_string(f.severity));
    json.key("message").string(f.message);
    json.key("line").integer(f.source_line);
    json.key("subject").string(f.subject);
    json.end_object();
}

void write_json_profile(detail::JsonWriter& json, const StaleAudit& a) {
    json.begin_object();
    json.key("file").string(a.file);
    json.key("jurisdiction").string(a.jurisdiction);
    json.key("layout").string(a.layout);
    json.key("title").string(a.title);
    json.key("flagged").boolean(a.flagged());
    json.key("sections").begin_array();
    for (const SectionAge& s : a.sections) write_json_section(json, s);
    json.end_array();
    json.key("findings").begin_array();
    for (const Finding& f : a.findings) write_json_finding(json, f);
    json.end_array();
    json.end_object();
}

void write_json_summary(detail::JsonWriter& json, const StaleSummary& g) {
    json.begin_object();
    json.key("jurisdiction").string(g.jurisdiction);
    json.key("layout").string(g.layout);
    json.key("profiles").integer(g.profiles);
    json.key("outdatedProfiles").integer(g.outdated_profiles);
    json.key("flaggedProfiles").integer(g.flagged_profiles);
    json.key("sections").integer(g.sections);
    json.key("outdatedSections").integer(g.outdated_sections);
    json.key("undatedSections").integer(g.undated_sections);
    if (g.oldest_date) {  // absent when no section of the group is dated
        json.key("oldest").begin_object();
        json.key("file").string(g.oldest_file);
        json.key("path").string(g.oldest_path);
        json.key("date").string(g.oldest_date->iso());
        json.key("ageMonths").integer(g.oldest_age_months);
        json.end_object();
    }
    json.end_object();
}

std::string write_json(const std::vector<StaleAudit>& audits, const CalendarDate& as_of) {
    detail::JsonWriter json(JsonStyle::pretty);
    json.begin_object();
    json.key("asOf").string(as_of.iso());
    json.key("profiles").begin_array();
    for (const StaleAudit& a : audits) write_json_profile(json, a);
    json.end_array();
    json.key("summary").begin_array();
    for (const StaleSummary& g : summarize_staleness(audits)) write_json_summary(json, g);
    json.end_array();
    json.end_object();
    return json.finish();
}

// ---------------------------------------------------------------------------------------------------------------
// CSV (RFC 4180)

using detail::csv_field;

std::string write_csv(const std::vector<StaleAudit>& audits) {
    std::ostringstream out;
    out << "file,jurisdiction,layout,section,kind,heading,line,date,basis,phrase,date_line,age_months,limit_months,"
           "policy_rule,status\r\n";
    for (const Row& r : rows_by_age(audits)) {
        const SectionAge& s = *r.section;
        std::vector<std::string> fields{r.audit->file,
                                        r.audit->jurisdiction,
                                        r.audit->layout,
                                        s.path,
                                        s.kind,
                                        s.heading,
                                        std::to_string(s.line),
                                        s.effective ? s.effective->iso() : "",
                                        std::string(to_string(s.basis)),
                                        s.phrase,
                                        s.date_line ? std::to_string(s.date_line) : "",
                                        s.effective ? std::to_string(s.age_months) : "",
                                        std::to_string(s.limit.months),
                                        s.limit.rule,
                                        std::string(status_of(s))};
        for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << csv_field(fields[i]);
        out << "\r\n";
    }
    return out.str();
}

// ---------------------------------------------------------------------------------------------------------------
// SARIF

std::string write_sarif(const std::vector<StaleAudit>& audits) {
    std::vector<Finding> findings;
    std::vector<std::string> files;
    for (const StaleAudit& a : audits) {
        files.push_back(a.file);
        findings.insert(findings.end(), a.findings.begin(), a.findings.end());
    }
    ReportOptions options;
    options.tool_version = version();
    return write_report(ReportFormat::sarif, findings, stale_rule_infos(), files, options);
}

}  // namespace

std::optional<StaleFormat> stale_format_from_string(std::string_view s) {
    if (s == "text") return StaleFormat::text;
    if (s == "json") return StaleFormat::json;
    if (s == "csv") return StaleFormat::csv;
    if (s == "sarif") return StaleFormat::sarif;
    return std::nullopt;
}

std::string write_stale_report(StaleFormat format, const std::vector<StaleAudit>& audits, const CalendarDate& as_of) {
    switch (format) {
        case StaleFormat::text:
            return write_text(audits, as_of);
        case StaleFormat::json:
            return write_json(audits, as_of);
        case StaleFormat::csv:
            return write_csv(audits);
        case StaleFormat::sarif:
            return write_sarif(audits);
    }
    return {};
}

OCCKIT_END_IMPL_NAMESPACE
