// occkit validate (occkit/validate.hpp and the CLI): every rule triggered and not triggered, with the XML line and
// the page line of each finding; the structural findings (unreadable, not well-formed, DOCTYPE, schema) and their
// agreement with tree-based XSD validation; rule configuration; extra rule sets; pages; baselines; the command's
// formats and exit codes; and the real WorkBC pages when ../shared is present.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <string>
#include <thread>
#include <vector>

#include "occkit/convert.hpp"
#include "occkit/error.hpp"
#include "occkit/validate.hpp"
#include "occkit/xml.hpp"
#include "testing.hpp"

namespace {

namespace fs = std::filesystem;
using occkit::CalendarDate;
using occkit::Content;
using occkit::Date;
using occkit::DateKind;
using occkit::DatePrecision;
using occkit::Finding;
using occkit::Profile;
using occkit::Section;
using occkit::Severity;
using occkit::Validator;
using occkit::ValidatorOptions;
using occkit::Wage;
using occkit::WagePer;
using occkit::testing::run_cli;
using occkit::testing::scratch_dir;
using occkit::testing::source_dir;
using Json = nlohmann::json;

const CalendarDate kAsOf{2024, 3, 15, 0, DatePrecision::day};

// --- profiles written by the tests (write_xml makes them schema-valid canonical XML) ---

Section section(std::string kind, std::string heading, int line, std::string paragraph = "Some text.") {
    Section s;
    s.kind = std::move(kind);
    s.heading = std::move(heading);
    s.line = line;
    if (!paragraph.empty()) {
        Content c;
        c.kind = Content::Kind::paragraph;
        c.paragraph = {paragraph, line + 1};
        c.line = line + 1;
        s.content.push_back(c);
    }
    return s;
}

// A clean profile: no rule fires on it.
Profile clean_profile() {
    Profile p;
    p.source = {"BC", "workbc", "", "html", std::string(64, 'a'), "en", "UTF-8"};
    p.title = occkit::Line{"Arborist", 3};
    p.alternate_titles = {{"Tree surgeon", 4}, {"Tree care specialist", 4}};
    p.codes.push_back({"NOC", "2016", "2225", "Landscape and horticulture technicians", 5});
    p.sections.push_back(section("overview", "Career Overview", 10));
    p.sections.push_back(section("duties", "Duties", 20));
    return p;
}

Wage wage(WagePer per, std::optional<double> min, std::optional<double> max, std::optional<double> value, int line,
          std::string phrase) {
    Wage w;
    w.measure = value ? occkit::WageMeasure::average : occkit::WageMeasure::range;
    w.per = per;
    w.min = min;
    w.max = max;
    w.value = value;
    w.line = line;
    w.phrase = std::move(phrase);
    return w;
}

Date date(DateKind kind, std::string value, DatePrecision precision, int line, std::string phrase) {
    Date d;
    d.kind = kind;
    d.value = std::move(value);
    d.precision = precision;
    d.line = line;
    d.phrase = std::move(phrase);
    return d;
}

// 1-based line of the first occurrence of `needle` in `text` (0 when absent).
int line_of(const std::string& text, const std::string& needle, std::size_t occurrence = 1) {
    std::size_t at = std::string::npos;
    for (std::size_t from = 0; occurrence > 0; --occurrence, from = at + 1)
        if ((at = text.find(needle, from)) == std::string::npos) return 0;
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

const Validator& validator() {
    static const Validator v([] {
        ValidatorOptions o;
        o.as_of = kAsOf;
        return o;
    }());
    return v;
}

std::vector<Finding> findings_of(const std::string& xml, const std::string& rule = {}) {
    std::vector<Finding> all = validator().validate_xml(xml, "p.xml");
    if (rule.empty()) return all;
    std::erase_if(all, [&rule](const Finding& f) { return f.rule != rule; });
    return all;
}

std::string describe(const std::vector<Finding>& findings) {
    std::string out;
    for (const Finding& f : findings)
        out +=
            f.rule + " @" + std::to_string(f.xml_line) + "/" + std::to_string(f.source_line) + ": " + f.message + "\n";
    return out;
}

// --- the clean case and each rule ---

TEST(ValidateRules, ACleanProfileHasNoFindings) {
    std::string xml = occkit::write_xml(clean_profile());
    EXPECT_EQ(describe(findings_of(xml)), "");
}

TEST(ValidateRules, MissingTitle) {
    Profile p = clean_profile();
    p.title.reset();
    std::string xml = occkit::write_xml(p);
    auto found = findings_of(xml, "missing-title");
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_EQ(found[0].message, "the profile has no title");
    EXPECT_EQ(found[0].xml_line, line_of(xml, "<occupation "));
    EXPECT_EQ(found[0].source_line, 0);
    EXPECT_EQ(found[0].severity, Severity::error);

    p.title = occkit::Line{"   ", 3};  // schema-valid (not empty) but blank
    xml = occkit::write_xml(p);
    found = findings_of(xml, "missing-title");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].message, "the title is blank");
    EXPECT_EQ(found[0].xml_line, line_of(xml, "<title"));
    EXPECT_EQ(found[0].source_line, 3);
}

