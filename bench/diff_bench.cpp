// Profile diff speed.
//   build/bench/occkit_diff_bench [--benchmark_filter=...]
// WorkBC: every page of ../shared/corpus/workbc/2022-11-22 against the same page of 2022-10-17 (an empty profile
// when the page is new): the diff alone on converted profiles, from canonical XML (read_xml both + diff), and end to
// end from the HTML (convert both + diff). Skipped when ../shared is absent.
// Synthetic: a profile of about 1 MB of canonical XML (19 sections of ~100-byte list items) against a copy with 5%
// of its items edited: words replaced (60%), items removed (15%), added (15%) and moved (10%); and the same at
// 10 MB (10 times the items per section), for the "1 MB under 100 ms, 10 MB under 1 s".
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "occkit/convert.hpp"
#include "occkit/diff.hpp"
#include "occkit/xml.hpp"

namespace fs = std::filesystem;

namespace {

using occkit::bench::read_bytes;

struct PagePair {
    std::string old_html;  // empty: the page is new in the later snapshot
    std::string new_html;
};

const std::vector<PagePair>& workbc_pairs() {
    static const auto pairs = [] {
        std::vector<PagePair> out;
        const fs::path root = fs::path(OCCKIT_SHARED_DIR) / "corpus/workbc";
        if (!fs::is_directory(root / "2022-11-22")) return out;
        std::vector<fs::path> pages;
        for (const auto& e : fs::directory_iterator(root / "2022-11-22"))
            if (e.path().extension() == ".html") pages.push_back(e.path());
        std::sort(pages.begin(), pages.end());
        for (const auto& p : pages) {
            fs::path old_page = root / "2022-10-17" / p.filename();
            out.push_back({fs::exists(old_page) ? read_bytes(old_page) : std::string(), read_bytes(p)});
        }
        return out;
    }();
    return pairs;
}

occkit::Profile convert_or_empty(const std::string& html) {
    return html.empty() ? occkit::Profile{} : occkit::convert(html).profile;
}

struct ProfilePair {
    occkit::Profile old_profile;
    occkit::Profile new_profile;
};

const std::vector<ProfilePair>& workbc_profiles() {
    static const auto profiles = [] {
        std::vector<ProfilePair> out;
        for (const auto& pair : workbc_pairs())
            out.push_back({convert_or_empty(pair.old_html), convert_or_empty(pair.new_html)});
        return out;
    }();
    return profiles;
}

struct XmlPair {
    std::string old_xml;
    std::string new_xml;
};

const std::vector<XmlPair>& workbc_xml() {
    static const auto xml = [] {
        std::vector<XmlPair> out;
        for (const auto& pair : workbc_profiles())
            out.push_back({occkit::write_xml(pair.old_profile), occkit::write_xml(pair.new_profile)});
        return out;
    }();
    return xml;
}

bool skip_without_corpus(benchmark::State& state) {
    if (!workbc_pairs().empty()) return false;
    state.SkipWithError("../shared/corpus/workbc is not beside the project");
    return true;
}

void per_pair_counters(benchmark::State& state, std::size_t pairs) {
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pairs));
    state.counters["pairs"] = static_cast<double>(pairs);
}

void BM_WorkBC_AllPairs_DiffOnly(benchmark::State& state) {
    if (skip_without_corpus(state)) return;
    const auto& pairs = workbc_profiles();
    for (auto _ : state)
        for (const auto& p : pairs) benchmark::DoNotOptimize(occkit::diff_profiles(p.old_profile, p.new_profile));
    per_pair_counters(state, pairs.size());
}

void BM_WorkBC_AllPairs_FromXml(benchmark::State& state) {
    if (skip_without_corpus(state)) return;
    const auto& pairs = workbc_xml();
    for (auto _ : state)
        for (const auto& p : pairs)
            benchmark::DoNotOptimize(
                occkit::diff_profiles(occkit::read_profile(p.old_xml), occkit::read_profile(p.new_xml)));
    per_pair_counters(state, pairs.size());
}

void BM_WorkBC_AllPairs_FromHtml(benchmark::State& state) {
    if (skip_without_corpus(state)) return;
    const auto& pairs = workbc_pairs();
    for (auto _ : state)
        for (const auto& p : pairs)
            benchmark::DoNotOptimize(occkit::diff_profiles(convert_or_empty(p.old_html), convert_or_empty(p.new_html)));
    per_pair_counters(state, pairs.size());
}

// ---- Synthetic 1 MB pair ----------------------------------------------------------------------------------------

class SyntheticText {
public:
    explicit SyntheticText(unsigned seed) : random_(seed) {
        const char* syllables[] = {"ka", "lo", "mi", "ter", "van", "os", "ri", "pel", "du", "shen", "ar", "tum"};
        for (int w = 0; w < 3000; ++w) {
            std::string word;
            for (int s = 0, n = 1 + w % 3; s <= n; ++s) word += syllables[(w * 7 + s * 5 + w / 12) % 12];
            vocabulary_.push_back(word);
        }
    }
    std::string word() { return vocabulary_[random_() % vocabulary_.size()]; }
    std::string sentence(std::size_t bytes) {
        std::string s;
        while (s.size() < bytes) s += (s.empty() ? "" : " ") + word();
        return s + ".";
    }
    std::mt19937& random() { return random_; }

private:
    std::mt19937 random_;
    std::vector<std::string> vocabulary_;
};

