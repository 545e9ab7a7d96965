// What a reader sees in the two seed pages and in the other ALIS and Health Team Nova Scotia pages of the corpus.
// Expected values were written by reading the pages in ../shared, not by running the converter.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "occkit/convert.hpp"
#include "testing.hpp"

namespace fs = std::filesystem;
using namespace occkit;
using occkit::testing::files_below;
using occkit::testing::read_file;

namespace {

Conversion convert_page(const fs::path& p) { return convert(read_file(p)); }

fs::path seed(const fs::path& shared, const std::string& prefix) {
    for (const auto& p : files_below(shared / "seeds", {".txt"}))
        if (p.filename().string().starts_with(prefix)) return p;
    return {};
}

std::string first_words(const Section& s, std::size_t n = 4) {
    std::string text;
    for (const auto& c : s.content) {
        text = c.kind == Content::Kind::paragraph ? c.paragraph.text
               : c.kind == Content::Kind::list    ? c.items.front().text
                                                  : c.rows.front().cells.front();
        break;
    }
    std::istringstream in(text);
    std::string word, out;
    for (std::size_t i = 0; i < n && in >> word; ++i) out += (i ? " " : "") + word;
    return out;
}

// "kind|heading|inferred|first words" for each top-level section.
std::vector<std::string> outline(const Profile& p) {
    std::vector<std::string> out;
    for (const auto& s : p.sections)
        out.push_back(s.kind + "|" + s.heading + "|" + (s.heading_inferred ? "inferred" : "page") + "|" +
                      first_words(s));
    return out;
}

std::vector<std::string> codes(const Profile& p) {
    std::vector<std::string> out;
    for (const auto& c : p.codes)
        out.push_back(c.scheme + " " + c.version + " " + c.value + (c.label.empty() ? "" : " " + c.label));
    return out;
}

std::vector<std::string> dates_with_sections(const Profile& p) {
    std::vector<std::string> out;
    for (const auto& d : p.dates) out.push_back("page " + std::string(to_string(d.kind)) + " " + d.value);
    for (const auto& s : p.sections)
        for (const auto& d : s.dates) out.push_back(s.kind + " " + std::string(to_string(d.kind)) + " " + d.value);
    return out;
}

std::vector<std::string> updated_dates(const Profile& p) {
    std::vector<std::string> out;
    for (const auto& s : p.sections)
        for (const auto& d : s.dates)
            if (d.kind == DateKind::updated) out.push_back(s.kind + " " + d.value);
    return out;
}

std::string wage_text(const Wage& w) {
    std::ostringstream o;
    o << to_string(w.measure) << ' ' << to_string(w.per);
    if (w.min) o << " min=" << *w.min;
    if (w.max) o << " max=" << *w.max;
    if (w.value) o << " value=" << *w.value;
    if (!w.data_year.empty()) o << " year=" << w.data_year;
    return o.str();
}

const Section* section_of(const Profile& p, const std::string& kind) {
    for (const auto& s : p.sections)
        if (s.kind == kind) return &s;
    return nullptr;
}

bool has_unmapped_placement(const Conversion& c) {
    for (const auto& pl : c.placements)
        if (pl.where == "unmapped") return true;
    return false;
}

}  // namespace

