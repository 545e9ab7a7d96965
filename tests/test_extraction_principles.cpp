// What a careful reader finds on a page no layout was written for: the year a figure holds for, a comparison
// group's figures, a page titled for one side of an occupation, classification lines, a sentence that announces the
// duties and a subheading that goes on with its parent's subject. Small pages written here, read with the generic
// layout, in the shapes real sites use.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include "occkit/convert.hpp"
#include "occkit/dates.hpp"
#include "occkit/error.hpp"

using namespace occkit;

namespace {

Profile read_generic(const std::string& page, InputFormat format = InputFormat::text) {
    ConvertOptions options;
    options.layout = "generic";
    options.format = format;
    return convert(page, options).profile;
}

// Every wage of the profile, however deep its section, as "per value".
std::vector<std::string> wage_list(const Profile& p) {
    std::vector<std::string> out;
    auto per = [](WagePer w) {
        return std::string(w == WagePer::hour    ? "hour"
                           : w == WagePer::week  ? "week"
                           : w == WagePer::month ? "month"
                                                 : "year");
    };
    auto money = [](double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v);
        return std::string(buf);
    };
    std::function<void(const Section&)> visit = [&](const Section& s) {
        for (const auto& w : s.wages) out.push_back(per(w.per) + " " + money(w.value.value_or(-1)));
        for (const auto& sub : s.subsections) visit(sub);
    };
    for (const auto& w : p.wages) out.push_back(per(w.per) + " " + money(w.value.value_or(-1)));
    for (const auto& s : p.sections) visit(s);
    return out;
}

std::vector<std::string> kinds(const Profile& p) {
    std::vector<std::string> out;
    for (const auto& s : p.sections) out.push_back(s.kind);
    return out;
}

}  // namespace

TEST(DataYear, TheYearAFigureHoldsFor) {
    auto in_year = find_date_phrases("Estimate Low rate of unemployment in 2022");
    ASSERT_EQ(in_year.size(), 1u);
    EXPECT_EQ(in_year[0].kind, DateKind::data_year);
    EXPECT_EQ(in_year[0].phrase, "in 2022");
    EXPECT_EQ(in_year[0].date.iso(), "2022");

    auto french = find_date_phrases("En 2023, le salaire médian des boulangers était de 41 000 $.");
    ASSERT_EQ(french.size(), 1u);
    EXPECT_EQ(french[0].kind, DateKind::data_year);
    EXPECT_EQ(french[0].phrase, "En 2023");

    auto as_of = find_date_phrases("As of May 2019, 1,200 bakers worked in the region.");
    ASSERT_EQ(as_of.size(), 1u);
    EXPECT_EQ(as_of[0].kind, DateKind::data_year);
    EXPECT_EQ(as_of[0].date.iso(), "2019-05");

    // The last data noun within reach names the source: the survey, not the wage
    auto survey = find_date_phrases("According to the 2011 Alberta Wage and Salary Survey, bakers earn ...");
    ASSERT_EQ(survey.size(), 1u);
    EXPECT_EQ(survey[0].phrase, "2011 Alberta Wage and Salary Survey");
    auto wage = find_date_phrases("Estimated from the 2016 Job Bank median hourly wage rate");
    ASSERT_EQ(wage.size(), 1u);
    EXPECT_EQ(wage[0].kind, DateKind::data_year);
    EXPECT_EQ(wage[0].phrase, "2016 Job Bank median hourly wage");

    // A cue still decides: "revised in 2012" is a revision, not a data year
    auto revised = find_date_phrases("Section revised in 2012");
    ASSERT_EQ(revised.size(), 1u);
    EXPECT_EQ(revised[0].kind, DateKind::revised);
}

