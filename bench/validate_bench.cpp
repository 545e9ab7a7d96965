// Validation throughput: `occkit validate` (XSD plus every rule) beside `xmllint --noout --schema` (XSD alone) over
// the same files, in the same run, interleaved so that both see the same machine load.
//
//   build/bench/occkit_validate_bench [--files N] [--rounds R] [--keep]
//
// The files: the canonical XML of every ../shared/corpus/workbc page (occkit::convert + write_xml; the project's
// samples/*/expected XML when ../shared is absent), replicated to N files (default 10,000) in a temporary directory.
// Each round runs, in order: xmllint once over all files; the occkit CLI with -j1 and -j2 over the directory; and
// the in-process Validator on one and on two threads. The report gives, for each, the median over the rounds of
// the wall time, files/s and CPU time (user + system), and the verdicts (xmllint's exit code; occkit's error count).
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "bench_support.hpp"
#include "occkit/convert.hpp"
#include "occkit/validate.hpp"
#include "occkit/xml.hpp"

extern char** environ;

namespace fs = std::filesystem;

namespace {

using occkit::bench::files_below;
using occkit::bench::read_bytes;

struct Settings {
    std::size_t files = 10'000;
    int rounds = 3;
    bool keep = false;
};

struct Timing {
    double wall = 0;  // seconds
    double cpu = 0;   // user + system seconds
    std::string verdict;
};

double seconds(const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; }

// The canonical XML documents the files are made of, and where they came from.
std::vector<std::string> source_documents(std::string& origin) {
    std::vector<std::string> documents;
    fs::path workbc = fs::path(OCCKIT_SHARED_DIR) / "corpus/workbc";
    for (const fs::path& page : files_below(workbc, {".html"}))
        documents.push_back(occkit::write_xml(occkit::convert(read_bytes(page)).profile));
    origin = std::to_string(documents.size()) + " WorkBC pages from " + workbc.lexically_normal().string();
    if (!documents.empty()) return documents;
    fs::path samples = fs::path(OCCKIT_SOURCE_DIR) / "samples";
    for (const fs::path& xml : files_below(samples, {".xml"})) documents.push_back(read_bytes(xml));
    origin = std::to_string(documents.size()) + " sample documents (../shared is absent)";
    return documents;
}

// N files in directories of 100, cycling through the documents.
std::vector<std::string> replicate(const std::vector<std::string>& documents, const fs::path& dir, std::size_t n) {
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < n; ++i) {
        char name[64];
        std::snprintf(name, sizeof name, "%03zu/%05zu.xml", i / 100, i);
        fs::path path = dir / name;
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << documents[i % documents.size()];
        paths.push_back(path.string());
    }
    return paths;
}

// Run a program with its output discarded; the child's own CPU time comes from wait4.
Timing run_program(const std::vector<std::string>& args) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    Timing t;
    if (rc != 0) {
        t.verdict = std::string("cannot run ") + args[0] + ": " + std::strerror(rc);
        return t;
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    t.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    t.cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    t.verdict = "exit " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    return t;
}

// The library without the CLI: read each file and validate it, on `threads` threads sharing one Validator.
Timing run_in_process(const occkit::Validator& validator, const std::vector<std::string>& paths, unsigned threads) {
    rusage before{}, after{};
    getrusage(RUSAGE_SELF, &before);
    auto start = std::chrono::steady_clock::now();
    std::atomic<std::size_t> next{0}, errors{0};
    auto worker = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < paths.size();)
            for (const auto& f : validator.validate_xml(read_bytes(paths[i]), paths[i]))
                if (f.severity == occkit::Severity::error) errors.fetch_add(1);
    };
    std::vector<std::thread> pool;
    for (unsigned k = 1; k < threads; ++k) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
    Timing t;
    t.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    getrusage(RUSAGE_SELF, &after);
    t.cpu = seconds(after.ru_utime) - seconds(before.ru_utime) + seconds(after.ru_stime) - seconds(before.ru_stime);
    t.verdict = std::to_string(errors.load()) + " errors";
    return t;
}

Timing median(std::vector<Timing> runs) {
    auto mid = [&runs](auto field) {
        std::vector<double> v;
        for (const Timing& t : runs) v.push_back(t.*field);
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    Timing m;
    m.wall = mid(&Timing::wall);
    m.cpu = mid(&Timing::cpu);
    m.verdict = runs.back().verdict;
    return m;
}

Settings parse_settings(int argc, char** argv) {
    Settings s;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--files" && i + 1 < argc)
            s.files = std::stoul(argv[++i]);
        else if (a == "--rounds" && i + 1 < argc)
            s.rounds = std::max(1, std::stoi(argv[++i]));
        else if (a == "--keep")
            s.keep = true;
        else
            throw std::runtime_error("usage: occkit_validate_bench [--files N] [--rounds R] [--keep]");
    }
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        Settings settings = parse_settings(argc, argv);
        std::string origin;
        std::vector<std::string> documents = source_documents(origin);
        if (documents.empty()) throw std::runtime_error("no documents to validate");
        fs::path dir = fs::temp_directory_path() / ("occkit-validate-bench-" + std::to_string(getpid()));
        std::vector<std::string> paths = replicate(documents, dir, settings.files);
        std::size_t bytes = 0;
        for (const auto& d : documents) bytes += d.size();
        std::cout << "files: " << paths.size() << " (" << origin << ", " << bytes / documents.size()
                  << " bytes each on average) in " << dir.string() << "\n"
                  << "rounds: " << settings.rounds << ", median shown; " << std::thread::hardware_concurrency()
                  << " hardware threads\n\n";

        std::vector<std::string> xmllint = {"xmllint", "--noout", "--schema",
                                            std::string(OCCKIT_SOURCE_DIR) + "/schemas/occupation.xsd"};
        xmllint.insert(xmllint.end(), paths.begin(), paths.end());
        auto cli = [&dir](const std::string& jobs) {
            return std::vector<std::string>{OCCKIT_CLI, "validate", "-j", jobs,        "--as-of",   "2022-12-01",
                                            "--format", "text",     "-o", "/dev/null", dir.string()};
        };
        occkit::ValidatorOptions options;
        options.as_of = {2022, 12, 1, 0, occkit::DatePrecision::day};
        occkit::Validator validator(std::move(options));

        const std::vector<std::string> names = {"xmllint --noout --schema (XSD only)", "occkit validate -j1 (CLI)",
                                                "occkit validate -j2 (CLI)", "Validator, 1 thread (in-process)",
                                                "Validator, 2 threads (in-process)"};
        std::vector<std::vector<Timing>> runs(names.size());
        for (int round = 0; round < settings.rounds; ++round) {
            runs[0].push_back(run_program(xmllint));
            runs[1].push_back(run_program(cli("1")));
            runs[2].push_back(run_program(cli("2")));
            runs[3].push_back(run_in_process(validator, paths, 1));
            runs[4].push_back(run_in_process(validator, paths, 2));
        }
        std::printf("%-38s %9s %10s %9s  %s\n", "", "wall s", "files/s", "CPU s", "verdict");
        for (std::size_t k = 0; k < names.size(); ++k) {
            Timing m = median(runs[k]);
            std::printf("%-38s %9.3f %10.0f %9.3f  %s\n", names[k].c_str(), m.wall,
                        static_cast<double>(paths.size()) / m.wall, m.cpu, m.verdict.c_str());
        }
        if (!settings.keep) fs::remove_all(dir);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "occkit_validate_bench: " << e.what() << '\n';
        return 2;
    }
}
