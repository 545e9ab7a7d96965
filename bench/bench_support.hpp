// What the bench programs share: finding and reading the pages they time (outside the timed loops).
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

extern "C" char** environ;

namespace occkit::bench {

inline std::string read_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Regular files below `dir` with one of the extensions, sorted; none when `dir` does not exist (no ../shared).
inline std::vector<std::filesystem::path> files_below(const std::filesystem::path& dir,
                                                      std::initializer_list<std::string_view> extensions) {
    std::vector<std::filesystem::path> found;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return found;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.is_regular_file() &&
            std::find(extensions.begin(), extensions.end(), e.path().extension().string()) != extensions.end())
            found.push_back(e.path());
    std::sort(found.begin(), found.end());
    return found;
}

// The bytes of those files, in the same order.
inline std::vector<std::string> load_files(const std::filesystem::path& dir,
                                           std::initializer_list<std::string_view> extensions) {
    std::vector<std::string> bytes;
    for (const auto& p : files_below(dir, extensions)) bytes.push_back(read_bytes(p));
    return bytes;
}

// A child process's figures as /usr/bin/time -v reports them (wait4(2)): the best of several rounds.
struct ChildRun {
    double wall = 1e300;  // seconds, best round
    double cpu = 1e300;
    double peak_mb = 0;  // maximum resident set size, largest round
};

// Runs `args` (args[0] the program) with standard output thrown away; false when it failed: an exit status above
// `highest_success` (`history` exits 1 when it reports changes; `convert` exits 1 when an input failed).
inline bool run_child(std::vector<std::string> args, ChildRun& best, int highest_success = 1) {
    auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return false;
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid || !WIFEXITED(status) || WEXITSTATUS(status) > highest_success)
        return false;
    best.wall = std::min(best.wall, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    best.cpu = std::min(best.cpu, seconds(usage.ru_utime) + seconds(usage.ru_stime));
    best.peak_mb = std::max(best.peak_mb, static_cast<double>(usage.ru_maxrss) / 1024.0);
    return true;
}

}  // namespace occkit::bench