TEST(Comparison, AnotherGroupsFiguresAreNotTheOccupationsWages) {
    const Profile p = read_generic(
        "Bakers (NOC 63202)\n\n"
        "Annual Pay\n\nMedian $41,000 a year\n\n"
        "Compared to: All Trades\n\nMedian $52,000 a year\n\n"
        "Working Conditions\n\n"
        "Bakers start work early in the morning and stand for most of the shift beside the ovens.\n\n"
        "Wages\n\nExperienced bakers earn about $24.00 an hour in most bakeries of the province.\n");
    EXPECT_EQ(wage_list(p), (std::vector<std::string>{"year 41000", "hour 24"}));
    // The comparison stays in the profile as text: nothing of the page is lost
    bool kept = false;
    std::function<void(const Section&)> visit = [&](const Section& s) {
        for (const auto& c : s.content) kept = kept || c.paragraph.text == "Median $52,000 a year";
        for (const auto& sub : s.subsections) visit(sub);
    };
    for (const auto& s : p.sections) visit(s);
    EXPECT_TRUE(kept);
}

TEST(Comparison, ASentenceAboutAllOccupations) {
    const Profile p = read_generic(
        "Bakers\n\nEarnings\n\n"
        "The median income of bakers who worked full-time in 2020 was $41,000. Across all occupations in the "
        "province, the median income was $52,000.\n");
    EXPECT_EQ(wage_list(p), std::vector<std::string>{"year 41000"});
}

TEST(Topic, APageTitledForOneSideOfTheOccupation) {
    const Profile p = read_generic(
        "Job prospects Bakers in Manitoba\n\n"
        "The outlook for bakers in Manitoba is fair over the next three years, as several bakeries open.\n");
    ASSERT_TRUE(p.title);
    EXPECT_EQ(p.title->text, "Bakers");
    ASSERT_FALSE(p.sections.empty());
    EXPECT_EQ(p.sections[0].kind, "outlook");
    EXPECT_EQ(p.sections[0].heading, "Job prospects");
    EXPECT_TRUE(p.sections[0].heading_inferred);

    // Restyled with only the name in the heading, the HTML <title> still names the topic between name and site
    const Profile restyled = read_generic(
        "<html><head><title>Bakers in Manitoba | Wages - Example Jobs</title></head><body><main><h2>Bakers</h2>"
        "<p>Bakers in Manitoba earn a median wage of $18.50 an hour, and more in large industrial bakeries.</p>"
        "</main></body></html>",
        InputFormat::html);
    ASSERT_FALSE(restyled.sections.empty());
    EXPECT_EQ(restyled.sections[0].kind, "salary");

    // A site's name at the end of the <title> is no topic ("Glazier - Alberta Apprenticeship")
    const Profile site = read_generic(
        "<html><head><title>Glaziers - Apprenticeship Portal</title></head><body><main><h1>Glaziers</h1>"
        "<p>Glaziers cut, fit, install and replace glass in homes, offices and other buildings of all sizes.</p>"
        "</main></body></html>",
        InputFormat::html);
    ASSERT_FALSE(site.sections.empty());
    EXPECT_EQ(site.sections[0].kind, "overview");
}

TEST(Codes, ClassificationOverTheYears) {
    const Profile p = read_generic(
        "Bakers\n\nBakers bake bread, rolls, pastries and cakes for bakeries and grocery stores.\n\n"
        "Here is how this occupation has been classified over time:\n\n"
        "  • 2006 NOC: Bakers (6252) \n  • 2006 NOC-S: Bakers (G942) \n  • 2016 NOC: Bakers (6332) \n");
    std::vector<std::string> codes;
    for (const auto& c : p.codes) codes.push_back(c.scheme + " " + c.version + " " + c.value);
    EXPECT_EQ(codes, (std::vector<std::string>{"NOC 2006 6252", "NOC-S 2006 G942", "NOC 2016 6332"}));
}

