#include "batch.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <csignal>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "occkit/cancel.hpp"
#include "manner.hpp"

namespace occkit::cli {

namespace {
std::atomic<bool> g_interrupted{false};
std::atomic<int> g_signal{0};
bool g_follow_symlinks = false;  // --follow-symlinks, set while the command line is parsed
std::mutex g_err_mutex;
bool g_progress_shown = false;

// Also stops the library call in progress (occkit/cancel.hpp): it throws occkit::Cancelled within milliseconds.
void on_signal(int signal_number) {
    g_signal.store(signal_number);
    g_interrupted.store(true);
    occkit::request_cancel();
}

void clear_progress_locked() {
    if (g_progress_shown) {
        std::cerr << "\r\033[K";
        g_progress_shown = false;
    }
}
}  // namespace

bool interrupted() { return g_interrupted.load(); }

int interrupted_exit_code() {
    int signal_number = g_signal.load();
    return signal_number > 0 ? 128 + signal_number : exit_interrupted;
}

void add_walk_options(CLI::App& command) {
    command.add_flag("--follow-symlinks", g_follow_symlinks,
                     "Follow symlinks in directories that lead outside them (by default such links are reported, "
                     "not read)");
}

bool follow_symlinks() { return g_follow_symlinks; }

bool skip_partial_output(const std::string& output) {
    if (!interrupted()) return false;
    report("occkit: interrupted; " + output + " not written (it would cover part of the inputs)");
    return true;
}

void install_signal_handlers() {
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (int signal_number : {SIGHUP, SIGINT, SIGTERM}) sigaction(signal_number, &sa, nullptr);
    // A closed pipe (occkit ... | head -1) ends the program silently with 128+SIGPIPE, as cat and grep do, even when
    // the parent left SIGPIPE ignored. Files and /dev/full still give write errors (exit 2).
    std::signal(SIGPIPE, SIG_DFL);
}

std::optional<CalendarDate> parse_as_of(const std::string& text) {
    auto date = parse_iso_date(text);
    if (!date || date->precision == DatePrecision::span) return std::nullopt;
    return date;
}

void report(const std::string& line) {
    std::lock_guard lock(g_err_mutex);
    clear_progress_locked();
    std::cerr << line << '\n';
}

std::size_t run_batch(const std::vector<InputFile>& inputs, unsigned jobs,
                      const std::function<std::string(const InputFile&)>& work, const std::string& verb) {
    std::atomic<std::size_t> next{0}, done{0}, failures{0};
    const bool show_progress = inputs.size() > 1 && isatty(STDERR_FILENO);
    auto worker = [&] {
        while (!interrupted()) {
            std::size_t i = next.fetch_add(1);
            if (i >= inputs.size()) return;
            const InputFile& in = inputs[i];
            if (verbose()) report("occkit: " + verb + " " + in.path);
            std::string error = in.error.empty() ? work(in) : in.error;
            if (!error.empty()) {
                failures.fetch_add(1);
                report("occkit: " + in.path + ": " + error);
            }
            std::size_t finished = done.fetch_add(1) + 1;
            if (show_progress) {
                std::lock_guard lock(g_err_mutex);
                std::cerr << "\r\033[K" << verb << ' ' << finished << '/' << inputs.size() << ' ' << in.path
                          << std::flush;
                g_progress_shown = true;
            }
        }
    };
    jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(inputs.size())));
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
    worker();
    for (auto& t : threads) t.join();
    {
        std::lock_guard lock(g_err_mutex);
        clear_progress_locked();
    }
    if (interrupted()) {
        std::size_t skipped = inputs.size() - std::min(inputs.size(), done.load());
        report("occkit: interrupted; " + std::to_string(skipped) + " input(s) not processed");
    }
    return failures.load();
}

std::vector<InputFile> inputs_or_stdin(const std::vector<std::string>& paths,
                                       const std::vector<std::string>& extensions) {
    return collect_inputs(paths.empty() ? std::vector<std::string>{"-"} : paths, extensions, g_follow_symlinks);
}

std::vector<std::filesystem::path> input_paths(const std::vector<InputFile>& inputs) {
    std::vector<std::filesystem::path> paths;
    for (const auto& in : inputs)
        if (in.path != "-") paths.emplace_back(in.path);
    return paths;
}

bool names_directory(const std::vector<std::string>& inputs, const std::vector<InputFile>& found,
                     const std::string& output) {
    bool directory_input = std::any_of(inputs.begin(), inputs.end(), [](const std::string& p) {
        std::error_code ec;
        return std::filesystem::is_directory(p, ec);
    });
    std::error_code ec;
    return found.size() > 1 || directory_input ||
           (!output.empty() && (output.back() == '/' || std::filesystem::is_directory(output, ec)));
}

std::vector<std::filesystem::path> output_paths_for(std::vector<InputFile>& inputs,
                                                    const std::filesystem::path& out_dir,
                                                    const std::string& extension) {
    auto mirrored = [&](const InputFile& in) {
        std::filesystem::path relative =
            in.path == "-" ? std::filesystem::path("stdin") : std::filesystem::path(in.relative);
        return out_dir / relative.replace_extension(extension);
    };
    std::map<std::filesystem::path, int> uses;
    for (const auto& in : inputs)
        if (in.error.empty()) ++uses[mirrored(in)];
    std::map<std::filesystem::path, std::string> claimed;
    std::vector<std::filesystem::path> paths;
    for (auto& in : inputs) {
        std::filesystem::path path = mirrored(in);
        if (uses[path] > 1 && in.path != "-") path = out_dir / (in.relative + extension);
        auto [first, fresh] = claimed.emplace(path, in.path);
        if (!fresh && in.error.empty())
            in.error = "output " + path.string() + " is also the output of " + first->second;
        paths.push_back(std::move(path));
    }
    return paths;
}

}  // namespace occkit::cli
