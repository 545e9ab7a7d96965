// What every file-processing subcommand shares: input discovery, a parallel batch with an ordered report,
// progress on a terminal, SIGINT handling, and the exit-code convention (0 ok, 1 some inputs failed, 2 usage).
#pragma once

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

}  // namespace occkit::cli
