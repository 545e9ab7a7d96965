// `occkit convert --ndjson` and `occkit export --ndjson-records` (ndjson.hpp). The filter reads a window of lines,
// converts them on the worker threads, writes their results in order, then reads the next window: the order is
// kept without a reordering buffer, and memory is bounded by the window, not by the length of the stream.
#include "ndjson.hpp"

#include <sys/types.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "batch.hpp"
#include "manner.hpp"
#include "occkit/error.hpp"
#include "occkit/records.hpp"
#include "occkit/warc.hpp"
#include "snapshots.hpp"

namespace occkit::cli {

namespace {

constexpr std::size_t window_per_job = 32;  // records in flight per thread: enough to even out page sizes

// One line of standard input without its newline; false at the end of input. POSIX getline: whole buffers, no
// per-character locking.
bool read_line(std::string& line) {
    static char* buffer = nullptr;  // reused for every line; the process ends with it
    static std::size_t capacity = 0;
    ssize_t n = ::getline(&buffer, &capacity, stdin);
    if (n <= 0) return false;
    line.assign(buffer, static_cast<std::size_t>(n));
    if (line.back() == '\n') line.pop_back();
    return true;
}

// The output lines for one window, each by the worker that took it.
void convert_window(const std::vector<std::string>& lines, std::vector<std::string>& out, std::size_t first_line,
                    const ConvertOptions& options, unsigned jobs, std::size_t max_bytes) {
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < lines.size();)
            if (!lines[i].empty()) out[i] = convert_page_record(lines[i], options, first_line + i, max_bytes);
    };
    std::vector<std::jthread> threads;
    for (unsigned t = 1; t < std::min<std::size_t>(jobs, lines.size()); ++t) threads.emplace_back(worker);
    worker();
}

bool is_blank(const std::string& line) { return line.find_first_not_of(" \t\r") == std::string::npos; }

// Writes the window's lines in order; false when standard output failed (reported here).
bool write_window(const std::vector<std::string>& out, std::size_t& errors) {
    std::string text;
    for (const auto& line : out) {
        // Only an error record lacks a "profile" member (a quote inside a string value is escaped).
        if (!line.empty() && line.find("\"profile\":") == std::string::npos) ++errors;
        text += line;
    }
    try {
        write_to_stdout(text);
        return true;
    } catch (const std::exception& e) {
        report(std::string("occkit: convert: ") + e.what());
        return false;
    }
}

}  // namespace

int convert_ndjson(const ConvertOptions& options, unsigned jobs, std::size_t max_bytes) {
    const std::size_t window = window_per_job * std::max(1u, jobs);
    std::vector<std::string> lines;
    std::size_t line_number = 0, first_line = 1, errors = 0;
    bool more = true;
    while (more && !interrupted()) {
        lines.clear();
        std::string line;
        while (lines.size() < window && (more = read_line(line))) {
            ++line_number;
            if (lines.empty()) first_line = line_number;
            // A blank line stays in the window as an empty one, so line numbers stay right; it gives no output.
            lines.push_back(is_blank(line) ? std::string{} : std::move(line));
        }
        std::vector<std::string> out(lines.size());
        convert_window(lines, out, first_line, options, jobs, max_bytes);
        if (interrupted()) break;  // records cut short by the signal are not reported as bad
        if (!write_window(out, errors)) return exit_usage;
    }
    if (interrupted()) return exit_interrupted;
    return errors > 0 ? exit_failures : exit_ok;
}

int export_page_records(const std::vector<std::string>& paths, const std::vector<std::string>& extensions,
                        std::size_t max_bytes) {
    std::vector<std::string> files, archives;
    for (const auto& p : paths) (is_warc_path(p) ? archives : files).push_back(p);
    std::size_t failed = 0;
    std::string write_error;
    auto emit = [&](const PageRecord& record) {
        if (stdout_failed()) return;
        try {
            write_to_stdout(write_page_record(record));
        } catch (const std::exception& e) {  // stdout_failed() now says so: reported once, at the end
            write_error = e.what();
        }
    };
    if (!files.empty() || archives.empty()) {
        for (const InputFile& in : inputs_or_stdin(files, extensions)) {
            if (interrupted()) break;
            try {
                if (!in.error.empty()) throw Error(in.error);
                emit(PageRecord{in.path, {}, {}, read_input(in.path, max_bytes)});
            } catch (const Error& e) {
                if (stdout_failed()) break;
                ++failed;
                report("occkit: " + in.path + ": " + e.reason());
            }
        }
    }
    for (const auto& archive : archives) {
        if (interrupted()) break;
        read_warc_reporting(
            archive,
            [&](WarcPage& page) {
                emit(PageRecord{page.timestamp + "/" + page.uri, page.uri, page.date.iso(), std::move(page.body)});
            },
            failed);
    }
    if (stdout_failed()) {
        report("occkit: export: " + write_error);
        return exit_usage;
    }
    if (interrupted()) return exit_interrupted;
    return failed > 0 ? exit_failures : exit_ok;
}

}  // namespace occkit::cli
