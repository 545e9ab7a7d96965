// Wages: amounts in English and French notation, ranges, measures, units, data years and exact phrases.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "occkit/wages.hpp"

namespace {

using occkit::WageMeasure;
using occkit::WagePer;

struct ExpectedWage {
    WageMeasure measure;
    WagePer per;
    std::optional<double> min;
    std::optional<double> max;
    std::optional<double> value;
    std::string data_year;
    std::string phrase;
};

void expect_wage(const occkit::Wage& w, const ExpectedWage& e) {
    EXPECT_EQ(occkit::to_string(w.measure), occkit::to_string(e.measure));
    EXPECT_EQ(occkit::to_string(w.per), occkit::to_string(e.per));
    EXPECT_EQ(w.min, e.min);
    EXPECT_EQ(w.max, e.max);
    EXPECT_EQ(w.value, e.value);
    EXPECT_EQ(w.currency, "CAD");
    EXPECT_EQ(w.data_year, e.data_year);
    EXPECT_EQ(w.phrase, e.phrase);
}

// The text holds exactly one wage and it is `expected`.
void expect_one(std::string_view text, const ExpectedWage& expected, std::string_view hint = {}) {
    SCOPED_TRACE(std::string(text));
    auto wages = occkit::find_wages(text, hint);
    ASSERT_EQ(wages.size(), 1u);
    expect_wage(wages[0], expected);
}

ExpectedWage range(WagePer per, double min, double max, std::string year, std::string phrase) {
    return {WageMeasure::range, per, min, max, std::nullopt, std::move(year), std::move(phrase)};
}

ExpectedWage single(WageMeasure measure, WagePer per, double value, std::string year, std::string phrase) {
    return {measure, per, std::nullopt, std::nullopt, value, std::move(year), std::move(phrase)};
}

}  // namespace

// ---- parse_amount

TEST(ParseAmount, EnglishNotation) {
    EXPECT_EQ(occkit::parse_amount("$32 000"), 32000.0);
    EXPECT_EQ(occkit::parse_amount("$87,885.00"), 87885.0);
    EXPECT_EQ(occkit::parse_amount("$45.26"), 45.26);
    EXPECT_EQ(occkit::parse_amount("$26"), 26.0);
    EXPECT_EQ(occkit::parse_amount("$ 1,234,567.5"), 1234567.5);
    EXPECT_EQ(occkit::parse_amount("  $23.60  "), 23.60);
}

TEST(ParseAmount, FrenchNotation) {
    EXPECT_EQ(occkit::parse_amount("26,18 $"), 26.18);
    EXPECT_EQ(occkit::parse_amount("31 301 $"), 31301.0);
    EXPECT_EQ(occkit::parse_amount("31 301,50 $"), 31301.5);
    EXPECT_EQ(occkit::parse_amount("26,18$"), 26.18);
    EXPECT_EQ(occkit::parse_amount("1 000 000 $"), 1000000.0);
}

TEST(ParseAmount, UnicodeGroupSeparators) {
    EXPECT_EQ(occkit::parse_amount("$32\u00a0000"), 32000.0);        // NBSP
    EXPECT_EQ(occkit::parse_amount("31\u202f301 $"), 31301.0);       // narrow NBSP
    EXPECT_EQ(occkit::parse_amount("31\u2009301\u00a0$"), 31301.0);  // thin space, NBSP before the sign
}

TEST(ParseAmount, RejectsWhatIsNotMoney) {
    for (std::string bad : {"2,300", "2500", "", "$", "$$5", "$abc", "5 $ 6", "$1,23,456", "$12,34,567", "$1.2.3",
                            "32 000", "$5 an hour", "about $5", "$1,000,00", "12%"})
        EXPECT_FALSE(occkit::parse_amount(bad)) << bad;
}

// ---- find_wages: ranges

TEST(FindWages, RangeWithUnitAndDataYear) {
    expect_one("Wages for these professionals range from $26.18 to $32.18 an hour (2010). For information about",
               range(WagePer::hour, 26.18, 32.18, "2010", "$26.18 to $32.18 an hour (2010)"));
}

TEST(FindWages, RangeWithSpacedThousands) {
    expect_one("  • $32 000 - $36 000 a year.", range(WagePer::year, 32000, 36000, "", "$32 000 - $36 000 a year"));
    expect_one("$32\u00a0000 - $36\u00a0000 a year",
               range(WagePer::year, 32000, 36000, "", "$32\u00a0000 - $36\u00a0000 a year"));
}

