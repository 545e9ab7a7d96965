// The same profile from a page's HTML and from its text rendering by w3m, lynx (with and without its link list),
// html2text and pandoc: every sample page, and the WorkBC pages in ../shared (a rate per renderer and snapshot, held
// to a committed floor). Renderings are cached in the build tree by the page's checksum, so only the first run pays
// for them. A renderer that is not installed skips its tests with a message (scripts/setup installs them all).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <optional>
#include <regex>
#include <sstream>
#include <tuple>

#include "occkit/convert.hpp"
#include "occkit/decode.hpp"
#include "occkit/xml.hpp"
#include "testing.hpp"

namespace fs = std::filesystem;
using namespace occkit;
using occkit::testing::read_file;

namespace {

struct Renderer {
    std::string name;  // also the cache folder
    std::string program;
    std::vector<std::string> args;    // before the page's path
    std::size_t samples_floor = 0;    // committed lowest number of samples giving the HTML profile
    double workbc_floor = 0;          // committed lowest equivalence rate on the WorkBC pages (each snapshot)
    double workbc_lossy_floor = 0;    // the same, up to what the renderer cannot carry (lossy_form)
    bool keeps_inline_spaces = true;  // html2text drops the space at an inline element's end ("or <em>an</em>")
};

void PrintTo(const Renderer& r, std::ostream* os) { *os << r.name; }

const std::vector<Renderer>& renderers() {
    // Floors: what this change measured (samples: pages of 19; WorkBC: the lower of the two snapshots, exactly and up
    // to what the renderer loses).
    static const std::vector<Renderer> all = {
        {"w3m", "w3m", {"-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"}, 12, 0.98, 1.0},
        {"lynx-nolist",
         "lynx",
         {"-dump", "-nolist", "-force_html", "-assume_charset=utf-8", "-display_charset=utf-8"},
         13,
         0.90,
         1.0},
        {"lynx", "lynx", {"-dump", "-force_html", "-assume_charset=utf-8", "-display_charset=utf-8"}, 13, 0.90, 1.0},
        {"html2text", "html2text", {"-utf8"}, 10, 0.80, 1.0, false},
        {"pandoc", "pandoc", {"-f", "html", "-t", "plain"}, 14, 0.90, 1.0},
    };
    return all;
}

bool on_path(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::stringstream dirs(path ? path : "");
    for (std::string dir; std::getline(dirs, dir, ':');)
        if (!dir.empty() && access((fs::path(dir) / program).c_str(), X_OK) == 0) return true;
    return false;
}

// 'text' for a POSIX shell.
std::string shell_quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// The page rendered as text, from the cache when it was rendered before; nullopt when the renderer failed.
std::optional<std::string> rendering(const Renderer& r, const fs::path& page) {
    const std::string html = read_file(page);
    fs::path cached = fs::path(OCCKIT_BINARY_DIR) / "render-cache" / r.name / (sha256_hex(html) + ".txt");
    if (fs::exists(cached)) return read_file(cached);
    fs::path temporary = cached;
    temporary += "." + std::to_string(getpid());  // tests run in parallel: write aside, then rename into place
    fs::create_directories(cached.parent_path());
    std::string command = "LANG=C.UTF-8 LC_ALL=C.UTF-8 " + r.program;
    for (const auto& arg : r.args) command += " " + arg;
    command += " " + shell_quoted(page.string()) + " > " + shell_quoted(temporary.string()) + " 2>/dev/null";
    if (std::system(command.c_str()) != 0) {
        fs::remove(temporary);
        return std::nullopt;
    }
    fs::rename(temporary, cached);
    return read_file(cached);
}

// The profile without what legitimately differs between a page and its rendering: provenance and line numbers.
std::string profile_of(std::string_view bytes) {
    static const std::regex source(R"(\n\s*<source [^>]*/>)");
    static const std::regex line(R"( line="\d+")");
    std::string xml = write_xml(convert(bytes).profile);
    return std::regex_replace(std::regex_replace(xml, source, ""), line, "");
}

// A profile without what no text rendering carries, so that the text's profile can equal the page's up to it:
// - where a section's paragraphs divide. A <br> is a line break in every renderer, as is the end of a <div>;
//   lynx, pandoc and html2text write <br><br> (which the HTML reader reads as a paragraph break) as one line
//   break too, and html2text every </p><p>: a break where the next word would have fitted is kept, one at a
//   full line cannot be told from a wrap. Consecutive paragraphs are compared as one.
// - with html2text, the spaces between words: it drops the space at the end of an inline element ("maintenance
//   <em>or </em>an" gives "maintenance oran"), which no rule can put back without a dictionary.
std::string lossy_form(const std::string& profile, bool keeps_inline_spaces) {
    static const std::regex paragraph(R"(^\s*<p>(.*)</p>$)");
    std::string out, run;  // run: the text of the consecutive paragraphs read so far
    auto flush = [&] {
        if (!run.empty()) out += "<p>" + run + "</p>\n";
        run.clear();
    };
    for (const auto& line : occkit::testing::lines_of(profile)) {
        std::smatch m;
        if (std::regex_match(line, m, paragraph)) {
            run += (run.empty() ? "" : " ") + m[1].str();
            continue;
        }
        flush();
        out += line + "\n";
    }
    flush();
    if (!keeps_inline_spaces) out.erase(std::remove(out.begin(), out.end(), ' '), out.end());
    return out;
}

// The first line where two profiles differ, for the failure message.
std::string first_difference(const std::string& html, const std::string& text) {
    auto a = occkit::testing::lines_of(html), b = occkit::testing::lines_of(text);
    for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
        std::string x = i < a.size() ? a[i] : "(end)", y = i < b.size() ? b[i] : "(end)";
        if (x != y) return "html: " + x + "\n  text: " + y;
    }
    return "";
}

