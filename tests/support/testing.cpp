#include "testing.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "occkit/xml.hpp"

extern char** environ;

namespace occkit::testing {

namespace fs = std::filesystem;

fs::path source_dir() { return fs::path(OCCKIT_SOURCE_DIR); }

std::optional<fs::path> shared_dir() {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(fs::path(OCCKIT_SHARED_DIR), ec);
    if (ec || !fs::is_directory(p, ec)) return std::nullopt;
    return p;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string xsd_problems(const std::string& xml) {
    static const occkit::SchemaValidator validator;
    std::string out;
    for (const auto& issue : validator.validate(xml)) {
        out += "line " + std::to_string(issue.line) + ": " + issue.message + "\n";
        if (out.size() > 2000) break;
    }
    return out;
}

CliResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text) {
    int in_pipe[2], out_pipe[2], err_pipe[2];
    if (pipe(in_pipe) || pipe(out_pipe) || pipe(err_pipe)) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
    for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]})
        posix_spawn_file_actions_addclose(&actions, fd);
    std::vector<std::string> argv_s{OCCKIT_CLI};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    int rc = posix_spawn(&pid, OCCKIT_CLI, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(in_pipe[0]);
    close(out_pipe[1]);
    close(err_pipe[1]);
    if (rc != 0) throw std::runtime_error("cannot start " OCCKIT_CLI);

    CliResult result;
    std::size_t written = 0;
    int in_fd = in_pipe[1];
    if (stdin_text.empty()) {
        close(in_fd);
        in_fd = -1;
    } else {
        fcntl(in_fd, F_SETFL, O_NONBLOCK);
    }
    bool out_open = true, err_open = true;
    char buf[65536];
    while (out_open || err_open) {
        std::vector<pollfd> fds;
        if (out_open) fds.push_back({out_pipe[0], POLLIN, 0});
        if (err_open) fds.push_back({err_pipe[0], POLLIN, 0});
        if (in_fd >= 0) fds.push_back({in_fd, POLLOUT, 0});
        if (poll(fds.data(), fds.size(), -1) < 0) break;
        for (auto& p : fds) {
            if (!p.revents) continue;
            if (p.fd == in_fd) {
                ssize_t n = write(in_fd, stdin_text.data() + written, stdin_text.size() - written);
                if (n > 0) written += static_cast<std::size_t>(n);
                if (n < 0 || written == stdin_text.size()) {
                    close(in_fd);
                    in_fd = -1;
                }
                continue;
            }
            ssize_t n = read(p.fd, buf, sizeof buf);
            std::string& target = p.fd == out_pipe[0] ? result.out : result.err;
            if (n > 0) {
                target.append(buf, static_cast<std::size_t>(n));
            } else {
                (p.fd == out_pipe[0] ? out_open : err_open) = false;
            }
        }
    }
    if (in_fd >= 0) close(in_fd);
    close(out_pipe[0]);
    close(err_pipe[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

std::vector<fs::path> files_below(const fs::path& dir, const std::vector<std::string>& exts) {
    std::vector<fs::path> out;
    if (!fs::is_directory(dir)) return out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        auto ext = e.path().extension().string();
        if (std::find(exts.begin(), exts.end(), ext) != exts.end()) out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

fs::path scratch_dir(const std::string& name) {
    fs::path p = fs::temp_directory_path() / ("occkit-test-" + std::to_string(getpid())) / name;
    fs::remove_all(p);
    fs::create_directories(p);
    return p;
}

void write_text(const std::filesystem::path& path, const std::string& text) {
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::vector<std::filesystem::path> sample_pages() { return files_below(source_dir() / "samples", {".html", ".txt"}); }

}  // namespace occkit::testing
