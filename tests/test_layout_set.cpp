// The layout set is an explicit input of conversion: a caller that passes its own set gets only those layouts. The
// set's generic layout, when it has one, is both the fallback and the base the other layouts inherit their heading
// vocabulary from; a set without one has neither (no hidden built-in generic layout behind the caller's back).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "occkit/convert.hpp"
#include "occkit/error.hpp"
#include "occkit/layout.hpp"

using namespace occkit;

namespace {

// A site layout that names no headings of its own: "Main duties" is a heading only in the generic layout's
// vocabulary, which this layout inherits (inherit-generic-headings defaults to true) when its set has one.
constexpr const char* acme_layout = R"(<?xml version="1.0" encoding="UTF-8"?>
<layout xmlns="urn:occkit:layout:1" id="acme" name="Acme careers" jurisdiction="CA" language="en">
  <detect threshold="2">
    <signature weight="2">Acme Careers Portal</signature>
  </detect>
  <title from="first-line"/>
</layout>
)";

constexpr const char* page =
    "Widget makers\n"
    "\n"
    "Widget makers shape, polish and inspect widgets for factories across the country.\n"
    "\n"
    "Main duties\n"
    "\n"
    "They cut widget blanks, shape them by hand and with machines, and check every one.\n";

bool has_section(const Profile& profile, const std::string& kind) {
    return std::any_of(profile.sections.begin(), profile.sections.end(),
                       [&](const Section& s) { return s.kind == kind; });
}

LayoutSet acme_only() {
    LayoutSet set;
    set.add_xml(acme_layout, "acme.xml");
    return set;
}

ConvertOptions with(const LayoutSet& set, std::string layout = {}) {
    ConvertOptions options;
    options.layouts = &set;
    options.layout = std::move(layout);
    options.format = InputFormat::text;
    return options;
}

}  // namespace

TEST(LayoutSet, OwnSetWithoutGenericInheritsNoBuiltinHeadings) {
    const LayoutSet set = acme_only();
    Conversion c = convert(page, with(set, "acme"));
    ASSERT_TRUE(c.profile.title);
    EXPECT_EQ(c.profile.title->text, "Widget makers");
    EXPECT_FALSE(has_section(c.profile, "duties"));  // the built-in generic vocabulary is not in the caller's set
    EXPECT_TRUE(c.profile.sections.empty());
    EXPECT_EQ(c.profile.unmapped.size(), 3u);  // both paragraphs and the line no heading rule names
}

TEST(LayoutSet, GenericInTheSetIsTheBaseItsLayoutsInherit) {
    LayoutSet set = LayoutSet::builtin();  // a copy: its generic layout comes with it
    set.add_xml(acme_layout, "acme.xml");
    Conversion c = convert(page, with(set, "acme"));
    ASSERT_TRUE(has_section(c.profile, "duties"));
    EXPECT_EQ(c.profile.sections.back().heading, "Main duties");
}

TEST(LayoutSet, ReplacedGenericIsTheBase) {
    LayoutSet set = LayoutSet::builtin();
    set.add_xml(acme_layout, "acme.xml");
    set.add_xml(R"(<layout xmlns="urn:occkit:layout:1" id="generic" name="Bare" jurisdiction="CA" language="en">
  <headings><heading kind="education">Main duties</heading></headings>
</layout>)",
                "odd-generic.xml");
    // The set's own generic layout reads "Main duties" as education; the built-in one would read it as duties.
    Conversion c = convert(page, with(set, "acme"));
    EXPECT_TRUE(has_section(c.profile, "education"));
    EXPECT_FALSE(has_section(c.profile, "duties"));
    EXPECT_EQ(&set.generic(), set.find("generic"));
}

TEST(LayoutSet, NoMatchWithoutGenericIsAnErrorNotTheBuiltinFallback) {
    const LayoutSet set = acme_only();
    EXPECT_THROW(set.generic(), Error);
    Document doc = read_page_blocks(page, InputFormat::text);
    Detection d = set.detect(doc);
    EXPECT_EQ(d.layout, "");
    EXPECT_THROW(convert(page, with(set)), Error);
    // The builtin set still falls back on its generic layout.
    EXPECT_EQ(LayoutSet::builtin().detect(doc).layout, "generic");
}

TEST(LayoutSet, ApplyLayoutTakesTheBaseFromTheGivenSet) {
    const LayoutSet own = acme_only();
    LayoutSet with_generic = LayoutSet::builtin();
    with_generic.add_xml(acme_layout, "acme.xml");
    Document doc = read_page_blocks(page, InputFormat::text);
    EXPECT_FALSE(has_section(apply_layout(doc, *own.find("acme"), own).profile, "duties"));
    EXPECT_TRUE(has_section(apply_layout(doc, *with_generic.find("acme"), with_generic).profile, "duties"));
}

// Heading rules are looked up by key for the exact ones (layout/layout_rules.hpp, MatcherIndex), yet the first rule
// in the file that matches a line still decides its kind, whichever way the rules are written.
TEST(LayoutSet, TheFirstMatchingHeadingRuleDecidesWhetherExactOrPattern) {
    auto kind_of_main_duties = [](const std::string& rules) {
        LayoutSet set;
        set.add_xml(R"(<?xml version="1.0" encoding="UTF-8"?>
<layout xmlns="urn:occkit:layout:1" id="acme" name="Acme careers" jurisdiction="CA" language="en">
  <detect threshold="2"><signature weight="2">Acme Careers Portal</signature></detect>
  <title from="first-line"/>
  <headings>)" + rules + R"(</headings>
</layout>
)",
                    "acme.xml");
        Profile p = convert(page, with(set, "acme")).profile;
        return p.sections.empty() ? std::string("(none)") : p.sections.back().kind;
    };
    const std::string exact = R"(<heading kind="duties">Main duties</heading>)";
    const std::string pattern = R"(<heading kind="skills" match="regex">^main</heading>)";
    const std::string prefix = R"(<heading kind="working-conditions" match="prefix">Main</heading>)";
    EXPECT_EQ(kind_of_main_duties(exact + pattern), "duties");
    EXPECT_EQ(kind_of_main_duties(pattern + exact), "skills");
    EXPECT_EQ(kind_of_main_duties(prefix + exact + pattern), "working-conditions");
    EXPECT_EQ(kind_of_main_duties(exact + R"(<heading kind="outlook">Main duties</heading>)"), "duties");
}
