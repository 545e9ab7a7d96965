/// @file
/// The canonical occupation profile: a plain C++ model of schemas/occupation.xsd.
/// Every value that comes from a page keeps its 1-based source line (0 = not from the page).
#pragma once

#include "occkit/api.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

OCCKIT_BEGIN_NAMESPACE

/// Where the profile came from.
struct Source {
    std::string jurisdiction;  ///< ISO 3166-2:CA subdivision code (AB, NS, BC, ...) or CA
    std::string layout;        ///< layout id that produced the profile ("generic" for the fallback)
    std::string url;           ///< when known (--url)
    std::string format;        ///< "html" or "text"
    std::string sha256;        ///< of the input bytes, lowercase hex
    std::string language;      ///< BCP 47 primary tag: "en", "fr"
    std::string charset;       ///< charset the input was decoded from
};

/// A piece of page text with its provenance.
struct Line {
    std::string text;  ///< the text, white space normalised
    int line = 0;      ///< 1-based source line (0 = not from the page)
};

/// An occupation code (NOC, OaSIS, ...) as the page gives it.
struct Code {
    std::string scheme;   ///< NOC, NOC-S, OaSIS, CNP, ...
    std::string version;  ///< "2006", "2011", "2016", "2021", "2023"; empty when the page does not say
    std::string value;    ///< "3233.1", "32101", "32101.01"
    std::string label;    ///< "Licensed practical nurses"; may be empty
    int line = 0;         ///< source line
};

/// A label and value the page states about the occupation ("Minimum education: ...").
struct Fact {
    std::string name;   ///< controlled name: minimum-education, employment-outlook, interest-codes, hours, ...
    std::string label;  ///< the label as the page prints it
    std::string value;  ///< the value as the page prints it
    int line = 0;       ///< source line
};

/// What a date says: when something was revised, produced, published, ...
enum class DateKind { revised, updated, produced, published, copyright, data_year, period, next_update, modified };
/// How precise a date is; a span is a range of years ("2013-2017").
enum class DatePrecision { year, month, day, span };

/// A dated phrase of the page ("Section revised March 2012").
struct Date {
    DateKind kind = DateKind::revised;              ///< what the phrase says the date is
    DatePrecision precision = DatePrecision::year;  ///< year, month, day or span
    std::string value;                              ///< ISO 8601: "2012-03", "2024-03-31", "2009", span "2013/2017"
    std::string phrase;                             ///< exact source phrase, e.g. "Section revised March 2012"
    std::string field;                              ///< fact name the date was found in, when it came from a fact
    int line = 0;                                   ///< source line
};

/// What a wage figure is: a range, an average, a median, ...
enum class WageMeasure { range, average, median, minimum, maximum, starting, top, value };
/// The period a wage is paid for.
enum class WagePer { hour, week, month, year };

/// A wage the page states ("$20.00 - $35.00 an hour").
struct Wage {
    WageMeasure measure = WageMeasure::value;  ///< range, average, median, ...
    WagePer per = WagePer::year;               ///< per hour, week, month or year
    std::optional<double> min;                 ///< lower end of a range
    std::optional<double> max;                 ///< upper end of a range
    std::optional<double> value;               ///< a single figure (average, median, ...)
    std::string currency = "CAD";              ///< ISO 4217 code
    std::string data_year;                     ///< "2010"; empty when the page gives none
    std::string phrase;                        ///< exact source phrase
    int line = 0;                              ///< source line
};

/// One list item, with its nesting depth.
struct ListItem {
    std::string text;  ///< the item's text
    int depth = 1;     ///< nesting depth from 1
    int line = 0;      ///< source line
};

/// One table row, its cells in order.
struct TableRow {
    std::vector<std::string> cells;  ///< each cell's text
    int line = 0;                    ///< source line
};

/// One run of content inside a section, in page order.
struct Content {
    /// What the run holds.
    enum class Kind { paragraph, list, table };
    Kind kind = Kind::paragraph;  ///< which member holds the content
    Line paragraph;               ///< Kind::paragraph
    std::vector<ListItem> items;  ///< Kind::list
    std::vector<TableRow> rows;   ///< Kind::table
    int line = 0;                 ///< first source line
};

/// A section of the profile, with its content, dates, wages and subsections.
struct Section {
    std::string kind;                  ///< controlled: overview, duties, working-conditions, ... other
    std::string heading;               ///< original heading text, or the inferred one
    bool heading_inferred = false;     ///< true when the page lost the heading and the layout supplied it
    int line = 0;                      ///< line of the heading (or of the first content when inferred)
    std::vector<Content> content;      ///< in page order
    std::vector<Date> dates;           ///< dates that belong to this section
    std::vector<Wage> wages;           ///< wages stated in this section
    std::vector<Section> subsections;  ///< nested sections, in page order
};

/// The canonical occupation profile: one document of schemas/occupation.xsd.
struct Profile {
    Source source;                       ///< where the profile came from
    std::optional<Line> title;           ///< the occupation's name; absent when the page gives none
    std::vector<Line> alternate_titles;  ///< other names of the occupation
    std::vector<Code> codes;             ///< occupation codes
    std::vector<Fact> facts;             ///< labelled facts
    std::vector<Date> dates;             ///< page-level dates (produced, copyright, fact periods)
    std::vector<Wage> wages;             ///< page-level wages (from facts)
    std::vector<Section> sections;       ///< in page order
    std::vector<Content> unmapped;       ///< content the layout could not place
};

/// The controlled vocabularies, as written in the canonical XML.
const std::vector<std::string>& section_kinds();
bool is_section_kind(std::string_view kind);                                  ///< is `kind` in section_kinds()?
std::string_view to_string(DateKind kind);                                    ///< the canonical XML spelling
std::string_view to_string(DatePrecision precision);                          ///< the canonical XML spelling
std::string_view to_string(WageMeasure measure);                              ///< the canonical XML spelling
std::string_view to_string(WagePer per);                                      ///< the canonical XML spelling
std::optional<DateKind> date_kind_from_string(std::string_view s);            ///< nullopt for an unknown spelling
std::optional<DatePrecision> date_precision_from_string(std::string_view s);  ///< nullopt for an unknown spelling
std::optional<WageMeasure> wage_measure_from_string(std::string_view s);      ///< nullopt for an unknown spelling
std::optional<WagePer> wage_per_from_string(std::string_view s);              ///< nullopt for an unknown spelling

/// Every section of the profile, however deeply nested, in page order, with its depth (1 for a top-level section).
void for_each_section(const Profile& profile, const std::function<void(const Section& section, int depth)>& visit);
/// Every wage of the profile: the page-level ones, then each section's, however deeply nested, in page order. A
/// program that reads only `profile.wages` misses the wages kept in sections.
std::vector<const Wage*> all_wages(const Profile& profile);
/// Every date of the profile: the page-level ones, then each section's, however deeply nested, in page order.
std::vector<const Date*> all_dates(const Profile& profile);

OCCKIT_END_NAMESPACE
