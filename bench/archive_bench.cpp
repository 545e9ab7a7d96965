// Archives at scale (issue 15): `occkit history` of 283 profiles x 5 snapshot folders (the target: under 2 s on
// one core), and the peak memory of streaming a web archive of 10 MB and of 100 MB through `occkit convert` (the
// target: flat, the same for both). A plain program rather than a Google Benchmark: each figure is a whole child
// process, its CPU time and peak RSS taken from wait4(2) as /usr/bin/time -v reports them.
//   build/bench/occkit_archive_bench [ROUNDS [OCCKIT]]      (ROUNDS: 3, the best counts; OCCKIT: another build)
//   OCCKIT_BENCH_WARC_MB=N sets the larger archive's size (100; the smaller is a tenth), 0 skips them (they take a
//   minute: 14,000 pages are converted).
// The five folders are made in a scratch directory from ../shared/corpus/workbc (2022-10-17 and 2022-11-22 in
// turn, by symlinks, so each step has the real changes between the two crawls); the web archives are written
// there from the same pages, one response record per page and date. Without ../shared, the project's WorkBC
// samples stand in (the figures are then not the issue's).
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bench_support.hpp"

namespace fs = std::filesystem;

namespace {

using Run = occkit::bench::ChildRun;

struct Corpus {
    std::vector<fs::path> first;   // a page per profile in the first crawl
    std::vector<fs::path> second;  // the same profile in the second crawl (the first's page when absent there)
    bool real = true;
};

Corpus corpus() {
    Corpus c;
    fs::path workbc = fs::path(OCCKIT_SHARED_DIR) / "corpus/workbc";
    c.first = occkit::bench::files_below(workbc / "2022-10-17", {".html"});
    if (c.first.empty()) {
        c.real = false;
        c.first = occkit::bench::files_below(fs::path(OCCKIT_SOURCE_DIR) / "samples/workbc", {".html"});
    }
    for (const auto& p : c.first) {
        fs::path later = workbc / "2022-11-22" / p.filename();
        c.second.push_back(fs::exists(later) ? later : p);
    }
    return c;
}

const std::vector<std::string> folder_dates = {"2022-10-17", "2022-11-22", "2022-12-20", "2023-01-17", "2023-02-14"};

// Five dated folders of symlinks, the two crawls in turn.
fs::path snapshot_folders(const fs::path& root, const Corpus& c) {
    for (std::size_t k = 0; k < folder_dates.size(); ++k) {
        fs::path dir = root / folder_dates[k];
        fs::create_directories(dir);
        const auto& pages = k % 2 == 0 ? c.first : c.second;
        for (const auto& p : pages) fs::create_symlink(fs::absolute(p), dir / p.filename());
    }
    return root;
}

std::string warc_record(const std::string& uri, const std::string& date, const std::string& page) {
    std::string payload = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page;
    return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: <" + uri + ">\r\nWARC-Date: " + date +
           "T09:30:00Z\r\nContent-Length: " + std::to_string(payload.size()) + "\r\n\r\n" + payload + "\r\n\r\n";
}

// A web archive of about `mb` megabytes: every page once per day, day after day, until the size is reached.
// Returns the number of records.
std::size_t write_warc(const fs::path& path, const Corpus& c, std::size_t mb) {
    std::vector<std::string> pages;
    for (const auto& p : c.first) pages.push_back(occkit::bench::read_bytes(p));
    std::ofstream out(path, std::ios::binary);
    std::size_t written = 0, records = 0;
    for (int day = 0; written < mb << 20; ++day) {
        char date[16];
        std::snprintf(date, sizeof date, "2022-%02d-%02d", 1 + day / 28 % 12, 1 + day % 28);
        for (std::size_t i = 0; i < pages.size() && written < mb << 20; ++i, ++records) {
            std::string r =
                warc_record("https://www.workbc.ca/careers/" + c.first[i].filename().string(), date, pages[i]);
            out << r;
            written += r.size();
        }
    }
    return records;
}

void print(const char* what, const Run& r) {
    std::printf("%-44s %7.3f s wall %7.3f s CPU %8.1f MB peak RSS\n", what, r.wall, r.cpu, r.peak_mb);
}

bool history_figures(const std::string& cli, const fs::path& folders, int rounds) {
    for (const char* format : {"text", "csv", "html"}) {
        Run r;
        for (int k = 0; k < rounds; ++k)
            if (!occkit::bench::run_child(
                    {cli, "history", folders.string(), "--follow-symlinks", "-j1", "-q", "--format", format}, r))
                return false;
        print(("history 5 folders -j1 --format " + std::string(format)).c_str(), r);
    }
    return true;
}

bool warc_figures(const std::string& cli, const fs::path& scratch, const Corpus& c, std::size_t largest_mb) {
    for (std::size_t mb : {largest_mb / 10, largest_mb}) {
        fs::path warc = scratch / ("crawl-" + std::to_string(mb) + ".warc");
        std::size_t records = write_warc(warc, c, mb);
        Run r;
        if (!occkit::bench::run_child(
                {cli, "convert", warc.string(), "-o", (scratch / ("xml-" + std::to_string(mb))).string(), "-q"}, r))
            return false;
        std::string what = "convert " + std::to_string(fs::file_size(warc) >> 20) + " MB WARC (" +
                           std::to_string(records) + " records)";
        print(what.c_str(), r);
        fs::remove(warc);
        fs::remove_all(scratch / ("xml-" + std::to_string(mb)));
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    const std::string cli = argc > 2 ? argv[2] : OCCKIT_CLI;
    const char* warc_env = std::getenv("OCCKIT_BENCH_WARC_MB");
    const std::size_t warc_mb = warc_env ? static_cast<std::size_t>(std::atoi(warc_env)) : 100;
    Corpus c = corpus();
    if (c.first.empty()) {
        std::fprintf(stderr, "no WorkBC pages found\n");
        return 1;
    }
    std::printf("%zu profiles x %zu snapshot folders%s\n", c.first.size(), folder_dates.size(),
                c.real ? "" : " (project samples: ../shared is absent)");
    const fs::path scratch = fs::temp_directory_path() / ("occkit-archive-bench-" + std::to_string(::getpid()));
    bool ok = history_figures(cli, snapshot_folders(scratch / "folders", c), rounds);
    if (ok && warc_mb > 0) ok = warc_figures(cli, scratch, c, warc_mb);
    std::error_code ec;
    fs::remove_all(scratch, ec);
    if (!ok) std::fprintf(stderr, "%s failed\n", cli.c_str());
    return ok ? 0 : 1;
}
