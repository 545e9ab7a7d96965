// The end of each command's --help: examples (the README's) and the exit status. The help text is also the source
// of the man pages (docs/man/generate runs help2man on `occkit COMMAND --help`), so what a man page says is what
// --help says. Kept apart from the commands' option code, one table for every command.
#include <string_view>

#include "commands.hpp"

namespace occkit::cli {

namespace {

struct HelpFooter {
    std::string_view command;  // "convert", or "layout learn" for a nested one
    std::string_view examples;
    std::string_view exit_status;
};

// The same for every command that reads inputs (1: some inputs failed, the rest still processed).
constexpr std::string_view batch_exit = R"(  0      Every input was processed.
  1      Some inputs failed (each named on stderr as "occkit: FILE: reason"); the rest were still processed.
  2      Usage error, or an output that cannot be written (a file, or standard output).
  128+N  Ended by signal N (SIGHUP 129, SIGINT 130, SIGTERM 143); outputs already started finish atomically.)";

constexpr std::string_view usage_exit = R"(  0      Done.
  2      Usage error, or standard output cannot be written.
  128+N  Ended by signal N.)";

constexpr HelpFooter footers[] = {
    {"convert", R"(  $ occkit convert page.html                 # canonical XML on stdout
  $ occkit convert page.txt -o page.xml --url https://example.org/careers/page
  $ occkit convert pages/ -o xml/ -j 4       # a directory, recursively, into mirrored paths (.xml)
  $ cat page.txt | occkit convert -         # standard input
  $ occkit convert --explain page.txt        # where each source line went: title, field, section, chrome
  $ occkit convert --layout-file mysite.xml page.html
  $ occkit convert crawl.warc.gz -o xml/     # a web archive: xml/<YYYYMMDDhhmmss>/<host>/<path>.xml)",
     batch_exit},
    {"detect", R"(  $ occkit detect pages/*.txt                # layout id and confidence for each page
  $ occkit detect --all page.html            # every candidate layout, best first)",
     batch_exit},
    {"layouts", R"(  $ occkit layouts                           # the built-in layouts: id, jurisdiction, language, name
  $ occkit layouts --layout-file mysite.xml  # with a layout of your own)",
     usage_exit},
    {"validate", R"(  $ occkit validate xml/                     # every .xml below xml/: the schema and the rules
  $ occkit validate xml/ -j 2 --format sarif -o occkit.sarif
  $ occkit validate page.html page.txt       # pages are converted first
  $ occkit validate xml/ --config rules.conf --fail-on warning --as-of 2026-11-22
  $ occkit validate xml/ --write-baseline baseline.txt
  $ occkit validate xml/ --baseline baseline.txt # fail only on findings not in the baseline)",
     R"(  0      No finding at or above --fail-on (default error), or --write-baseline.
  1      Findings at or above --fail-on.
  2      Usage, input/output or internal error.
  128+N  Ended by signal N (130: interrupted); a -o report is then complete or absent.)"},
    {"rules", R"(  $ occkit rules                             # the rules and their default severities
  $ occkit rules empty-section               # what the rule checks, and how to quiet it)",
     R"(  0      Done.
  2      Unknown rule id, usage error, or standard output cannot be written.)"},
    {"stale", R"(  $ occkit stale xml/                        # each section's date and age today, oldest first
  $ occkit stale pages/ --as-of 2026-11-22 -j 4
  $ occkit stale xml/ --max-age 3y --format csv -o ages.csv
  $ occkit stale xml/ --policy stale-policy.txt --format sarif -o stale.sarif)",
     R"(  0      Nothing flagged.
  1      Something outdated, undated or in the future, or an input that could not be read.
  2      Usage or output error.
  128+N  Ended by signal N (130: interrupted).)"},
    {"diff", R"(  $ occkit diff old.xml new.xml              # canonical XML or pages; /dev/null for "no profile"
  $ occkit diff 2022-10-17/2174.html 2022-11-22/2174.html --stat
  $ occkit diff old.txt new.html --format json
  $ occkit diff --textconv page.html         # the profile as normalised text (a git textconv)
  $ occkit diff workbc/2022-10-17 workbc/2022-11-22 --stat # two snapshot folders)",
     R"(  0      The profiles are the same.
  1      The profiles differ.
  2      Any error, a missing input included.
  128+N  Ended by signal N.)"},
    {"history",
     R"(  $ occkit history snapshots/                # per section: the versions in which it changed, and how much
  $ occkit history a.xml b.xml --date a.xml=2019-06-01 --format json
  $ occkit history crawl-1.warc.gz crawl-2.warc # web archives: one timeline per URL)",
     R"(  0      Every snapshot was read and dated.
  1      Some snapshots could not be read or dated (each reported); the timeline covers the rest.
  2      No usable snapshot, snapshots of different profiles in one timeline, or a usage error.
  128+N  Ended by signal N.)"},
    {"export", R"(  $ occkit export xml/page.xml               # the canonical document as JSON
  $ occkit export -f jsonld page.html --url https://example.org/page
  $ occkit export -f ndjson xml/ -o profiles.ndjson -j 4
  $ occkit export pages/ -o json/            # a directory: mirrored paths, .json)",
     batch_exit},
    {"import", R"(  $ occkit import page.json -o page.xml      # back to canonical XML, byte for byte)", batch_exit},
    {"layout", R"(  $ occkit layout learn pages/ -o mysite.xml)", usage_exit},
    {"layout learn", R"(  $ occkit layout learn pages/ -o mysite.xml --id mysite
  $ occkit convert --layout-file mysite.xml pages/ -o xml/ # then use the draft, once reviewed)",
     R"(  0      The draft was written.
  2      Fewer than two usable pages, a page that cannot be read, a usage or output error.
  128+N  Ended by signal N.)"},
};

std::string footer_text(const HelpFooter& footer) {
    std::string text = "\nExamples:\n";
    text += footer.examples;
    text += "\n\nExit status:\n";
    text += footer.exit_status;
    text += "\n\nSee also: occkit(1), and README.md in the occkit sources.";
    return text;
}

CLI::App* find_command(CLI::App& app, std::string_view path) {
    CLI::App* command = &app;
    while (command && !path.empty()) {
        const auto space = path.find(' ');
        const std::string name{path.substr(0, space)};
        path = space == std::string_view::npos ? std::string_view{} : path.substr(space + 1);
        CLI::App* next = nullptr;
        for (CLI::App* sub : command->get_subcommands({}))
            if (sub->get_name() == name) next = sub;
        command = next;
    }
    return command;
}

}  // namespace

void add_help_footers(CLI::App& app) {
    app.name("occkit");  // the usage line says "occkit", not the path the program was run by
    app.footer("Run 'occkit COMMAND --help' for a command's options, examples and exit status; see also occkit(1).");
    for (const HelpFooter& footer : footers)
        if (CLI::App* command = find_command(app, footer.command)) command->footer(footer_text(footer));
}

}  // namespace occkit::cli
