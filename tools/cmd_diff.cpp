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
#include "manner.hpp"
#include "occkit/convert.hpp"
#include "occkit/diff.hpp"
#include "occkit/error.hpp"
#include "occkit/io.hpp"
#include "page_options.hpp"

namespace occkit::cli {

namespace fs = std::filesystem;

namespace {

constexpr int exit_identical = 0;
constexpr int exit_different = 1;
constexpr int exit_error = 2;

const std::vector<std::string> snapshot_extensions = {".xml", ".html", ".htm", ".xhtml", ".txt", ".text"};

// git hands an external diff /dev/null for the missing side of an added or deleted file: an empty profile.
constexpr std::string_view no_file = "/dev/null";

void add_color_option(CLI::App* cmd, std::string& mode) {
    cmd->add_option("--color", mode, "Colour the output: auto (on a terminal), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
}

void add_format_option(CLI::App* cmd, std::string& format) {
    cmd->add_option("--format", format, "Output format")->check(CLI::IsMember({"text", "json"}));
}

// Throws occkit::Error "<path>: <reason>" (read_input names the path itself; parse errors get it here).
Profile load(const std::string& path, const ConvertOptions& convert_options) {
    if (path == no_file) return {};
    std::string bytes = read_input(path);
    try {
        return read_profile(bytes, path, convert_options);
    } catch (const std::exception& e) {
        throw Error(path + ": " + e.what());
    }
}

bool print(const std::string& text) {
    std::cout << text << std::flush;
    if (std::cout) return true;
    report("occkit: cannot write to standard output");
    mark_stdout_failed();
    return false;
}

struct DiffOptions {
    std::vector<std::string> files;
    std::vector<std::string> labels;  // shown instead of the file names, as diff(1) -L
    std::string format = "text";
    std::string color = "auto";
    bool stat = false;
    bool textconv = false;
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

int run_diff(DiffOptions& opt) {
    if (opt.textconv) return run_textconv(opt);
    if (opt.files.size() != 2 || opt.labels.size() > 2) {
        usage_error("diff", "two files, OLD and NEW (or --textconv FILE), and at most two --label");
        return exit_error;
    }
    auto copts = opt.pages.convert_options("diff");
    if (!copts) return exit_error;
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
    std::string text = opt.format == "json" ? write_diff_json(diff, report_options)
                       : opt.stat           ? write_diff_stat(diff, report_options)
                                            : write_diff_text(diff, report_options);
    if (!print(text)) return exit_error;
    return diff.identical() ? exit_identical : exit_different;
}

struct HistoryOptions {
    std::vector<std::string> inputs;
    std::vector<std::string> dates;  // FILE=YYYY-MM-DD
    std::string format = "text";
    std::string color = "auto";
    unsigned jobs = 1;
    PageOptions pages;  // how pages are converted
};

bool same_file(const std::string& a, const std::string& b) {
    if (fs::path(a).lexically_normal() == fs::path(b).lexically_normal()) return true;
    std::error_code ec;
    return fs::equivalent(a, b, ec);
}

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

// The snapshot's date: --date, else a date in its path, else the profile's own newest date.
bool date_snapshot(Snapshot& s, const std::vector<std::pair<std::string, CalendarDate>>& given) {
    for (const auto& [file, date] : given)
        if (same_file(file, s.label)) {
            s.date = date;
            s.date_source = "option";
            return true;
        }
    if (auto date = date_in_path(s.label)) {
        s.date = *date;
        s.date_source = "path";
        return true;
    }
    if (auto date = newest_profile_date(s.profile)) {
        s.date = *date;
        s.date_source = "profile";
        return true;
    }
    return false;
}

int run_history(HistoryOptions& opt) {
    auto copts = opt.pages.convert_options("history");
    if (!copts) return exit_error;
    std::vector<std::pair<std::string, CalendarDate>> given;
    try {
        given = parse_date_options(opt.dates);
    } catch (const Error& e) {
        usage_error("history", e.what());
        return exit_error;
    }
    auto inputs = collect_inputs(opt.inputs, snapshot_extensions, follow_symlinks());
    for (const auto& [file, date] : given)
        if (std::none_of(inputs.begin(), inputs.end(), [&](const InputFile& in) { return same_file(file, in.path); })) {
            usage_error("history", "--date names " + file + ", which is not one of the snapshots");
            return exit_error;
        }
    std::vector<std::optional<Snapshot>> read(inputs.size());
    auto work = [&](const InputFile& in) -> std::string {
        try {
            Snapshot s;
            s.label = in.path;
            s.profile = load(in.path, *copts);
            if (!date_snapshot(s, given))
                return "no date: give one with --date " + in.path + "=YYYY-MM-DD, or put YYYY-MM-DD in its name";
            read[static_cast<std::size_t>(&in - inputs.data())] = std::move(s);
            return {};
        } catch (const std::exception& e) {
            return without_path(e.what(), in.path);  // run_batch names the file itself
        }
    };
    std::size_t failed = run_batch(inputs, opt.jobs, work, "reading");
    if (interrupted()) return exit_interrupted;
    std::vector<Snapshot> snapshots;
    for (auto& s : read)
        if (s) snapshots.push_back(std::move(*s));
    if (snapshots.empty()) {
        report("occkit: history: no usable snapshot");
        return exit_error;
    }
    History history = build_history(std::move(snapshots));
    DiffReportOptions report_options;
    report_options.color = use_color(opt.color);
    std::string text = opt.format == "json" ? write_history_json(history, report_options)
                                            : write_history_text(history, report_options);
    if (!print(text)) return exit_error;
    return failed ? exit_failures : exit_ok;
}

void add_history(CLI::App& app, int& rc) {
    auto* cmd = app.add_subcommand("history",
                                   "Timeline of a profile's snapshots: per section, when and how much it "
                                   "changed, and its dates");
    auto opt = std::make_shared<HistoryOptions>();
    cmd->add_option("inputs", opt->inputs, "Snapshots: files or directories (.xml, .html, .htm, .txt)")->required();
    cmd->add_option("--date", opt->dates,
                    "Date of one snapshot, FILE=YYYY-MM-DD (repeatable); otherwise a date in "
                    "the path, else the profile's newest date")
        ->allow_extra_args(false);
    add_format_option(cmd, opt->format);
    add_color_option(cmd, opt->color);
    cmd->add_option("-j,--jobs", opt->jobs, "Read N snapshots in parallel")->check(CLI::Range(1u, 256u));
    opt->pages.add_to(cmd);
    cmd->callback([opt, &rc] { rc = run_history(*opt); });
}

}  // namespace

void add_diff(CLI::App& app, int& rc) {
    auto* cmd = app.add_subcommand("diff", "What changed between two versions of a profile (canonical XML or pages)");
    auto opt = std::make_shared<DiffOptions>();
    cmd->add_option("files", opt->files, "OLD NEW: canonical XML or pages (converted first); /dev/null for none")
        ->required();
    cmd->add_option("-L,--label", opt->labels, "Name to show for OLD, then for NEW, instead of the file name")
        ->allow_extra_args(false);
    add_format_option(cmd, opt->format);
    cmd->add_flag("--stat", opt->stat, "One line per changed section instead of the changes");
    add_color_option(cmd, opt->color);
    cmd->add_flag("--textconv", opt->textconv,
                  "Print one profile as normalised text (for git's diff.<driver>.textconv)");
    opt->pages.add_to(cmd);
    cmd->callback([opt, &rc] { rc = run_diff(*opt); });
    add_history(app, rc);
}

}  // namespace occkit::cli