// The wage reader splits words with the scanner the date reader uses: a zero-width space or soft hyphen a CMS left
// inside the unit is not a word of its own, and a typographic apostrophe reads as ASCII.
TEST(FindWages, InvisibleCharactersAndApostrophesDoNotSplitTheUnit) {
    expect_one("$20 to $25 an\u200B hour", range(WagePer::hour, 20, 25, "", "$20 to $25 an\u200B hour"));
    expect_one("$20 to $25 per\u00ADhour", range(WagePer::hour, 20, 25, "", "$20 to $25 per\u00ADhour"));
    expect_one("de 20 $ à 25 $ l\u2019heure", range(WagePer::hour, 20, 25, "", "20 $ à 25 $ l\u2019heure"));
}

TEST(FindWages, RangeJoiners) {
    expect_one("$20–$25 per hour", range(WagePer::hour, 20, 25, "", "$20–$25 per hour"));
    expect_one("between $40,000 and $55,000 annually",
               range(WagePer::year, 40000, 55000, "", "$40,000 and $55,000 annually"));
    expect_one("$20 to 25/hour", range(WagePer::hour, 20, 25, "", "$20 to 25/hour"));
    expect_one("$3,000 to $4,000 a month", range(WagePer::month, 3000, 4000, "", "$3,000 to $4,000 a month"));
    expect_one("$800 - $1,200 weekly", range(WagePer::week, 800, 1200, "", "$800 - $1,200 weekly"));
    expect_one("$20 an hour to $25 an hour", range(WagePer::hour, 20, 25, "", "$20 an hour to $25 an hour"));
    expect_one("Cost: $250-$300/week", range(WagePer::week, 250, 300, "", "$250-$300/week"));
    expect_one("Estimated annual salary: $52,000 - $60,000",
               range(WagePer::year, 52000, 60000, "", "Estimated annual salary: $52,000 - $60,000"));
}

TEST(FindWages, AverageRangeIsARange) {
    expect_one(
        "According to the 2011 Alberta Wage and Salary Survey, Albertans in the occupational group earned on "
        "average from $28.77 to $55.74 an hour.",
        range(WagePer::hour, 28.77, 55.74, "2011", "$28.77 to $55.74 an hour"), "2011");
}

TEST(FindWages, TwoWagesInOneSentence) {
    auto wages = occkit::find_wages(
        "Workers earned on average from $28.77 to $55.74 an hour. The mean wage for this group was $38.55 an hour.",
        "2011");
    ASSERT_EQ(wages.size(), 2u);
    expect_wage(wages[0], range(WagePer::hour, 28.77, 55.74, "2011", "$28.77 to $55.74 an hour"));
    expect_wage(wages[1], single(WageMeasure::average, WagePer::hour, 38.55, "2011", "$38.55 an hour"));

    auto either = occkit::find_wages("They make $20 an hour or $41,600 a year.");
    ASSERT_EQ(either.size(), 2u);
    expect_wage(either[0], single(WageMeasure::value, WagePer::hour, 20, "", "$20 an hour"));
    expect_wage(either[1], single(WageMeasure::value, WagePer::year, 41600, "", "$41,600 a year"));
}

// ---- find_wages: measures

TEST(FindWages, MeanWage) {
    expect_one("The mean wage for this group was $38.55 an hour.",
               single(WageMeasure::average, WagePer::hour, 38.55, "", "$38.55 an hour"));
}

TEST(FindWages, LabelledAmounts) {
    expect_one("  • Avg. Salary $87,885.00",
               single(WageMeasure::average, WagePer::year, 87885, "", "Avg. Salary $87,885.00"));
    expect_one("  • Avg. Wage $45.26", single(WageMeasure::average, WagePer::hour, 45.26, "", "Avg. Wage $45.26"));
    expect_one("Median $25.13", single(WageMeasure::median, WagePer::hour, 25.13, "", "Median $25.13"));
    expect_one("Median$26.89", single(WageMeasure::median, WagePer::hour, 26.89, "", "Median$26.89"));
    expect_one("Minimum $25.13", single(WageMeasure::minimum, WagePer::hour, 25.13, "", "Minimum $25.13"));
    expect_one("Maximum: $43,853", single(WageMeasure::maximum, WagePer::year, 43853, "", "Maximum: $43,853"));
    expect_one("Starting | $26.09 |", single(WageMeasure::starting, WagePer::hour, 26.09, "", "Starting | $26.09"));
    expect_one("Top | $34.44 |", single(WageMeasure::top, WagePer::hour, 34.44, "", "Top | $34.44"));
    expect_one("High: $41.35", single(WageMeasure::maximum, WagePer::hour, 41.35, "", "High: $41.35"));
    expect_one("Low $16.38", single(WageMeasure::minimum, WagePer::hour, 16.38, "", "Low $16.38"));
    expect_one("Average salary: $45K", single(WageMeasure::average, WagePer::year, 45000, "", "Average salary: $45K"));
    expect_one("Average Starting Salary $42,000",
               single(WageMeasure::starting, WagePer::year, 42000, "", "Average Starting Salary $42,000"));
}