TEST(Duties, ASentenceThatAnnouncesThem) {
    const Profile p = read_generic(
        "Bakers\n\nBakers bake bread, rolls, pastries and cakes for bakeries and grocery stores.\n\n"
        "Duties vary from one bakery to another but, in general, bakers:\n\n"
        "  • mix dough and batter\n  • bake bread and pastries\n  • decorate cakes\n");
    EXPECT_EQ(kinds(p), (std::vector<std::string>{"overview", "duties"}));
}

TEST(Subheading, GoesOnWithItsParentsSubject) {
    const Profile p = read_generic(
        "<html><body><main><h1>Bakers</h1><h2>Job Outlook</h2><p>The outlook for bakers is fair over the next "
        "three years.</p><h3>Detailed analysis</h3><p>Openings come mostly from retirements in small bakeries "
        "across the province.</p></main></body></html>",
        InputFormat::html);
    ASSERT_EQ(p.sections.size(), 1u);
    EXPECT_EQ(p.sections[0].kind, "outlook");
    ASSERT_EQ(p.sections[0].subsections.size(), 1u);
    EXPECT_EQ(p.sections[0].subsections[0].heading, "Detailed analysis");
    EXPECT_EQ(p.sections[0].subsections[0].kind, "outlook");
}

namespace {

Conversion explain_generic(const std::string& page) {
    ConvertOptions options;
    options.layout = "generic";
    options.explain = true;
    return convert(page, options);
}

std::string where(const Conversion& c, const std::string& text) {
    for (const auto& pl : c.placements)
        if (pl.text == text) return pl.where;
    return "(not placed)";
}

}  // namespace

TEST(PageHead, WhatStandsAboveTheNameIsTheSites) {
    const Conversion c = explain_generic(
        "Provincial Career Profiles\n\nTrades Careers Portal\n\nBakers (NOC 63202)\n\n"
        "Bakers bake bread, rolls, pastries and cakes for bakeries, hotels and grocery stores.\n");
    ASSERT_TRUE(c.profile.title);
    EXPECT_EQ(c.profile.title->text, "Bakers");
    EXPECT_EQ(where(c, "Provincial Career Profiles"), "chrome (above the title)");
    EXPECT_EQ(where(c, "Trades Careers Portal"), "chrome (above the title)");

    // A dated line above the name stays (it dates the page), and a description above a "title" found further
    // down says that line is not the page's name: nothing above it is dropped.
    const Conversion dated = explain_generic("Updated March 2024\n\nBakers (NOC 63202)\n\nBakers bake bread.\n");
    EXPECT_EQ(where(dated, "Updated March 2024").find("chrome"), std::string::npos);
}

// A name may end in an abbreviation ("n.e.c.", "not elsewhere classified"): its closing period is the
// abbreviation's, not a sentence's, so the line still reads as the page's name (a text rendering marks no heading).
TEST(Title, ANameEndingInAnAbbreviationIsNoSentence) {
    const Profile p = read_generic(
        "Other professional engineers, n.e.c.\n\n(NOC 21399)\n\n"
        "Engineers in this group design systems that no other engineering group covers.\n");
    ASSERT_TRUE(p.title);
    EXPECT_EQ(p.title->text, "Other professional engineers, n.e.c.");
    // A line that ends a sentence with an ordinary word still is prose, not a name.
    const Profile prose = read_generic(
        "Engineers design systems.\n\n(NOC 21399)\n\nEngineers in this group design systems for clients.\n");
    EXPECT_TRUE(!prose.title || prose.title->text != "Engineers design systems.");
}

