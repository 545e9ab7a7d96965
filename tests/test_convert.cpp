// End-to-end conversion: golden samples, HTML/text equivalence, determinism, and every real page in ../shared.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>

#include "occkit/convert.hpp"
#include "occkit/error.hpp"
#include "occkit/xml.hpp"
#include "testing.hpp"

namespace fs = std::filesystem;
using namespace occkit;
using occkit::testing::files_below;
using occkit::testing::read_file;
using occkit::testing::source_dir;
using occkit::testing::xsd_problems;

namespace {

using occkit::testing::sample_pages;

fs::path golden_for(const fs::path& page) {
    return page.parent_path() / "expected" / (page.filename().string() + ".xml");
}

// The profile without what legitimately differs between an HTML page and its text rendering: the <source>
// provenance and the line numbers.
std::string without_provenance(const std::string& xml) {
    static const std::regex source(R"(\n\s*<source [^>]*/>)");
    static const std::regex line(R"( line="\d+")");
    return std::regex_replace(std::regex_replace(xml, source, ""), line, "");
}

std::string convert_file(const fs::path& p, const ConvertOptions& options = {}) {
    return write_xml(convert(read_file(p), options).profile);
}

}  // namespace

TEST(Samples, EachLayoutHasHtmlAndTextSamples) {
    std::set<std::string> layouts_with_html, layouts_with_text;
    for (const auto& p : sample_pages())
        (p.extension() == ".html" ? layouts_with_html : layouts_with_text).insert(p.parent_path().filename());
    for (const auto& layout : LayoutSet::builtin().layouts()) {
        EXPECT_TRUE(layouts_with_html.count(layout.id())) << "no HTML sample for layout " << layout.id();
        EXPECT_TRUE(layouts_with_text.count(layout.id())) << "no text sample for layout " << layout.id();
    }
}

TEST(Samples, DetectedAsTheirLayoutAndMatchGoldenXml) {
    const bool update = std::getenv("OCCKIT_UPDATE_GOLDEN") != nullptr;
    auto pages = sample_pages();
    ASSERT_FALSE(pages.empty());
    for (const auto& page : pages) {
        SCOPED_TRACE(page.string());
        Conversion c = convert(read_file(page));
        std::string expected_layout = page.parent_path().filename();
        EXPECT_EQ(c.detection.layout, expected_layout);
        std::string xml = write_xml(c.profile);
        EXPECT_EQ(xsd_problems(xml), "");
        fs::path golden = golden_for(page);
        if (update) {
            fs::create_directories(golden.parent_path());
            std::ofstream(golden, std::ios::binary) << xml;
            continue;
        }
        ASSERT_TRUE(fs::exists(golden)) << "missing golden file " << golden;
        EXPECT_EQ(xml, read_file(golden));
    }
}

TEST(Samples, HtmlAndTextRenderingGiveTheSameProfile) {
    int pairs = 0;
    for (const auto& page : sample_pages()) {
        if (page.extension() != ".html") continue;
        fs::path text = fs::path(page).replace_extension(".txt");
        if (!fs::exists(text)) continue;
        SCOPED_TRACE(page.string());
        ++pairs;
        EXPECT_EQ(without_provenance(convert_file(page)), without_provenance(convert_file(text)));
    }
    EXPECT_GE(pairs, 4);
}

TEST(Samples, NothingUnmapped) {
    for (const auto& page : sample_pages()) {
        SCOPED_TRACE(page.string());
        Conversion c = convert(read_file(page));
        EXPECT_TRUE(c.profile.unmapped.empty());
        EXPECT_TRUE(c.profile.title.has_value());
        EXPECT_FALSE(c.profile.sections.empty());
    }
}

TEST(Convert, SameInputGivesByteIdenticalOutput) {
    for (const auto& page : sample_pages()) {
        EXPECT_EQ(convert_file(page), convert_file(page)) << page;
    }
}

TEST(Convert, TakingThePageOverGivesTheSameConversion) {
    for (const auto& page : sample_pages()) {
        std::string bytes = read_file(page);
        const std::string expected = write_xml(convert(bytes).profile);
        EXPECT_EQ(write_xml(convert_taking(std::move(bytes)).profile), expected) << page;
    }
}

