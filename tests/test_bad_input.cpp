// Hostile and broken input, end to end through the occkit program: every case must end in bounded time with a
// defined exit code and, for a failure, one clear line "occkit: FILE: reason" on stderr; no crash, no partial or
// temporary output file, the rest of a batch still converted, and nothing read outside the paths given.
//
// Big inputs are generated here, in a scratch directory, never committed. The CLI runs through run_bounded()
// below rather than run_cli(): it adds a deadline (a hang fails the test instead of stalling it), peak memory of
// the child, stdout to a file such as /dev/full, SIGINT on cue, and running as an unprivileged user (permission
// tests mean nothing to root).
#include <fcntl.h>
#include <grp.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "occkit/error.hpp"
#include "occkit/xml.hpp"
#include "testing.hpp"

namespace {

using occkit::testing::lines_of;

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using occkit::testing::read_file;
using occkit::testing::sanitized_build;
using occkit::testing::scratch_dir;
using occkit::testing::source_dir;

// ASan makes everything several times slower; deadlines are for hangs, not benchmarks.
constexpr int slowdown = sanitized_build ? 5 : 1;

// ---------------------------------------------------------------------------------------------------------------
// Running the program

struct Outcome {
    int exit_code = -1;      // exit status, or 128 + signal
    int signal = 0;          // the signal that ended it, 0 when it exited
    bool timed_out = false;  // killed at the deadline
    std::string out, err;
    std::chrono::milliseconds elapsed{0};
    long peak_rss_kb = 0;
};

struct RunOptions {
    std::chrono::seconds deadline{60};
    std::string stdout_path;               // instead of a pipe (e.g. /dev/full)
    std::function<bool()> interrupt_when;  // polled every 10 ms: interrupt_signal is sent once it returns true
    int interrupt_signal = SIGINT;
    std::optional<uid_t> run_as;           // drop to this user (and its group) before exec; root only
};

RunOptions within(std::chrono::seconds deadline) {
    RunOptions options;
    options.deadline = deadline;
    return options;
}

std::optional<uid_t> unprivileged_user() {
    if (geteuid() != 0) return std::nullopt;
    struct passwd* nobody = getpwnam("nobody");
    return nobody ? std::optional<uid_t>(nobody->pw_uid) : std::optional<uid_t>(65534);
}

[[noreturn]] void exec_child(const std::vector<std::string>& args, const RunOptions& options, int out_fd, int err_fd) {
    int devnull = open("/dev/null", O_RDONLY);
    dup2(devnull, 0);  // CI has no stdin; neither has the program here
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    if (options.run_as) {
        gid_t gid = *options.run_as;  // nobody's group has the same number on Debian
        if (setgroups(0, nullptr) != 0 || setgid(gid) != 0 || setuid(*options.run_as) != 0) _exit(125);
    }
    std::vector<std::string> argv_s{OCCKIT_CLI};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(OCCKIT_CLI, argv.data());
    _exit(127);
}

Outcome run_bounded(const std::vector<std::string>& args, const RunOptions& options = {}) {
    int out_pipe[2], err_pipe[2];
    if (pipe2(out_pipe, O_CLOEXEC) || pipe2(err_pipe, O_CLOEXEC)) throw std::runtime_error("pipe failed");
    int out_target = out_pipe[1];
    if (!options.stdout_path.empty()) out_target = open(options.stdout_path.c_str(), O_WRONLY | O_CLOEXEC);
    auto start = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) exec_child(args, options, out_target, err_pipe[1]);
    close(out_pipe[1]);
    close(err_pipe[1]);
    if (out_target != out_pipe[1]) close(out_target);

    Outcome run;
    bool out_open = true, err_open = true, interrupted = false;
    char buffer[65536];
    while (out_open || err_open) {
        auto now = std::chrono::steady_clock::now();
        if (now - start > options.deadline) {
            kill(pid, SIGKILL);
            run.timed_out = true;
            break;
        }
        if (options.interrupt_when && !interrupted && options.interrupt_when()) {
            kill(pid, options.interrupt_signal);
            interrupted = true;
        }
        std::vector<pollfd> fds;
        if (out_open) fds.push_back({out_pipe[0], POLLIN, 0});
        if (err_open) fds.push_back({err_pipe[0], POLLIN, 0});
        if (poll(fds.data(), fds.size(), 10) < 0 && errno != EINTR) break;
        for (const pollfd& p : fds) {
            if (!p.revents) continue;
            ssize_t n = read(p.fd, buffer, sizeof buffer);
            if (n > 0) {
                (p.fd == out_pipe[0] ? run.out : run.err).append(buffer, static_cast<std::size_t>(n));
            } else {
                (p.fd == out_pipe[0] ? out_open : err_open) = false;
            }
        }
    }
    close(out_pipe[0]);
    close(err_pipe[0]);
    int status = 0;
    struct rusage usage {};
    wait4(pid, &status, 0, &usage);
    run.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    run.peak_rss_kb = usage.ru_maxrss;
    if (WIFSIGNALED(status)) {
        run.signal = WTERMSIG(status);
        run.exit_code = 128 + run.signal;
    } else {
        run.exit_code = WEXITSTATUS(status);
    }
    return run;
}

// ---------------------------------------------------------------------------------------------------------------
// Checks shared by the cases

// Ended by itself, in time, without a sanitizer report or a crash.
void expect_orderly(const Outcome& run) {
    EXPECT_FALSE(run.timed_out) << "killed after the deadline; stderr:\n" << run.err.substr(0, 2000);
    EXPECT_EQ(run.signal, 0) << "killed by signal " << run.signal << "; stderr:\n" << run.err.substr(0, 4000);
    EXPECT_EQ(run.err.find("AddressSanitizer"), std::string::npos) << run.err.substr(0, 4000);
    EXPECT_EQ(run.err.find("runtime error:"), std::string::npos) << run.err.substr(0, 4000);
    EXPECT_EQ(run.err.find("terminate called"), std::string::npos) << run.err;
}

