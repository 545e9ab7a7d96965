// `occkit layout learn` (occkit/learn.hpp): ten pages of an invented site, written here, share chrome lines and
// section headings; the draft must validate against schemas/layout.xsd, name those headings and chrome lines, be
// the same whatever order the pages come in, and convert an eleventh page of the site better than the generic
// layout does. Also the CLI end to end, and, when ../shared is there, a draft from real WorkBC pages.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "occkit/convert.hpp"
#include "occkit/error.hpp"
#include "occkit/io.hpp"
#include "occkit/learn.hpp"
#include "occkit/xml.hpp"
#include "testing.hpp"

namespace {

using namespace occkit;

struct Job {
    std::string name, code, task, place;
};

// "Prairie Pathways Careers", an invented Saskatchewan site: a banner, a sign-in line and a menu above the title,
// the code beside the title, five headings of its own, a footer of two lines in a plain div.
const char* const kChrome[] = {
    "Prairie Pathways Careers", "Sign in to save your favourite careers", "Careers A to Z | Training | Funding",
    "Prairie Pathways Careers is a service of the Saskatchewan Career Council.", "Rate this page"};
const char* const kHeadings[] = {"The Work", "Daily Tasks", "Earnings", "Getting In", "Looking Ahead"};

std::string page_for(const Job& j, int n) {
    std::string s = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + j.name +
                    " | Prairie Pathways Careers</title></head><body>\n<div class=\"top\"><p>" + kChrome[0] +
                    "</p><p>" + kChrome[1] + "</p><p>" + kChrome[2] + "</p></div>\n";
    s += "<h1>" + j.name + " (NOC " + j.code + ")</h1>\n";
    s += "<h2>The Work</h2>\n<p>A " + j.name + " spends most days on " + j.task + " in " + j.place + ".</p>\n";
    s += "<h2>Daily Tasks</h2>\n<ul><li>Plan each " + j.task + " job with the " + j.name + " crew</li><li>Check the " +
         j.name + " tools before a shift</li></ul>\n";
    s += "<h2>Earnings</h2>\n<p>A " + j.name + " earns $" + std::to_string(20 + n) + ".00 to $" +
         std::to_string(30 + n) + ".50 an hour.</p>\n";
    s += "<h2>Getting In</h2>\n<p>Most " + j.name + " apprentices start in " + j.place + " after grade 12.</p>\n";
    s += "<h2>Looking Ahead</h2>\n<p>Demand for each " + j.name + " should grow by " + std::to_string(n) +
         " per cent.</p>\n";
    s += "<div class=\"bottom\"><p>" + std::string(kChrome[3]) + "</p><p>" + kChrome[4] + "</p></div></body></html>\n";
    return s;
}

const std::vector<Job>& jobs() {
    static const std::vector<Job> j = {
        {"Welder", "72106", "fabrication", "Regina shops"},  {"Carpenter", "72310", "framing", "Saskatoon sites"},
        {"Electrician", "72200", "wiring", "new schools"},   {"Plumber", "72300", "piping", "old houses"},
        {"Baker", "63202", "dough", "hotel kitchens"},       {"Cook", "63200", "menu", "camp kitchens"},
        {"Hairstylist", "63210", "styling", "small salons"}, {"Machinist", "72100", "milling", "machine shops"},
        {"Roofer", "73110", "shingling", "farm buildings"},  {"Painter", "73112", "coating", "office towers"},
        {"Glazier", "73200", "glazing", "glass studios"},  // the eleventh: not learned from
    };
    return j;
}

std::vector<LearnPage> training_pages() {
    std::vector<LearnPage> pages;
    for (int i = 0; i < 10; ++i)
        pages.push_back({"site/page" + std::to_string(i) + ".html", page_for(jobs()[static_cast<std::size_t>(i)], i)});
    return pages;
}

bool names(const std::vector<LearnedLine>& lines, const std::string& text, const std::string& kind = {}) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const auto& l) { return l.text == text && (kind.empty() || l.kind == kind); });
}

std::string all_text(const Profile& p) { return write_xml(p); }

// How much of the eleventh page a layout gets right: the title, the code, each chrome line kept out.
int score(const Profile& p) {
    int s = (p.title && p.title->text == "Glazier") +
            std::count_if(p.codes.begin(), p.codes.end(), [](const Code& c) { return c.value == "73200"; });
    std::string xml = all_text(p);
    for (const char* chrome : kChrome) s += xml.find(chrome) == std::string::npos;
    return s;
}

