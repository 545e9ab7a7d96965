// The text reader on the conventions of text renderers (w3m, lynx, html2text, pandoc): wrapped lines and hanging
// indents rejoined, space-aligned tables, marked headings, list depths, lynx's link list and html2text's quirks.
// Small made-up dumps in each renderer's shape; test_renderings checks real renderings end to end.
#include <gtest/gtest.h>

#include <string>

#include "occkit/blocks.hpp"

using occkit::BlockKind;
using occkit::Document;
using occkit::read_text_blocks;

namespace {

// A line of `n` columns of filler words ending in `last`, so a dump reads as filled near `n` columns.
std::string filled(std::size_t n, const std::string& last) {
    std::string line;
    while (line.size() + 5 + last.size() < n) line += "word ";
    return line + last;
}

}  // namespace

TEST(TextDumps, WrappedParagraphIsOneBlock) {
    std::string first = filled(78, "ends"), second = filled(75, "and");
    Document doc = read_text_blocks(first + "\n" + second + "\nhere and\nShort line.\n\nNext paragraph.\n");
    ASSERT_EQ(doc.blocks.size(), 3u);
    EXPECT_EQ(doc.blocks[0].text, first + " " + second + " here and");
    EXPECT_EQ(doc.blocks[0].line, 1);
    EXPECT_EQ(doc.blocks[1].text, "Short line.");  // "here and" was short: the next line is a line of its own
    EXPECT_EQ(doc.blocks[2].text, "Next paragraph.");
    EXPECT_EQ(doc.blocks[2].gap_before, 1);
}

TEST(TextDumps, ADashWithNoRoomAboveContinuesTheParagraph) {
    // pandoc broke "... vehicle – and sometimes" before the dash: the line above was full
    std::string first = filled(75, "ends"), second = filled(75, "cart");  // both full: 74 columns
    Document doc = read_text_blocks(first + "\n" + second + "\n\xE2\x80\x93 and sometimes deal with busy traffic.\n");
    ASSERT_EQ(doc.blocks.size(), 1u);
    EXPECT_EQ(doc.blocks[0].kind, BlockKind::paragraph);
    EXPECT_EQ(doc.blocks[0].text, first + " " + second + " \xE2\x80\x93 and sometimes deal with busy traffic.");

    // Under a short line, where the dash would have fitted, it opens an item
    Document list = read_text_blocks(first + "\n" + second + "\nyou will:\n- lift loads\n- drive trucks\n");
    ASSERT_EQ(list.blocks.size(), 3u);
    EXPECT_EQ(list.blocks[0].text, first + " " + second + " you will:");
    EXPECT_EQ(list.blocks[1].kind, BlockKind::list_item);
    EXPECT_EQ(list.blocks[1].text, "lift loads");
}

TEST(TextDumps, UnfilledTextKeepsOneBlockPerLine) {
    std::string long_line = filled(120, "end");
    Document doc = read_text_blocks(filled(78, "ends") + "\n" + filled(77, "x") + "\nhere\n" + long_line + "\n");
    EXPECT_EQ(doc.blocks.size(), 4u);  // a line over 100 columns: not a renderer's fill, nothing is joined
}

TEST(TextDumps, HangingIndentContinuesAListItem) {
    Document doc = read_text_blocks(
        "  • Participate in the work of government such as those of legislative or\n"
        "    executive councils\n"
        "    or\n"
        "    boards\n"
        "  • Second item\n");
    ASSERT_EQ(doc.blocks.size(), 2u);
    EXPECT_EQ(doc.blocks[0].kind, BlockKind::list_item);
    EXPECT_EQ(doc.blocks[0].text,
              "Participate in the work of government such as those of legislative or executive councils or boards");
    EXPECT_EQ(doc.blocks[1].text, "Second item");
}