// Exit code 1 and exactly one stderr line about `path`, "occkit: PATH: reason", containing `reason_part`.
void expect_one_line_error(const Outcome& run, const std::string& path, const std::string& reason_part = {}) {
    expect_orderly(run);
    EXPECT_EQ(run.exit_code, 1) << run.err;
    std::vector<std::string> about;
    for (const std::string& line : lines_of(run.err)) {
        if (line.find(path) != std::string::npos && line.find(": note: ") == std::string::npos) about.push_back(line);
    }
    ASSERT_EQ(about.size(), 1u) << "stderr:\n" << run.err;
    EXPECT_EQ(about[0].rfind("occkit: " + path + ": ", 0), 0u) << about[0];
    EXPECT_GT(about[0].size(), ("occkit: " + path + ": ").size() + 5) << "no reason given: " << about[0];
    EXPECT_LT(about[0].size(), 400u) << "not a one-line message: " << about[0];
    if (!reason_part.empty()) {
        EXPECT_NE(about[0].find(reason_part), std::string::npos) << about[0];
    }
}

std::vector<fs::path> files_in(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return files;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        if (it->is_regular_file()) files.push_back(it->path());
    std::sort(files.begin(), files.end());
    return files;
}

// No temporary file of an atomic write is left behind.
void expect_no_temporaries(const fs::path& dir) {
    for (const fs::path& f : files_in(dir))
        EXPECT_EQ(f.filename().string().find(".tmp."), std::string::npos) << "left behind: " << f;
}

// Every output file is complete canonical XML.
void expect_complete_outputs(const fs::path& dir) {
    static const occkit::SchemaValidator validator;
    for (const fs::path& f : files_in(dir)) {
        std::vector<occkit::SchemaIssue> issues = validator.validate(read_file(f));
        EXPECT_TRUE(issues.empty()) << f << ": " << (issues.empty() ? "" : issues[0].message);
    }
}

void write_bytes(const fs::path& path, std::string_view bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string sample(const std::string& relative) { return read_file(source_dir() / "samples" / relative); }

// A valid small page to convert beside the bad ones.
const std::string& good_text_page() {
    static const std::string page = sample("generic/timber-frame-carpenter.txt");
    return page;
}

// Watches files for any open (inotify), to prove a hostile document did not make occkit read them.
class OpenWatch {
public:
    explicit OpenWatch(const std::vector<fs::path>& files) : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
        for (const fs::path& f : files) inotify_add_watch(fd_, f.c_str(), IN_OPEN | IN_ACCESS);
    }
    ~OpenWatch() { close(fd_); }
    OpenWatch(const OpenWatch&) = delete;
    OpenWatch& operator=(const OpenWatch&) = delete;
    bool any_opened() const {
        char buffer[4096];
        return read(fd_, buffer, sizeof buffer) > 0;
    }

private:
    int fd_;
};

// ---------------------------------------------------------------------------------------------------------------
// Garbage in one file

class BadInput : public ::testing::Test {
protected:
    fs::path dir;
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir = scratch_dir(std::string("bad-input-") + info->name());
    }
    std::string put(const std::string& name, std::string_view bytes) {
        write_bytes(dir / name, bytes);
        return (dir / name).string();
    }
    // Converts one file to dir/out/NAME.xml and returns the run.
    Outcome convert_to_file(const std::string& input, std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"convert", input, "-o", (dir / "out" / "result.xml").string()};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_bounded(args, within(std::chrono::seconds(60 * slowdown)));
    }
    void expect_no_output() const {
        EXPECT_TRUE(files_in(dir / "out").empty()) << "partial or unexpected output in " << (dir / "out");
    }
    void expect_valid_output() const {
        fs::path out = dir / "out" / "result.xml";
        ASSERT_TRUE(fs::exists(out));
        expect_complete_outputs(dir / "out");
        expect_no_temporaries(dir / "out");
    }
};

TEST_F(BadInput, EmptyFileIsRefused) {
    std::string path = put("empty.txt", "");
    Outcome run = convert_to_file(path);
    expect_one_line_error(run, path, "empty");
    expect_no_output();
}

TEST_F(BadInput, BlankFileIsRefused) {
    std::string path = put("blank.html", "  \n\t\r\n \xC2\xA0\n");
    Outcome run = convert_to_file(path);
    expect_one_line_error(run, path, "no text");
    expect_no_output();
}

TEST_F(BadInput, BinaryGarbageIsRefused) {
    std::mt19937 random(9);
    std::string bytes(64 * 1024, '\0');
    for (char& c : bytes) c = static_cast<char>(random() & 0xFF);
    std::string path = put("garbage.html", bytes);
    Outcome run = convert_to_file(path);
    expect_one_line_error(run, path, "not a text file");
    expect_no_output();
}

TEST_F(BadInput, ExecutableIsRefused) {
    std::string path = put("program.txt", read_file(OCCKIT_CLI).substr(0, 256 * 1024));
    Outcome run = convert_to_file(path);
    expect_one_line_error(run, path, "not a text file");
    expect_no_output();
}

TEST_F(BadInput, StrayNulBytesAreDropped) {
    std::string page = good_text_page();
    for (std::size_t at : {std::size_t{10}, page.size() / 2, page.size() - 3}) page.insert(at, 1, '\0');
    std::string path = put("nul.txt", page);
    Outcome run = convert_to_file(path);
    expect_orderly(run);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    expect_valid_output();
}

TEST_F(BadInput, MostlyNulBytesAreRefused) {
    std::string bytes;
    for (int k = 0; k < 4096; ++k) bytes += (k % 3 == 0) ? std::string("ab") : std::string(3, '\0');
    std::string path = put("nuls.txt", bytes);
    Outcome run = convert_to_file(path);
    expect_one_line_error(run, path, "not a text file");
    expect_no_output();
}

