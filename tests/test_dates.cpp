// Dates: month names in English and French, spans, cue-word phrases, ISO values and month arithmetic.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "occkit/dates.hpp"

namespace {

using occkit::CalendarDate;
using occkit::DateKind;
using occkit::DatePrecision;

// The ISO value of the first date in the text, or "none".
std::string first_date(std::string_view text) {
    auto d = occkit::find_date(text);
    return d ? d->iso() : "none";
}

struct ExpectedPhrase {
    DateKind kind;
    std::string iso;
    std::string phrase;
    std::string section_hint = {};
};

void expect_phrase(std::string_view text, const ExpectedPhrase& expected) {
    SCOPED_TRACE(std::string(text));
    auto p = occkit::find_date_phrase(text);
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(occkit::to_string(p->kind), occkit::to_string(expected.kind));
    EXPECT_EQ(p->date.iso(), expected.iso);
    EXPECT_EQ(p->phrase, expected.phrase);
    EXPECT_EQ(p->section_hint, expected.section_hint);
}

CalendarDate ymd(int y, int m, int d) { return {y, m, d, 0, DatePrecision::day}; }

}  // namespace

// ---- find_date: shapes and precisions

TEST(FindDate, MonthAndYear) {
    auto d = occkit::find_date("Section revised March 2012");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->year, 2012);
    EXPECT_EQ(d->month, 3);
    EXPECT_EQ(d->day, 0);
    EXPECT_EQ(d->precision, DatePrecision::month);
    EXPECT_EQ(d->iso(), "2012-03");
}

TEST(FindDate, EnglishMonthSpellings) {
    EXPECT_EQ(first_date("JANUARY 2007"), "2007-01");
    EXPECT_EQ(first_date("january 2007"), "2007-01");
    EXPECT_EQ(first_date("Sept. 2012"), "2012-09");
    EXPECT_EQ(first_date("Sep 2012"), "2012-09");
    EXPECT_EQ(first_date("Feb. 2010"), "2010-02");
    EXPECT_EQ(first_date("Dec 2016"), "2016-12");
    EXPECT_EQ(first_date("May 2019"), "2019-05");
    EXPECT_EQ(first_date("In June, 2015 the rules changed"), "2015-06");
}

TEST(FindDate, FrenchMonthSpellingsWithAndWithoutAccents) {
    EXPECT_EQ(first_date("mars 2012"), "2012-03");
    EXPECT_EQ(first_date("février 2014"), "2014-02");
    EXPECT_EQ(first_date("fevrier 2014"), "2014-02");
    EXPECT_EQ(first_date("FÉVRIER 2014"), "2014-02");
    EXPECT_EQ(first_date("févr. 2014"), "2014-02");
    EXPECT_EQ(first_date("août 2020"), "2020-08");
    EXPECT_EQ(first_date("aout 2020"), "2020-08");
    EXPECT_EQ(first_date("AOÛT 2020"), "2020-08");
    EXPECT_EQ(first_date("déc. 2021"), "2021-12");
    EXPECT_EQ(first_date("décembre 2021"), "2021-12");
    EXPECT_EQ(first_date("juil. 2018"), "2018-07");
    EXPECT_EQ(first_date("janv. 2018"), "2018-01");
}

TEST(FindDate, DayPrecision) {
    EXPECT_EQ(first_date("Updated Mar 31, 2024"), "2024-03-31");
    EXPECT_EQ(first_date("March 31st, 2024"), "2024-03-31");
    EXPECT_EQ(first_date("March 2nd 2024"), "2024-03-02");
    EXPECT_EQ(first_date("31 mars 2024"), "2024-03-31");
    EXPECT_EQ(first_date("1er mars 2024"), "2024-03-01");
    EXPECT_EQ(first_date("le 3 août 2023"), "2023-08-03");
    EXPECT_EQ(first_date("31 March 2024"), "2024-03-31");
    EXPECT_EQ(first_date("2024-03-31"), "2024-03-31");
    EXPECT_EQ(first_date("Date modified: 2023-11-29"), "2023-11-29");
    auto d = occkit::find_date("Dec 20, 2016");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->precision, DatePrecision::day);
    EXPECT_EQ(*d, ymd(2016, 12, 20));
}