TEST(SeedAlis2010, FieldsTitleAndCodes) {
    OCCKIT_REQUIRE_SHARED(shared);
    Conversion c = convert_page(seed(shared, "002_"));
    const Profile& p = c.profile;
    EXPECT_EQ(c.detection.layout, "alis-2010");
    EXPECT_EQ(p.source.jurisdiction, "AB");
    ASSERT_TRUE(p.title);
    EXPECT_EQ(p.title->text, "Health Information Management Professional");
    std::vector<std::string> alternates;
    for (const auto& a : p.alternate_titles) alternates.push_back(a.text);
    EXPECT_EQ(alternates, (std::vector<std::string>{"Coding Specialist", "Data Analyst", "Health Record Technician",
                                                    "Information Specialist", "Medical Technologist",
                                                    "Release of Information Specialist"}));
    EXPECT_EQ(codes(p), std::vector<std::string>{"NOC 2006 1122"});
    ASSERT_EQ(p.facts.size(), 3u);
    EXPECT_EQ(p.facts[0].name, "minimum-education");
    EXPECT_EQ(p.facts[0].value, "2 years post-secondary education/training");
    EXPECT_EQ(p.facts[1].name, "employment-outlook");
    EXPECT_EQ(p.facts[1].value,
              "Job openings: turnover plus new jobs due to below average growth in occupation in Alberta 2013-2017");
    EXPECT_EQ(p.facts[2].name, "interest-codes");
    EXPECT_EQ(p.facts[2].value, "I S D");
}

TEST(SeedAlis2010, SectionsInPageOrderWithLostHeadingsInferred) {
    OCCKIT_REQUIRE_SHARED(shared);
    const Profile p = convert_page(seed(shared, "002_")).profile;
    EXPECT_EQ(outline(p),
              (std::vector<std::string>{
                  "overview|Overview|inferred|Health information management professionals",
                  "duties|Duties|inferred|Health records contain information",
                  "working-conditions|Working Conditions|page|Health information management professionals",
                  "personal-characteristics|Personal Characteristics|page|Health information management professionals",
                  "education|Educational Requirements|page|Health information management professionals",
                  "employment|Employment and Advancement|page|Health information management professionals",
                  "salary|Salary|inferred|Wages for health information",
                  "resources|Other Sources of Information|page|Post-secondary institution calendars and",
                  "related-occupations|Related Occupational Profiles|page|Administrative Assistant",
                  "related-subjects|Related High School Subjects|page|Business, Administration, Finance and",
                  "related-fields|Related Post-Secondary Field of Study|page|Clerical and Administrative Support",
              }));
    const Section* subjects = section_of(p, "related-subjects");
    ASSERT_TRUE(subjects);
    ASSERT_EQ(subjects->content.size(), 1u);
    std::vector<std::string> items;
    for (const auto& i : subjects->content[0].items) items.push_back(i.text);
    EXPECT_EQ(items, (std::vector<std::string>{
                         "Business, Administration, Finance and Information Technology (Enterprise and Innovation; "
                         "Financial Management; Information Processing; and Management and Marketing)",
                         "English Language Arts", "Mathematics", "Science (Biology)"}));
    EXPECT_EQ(section_of(p, "related-occupations")->content[0].items.size(), 7u);
    EXPECT_EQ(section_of(p, "related-fields")->content[0].items.size(), 2u);
}

TEST(SeedAlis2010, DatesBelongToTheSectionsTheyClose) {
    OCCKIT_REQUIRE_SHARED(shared);
    const Profile p = convert_page(seed(shared, "002_")).profile;
    EXPECT_EQ(dates_with_sections(p), (std::vector<std::string>{
                                          "page period 2013/2017",
                                          "page produced 2010-07",
                                          "education revised 2012-03",
                                          "salary data-year 2010",
                                          "salary data-year 2011",
                                          "salary revised 2012-02",
                                      }));
}

TEST(SeedAlis2010, EveryWageFigure) {
    OCCKIT_REQUIRE_SHARED(shared);
    const Profile p = convert_page(seed(shared, "002_")).profile;
    const Section* salary = section_of(p, "salary");
    ASSERT_TRUE(salary);
    std::vector<std::string> wages;
    for (const auto& w : salary->wages) wages.push_back(wage_text(w));
    EXPECT_EQ(wages, (std::vector<std::string>{"range hour min=26.18 max=32.18 year=2010",
                                               "range hour min=28.77 max=55.74 year=2011",
                                               "average hour value=38.55 year=2011"}));
    EXPECT_EQ(salary->wages[0].phrase, "$26.18 to $32.18 an hour (2010)");
    EXPECT_TRUE(p.wages.empty());
}