TEST(ValidateRules, NoSections) {
    Profile p = clean_profile();
    p.sections.clear();
    std::string xml = occkit::write_xml(p);
    auto found = findings_of(xml, "no-sections");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].message, "the profile has no sections");
    EXPECT_EQ(found[0].xml_line, line_of(xml, "<occupation "));
    EXPECT_TRUE(findings_of(occkit::write_xml(clean_profile()), "no-sections").empty());
}

TEST(ValidateRules, DuplicateSectionKindAmongTopLevelSections) {
    Profile p = clean_profile();
    p.sections.push_back(section("duties", "Main Duties", 30));
    p.sections.push_back(section("other", "Insights", 40));
    p.sections.push_back(section("other", "Highlights", 50));  // "other" may repeat
    Section education = section("education", "Education", 60, "");
    education.subsections = {section("education", "High School", 61), section("education", "College", 64)};
    p.sections.push_back(education);  // subsections may share their parent's kind
    std::string xml = occkit::write_xml(p);
    auto found = findings_of(xml);
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_EQ(found[0].rule, "duplicate-section-kind");
    EXPECT_EQ(found[0].message, "section \"Main Duties\" (duties) repeats the kind of section \"Duties\" (duties)");
    EXPECT_EQ(found[0].xml_line, line_of(xml, "<section kind=\"duties\"", 2));
    EXPECT_EQ(found[0].source_line, 30);
    EXPECT_EQ(found[0].severity, Severity::warning);
    EXPECT_EQ(found[0].subject, "section:duties[2]");
}

TEST(ValidateRules, EmptySection) {
    Profile p = clean_profile();
    p.sections.push_back(section("salary", "Salary", 30, ""));
    Section parent = section("education", "Education", 40, "");
    parent.subsections = {section("certification", "Certification", 41)};
    p.sections.push_back(parent);  // content in a subsection is content
    std::string xml = occkit::write_xml(p);
    auto found = findings_of(xml);
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_EQ(found[0].rule, "empty-section");
    EXPECT_EQ(found[0].message, "section \"Salary\" (salary) has no content");
    EXPECT_EQ(found[0].xml_line, line_of(xml, "<section kind=\"salary\""));
    EXPECT_EQ(found[0].source_line, 30);
}

TEST(ValidateRules, UnmappedContent) {
    Profile p = clean_profile();
    Content c;
    c.kind = Content::Kind::list;
    c.items = {{"Stray bullet", 1, 77}, {"Another", 1, 78}};
    c.line = 77;
    p.unmapped.push_back(c);
    std::string xml = occkit::write_xml(p);
    auto found = findings_of(xml);
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_EQ(found[0].rule, "unmapped-content");
    EXPECT_EQ(found[0].message, "content the layout could not place: \"Stray bullet\"");
    EXPECT_EQ(found[0].xml_line, line_of(xml, "<list", 1));
    EXPECT_EQ(found[0].source_line, 77);
}

TEST(ValidateRules, WageMinimumAboveMaximum) {
    Profile p = clean_profile();
    Section salary = section("salary", "Earnings", 30);
    salary.wages = {wage(WagePer::hour, 32.18, 26.18, std::nullopt, 31, "$32.18 to $26.18 an hour"),
                    wage(WagePer::hour, 26.18, 32.18, std::nullopt, 32, "$26.18 to $32.18 an hour")};
    p.sections.push_back(salary);
    std::string xml = occkit::write_xml(p);
    auto found = findings_of(xml);
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_EQ(found[0].rule, "wage-min-above-max");
    EXPECT_EQ(found[0].message, "wage \"$32.18 to $26.18 an hour\": minimum $32.18 is above maximum $26.18");
    EXPECT_EQ(found[0].xml_line, line_of(xml, "<wage "));
    EXPECT_EQ(found[0].source_line, 31);
    EXPECT_EQ(found[0].subject, "wage:salary:$32.18 to $26.18 an hour");
}

TEST(ValidateRules, ImplausibleWageForItsPeriod) {
    Profile p = clean_profile();
    p.wages = {wage(WagePer::hour, std::nullopt, std::nullopt, 500, 6, "$500 an hour"),  // the limit itself
               wage(WagePer::year, 30000, 60000, std::nullopt, 7, "$30,000 to $60,000 a year"),
               wage(WagePer::hour, std::nullopt, std::nullopt, 650, 8, "$650 an hour"),
               wage(WagePer::year, std::nullopt, std::nullopt, 900, 9, "$900 a year"),
               wage(WagePer::month, 50, 4000, std::nullopt, 10, "$50 to $4,000 a month")};
    std::string xml = occkit::write_xml(p);
    auto found = findings_of(xml);
    ASSERT_EQ(found.size(), 3u) << describe(found);
    EXPECT_EQ(found[0].message, "wage \"$650 an hour\": $650 an hour is above the plausible maximum of $500 an hour");
    EXPECT_EQ(found[0].source_line, 8);
    EXPECT_EQ(found[0].xml_line, line_of(xml, "$650 an hour"));
    EXPECT_EQ(found[1].message, "wage \"$900 a year\": $900 a year is below the plausible minimum of $1000 a year");
    EXPECT_EQ(found[2].message,
              "wage \"$50 to $4,000 a month\": $50 a month is below the plausible minimum of $83.33 a month");
    for (const Finding& f : found) EXPECT_EQ(f.rule, "implausible-wage");
}