// A text renderer draws a site's menu as a list of links above the name: no profile opens with a list before its
// name, so a layout whose name is its first line (alis-2010: title from="first-line") takes the first line after
// it, and the menu is the site's (chrome above the title). A line with no letter (a close button's "×") is no name.
TEST(Title, AMenuListAboveTheNameInATextDump) {
    ConvertOptions options;
    options.layout = "alis-2010";
    options.explain = true;
    const Conversion c = convert(
        "  • OCCinfo Home\n  • Search Occupations\n  • WAGEinfo\n\nArena Ice Technician\n\n"
        "Arena ice technicians build, look after and repair the ice in hockey arenas and curling clubs.\n\n"
        "NOC Number(s):7351\n",
        options);
    ASSERT_TRUE(c.profile.title);
    EXPECT_EQ(c.profile.title->text, "Arena Ice Technician");
    EXPECT_EQ(where(c, "Search Occupations"), "chrome (above the title)");

    const Profile symbol = read_generic("×\n\nOrchard Technician (NOC 8431)\n\nOrchard technicians prune trees.\n");
    ASSERT_TRUE(symbol.title);
    EXPECT_EQ(symbol.title->text, "Orchard Technician");
}

TEST(PageHead, AContactBoxIsNoTitle) {
    const Conversion c = explain_generic(
        "Career Information Hotline\n\nToll Free 1-800-555-0199\n\n"
        "Bakers bake bread, rolls, pastries and cakes for bakeries, hotels and grocery stores.\n\nDuties\n\n"
        "  • mix dough\n");
    EXPECT_FALSE(c.profile.title) << c.profile.title->text;
    EXPECT_EQ(where(c, "Career Information Hotline"), "chrome (above the title)");
    EXPECT_EQ(where(c, "Toll Free 1-800-555-0199"), "chrome (above the title)");
}

TEST(PageHead, ALabelThatOnlyRestatesTheName) {
    const Conversion c = explain_generic(
        "Bakers\n\nOccupation:Bakers\n\nNature of work:\n\n"
        "Bakers bake bread, rolls, pastries and cakes for bakeries, hotels and grocery stores.\n");
    EXPECT_EQ(where(c, "Occupation:Bakers"), "title (restated)");
    ASSERT_FALSE(c.profile.sections.empty());
    EXPECT_EQ(c.profile.sections[0].heading, "Nature of work:");
}

TEST(Duties, AListSetApartByALostHeading) {
    // The job titles, then three blank lines where a heading was, then a list of duties: its own section.
    const Profile p = read_generic(
        "Bakers\n\nBakers bake bread, rolls, pastries and cakes for bakeries and grocery stores.\n\n"
        "Common job titles\n  • baker, bread\n  • pastry baker\n\n\n\n"
        "  • measure and mix ingredients\n  • prepare dough\n  • may order supplies\n");
    ASSERT_EQ(p.sections.size(), 3u);
    EXPECT_EQ(p.sections[2].kind, "duties");
    EXPECT_EQ(p.sections[1].kind, "job-titles");
    ASSERT_EQ(p.sections[1].content.size(), 1u);
    EXPECT_EQ(p.sections[1].content[0].items.size(), 2u);  // the duties are not job titles

    // A short lead-in after the gap names the section itself
    const Profile led = read_generic(
        "Bakers\n\nBakers bake bread, rolls, pastries and cakes for bakeries and grocery stores.\n\n"
        "Common job titles\n  • baker, bread\n\n\n\nBread bakers:\n\n  • Measure and mix ingredients\n"
        "  • Shape loaves\n");
    ASSERT_EQ(led.sections.size(), 3u);
    EXPECT_EQ(led.sections[2].kind, "duties");
    EXPECT_EQ(led.sections[2].heading, "Bread bakers");
    EXPECT_FALSE(led.sections[2].heading_inferred);

    // A list after a gap that does not read as duties stays where it is
    const Profile titles = read_generic(
        "Bakers\n\nBakers bake bread, rolls, pastries and cakes for bakeries and grocery stores.\n\n"
        "Common job titles\n  • baker, bread\n\n\n\n  • pastry chef\n");
    EXPECT_EQ(titles.sections.size(), 2u);
}

