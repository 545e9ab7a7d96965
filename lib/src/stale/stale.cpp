// The staleness audit (occkit/stale.hpp): the policy, each section's effective date and age, the findings.
// The reports (text, JSON, CSV, SARIF) are in stale_report.cpp.
#include "occkit/stale.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "model/canonical.hpp"
#include "occkit/error.hpp"
#include "occkit/io.hpp"
#include "support/text_util.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

constexpr int max_duration_months = 1200;  // a century: anything longer is a typo, not a policy

// ---------------------------------------------------------------------------------------------------------------
// Policy

bool is_jurisdiction_code(std::string_view s) {
    return s.size() == 2 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

constexpr std::string_view default_key = "default";

// "default", "AB", "salary" or "AB.salary"; throws with the reason otherwise.
void check_policy_key(std::string_view key) {
    if (key == default_key || is_jurisdiction_code(key)) return;
    std::size_t dot = key.find('.');
    std::string_view kind = key;
    if (dot != std::string_view::npos) {
        if (!is_jurisdiction_code(key.substr(0, dot)))
            throw Error("'" + std::string(key) + "': a jurisdiction code such as AB must come before the dot");
        kind = key.substr(dot + 1);
    }
    if (!is_section_kind(kind))
        throw Error("unknown section kind '" + std::string(kind) + "' (the kinds are those of <section kind>)");
}

// ---------------------------------------------------------------------------------------------------------------
// Dates as points in time

using DayKey = std::tuple<int, int, int>;

// The first day a date covers: a month counts from its 1st, a year (and a span) from January 1st of its first year.
DayKey first_day(const CalendarDate& d) { return {d.year, d.month >= 1 ? d.month : 1, d.day >= 1 ? d.day : 1}; }

// A span used as a single point in time (a copyright "2009-2012") stands for its last year: that is when the page
// was last claimed.
CalendarDate as_point(const CalendarDate& d) {
    if (d.precision != DatePrecision::span) return d;
    return {d.end_year, 0, 0, 0, DatePrecision::year};
}

// The date is entirely over at `as_of`: "December 2022" has ended on January 1st, 2023; "2013-2017" on January 1st,
// 2018.
bool has_ended(const CalendarDate& d, const CalendarDate& as_of) {
    switch (d.precision) {
        case DatePrecision::day:
            return first_day(as_of) > first_day(d);
        case DatePrecision::month:
            return std::tuple(as_of.year, as_of.month) > std::tuple(d.year, d.month);
        case DatePrecision::year:
            return as_of.year > d.year;
        case DatePrecision::span:
            return as_of.year > d.end_year;
    }
    return false;
}

bool is_after(const CalendarDate& d, const CalendarDate& as_of) { return first_day(d) > first_day(as_of); }

// ---------------------------------------------------------------------------------------------------------------
// Effective dates

struct DatedBasis {
    DateBasis basis = DateBasis::none;
    CalendarDate date;
    std::string phrase;
    int line = 0;
};

// Keep the later of two candidates (the first on a tie, so page order decides).
void keep_latest(std::optional<DatedBasis>& best, DateBasis basis, const Date& d) {
    auto date = parse_iso_date(d.value);
    if (!date) return;  // a hand-edited value the reader let through; nothing to age
    CalendarDate point = as_point(*date);
    if (best && first_day(point) <= first_day(best->date)) return;
    best = DatedBasis{basis, point, d.phrase, d.line};
}

std::optional<DatedBasis> own_basis(const Section& s) {
    std::optional<DatedBasis> best;
    for (const Date& d : s.dates) {
        if (d.kind == DateKind::revised) keep_latest(best, DateBasis::section_revised, d);
        if (d.kind == DateKind::updated || d.kind == DateKind::modified)
            keep_latest(best, DateBasis::section_updated, d);
    }
    return best;
}

// The page's own dates and its copyright. A produced, published or copyright line dates the page wherever the
// layout put it (the generic layout leaves a footer in the last section); an updated/modified/revised date dates
// the page only when it is page-level, since in a section it is that section's own.
struct PageBases {
    std::optional<DatedBasis> page;
    std::optional<DatedBasis> copyright;

    void add_page_wide(const Date& d) {
        if (d.kind == DateKind::produced) keep_latest(page, DateBasis::page_produced, d);
        if (d.kind == DateKind::published) keep_latest(page, DateBasis::page_published, d);
        if (d.kind == DateKind::copyright) keep_latest(copyright, DateBasis::copyright, d);
    }
    void add_sections(const std::vector<Section>& sections) {
        for (const Section& s : sections) {
            for (const Date& d : s.dates) add_page_wide(d);
            add_sections(s.subsections);
        }
    }
    explicit PageBases(const Profile& p) {
        for (const Date& d : p.dates) {
            add_page_wide(d);
            if (d.kind == DateKind::updated || d.kind == DateKind::modified || d.kind == DateKind::revised)
                keep_latest(page, DateBasis::page_updated, d);
        }
        add_sections(p.sections);
    }
    std::optional<DatedBasis> best() const { return page ? page : copyright; }
};

// ---------------------------------------------------------------------------------------------------------------
// Rules

const std::vector<RuleInfo>& rule_table() {
    static const std::vector<RuleInfo> infos = stale_rule_infos();
    return infos;
}

std::size_t rule_order(std::string_view id) {
    const auto& infos = rule_table();
    for (std::size_t i = 0; i < infos.size(); ++i)
        if (infos[i].id == id) return i;
    return infos.size();
}

const RuleInfo& rule(std::string_view id) {
    std::size_t i = rule_order(id);
    if (i == rule_table().size()) throw Error("internal: unknown stale rule " + std::string(id));
    return rule_table()[i];
}

// `education section "Educational Requirements"`
std::string describe(const Section& s) {
    std::string text = s.kind + " section";
    if (!s.heading.empty()) text += " " + detail::quoted(s.heading);
    return text;
}

// "2013-2017", or "2022-2031 (\"from 2022 to 2031\")" when the page words it differently.
std::string value_and_phrase(const std::string& value, std::string_view phrase) {
    if (phrase.empty() || phrase == value) return value;
    return value + " (" + detail::quoted(phrase) + ")";
}

std::string limit_text(const StalePolicy::Limit& limit) {
    return "the limit is " + std::to_string(limit.months) + " months (policy: " + limit.rule + ")";
}

// ---------------------------------------------------------------------------------------------------------------
// The audit of one profile

class Auditor {
public:
    Auditor(const Profile& p, const std::string& file, const CalendarDate& as_of, const StalePolicy& policy)
        : profile_(p), file_(file), as_of_(as_of), policy_(policy), page_(p) {}

    StaleAudit run() {
        audit_.file = file_;
        audit_.jurisdiction = profile_.source.jurisdiction;
        audit_.layout = profile_.source.layout;
        if (profile_.title) audit_.title = profile_.title->text;
        audit_sections(profile_.sections, "", std::nullopt);
        check_dates(profile_.dates, "salary", "");
        for (const Wage& w : profile_.wages) check_data_year(w.data_year, w.phrase, w.line, "salary", "");
        for (const Content& c : profile_.unmapped) check_unparsed(c);
        for (const Fact& f : profile_.facts) check_unparsed_line(f.value, f.line);
        std::stable_sort(audit_.findings.begin(), audit_.findings.end(), [](const Finding& a, const Finding& b) {
            return std::tuple(rule_order(a.rule), a.source_line) < std::tuple(rule_order(b.rule), b.source_line);
        });
        return std::move(audit_);
    }

private:
    void add(std::string_view rule_id, std::string message, int line, std::string subject) {
        // One finding per rule and thing: a period repeated in every table row is reported once.
        if (!reported_.insert(std::string(rule_id) + " " + subject).second) return;
        Finding f;
        f.rule = std::string(rule_id);
        f.severity = rule(rule_id).default_severity;
        f.message = std::move(message);
        f.file = file_;
        f.source_line = line;
        f.subject = std::move(subject);
        audit_.findings.push_back(std::move(f));
    }

    static std::vector<std::string> sibling_paths(const std::vector<Section>& sections, const std::string& parent) {
        std::vector<std::string_view> kinds;
        for (const Section& s : sections) kinds.push_back(s.kind);
        return detail::section_paths(kinds, parent);
    }

    void audit_sections(const std::vector<Section>& sections, const std::string& parent,
                        const std::optional<DatedBasis>& inherited) {
        std::vector<std::string> paths = sibling_paths(sections, parent);
        for (std::size_t i = 0; i < sections.size(); ++i) {
            const Section& s = sections[i];
            std::optional<DatedBasis> section_basis = own_basis(s);
            if (!section_basis) section_basis = inherited;
            audit_.sections.push_back(age_of(s, paths[i], section_basis ? section_basis : page_.best()));
            check_dates(s.dates, s.kind, paths[i]);
            for (const Wage& w : s.wages) check_data_year(w.data_year, w.phrase, w.line, s.kind, paths[i]);
            for (const Content& c : s.content) check_unparsed(c);
            audit_sections(s.subsections, paths[i], section_basis);
        }
    }

    SectionAge age_of(const Section& s, const std::string& path, const std::optional<DatedBasis>& basis) {
        SectionAge row;
        row.path = path;
        row.kind = s.kind;
        row.heading = s.heading;
        row.line = s.line;
        row.limit = policy_.max_age(profile_.source.jurisdiction, s.kind);
        if (!basis) {
            add("no-date-basis", describe(s) + " has no revised, updated, produced, published or copyright date",
                s.line, "section:" + path);
            return row;
        }
        row.basis = basis->basis;
        row.effective = basis->date;
        row.phrase = basis->phrase;
        row.date_line = basis->line;
        row.age_months = months_between(basis->date, as_of_);
        row.outdated = row.age_months > row.limit.months;
        if (row.outdated)
            add("outdated-section",
                describe(s) + " is " + std::to_string(row.age_months) + " months old (" +
                    std::string(to_string(row.basis)) + " " + basis->date.iso() + "); " + limit_text(row.limit),
                s.line, "section:" + path);
        return row;
    }

    // Data years, periods, next updates and dates after the as-of date, in one list of dates.
    // `kind` is the section kind whose limit data years are held to ("salary" for page-level ones).
    void check_dates(const std::vector<Date>& dates, const std::string& kind, const std::string& path) {
        for (const Date& d : dates) {
            auto date = parse_iso_date(d.value);
            if (!date) continue;
            if (d.kind == DateKind::data_year)
                check_data_year(d.value, d.phrase, d.line, kind, path);
            else if (d.kind == DateKind::period)
                check_period(*date, d);
            else if (d.kind == DateKind::next_update)
                check_next_update(*date, d);
            else if (is_after(*date, as_of_))
                add("future-date",
                    std::string(to_string(d.kind)) + " date " + value_and_phrase(date->iso(), d.phrase) +
                        " is after the as-of date " + as_of_.iso(),
                    d.line, "future:" + std::string(to_string(d.kind)) + ":" + d.value);
        }
    }

    void check_period(const CalendarDate& date, const Date& d) {
        if (date.precision != DatePrecision::span || !has_ended(date, as_of_)) return;
        add("outlook-period-ended",
            "period " + value_and_phrase(std::to_string(date.year) + "-" + std::to_string(date.end_year), d.phrase) +
                " ended before the as-of date " + as_of_.iso(),
            d.line, "period:" + d.value);
    }

    void check_next_update(const CalendarDate& date, const Date& d) {
        if (!has_ended(date, as_of_)) return;
        add("next-update-passed",
            "the next update promised for " + value_and_phrase(date.iso(), d.phrase) + " has passed by " + as_of_.iso(),
            d.line, "next-update:" + d.value);
    }

    // A data year (a date of kind data-year, or a wage's dataYear; the two usually name the same year once).
    void check_data_year(const std::string& year, const std::string& phrase, int line, const std::string& kind,
                         const std::string& path) {
        auto date = parse_iso_date(year);
        if (!date || date->precision != DatePrecision::year) return;
        std::string subject = "data-year:" + path + ":" + year;
        if (is_after(*date, as_of_)) {
            add("future-date",
                "data year " + value_and_phrase(year, phrase) + " is after the as-of date " + as_of_.iso(), line,
                subject);
            return;
        }
        StalePolicy::Limit limit = policy_.max_age(profile_.source.jurisdiction, kind);
        int age = months_between(*date, as_of_);
        if (age <= limit.months) return;
        add("stale-wage-data",
            "data year " + value_and_phrase(year, phrase) + " is " + std::to_string(age) + " months old; " +
                limit_text(limit) + " for " + kind,
            line, subject);
    }

    void check_unparsed_line(const std::string& text, int line) {
        if (!looks_like_date_phrase(text)) return;
        std::string_view phrase = detail::trim(text);
        add("unparsed-date-phrase", "date-like phrase not understood: " + detail::quoted(phrase), line,
            "unparsed:" + std::string(phrase));
    }

    void check_unparsed(const Content& c) {
        switch (c.kind) {
            case Content::Kind::paragraph:
                check_unparsed_line(c.paragraph.text, c.paragraph.line);
                break;
            case Content::Kind::list:
                for (const ListItem& item : c.items) check_unparsed_line(item.text, item.line);
                break;
            case Content::Kind::table:
                for (const TableRow& row : c.rows)
                    for (const std::string& cell : row.cells) check_unparsed_line(cell, row.line);
                break;
        }
    }

    const Profile& profile_;
    const std::string& file_;
    const CalendarDate& as_of_;
    const StalePolicy& policy_;
    PageBases page_;
    StaleAudit audit_;
    std::set<std::string> reported_;  // rule and subject of every finding so far
};

}  // namespace

