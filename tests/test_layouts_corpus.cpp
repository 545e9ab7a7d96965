// The site layouts on the real pages of ../shared/corpus (and, for sites with a single real page, on our own sample
// of the site): titles, codes, facts, dates, wages and section kinds. Expected values were written by reading the
// pages, not by running the converter. The corpus report (bench/corpus_report.hpp) checks every page converts,
// validates and is detected as its site's layout.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "../bench/corpus_report.hpp"
#include "occkit/convert.hpp"
#include "occkit/error.hpp"
#include "occkit/layout.hpp"
#include "occkit/xml.hpp"
#include "testing.hpp"

namespace fs = std::filesystem;
using namespace occkit;
using occkit::testing::read_file;
using occkit::testing::source_dir;

namespace {

Conversion convert_file(const fs::path& p, const std::string& layout = {}) {
    ConvertOptions options;
    options.layout = layout;
    return convert(read_file(p), options);
}

std::string title_of(const Profile& p) { return p.title ? p.title->text : std::string(); }

std::vector<std::string> codes(const Profile& p) {
    std::vector<std::string> out;
    for (const auto& c : p.codes) out.push_back(c.scheme + (c.version.empty() ? "" : " " + c.version) + " " + c.value);
    return out;
}

std::map<std::string, std::string> facts(const Profile& p) {
    std::map<std::string, std::string> out;
    for (const auto& f : p.facts) out[f.name] = f.value;
    return out;
}

std::string first_text(const Section& s) {
    for (const auto& c : s.content) {
        if (c.kind == Content::Kind::paragraph) return c.paragraph.text;
        if (c.kind == Content::Kind::list && !c.items.empty()) return c.items.front().text;
        if (c.kind == Content::Kind::table && !c.rows.empty()) return c.rows.front().cells.front();
    }
    return {};
}

// "kind|heading|inferred" for each top-level section, "  kind|heading" for subsections.
void outline_into(const std::vector<Section>& sections, const std::string& indent, std::vector<std::string>& out) {
    for (const auto& s : sections) {
        out.push_back(indent + s.kind + "|" + s.heading + (s.heading_inferred ? "|inferred" : ""));
        outline_into(s.subsections, indent + "  ", out);
    }
}

std::vector<std::string> outline(const Profile& p) {
    std::vector<std::string> out;
    outline_into(p.sections, "", out);
    return out;
}

const Section* find_section(const std::vector<Section>& sections, const std::string& heading) {
    for (const auto& s : sections) {
        if (s.heading == heading) return &s;
        if (const Section* sub = find_section(s.subsections, heading)) return sub;
    }
    return nullptr;
}

std::size_t items_in(const Section& s) {
    std::size_t n = 0;
    for (const auto& c : s.content) n += c.items.size();
    return n;
}

std::string wage_text(const Wage& w) {
    std::ostringstream o;
    o << to_string(w.measure) << ' ' << to_string(w.per) << ' ';
    if (w.value) o << *w.value;
    if (w.min) o << *w.min << '-' << *w.max;
    return o.str();
}

std::vector<std::string> wages(const Section& s) {
    std::vector<std::string> out;
    for (const auto& w : s.wages) out.push_back(wage_text(w));
    return out;
}

std::vector<std::string> dates(const std::vector<Date>& ds) {
    std::vector<std::string> out;
    for (const auto& d : ds) out.push_back(std::string(to_string(d.kind)) + " " + d.value);
    return out;
}

fs::path page(const fs::path& shared, const std::string& name) { return shared / "corpus/pages" / name; }

fs::path sample(const std::string& name) { return source_dir() / "samples" / name; }

}  // namespace

// --- WorkBC: the 2022 HTML profiles and the 2018-2021 text dumps ---

TEST(LayoutWorkBC, OlderTextDumpCarpenters) {
    OCCKIT_REQUIRE_SHARED(shared);
    Conversion c = convert_file(page(shared, "bc/workbc-carpenters-7271.txt"));
    const Profile& p = c.profile;
    EXPECT_EQ(c.detection.layout, "workbc");
    EXPECT_EQ(p.source.jurisdiction, "BC");
    EXPECT_EQ(title_of(p), "Carpenters");  // "(NOC 7271)" is the code, not part of the name
    EXPECT_EQ(codes(p), std::vector<std::string>{"NOC 2016 7271"});
    // "People in this occupation:" heads its own list (gold: personal-characteristics).
    EXPECT_EQ(outline(p), (std::vector<std::string>{
                              "overview|About this job",
                              "personal-characteristics|People in this occupation:", "job-titles|Common job titles",
                              "duties|Duties|inferred", "working-conditions|Work environment"}));
    const Section* duties = find_section(p.sections, "Duties");
    ASSERT_TRUE(duties);
    EXPECT_EQ(items_in(*duties), 8u);  // the list after the blank lines the lost heading left
    EXPECT_EQ(first_text(*duties).substr(0, 34), "read and interpret blueprints, dra");
    EXPECT_EQ(items_in(*find_section(p.sections, "Common job titles")), 6u);
}