TEST(Headings, TheFirstSubjectDecidesAndADateLineHeadsNothing) {
    const Profile p = read_generic(
        "Bakers\n\nBakers bake bread, rolls, pastries and cakes for bakeries and grocery stores.\n\n"
        "Academic and Licensing Requirements\n\n"
        "A high school diploma and a baking certificate from a college are the usual start.\n\n"
        "Section revised February 2012\n\n"
        "Licensing and Training\n\nBakers need no licence, but food safety training is required by employers.\n");
    std::vector<std::string> outline;
    for (const auto& s : p.sections) outline.push_back(s.kind + "|" + s.heading);
    EXPECT_EQ(outline, (std::vector<std::string>{"overview|Overview", "education|Academic and Licensing Requirements",
                                                 "certification|Licensing and Training"}));
    ASSERT_EQ(p.sections[1].dates.size(), 1u);
    EXPECT_EQ(p.sections[1].dates[0].value, "2012-02");
}

TEST(Jurisdiction, WhereThePageSaysItLives) {
    // No --url: the canonical link names a provincial host
    const Profile linked = read_generic(
        "<html><head><title>Bakers</title><link rel=\"canonical\" href=\"https://www.workbc.ca/careers/bakers\">"
        "</head><body><main><h1>Bakers</h1><p>Bakers bake bread, rolls, pastries and cakes for bakeries and "
        "grocery stores.</p></main></body></html>",
        InputFormat::html);
    EXPECT_EQ(linked.source.jurisdiction, "BC");

    // A text dump's footer names the site's host
    const Profile footer = read_generic(
        "Bakers\n\nBakers bake bread, rolls, pastries and cakes for bakeries and grocery stores.\n\n"
        "careers.novascotia.ca\n");
    EXPECT_EQ(footer.source.jurisdiction, "NS");

    // A host that only looks like one is no evidence
    const Profile lookalike = read_generic(
        "Bakers\n\nBakers bake bread, rolls, pastries and cakes for bakeries and grocery stores.\n\n"
        "notnovascotia.ca.example.com novascotia.ca.example.com\n");
    EXPECT_EQ(lookalike.source.jurisdiction, "XX");
}

TEST(Jurisdiction, ALocalPhoneNumberOrACityNamesTheProvince) {
    auto province_of = [](const std::string& footer) {
        return read_generic(
                   "Bakers\n\nBakers bake bread, rolls, pastries and cakes for bakeries and grocery "
                   "stores.\n\n" +
                   footer + "\n")
            .source.jurisdiction;
    };
    EXPECT_EQ(province_of("Career Hotline 780-555-0142"), "AB");  // an Alberta area code
    EXPECT_EQ(province_of("Call (506) 555-0142"), "NB");
    EXPECT_EQ(province_of("Our office in Saskatoon"), "SK");
    EXPECT_EQ(province_of("Toll Free 1-877-555-0142"), "XX");  // toll-free: anywhere
    EXPECT_EQ(province_of("Call 1-780-555-0142"), "XX");       // after a long-distance prefix: not read
    EXPECT_EQ(province_of("Order 780-555-01423"), "XX");       // not a phone number
}

TEST(Headings, ACaptureCutRightAfterAHeading) {
    const Profile p = read_generic(
        "Bakers\n\nBakers bake bread, rolls, pastries and cakes for bakeries and grocery stores.\n\n"
        "Where to study in Manitoba\n");
    ASSERT_EQ(p.sections.size(), 2u);
    EXPECT_EQ(p.sections[1].kind, "education");
    EXPECT_EQ(p.sections[1].heading, "Where to study in Manitoba");
    // An unnamed last line is no heading ("Thank you for visiting")
    EXPECT_EQ(read_generic("Bakers\n\nBakers bake bread, rolls, pastries and cakes for bakeries.\n\nThank you "
                           "for visiting\n")
                  .sections.size(),
              1u);
}