TEST_F(BadInput, InvalidUtf8IsReadAsWindows1252) {
    // Truncated sequence, overlong '/', a UTF-16 surrogate, a byte above F4, a lone continuation byte.
    std::string page =
        "Caf\xC3 Technician\nDuties\n  \xE2\x80\xA2 Path \xC0\xAF and \xED\xA0\x80 and \xF8\x88 and \x80\n" +
        good_text_page();
    std::string path = put("invalid-utf8.txt", page);
    Outcome run = convert_to_file(path);
    expect_orderly(run);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    expect_valid_output();
}

std::string utf16(std::string_view ascii_or_latin1, bool big_endian) {
    std::string out;
    for (char c : ascii_or_latin1) {
        char low = c, high = 0;
        out += big_endian ? std::string{high, low} : std::string{low, high};
    }
    return out;
}

TEST_F(BadInput, Utf16WithAndWithoutBomIsDecoded) {
    std::string text = "Caf\xE9 Technician\nDuties\n  - Brew coffee\nSection revised March 2012\n";
    struct Case {
        std::string name;
        std::string bytes;
    };
    std::vector<Case> cases = {{"le-bom.txt", "\xFF\xFE" + utf16(text, false)},
                               {"be-bom.txt", "\xFE\xFF" + utf16(text, true)},
                               {"le.txt", utf16(text, false)},
                               {"be.txt", utf16(text, true)}};
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        std::string path = put(c.name, c.bytes);
        Outcome run = run_bounded({"convert", path});
        expect_orderly(run);
        EXPECT_EQ(run.exit_code, 0) << run.err;
        EXPECT_NE(run.out.find("Caf\xC3\xA9 Technician"), std::string::npos) << run.out.substr(0, 600);
        EXPECT_NE(run.out.find("UTF-16"), std::string::npos) << "charset not recorded";
    }
}

TEST_F(BadInput, OddLengthUtf16IsHandled) {
    std::string path = put("odd.txt", "\xFF\xFE" + utf16("Title\nDuties\n", false) + "X");
    Outcome run = run_bounded({"convert", path});
    expect_orderly(run);
    EXPECT_TRUE(run.exit_code == 0 || run.exit_code == 1) << run.err;
}

