// Helpers shared by the test files: project paths, the ../shared corpus, XSD checks and running the CLI.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace occkit::testing {

std::filesystem::path source_dir();                 // the project checkout
std::optional<std::filesystem::path> shared_dir();  // ../shared when it exists
std::string read_file(const std::filesystem::path& p);

// Skip the current test (GTEST_SKIP) unless ../shared exists; use as: OCCKIT_REQUIRE_SHARED(dir);
#define OCCKIT_REQUIRE_SHARED(var)                                         \
    auto var##_opt = ::occkit::testing::shared_dir();                      \
    if (!var##_opt) GTEST_SKIP() << "../shared is not beside the project"; \
    const std::filesystem::path var = *var##_opt

// Empty when the XML validates against schemas/occupation.xsd; otherwise the first problems, one per line.
std::string xsd_problems(const std::string& xml);

struct CliResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};
// Run the built occkit program with arguments (no shell), optional stdin text.
CliResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text = {});

// Every regular file below `dir` with one of the extensions, sorted.
std::vector<std::filesystem::path> files_below(const std::filesystem::path& dir, const std::vector<std::string>& exts);

// A fresh empty directory under the build tree for one test.
std::filesystem::path scratch_dir(const std::string& name);

// Write `text` to `path` (binary, creating its directories).
void write_text(const std::filesystem::path& path, const std::string& text);

// The lines of `text`, without their newlines.
std::vector<std::string> lines_of(const std::string& text);

inline bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// Every sample page (samples/*/*.html and .txt), sorted.
std::vector<std::filesystem::path> sample_pages();

// Built with AddressSanitizer (GCC says so by a macro, clang by a feature): its shadow memory and quarantine
// multiply memory and time, so bounds on them hold for ordinary builds only.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool sanitized_build = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool sanitized_build = true;
#else
inline constexpr bool sanitized_build = false;
#endif
#else
inline constexpr bool sanitized_build = false;
#endif

}  // namespace occkit::testing