TEST(SeedAlis2010, NothingUnmappedAndChromeDropped) {
    OCCKIT_REQUIRE_SHARED(shared);
    Conversion c = convert_page(seed(shared, "002_"));
    EXPECT_TRUE(c.profile.unmapped.empty());
    EXPECT_FALSE(has_unmapped_placement(c));
    std::vector<std::string> chrome;
    for (const auto& pl : c.placements)
        if (pl.where == "chrome") chrome.push_back(pl.text.substr(0, 14));
    EXPECT_EQ(chrome,
              (std::vector<std::string>{"Top of Profile", "For more infor", "The informatio", "Government of "}));
}

TEST(SeedHtns, TitleSectionsAndLetteredHeadings) {
    OCCKIT_REQUIRE_SHARED(shared);
    Conversion c = convert_page(seed(shared, "000_"));
    const Profile& p = c.profile;
    EXPECT_EQ(c.detection.layout, "htns");
    EXPECT_EQ(p.source.jurisdiction, "NS");
    ASSERT_TRUE(p.title);
    EXPECT_EQ(p.title->text, "Health Records Technologist");
    EXPECT_TRUE(p.alternate_titles.empty());
    EXPECT_TRUE(p.codes.empty());
    EXPECT_EQ(outline(p),
              (std::vector<std::string>{
                  "duties|Job Description|page|Doctors need accurate and",
                  "interesting-facts|Interesting Facts|page|The Canadian Health Information",
                  "working-conditions|Working Conditions|page|Health record technicians work",
                  "salary|Salary|inferred|$32 000 - $36",
                  "personal-characteristics|(a) Personal Characteristics|page|Good communication skills are",
                  "education|Education|inferred|",
                  "certification|(d) Certification|page|Registration and membership in",
                  "getting-started|What Can I do Now?|page|Explore websites",
              }));
    const Section* education = section_of(p, "education");
    ASSERT_TRUE(education);
    ASSERT_EQ(education->subsections.size(), 2u);
    EXPECT_EQ(education->subsections[0].heading, "(b) High School");
    EXPECT_EQ(first_words(education->subsections[0]), "A high school diploma");
    EXPECT_EQ(education->subsections[1].heading, "(c) Post Secondary");
    EXPECT_EQ(first_words(education->subsections[1]), "Some colleges offer a");
    EXPECT_EQ(section_of(p, "getting-started")->content[0].items.size(), 5u);
}

TEST(SeedHtns, YearlySalaryCopyrightAndChrome) {
    OCCKIT_REQUIRE_SHARED(shared);
    Conversion c = convert_page(seed(shared, "000_"));
    const Profile& p = c.profile;
    const Section* salary = section_of(p, "salary");
    ASSERT_TRUE(salary);
    ASSERT_EQ(salary->wages.size(), 1u);
    EXPECT_EQ(wage_text(salary->wages[0]), "range year min=32000 max=36000");
    EXPECT_EQ(salary->wages[0].phrase, "$32 000 - $36 000 a year");
    EXPECT_EQ(dates_with_sections(p), std::vector<std::string>{"page copyright 2009"});
    EXPECT_EQ(p.dates[0].phrase, "Crown copyright © 2009");
    EXPECT_TRUE(p.unmapped.empty());
    EXPECT_FALSE(has_unmapped_placement(c));
    int chrome = 0;
    for (const auto& pl : c.placements) chrome += pl.where == "chrome";
    EXPECT_EQ(chrome, 6);  // 4 banner/navigation lines, the copyright line, the footer links
}

struct CorpusExpectation {
    std::string file;
    std::string layout;
    std::string title;  // empty: the text has no title line
    std::vector<std::string> codes;
    std::vector<std::string> updated;  // "kind date" of each "Updated" line
};