TEST(ValidateRules, MalformedCodeForItsSchemeAndVersion) {
    Profile p = clean_profile();
    p.codes = {
        {"NOC", "2011", "3233.1", "", 5},    {"NOC", "2021", "32101", "", 5},  {"OaSIS", "2023", "32101.01", "", 5},
        {"NOC-S", "2006", "D043", "", 5},    {"NOC", "", "3233", "", 5},       {"NOC", "", "32101", "", 5},
        {"NAICS", "2017", "6221", "", 5},    {"NOC", "2016", "32101", "", 6},  {"NOC", "2021", "3233", "", 7},
        {"OaSIS", "2023", "32101.1", "", 8}, {"NOC-S", "2006", "Z123", "", 9}, {"CNP", "", "123", "", 10}};
    std::string xml = occkit::write_xml(p);
    auto found = findings_of(xml);
    ASSERT_EQ(found.size(), 5u) << describe(found);
    EXPECT_EQ(found[0].message, "NOC 2016 code \"32101\" is not four digits, optionally followed by \".n\"");
    EXPECT_EQ(found[0].source_line, 6);
    EXPECT_EQ(found[0].xml_line, line_of(xml, "value=\"32101\"", 3));
    EXPECT_EQ(found[1].message, "NOC 2021 code \"3233\" is not five digits");
    EXPECT_EQ(found[2].message, "OaSIS 2023 code \"32101.1\" is not five digits, a dot and two digits");
    EXPECT_EQ(found[3].message, "NOC-S 2006 code \"Z123\" is not a letter A-J and three digits");
    EXPECT_EQ(found[4].message, "CNP code \"123\" is not four digits (to 2016) or five (2021 on)");
    for (const Finding& f : found) EXPECT_EQ(f.rule, "malformed-code");
}

TEST(ValidateRules, FutureDateAtTheDatesOwnPrecision) {
    Profile p = clean_profile();
    p.dates = {date(DateKind::copyright, "2024", DatePrecision::year, 90, "© 2024"),
               date(DateKind::next_update, "2030-12", DatePrecision::month, 91, "next update December 2030"),
               date(DateKind::period, "2022/2031", DatePrecision::span, 92, "2022-2031")};
    p.sections[1].dates = {date(DateKind::revised, "2024-03", DatePrecision::month, 25, "Section revised March 2024"),
                           date(DateKind::updated, "2024-04-02", DatePrecision::day, 26, "Updated Apr 2, 2024")};
    std::string xml = occkit::write_xml(p);
    auto found = findings_of(xml);
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_EQ(found[0].rule, "future-date");
    EXPECT_EQ(found[0].message, "updated date 2024-04-02 (\"Updated Apr 2, 2024\") is after the as-of date 2024-03-15");
    EXPECT_EQ(found[0].xml_line, line_of(xml, "Updated Apr 2, 2024"));
    EXPECT_EQ(found[0].source_line, 26);
    EXPECT_EQ(found[0].subject, "date:duties:updated:2024-04-02");
}

TEST(ValidateRules, SectionRevisedBeforeThePageWasProduced) {
    Profile p = clean_profile();
    p.dates = {date(DateKind::produced, "2010-07", DatePrecision::month, 99, "Produced July 2010")};
    p.sections[0].dates = {date(DateKind::revised, "2009-03", DatePrecision::month, 15, "Section revised March 2009")};
    p.sections[1].dates = {date(DateKind::revised, "2012-03", DatePrecision::month, 25, "Section revised March 2012")};
    p.sections.push_back(section("salary", "Wages", 30));
    p.sections[2].dates = {date(DateKind::revised, "2010", DatePrecision::year, 35, "Revised 2010")};  // same year
    std::string xml = occkit::write_xml(p);
    auto found = findings_of(xml);
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_EQ(found[0].rule, "revised-before-produced");
    EXPECT_EQ(found[0].message,
              "section \"Career Overview\" (overview) was revised 2009-03, before the page was produced (2010-07)");
    EXPECT_EQ(found[0].xml_line, line_of(xml, "Section revised March 2009"));
    EXPECT_EQ(found[0].source_line, 15);
}

TEST(ValidateRules, DuplicateAlternateTitle) {
    Profile p = clean_profile();
    p.alternate_titles.push_back({"tree  SURGEON", 5});
    std::string xml = occkit::write_xml(p);
    auto found = findings_of(xml);
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_EQ(found[0].rule, "duplicate-alternate-title");
    EXPECT_EQ(found[0].message, "alternate title \"tree  SURGEON\" is listed twice");
    EXPECT_EQ(found[0].xml_line, line_of(xml, "tree  SURGEON"));
    EXPECT_EQ(found[0].source_line, 5);
}

TEST(ValidateRules, EveryRuleHasMetadataAndAUniqueId) {
    const auto& rules = occkit::validate_rule_infos();
    std::vector<std::string> ids;
    for (const auto& r : rules) {
        EXPECT_FALSE(r.summary.empty()) << r.id;
        EXPECT_GT(r.explanation.size(), r.summary.size()) << r.id;
        ids.push_back(r.id);
    }
    for (std::string id :
         {"read-error", "not-well-formed", "schema", "convert-error", "missing-title", "no-sections",
          "duplicate-section-kind", "empty-section", "unmapped-content", "wage-min-above-max", "implausible-wage",
          "malformed-code", "future-date", "revised-before-produced", "duplicate-alternate-title"})
        EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
}

// --- structure: reading, well-formedness, the schema ---

