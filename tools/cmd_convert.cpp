// occkit convert / detect / layouts
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <utility>

#include "batch.hpp"
#include "commands.hpp"
#include "files.hpp"
#include "manner.hpp"
#include "ndjson.hpp"
#include "occkit/convert.hpp"
#include "occkit/error.hpp"
#include "occkit/io.hpp"
#include "occkit/warc.hpp"
#include "occkit/xml.hpp"
#include "page_options.hpp"
#include "snapshots.hpp"

namespace occkit::cli {

namespace fs = std::filesystem;

namespace {

// Bounds on one input, so a hostile or broken page is refused early instead of exhausting memory or time
// (README, "Limits and hostile input"). 0 means no limit.
struct InputLimits {
    std::uint64_t max_input_size = default_max_input_bytes;
    std::size_t max_depth = BlockLimits{}.max_depth;
    std::uint64_t max_line_length = BlockLimits{}.max_line_length;

    void add_to(CLI::App* cmd) {
        cmd->add_option("--max-input-size", max_input_size, "Refuse inputs larger than this (bytes; K, M, G suffixes)")
            ->transform(CLI::AsSizeValue(false))
            ->capture_default_str();
        cmd->add_option("--max-depth", max_depth, "Refuse HTML nested deeper than this many elements")
            ->capture_default_str();
        cmd->add_option("--max-line-length", max_line_length, "Refuse inputs with a longer line (bytes; K, M suffixes)")
            ->transform(CLI::AsSizeValue(false))
            ->capture_default_str();
    }
    static std::size_t or_unlimited(std::uint64_t limit) {
        return limit == 0 || limit > SIZE_MAX ? SIZE_MAX : static_cast<std::size_t>(limit);
    }
    std::size_t input_bytes() const { return or_unlimited(max_input_size); }
    BlockLimits block_limits() const {
        BlockLimits limits;
        limits.max_depth = or_unlimited(max_depth);
        limits.max_line_length = or_unlimited(max_line_length);
        return limits;
    }
};

// Canonical XML is what convert writes, not a page: converting it as one would give a garbage title.
constexpr std::string_view already_canonical =
    "already canonical XML: nothing to convert (occkit validate checks it, occkit export reads it)";
// A profile without a title fails `occkit validate`: say so now rather than exit 0 in silence.
constexpr std::string_view no_title_warning =
    "warning: no title found (validate will report it); try --layout or --explain";

std::string explain(const Conversion& c) {
    std::ostringstream out;
    out << "# layout " << c.profile.source.layout << " (confidence " << std::fixed << std::setprecision(2)
        << c.detection.confidence << ")\n";
    for (const auto& p : c.placements) {
        std::string text = p.text.size() > 70 ? p.text.substr(0, 67) + "..." : p.text;
        out << std::setw(5) << p.line << "  " << std::left << std::setw(40) << p.where << std::right << "  " << text
            << '\n';
    }
    return out.str();
}

}  // namespace

void add_convert(CLI::App& app, int& rc) {
    auto* cmd = app.add_subcommand("convert", "Convert career-profile pages (HTML or text) to canonical XML");
    struct Options {
        std::vector<std::string> inputs;
        std::string output;
        std::string url;
        unsigned jobs = 1;
        bool explain = false;
        bool fsync = false;
        bool ndjson = false;
        PageOptions layout;
        InputLimits limits;
    };
    auto opt = std::make_shared<Options>();
    cmd->add_option("inputs", opt->inputs,
                    "Files or directories (recursively: .html .htm .txt), or web archives (.warc, .warc.gz: "
                    "-o DIR); - or nothing for stdin");
    cmd->add_option("-o,--output", opt->output,
                    "Output file (one input) or directory (several inputs or a directory: mirrored paths, .xml)");
    cmd->add_option("--url", opt->url, "Source URL to record as provenance");
    cmd->add_option("-j,--jobs", opt->jobs, "Convert N files in parallel")->check(CLI::Range(1u, 256u));
    cmd->add_flag("--explain", opt->explain, "Print where each source line went instead of the XML");
    cmd->add_flag("--fsync", opt->fsync,
                  "Sync each output file and its directory to disk before going on (slower; outputs are always "
                  "written atomically)");
    cmd->add_flag("--ndjson", opt->ndjson,
                  "Filter page records from stdin to stdout, one JSON object a line, in order (README: At scale)")
        ->excludes(cmd->get_option("inputs"), cmd->get_option("--output"), cmd->get_option("--explain"));
    opt->layout.add_to(cmd);
    opt->limits.add_to(cmd);
    cmd->callback([opt, &rc] {
        opt->layout.layouts();  // a bad layout file is an error before any input is looked at
        if (opt->ndjson) {
            ConvertOptions copts;
            opt->layout.apply_to(copts);
            copts.url = opt->url;
            copts.limits = opt->limits.block_limits();
            rc = convert_ndjson(copts, opt->jobs, opt->limits.input_bytes());
            return;
        }
        if (std::any_of(opt->inputs.begin(), opt->inputs.end(), [](const std::string& p) { return is_warc_path(p); })) {
            ConvertOptions copts;
            opt->layout.apply_to(copts);
            copts.limits = opt->limits.block_limits();
            copts.explain = false;
            rc = convert_archives(opt->inputs, opt->output, copts);
            return;
        }
        auto inputs = inputs_or_stdin(opt->inputs, page_extensions);
        bool to_dir = names_directory(opt->inputs, inputs, opt->output);
        if (to_dir && opt->output.empty() && !opt->explain) {
            usage_error("convert", "several inputs need -o DIR (outputs mirror the input paths)");
            rc = exit_usage;
            return;
        }
        if (std::string refused = to_dir ? output_for_several_inputs(opt->output) : ""; !refused.empty()) {
            usage_error("convert", refused);
            rc = exit_usage;
            return;
        }
        const ProtectedPaths protected_inputs(input_paths(inputs));  // resolved once for the whole batch
        const Durability durability = opt->fsync ? Durability::fsync : Durability::rename;
        ConvertOptions copts;
        opt->layout.apply_to(copts);  // the layout set was built above, before any input was looked at
        copts.url = opt->url;
        copts.limits = opt->limits.block_limits();
        copts.explain = opt->explain;  // placements are as big as the profile on a huge page: only when asked
        const std::vector<fs::path> outputs =
            to_dir ? output_paths_for(inputs, opt->output, ".xml") : std::vector<fs::path>{};
        std::mutex stdout_mutex;
        auto work = [&](const InputFile& in) -> std::string {
            try {
                std::string bytes = read_input(in.path, opt->limits.input_bytes());
                if (is_canonical_xml(bytes, in.path)) return std::string(already_canonical);
                Conversion c = convert_taking(std::move(bytes), copts);  // the page is freed once decoded
                for (const auto& text : c.notes) note(in.path, "note: " + text);
                if (!c.profile.title) note(in.path, no_title_warning);
                if (opt->explain || (!to_dir && opt->output.empty())) {
                    std::string text = opt->explain ? explain(c) : write_xml(c.profile);
                    std::lock_guard lock(stdout_mutex);
                    write_to_stdout(text);
                    return {};
                }
                const fs::path target =
                    to_dir ? outputs[static_cast<std::size_t>(&in - inputs.data())] : fs::path(opt->output);
                // The document goes to the file as it is written: a huge page's XML is never one string.
                write_file_atomic(
                    target, [&](const PieceWriter& write) { write_xml(c.profile, write); }, protected_inputs,
                    durability);
                return {};
            } catch (const std::exception& e) {
                return e.what();
            }
        };
        std::size_t failed = run_batch(inputs, opt->jobs, work, "converting");
        if (to_dir && !opt->explain && !quiet())
            report("occkit: converted " + std::to_string(inputs.size() - failed) + " of " +
                   std::to_string(inputs.size()) + " input(s) into " + opt->output);
        rc = interrupted() ? exit_interrupted : failed ? exit_failures : exit_ok;
    });
}

void add_detect(CLI::App& app, int& rc) {
    auto* cmd = app.add_subcommand("detect", "Say which site layout each page is in, and how sure");
    struct Options {
        std::vector<std::string> inputs;
        bool all = false;
        PageOptions layout;
    };
    auto opt = std::make_shared<Options>();
    cmd->add_option("inputs", opt->inputs, "Files or directories; - or nothing for stdin");
    cmd->add_flag("--all", opt->all, "List every layout that scored, not only the best");
    opt->layout.add_to(cmd);
    cmd->callback([opt, &rc] {
        const LayoutSet* layouts = opt->layout.layouts();
        const LayoutSet& set = layouts ? *layouts : LayoutSet::builtin();
        auto inputs = inputs_or_stdin(opt->inputs, page_extensions);
        std::vector<std::string> lines(inputs.size());  // printed in input order after the batch
        auto work = [&](const InputFile& in) -> std::string {
            try {
                Detection det = set.detect(read_page_blocks(read_input(in.path), opt->layout.input_format()));
                std::ostringstream line;
                line << in.path << '\t' << det.layout << '\t' << std::fixed << std::setprecision(2) << det.confidence;
                if (opt->all)
                    for (const auto& c : det.candidates) line << '\t' << c.layout << '=' << c.confidence;
                lines[static_cast<std::size_t>(&in - inputs.data())] = line.str();
                return {};
            } catch (const std::exception& e) {
                return e.what();
            }
        };
        std::size_t failed = run_batch(inputs, 1, work, "detecting");
        for (const auto& l : lines)
            if (!l.empty()) std::cout << l << '\n';
        rc = interrupted() ? exit_interrupted : failed ? exit_failures : exit_ok;
    });
}

void add_layouts(CLI::App& app, int& rc) {
    auto* cmd = app.add_subcommand("layouts", "List the built-in layouts (and any loaded with --layout-file)");
    auto files = std::make_shared<std::vector<std::string>>();
    cmd->add_option("--layout-file", *files, "Also load this layout file (repeatable)")
        ->check(CLI::ExistingFile)
        ->allow_extra_args(false);
    cmd->callback([files, &rc] {
        LayoutSet set = LayoutSet::builtin();
        for (const auto& f : *files) set.add_file(f);
        for (const auto& l : set.layouts())
            std::cout << std::left << std::setw(17) << l.id() << ' ' << std::setw(4) << l.jurisdiction() << std::setw(4)
                      << l.language() << l.name() << '\n';
        rc = exit_ok;
    });
}

}  // namespace occkit::cli