TEST(LayoutWorkBC, OlderTextDumpPlumbersSalaryBlockAndLeadIn) {
    OCCKIT_REQUIRE_SHARED(shared);
    const Profile p = convert_file(page(shared, "bc/workbc-plumbers-7251-2016wages.txt")).profile;
    EXPECT_EQ(title_of(p), "Plumbers");
    EXPECT_EQ(codes(p), std::vector<std::string>{"NOC 2016 7251"});
    const Section* salary = find_section(p.sections, "Annual provincial median salary");
    ASSERT_TRUE(salary);
    EXPECT_EQ(salary->kind, "salary");
    // "Source: 2016 Job Bank Wage data", then the note "... based on 2016 Job Bank median hourly wage rate"
    EXPECT_EQ(dates(salary->dates), (std::vector<std::string>{"data-year 2016", "data-year 2016"}));
    EXPECT_TRUE(salary->wages.empty());  // the capture kept the labels (High, Median, Low) but not the figures
    // "Provincial hourly rate" is a salary block of its own, under the annual one, with its own source line.
    ASSERT_EQ(salary->subsections.size(), 1u);
    EXPECT_EQ(salary->subsections[0].heading, "Provincial hourly rate");
    EXPECT_EQ(dates(salary->subsections[0].dates), (std::vector<std::string>{"data-year 2016"}));
    // The lead-in heads the duties list.
    const Section* duties = find_section(p.sections, "Plumbers perform some or all of the following duties:");
    ASSERT_TRUE(duties);
    EXPECT_EQ(duties->kind, "duties");
    EXPECT_FALSE(duties->heading_inferred);
}

TEST(LayoutWorkBC, OlderTextDumpLicensedPracticalNurses) {
    OCCKIT_REQUIRE_SHARED(shared);
    const Profile p = convert_file(page(shared, "bc/workbc-licensed-practical-nurses-3233.txt")).profile;
    EXPECT_EQ(title_of(p), "Licensed practical nurses");
    EXPECT_EQ(codes(p), std::vector<std::string>{"NOC 2016 3233"});
    EXPECT_EQ(facts(p)["designation"], "High opportunity occupation");
    // After the blank lines a lost heading left, the short lead-in names the duties section
    const Section* duties = find_section(p.sections, "Licensed practical nurses");
    ASSERT_TRUE(duties);
    EXPECT_EQ(duties->kind, "duties");
    EXPECT_FALSE(duties->heading_inferred);
    EXPECT_EQ(items_in(*duties), 14u);  // 11 for LPNs, 3 for operating room technicians
}

TEST(LayoutWorkBC, HtmlProfile) {
    OCCKIT_REQUIRE_SHARED(shared);
    Conversion c = convert_file(shared / "corpus/workbc/2022-11-22/0014.html");
    const Profile& p = c.profile;
    EXPECT_EQ(c.detection.layout, "workbc");
    EXPECT_EQ(title_of(p),
              "Senior managers - health, education, social and community services and membership "
              "organizations");
    EXPECT_EQ(codes(p), std::vector<std::string>{"NOC 2016 0014"});
    std::vector<std::string> kinds;
    for (const auto& s : p.sections) kinds.push_back(s.kind);
    EXPECT_EQ(kinds, (std::vector<std::string>{"overview", "duties", "working-conditions", "employment", "education",
                                               "related-fields", "other-information", "job-titles",
                                               "related-occupations", "resources"}));
}

// --- Nova Scotia Explore Careers ---