TEST(ValidateStructure, NotWellFormedNamesTheLineAndStopsTheRules) {
    std::string xml = occkit::write_xml(clean_profile());
    std::string truncated = xml.substr(0, xml.find("</sections>"));
    auto found = findings_of(truncated);
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_EQ(found[0].rule, "not-well-formed");
    EXPECT_EQ(found[0].xml_line, line_of(xml, "</sections>"));
    EXPECT_NE(found[0].message.find("Premature end of data"), std::string::npos) << found[0].message;

    found = findings_of("");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].message, "the document is empty");
}

TEST(ValidateStructure, TheBytesAreUtf8WhateverTheDeclarationSays) {
    std::string xml = occkit::write_xml(clean_profile());
    std::string latin = xml;
    latin.replace(latin.find("encoding=\"UTF-8\""), 16, "encoding=\"ISO-8859-1\"");
    latin.replace(latin.find("Arborist"), 8, "Arboriste \xc3\xa9lagueur");
    // Canonical XML is UTF-8: another declared encoding is refused, as every reader refuses it (issue 17).
    EXPECT_EQ(describe(findings_of(latin)),
              "not-well-formed @1/0: encoding 'ISO-8859-1' is not supported; canonical XML is UTF-8\n");

    std::string invalid = xml;
    invalid.replace(invalid.find("Arborist"), 8, "Arbor\xffist");
    auto found = findings_of(invalid);
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_EQ(found[0].rule, "not-well-formed");
    EXPECT_EQ(found[0].xml_line, line_of(xml, "Arborist"));
    EXPECT_EQ(found[0].message.find('\n'), std::string::npos) << found[0].message;
    EXPECT_NE(found[0].message.find("not proper UTF-8"), std::string::npos) << found[0].message;
}

TEST(ValidateStructure, ADoctypeIsRefusedBeforeAnyEntityIsRead) {
    std::string xml = occkit::write_xml(clean_profile());
    std::string bomb =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE occupation [\n<!ENTITY a \"aaaaaaaaaa\">\n"
        "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n]>\n" +
        xml.substr(xml.find("<occupation"));
    bomb.replace(bomb.find("Arborist"), 8, "&c;");
    auto found = findings_of(bomb);
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_EQ(found[0].rule, "not-well-formed");
    EXPECT_EQ(found[0].message, "DOCTYPE is not allowed in canonical XML");
    EXPECT_EQ(found[0].xml_line, 2);
}

TEST(ValidateStructure, SchemaFindingsMatchTreeValidationAndTheRulesStillRun) {
    Profile p = clean_profile();
    p.sections.push_back(section("salary", "Salary", 30, ""));
    std::string bad = occkit::write_xml(p);
    bad.replace(bad.find("kind=\"duties\""), 13, "kind=\"chores\"");
    bad.replace(bad.find(" jurisdiction=\"BC\""), 18, "");
    auto found = findings_of(bad);
    std::vector<occkit::SchemaIssue> expected = occkit::SchemaValidator().validate(bad);
    std::vector<Finding> schema;
    for (const Finding& f : found)
        if (f.rule == "schema") schema.push_back(f);
    ASSERT_EQ(schema.size(), expected.size()) << describe(found);
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(schema[i].xml_line, expected[i].line);
        EXPECT_EQ(schema[i].message, expected[i].message);
    }
    ASSERT_EQ(schema.size(), 2u);
    EXPECT_EQ(schema[0].xml_line, line_of(bad, "<source"));
    EXPECT_NE(schema[0].message.find("'jurisdiction' is required"), std::string::npos);
    EXPECT_EQ(schema[1].xml_line, line_of(bad, "chores"));
    EXPECT_NE(schema[1].message.find("The value 'chores' is not an element of the set"), std::string::npos);
    EXPECT_EQ(found.back().rule, "empty-section");
    EXPECT_EQ(found.back().source_line, 30);
}

TEST(ValidateStructure, AttributeValuesWithAmpersandsAreReadBack) {
    Profile p = clean_profile();
    p.codes = {{"NOC", "2016", "2225", "Landscape & horticulture", 5}};
    p.wages = {wage(WagePer::hour, 40, 30, std::nullopt, 7, "$40 & $30 an hour")};
    std::string xml = occkit::write_xml(p);
    auto found = findings_of(xml);
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_EQ(found[0].message, "wage \"$40 & $30 an hour\": minimum $40 is above maximum $30");
}

TEST(ValidateStructure, ReadErrorIsAFindingAtItsSeverity) {
    auto f = validator().read_error("gone.xml", "no such file or directory");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->rule, "read-error");
    EXPECT_EQ(f->file, "gone.xml");
    EXPECT_EQ(f->severity, Severity::error);
    EXPECT_EQ(f->xml_line, 0);
}

TEST(ValidateStructure, OneValidatorServesSeveralThreads) {
    Profile p = clean_profile();
    p.sections.push_back(section("salary", "Salary", 30, ""));
    const std::string xml = occkit::write_xml(p);
    const std::string expected = describe(findings_of(xml));
    ASSERT_FALSE(expected.empty());
    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (auto& r : results)
        threads.emplace_back([&r, &xml] {
            for (int i = 0; i < 50; ++i) r = describe(findings_of(xml));
        });
    for (auto& t : threads) t.join();
    for (const auto& r : results) EXPECT_EQ(r, expected);
}

// --- configuration and extra rule sets ---