TEST(FindDate, BareYear) {
    auto d = occkit::find_date("Crown copyright © 2009, Province of Nova Scotia");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->precision, DatePrecision::year);
    EXPECT_EQ(d->iso(), "2009");
    EXPECT_EQ(first_date("(2010)"), "2010");
    EXPECT_EQ(first_date("in 2015."), "2015");
}

TEST(FindDate, Spans) {
    auto d = occkit::find_date("Employment Outlook 2013-2017");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->precision, DatePrecision::span);
    EXPECT_EQ(d->year, 2013);
    EXPECT_EQ(d->end_year, 2017);
    EXPECT_EQ(d->iso(), "2013/2017");
    EXPECT_EQ(first_date("2013–2017"), "2013/2017");
    EXPECT_EQ(first_date("2013 — 2017"), "2013/2017");
    EXPECT_EQ(first_date("from 2013 to 2017"), "2013/2017");
    EXPECT_EQ(first_date("over the 2019-2021 period"), "2019/2021");
    EXPECT_EQ(first_date("de 2013 à 2017"), "2013/2017");
    EXPECT_EQ(first_date("between 2013 and 2017"), "2013/2017");
    EXPECT_EQ(first_date("entre 2013 et 2017"), "2013/2017");
    // "and" joins a span only after "between": here they are two separate years.
    EXPECT_EQ(first_date("in 2013 and 2017"), "2013");
    // A backwards "span" is two years.
    EXPECT_EQ(first_date("2017-2013"), "none");
}

TEST(FindDate, FirstDateWins) {
    EXPECT_EQ(first_date("Produced July 2010, revised March 2012"), "2010-07");
    EXPECT_EQ(first_date("NOC 3233 since 2009"), "2009");
}

TEST(FindDate, ImpossibleDaysAreRejectedWhole) {
    EXPECT_EQ(first_date("Feb 30, 2024"), "none");
    EXPECT_EQ(first_date("30 février 2023"), "none");
    EXPECT_EQ(first_date("April 31, 2020"), "none");
    EXPECT_EQ(first_date("2023-02-29"), "none");
    EXPECT_EQ(first_date("2024-13-01"), "none");
    EXPECT_EQ(first_date("Feb 29, 2023"), "none");
    EXPECT_EQ(first_date("Feb 29, 2024"), "2024-02-29");
    EXPECT_EQ(first_date("29 février 2000"), "2000-02-29");
    EXPECT_EQ(first_date("Feb 29, 1900"), "none");  // 1900 is not a leap year
    EXPECT_EQ(first_date("2100-02-29"), "none");
}

TEST(FindDate, YearRange) {
    EXPECT_EQ(first_date("1899"), "none");
    EXPECT_EQ(first_date("1900"), "1900");
    EXPECT_EQ(first_date("2199"), "2199");
    EXPECT_EQ(first_date("2200"), "none");
    EXPECT_EQ(first_date("March 1850"), "none");
}

TEST(FindDate, NumbersThatAreNotDates) {
    EXPECT_EQ(first_date("Call 1-800-661-3753 for help"), "none");
    EXPECT_EQ(first_date("Toll Free 1-877-644-9992"), "none");
    EXPECT_EQ(first_date("Phone 780-427-2019"), "none");
    EXPECT_EQ(first_date("NOC 3233"), "none");
    EXPECT_EQ(first_date("NOC 2171"), "none");
    EXPECT_EQ(first_date("35 hours a week"), "none");
    EXPECT_EQ(first_date("2,300 employed"), "none");
    EXPECT_EQ(first_date("2000 hours of work experience"), "none");
    EXPECT_EQ(first_date("1950 members"), "none");
    EXPECT_EQ(first_date("Avg. Salary $2019"), "none");
    EXPECT_EQ(first_date("2019 $ par mois"), "none");
    EXPECT_EQ(first_date("up 2012%"), "none");
    EXPECT_EQ(first_date("version 2019.5"), "none");
    EXPECT_EQ(first_date("A2009"), "none");
    EXPECT_EQ(first_date("May 31"), "none");
    EXPECT_EQ(first_date("Smarch 45, 20x4"), "none");
    EXPECT_EQ(first_date("no digits at all"), "none");
    EXPECT_EQ(first_date(""), "none");
}