TEST(LayoutExploreCareers, PayFiguresWithTheirLabelsUnderThem) {
    OCCKIT_REQUIRE_SHARED(shared);
    Conversion c = convert_file(page(shared, "ns/explorecareers-physiotherapists.txt"));
    const Profile& p = c.profile;
    EXPECT_EQ(c.detection.layout, "explorecareers-ns");
    EXPECT_EQ(p.source.jurisdiction, "NS");
    EXPECT_EQ(title_of(p), "Physiotherapists");
    EXPECT_EQ(codes(p), std::vector<std::string>{"NOC 2016 3142"});
    EXPECT_EQ(facts(p)["category"], "All Health");
    EXPECT_EQ(facts(p)["employment-outlook"], "Good");
    const Section* outlook = find_section(p.sections, "Job Outlook");
    ASSERT_TRUE(outlook);
    // The comparison's periods date the outlook too; "in 2022" is the year the unemployment rate holds for
    EXPECT_EQ(dates(outlook->dates), (std::vector<std::string>{"period 2021/2023", "period 2021/2023", "data-year 2022",
                                                               "period 2021/2023", "period 2021/2023"}));
    EXPECT_TRUE(outlook->subsections.empty());  // "Compared to: All Health" introduces figures, it heads nothing
    EXPECT_EQ(first_text(*outlook).substr(0, 24), "Estimate Strong growth e");
    // Hourly Pay and Annual Pay are sections of their own, as the page shows them
    ASSERT_EQ(p.sections.size(), 5u);
    EXPECT_EQ(p.sections[2].heading, "Hourly Pay");
    EXPECT_EQ(wages(p.sections[2]),
              (std::vector<std::string>{"minimum hour 23.65", "median hour 39", "maximum hour 44"}));
    EXPECT_EQ(p.sections[3].heading, "Annual Pay");
    EXPECT_EQ(wages(p.sections[3]),
              (std::vector<std::string>{"minimum year 15942", "median year 63535", "maximum year 81361"}));
    // The figures after "Compared to: All Health" are All Health's: they stay in the text, not among the wages
    EXPECT_EQ(p.sections[4].heading, "Hourly Pay");
    EXPECT_TRUE(wages(p.sections[4]).empty());
    EXPECT_TRUE(wages(p.sections[1]).empty());
}

TEST(LayoutExploreCareers, GluedLabelsInTheCensusSnapshot) {
    OCCKIT_REQUIRE_SHARED(shared);
    const Profile p = convert_file(page(shared, "ns/explorecareers-licensed-practical-nurses-census2016.txt")).profile;
    EXPECT_EQ(title_of(p), "Licensed Practical Nurses");
    EXPECT_EQ(codes(p), std::vector<std::string>{"NOC 2016 3233"});
    EXPECT_EQ(facts(p)["category"], "All Health");  // "in All HealthLicensed practical nurses provide ..."
    ASSERT_FALSE(p.sections.empty());
    EXPECT_EQ(first_text(p.sections[0]).substr(0, 37), "Licensed practical nurses provide nur");
    const Section* outlook = find_section(p.sections, "Job Outlook");
    ASSERT_TRUE(outlook);
    // "... year-round in 2015 was $52,844", then "(Source: 2016 Census)"
    EXPECT_EQ(dates(outlook->dates), (std::vector<std::string>{"data-year 2015", "data-year 2016"}));
    const Section* hourly = find_section(p.sections, "Hourly Pay");
    ASSERT_TRUE(hourly);
    EXPECT_EQ(wages(*hourly),
              (std::vector<std::string>{"minimum hour 21.75", "median hour 25.13", "maximum hour 26.89"}));
    const Section* annual = find_section(p.sections, "Annual Pay");
    ASSERT_TRUE(annual);
    EXPECT_EQ(wages(*annual),
              (std::vector<std::string>{"minimum year 20753", "median year 48961", "maximum year 59834"}));
    const Section* nature = find_section(p.sections, "Nature of work");  // after "MaximumAbout the job"
    ASSERT_TRUE(nature);
    EXPECT_EQ(nature->kind, "overview");
}

// --- careers.novascotia.ca ---

TEST(LayoutCareersNs, OlderPageFieldsAndSections) {
    OCCKIT_REQUIRE_SHARED(shared);
    Conversion c = convert_file(page(shared, "ns/careersns-old-occupational-therapists.txt"));
    const Profile& p = c.profile;
    EXPECT_EQ(c.detection.layout, "careers-ns");
    EXPECT_EQ(title_of(p), "Occupational Therapists");
    EXPECT_EQ(codes(p), std::vector<std::string>{"NOC 3143"});
    EXPECT_EQ(facts(p)["category"], "Health");
    EXPECT_EQ(facts(p)["employment-outlook"], "Good");
    EXPECT_EQ(outline(p), (std::vector<std::string>{
                              "overview|About the job", "  overview|Nature of work:", "skills|Skills:",
                              "other-information|Other considerations:", "outlook|Labour Market Information"}));
}

TEST(LayoutCareersNs, NewerPageDutiesTitlesAndLostSkillsHeading) {
    OCCKIT_REQUIRE_SHARED(shared);
    const Profile p = convert_file(page(shared, "ns/careersns-occupational-therapists.txt")).profile;
    EXPECT_EQ(title_of(p), "Occupational Therapists");
    EXPECT_TRUE(p.codes.empty());
    EXPECT_EQ(outline(p),
              (std::vector<std::string>{"overview|About the job", "  overview|Nature of work:", "duties|Job duties:",
                                        "job-titles|Sample job titles:", "skills|Skills|inferred"}));
    EXPECT_EQ(items_in(*find_section(p.sections, "Job duties:")), 6u);
    EXPECT_EQ(items_in(*find_section(p.sections, "Sample job titles:")), 8u);
}