TEST(Convert, ProvenanceIsRecorded) {
    const std::string page = "Sample Occupation\n\nDuties\n\nSample workers do sample things.\n";
    ConvertOptions options;
    options.url = "https://example.org/careers/sample";
    Conversion c = convert(page, options);
    EXPECT_EQ(c.profile.source.layout, "generic");
    EXPECT_EQ(c.profile.source.format, "text");
    EXPECT_EQ(c.profile.source.url, "https://example.org/careers/sample");
    EXPECT_EQ(c.profile.source.charset, "UTF-8");
    EXPECT_EQ(c.profile.source.sha256, sha256_hex(page));
    ASSERT_TRUE(c.profile.title);
    EXPECT_EQ(c.profile.title->text, "Sample Occupation");
    EXPECT_EQ(c.profile.title->line, 1);
    ASSERT_EQ(c.profile.sections.size(), 1u);
    EXPECT_EQ(c.profile.sections[0].kind, "duties");
    EXPECT_EQ(c.profile.sections[0].line, 3);
    ASSERT_EQ(c.notes.size(), 1u);
    EXPECT_EQ(c.notes[0], "no layout matched; used the generic layout");
}

TEST(Convert, GenericTitlePassesOverSiteFurniture) {
    auto title_of = [](const std::string& page) {
        Conversion c = convert(page, {});
        EXPECT_EQ(c.profile.source.layout, "generic");
        return c.profile.title ? c.profile.title->text : std::string("(none)");
    };
    const std::string description = "Glassblowers shape molten glass into vessels, lenses and art by hand.\n";
    EXPECT_EQ(title_of("Where is Glassland?\nCall 1-800-555-0100\nGuest Account Sign In Sign Up\nAlert\n"
                       "Glassblower\n" +
                       description),
              "Glassblower");
    EXPECT_EQ(title_of("Trades MenuTrades Menu\n" + description), "(none)");
    EXPECT_EQ(title_of("Edmonton 780-422-4266\n" + description), "(none)");
    EXPECT_EQ(title_of("Glassblower 2.0\n" + description), "Glassblower 2.0");  // digits alone are no phone
}

TEST(Convert, UnknownLayoutIsAClearError) {
    ConvertOptions options;
    options.layout = "no-such-layout";
    try {
        convert("Title\n", options);
        FAIL() << "expected an error";
    } catch (const occkit::Error& e) {
        EXPECT_NE(std::string(e.what()).find("unknown layout 'no-such-layout'"), std::string::npos) << e.what();
    }
}

TEST(Convert, ExplainAccountsForEveryBlock) {
    for (const auto& page : sample_pages()) {
        SCOPED_TRACE(page.string());
        auto bytes = read_file(page);
        Conversion c = convert(bytes);
        Document doc = read_blocks(decode(bytes));
        EXPECT_EQ(c.placements.size(), doc.blocks.size());
    }
}

TEST(RealPages, SeedsConvertAndValidate) {
    OCCKIT_REQUIRE_SHARED(shared);
    auto seeds = files_below(shared / "seeds", {".txt"});
    ASSERT_EQ(seeds.size(), 2u);
    for (const auto& page : seeds) {
        SCOPED_TRACE(page.string());
        std::string xml = convert_file(page);
        EXPECT_EQ(xsd_problems(xml), "");
    }
}

TEST(RealPages, EveryCorpusPageConvertsAndValidates) {
    OCCKIT_REQUIRE_SHARED(shared);
    auto pages = files_below(shared / "corpus", {".txt", ".html"});
    ASSERT_GT(pages.size(), 500u);
    int failures = 0;
    for (const auto& page : pages) {
        try {
            std::string problems = xsd_problems(convert_file(page));
            if (!problems.empty()) {
                ++failures;
                ADD_FAILURE() << page << ": " << problems;
            }
        } catch (const std::exception& e) {
            ++failures;
            ADD_FAILURE() << page << ": " << e.what();
        }
    }
    EXPECT_EQ(failures, 0);
}