// ---- ISO values

TEST(IsoDate, FormatsEachPrecision) {
    EXPECT_EQ((CalendarDate{2009, 0, 0, 0, DatePrecision::year}).iso(), "2009");
    EXPECT_EQ((CalendarDate{2012, 3, 0, 0, DatePrecision::month}).iso(), "2012-03");
    EXPECT_EQ((CalendarDate{2024, 3, 1, 0, DatePrecision::day}).iso(), "2024-03-01");
    EXPECT_EQ((CalendarDate{2013, 0, 0, 2017, DatePrecision::span}).iso(), "2013/2017");
}

TEST(IsoDate, ParseIsTheInverseOfIso) {
    for (std::string iso : {"2009", "2012-03", "2024-03-31", "2013/2017", "2024-02-29", "1900-01-01"}) {
        auto d = occkit::parse_iso_date(iso);
        ASSERT_TRUE(d) << iso;
        EXPECT_EQ(d->iso(), iso);
    }
    auto d = occkit::parse_iso_date("2013/2017");
    ASSERT_TRUE(d);
    EXPECT_EQ(*d, (CalendarDate{2013, 0, 0, 2017, DatePrecision::span}));
}

TEST(IsoDate, ParseRejectsMalformedValues) {
    for (std::string bad : {"", "12", "20x9", "2012-3", "2012-13", "2012-00", "2023-02-29", "2024-04-31", "2024-03-31T",
                            "2017/2013", "2013/17", "2013-2017", " 2009", "March 2012", "2012/03/01"})
        EXPECT_FALSE(occkit::parse_iso_date(bad)) << bad;
}

// ---- phrases with cue words

TEST(DatePhrase, RevisedWithSectionHint) {
    expect_phrase("Section revised March 2012", {DateKind::revised, "2012-03", "Section revised March 2012"});
    expect_phrase("Section revised February 2012", {DateKind::revised, "2012-02", "Section revised February 2012"});
    expect_phrase("Duties section revised March 2012",
                  {DateKind::revised, "2012-03", "Duties section revised March 2012", "Duties"});
    expect_phrase("Working Conditions section revised Jan 2011",
                  {DateKind::revised, "2011-01", "Working Conditions section revised Jan 2011", "Working Conditions"});
    expect_phrase("This section was last revised in May 2015",
                  {DateKind::revised, "2015-05", "last revised in May 2015"});
    expect_phrase("Révisé en mars 2012", {DateKind::revised, "2012-03", "Révisé en mars 2012"});
}

TEST(DatePhrase, Updated) {
    expect_phrase("Updated Mar 31, 2024", {DateKind::updated, "2024-03-31", "Updated Mar 31, 2024"});
    expect_phrase("Updated Dec 20, 2016", {DateKind::updated, "2016-12-20", "Updated Dec 20, 2016"});
    expect_phrase("These outlooks were updated on November 29, 2023.",
                  {DateKind::updated, "2023-11-29", "updated on November 29, 2023"});
    expect_phrase("Last updated: 2024-01-15", {DateKind::updated, "2024-01-15", "Last updated: 2024-01-15"});
    expect_phrase("Updated on: Friday, March 1, 2024",
                  {DateKind::updated, "2024-03-01", "Updated on: Friday, March 1, 2024"});
    expect_phrase("Mis à jour le vendredi 1er mars 2024",
                  {DateKind::updated, "2024-03-01", "Mis à jour le vendredi 1er mars 2024"});
    expect_phrase("Page mis à jour le 31 mars 2024", {DateKind::updated, "2024-03-31", "mis à jour le 31 mars 2024"});
    expect_phrase("Mise à jour : 1er février 2023",
                  {DateKind::updated, "2023-02-01", "Mise à jour : 1er février 2023"});
    expect_phrase("Dernière mise à jour le 5 janv. 2022",
                  {DateKind::updated, "2022-01-05", "Dernière mise à jour le 5 janv. 2022"});
}