TEST(FindWages, MeasureFromTheClause) {
    expect_one("Registered nurses who worked full-time had a median employment income of $43,600.",
               single(WageMeasure::median, WagePer::year, 43600, "", "$43,600"));
    // Census prose puts the measure far from the figure (Nova Scotia Explore Careers).
    expect_one(
        "The median employment income for 54% of Registered Nurses and Registered Psychiatric Nurses who "
        "worked full-time, year-round in 2015 was $78,116.",
        single(WageMeasure::median, WagePer::year, 78116, "", "$78,116"));
    expect_one("The starting wage is about $18 an hour.",
               single(WageMeasure::starting, WagePer::hour, 18, "", "$18 an hour"));
    // Words in prose that are only labels in tables do not make a measure.
    expect_one("Demand is high and pay is $30 an hour.",
               single(WageMeasure::value, WagePer::hour, 30, "", "$30 an hour"));
}

TEST(FindWages, MeasureDoesNotLeakAcrossSentences) {
    auto wages = occkit::find_wages("The median is shown below. Apprentices earn $18 an hour.");
    ASSERT_EQ(wages.size(), 1u);
    EXPECT_EQ(wages[0].measure, WageMeasure::value);
}

// ---- find_wages: units

TEST(FindWages, HourUnits) {
    expect_one("$23.60/hour", single(WageMeasure::value, WagePer::hour, 23.60, "", "$23.60/hour"));
    expect_one("$23.60/hr", single(WageMeasure::value, WagePer::hour, 23.60, "", "$23.60/hr"));
    expect_one("$23.60 per hour", single(WageMeasure::value, WagePer::hour, 23.60, "", "$23.60 per hour"));
    expect_one("$250 hourly", single(WageMeasure::value, WagePer::hour, 250, "", "$250 hourly"));
    expect_one("Hourly Pay $24.00", single(WageMeasure::value, WagePer::hour, 24, "", "Hourly Pay $24.00"));
}

TEST(FindWages, YearUnitsAndSalary) {
    expect_one("$52,844 per year", single(WageMeasure::value, WagePer::year, 52844, "", "$52,844 per year"));
    expect_one("$52,844/year", single(WageMeasure::value, WagePer::year, 52844, "", "$52,844/year"));
    expect_one("$150 annually", single(WageMeasure::value, WagePer::year, 150, "", "$150 annually"));
    expect_one("Annual Pay $20,753", single(WageMeasure::value, WagePer::year, 20753, "", "Annual Pay $20,753"));
    // "salary" with no other unit means a yearly figure, whatever the size.
    expect_one("Salary: $150", single(WageMeasure::value, WagePer::year, 150, "", "Salary: $150"));
}

TEST(FindWages, MonthAndWeekUnits) {
    expect_one("$3,200 a month", single(WageMeasure::value, WagePer::month, 3200, "", "$3,200 a month"));
    expect_one("$3,200 monthly", single(WageMeasure::value, WagePer::month, 3200, "", "$3,200 monthly"));
    expect_one("$900 a week", single(WageMeasure::value, WagePer::week, 900, "", "$900 a week"));
    expect_one("$900 weekly", single(WageMeasure::value, WagePer::week, 900, "", "$900 weekly"));
}

TEST(FindWages, UnitGuessedFromMagnitude) {
    expect_one("$45.26", single(WageMeasure::value, WagePer::hour, 45.26, "", "$45.26"));
    expect_one("$199.99", single(WageMeasure::value, WagePer::hour, 199.99, "", "$199.99"));
    expect_one("$200", single(WageMeasure::value, WagePer::year, 200, "", "$200"));
    expect_one("$59,834", single(WageMeasure::value, WagePer::year, 59834, "", "$59,834"));
}

TEST(FindWages, DailyRatesAreNotReported) {
    EXPECT_TRUE(occkit::find_wages("$250 a day").empty());
    auto wages = occkit::find_wages("$250 a day or $30 an hour");
    ASSERT_EQ(wages.size(), 1u);
    EXPECT_EQ(wages[0].phrase, "$30 an hour");
}

// ---- find_wages: French

