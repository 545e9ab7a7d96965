// occkit stale: how old each section of each profile is, against a policy of maximum ages (occkit/stale.hpp).
// Exit codes: 0 nothing flagged, 1 something outdated or undatable (for CI) or an input that failed, 2 usage or
// output errors, 130 interrupted.
#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "batch.hpp"
#include "commands.hpp"
#include "config.hpp"
#include "files.hpp"
#include "manner.hpp"
#include "occkit/convert.hpp"
#include "occkit/error.hpp"
#include "occkit/io.hpp"
#include "occkit/stale.hpp"
#include "occkit/validate.hpp"
#include "occkit/xml.hpp"
#include "page_options.hpp"

namespace occkit::cli {

namespace fs = std::filesystem;

namespace {

StaleAudit audit_input(const InputFile& in, const CalendarDate& as_of, const StalePolicy& policy,
                       const ConvertOptions& convert_options) {
    std::string bytes = read_input(in.path);
    StaleAudit audit = audit_staleness(read_profile(bytes, in.path, convert_options), in.path, as_of, policy);
    if (is_canonical_xml(bytes, in.path)) {
        // Point into the XML file (SARIF regions, editors) where the element of the finding's page line is.
        const std::map<int, int> xml_lines = xml_lines_of_source_lines(bytes);
        for (Finding& f : audit.findings)
            if (auto line = xml_lines.find(f.source_line); line != xml_lines.end()) f.xml_line = line->second;
    } else {
        // The file is the page itself, so its lines are the ones to point at, as validate does for pages.
        for (Finding& f : audit.findings) f.xml_line = f.source_line;
    }
    return audit;
}

struct Options {
    std::vector<std::string> inputs;
    std::string as_of;
    std::string max_age;
    std::string policy_file;
    bool no_config = false;
    std::string format = "text";
    std::string output;
    unsigned jobs = 1;
    PageOptions pages;  // how pages are converted
};

// The policy from --policy (else occkit.conf's [stale-policy]), then --max-age over its default. Throws occkit::Error
// with the reason.
StalePolicy policy_from(const Options& opt) {
    std::optional<ProjectConfig> project = opt.policy_file.empty() && !opt.no_config ? discover_config() : std::nullopt;
    StalePolicy policy = !opt.policy_file.empty()         ? StalePolicy::load(opt.policy_file)
                         : project && project->has_policy ? StalePolicy::parse(project->policy, project->path)
                                                          : StalePolicy{};
    if (!opt.max_age.empty()) {
        auto months = parse_duration_months(opt.max_age);
        if (!months) throw Error("--max-age: '" + opt.max_age + "' is not a duration such as 36m or 3y");
        policy.set("default", *months);
    }
    return policy;
}

int run_stale(Options& opt) {
    std::optional<CalendarDate> as_of = opt.as_of.empty() ? today() : parse_as_of(opt.as_of);
    if (!as_of) {
        usage_error("stale", "--as-of: '" + opt.as_of + "' is not a date such as 2026-11-22");
        return exit_usage;
    }
    StaleFormat format = stale_format_from_string(opt.format).value_or(StaleFormat::text);  // checked by CLI11
    StalePolicy policy;
    ConvertOptions convert_options;
    try {
        policy = policy_from(opt);
        opt.pages.apply_to(convert_options);
    } catch (const std::exception& e) {
        report(std::string("occkit: stale: ") + e.what());
        return exit_usage;
    }
    auto inputs = inputs_or_stdin(opt.inputs, document_extensions);
    std::vector<std::optional<StaleAudit>> audits(inputs.size());
    auto work = [&](const InputFile& in) -> std::string {
        try {
            audits[static_cast<std::size_t>(&in - inputs.data())] = audit_input(in, *as_of, policy, convert_options);
            return {};
        } catch (const std::exception& e) {
            return e.what();
        }
    };
    std::size_t failed = run_batch(inputs, opt.jobs, work, "auditing");
    std::vector<StaleAudit> done;
    for (auto& a : audits)
        if (a) done.push_back(std::move(*a));
    try {
        if (opt.output.empty() || !skip_partial_output(opt.output))
            write_file_atomic(opt.output.empty() ? "-" : opt.output, write_stale_report(format, done, *as_of),
                              input_paths(inputs));
    } catch (const std::exception& e) {
        report(std::string("occkit: stale: ") + e.what());
        return exit_usage;
    }
    if (interrupted()) return exit_interrupted;
    if (failed) return exit_failures;  // an input that cannot be read is an input that failed, as in every command
    bool flagged = std::any_of(done.begin(), done.end(), [](const StaleAudit& a) { return a.flagged(); });
    return flagged ? exit_failures : exit_ok;
}

}  // namespace

void add_stale(CLI::App& app, int& rc) {
    auto* cmd = app.add_subcommand("stale", "Flag outdated sections, data years, outlook periods and update dates");
    auto opt = std::make_shared<Options>();
    cmd->add_option("inputs", opt->inputs,
                    "Canonical XML or pages (files or directories, recursively: .xml .html .htm .txt); - or nothing "
                    "for stdin");
    cmd->add_option("--as-of", opt->as_of, "Measure ages at this date (YYYY-MM-DD; default: today, UTC)");
    cmd->add_option("--max-age", opt->max_age, "Default maximum section age, e.g. 36m or 3y (overrides the policy's)");
    cmd->add_option("--policy", opt->policy_file, "Policy file: maximum ages per section kind and jurisdiction")
        ->check(CLI::ExistingFile);
    cmd->add_option("--format", opt->format, "Report format")->check(CLI::IsMember({"text", "json", "csv", "sarif"}));
    cmd->add_option("-o,--output", opt->output, "Write the report to this file instead of stdout");
    cmd->add_option("-j,--jobs", opt->jobs, "Audit N files in parallel")->check(CLI::Range(1u, 256u));
    opt->pages.add_to(cmd);
    add_no_config_flag(cmd, opt->no_config);
    cmd->callback([opt, &rc] { rc = run_stale(*opt); });
}

}  // namespace occkit::cli
