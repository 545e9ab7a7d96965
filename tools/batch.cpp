#include "batch.hpp"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <iostream>
#include <mutex>
#include <thread>

namespace occkit::cli {

namespace {
std::atomic<bool> g_interrupted{false};
std::mutex g_err_mutex;
bool g_progress_shown = false;

void on_signal(int) { g_interrupted.store(true); }

void clear_progress_locked() {
    if (g_progress_shown) {
        std::cerr << "\r\033[K";
        g_progress_shown = false;
    }
}
}  // namespace

bool interrupted() { return g_interrupted.load(); }

void install_signal_handlers() {
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    std::signal(SIGPIPE, SIG_IGN);  // a closed pipe is a write error we report, not a silent death
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

}  // namespace occkit::cli