TEST(TextDumps, AMarkerWhoseLineWrapsToTheMarginOpensAParagraph) {
    // A footnote paragraph "* The combination ..." after a list: the renderer wrapped it back to the margin, where
    // it would have hung an item's second line under the item's text
    std::string body = filled(78, "ends"), footnote = "* " + filled(76, "provided");
    Document doc = read_text_blocks("  \xE2\x80\xA2 Larger networks\n  \xE2\x80\xA2 Virtualization\n\n" + footnote +
                                    "\nby one company.\n\n" + body + "\nthe end.\n");
    ASSERT_EQ(doc.blocks.size(), 4u);
    EXPECT_EQ(doc.blocks[1].kind, BlockKind::list_item);
    EXPECT_EQ(doc.blocks[2].kind, BlockKind::paragraph);
    EXPECT_EQ(doc.blocks[2].text, footnote + " by one company.");

    // The same line with its second line hung under its text is an item
    Document item = read_text_blocks(footnote + "\n  by one company.\n\n" + body + "\nthe end.\n");
    ASSERT_EQ(item.blocks.size(), 2u);
    EXPECT_EQ(item.blocks[0].kind, BlockKind::list_item);
    EXPECT_EQ(item.blocks[0].text, footnote.substr(2) + " by one company.");
}

TEST(TextDumps, ListDepthIsTheRankOfTheIndentation) {
    Document doc =
        read_text_blocks(filled(78, "x") + "\n" + filled(76, "y") + "\nzzzzz\n" +
                         "\n     * lynx top item\n          + nested item\n     * top again\n\nA paragraph.\n\n"
                         "-   pandoc item\n");
    ASSERT_EQ(doc.blocks.size(), 6u);
    EXPECT_EQ(doc.blocks[1].level, 1);
    EXPECT_EQ(doc.blocks[2].text, "nested item");
    EXPECT_EQ(doc.blocks[2].level, 2);
    EXPECT_EQ(doc.blocks[3].level, 1);
    EXPECT_EQ(doc.blocks[5].text, "pandoc item");
    EXPECT_EQ(doc.blocks[5].level, 1);
}

TEST(TextDumps, NumberedItems) {
    Document doc = read_text_blocks("1. First step\n12) Twelfth step\n2024 was a year\n");
    ASSERT_EQ(doc.blocks.size(), 3u);
    EXPECT_EQ(doc.blocks[0].kind, BlockKind::list_item);
    EXPECT_EQ(doc.blocks[0].text, "First step");
    EXPECT_EQ(doc.blocks[1].text, "Twelfth step");
    EXPECT_EQ(doc.blocks[2].kind, BlockKind::paragraph);
}

TEST(TextDumps, SpaceAlignedTableRows) {
    Document doc = read_text_blocks(
        "The wages:\n"
        " Community/Area  Low ($/hour) Median ($/hour)\n"
        "Manitoba         22.00        34.50\n"
        "Southwest Region 20.50        32.00\n");
    ASSERT_EQ(doc.blocks.size(), 4u);
    EXPECT_EQ(doc.blocks[0].kind, BlockKind::paragraph);
    ASSERT_EQ(doc.blocks[1].kind, BlockKind::table_row);
    EXPECT_EQ(doc.blocks[1].cells, (std::vector<std::string>{"Community/Area", "Low ($/hour)", "Median ($/hour)"}));
    EXPECT_EQ(doc.blocks[3].cells, (std::vector<std::string>{"Southwest Region", "20.50", "32.00"}));
}

TEST(TextDumps, PandocTableRulesAreDropped) {
    Document doc = read_text_blocks(
        "  ---------- --------\n"
        "  Starting   $24.36\n"
        "  Top        $39.87\n"
        "  ---------- --------\n");
    ASSERT_EQ(doc.blocks.size(), 2u);
    EXPECT_EQ(doc.blocks[0].cells, (std::vector<std::string>{"Starting", "$24.36"}));
    EXPECT_EQ(doc.blocks[1].cells, (std::vector<std::string>{"Top", "$39.87"}));
}

TEST(TextDumps, MarkedHeadings) {
    Document doc = read_text_blocks(
        "Duties\n======\n\nWork Environment\n----------------\n\n## Education\n\n"
        "****** A title wrapped over\ntwo lines ******\n***** Section *****\n");
    ASSERT_EQ(doc.blocks.size(), 5u);
    for (const auto& b : doc.blocks) EXPECT_EQ(b.kind, BlockKind::heading) << b.text;
    EXPECT_EQ(doc.blocks[0].text, "Duties");
    EXPECT_EQ(doc.blocks[0].level, 1);
    EXPECT_EQ(doc.blocks[1].level, 2);
    EXPECT_EQ(doc.blocks[2].text, "Education");
    EXPECT_EQ(doc.blocks[3].text, "A title wrapped over two lines");
    EXPECT_EQ(doc.blocks[3].level, 1);
    EXPECT_EQ(doc.blocks[4].level, 2);
}