TEST(DatePhrase, ProducedPublishedModified) {
    expect_phrase("Produced July 2010", {DateKind::produced, "2010-07", "Produced July 2010"});
    expect_phrase("Note: These employment prospects were published in December 2021 based on the information",
                  {DateKind::published, "2021-12", "published in December 2021"});
    expect_phrase("published on 2022-12-05", {DateKind::published, "2022-12-05", "published on 2022-12-05"});
    expect_phrase("Ces perspectives ont été publiées en décembre 2021",
                  {DateKind::published, "2021-12", "publiées en décembre 2021"});
    expect_phrase("Publié en décembre 2021", {DateKind::published, "2021-12", "Publié en décembre 2021"});
    expect_phrase("Date modified: 2024-03-31", {DateKind::modified, "2024-03-31", "Date modified: 2024-03-31"});
    expect_phrase("Date de modification : 2024-03-31",
                  {DateKind::modified, "2024-03-31", "Date de modification : 2024-03-31"});
}

TEST(DatePhrase, Copyright) {
    expect_phrase("This page and all contents Crown copyright © 2009, Province of Nova Scotia, all rights reserved.",
                  {DateKind::copyright, "2009", "Crown copyright © 2009"});
    expect_phrase("© 2018 Government of Alberta", {DateKind::copyright, "2018", "© 2018"});
    expect_phrase("Copyright 2015", {DateKind::copyright, "2015", "Copyright 2015"});
    expect_phrase("(c) 2011 WorkBC", {DateKind::copyright, "2011", "(c) 2011"});
    expect_phrase("© Province of Nova Scotia 2009", {DateKind::copyright, "2009", "© Province of Nova Scotia 2009"});
    // A lettered list item is not a copyright notice.
    EXPECT_FALSE(occkit::find_date_phrase("(c) Education required since 2009"));
}

TEST(DatePhrase, NextUpdate) {
    expect_phrase("The next update will be in December 2022.",
                  {DateKind::next_update, "2022-12", "next update will be in December 2022"});
    expect_phrase("Prochaine mise à jour : décembre 2022",
                  {DateKind::next_update, "2022-12", "Prochaine mise à jour : décembre 2022"});
}

TEST(DatePhrase, DataYears) {
    expect_phrase("Wages range from $26.18 to $32.18 an hour (2010).", {DateKind::data_year, "2010", "(2010)"});
    expect_phrase("According to the 2011 Alberta Wage and Salary Survey, Albertans earned",
                  {DateKind::data_year, "2011", "2011 Alberta Wage and Salary Survey"});
    expect_phrase("Source: 2016 Job Bank Wage data", {DateKind::data_year, "2016", "Source: 2016 Job Bank Wage data"});
    expect_phrase("(Source: 2016 Census)", {DateKind::data_year, "2016", "Source: 2016 Census"});
    expect_phrase("2016 Census", {DateKind::data_year, "2016", "2016 Census"});
    expect_phrase("Recensement de 2016", {DateKind::data_year, "2016", "Recensement de 2016"});
    // A year in parentheses with no wage before it is not a data year.
    EXPECT_FALSE(occkit::find_date_phrase("The program started (2010) in Edmonton"));
}

TEST(DatePhrase, Periods) {
    expect_phrase("Employment Outlook 2013-2017", {DateKind::period, "2013/2017", "2013-2017"});
    expect_phrase("for the 2019–2021 period.", {DateKind::period, "2019/2021", "2019–2021"});
    expect_phrase("over the next 10 years, from 2022 to 2031.", {DateKind::period, "2022/2031", "from 2022 to 2031"});
    expect_phrase("de 2013 à 2017", {DateKind::period, "2013/2017", "de 2013 à 2017"});
    expect_phrase("between 2013 and 2017", {DateKind::period, "2013/2017", "between 2013 and 2017"});
    auto p = occkit::find_date_phrase("Estimate 115 openings due to growth and retirements, 2021-2023");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->date.precision, DatePrecision::span);
}

TEST(DatePhrase, CueMustPrecedeTheDateClosely) {
    EXPECT_FALSE(occkit::find_date_phrase("The information on this page was current as of the dates shown."));
    EXPECT_FALSE(occkit::find_date_phrase("Updated safety regulations were introduced in March 2012"));
    EXPECT_FALSE(occkit::find_date_phrase("The NOC system is updated every 5 years to reflect changes."));
    EXPECT_FALSE(occkit::find_date_phrase("March 2012"));
    EXPECT_FALSE(occkit::find_date_phrase("Updated Feb 30, 2024"));
    EXPECT_FALSE(occkit::find_date_phrase("Date modified:"));
    EXPECT_FALSE(occkit::find_date_phrase(""));
}

