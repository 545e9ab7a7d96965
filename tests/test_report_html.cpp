// The HTML report (occkit/report_html.hpp): page text escaped (a title holding <script> and &), nothing fetched,
// every link's anchor present, the word diff marked with <del>/<ins>, the "content changed, date did not" flag,
// the SVG timeline, the index sorted by change; `diff`/`history --format html -o FILE` on the command line; and
// the page as a real browser renders it (Debian's chromium --headless --dump-dom; skipped when it is absent).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "occkit/archive.hpp"
#include "occkit/diff.hpp"
#include "occkit/report_html.hpp"
#include "occkit/xml.hpp"
#include "profiles.hpp"
#include "testing.hpp"

namespace {

namespace fs = std::filesystem;
using namespace occkit;
using occkit::testing::contains;
using occkit::testing::read_file;
using occkit::testing::run_cli;
using occkit::testing::scratch_dir;
using occkit::testing::write_text;

const std::string hostile_title = "<script>alert(1)</script> & Co";
const std::string escaped_title = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co";

Section section(std::string kind, std::string heading, std::vector<std::string> paragraphs, std::string revised) {
    Section s;
    s.kind = std::move(kind);
    s.heading = std::move(heading);
    for (auto& p : paragraphs) s.content.push_back(occkit::testing::paragraph(std::move(p)));
    s.dates.push_back(occkit::testing::date(DateKind::revised, DatePrecision::month, revised, "Revised " + revised));
    return s;
}

// 2010; 2012: duties gain a line and their revised date moves; 2014: the overview is reworded while its revised
// date stays (content changed, date did not).
Profile beekeeper(int year, const std::string& title = hostile_title) {
    Profile p;
    p.title = Line{title, 1};
    p.sections.push_back(
        section("overview", "Overview",
                {year < 2014 ? "Beekeepers raise honey bees." : "Beekeepers raise and breed honey bees."}, "2009-05"));
    p.sections.push_back(section("duties", "Duties",
                                 year < 2012 ? std::vector<std::string>{"Inspect hives."}
                                             : std::vector<std::string>{"Inspect hives.", "Extract honey."},
                                 year < 2012 ? "2010-01" : "2012-02"));
    return p;
}

Snapshot snapshot(int year, const std::string& title = hostile_title) {
    return Snapshot{"bee-" + std::to_string(year) + ".xml", CalendarDate{year, 6, 1, 0, DatePrecision::day}, "path",
                    beekeeper(year, title)};
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
    return n;
}

// Nothing runs and nothing is fetched: no script, no external resource of any kind.
void expect_self_contained(const std::string& html) {
    EXPECT_FALSE(contains(html, "<script")) << "a script element, or unescaped page text";
    for (const char* part : {"<link", " src=", "href=\"http", "href=\"//", "url(", "@import", "@font-face"})
        EXPECT_FALSE(contains(html, part)) << part;
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_TRUE(contains(html, "<style>"));
}

// Every in-page link leads to an element of the page.
void expect_anchors_resolve(const std::string& html) {
    std::set<std::string> ids;
    std::regex id_re("id=\"([^\"]+)\""), href_re("href=\"#([^\"]+)\"");
    for (std::sregex_iterator it(html.begin(), html.end(), id_re), end; it != end; ++it) ids.insert((*it)[1]);
    int links = 0;
    for (std::sregex_iterator it(html.begin(), html.end(), href_re), end; it != end; ++it, ++links)
        EXPECT_TRUE(ids.count((*it)[1])) << "no element with id " << (*it)[1];
    EXPECT_GT(links, 0);
}

TEST(HtmlReport, HistoryTimelineFlagsAndEscapes) {
    History h = build_history({snapshot(2014), snapshot(2010), snapshot(2012)});
    std::string html = write_history_html(h);
    expect_self_contained(html);
    expect_anchors_resolve(html);
    EXPECT_TRUE(contains(html, "<h2>" + escaped_title + "</h2>")) << html;
    EXPECT_TRUE(contains(html, "<svg class=\"chart\""));
    EXPECT_EQ(count(html, "<rect class=\"bar stale\""), 1u);  // 2014: the overview changed, its date did not
    EXPECT_EQ(count(html, "<rect class=\"bar\""), 1u);        // 2012: duties changed with their date
    EXPECT_EQ(count(html, "<circle class=\"revised\""), 2u);  // the first snapshot's date, then 2012's move
    EXPECT_TRUE(contains(html, "<tr class=\"stale\"><td class=\"num\">3</td><td class=\"date\">2014-06-01</td>"))
        << html;
    EXPECT_TRUE(contains(html, "<p class=\"flag stale\">⚑ "));
    EXPECT_TRUE(contains(html, "<div class=\"section changed stale\">"));
    // The word diff, side by side: the old side has nothing removed, the new side the added words.
    EXPECT_TRUE(contains(html,
                         "<td class=\"old\">Beekeepers raise honey bees.</td><td class=\"new\">Beekeepers "
                         "raise <ins>and breed</ins> honey bees.</td>"))
        << html;
    EXPECT_TRUE(contains(html, "<td class=\"new\"><ins>Extract honey.</ins></td>"));
    EXPECT_FALSE(contains(html, "id=\"index\""));  // one profile: no index
}

TEST(HtmlReport, DiffMarksRemovedAndAddedWords) {
    ProfileDiff d = diff_profiles(beekeeper(2010, "Beekeeper"), beekeeper(2014, "Apiarist & <b>keeper</b>"));
    std::string html = write_diff_html(d, {"old<1>.xml", "new&2.xml", false});
    expect_self_contained(html);
    EXPECT_TRUE(contains(html, "old&lt;1&gt;.xml → new&amp;2.xml"));
    EXPECT_TRUE(contains(html, "<del>Beekeeper</del>")) << html;
    EXPECT_TRUE(contains(html, "&lt;b&gt;keeper&lt;/b&gt;"));
    EXPECT_FALSE(contains(html, "<b>"));
    EXPECT_TRUE(contains(html, "<th scope=\"row\">paragraph</th>"));
    std::string same = write_diff_html(diff_profiles(beekeeper(2010), beekeeper(2010)));
    EXPECT_TRUE(contains(same, "identical"));
    EXPECT_FALSE(contains(same, "<table class=\"changes\">"));
}

KeyedSnapshot keyed(std::string key, int year, std::string title) {
    return KeyedSnapshot{std::move(key), snapshot(year, std::move(title))};
}

TEST(HtmlReport, ArchiveIndexSortedByChange) {
    std::vector<KeyedSnapshot> all;
    all.push_back(keyed("path:small.xml", 2010, "Small"));  // 2010 -> 2012: one item added
    all.push_back(keyed("path:small.xml", 2014, "Small"));
    all.back().snapshot.profile = beekeeper(2012, "Small");
    all.push_back(keyed("path:big.xml", 2010, "Big & Co"));  // 2010 -> 2014: reworded and an item added
    all.push_back(keyed("path:big.xml", 2014, "Big & Co"));
    all.push_back(keyed("path:same.xml", 2010, "Same"));
    all.push_back(keyed("path:same.xml", 2014, "Same"));
    all.back().snapshot.profile = beekeeper(2010, "Same");
    std::vector<IdentityConflict> conflicts;
    ArchiveHistory archive = build_archive_history(std::move(all), {}, conflicts);
    ASSERT_TRUE(conflicts.empty());
    std::string html = write_archive_history_html(archive);
    expect_self_contained(html);
    expect_anchors_resolve(html);
    auto index = html.find("<table id=\"index\">");
    ASSERT_NE(index, std::string::npos);
    auto big = html.find(">Big &amp; Co</a>", index), small = html.find(">Small</a>", index);
    ASSERT_NE(big, std::string::npos);
    ASSERT_NE(small, std::string::npos);
    EXPECT_LT(big, small) << "the most changed profile first";
    EXPECT_TRUE(contains(html, "<summary>1 profile unchanged</summary>"));
    EXPECT_TRUE(contains(html, "<li>path:same.xml</li>"));
    EXPECT_TRUE(contains(html, "profiles: 1 unchanged, 2 changed, 0 added, 0 removed"));
}

// Three dated folders of canonical XML: the beekeeper with the hostile title, and a profile that never changes.
fs::path snapshot_folders(const std::string& name) {
    fs::path root = scratch_dir(name);
    for (int year : {2010, 2012, 2014}) {
        fs::path dir = root / (std::to_string(year) + "-06-01");
        write_text(dir / "bee.xml", write_xml(beekeeper(year)));
        write_text(dir / "same.xml", write_xml(beekeeper(2010, "Same")));
    }
    return root;
}

TEST(HtmlReportCli, HistoryAndFolderDiffToFile) {
    fs::path root = snapshot_folders("html_report_cli");
    fs::path out = root.parent_path() / "html_report_cli.html";
    auto h = run_cli({"history", root.string(), "--format", "html", "-o", out.string()});
    EXPECT_EQ(h.exit_code, 0) << h.err;
    EXPECT_TRUE(h.out.empty());
    std::string html = read_file(out);
    expect_self_contained(html);
    expect_anchors_resolve(html);
    EXPECT_TRUE(contains(html, "<table id=\"index\">"));
    EXPECT_TRUE(contains(html, escaped_title));
    EXPECT_EQ(count(html, "<rect class=\"bar stale\""), 1u);

    auto d = run_cli({"diff", (root / "2010-06-01").string(), (root / "2014-06-01").string(), "--format", "html"});
    EXPECT_EQ(d.exit_code, 1) << d.err;  // different, as diff(1)
    EXPECT_TRUE(contains(d.out, "<del>") || contains(d.out, "<ins>and breed</ins>")) << d.out;
    EXPECT_TRUE(contains(d.out, "<a href=\"#p-1\">path:bee.xml</a>"));

    fs::path input = root / "2010-06-01" / "bee.xml";
    std::string before = read_file(input);
    auto refused = run_cli(
        {"diff", input.string(), (root / "2014-06-01" / "bee.xml").string(), "--format", "html", "-o", input.string()});
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_TRUE(contains(refused.err, "occkit: diff: ")) << refused.err;
    EXPECT_EQ(read_file(input), before);
}

bool on_path(const std::string& program) {
    return std::system(("command -v " + program + " >/dev/null 2>&1").c_str()) == 0;
}

// Standard output of a shell command; `status` its exit status.
std::string capture(const std::string& command, int& status) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return out;
    std::array<char, 65536> buffer{};
    for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) out.append(buffer.data(), n);
    status = pclose(pipe);
    return out;
}