TEST(TextDumps, Html2textLinksAndCharacterReferences) {
    Document doc = read_text_blocks("***** Related *****\n    * NOC_0311\n    * nurses&#x27; association\n");
    ASSERT_EQ(doc.blocks.size(), 3u);
    EXPECT_EQ(doc.blocks[1].text, "NOC 0311");
    EXPECT_EQ(doc.blocks[2].text, "nurses' association");
}

TEST(TextDumps, Html2textLeadInAfterAFullSentenceIsItsOwnParagraph) {
    // html2text writes paragraphs without a blank line between them: after a full line that ends a sentence, a
    // capitalised line ending in a colon opens the list's lead-in, it does not end the paragraph above
    std::string sentence = filled(80, "events."), body = filled(80, "ends");
    std::string dump = "***** Overview *****\n" + sentence + "\nPeople in this occupation:\n    * Work for clubs\n" +
                       body + "\nshort end.\n" + sentence + "\nThey also coach.\n";
    Document doc = read_text_blocks(dump);
    ASSERT_EQ(doc.blocks.size(), 6u);
    EXPECT_EQ(doc.blocks[1].text, sentence);
    EXPECT_EQ(doc.blocks[2].text, "People in this occupation:");
    EXPECT_EQ(doc.blocks[3].kind, BlockKind::list_item);
    EXPECT_EQ(doc.blocks[4].text, body + " short end.");
    EXPECT_EQ(doc.blocks[5].text, sentence + " They also coach.");  // no colon: the wrap of a full line
}

TEST(TextDumps, LynxReferencesAreDropped) {
    Document doc = read_text_blocks(
        "   [1]Skip to main content\n     * [2]NOC 0311\n\nReferences\n\n   1. file:///x#main\n   2. "
        "https://e.org/a\n");
    ASSERT_EQ(doc.blocks.size(), 2u);
    EXPECT_EQ(doc.blocks[0].text, "Skip to main content");
    EXPECT_EQ(doc.blocks[1].text, "NOC 0311");
}

TEST(TextDumps, Html2textUnderscoreAtAWrappedLinkIsASpace) {
    // html2text wrapped the link "Engineers of British Columbia (EGBC)" after an underscore it wrote for a space
    Document doc = read_text_blocks(
        "***** Resources *****\n    * Engineers_of_British_Columbia_\n      (EGBC)\n    * snake__case_\n");
    ASSERT_EQ(doc.blocks.size(), 3u);
    EXPECT_EQ(doc.blocks[1].text, "Engineers of British Columbia (EGBC)");
    EXPECT_EQ(doc.blocks[2].text, "snake__case");  // a run of underscores is no link space
}

TEST(TextDumps, LynxReferenceWithASpaceInItsUrlIsStillAReference) {
    // lynx lists an href as the page wrote it: a space inside does not end the References list
    Document doc = read_text_blocks(
        "   [1]Board of Trades\n\nReferences\n\n   1. https://e.org/Job Centre/list.aspx?k=1\n   2. file:///privacy\n");
    ASSERT_EQ(doc.blocks.size(), 1u);
    EXPECT_EQ(doc.blocks[0].text, "Board of Trades");

    // A numbered line of words under a heading of that name is content
    Document list = read_text_blocks("References\n\n   1. Ask your employer first\n");
    EXPECT_EQ(list.blocks.size(), 2u);
}

TEST(TextDumps, LynxButtonsAreDropped) {
    Document doc = read_text_blocks("   We use cookies. Learn more\n   (BUTTON) Accept\n\n   Timber Frame Carpenter\n");
    ASSERT_EQ(doc.blocks.size(), 2u);
    EXPECT_EQ(doc.blocks[0].text, "We use cookies. Learn more");
    EXPECT_EQ(doc.blocks[1].text, "Timber Frame Carpenter");
}