TEST_F(BadInput, Windows1252BytesInADeclaredUtf8Page) {
    std::string page =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Caf\xE9</title></head><body>"
        "<h1>Caf\xE9 Technician</h1><p>It\x92s \x93quoted\x94 \xE2\x80\x94 and r\xC3\xA9sum\xC3\xA9 stays.</p>"
        "<h2>Duties</h2><ul><li>Brew \x96 serve</li></ul></body></html>";
    std::string path = put("mixed.html", page);
    Outcome run = run_bounded({"convert", path});
    expect_orderly(run);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("Caf\xC3\xA9 Technician"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("It\xE2\x80\x99s \xE2\x80\x9Cquoted\xE2\x80\x9D"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("r\xC3\xA9sum\xC3\xA9"), std::string::npos) << run.out;
}

// ---------------------------------------------------------------------------------------------------------------
// Size, depth and line length

// A page of `target_bytes`: the content of every sample page (headings, paragraphs, lists, tables, chrome and their
// markup), over and over, as a huge but plausible page would be.
std::string huge_html_page(std::size_t target_bytes) {
    std::string content;
    for (const fs::path& page : occkit::testing::files_below(source_dir() / "samples", {".html"})) {
        std::string html = read_file(page);
        std::size_t body = html.find("<body");
        std::size_t end = html.rfind("</body>");
        if (body != std::string::npos && end != std::string::npos) content += html.substr(body, end - body);
    }
    std::string page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Huge</title></head>\n";
    page.reserve(target_bytes + content.size());
    while (page.size() < target_bytes) page += content;
    return page + "</body></html>\n";
}

TEST_F(BadInput, HundredMegabytePageStaysWithinTenTimesItsSize) {
    // Under ASan memory use and speed mean nothing, so a smaller page there only checks that it completes.
    const std::size_t size = sanitized_build ? 8u << 20 : 100u << 20;
    std::string path = put("huge.html", huge_html_page(size));
    std::size_t bytes = fs::file_size(path);
    Outcome run = run_bounded({"convert", path, "-o", (dir / "out" / "huge.xml").string()}, within(180s));
    expect_orderly(run);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_TRUE(files_in(dir / "out").size() == 1);
    expect_no_temporaries(dir / "out");
    if (!sanitized_build) {
        long limit_kb = static_cast<long>(bytes / 1024 * 10);
        EXPECT_LT(run.peak_rss_kb, limit_kb)
            << "peak RSS " << run.peak_rss_kb / 1024 << " MiB for a " << bytes / (1 << 20) << " MiB page";
        RecordProperty("peak_rss_mib", static_cast<int>(run.peak_rss_kb / 1024));
        RecordProperty("seconds", static_cast<int>(run.elapsed.count() / 1000));
    }
    fs::remove(path);
    fs::remove_all(dir / "out");
}

TEST_F(BadInput, InputOverTheSizeLimitIsRefusedBeforeReading) {
    std::string path = put("big.txt", std::string(3u << 20, 'a') + "\n");
    Outcome run = convert_to_file(path, {"--max-input-size", "1M"});
    expect_one_line_error(run, path, "larger than the limit of 1048576 bytes");
    expect_no_output();
}

TEST_F(BadInput, HundredThousandNestedElementsAreRefused) {
    std::string page = "<!DOCTYPE html><html><body>";
    for (int k = 0; k < 100000; ++k) page += "<div>";
    page += "deep";
    std::string path = put("nested.html", page);
    Outcome run = convert_to_file(path);
    expect_one_line_error(run, path, "nesting deeper than 256 elements");
    EXPECT_LT(run.elapsed, std::chrono::milliseconds(10000 * slowdown));
    expect_no_output();
}

TEST_F(BadInput, NestingLimitIsAnOption) {
    std::string page = "<!DOCTYPE html><html><body><h1>Deep Technician</h1>";
    for (int k = 0; k < 100000; ++k) page += k % 2 ? "<div>" : "<span>";
    page += "<p>deep text</p>";
    std::string path = put("nested.html", page);
    // No recursion anywhere: without a limit the same page converts.
    Outcome unlimited = convert_to_file(path, {"--max-depth", "0"});
    expect_orderly(unlimited);
    EXPECT_EQ(unlimited.exit_code, 0) << unlimited.err;
    expect_valid_output();
    fs::remove_all(dir / "out");
    Outcome tight = convert_to_file(path, {"--max-depth", "10"});
    expect_one_line_error(tight, path, "nesting deeper than 10 elements");
    expect_no_output();
}

TEST_F(BadInput, NestedListsAndTablesConvert) {
    std::string page = "<html><body><h1>Lists</h1>";
    for (int k = 0; k < 60; ++k) page += "<ul><li>level " + std::to_string(k);
    for (int k = 0; k < 40; ++k) page += "<table><tr><td>cell " + std::to_string(k);
    std::string path = put("lists.html", page);
    Outcome run = convert_to_file(path);
    expect_orderly(run);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    expect_valid_output();
}

// One 10 MB line with everything the per-line scanners look at: labels, dates, wages, bullets, pipes, URLs.
std::string ten_megabyte_line() {
    static const std::string pieces[] = {"Also Known As: Picker ",
                                         "Section revised March 2012 ",
                                         "$21.40 to $27.90 an hour (2010) ",
                                         "| cell | cell | ",
                                         "http://example.org/a:b ",
                                         "Updated Mar 31, 2024 ",
                                         "31 mars 2024 ",
                                         "2013-2017 ",
                                         "\xC2\xA0\xE2\x80\xA2 ",
                                         "word word word ",
                                         "7:08 "};
    std::string line;
    line.reserve(10u << 20);
    for (std::size_t k = 0; line.size() < (10u << 20); ++k) line += pieces[k % std::size(pieces)];
    return line;
}

TEST_F(BadInput, TenMegabyteLineIsRefusedByDefault) {
    std::string path = put("line.txt", "Long Line Technician\n" + ten_megabyte_line() + "\n");
    Outcome run = convert_to_file(path);
    expect_one_line_error(run, path, "line 2 is");
    EXPECT_NE(run.err.find("maximum line length of 1048576"), std::string::npos) << run.err;
    EXPECT_LT(run.elapsed, std::chrono::milliseconds(10000 * slowdown));
    expect_no_output();
}

TEST_F(BadInput, TenMegabyteLineConvertsInLinearTimeWithoutTheLimit) {
    // A quadratic step anywhere would take hours on 10 MB; linear work takes seconds.
    for (const char* extension : {".txt", ".html"}) {
        SCOPED_TRACE(extension);
        std::string line = ten_megabyte_line();
        std::string page = std::string(extension) == ".html"
                               ? "<html><body><h1>Long</h1><p>" + line + "</p></body></html>"
                               : "Long Line Technician\n" + line + "\n";
        std::string path = put(std::string("line") + extension, page);
        Outcome run = convert_to_file(path, {"--max-line-length", "0"});
        expect_orderly(run);
        EXPECT_EQ(run.exit_code, 0) << run.err;
        EXPECT_LT(run.elapsed, std::chrono::milliseconds(30000 * slowdown));
        expect_valid_output();
        fs::remove_all(dir / "out");
    }
}

TEST_F(BadInput, ManyShortLinesWithoutNewlinesInHtml) {
    // A minified page: one line holding many elements, under the line limit.
    std::string page = "<html><body><h1>Minified Technician</h1>";
    while (page.size() < 900 * 1024)
        page += "<h2>Duties</h2><ul><li>Prune</li><li>Pick</li></ul><p>Updated Mar 31, 2024</p>";
    page += "</body></html>";
    std::string path = put("minified.html", page);
    Outcome run = convert_to_file(path);
    expect_orderly(run);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    expect_valid_output();
}

// ---------------------------------------------------------------------------------------------------------------
// XML tricks: entities, DTDs, bombs, in every place occkit reads XML

struct Bait {
    fs::path secret;  // a local file a hostile document points at
    fs::path dtd;     // an external DTD that would define an entity if loaded
    std::string secret_text = "SECRET-3f9a1c-should-never-appear";
};

Bait make_bait(const fs::path& dir) {
    Bait bait;
    bait.secret = dir / "outside" / "secret.txt";
    bait.dtd = dir / "outside" / "evil.dtd";
    write_bytes(bait.secret, bait.secret_text + "\n");
    write_bytes(bait.dtd, "<!ENTITY leak SYSTEM \"file://" + bait.secret.string() + "\">\n<!ENTITY x \"" +
                              bait.secret_text + "\">\n");
    return bait;
}

std::string billion_laughs() {
    std::string doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n";
    for (int k = 1; k <= 9; ++k) {
        doc += "<!ENTITY lol" + std::to_string(k) + " \"";
        for (int r = 0; r < 10; ++r) doc += k == 1 ? "&lol;" : "&lol" + std::to_string(k - 1) + ";";
        doc += "\">\n";
    }
    return doc;
}

// The hostile documents, each wrapped around a root element of the caller's choice.
std::vector<std::pair<std::string, std::string>> hostile_xml(const Bait& bait, const std::string& root_open,
                                                             const std::string& root_close) {
    std::string secret_uri = "file://" + bait.secret.string();
    return {
        {"xxe", "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY leak SYSTEM \"" + secret_uri + "\">]>\n" + root_open +
                    "&leak;" + root_close},
        {"xxe-parameter", "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY % p SYSTEM \"file://" + bait.dtd.string() +
                              "\"> %p;]>\n" + root_open + "&leak;&x;" + root_close},
        {"external-dtd", "<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"file://" + bait.dtd.string() + "\">\n" +
                             root_open + "&leak;&x;" + root_close},
        {"xinclude", root_open + "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + secret_uri +
                         "\" parse=\"text\"/>" + root_close},
        {"billion-laughs", billion_laughs() + "]>\n" + root_open + "&lol9;" + root_close},
        {"quadratic-blowup", "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"" + std::string(50000, 'a') +
                                 "\">]>\n" + root_open +
                                 [] {
                                     std::string refs;
                                     for (int k = 0; k < 50000; ++k) refs += "&a;";
                                     return refs;
                                 }() +
                                 root_close},
    };
}

void expect_no_leak(const Outcome& run, const Bait& bait, const OpenWatch& watch) {
    EXPECT_EQ(run.out.find(bait.secret_text), std::string::npos) << "the secret reached stdout";
    EXPECT_EQ(run.err.find(bait.secret_text), std::string::npos) << "the secret reached stderr";
    EXPECT_FALSE(watch.any_opened()) << "a file outside the given paths was opened";
}

TEST_F(BadInput, HostileXhtmlPagesReadNothingOutside) {
    Bait bait = make_bait(dir);
    std::string head = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><h1>Hostile Technician</h1><p>";
    for (const auto& [name, document] : hostile_xml(bait, head, "</p></body></html>")) {
        SCOPED_TRACE(name);
        std::string path = put(name + ".html", document);
        OpenWatch watch({bait.secret, bait.dtd});
        Outcome run =
            run_bounded({"convert", path, "-o", (dir / "out" / (name + ".xml")).string()}, within(60s * slowdown));
        expect_orderly(run);
        EXPECT_TRUE(run.exit_code == 0 || run.exit_code == 1) << run.err;
        expect_no_leak(run, bait, watch);
        if (fs::exists(dir / "out" / (name + ".xml"))) {
            EXPECT_EQ(read_file(dir / "out" / (name + ".xml")).find(bait.secret_text), std::string::npos);
        }
    }
    expect_complete_outputs(dir / "out");
    expect_no_temporaries(dir / "out");
}

TEST_F(BadInput, HostileLayoutFilesReadNothingOutside) {
    Bait bait = make_bait(dir);
    std::string page = put("page.txt", good_text_page());
    std::string root_open =
        "<layout xmlns=\"urn:occkit:layout:1\" id=\"evil\" name=\"Evil\" jurisdiction=\"CA\" "
        "language=\"en\"><title from=\"first-line\"/><chrome><line>";
    for (const auto& [name, document] : hostile_xml(bait, root_open, "</line></chrome></layout>")) {
        SCOPED_TRACE(name);
        std::string layout = put(name + ".layout.xml", document);
        OpenWatch watch({bait.secret, bait.dtd});
        Outcome run = run_bounded({"convert", "--layout-file", layout, page}, within(60s * slowdown));
        expect_orderly(run);
        EXPECT_NE(run.exit_code, 0) << "a hostile layout file was accepted";
        EXPECT_NE(run.err.find(layout), std::string::npos) << "the error does not name the layout file: " << run.err;
        EXPECT_LE(lines_of(run.err).size(), 2u) << run.err;
        expect_no_leak(run, bait, watch);
    }
}

// The commands that read canonical XML (validate, stale, diff, export) are being written; each is tested here as
// soon as it exists.
bool command_available(const std::string& name) {
    Outcome run = run_bounded({name, "--help"});
    return run.exit_code == 0 && (run.out + run.err).find("not available") == std::string::npos;
}

std::vector<std::string> xml_reading_commands() {
    std::vector<std::string> available;
    for (const std::string name : {"validate", "stale", "diff", "export"})
        if (command_available(name)) available.push_back(name);
    return available;
}

std::vector<std::string> command_args(const std::string& command, const std::string& path) {
    if (command == "diff")
        return {command, (source_dir() / "samples/alis/expected/orthotic-and-prosthetic-technician.txt.xml").string(),
                path};
    return {command, path};
}

std::string canonical_sample() {
    return read_file(source_dir() / "samples/alis/expected/orthotic-and-prosthetic-technician.txt.xml");
}

TEST_F(BadInput, HostileCanonicalXmlThroughEveryReadingCommand) {
    std::vector<std::string> commands = xml_reading_commands();
    if (commands.empty()) GTEST_SKIP() << "no command reads canonical XML yet";
    Bait bait = make_bait(dir);
    std::string root_open =
        "<occupation xmlns=\"urn:occkit:occupation:1\" schemaVersion=\"1.0\"><source "
        "jurisdiction=\"AB\" layout=\"alis\" format=\"text\" language=\"en\" charset=\"UTF-8\" "
        "sha256=\"00\"/><title line=\"1\">";
    std::vector<std::pair<std::string, std::string>> documents = hostile_xml(bait, root_open, "</title></occupation>");
    std::string sample_xml = canonical_sample();
    documents.push_back({"truncated", sample_xml.substr(0, sample_xml.size() / 2)});
    documents.push_back({"schema-invalid", std::string(sample_xml)
                                               .replace(sample_xml.find("schemaVersion=\"1.0\""), 19,
                                                        "schemaVersion=\"1.0\" bogus=\"1\"")});
    documents.push_back({"empty", ""});
    documents.push_back({"binary", std::string("\x00\x01\x02\xFF\xFE", 5)});
    std::string deep = root_open + "</title><sections>";
    for (int k = 0; k < 100000; ++k) deep += "<section kind=\"other\"><heading>h</heading>";
    documents.push_back({"deep", deep});
    for (const std::string& command : commands) {
        for (const auto& [name, document] : documents) {
            SCOPED_TRACE(command + " " + name);
            std::string path = put(name + ".xml", document);
            OpenWatch watch({bait.secret, bait.dtd});
            Outcome run = run_bounded(command_args(command, path), within(60s * slowdown));
            expect_orderly(run);
            EXPECT_NE(run.exit_code, 0) << "accepted: " << run.out.substr(0, 500);
            EXPECT_NE((run.out + run.err).find(path), std::string::npos) << "does not name the file:\n" << run.err;
            expect_no_leak(run, bait, watch);
        }
    }
}

// Until those commands land, the library functions they are built on get the same documents directly.
TEST_F(BadInput, HostileCanonicalXmlThroughTheLibrary) {
    Bait bait = make_bait(dir);
    std::string root_open =
        "<occupation xmlns=\"urn:occkit:occupation:1\" schemaVersion=\"1.0\"><source "
        "jurisdiction=\"AB\" layout=\"alis\" format=\"text\" language=\"en\" charset=\"UTF-8\" "
        "sha256=\"00\"/><title line=\"1\">";
    const occkit::SchemaValidator validator;
    for (const auto& [name, document] : hostile_xml(bait, root_open, "</title></occupation>")) {
        SCOPED_TRACE(name);
        OpenWatch watch({bait.secret, bait.dtd});
        auto start = std::chrono::steady_clock::now();
        EXPECT_THROW(occkit::read_xml(document), occkit::Error);
        std::vector<occkit::SchemaIssue> issues = validator.validate(document);
        EXPECT_LT(std::chrono::steady_clock::now() - start, 10s * slowdown);
        for (const auto& issue : issues) EXPECT_EQ(issue.message.find(bait.secret_text), std::string::npos);
        EXPECT_FALSE(watch.any_opened()) << "a file outside the given paths was opened";
        // The validator must not accept a document whose content came from outside.
        if (name != "xinclude") {
            EXPECT_FALSE(issues.empty());
        }
    }
}

TEST_F(BadInput, TruncatedAndSchemaInvalidCanonicalXmlThroughTheLibrary) {
    std::string xml = canonical_sample();
    const occkit::SchemaValidator validator;
    for (std::size_t cut : {std::size_t{0}, std::size_t{1}, std::size_t{39}, xml.size() / 3, xml.size() - 2}) {
        SCOPED_TRACE(cut);
        std::string truncated = xml.substr(0, cut);
        EXPECT_THROW(occkit::read_xml(truncated), occkit::Error);
        EXPECT_FALSE(validator.validate(truncated).empty());
    }
    std::string invalid = xml;
    invalid.replace(invalid.find("<title"), 6, "<tittle");
    invalid.replace(invalid.find("</title>"), 8, "</tittle>");
    EXPECT_THROW(occkit::read_xml(invalid), occkit::Error);
    EXPECT_FALSE(validator.validate(invalid).empty());
    std::string deep = xml.substr(0, xml.find("<sections>")) + "<sections>";
    for (int k = 0; k < 100000; ++k) deep += "<section kind=\"other\"><heading>h</heading>";
    EXPECT_THROW(occkit::read_xml(deep), occkit::Error);
    EXPECT_FALSE(validator.validate(deep).empty());
}

// ---------------------------------------------------------------------------------------------------------------
// The file system: loops, permissions, full disks

TEST_F(BadInput, SymlinkLoopIsReportedAndTheRestConverted) {
    write_bytes(dir / "pages" / "a" / "one.txt", good_text_page());
    write_bytes(dir / "pages" / "b" / "two.txt", good_text_page());
    fs::create_directory_symlink("..", dir / "pages" / "a" / "loop");
    Outcome run =
        run_bounded({"convert", (dir / "pages").string(), "-o", (dir / "out").string()}, within(60s * slowdown));
    expect_one_line_error(run, (dir / "pages" / "a" / "loop").string(), "symlink loop");
    EXPECT_TRUE(fs::exists(dir / "out" / "a" / "one.xml"));
    EXPECT_TRUE(fs::exists(dir / "out" / "b" / "two.xml"));
    EXPECT_EQ(files_in(dir / "out").size(), 2u);
    expect_complete_outputs(dir / "out");
}

// Permission tests need a user the permissions apply to: root reads and writes anything.
class Unprivileged : public BadInput {
protected:
    RunOptions options;
    void SetUp() override {
        BadInput::SetUp();
        options.deadline = 60s * slowdown;
        options.run_as = unprivileged_user();
        if (options.run_as) {
            // The unprivileged user must reach the scratch directory and the program.
            for (fs::path p = dir; p != p.root_path() && p.string().find("occkit-test-") != std::string::npos;
                 p = p.parent_path())
                fs::permissions(p, fs::perms::all, fs::perm_options::add);
            Outcome probe = run_bounded({"--version"}, options);
            if (probe.exit_code != 0) GTEST_SKIP() << "cannot run occkit as an unprivileged user: " << probe.err;
        }
    }
    void open_up(const fs::path& p) const { fs::permissions(p, fs::perms::all, fs::perm_options::add); }
};

TEST_F(Unprivileged, UnreadableFileIsReportedAndTheRestConverted) {
    write_bytes(dir / "pages" / "a.txt", good_text_page());
    write_bytes(dir / "pages" / "b.txt", good_text_page());
    write_bytes(dir / "pages" / "c.txt", good_text_page());
    fs::create_directories(dir / "out");
    open_up(dir / "pages");
    open_up(dir / "out");
    fs::permissions(dir / "pages" / "b.txt", fs::perms::none);
    Outcome run = run_bounded({"convert", (dir / "pages").string(), "-o", (dir / "out").string()}, options);
    expect_one_line_error(run, (dir / "pages" / "b.txt").string(), "permission denied");
    EXPECT_TRUE(fs::exists(dir / "out" / "a.xml"));
    EXPECT_FALSE(fs::exists(dir / "out" / "b.xml"));
    EXPECT_TRUE(fs::exists(dir / "out" / "c.xml"));
    expect_no_temporaries(dir / "out");
}

TEST_F(Unprivileged, UnreadableDirectoryIsReportedAndTheRestConverted) {
    write_bytes(dir / "pages" / "a.txt", good_text_page());
    write_bytes(dir / "pages" / "locked" / "b.txt", good_text_page());
    fs::create_directories(dir / "out");
    open_up(dir / "pages");
    open_up(dir / "out");
    fs::permissions(dir / "pages" / "locked", fs::perms::none);
    Outcome run = run_bounded({"convert", (dir / "pages").string(), "-o", (dir / "out").string()}, options);
    expect_one_line_error(run, (dir / "pages" / "locked").string(), "permission denied");
    EXPECT_TRUE(fs::exists(dir / "out" / "a.xml"));
    fs::permissions(dir / "pages" / "locked", fs::perms::owner_all);
}

TEST_F(Unprivileged, OutputDirectoryNotWritable) {
    write_bytes(dir / "pages" / "a.txt", good_text_page());
    write_bytes(dir / "pages" / "b.txt", good_text_page());
    fs::create_directories(dir / "out");
    open_up(dir / "pages");
    fs::permissions(dir / "out", fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                     fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
    if (!options.run_as && access((dir / "out").c_str(), W_OK) == 0) GTEST_SKIP() << "permissions do not apply here";
    Outcome run = run_bounded({"convert", (dir / "pages").string(), "-o", (dir / "out").string()}, options);
    expect_orderly(run);
    EXPECT_EQ(run.exit_code, 1) << run.err;
    for (const char* name : {"a.txt", "b.txt"}) {
        std::string path = (dir / "pages" / name).string();
        bool reported = false;
        for (const std::string& line : lines_of(run.err))
            reported = reported || (line.rfind("occkit: " + path + ": ", 0) == 0 &&
                                    line.find("ermission denied") != std::string::npos);
        EXPECT_TRUE(reported) << path << " not reported:\n" << run.err;
    }
    EXPECT_TRUE(files_in(dir / "out").empty());
    fs::permissions(dir / "out", fs::perms::owner_all);
}

TEST_F(BadInput, WritingToDevFull) {
    if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
    std::string path = put("page.txt", good_text_page());
    Outcome to_file = run_bounded({"convert", path, "-o", "/dev/full"});
    expect_one_line_error(to_file, path, "/dev/full: no space left on device");
    Outcome to_stdout = run_bounded({"convert", path}, [] {
        RunOptions o;
        o.stdout_path = "/dev/full";
        return o;
    }());
    expect_orderly(to_stdout);
    EXPECT_EQ(to_stdout.exit_code, 2) << to_stdout.err;  // standard output failing is an I/O error in every command
    EXPECT_NE(to_stdout.err.find("no space left on device"), std::string::npos) << to_stdout.err;
    EXPECT_NE(to_stdout.err.find(path), std::string::npos) << to_stdout.err;
}

TEST_F(BadInput, StdinThatIsADirectoryOrMissingFile) {
    Outcome missing = run_bounded({"convert", (dir / "nope.txt").string()});
    expect_one_line_error(missing, (dir / "nope.txt").string(), "no such file");
    Outcome directory_as_layout = run_bounded({"convert", "--layout-file", dir.string(), (dir / "nope.txt").string()});
    expect_orderly(directory_as_layout);
    EXPECT_EQ(directory_as_layout.exit_code, 2) << directory_as_layout.err;
}

// ---------------------------------------------------------------------------------------------------------------
// A whole batch of bad files, and an interrupted one

TEST_F(BadInput, MixedBatchConvertsEveryGoodFile) {
    std::mt19937 random(4);
    std::string garbage(4096, '\0');
    for (char& c : garbage) c = static_cast<char>(random() & 0xFF);
    std::string nested = "<html><body>";
    for (int k = 0; k < 5000; ++k) nested += "<div>";
    write_bytes(dir / "pages" / "01-good.txt", good_text_page());
    write_bytes(dir / "pages" / "02-empty.txt", "");
    write_bytes(dir / "pages" / "03-garbage.html", garbage);
    write_bytes(dir / "pages" / "04-good.html", sample("htns/sleep-disorders-technologist.html"));
    write_bytes(dir / "pages" / "05-nested.html", nested);
    write_bytes(dir / "pages" / "06-long-line.txt", std::string(2u << 20, 'x'));
    write_bytes(dir / "pages" / "07-good.txt", sample("workbc/3219.txt"));
    fs::create_directory_symlink("/nonexistent/target.txt", dir / "pages" / "08-dangling.txt");
    Outcome run = run_bounded({"convert", (dir / "pages").string(), "-o", (dir / "out").string(), "-j", "2"},
                              within(60s * slowdown));
    expect_orderly(run);
    EXPECT_EQ(run.exit_code, 1);
    for (const char* bad :
         {"02-empty.txt", "03-garbage.html", "05-nested.html", "06-long-line.txt", "08-dangling.txt"}) {
        SCOPED_TRACE(bad);
        std::string path = (dir / "pages" / bad).string();
        int mentions = 0;
        for (const std::string& line : lines_of(run.err)) mentions += line.rfind("occkit: " + path + ": ", 0) == 0;
        EXPECT_EQ(mentions, 1) << run.err;
    }
    std::vector<fs::path> outputs = files_in(dir / "out");
    ASSERT_EQ(outputs.size(), 3u) << run.err;
    EXPECT_EQ(outputs[0].filename(), "01-good.xml");
    EXPECT_EQ(outputs[1].filename(), "04-good.xml");
    EXPECT_EQ(outputs[2].filename(), "07-good.xml");
    expect_complete_outputs(dir / "out");
    EXPECT_NE(run.err.find("converted 3 of 8 input(s)"), std::string::npos) << run.err;
}

// SIGHUP, SIGINT and SIGTERM in the middle of a batch: the batch stops, no temporary file is left, every output is
// complete, and the exit status is 128 + the signal.
class Interrupt : public ::testing::TestWithParam<int> {};

TEST_P(Interrupt, MidBatchStopsCleanlyWithItsOwnExitStatus) {
    const int signal_number = GetParam();
    fs::path dir = scratch_dir("bad-input-interrupt-" + std::to_string(signal_number));
    const int pages = 600;
    for (int k = 0; k < pages; ++k) {
        char name[32];
        std::snprintf(name, sizeof name, "page-%04d.txt", k);
        write_bytes(dir / "pages" / name, good_text_page());
    }
    fs::path out = dir / "out";
    RunOptions options = within(120s * slowdown);
    options.interrupt_signal = signal_number;
    options.interrupt_when = [&] {
        std::error_code ec;
        return fs::exists(out / "page-0020.xml", ec);
    };
    Outcome run = run_bounded({"convert", (dir / "pages").string(), "-o", out.string(), "-j", "2"}, options);
    expect_orderly(run);
    EXPECT_EQ(run.exit_code, 128 + signal_number) << run.err;
    EXPECT_NE(run.err.find("interrupted"), std::string::npos) << run.err;
    EXPECT_LT(files_in(out).size(), static_cast<std::size_t>(pages)) << "the batch finished before the interrupt";
    expect_no_temporaries(out);
    expect_complete_outputs(out);
}

INSTANTIATE_TEST_SUITE_P(
    Signals, Interrupt, ::testing::Values(SIGHUP, SIGINT, SIGTERM), [](const ::testing::TestParamInfo<int>& info) {
        return std::string(info.param == SIGHUP ? "SIGHUP" : info.param == SIGINT ? "SIGINT" : "SIGTERM");
    });

// A batch held at a FIFO nobody writes to (named last but one), then interrupted: the reports and streams written
// with -o are complete, marked partial, or absent.
struct HeldBatch {
    fs::path dir;
    std::vector<std::string> inputs;
};

HeldBatch held_batch(const std::string& name) {
    HeldBatch batch{scratch_dir("bad-input-held-" + name), {}};
    const std::string xml =
        read_file(source_dir() / "samples/alis/expected/orthotic-and-prosthetic-technician.txt.xml");
    for (const char* file : {"a.xml", "b.xml"}) {
        write_bytes(batch.dir / file, xml);
        batch.inputs.push_back((batch.dir / file).string());
    }
    fs::path fifo = batch.dir / "held.xml";
    if (mkfifo(fifo.c_str(), 0600) != 0) throw std::runtime_error("mkfifo failed");
    batch.inputs.push_back(fifo.string());
    write_bytes(batch.dir / "c.xml", xml);
    batch.inputs.push_back((batch.dir / "c.xml").string());
    return batch;
}

Outcome run_interrupted(std::vector<std::string> args, const HeldBatch& batch) {
    args.insert(args.begin() + 1, batch.inputs.begin(), batch.inputs.end());
    RunOptions options = within(60s * slowdown);
    const auto start = std::chrono::steady_clock::now();
    options.interrupt_when = [start] { return std::chrono::steady_clock::now() - start > 1500ms * slowdown; };
    return run_bounded(args, options);
}

TEST(InterruptedOutputs, NdjsonStreamEndsWithARecordSayingSo) {
    HeldBatch batch = held_batch("ndjson");
    fs::path stream = batch.dir / "out" / "profiles.ndjson";
    Outcome run = run_interrupted({"export", "-f", "ndjson", "-o", stream.string()}, batch);
    expect_orderly(run);
    EXPECT_EQ(run.exit_code, 130) << run.err;
    std::vector<std::string> lines = lines_of(read_file(stream));
    ASSERT_FALSE(lines.empty());
    // Inputs done: the profiles written, and the FIFO whose read the signal cut short (reported on stderr).
    const std::string record = "{\"interrupted\":true,\"inputs\":4,\"inputsDone\":";
    ASSERT_EQ(lines.back().rfind(record, 0), 0u) << lines.back();
    std::size_t done = std::stoul(lines.back().substr(record.size()));
    EXPECT_EQ(lines.back(), record + std::to_string(done) + "}");
    EXPECT_GE(done, lines.size() - 1);
    EXPECT_LT(done, 4u) << "c.xml, after the FIFO, was exported";
    for (std::size_t k = 0; k + 1 < lines.size(); ++k)
        EXPECT_NE(lines[k].find("\"schemaVersion\""), std::string::npos) << "not a whole profile: " << lines[k];
    expect_no_temporaries(batch.dir / "out");
}

TEST(InterruptedOutputs, SarifSaysTheRunDidNotFinishAndOtherReportsAreNotWritten) {
    HeldBatch batch = held_batch("validate");
    fs::path sarif = batch.dir / "out" / "report.sarif";
    Outcome run = run_interrupted({"validate", "--format", "sarif", "-o", sarif.string()}, batch);
    expect_orderly(run);
    EXPECT_EQ(run.exit_code, 130) << run.err;
    std::string report = read_file(sarif);
    EXPECT_NE(report.find("\"executionSuccessful\": false"), std::string::npos) << report.substr(0, 2000);

    fs::path text = batch.dir / "out" / "report.txt";
    run = run_interrupted({"validate", "--format", "text", "-o", text.string()}, batch);
    EXPECT_EQ(run.exit_code, 130) << run.err;
    EXPECT_FALSE(fs::exists(text)) << "a partial report was written";
    EXPECT_NE(run.err.find(text.string() + " not written"), std::string::npos) << run.err;

    fs::path csv = batch.dir / "out" / "ages.csv";
    run = run_interrupted({"stale", "--format", "csv", "-o", csv.string()}, batch);
    EXPECT_EQ(run.exit_code, 130) << run.err;
    EXPECT_FALSE(fs::exists(csv)) << "a partial report was written";
    expect_no_temporaries(batch.dir / "out");
}

TEST_F(BadInput, SigintMidBatchStopsCleanly) {
    const int pages = 1500;
    std::string page = good_text_page();
    for (int k = 0; k < pages; ++k) {
        char name[32];
        std::snprintf(name, sizeof name, "page-%04d.txt", k);
        write_bytes(dir / "pages" / name, page);
    }
    fs::path out = dir / "out";
    // Interrupt once the batch is under way: some outputs written, most not.
    RunOptions options = within(120s * slowdown);
    options.interrupt_when = [&] {
        std::error_code ec;
        return fs::exists(out / "page-0020.xml", ec);
    };
    Outcome run = run_bounded({"convert", (dir / "pages").string(), "-o", out.string(), "-j", "2"}, options);
    expect_orderly(run);
    EXPECT_EQ(run.exit_code, 130) << run.err;
    EXPECT_NE(run.err.find("interrupted"), std::string::npos) << run.err;
    std::vector<fs::path> written = files_in(out);
    EXPECT_GT(written.size(), 0u);
    EXPECT_LT(written.size(), static_cast<std::size_t>(pages)) << "the batch finished before the interrupt";
    expect_no_temporaries(out);
    expect_complete_outputs(out);
}

}  // namespace
