// The canonical occupation profile: a plain C++ model of schemas/occupation.xsd.
// Every value that comes from a page keeps its 1-based source line (0 = not from the page).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace occkit {

// Where the profile came from.
struct Source {
    std::string jurisdiction;  // ISO 3166-2:CA subdivision code (AB, NS, BC, ...) or CA
    std::string layout;        // layout id that produced the profile ("generic" for the fallback)
    std::string url;           // when known (--url)
    std::string format;        // "html" or "text"
    std::string sha256;        // of the input bytes, lowercase hex
    std::string language;      // BCP 47 primary tag: "en", "fr"
    std::string charset;       // charset the input was decoded from
};

// A piece of page text with its provenance.
struct Line {
    std::string text;
    int line = 0;
};

struct Code {
    std::string scheme;   // NOC, NOC-S, OaSIS, CNP, ...
    std::string version;  // "2006", "2011", "2016", "2021", "2023"; empty when the page does not say
    std::string value;    // "3233.1", "32101", "32101.01"
    std::string label;    // "Licensed practical nurses"; may be empty
    int line = 0;
};

struct Fact {
    std::string name;   // controlled name: minimum-education, employment-outlook, interest-codes, hours, ...
    std::string label;  // the label as the page prints it
    std::string value;
    int line = 0;
};

enum class DateKind { revised, updated, produced, published, copyright, data_year, period, next_update, modified };
enum class DatePrecision { year, month, day, span };

struct Date {
    DateKind kind = DateKind::revised;
    DatePrecision precision = DatePrecision::year;
    std::string value;   // ISO 8601: "2012-03", "2024-03-31", "2009", span "2013/2017"
    std::string phrase;  // exact source phrase, e.g. "Section revised March 2012"
    std::string field;   // fact name the date was found in, when it came from a fact
    int line = 0;
};

enum class WageMeasure { range, average, median, minimum, maximum, starting, top, value };
enum class WagePer { hour, week, month, year };

struct Wage {
    WageMeasure measure = WageMeasure::value;
    WagePer per = WagePer::year;
    std::optional<double> min;
    std::optional<double> max;
    std::optional<double> value;
    std::string currency = "CAD";
    std::string data_year;  // "2010"; empty when the page gives none
    std::string phrase;     // exact source phrase
    int line = 0;
};

struct ListItem {
    std::string text;
    int depth = 1;
    int line = 0;
};

struct TableRow {
    std::vector<std::string> cells;
    int line = 0;
};

// One run of content inside a section, in page order.
struct Content {
    enum class Kind { paragraph, list, table };
    Kind kind = Kind::paragraph;
    Line paragraph;                // Kind::paragraph
    std::vector<ListItem> items;   // Kind::list
    std::vector<TableRow> rows;    // Kind::table
    int line = 0;                  // first source line
};

struct Section {
    std::string kind;              // controlled: overview, duties, working-conditions, ... other
    std::string heading;           // original heading text, or the inferred one
    bool heading_inferred = false; // true when the page lost the heading and the layout supplied it
    int line = 0;                  // line of the heading (or of the first content when inferred)
    std::vector<Content> content;
    std::vector<Date> dates;       // dates that belong to this section
    std::vector<Wage> wages;       // wages stated in this section
    std::vector<Section> subsections;
};

struct Profile {
    Source source;
    std::optional<Line> title;
    std::vector<Line> alternate_titles;
    std::vector<Code> codes;
    std::vector<Fact> facts;
    std::vector<Date> dates;       // page-level dates (produced, copyright, fact periods)
    std::vector<Wage> wages;       // page-level wages (from facts)
    std::vector<Section> sections;
    std::vector<Content> unmapped; // content the layout could not place
};

// The controlled vocabularies, as written in the canonical XML.
const std::vector<std::string>& section_kinds();
bool is_section_kind(std::string_view kind);
std::string_view to_string(DateKind kind);
std::string_view to_string(DatePrecision precision);
std::string_view to_string(WageMeasure measure);
std::string_view to_string(WagePer per);
std::optional<DateKind> date_kind_from_string(std::string_view s);
std::optional<DatePrecision> date_precision_from_string(std::string_view s);
std::optional<WageMeasure> wage_measure_from_string(std::string_view s);
std::optional<WagePer> wage_per_from_string(std::string_view s);

}  // namespace occkit