// --- hcsc.ca health career profiles ---

TEST(LayoutHcsc, ProfileWithTitleLine) {
    OCCKIT_REQUIRE_SHARED(shared);
    Conversion c = convert_file(page(shared, "ns/hcsc-medical-laboratory-technologist.txt"));
    const Profile& p = c.profile;
    EXPECT_EQ(c.detection.layout, "hcsc");
    EXPECT_EQ(p.source.jurisdiction, "NS");  // the pages name Nova Scotia throughout
    EXPECT_EQ(title_of(p), "Medical Laboratory Technologist");
    EXPECT_EQ(outline(p),
              (std::vector<std::string>{"overview|Career Description", "education|Academic and Licensing Requirements",
                                        "education|Where to study in Nova Scotia"}));
    EXPECT_EQ(items_in(*find_section(p.sections, "Academic and Licensing Requirements")), 2u);
}

TEST(LayoutHcsc, TwoSnapshotsOfOnePageAndAFrenchLinkLine) {
    OCCKIT_REQUIRE_SHARED(shared);
    const Profile first = convert_file(page(shared, "ns/hcsc-licensed-practical-nurse.txt")).profile;
    const Profile second = convert_file(page(shared, "ns/hcsc-licensed-practical-nurse-v2.txt")).profile;
    EXPECT_EQ(title_of(first), "");  // this snapshot lacks the title line
    EXPECT_EQ(title_of(second), "LICENSED PRACTICAL NURSE (LPN)");
    EXPECT_EQ(outline(first), outline(second));
    EXPECT_EQ(first.source.language, "en");  // "Où étudier en Nouvelle-Écosse (en français)" does not make it French
    const Section* where = find_section(first.sections, "Where to study in Nova Scotia");
    ASSERT_TRUE(where);
    EXPECT_EQ(first_text(*where), "Où étudier en Nouvelle-Écosse (en français)");
}

// --- Alberta tradesecrets ---

TEST(LayoutTradesecrets, CookDutiesAfterTheirLeadIn) {
    OCCKIT_REQUIRE_SHARED(shared);
    Conversion c = convert_file(page(shared, "ab/tradesecrets-cook.txt"));
    const Profile& p = c.profile;
    EXPECT_EQ(c.detection.layout, "tradesecrets");
    EXPECT_EQ(p.source.jurisdiction, "AB");
    EXPECT_EQ(title_of(p), "");  // the capture lost the trade's name
    EXPECT_EQ(outline(p),
              (std::vector<std::string>{"overview|Overview|inferred", "duties|Duties|inferred",
                                        "working-conditions|Working Conditions", "skills|Skills and Abilities"}));
    const Section* duties = find_section(p.sections, "Duties");
    EXPECT_EQ(first_text(*duties).substr(0, 30), "Depending on the establishment");
    EXPECT_EQ(items_in(*duties), 10u);
}

TEST(LayoutTradesecrets, Welder) {
    OCCKIT_REQUIRE_SHARED(shared);
    const Profile p = convert_file(page(shared, "ab/tradesecrets-welder.txt")).profile;
    const Section* duties = find_section(p.sections, "Duties");
    ASSERT_TRUE(duties);
    EXPECT_EQ(first_text(*duties).substr(0, 29), "Welders use different welding");
    EXPECT_EQ(items_in(*duties), 3u);
    EXPECT_EQ(first_text(p.sections[0]).substr(0, 30), "Welders join or sever metals i");
}

// --- Job Bank and Guichet-Emplois ---

TEST(LayoutJobBank, OntarioOutlook2019) {
    OCCKIT_REQUIRE_SHARED(shared);
    Conversion c = convert_file(page(shared, "ca/jobbank-registered-nurse-ontario-2019.txt"));
    const Profile& p = c.profile;
    EXPECT_EQ(c.detection.layout, "jobbank");
    EXPECT_EQ(p.source.jurisdiction, "ON");  // a national site's page about one province
    EXPECT_EQ(title_of(p), "Registered Nurse (R.N.)");
    EXPECT_EQ(facts(p)["region"], "Ontario");
    EXPECT_EQ(facts(p)["employment-outlook"], "fair");
    EXPECT_EQ(codes(p), std::vector<std::string>{"NOC 2016 3012"});
    EXPECT_TRUE(p.dates.empty());  // the note "published in December 2019" dates the prospects it opens
    ASSERT_FALSE(p.sections.empty());
    EXPECT_EQ(dates(p.sections[0].dates), std::vector<std::string>{"published 2019-12"});
    EXPECT_EQ(outline(p),
              (std::vector<std::string>{"outlook|Job prospects|inferred", "outlook|Job opportunities in Ontario",
                                        "  outlook|Prospects over the next 3 years"}));  // a "Job prospects" page
    EXPECT_EQ(dates(find_section(p.sections, "Prospects over the next 3 years")->dates),
              (std::vector<std::string>{"period 2019/2021", "data-year 2019-05"}));  // "As of May 2019"
}

