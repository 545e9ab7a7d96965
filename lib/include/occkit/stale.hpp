/// @file
/// Staleness audit: how old each section of a profile is, by the dates the page itself gives, measured against a
/// policy of maximum ages per section kind and jurisdiction. `occkit stale` prints the audit; `occkit validate`
/// offers the same findings as rules (stale_rule_infos, stale_findings).
///
/// Effective date of a section, most specific first (the report names the basis used):
///   1. the section's own revised/updated/modified date (the latest, if several): section-revised, section-updated;
///      a subsection without one takes its parent's;
///   2. the page's own dates: produced, published, or a page-level updated/modified/revised date ("Date modified",
///      an "Updated" line the layout could not place in a section): page-produced, page-published, page-updated
///      (the latest of them);
///   3. the copyright year: copyright;
///   4. none.
#pragma once

#include "occkit/api.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "occkit/dates.hpp"
#include "occkit/findings.hpp"
#include "occkit/profile.hpp"

OCCKIT_BEGIN_NAMESPACE

/// "36m" -> 36, "3y" -> 36 (white space allowed before the unit). A unit is required: nothing on "36", "3 weeks",
/// negative or absurd values (over 100 years).
std::optional<int> parse_duration_months(std::string_view text);

/// Maximum section ages, in months. The policy file is UTF-8 text, one rule a line, '#' starts a comment:
///
///   default = 36m        # every section (built in: 36 months)
///   salary = 24m         # a section kind (the canonical kinds: salary, education, outlook, ...)
///   AB = 4y              # every section of one jurisdiction (ISO 3166-2:CA code as in `<source jurisdiction>`)
///   AB.education = 48m   # one kind in one jurisdiction
///
/// The most specific rule wins: JURISDICTION.kind, then kind, then JURISDICTION, then default.
class StalePolicy {
public:
    static constexpr int builtin_default_months = 36;  ///< `default` when no policy says otherwise

    /// The limit that applies to one section, and the rule that set it.
    struct Limit {
        int months = builtin_default_months;  ///< maximum age
        std::string rule;                     ///< the key that decided: "AB.education", "salary", "AB" or "default"
    };

    /// Throws occkit::Error "<origin>:<line>: <reason>" on a malformed line, an unknown kind or a key set twice.
    static StalePolicy parse(std::string_view text, const std::string& origin);
    /// read_input + parse; errors name the file.
    static StalePolicy load(const std::string& path);

    /// Set (or replace) one rule. Throws occkit::Error "<reason>" on a malformed key or an unknown section kind.
    void set(std::string_view key, int months);

    /// The limit for a section of `kind` in `jurisdiction`: the most specific rule that matches.
    Limit max_age(std::string_view jurisdiction, std::string_view kind) const;

private:
    int default_months_ = builtin_default_months;
    std::map<std::string, int, std::less<>> rules_;  ///< every key except "default"
};

/// Where a section's effective date came from, most specific first.
enum class DateBasis { section_revised, section_updated, page_produced, page_published, page_updated, copyright, none };

std::string_view to_string(DateBasis basis);  ///< "section-revised", ..., "none"

/// One row of the audit: a section (or subsection) and how old it is.
struct SectionAge {
    std::string path;  ///< kinds from the top, with a 1-based index among same-kind siblings: "education/education[2]"
    std::string kind;  ///< section kind (canonical vocabulary)
    std::string heading;                    ///< as in the profile (possibly inferred)
    int line = 0;                           ///< source line of the section
    DateBasis basis = DateBasis::none;      ///< where the effective date came from
    std::optional<CalendarDate> effective;  ///< absent when basis is none
    std::string phrase;                     ///< the dated phrase the basis came from ("Section revised March 2012")
    int date_line = 0;                      ///< its source line
    int age_months = 0;                     ///< from the effective date to the as-of date; negative for a date after it
    StalePolicy::Limit limit;               ///< the policy limit that applies
    bool outdated = false;                  ///< age_months > limit.months
};

/// The staleness audit of one profile: every section's age and the findings.
struct StaleAudit {
    std::string file;                  ///< as given (findings carry the same)
    std::string jurisdiction;          ///< the profile's source jurisdiction
    std::string layout;                ///< the layout that produced it
    std::string title;                 ///< its title, empty when it has none
    std::vector<SectionAge> sections;  ///< page order, each subsection after its parent
    std::vector<Finding> findings;     ///< grouped by rule in stale_rule_infos() order, then page order

    /// Anything at warning severity or worse: an outdated section, stale data, a date nobody can trust.
    bool flagged() const;
};

/// The audit's rules: outdated-section, stale-wage-data, outlook-period-ended, next-update-passed, future-date,
/// no-date-basis, unparsed-date-phrase.
std::vector<RuleInfo> stale_rule_infos();

/// Audits one profile as of `as_of` under `policy`; `file` names it in the findings.
StaleAudit audit_staleness(const Profile& profile, const std::string& file, const CalendarDate& as_of,
                           const StalePolicy& policy);

/// The findings of audit_staleness alone, for `occkit validate`.
std::vector<Finding> stale_findings(const Profile& profile, const std::string& file, const CalendarDate& as_of,
                                    const StalePolicy& policy);

/// Totals per jurisdiction and layout, sorted by jurisdiction then layout.
struct StaleSummary {
    std::string jurisdiction;   ///< source jurisdiction of the group
    std::string layout;         ///< layout id of the group
    int profiles = 0;           ///< profiles audited
    int outdated_profiles = 0;  ///< profiles with at least one outdated section
    int flagged_profiles = 0;   ///< profiles with any warning (StaleAudit::flagged)
    int sections = 0;           ///< sections and subsections audited
    int outdated_sections = 0;  ///< sections past their limit
    int undated_sections = 0;   ///< basis none
    /// The oldest dated section of the group (absent when no section has a date basis).
    std::string oldest_file;
    std::string oldest_path;                  ///< its section path
    std::optional<CalendarDate> oldest_date;  ///< its effective date
    int oldest_age_months = 0;                ///< its age at the as-of date
};

/// One StaleSummary per jurisdiction and layout found in `audits`.
std::vector<StaleSummary> summarize_staleness(const std::vector<StaleAudit>& audits);

/// Report formats of `occkit stale`.
enum class StaleFormat { text, json, csv, sarif };
/// The format "text", "json", "csv" or "sarif" names; nullopt for anything else.
std::optional<StaleFormat> stale_format_from_string(std::string_view s);

/// text: every section as a table sorted by age (oldest first, undated last), the other findings, the summary.
/// json: {asOf, profiles: [{file, jurisdiction, layout, title, flagged, sections, findings}], summary}; an undated
///       section has no date, phrase, dateLine or ageMonths, a group with no dated section no oldest.
/// csv: the section table in the text report's order, with a header row (RFC 4180: CRLF line ends).
/// sarif: the findings as SARIF 2.1.0 (write_report).
std::string write_stale_report(StaleFormat format, const std::vector<StaleAudit>& audits, const CalendarDate& as_of);

OCCKIT_END_NAMESPACE