TEST(Unglue, AFiguresLabelGluedToTheNextHeading) {
    const Profile p = read_generic(
        "Bakers\n\nBakers bake bread, rolls, pastries and cakes for bakeries and grocery stores.\n\n"
        "Hourly Pay\n\n$16.00\n\nMinimum\n\n$19.50\n\nMedian\n\n$24.00\n\nMaximumAnnual Pay\n\n$31,200\n\nMinimum\n");
    std::vector<std::string> headings;
    for (const auto& s : p.sections) headings.push_back(s.heading);
    EXPECT_EQ(headings, (std::vector<std::string>{"Overview", "Hourly Pay", "Annual Pay"}));
}

TEST(DataYear, AHeadingThatNamesTheYearDatesItsSection) {
    const Profile p = read_generic(
        "<html><body><main><h1>Bakers</h1><h2>Employment in 2018</h2><p>About 12,000 people worked as bakers, "
        "most of them in small bakeries.</p></main></body></html>",
        InputFormat::html);
    ASSERT_EQ(p.sections.size(), 1u);
    ASSERT_EQ(p.sections[0].dates.size(), 1u);
    EXPECT_EQ(p.sections[0].dates[0].kind, DateKind::data_year);
    EXPECT_EQ(p.sections[0].dates[0].value, "2018");
}

TEST(Subheading, LevelsCountFromThePagesOwnTop) {
    // A layout that places a named heading at level 3 ("Prospects over the next 3 years" in Job Bank's) nests it
    // under the section above it whether the site styles its sections as h2 or one level down.
    auto outline = [](const std::string& h_title, const std::string& h_section, const std::string& h_sub) {
        ConvertOptions options;
        options.layout = "jobbank";
        options.format = InputFormat::html;
        const Profile p =
            convert("<html><body><main><" + h_title + ">Job prospects Baker in Manitoba</" + h_title + "><" +
                        h_section + ">Job opportunities in Manitoba</" + h_section + "><p>The outlook is fair.</p><" +
                        h_sub + ">Prospects over the next 3 years</" + h_sub +
                        "><p>Openings come mostly from retirements in small bakeries.</p></main></body></html>",
                    options)
                .profile;
        std::vector<std::string> out;
        for (const auto& s : p.sections) {
            out.push_back(s.heading);
            for (const auto& sub : s.subsections) out.push_back("  " + sub.heading);
        }
        return out;
    };
    const std::vector<std::string> expected{"Job opportunities in Manitoba", "  Prospects over the next 3 years"};
    EXPECT_EQ(outline("h1", "h2", "h3"), expected);
    EXPECT_EQ(outline("h2", "h3", "h4"), expected);
    EXPECT_EQ(outline("h3", "h4", "h5"), expected);
}

TEST(Codes, FiveDigitsAreThe2021ClassificationInFrenchToo) {
    const Profile p = read_generic("Boulangers (CNP 63202)\n\nLes boulangers préparent le pain et les pâtisseries.\n");
    ASSERT_EQ(p.codes.size(), 1u);
    EXPECT_EQ(p.codes[0].scheme, "CNP");
    EXPECT_EQ(p.codes[0].version, "2021");
}

TEST(Title, TheOneHeadingAboveAllOthersWhateverItsLevel) {
    // Styled one level down, the name ends in an abbreviation and has no other signal: it still is the name
    const Profile p = read_generic(
        "<html><body><main><h2>Other bakers, n.e.c.</h2><h3>Duties</h3><ul><li>mix dough</li></ul><h3>Wages</h3>"
        "<p>Bakers earn $18.50 an hour in most of the province.</p></main></body></html>",
        InputFormat::html);
    ASSERT_TRUE(p.title);
    EXPECT_EQ(p.title->text, "Other bakers, n.e.c.");

    // A long name with its code beside it: the words of the name count, not the code's
    const Profile longer = read_generic(
        "<html><body><main><h2>Contractors and supervisors, milling, baking, pastry and confectionery trades and "
        "related occupations in bakeries <small>(NOC 6332)</small></h2><h3>Duties</h3><ul><li>supervise "
        "bakers</li></ul>"
        "</main></body></html>",
        InputFormat::html);
    ASSERT_TRUE(longer.title);
    EXPECT_EQ(
        longer.title->text,
        "Contractors and supervisors, milling, baking, pastry and confectionery trades and related occupations in "
        "bakeries");
}