// ---------------------------------------------------------------------------------------------------------------
// Public API

std::optional<int> parse_duration_months(std::string_view text) {
    text = detail::trim(text);
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    constexpr std::size_t max_digits = 4;
    if (digits == 0 || digits > max_digits) return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < digits; ++i) value = value * 10 + (text[i] - '0');
    std::string unit = detail::ascii_lower(detail::trim(text.substr(digits)));
    int months_per_unit = unit == "m" ? 1 : unit == "y" ? 12 : 0;
    if (months_per_unit == 0 || value * months_per_unit > max_duration_months) return std::nullopt;
    return value * months_per_unit;
}

StalePolicy StalePolicy::parse(std::string_view text, const std::string& origin) {
    StalePolicy policy;
    std::set<std::string, std::less<>> seen;
    int line_number = 0;
    for (std::string_view line : detail::split(text, '\n')) {
        ++line_number;
        auto fail = [&](const std::string& reason) {
            throw Error(origin + ":" + std::to_string(line_number) + ": " + reason);
        };
        line = detail::trim(line.substr(0, line.find('#')));
        if (line.empty()) continue;
        std::size_t eq = line.find('=');
        if (eq == std::string_view::npos) fail("expected 'key = duration', e.g. 'salary = 24m'");
        std::string key(detail::trim(line.substr(0, eq)));
        std::string_view value = detail::trim(line.substr(eq + 1));
        auto months = parse_duration_months(value);
        if (!months) fail("'" + std::string(value) + "' is not a duration such as 36m or 3y");
        if (!seen.insert(key).second) fail("'" + key + "' is set twice");
        try {
            policy.set(key, *months);
        } catch (const Error& e) {
            fail(e.what());
        }
    }
    return policy;
}