occkit::Profile synthetic_profile(SyntheticText& text, int items_per_section) {
    occkit::Profile p;
    p.title = occkit::Line{"Synthetic Occupation", 1};
    int line = 2;
    for (const auto& kind : occkit::section_kinds()) {
        occkit::Section s;
        s.kind = kind;
        s.heading = "Heading " + kind;
        s.line = line++;
        occkit::Content intro;
        intro.paragraph = {text.sentence(400), line++};
        s.content.push_back(intro);
        occkit::Content items;
        items.kind = occkit::Content::Kind::list;
        for (int k = 0; k < items_per_section; ++k) items.items.push_back({text.sentence(90), 1, line++});
        s.content.push_back(items);
        p.sections.push_back(std::move(s));
    }
    return p;
}

// Edits 5% of the items: the same seed always gives the same pair.
occkit::Profile edited_copy(const occkit::Profile& original, SyntheticText& text) {
    occkit::Profile p = original;
    auto& random = text.random();
    for (auto& s : p.sections) {
        auto& items = s.content[1].items;
        const std::size_t edits = items.size() / 20;
        for (std::size_t e = 0; e < edits; ++e) {
            std::size_t at = random() % items.size();
            unsigned what = random() % 100;
            if (what < 60) {
                std::string& t = items[at].text;
                std::size_t space = t.find(' ', random() % t.size());
                if (space != std::string::npos) t.insert(space, " " + text.word());
            } else if (what < 75) {
                items.erase(items.begin() + static_cast<std::ptrdiff_t>(at));
            } else if (what < 90) {
                items.insert(items.begin() + static_cast<std::ptrdiff_t>(at), {text.sentence(90), 1, 0});
            } else {
                auto moved = items[at];
                items.erase(items.begin() + static_cast<std::ptrdiff_t>(at));
                items.insert(items.begin() + static_cast<std::ptrdiff_t>(random() % items.size()), moved);
            }
        }
    }
    return p;
}

std::pair<occkit::Profile, occkit::Profile> make_synthetic_pair(int items_per_section) {
    SyntheticText text(20240331);
    occkit::Profile original = synthetic_profile(text, items_per_section);
    occkit::Profile edited = edited_copy(original, text);
    return std::pair{std::move(original), std::move(edited)};
}

const std::pair<occkit::Profile, occkit::Profile>& synthetic_pair() {
    static const auto pair = make_synthetic_pair(450);
    return pair;
}

const std::pair<occkit::Profile, occkit::Profile>& synthetic_pair_10mb() {
    static const auto pair = make_synthetic_pair(4500);
    return pair;
}

void BM_Synthetic1MB_DiffOnly(benchmark::State& state) {
    const auto& [a, b] = synthetic_pair();
    for (auto _ : state) benchmark::DoNotOptimize(occkit::diff_profiles(a, b));
    occkit::ProfileDiff d = occkit::diff_profiles(a, b);
    occkit::ChangeStat total = d.profile_stat();
    for (const auto& s : d.sections) total += s.stat();
    state.counters["xml_bytes"] = static_cast<double>(occkit::write_xml(a).size());
    state.counters["added"] = total.added;
    state.counters["removed"] = total.removed;
    state.counters["changed"] = total.changed;
    state.counters["moved"] = total.moved;
}

void BM_Synthetic1MB_FromXml(benchmark::State& state) {
    const auto& [a, b] = synthetic_pair();
    const std::string xml_a = occkit::write_xml(a), xml_b = occkit::write_xml(b);
    for (auto _ : state)
        benchmark::DoNotOptimize(occkit::diff_profiles(occkit::read_profile(xml_a), occkit::read_profile(xml_b)));
    state.counters["xml_bytes"] = static_cast<double>(xml_a.size());
}

void BM_Synthetic10MB_DiffOnly(benchmark::State& state) {
    const auto& [a, b] = synthetic_pair_10mb();
    for (auto _ : state) benchmark::DoNotOptimize(occkit::diff_profiles(a, b));
    state.counters["xml_bytes"] = static_cast<double>(occkit::write_xml(a).size());
}

void BM_Synthetic10MB_FromXml(benchmark::State& state) {
    const auto& [a, b] = synthetic_pair_10mb();
    const std::string xml_a = occkit::write_xml(a), xml_b = occkit::write_xml(b);
    for (auto _ : state)
        benchmark::DoNotOptimize(occkit::diff_profiles(occkit::read_profile(xml_a), occkit::read_profile(xml_b)));
    state.counters["xml_bytes"] = static_cast<double>(xml_a.size());
}

}  // namespace

BENCHMARK(BM_WorkBC_AllPairs_DiffOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WorkBC_AllPairs_FromXml)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WorkBC_AllPairs_FromHtml)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Synthetic1MB_DiffOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Synthetic1MB_FromXml)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Synthetic10MB_DiffOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Synthetic10MB_FromXml)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
