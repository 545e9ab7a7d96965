// occkit validate / rules: XSD plus profile rules over canonical XML (and pages, converted first), with reports for
// CI (occkit/validate.hpp, occkit/findings.hpp).
// Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage, I/O or internal error, 130 interrupted.
// A file that cannot be read or parsed is a finding (read-error, not-well-formed), never a reason to stop.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <utility>

#include "batch.hpp"
#include "commands.hpp"
#include "config.hpp"
#include "files.hpp"
#include "manner.hpp"
#include "occkit/error.hpp"
#include "occkit/io.hpp"
#include "occkit/stale.hpp"
#include "occkit/validate.hpp"
#include "occkit/version.hpp"
#include "occkit/xml.hpp"
#include "page_options.hpp"

namespace occkit::cli {

namespace fs = std::filesystem;

namespace {

struct Options {
    std::vector<std::string> inputs;
    std::string output;
    std::string format = "text";
    std::string fail_on = "error";
    std::string as_of;
    std::string config_file;
    std::string baseline_file;
    std::string write_baseline_file;
    std::string stale_policy_file;
    std::string root;  // --root: paths in baselines and CI reports are relative to it (default: the inputs' root)
    bool stale = false;
    bool from_page = false;
    bool no_config = false;
    std::optional<ProjectConfig> project;  // occkit.conf, when found and not --no-config
    unsigned jobs = 1;
    std::size_t max_annotations = 50;
    PageOptions pages;  // how pages are converted
};

// Directories give their canonical XML (.xml), or with --from-page their pages: a README.txt beside the XML of a
// CI corpus is not a page to validate.
std::vector<InputFile> validate_inputs(const Options& opt) {
    std::vector<std::string> extensions = opt.from_page ? page_extensions : std::vector<std::string>{".xml"};
    return inputs_or_stdin(opt.inputs, extensions);
}

// Opens like an XML document ("<?xml" or "<occupation" after a BOM and white space): a broken or namespace-less
// document saved under any name, which must be reported as broken rather than read as a page.
bool looks_like_xml_document(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    std::size_t start = bytes.find_first_not_of(" \t\r\n");
    bytes.remove_prefix(start == std::string_view::npos ? bytes.size() : start);
    return bytes.starts_with("<?xml") || bytes.starts_with("<occupation");
}

// Canonical XML when the library says so (is_canonical_xml: a .xml name or the occupation namespace in its
// prologue). Otherwise a page: a file with a page extension, or any other file that does not open like an XML
// document. Standard input is canonical XML unless --from-page says it is a page, so a broken document piped in is
// reported as broken rather than read as a page.
bool is_page(const InputFile& in, std::string_view bytes, const Options& opt) {
    if (opt.from_page) return true;
    if (in.path == "-" || is_canonical_xml(bytes, in.path)) return false;
    return has_extension(in.path, page_extensions) || !looks_like_xml_document(bytes);
}

// The staleness audit's rules (occkit stale), offered to validate: on with --stale or --stale-policy, or one by one
// when the config gives them a severity.
ProfileRuleSet stale_rule_set(const Options& opt) {
    auto policy = std::make_shared<StalePolicy>(
        !opt.stale_policy_file.empty()           ? StalePolicy::load(opt.stale_policy_file)
        : opt.project && opt.project->has_policy ? StalePolicy::parse(opt.project->policy, opt.project->path)
                                                 : StalePolicy{});
    ProfileRuleSet set;
    set.rules = stale_rule_infos();
    set.enabled = opt.stale || !opt.stale_policy_file.empty();
    set.check = [policy](const Profile& profile, const std::string& file, const CalendarDate& as_of) {
        return stale_findings(profile, file, as_of, *policy);
    };
    return set;
}

// Everything that can be wrong before the first file is read: a usage error (exit 2) with its message. --as-of
// was checked by run_validate.
std::unique_ptr<Validator> make_validator(Options& opt, std::string& error) {
    ValidatorOptions options;
    if (auto as_of = parse_as_of(opt.as_of)) options.as_of = *as_of;
    try {
        if (!opt.no_config && (opt.config_file.empty() || opt.stale_policy_file.empty()))
            opt.project = discover_config();
        if (!opt.config_file.empty())
            options.config = RuleConfig::load(opt.config_file);
        else if (opt.project && opt.project->has_rules)
            options.config = RuleConfig::parse(opt.project->rules, opt.project->path);
        opt.pages.apply_to(options.convert);
        options.extra_rule_sets.push_back(stale_rule_set(opt));
        return std::make_unique<Validator>(std::move(options));
    } catch (const std::exception& e) {
        error = e.what();
        return nullptr;
    }
}

ReportFormat chosen_format(const Options& opt, bool format_given) {
    const char* github = std::getenv("GITHUB_ACTIONS");
    if (!format_given && github && std::string_view(github) == "true") return ReportFormat::github;
    return report_format_from_string(opt.format).value_or(ReportFormat::text);  // checked by CLI11
}

struct Run {
    std::vector<std::string> files;
    std::vector<Finding> findings;  // input order, then line
    std::size_t internal_errors = 0;
};

Run validate_all(const Validator& validator, const Options& opt) {
    std::vector<InputFile> inputs = validate_inputs(opt);
    std::vector<std::string> input_errors;  // collect_inputs' own complaints become read-error findings
    for (InputFile& in : inputs) input_errors.push_back(std::exchange(in.error, {}));
    std::vector<std::vector<Finding>> per_file(inputs.size());
    auto work = [&](const InputFile& in) -> std::string {
        std::size_t index = static_cast<std::size_t>(&in - inputs.data());
        std::vector<Finding>& out = per_file[index];
        try {
            std::string bytes;
            try {
                if (!input_errors[index].empty()) throw Error(input_errors[index]);
                bytes = read_input(in.path);
            } catch (const Error& e) {
                if (auto f = validator.read_error(in.path, e.reason())) out.push_back(*f);
                return {};
            }
            out = is_page(in, bytes, opt) ? validator.validate_page(bytes, in.path)
                                          : validator.validate_xml(bytes, in.path);
            return {};
        } catch (const std::exception& e) {
            return std::string("internal error: ") + e.what();
        }
    };
    Run run;
    run.internal_errors = run_batch(inputs, opt.jobs, work, "validating");
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        run.files.push_back(inputs[i].path);
        for (Finding& f : per_file[i]) run.findings.push_back(std::move(f));
    }
    return run;
}

// The findings with their paths relative to `root`, as baselines record them: the same baseline then matches
// whether the inputs were typed as ci, ./ci or /abs/ci, from any directory.
std::vector<Finding> below_root(const std::vector<Finding>& findings, const std::string& root) {
    std::vector<Finding> relative = findings;
    for (Finding& f : relative) f.file = path_below_root(f.file, root);
    return relative;
}

// Baseline::suppress on the root-relative findings, applied to the findings as given. Each copy carries its
// original index in `message`, which fingerprints never read.
std::size_t suppress_baselined(const Baseline& baseline, std::vector<Finding>& findings, const std::string& root) {
    std::vector<Finding> relative = below_root(findings, root);
    for (std::size_t i = 0; i < relative.size(); ++i) relative[i].message = std::to_string(i);
    std::size_t suppressed = baseline.suppress(relative);
    std::vector<Finding> kept;
    for (const Finding& f : relative) kept.push_back(std::move(findings[std::stoul(f.message)]));
    findings = std::move(kept);
    return suppressed;
}

// GitHub shows $GITHUB_STEP_SUMMARY (markdown, appended to) on the job's page.
void write_step_summary(const std::string& markdown) {
    const char* path = std::getenv("GITHUB_STEP_SUMMARY");
    if (!path || !*path) return;
    std::ofstream out(path, std::ios::app | std::ios::binary);
    out << markdown << '\n';
    if (!out) report(std::string("occkit: validate: ") + path + ": cannot append the step summary");
}

int run_validate(Options& opt, bool format_given) {
    if (!opt.as_of.empty() && !parse_as_of(opt.as_of)) {
        usage_error("validate", "--as-of: '" + opt.as_of + "' is not a date such as 2026-11-22");
        return exit_usage;
    }
    std::string error;
    std::unique_ptr<Validator> validator = make_validator(opt, error);
    std::optional<Baseline> baseline;
    try {
        if (validator && !opt.baseline_file.empty()) baseline = Baseline::load(opt.baseline_file);
    } catch (const std::exception& e) {
        error = e.what();
    }
    if (!error.empty()) {
        report("occkit: validate: " + error);
        return exit_usage;
    }
    Severity fail_on = severity_from_string(opt.fail_on).value_or(Severity::error);  // checked by CLI11

    Run run = validate_all(*validator, opt);
    std::vector<fs::path> protected_inputs(run.files.begin(), run.files.end());
    // Baselines: relative to --root, else to the inputs' own root (ci, ./ci and /abs/ci record the same paths).
    // Reports for CI services: relative to --root, else to the working directory (the checkout, in CI).
    const std::string root = opt.root.empty() ? common_root(opt.inputs) : opt.root;
    std::error_code cwd_error;
    const std::string report_root = opt.root.empty() ? fs::current_path(cwd_error).string() : opt.root;
    try {
        if (!opt.write_baseline_file.empty() && !skip_partial_output(opt.write_baseline_file))
            write_file_atomic(opt.write_baseline_file, Baseline::write(below_root(run.findings, root)),
                              protected_inputs);
        if (baseline) {
            std::size_t suppressed = suppress_baselined(*baseline, run.findings, root);
            if (suppressed > 0)
                note("validate",
                     std::to_string(suppressed) + " finding(s) accepted by the baseline " + opt.baseline_file);
        }
        ReportOptions report_options;
        report_options.tool_version = version();
        report_options.github_annotation_cap = opt.max_annotations;
        report_options.fail_on = fail_on;
        report_options.root = report_root;
        report_options.with_baseline = baseline.has_value();
        report_options.execution_successful = run.internal_errors == 0;
        report_options.complete = !interrupted();
        ReportFormat format = chosen_format(opt, format_given);
        std::string text = write_report(format, run.findings, validator->active_rules(), run.files, report_options);
        // SARIF marks an interrupted run (executionSuccessful: false); other reports are whole or not written.
        if (opt.output.empty() || format == ReportFormat::sarif || !skip_partial_output(opt.output))
            write_file_atomic(opt.output.empty() ? "-" : opt.output, text, protected_inputs);
        write_step_summary(write_markdown_summary(run.findings, run.files, report_options));
    } catch (const std::exception& e) {
        report(std::string("occkit: validate: ") + e.what());
        return exit_usage;
    }
    if (interrupted()) return exit_interrupted;
    if (run.internal_errors > 0) return exit_usage;
    // Recording the baseline is the step's job: its findings are accepted, not failures (a "create the baseline"
    // CI step passes).
    if (!opt.write_baseline_file.empty()) return exit_ok;
    bool failing = std::any_of(run.findings.begin(), run.findings.end(),
                               [fail_on](const Finding& f) { return f.severity >= fail_on; });
    return failing ? exit_failures : exit_ok;
}

// --- occkit rules ---

void print_rule_list(const std::vector<RuleInfo>& own, const std::vector<RuleInfo>& stale) {
    std::size_t width = 0;
    for (const auto* list : {&own, &stale})
        for (const RuleInfo& r : *list) width = std::max(width, r.id.size());
    auto print = [width](const RuleInfo& r, std::string_view mark) {
        std::cout << std::left << std::setw(static_cast<int>(width + 2)) << r.id << std::setw(10)
                  << (std::string(to_string(r.default_severity)) + std::string(mark)) << r.summary << '\n';
    };
    for (const RuleInfo& r : own) print(r, "");
    for (const RuleInfo& r : stale) print(r, "*");
    std::cout << "\n* the staleness audit (occkit stale): runs with --stale, or when a --config file sets the rule\n";
}

int run_rules(const std::string& id) {
    std::vector<RuleInfo> own = validate_rule_infos();
    std::vector<RuleInfo> stale = stale_rule_infos();
    // An id validate has already (future-date) keeps validate's check, as the Validator does.
    std::erase_if(stale, [&own](const RuleInfo& r) {
        return std::any_of(own.begin(), own.end(), [&r](const RuleInfo& o) { return o.id == r.id; });
    });
    if (id.empty()) {
        print_rule_list(own, stale);
        return exit_ok;
    }
    for (const auto* list : {&own, &stale}) {
        for (const RuleInfo& r : *list) {
            if (r.id != id) continue;
            std::cout << r.id << " (" << to_string(r.default_severity) << (list == &stale ? ", with --stale" : "")
                      << ")\n"
                      << r.summary << "\n\n"
                      << r.explanation << '\n';
            return exit_ok;
        }
    }
    usage_error("rules", "unknown rule '" + id + "' (`occkit rules` lists them)");
    return exit_usage;
}

}  // namespace