std::vector<CorpusExpectation> corpus_expectations() {
    const std::vector<std::string> lpn_current = {
        "NOC 2006 3233.1 Licensed Practical Nurses", "NOC-S 2006 D233 Licensed Practical Nurses",
        "NOC 2011 3233 Licensed practical nurses",   "NOC 2016 3233 Licensed practical nurses",
        "NOC 2021 32101 Licensed practical nurses",  "OaSIS 2023 32101.01 Licensed practical nurses"};
    const std::vector<std::string> ot_current = {
        "NOC 2006 3143 Occupational Therapists", "NOC-S 2006 D043 Occupational Therapists",
        "NOC 2011 3143 Occupational therapists", "NOC 2016 3143 Occupational therapists",
        "NOC 2021 31203 Occupational therapists"};
    std::vector<std::string> ot_2024 = ot_current;
    ot_2024.push_back("OaSIS 2023 31203.00 Occupational therapists");
    return {
        {"ab/alis-carpenter-2019.txt",
         "alis",
         "",
         {"NOC 2006 7271 Carpenters", "NOC-S 2006 H121 Carpenters", "NOC 2011 7271 Carpenters"},
         {}},
        {"ab/alis-cook-2017.txt", "alis", "Cook", {"NOC 2006 6242"}, {"duties 2016-12-20"}},
        {"ab/alis-cook-2019.txt",
         "alis",
         "",
         {"NOC 2006 6242 Cooks", "NOC-S 2006 G412 Cooks", "NOC 2011 6322 Cooks"},
         {}},
        {"ab/alis-cook-2024-textonly.txt", "alis", "Cook", {}, {}},
        {"ab/alis-cook-2024.txt",
         "alis",
         "Cook",
         {"NOC 2006 6242 Cooks", "NOC-S 2006 G412 Cooks", "NOC 2011 6322 Cooks", "NOC 2016 6322 Cooks",
          "NOC 2021 63200 Cooks", "OaSIS 2023 63200.00 Cooks"},
         {"duties 2020-03-31"}},
        {"ab/alis-licensed-practical-nurse-2017.txt", "alis", "Licensed Practical Nurse", {"NOC 2006 3233.1"}, {}},
        {"ab/alis-licensed-practical-nurse-2020-textonly.txt", "alis", "Licensed Practical Nurse", {}, {}},
        {"ab/alis-licensed-practical-nurse-2020.txt",
         "alis",
         "Licensed Practical Nurse",
         {"NOC 2006 3233.1 Licensed Practical Nurses", "NOC-S 2006 D233 Licensed Practical Nurses",
          "NOC 2011 3233 Licensed practical nurses", "NOC 2016 3233 Licensed practical nurses"},
         {}},
        {"ab/alis-licensed-practical-nurse-2023.txt",
         "alis",
         "Licensed Practical Nurse",
         lpn_current,
         {"duties 2016-12-20"}},
        {"ab/alis-licensed-practical-nurse-2024-textonly.txt", "alis", "Licensed Practical Nurse", {}, {}},
        {"ab/alis-licensed-practical-nurse-2024.txt",
         "alis",
         "Licensed Practical Nurse",
         lpn_current,
         {"duties 2024-03-31"}},
        {"ab/alis-occupational-therapist-2018.txt",
         "alis",
         "Occupational Therapist",
         {"NOC 2006 3143 Occupational Therapists", "NOC-S 2006 D043 Occupational Therapists",
          "NOC 2011 3143 Occupational therapists"},
         {}},
        {"ab/alis-occupational-therapist-2020.txt",
         "alis",
         "Occupational Therapist",
         {"NOC 2006 3143 Occupational Therapists", "NOC-S 2006 D043 Occupational Therapists",
          "NOC 2011 3143 Occupational therapists", "NOC 2016 3143 Occupational therapists"},
         {}},
        {"ab/alis-occupational-therapist-2022.txt",
         "alis",
         "Occupational Therapist",
         ot_current,
         {"duties 2016-12-14"}},
        {"ab/alis-occupational-therapist-2024.txt", "alis", "Occupational Therapist", ot_2024, {"duties 2024-03-31"}},
        {"ab/alis-old-electrician-2013.txt", "alis-2010", "", {"NOC 2006 7241", "NOC 2006 7242"}, {}},
        {"ab/alis-physiotherapist-2019.txt",
         "alis",
         "",
         {"NOC 2006 3142 Physiotherapists", "NOC-S 2006 D042 Physiotherapists", "NOC 2011 3142 Physiotherapists"},
         {}},
        {"ab/alis-physiotherapist-2024.txt",
         "alis",
         "",
         {"NOC 2006 3142 Physiotherapists", "NOC-S 2006 D042 Physiotherapists", "NOC 2011 3142 Physiotherapists",
          "NOC 2016 3142 Physiotherapists", "NOC 2021 31202 Physiotherapists", "OaSIS 2023 31202.00 Physiotherapists"},
         {"duties 2024-03-31"}},
        {"ns/htns-paramedic.txt", "htns", "", {}, {}},
        {"ns/htns-physiotherapist.txt", "htns", "", {}, {}},
    };
}

