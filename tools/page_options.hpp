// How the commands that read pages convert them: --layout, --layout-file and --input-format, the same options and
// meaning for convert, detect, validate, stale, diff and export.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "batch.hpp"
#include "occkit/convert.hpp"
#include "occkit/error.hpp"
#include "occkit/layout.hpp"

namespace occkit::cli {

struct PageOptions {
    std::string layout;
    std::vector<std::string> layout_files;
    std::string format = "auto";
    std::unique_ptr<LayoutSet> user_set;

    void add_to(CLI::App* cmd) {
        cmd->add_option("--layout", layout,
                        "Use this layout for pages instead of detecting one (see `occkit layouts`)");
        // One file per --layout-file: without allow_extra_args(false) the option would swallow the inputs after it.
        cmd->add_option("--layout-file", layout_files, "Load a layout file (repeatable); it may replace a built-in one")
            ->check(CLI::ExistingFile)
            ->allow_extra_args(false);
        cmd->add_option("--input-format", format, "How pages are read")->check(CLI::IsMember({"auto", "html", "text"}));
    }

    // Build the layout set once, before any file is read; nullptr means the built-in set. Throws occkit::Error on
    // a bad layout file or an unknown --layout.
    // An unknown --layout is a usage error too, like a bad --layout-file, not a failure of every input.
    const LayoutSet* layouts() {
        if (!layout_files.empty() && !user_set) {
            user_set = std::make_unique<LayoutSet>(LayoutSet::builtin());
            for (const auto& f : layout_files) user_set->add_file(f);
        }
        const LayoutSet& set = user_set ? *user_set : LayoutSet::builtin();
        if (!layout.empty() && !set.find(layout))
            throw Error("--layout: unknown layout '" + layout + "' (`occkit layouts` lists them)");
        return user_set.get();
    }

    InputFormat input_format() const {
        return format == "html" ? InputFormat::html : format == "text" ? InputFormat::text : InputFormat::automatic;
    }

    // Fills the conversion settings these options govern (layout, layout set, input format). Throws occkit::Error
    // on a bad layout file.
    void apply_to(ConvertOptions& options) {
        options.layout = layout;
        options.layouts = layouts();
        options.format = input_format();
    }

    // The same, for a command with nothing else to set up: a bad layout file is reported as
    // "occkit: <command>: <reason>" (a usage error for the caller) and gives nothing.
    std::optional<ConvertOptions> convert_options(std::string_view command) {
        ConvertOptions options;
        try {
            apply_to(options);
        } catch (const std::exception& e) {
            report("occkit: " + std::string(command) + ": " + e.what());
            return std::nullopt;
        }
        return options;
    }
};

}  // namespace occkit::cli