void add_validate(CLI::App& app, int& rc) {
    auto* cmd = app.add_subcommand("validate", "Check canonical XML (or pages) against the schema and profile rules");
    auto opt = std::make_shared<Options>();
    cmd->add_option("inputs", opt->inputs,
                    "Canonical XML files or directories (recursively: .xml), pages (.html .htm .xhtml .txt .text, or "
                    "any file that is not XML), - or nothing "
                    "for stdin (XML)");
    cmd->add_option("-o,--output", opt->output, "Write the report to this file instead of stdout");
    cmd->add_option("--format", opt->format, "Report format (default text; github when GITHUB_ACTIONS=true)")
        ->check(CLI::IsMember({"text", "json", "sarif", "junit", "github", "codeclimate"}));
    cmd->add_option("--fail-on", opt->fail_on, "Exit 1 when a finding is at least this severe (default error)")
        ->check(CLI::IsMember({"info", "warning", "error"}));
    cmd->add_option("--as-of", opt->as_of, "Dates after this one are in the future (YYYY-MM-DD; default today, UTC)");
    cmd->add_option("--config", opt->config_file, "Rule settings: lines \"rule-id = off|info|warning|error\"");
    cmd->add_option("--baseline", opt->baseline_file, "Do not report findings recorded in this file");
    cmd->add_option("--write-baseline", opt->write_baseline_file,
                    "Record every finding of this run in this file (exits 0: the findings are accepted)");
    cmd->add_option("--root", opt->root,
                    "Paths in baselines and CI reports (sarif, codeclimate, junit file=) are relative to this "
                    "directory (default: baselines the deepest directory holding every input, reports the working "
                    "directory)");
    cmd->add_flag("--from-page", opt->from_page, "Treat every input as a page (HTML or text) and convert it first");
    opt->pages.add_to(cmd);
    cmd->add_flag("--stale", opt->stale, "Also run the staleness audit's rules (see occkit stale)");
    cmd->add_option("--stale-policy", opt->stale_policy_file, "Maximum section ages for --stale (implies --stale)");
    add_no_config_flag(cmd, opt->no_config);
    cmd->add_option("-j,--jobs", opt->jobs, "Validate N files in parallel")->check(CLI::Range(1u, 256u));
    cmd->add_option("--max-annotations", opt->max_annotations, "github format: annotate at most N findings")
        ->check(CLI::Range(std::size_t{0}, std::size_t{100000}));
    cmd->callback([opt, cmd, &rc] { rc = run_validate(*opt, cmd->count("--format") > 0); });

    auto* rules = app.add_subcommand("rules", "List the validate rules, or explain one");
    auto id = std::make_shared<std::string>();
    rules->add_option("id", *id, "A rule id: print its explanation");
    rules->callback([id, &rc] { rc = run_rules(*id); });
}

}  // namespace occkit::cli