StalePolicy StalePolicy::load(const std::string& path) { return parse(read_input(path, max_side_file_bytes), path); }

void StalePolicy::set(std::string_view key, int months) {
    check_policy_key(key);
    if (key == default_key)
        default_months_ = months;
    else
        rules_[std::string(key)] = months;
}

StalePolicy::Limit StalePolicy::max_age(std::string_view jurisdiction, std::string_view kind) const {
    auto rule_for = [&](const std::string& key) -> std::optional<Limit> {
        auto it = rules_.find(key);
        if (it == rules_.end()) return std::nullopt;
        return Limit{it->second, key};
    };
    std::string jur(jurisdiction);
    if (auto l = rule_for(jur + "." + std::string(kind))) return *l;
    if (auto l = rule_for(std::string(kind))) return *l;
    if (auto l = rule_for(jur)) return *l;
    return Limit{default_months_, std::string(default_key)};
}

std::string_view to_string(DateBasis basis) {
    switch (basis) {
        case DateBasis::section_revised:
            return "section-revised";
        case DateBasis::section_updated:
            return "section-updated";
        case DateBasis::page_produced:
            return "page-produced";
        case DateBasis::page_published:
            return "page-published";
        case DateBasis::page_updated:
            return "page-updated";
        case DateBasis::copyright:
            return "copyright";
        case DateBasis::none:
            return "none";
    }
    return "none";
}

