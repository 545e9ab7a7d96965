// The regex prefilter (lib/src/support/text_util.cpp) skips a layout regex when text it requires is absent: a leading
// group of alternatives, optional groups before it, and characters case cannot change ("©"). A skip must never
// hide a match, so each line here is one the generic layout's chrome phrases match in any case.
#include <gtest/gtest.h>

#include "occkit/convert.hpp"
#include "occkit/layout.hpp"

namespace {

// Where a text page read with the generic layout puts its second line.
std::string where_line(const std::string& line) {
    occkit::ConvertOptions options;
    options.layout = "generic";
    options.explain = true;
    occkit::Conversion c =
        occkit::convert("Welders\n\n" + line + "\n\nWelders join metal parts using heat and pressure.\n", options);
    for (const auto& pl : c.placements)
        if (pl.text == line) return pl.where;
    return "(not placed)";
}

}  // namespace

TEST(RegexPrefilter, OptionalLeadingGroupStillMatchesWithAndWithoutIt) {
    for (std::string line : {"Sign In", "LOG IN Register", "Guest Account Sign In", "guest account login sign up"})
        EXPECT_EQ(where_line(line), "chrome") << line;
}

TEST(RegexPrefilter, CaselessSymbolsAndCutAlternativesStillMatch) {
    for (std::string line :
         {"© 2021 Government of Alberta", "(C) 2019 Example Inc.", "COPYRIGHT 2020",
          "copyright Province of Nova Scotia. All Rights Reserved.", "Signaler un problème sur cette page",
          "SIGNALER UN PROBLÈME SUR CETTE PAGE", "Was this page helpful?"})
        EXPECT_EQ(where_line(line), "chrome") << line;
}

TEST(RegexPrefilter, AnchoredAlternativesDoNotMatchInsideALine) {
    for (std::string line : {"Welders sign in at the gate before each shift", "Most welders accept overtime work"})
        EXPECT_EQ(where_line(line).find("chrome"), std::string::npos) << line;
}

// A '|' outside the leading group opens another branch that may match anywhere: "^(Sign in|Log in)|Register here"
// matches "Please register here today", so the leading group's words must not be required of the line.
TEST(RegexPrefilter, AnAlternativeAfterTheLeadingGroupIsNotSkipped) {
    occkit::LayoutSet set = occkit::LayoutSet::builtin();
    set.add_xml(R"(<?xml version="1.0" encoding="UTF-8"?>
<layout xmlns="urn:occkit:layout:1" id="acme" name="Acme careers" jurisdiction="CA" language="en">
  <detect threshold="2"><signature weight="2">Acme Careers Portal</signature></detect>
  <chrome><line match="regex">^(Sign in|Log in)|Register here</line></chrome>
</layout>
)",
                "acme.xml");
    occkit::ConvertOptions options;
    options.layouts = &set;
    options.layout = "acme";
    options.explain = true;
    const std::string line = "Please Register here today";
    occkit::Conversion c =
        occkit::convert("Welders\n\n" + line + "\n\nWelders join metal parts using heat and pressure.\n", options);
    std::string where = "(not placed)";
    for (const auto& pl : c.placements)
        if (pl.text == line) where = pl.where;
    EXPECT_EQ(where.substr(0, 6), "chrome") << where;
}

// A group of plain alternatives that every match passes through, after text the prefilter cannot read ("\d+ "),
// is required of the line: in any case, named or not, and only when nothing makes the group optional.
TEST(RegexPrefilter, ARequiredGroupLaterInThePatternStillMatchesInAnyCase) {
    occkit::LayoutSet set = occkit::LayoutSet::builtin();
    set.add_xml(R"(<?xml version="1.0" encoding="UTF-8"?>
<layout xmlns="urn:occkit:layout:1" id="acme" name="Acme careers" jurisdiction="CA" language="en">
  <detect threshold="2"><signature weight="2">Acme Careers Portal</signature></detect>
  <chrome>
    <line match="regex">^\d+ (?&lt;what&gt;Jobs|Postings) (found|listed)$</line>
    <line match="regex">^Seen (on )?(Monday|Tuesday)?\s*\d+ times$</line>
  </chrome>
</layout>
)",
                "acme.xml");
    auto where = [&](const std::string& line) {
        occkit::ConvertOptions options;
        options.layouts = &set;
        options.layout = "acme";
        options.explain = true;
        occkit::Conversion c =
            occkit::convert("Welders\n\n" + line + "\n\nWelders join metal parts using heat and pressure.\n", options);
        for (const auto& pl : c.placements)
            if (pl.text == line) return pl.where.substr(0, 6);
        return std::string("(not placed)");
    };
    for (std::string line : {"12 Jobs found", "7 POSTINGS LISTED", "3 jobs Listed", "Seen 4 times", "seen on 12 times"})
        EXPECT_EQ(where(line), "chrome") << line;
    for (std::string line : {"12 openings found", "Seen often"}) EXPECT_NE(where(line), "chrome") << line;
}
