// One command-line manner for every subcommand: the error style ("occkit: CONTEXT: message", then a pointer to
// --help for usage errors), --quiet/--verbose, NO_COLOR, standard-output write errors (exit 2 in every command) and
// the -o FILE / several-inputs rule. main.cpp wires it; the commands call these instead of their own variants.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "occkit/io.hpp"

namespace occkit::cli {

// `occkit --version`: the program's version, then the library's and those of libxml2 and ICU as loaded.
std::string version_text();

// Adds -q,--quiet and -v,--verbose to every subcommand of `app` that has no such flag yet. Call after the
// subcommands are registered.
void add_verbosity_flags(CLI::App& app);
bool quiet();    // notes and summaries are not printed
bool verbose();  // each input is named as it is processed, and a summary is printed

// Prints "occkit: <context>: <message>" unless --quiet (notes, summaries; never errors).
void note(std::string_view context, std::string_view message);

// Prints "occkit: <context>: <message>" then "Run 'occkit <command> --help' for usage." (context may be empty).
void usage_error(std::string_view command, std::string_view message);

// Colour for output to standard output: "always", "never", or "auto" (a terminal, NO_COLOR unset or empty, TERM not
// "dumb"), as https://no-color.org asks.
bool use_color(std::string_view mode);

// Writes to standard output all at once. On failure remembers it (main exits 2) and throws occkit::Error.
void write_to_stdout(std::string_view text);
// Standard output failed (write_to_stdout, or a command that found std::cout bad and said so itself).
void mark_stdout_failed();
bool stdout_failed();

// -o with several inputs (or a directory) must name a directory: refused when it names an existing file or a name
// with an extension that does not exist yet ("single.xml"). Empty when fine, else the message.
std::string output_for_several_inputs(const std::string& output);

}  // namespace occkit::cli
