// occkit stale: the policy file, each section's effective date and its basis, ages at month ends and in leap
// years, the findings (outdated sections, stale data years, ended periods, passed updates, future dates, undated
// sections, unreadable date lines), the summary, the reports, the command line, and the seeds and ALIS pages.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "occkit/convert.hpp"
#include "occkit/error.hpp"
#include "occkit/io.hpp"
#include "occkit/stale.hpp"
#include "occkit/xml.hpp"
#include "testing.hpp"

namespace {

using occkit::testing::contains;
using occkit::testing::lines_of;
using occkit::testing::write_text;

namespace fs = std::filesystem;
using occkit::CalendarDate;
using occkit::DateBasis;
using occkit::DateKind;
using occkit::DatePrecision;
using occkit::Profile;
using occkit::Section;
using occkit::SectionAge;
using occkit::StaleAudit;
using occkit::StalePolicy;

// ---- building profiles by hand

CalendarDate day(int y, int m, int d) { return {y, m, d, 0, DatePrecision::day}; }

const CalendarDate kAsOf = day(2026, 11, 22);

occkit::Date dated(DateKind kind, const std::string& iso, int line = 0, const std::string& phrase = {}) {
    occkit::Date d;
    d.kind = kind;
    d.value = iso;
    d.precision = occkit::parse_iso_date(iso).value().precision;
    d.phrase = phrase.empty() ? iso : phrase;
    d.line = line;
    return d;
}

Section section(const std::string& kind, const std::string& heading, int line, std::vector<occkit::Date> dates = {}) {
    Section s;
    s.kind = kind;
    s.heading = heading;
    s.line = line;
    s.dates = std::move(dates);
    return s;
}

occkit::Content paragraph(const std::string& text, int line) {
    occkit::Content c;
    c.kind = occkit::Content::Kind::paragraph;
    c.paragraph = {text, line};
    c.line = line;
    return c;
}

Profile profile(std::vector<Section> sections, std::vector<occkit::Date> page_dates = {},
                const std::string& jurisdiction = "AB") {
    Profile p;
    p.source.jurisdiction = jurisdiction;
    p.source.layout = "test";
    p.title = occkit::Line{"Glassblowing Technician", 1};
    p.sections = std::move(sections);
    p.dates = std::move(page_dates);
    return p;
}

StaleAudit audit(const Profile& p, const CalendarDate& as_of = kAsOf, const StalePolicy& policy = {}) {
    return occkit::audit_staleness(p, "page.txt", as_of, policy);
}

const SectionAge& row(const StaleAudit& a, const std::string& path) {
    for (const auto& s : a.sections)
        if (s.path == path) return s;
    throw std::runtime_error("no section " + path);
}

std::vector<std::string> rules_of(const StaleAudit& a) {
    std::vector<std::string> rules;
    for (const auto& f : a.findings) rules.push_back(f.rule);
    return rules;
}

const occkit::Finding& finding(const StaleAudit& a, const std::string& rule) {
    for (const auto& f : a.findings)
        if (f.rule == rule) return f;
    throw std::runtime_error("no finding " + rule);
}

// Age in months of a section revised on `revised`, at `as_of`.
int age_of_revision(const CalendarDate& revised, const CalendarDate& as_of) {
    occkit::Date d = dated(DateKind::revised, revised.iso());
    return row(audit(profile({section("duties", "Duties", 3, {d})}), as_of), "duties").age_months;
}

// Our own French page (no site layout: the generic one), with every kind of dated phrase the audit reads.
const char* const kFrenchPage =
    "Souffleur de verre\n"
    "\n"
    "Fonctions\n"
    "\n"
    "Les souffleurs de verre façonnent le verre fondu.\n"
    "Cette section a été mise à jour le 31 mars 2024.\n"
    "\n"
    "Salaire\n"
    "\n"
    "De 22,50 $ à 31,00 $ l'heure (2019). Section révisée en février 2013.\n"
    "\n"
    "Perspectives\n"
    "\n"
    "Perspectives d'emploi pour la période de 2022 à 2024 : bonnes.\n"
    "\n"
    "Prochaine mise à jour : décembre 2025\n"
    "\n"
    "Date de modification :\n"
    "\n"
    "Publié en mars 2012\n";

// An English page produced in July 2010 whose salary section was revised in February 2012 (generic layout).
const char* const kDatedPage =
    "Glassblowing Technician\n"
    "\n"
    "Duties\n"
    "\n"
    "Glassblowing technicians shape molten glass into laboratory apparatus.\n"
    "\n"
    "Salary\n"
    "\n"
    "Technicians earn $24.10 to $30.55 an hour (2010).\n"
    "Section revised February 2012\n"
    "\n"
    "Produced July 2010\n";

}  // namespace

// ---- durations and the policy file

TEST(StalePolicy, DurationsNeedAUnit) {
    EXPECT_EQ(occkit::parse_duration_months("36m"), 36);
    EXPECT_EQ(occkit::parse_duration_months("3y"), 36);
    EXPECT_EQ(occkit::parse_duration_months(" 24 m "), 24);
    EXPECT_EQ(occkit::parse_duration_months("2Y"), 24);
    EXPECT_EQ(occkit::parse_duration_months("0m"), 0);
    EXPECT_EQ(occkit::parse_duration_months("100y"), 1200);
    EXPECT_FALSE(occkit::parse_duration_months("36"));
    EXPECT_FALSE(occkit::parse_duration_months("3w"));
    EXPECT_FALSE(occkit::parse_duration_months("-3m"));
    EXPECT_FALSE(occkit::parse_duration_months("101y"));
    EXPECT_FALSE(occkit::parse_duration_months("99999m"));
    EXPECT_FALSE(occkit::parse_duration_months("m"));
    EXPECT_FALSE(occkit::parse_duration_months(""));
}

TEST(StalePolicy, BuiltInDefaultIsThirtySixMonths) {
    StalePolicy policy;
    auto limit = policy.max_age("AB", "salary");
    EXPECT_EQ(limit.months, 36);
    EXPECT_EQ(limit.rule, "default");
}

