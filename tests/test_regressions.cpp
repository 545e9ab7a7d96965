// Replays every input a fuzzer once failed on (tests/regressions/<target>/*) through the same entry function the
// fuzzer runs (fuzz/targets.hpp), so a fixed crash, hang or broken invariant stays fixed in every build, and under
// ASan+UBSan in the sanitizer build. Each target also gets its seed-like samples, so an entry function that breaks
// on ordinary input is caught even before it has any regression file, and the minimised corpus kept in fuzz/corpus.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "../fuzz/targets.hpp"
#include "testing.hpp"

namespace {

namespace fs = std::filesystem;
using occkit::testing::read_file;
using occkit::testing::source_dir;

// One input may take this long at most: the fuzzers treat 10 s as a hang, and a regression input is small.
constexpr auto time_per_input = std::chrono::seconds(10);

// The files of a directory (sorted; none when it does not exist), its README.md aside.
std::vector<fs::path> inputs_in(const fs::path& dir) {
    std::vector<fs::path> inputs;
    if (!fs::is_directory(dir)) return inputs;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().filename() != "README.md") inputs.push_back(entry.path());
    std::sort(inputs.begin(), inputs.end());
    return inputs;
}

std::vector<fs::path> regression_inputs(std::string_view target) {
    return inputs_in(source_dir() / "tests" / "regressions" / std::string(target));
}

// The minimised corpus kept for the target (fuzz/corpus/<target>, see fuzz/run --update-corpus).
std::vector<fs::path> corpus_inputs(std::string_view target) {
    return inputs_in(source_dir() / "fuzz" / "corpus" / std::string(target));
}

// Ordinary inputs for each target, from the project's own samples and layouts.
std::vector<fs::path> sample_inputs(std::string_view target) {
    using occkit::testing::files_below;
    if (target == "html") return files_below(source_dir() / "samples", {".html"});
    if (target == "text" || target == "dates" || target == "wages")
        return files_below(source_dir() / "samples", {".txt"});
    if (target == "xml" || target == "verdict" || target == "diff")
        return files_below(source_dir() / "samples", {".xml"});
    if (target == "layout") return files_below(source_dir() / "lib" / "layouts", {".xml"});
    if (target == "warc") return files_below(source_dir() / "samples", {".html"});  // not archives: refused cleanly
    return {};
}

void replay(const occkit::fuzz::Target& target, const fs::path& input) {
    SCOPED_TRACE(input.string());
    std::string bytes = read_file(input);
    auto start = std::chrono::steady_clock::now();
    try {
        target.run(bytes);
    } catch (const std::exception& e) {
        ADD_FAILURE() << "target " << target.name << " failed: " << e.what();
    }
    EXPECT_LT(std::chrono::steady_clock::now() - start, time_per_input) << "target " << target.name << " is too slow";
}

// Every directory below `root` is named after a target (a misspelt one would never be replayed).
void expect_directories_name_targets(const fs::path& root, std::string_view shown_as) {
    for (const auto& entry : fs::directory_iterator(root)) {
        if (!entry.is_directory()) continue;
        std::string name = entry.path().filename().string();
        bool known = false;
        for (const auto& t : occkit::fuzz::targets()) known = known || t.name == name;
        EXPECT_TRUE(known) << shown_as << name << " is not a fuzz target in fuzz/targets.hpp";
    }
}

class FuzzTarget : public ::testing::TestWithParam<occkit::fuzz::Target> {};

TEST_P(FuzzTarget, RegressionInputsPass) {
    for (const fs::path& input : regression_inputs(GetParam().name)) replay(GetParam(), input);
}

TEST_P(FuzzTarget, SampleInputsPass) {
    std::vector<fs::path> inputs = sample_inputs(GetParam().name);
    EXPECT_FALSE(inputs.empty()) << "no sample inputs for target " << GetParam().name;
    for (const fs::path& input : inputs) replay(GetParam(), input);
}

// The fuzzers' corpus passes too: each input holds the target's invariants in every build, not only under libFuzzer.
TEST_P(FuzzTarget, CorpusInputsPass) {
    for (const fs::path& input : corpus_inputs(GetParam().name)) replay(GetParam(), input);
}

// The kept corpus stays small (the repository is not a fuzzing farm) and every directory in it is a target's.
TEST(FuzzCorpus, SmallAndNamedByTargets) {
    fs::path root = source_dir() / "fuzz" / "corpus";
    if (!fs::is_directory(root)) GTEST_SKIP() << "no fuzz/corpus";
    std::uintmax_t bytes = 0;
    for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file()) bytes += entry.file_size();
    EXPECT_LT(bytes, 300u * 1024u) << "fuzz/corpus holds " << bytes << " bytes: minimise it (fuzz/run --update-corpus)";
    expect_directories_name_targets(root, "fuzz/corpus/");
}

// Every regression directory belongs to a target (a misspelt directory would otherwise never be replayed).
TEST(FuzzRegressions, EveryDirectoryNamesATarget) {
    expect_directories_name_targets(source_dir() / "tests" / "regressions", "tests/regressions/");
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzTarget, ::testing::ValuesIn(occkit::fuzz::targets()),
                         [](const ::testing::TestParamInfo<occkit::fuzz::Target>& info) {
                             return std::string(info.param.name);
                         });

}  // namespace
