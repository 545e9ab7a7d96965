// validate's reports for CI services (issue 16): SARIF checked against a SARIF 2.1.0 schema subset
// (tests/sarif/, python3-jsonschema) with rule names, helpUri, invocations, originalUriBaseIds and baselineState;
// GitLab Code Quality (--format codeclimate); JUnit file=; baselines independent of how the paths were typed;
// --write-baseline exiting 0; the markdown job summary in $GITHUB_STEP_SUMMARY.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <set>
#include <string>

#include "testing.hpp"

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using occkit::testing::CliResult;
using occkit::testing::contains;
using occkit::testing::read_file;
using occkit::testing::run_cli;
using occkit::testing::scratch_dir;
using occkit::testing::source_dir;
using occkit::testing::write_text;

std::string describe(const CliResult& r) { return "exit " + std::to_string(r.exit_code) + "\n" + r.out + r.err; }

// Two canonical files under `name`/profiles: a converted sample, and the same without its title (an error).
fs::path write_profiles(const std::string& name) {
    fs::path dir = scratch_dir(name) / "profiles";
    CliResult xml = run_cli({"convert", "-q", (source_dir() / "samples/generic/timber-frame-carpenter.txt").string()});
    EXPECT_EQ(xml.exit_code, 0) << describe(xml);
    write_text(dir / "good.xml", xml.out);
    std::string untitled = xml.out;
    std::size_t start = untitled.find("<title");
    std::size_t end = untitled.find("</title>", start);
    EXPECT_NE(end, std::string::npos);
    untitled.erase(start, end + 8 - start);
    write_text(dir / "sub dir" / "untitled.xml", untitled);
    return dir;
}

const char* const kSchemaCheck = R"PY(
import json, sys
from jsonschema import Draft7Validator
schema = json.load(open(sys.argv[1], encoding="utf-8"))
Draft7Validator.check_schema(schema)
errors = list(Draft7Validator(schema).iter_errors(json.load(open(sys.argv[2], encoding="utf-8"))))
for e in errors[:10]:
    print("/" + "/".join(str(p) for p in e.absolute_path) + ": " + e.message[:300])
print("checked")
sys.exit(1 if errors else 0)
)PY";

// Runs the SARIF subset schema over a report with Debian's python3-jsonschema; output ends in "checked".
std::string schema_problems(const fs::path& report) {
    fs::path script = report.parent_path() / "check_sarif.py";
    write_text(script, kSchemaCheck);
    fs::path schema = source_dir() / "tests/sarif/sarif-2.1.0-subset.schema.json";
    std::string command =
        "/usr/bin/python3 '" + script.string() + "' '" + schema.string() + "' '" + report.string() + "' 2>&1";
    std::string output;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return "cannot run python3";
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
    int status = pclose(pipe);
    if (!contains(output, "checked")) return "the checker did not run (python3-jsonschema?): " + output;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "" : output;
}

TEST(CiReports, SarifHasRuleNamesInvocationsBaseIdsAndBaselineState) {
    fs::path dir = write_profiles("ci-sarif");
    fs::path baseline = dir.parent_path() / "baseline.txt";
    write_text(baseline, "# empty: every finding is new\n");
    fs::path report = dir.parent_path() / "report.sarif";
    CliResult r = run_cli({"validate", "--format", "sarif", "--baseline", baseline.string(), "--root",
                           dir.parent_path().string(), "-o", report.string(), dir.string()});
    ASSERT_EQ(r.exit_code, 1) << describe(r);
    EXPECT_EQ(schema_problems(report), "");
    Json sarif = Json::parse(read_file(report));
    const Json& run = sarif["runs"][0];
    EXPECT_EQ(run["invocations"][0]["executionSuccessful"], true);
    EXPECT_EQ(run["originalUriBaseIds"]["SRCROOT"]["uri"], "file://" + dir.parent_path().string() + "/");
    bool named = false;
    for (const Json& rule : run["tool"]["driver"]["rules"]) {
        ASSERT_TRUE(rule["helpUri"].is_string()) << rule.dump();
        if (rule["id"] == "missing-title") named = rule["name"] == "MissingTitle";
    }
    EXPECT_TRUE(named);
    ASSERT_FALSE(run["results"].empty());
    for (const Json& result : run["results"]) {
        EXPECT_EQ(result["baselineState"], "new");
        const Json& artifact = result["locations"][0]["physicalLocation"]["artifactLocation"];
        EXPECT_EQ(artifact["uriBaseId"], "SRCROOT");
        EXPECT_EQ(artifact["uri"].get<std::string>().rfind("profiles/", 0), 0u) << artifact.dump();
    }
    EXPECT_TRUE(contains(read_file(report), "profiles/sub%20dir/untitled.xml"));
}

