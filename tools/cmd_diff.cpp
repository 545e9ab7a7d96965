// occkit diff / history: what changed between versions of a profile (occkit/diff.hpp).
// diff exits as diff(1) does: 0 identical, 1 different, 2 error. history: 0 timeline printed, 1 some snapshots
// could not be used (each reported; the timeline covers the rest), 2 usage error or no usable snapshot.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "batch.hpp"
#include "commands.hpp"
#include "files.hpp"
#include "manner.hpp"
#include "occkit/archive.hpp"
#include "occkit/convert.hpp"
#include "occkit/diff.hpp"
#include "occkit/error.hpp"
#include "occkit/io.hpp"
#include "occkit/report_html.hpp"
#include "page_options.hpp"
#include "snapshots.hpp"

namespace occkit::cli {

namespace fs = std::filesystem;

namespace {

constexpr int exit_identical = 0;
constexpr int exit_different = 1;
constexpr int exit_error = 2;

// git hands an external diff /dev/null for the missing side of an added or deleted file: an empty profile.
constexpr std::string_view no_file = "/dev/null";

void add_color_option(CLI::App* cmd, std::string& mode) {
    cmd->add_option("--color", mode, "Colour the output: auto (on a terminal), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
}

void add_same_profile_option(CLI::App* cmd, bool& flag) {
    cmd->add_flag("--same-profile", flag,
                  "Put snapshots that are not the same profile (another URL or code) together anyway");
}

void add_format_option(CLI::App* cmd, std::string& format) {
    cmd->add_option("--format", format, "Output format (html: one self-contained page)")
        ->check(CLI::IsMember({"text", "json", "html"}));
}

void add_output_option(CLI::App* cmd, std::string& output) {
    cmd->add_option("-o,--output", output, "Write the report to FILE (atomically) instead of standard output");
}

// Throws occkit::Error "<path>: <reason>"; /dev/null is the empty profile.
Profile load(const std::string& path, const ConvertOptions& convert_options) {
    if (path == no_file) return {};
    return load_profile_file(path, convert_options);
}

bool print(const std::string& text) {
    std::cout << text << std::flush;
    if (std::cout) return true;
    report("occkit: cannot write to standard output");
    mark_stdout_failed();
    return false;
}

// The report on standard output, or into `output` through a temporary file renamed into place (never over one of
// the inputs; not at all after an interrupt, when it would look complete and cover only part of them).
bool emit(const std::string& command, const std::string& text, const std::string& output,
          const std::vector<std::string>& inputs) {
    if (output.empty()) return print(text);
    if (skip_partial_output(output)) return false;
    try {
        std::vector<fs::path> named(inputs.begin(), inputs.end());
        write_file_atomic(output, text, ProtectedPaths(named));
        return true;
    } catch (const std::exception& e) {
        report("occkit: " + command + ": " + e.what());
        return false;
    }
}

struct DiffOptions {
    std::vector<std::string> files;
    std::vector<std::string> labels;  // shown instead of the file names, as diff(1) -L
    std::string format = "text";
    std::string color = "auto";
    std::string output;  // -o FILE; empty: standard output
    bool stat = false;
    bool textconv = false;
    bool same_profile = false;
    PageOptions pages;  // how pages are converted
};

int run_textconv(DiffOptions& opt) {
    if (opt.files.size() != 1) {
        usage_error("diff", "--textconv takes one file");
        return exit_error;
    }
    auto copts = opt.pages.convert_options("diff");
    if (!copts) return exit_error;
    try {
        return print(write_profile_text(load(opt.files[0], *copts))) ? exit_identical : exit_error;
    } catch (const std::exception& e) {
        report(std::string("occkit: ") + e.what());
        return exit_error;
    }
}

// diff DIR1 DIR2: the profiles paired by their path inside each folder.
int run_diff_folders(DiffOptions& opt, const ConvertOptions& convert) {
    std::vector<KeyedSnapshot> sides[2];
    std::size_t failed = 0;
    for (int k = 0; k < 2; ++k) {
        SnapshotSource source;
        sides[k] = read_snapshots({opt.files[static_cast<std::size_t>(k)]}, convert, source, failed);
    }
    if (interrupted()) return exit_interrupted;
    std::vector<IdentityConflict> conflicts;
    ArchiveDiff diff = diff_archives(std::move(sides[0]), std::move(sides[1]), {opt.same_profile, false}, conflicts);
    report_conflicts("diff", conflicts);
    DiffReportOptions report_options{opt.labels.size() > 0 ? opt.labels[0] : opt.files[0],
                                     opt.labels.size() > 1 ? opt.labels[1] : opt.files[1], use_color(opt.color)};
    std::string text = opt.format == "json"   ? write_archive_diff_json(diff)
                       : opt.format == "html" ? write_archive_diff_html(diff, report_options)
                                              : write_archive_diff_text(diff, report_options, opt.stat);
    if (!emit("diff", text, opt.output, opt.files)) return exit_error;
    if (failed || (!conflicts.empty() && !opt.same_profile)) return exit_error;
    return diff.identical() ? exit_identical : exit_different;
}

int run_diff(DiffOptions& opt) {
    if (opt.textconv) return run_textconv(opt);
    if (opt.files.size() != 2 || opt.labels.size() > 2) {
        usage_error("diff", "two files, OLD and NEW (or --textconv FILE), and at most two --label");
        return exit_error;
    }
    auto copts = opt.pages.convert_options("diff");
    if (!copts) return exit_error;
    if (fs::is_directory(opt.files[0]) && fs::is_directory(opt.files[1])) return run_diff_folders(opt, *copts);
    Profile versions[2];
    for (int k = 0; k < 2; ++k) {
        try {
            versions[k] = load(opt.files[static_cast<std::size_t>(k)], *copts);
        } catch (const std::exception& e) {
            report(std::string("occkit: ") + e.what());
            return exit_error;
        }
    }
    ProfileDiff diff = diff_profiles(versions[0], versions[1]);
    DiffReportOptions report_options{opt.labels.size() > 0 ? opt.labels[0] : opt.files[0],
                                     opt.labels.size() > 1 ? opt.labels[1] : opt.files[1], use_color(opt.color)};
    std::string text = opt.format == "json"   ? write_diff_json(diff, report_options)
                       : opt.format == "html" ? write_diff_html(diff, report_options)
                       : opt.stat             ? write_diff_stat(diff, report_options)
                                              : write_diff_text(diff, report_options);
    if (!emit("diff", text, opt.output, opt.files)) return exit_error;
    return diff.identical() ? exit_identical : exit_different;
}

struct HistoryOptions {
    std::vector<std::string> inputs;
    std::vector<std::string> dates;  // FILE=YYYY-MM-DD
    std::string format = "text";
    std::string color = "auto";
    std::string output;  // -o FILE; empty: standard output
    unsigned jobs = 1;
    bool same_profile = false;
    PageOptions pages;  // how pages are converted
};

// --date FILE=DATE pairs, checked before any file is read. Throws occkit::Error naming the bad value.
std::vector<std::pair<std::string, CalendarDate>> parse_date_options(const std::vector<std::string>& values) {
    std::vector<std::pair<std::string, CalendarDate>> dates;
    for (const auto& v : values) {
        auto eq = v.rfind('=');
        auto date = eq == std::string::npos ? std::nullopt : parse_iso_date(v.substr(eq + 1));
        if (!date || date->precision == DatePrecision::span)
            throw Error("--date " + v + ": expected FILE=YYYY-MM-DD (or YYYY-MM, YYYY)");
        dates.emplace_back(v.substr(0, eq), *date);
    }
    return dates;
}

std::string history_report(const ArchiveHistory& archive, const HistoryOptions& opt, bool single) {
    DiffReportOptions report_options;
    report_options.color = use_color(opt.color);
    if (opt.format == "csv") return write_archive_history_csv(archive);
    if (opt.format == "html")
        return single ? write_history_html(archive.profiles[0].history, report_options)
                      : write_archive_history_html(archive, report_options);
    if (single && opt.format == "json") return write_history_json(archive.profiles[0].history, report_options);
    if (single) return write_history_text(archive.profiles[0].history, report_options);
    return opt.format == "json" ? write_archive_history_json(archive)
                                : write_archive_history_text(archive, report_options);
}

int run_history(HistoryOptions& opt) {
    auto copts = opt.pages.convert_options("history");
    if (!copts) return exit_error;
    SnapshotSource source;
    source.jobs = opt.jobs;
    try {
        source.dates = parse_date_options(opt.dates);
    } catch (const Error& e) {
        usage_error("history", e.what());
        return exit_error;
    }
    if (!dates_name_inputs(source.dates, opt.inputs)) return exit_error;
    std::size_t failed = 0;
    auto snapshots = read_snapshots(opt.inputs, *copts, source, failed);
    if (interrupted()) return exit_interrupted;
    if (snapshots.empty()) {
        report("occkit: history: no usable snapshot");
        return exit_error;
    }
    ArchiveOptions options{opt.same_profile, !source.any_folder && !source.any_archive};
    std::vector<IdentityConflict> conflicts;
    ArchiveHistory archive = build_archive_history(std::move(snapshots), options, conflicts);
    report_conflicts("history", conflicts);
    if (archive.profiles.empty()) return exit_error;
    bool single = archive.profiles.size() == 1;  // one profile: its timeline alone, as before archives
    if (!emit("history", history_report(archive, opt, single), opt.output, opt.inputs)) return exit_error;
    if (!conflicts.empty() && !opt.same_profile) return exit_error;
    return failed ? exit_failures : exit_ok;
}

void add_history(CLI::App& app, int& rc) {
    auto* cmd = app.add_subcommand("history",
                                   "Timeline of a profile's snapshots: per section, when and how much it "
                                   "changed, and its dates");
    auto opt = std::make_shared<HistoryOptions>();
    cmd->add_option("inputs", opt->inputs,
                    "Snapshots: files, snapshot folders (one timeline per profile) or web archives (.warc, .warc.gz)")
        ->required();
    cmd->add_option("--date", opt->dates,
                    "Date of one snapshot, FILE=YYYY-MM-DD (repeatable); otherwise a date in "
                    "the path, else the profile's newest date")
        ->allow_extra_args(false);
    cmd->add_option("--format", opt->format, "Output format (html: one self-contained page)")
        ->check(CLI::IsMember({"text", "json", "csv", "html"}));
    add_output_option(cmd, opt->output);
    add_color_option(cmd, opt->color);
    add_same_profile_option(cmd, opt->same_profile);
    cmd->add_option("-j,--jobs", opt->jobs, "Read N snapshots in parallel")->check(CLI::Range(1u, 256u));
    opt->pages.add_to(cmd);
    cmd->callback([opt, &rc] { rc = run_history(*opt); });
}

}  // namespace

void add_diff(CLI::App& app, int& rc) {
    auto* cmd = app.add_subcommand("diff", "What changed between two versions of a profile (canonical XML or pages)");
    auto opt = std::make_shared<DiffOptions>();
    cmd->add_option("files", opt->files,
                    "OLD NEW: canonical XML or pages (converted first), /dev/null for none; or two snapshot folders")
        ->required();
    cmd->add_option("-L,--label", opt->labels, "Name to show for OLD, then for NEW, instead of the file name")
        ->allow_extra_args(false);
    add_format_option(cmd, opt->format);
    add_output_option(cmd, opt->output);
    cmd->add_flag("--stat", opt->stat, "One line per changed section instead of the changes");
    add_color_option(cmd, opt->color);
    add_same_profile_option(cmd, opt->same_profile);
    cmd->add_flag("--textconv", opt->textconv,
                  "Print one profile as normalised text (for git's diff.<driver>.textconv)");
    opt->pages.add_to(cmd);
    cmd->callback([opt, &rc] { rc = run_diff(*opt); });
    add_history(app, rc);
}

}  // namespace occkit::cli
