// Archives of snapshots (occkit/archive.hpp): snapshot folders grouped by profile, `history DIR...` and `diff DIR1
// DIR2` with their summary, csv and json reports, the refusal of snapshots that are not one profile, Wayback dates,
// and the real WorkBC snapshot folders of ../shared.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "occkit/archive.hpp"
#include "testing.hpp"

namespace {

namespace fs = std::filesystem;
using namespace occkit;
using occkit::testing::contains;
using occkit::testing::lines_of;
using occkit::testing::read_file;
using occkit::testing::run_cli;
using occkit::testing::scratch_dir;
using occkit::testing::source_dir;
using occkit::testing::write_text;

std::string sample(const std::string& name) { return read_file(source_dir() / "samples" / "workbc" / name); }

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

// Two dated snapshot folders: 2225 changed, 3219 unchanged, 7294 added in the second, 9999 gone from it.
fs::path two_folders(const std::string& name) {
    fs::path root = scratch_dir(name);
    write_text(root / "2020-01-01" / "2225.html", sample("2225.html"));
    write_text(root / "2020-01-01" / "3219.html", sample("3219.html"));
    write_text(root / "2020-01-01" / "old" / "9999.txt", sample("3219.txt"));
    write_text(root / "2021-06-01" / "2225.html", replaced(sample("2225.html"), "golf courses", "sports fields"));
    write_text(root / "2021-06-01" / "3219.html", sample("3219.html"));
    write_text(root / "2021-06-01" / "7294.html", sample("7294-2019.html"));
    return root;
}

TEST(ArchiveDates, WaybackTimestampInPath) {
    auto date = date_in_path("web/20221017093000/www.workbc.ca/careers/2174.html");
    ASSERT_TRUE(date);
    EXPECT_EQ(date->iso(), "2022-10-17");
    EXPECT_FALSE(date_in_path("web/2022101709300/2174.html"));  // 13 digits: not a timestamp (nor a year)
    EXPECT_EQ(date_in_path("2022-11-22/20221017093000.html")->iso(), "2022-11-22");  // the dashed date first
}

TEST(ArchiveIdentity, PathKeyWithoutDates) {
    EXPECT_EQ(snapshot_path_key("2022-10-17/2174.html"), "2174.html");
    EXPECT_EQ(snapshot_path_key("web/20221017093000/careers/2174.html"), "web/careers/2174.html");
    EXPECT_EQ(snapshot_path_key("bee-2010-06-01.xml"), "bee-.xml");
    EXPECT_EQ(snapshot_path_key("2019-06/cook.txt"), "cook.txt");
    EXPECT_EQ(snapshot_path_key("noc/2174.html"), "noc/2174.html");  // a code is not a date
}

TEST(ArchiveIdentity, UrlThenCodes) {
    Profile p;
    p.source.jurisdiction = "BC";
    p.source.layout = "workbc";
    EXPECT_EQ(profile_identity(p), "");
    p.codes.push_back(Code{"NOC", "2016", "2225", "", 1});
    EXPECT_EQ(profile_identity(p), "code:NOC 2016 2225/BC/workbc");
    p.source.url = "https://example.org/2225";
    EXPECT_EQ(profile_identity(p), "url:https://example.org/2225");
    Profile other = p;
    other.codes[0].value = "3219";
    other.source.url.clear();
    EXPECT_EQ(profile_conflict(p, other).value_or(""), "NOC 2016 code 2225 vs 3219");
    other.codes[0].version = "2021";  // another NOC version: codes may differ
    EXPECT_FALSE(profile_conflict(p, other));
}

TEST(ArchiveCli, HistoryOfFoldersGroupsByProfile) {
    fs::path root = two_folders("archive_history");
    auto r = run_cli({"history", (root / "2020-01-01").string(), (root / "2021-06-01").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "profiles: 1 unchanged, 1 changed, 1 added, 1 removed (6 snapshots, 2 dates)"))
        << r.out;
    EXPECT_TRUE(contains(r.out, "== path:2225.html (changed)\nhistory of \"Landscape and horticulture")) << r.out;
    EXPECT_TRUE(contains(r.out, "== path:old/9999.txt (removed)")) << r.out;
    // One folder holding the dated folders: the same timelines.
    auto one = run_cli({"history", root.string()});
    EXPECT_EQ(one.exit_code, 0) << one.err;
    EXPECT_TRUE(contains(one.out, "profiles: 1 unchanged, 1 changed, 1 added, 1 removed (6 snapshots, 2 dates)"));
    EXPECT_TRUE(contains(r.out, "== path:3219.html (unchanged) \"")) << r.out;
    EXPECT_TRUE(contains(r.out, "words +2 -2")) << r.out;  // "golf courses" -> "sports fields"
}

TEST(ArchiveCli, HistoryJsonAndCsv) {
    fs::path root = two_folders("archive_formats");
    auto j = run_cli({"history", (root / "2020-01-01").string(), (root / "2021-06-01").string(), "--format", "json"});
    ASSERT_EQ(j.exit_code, 0) << j.err;
    auto doc = nlohmann::json::parse(j.out);
    EXPECT_EQ(doc["format"], "occkit-archive-history");
    EXPECT_EQ(doc["summary"]["changed"], 1);
    EXPECT_EQ(doc["summary"]["added"], 1);
    ASSERT_EQ(doc["profiles"].size(), 4u);
    EXPECT_EQ(doc["profiles"][0]["identity"], "path:2225.html");
    EXPECT_EQ(doc["profiles"][0]["history"]["snapshots"].size(), 2u);

    auto c = run_cli({"history", (root / "2020-01-01").string(), (root / "2021-06-01").string(), "--format", "csv"});
    ASSERT_EQ(c.exit_code, 0) << c.err;
    auto lines = lines_of(c.out);
    ASSERT_GT(lines.size(), 10u);
    EXPECT_EQ(lines[0],
              "profile,snapshot,date,label,section,heading,status,units,words_added,words_removed,revised,warning");
    int changed = 0;
    for (const auto& l : lines)
        if (l.rfind("path:2225.html,2,2021-06-01,", 0) == 0 && contains(l, ",changed,")) {
            ++changed;
            EXPECT_TRUE(contains(l, ",overview,Career Overview,changed,")) << l;
            EXPECT_TRUE(contains(l, ",2,2,")) << l;  // two words added, two removed
        }
    EXPECT_EQ(changed, 1) << c.out;
}

TEST(ArchiveCli, DiffTwoFolders) {
    fs::path root = two_folders("archive_diff");
    auto r = run_cli({"diff", (root / "2020-01-01").string(), (root / "2021-06-01").string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_TRUE(contains(r.out, "+ profile path:7294.html: only in ")) << r.out;
    EXPECT_TRUE(contains(r.out, "- profile path:old/9999.txt: only in ")) << r.out;
    EXPECT_TRUE(contains(r.out, "[-golf courses,-]{+sports fields,+}") || contains(r.out, "golf")) << r.out;
    EXPECT_TRUE(contains(r.out, "profiles: 1 unchanged, 1 changed, 1 added, 1 removed")) << r.out;
    auto same = run_cli({"diff", (root / "2021-06-01").string(), (root / "2021-06-01").string()});
    EXPECT_EQ(same.exit_code, 0) << same.out;
    auto j = run_cli({"diff", (root / "2020-01-01").string(), (root / "2021-06-01").string(), "--format", "json"});
    auto doc = nlohmann::json::parse(j.out);
    EXPECT_EQ(doc["format"], "occkit-archive-diff");
    EXPECT_EQ(doc["profiles"].size(), 3u);  // the unchanged one is left out
    EXPECT_EQ(doc["profiles"][0]["diff"]["format"], "occkit-diff");
}

TEST(ArchiveCli, DifferentProfilesAreNeverOneTimeline) {
    fs::path samples = source_dir() / "samples" / "workbc";
    auto r = run_cli({"history", (samples / "2225.html").string(), (samples / "3219.html").string(), "--date",
                      (samples / "2225.html").string() + "=2020-01-01", "--date",
                      (samples / "3219.html").string() + "=2021-01-01"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "are not the same profile (identity code:NOC 2016 2225/BC/workbc vs")) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
    auto forced = run_cli({"history", (samples / "2225.html").string(), (samples / "3219.html").string(), "--date",
                           (samples / "2225.html").string() + "=2020-01-01", "--date",
                           (samples / "3219.html").string() + "=2021-01-01", "--same-profile"});
    EXPECT_EQ(forced.exit_code, 0) << forced.err;
    EXPECT_TRUE(contains(forced.out, ": 2 snapshots")) << forced.out;

    // One path in two folders holding two different occupations.
    fs::path root = scratch_dir("archive_conflict");
    write_text(root / "2020-01-01" / "x.html", sample("2225.html"));
    write_text(root / "2021-01-01" / "x.html", sample("3219.html"));
    auto folders = run_cli({"history", (root / "2020-01-01").string(), (root / "2021-01-01").string()});
    EXPECT_EQ(folders.exit_code, 2);
    EXPECT_TRUE(contains(folders.err, "x.html are not the same profile (NOC 2016 code 2225 vs 3219)")) << folders.err;
    auto diff = run_cli({"diff", (root / "2020-01-01").string(), (root / "2021-01-01").string()});
    EXPECT_EQ(diff.exit_code, 2);
    EXPECT_TRUE(contains(diff.err, "not the same profile")) << diff.err;
}

TEST(ArchiveCorpus, WorkbcSnapshotFolders) {
    OCCKIT_REQUIRE_SHARED(shared);
    fs::path workbc = shared / "corpus" / "workbc";
    if (!fs::is_directory(workbc / "2022-10-17")) GTEST_SKIP() << "no WorkBC snapshot folders in ../shared";
    auto r = run_cli({"history", (workbc / "2022-10-17").string(), (workbc / "2022-11-22").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "profiles: 282 unchanged, 1 changed, 7 added, 0 removed (573 snapshots, 2 dates)"))
        << r.out.substr(r.out.size() > 400 ? r.out.size() - 400 : 0);
    EXPECT_TRUE(contains(r.out, "== path:2174.html (changed)")) << r.err;
    auto d = run_cli({"diff", (workbc / "2022-10-17").string(), (workbc / "2022-11-22").string(), "--stat"});
    EXPECT_EQ(d.exit_code, 1);
    EXPECT_TRUE(contains(d.out, "+ profile path:7321.html: only in ")) << d.out;
}

}  // namespace