TEST(DatePhrase, AllPhrasesInOrder) {
    auto phrases = occkit::find_date_phrases(
        "Note: These employment prospects were published in December 2021 based on the information available at "
        "the time of analysis. The next update will be in December 2022.");
    ASSERT_EQ(phrases.size(), 2u);
    EXPECT_EQ(phrases[0].kind, DateKind::published);
    EXPECT_EQ(phrases[0].phrase, "published in December 2021");
    EXPECT_EQ(phrases[0].date.iso(), "2021-12");
    EXPECT_EQ(phrases[1].kind, DateKind::next_update);
    EXPECT_EQ(phrases[1].phrase, "next update will be in December 2022");
    EXPECT_EQ(phrases[1].date.iso(), "2022-12");

    auto wages = occkit::find_date_phrases(
        "According to the 2011 Alberta Wage and Salary Survey, workers earned $28.77 to $55.74 an hour (2011).");
    ASSERT_EQ(wages.size(), 2u);
    EXPECT_EQ(wages[0].phrase, "2011 Alberta Wage and Salary Survey");
    EXPECT_EQ(wages[1].phrase, "(2011)");

    auto two = occkit::find_date_phrases("Produced July 2010, revised March 2012");
    ASSERT_EQ(two.size(), 2u);
    EXPECT_EQ(two[0].kind, DateKind::produced);
    EXPECT_EQ(two[0].phrase, "Produced July 2010");
    EXPECT_EQ(two[1].kind, DateKind::revised);
    EXPECT_EQ(two[1].phrase, "revised March 2012");

    EXPECT_TRUE(occkit::find_date_phrases("No dates here.").empty());
}

TEST(DatePhrase, LooksLikeADatePhrase) {
    EXPECT_TRUE(occkit::looks_like_date_phrase("Updated Smarch 45, 20x4"));
    EXPECT_TRUE(occkit::looks_like_date_phrase("Date modified:"));
    EXPECT_TRUE(occkit::looks_like_date_phrase("Section revised"));
    EXPECT_TRUE(occkit::looks_like_date_phrase("Section revised Febtember 2012"));
    EXPECT_TRUE(occkit::looks_like_date_phrase("Produced 13/2010"));
    EXPECT_TRUE(occkit::looks_like_date_phrase("Updated Feb 30, 2024"));
    EXPECT_TRUE(occkit::looks_like_date_phrase("  - Date modified:"));
    EXPECT_TRUE(occkit::looks_like_date_phrase("Page last updated: 20??"));
    EXPECT_TRUE(occkit::looks_like_date_phrase("Mis à jour le"));

    EXPECT_FALSE(occkit::looks_like_date_phrase("Updated Mar 31, 2024"));  // a good phrase
    EXPECT_FALSE(occkit::looks_like_date_phrase("The NOC system is updated every 5 years."));
    EXPECT_FALSE(occkit::looks_like_date_phrase("Produced by the Government of Alberta"));
    EXPECT_FALSE(occkit::looks_like_date_phrase("The information was current as of the dates shown."));
    EXPECT_FALSE(occkit::looks_like_date_phrase("Welders join metal parts."));
    EXPECT_FALSE(occkit::looks_like_date_phrase(""));
}

// ---- month arithmetic

TEST(MonthsBetween, WholeMonthsFloor) {
    EXPECT_EQ(occkit::months_between(ymd(2024, 1, 15), ymd(2024, 1, 15)), 0);
    EXPECT_EQ(occkit::months_between(ymd(2024, 1, 15), ymd(2024, 2, 14)), 0);
    EXPECT_EQ(occkit::months_between(ymd(2024, 1, 15), ymd(2024, 2, 15)), 1);
    EXPECT_EQ(occkit::months_between(ymd(2012, 3, 1), ymd(2024, 3, 31)), 144);
    EXPECT_EQ(occkit::months_between(ymd(2023, 12, 31), ymd(2024, 1, 1)), 0);
    EXPECT_EQ(occkit::months_between(ymd(2023, 11, 30), ymd(2024, 1, 30)), 2);
}

