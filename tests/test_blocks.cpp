// Blocks from HTML (libxml2 SAX) and from text dumps (line reader).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "occkit/blocks.hpp"
#include "occkit/error.hpp"

namespace {

using occkit::Block;
using occkit::BlockKind;
using occkit::Document;
using occkit::read_html_blocks;
using occkit::read_text_blocks;

// "list-item 2: text": kind, level when set, text; one string per block, so expectations read like the page.
std::vector<std::string> describe(const Document& doc) {
    std::vector<std::string> out;
    for (const Block& b : doc.blocks) {
        std::string line(occkit::to_string(b.kind));
        if (b.level != 0) line += " " + std::to_string(b.level);
        out.push_back(line + ": " + b.text);
    }
    return out;
}

using Lines = std::vector<std::string>;

// ---------------------------------------------------------------------------------------------------------------
// HTML

TEST(HtmlBlocks, HeadingsParagraphsAndInlineText) {
    Document doc = read_html_blocks(
        "<html><body><h1>Registered Nurse</h1><h2>Duties</h2>"
        "<p>In general, <a href=\"/rn\">RNs</a>:</p><h3>Sub <em>heading</em></h3><h6>Six</h6></body></html>");
    EXPECT_EQ(describe(doc), (Lines{"heading 1: Registered Nurse", "heading 2: Duties",
                                    "paragraph: In general, RNs:", "heading 3: Sub heading", "heading 6: Six"}));
    EXPECT_EQ(doc.format, occkit::InputFormat::html);
}

TEST(HtmlBlocks, TextIsWhatAReaderSees) {
    Document doc = read_html_blocks(
        "<p>Executive director, nurses&#x27; association&nbsp;and\n   more</p>"
        "<p>Line one<br>Line two</p><p><span>Pay</span><span>scale</span></p><p>   </p><div></div>");
    EXPECT_EQ(describe(doc), (Lines{"paragraph: Executive director, nurses' association and more",
                                    "paragraph: Line one Line two", "paragraph: Payscale"}));
}

TEST(HtmlBlocks, NestedListsGetTheirDepth) {
    Document doc = read_html_blocks(
        "<ul><li>One<ul><li>Nested A</li><li>Nested <b>B</b><ol><li>Deeper</li></ol></li></ul></li>"
        "<li>Two</li></ul><ol><li><p>Loose item</p></li></ol>");
    EXPECT_EQ(describe(doc), (Lines{"list-item 1: One", "list-item 2: Nested A", "list-item 2: Nested B",
                                    "list-item 3: Deeper", "list-item 1: Two", "list-item 1: Loose item"}));
}

// Each block with the furniture region the markup puts it in ("content" blocks print bare).
std::vector<std::string> describe_regions(const Document& doc) {
    std::vector<std::string> out;
    for (const Block& b : doc.blocks)
        out.push_back(b.region == occkit::Region::content ? b.text
                                                          : std::string(occkit::to_string(b.region)) + ": " + b.text);
    return out;
}

TEST(HtmlBlocks, HiddenContentIsDroppedAndLandmarksAreMarked) {
    Document doc = read_html_blocks(
        "<html><head><title>T</title><style>p{}</style><script>var x = '<p>no</p>';</script></head><body>"
        "<a href=\"#main\" class=\"visually-hidden focusable\">Skip to main content</a>"
        "<header><h1>Site banner</h1></header><nav><ul><li>Plan a Career</li></ul></nav>"
        "<main><h1>Plumber</h1><p>Installs pipes.<script>track()</script></p>"
        "<noscript>Enable JavaScript</noscript><template><p>Template</p></template>"
        "<form><label>Search</label><input value=\"x\"><select><option>A</option></select>"
        "<textarea>typed</textarea><button>Go</button></form>"
        "<div hidden>Hidden div</div><p style=\"display: none\">Invisible</p><svg><title>Icon</title></svg>"
        "<iframe src=\"x\">Frame</iframe><aside>Related links</aside><p>Kept.</p></main>"
        "<footer><p>Copyright</p></footer></body></html>");
    EXPECT_EQ(describe(doc), (Lines{"heading 1: Site banner", "list-item 1: Plan a Career", "heading 1: Plumber",
                                    "paragraph: Installs pipes.", "paragraph: Related links", "paragraph: Kept.",
                                    "paragraph: Copyright"}));
    EXPECT_EQ(describe_regions(doc), (Lines{"banner: Site banner", "navigation: Plan a Career", "Plumber",
                                            "Installs pipes.", "aside: Related links", "Kept.", "footer: Copyright"}));
    EXPECT_EQ(doc.html_title, "T");
}

// Readability-style class and id words mark furniture; a <header> inside the article is the article's own.
TEST(HtmlBlocks, FurnitureNamedByClassIdRoleOrLabel) {
    Document doc = read_html_blocks(
        "<body><div class=\"cookie-banner\">We use cookies.</div>"
        "<div id=\"site-breadcrumbs\"><a href=\"/\">Home</a> &gt; Careers</div>"
        "<div role=\"complementary\"><p>Quiz</p></div><ol aria-label=\"Breadcrumb\"><li>Home</li></ol>"
        "<article><header><h1>Welder</h1></header><div class=\"social-share\"><p>Share</p></div>"
        "<p>Joins <a href=\"/m\">metal</a>.</p><p><a href=\"/x\">Related</a></p></article>"
        "<div class=\"menu__items\"><span class=\"footer-note\">Menu</span></div></body>");
    EXPECT_EQ(describe_regions(doc),
              (Lines{"cookie: We use cookies.", "breadcrumb: Home > Careers", "aside: Quiz", "breadcrumb: Home",
                     "Welder", "share: Share", "Joins metal.", "Related", "menu: Menu"}));
    ASSERT_EQ(doc.blocks.size(), 9u);
    EXPECT_FALSE(doc.blocks[6].link_only);  // a link inside a sentence
    EXPECT_TRUE(doc.blocks[7].link_only);
}

// Every renderer shows <br><br> as a blank line: the text after it is a paragraph of its own. One <br> is a space.
TEST(HtmlBlocks, TwoLineBreaksStartAParagraph) {
    Document doc = read_html_blocks("<p>Works indoors.<br>Lifts 20 kg.<br> <br>Earns well.</p><h2>A<br><br>B</h2>");
    EXPECT_EQ(describe(doc),
              (Lines{"paragraph: Works indoors. Lifts 20 kg.", "paragraph: Earns well.", "heading 2: A B"}));
}

TEST(HtmlBlocks, MetaTitleIsKept) {
    Document doc = read_html_blocks(
        "<html><head><title>Welders | Site</title><meta property=\"og:title\" content=\" Welders \"></head>"
        "<body><p>x</p></body></html>");
    EXPECT_EQ(doc.html_title, "Welders | Site");
    EXPECT_EQ(doc.meta_title, "Welders");
}

TEST(HtmlBlocks, DefinitionListsGiveLabelValuePairs) {
    Document doc = read_html_blocks(
        "<dl><dt>NOC</dt><dd>3012</dd><dt>Minimum Education:</dt><dd>4 years <em>post-secondary</em></dd>"
        "<dt>Orphan term</dt></dl>");
    EXPECT_EQ(describe(doc), (Lines{"label-value: NOC: 3012", "label-value: Minimum Education: 4 years post-secondary",
                                    "paragraph: Orphan term"}));
    ASSERT_EQ(doc.blocks.size(), 3u);
    EXPECT_EQ(doc.blocks[1].label, "Minimum Education");
    EXPECT_EQ(doc.blocks[1].value, "4 years post-secondary");
}

TEST(HtmlBlocks, StrongLabelFollowedByTextIsLabelValue) {
    Document doc = read_html_blocks(
        "<p><strong>Annual salary:</strong> $70,000</p><div><b>Outlook</b>: Good</div>"
        "<p><strong>Senior managers in this unit group:</strong></p>"
        "<p>Plain <strong>bold:</strong> rest</p>");
    EXPECT_EQ(describe(doc), (Lines{"label-value: Annual salary: $70,000", "label-value: Outlook: Good",
                                    "paragraph: Senior managers in this unit group:", "paragraph: Plain bold: rest"}));
    ASSERT_EQ(doc.blocks.size(), 4u);
    EXPECT_EQ(doc.blocks[0].label, "Annual salary");
    EXPECT_EQ(doc.blocks[0].value, "$70,000");
    EXPECT_EQ(doc.blocks[1].label, "Outlook");
    EXPECT_EQ(doc.blocks[1].value, "Good");
    EXPECT_FALSE(doc.blocks[0].emphasized);
    EXPECT_TRUE(doc.blocks[2].emphasized);
    EXPECT_FALSE(doc.blocks[3].emphasized);
}

TEST(HtmlBlocks, TableRowsHaveCells) {
    Document doc = read_html_blocks(
        "<table><thead><tr><th>Level</th><th>Wage</th></tr></thead>"
        "<tbody><tr><td>Starting</td><td>$26.09 <small>/hr</small></td></tr><tr><td></td><td></td></tr>"
        "<tr><td><p>Top</p></td><td><h4>$34.44</h4></td></tr></tbody></table>");
    EXPECT_EQ(describe(doc),
              (Lines{"table-row: Level | Wage", "table-row: Starting | $26.09 /hr", "table-row: Top | $34.44"}));
    ASSERT_EQ(doc.blocks.size(), 3u);
    EXPECT_EQ(doc.blocks[1].cells, (std::vector<std::string>{"Starting", "$26.09 /hr"}));
}

TEST(HtmlBlocks, LineNumbersAreThoseOfTheElements) {
    Document doc = read_html_blocks(
        "<!DOCTYPE html>\n"                     // 1
        "<html>\n"                              // 2
        "<body>\n"                              // 3
        "<h1>Title</h1>\n"                      // 4
        "\n"                                    // 5
        "<p>First\nparagraph</p>\n"             // 6-7
        "<ul>\n"                                // 8
        "  <li>Item</li>\n"                     // 9
        "</ul>\n"                               // 10
        "<div>Intro\n<p>Inner</p>Tail</div>\n"  // 11-12
        "</body></html>\n");
    EXPECT_EQ(describe(doc), (Lines{"heading 1: Title", "paragraph: First paragraph", "list-item 1: Item",
                                    "paragraph: Intro", "paragraph: Inner", "paragraph: Tail"}));
    std::vector<int> lines;
    for (const auto& b : doc.blocks) lines.push_back(b.line);
    EXPECT_EQ(lines, (std::vector<int>{4, 6, 9, 11, 12, 12}));
}

TEST(HtmlBlocks, EmphasizedWhenTheWholeBlockIsBold) {
    Document doc = read_html_blocks(
        "<p><b>Working Conditions</b></p><p><strong>Half</strong> bold</p>"
        "<h2><strong>Bold heading</strong></h2>");
    ASSERT_EQ(doc.blocks.size(), 3u);
    EXPECT_TRUE(doc.blocks[0].emphasized);
    EXPECT_FALSE(doc.blocks[1].emphasized);
    EXPECT_TRUE(doc.blocks[2].emphasized);
}

TEST(HtmlBlocks, TitleAndLanguage) {
    Document doc = read_html_blocks(
        "<!DOCTYPE html><html lang=\"en-CA\"><head><meta charset=\"utf-8\">"
        "<title> Registered Nurse |\n WorkBC </title></head><body><p>x</p></body></html>");
    EXPECT_EQ(doc.html_title, "Registered Nurse | WorkBC");
    EXPECT_EQ(doc.language, "en");
    EXPECT_EQ(read_html_blocks("<html lang=\"fr\"><body>x</body></html>").language, "fr");
    EXPECT_EQ(read_html_blocks("<html><body>x</body></html>").language, "");
}

TEST(HtmlBlocks, DeclaredCharsetDoesNotReDecodeTheUtf8Text) {
    Document doc = read_html_blocks(
        "<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xC3\xA9 "
        "\xE2\x80\x93 d\xC3\xA9j\xC3\xA0</p></body></html>");
    EXPECT_EQ(describe(doc), (Lines{"paragraph: Caf\xC3\xA9 \xE2\x80\x93 d\xC3\xA9j\xC3\xA0"}));
}

TEST(HtmlBlocks, DeepNestingIsACleanErrorByDefault) {
    std::string deep = "<html><body>";
    for (int k = 0; k < 100000; ++k) deep += "<div>";
    deep += "deep text";
    try {
        read_html_blocks(deep);
        FAIL() << "expected an error";
    } catch (const occkit::Error& e) {
        EXPECT_STREQ(e.what(), "nesting deeper than 256 elements");
    }
}

TEST(HtmlBlocks, DeepNestingWorksWithoutRecursionWhenAllowed) {
    std::string deep = "<html><body>";
    for (int k = 0; k < 100000; ++k) deep += "<div>";
    deep += "deep text";
    for (int k = 0; k < 100000; ++k) deep += "</div>";
    deep += "<p>after</p></body></html>";
    occkit::BlockLimits limits;
    limits.max_depth = 200000;
    Document doc = read_html_blocks(deep, limits);
    EXPECT_EQ(describe(doc), (Lines{"paragraph: deep text", "paragraph: after"}));
}

TEST(HtmlBlocks, DeepListNestingKeepsCounting) {
    std::string deep;
    for (int k = 0; k < 300; ++k) deep += "<ul><li>";
    deep += "bottom";
    occkit::BlockLimits limits;
    limits.max_depth = 1000;
    Document doc = read_html_blocks(deep, limits);
    ASSERT_EQ(doc.blocks.size(), 1u);
    EXPECT_EQ(doc.blocks[0].kind, BlockKind::list_item);
    EXPECT_EQ(doc.blocks[0].level, 300);
    EXPECT_THROW(read_html_blocks(deep), occkit::Error);
}

TEST(HtmlBlocks, EmptyAndBrokenInputs) {
    EXPECT_TRUE(read_html_blocks("").blocks.empty());
    EXPECT_EQ(describe(read_html_blocks("<p>unclosed <b>bold <i>and")), (Lines{"paragraph: unclosed bold and"}));
    std::string joined;
    for (const auto& b : read_html_blocks("<<<>>> text </p></div></li>").blocks) joined += b.text;
    EXPECT_EQ(joined, "<<<>>> text");
    EXPECT_EQ(describe(read_html_blocks("<ul><li>a<li>b</ul>")), (Lines{"list-item 1: a", "list-item 1: b"}));
}

TEST(HtmlBlocks, RandomMarkupNeverCrashes) {
    const std::vector<std::string> pieces = {
        "<p>",      "</p>",      "<ul>",         "<li>",      "</li>", "</ul>",  "<table>", "<tr>",
        "<td>",     "</td>",     "</tr>",        "<dl>",      "<dt>",  "<dd>",   "<h2>",    "</h2>",
        "<strong>", "</strong>", "<script>",     "</script>", "<nav>", "</nav>", "<br>",    "text ",
        "Label: ",  "&amp;",     "&#0;",         "<!--",      "-->",   "<",      ">",       "\xC3\xA9",
        "<title>",  "<svg>",     "<div hidden>", "</div>",    "\n"};
    std::mt19937 rng(7);
    for (int round = 0; round < 200; ++round) {
        std::string html;
        int count = static_cast<int>(rng() % 200);
        for (int k = 0; k < count; ++k) html += pieces[rng() % pieces.size()];
        try {
            Document doc = read_html_blocks(html);
            for (const auto& b : doc.blocks) EXPECT_FALSE(b.text.empty());
        } catch (const occkit::Error&) {
        }
    }
}

TEST(Blocks, ReadBlocksDispatchesOnFormat) {
    occkit::Decoded html{"<html lang=\"fr\"><body><h1>Soudeur</h1></body></html>", "windows-1252",
                         occkit::InputFormat::html};
    Document doc = occkit::read_blocks(html);
    EXPECT_EQ(doc.format, occkit::InputFormat::html);
    EXPECT_EQ(doc.charset, "windows-1252");
    EXPECT_EQ(describe(doc), (Lines{"heading 1: Soudeur"}));

    occkit::Decoded text{"<h1>Soudeur</h1>\n", "UTF-8", occkit::InputFormat::text};
    doc = occkit::read_blocks(text);
    EXPECT_EQ(doc.format, occkit::InputFormat::text);
    EXPECT_EQ(doc.charset, "UTF-8");
    EXPECT_EQ(describe(doc), (Lines{"paragraph: <h1>Soudeur</h1>"}));

    occkit::Decoded sniffed{"<p>x</p>", "UTF-8", occkit::InputFormat::automatic};
    EXPECT_EQ(occkit::read_blocks(sniffed).format, occkit::InputFormat::html);
}

TEST(Blocks, KindNames) {
    EXPECT_EQ(occkit::to_string(BlockKind::heading), "heading");
    EXPECT_EQ(occkit::to_string(BlockKind::paragraph), "paragraph");
    EXPECT_EQ(occkit::to_string(BlockKind::list_item), "list-item");
    EXPECT_EQ(occkit::to_string(BlockKind::label_value), "label-value");
    EXPECT_EQ(occkit::to_string(BlockKind::table_row), "table-row");
}

// ---------------------------------------------------------------------------------------------------------------
// Text

TEST(TextBlocks, OneBlockPerNonBlankLineWithLinesAndGaps) {
    Document doc = read_text_blocks(
        "Health Records Technologist\n\nJob Description\n\n\n  \xE2\x80\xA2 $32\xC2\xA0"
        "000 - $36\xE2\x80\xAF"
        "000 a year.\n\xC2\xA0\n\nLast line");
    EXPECT_EQ(describe(doc), (Lines{"paragraph: Health Records Technologist", "paragraph: Job Description",
                                    "list-item 1: $32 000 - $36 000 a year.", "paragraph: Last line"}));
    std::vector<int> lines, gaps;
    for (const auto& b : doc.blocks) {
        lines.push_back(b.line);
        gaps.push_back(b.gap_before);
    }
    EXPECT_EQ(lines, (std::vector<int>{1, 3, 6, 9}));
    EXPECT_EQ(gaps, (std::vector<int>{0, 1, 2, 2}));
    EXPECT_EQ(doc.format, occkit::InputFormat::text);
}

TEST(TextBlocks, Bullets) {
    Document doc = read_text_blocks(
        "  \xE2\x80\xA2 translate information from paper\n"
        "\xC2\xB7 middle dot\n"
        "\xE2\x96\xAA small square\n"
        "\xE2\x97\xA6 white bullet\n"
        "\xE2\x80\xA3 triangle\n"
        "\xE2\x97\x8F black circle\n"
        "- Aviation welding technician\n"
        "* Star\n"
        "\xE2\x80\x93 En dash\n"
        "-5 degrees is not a bullet\n"
        "*emphasis* is not one either\n"
        "\xE2\x80\xA2\n");
    EXPECT_EQ(
        describe(doc),
        (Lines{"list-item 1: translate information from paper", "list-item 1: middle dot", "list-item 1: small square",
               "list-item 1: white bullet", "list-item 1: triangle", "list-item 1: black circle",
               "list-item 1: Aviation welding technician", "list-item 1: Star", "list-item 1: En dash",
               "paragraph: -5 degrees is not a bullet", "paragraph: *emphasis* is not one either"}));
}

TEST(TextBlocks, DoubleBulletsLoseBothMarkers) {
    Document doc = read_text_blocks(
        "  \xE2\x80\xA2 - Read and interpret blueprints, drawings and sketches\n"
        "  \xE2\x80\xA2 * Completion of secondary school is usually required.\n"
        "  \xE2\x80\xA2 \xE2\x80\xA2 Twice\n");
    EXPECT_EQ(describe(doc),
              (Lines{"list-item 1: Read and interpret blueprints, drawings and sketches",
                     "list-item 1: Completion of secondary school is usually required.", "list-item 1: Twice"}));
}

TEST(TextBlocks, IndentationGivesDepth) {
    Document doc = read_text_blocks(
        "\xE2\x80\xA2 zero\n"
        "    \xE2\x80\xA2 four\n"
        "      \xE2\x97\xA6 six\n"
        "\t\t- two tabs\n"
        "          - ten\n"
        "\xC2\xA0\xC2\xA0- nbsp indent\n");
    EXPECT_EQ(describe(doc), (Lines{"list-item 1: zero", "list-item 1: four", "list-item 2: six",
                                    "list-item 2: two tabs", "list-item 3: ten", "list-item 1: nbsp indent"}));
}

TEST(TextBlocks, LabelValueLines) {
    Document doc = read_text_blocks(
        "Also Known As:Coding Specialist, Data Analyst\n"
        "NOC Number(s): 1122\n"
        "Minimum Education:2 years post-secondary education/training\n"
        "3233: Licensed practical nurses\n"
        "Website: http://example.com/page\n");
    EXPECT_EQ(describe(doc),
              (Lines{"label-value: Also Known As:Coding Specialist, Data Analyst", "label-value: NOC Number(s): 1122",
                     "label-value: Minimum Education:2 years post-secondary education/training",
                     "label-value: 3233: Licensed practical nurses", "label-value: Website: http://example.com/page"}));
    ASSERT_EQ(doc.blocks.size(), 5u);
    EXPECT_EQ(doc.blocks[0].label, "Also Known As");
    EXPECT_EQ(doc.blocks[0].value, "Coding Specialist, Data Analyst");
    EXPECT_EQ(doc.blocks[1].label, "NOC Number(s)");
    EXPECT_EQ(doc.blocks[1].value, "1122");
    EXPECT_EQ(doc.blocks[4].label, "Website");
    EXPECT_EQ(doc.blocks[4].value, "http://example.com/page");
}

TEST(TextBlocks, LinesThatAreNotLabelValue) {
    Document doc = read_text_blocks(
        "Duties vary from one position to another but, in general, health information management professionals:\n"
        "EDinfo website:\n"
        "http://example.com\n"
        "Related Video 7:08\n"
        "Occupational Therapist (4:52)\n"
        "lowercase label: value\n"
        "Note. With a period: value\n"
        "Is this a question? Maybe: yes\n"
        "A label that is far too long to be a label really: value\n"
        "Un libell\xC3\xA9 beaucoup trop long pour en \xC3\xAAtre un: valeur\n"
        "No colon at all\n");
    for (const auto& b : doc.blocks) EXPECT_EQ(b.kind, BlockKind::paragraph) << b.text;
    EXPECT_EQ(doc.blocks.size(), 11u);
}

TEST(TextBlocks, PipeTables) {
    Document doc = read_text_blocks(
        "Starting | $26.09 |\n"
        "---|---|\n"
        "Overall | $30.02 |\n"
        "| :--- | ---: |\n"
        "a | b | c\n"
        "| Level | Wage |\n"
        "Duties | Working Conditions | Personal Characteristics | Education\n"
        "only one |\n"
        "pipe|without spaces\n");
    EXPECT_EQ(describe(doc), (Lines{"table-row: Starting | $26.09 |", "table-row: Overall | $30.02 |",
                                    "table-row: a | b | c", "table-row: | Level | Wage |",
                                    "table-row: Duties | Working Conditions | Personal Characteristics | Education",
                                    "paragraph: only one |", "paragraph: pipe|without spaces"}));
    ASSERT_EQ(doc.blocks.size(), 7u);
    EXPECT_EQ(doc.blocks[0].cells, (std::vector<std::string>{"Starting", "$26.09"}));
    EXPECT_EQ(doc.blocks[2].cells, (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(doc.blocks[3].cells, (std::vector<std::string>{"Level", "Wage"}));
    EXPECT_EQ(doc.blocks[4].cells.size(), 4u);
    EXPECT_EQ(doc.blocks[1].line, 3);
    EXPECT_EQ(doc.blocks[1].gap_before, 0);
}

TEST(TextBlocks, CarriageReturnsAndEmptyInput) {
    EXPECT_TRUE(read_text_blocks("").blocks.empty());
    EXPECT_TRUE(read_text_blocks("\n\n  \n").blocks.empty());
    Document doc = read_text_blocks("One\r\n\r\nTwo\r\n");
    EXPECT_EQ(describe(doc), (Lines{"paragraph: One", "paragraph: Two"}));
    EXPECT_EQ(doc.blocks[1].line, 3);
    EXPECT_EQ(doc.blocks[1].gap_before, 1);
}

}  // namespace
