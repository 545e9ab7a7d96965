// Peak memory of `occkit convert` on a huge page, as a bound (issue 14 item 6): a page made of one sample page's
// content repeated to 20 MB is converted by the CLI in a child process and its peak RSS (wait4) compared with the
// input's size. The bounds are the figures measured when the test was written (20 MB: text 8.9x, HTML 7.0x; the
// text bound fails the code before the views and streaming that brought it from 11.9x) plus a margin under one
// more full copy of the page, so that a new copy alive at the peak fails here. The aim is 3x: these bounds
// come down as the peak does. bench/memory_bench.cpp prints the figures themselves. A bound on memory, not on time: the
// result does not depend on how loaded the machine is.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "testing.hpp"

namespace {

namespace fs = std::filesystem;
using occkit::testing::sanitized_build;
using occkit::testing::scratch_dir;

constexpr std::size_t page_bytes = std::size_t{20} << 20;

std::string sample(const std::string& name) {
    std::ifstream in(fs::path(OCCKIT_SOURCE_DIR) / "samples/workbc" / name, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// The sample's text (HTML: its body) repeated until the page is `page_bytes` long.
fs::path huge_page(const fs::path& dir, const std::string& name) {
    const std::string page = sample(name);
    std::size_t body = 0, end = page.size();
    if (name.ends_with(".html")) {
        body = page.find('>', page.find("<body")) + 1;
        end = page.rfind("</body>");
    }
    const fs::path path = dir / ("huge-" + name);
    std::ofstream out(path, std::ios::binary);
    out << page.substr(0, end);
    for (std::size_t written = end; written < page_bytes; written += end - body) out << page.substr(body, end - body);
    out << page.substr(end);
    return path;
}

// Peak resident set of `occkit convert page -o out`, in bytes; 0 when the conversion failed.
std::size_t peak_rss_of_convert(const fs::path& page, const fs::path& out) {
    pid_t pid = fork();
    if (pid == 0) {
        freopen("/dev/null", "w", stderr);
        execl(OCCKIT_CLI, OCCKIT_CLI, "convert", page.c_str(), "-o", out.c_str(), nullptr);
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (pid < 0 || wait4(pid, &status, 0, &usage) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return 0;
    return static_cast<std::size_t>(usage.ru_maxrss) * 1024;
}

void expect_peak_within(const std::string& sample_name, double times_the_input) {
    if (sanitized_build) GTEST_SKIP() << "peak memory is not an ordinary build's under a sanitizer";
    const fs::path dir = scratch_dir("memory");
    const fs::path page = huge_page(dir, sample_name);
    const std::size_t input = fs::file_size(page);
    const std::size_t peak = peak_rss_of_convert(page, dir / "huge.xml");
    ASSERT_GT(peak, 0u) << "the conversion failed";
    EXPECT_GT(fs::file_size(dir / "huge.xml"), input / 2);  // the page was converted, not refused
    EXPECT_LE(static_cast<double>(peak), times_the_input * static_cast<double>(input))
        << "peak RSS " << (peak >> 20) << " MB for a " << (input >> 20) << " MB page";
    fs::remove_all(dir);
}

TEST(PeakMemory, AHugeTextPageConvertsWithinTenTimesItsSize) { expect_peak_within("2225.txt", 10.0); }

TEST(PeakMemory, AHugeHtmlPageConvertsWithinEightTimesItsSize) { expect_peak_within("2225.html", 8.0); }

}  // namespace
