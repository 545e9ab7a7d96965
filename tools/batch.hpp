// What every file-processing subcommand shares: input discovery, a parallel batch with an ordered report,
// progress on a terminal, SIGINT handling, and the exit-code convention (0 ok, 1 some inputs failed, 2 usage).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "occkit/dates.hpp"
#include "occkit/io.hpp"

namespace occkit::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failures = 1;
inline constexpr int exit_usage = 2;
inline constexpr int exit_interrupted = 130;

// Set by SIGINT/SIGTERM: batches stop taking new inputs; outputs already started finish atomically.
bool interrupted();
void install_signal_handlers();

// Runs `work` for every input on `jobs` threads. `work` returns an error message (empty = success) and must not
// throw. Errors are printed to stderr as "occkit: <path>: <message>" as they happen. Returns the failure count.
std::size_t run_batch(const std::vector<InputFile>& inputs, unsigned jobs,
                      const std::function<std::string(const InputFile&)>& work, const std::string& verb);

// --as-of for the commands that judge dates (stale, validate): a day, month or year, not a span.
std::optional<CalendarDate> parse_as_of(const std::string& text);

// Print one line to stderr, serialised with the batch's own messages.
void report(const std::string& line);

// The inputs named (files, directories searched for `extensions`), or standard input when none is named.
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

// An error message without the "<path>: " that read_input puts first, for reports that name the file themselves.
std::string without_path(const std::string& message, const std::string& path);

}  // namespace occkit::cli