TEST(SeedLayoutCorpus, TitlesCodesAndUpdatedDates) {
    OCCKIT_REQUIRE_SHARED(shared);
    for (const auto& e : corpus_expectations()) {
        SCOPED_TRACE(e.file);
        Conversion c = convert_page(shared / "corpus/pages" / e.file);
        EXPECT_EQ(c.detection.layout, e.layout);
        EXPECT_EQ(c.profile.title ? c.profile.title->text : std::string(), e.title);
        EXPECT_EQ(codes(c.profile), e.codes);
        EXPECT_EQ(updated_dates(c.profile), e.updated);
    }
}

TEST(SeedLayoutCorpus, EveryAlisAndHtnsPageIsCovered) {
    OCCKIT_REQUIRE_SHARED(shared);
    std::set<std::string> expected;
    for (const auto& e : corpus_expectations()) expected.insert(e.file);
    for (const auto& dir : {"ab", "ns"})
        for (const auto& p : files_below(shared / "corpus/pages" / dir, {".txt"})) {
            std::string name = p.filename().string();
            if (name.starts_with("alis-") || name.starts_with("htns-")) {
                EXPECT_TRUE(expected.count(std::string(dir) + "/" + name)) << name;
            }
        }
}

TEST(SeedLayoutCorpus, AlisSummaryFactsAndInterestCodes) {
    OCCKIT_REQUIRE_SHARED(shared);
    const Profile p = convert_page(shared / "corpus/pages/ab/alis-licensed-practical-nurse-2017.txt").profile;
    std::map<std::string, std::string> facts;
    for (const auto& f : p.facts) facts[f.name] = f.value;
    EXPECT_EQ(facts["average-salary"], "$43,142.00");
    EXPECT_EQ(facts["average-wage"], "$29.98");
    EXPECT_EQ(facts["minimum-education"], "2 years post-secondary");
    EXPECT_EQ(facts["employment-outlook"], "Up");
    EXPECT_EQ(facts["employed"], "8,100");
    EXPECT_EQ(facts["in-demand"], "High");
    EXPECT_EQ(facts["interest-codes"], "M S O");
    std::vector<std::string> wages;
    for (const auto& w : p.wages) wages.push_back(wage_text(w));
    EXPECT_EQ(wages, (std::vector<std::string>{"average year value=43142", "average hour value=29.98"}));
    const Profile cook = convert_page(shared / "corpus/pages/ab/alis-cook-2017.txt").profile;
    std::map<std::string, std::string> cook_facts;
    for (const auto& f : cook.facts) cook_facts[f.name] = f.value;
    EXPECT_EQ(cook_facts["interest-codes"], "M O d");  // "directive" in lower case: a weaker fit
    EXPECT_EQ(cook_facts["designation"], "Apprenticeship");
}