bool StaleAudit::flagged() const {
    return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity != Severity::info; });
}

std::vector<RuleInfo> stale_rule_infos() {
    return {
        {"outdated-section", Severity::warning, "A section is older than the policy allows",
         "The section's effective date (its own revised/updated date, else the page's produced/published/updated "
         "date, else the copyright year) is more months before the as-of date than the policy's limit for its kind "
         "and jurisdiction (occkit stale --policy; 36 months by default)."},
        {"stale-wage-data", Severity::warning, "Wage or labour-market data is older than the policy allows",
         "A figure names its data year (\"(2010)\", \"2011 Alberta Wage and Salary Survey\", \"2016 Census\"), and "
         "that year is older than the limit of the section it appears in (page-level data: the salary limit)."},
        {"outlook-period-ended", Severity::warning, "An outlook period has ended",
         "The page states an outlook or projection for a period of years (\"2013-2017\") that ended before the "
         "as-of date."},
        {"next-update-passed", Severity::warning, "The promised next update has not come",
         "The page announces its next update (\"next update will be in December 2022\") for a date that has passed."},
        {"future-date", Severity::error, "A date lies after the as-of date",
         "A revised, updated, produced, published, copyright or data-year date is later than the as-of date: a typo "
         "on the page, a misread date, or a wrong --as-of."},
        {"no-date-basis", Severity::warning, "A section's age cannot be told",
         "Neither the section, nor an enclosing section, nor the page gives a revised, updated, produced, published "
         "or copyright date, so nothing shows the section is current."},
        {"unparsed-date-phrase", Severity::info, "A date-like phrase could not be read",
         "A short line starts like a date phrase (\"Updated:\", \"Section revised\", \"Date modified\") but no date "
         "could be read from it, so the date it meant to give is not used."},
    };
}