TEST(StalePolicy, MostSpecificRuleWins) {
    auto policy = StalePolicy::parse(
        "# maintainers' policy\n"
        "default = 48m\n"
        "salary = 24m      # wages move fast\n"
        "\n"
        "AB = 5y\n"
        "AB.education = 30m\n",
        "policy.txt");
    auto check = [&](const std::string& jur, const std::string& kind, int months, const std::string& rule) {
        SCOPED_TRACE(jur + "." + kind);
        auto limit = policy.max_age(jur, kind);
        EXPECT_EQ(limit.months, months);
        EXPECT_EQ(limit.rule, rule);
    };
    check("AB", "education", 30, "AB.education");  // jurisdiction and kind
    check("AB", "salary", 24, "salary");           // a kind beats a jurisdiction
    check("AB", "duties", 60, "AB");               // the jurisdiction's own default
    check("NS", "education", 48, "default");
    check("NS", "salary", 24, "salary");
}

TEST(StalePolicy, SetReplacesARule) {
    auto policy = StalePolicy::parse("default = 48m\nsalary = 24m\n", "p");
    policy.set("default", 12);
    policy.set("salary", 6);
    EXPECT_EQ(policy.max_age("BC", "duties").months, 12);
    EXPECT_EQ(policy.max_age("BC", "salary").months, 6);
}