TEST(TextDumps, LineBrokenAfterASlashIsRejoinedWithoutASpace) {
    std::string first = filled(76, "https://"), second = filled(74, "x");
    Document doc = read_text_blocks(second + "\n" + first + "\nstudentaidbc.ca/repay and more\n");
    ASSERT_EQ(doc.blocks.size(), 1u);
    EXPECT_EQ(doc.blocks[0].text, second + " " + first + "studentaidbc.ca/repay and more");
}

TEST(TextDumps, UrlCutAtTheLastColumnIsRejoinedWithoutASpace) {
    // lynx cut a URL that did not fit the room left on a full line
    std::string full = filled(76, "end"), url = filled(76, "https://e.org/repayment-help/bc-loan-forgiv");
    Document doc = read_text_blocks(full + "\n" + url + "\neness-program\n\n" + full + "\nhttps://e.org/a b\n");
    ASSERT_EQ(url.size(), full.size());  // both at the fill width
    ASSERT_EQ(doc.blocks.size(), 2u);
    EXPECT_EQ(doc.blocks[0].text, full + " " + url + "eness-program");
    EXPECT_EQ(doc.blocks[1].text, full + " https://e.org/a b");  // a full line ending in a word: a space
}

// Every renderer writes a definition list's description on a line of its own, indented under its term: one
// "label: value" block, as the HTML reader reads <dt>/<dd>. A lead-in over a list, and a term whose indented text
// runs on, are not such pairs.
TEST(TextDumps, ATermWithItsDescriptionIndentedBeneathIsOneLabelAndValue) {
    Document doc = read_text_blocks("Some prose ends here.\n\nDate modified:\n    2024-12-04\n");
    ASSERT_EQ(doc.blocks.size(), 2u);
    EXPECT_EQ(doc.blocks[1].kind, BlockKind::label_value);
    EXPECT_EQ(doc.blocks[1].label, "Date modified");
    EXPECT_EQ(doc.blocks[1].value, "2024-12-04");

    Document lead_in = read_text_blocks("Duties:\n  • mix dough\n  • bake bread\n");
    ASSERT_EQ(lead_in.blocks.size(), 3u);
    EXPECT_EQ(lead_in.blocks[1].kind, BlockKind::list_item);

    Document quote = read_text_blocks("Note:\n    The first line of a quotation\n    and its second line.\n");
    EXPECT_EQ(quote.blocks[0].text, "Note:");
}

TEST(TextDumps, OverstrikeIsRemoved) {
    Document doc = read_text_blocks("B\bBo\bol\bld\bd and _\bu_\bn\n");
    ASSERT_EQ(doc.blocks.size(), 1u);
    EXPECT_EQ(doc.blocks[0].text, "Bold and un");
}

TEST(TextDumps, ATermWithASpaceBeforeItsColonIsTheSameLabelAndValue) {
    // French typography sets a space before the colon ("Date de modification :"); the HTML reader writes the
    // <dt>/<dd> pair as "label: value" whatever the term's own spacing, and so does the text reader
    Document doc = read_text_blocks("Some prose ends here.\n\nDate de modification :\n    2024-11-14\n");
    ASSERT_EQ(doc.blocks.size(), 2u);
    EXPECT_EQ(doc.blocks[1].kind, BlockKind::label_value);
    EXPECT_EQ(doc.blocks[1].label, "Date de modification");
    EXPECT_EQ(doc.blocks[1].text, "Date de modification: 2024-11-14");
}

TEST(TextDumps, ImageMarksAreDropped) {
    // What renderers print for an image without alt text (the HTML reader reads no <img>): pandoc's "[]", lynx's
    // file name and html2text's path. Words in brackets are text.
    Document doc = read_text_blocks(
        "Guild website: []\n\n   Logo [Big-Logo_2.png] here\n\nA: [/images/photo.JPG]\n\nSee the chart [edit] [PDF]\n");
    ASSERT_EQ(doc.blocks.size(), 4u);
    EXPECT_EQ(doc.blocks[0].text, "Guild website:");
    EXPECT_EQ(doc.blocks[1].text, "Logo here");
    EXPECT_EQ(doc.blocks[2].text, "A:");
    EXPECT_EQ(doc.blocks[3].text, "See the chart [edit] [PDF]");

    // html2text (its "****** Title ******" headings) writes an underscore of a link as a space: the image's path
    // is dropped before that, so a file name with an underscore is still an image's.
    Document html2text =
        read_text_blocks("****** Welders ******\n\n[/images/site_logo.png] Welders join metal parts.\n");
    ASSERT_EQ(html2text.blocks.size(), 2u);
    EXPECT_EQ(html2text.blocks[1].text, "Welders join metal parts.");
}

