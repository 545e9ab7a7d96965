// The command line against the library, in one run on the same pages: in-process convert + write_xml pages/s beside
// `occkit convert IN -o OUT -j1` pages/s, and their ratio (issue 14 wants the program within 15% of the library).
// A plain program rather than a Google Benchmark: the second figure is a whole child process.
//   build/bench/occkit_cli_convert_bench [ROUNDS [OCCKIT]]     (OCCKIT: another occkit program, to compare builds)
// Pages: ../shared/corpus/workbc/*/*.html when ../shared is present, otherwise the project's samples (*.html). They
// are copied into a scratch directory so both sides see exactly the same files. Each side runs ROUNDS times (3) and
// its best round counts. Besides wall time the CPU time (user + system) is printed: on a shared machine it is the
// steadier figure.
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "occkit/convert.hpp"
#include "occkit/xml.hpp"

extern char** environ;

namespace fs = std::filesystem;

namespace {

struct Timing {
    double wall = 1e300;  // seconds, best round
    double cpu = 1e300;
};

double seconds(const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; }

double process_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

std::vector<std::string> workbc_pages() {
    auto pages = occkit::bench::load_files(fs::path(OCCKIT_SHARED_DIR) / "corpus/workbc", {".html"});
    return pages.empty() ? occkit::bench::load_files(fs::path(OCCKIT_SOURCE_DIR) / "samples", {".html"}) : pages;
}

fs::path write_inputs(const fs::path& dir, const std::vector<std::string>& pages) {
    fs::create_directories(dir);
    for (std::size_t i = 0; i < pages.size(); ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "%05zu.html", i);
        std::ofstream(dir / name, std::ios::binary) << pages[i];
    }
    return dir;
}

Timing in_process(const std::vector<std::string>& pages, int rounds) {
    Timing best;
    std::size_t sink = 0;
    for (int r = 0; r < rounds; ++r) {
        auto start = std::chrono::steady_clock::now();
        double cpu_start = process_cpu_seconds();
        for (const auto& page : pages) sink += occkit::write_xml(occkit::convert(page).profile).size();
        best.cpu = std::min(best.cpu, process_cpu_seconds() - cpu_start);
        best.wall =
            std::min(best.wall, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    if (sink == 0) std::fprintf(stderr, "no output written\n");
    return best;
}

// One `occkit convert IN -o OUT -j1 -q`; false when it could not run or failed.
bool run_cli(std::string cli, const fs::path& in, const fs::path& out, Timing& best) {
    std::string in_text = in.string(), out_text = out.string();
    std::vector<char*> argv = {
        cli.data(),      const_cast<char*>("convert"), in_text.data(),          const_cast<char*>("-o"),
        out_text.data(), const_cast<char*>("-j1"),     const_cast<char*>("-q"), nullptr};
    auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, cli.c_str(), nullptr, nullptr, argv.data(), environ) != 0) return false;
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return false;
    best.wall = std::min(best.wall, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    best.cpu = std::min(best.cpu, seconds(usage.ru_utime) + seconds(usage.ru_stime));
    return true;
}

void print(const char* what, std::size_t pages, const Timing& t) {
    std::printf("%-28s %8.0f pages/s wall  %8.0f pages/s CPU  (%.3f s, %.3f s CPU)\n", what,
                static_cast<double>(pages) / t.wall, static_cast<double>(pages) / t.cpu, t.wall, t.cpu);
}

}  // namespace

int main(int argc, char** argv) {
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    const std::string cli = argc > 2 ? argv[2] : OCCKIT_CLI;
    const std::vector<std::string> pages = workbc_pages();
    if (pages.empty()) {
        std::fprintf(stderr, "no pages found\n");
        return 1;
    }
    const fs::path scratch = fs::temp_directory_path() / ("occkit-cli-bench-" + std::to_string(::getpid()));
    const fs::path in = write_inputs(scratch / "in", pages);
    Timing library = in_process(pages, rounds);
    Timing program;
    bool ok = true;
    for (int r = 0; r < rounds && ok; ++r) ok = run_cli(cli, in, scratch / ("out" + std::to_string(r)), program);
    std::error_code ec;
    fs::remove_all(scratch, ec);
    if (!ok) {
        std::fprintf(stderr, "%s convert failed\n", cli.c_str());
        return 1;
    }
    print("in-process convert+write", pages.size(), library);
    print("occkit convert -j1", pages.size(), program);
    std::printf("program/library throughput: %.2f wall, %.2f CPU (1.00 = as fast; issue 14 wants >= 0.85)\n",
                library.wall / program.wall, library.cpu / program.cpu);
    return 0;
}
