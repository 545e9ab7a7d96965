// occkit diff: hand-made pairs for every kind of change, formatting noise that must not count, revision
// consistency, the reports, the command line, and the real snapshot pairs of ../shared.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "occkit/convert.hpp"
#include "occkit/diff.hpp"
#include "occkit/xml.hpp"
#include "testing.hpp"

namespace {

namespace fs = std::filesystem;
using namespace occkit;
using occkit::testing::read_file;
using occkit::testing::run_cli;
using occkit::testing::scratch_dir;
using occkit::testing::source_dir;

// ---- A small profile to edit ---------------------------------------------------------------------------------------

Content paragraph(std::string text, int line = 0) {
    Content c;
    c.kind = Content::Kind::paragraph;
    c.paragraph = {std::move(text), line};
    c.line = line;
    return c;
}

Content list(const std::vector<std::string>& items, int line = 0) {
    Content c;
    c.kind = Content::Kind::list;
    for (const auto& text : items) c.items.push_back({text, 1, line++});
    return c;
}

Content table(const std::vector<std::vector<std::string>>& rows) {
    Content c;
    c.kind = Content::Kind::table;
    for (const auto& cells : rows) c.rows.push_back({cells, 0});
    return c;
}

Section section(std::string kind, std::string heading, std::vector<Content> content) {
    Section s;
    s.kind = std::move(kind);
    s.heading = std::move(heading);
    s.content = std::move(content);
    return s;
}

Date date(DateKind kind, std::string value, DatePrecision precision = DatePrecision::month) {
    Date d;
    d.kind = kind;
    d.value = value;
    d.precision = precision;
    d.phrase = "Section revised " + value;
    return d;
}

Wage hourly(double min, double max, std::string year) {
    Wage w;
    w.measure = WageMeasure::range;
    w.per = WagePer::hour;
    w.min = min;
    w.max = max;
    w.data_year = std::move(year);
    w.phrase = "$" + std::to_string(min) + " to $" + std::to_string(max) + " an hour";
    return w;
}

Profile orchard() {
    Profile p;
    // A schema-valid SHA-256: the readers refuse what the XSD refuses, as validate does.
    p.source = {"AB", "alis-2010", "", "text", std::string(64, 'a'), "en", "UTF-8"};
    p.title = Line{"Orchard Technician", 3};
    p.alternate_titles = {{"Fruit grower", 5}, {"Orchardist", 5}};
    p.codes = {{"NOC", "2006", "8252", "Agricultural service contractors", 6}};
    p.facts = {{"minimum-education", "Minimum Education", "High school diploma", 7}};
    p.dates = {date(DateKind::produced, "2010-07")};
    p.sections.push_back(section("overview", "Overview", {paragraph("Orchard technicians tend fruit trees.", 9)}));
    p.sections.push_back(section(
        "duties", "Duties",
        {paragraph("Orchard technicians:", 11),
         list({"prune trees in winter", "thin blossoms by hand", "spray for pests", "pick and grade fruit"}, 12)}));
    p.sections.back().dates = {date(DateKind::revised, "2012-03")};
    p.sections.push_back(section("working-conditions", "Working Conditions",
                                 {paragraph("Work is outdoors in all weather, on ladders and platforms.", 20)}));
    p.sections.push_back(section("salary", "Salary", {paragraph("Technicians earn $21.40 to $27.90 an hour.", 22)}));
    p.sections.back().wages = {hourly(21.4, 27.9, "2010")};
    p.sections.back().dates = {date(DateKind::revised, "2012-02")};
    return p;
}

const SectionDiff& section_at(const ProfileDiff& d, const std::string& path) {
    for (const auto& s : d.sections)
        if (s.path == path) return s;
    throw std::runtime_error("no section " + path);
}

std::vector<std::string> changed_paths(const ProfileDiff& d) {
    std::vector<std::string> paths;
    for (const auto& s : d.sections)
        if (s.status != Change::unchanged || s.moved) paths.push_back(s.path);
    return paths;
}

// As the text report writes them (without the shortening of long unchanged runs).
std::string render(const std::vector<WordRun>& runs) {
    std::string out;
    for (std::size_t k = 0; k < runs.size(); ++k) {
        const WordRun& r = runs[k];
        bool replaces = r.op == WordRun::Op::added && k > 0 && runs[k - 1].op == WordRun::Op::removed;
        if (r.space_before && !out.empty() && !replaces) out += ' ';
        if (r.op == WordRun::Op::removed)
            out += "[-" + r.text + "-]";
        else if (r.op == WordRun::Op::added)
            out += "{+" + r.text + "+}";
        else
            out += r.text;
    }
    return out;
}

// ---- Nothing changed
// -------------------------------------------------------------------------------------------------

TEST(Diff, SameProfileIsIdentical) {
    ProfileDiff d = diff_profiles(orchard(), orchard());
    EXPECT_TRUE(d.identical());
    EXPECT_TRUE(d.profile.empty());
    EXPECT_TRUE(d.warnings.empty());
    EXPECT_EQ(d.sections.size(), 4u);
    EXPECT_EQ(write_diff_text(d), "");
    EXPECT_EQ(write_diff_stat(d), "");
}

TEST(Diff, LineNumbersAndProvenanceNeverCount) {
    Profile b = orchard();
    b.source = {"AB", "alis", "https://example.org/orchard", "html", "ffee", "en", "windows-1252"};
    b.title->line = 99;
    for (auto& s : b.sections) {
        s.line += 40;
        for (auto& c : s.content) {
            c.line += 40;
            c.paragraph.line += 40;
            for (auto& item : c.items) item.line += 40;
        }
        for (auto& dt : s.dates) dt.phrase = "Revised: " + dt.value;  // the phrase is how the page says it
    }
    EXPECT_TRUE(diff_profiles(orchard(), b).identical());
}

TEST(Diff, WhiteSpaceUnicodeFormsAndReWrappingAreNoChange) {
    Profile b = orchard();
    b.title->text = "  Orchard\u00A0 Technician ";  // NBSP and extra spaces
    b.alternate_titles[0].text = "Fruit\tgrower";
    // "pick and grade fruit" is unchanged; "ﬁ" (U+FB01) is NFKC-equal to "fi".
    b.sections[2].content[0].paragraph.text = "Work is outdoors in all weather,\non ladders and platforms.";
    b.sections[0].content[0].paragraph.text = "Orchard technicians tend \u0066ruit trees.";
    // A text dump wrapped the salary paragraph over two lines: two paragraphs with the same words.
    b.sections[3].content = {paragraph("Technicians earn $21.40"), paragraph("to $27.90 an hour.")};
    Profile a = orchard();
    a.sections[1].content[1].items[2].text = "spray for pests";
    b.sections[1].content[1].items[2].text = "spray for pests\u200B";  // zero-width space
    EXPECT_TRUE(diff_profiles(a, b).identical()) << write_diff_text(diff_profiles(a, b));
}

TEST(Diff, CompatibilityCharactersCompareInNfkc) {
    Profile a = orchard(), b = orchard();
    a.sections[0].content[0].paragraph.text = "Orchard technicians tend \uFB01elds of trees.";  // ﬁ ligature
    b.sections[0].content[0].paragraph.text = "Orchard technicians tend fields of trees.";
    EXPECT_TRUE(diff_profiles(a, b).identical());
    a.sections[0].content[0].paragraph.text = "e\u0301te";  // NFD
    b.sections[0].content[0].paragraph.text = "\u00E9te";   // NFC
    EXPECT_TRUE(diff_profiles(a, b).identical());
}

TEST(Diff, ListBoundariesAndItemDepthAreNoChange) {
    Profile a = orchard(), b = orchard();
    auto& items = b.sections[1].content[1].items;
    // The same items as two lists, one item indented: presentation, not content.
    Content second = list({items[2].text, items[3].text});
    second.items[0].depth = 2;
    items.resize(2);
    b.sections[1].content.push_back(second);
    EXPECT_TRUE(diff_profiles(a, b).identical());
}

// ---- Profile fields
// --------------------------------------------------------------------------------------------------

TEST(Diff, TitleChangedAddedRemoved) {
    Profile b = orchard();
    b.title->text = "Orchard and Vineyard Technician";
    ProfileDiff d = diff_profiles(orchard(), b);
    ASSERT_EQ(d.profile.size(), 1u);
    EXPECT_EQ(d.profile[0].field, "title");
    EXPECT_EQ(d.profile[0].change, Change::changed);
    EXPECT_EQ(d.profile[0].old_value, "Orchard Technician");
    EXPECT_EQ(d.profile[0].new_value, "Orchard and Vineyard Technician");
    EXPECT_EQ(render(d.profile[0].words), "Orchard {+and Vineyard+} Technician");

    Profile untitled = orchard();
    untitled.title.reset();
    ProfileDiff removed = diff_profiles(orchard(), untitled);
    ASSERT_EQ(removed.profile.size(), 1u);
    EXPECT_EQ(removed.profile[0].change, Change::removed);
    EXPECT_EQ(removed.profile[0].old_value, "Orchard Technician");
    ProfileDiff added = diff_profiles(untitled, orchard());
    ASSERT_EQ(added.profile.size(), 1u);
    EXPECT_EQ(added.profile[0].change, Change::added);
}

TEST(Diff, CodesAddedRemovedChanged) {
    Profile b = orchard();
    b.codes[0].label = "Agricultural service contractors and farm supervisors";  // same code, label changed
    b.codes.push_back({"NOC", "2016", "8252", "Agricultural service contractors", 8});
    b.codes.push_back({"NOC", "2021", "82030", "", 9});
    Profile a = orchard();
    a.codes.push_back({"NOC-S", "2006", "I012", "", 7});
    ProfileDiff d = diff_profiles(a, b);
    ASSERT_EQ(d.profile.size(), 4u);
    EXPECT_EQ(d.profile[0].change, Change::removed);
    EXPECT_EQ(d.profile[0].subject, "NOC-S 2006");
    EXPECT_EQ(d.profile[0].old_value, "I012");
    EXPECT_EQ(d.profile[1].change, Change::changed);
    EXPECT_EQ(d.profile[1].subject, "NOC 2006");
    EXPECT_EQ(d.profile[1].old_value, "8252 Agricultural service contractors");
    EXPECT_EQ(d.profile[1].new_value, "8252 Agricultural service contractors and farm supervisors");
    EXPECT_EQ(d.profile[2].change, Change::added);
    EXPECT_EQ(d.profile[2].subject, "NOC 2016");
    EXPECT_EQ(d.profile[3].change, Change::added);
    EXPECT_EQ(d.profile[3].new_value, "82030");
}

TEST(Diff, TwoCodesOfOneSchemeReorderedAreNoChange) {
    Profile a = orchard(), b = orchard();
    a.codes = {{"NOC", "2006", "7351", "", 1}, {"NOC", "2006", "6742", "", 1}};
    b.codes = {{"NOC", "2006", "6742", "", 1}, {"NOC", "2006", "7351", "", 1}};
    EXPECT_TRUE(diff_profiles(a, b).identical());
}

TEST(Diff, FactsChangedByNameNotLabel) {
    Profile b = orchard();
    b.facts[0].label = "Minimum Education:";  // how the page prints the label: not a change
    b.facts.push_back({"employment-outlook", "Employment Outlook", "Above average", 9});
    Profile a = orchard();
    a.facts.push_back({"employment-outlook", "Outlook", "Average", 9});
    ProfileDiff d = diff_profiles(a, b);
    ASSERT_EQ(d.profile.size(), 1u);
    EXPECT_EQ(d.profile[0].field, "fact");
    EXPECT_EQ(d.profile[0].subject, "employment-outlook");
    EXPECT_EQ(d.profile[0].old_value, "Average");
    EXPECT_EQ(d.profile[0].new_value, "Above average");
    EXPECT_EQ(render(d.profile[0].words), "[-Average-]{+Above average+}");
}

TEST(Diff, AlternateTitlesAsASet) {
    Profile b = orchard();
    b.alternate_titles = {{"Orchardist", 1}, {"Fruit tree grower", 1}, {"Pomologist", 1}};
    ProfileDiff d = diff_profiles(orchard(), b);
    ASSERT_EQ(d.profile.size(), 2u);
    EXPECT_EQ(d.profile[0].field, "alternate-title");
    EXPECT_EQ(d.profile[0].change, Change::changed);  // "Fruit grower" -> "Fruit tree grower": similar words
    EXPECT_EQ(d.profile[0].old_value, "Fruit grower");
    EXPECT_EQ(d.profile[0].new_value, "Fruit tree grower");
    EXPECT_EQ(d.profile[1].change, Change::added);
    EXPECT_EQ(d.profile[1].new_value, "Pomologist");
}

TEST(Diff, PageDatesAndWagesOldToNew) {
    Profile a = orchard(), b = orchard();
    b.dates[0] = date(DateKind::produced, "2012-05");
    Wage avg;
    avg.measure = WageMeasure::average;
    avg.per = WagePer::year;
    avg.value = 43142;
    a.wages = {avg};
    avg.value = 47642;
    avg.data_year = "2019";
    b.wages = {avg};
    ProfileDiff d = diff_profiles(a, b);
    ASSERT_EQ(d.profile.size(), 2u);
    EXPECT_EQ(d.profile[0].field, "date");
    EXPECT_EQ(d.profile[0].subject, "produced");
    EXPECT_EQ(d.profile[0].old_value, "2010-07");
    EXPECT_EQ(d.profile[0].new_value, "2012-05");
    EXPECT_EQ(d.profile[1].field, "wage");
    EXPECT_EQ(d.profile[1].subject, "average per year");
    EXPECT_EQ(d.profile[1].old_value, "43142");
    EXPECT_EQ(d.profile[1].new_value, "47642 (2019)");
    EXPECT_TRUE(d.profile[1].words.empty());  // values, not prose: shown old → new
}

// ---- Sections
// --------------------------------------------------------------------------------------------------------

TEST(Diff, SectionAddedAndRemoved) {
    Profile b = orchard();
    b.sections.erase(b.sections.begin() + 2);  // working-conditions
    b.sections.push_back(section("outlook", "Employment Outlook", {paragraph("Demand is steady."), list({"a", "b"})}));
    ProfileDiff d = diff_profiles(orchard(), b);
    EXPECT_EQ(changed_paths(d), (std::vector<std::string>{"working-conditions", "outlook"}));
    const auto& removed = section_at(d, "working-conditions");
    EXPECT_EQ(removed.status, Change::removed);
    EXPECT_EQ(removed.old_position, 3);
    EXPECT_EQ(removed.new_position, 0);
    ASSERT_EQ(removed.content.size(), 1u);
    EXPECT_EQ(removed.content[0].change, Change::removed);
    const auto& added = section_at(d, "outlook");
    EXPECT_EQ(added.status, Change::added);
    EXPECT_EQ(added.new_heading, "Employment Outlook");
    EXPECT_EQ(added.new_units, 3);
    EXPECT_EQ(added.stat().added, 3);
    EXPECT_FALSE(section_at(d, "salary").moved);  // a removal before it does not move it
}

TEST(Diff, SectionMovedKeepsItsContent) {
    Profile b = orchard();
    std::rotate(b.sections.begin(), b.sections.begin() + 3, b.sections.end());  // salary first
    ProfileDiff d = diff_profiles(orchard(), b);
    EXPECT_FALSE(d.identical());
    EXPECT_EQ(changed_paths(d), std::vector<std::string>{"salary"});
    const auto& salary = section_at(d, "salary");
    EXPECT_TRUE(salary.moved);
    EXPECT_EQ(salary.status, Change::unchanged);
    EXPECT_EQ(salary.old_position, 4);
    EXPECT_EQ(salary.new_position, 1);
    EXPECT_EQ(d.sections.front().path, "salary");  // reports follow the new order
}

TEST(Diff, HeadingOfAKindChangedIsTheSameSection) {
    Profile b = orchard();
    b.sections[2].heading = "Work Environment";
    ProfileDiff d = diff_profiles(orchard(), b);
    const auto& s = section_at(d, "working-conditions");
    EXPECT_EQ(s.status, Change::changed);
    ASSERT_EQ(s.fields.size(), 1u);
    EXPECT_EQ(s.fields[0].field, "heading");
    EXPECT_EQ(s.fields[0].old_value, "Working Conditions");
    EXPECT_EQ(s.fields[0].new_value, "Work Environment");
    EXPECT_TRUE(s.content.empty());
}

TEST(Diff, InferredHeadingIsNotAChange) {
    Profile b = orchard();
    b.sections[3].heading = "Wages";
    b.sections[3].heading_inferred = true;  // the page lost its heading; the layout supplied one
    EXPECT_TRUE(diff_profiles(orchard(), b).identical());
}

TEST(Diff, RepeatedKindsPairByHeading) {
    Profile a = orchard(), b = orchard();
    a.sections.push_back(section("other", "NOC Codes", {paragraph("NOC 8252")}));
    a.sections.push_back(section("other", "Insights from Industry", {paragraph("Growers want skilled pruners.")}));
    b.sections.push_back(section("other", "Insights from Industry", {paragraph("Growers want skilled pruners.")}));
    b.sections.push_back(section("other", "NOC Codes", {paragraph("NOC 8252 and NOC 82030")}));
    ProfileDiff d = diff_profiles(a, b);
    EXPECT_TRUE(section_at(d, "other[Insights from Industry]").status == Change::unchanged);
    const auto& codes = section_at(d, "other[NOC Codes]");
    EXPECT_EQ(codes.status, Change::changed);
    ASSERT_EQ(codes.content.size(), 1u);
    EXPECT_EQ(render(codes.content[0].words), "NOC 8252 {+and NOC 82030+}");
    // Swapped: one of the two moved (which one is the LCS's choice), the other kept its place in the order.
    EXPECT_NE(section_at(d, "other[Insights from Industry]").moved, codes.moved);
}

TEST(Diff, SubsectionsHaveTheirOwnPath) {
    Profile a = orchard(), b = orchard();
    a.sections[1].subsections.push_back(section("other", "Special duties", {list({"graft rootstock"})}));
    b.sections[1].subsections.push_back(section("other", "Special duties", {list({"graft rootstock", "bud apples"})}));
    ProfileDiff d = diff_profiles(a, b);
    EXPECT_EQ(changed_paths(d), std::vector<std::string>{"duties/other"});
    const auto& sub = section_at(d, "duties/other");
    EXPECT_EQ(sub.depth, 1);
    ASSERT_EQ(sub.content.size(), 1u);
    EXPECT_EQ(sub.content[0].change, Change::added);
    EXPECT_EQ(sub.content[0].new_text, "bud apples");
    EXPECT_EQ(section_at(d, "duties").status, Change::unchanged);
}

// ---- Content
// ---------------------------------------------------------------------------------------------------------

TEST(Diff, ListItemsAddedRemovedChangedMoved) {
    Profile a = orchard(), b = orchard();
    a.sections[1].content[1] = list({"prune trees in winter", "thin blossoms by hand", "spray for pests",
                                     "mow between rows", "net trees against birds", "pick and grade fruit"});
    b.sections[1].content[1] = list({"pick and grade fruit",        // moved from the end to the top
                                     "prune trees in late winter",  // changed; "thin blossoms" removed
                                     "spray for pests", "mow between rows", "net trees against birds",
                                     "keep irrigation lines running"});  // added
    b.sections[1].dates = {date(DateKind::revised, "2013-06")};
    ProfileDiff d = diff_profiles(a, b);
    const auto& duties = section_at(d, "duties");
    ASSERT_EQ(duties.content.size(), 4u) << write_diff_text(d);
    const auto& removed = duties.content[0];
    EXPECT_EQ(removed.change, Change::removed);
    EXPECT_EQ(removed.unit, ContentChange::Unit::item);
    EXPECT_EQ(removed.old_text, "thin blossoms by hand");
    const auto& moved = duties.content[1];
    EXPECT_EQ(moved.change, Change::moved);
    EXPECT_EQ(moved.new_text, "pick and grade fruit");
    EXPECT_EQ(moved.old_position, 7);  // units count the paragraph before the list
    EXPECT_EQ(moved.new_position, 2);
    const auto& changed = duties.content[2];
    EXPECT_EQ(changed.change, Change::changed);
    EXPECT_EQ(changed.old_text, "prune trees in winter");
    EXPECT_EQ(changed.new_text, "prune trees in late winter");
    EXPECT_EQ(render(changed.words), "prune trees in {+late+} winter");
    const auto& added = duties.content[3];
    EXPECT_EQ(added.change, Change::added);
    EXPECT_EQ(added.new_text, "keep irrigation lines running");
    ChangeStat stat = duties.stat();
    EXPECT_EQ(stat.added, 1);
    EXPECT_EQ(stat.removed, 1);
    EXPECT_EQ(stat.changed, 2);  // the item and the revised date
    EXPECT_EQ(stat.moved, 1);
    EXPECT_EQ(stat.words_added, 1);
    EXPECT_TRUE(d.warnings.empty());
}

TEST(Diff, EditedItemBesideAMovedOneIsStillAChange) {
    Profile b = orchard();
    // old: prune trees in winter | thin blossoms by hand | spray for pests | pick and grade fruit. Two equally long
    // alignments exist; whichever the LCS keeps, "prune" must come out as changed, not as removed plus added.
    b.sections[1].content[1] = list(
        {"pick and grade fruit", "prune trees in late winter", "spray for pests", "keep irrigation lines running"});
    ProfileDiff d = diff_profiles(orchard(), b);
    const auto& duties = section_at(d, "duties");
    auto changed = std::find_if(duties.content.begin(), duties.content.end(),
                                [](const ContentChange& c) { return c.change == Change::changed; });
    ASSERT_NE(changed, duties.content.end()) << write_diff_text(d);
    EXPECT_EQ(changed->old_text, "prune trees in winter");
    EXPECT_EQ(duties.stat().moved, 1);
    EXPECT_EQ(duties.stat().removed, 1);
    EXPECT_EQ(duties.stat().added, 1);
}

TEST(Diff, ParagraphChangedWithWordDiff) {
    Profile b = orchard();
    b.sections[2].content[0].paragraph.text = "Work is mostly outdoors in all seasons, on ladders and platforms.";
    ProfileDiff d = diff_profiles(orchard(), b);
    const auto& s = section_at(d, "working-conditions");
    ASSERT_EQ(s.content.size(), 1u);
    EXPECT_EQ(s.content[0].change, Change::changed);
    EXPECT_EQ(s.content[0].unit, ContentChange::Unit::paragraph);
    EXPECT_EQ(render(s.content[0].words),
              "Work is {+mostly+} outdoors in all [-weather-]{+seasons+}, on ladders and platforms.");
}

TEST(Diff, UnrelatedRewriteIsRemovedPlusAdded) {
    Profile b = orchard();
    b.sections[0].content[0].paragraph.text = "A career in horticulture with seasonal peaks.";
    ProfileDiff d = diff_profiles(orchard(), b);
    const auto& s = section_at(d, "overview");
    ASSERT_EQ(s.content.size(), 2u);
    EXPECT_EQ(s.content[0].change, Change::removed);
    EXPECT_EQ(s.content[1].change, Change::added);
}

TEST(Diff, TableRowsCompareCellByCell) {
    Profile a = orchard(), b = orchard();
    a.sections[3].content.push_back(table({{"Starting", "$21.40"}, {"Top", "$27.90"}}));
    b.sections[3].content.push_back(table({{"Starting", "$22.10"}, {"Top", "$27.90"}}));
    ProfileDiff d = diff_profiles(a, b);
    const auto& s = section_at(d, "salary");
    ASSERT_EQ(s.content.size(), 1u);
    EXPECT_EQ(s.content[0].unit, ContentChange::Unit::row);
    EXPECT_EQ(s.content[0].old_text, "Starting | $21.40");
    EXPECT_EQ(s.content[0].new_text, "Starting | $22.10");
}

TEST(Diff, SectionWagesAndDatesOldToNew) {
    Profile b = orchard();
    b.sections[3].wages = {hourly(22.1, 29, "2013")};
    b.sections[3].dates = {date(DateKind::revised, "2014-01")};
    b.sections[3].content = {paragraph("Technicians earn $22.10 to $29.00 an hour.")};
    ProfileDiff d = diff_profiles(orchard(), b);
    const auto& s = section_at(d, "salary");
    ASSERT_EQ(s.fields.size(), 2u);
    EXPECT_EQ(s.fields[0].field, "date");
    EXPECT_EQ(s.fields[0].subject, "revised");
    EXPECT_EQ(s.fields[0].old_value, "2012-02");
    EXPECT_EQ(s.fields[0].new_value, "2014-01");
    EXPECT_EQ(s.fields[1].field, "wage");
    EXPECT_EQ(s.fields[1].subject, "range per hour");
    EXPECT_EQ(s.fields[1].old_value, "21.4-27.9 (2010)");
    EXPECT_EQ(s.fields[1].new_value, "22.1-29 (2013)");
    EXPECT_TRUE(d.warnings.empty());  // content and date both moved: consistent
}

TEST(Diff, UnmappedContentIsComparedToo) {
    Profile a = orchard(), b = orchard();
    a.unmapped = {paragraph("Call 1-800-555-0100")};
    b.unmapped = {paragraph("Call 1-800-555-0199")};
    ProfileDiff d = diff_profiles(a, b);
    EXPECT_EQ(changed_paths(d), std::vector<std::string>{"unmapped"});
    EXPECT_TRUE(diff_profiles(a, a).identical());
}

// ---- Revision consistency
// --------------------------------------------------------------------------------------------

TEST(Diff, ContentChangedButDateDidNot) {
    Profile b = orchard();
    b.sections[1].content[1].items.push_back({"net trees against birds", 1, 0});
    ProfileDiff d = diff_profiles(orchard(), b);
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_EQ(d.warnings[0].kind, RevisionWarning::Kind::content_changed_date_not);
    EXPECT_EQ(d.warnings[0].path, "duties");
    EXPECT_EQ(d.warnings[0].message, "duties: content changed but its date did not (revised 2012-03)");
}

TEST(Diff, DateMovedButContentDidNot) {
    Profile b = orchard();
    b.sections[1].dates = {date(DateKind::revised, "2013-06")};
    ProfileDiff d = diff_profiles(orchard(), b);
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_EQ(d.warnings[0].kind, RevisionWarning::Kind::date_changed_content_not);
    EXPECT_EQ(d.warnings[0].message, "duties: date moved (revised 2012-03 → revised 2013-06) but the content did not");
}

TEST(Diff, PageRevisionDate) {
    Profile a = orchard(), b = orchard();
    a.dates.push_back(date(DateKind::modified, "2020-01-01", DatePrecision::day));
    b.dates.push_back(date(DateKind::modified, "2021-01-01", DatePrecision::day));
    ProfileDiff only_date = diff_profiles(a, b);
    ASSERT_EQ(only_date.warnings.size(), 1u);
    EXPECT_EQ(only_date.warnings[0].kind, RevisionWarning::Kind::date_changed_content_not);
    EXPECT_EQ(only_date.warnings[0].path, "");
    Profile c = a;
    c.sections[0].content[0].paragraph.text = "Orchard technicians tend and harvest fruit trees.";
    ProfileDiff only_content = diff_profiles(a, c);
    ASSERT_EQ(only_content.warnings.size(), 1u);
    EXPECT_EQ(only_content.warnings[0].kind, RevisionWarning::Kind::content_changed_date_not);
}

// ---- Word diff and the LCS under it
// ----------------------------------------------------------------------------------

TEST(Diff, WordDiffUsesIcuWordBoundaries) {
    EXPECT_EQ(render(diff_words("health care settings", "health-care settings")), "health{+-+}care settings");
    EXPECT_EQ(render(diff_words("earns $43,142.00 a year", "earns $47,642.00 a year")),
              "earns $[-43,142.00-]{+47,642.00+} a year");
    EXPECT_EQ(render(diff_words("", "new words")), "{+new words+}");
    EXPECT_EQ(render(diff_words("old words", "")), "[-old words-]");
    EXPECT_TRUE(diff_words("", "").empty());
}

std::size_t lcs_length(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::vector<std::size_t>> t(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = a.size(); i-- > 0;)
        for (std::size_t j = b.size(); j-- > 0;)
            t[i][j] = a[i] == b[j] ? t[i + 1][j + 1] + 1 : std::max(t[i + 1][j], t[i][j + 1]);
    return t[0][0];
}

TEST(Diff, WordDiffIsALongestCommonSubsequence) {
    std::mt19937 random(20240331);
    const std::vector<std::string> alphabet{"a", "b", "c", "d", "e"};
    for (int round = 0; round < 500; ++round) {
        std::vector<std::string> a(random() % 40), b(random() % 40);
        for (auto& w : a) w = alphabet[random() % alphabet.size()];
        for (auto& w : b) w = alphabet[random() % alphabet.size()];
        auto join = [](const std::vector<std::string>& words) {
            std::string s;
            for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
            return s;
        };
        auto runs = diff_words(join(a), join(b));
        std::vector<std::string> old_side, new_side;
        std::size_t same = 0;
        for (const auto& r : runs) {
            std::vector<std::string> words;
            for (std::size_t at = 0; at < r.text.size(); at += 2) words.push_back(r.text.substr(at, 1));
            if (r.op != WordRun::Op::added) old_side.insert(old_side.end(), words.begin(), words.end());
            if (r.op != WordRun::Op::removed) new_side.insert(new_side.end(), words.begin(), words.end());
            if (r.op == WordRun::Op::same) same += words.size();
        }
        ASSERT_EQ(old_side, a) << join(a) << " / " << join(b);
        ASSERT_EQ(new_side, b) << join(a) << " / " << join(b);
        ASSERT_EQ(same, lcs_length(a, b)) << join(a) << " / " << join(b);
    }
}

TEST(Diff, EveryUnitIsAccountedForOnce) {
    // Random lists over a few similar item texts: whatever the alignment, each old unit is kept, removed, changed or
    // moved exactly once, and each new unit likewise, so both sides count the same kept units.
    std::mt19937 random(7);
    const std::vector<std::string> texts{"prune trees", "prune the trees", "spray for pests", "spray pests",
                                         "pick fruit",  "grade fruit",     "net trees",       "mow rows"};
    for (int round = 0; round < 300; ++round) {
        std::vector<std::string> a(random() % 120), b(random() % 120);
        for (auto& t : a) t = texts[random() % texts.size()];
        for (auto& t : b) t = texts[random() % texts.size()];
        Profile old_profile = orchard(), new_profile = orchard();
        old_profile.sections[1].content = {list(a)};
        new_profile.sections[1].content = {list(b)};
        ProfileDiff d = diff_profiles(old_profile, new_profile);
        const auto& duties = section_at(d, "duties");
        int old_side = 0, new_side = 0;
        for (const auto& c : duties.content) {
            old_side += c.old_position > 0;
            new_side += c.new_position > 0;
            ASSERT_EQ(c.old_position > 0, c.change != Change::added);
            ASSERT_EQ(c.new_position > 0, c.change != Change::removed);
            if (c.change == Change::moved) {
                ASSERT_EQ(c.old_text, c.new_text);
            }
        }
        ASSERT_EQ(static_cast<int>(a.size()) - old_side, static_cast<int>(b.size()) - new_side) << round;
        ASSERT_EQ(duties.content.empty(), a == b) << round;
    }
}

// ---- Reports
// ---------------------------------------------------------------------------------------------------------

Profile edited_orchard() {
    Profile b = orchard();
    b.title->text = "Orchard and Vineyard Technician";
    b.sections[1].content[1].items[1].text = "thin blossoms and fruitlets by hand";
    b.sections[1].content[1].items.push_back({"net trees against birds", 1, 0});
    b.sections[1].dates = {date(DateKind::revised, "2013-06")};
    b.sections.erase(b.sections.begin() + 2);
    return b;
}

TEST(DiffReport, Text) {
    ProfileDiff d = diff_profiles(orchard(), edited_orchard());
    EXPECT_EQ(write_diff_text(d, {"old.xml", "new.xml", false}),
              "--- old.xml\n"
              "+++ new.xml\n"
              "@@ profile @@\n"
              "~ title: Orchard {+and Vineyard+} Technician\n"
              "@@ duties: Duties @@ changed\n"
              "~ date revised: 2012-03 → 2013-06\n"
              "~ item: thin blossoms {+and fruitlets+} by hand\n"
              "+ item: net trees against birds\n"
              "@@ working-conditions: Working Conditions @@ removed\n"
              "- paragraph: Work is outdoors in all weather, on ladders and platforms.\n");
}

TEST(DiffReport, TextInColour) {
    ProfileDiff d = diff_profiles(orchard(), edited_orchard());
    std::string text = write_diff_text(d, {"old.xml", "new.xml", true});
    EXPECT_NE(text.find("\033[32mand Vineyard\033[m"), std::string::npos);  // added words in green, no brackets
    EXPECT_EQ(text.find("{+"), std::string::npos);
    EXPECT_NE(text.find("\033[31m- paragraph: Work is outdoors"), std::string::npos);
}

TEST(DiffReport, LongParagraphsKeepContextAroundChanges) {
    std::string before, after;
    for (int k = 0; k < 30; ++k) before += "word" + std::to_string(k) + " ";
    after = before;
    after.replace(after.find("word15 "), 7, "changed15 ");
    Profile a = orchard(), b = orchard();
    a.sections[0].content[0].paragraph.text = before;
    b.sections[0].content[0].paragraph.text = after;
    std::string text = write_diff_text(diff_profiles(a, b));
    EXPECT_NE(text.find("~ paragraph: … word9 word10 word11 word12 word13 word14 [-word15-]{+changed15+} word16 word17 "
                        "word18 word19 word20 word21 …\n"),
              std::string::npos)
        << text;
}

TEST(DiffReport, Stat) {
    ProfileDiff d = diff_profiles(orchard(), edited_orchard());
    EXPECT_EQ(write_diff_stat(d),
              " profile                                | 1 ~\n"
              " duties: Duties                         | 3 +~~\n"
              " working-conditions: Working Conditions | 1 -\n"
              " 2 sections changed (0 added, 1 removed, 0 moved); 1 added, 1 removed, 3 changed, 0 moved\n");
}

TEST(DiffReport, Json) {
    ProfileDiff d = diff_profiles(orchard(), edited_orchard());
    std::string json = write_diff_json(d, {"old.xml", "new.xml", false});
    for (const char* expected :
         {"\"format\": \"occkit-diff\"", "\"version\": 1", "\"identical\": false", "\"sectionsRemoved\": 1",
          "\"path\": \"duties\"", "\"status\": \"changed\"", "\"field\": \"title\"",
          "\"old\": \"thin blossoms by hand\"", "\"new\": \"thin blossoms and fruitlets by hand\"", "\"op\": \"added\"",
          "\"text\": \"and fruitlets\""})
        EXPECT_NE(json.find(expected), std::string::npos) << expected;
    EXPECT_EQ(json.find("\"path\": \"overview\""), std::string::npos);  // unchanged sections are left out
    EXPECT_EQ(json.back(), '\n');
    std::string same = write_diff_json(diff_profiles(orchard(), orchard()));
    EXPECT_NE(same.find("\"identical\": true"), std::string::npos);
    EXPECT_NE(same.find("\"sections\": []"), std::string::npos);
}

TEST(DiffReport, ProfileTextHasNoLinesOrProvenance) {
    std::string text = write_profile_text(orchard());
    EXPECT_EQ(text,
              "title: Orchard Technician\n"
              "alternate title: Fruit grower\n"
              "alternate title: Orchardist\n"
              "code NOC 2006: 8252 Agricultural service contractors\n"
              "fact minimum-education: High school diploma\n"
              "date produced: 2010-07\n"
              "\n## overview: Overview\n"
              "Orchard technicians tend fruit trees.\n"
              "\n## duties: Duties\n"
              "date revised: 2012-03\n"
              "Orchard technicians:\n"
              "- prune trees in winter\n"
              "- thin blossoms by hand\n"
              "- spray for pests\n"
              "- pick and grade fruit\n"
              "\n## working-conditions: Working Conditions\n"
              "Work is outdoors in all weather, on ladders and platforms.\n"
              "\n## salary: Salary\n"
              "date revised: 2012-02\n"
              "wage range per hour: 21.4-27.9 (2010)\n"
              "Technicians earn $21.40 to $27.90 an hour.\n");
}

TEST(DiffReport, ReadProfileTakesXmlOrPages) {
    Profile from_xml = read_profile(write_xml(orchard()));
    EXPECT_TRUE(diff_profiles(orchard(), from_xml).identical());
    Profile from_page = read_profile("Glassblowing Technician\n\nDuties\n\nShape molten glass.\n");
    ASSERT_TRUE(from_page.title.has_value());
    EXPECT_EQ(from_page.title->text, "Glassblowing Technician");
}

// ---- The command
// -----------------------------------------------------------------------------------------------------

fs::path write_scratch(const fs::path& dir, const std::string& name, const std::string& text) {
    fs::path p = dir / name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
}

TEST(DiffCli, HtmlAndTextOfEverySampleAreIdentical) {
    auto pages = occkit::testing::files_below(source_dir() / "samples", {".html"});
    ASSERT_GE(pages.size(), 7u);
    for (const auto& html : pages) {
        fs::path text = fs::path(html).replace_extension(".txt");
        auto r = run_cli({"diff", html.string(), text.string()});
        EXPECT_EQ(r.exit_code, 0) << html << "\n" << r.out << r.err;
        EXPECT_EQ(r.out, "");
    }
}

TEST(DiffCli, ConvertedXmlAgainstItsPageIsIdentical) {
    fs::path dir = scratch_dir("diff_cli_xml");
    fs::path page = source_dir() / "samples/alis/orthotic-and-prosthetic-technician.txt";
    auto converted = run_cli({"convert", page.string(), "-o", (dir / "page.xml").string()});
    ASSERT_EQ(converted.exit_code, 0) << converted.err;
    auto r = run_cli({"diff", (dir / "page.xml").string(),
                      (source_dir() / "samples/alis/orthotic-and-prosthetic-technician.html").string()});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST(DiffCli, ExitCodesAndFormats) {
    fs::path dir = scratch_dir("diff_cli_codes");
    fs::path a = write_scratch(dir, "old.xml", write_xml(orchard()));
    fs::path b = write_scratch(dir, "new.xml", write_xml(edited_orchard()));
    auto same = run_cli({"diff", a.string(), a.string()});
    EXPECT_EQ(same.exit_code, 0);
    EXPECT_EQ(same.out, "");
    auto text = run_cli({"diff", a.string(), b.string()});
    EXPECT_EQ(text.exit_code, 1) << text.err;
    EXPECT_EQ(text.out, write_diff_text(diff_profiles(orchard(), edited_orchard()), {a.string(), b.string(), false}));
    EXPECT_EQ(text.out.find('\033'), std::string::npos);  // not a terminal: no colour under auto
    auto colour = run_cli({"diff", "--color", "always", a.string(), b.string()});
    EXPECT_NE(colour.out.find('\033'), std::string::npos);
    auto json = run_cli({"diff", "--format", "json", a.string(), b.string()});
    EXPECT_EQ(json.exit_code, 1);
    EXPECT_EQ(json.out.rfind("{\n  \"format\": \"occkit-diff\"", 0), 0u);
    // A label (or a file name) that is not UTF-8 still gives JSON: the bad byte becomes U+FFFD.
    auto odd =
        run_cli({"diff", "--format", "json", "-L", "caf\xE9.xml", "-L", "new\xC0\xAF.xml", a.string(), b.string()});
    EXPECT_EQ(odd.exit_code, 1) << odd.err;
    EXPECT_NE(odd.out.find("\"caf\\ufffd.xml\""), std::string::npos) << odd.out.substr(0, 300);
    EXPECT_TRUE(nlohmann::json::accept(odd.out));
    EXPECT_NE(odd.out.find("\"new\\ufffd\\ufffd.xml\""), std::string::npos)  // an overlong '/' is two bad bytes
        << odd.out.substr(0, 300);
    auto stat = run_cli({"diff", "--stat", a.string(), b.string()});
    EXPECT_EQ(stat.exit_code, 1);
    EXPECT_NE(stat.out.find(" duties: Duties"), std::string::npos);
    auto labelled = run_cli({"diff", "-L", "a/bee.xml", "-L", "b/bee.xml", a.string(), b.string()});
    EXPECT_EQ(labelled.out.rfind("--- a/bee.xml\n+++ b/bee.xml\n", 0), 0u) << labelled.out;
    auto added = run_cli({"diff", "/dev/null", b.string()});
    EXPECT_EQ(added.exit_code, 1);
    EXPECT_NE(added.out.find("+ title: Orchard and Vineyard Technician"), std::string::npos);
}

TEST(DiffCli, BadInputIsOneLineNamingTheFile) {
    fs::path dir = scratch_dir("diff_cli_bad");
    fs::path good = write_scratch(dir, "good.xml", write_xml(orchard()));
    fs::path bad = write_scratch(dir, "bad.xml",
                                 "<?xml version=\"1.0\"?>\n<occupation xmlns=\"urn:occkit:occupation:1\" "
                                 "schemaVersion=\"1.0\"><title>x</title><bogus/>");
    auto r = run_cli({"diff", good.string(), bad.string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(r.err.rfind("occkit: " + bad.string() + ": ", 0), 0u) << r.err;
    auto missing = run_cli({"diff", good.string(), (dir / "missing.html").string()});
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_EQ(missing.err, "occkit: " + (dir / "missing.html").string() + ": no such file or directory\n");
    fs::path binary = write_scratch(dir, "binary.html", std::string("\x00\x01\x02\xff\xfe\x00garbage", 12));
    auto undecodable = run_cli({"diff", good.string(), binary.string()});
    EXPECT_EQ(undecodable.exit_code, 2);
    EXPECT_EQ(undecodable.err.rfind("occkit: " + binary.string() + ": ", 0), 0u) << undecodable.err;
    EXPECT_EQ(run_cli({"diff", good.string()}).exit_code, 2);
    EXPECT_EQ(run_cli({"diff", "--format", "yaml", good.string(), good.string()}).exit_code, 2);
}

TEST(DiffCli, TextPagesRewrappedAreIdentical) {
    fs::path dir = scratch_dir("diff_cli_wrap");
    // A text dump keeps each line a block: the same paragraph wrapped over two lines is two paragraphs.
    std::string page =
        "Glassblowing Technician\n\nDuties\n\nGlassblowing technicians shape molten glass into laboratory apparatus "
        "and scientific instruments. They repair broken glassware and build custom vacuum lines for researchers.\n";
    std::string wrapped =
        "Glassblowing Technician\n\nDuties\n\nGlassblowing technicians shape molten glass into laboratory apparatus "
        "and scientific instruments.\nThey repair broken glassware and build custom vacuum lines for researchers.\n";
    fs::path a = write_scratch(dir, "a.txt", page), b = write_scratch(dir, "b.txt", wrapped);
    auto r = run_cli({"diff", a.string(), b.string()});
    EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST(DiffCli, TextconvPrintsTheProfileText) {
    fs::path dir = scratch_dir("diff_cli_textconv");
    fs::path a = write_scratch(dir, "a.xml", write_xml(orchard()));
    auto r = run_cli({"diff", "--textconv", a.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, write_profile_text(orchard()));
    fs::path html = source_dir() / "samples/workbc/2225.html";
    auto from_html = run_cli({"diff", "--textconv", html.string()});
    auto from_text = run_cli({"diff", "--textconv", fs::path(html).replace_extension(".txt").string()});
    EXPECT_EQ(from_html.out, from_text.out);
    EXPECT_NE(from_html.out.find("## duties: "), std::string::npos);
}

// ---- Real snapshots
// --------------------------------------------------------------------------------------------------

TEST(DiffShared, WorkBcSnapshotPairsReportOnlyWhatReallyChanged) {
    OCCKIT_REQUIRE_SHARED(shared);
    const fs::path before = shared / "corpus/workbc/2022-10-17", after = shared / "corpus/workbc/2022-11-22";
    ASSERT_TRUE(fs::is_directory(before) && fs::is_directory(after));
    std::vector<std::string> differing;
    int pairs = 0;
    for (const auto& page : occkit::testing::files_below(after, {".html"})) {
        fs::path old_page = before / page.filename();
        if (!fs::exists(old_page)) continue;  // only in the later snapshot
        ++pairs;
        ProfileDiff d = diff_profiles(read_profile(read_file(old_page)), read_profile(read_file(page)));
        if (!d.identical()) differing.push_back(page.filename().string());
    }
    EXPECT_GE(pairs, 280);
    // `cmp` on the raw files: 2174.html is the only pair whose bytes differ, by one Resources link.
    ASSERT_EQ(differing, std::vector<std::string>{"2174.html"});
    ProfileDiff d =
        diff_profiles(read_profile(read_file(before / "2174.html")), read_profile(read_file(after / "2174.html")));
    EXPECT_TRUE(d.profile.empty());
    EXPECT_TRUE(d.warnings.empty());
    ASSERT_EQ(changed_paths(d), std::vector<std::string>{"resources"});
    const auto& resources = section_at(d, "resources");
    EXPECT_FALSE(resources.moved);
    EXPECT_TRUE(resources.fields.empty());
    ASSERT_EQ(resources.content.size(), 1u);
    EXPECT_EQ(resources.content[0].change, Change::removed);
    EXPECT_EQ(resources.content[0].unit, ContentChange::Unit::item);
    EXPECT_EQ(resources.content[0].old_text, "Society of Internet Professionals (SIP)");
    EXPECT_EQ(resources.old_units, 7);
    EXPECT_EQ(resources.new_units, 6);
}

TEST(DiffShared, AlisLicensedPracticalNurse2023To2024) {
    OCCKIT_REQUIRE_SHARED(shared);
    const fs::path dir = shared / "corpus/pages/ab";
    ProfileDiff d = diff_profiles(read_profile(read_file(dir / "alis-licensed-practical-nurse-2023.txt")),
                                  read_profile(read_file(dir / "alis-licensed-practical-nurse-2024.txt")));
    // The site rewrote "health care" as "health-care" and the Duties text, and moved Duties' "Updated" date.
    EXPECT_TRUE(d.profile.empty()) << write_diff_text(d);
    EXPECT_EQ(changed_paths(d), (std::vector<std::string>{"overview", "duties"})) << write_diff_text(d);
    const auto& overview = section_at(d, "overview");
    ASSERT_EQ(overview.content.size(), 1u);
    EXPECT_EQ(overview.content[0].change, Change::changed);
    EXPECT_EQ(render(overview.content[0].words),
              "Licensed practical nurses provide care for individuals, families{+,+} and groups in a variety of "
              "health{+-+}care settings. They may practice independently or as part of a health{+-+}care team.");
    const auto& duties = section_at(d, "duties");
    ASSERT_EQ(duties.fields.size(), 1u);
    EXPECT_EQ(duties.fields[0].subject, "updated");
    EXPECT_EQ(duties.fields[0].old_value, "2016-12-20");
    EXPECT_EQ(duties.fields[0].new_value, "2024-03-31");
    ASSERT_EQ(duties.content.size(), 1u);
    EXPECT_EQ(duties.content[0].change, Change::changed);
    EXPECT_TRUE(d.warnings.empty());  // Duties changed and its date moved with it
}

TEST(DiffShared, AlisLicensedPracticalNurseSnapshotsAllDiffer) {
    OCCKIT_REQUIRE_SHARED(shared);
    const fs::path dir = shared / "corpus/pages/ab";
    const std::vector<std::string> years{"2017", "2020", "2023", "2024"};
    for (std::size_t k = 0; k + 1 < years.size(); ++k) {
        auto r = run_cli({"diff", (dir / ("alis-licensed-practical-nurse-" + years[k] + ".txt")).string(),
                          (dir / ("alis-licensed-practical-nurse-" + years[k + 1] + ".txt")).string()});
        EXPECT_EQ(r.exit_code, 1) << years[k] << r.err;
        EXPECT_TRUE(r.err.empty()) << r.err;
    }
    // 2017 -> 2020: the wages on the page moved from $43,142 to $47,642 a year.
    ProfileDiff d = diff_profiles(read_profile(read_file(dir / "alis-licensed-practical-nurse-2017.txt")),
                                  read_profile(read_file(dir / "alis-licensed-practical-nurse-2020.txt")));
    // The layout may place the wage on the page or in the overview section: look in both.
    std::vector<FieldChange> fields = d.profile;
    for (const auto& s : d.sections) fields.insert(fields.end(), s.fields.begin(), s.fields.end());
    auto wage = std::find_if(fields.begin(), fields.end(),
                             [](const FieldChange& f) { return f.field == "wage" && f.subject == "average per year"; });
    ASSERT_NE(wage, fields.end()) << write_diff_text(d);
    EXPECT_EQ(wage->old_value, "43142");
    EXPECT_EQ(wage->new_value, "47642");
}

}  // namespace