class Rendered : public ::testing::TestWithParam<Renderer> {
protected:
    void SetUp() override {
        if (!on_path(GetParam().program)) GTEST_SKIP() << GetParam().program << " is not installed (scripts/setup)";
    }
};

std::string renderer_name(const ::testing::TestParamInfo<Renderer>& info) {
    std::string name = info.param.name;
    std::replace(name.begin(), name.end(), '-', '_');
    return name;
}

struct Equivalence {
    std::size_t equal = 0;  // pages whose text gives the HTML page's profile
    std::size_t lossy = 0;  // pages whose text gives it up to what the renderer cannot carry (lossy_form)
};

double rate_of(std::size_t n, std::size_t pages) {
    return pages == 0 ? 0 : static_cast<double>(n) / static_cast<double>(pages);
}

// How many of the pages give the HTML page's profile through the renderer, exactly and up to what it loses; prints
// the rates and the first differences (the report of issue 13).
Equivalence equal_profiles(const Renderer& renderer, const std::vector<fs::path>& pages, const std::string& what) {
    Equivalence count;
    std::size_t shown = 0;
    std::ostringstream differing;
    for (const auto& page : pages) {
        auto text = rendering(renderer, page);
        std::string html_profile = profile_of(read_file(page));
        std::string text_profile = text ? profile_of(*text) : std::string("(renderer failed)");
        if (html_profile == text_profile) ++count.equal;
        bool lossy_equal = lossy_form(html_profile, renderer.keeps_inline_spaces) ==
                           lossy_form(text_profile, renderer.keeps_inline_spaces);
        if (lossy_equal) ++count.lossy;
        if (!lossy_equal && ++shown <= 5)
            differing << "  " << page.filename().string() << "\n  " << first_difference(html_profile, text_profile)
                      << "\n";
    }
    std::cout << renderer.name << " " << what << ": " << count.equal << "/" << pages.size()
              << " pages give the HTML profile (" << std::fixed << std::setprecision(1)
              << 100 * rate_of(count.equal, pages.size()) << "%), " << count.lossy << " up to what the renderer loses ("
              << 100 * rate_of(count.lossy, pages.size()) << "%)\n"
              << differing.str();
    return count;
}

TEST_P(Rendered, SamplesGiveTheHtmlProfile) {
    std::vector<fs::path> pages;
    for (const auto& page : occkit::testing::sample_pages())
        if (page.extension() == ".html") pages.push_back(page);
    ASSERT_GE(pages.size(), 19u);
    Equivalence count = equal_profiles(GetParam(), pages, "samples");
    EXPECT_GE(count.equal, GetParam().samples_floor) << GetParam().name << " fell below its committed floor";
}

INSTANTIATE_TEST_SUITE_P(Renderers, Rendered, ::testing::ValuesIn(renderers()), renderer_name);

// The WorkBC pages of one snapshot in ../shared through one renderer: prints the equivalence rate (the report of
// issue 13) and the first pages that differ, and holds the rate to the renderer's floor.
class RenderedWorkbc : public ::testing::TestWithParam<std::tuple<Renderer, std::string>> {};

TEST_P(RenderedWorkbc, RateOfPagesGivingTheHtmlProfile) {
    OCCKIT_REQUIRE_SHARED(shared);
    const auto& [renderer, snapshot] = GetParam();
    if (!on_path(renderer.program)) GTEST_SKIP() << renderer.program << " is not installed (scripts/setup)";
    auto pages = occkit::testing::files_below(shared / "corpus" / "workbc" / snapshot, {".html"});
    if (pages.empty()) GTEST_SKIP() << "no WorkBC pages in ../shared/corpus/workbc/" << snapshot;
    Equivalence count = equal_profiles(renderer, pages, "WorkBC " + snapshot);
    double rate = rate_of(count.equal, pages.size()), lossy_rate = rate_of(count.lossy, pages.size());
    RecordProperty("equivalence_rate", std::to_string(rate));
    RecordProperty("lossy_equivalence_rate", std::to_string(lossy_rate));
    EXPECT_GE(rate, renderer.workbc_floor) << renderer.name << " fell below its committed floor";
    EXPECT_GE(lossy_rate, renderer.workbc_lossy_floor)
        << renderer.name << " fell below its committed floor up to what it loses";
}

std::string renderer_and_snapshot(const ::testing::TestParamInfo<std::tuple<Renderer, std::string>>& info) {
    std::string name = std::get<0>(info.param).name + "_" + std::get<1>(info.param);
    std::replace_if(
        name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    return name;
}

INSTANTIATE_TEST_SUITE_P(Renderers, RenderedWorkbc,
                         ::testing::Combine(::testing::ValuesIn(renderers()),
                                            ::testing::Values("2022-10-17", "2022-11-22")),
                         renderer_and_snapshot);

}  // namespace
