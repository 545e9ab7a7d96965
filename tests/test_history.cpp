// occkit history: snapshot dates (option, path, profile), ordering, the per-section timeline and its reports, the
// command line, and the real ALIS and WorkBC snapshots of ../shared.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "occkit/convert.hpp"
#include "occkit/diff.hpp"
#include "occkit/xml.hpp"
#include "testing.hpp"

namespace {

namespace fs = std::filesystem;
using namespace occkit;
using occkit::testing::run_cli;
using occkit::testing::scratch_dir;

Content paragraph(std::string text) {
    Content c;
    c.kind = Content::Kind::paragraph;
    c.paragraph.text = std::move(text);
    return c;
}

Date revised(std::string value) {
    Date d;
    d.kind = DateKind::revised;
    d.value = value;
    d.precision = DatePrecision::month;
    return d;
}

Section section(std::string kind, std::string heading, std::vector<std::string> paragraphs,
                std::vector<Date> dates = {}) {
    Section s;
    s.kind = std::move(kind);
    s.heading = std::move(heading);
    for (auto& p : paragraphs) s.content.push_back(paragraph(std::move(p)));
    s.dates = std::move(dates);
    return s;
}

// Three versions of one profile: 2010 (overview, duties), 2012 (duties revised, salary added), 2014 (overview
// reworded while its date stayed, salary gone).
Profile version(int year) {
    Profile p;
    p.title = Line{"Beekeeper", 1};
    p.sections.push_back(
        section("overview", "Overview",
                {year < 2014 ? "Beekeepers raise honey bees." : "Beekeepers raise and breed honey bees."},
                {revised("2009-05")}));
    p.sections.push_back(section("duties", "Duties",
                                 year < 2012 ? std::vector<std::string>{"Inspect hives."}
                                             : std::vector<std::string>{"Inspect hives.", "Extract honey."},
                                 {revised(year < 2012 ? "2010-01" : "2012-02")}));
    if (year == 2012) p.sections.push_back(section("salary", "Salary", {"About $20 an hour."}));
    return p;
}

Snapshot snapshot(int year, std::string label) {
    Snapshot s;
    s.label = std::move(label);
    s.date = CalendarDate{year, 0, 0, 0, DatePrecision::year};
    s.date_source = "path";
    s.profile = version(year);
    return s;
}

History beekeeper() {
    // Given out of order: history sorts by date.
    return build_history(
        {snapshot(2014, "bee-2014.xml"), snapshot(2010, "bee-2010.xml"), snapshot(2012, "bee-2012.xml")});
}

const SectionHistory& entity(const History& h, const std::string& path) {
    for (const auto& s : h.sections)
        if (s.path == path) return s;
    throw std::runtime_error("no section " + path);
}

// ---- Dates
// -----------------------------------------------------------------------------------------------------------

TEST(HistoryDates, FromThePath) {
    auto day = date_in_path("/archive/2022-10-17/2174.html");
    ASSERT_TRUE(day);
    EXPECT_EQ(day->iso(), "2022-10-17");
    EXPECT_EQ(date_in_path("alis-cook-2017.txt")->iso(), "2017");
    EXPECT_EQ(date_in_path("snapshots/bee_2020-05.xml")->iso(), "2020-05");
    // A full date in a directory beats a bare year in the file name.
    EXPECT_EQ(date_in_path("2019-01-02/page-2017.txt")->iso(), "2019-01-02");
    // A NOC code is not a year, and digits inside longer numbers are not dates.
    EXPECT_FALSE(date_in_path("/archive/workbc/2174.html"));
    EXPECT_FALSE(date_in_path("profile-20170101.txt"));
    EXPECT_FALSE(date_in_path("page.html"));
}

TEST(HistoryDates, NewestOfTheProfile) {
    Profile p = version(2012);
    Date produced;
    produced.kind = DateKind::produced;
    produced.value = "2011-07";
    Date next;
    next.kind = DateKind::next_update;  // a promise, not a version date
    next.value = "2030";
    p.dates = {produced, next};
    auto newest = newest_profile_date(p);
    ASSERT_TRUE(newest);
    EXPECT_EQ(newest->iso(), "2012-02");
    EXPECT_FALSE(newest_profile_date(Profile{}));
}

// ---- Timeline
// --------------------------------------------------------------------------------------------------------

TEST(History, SortsAndFollowsEachSection) {
    History h = beekeeper();
    ASSERT_EQ(h.snapshots.size(), 3u);
    EXPECT_EQ(h.snapshots[0].label, "bee-2010.xml");
    EXPECT_EQ(h.snapshots[2].label, "bee-2014.xml");
    ASSERT_EQ(h.steps.size(), 2u);
    ASSERT_EQ(h.sections.size(), 3u);

    const auto& overview = entity(h, "overview");
    EXPECT_EQ(overview.versions[0].status, Change::added);
    EXPECT_EQ(overview.versions[1].status, Change::unchanged);
    EXPECT_EQ(overview.versions[2].status, Change::changed);
    EXPECT_EQ(overview.versions[2].stat.changed, 1);
    EXPECT_EQ(overview.versions[2].stat.words_added, 2);  // "and breed"
    ASSERT_EQ(overview.versions[2].warnings.size(), 1u);
    EXPECT_EQ(overview.versions[2].warnings[0].kind, RevisionWarning::Kind::content_changed_date_not);

    const auto& duties = entity(h, "duties");
    EXPECT_EQ(duties.versions[1].status, Change::changed);
    EXPECT_EQ(duties.versions[1].stat.added, 1);
    EXPECT_EQ(duties.versions[1].units, 2);
    ASSERT_EQ(duties.versions[0].revision_dates.size(), 1u);
    EXPECT_EQ(duties.versions[0].revision_dates[0].value, "2010-01");
    EXPECT_EQ(duties.versions[1].revision_dates[0].value, "2012-02");
    EXPECT_EQ(duties.versions[2].status, Change::unchanged);
    EXPECT_TRUE(duties.versions[2].present);

    const auto& salary = entity(h, "salary");
    EXPECT_FALSE(salary.versions[0].present);
    EXPECT_EQ(salary.versions[1].status, Change::added);
    EXPECT_EQ(salary.versions[2].status, Change::removed);
    EXPECT_FALSE(salary.versions[2].present);
}

TEST(History, OneSnapshotIsAllFirstSeen) {
    History h = build_history({snapshot(2010, "only.xml")});
    EXPECT_TRUE(h.steps.empty());
    ASSERT_EQ(h.sections.size(), 2u);
    EXPECT_EQ(h.sections[0].versions[0].status, Change::added);
}

TEST(History, TextReport) {
    EXPECT_EQ(write_history_text(beekeeper()),
              "history of \"Beekeeper\": 3 snapshots\n"
              "  #1 2010  bee-2010.xml  (date from path)\n"
              "  #2 2012  bee-2012.xml  (date from path)\n"
              "  #3 2014  bee-2014.xml  (date from path)\n"
              "\n"
              "overview: Overview\n"
              "  #1 2010  first seen  1 unit  [revised 2009-05]\n"
              "  #3 2014  changed  ~1, words +2 -0; 1 → 1 units  [revised 2009-05]\n"
              "  #3 2014  ! overview: content changed but its date did not (revised 2009-05)\n"
              "\n"
              "duties: Duties\n"
              "  #1 2010  first seen  1 unit  [revised 2010-01]\n"
              "  #2 2012  changed  +1 ~1; 1 → 2 units  [revised 2012-02]\n"
              "\n"
              "salary: Salary\n"
              "  #2 2012  first seen  1 unit\n"
              "  #3 2014  removed\n");
}

TEST(History, JsonReport) {
    std::string json = write_history_json(beekeeper());
    for (const char* expected :
         {"\"format\": \"occkit-history\"", "\"label\": \"bee-2010.xml\"", "\"dateSource\": \"path\"",
          "\"path\": \"salary\"", "\"status\": \"absent\"", "\"status\": \"removed\"", "\"wordsAdded\": 2",
          "\"kind\": \"content-changed-date-not\"", "\"value\": \"2012-02\""})
        EXPECT_NE(json.find(expected), std::string::npos) << expected;
}

// ---- The command
// -----------------------------------------------------------------------------------------------------

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

TEST(HistoryCli, DirectoryOfDatedSnapshots) {
    fs::path dir = scratch_dir("history_cli_dir");
    write(dir / "bee-2014-06-01.xml", write_xml(version(2014)));
    write(dir / "bee-2010-06-01.xml", write_xml(version(2010)));
    write(dir / "bee-2012-06-01.xml", write_xml(version(2012)));
    auto r = run_cli({"history", dir.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_NE(r.out.find("#1 2010-06-01  " + (dir / "bee-2010-06-01.xml").string()), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("  #3 2014-06-01  removed\n"), std::string::npos) << r.out;
    auto json = run_cli({"history", "--format", "json", dir.string()});
    EXPECT_EQ(json.exit_code, 0);
    EXPECT_EQ(json.out.rfind("{\n  \"format\": \"occkit-history\"", 0), 0u);
}

TEST(HistoryCli, DateOptionOrdersUndatedFiles) {
    fs::path dir = scratch_dir("history_cli_date");
    write(dir / "a.xml", write_xml(version(2014)));
    write(dir / "b.xml", write_xml(version(2010)));
    auto r = run_cli({"history", "--date", (dir / "a.xml").string() + "=2014-01-01", "--date",
                      (dir / "b.xml").string() + "=2010-01-01", (dir / "a.xml").string(), (dir / "b.xml").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("#1 2010-01-01  " + (dir / "b.xml").string() + "  (date from option)"), std::string::npos)
        << r.out;
    // Without --date these two fall back to the profiles' own newest dates.
    auto own = run_cli({"history", (dir / "a.xml").string(), (dir / "b.xml").string()});
    EXPECT_EQ(own.exit_code, 0) << own.err;
    EXPECT_NE(own.out.find("#1 2010-01  " + (dir / "b.xml").string() + "  (date from profile)"), std::string::npos)
        << own.out;
}

TEST(HistoryCli, BadSnapshotsAreReportedAndTheRestShown) {
    fs::path dir = scratch_dir("history_cli_bad");
    write(dir / "bee-2010.xml", write_xml(version(2010)));
    write(dir / "bee-2012.xml", write_xml(version(2012)));
    write(dir / "broken-2013.xml", "<?xml version=\"1.0\"?>\n<occupation xmlns=\"urn:occkit:occupation:1\"");
    Profile undated;
    undated.title = Line{"Beekeeper", 1};
    write(dir / "undated.xml", write_xml(undated));
    auto r = run_cli({"history", dir.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("occkit: " + (dir / "broken-2013.xml").string() + ": "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("occkit: " + (dir / "undated.xml").string() + ": no date: give one with --date"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.out.find("2 snapshots"), std::string::npos) << r.out;

    EXPECT_EQ(run_cli({"history", (dir / "undated.xml").string()}).exit_code, 2);
    auto unknown = run_cli({"history", "--date", "elsewhere.xml=2010-01-01", (dir / "bee-2010.xml").string()});
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_NE(unknown.err.find("elsewhere.xml"), std::string::npos);
    EXPECT_EQ(run_cli({"history", "--date", "bee=yesterday", (dir / "bee-2010.xml").string()}).exit_code, 2);
}

// ---- Real snapshots
// --------------------------------------------------------------------------------------------------

TEST(HistoryShared, AlisLicensedPracticalNurse) {
    OCCKIT_REQUIRE_SHARED(shared);
    const fs::path dir = shared / "corpus/pages/ab";
    std::vector<std::string> args{"history", "--format", "json"};
    for (const char* year : {"2024", "2017", "2023", "2020"})  // any order: the file names' years sort them
        args.push_back((dir / (std::string("alis-licensed-practical-nurse-") + year + ".txt")).string());
    auto r = run_cli(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto first = r.out.find("alis-licensed-practical-nurse-2017.txt");
    auto last = r.out.find("alis-licensed-practical-nurse-2024.txt");
    EXPECT_LT(first, r.out.find("alis-licensed-practical-nurse-2020.txt"));
    EXPECT_LT(r.out.find("alis-licensed-practical-nurse-2023.txt"), last);

    // The Duties text appears in 2023 (updated 2016-12-20) and is rewritten in 2024 with its date moved.
    std::vector<Snapshot> snapshots;
    for (const char* year : {"2017", "2020", "2023", "2024"}) {
        Snapshot s;
        s.label = (dir / (std::string("alis-licensed-practical-nurse-") + year + ".txt")).string();
        s.date = *date_in_path(s.label);
        s.profile = read_profile(occkit::testing::read_file(s.label));
        snapshots.push_back(std::move(s));
    }
    History h = build_history(std::move(snapshots));
    const auto& duties = entity(h, "duties");
    EXPECT_FALSE(duties.versions[1].present);
    EXPECT_EQ(duties.versions[2].status, Change::added);
    ASSERT_EQ(duties.versions[2].revision_dates.size(), 1u);
    EXPECT_EQ(duties.versions[2].revision_dates[0].value, "2016-12-20");
    EXPECT_EQ(duties.versions[3].status, Change::changed);
    EXPECT_EQ(duties.versions[3].revision_dates[0].value, "2024-03-31");
    EXPECT_TRUE(duties.versions[3].warnings.empty());
}

TEST(HistoryShared, WorkBcSnapshotDirectoriesDateThePages) {
    OCCKIT_REQUIRE_SHARED(shared);
    const fs::path workbc = shared / "corpus/workbc";
    auto r =
        run_cli({"history", (workbc / "2022-11-22/2174.html").string(), (workbc / "2022-10-17/2174.html").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("  #1 2022-10-17  " + (workbc / "2022-10-17/2174.html").string() + "  (date from path)"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("resources: Resources\n  #1 2022-10-17  first seen  7 units\n"
                         "  #2 2022-11-22  changed  -1; 7 → 6 units\n"),
              std::string::npos)
        << r.out;
    // Only Resources changed: no other section has a line for the second snapshot.
    EXPECT_EQ(r.out.find("#2 2022-11-22  changed"), r.out.rfind("#2 2022-11-22  changed"));
}

}  // namespace