TEST(LayoutJobBank, RegionalOutlook2023WithSectorShares) {
    OCCKIT_REQUIRE_SHARED(shared);
    const Profile p =
        convert_file(page(shared, "ca/jobbank-registered-nurse-swift-current-moose-jaw-2023.txt")).profile;
    EXPECT_EQ(title_of(p), "Nurse Technician");
    EXPECT_EQ(facts(p)["region"], "Swift Current–Moose Jaw Region");
    EXPECT_EQ(facts(p)["employment-outlook"], "very good");
    EXPECT_EQ(codes(p), (std::vector<std::string>{"NOC 2021 31301", "NAICS 621-622", "NAICS 623-624"}));
    const Section* current = find_section(p.sections, "Current and future job prospects");
    ASSERT_TRUE(current);
    EXPECT_EQ(dates(current->dates), std::vector<std::string>{"updated 2023-11-29"});
    EXPECT_EQ(current->subsections.size(), 2u);  // recent trends, outlook over the next 3 years
}

TEST(LayoutJobBank, ProvinceTableWithDoubledCells) {
    OCCKIT_REQUIRE_SHARED(shared);
    const Profile p = convert_file(page(shared, "ca/jobbank-welder-job-prospects.txt")).profile;
    EXPECT_EQ(title_of(p), "Welder");
    EXPECT_EQ(facts(p)["region"], "Canada");
    EXPECT_EQ(facts(p)["labour-market-conditions"], "SHORTAGE");
    EXPECT_EQ(codes(p), std::vector<std::string>{"NOC 2016 7237"});
    EXPECT_EQ(dates(p.dates), std::vector<std::string>{"next-update 2022-12"});
    ASSERT_FALSE(p.sections.empty());
    EXPECT_EQ(dates(p.sections[0].dates), std::vector<std::string>{"published 2021-12"});
    const Section* three_years = find_section(p.sections, "Job opportunities over the next 3 years");
    ASSERT_TRUE(three_years);
    const Content* table = nullptr;
    for (const auto& content : three_years->content)
        if (content.kind == Content::Kind::table) table = &content;
    ASSERT_TRUE(table);
    ASSERT_EQ(table->rows.size(), 14u);  // the header and 13 provinces and territories
    EXPECT_EQ(table->rows[0].cells, (std::vector<std::string>{"Location", "Job prospects"}));
    EXPECT_EQ(table->rows[1].cells, (std::vector<std::string>{"Newfoundland and Labrador", "Limited"}));
    EXPECT_EQ(table->rows[5].cells, (std::vector<std::string>{"Quebec", "Good"}));
    EXPECT_EQ(table->rows[11].cells, (std::vector<std::string>{"Yukon Territory", "Fair"}));
    EXPECT_EQ(table->rows[13].cells, (std::vector<std::string>{"Nunavut", "Undetermined"}));
}

TEST(LayoutGuichetEmplois, FrenchRequirementsPage) {
    OCCKIT_REQUIRE_SHARED(shared);
    Conversion c = convert_file(page(shared, "ca/guichetemplois-infirmier-praticien-exigences-fr.txt"));
    const Profile& p = c.profile;
    EXPECT_EQ(c.detection.layout, "guichet-emplois");
    EXPECT_EQ(p.source.language, "fr");
    EXPECT_EQ(p.source.jurisdiction, "QC");  // the page names Québec: a national site's provincial page
    EXPECT_EQ(title_of(p), "Infirmier praticien/infirmière praticienne");
    EXPECT_EQ(facts(p)["region"], "Région du Saguenay–Lac-Saint-Jean");
    EXPECT_EQ(codes(p), std::vector<std::string>{"CNP 2021 31302"});
    EXPECT_EQ(outline(p), (std::vector<std::string>{"education|Exigences d’emploi|inferred",
                                                    "education|Conditions d’accès à la profession",
                                                    "certification|Certification professionnelle et permis d’exercice",
                                                    "  other-information|Aimeriez-vous travailler ailleurs au pays?"}));
    EXPECT_EQ(items_in(*find_section(p.sections, "Conditions d’accès à la profession")), 2u);
}

