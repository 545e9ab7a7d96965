// Peak memory of `occkit convert` (issue 14 item 6: at most 3x the input for a 50 MB page, and flat over the number
// of files in a batch). A plain program rather than a Google Benchmark: each figure is a whole child process's
// peak RSS taken from wait4(2), as /usr/bin/time -v reports it.
//   build/bench/occkit_memory_bench [MB [OCCKIT]]      (MB: the huge pages' size, 50; OCCKIT: another build)
// The huge pages are one page's content repeated: samples/workbc/2225.txt for text, and for HTML the body of the
// first WorkBC page of ../shared (the project's 2225.html without it). The batches are the WorkBC pages of
// ../shared/corpus/workbc/2022-10-17 (or the project's samples) once and four times over (symlinks), converted with
// `occkit convert DIR -o OUT`. Everything is written to a scratch directory and removed.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bench_support.hpp"

namespace fs = std::filesystem;
using occkit::bench::ChildRun;

namespace {

// The page's text (HTML: its body) repeated until the page is `mb` megabytes.
fs::path huge_page(const fs::path& sample, const fs::path& dir, std::size_t mb) {
    const std::string page = occkit::bench::read_bytes(sample);
    std::size_t body = 0, end = page.size();
    if (sample.extension() == ".html") {
        body = page.find('>', page.find("<body")) + 1;
        end = page.rfind("</body>");
    }
    const fs::path path = dir / ("huge" + sample.extension().string());
    std::ofstream out(path, std::ios::binary);
    out << page.substr(0, end);
    for (std::size_t written = end; written < mb << 20; written += end - body) out << page.substr(body, end - body);
    out << page.substr(end);
    return path;
}

bool huge_page_figure(const std::string& cli, const fs::path& sample, const fs::path& scratch, std::size_t mb) {
    const fs::path page = huge_page(sample, scratch, mb);
    ChildRun r;
    if (!occkit::bench::run_child({cli, "convert", page.string(), "-o", (scratch / "huge.xml").string(), "-q"}, r, 0))
        return false;
    const double input_mb = static_cast<double>(fs::file_size(page)) / (1 << 20);
    std::printf("convert %5.1f MB %-4s page  %8.1f MB peak RSS  %5.2fx the input  %7.3f s CPU\n", input_mb,
                sample.extension().string().c_str() + 1, r.peak_mb, r.peak_mb / input_mb, r.cpu);
    fs::remove(page);
    fs::remove(scratch / "huge.xml");
    return true;
}

// `copies` folders of symlinks to the pages, converted as one batch.
bool batch_figure(const std::string& cli, const std::vector<fs::path>& pages, const fs::path& scratch, int copies) {
    const fs::path in = scratch / ("batch-" + std::to_string(copies)), out = in.string() + "-xml";
    for (int k = 0; k < copies; ++k) {
        fs::create_directories(in / std::to_string(k));
        for (const auto& p : pages) fs::create_symlink(fs::absolute(p), in / std::to_string(k) / p.filename());
    }
    ChildRun r;
    if (!occkit::bench::run_child({cli, "convert", in.string(), "-o", out.string(), "-q", "--follow-symlinks"}, r, 0))
        return false;
    std::printf("convert DIR of %5zu pages -o OUT     %8.1f MB peak RSS  %7.3f s CPU\n", pages.size() * copies,
                r.peak_mb, r.cpu);
    fs::remove_all(in);
    fs::remove_all(out);
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t mb = argc > 1 ? static_cast<std::size_t>(std::max(1, std::atoi(argv[1]))) : 50;
    const std::string cli = argc > 2 ? argv[2] : OCCKIT_CLI;
    const fs::path samples = fs::path(OCCKIT_SOURCE_DIR) / "samples/workbc";
    std::vector<fs::path> pages =
        occkit::bench::files_below(fs::path(OCCKIT_SHARED_DIR) / "corpus/workbc/2022-10-17", {".html"});
    const bool real = !pages.empty();
    if (!real) pages = occkit::bench::files_below(samples, {".html", ".txt"});
    const fs::path scratch = fs::temp_directory_path() / ("occkit-memory-bench-" + std::to_string(::getpid()));
    fs::create_directories(scratch);
    bool ok = huge_page_figure(cli, samples / "2225.txt", scratch, mb) &&
              huge_page_figure(cli, real ? pages.front() : samples / "2225.html", scratch, mb) &&
              batch_figure(cli, pages, scratch, 1) && batch_figure(cli, pages, scratch, 4);
    std::error_code ec;
    fs::remove_all(scratch, ec);
    if (!ok) std::fprintf(stderr, "%s failed\n", cli.c_str());
    return ok ? 0 : 1;
}
