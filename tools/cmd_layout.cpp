// occkit layout learn: draft a layout file from pages of a site no layout was written for (occkit/learn.hpp).
// The pages are read here (files and directories, sorted); what repeats across them is learned in the library.
#include <iostream>
#include <memory>

#include "batch.hpp"
#include "commands.hpp"
#include "files.hpp"
#include "occkit/error.hpp"
#include "occkit/io.hpp"
#include "occkit/learn.hpp"

namespace occkit::cli {

namespace {

struct LearnArgs {
    std::vector<std::string> inputs;
    std::string output;
    LearnOptions options;
};

// A summary on stderr, so the draft itself can go to stdout.
void print_summary(const LayoutDraft& d) {
    std::cerr << "occkit: layout learn: " << d.pages << " pages: " << d.headings.size() << " headings, "
              << d.chrome.size() << " chrome lines, title " << d.title_from << (d.title_has_code ? " with a code" : "")
              << (d.site_name.empty() ? "" : ", site \"" + d.site_name + "\"") << ", jurisdiction " << d.jurisdiction
              << '\n';
    for (const auto& h : d.headings) std::cerr << "  heading  " << h.kind << ": " << h.text << '\n';
    for (const auto& c : d.chrome) std::cerr << "  chrome   " << c.text << '\n';
}

int learn(const LearnArgs& args) {
    std::vector<LearnPage> pages;
    for (const auto& in : collect_inputs(args.inputs, page_extensions)) {
        if (!in.error.empty()) throw Error(in.path + ": " + in.error);
        pages.push_back({in.path, read_input(in.path)});
    }
    LayoutDraft draft = learn_layout(std::move(pages), args.options);
    if (args.output.empty() || args.output == "-")
        std::cout << draft.xml;
    else
        write_file_atomic(args.output, draft.xml, {});
    print_summary(draft);
    return exit_ok;
}

}  // namespace

void add_layout(CLI::App& app, int& rc) {
    auto* layout = app.add_subcommand("layout", "Work on layout files");
    layout->require_subcommand(1);
    auto* cmd = layout->add_subcommand(
        "learn", "Draft a layout file from 10+ pages of one site: signatures, chrome lines, headings, title");
    auto args = std::make_shared<LearnArgs>();
    cmd->add_option("inputs", args->inputs, "Pages of the site, or directories of them (.html .htm .txt)")->required();
    cmd->add_option("-o,--output", args->output, "Write the draft here (default: stdout)");
    cmd->add_option("--id", args->options.id, "The layout id")->capture_default_str();
    cmd->add_option("--name", args->options.name, "The layout name (default: the site name in <title>)");
    cmd->add_option("--jurisdiction", args->options.jurisdiction,
                    "Two-letter code (default: the province the repeated lines name, else XX)");
    cmd->add_option("--share", args->options.common_share, "A block on this share of the pages repeats")
        ->check(CLI::Range(0.1, 1.0))
        ->capture_default_str();
    cmd->callback([args, &rc] {
        try {
            rc = learn(*args);
        } catch (const std::exception& e) {
            report(std::string("occkit: ") + e.what());
            rc = exit_usage;
        }
    });
}

}  // namespace occkit::cli