TEST(CiReports, CodeClimateForGitLab) {
    fs::path dir = write_profiles("ci-codeclimate");
    CliResult r = run_cli({"validate", "--format", "codeclimate", "--root", dir.parent_path().string(), dir.string()});
    ASSERT_EQ(r.exit_code, 1) << describe(r);
    Json issues = Json::parse(r.out);
    ASSERT_TRUE(issues.is_array());
    ASSERT_FALSE(issues.empty());
    std::set<std::string> fingerprints;
    bool untitled = false;
    for (const Json& issue : issues) {
        EXPECT_EQ(issue["type"], "issue");
        EXPECT_TRUE(issue["description"].is_string() && !issue["description"].get<std::string>().empty());
        EXPECT_TRUE(issue["check_name"].is_string());
        EXPECT_TRUE(fingerprints.insert(issue["fingerprint"].get<std::string>()).second) << "fingerprints repeat";
        EXPECT_TRUE(std::set<std::string>({"info", "minor", "major", "critical", "blocker"}).count(issue["severity"]));
        EXPECT_GE(issue["location"]["lines"]["begin"].get<int>(), 1);
        std::string path = issue["location"]["path"];
        EXPECT_EQ(path.rfind("profiles/", 0), 0u) << path;
        if (path == "profiles/sub dir/untitled.xml" && issue["check_name"] == "missing-title") {
            untitled = true;
            EXPECT_EQ(issue["severity"], "major");
        }
    }
    EXPECT_TRUE(untitled) << r.out;
}

TEST(CiReports, JunitTestCasesNameTheirFile) {
    fs::path dir = write_profiles("ci-junit");
    CliResult r = run_cli({"validate", "--format", "junit", "--root", dir.string(), dir.string()});
    ASSERT_EQ(r.exit_code, 1) << describe(r);
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(r.out.c_str()));
    std::set<std::string> files;
    for (pugi::xml_node test : doc.child("testsuites").child("testsuite").children("testcase"))
        files.insert(test.attribute("file").as_string());
    EXPECT_EQ(files, (std::set<std::string>{"good.xml", "sub dir/untitled.xml"}));
}

TEST(CiReports, BaselinesDoNotDependOnHowThePathsWereTyped) {
    fs::path dir = write_profiles("ci-baseline");
    fs::path baseline = dir.parent_path() / "baseline.txt";
    CliResult first = run_cli({"validate", "--format", "text", "--write-baseline", baseline.string(), dir.string()});
    EXPECT_EQ(first.exit_code, 0) << describe(first);  // recording the baseline is not a failure
    EXPECT_TRUE(contains(read_file(baseline), "\tsub dir/untitled.xml\t")) << read_file(baseline);
    // The same files typed another way: relative to the working directory, through "./" and "..".
    fs::path relative = fs::relative(dir, fs::current_path());
    for (const std::string& typed :
         {relative.string(), "./" + relative.string() + "/", (dir / "sub dir" / ".." / "..").string() + "/profiles"}) {
        CliResult again = run_cli({"validate", "--format", "text", "--baseline", baseline.string(), typed});
        EXPECT_EQ(again.exit_code, 0) << typed << "\n" << describe(again);
        EXPECT_TRUE(contains(again.out, "no findings")) << typed << "\n" << again.out;
    }
}

TEST(CiReports, GithubStepSummaryGetsMarkdown) {
    fs::path dir = write_profiles("ci-step-summary");
    fs::path summary = dir.parent_path() / "summary.md";
    write_text(summary, "earlier step\n");
    ::setenv("GITHUB_STEP_SUMMARY", summary.c_str(), 1);
    CliResult r = run_cli({"validate", "--format", "text", "--root", dir.string(), dir.string()});
    ::unsetenv("GITHUB_STEP_SUMMARY");
    EXPECT_EQ(r.exit_code, 1) << describe(r);
    std::string markdown = read_file(summary);
    EXPECT_EQ(markdown.rfind("earlier step\n### occkit validate\n\nChecked 2 files: ", 0), 0u) << markdown;
    EXPECT_TRUE(contains(markdown, "| Severity | File | Line | Rule | Message |")) << markdown;
    EXPECT_TRUE(contains(markdown, "| error | sub dir/untitled.xml |")) << markdown;
    EXPECT_TRUE(contains(markdown, "`missing-title`")) << markdown;
}

}  // namespace
