// Staleness audit throughput, as `occkit stale` runs it: every page of ../shared/corpus converted on the fly and
// audited; the same profiles read back from pre-converted canonical XML and audited; and the audit alone on
// profiles already in memory, so the three show where the time goes. The as-of date is fixed (2026-11-22).
//   build/bench/occkit_stale_bench [--benchmark_filter=...]
// Pages: every .html and .txt below ../shared/corpus when ../shared is present, otherwise the project's samples.
// items/s = profiles/s.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "occkit/convert.hpp"
#include "occkit/stale.hpp"
#include "occkit/xml.hpp"

namespace fs = std::filesystem;

namespace {

const occkit::CalendarDate as_of{2026, 11, 22, 0, occkit::DatePrecision::day};

const std::vector<std::string>& corpus_pages() {
    static const auto pages = [] {
        auto p = occkit::bench::load_files(fs::path(OCCKIT_SHARED_DIR) / "corpus", {".html", ".txt"});
        return p.empty() ? occkit::bench::load_files(fs::path(OCCKIT_SOURCE_DIR) / "samples", {".html", ".txt"}) : p;
    }();
    return pages;
}

// The pages converted once, as the canonical XML `occkit convert` would have written.
const std::vector<std::string>& corpus_xml() {
    static const auto documents = [] {
        std::vector<std::string> xml;
        for (const auto& page : corpus_pages()) xml.push_back(occkit::write_xml(occkit::convert(page).profile));
        return xml;
    }();
    return documents;
}

const std::vector<occkit::Profile>& corpus_profiles() {
    static const auto profiles = [] {
        std::vector<occkit::Profile> out;
        for (const auto& xml : corpus_xml()) out.push_back(occkit::read_xml(xml));
        return out;
    }();
    return profiles;
}

template <typename Item, typename Audit>
void run_items(benchmark::State& state, const std::vector<Item>& items, Audit audit_one) {
    const occkit::StalePolicy policy;
    std::size_t findings = 0;
    for (auto _ : state) {
        findings = 0;
        for (const auto& item : items) findings += audit_one(item, policy).findings.size();
        benchmark::DoNotOptimize(findings);
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * items.size()));
    state.counters["profiles"] = static_cast<double>(items.size());
    state.counters["findings"] = static_cast<double>(findings);
}

void BM_Stale_CorpusPages_ConvertAndAudit(benchmark::State& state) {
    run_items(state, corpus_pages(), [](const std::string& page, const occkit::StalePolicy& policy) {
        return occkit::audit_staleness(occkit::convert(page).profile, "page", as_of, policy);
    });
}

void BM_Stale_CanonicalXml_ReadAndAudit(benchmark::State& state) {
    run_items(state, corpus_xml(), [](const std::string& xml, const occkit::StalePolicy& policy) {
        return occkit::audit_staleness(occkit::read_xml(xml), "page.xml", as_of, policy);
    });
}

void BM_Stale_Profiles_AuditOnly(benchmark::State& state) {
    run_items(state, corpus_profiles(), [](const occkit::Profile& profile, const occkit::StalePolicy& policy) {
        return occkit::audit_staleness(profile, "page.xml", as_of, policy);
    });
}

}  // namespace

BENCHMARK(BM_Stale_CorpusPages_ConvertAndAudit)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Stale_CanonicalXml_ReadAndAudit)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Stale_Profiles_AuditOnly)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
