// Building profiles by hand in tests: one value per call, in the order the canonical document lists them.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "occkit/profile.hpp"

namespace occkit::testing {

inline Content paragraph(std::string text, int line = 0) {
    Content content;
    content.kind = Content::Kind::paragraph;
    content.paragraph = {std::move(text), line};
    content.line = line;
    return content;
}

inline Content list(std::vector<ListItem> items, int line = 0) {
    Content content;
    content.kind = Content::Kind::list;
    content.items = std::move(items);
    content.line = line;
    return content;
}

inline Content table(std::vector<TableRow> rows, int line = 0) {
    Content content;
    content.kind = Content::Kind::table;
    content.rows = std::move(rows);
    content.line = line;
    return content;
}

inline Date date(DateKind kind, DatePrecision precision, std::string value, std::string phrase, int line = 0) {
    Date d;
    d.kind = kind;
    d.precision = precision;
    d.value = std::move(value);
    d.phrase = std::move(phrase);
    d.line = line;
    return d;
}

inline Wage wage(WageMeasure measure, WagePer per, std::optional<double> value, std::string phrase,
                 std::string data_year = "") {
    Wage w;
    w.measure = measure;
    w.per = per;
    w.value = value;
    w.phrase = std::move(phrase);
    w.data_year = std::move(data_year);
    return w;
}

inline Wage range(WagePer per, double min, double max, std::string phrase, std::string data_year = "") {
    Wage w = wage(WageMeasure::range, per, std::nullopt, std::move(phrase), std::move(data_year));
    w.min = min;
    w.max = max;
    return w;
}

inline Section section(std::string kind, std::string heading, int line, std::vector<Content> content) {
    Section s;
    s.kind = std::move(kind);
    s.heading = std::move(heading);
    s.line = line;
    s.content = std::move(content);
    return s;
}

}  // namespace occkit::testing