StaleAudit audit_staleness(const Profile& profile, const std::string& file, const CalendarDate& as_of,
                           const StalePolicy& policy) {
    return Auditor(profile, file, as_of, policy).run();
}

std::vector<Finding> stale_findings(const Profile& profile, const std::string& file, const CalendarDate& as_of,
                                    const StalePolicy& policy) {
    return audit_staleness(profile, file, as_of, policy).findings;
}

std::vector<StaleSummary> summarize_staleness(const std::vector<StaleAudit>& audits) {
    std::map<std::pair<std::string, std::string>, StaleSummary> groups;
    for (const StaleAudit& a : audits) {
        StaleSummary& g = groups[{a.jurisdiction, a.layout}];
        g.jurisdiction = a.jurisdiction;
        g.layout = a.layout;
        ++g.profiles;
        bool any_outdated = false;
        for (const SectionAge& s : a.sections) {
            ++g.sections;
            any_outdated = any_outdated || s.outdated;
            g.outdated_sections += s.outdated ? 1 : 0;
            g.undated_sections += s.effective ? 0 : 1;
            if (s.effective && (!g.oldest_date || s.age_months > g.oldest_age_months)) {
                g.oldest_file = a.file;
                g.oldest_path = s.path;
                g.oldest_date = s.effective;
                g.oldest_age_months = s.age_months;
            }
        }
        g.outdated_profiles += any_outdated ? 1 : 0;
        g.flagged_profiles += a.flagged() ? 1 : 0;
    }
    std::vector<StaleSummary> out;
    for (auto& [key, g] : groups) out.push_back(std::move(g));
    return out;
}

OCCKIT_END_IMPL_NAMESPACE
