/// @file
/// Findings and their reports, shared by every checker (validate's rules, stale's audit): one model, one set of
/// writers for text, JSON, SARIF 2.1.0, JUnit and GitHub workflow annotations.
#pragma once

#include "occkit/api.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

OCCKIT_BEGIN_NAMESPACE

/// How serious a finding is; `--fail-on` compares against it.
enum class Severity { info, warning, error };

std::string_view to_string(Severity s);                        ///< "info", "warning", "error"
std::optional<Severity> severity_from_string(std::string_view s);  ///< nullopt when `s` is not a severity name

/// Rule metadata: stable id ("missing-title"), default severity, one-line summary, longer explanation.
struct RuleInfo {
    std::string id;                               ///< stable id ("missing-title")
    Severity default_severity = Severity::error;  ///< severity when no config re-grades it
    std::string summary;                          ///< one line
    std::string explanation;                      ///< a paragraph: what triggers it and what to do
};

/// One problem found in one file.
struct Finding {
    std::string rule;                     ///< RuleInfo::id
    Severity severity = Severity::error;  ///< after the config is applied
    std::string message;                  ///< one line, specific to this occurrence
    std::string file;                     ///< as given on the command line
    int xml_line = 0;     ///< line in the canonical XML (0 = whole file); for a page checked directly, which has
                          ///< no XML file, the page line: reports locate findings in `file` by this line
    int source_line = 0;  ///< line in the original page, through provenance (0 = unknown)
    std::string subject;  ///< stable key of what the finding is about (e.g. "section[salary]"): for fingerprints
                          ///< and baselines, so they survive unrelated edits that move lines
};

/// A stable fingerprint for baselines and SARIF partialFingerprints: rule, file and subject, not line numbers.
std::string fingerprint(const Finding& f);

/// codeclimate: GitLab Code Quality (Code Climate issues JSON).
enum class ReportFormat { text, json, sarif, junit, github, codeclimate };
std::optional<ReportFormat> report_format_from_string(std::string_view s);  ///< nullopt when `s` is not a format name

/// What the report writers need beyond the findings.
struct ReportOptions {
    std::string tool_name = "occkit";        ///< tool name in SARIF, JUnit and Code Quality reports
    std::string tool_version;                ///< tool version in SARIF
    std::size_t github_annotation_cap = 50;  ///< GitHub shows only so many annotations; a summary line says the rest
    Severity fail_on = Severity::error;      ///< JUnit: findings at or above fail their file's test case
    /// Directory the reports' paths are relative to (SARIF originalUriBaseIds SRCROOT, Code Quality paths, the
    /// markdown summary); empty: paths as given.
    std::string root;
    std::string help_uri =  ///< where SARIF rules point for help
        "https://github.com/occkit/occkit/blob/main/README.md#checking-profiles-in-ci-occkit-validate";
    bool with_baseline = false;        ///< SARIF: results carry baselineState ("new": the baseline did not accept them)
    bool execution_successful = true;  ///< SARIF invocations[0].executionSuccessful: false after internal errors
    bool complete = true;  ///< false: the run was interrupted; SARIF says so (invocations[0].executionSuccessful)
};

/// `file` relative to `root` (generic '/' separators) when it is below it; otherwise `file` unchanged.
std::string path_below_root(const std::string& file, const std::string& root);
/// The deepest directory holding every input (a directory input itself, a file's parent); "-" is ignored. Absolute;
/// empty when there is no input path.
std::string common_root(const std::vector<std::string>& inputs);

/// A markdown summary for a CI job page (GitHub's $GITHUB_STEP_SUMMARY): the counts, then a table of at most
/// `max_rows` findings.
std::string write_markdown_summary(const std::vector<Finding>& findings, const std::vector<std::string>& files,
                                   const ReportOptions& options, std::size_t max_rows = 50);

/// `files` lists every file checked (a JUnit test case each, including clean ones).
std::string write_report(ReportFormat format, const std::vector<Finding>& findings, const std::vector<RuleInfo>& rules,
                         const std::vector<std::string>& files, const ReportOptions& options = {});

OCCKIT_END_NAMESPACE