TEST(FindWages, French) {
    expect_one("Salaire : 26,18 $ l'heure",
               single(WageMeasure::value, WagePer::hour, 26.18, "", "Salaire : 26,18 $ l'heure"));
    expect_one("environ 26,18 $ de l’heure",
               single(WageMeasure::value, WagePer::hour, 26.18, "", "26,18 $ de l’heure"));
    expect_one("31 301 $", single(WageMeasure::value, WagePer::year, 31301, "", "31 301 $"));
    expect_one("en 2010 31 301 $ par année",
               single(WageMeasure::value, WagePer::year, 31301, "", "31 301 $ par année"));
    expect_one("Salaire moyen : 45 000 $ par an",
               single(WageMeasure::average, WagePer::year, 45000, "", "Salaire moyen : 45 000 $ par an"));
    expect_one("Salaire médian 24,50 $",
               single(WageMeasure::median, WagePer::hour, 24.5, "", "Salaire médian 24,50 $"));
    expect_one("de 26,18 $ à 32,18 $ l'heure (2010)",
               range(WagePer::hour, 26.18, 32.18, "2010", "26,18 $ à 32,18 $ l'heure (2010)"));
    expect_one("entre 26 $ et 30 $ de l'heure", range(WagePer::hour, 26, 30, "", "26 $ et 30 $ de l'heure"));
    expect_one("de 26 à 30 $ l'heure", range(WagePer::hour, 26, 30, "", "26 à 30 $ l'heure"));
}

// ---- data years

TEST(FindWages, DataYearFromHintOrParentheses) {
    expect_one("Avg. Wage $45.26", single(WageMeasure::average, WagePer::hour, 45.26, "2019", "Avg. Wage $45.26"),
               "2019");
    expect_one("$20 an hour (2015)", single(WageMeasure::value, WagePer::hour, 20, "2015", "$20 an hour (2015)"),
               "2019");
    expect_one("$20 (2015)", single(WageMeasure::value, WagePer::hour, 20, "2015", "$20 (2015)"));
    // Not a year: the parenthesis does not hold exactly a plausible year.
    expect_one("$20 an hour (approx.)", single(WageMeasure::value, WagePer::hour, 20, "", "$20 an hour"));
    expect_one("$20 an hour (1850)", single(WageMeasure::value, WagePer::hour, 20, "", "$20 an hour"));
}

// ---- negatives and mentions_money

TEST(FindWages, NotWages) {
    EXPECT_TRUE(occkit::find_wages("2500 certified members").empty());
    EXPECT_TRUE(occkit::find_wages("2,300 employed").empty());
    EXPECT_TRUE(occkit::find_wages("35 hours a week").empty());
    EXPECT_TRUE(occkit::find_wages("Call 1-800-661-3753").empty());
    EXPECT_TRUE(occkit::find_wages("The program costs $ and effort").empty());
    EXPECT_TRUE(occkit::find_wages("a $1.2 million budget").empty());
    EXPECT_TRUE(occkit::find_wages("").empty());
}

TEST(FindWages, NumbersAfterAnAmountAreNotSwallowed) {
    expect_one("Avg. Wage $45.26 250 people",
               single(WageMeasure::average, WagePer::hour, 45.26, "", "Avg. Wage $45.26"));
    expect_one("$45 2019", single(WageMeasure::value, WagePer::hour, 45, "", "$45"));
    // An upper end without '$' must be of the same order as the lower one.
    expect_one("$20 to 2000 employees", single(WageMeasure::value, WagePer::hour, 20, "", "$20"));
    // A descending pair is not a range.
    EXPECT_EQ(occkit::find_wages("$36 000 - $32 000").size(), 2u);
}

TEST(MentionsMoney, DollarAmounts) {
    EXPECT_TRUE(occkit::mentions_money("Avg. Salary $87,885.00"));
    EXPECT_TRUE(occkit::mentions_money("26,18 $ l'heure"));
    EXPECT_TRUE(occkit::mentions_money("31 301 $"));
    EXPECT_TRUE(occkit::mentions_money("costs $ 5"));
    EXPECT_FALSE(occkit::mentions_money("2500 certified members"));
    EXPECT_FALSE(occkit::mentions_money("Pay in $ varies"));
    EXPECT_FALSE(occkit::mentions_money(""));
}

// ---- hostile input

TEST(WagesRobustness, HugeAndInvalidInput) {
    std::string dollars;
    for (int i = 0; i < 100000; ++i) dollars += "$1 - ";
    auto wages = occkit::find_wages(dollars);
    EXPECT_FALSE(wages.empty());

    std::string digits(200000, '9');
    EXPECT_TRUE(occkit::find_wages("$" + digits).empty());
    EXPECT_TRUE(occkit::find_wages(digits + " $").empty());
    EXPECT_FALSE(occkit::parse_amount("$" + digits));

    std::string invalid = "\xff$\xfe 12\xc3 $ \xe2\x82 $3\xc0\xaf an hour";
    EXPECT_NO_THROW(occkit::find_wages(invalid));
    EXPECT_NO_THROW(occkit::mentions_money(invalid));

    std::string spaces;
    for (int i = 0; i < 50000; ++i) spaces += "1 ";
    spaces += "$";
    EXPECT_NO_THROW(occkit::find_wages(spaces));
}