TEST(MonthsBetween, MonthEnds) {
    EXPECT_EQ(occkit::months_between(ymd(2023, 1, 31), ymd(2023, 2, 28)), 0);
    EXPECT_EQ(occkit::months_between(ymd(2023, 1, 31), ymd(2023, 3, 1)), 1);
    EXPECT_EQ(occkit::months_between(ymd(2024, 1, 31), ymd(2024, 2, 29)), 0);
    EXPECT_EQ(occkit::months_between(ymd(2024, 1, 31), ymd(2024, 3, 31)), 2);
    EXPECT_EQ(occkit::months_between(ymd(2024, 3, 31), ymd(2024, 4, 30)), 0);
}

TEST(MonthsBetween, LeapYears) {
    EXPECT_EQ(occkit::months_between(ymd(2024, 2, 29), ymd(2025, 2, 28)), 11);
    EXPECT_EQ(occkit::months_between(ymd(2024, 2, 29), ymd(2025, 3, 1)), 12);
    EXPECT_EQ(occkit::months_between(ymd(2024, 2, 29), ymd(2028, 2, 29)), 48);
    EXPECT_EQ(occkit::months_between(ymd(2023, 2, 28), ymd(2024, 2, 28)), 12);
}

TEST(MonthsBetween, NegativeWhenEarlierAndFloored) {
    EXPECT_EQ(occkit::months_between(ymd(2024, 3, 15), ymd(2024, 1, 15)), -2);
    EXPECT_EQ(occkit::months_between(ymd(2024, 3, 15), ymd(2024, 1, 20)), -2);  // -1.8 months floors to -2
    EXPECT_EQ(occkit::months_between(ymd(2024, 3, 1), ymd(2024, 2, 29)), -1);
}

TEST(MonthsBetween, CoarsePrecisions) {
    CalendarDate march_2012{2012, 3, 0, 0, DatePrecision::month};
    CalendarDate year_2009{2009, 0, 0, 0, DatePrecision::year};
    CalendarDate span{2013, 0, 0, 2017, DatePrecision::span};
    EXPECT_EQ(occkit::months_between(march_2012, ymd(2012, 3, 1)), 0);
    EXPECT_EQ(occkit::months_between(march_2012, ymd(2024, 3, 31)), 144);
    EXPECT_EQ(occkit::months_between(year_2009, march_2012), 38);
    EXPECT_EQ(occkit::months_between(year_2009, ymd(2008, 12, 31)), -1);
    EXPECT_EQ(occkit::months_between(span, ymd(2014, 1, 1)), 12);
}

TEST(Today, IsAPlausibleDayFromTheClock) {
    CalendarDate now = occkit::today();
    EXPECT_EQ(now.precision, DatePrecision::day);
    EXPECT_GE(now.year, 2024);
    EXPECT_LE(now.year, 2199);
    EXPECT_TRUE(occkit::parse_iso_date(now.iso()));
    EXPECT_GE(occkit::months_between(CalendarDate{2024, 1, 0, 0, DatePrecision::month}, now), 0);
}

// ---- hostile input

TEST(DatesRobustness, HugeAndInvalidInput) {
    std::string digits;
    for (int i = 0; i < 200000; ++i) digits += "1-2019 ";
    EXPECT_EQ(first_date(digits), "none");
    EXPECT_TRUE(occkit::find_date_phrases(digits).empty());

    std::string invalid = "Updated \xff\xfe\xc3 Mar \xe2\x82 31, 2024 \xc0\xaf 2013-2017";
    EXPECT_NO_THROW(occkit::find_date_phrases(invalid));
    EXPECT_NO_THROW(occkit::looks_like_date_phrase(invalid));

    // A date far into a long line is still found, whatever chunk it falls in.
    std::string long_line(100000, 'x');
    long_line += " Updated Mar 31, 2024";
    auto p = occkit::find_date_phrase(long_line);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->phrase, "Updated Mar 31, 2024");

    std::string many_cues;
    for (int i = 0; i < 20000; ++i) many_cues += "Updated Section revised © ";
    many_cues += "2009";
    auto all = occkit::find_date_phrases(many_cues);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].kind, DateKind::copyright);
}