TEST(Learn, DraftValidatesAndNamesHeadingsAndChrome) {
    LayoutDraft d = learn_layout(training_pages());
    SchemaValidator layout_xsd(occkit::testing::read_file(occkit::testing::source_dir() / "schemas" / "layout.xsd"));
    auto issues = layout_xsd.validate(d.xml);
    EXPECT_TRUE(issues.empty()) << issues[0].message << "\n" << d.xml;
    EXPECT_EQ(d.pages, 10u);
    for (const char* h : kHeadings) EXPECT_TRUE(names(d.headings, h)) << h << "\n" << d.xml;
    EXPECT_TRUE(names(d.headings, "Daily Tasks", "duties"));
    EXPECT_TRUE(names(d.headings, "Earnings", "salary"));
    EXPECT_TRUE(names(d.headings, "The Work", "other"));
    for (const char* c : kChrome) EXPECT_TRUE(names(d.chrome, c)) << c << "\n" << d.xml;
    EXPECT_EQ(d.headings.size(), 5u);
    EXPECT_EQ(d.chrome.size(), 5u);
    EXPECT_EQ(d.site_name, "Prairie Pathways Careers");
    EXPECT_EQ(d.title_from, "first-line");
    EXPECT_TRUE(d.title_has_code);
    EXPECT_EQ(d.jurisdiction, "SK");
    EXPECT_EQ(d.language, "en");
    EXPECT_NE(d.xml.find("<line>Rate this page</line>"), std::string::npos);
    EXPECT_NE(d.xml.find("<heading kind=\"duties\">Daily Tasks</heading>"), std::string::npos);
    EXPECT_NE(d.xml.find("<mentions>"), std::string::npos);  // codes stated anywhere, as the generic layout reads them
}

TEST(Learn, SamePagesInAnyOrderGiveTheSameDraft) {
    auto pages = training_pages();
    std::string first = learn_layout(pages).xml;
    std::reverse(pages.begin(), pages.end());
    EXPECT_EQ(learn_layout(pages).xml, first);
}

TEST(Learn, DraftConvertsAnUnseenPageBetterThanGeneric) {
    LayoutDraft d = learn_layout(training_pages());
    LayoutSet set = LayoutSet::builtin();
    set.add_xml(d.xml, "draft.xml");
    const std::string unseen = page_for(jobs()[10], 10);
    ConvertOptions with_draft;
    with_draft.layouts = &set;
    Conversion detected = convert(unseen, with_draft);
    EXPECT_EQ(detected.profile.source.layout, "draft");  // the draft's signatures find the site's pages
    ConvertOptions generic;
    generic.layout = "generic";
    Profile g = convert(unseen, generic).profile;
    const Profile& p = detected.profile;
    ASSERT_TRUE(p.title);
    EXPECT_EQ(p.title->text, "Glazier");
    EXPECT_EQ(p.source.jurisdiction, "SK");
    EXPECT_EQ(score(p), 7) << write_xml(p);
    EXPECT_GT(score(p), score(g)) << write_xml(g);
    auto kind_of = [&](const std::string& heading) {
        for (const auto& s : p.sections)
            if (s.heading == heading) return s.kind;
        return std::string("(none)");
    };
    EXPECT_EQ(kind_of("Daily Tasks"), "duties");
    EXPECT_EQ(kind_of("Earnings"), "salary");
}

TEST(Learn, RefusesTooFewPagesAndNamesABadPage) {
    EXPECT_THROW(learn_layout({training_pages()[0]}), Error);
    auto pages = training_pages();
    pages.push_back({"site/empty.html", ""});
    try {
        learn_layout(pages);
        FAIL() << "an empty page was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("site/empty.html"), std::string::npos) << e.what();
    }
}

TEST(Learn, CliWritesTheDraftAndConvertUsesIt) {
    auto dir = occkit::testing::scratch_dir("learn_cli");
    for (const auto& p : training_pages()) occkit::testing::write_text(dir / p.name, p.bytes);
    occkit::testing::write_text(dir / "unseen.html", page_for(jobs()[10], 10));
    auto draft = dir / "draft.xml";
    auto r =
        occkit::testing::run_cli({"layout", "learn", (dir / "site").string(), "-o", draft.string(), "--id", "prairie"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("5 headings, 5 chrome lines"), std::string::npos) << r.err;
    EXPECT_NE(occkit::testing::read_file(draft).find("id=\"prairie\""), std::string::npos);
    auto c = occkit::testing::run_cli({"convert", "--layout-file", draft.string(), (dir / "unseen.html").string()});
    ASSERT_EQ(c.exit_code, 0) << c.err;
    EXPECT_NE(c.out.find("layout=\"prairie\""), std::string::npos) << c.out;
    EXPECT_EQ(c.out.find("Rate this page"), std::string::npos) << c.out;
    auto bad = occkit::testing::run_cli({"layout", "learn", (dir / "nowhere").string()});
    EXPECT_EQ(bad.exit_code, 2);
}

// Real pages: a draft from the WorkBC snapshot names the headings every profile has.
TEST(Learn, DraftsFromRealWorkBcPages) {
    OCCKIT_REQUIRE_SHARED(shared);
    auto dir = shared / "corpus" / "workbc" / "2022-10-17";
    if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << dir << " is absent";
    std::vector<LearnPage> pages;
    for (const auto& f : occkit::testing::files_below(dir, {".html"}))
        pages.push_back({f.string(), occkit::testing::read_file(f)});
    LayoutDraft d = learn_layout(pages);
    EXPECT_TRUE(names(d.headings, "Career Overview", "overview")) << d.xml;
    EXPECT_TRUE(names(d.headings, "Duties", "duties")) << d.xml;
    EXPECT_EQ(d.jurisdiction, "BC") << d.xml;
}

}  // namespace