TEST(ValidateConfig, ParsesSettingsAndRejectsBadLines) {
    auto config =
        occkit::RuleConfig::parse("# comment\n\nempty-section = off\nunmapped-content=error  # louder\n", "rules.conf");
    ASSERT_TRUE(config.find("empty-section"));
    EXPECT_FALSE(config.find("empty-section")->severity);
    EXPECT_EQ(config.find("unmapped-content")->severity, Severity::error);
    EXPECT_EQ(config.find("unmapped-content")->where, "rules.conf:4");
    EXPECT_FALSE(config.find("missing-title"));

    auto error_of = [](const std::string& text) {
        try {
            occkit::RuleConfig::parse(text, "c.conf");
        } catch (const occkit::Error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(error_of("empty-section\n"), "c.conf:1: expected \"rule-id = off|info|warning|error\"");
    EXPECT_EQ(error_of("\nempty-section = loud\n"), "c.conf:2: unknown level 'loud' (off, info, warning or error)");
    EXPECT_EQ(error_of("a = off\na = error\n"), "c.conf:2: a is already set at c.conf:1");
}

TEST(ValidateConfig, SwitchesRulesOffAndRegradesThem) {
    Profile p = clean_profile();
    p.sections.push_back(section("salary", "Salary", 30, ""));
    p.title.reset();
    std::string xml = occkit::write_xml(p);
    ValidatorOptions options;
    options.as_of = kAsOf;
    options.config = occkit::RuleConfig::parse("missing-title = off\nempty-section = error\n", "c.conf");
    Validator v(std::move(options));
    auto found = v.validate_xml(xml, "p.xml");
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_EQ(found[0].rule, "empty-section");
    EXPECT_EQ(found[0].severity, Severity::error);
    EXPECT_FALSE(v.severity_of("missing-title"));
    auto active = v.active_rules();
    EXPECT_EQ(std::count_if(active.begin(), active.end(), [](const auto& r) { return r.id == "missing-title"; }), 0);
}

TEST(ValidateConfig, AnUnknownRuleIsAnErrorNamingTheLine) {
    ValidatorOptions options;
    options.config = occkit::RuleConfig::parse("\nemtpy-section = off\n", "c.conf");
    try {
        Validator v(std::move(options));
        FAIL() << "no error";
    } catch (const occkit::Error& e) {
        EXPECT_EQ(std::string(e.what()), "c.conf:2: unknown rule 'emtpy-section' (see `occkit rules`)");
    }
}

occkit::ProfileRuleSet title_echo_set(bool enabled) {
    occkit::ProfileRuleSet set;
    set.enabled = enabled;
    set.rules = {{"title-echo", Severity::info, "Echoes the title", "A test rule that reports the title."},
                 {"missing-title", Severity::info, "Shadowed", "Already defined by validate."}};
    set.check = [](const Profile& p, const std::string&, const CalendarDate&) {
        Finding echo;
        echo.rule = "title-echo";
        echo.message = p.title ? p.title->text : "";
        echo.source_line = p.title ? p.title->line : 0;
        echo.subject = "title";
        Finding shadowed = echo;
        shadowed.rule = "missing-title";
        return std::vector<Finding>{echo, shadowed};
    };
    return set;
}

TEST(ValidateConfig, ExtraRuleSetsRunOnTheProfileAndMapPageLinesToXmlLines) {
    std::string xml = occkit::write_xml(clean_profile());
    ValidatorOptions options;
    options.extra_rule_sets.push_back(title_echo_set(true));
    Validator v(std::move(options));
    auto found = v.validate_xml(xml, "p.xml");
    ASSERT_EQ(found.size(), 1u) << describe(found);  // the shadowed missing-title finding is dropped
    EXPECT_EQ(found[0].rule, "title-echo");
    EXPECT_EQ(found[0].message, "Arborist");
    EXPECT_EQ(found[0].file, "p.xml");
    EXPECT_EQ(found[0].severity, Severity::info);
    EXPECT_EQ(found[0].source_line, 3);
    EXPECT_EQ(found[0].xml_line, line_of(xml, "<title"));
    EXPECT_EQ(std::count_if(v.rules().begin(), v.rules().end(), [](const auto& r) { return r.id == "missing-title"; }),
              1);
}

TEST(ValidateConfig, AnOptInRuleSetRunsOnlyWhenTheConfigEnablesOneOfItsRules) {
    std::string xml = occkit::write_xml(clean_profile());
    ValidatorOptions off;
    off.extra_rule_sets.push_back(title_echo_set(false));
    EXPECT_TRUE(Validator(std::move(off)).validate_xml(xml, "p.xml").empty());
    ValidatorOptions on;
    on.extra_rule_sets.push_back(title_echo_set(false));
    on.config = occkit::RuleConfig::parse("title-echo = warning\n", "c.conf");
    auto found = Validator(std::move(on)).validate_xml(xml, "p.xml");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::warning);
}

// --- pages ---

TEST(ValidatePage, FindingsPointIntoThePage) {
    const std::string page =
        "Glassblowing Technician\n"
        "\n"
        "Duties\n"
        "\n"
        "Working Conditions\n"
        "\n"
        "Most work happens in a university workshop.\n";
    auto found = validator().validate_page(page, "glass.txt");
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_EQ(found[0].rule, "empty-section");
    EXPECT_EQ(found[0].file, "glass.txt");
    EXPECT_EQ(found[0].xml_line, 3);
    EXPECT_EQ(found[0].source_line, 3);

    found = validator().validate_page(std::string("\0\0\0", 3), "binary.txt");
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_EQ(found[0].rule, "convert-error");
    EXPECT_EQ(found[0].message, "not a text file (binary data at byte 0)");
}

// --- baselines ---

TEST(ValidateBaseline, RoundTripSuppressesEachRecordedFindingOnce) {
    Profile p = clean_profile();
    p.sections.push_back(section("salary", "Salary", 30, ""));
    std::vector<Finding> old_findings = findings_of(occkit::write_xml(p));
    ASSERT_EQ(old_findings.size(), 1u);
    occkit::Baseline baseline = occkit::Baseline::parse(occkit::Baseline::write(old_findings), "base.txt");
    EXPECT_EQ(baseline.size(), 1u);

    // Lines move and a new problem appears: only the new one is left.
    p.sections.insert(p.sections.begin(), section("outlook", "Outlook", 8));
    p.sections.push_back(section("resources", "Resources", 90, ""));
    std::vector<Finding> now = findings_of(occkit::write_xml(p));
    ASSERT_EQ(now.size(), 2u) << describe(now);
    EXPECT_EQ(baseline.suppress(now), 1u);
    ASSERT_EQ(now.size(), 1u);
    EXPECT_EQ(now[0].message, "section \"Resources\" (resources) has no content");
}

TEST(ValidateBaseline, RejectsLinesWithoutAFingerprint) {
    EXPECT_EQ(occkit::Baseline::parse("# header\n\n", "b.txt").size(), 0u);
    try {
        occkit::Baseline::parse("# header\nnot-a-fingerprint\trule\n", "b.txt");
        FAIL() << "no error";
    } catch (const occkit::Error& e) {
        EXPECT_EQ(std::string(e.what()), "b.txt:2: expected a finding fingerprint (32 hex digits)");
    }
}

// --- the command ---

struct Corpus {
    fs::path dir;
    fs::path clean, warning, error;
};

// Three canonical files: clean, one warning (empty section), one error (no title).
Corpus write_corpus(const std::string& name) {
    Corpus c;
    c.dir = scratch_dir(name);
    c.clean = c.dir / "clean.xml";
    c.warning = c.dir / "warning.xml";
    c.error = c.dir / "error.xml";
    Profile warning = clean_profile();
    warning.sections.push_back(section("salary", "Salary", 30, ""));
    Profile error = clean_profile();
    error.title.reset();
    std::ofstream(c.clean) << occkit::write_xml(clean_profile());
    std::ofstream(c.warning) << occkit::write_xml(warning);
    std::ofstream(c.error) << occkit::write_xml(error);
    return c;
}

TEST(ValidateCli, ExitCodesFollowFailOn) {
    Corpus c = write_corpus("validate-exit");
    auto clean = run_cli({"validate", "--format", "text", c.clean.string()});
    EXPECT_EQ(clean.exit_code, 0) << clean.err;
    EXPECT_EQ(clean.out, "checked 1 file: no findings\n");
    EXPECT_EQ(run_cli({"validate", "--format", "text", c.warning.string()}).exit_code, 0);
    EXPECT_EQ(run_cli({"validate", "--format", "text", "--fail-on", "warning", c.warning.string()}).exit_code, 1);
    EXPECT_EQ(run_cli({"validate", "--format", "text", c.error.string()}).exit_code, 1);
    EXPECT_EQ(run_cli({"validate", "--format", "text", "--as-of", "March 2024", c.clean.string()}).exit_code, 2);
    EXPECT_EQ(run_cli({"validate", "--format", "yaml", c.clean.string()}).exit_code, 2);
}

// Page or canonical XML is the library's decision (is_canonical_xml), not the file name's alone: canonical XML saved
// under another name is validated as XML, and a page with no page extension is converted first.
TEST(ValidateCli, PageOrXmlIsDecidedByTheContentAsTheLibraryDoes) {
    Corpus c = write_corpus("validate-page-or-xml");
    fs::path xml_as_txt = c.dir / "clean-copy.txt";
    fs::copy_file(c.error, xml_as_txt);
    fs::path page_as_dat = c.dir / "page.dat";
    fs::copy_file(fs::path(OCCKIT_SOURCE_DIR) / "samples/generic/timber-frame-carpenter.txt", page_as_dat);

    auto xml = run_cli({"validate", "--format", "json", xml_as_txt.string()});
    EXPECT_EQ(xml.exit_code, 1) << xml.err;  // read as XML: the missing title is found
    EXPECT_NE(xml.out.find("\"missing-title\""), std::string::npos) << xml.out;
    auto page = run_cli({"validate", "--format", "text", page_as_dat.string()});
    EXPECT_EQ(page.exit_code, 0) << page.out << page.err;  // read as a page: no XML parse error
    EXPECT_EQ(page.out.find("not-well-formed"), std::string::npos) << page.out;

    // A document that opens as XML but is not canonical (no namespace) stays XML whatever its name, and fails.
    std::string broken = occkit::testing::read_file(c.clean);
    const std::string name_space = " xmlns=\"urn:occkit:occupation:1\"";
    broken.replace(broken.find(name_space), name_space.size(), "");
    fs::path backup = c.dir / "clean.bak";
    std::ofstream(backup) << broken;
    auto bak = run_cli({"validate", "--format", "json", backup.string()});
    EXPECT_EQ(bak.exit_code, 1) << bak.out << bak.err;
    EXPECT_NE(bak.out.find("\"schema\""), std::string::npos) << bak.out;
}

TEST(ValidateCli, AnUnreadableFileIsAFindingAndTheRunGoesOn) {
    Corpus c = write_corpus("validate-unreadable");
    fs::path missing = c.dir / "missing.xml";
    auto r = run_cli({"validate", "--format", "text", missing.string(), c.warning.string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(r.out, missing.string() + ": error: no such file or directory [read-error]\n" + c.warning.string() + ":" +
                         std::to_string(line_of(occkit::testing::read_file(c.warning), "kind=\"salary\"")) +
                         ": warning: section \"Salary\" (salary) has no content [empty-section] (page line 30)\n"
                         "checked 2 files: 1 error, 1 warning, 0 info\n");
}

TEST(ValidateCli, DirectoriesGiveTheirXmlAndExplicitPagesAreConverted) {
    Corpus c = write_corpus("validate-dirs");
    std::ofstream(c.dir / "README.txt") << "Notes about this corpus, not a page.\n";
    auto r = run_cli({"validate", "--format", "json", c.dir.string()});
    Json json = Json::parse(r.out);
    EXPECT_EQ(json["files"], Json({c.clean.string(), c.error.string(), c.warning.string()}));

    fs::path page = source_dir() / "samples/workbc/2225.html";
    r = run_cli({"validate", "--format", "json", page.string()});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_EQ(Json::parse(r.out)["summary"]["findings"], 0);
    // Standard input is canonical XML unless --from-page says it is a page.
    const std::string text_page = "Glassblowing Technician\n\nDuties\n\nWorking Conditions\n\nIn a workshop.\n";
    r = run_cli({"validate", "--format", "text", "--from-page", "-"}, text_page);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out,
              "-:3: warning: section \"Duties\" (duties) has no content [empty-section] (page line 3)\n"
              "checked 1 file: 0 errors, 1 warning, 0 info\n");
    r = run_cli({"validate", "--format", "text", "-"}, text_page);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out.substr(0, r.out.find(" [")), "-:1: error: Start tag expected, '<' not found");
}

TEST(ValidateCli, ConfigErrorsAreUsageErrors) {
    Corpus c = write_corpus("validate-config");
    fs::path config = c.dir / "rules.conf";
    std::ofstream(config) << "empty-section = off\nmissing-title = warning\n";
    auto r =
        run_cli({"validate", "--format", "text", "--config", config.string(), c.error.string(), c.warning.string()});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;  // the error is now a warning, the warning is off
    EXPECT_EQ(r.out.substr(r.out.rfind("checked")), "checked 2 files: 0 errors, 1 warning, 0 info\n");
    std::ofstream(config) << "no-such-rule = off\n";
    r = run_cli({"validate", "--config", config.string(), c.clean.string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "occkit: validate: " + config.string() + ":1: unknown rule 'no-such-rule' (see `occkit rules`)\n");
}

TEST(ValidateCli, BaselineRoundTripFailsOnlyOnNewFindings) {
    Corpus c = write_corpus("validate-baseline");
    fs::path baseline = c.dir / "baseline.txt";
    auto first = run_cli({"validate", "--format", "text", "--write-baseline", baseline.string(), c.dir.string()});
    EXPECT_EQ(first.exit_code, 0) << first.err;  // recording the baseline is not a failure
    auto again = run_cli({"validate", "--format", "text", "--baseline", baseline.string(), c.dir.string()});
    EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
    EXPECT_EQ(again.out, "checked 3 files: no findings\n");
    EXPECT_NE(again.err.find("2 finding(s) accepted by the baseline"), std::string::npos) << again.err;

    Profile worse = clean_profile();
    worse.codes = {{"NOC", "2021", "3233", "", 5}};
    std::ofstream(c.clean) << occkit::write_xml(worse);
    auto after = run_cli({"validate", "--format", "text", "--baseline", baseline.string(), c.dir.string()});
    EXPECT_EQ(after.exit_code, 1);
    EXPECT_NE(after.out.find("[malformed-code]"), std::string::npos) << after.out;
    EXPECT_EQ(after.out.find("[missing-title]"), std::string::npos) << after.out;
}

TEST(ValidateCli, JsonSarifAndJunitParse) {
    Corpus c = write_corpus("validate-formats");
    fs::path sarif_file = c.dir / "report.sarif";
    auto sarif_run = run_cli({"validate", "--format", "sarif", "-o", sarif_file.string(), c.dir.string()});
    EXPECT_EQ(sarif_run.exit_code, 1) << sarif_run.err;
    EXPECT_EQ(sarif_run.out, "");
    Json sarif = Json::parse(occkit::testing::read_file(sarif_file));
    EXPECT_EQ(sarif["version"], "2.1.0");
    const Json& results = sarif["runs"][0]["results"];
    ASSERT_EQ(results.size(), 2u);
    EXPECT_EQ(results[0]["ruleId"], "missing-title");
    // Below the working directory, a path is relative to SRCROOT (originalUriBaseIds); resolved, it is the file.
    const Json& artifact = results[0]["locations"][0]["physicalLocation"]["artifactLocation"];
    std::string base = artifact.contains("uriBaseId")
                           ? sarif["runs"][0]["originalUriBaseIds"][artifact["uriBaseId"].get<std::string>()]["uri"]
                           : "";
    EXPECT_EQ(base + artifact["uri"].get<std::string>(), "file://" + c.error.string());
    EXPECT_EQ(results[0]["locations"][0]["physicalLocation"]["region"]["startLine"], 2);
    EXPECT_EQ(results[1]["level"], "warning");
    EXPECT_EQ(results[1]["partialFingerprints"]["occkitFingerprint/v1"].get<std::string>().size(), 32u);
    std::vector<std::string> rule_ids;
    for (const Json& rule : sarif["runs"][0]["tool"]["driver"]["rules"]) rule_ids.push_back(rule["id"]);
    EXPECT_NE(std::find(rule_ids.begin(), rule_ids.end(), "implausible-wage"), rule_ids.end());

    Json json = Json::parse(run_cli({"validate", "--format", "json", c.dir.string()}).out);
    EXPECT_EQ(json["summary"]["files"], 3);
    EXPECT_EQ(json["summary"]["error"], 1);
    EXPECT_EQ(json["summary"]["warning"], 1);

    pugi::xml_document junit;
    std::string junit_text = run_cli({"validate", "--format", "junit", c.dir.string()}).out;
    ASSERT_TRUE(junit.load_string(junit_text.c_str())) << junit_text;
    pugi::xml_node suite = junit.child("testsuites").child("testsuite");
    EXPECT_EQ(std::string(suite.attribute("tests").value()), "3");
    EXPECT_EQ(std::string(suite.attribute("failures").value()), "1");
    EXPECT_TRUE(suite.find_child_by_attribute("testcase", "name", c.error.c_str()).child("failure"));
    EXPECT_TRUE(suite.find_child_by_attribute("testcase", "name", c.warning.c_str()).child("system-out"));
}

TEST(ValidateCli, GithubFormatIsChosenUnderGithubActions) {
    Corpus c = write_corpus("validate-github");
    setenv("GITHUB_ACTIONS", "true", 1);
    auto r = run_cli({"validate", c.error.string()});
    unsetenv("GITHUB_ACTIONS");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "::error file=" + c.error.string() +
                         ",line=2,title=missing-title::the profile has no title\n"
                         "occkit: checked 1 file: 1 error, 0 warnings, 0 info\n");
}

TEST(ValidateCli, RulesListsAndExplains) {
    auto list = run_cli({"rules"});
    EXPECT_EQ(list.exit_code, 0);
    for (const auto& r : occkit::validate_rule_infos()) EXPECT_NE(list.out.find(r.id), std::string::npos) << r.id;
    EXPECT_NE(list.out.find("outdated-section"), std::string::npos);  // the staleness audit's, with --stale
    auto one = run_cli({"rules", "implausible-wage"});
    EXPECT_EQ(one.exit_code, 0);
    EXPECT_EQ(one.out.substr(0, one.out.find('\n')), "implausible-wage (warning)");
    EXPECT_NE(one.out.find("$500 an hour"), std::string::npos);
    EXPECT_EQ(run_cli({"rules", "no-such-rule"}).exit_code, 2);
}

TEST(ValidateCli, StaleRulesJoinWithStale) {
    fs::path sample = source_dir() / "samples/alis-2010/expected/orchard-technician.txt.xml";
    auto plain = run_cli({"validate", "--format", "json", "--as-of", "2024-06-01", sample.string()});
    auto stale = run_cli({"validate", "--format", "json", "--as-of", "2024-06-01", "--stale", sample.string()});
    auto count = [](const std::string& out, const std::string& rule) {
        Json json = Json::parse(out);
        return std::count_if(json["findings"].begin(), json["findings"].end(),
                             [&rule](const Json& f) { return f["rule"] == rule; });
    };
    EXPECT_EQ(count(plain.out, "outdated-section"), 0);
    EXPECT_GT(count(stale.out, "outdated-section"), 0) << stale.out;
    const Json report = Json::parse(stale.out);  // named: a range-for over a member of a temporary would dangle
    for (const Json& f : report["findings"]) EXPECT_GT(f["line"].get<int>(), 0) << f.dump();
}

TEST(ValidateCli, SamplesAreClean) {
    auto r = run_cli({"validate", "--format", "text", "--as-of", "2030-01-01", (source_dir() / "samples").string()});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

// --- real pages ---

// Every WorkBC page converts to XML that validate and tree-based XSD validation agree on, with no error.
TEST(ValidateShared, WorkBcPagesHaveNoErrors) {
    OCCKIT_REQUIRE_SHARED(shared);
    auto pages = occkit::testing::files_below(shared / "corpus/workbc", {".html"});
    ASSERT_GT(pages.size(), 500u);
    ValidatorOptions options;
    options.as_of = {2022, 12, 1, 0, DatePrecision::day};
    Validator v(std::move(options));
    occkit::SchemaValidator tree;
    for (const auto& page : pages) {
        std::string xml = occkit::write_xml(occkit::convert(occkit::testing::read_file(page)).profile);
        auto found = v.validate_xml(xml, page.string());
        EXPECT_TRUE(tree.validate(xml).empty()) << page;
        for (const Finding& f : found) EXPECT_NE(f.severity, Severity::error) << page << ": " << f.message;
    }
}

}  // namespace