TEST(TextDumps, AHeadingWiderThanTheTextDoesNotSetTheFillWidth) {
    // lynx sets a heading at the left margin and fills it 3 columns wider than the indented text under it: the
    // text's margin is the one its lines reach, and a line 1 column short of it, before a 2-letter word, wrapped
    auto exactly = [](std::size_t n) {  // words filling n columns
        std::string line;
        while (line.size() + 5 < n) line += "word ";
        return line + std::string(n - line.size(), 'x');
    };
    std::string heading = exactly(77), body = "   " + exactly(71), short_line = "   " + exactly(70);
    Document doc =
        read_text_blocks(heading + "\nand servicers\n\n" + body + "\n" + body + "\n" + short_line + "\n   BC Hydro.\n");
    ASSERT_EQ(doc.blocks.size(), 2u);
    EXPECT_EQ(doc.blocks[1].text, body.substr(3) + " " + body.substr(3) + " " + short_line.substr(3) + " BC Hydro.");
}

TEST(TextDumps, ASentenceGoingOnInLowerCaseAfterAShortLineIsOneParagraph) {
    // A <br> inside a sentence (the HTML reader reads it as a space): the short line ends no sentence and the next
    // line goes on in lower case. After a sentence's end or a closing bracket, a short line is still a block's end.
    std::string full = filled(78, "ends");
    Document doc = read_text_blocks(full + "\n" + full + "\nabout labour mobility in Canada,\nvisit the site.\n\n" +
                                    full + "\nShort end.\nthen a line of its own\n\n(NOC 3214)\nin All Health\n");
    ASSERT_EQ(doc.blocks.size(), 5u);
    EXPECT_EQ(doc.blocks[0].text, full + " " + full + " about labour mobility in Canada, visit the site.");
    EXPECT_EQ(doc.blocks[1].text, full + " Short end.");
    EXPECT_EQ(doc.blocks[2].text, "then a line of its own");
    EXPECT_EQ(doc.blocks[4].text, "in All Health");
}

TEST(TextDumps, ARowWhoseCellsOneSpacePartsFitsTheTableBesideIt) {
    // lynx centres cells in their columns: a full first cell stands one space from the next. Its words break where
    // the table's columns start, so it is a row; a row's text is its cells joined as the HTML reader joins them.
    Document doc = read_text_blocks(
        "Average Wage\n\n   Starting $24.36\n   Overall  $31.56\n     Top    $39.87\n\n"
        "Wages in 2024 by area\nRegion     Low\nNorth      20.00\n");
    ASSERT_EQ(doc.blocks.size(), 7u);
    ASSERT_EQ(doc.blocks[1].kind, BlockKind::table_row);
    EXPECT_EQ(doc.blocks[1].cells, (std::vector<std::string>{"Starting", "$24.36"}));
    EXPECT_EQ(doc.blocks[1].text, "Starting | $24.36");
    EXPECT_EQ(doc.blocks[3].cells, (std::vector<std::string>{"Top", "$39.87"}));
    EXPECT_EQ(doc.blocks[4].kind, BlockKind::paragraph);  // a caption whose words break elsewhere
    EXPECT_EQ(doc.blocks[5].cells, (std::vector<std::string>{"Region", "Low"}));

    // A header whose cells fill their columns, its last one wider than the figures under it
    Document header = read_text_blocks(
        "Community/area Low ($/hour) Median ($/hour) High ($/hour)\n"
        "Quebec         24.50        29.10           33.75\n"
        "Estrie         23.80        28.40           32.90\n");
    ASSERT_EQ(header.blocks.size(), 3u);
    EXPECT_EQ(header.blocks[0].cells,
              (std::vector<std::string>{"Community/area", "Low ($/hour)", "Median ($/hour)", "High ($/hour)"}));
    EXPECT_EQ(header.blocks[2].cells, (std::vector<std::string>{"Estrie", "23.80", "28.40", "32.90"}));
}