TEST(LayoutGuichetEmplois, FrenchWagesSample) {
    const Profile p = convert_file(sample("guichet-emplois/infirmier-auxiliaire-salaires.txt")).profile;
    EXPECT_EQ(p.source.language, "fr");
    EXPECT_EQ(title_of(p), "Infirmier auxiliaire/infirmière auxiliaire");
    EXPECT_EQ(codes(p), std::vector<std::string>{"CNP 2021 32101"});
    EXPECT_EQ(facts(p)["employment-outlook"], "bonnes");
    const Section* salary = find_section(p.sections, "Salaires en vigueur en Estrie");
    ASSERT_TRUE(salary);
    // "Les salaires ont été mis à jour le 14 novembre 2024.", right under the heading
    // ... and "En 2023, le salaire médian ...": the year of the figures
    EXPECT_EQ(dates(salary->dates), (std::vector<std::string>{"updated 2024-11-14", "data-year 2023"}));
    EXPECT_EQ(wages(*salary), (std::vector<std::string>{"minimum hour 24.5", "median hour 29.1", "maximum hour 33.75",
                                                        "minimum hour 23.8", "median hour 28.4", "maximum hour 32.9",
                                                        "median year 56420", "value hour 24.5"}));
}

// --- NOC Career Handbook ---

TEST(LayoutNocHandbook, WeldersProfileAndAptitudePairs) {
    OCCKIT_REQUIRE_SHARED(shared);
    Conversion c = convert_file(page(shared, "ca/noc-careerhandbook-welders.txt"));
    const Profile& p = c.profile;
    EXPECT_EQ(c.detection.layout, "noc-handbook");
    EXPECT_EQ(title_of(p), "Welders");
    EXPECT_EQ(codes(p), std::vector<std::string>{"NOC 7237.1"});
    EXPECT_EQ(outline(p), (std::vector<std::string>{
                              "overview|Lead statement|inferred", "job-titles|Example titles Help",
                              "personal-characteristics|Main characteristics Help", "skills|Aptitudes Help"}));
    EXPECT_EQ(items_in(*find_section(p.sections, "Example titles Help")), 10u);
    EXPECT_EQ(items_in(*find_section(p.sections, "Main characteristics Help")), 6u);
    const Section* aptitudes = find_section(p.sections, "Aptitudes Help");
    const Content* table = nullptr;
    for (const auto& content : aptitudes->content)
        if (content.kind == Content::Kind::table) table = &content;
    ASSERT_TRUE(table);
    ASSERT_EQ(table->rows.size(), 9u);  // G V N S P Q K F M
    EXPECT_EQ(table->rows[0].cells, (std::vector<std::string>{"G", "General learning ability"}));
    EXPECT_EQ(table->rows[8].cells, (std::vector<std::string>{"M", "Manual dexterity"}));
}

TEST(LayoutNocHandbook, BakersSample) {
    const Profile p = convert_file(sample("noc-handbook/bakers.html")).profile;
    EXPECT_EQ(title_of(p), "Bakers");
    EXPECT_EQ(codes(p), std::vector<std::string>{"NOC 6332.1"});
    EXPECT_EQ(items_in(*find_section(p.sections, "Employment requirements Help")), 2u);
}

// --- Red Seal ---

TEST(LayoutRedSeal, WelderTradeDescription) {
    OCCKIT_REQUIRE_SHARED(shared);
    Conversion c = convert_file(page(shared, "ca/redseal-welder.txt"));
    const Profile& p = c.profile;
    EXPECT_EQ(c.detection.layout, "redseal");
    EXPECT_EQ(title_of(p), "");  // the trade's name is not in this capture
    EXPECT_EQ(codes(p), std::vector<std::string>{"NOC 7237"});
    EXPECT_EQ(facts(p)["designation-year"], "1979");
    EXPECT_EQ(outline(p), std::vector<std::string>{"overview|Description of the trade|inferred"});
    EXPECT_EQ(p.sections[0].content.size(), 7u);
    EXPECT_EQ(first_text(p.sections[0]).substr(0, 31), "Welders permanently join pieces");
}

TEST(LayoutRedSeal, IronworkerSample) {
    const Profile p = convert_file(sample("redseal/ironworker-generalist.txt")).profile;
    EXPECT_EQ(title_of(p), "Ironworker (Generalist)");
    EXPECT_EQ(codes(p), std::vector<std::string>{"NOC 7264"});
    EXPECT_EQ(facts(p)["designation-year"], "1998");
}

// --- Emploi-Québec IMT ---

