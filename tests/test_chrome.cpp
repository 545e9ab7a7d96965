// The chrome stage, the title by agreement of signals, codes beside a title, the jurisdiction a page names and
// wage tables without a label column: on small pages written here, in the shapes real sites use.
#include <gtest/gtest.h>

#include "occkit/convert.hpp"

using namespace occkit;

namespace {

Conversion convert_html(const std::string& html, const std::string& url = {}, const std::string& layout = {}) {
    ConvertOptions options;
    options.format = InputFormat::html;
    options.url = url;
    options.layout = layout;
    options.explain = true;
    return convert(html, options);
}

std::string title_of(const Profile& p) { return p.title ? p.title->text : std::string("(none)"); }

std::string where(const Conversion& c, const std::string& text) {
    for (const auto& pl : c.placements)
        if (pl.text == text) return pl.where;
    return "(not placed)";
}

const std::string body_of_profile =
    "<h3>Career Overview</h3><p>Legislators make laws and represent the people who elected them in a provincial "
    "legislature or the House of Commons.</p><h3>Duties</h3><ul><li>Attend sittings of the legislature</li>"
    "<li>Serve on committees</li></ul><h3>Career Pathways</h3><p>Most start in community or party work.</p>"
    "<h3>Education Programs in B.C.</h3><p>Political science programs are related.</p>";

// Where a one-line text page puts its second line, read with the generic layout.
std::string where_text_line(const std::string& line) {
    ConvertOptions options;
    options.layout = "generic";
    options.explain = true;
    Conversion c = convert("Welders\n\n" + line + "\n\nWelders join metal parts using heat and pressure.\n", options);
    return where(c, line);
}

TEST(ChromeLines, BreadcrumbTrails) {
    for (std::string trail : {"Home > Explore Careers > Legislators", "You are here: Home » Careers » Welders",
                              "Home / Careers", "Accueil › Métiers › Soudeurs"})
        EXPECT_EQ(where_text_line(trail).substr(0, 6), "chrome") << trail;
    for (std::string line : {"Welder / Fitter / Fabricator",  // no home step: a name, not a trail
                             "Temperatures > 30 degrees are common in the summer months of the year",
                             "Employment > average growth is expected in the next five years."})
        EXPECT_EQ(where_text_line(line).find("chrome"), std::string::npos) << line;
}

TEST(ChromeLines, MenusOfShortCaptions) {
    EXPECT_EQ(where_text_line("Students · About us · Careers · Contact · Français"), "chrome (menu line)");
    EXPECT_EQ(where_text_line("Students • Parents • Educators • Employers"), "chrome (menu line)");
    for (std::string line : {"Low | Median | High", "Region | $18.00 | $24.50 | $32.00",
                             "Plan, organize | direct and control the work of others | budget | hire"})
        EXPECT_EQ(where_text_line(line).find("chrome"), std::string::npos) << line;
}

// A known site in another page chrome: a consent banner first, an account bar, a breadcrumb, the title in an h2
// with the code beside it in <small>, a sidebar and a footer, no class names to help.
TEST(Chrome, KnownSiteInAnotherChromeKeepsItsTitleCodeAndSections) {
    std::string html =
        "<html lang=\"en\"><head><title>Legislators - WorkBC</title></head><body>"
        "<div>This site uses cookies to improve your experience. <a href=\"/p\">Learn more</a> "
        "<button>OK</button></div>"
        "<div><a href=\"/\">Sign in</a> | <a href=\"/r\">Create an account</a></div>"
        "<div><a href=\"/\">Home</a> &gt; <a href=\"/c\">Explore Careers</a> &gt; Legislators</div>"
        "<h2>Legislators <small>(NOC 0011)</small></h2>" +
        body_of_profile +
        "<aside><h4>Explore more</h4><ul><li><a href=\"/q\">Career Quiz</a></li></ul></aside>"
        "<footer><p>Copyright © 2022 Province of British Columbia. All rights reserved.</p></footer></body></html>";
    Conversion c = convert_html(html);
    EXPECT_EQ(c.detection.layout, "workbc");
    EXPECT_EQ(title_of(c.profile), "Legislators");
    ASSERT_EQ(c.profile.codes.size(), 1u);
    EXPECT_EQ(c.profile.codes[0].value, "0011");
    EXPECT_EQ(c.profile.source.jurisdiction, "BC");
    ASSERT_EQ(c.profile.sections.size(), 4u);
    EXPECT_EQ(c.profile.sections[0].kind, "overview");
    EXPECT_EQ(c.profile.sections[1].kind, "duties");
    EXPECT_EQ(where(c, "Home > Explore Careers > Legislators").substr(0, 6), "chrome");
    EXPECT_EQ(where(c, "Career Quiz"), "chrome (markup: aside)");
    EXPECT_EQ(where(c, "Sign in | Create an account"), "chrome (furniture phrase)");
    // The footer's year still dates the page.
    ASSERT_EQ(c.profile.dates.size(), 1u);
    EXPECT_EQ(c.profile.dates[0].value, "2022");
}

// No h1, no layout: the line the <title>, the breadcrumb and the code agree on wins over the first line.
TEST(Chrome, TitleByAgreementOfSignals) {
    std::string html =
        "<html><head><title>Welders | Careers Portal</title></head><body>"
        "<p>Find your future career today</p>"
        "<p><a href=\"/\">Home</a> » <a href=\"/t\">Trades</a> » Welders</p>"
        "<h2>Welders - NOC 72106</h2><p>Welders join metal parts using heat, pressure or both, following blueprints "
        "and "
        "specifications, and inspect the welds they make.</p></body></html>";
    Conversion c = convert_html(html, {}, "generic");
    EXPECT_EQ(title_of(c.profile), "Welders");
    ASSERT_EQ(c.profile.codes.size(), 1u);
    EXPECT_EQ(c.profile.codes[0].scheme, "NOC");
    EXPECT_EQ(c.profile.codes[0].version, "2021");  // five digits: NOC 2021
    EXPECT_EQ(c.profile.codes[0].value, "72106");
}

TEST(Chrome, UrlSlugIsATitleSignal) {
    std::string html =
        "<html><body><p>Menu of the week</p><h3>Licensed practical nurses</h3><p>They give care to patients under "
        "the direction of physicians and registered nurses in hospitals and homes.</p></body></html>";
    Conversion c = convert_html(html, "https://careers.example.org/profiles/licensed-practical-nurses", "generic");
    EXPECT_EQ(title_of(c.profile), "Licensed practical nurses");
}

TEST(Chrome, CodeBeforeTheNameAndOasisCodes) {
    ConvertOptions options;
    options.layout = "generic";
    Profile p = convert("7237.1 – Welders\n\nWelders join metal parts.\n", options).profile;
    EXPECT_EQ(title_of(p), "Welders");
    ASSERT_FALSE(p.codes.empty());
    EXPECT_EQ(p.codes[0].value, "7237.1");
    p = convert("31202.00 – Physiotherapists\n\nThey assess and treat patients.\n", options).profile;
    ASSERT_FALSE(p.codes.empty());
    EXPECT_EQ(p.codes[0].scheme, "OaSIS");
    EXPECT_EQ(p.codes[0].value, "31202.00");
    p = convert("2023 – Annual report\n\nSomething else.\n", options).profile;  // a year is no code
    EXPECT_TRUE(p.codes.empty());
}

TEST(Jurisdiction, TheProvinceThePageNames) {
    ConvertOptions options;
    options.layout = "generic";
    std::string page =
        "Carpenters\n\nCarpenters in New Brunswick build and repair structures.\n\nWorking in New Brunswick\n\n"
        "Most carpenters in New Brunswick work for contractors. Some move to Ontario.\n";
    EXPECT_EQ(convert(page, options).profile.source.jurisdiction, "NB");
    EXPECT_EQ(
        convert("Welders\n\nWelders work across Canada in many industries.\n", options).profile.source.jurisdiction,
        "CA");
    EXPECT_EQ(convert("Welders\n\nWelders join metal parts.\n", options).profile.source.jurisdiction, "XX");
    options.url = "https://www.workbc.ca/careers/welders";
    EXPECT_EQ(convert("Welders\n\nWelders join metal parts.\n", options).profile.source.jurisdiction, "BC");
}

TEST(Wages, TableWithoutARowLabelKeepsItsFirstColumn) {
    ConvertOptions options;
    options.layout = "generic";
    std::string html =
        "<html><body><h1>Cooks</h1><h2>Wages</h2><table><tr><th>Low</th><th>Median</th><th>High</th></tr>"
        "<tr><td>$18.00</td><td>$24.50</td><td>$32.00</td></tr></table></body></html>";
    Profile p = convert(html, options).profile;
    std::vector<double> values;
    for (const auto& s : p.sections)
        for (const auto& w : s.wages)
            if (w.value) values.push_back(*w.value);
    EXPECT_EQ(values, (std::vector<double>{18.0, 24.5, 32.0}));
}

TEST(Wages, AFigureOutOfScaleForItsLabelsPeriod) {
    ConvertOptions options;
    options.layout = "generic";
    Profile p = convert("Cooks\n\nPay\n\nMedian hourly wage $78,000\n", options).profile;
    std::vector<WagePer> pers;
    for (const auto& s : p.sections)
        for (const auto& w : s.wages) pers.push_back(w.per);
    EXPECT_EQ(pers, (std::vector<WagePer>{WagePer::year}));
}

}  // namespace