TEST(StalePolicy, ErrorsNameTheFileAndLine) {
    auto error_of = [](const std::string& text) {
        try {
            StalePolicy::parse(text, "policy.txt");
        } catch (const occkit::Error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(error_of("default = 36m\nsalry = 24m\n"),
              "policy.txt:2: unknown section kind 'salry' (the kinds are those of <section kind>)");
    EXPECT_EQ(error_of("salary 24m\n"), "policy.txt:1: expected 'key = duration', e.g. 'salary = 24m'");
    EXPECT_EQ(error_of("# c\nsalary = 24\n"), "policy.txt:2: '24' is not a duration such as 36m or 3y");
    EXPECT_EQ(error_of("salary = 24m\nsalary = 12m\n"), "policy.txt:2: 'salary' is set twice");
    EXPECT_EQ(error_of("ab.education = 24m\n"),
              "policy.txt:1: 'ab.education': a jurisdiction code such as AB must come before the dot");
    EXPECT_EQ(error_of("Alberta = 24m\n"),
              "policy.txt:1: unknown section kind 'Alberta' (the kinds are those of <section kind>)");
}

TEST(StalePolicy, LoadNamesAMissingFile) {
    try {
        StalePolicy::load("/nonexistent/policy.txt");
        FAIL() << "no error";
    } catch (const occkit::Error& e) {
        EXPECT_TRUE(contains(e.what(), "/nonexistent/policy.txt")) << e.what();
    }
}

// ---- effective dates and their basis

TEST(StaleBasis, OwnRevisionBeatsThePageDate) {
    auto p = profile({section("education", "Education", 10, {dated(DateKind::revised, "2012-03", 20)}),
                      section("duties", "Duties", 30)},
                     {dated(DateKind::produced, "2010-07", 40)});
    auto a = audit(p);
    EXPECT_EQ(row(a, "education").basis, DateBasis::section_revised);
    EXPECT_EQ(row(a, "education").effective->iso(), "2012-03");
    EXPECT_EQ(row(a, "education").date_line, 20);
    EXPECT_EQ(row(a, "duties").basis, DateBasis::page_produced);
    EXPECT_EQ(row(a, "duties").effective->iso(), "2010-07");
    EXPECT_EQ(row(a, "duties").date_line, 40);
}

TEST(StaleBasis, UpdatedAndModifiedAreSectionUpdates) {
    auto p = profile({section("duties", "Duties", 3, {dated(DateKind::updated, "2024-03-31")}),
                      section("salary", "Salary", 9, {dated(DateKind::modified, "2023-05-02")})});
    auto a = audit(p);
    EXPECT_EQ(row(a, "duties").basis, DateBasis::section_updated);
    EXPECT_EQ(row(a, "salary").basis, DateBasis::section_updated);
    EXPECT_EQ(row(a, "salary").effective->iso(), "2023-05-02");
}

TEST(StaleBasis, TheLatestOwnDateCounts) {
    auto p = profile({section("duties", "Duties", 3,
                              {dated(DateKind::revised, "2012-03"), dated(DateKind::updated, "2016-12-20"),
                               dated(DateKind::revised, "2014")})});
    auto a = audit(p);
    EXPECT_EQ(row(a, "duties").effective->iso(), "2016-12-20");
    EXPECT_EQ(row(a, "duties").basis, DateBasis::section_updated);
}

TEST(StaleBasis, SubsectionsTakeTheirParentsDate) {
    Section education = section("education", "Education", 10, {dated(DateKind::revised, "2012-03")});
    education.subsections = {section("education", "High School", 11), section("education", "Post Secondary", 14),
                             section("certification", "Licensing", 17, {dated(DateKind::revised, "2020-01")})};
    auto a = audit(profile({education}, {dated(DateKind::produced, "2010-07")}));
    ASSERT_EQ(a.sections.size(), 4u);
    EXPECT_EQ(a.sections[1].path, "education/education[1]");
    EXPECT_EQ(a.sections[2].path, "education/education[2]");
    EXPECT_EQ(a.sections[3].path, "education/certification");
    EXPECT_EQ(a.sections[1].effective->iso(), "2012-03");
    EXPECT_EQ(a.sections[1].basis, DateBasis::section_revised);
    EXPECT_EQ(a.sections[3].effective->iso(), "2020-01");
}

TEST(StaleBasis, PageDatesTheLatestOfProducedPublishedAndUpdated) {
    auto a = audit(profile({section("duties", "Duties", 3)},
                           {dated(DateKind::produced, "2010-07"), dated(DateKind::published, "2019-12"),
                            dated(DateKind::copyright, "2024")}));
    EXPECT_EQ(row(a, "duties").basis, DateBasis::page_published);
    EXPECT_EQ(row(a, "duties").effective->iso(), "2019-12");

    a = audit(profile({section("duties", "Duties", 3)},
                      {dated(DateKind::published, "2019-12"), dated(DateKind::updated, "2023-11-29")}));
    EXPECT_EQ(row(a, "duties").basis, DateBasis::page_updated);
    EXPECT_EQ(row(a, "duties").effective->iso(), "2023-11-29");
}

TEST(StaleBasis, AProducedLineInASectionStillDatesThePage) {
    // The generic layout can leave a page footer in the last section.
    auto a = audit(profile(
        {section("duties", "Duties", 3), section("other", "Contact", 9, {dated(DateKind::produced, "2010-07")})}));
    EXPECT_EQ(row(a, "duties").basis, DateBasis::page_produced);
    EXPECT_EQ(row(a, "other").basis, DateBasis::page_produced);
}

TEST(StaleBasis, CopyrightIsTheLastResortAndASpanCountsItsLastYear) {
    auto a = audit(profile({section("duties", "Duties", 3)}, {dated(DateKind::copyright, "2009/2012", 50)}));
    EXPECT_EQ(row(a, "duties").basis, DateBasis::copyright);
    EXPECT_EQ(row(a, "duties").effective->iso(), "2012");
    EXPECT_EQ(row(a, "duties").age_months, 178);  // 2012-01-01 to 2026-11-22
}

TEST(StaleBasis, NoDateAtAllIsReported) {
    auto a = audit(profile({section("duties", "Duties", 3), section("salary", "Salary", 8)}));
    EXPECT_EQ(row(a, "duties").basis, DateBasis::none);
    EXPECT_FALSE(row(a, "duties").effective);
    EXPECT_FALSE(row(a, "duties").outdated);
    EXPECT_EQ(rules_of(a), (std::vector<std::string>{"no-date-basis", "no-date-basis"}));
    EXPECT_EQ(a.findings[0].subject, "section:duties");
    EXPECT_EQ(a.findings[0].source_line, 3);
    EXPECT_TRUE(a.flagged());
}

TEST(StaleBasis, NamesOfTheBases) {
    EXPECT_EQ(occkit::to_string(DateBasis::section_revised), "section-revised");
    EXPECT_EQ(occkit::to_string(DateBasis::section_updated), "section-updated");
    EXPECT_EQ(occkit::to_string(DateBasis::page_produced), "page-produced");
    EXPECT_EQ(occkit::to_string(DateBasis::page_published), "page-published");
    EXPECT_EQ(occkit::to_string(DateBasis::page_updated), "page-updated");
    EXPECT_EQ(occkit::to_string(DateBasis::copyright), "copyright");
    EXPECT_EQ(occkit::to_string(DateBasis::none), "none");
}

// ---- ages: month ends and leap years

TEST(StaleAge, MonthEnds) {
    EXPECT_EQ(age_of_revision(day(2024, 1, 31), day(2024, 2, 29)), 0);  // February has no 31st
    EXPECT_EQ(age_of_revision(day(2024, 1, 31), day(2024, 3, 1)), 1);
    EXPECT_EQ(age_of_revision(day(2023, 1, 31), day(2023, 2, 28)), 0);
    EXPECT_EQ(age_of_revision(day(2024, 3, 31), day(2026, 11, 22)), 31);
    EXPECT_EQ(age_of_revision(day(2024, 3, 31), day(2026, 11, 30)), 31);
    EXPECT_EQ(age_of_revision(day(2024, 3, 31), day(2026, 12, 31)), 33);
}

TEST(StaleAge, LeapYears) {
    EXPECT_EQ(age_of_revision(day(2024, 2, 29), day(2025, 2, 28)), 11);
    EXPECT_EQ(age_of_revision(day(2024, 2, 29), day(2025, 3, 1)), 12);
    EXPECT_EQ(age_of_revision(day(2024, 2, 29), day(2028, 2, 29)), 48);
    EXPECT_EQ(age_of_revision(day(2000, 2, 29), day(2001, 2, 28)), 11);  // 2000 is a leap year (divisible by 400)
    EXPECT_EQ(age_of_revision(day(2000, 2, 29), day(2001, 3, 1)), 12);
}

TEST(StaleAge, MonthAndYearPrecisionCountFromTheFirst) {
    CalendarDate february{2024, 2, 0, 0, DatePrecision::month};
    EXPECT_EQ(age_of_revision(february, day(2024, 2, 29)), 0);
    EXPECT_EQ(age_of_revision(february, day(2024, 3, 1)), 1);
    CalendarDate year{2009, 0, 0, 0, DatePrecision::year};
    EXPECT_EQ(age_of_revision(year, day(2009, 12, 31)), 11);
    EXPECT_EQ(age_of_revision(year, day(2010, 1, 1)), 12);
}

TEST(StaleAge, OutdatedOnlyPastTheLimit) {
    StalePolicy policy;
    policy.set("default", 12);
    auto p = profile({section("duties", "Duties", 3, {dated(DateKind::revised, "2024-02-29")})});
    auto at_limit = audit(p, day(2025, 2, 28), policy);  // 11 months
    EXPECT_FALSE(row(at_limit, "duties").outdated);
    at_limit = audit(p, day(2025, 3, 28), policy);  // 12 months: at the limit, not past it
    EXPECT_EQ(row(at_limit, "duties").age_months, 12);
    EXPECT_FALSE(row(at_limit, "duties").outdated);
    EXPECT_TRUE(at_limit.findings.empty());
    auto past = audit(p, day(2025, 3, 29), policy);  // 13 months
    EXPECT_EQ(row(past, "duties").age_months, 13);
    EXPECT_TRUE(row(past, "duties").outdated);
    EXPECT_EQ(rules_of(past), std::vector<std::string>{"outdated-section"});
    EXPECT_EQ(past.findings[0].message,
              "duties section \"Duties\" is 13 months old (section-revised 2024-02-29); the limit is 12 months "
              "(policy: default)");
}

TEST(StaleAge, PolicyPerKindAndJurisdiction) {
    auto policy = StalePolicy::parse("salary = 24m\nAB.education = 200m\n", "p");
    auto p = profile({section("education", "Education", 10, {dated(DateKind::revised, "2012-03")}),
                      section("salary", "Salary", 20, {dated(DateKind::revised, "2024-09")}),
                      section("duties", "Duties", 30, {dated(DateKind::revised, "2024-09")})});
    auto ab = audit(p, kAsOf, policy);
    EXPECT_FALSE(row(ab, "education").outdated);  // 176 months, AB allows 200 for education
    EXPECT_EQ(row(ab, "education").limit.rule, "AB.education");
    EXPECT_TRUE(row(ab, "salary").outdated);   // 26 months, salary allows 24
    EXPECT_FALSE(row(ab, "duties").outdated);  // 26 months, default 36
    p.source.jurisdiction = "NS";
    auto ns = audit(p, kAsOf, policy);
    EXPECT_TRUE(row(ns, "education").outdated);
    EXPECT_EQ(row(ns, "education").limit.rule, "default");
}

// ---- the other findings

TEST(StaleFindings, NextUpdatePassesAtTheEndOfItsMonth) {
    auto p = profile({section("duties", "Duties", 3)},
                     {dated(DateKind::published, "2021-12"),
                      dated(DateKind::next_update, "2022-12", 5, "next update will be in December 2022")});
    StalePolicy lenient;
    lenient.set("default", 120);
    EXPECT_TRUE(audit(p, day(2022, 12, 31), lenient).findings.empty());
    auto passed = audit(p, day(2023, 1, 1), lenient);
    EXPECT_EQ(rules_of(passed), std::vector<std::string>{"next-update-passed"});
    EXPECT_EQ(passed.findings[0].message,
              "the next update promised for 2022-12 (\"next update will be in December 2022\") has passed by "
              "2023-01-01");
    EXPECT_EQ(passed.findings[0].source_line, 5);
}

TEST(StaleFindings, OutlookPeriodEndsWithItsLastYear) {
    Section outlook = section(
        "outlook", "Outlook", 3,
        {dated(DateKind::period, "2019/2021", 4, "2019-2021"), dated(DateKind::period, "2019/2021", 6, "2019-2021")});
    auto p = profile({outlook}, {dated(DateKind::published, "2019-12")});
    StalePolicy lenient;
    lenient.set("default", 120);
    EXPECT_TRUE(audit(p, day(2021, 12, 31), lenient).findings.empty());
    auto ended = audit(p, day(2022, 1, 1), lenient);
    EXPECT_EQ(rules_of(ended), std::vector<std::string>{"outlook-period-ended"});  // once, not per mention
    EXPECT_EQ(ended.findings[0].message, "period 2019-2021 ended before the as-of date 2022-01-01");
    EXPECT_EQ(ended.findings[0].subject, "period:2019/2021");
    EXPECT_EQ(ended.findings[0].source_line, 4);
}

TEST(StaleFindings, DatesInTheFuture) {
    auto p = profile(
        {section("duties", "Duties", 3, {dated(DateKind::revised, "2026-12", 4, "Section revised December 2026")})},
        {dated(DateKind::next_update, "2027-06"), dated(DateKind::period, "2025/2029")});
    auto a = audit(p);
    EXPECT_EQ(rules_of(a), std::vector<std::string>{"future-date"});  // a next update and an outlook may be ahead
    EXPECT_EQ(a.findings[0].severity, occkit::Severity::error);
    EXPECT_EQ(a.findings[0].message,
              "revised date 2026-12 (\"Section revised December 2026\") is after the as-of date 2026-11-22");
    EXPECT_EQ(row(a, "duties").age_months, -1);
    EXPECT_FALSE(row(a, "duties").outdated);
    // A month that has begun is not in the future.
    EXPECT_TRUE(audit(p, day(2026, 12, 1)).findings.empty());
}

TEST(StaleFindings, DataYearsAreHeldToTheirSectionsLimit) {
    Section salary = section("salary", "Salary", 20,
                             {dated(DateKind::revised, "2026-01"), dated(DateKind::data_year, "2022", 21, "(2022)")});
    occkit::Wage wage;
    wage.data_year = "2022";  // the same year as the date above: one finding
    wage.phrase = "$26.18 to $32.18 an hour (2022)";
    wage.line = 21;
    salary.wages.push_back(wage);
    auto p = profile({salary});
    auto policy = StalePolicy::parse("salary = 24m\n", "p");
    auto a = audit(p, kAsOf, policy);
    EXPECT_EQ(rules_of(a), std::vector<std::string>{"stale-wage-data"});
    EXPECT_EQ(a.findings[0].message,
              "data year 2022 (\"(2022)\") is 58 months old; the limit is 24 months (policy: salary) for salary");
    EXPECT_EQ(a.findings[0].subject, "data-year:salary:2022");
    EXPECT_TRUE(audit(p, kAsOf, StalePolicy::parse("salary = 5y\n", "p")).findings.empty());
}

TEST(StaleFindings, PageLevelWagesUseTheSalaryLimit) {
    auto p = profile({section("duties", "Duties", 3, {dated(DateKind::revised, "2026-01")})});
    occkit::Wage wage;
    wage.data_year = "2023";
    wage.phrase = "$60,000 a year";
    wage.line = 9;
    p.wages.push_back(wage);
    auto a = audit(p, kAsOf, StalePolicy::parse("salary = 24m\n", "p"));
    EXPECT_EQ(rules_of(a), std::vector<std::string>{"stale-wage-data"});
    EXPECT_EQ(a.findings[0].source_line, 9);
    EXPECT_TRUE(audit(p, kAsOf, StalePolicy::parse("salary = 4y\n", "p")).findings.empty());  // 46 months
}

TEST(StaleFindings, UnreadableDateLinesAreReportedNotDropped) {
    Section duties = section("duties", "Duties", 3, {dated(DateKind::revised, "2026-01")});
    duties.content = {paragraph("The NOC system is updated every 5 years to reflect changes.", 4),
                      paragraph("Updated:", 6), paragraph("Section revised Marhc 2012", 7)};
    auto a = audit(profile({duties}));
    EXPECT_EQ(rules_of(a), (std::vector<std::string>{"unparsed-date-phrase", "unparsed-date-phrase"}));
    EXPECT_EQ(a.findings[0].message, "date-like phrase not understood: \"Updated:\"");
    EXPECT_EQ(a.findings[0].source_line, 6);
    EXPECT_EQ(a.findings[0].severity, occkit::Severity::info);
    EXPECT_EQ(a.findings[1].source_line, 7);
    EXPECT_FALSE(a.flagged());  // information only
}

TEST(StaleFindings, CarryTheFileAndAreGroupedByRule) {
    auto p = profile({section("duties", "Duties", 3), section("salary", "Salary", 8)},
                     {dated(DateKind::period, "2013/2017", 2), dated(DateKind::next_update, "2020-01", 1)});
    auto a = occkit::audit_staleness(p, "dir/page.xml", kAsOf, {});
    EXPECT_EQ(rules_of(a), (std::vector<std::string>{"outlook-period-ended", "next-update-passed", "no-date-basis",
                                                     "no-date-basis"}));
    for (const auto& f : a.findings) EXPECT_EQ(f.file, "dir/page.xml");
    auto findings = occkit::stale_findings(p, "dir/page.xml", kAsOf, {});
    ASSERT_EQ(findings.size(), a.findings.size());
    EXPECT_EQ(findings[0].subject, a.findings[0].subject);
}

TEST(StaleFindings, RuleInfosCoverEveryRule) {
    auto infos = occkit::stale_rule_infos();
    std::vector<std::string> ids;
    for (const auto& r : infos) {
        ids.push_back(r.id);
        EXPECT_FALSE(r.summary.empty()) << r.id;
        EXPECT_FALSE(r.explanation.empty()) << r.id;
    }
    EXPECT_EQ(ids,
              (std::vector<std::string>{"outdated-section", "stale-wage-data", "outlook-period-ended",
                                        "next-update-passed", "future-date", "no-date-basis", "unparsed-date-phrase"}));
}

// ---- summary and reports

TEST(StaleSummary, PerJurisdictionAndLayout) {
    auto old_ab = profile({section("education", "Education", 10, {dated(DateKind::revised, "2012-03")}),
                           section("duties", "Duties", 20, {dated(DateKind::revised, "2025-01")})});
    auto fresh_ab = profile({section("duties", "Duties", 3, {dated(DateKind::revised, "2026-01")})});
    auto ns = profile({section("duties", "Duties", 3)}, {}, "NS");
    std::vector<StaleAudit> audits{occkit::audit_staleness(old_ab, "a.txt", kAsOf, {}),
                                   occkit::audit_staleness(fresh_ab, "b.txt", kAsOf, {}),
                                   occkit::audit_staleness(ns, "c.txt", kAsOf, {})};
    auto summary = occkit::summarize_staleness(audits);
    ASSERT_EQ(summary.size(), 2u);
    EXPECT_EQ(summary[0].jurisdiction, "AB");
    EXPECT_EQ(summary[0].profiles, 2);
    EXPECT_EQ(summary[0].outdated_profiles, 1);
    EXPECT_EQ(summary[0].flagged_profiles, 1);
    EXPECT_EQ(summary[0].sections, 3);
    EXPECT_EQ(summary[0].outdated_sections, 1);
    EXPECT_EQ(summary[0].undated_sections, 0);
    EXPECT_EQ(summary[0].oldest_file, "a.txt");
    EXPECT_EQ(summary[0].oldest_path, "education");
    EXPECT_EQ(summary[0].oldest_age_months, 176);
    EXPECT_EQ(summary[1].jurisdiction, "NS");
    EXPECT_EQ(summary[1].undated_sections, 1);
    EXPECT_EQ(summary[1].flagged_profiles, 1);
    EXPECT_FALSE(summary[1].oldest_date);
}

TEST(StaleReport, TextTableIsSortedByAgeWithUndatedLast) {
    auto p = profile({section("duties", "Duties", 3),
                      section("education", "Education", 10, {dated(DateKind::revised, "2025-01")}),
                      section("salary", "Salary", 20, {dated(DateKind::revised, "2012-02")})});
    auto text = occkit::write_stale_report(occkit::StaleFormat::text, {audit(p)}, kAsOf);
    auto lines = lines_of(text);
    ASSERT_GE(lines.size(), 4u);
    EXPECT_EQ(lines[0].rfind("AGE", 0), 0u);
    EXPECT_TRUE(contains(lines[1], " 177 ") && contains(lines[1], "outdated") && contains(lines[1], "page.txt:20"))
        << lines[1];
    EXPECT_TRUE(contains(lines[2], " 22 ") && contains(lines[2], " ok ") && contains(lines[2], "page.txt:10"))
        << lines[2];
    EXPECT_TRUE(contains(lines[3], "undated") && contains(lines[3], "page.txt:3")) << lines[3];
    EXPECT_TRUE(contains(text, "Summary as of 2026-11-22:")) << text;
}

TEST(StaleReport, CsvQuotesAndOneRowPerSection) {
    auto p = profile({section("duties", "Duties, \"daily\"", 3, {dated(DateKind::revised, "2012-03")})});
    auto csv = occkit::write_stale_report(occkit::StaleFormat::csv, {audit(p)}, kAsOf);
    EXPECT_EQ(csv,
              "file,jurisdiction,layout,section,kind,heading,line,date,basis,phrase,date_line,age_months,limit_months,"
              "policy_rule,status\r\n"
              "page.txt,AB,test,duties,duties,\"Duties, \"\"daily\"\"\",3,2012-03,section-revised,2012-03,,176,36,"
              "default,outdated\r\n");
}

TEST(StaleReport, JsonHasTheRowsFindingsAndSummary) {
    auto p = profile({section("duties", "Duties \"A\"", 3, {dated(DateKind::revised, "2012-03", 4)}),
                      section("salary", "Salary", 9)});
    auto json = occkit::write_stale_report(occkit::StaleFormat::json, {audit(p)}, kAsOf);
    EXPECT_EQ(json.rfind("{\n  \"asOf\": \"2026-11-22\",\n  \"profiles\": [\n    {\n      \"file\": \"page.txt\",", 0),
              0u)
        << json;
    EXPECT_TRUE(contains(json, R"(
        {
          "path": "duties",
          "kind": "duties",
          "heading": "Duties \"A\"",
          "line": 3,
          "basis": "section-revised",
          "date": "2012-03",
          "phrase": "2012-03",
          "dateLine": 4,
          "ageMonths": 176,
          "limitMonths": 36,
          "policyRule": "default",
          "status": "outdated"
        },)"))
        << json;
    // An undated section has no date, phrase or age.
    EXPECT_TRUE(contains(json, R"(
          "basis": "none",
          "limitMonths": 36,)"))
        << json;
    EXPECT_TRUE(contains(json, R"("rule": "outdated-section",
          "severity": "warning",)"))
        << json;
    EXPECT_TRUE(contains(json, R"("summary": [
    {
      "jurisdiction": "AB",
      "layout": "test",
      "profiles": 1,)"))
        << json;
    EXPECT_EQ(json.substr(json.size() - 3), "\n}\n");
}

TEST(StaleReport, FormatNames) {
    EXPECT_EQ(occkit::stale_format_from_string("csv"), occkit::StaleFormat::csv);
    EXPECT_EQ(occkit::stale_format_from_string("sarif"), occkit::StaleFormat::sarif);
    EXPECT_EQ(occkit::stale_format_from_string("xml"), std::nullopt);
}

// ---- pages through the converter

TEST(StalePages, FrenchPhrases) {
    auto c = occkit::convert(kFrenchPage);
    auto a = audit(c.profile);
    // "Section révisée en février 2013" closes the salary paragraph; "mise à jour le 31 mars 2024" dates the page.
    EXPECT_EQ(row(a, "salary").basis, DateBasis::section_revised);
    EXPECT_EQ(row(a, "salary").effective->iso(), "2013-02");
    EXPECT_EQ(row(a, "salary").age_months, 165);
    EXPECT_EQ(row(a, "outlook").basis, DateBasis::page_updated);
    EXPECT_EQ(row(a, "outlook").effective->iso(), "2024-03-31");
    EXPECT_EQ(row(a, "outlook").age_months, 31);
    EXPECT_EQ(finding(a, "next-update-passed").message,
              "the next update promised for 2025-12 (\"Prochaine mise à jour : décembre 2025\") has passed by "
              "2026-11-22");
    EXPECT_EQ(finding(a, "outlook-period-ended").message,
              "period 2022-2024 (\"de 2022 à 2024\") ended before the as-of date 2026-11-22");
    EXPECT_EQ(finding(a, "stale-wage-data").message,
              "data year 2019 (\"(2019)\") is 94 months old; the limit is 36 months (policy: default) for salary");
    EXPECT_EQ(finding(a, "unparsed-date-phrase").message,
              "date-like phrase not understood: \"Date de modification :\"");
}

TEST(StalePages, CanonicalXmlAuditsLikeThePage) {
    auto c = occkit::convert(kDatedPage);
    auto from_page = audit(c.profile);
    auto from_xml = audit(occkit::read_xml(occkit::write_xml(c.profile)));
    auto as_rows = [](const StaleAudit& a) {
        std::vector<std::string> rows;
        for (const auto& s : a.sections)
            rows.push_back(s.path + " " + std::string(occkit::to_string(s.basis)) + " " +
                           (s.effective ? s.effective->iso() : "-") + " " + std::to_string(s.age_months));
        for (const auto& f : a.findings) rows.push_back(f.rule + " " + f.message);
        return rows;
    };
    EXPECT_EQ(as_rows(from_page), as_rows(from_xml));
    EXPECT_EQ(row(from_page, "salary").effective->iso(), "2012-02");
    EXPECT_EQ(row(from_page, "duties").basis, DateBasis::page_produced);
}

// ---- the seeds and the real ALIS pages (../shared)

TEST(StaleShared, Seed002AsOf2026) {
    OCCKIT_REQUIRE_SHARED(shared);
    auto seed = occkit::testing::files_below(shared / "seeds", {".txt"});
    auto page = std::find_if(seed.begin(), seed.end(),
                             [](const fs::path& p) { return p.filename().string().rfind("002_", 0) == 0; });
    ASSERT_NE(page, seed.end());
    auto a = audit(occkit::convert(occkit::testing::read_file(*page)).profile);
    const SectionAge& education = row(a, "education");
    EXPECT_EQ(education.effective->iso(), "2012-03");
    EXPECT_EQ(education.basis, DateBasis::section_revised);
    EXPECT_EQ(education.phrase, "Section revised March 2012");
    EXPECT_EQ(education.age_months, 176);
    EXPECT_TRUE(education.outdated);
    const SectionAge& salary = row(a, "salary");
    EXPECT_EQ(salary.effective->iso(), "2012-02");
    EXPECT_EQ(salary.basis, DateBasis::section_revised);
    EXPECT_EQ(salary.age_months, 177);
    EXPECT_TRUE(salary.outdated);
    // The other sections have only the page's "Produced July 2010".
    EXPECT_EQ(row(a, "duties").basis, DateBasis::page_produced);
    EXPECT_EQ(row(a, "duties").effective->iso(), "2010-07");
    EXPECT_EQ(row(a, "duties").age_months, 196);
    std::vector<std::string> other;
    for (const auto& f : a.findings)
        if (f.rule != "outdated-section") other.push_back(f.rule + " " + std::to_string(f.source_line));
    EXPECT_EQ(other, (std::vector<std::string>{"stale-wage-data 76", "stale-wage-data 78", "outlook-period-ended 8"}));
    EXPECT_EQ(a.jurisdiction, "AB");
    EXPECT_EQ(a.layout, "alis-2010");
}

TEST(StaleShared, Seed000HasOnlyACopyright) {
    OCCKIT_REQUIRE_SHARED(shared);
    auto seed = occkit::testing::files_below(shared / "seeds", {".txt"});
    auto page = std::find_if(seed.begin(), seed.end(),
                             [](const fs::path& p) { return p.filename().string().rfind("000_", 0) == 0; });
    ASSERT_NE(page, seed.end());
    auto a = audit(occkit::convert(occkit::testing::read_file(*page)).profile);
    ASSERT_FALSE(a.sections.empty());
    for (const auto& s : a.sections) {
        SCOPED_TRACE(s.path);
        EXPECT_EQ(s.basis, DateBasis::copyright);
        EXPECT_EQ(s.effective->iso(), "2009");
        EXPECT_EQ(s.phrase, "Crown copyright © 2009");
        EXPECT_EQ(s.age_months, 214);
    }
}

TEST(StaleShared, AlisUpdatedDates) {
    OCCKIT_REQUIRE_SHARED(shared);
    const fs::path ab = shared / "corpus/pages/ab";
    auto audit_page = [&](const std::string& name) {
        return audit(occkit::convert(occkit::testing::read_file(ab / name)).profile);
    };
    auto cook = audit_page("alis-cook-2017.txt");
    EXPECT_EQ(row(cook, "duties").basis, DateBasis::section_updated);
    EXPECT_EQ(row(cook, "duties").effective->iso(), "2016-12-20");
    EXPECT_EQ(row(cook, "duties").age_months, 119);
    EXPECT_TRUE(row(cook, "duties").outdated);
    auto nurse = audit_page("alis-licensed-practical-nurse-2024.txt");
    EXPECT_EQ(row(nurse, "duties").basis, DateBasis::section_updated);
    EXPECT_EQ(row(nurse, "duties").effective->iso(), "2024-03-31");
    EXPECT_EQ(row(nurse, "duties").age_months, 31);
    EXPECT_FALSE(row(nurse, "duties").outdated);

    // Every "Updated" line of every 2017+ ALIS page dates some section of its profile.
    for (const auto& path : occkit::testing::files_below(ab, {".txt"})) {
        std::string bytes = occkit::testing::read_file(path);
        auto c = occkit::convert(bytes);
        if (c.profile.source.layout != "alis") continue;
        auto a = audit(c.profile);
        for (const auto& line : lines_of(bytes)) {
            auto phrase = occkit::find_date_phrase(line);
            if (!phrase || phrase->kind != DateKind::updated) continue;
            SCOPED_TRACE(path.filename().string() + ": " + line);
            bool dates_a_section = std::any_of(a.sections.begin(), a.sections.end(), [&](const SectionAge& s) {
                return s.effective && s.effective->iso() == phrase->date.iso() &&
                       (s.basis == DateBasis::section_updated || s.basis == DateBasis::page_updated);
            });
            EXPECT_TRUE(dates_a_section);
        }
    }
}

// ---- the command line

TEST(StaleCli, ExitOneWhenOutdatedZeroWhenCurrent) {
    auto dir = occkit::testing::scratch_dir("stale_cli_exit");
    write_text(dir / "page.txt", kDatedPage);
    auto old = occkit::testing::run_cli({"stale", "--as-of", "2026-11-22", (dir / "page.txt").string()});
    EXPECT_EQ(old.exit_code, 1) << old.err;
    EXPECT_TRUE(contains(old.out, "section-revised")) << old.out;
    auto current = occkit::testing::run_cli({"stale", "--as-of", "2012-06-01", (dir / "page.txt").string()});
    EXPECT_EQ(current.exit_code, 0) << current.out << current.err;
    EXPECT_TRUE(contains(current.out, " ok ")) << current.out;
}

TEST(StaleCli, MaxAgeAndPolicyFile) {
    auto dir = occkit::testing::scratch_dir("stale_cli_policy");
    write_text(dir / "page.txt", kDatedPage);
    const std::string page = (dir / "page.txt").string();
    // Salary revised 2012-02 and data year 2010: 177 and 202 months at the as-of date.
    auto lenient = occkit::testing::run_cli({"stale", "--as-of", "2026-11-22", "--max-age", "20y", page});
    EXPECT_EQ(lenient.exit_code, 0) << lenient.out << lenient.err;
    write_text(dir / "policy.txt", "default = 20y\nsalary = 12y  # stricter for wages\n");
    auto strict = occkit::testing::run_cli(
        {"stale", "--as-of", "2026-11-22", "--policy", (dir / "policy.txt").string(), "--format", "csv", page});
    EXPECT_EQ(strict.exit_code, 1) << strict.err;
    EXPECT_TRUE(contains(strict.out,
                         ",salary,salary,Salary,7,2012-02,section-revised,Section revised February 2012,"
                         "10,177,144,salary,outdated\r\n"))
        << strict.out;
    write_text(dir / "bad.txt", "salary = soon\n");
    auto bad = occkit::testing::run_cli({"stale", "--policy", (dir / "bad.txt").string(), page});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_EQ(bad.err,
              "occkit: stale: " + (dir / "bad.txt").string() + ":1: 'soon' is not a duration such as 36m or 3y\n");
    auto bad_age = occkit::testing::run_cli({"stale", "--max-age", "36", page});
    EXPECT_EQ(bad_age.exit_code, 2);
    EXPECT_EQ(bad_age.err, "occkit: stale: --max-age: '36' is not a duration such as 36m or 3y\n");
}

TEST(StaleCli, BadAsOfAndBadInputs) {
    auto dir = occkit::testing::scratch_dir("stale_cli_errors");
    write_text(dir / "page.txt", kDatedPage);
    write_text(dir / "broken.xml", "<occupation><title>");
    auto bad_date = occkit::testing::run_cli({"stale", "--as-of", "22/11/2026", (dir / "page.txt").string()});
    EXPECT_EQ(bad_date.exit_code, 2);
    EXPECT_EQ(bad_date.err,
              "occkit: stale: --as-of: '22/11/2026' is not a date such as 2026-11-22\n"
              "Run 'occkit stale --help' for usage.\n");
    // A broken input is named on one line; the others are still audited and reported.
    auto r = occkit::testing::run_cli({"stale", "--as-of", "2026-11-22", dir.string()});
    EXPECT_EQ(r.exit_code, 1);  // some inputs failed, as in every command
    auto err_lines = lines_of(r.err);
    ASSERT_EQ(err_lines.size(), 1u) << r.err;
    EXPECT_EQ(err_lines[0].rfind("occkit: " + (dir / "broken.xml").string() + ": ", 0), 0u) << r.err;
    EXPECT_TRUE(contains(r.out, (dir / "page.txt").string() + ":7")) << r.out;
}

TEST(StaleCli, CanonicalXmlFilesAndStdin) {
    auto dir = occkit::testing::scratch_dir("stale_cli_xml");
    std::string xml = occkit::write_xml(occkit::convert(kDatedPage).profile);
    write_text(dir / "page.xml", xml);
    const std::vector<std::string> common{"stale", "--as-of", "2026-11-22", "--format", "csv"};
    auto with = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = common;
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    };
    auto from_file = occkit::testing::run_cli(with({(dir / "page.xml").string()}));
    auto from_stdin_xml = occkit::testing::run_cli(with({"-"}), xml);
    auto from_stdin_page = occkit::testing::run_cli(with({}), kDatedPage);
    EXPECT_EQ(from_file.exit_code, 1) << from_file.err;
    auto without_file_column = [](const std::string& csv) {
        std::string out;
        for (const auto& line : lines_of(csv)) out += line.substr(line.find(',')) + "\n";
        return out;
    };
    EXPECT_EQ(without_file_column(from_file.out), without_file_column(from_stdin_xml.out));
    EXPECT_EQ(without_file_column(from_file.out), without_file_column(from_stdin_page.out));
    EXPECT_TRUE(contains(from_stdin_xml.out, ",salary,salary,Salary,7,2012-02,section-revised,")) << from_stdin_xml.out;
    auto rows = lines_of(from_stdin_xml.out);
    ASSERT_EQ(rows.size(), 3u);
    for (std::size_t i = 1; i < rows.size(); ++i) EXPECT_EQ(rows[i].rfind("-,", 0), 0u) << rows[i];  // stdin is "-"
}

TEST(StaleCli, OutputFileAndParallelJobsAgree) {
    auto dir = occkit::testing::scratch_dir("stale_cli_jobs");
    for (int i = 0; i < 6; ++i) write_text(dir / ("page" + std::to_string(i) + ".txt"), kDatedPage);
    write_text(dir / "french.txt", kFrenchPage);
    auto serial = occkit::testing::run_cli({"stale", "--as-of", "2026-11-22", "--format", "json", dir.string()});
    auto parallel = occkit::testing::run_cli({"stale", "--as-of", "2026-11-22", "--format", "json", "-j", "4", "-o",
                                              (dir / "report.json").string(), dir.string()});
    EXPECT_EQ(serial.exit_code, 1);
    EXPECT_EQ(parallel.exit_code, 1);
    EXPECT_TRUE(parallel.out.empty());
    EXPECT_EQ(occkit::testing::read_file(dir / "report.json"), serial.out);
    std::size_t flagged = 0;
    for (std::size_t at = serial.out.find("\"flagged\": true"); at != std::string::npos;
         at = serial.out.find("\"flagged\": true", at + 1))
        ++flagged;
    EXPECT_EQ(flagged, 7u) << serial.out;
}

TEST(StaleCli, SarifPointsIntoThePage) {
    auto dir = occkit::testing::scratch_dir("stale_cli_sarif");
    write_text(dir / "page.txt", kDatedPage);
    auto r =
        occkit::testing::run_cli({"stale", "--as-of", "2026-11-22", "--format", "sarif", (dir / "page.txt").string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_TRUE(contains(r.out, "\"version\": \"2.1.0\"")) << r.out;
    EXPECT_TRUE(contains(r.out, "\"id\": \"unparsed-date-phrase\"")) << r.out;  // every rule is described
    // The salary section (line 7) is outdated: its result points at that line of the page.
    EXPECT_TRUE(contains(r.out, R"("ruleId": "outdated-section",)")) << r.out;
    EXPECT_TRUE(contains(r.out, R"("startLine": 7)")) << r.out;
    EXPECT_TRUE(contains(r.out, R"("subject": "section:salary")")) << r.out;

    // Its canonical XML: the result points at the salary <section> element's line in the XML file.
    auto xml =
        occkit::testing::run_cli({"convert", "-q", (dir / "page.txt").string(), "-o", (dir / "page.xml").string()});
    ASSERT_EQ(xml.exit_code, 0) << xml.err;
    const std::string doc = occkit::testing::read_file(dir / "page.xml");
    std::size_t at = doc.find("<section kind=\"salary\" line=\"7\"");
    ASSERT_NE(at, std::string::npos) << doc;
    const int xml_line = 1 + static_cast<int>(std::count(doc.begin(), doc.begin() + static_cast<long>(at), '\n'));
    ASSERT_NE(xml_line, 7);
    auto from_xml =
        occkit::testing::run_cli({"stale", "--as-of", "2026-11-22", "--format", "sarif", (dir / "page.xml").string()});
    EXPECT_EQ(from_xml.exit_code, 1) << from_xml.err;
    EXPECT_TRUE(contains(from_xml.out, "\"startLine\": " + std::to_string(xml_line) + "\n")) << from_xml.out;
    EXPECT_TRUE(contains(from_xml.out, "(page line 7)")) << from_xml.out;
}
