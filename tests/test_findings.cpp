// The report writers (occkit/findings.hpp): each format is parsed back (JSON and SARIF with nlohmann, JUnit with
// pugixml) and its values checked; SARIF against the structure SARIF 2.1.0 requires (the schema file itself is not
// available offline); fingerprints; GitHub's annotation cap and escaping.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <regex>
#include <string>
#include <vector>

#include "occkit/findings.hpp"

namespace {

using occkit::Finding;
using occkit::ReportFormat;
using occkit::ReportOptions;
using occkit::RuleInfo;
using occkit::Severity;
using Json = nlohmann::json;

Finding make_finding(std::string rule, Severity severity, std::string message, std::string file, int xml_line,
                     int source_line, std::string subject) {
    Finding f;
    f.rule = std::move(rule);
    f.severity = severity;
    f.message = std::move(message);
    f.file = std::move(file);
    f.xml_line = xml_line;
    f.source_line = source_line;
    f.subject = std::move(subject);
    return f;
}

const std::vector<RuleInfo> kRules = {
    {"missing-title", Severity::error, "The profile has no title", "A profile without a title."},
    {"empty-section", Severity::warning, "A section has no content", "A heading with nothing under it."},
    {"unmapped-content", Severity::info, "Unplaced content", "Content the layout could not place."},
};

// Three files: one with an error and a warning, one with an info finding and no line, one clean.
std::vector<Finding> sample_findings() {
    return {
        make_finding("missing-title", Severity::error, "the profile has no title", "out/a.xml", 2, 0, "title"),
        make_finding("empty-section", Severity::warning, "section \"Duties\" (duties) has no content", "out/a.xml", 9,
                     31, "section:duties"),
        make_finding("unmapped-content", Severity::info, "content the layout could not place: \"x\"", "out/b c.xml", 0,
                     0, "unmapped:x"),
    };
}
const std::vector<std::string> kFiles = {"out/a.xml", "out/b c.xml", "out/clean.xml"};

std::string report(ReportFormat format, const std::vector<Finding>& findings = sample_findings(),
                   ReportOptions options = {}) {
    options.tool_version = "9.8.7";
    return occkit::write_report(format, findings, kRules, kFiles, options);
}

TEST(Findings, SeverityAndFormatNamesRoundTrip) {
    for (Severity s : {Severity::info, Severity::warning, Severity::error})
        EXPECT_EQ(occkit::severity_from_string(occkit::to_string(s)), s);
    EXPECT_EQ(occkit::severity_from_string("fatal"), std::nullopt);
    EXPECT_EQ(occkit::severity_from_string("Error"), std::nullopt);  // names are exact, as in the config files
    for (std::string name : {"text", "json", "sarif", "junit", "github", "codeclimate"})
        EXPECT_TRUE(occkit::report_format_from_string(name).has_value()) << name;
    EXPECT_EQ(occkit::report_format_from_string("junit"), ReportFormat::junit);
    EXPECT_EQ(occkit::report_format_from_string("codeclimate"), ReportFormat::codeclimate);
    EXPECT_EQ(occkit::report_format_from_string("xml"), std::nullopt);
}

TEST(Findings, FingerprintIgnoresLinesAndMessageButNotRuleFileOrSubject) {
    Finding f = sample_findings()[1];
    std::string print = occkit::fingerprint(f);
    EXPECT_TRUE(std::regex_match(print, std::regex("[0-9a-f]{32}"))) << print;
    Finding moved = f;
    moved.xml_line = 90;
    moved.source_line = 310;
    moved.message = "reworded";
    moved.severity = Severity::error;
    EXPECT_EQ(occkit::fingerprint(moved), print);
    for (auto change : {+[](Finding& g) { g.rule = "other-rule"; }, +[](Finding& g) { g.file = "out/z.xml"; },
                        +[](Finding& g) { g.subject = "section:salary"; }}) {
        Finding other = f;
        change(other);
        EXPECT_NE(occkit::fingerprint(other), print);
    }
}

TEST(Findings, TextHasOneLinePerFindingAndASummary) {
    EXPECT_EQ(report(ReportFormat::text),
              "out/a.xml:2: error: the profile has no title [missing-title]\n"
              "out/a.xml:9: warning: section \"Duties\" (duties) has no content [empty-section] (page line 31)\n"
              "out/b c.xml: info: content the layout could not place: \"x\" [unmapped-content]\n"
              "checked 3 files: 1 error, 1 warning, 1 info\n");
    EXPECT_EQ(report(ReportFormat::text, {}), "checked 3 files: no findings\n");
}

TEST(Findings, JsonCarriesEveryFieldAndTheCounts) {
    Json json = Json::parse(report(ReportFormat::json));
    EXPECT_EQ(json["tool"]["name"], "occkit");
    EXPECT_EQ(json["tool"]["version"], "9.8.7");
    EXPECT_EQ(json["summary"], Json::parse(R"({"files":3,"findings":3,"error":1,"warning":1,"info":1})"));
    EXPECT_EQ(json["files"], Json(kFiles));
    ASSERT_EQ(json["findings"].size(), 3u);
    const Json& second = json["findings"][1];
    EXPECT_EQ(second["file"], "out/a.xml");
    EXPECT_EQ(second["line"], 9);
    EXPECT_EQ(second["sourceLine"], 31);
    EXPECT_EQ(second["rule"], "empty-section");
    EXPECT_EQ(second["severity"], "warning");
    EXPECT_EQ(second["message"], "section \"Duties\" (duties) has no content");
    EXPECT_EQ(second["subject"], "section:duties");
    EXPECT_EQ(second["fingerprint"], occkit::fingerprint(sample_findings()[1]));
    EXPECT_TRUE(json["findings"][2]["line"].is_null());
    EXPECT_TRUE(json["findings"][2]["sourceLine"].is_null());
}

TEST(Findings, JsonReplacesInvalidUtf8InsteadOfFailing) {
    std::vector<Finding> findings = {
        make_finding("missing-title", Severity::error, "bad \xff byte", "caf\xe9.xml", 1, 0, "title")};
    Json json = Json::parse(occkit::write_report(ReportFormat::json, findings, kRules, {"caf\xe9.xml"}));
    EXPECT_EQ(json["findings"][0]["message"], "bad \xef\xbf\xbd byte");
    EXPECT_EQ(json["files"][0], "caf\xef\xbf\xbd.xml");
    // An overlong '/' is two bytes that are not UTF-8, in every format that carries text.
    findings[0].message = "x\xC0\xAFy";
    const std::string replaced = "x\xEF\xBF\xBD\xEF\xBF\xBDy";
    for (ReportFormat format : {ReportFormat::json, ReportFormat::sarif, ReportFormat::junit}) {
        std::string out = occkit::write_report(format, findings, kRules, {"caf\xe9.xml"});
        EXPECT_EQ(out.find('\xC0'), std::string::npos) << out;
        if (format != ReportFormat::junit) {
            EXPECT_TRUE(Json::accept(out)) << out;
            EXPECT_NE(out.find("x\\ufffd\\ufffdy"), std::string::npos) << out;
        } else {
            EXPECT_NE(out.find(replaced), std::string::npos) << out;
        }
    }
}

// The parts of SARIF 2.1.0 that consumers (GitHub code scanning, VS Code) rely on, checked the way the schema
// states them: required properties, their types, and the enumerations.
void expect_sarif_structure(const Json& sarif) {
    ASSERT_TRUE(sarif.is_object());
    EXPECT_EQ(sarif["version"], "2.1.0");
    ASSERT_TRUE(sarif["$schema"].is_string());
    EXPECT_NE(sarif["$schema"].get<std::string>().find("sarif-2.1.0"), std::string::npos);
    ASSERT_TRUE(sarif["runs"].is_array());
    ASSERT_EQ(sarif["runs"].size(), 1u);
    const Json& run = sarif["runs"][0];
    const Json& driver = run["tool"]["driver"];
    ASSERT_TRUE(driver["name"].is_string());
    ASSERT_TRUE(driver["rules"].is_array());
    for (const Json& rule : driver["rules"]) {
        ASSERT_TRUE(rule["id"].is_string());
        EXPECT_TRUE(rule["shortDescription"]["text"].is_string());
        EXPECT_TRUE(rule["fullDescription"]["text"].is_string());
        std::string level = rule["defaultConfiguration"]["level"];
        EXPECT_TRUE(level == "none" || level == "note" || level == "warning" || level == "error") << level;
    }
    ASSERT_TRUE(run["results"].is_array());
    for (const Json& result : run["results"]) {
        ASSERT_TRUE(result["ruleId"].is_string());
        ASSERT_TRUE(result["message"]["text"].is_string());
        std::string level = result["level"];
        EXPECT_TRUE(level == "none" || level == "note" || level == "warning" || level == "error") << level;
        if (result.contains("ruleIndex")) {
            EXPECT_EQ(driver["rules"][result["ruleIndex"].get<std::size_t>()]["id"], result["ruleId"]);
        }
        ASSERT_TRUE(result["locations"].is_array());
        for (const Json& location : result["locations"]) {
            const Json& physical = location["physicalLocation"];
            ASSERT_TRUE(physical["artifactLocation"]["uri"].is_string());
            if (physical.contains("region")) {
                EXPECT_GE(physical["region"]["startLine"].get<int>(), 1);
            }
        }
        ASSERT_TRUE(result["partialFingerprints"].is_object());
        for (const auto& [key, value] : result["partialFingerprints"].items()) EXPECT_TRUE(value.is_string()) << key;
    }
}

TEST(Findings, SarifHasTheRequiredStructureRuleMetadataAndFingerprints) {
    Json sarif = Json::parse(report(ReportFormat::sarif));
    expect_sarif_structure(sarif);
    const Json& driver = sarif["runs"][0]["tool"]["driver"];
    EXPECT_EQ(driver["name"], "occkit");
    EXPECT_EQ(driver["version"], "9.8.7");
    ASSERT_EQ(driver["rules"].size(), kRules.size());
    EXPECT_EQ(driver["rules"][1]["id"], "empty-section");
    EXPECT_EQ(driver["rules"][1]["shortDescription"]["text"], "A section has no content");
    EXPECT_EQ(driver["rules"][1]["fullDescription"]["text"], "A heading with nothing under it.");
    EXPECT_EQ(driver["rules"][1]["defaultConfiguration"]["level"], "warning");
    EXPECT_EQ(driver["rules"][2]["defaultConfiguration"]["level"], "note");

    const Json& results = sarif["runs"][0]["results"];
    ASSERT_EQ(results.size(), 3u);
    EXPECT_EQ(results[1]["ruleId"], "empty-section");
    EXPECT_EQ(results[1]["ruleIndex"], 1);
    EXPECT_EQ(results[1]["level"], "warning");
    EXPECT_EQ(results[1]["message"]["text"], "section \"Duties\" (duties) has no content (page line 31)");
    const Json& location = results[1]["locations"][0]["physicalLocation"];
    EXPECT_EQ(location["artifactLocation"]["uri"], "out/a.xml");
    EXPECT_EQ(location["region"]["startLine"], 9);
    EXPECT_EQ(results[1]["partialFingerprints"]["occkitFingerprint/v1"], occkit::fingerprint(sample_findings()[1]));
    EXPECT_EQ(results[1]["properties"]["sourceLine"], 31);
    // A whole-file finding has no region; a space in a path is percent-encoded; info is SARIF's "note".
    EXPECT_EQ(results[2]["level"], "note");
    EXPECT_EQ(results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "out/b%20c.xml");
    EXPECT_FALSE(results[2]["locations"][0]["physicalLocation"].contains("region"));
}

TEST(Findings, SarifUsesFileUrisForAbsolutePaths) {
    std::vector<Finding> findings = {
        make_finding("missing-title", Severity::error, "m", "/srv/x #1.xml", 3, 0, "title")};
    Json sarif = Json::parse(occkit::write_report(ReportFormat::sarif, findings, kRules, {"/srv/x #1.xml"}));
    EXPECT_EQ(sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
              "file:///srv/x%20%231.xml");
}

TEST(Findings, JunitHasOneTestCasePerFileAndFailsAtTheThreshold) {
    pugi::xml_document doc;
    std::string xml = report(ReportFormat::junit);
    ASSERT_TRUE(doc.load_string(xml.c_str())) << xml;
    pugi::xml_node suites = doc.child("testsuites");
    pugi::xml_node suite = suites.child("testsuite");
    EXPECT_EQ(std::string(suites.attribute("tests").value()), "3");
    EXPECT_EQ(std::string(suite.attribute("tests").value()), "3");
    EXPECT_EQ(std::string(suite.attribute("failures").value()), "1");  // only out/a.xml has an error
    std::vector<std::string> names;
    for (pugi::xml_node test : suite.children("testcase")) names.push_back(test.attribute("name").value());
    EXPECT_EQ(names, kFiles);

    pugi::xml_node first = suite.find_child_by_attribute("testcase", "name", "out/a.xml");
    pugi::xml_node failure = first.child("failure");
    ASSERT_TRUE(failure);
    EXPECT_EQ(std::string(failure.attribute("message").value()), "1 finding");
    EXPECT_EQ(std::string(failure.attribute("type").value()), "error");
    EXPECT_EQ(std::string(failure.text().get()), "out/a.xml:2: error: the profile has no title [missing-title]\n");
    EXPECT_EQ(std::string(first.child("system-out").text().get()),
              "out/a.xml:9: warning: section \"Duties\" (duties) has no content [empty-section] (page line 31)\n");
    EXPECT_FALSE(suite.find_child_by_attribute("testcase", "name", "out/b c.xml").child("failure"));
    EXPECT_FALSE(suite.find_child_by_attribute("testcase", "name", "out/clean.xml").first_child());

    ReportOptions strict;
    strict.fail_on = Severity::info;
    ASSERT_TRUE(doc.load_string(report(ReportFormat::junit, sample_findings(), strict).c_str()));
    EXPECT_EQ(std::string(doc.child("testsuites").attribute("failures").value()), "2");
}

TEST(Findings, JunitStaysWellFormedWithControlCharactersAndBadBytes) {
    std::vector<Finding> findings = {
        make_finding("missing-title", Severity::error, "bell \x07 <&> \xff", "a.xml", 1, 0, "title")};
    pugi::xml_document doc;
    std::string xml = occkit::write_report(ReportFormat::junit, findings, kRules, {"a.xml"});
    ASSERT_TRUE(doc.load_string(xml.c_str())) << xml;
    std::string text = doc.child("testsuites").child("testsuite").child("testcase").child("failure").text().get();
    EXPECT_NE(text.find("bell \xef\xbf\xbd <&> \xef\xbf\xbd"), std::string::npos) << text;
}

TEST(Findings, GithubAnnotatesTheMostSevereFirstUpToTheCap) {
    EXPECT_EQ(report(ReportFormat::github),
              "::error file=out/a.xml,line=2,title=missing-title::the profile has no title\n"
              "::warning file=out/a.xml,line=9,title=empty-section::section \"Duties\" (duties) has no content "
              "(page line 31)\n"
              "::notice file=out/b c.xml,title=unmapped-content::content the layout could not place: \"x\"\n"
              "occkit: checked 3 files: 1 error, 1 warning, 1 info\n");
    // Capped at one: the error is annotated; the others are plain log lines, and the summary says so.
    std::vector<Finding> findings = sample_findings();
    std::swap(findings[0], findings[2]);
    ReportOptions capped;
    capped.github_annotation_cap = 1;
    EXPECT_EQ(report(ReportFormat::github, findings, capped),
              "out/b c.xml: info: content the layout could not place: \"x\" [unmapped-content]\n"
              "out/a.xml:9: warning: section \"Duties\" (duties) has no content [empty-section] (page line 31)\n"
              "::error file=out/a.xml,line=2,title=missing-title::the profile has no title\n"
              "occkit: checked 3 files: 1 error, 1 warning, 1 info (2 not annotated, listed above as plain lines)\n");
}

TEST(Findings, GithubEscapesPropertiesAndData) {
    std::vector<Finding> findings = {
        make_finding("missing-title", Severity::error, "100% sure\nsecond line", "dir,x/a:b.xml", 4, 0, "title")};
    std::string out = occkit::write_report(ReportFormat::github, findings, kRules, {"dir,x/a:b.xml"});
    EXPECT_EQ(out.substr(0, out.find('\n')),
              "::error file=dir%2Cx/a%3Ab.xml,line=4,title=missing-title::100%25 sure%0Asecond line");
}

}  // namespace