TEST(LayoutImt, EnglishCarpentersPage) {
    OCCKIT_REQUIRE_SHARED(shared);
    Conversion c = convert_file(page(shared, "qc/imt-emploiquebec-carpenters-7271-en.txt"));
    const Profile& p = c.profile;
    EXPECT_EQ(c.detection.layout, "imt-qc");
    EXPECT_EQ(p.source.jurisdiction, "QC");
    EXPECT_EQ(p.source.language, "en");
    EXPECT_EQ(title_of(p), "Carpenters");
    EXPECT_EQ(codes(p), std::vector<std::string>{"NOC 7271"});
    EXPECT_EQ(facts(p)["seasonality"], "Significant seasonality");
    EXPECT_EQ(outline(p), (std::vector<std::string>{"job-titles|Job titles", "overview|Nature of work",
                                                    "personal-characteristics|Fields of interest", "duties|Main duties",
                                                    "other|Main characteristics of the occupation",
                                                    "education|Employment requirements"}));
    const Section* duties = find_section(p.sections, "Main duties");
    EXPECT_EQ(items_in(*duties), 9u);
    EXPECT_EQ(duties->content[0].items[1].text.substr(0, 23), "Read and interpret blue");  // "• - Read ..."
    EXPECT_EQ(items_in(*find_section(p.sections, "Job titles")), 3u);  // "View all job titles" is a link
}

TEST(LayoutImt, FrenchSample) {
    const Profile p = convert_file(sample("imt-qc/briqueteurs-macons.html")).profile;
    EXPECT_EQ(p.source.language, "fr");
    EXPECT_EQ(title_of(p), "Briqueteurs-maçons/briqueteuses-maçonnes");
    EXPECT_EQ(codes(p), std::vector<std::string>{"CNP 7281"});
    EXPECT_EQ(facts(p)["seasonality"], "Saisonnalité marquée");
    EXPECT_EQ(dates(p.dates), std::vector<std::string>{"published 2023-03-12"});
    const Section* hourly = find_section(p.sections, "Salaire horaire (2022)");
    ASSERT_TRUE(hourly);
    EXPECT_EQ(wages(*hourly), (std::vector<std::string>{"minimum hour 22", "median hour 31.5", "maximum hour 38",
                                                        "median year 58900"}));
}

// --- The generic fallback ---

TEST(LayoutGeneric, SiteWithoutALayout) {
    OCCKIT_REQUIRE_SHARED(shared);
    Conversion c = convert_file(page(shared, "ns/nativehealthcareers-pharmacy-technician.txt"));
    const Profile& p = c.profile;
    EXPECT_EQ(c.detection.layout, "generic");
    EXPECT_EQ(title_of(p), "Pharmacy Technician");
    EXPECT_EQ(facts(p)["minimum-education"], "1 year");  // "Education Required", then "1 year"
    EXPECT_EQ(facts(p).count("starting-salary"), 0u);    // the page left it empty
    const Section* skills = find_section(p.sections, "Skills Required");
    ASSERT_TRUE(skills);
    EXPECT_EQ(skills->kind, "skills");
    EXPECT_EQ(items_in(*skills), 10u);
    EXPECT_EQ(find_section(p.sections, "Schools Offering Career Program")->kind, "education");
}

TEST(LayoutGeneric, DedicatedSitesThroughTheFallback) {
    OCCKIT_REQUIRE_SHARED(shared);
    // hcsc: the site name above the title is passed over; headings by their words
    Profile hcsc = convert_file(page(shared, "ns/hcsc-paramedic-emt.txt"), "generic").profile;
    EXPECT_EQ(title_of(hcsc), "Paramedic/Emergency Medical Technician");
    EXPECT_EQ(find_section(hcsc.sections, "Career Description")->kind, "overview");
    // Guichet-Emplois: French text, the CNP code near "CNP"
    Profile fr =
        convert_file(page(shared, "ca/guichetemplois-infirmier-praticien-exigences-fr.txt"), "generic").profile;
    EXPECT_EQ(fr.source.language, "fr");
    EXPECT_EQ(codes(fr), std::vector<std::string>{"CNP 2021 31302"});  // five digits: the 2021 classification
    EXPECT_EQ(find_section(fr.sections, "Certification professionnelle et permis d’exercice")->kind, "certification");
    // IMT: the code after the title
    Profile imt = convert_file(page(shared, "qc/imt-emploiquebec-carpenters-7271-en.txt"), "generic").profile;
    EXPECT_EQ(title_of(imt), "Carpenters");
    EXPECT_EQ(codes(imt), std::vector<std::string>{"NOC 7271"});
    // Explore Careers text dump without blank lines: headings by shape, wages still read
    Profile nurses =
        convert_file(page(shared, "ns/explorecareers-registered-nurses-census2016.txt"), "generic").profile;
    EXPECT_EQ(codes(nurses), std::vector<std::string>{"NOC 3012"});
    EXPECT_EQ(find_section(nurses.sections, "Job Outlook")->kind, "outlook");
    EXPECT_EQ(find_section(nurses.sections, "Hourly Pay")->kind, "salary");
    // Furniture above the name is passed over: sign-in and alert lines, phone numbers ("Toll Free 1-877-..."),
    // questions ("Where is Nova Scotia?") and menu captions glued to themselves; no name at all is better than one
    // of those.
    EXPECT_EQ(title_of(convert_file(page(shared, "ab/alis-cook-2017.txt"), "generic").profile), "Cook");
    EXPECT_EQ(title_of(convert_file(page(shared, "ab/alis-licensed-practical-nurse-2020.txt"), "generic").profile),
              "Licensed Practical Nurse");
    EXPECT_EQ(title_of(convert_file(page(shared, "ns/htns-paramedic.txt"), "generic").profile), "");
    // ALIS's "Related Video(s)" is a resources heading the generic vocabulary knows.
    Profile ot = convert_file(page(shared, "ab/alis-occupational-therapist-2018.txt"), "generic").profile;
    ASSERT_TRUE(find_section(ot.sections, "Related Video(s)"));
    EXPECT_EQ(find_section(ot.sections, "Related Video(s)")->kind, "resources");
}

