// Export throughput on the WorkBC corpus, beside the conversion that makes the profiles, so the ratio shows what
// export adds to a pipeline:
//   build/bench/occkit_export_bench [--benchmark_filter=...]
// Pages: ../shared/corpus/workbc/2022-11-22/*.html when ../shared is present, otherwise the project's samples.
// items/s = profiles/s. bytes/s: the input each step reads (pages for Convert; canonical XML for the steps that
// start from it; NDJSON for Import) except for the steps that start from a Profile in memory, which count the
// bytes they write.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "occkit/convert.hpp"
#include "occkit/json.hpp"
#include "occkit/xml.hpp"

namespace fs = std::filesystem;

namespace {

// The corpus in each form a step starts from, made once.
struct Corpus {
    std::vector<std::string> pages;
    std::vector<occkit::Profile> profiles;
    std::vector<std::string> xml;
    std::vector<std::string> ndjson_lines;
};

const Corpus& corpus() {
    static const Corpus loaded = [] {
        Corpus c;
        c.pages = occkit::bench::load_files(fs::path(OCCKIT_SHARED_DIR) / "corpus/workbc/2022-11-22", {".html"});
        if (c.pages.empty()) c.pages = occkit::bench::load_files(fs::path(OCCKIT_SOURCE_DIR) / "samples", {".html"});
        for (const auto& page : c.pages) {
            c.profiles.push_back(occkit::convert(page).profile);
            c.xml.push_back(occkit::write_xml(c.profiles.back()));
            c.ndjson_lines.push_back(occkit::write_json(c.profiles.back(), occkit::JsonStyle::compact));
        }
        return c;
    }();
    return loaded;
}

std::size_t total_size(const std::vector<std::string>& texts) {
    std::size_t bytes = 0;
    for (const auto& text : texts) bytes += text.size();
    return bytes;
}

template <typename Item, typename Step>
void run(benchmark::State& state, const std::vector<Item>& items, std::size_t bytes_per_pass, Step step) {
    for (auto _ : state)
        for (const Item& item : items) benchmark::DoNotOptimize(step(item));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * items.size()));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_per_pass));
    state.counters["profiles"] = static_cast<double>(items.size());
}

// The reference: what `occkit convert` does for each page.
void BM_WorkBC_Convert(benchmark::State& state) {
    const Corpus& c = corpus();
    run(state, c.pages, total_size(c.pages),
        [](const std::string& page) { return occkit::write_xml(occkit::convert(page).profile); });
}

// `occkit export --format ndjson xml/`: canonical XML in, one NDJSON line out.
void BM_WorkBC_ExportNdjsonFromXml(benchmark::State& state) {
    const Corpus& c = corpus();
    run(state, c.xml, total_size(c.xml),
        [](const std::string& xml) { return occkit::write_json(occkit::read_xml(xml), occkit::JsonStyle::compact); });
}

// The serialisers alone, from a Profile in memory (as an export straight after conversion).
void BM_WorkBC_WriteNdjson(benchmark::State& state) {
    const Corpus& c = corpus();
    run(state, c.profiles, total_size(c.ndjson_lines),
        [](const occkit::Profile& profile) { return occkit::write_json(profile, occkit::JsonStyle::compact); });
}

void BM_WorkBC_WriteJsonLd(benchmark::State& state) {
    const Corpus& c = corpus();
    std::size_t bytes = 0;
    for (const auto& profile : c.profiles) bytes += occkit::write_jsonld(profile).size();
    run(state, c.profiles, bytes, [](const occkit::Profile& profile) { return occkit::write_jsonld(profile); });
}

void BM_WorkBC_WriteXml(benchmark::State& state) {
    const Corpus& c = corpus();
    run(state, c.profiles, total_size(c.xml),
        [](const occkit::Profile& profile) { return occkit::write_xml(profile); });
}

// `occkit import`: NDJSON line in, canonical XML out.
void BM_WorkBC_Import(benchmark::State& state) {
    const Corpus& c = corpus();
    run(state, c.ndjson_lines, total_size(c.ndjson_lines),
        [](const std::string& json) { return occkit::write_xml(occkit::read_json(json)); });
}

}  // namespace

BENCHMARK(BM_WorkBC_Convert)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WorkBC_ExportNdjsonFromXml)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WorkBC_WriteNdjson)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WorkBC_WriteJsonLd)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WorkBC_WriteXml)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WorkBC_Import)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
