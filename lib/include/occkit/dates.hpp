/// @file
/// Date phrases in English and French: "March 2012", "Mar 31, 2024", "JANUARY 2007", "31 mars 2024", "mars 2012",
/// "2013-2017", "2013 to 2017", "© 2009", with the cue words that give them a kind ("Section revised", "Updated",
/// "updated on", "published in", "Produced", "next update", "Date modified").
#pragma once

#include "occkit/api.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "occkit/profile.hpp"

OCCKIT_BEGIN_NAMESPACE

/// A calendar value with its precision. month/day are 0 when not given.
struct CalendarDate {
    int year = 0;                                   ///< 1900-2199
    int month = 0;                                  ///< 1-12, or 0
    int day = 0;                                    ///< 1-31, or 0
    int end_year = 0;                               ///< spans only: "2013-2017" -> year 2013, end_year 2017
    DatePrecision precision = DatePrecision::year;  ///< year, month, day or span

    std::string iso() const;  ///< "2012-03", "2024-03-31", "2009", "2013/2017"
    friend bool operator==(const CalendarDate&, const CalendarDate&) = default;  ///< every member equal
};

/// Parse an ISO value as written in canonical XML ("2012-03", "2024-03-31", "2009", "2013/2017").
std::optional<CalendarDate> parse_iso_date(std::string_view iso);

/// Parse a bare date expression anywhere in the text (first one wins). Month names in English or French, any case,
/// full or abbreviated with or without a dot. Years 1900-2199 only.
std::optional<CalendarDate> find_date(std::string_view text);

/// A dated phrase found in a line of text.
struct DatePhrase {
    DateKind kind = DateKind::revised;  ///< what the cue word says the date is
    CalendarDate date;                  ///< the date read
    std::string phrase;                 ///< the matched words, e.g. "Section revised March 2012"
    std::string section_hint;           ///< "Duties" for "Duties section revised ..."; empty otherwise
};

/// Find a cue-word date phrase ("Section revised March 2012", "Updated Mar 31, 2024", "Produced July 2010",
/// "Crown copyright © 2009", "published in December 2021", "next update will be in December 2022",
/// "mis à jour le 31 mars 2024"). Returns nothing when the line has no cue word followed by a date.
std::optional<DatePhrase> find_date_phrase(std::string_view text);

/// All cue-word date phrases in a text, in order.
std::vector<DatePhrase> find_date_phrases(std::string_view text);

/// Does a line look like it wanted to be a date phrase (a cue word) but the date could not be read?
bool looks_like_date_phrase(std::string_view text);

/// Whole months from `from` to `to` (floor), counting a month-precision date as its first day and a
/// year-precision date as January 1st. Negative when `to` is earlier.
int months_between(const CalendarDate& from, const CalendarDate& to);

/// Today's date from the system clock (UTC).
CalendarDate today();

OCCKIT_END_NAMESPACE