// --- The whole corpus ---

TEST(CorpusReport, EveryPageConvertsValidatesAndIsDetectedAsItsSite) {
    OCCKIT_REQUIRE_SHARED(shared);
    auto report = occkit::corpus::build_report(shared / "corpus");
    std::cout << occkit::corpus::format_report(report);
    auto total = report.total();
    EXPECT_GT(total.pages, 600u);
    EXPECT_EQ(total.failures, 0u);
    EXPECT_EQ(total.detected_right, total.pages);
    for (const auto& m : report.misdetected)
        ADD_FAILURE() << m.page << ": " << m.detected << " (expected " << m.expected << ")";
    for (const auto& f : report.failures) ADD_FAILURE() << f.page << ": " << f.error;
    EXPECT_LT(static_cast<double>(total.unmapped_chars), 0.05 * static_cast<double>(total.content_chars));
    // Every site of the corpus has a layout of its own, except nativehealthcareers.ca (one page): generic.
    for (const char* id : {"alis", "alis-2010", "careers-ns", "explorecareers-ns", "generic", "guichet-emplois", "hcsc",
                           "htns", "imt-qc", "jobbank", "noc-handbook", "redseal", "tradesecrets", "workbc"})
        EXPECT_TRUE(report.rows.count(id)) << id;
}

// --- The layout files themselves ---

// The library neither checks its built-in layouts against schemas/layout.xsd nor compiles their patterns when it
// loads them (together most of the program's start-up): this test does both, for every file that is compiled in. A
// layout file from outside is still checked, and its patterns compiled, when it is loaded.
TEST(LayoutFiles, BuiltInOnesValidate) {
    SchemaValidator layout_xsd(read_file(source_dir() / "schemas" / "layout.xsd"));
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(source_dir() / "lib" / "layouts")) {
        if (entry.path().extension() != ".xml") continue;
        ++files;
        const std::string xml = read_file(entry.path());
        auto issues = layout_xsd.validate(xml);
        EXPECT_TRUE(issues.empty()) << entry.path() << ":" << issues[0].line << ": " << issues[0].message;
        // Loaded as a user's file would be: every pattern compiled now (the built-in set compiles them on first use).
        LayoutSet set;
        EXPECT_NO_THROW(set.add_xml(xml, entry.path().string())) << entry.path();
        EXPECT_EQ(set.layouts().size(), 1u) << entry.path();
    }
    EXPECT_EQ(files, 14u);
    EXPECT_EQ(LayoutSet::builtin().layouts().size(), files);
}

TEST(LayoutFiles, AnOutsideLayoutIsStillCheckedAgainstTheSchema) {
    LayoutSet set;
    // Well-formed, and pugixml would read it, but <layout> lacks its required id and holds an unknown element.
    EXPECT_THROW(set.add_xml("<layout><nonsense/></layout>", "mine.xml"), Error);
    try {
        set.add_xml("<layout><nonsense/></layout>", "mine.xml");
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("mine.xml:1: not a valid layout file"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(set.layouts().empty());
}

TEST(LayoutFiles, AnOutsideLayoutsBadPatternIsRefusedWhenLoaded) {
    const std::string layout = R"(<layout xmlns="urn:occkit:layout:1" id="mine" name="Mine" jurisdiction="AB"
        language="en"><chrome><line match="regex">(unclosed</line></chrome></layout>)";
    LayoutSet set;
    try {
        set.add_xml(layout, "mine.xml");
        ADD_FAILURE() << "a layout with a bad pattern was loaded";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("bad regular expression '(unclosed'"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(set.layouts().empty());
}
