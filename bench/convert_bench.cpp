// Conversion throughput: occkit's whole pipeline (decode, blocks, detect, layout, canonical XML) beside libxml2's
// bare htmlReadMemory + xmlFreeDoc on the same bytes, so the ratio shows occkit's own overhead.
//   build/bench/occkit_bench_convert [--benchmark_filter=...]
// Pages: ../shared/corpus/workbc/2022-11-22/*.html and ../shared/corpus/pages/**/*.txt when ../shared is present,
// otherwise the project's samples. items/s = pages/s; bytes/s = input MB/s.
#include <benchmark/benchmark.h>
#include <libxml/HTMLparser.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "occkit/convert.hpp"
#include "occkit/xml.hpp"

namespace fs = std::filesystem;

namespace {

const std::vector<std::string>& html_pages() {
    static const auto pages = [] {
        auto p = occkit::bench::load_files(fs::path(OCCKIT_SHARED_DIR) / "corpus/workbc/2022-11-22", {".html"});
        return p.empty() ? occkit::bench::load_files(fs::path(OCCKIT_SOURCE_DIR) / "samples", {".html"}) : p;
    }();
    return pages;
}

const std::vector<std::string>& text_pages() {
    static const auto pages = [] {
        auto p = occkit::bench::load_files(fs::path(OCCKIT_SHARED_DIR) / "corpus/pages", {".txt"});
        return p.empty() ? occkit::bench::load_files(fs::path(OCCKIT_SOURCE_DIR) / "samples", {".txt"}) : p;
    }();
    return pages;
}

void run_pages(benchmark::State& state, const std::vector<std::string>& pages, void (*one)(const std::string&)) {
    std::size_t bytes = 0;
    for (const auto& p : pages) bytes += p.size();
    for (auto _ : state)
        for (const auto& p : pages) one(p);
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages.size()));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
    state.counters["pages"] = static_cast<double>(pages.size());
}

void bare_libxml2(const std::string& page) {
    htmlDocPtr doc = htmlReadMemory(
        page.data(), static_cast<int>(page.size()), nullptr, nullptr,
        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER | HTML_PARSE_COMPACT);
    xmlFreeDoc(doc);
}

void occkit_convert(const std::string& page) {
    auto c = occkit::convert(page);
    benchmark::DoNotOptimize(occkit::write_xml(c.profile));
}

void occkit_convert_no_xml(const std::string& page) { benchmark::DoNotOptimize(occkit::convert(page)); }

void BM_WorkBC_Html_LibXml2Parse(benchmark::State& s) { run_pages(s, html_pages(), bare_libxml2); }
void BM_WorkBC_Html_OcckitConvert(benchmark::State& s) { run_pages(s, html_pages(), occkit_convert); }
void BM_WorkBC_Html_OcckitConvertNoXml(benchmark::State& s) { run_pages(s, html_pages(), occkit_convert_no_xml); }
void BM_TextPages_OcckitConvert(benchmark::State& s) { run_pages(s, text_pages(), occkit_convert); }

}  // namespace

BENCHMARK(BM_WorkBC_Html_LibXml2Parse)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WorkBC_Html_OcckitConvert)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WorkBC_Html_OcckitConvertNoXml)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TextPages_OcckitConvert)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