// A copyright notice closes a page: in a text rendering, where the HTML page's <footer> is gone, the lines after it
// are the footer's too; the notice's own date still dates the page. Not when it stands far from the page's end.
TEST(Chrome, TheLinesAfterACopyrightNoticeAtThePagesEndAreItsFooter) {
    ConvertOptions options;
    options.layout = "generic";
    options.explain = true;
    const std::string page =
        "Welders\n\nWelders join metal parts using heat and pressure.\n\nRelated Subjects\n\n  \xE2\x80\xA2 Metal "
        "shop\n  \xE2\x80\xA2 Physics\n\nCopyright \xC2\xA9 2010 Government of Alberta | Privacy\n\nPage last reviewed "
        "2010-07-15\n";
    Conversion c = convert(page, options);
    EXPECT_EQ(where(c, "Page last reviewed 2010-07-15"), "chrome (after the copyright line)");
    EXPECT_NE(where(c, "Physics").rfind("chrome", 0), 0u) << where(c, "Physics");  // the content above stays

    const std::string early = "Welders\n\n\xC2\xA9 2010 Welding Board\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n";
    EXPECT_NE(where(convert(early, options), "Five.").rfind("chrome", 0), 0u);

    // A photo credit closing the text, then content: a heading or a sentence of some length is no footer's, and
    // nothing after the notice is dropped.
    const std::string credit =
        "Welders\n\nWelders join metal parts using heat and pressure.\n\n\xC2\xA9 2019 WorkSafeBC\n\nWorking "
        "conditions\n\nWelders work in shops and on construction sites, often outdoors and in all weather.\n";
    Conversion with_credit = convert(credit, options);
    for (std::string text : {"Working conditions",
                             "Welders work in shops and on construction sites, often outdoors and in all weather."}) {
        const std::string placed = where(with_credit, text);
        EXPECT_TRUE(placed != "(not placed)" && placed.rfind("chrome", 0) != 0) << text << ": " << placed;
    }
}
