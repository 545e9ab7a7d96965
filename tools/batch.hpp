// What every file-processing subcommand shares: input discovery, a parallel batch with an ordered report,
// progress on a terminal, SIGINT handling, and the exit-code convention (0 ok, 1 some inputs failed, 2 usage).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "files.hpp"
#include "occkit/dates.hpp"
#include "occkit/io.hpp"

namespace CLI {
class App;
}

namespace occkit::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failures = 1;
inline constexpr int exit_usage = 2;
inline constexpr int exit_interrupted = 130;

// Set by SIGHUP, SIGINT or SIGTERM: batches stop taking new inputs; outputs already started finish atomically
// (their temporary files are renamed or removed), and main exits with 128 + the signal's number.
bool interrupted();
int interrupted_exit_code();  // 128 + the signal (130 for SIGINT), or exit_interrupted when none was caught
void install_signal_handlers();

// After an interrupt, a report written to a file with -o would cover part of the inputs and look complete: it is
// not written (a file already there is left as it was), stderr says so, and this returns true.
bool skip_partial_output(const std::string& output);

// Runs `work` for every input on `jobs` threads. `work` returns an error message (empty = success) and must not
// throw. Errors are printed to stderr as "occkit: <path>: <message>" as they happen. Returns the failure count.
std::size_t run_batch(const std::vector<InputFile>& inputs, unsigned jobs,
                      const std::function<std::string(const InputFile&)>& work, const std::string& verb);

// --as-of for the commands that judge dates (stale, validate): a day, month or year, not a span.
std::optional<CalendarDate> parse_as_of(const std::string& text);

// Print one line to stderr, serialised with the batch's own messages.
void report(const std::string& line);

// --follow-symlinks on a command that walks directories; follow_symlinks() is its value.
void add_walk_options(CLI::App& command);
bool follow_symlinks();

// The inputs named (files, directories searched for `extensions`), or standard input when none is named. Walks
// stay inside the directories named unless --follow-symlinks.
std::vector<InputFile> inputs_or_stdin(const std::vector<std::string>& paths,
                                       const std::vector<std::string>& extensions);

// The named input files, which no output may replace (write_file_atomic's protected paths).
std::vector<std::filesystem::path> input_paths(const std::vector<InputFile>& inputs);

// Does the batch write one output per input into a directory: several inputs, a directory among them, or -o naming
// a directory ("out/" or an existing one)?
bool names_directory(const std::vector<std::string>& inputs, const std::vector<InputFile>& found,
                     const std::string& output);

// Output paths mirroring the inputs below `out_dir`, with `extension`. Inputs that differ only in extension
// (page.html and page.txt) keep it (page.html.xml, page.txt.xml) rather than replace each other in whatever order
// the jobs finish; a clash still left is an error for the later input.
std::vector<std::filesystem::path> output_paths_for(std::vector<InputFile>& inputs,
                                                    const std::filesystem::path& out_dir, const std::string& extension);

}  // namespace occkit::cli