TEST(LibraryUse, ConvertAFileAndVisitEverySectionWageAndDate) {
    const std::string path = std::string(OCCKIT_SOURCE_DIR) + "/samples/explorecareers-ns/respiratory-therapists.txt";
    const Conversion c = convert_file(path);
    ASSERT_TRUE(c.profile.title);
    EXPECT_EQ(c.profile.title->text, "Respiratory Therapists");
    // The wages sit in sections, not at the top: all_wages finds them however deep
    EXPECT_TRUE(c.profile.wages.empty());
    EXPECT_EQ(occkit::all_wages(c.profile).size(), 7u);
    std::size_t section_dates = 0;
    int deepest = 0;
    for_each_section(c.profile, [&](const Section& s, int depth) {
        section_dates += s.dates.size();
        deepest = std::max(deepest, depth);
    });
    EXPECT_EQ(all_dates(c.profile).size(), c.profile.dates.size() + section_dates);
    EXPECT_EQ(deepest, 2);

    // Errors name the file, and say what kind of failure it was
    const std::string missing = std::string(OCCKIT_SOURCE_DIR) + "/samples/no-such-page.html";
    try {
        convert_file(missing);
        ADD_FAILURE() << "no error";
    } catch (const occkit::Error& e) {
        EXPECT_EQ(std::string(e.what()), missing + ": no such file or directory");
        EXPECT_EQ(e.path(), missing);
        EXPECT_EQ(e.reason(), "no such file or directory");
        EXPECT_EQ(e.code(), occkit::ErrorCode::io);
    }
    // A page that is no page: the path goes in front of the library's reason
    const std::string blank = (std::filesystem::temp_directory_path() / "occkit-blank-page.txt").string();
    std::ofstream(blank) << "  \n\n\t\n";
    try {
        convert_file(blank);
        ADD_FAILURE() << "no error";
    } catch (const occkit::Error& e) {
        EXPECT_EQ(e.path(), blank);
        EXPECT_EQ(e.code(), occkit::ErrorCode::invalid_input);
        EXPECT_EQ(std::string(e.what()), blank + ": " + e.reason());
    }
    std::filesystem::remove(blank);
}

// Every renderer sets one blank line between blocks, so a dump cannot show the wider gap a layout's infer rule asks
// for (htns: a salary line after two blank lines, as its hand-made captures have it); there one blank line does, as
// the HTML page infers the section at the figure. A capture that does leave wider gaps is held to them.
TEST(InferredSections, AWageAfterOneBlankLineInADumpWithNoWiderGap) {
    ConvertOptions options;
    options.layout = "htns";
    options.format = InputFormat::text;
    const std::string head = "Where is Nova Scotia?\n\nSleep Disorders Technologist\n\nJob Description\n\n";
    Profile dump = convert(head +
                               "Technologists run overnight studies.\n\n  \xE2\x80\xA2 $38 500 - $47 000 a year.\n\n"
                               "(a) Personal Characteristics\n\nCalm and patient.\n",
                           options)
                       .profile;
    EXPECT_EQ(kinds(dump), (std::vector<std::string>{"duties", "salary", "personal-characteristics"}));

    Profile capture = convert(head +
                                  "Technologists run overnight studies.\n\nSome earn $30 an hour at night.\n\n\n"
                                  "(a) Personal Characteristics\n\nCalm and patient.\n",
                              options)
                          .profile;
    EXPECT_EQ(kinds(capture), (std::vector<std::string>{"duties", "personal-characteristics"}));
}