// One chromium start for the whole suite: it is slow on a loaded machine.
TEST(HtmlReportBrowser, ChromiumRendersTheReport) {
    if (!on_path("chromium")) GTEST_SKIP() << "chromium is not installed (scripts/setup installs it)";
    fs::path root = snapshot_folders("html_report_browser");
    fs::path report = root.parent_path() / "html_report_browser.html";
    ASSERT_EQ(run_cli({"history", root.string(), "--format", "html", "-o", report.string()}).exit_code, 0);
    fs::path profile_dir = scratch_dir("html_report_browser_profile");
    int status = -1;
    std::string dom = capture(
        "timeout 240 chromium --headless --no-sandbox --disable-gpu --disable-quic "
        "--no-first-run --disable-background-networking --disable-component-update "
        "--disable-sync --user-data-dir='" +
            profile_dir.string() + "' --dump-dom 'file://" + fs::absolute(report).string() + "' 2>/dev/null",
        status);
    ASSERT_EQ(status, 0) << "chromium failed or timed out";
    ASSERT_TRUE(contains(dom, "</html>")) << dom.substr(0, 500);
    // The title is text in the rendered document, never an element.
    EXPECT_TRUE(contains(dom, escaped_title)) << dom.substr(0, 2000);
    EXPECT_FALSE(contains(dom, "<script"));
    EXPECT_TRUE(contains(dom, "<table id=\"index\">"));
    EXPECT_TRUE(contains(dom, "<svg class=\"chart\""));
    EXPECT_TRUE(contains(dom, "<rect class=\"bar stale\""));
    EXPECT_TRUE(contains(dom, "<ins>and breed</ins>"));
    EXPECT_TRUE(contains(dom, "<details class=\"unchanged\">"));
}

}  // namespace
