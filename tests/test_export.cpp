// JSON, JSON-LD and NDJSON export and JSON import: exact output and escaping, lossless XML -> JSON -> XML round trips
// (samples, hostile profiles, the ../shared corpus), validation of every JSON output against
// schemas/occupation.schema.json with a real validator (python3-jsonschema), the JSON Schema in step with the XSD,
// the schema.org properties of the seeds, and the `export` / `import` commands with bad inputs in a stream.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "occkit/convert.hpp"
#include "occkit/error.hpp"
#include "occkit/json.hpp"
#include "occkit/xml.hpp"
#include "profiles.hpp"
#include "testing.hpp"

namespace {

using occkit::testing::lines_of;
using occkit::testing::sample_pages;
using occkit::testing::write_text;

namespace fs = std::filesystem;
using nlohmann::json;
using occkit::testing::CliResult;
using occkit::testing::files_below;
using occkit::testing::read_file;
using occkit::testing::run_cli;
using occkit::testing::scratch_dir;
using occkit::testing::source_dir;
using occkit::testing::xsd_problems;

// --- profiles written by the tests ---

using occkit::testing::date;
using occkit::testing::list;
using occkit::testing::paragraph;
using occkit::testing::range;
using occkit::testing::section;
using occkit::testing::table;
using occkit::testing::wage;

occkit::Source source(std::string jurisdiction = "NS", std::string language = "en") {
    occkit::Source s;
    s.jurisdiction = std::move(jurisdiction);
    s.layout = "htns";
    s.format = "html";
    s.sha256 = std::string(64, 'c');
    s.language = std::move(language);
    s.charset = "windows-1252";
    return s;
}

// Small enough to spell out its JSON in full.
occkit::Profile small_profile() {
    occkit::Profile p;
    p.source = source();
    p.source.url = "https://example.org/lpn?a=1&b=2";
    p.title = occkit::Line{"Licensed Practical Nurse", 3};
    p.codes = {{"NOC", "2021", "32101", "Licensed practical nurses", 4}};
    p.facts = {{"hours", "", "", 0}};
    occkit::Wage pay = range(occkit::WagePer::hour, 26.18, 32, "$26.18 to $32.00 an hour", "2023");
    pay.line = 40;
    occkit::Section duties =
        section("duties", "Duties", 10,
                {paragraph("They give care.", 11), list({{"Give medication", 1, 12}, {"Chart", 2, 0}}, 12),
                 table({{{"Region", ""}, 13}}, 13)});
    duties.dates = {date(occkit::DateKind::revised, occkit::DatePrecision::month, "2012-03", "Revised March 2012", 14)};
    duties.wages = {pay};
    occkit::Section overview = section("overview", "Overview", 0, {});
    overview.heading_inferred = true;
    duties.subsections = {overview};
    p.sections = {duties};
    return p;
}

// Every field, every vocabulary value, nesting, and text that needs escaping in XML and JSON.
occkit::Profile rich_profile() {
    using occkit::DateKind;
    using occkit::DatePrecision;
    occkit::Profile p;
    p.source = source();
    p.source.url = "https://example.org/careers?id=7&lang=en#top";
    p.title = occkit::Line{"Infirmier·ère auxiliaire & \"LPN\" <soins> 'é' — 看护 😀", 3};
    p.alternate_titles = {{"Practical nurse", 5}, {"Registered practical nurse (RPN)", 0}};
    p.codes = {{"NOC", "2021", "32101", "Licensed practical nurses", 7},
               {"NOC-S", "2006", "D233", "", 0},
               {"OaSIS", "2023", "32101.01", "Nurses & aides", 8},
               {"NAICS", "", "6221", "Hospitals", 0}};
    p.facts = {{"minimum-education", "Minimum Education:", "Diploma <2 years>", 9},
               {"hours", "", "", 0},
               {"interest-codes", "Interests", "  spaced  \t", 10}};
    p.dates = {date(DateKind::revised, DatePrecision::month, "2012-03", "Section revised March 2012", 11),
               date(DateKind::updated, DatePrecision::day, "2024-03-31", "Updated 31 March 2024", 12),
               date(DateKind::produced, DatePrecision::year, "2019", "Produced 2019", 13),
               date(DateKind::published, DatePrecision::month, "2020-01", "Published January 2020", 14),
               date(DateKind::copyright, DatePrecision::year, "2024", "© 2024", 15),
               date(DateKind::data_year, DatePrecision::year, "2010", "2010 data", 16),
               date(DateKind::period, DatePrecision::span, "2013/2017", "2013-2017", 17),
               date(DateKind::next_update, DatePrecision::year, "2026", "Next update: 2026"),
               date(DateKind::modified, DatePrecision::day, "2023-11-02", "Last modified 2023-11-02", 18)};
    p.dates[6].field = "employment-outlook";
    p.wages = {range(occkit::WagePer::hour, 26.18, 32, "$26.18 to $32.00 an hour", "2023"),
               wage(occkit::WageMeasure::median, occkit::WagePer::year, 54321.5, "Median: $54,321.50/year"),
               wage(occkit::WageMeasure::average, occkit::WagePer::month, 4000, "Average $4,000 a month"),
               wage(occkit::WageMeasure::minimum, occkit::WagePer::week, 0.001, "a tenth of a cent"),
               wage(occkit::WageMeasure::maximum, occkit::WagePer::week, 1e15, "a lot"),
               wage(occkit::WageMeasure::starting, occkit::WagePer::week, 900, "Starting at $900 a week"),
               wage(occkit::WageMeasure::top, occkit::WagePer::week, 1200.75, "Top $1,200.75"),
               wage(occkit::WageMeasure::value, occkit::WagePer::hour, 31.56, "$31.56")};
    p.wages[0].line = 20;
    p.wages[7].currency = "USD";

    occkit::Section duties =
        section("duties", "Duties & responsibilities", 30,
                {paragraph("Licensed practical nurses:", 31),
                 list({{"Give medication", 1, 32}, {"Check <vitals> & chart", 2, 33}, {"Report", 3, 0}}, 32),
                 table({{{"Region", "Wage"}, 34}, {{"Halifax", ""}, 35}, {{"  "}, 0}}, 34),
                 paragraph("Tab\tand\nnewline, \"quotes\", back\\slash", 36)});
    duties.dates = {date(DateKind::revised, DatePrecision::month, "2012-04", "Revised April 2012", 37)};
    duties.wages = {wage(occkit::WageMeasure::starting, occkit::WagePer::week, 900, "Starting at $900 a week")};
    occkit::Section inferred = section("overview", "Overview", 40, {paragraph("An inferred heading.", 40)});
    inferred.heading_inferred = true;
    occkit::Section deeper = section("other", "Deeper", 0, {paragraph("Third level.", 0)});
    inferred.subsections = {deeper};
    duties.subsections = {inferred};
    std::vector<occkit::Section> sections = {duties};
    for (const std::string& kind : occkit::section_kinds())
        sections.push_back(section(kind, "Heading of " + kind, 50, {paragraph("About " + kind + ".", 51)}));
    p.sections = sections;
    p.unmapped = {paragraph("Footer text ]]> here", 99), list({{"Loose item", 1, 100}}, 100),
                  table({{{"a", "b"}, 101}}, 101)};
    return p;
}

// What the one clean-up step (canonical_profile, which every writer writes) repairs: invalid UTF-8, controls, CR,
// empty texts and headings, non-finite amounts, lines and depths out of range, missing phrases and source values.
// Controlled values stay in their vocabularies so the result is valid.
occkit::Profile hostile_profile() {
    occkit::Profile p;
    p.source.jurisdiction = "AB";
    p.source.url = "https://example.org/\x01x\r\ny";
    p.title = occkit::Line{"\x01\x02", 4};  // nothing left after cleaning: no title
    p.alternate_titles = {{"", 1}, {"Bad \xFF byte \xC0\xAF overlong \xED\xA0\x80 surrogate", -3}, {"\r", 2}};
    p.codes = {{"NOC", "", "1234", "\x7F label \xEF\xBF\xBE nonchar", -1}};
    p.facts = {{"hours", "", "a\rb\r\nc", 3}};
    occkit::Date phraseless = date(occkit::DateKind::updated, occkit::DatePrecision::year, "2020", "");
    occkit::Date valueless = date(occkit::DateKind::copyright, occkit::DatePrecision::year, "2021", "");
    p.dates = {phraseless, valueless};
    occkit::Wage nan_wage =
        wage(occkit::WageMeasure::value, occkit::WagePer::year, std::numeric_limits<double>::quiet_NaN(), "");
    occkit::Wage inf_range = range(occkit::WagePer::hour, 12, std::numeric_limits<double>::infinity(), "");
    occkit::Wage no_currency = wage(occkit::WageMeasure::median, occkit::WagePer::month, 3000, "");
    no_currency.currency = "";
    occkit::Wage negative_zero = wage(occkit::WageMeasure::minimum, occkit::WagePer::hour, -0.0, "zero");
    p.wages = {nan_wage, inf_range, no_currency, negative_zero};
    occkit::Section empty_heading =
        section("", "", -5,
                {paragraph("", 7), paragraph(" ", 0), list({{"", 1, 8}, {"kept", 0, 9}, {"deep", -2, 0}}, 0),
                 list({{"\x01", 1, 1}}, 1), table({{{}, 3}}, 3), table({{{"", ""}, 0}}, 4)});
    occkit::Content run_line_only = paragraph("line from the run", 0);
    run_line_only.line = 12;
    empty_heading.content.push_back(run_line_only);
    empty_heading.subsections = {section("salary", "\x03", 0, {})};
    p.sections = {empty_heading};
    p.unmapped = {paragraph("", 1), list({}, 2)};
    return p;
}

// --- checks ---

// The JSON of a profile gives back the XML of the profile, byte for byte, in both styles.
void expect_lossless(const occkit::Profile& profile, const std::string& what) {
    const std::string xml = occkit::write_xml(profile);
    for (occkit::JsonStyle style : {occkit::JsonStyle::pretty, occkit::JsonStyle::compact}) {
        const std::string text = occkit::write_json(profile, style);
        occkit::Profile back;
        try {
            back = occkit::read_json(text);
        } catch (const occkit::Error& e) {
            ADD_FAILURE() << what << ": read_json refused write_json's output: " << e.what() << "\n" << text;
            continue;
        }
        EXPECT_EQ(occkit::write_xml(back), xml) << what;
        EXPECT_EQ(occkit::write_json(back, style), text) << what << ": the JSON of the read profile differs";
    }
}

std::string xml_to_json_to_xml(const std::string& xml) {
    return occkit::write_xml(occkit::read_json(occkit::write_json(occkit::read_xml(xml))));
}

// The message read_json throws, or "" when it accepts the text.
std::string read_json_error(const std::string& text) {
    try {
        occkit::read_json(text);
    } catch (const occkit::Error& e) {
        return e.what();
    }
    return "";
}

std::string describe(const CliResult& r) {
    return "exit " + std::to_string(r.exit_code) + "\n--- stdout ---\n" + r.out.substr(0, 2000) + "\n--- stderr ---\n" +
           r.err.substr(0, 2000);
}

std::vector<fs::path> sample_xml() { return files_below(source_dir() / "samples", {".xml"}); }

// Pages of ../shared: every corpus page and the seeds.
std::vector<fs::path> shared_pages(const fs::path& shared) {
    std::vector<fs::path> pages = files_below(shared / "corpus", {".html", ".txt"});
    for (const auto& seed : files_below(shared / "seeds", {".txt"})) pages.push_back(seed);
    return pages;
}

// --- the JSON Schema validator (python3-jsonschema from Debian) ---

// Validates every .json file (one document) and .ndjson file (one document per line) below a directory against a
// schema. Files named invalid-*.json must be rejected; all others must be accepted. Prints the problems, then
// "checked N".
const char* const kValidatorScript = R"PY(
import json, pathlib, sys
from jsonschema import Draft202012Validator
schema = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
problems, checked = [], 0
for path in sorted(pathlib.Path(sys.argv[2]).rglob("*")):
    if path.suffix not in (".json", ".ndjson"):
        continue
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".ndjson":
        documents = [(n + 1, line) for n, line in enumerate(text.split("\n")) if line.strip()]
    else:
        documents = [(1, text)]
    for line, document in documents:
        checked += 1
        errors = sorted(validator.iter_errors(json.loads(document)), key=lambda e: list(e.absolute_path))
        if path.name.startswith("invalid-"):
            if not errors:
                problems.append(f"{path}: accepted, but it is invalid")
        elif errors:
            where = "/".join(str(p) for p in errors[0].absolute_path)
            problems.append(f"{path}:{line}: /{where}: {errors[0].message[:300]}")
for problem in problems[:20]:
    print(problem)
print(f"checked {checked}")
sys.exit(1 if problems else 0)
)PY";

struct Validation {
    int exit_code = -1;
    std::string output;
};

// Debian's interpreter: python3-jsonschema installs into its dist-packages, which another python3 on PATH may not
// see.
constexpr const char* kPython = "/usr/bin/python3";

Validation validate_json_files(const fs::path& dir) {
    const fs::path script = dir.parent_path() / (dir.filename().string() + "-validate.py");
    write_text(script, kValidatorScript);
    const fs::path schema = source_dir() / "schemas/occupation.schema.json";
    std::string command =
        std::string(kPython) + " '" + script.string() + "' '" + schema.string() + "' '" + dir.string() + "' 2>&1";
    Validation result;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return result;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) result.output.append(buffer, n);
    int status = pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

// Asserts that every file below `dir` is as valid as its name says, and that `expected` documents were checked.
void expect_schema_valid(const fs::path& dir, std::size_t expected) {
    Validation v = validate_json_files(dir);
    ASSERT_NE(v.output.find("checked "), std::string::npos)
        << "the validator did not run; python3-jsonschema (Debian, see scripts/setup) must be installed for " << kPython
        << ":\n"
        << v.output;
    EXPECT_EQ(v.exit_code, 0) << v.output;
    EXPECT_NE(v.output.find("checked " + std::to_string(expected) + "\n"), std::string::npos) << v.output;
}

// (name, body) of each `open_prefix NAME" ... close` block of the XSD text.
std::vector<std::pair<std::string, std::string>> named_blocks(const std::string& text, const std::string& open_prefix,
                                                              const std::string& close) {
    std::vector<std::pair<std::string, std::string>> blocks;
    for (std::size_t at = text.find(open_prefix); at != std::string::npos; at = text.find(open_prefix, at + 1)) {
        std::size_t name_start = at + open_prefix.size();
        std::size_t name_end = text.find('"', name_start);
        std::size_t end = text.find(close, name_end);
        if (name_end == std::string::npos || end == std::string::npos) break;
        blocks.emplace_back(text.substr(name_start, name_end - name_start), text.substr(name_end, end - name_end));
    }
    return blocks;
}

// The first group of every match of `re` in `text`.
std::vector<std::string> matches(const std::string& text, const std::regex& re) {
    std::vector<std::string> found;
    for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it) found.push_back((*it)[1]);
    return found;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------------
// write_json: the exact form
// ---------------------------------------------------------------------------------------------------------------

TEST(WriteJson, SmallProfileHasExactText) {
    const std::string expected = R"({
  "schemaVersion": "1.0",
  "source": {
    "jurisdiction": "NS",
    "layout": "htns",
    "format": "html",
    "language": "en",
    "charset": "windows-1252",
    "sha256": "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc",
    "url": "https://example.org/lpn?a=1\u0026b=2"
  },
  "title": {
    "line": 3,
    "text": "Licensed Practical Nurse"
  },
  "codes": [
    {
      "scheme": "NOC",
      "version": "2021",
      "value": "32101",
      "label": "Licensed practical nurses",
      "line": 4
    }
  ],
  "facts": [
    {
      "name": "hours",
      "text": ""
    }
  ],
  "sections": [
    {
      "kind": "duties",
      "line": 10,
      "heading": {
        "text": "Duties"
      },
      "content": [
        {
          "type": "p",
          "line": 11,
          "text": "They give care."
        },
        {
          "type": "list",
          "line": 12,
          "items": [
            {
              "line": 12,
              "text": "Give medication"
            },
            {
              "depth": 2,
              "text": "Chart"
            }
          ]
        },
        {
          "type": "table",
          "line": 13,
          "rows": [
            {
              "line": 13,
              "cells": [
                "Region",
                ""
              ]
            }
          ]
        }
      ],
      "dates": [
        {
          "kind": "revised",
          "value": "2012-03",
          "precision": "month",
          "line": 14,
          "text": "Revised March 2012"
        }
      ],
      "wages": [
        {
          "measure": "range",
          "per": "hour",
          "min": 26.18,
          "max": 32,
          "currency": "CAD",
          "dataYear": "2023",
          "line": 40,
          "text": "$26.18 to $32.00 an hour"
        }
      ],
      "sections": [
        {
          "kind": "overview",
          "heading": {
            "inferred": true,
            "text": "Overview"
          }
        }
      ]
    }
  ]
}
)";
    EXPECT_EQ(occkit::write_json(small_profile()), expected);
}

TEST(WriteJson, CompactIsTheSameDocumentOnOneLine) {
    const std::string compact = occkit::write_json(small_profile(), occkit::JsonStyle::compact);
    EXPECT_EQ(compact.find('\n'), compact.size() - 1) << "one line, ended by a newline";
    EXPECT_TRUE(compact.starts_with(R"({"schemaVersion":"1.0","source":{"jurisdiction":"NS","layout":"htns",)"));
    EXPECT_NE(compact.find(R"("wages":[{"measure":"range","per":"hour","min":26.18,"max":32,"currency":"CAD",)"
                           R"("dataYear":"2023","line":40,"text":"$26.18 to $32.00 an hour"}])"),
              std::string::npos);
    EXPECT_EQ(json::parse(compact), json::parse(occkit::write_json(small_profile())));
}

TEST(WriteJson, NumbersAreNumbersSpeltAsInTheXml) {
    const occkit::Profile profile = rich_profile();
    const json document = json::parse(occkit::write_json(profile));
    const std::string xml = occkit::write_xml(profile);
    ASSERT_EQ(document["wages"].size(), 8u);
    EXPECT_TRUE(document["wages"][0]["min"].is_number());
    EXPECT_EQ(document["wages"][1]["value"].get<double>(), 54321.5);
    EXPECT_TRUE(document["title"]["line"].is_number_integer());
    const std::string text = occkit::write_json(profile);
    for (const char* amount : {"26.18", "54321.5", "0.001", "1000000000000000", "1200.75"}) {
        EXPECT_NE(text.find(std::string(": ") + amount + ",\n"), std::string::npos) << amount;
        EXPECT_NE(xml.find(std::string("=\"") + amount + "\""), std::string::npos) << amount;
    }
    // Dates stay ISO 8601 strings, spans included.
    EXPECT_EQ(document["dates"][6]["value"], "2013/2017");
    EXPECT_EQ(document["dates"][1]["value"], "2024-03-31");
}

TEST(WriteJson, EscapesEverySpecialCharacter) {
    std::string all_ascii;
    for (int c = 1; c < 0x80; ++c) all_ascii += static_cast<char>(c);
    occkit::Profile profile;
    profile.title = occkit::Line{all_ascii + "\u2028\u2029é😀", 1};
    const std::string compact = occkit::write_json(profile, occkit::JsonStyle::compact);

    // C0 controls but tab and LF are not XML characters: the canonical document drops them, as the XML does.
    std::string expected = R"("text":"\t\n\n !\"#$%\u0026'()*+,-./0123456789:;\u003c=\u003e?@)";
    expected += R"(ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~)";
    expected += "\x7F";
    expected += R"(\u2028\u2029é😀"})";
    EXPECT_NE(compact.find(expected), std::string::npos) << compact;
    EXPECT_EQ(compact.find('\n'), compact.size() - 1) << "no raw newline inside the line";
    EXPECT_EQ(compact.find("</"), std::string::npos) << "nothing can close an HTML <script> element";

    std::string cleaned;  // CR is the second LF
    for (int c = 1; c < 0x80; ++c)
        if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') cleaned += c == '\r' ? '\n' : static_cast<char>(c);
    EXPECT_EQ(json::parse(compact)["title"]["text"], cleaned + "\u2028\u2029é😀");
    expect_lossless(profile, "every ASCII character");

    // CR becomes LF (the clean-up's rule, and what an XML parser would make of it).
    occkit::Profile with_cr;
    with_cr.title = occkit::Line{"a\r\nb\rc", 1};
    EXPECT_NE(occkit::write_json(with_cr).find(R"("text": "a\nb\nc")"), std::string::npos);

    // JSON-LD goes through the same escaping.
    const std::string ld = occkit::write_jsonld(profile, occkit::JsonStyle::compact);
    EXPECT_NE(ld.find(R"("name":"\t\n\n !\"#$%\u0026'()*+,-./0123456789:;\u003c=\u003e?@)"), std::string::npos) << ld;
    EXPECT_EQ(json::parse(ld)["name"], cleaned + "\u2028\u2029é😀");
}

// The repairs are made once, before any writer runs: the JSON and the XML of a hostile profile say the same repaired
// thing, value by value.
TEST(WriteJson, WritesTheOneCleanUpStepsRepairs) {
    const occkit::Profile profile = hostile_profile();
    expect_lossless(profile, "hostile profile");
    const std::string xml = occkit::write_xml(profile);
    EXPECT_EQ(xsd_problems(xml), "") << xml;

    const json document = json::parse(occkit::write_json(profile));
    const occkit::Profile from_xml = occkit::read_xml(xml);
    EXPECT_FALSE(document.contains("title"));
    EXPECT_EQ(document["source"]["layout"], "generic");
    EXPECT_EQ(document["source"]["language"], "und");
    EXPECT_EQ(document["source"]["url"], "https://example.org/x\ny");
    ASSERT_EQ(document["alternateTitles"].size(), 2u);
    EXPECT_EQ(document["alternateTitles"][0]["text"], from_xml.alternate_titles[0].text);
    EXPECT_TRUE(document["alternateTitles"][0]["text"].get<std::string>().starts_with("Bad \uFFFD byte \uFFFD"));
    EXPECT_FALSE(document["alternateTitles"][0].contains("line"));
    EXPECT_EQ(document["alternateTitles"][1]["text"], "\n");
    EXPECT_EQ(document["codes"][0]["label"], "\x7F label  nonchar") << "DEL is an XML character; U+FFFE is not";
    EXPECT_EQ(document["facts"][0]["text"], "a\nb\nc");
    EXPECT_EQ(document["dates"][0]["text"], "2020");
    EXPECT_FALSE(document["wages"][0].contains("value"));
    EXPECT_FALSE(document["wages"][1].contains("max"));
    EXPECT_EQ(document["wages"][2]["currency"], "CAD");
    EXPECT_EQ(document["wages"][2]["text"], "3000 CAD per month");
    EXPECT_TRUE(std::signbit(document["wages"][3]["value"].get<double>())) << "-0 keeps its sign, as in the XML";
    const json& repaired = document["sections"][0];
    EXPECT_EQ(repaired["kind"], "other");
    EXPECT_EQ(repaired["heading"], json::parse(R"({"inferred": true, "text": "other"})"));
    EXPECT_FALSE(repaired.contains("line"));
    ASSERT_EQ(repaired["content"].size(), 4u);  // " ", the list with what is left, the table with a row, the run line
    EXPECT_EQ(repaired["content"][0]["text"], " ");
    EXPECT_EQ(repaired["content"][1]["items"], json::parse(R"([{"line": 9, "text": "kept"}, {"text": "deep"}])"));
    EXPECT_EQ(repaired["content"][2]["rows"], json::parse(R"([{"cells": ["", ""]}])"));
    EXPECT_EQ(repaired["content"][3], json::parse(R"({"type": "p", "line": 12, "text": "line from the run"})"));
    EXPECT_EQ(repaired["sections"][0]["heading"], json::parse(R"({"inferred": true, "text": "salary"})"));
    EXPECT_FALSE(document.contains("unmapped"));
}

TEST(WriteJson, EmptyProfileIsTheMinimalValidDocument) {
    EXPECT_EQ(occkit::write_json(occkit::Profile{}, occkit::JsonStyle::compact),
              R"({"schemaVersion":"1.0","source":{"jurisdiction":"XX","layout":"generic","format":"text",)"
              R"("language":"und","charset":"UTF-8","sha256":")" +
                  std::string(64, '0') + "\"}}\n");
    expect_lossless(occkit::Profile{}, "empty profile");
}

// ---------------------------------------------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------------------------------------------

TEST(JsonRoundTrip, RichProfile) { expect_lossless(rich_profile(), "rich profile"); }

TEST(JsonRoundTrip, EverySampleXmlComesBackByteForByte) {
    const auto files = sample_xml();
    ASSERT_GE(files.size(), 12u);
    for (const auto& file : files) {
        const std::string xml = read_file(file);
        EXPECT_EQ(xml_to_json_to_xml(xml), xml) << file;
        expect_lossless(occkit::read_xml(xml), file.string());
    }
}

TEST(JsonRoundTrip, EverySharedPageComesBackByteForByte) {
    OCCKIT_REQUIRE_SHARED(shared);
    const auto pages = shared_pages(shared);
    ASSERT_GE(pages.size(), 600u);
    std::size_t checked = 0;
    for (const auto& page : pages) {
        const std::string xml = occkit::write_xml(occkit::convert(read_file(page)).profile);
        ASSERT_EQ(xml_to_json_to_xml(xml), xml) << page;
        const occkit::Profile profile = occkit::read_xml(xml);
        ASSERT_EQ(occkit::write_xml(occkit::read_json(occkit::write_json(profile, occkit::JsonStyle::compact))), xml)
            << page;
        ++checked;
    }
    EXPECT_EQ(checked, pages.size());
}

// ---------------------------------------------------------------------------------------------------------------
// The JSON Schema
// ---------------------------------------------------------------------------------------------------------------

TEST(JsonSchema, ValidatorAcceptsEveryExportAndRejectsBrokenDocuments) {
    const fs::path dir = scratch_dir("schema-samples");
    std::size_t documents = 0;
    auto add = [&](const std::string& name, const std::string& text) {
        write_text(dir / name, text);
        ++documents;
    };
    add("small.json", occkit::write_json(small_profile()));
    add("rich.json", occkit::write_json(rich_profile()));
    add("hostile.json", occkit::write_json(hostile_profile()));
    add("empty.json", occkit::write_json(occkit::Profile{}));
    std::string ndjson;
    for (const auto& file : sample_xml()) {
        const occkit::Profile profile = occkit::read_xml(read_file(file));
        add("samples/" + file.filename().string() + ".json", occkit::write_json(profile));
        ndjson += occkit::write_json(profile, occkit::JsonStyle::compact);
    }
    write_text(dir / "samples.ndjson", ndjson);
    documents += sample_xml().size();

    // Each breaks one rule of the XSD, which the JSON Schema must enforce too.
    const std::string valid = occkit::write_json(small_profile(), occkit::JsonStyle::compact);
    auto broken = [&](const std::string& name, const std::string& from, const std::string& to) {
        std::string text = valid;
        std::size_t at = text.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        add("invalid-" + name + ".json", text.replace(at, from.size(), to));
    };
    broken("no-source",
           R"("source":{"jurisdiction":"NS","layout":"htns","format":"html","language":"en","charset":"windows-1252",)"
           R"("sha256":")" +
               std::string(64, 'c') + R"(","url":"https://example.org/lpn?a=1\u0026b=2"},)",
           "");
    broken("jurisdiction", R"("jurisdiction":"NS")", R"("jurisdiction":"ZZ")");
    broken("sha256", R"("sha256":"cccc)", R"("sha256":"Cccc)");
    broken("unknown-key", R"("title":{)", R"("title":{"colour":"red",)");
    broken("line-zero", R"("line":3,)", R"("line":0,)");
    broken("line-string", R"("line":3,)", R"("line":"3",)");
    broken("empty-text", R"("text":"They give care.")", R"("text":"")");
    broken("negative-amount", R"("min":26.18)", R"("min":-26.18)");
    broken("amount-string", R"("min":26.18)", R"("min":"26.18")");
    broken("content-type", R"("type":"p")", R"("type":"div")");
    broken("no-items", R"("items":[{"line":12,"text":"Give medication"},{"depth":2,"text":"Chart"}])", R"("items":[])");
    broken("section-kind", R"("kind":"duties")", R"("kind":"chores")");
    broken("date-value", R"("value":"2012-03")", R"("value":"March 2012")");
    broken("year", R"("dataYear":"2023")", R"("dataYear":"23")");
    broken("inferred", R"("inferred":true)", R"("inferred":"yes")");
    broken("schema-version", R"("schemaVersion":"1.0")", R"("schemaVersion":"2")");
    expect_schema_valid(dir, documents);
}

TEST(JsonSchema, EverySharedExportValidates) {
    OCCKIT_REQUIRE_SHARED(shared);
    const fs::path dir = scratch_dir("schema-shared");
    std::string ndjson;
    std::size_t count = 0;
    for (const auto& page : shared_pages(shared)) {
        ndjson += occkit::write_json(occkit::convert(read_file(page)).profile, occkit::JsonStyle::compact);
        ++count;
    }
    write_text(dir / "corpus.ndjson", ndjson);
    expect_schema_valid(dir, count);
}

TEST(JsonSchema, EmbeddedCopyIsTheFile) {
    EXPECT_EQ(occkit::occupation_json_schema(), read_file(source_dir() / "schemas/occupation.schema.json"));
    const json schema = json::parse(occkit::occupation_json_schema());
    EXPECT_EQ(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
}

// The XSD's simple types are the vocabularies: each has a $defs entry of the same name with the same enumeration,
// or the same pattern (anchored, as XSD patterns implicitly are). Each named complex type's attributes are
// properties of the $defs entry of that name, the required ones required.
TEST(JsonSchema, InStepWithTheXsd) {
    const std::string xsd(occkit::occupation_xsd());
    const json schema = json::parse(occkit::occupation_json_schema());
    const json& defs = schema.at("$defs");

    static const std::regex enumeration(R"re(<xs:enumeration value="([^"]*)"/>)re");
    static const std::regex pattern(R"re(<xs:pattern value="([^"]*)"/>)re");
    const auto simple_types = named_blocks(xsd, "<xs:simpleType name=\"", "</xs:simpleType>");
    EXPECT_EQ(simple_types.size(), 18u);
    for (const auto& [name, body] : simple_types) {
        ASSERT_TRUE(defs.contains(name)) << "the JSON Schema has no $defs/" << name;
        std::vector<std::string> values = matches(body, enumeration);
        std::vector<std::string> patterns = matches(body, pattern);
        if (!values.empty()) {
            EXPECT_EQ(defs.at(name).at("enum").get<std::vector<std::string>>(), values) << name;
        }
        if (!patterns.empty()) {
            std::string alternatives;
            for (const auto& p : patterns) alternatives += (alternatives.empty() ? "" : "|") + p;
            EXPECT_EQ(defs.at(name).at("pattern"), "^(?:" + alternatives + ")$") << name;
        }
    }

    static const std::regex attribute(R"re(<xs:attribute name="(\w+)"[^>]*?( use="required")?/>)re");
    std::size_t attributes = 0;
    for (const auto& [name, body] : named_blocks(xsd, "\n  <xs:complexType name=\"", "\n  </xs:complexType>")) {
        ASSERT_TRUE(name == "Occupation" || defs.contains(name)) << "the JSON Schema has no $defs/" << name;
        const json& type = name == "Occupation" ? schema : defs.at(name);
        const json required = type.value("required", json::array());
        for (std::sregex_iterator a(body.begin(), body.end(), attribute), end; a != end; ++a) {
            const std::string attr = (*a)[1];
            if (name == "List" && attr != "line") continue;  // the items' own attributes, checked below
            EXPECT_TRUE(type.at("properties").contains(attr)) << name << " lacks " << attr;
            if ((*a)[2].matched) {
                EXPECT_NE(std::find(required.begin(), required.end(), attr), required.end())
                    << name << "." << attr << " must be required";
            }
            ++attributes;
        }
    }
    EXPECT_GE(attributes, 35u);
    EXPECT_TRUE(defs.at("List").at("properties").at("items").at("items").at("properties").contains("depth"));

    // And the C++ vocabularies are the schema's.
    EXPECT_EQ(defs["SectionKind"]["enum"].get<std::vector<std::string>>(), occkit::section_kinds());
    for (const auto& kind : defs["DateKind"]["enum"])
        EXPECT_TRUE(occkit::date_kind_from_string(kind.get<std::string>())) << kind;
    for (const auto& measure : defs["WageMeasure"]["enum"])
        EXPECT_TRUE(occkit::wage_measure_from_string(measure.get<std::string>())) << measure;
}

// ---------------------------------------------------------------------------------------------------------------
// read_json: untrusted input
// ---------------------------------------------------------------------------------------------------------------

TEST(ReadJson, RefusesWhatTheModelCannotHoldWithPathAndReason) {
    const std::string valid = occkit::write_json(small_profile(), occkit::JsonStyle::compact);
    auto with = [&](const std::string& from, const std::string& to) {
        std::string text = valid;
        std::size_t at = text.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        return at == std::string::npos ? text : text.replace(at, from.size(), to);
    };
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"", "line 1, column 1: malformed JSON: syntax error while parsing value - unexpected end of input"},
        {"{", "line 1, column 2: malformed JSON: "},
        {valid + "x", "malformed JSON: syntax error while parsing value - invalid literal"},
        {"[]", "top level: expected an object, found array"},
        {"{\"schemaVersion\":\"1.0\"}", "top level: missing key \"source\""},
        {with(R"("schemaVersion":"1.0")", R"("schemaVersion":"2.0")"), "/schemaVersion: unsupported schemaVersion"},
        {with(R"("title":{)", R"("title":{"colour":1,)"), "/title: unknown key \"colour\""},
        {with(R"("title":{)", R"("title":{"line":1,)"), "duplicate key \"line\""},
        {with(R"("line":3,)", R"("line":"3",)"), "/title/line: must be a positive integer, not \"3\""},
        {with(R"("line":3,)", R"("line":0,)"), "/title/line: must be a positive integer, not 0"},
        {with(R"("line":3,)", R"("line":-3,)"), "/title/line: must be a positive integer, not -3"},
        {with(R"("line":3,)", R"("line":3.5,)"), "/title/line: must be a positive integer, not 3.5"},
        {with(R"("line":3,)", R"("line":99999999999,)"), "/title/line: must be a positive integer"},
        {with(R"("text":"Licensed Practical Nurse")", R"("text":"")"), "/title/text: must not be empty"},
        {with(R"("text":"Licensed Practical Nurse")", R"("text":null)"), "/title/text: expected a string, found null"},
        {with(R"("text":"Licensed Practical Nurse")", R"("text":"a\u0001b")"),
         "/title/text: character U+0001 is not allowed in XML"},
        {with(R"("text":"Licensed Practical Nurse")", R"("text":"\uffff")"),
         "/title/text: character U+FFFF is not allowed in XML"},
        {with(R"("text":"Licensed Practical Nurse")", R"("text":"\ud800")"), "malformed JSON"},
        {with(R"("text":"Licensed Practical Nurse")", "\"text\":\"\xFF\""), "malformed JSON: syntax error"},
        {with(R"("kind":"revised")", R"("kind":"later")"), "/sections/0/dates/0/kind: unknown value \"later\""},
        {with(R"("precision":"month")", R"("precision":1)"),
         "/sections/0/dates/0/precision: expected a string, found number"},
        {with(R"("type":"p")", R"("type":"div")"), "/sections/0/content/0/type: unknown content type \"div\""},
        {with(R"("items":[{"line":12,"text":"Give medication"},{"depth":2,"text":"Chart"}])", R"("items":[])"),
         "/sections/0/content/1/items: expected an array with at least one element"},
        {with(R"("cells":["Region",""])", R"("cells":[1])"),
         "/sections/0/content/2/rows/0/cells/0: expected a string, found number"},
        {with(R"("min":26.18)", R"("min":"26.18")"), "/sections/0/wages/0/min: expected a number, found string"},
        {with(R"("min":26.18)", R"("min":1e400)"), "malformed JSON: number overflow"},
        {with(R"("inferred":true)", R"("inferred":1)"),
         "/sections/0/sections/0/heading/inferred: expected true or false, found 1"},
        {with(R"("heading":{"text":"Duties"})", R"("heading":"Duties")"),
         "/sections/0/heading: expected an object, found string"},
        {with(R"("codes":[)", R"("codes":{"a":[)") + "}", "/codes: expected an array, found object"},
        {with(R"("sha256":)", R"("sha":)"), "/source: unknown key \"sha\""},
        {with(R"("sha256":)", R"("sha\n256":)"), "/source: unknown key \"sha\\n256\""},
    };
    for (const auto& [text, expected] : cases) {
        const std::string error = read_json_error(text);
        EXPECT_NE(error.find(expected), std::string::npos) << "input: " << text.substr(0, 200) << "\nerror: " << error;
        EXPECT_EQ(error.find('\n'), std::string::npos) << error;
    }
}

TEST(ReadJson, RefusesHostileNestingWithoutCrashing) {
    std::string sections = R"({"schemaVersion":"1.0","source":{"jurisdiction":"AB","layout":"x","format":"text",)"
                           R"("language":"en","charset":"UTF-8","sha256":")" +
                           std::string(64, '0') + "\"},\"sections\":[";
    std::string close;
    for (int depth = 0; depth < 150; ++depth) {
        sections += R"({"kind":"other","heading":{"text":"h"},"sections":[)";
        close += "]}";
    }
    EXPECT_NE(read_json_error(sections + close + "]}").find("sections nested deeper than 100 levels"),
              std::string::npos);
    const std::string arrays = std::string(200000, '[') + std::string(200000, ']');
    EXPECT_EQ(read_json_error(arrays), "top level: expected an object, found array");
}

TEST(ReadJson, AcceptsWhatTheSchemaAllowsAndTheWriterLeavesOut) {
    const std::string text = R"({"source":{"jurisdiction":"AB","layout":"alis","format":"text","language":"en",
        "charset":"UTF-8","sha256":"0000000000000000000000000000000000000000000000000000000000000000","url":""},
        "schemaVersion":"1.3",
        "sections":[{"heading":{"line":7,"inferred":false,"text":"Duties"},"kind":"duties",
                     "content":[{"type":"list","items":[{"depth":1,"text":"one"}]}],"dates":[],"sections":[]}]})";
    const occkit::Profile profile = occkit::read_json(text);
    ASSERT_EQ(profile.sections.size(), 1u);
    EXPECT_EQ(profile.sections[0].line, 7) << "a heading's line stands for the section's, as in read_xml";
    EXPECT_FALSE(profile.sections[0].heading_inferred);
    EXPECT_EQ(profile.sections[0].content[0].items[0].depth, 1);
    EXPECT_EQ(xsd_problems(occkit::write_xml(profile)), "");
}

// ---------------------------------------------------------------------------------------------------------------
// JSON-LD
// ---------------------------------------------------------------------------------------------------------------

namespace {

json jsonld_of(const occkit::Profile& profile) { return json::parse(occkit::write_jsonld(profile)); }

// Every text of a profile that JSON-LD may quote (table rows as their non-empty cells joined with " | ").
void collect_texts(const std::vector<occkit::Content>& contents, std::set<std::string>& texts) {
    for (const auto& content : contents) {
        texts.insert(content.paragraph.text);
        for (const auto& item : content.items) texts.insert(item.text);
        for (const auto& row : content.rows) {
            std::string line;
            for (const auto& cell : row.cells)
                if (!cell.empty()) line += (line.empty() ? "" : " | ") + cell;
            texts.insert(line);
        }
    }
}

void collect_texts(const std::vector<occkit::Section>& sections, std::set<std::string>& texts) {
    for (const auto& section : sections) {
        collect_texts(section.content, texts);
        collect_texts(section.subsections, texts);
    }
}

void collect_amounts_and_dates(const std::vector<occkit::Section>& sections, std::set<double>& amounts,
                               std::set<std::string>& dates) {
    for (const auto& section : sections) {
        for (const auto& w : section.wages)
            for (const auto& a : {w.min, w.max, w.value})
                if (a) amounts.insert(*a);
        for (const auto& d : section.dates) dates.insert(d.value);
        collect_amounts_and_dates(section.subsections, amounts, dates);
    }
}

// Every value of the JSON-LD is in the page: texts, codes, amounts, dates, the URL; the rest is schema.org's own
// vocabulary.
void expect_nothing_invented(const occkit::Profile& page, const std::string& what) {
    const json ld = jsonld_of(page);
    const occkit::Profile profile = occkit::read_json(occkit::write_json(page));  // the text as the JSON-LD has it
    std::set<std::string> texts;
    if (profile.title) texts.insert(profile.title->text);
    for (const auto& t : profile.alternate_titles) texts.insert(t.text);
    for (const auto& f : profile.facts) texts.insert(f.value);
    for (const auto& c : profile.codes)
        texts.insert({c.value, c.label, c.version.empty() ? c.scheme : c.scheme + " " + c.version});
    collect_texts(profile.sections, texts);
    std::set<double> amounts;
    std::set<std::string> dates;
    for (const auto& w : profile.wages)
        for (const auto& a : {w.min, w.max, w.value})
            if (a) amounts.insert(*a);
    for (const auto& d : profile.dates) dates.insert(d.value);
    collect_amounts_and_dates(profile.sections, amounts, dates);

    for (const char* key : {"alternateName", "responsibilities", "educationRequirements", "qualifications", "skills"})
        for (const auto& value : ld.value(key, json::array()))
            EXPECT_TRUE(texts.count(value.get<std::string>())) << what << ": " << key << " " << value;
    if (ld.contains("name")) {
        EXPECT_TRUE(texts.count(ld["name"].get<std::string>())) << what;
    }
    for (const auto& line : lines_of(ld.value("description", std::string()))) {
        EXPECT_TRUE(std::any_of(texts.begin(), texts.end(),
                                [&](const std::string& t) { return t.find(line) != std::string::npos; }))
            << what << ": description line " << line;
    }
    for (const auto& category : ld.value("occupationalCategory", json::array())) {
        EXPECT_TRUE(texts.count(category["codeValue"].get<std::string>())) << what;
        EXPECT_TRUE(texts.count(category["inCodeSet"]["name"].get<std::string>())) << what;
    }
    for (const auto& salary : ld.value("estimatedSalary", json::array()))
        for (const char* key : {"minValue", "maxValue", "median"})
            if (salary.contains(key)) {
                EXPECT_TRUE(amounts.count(salary[key].get<double>())) << what << ": " << salary;
            }
    if (ld.contains("mainEntityOfPage")) {
        const json& page = ld["mainEntityOfPage"];
        if (page.contains("lastReviewed")) {
            EXPECT_TRUE(dates.count(page["lastReviewed"].get<std::string>())) << what;
        }
        if (page.contains("url")) {
            EXPECT_EQ(page["url"], profile.source.url) << what;
        }
    }
}

json salary(const char* duration, std::optional<double> min, std::optional<double> max, std::optional<double> median) {
    json s = {{"@type", "MonetaryAmountDistribution"}, {"currency", "CAD"}, {"duration", duration}};
    if (min) s["minValue"] = *min;
    if (max) s["maxValue"] = *max;
    if (median) s["median"] = *median;
    return s;
}

fs::path seed(const fs::path& shared, const std::string& prefix) {
    for (const auto& p : files_below(shared / "seeds", {".txt"}))
        if (p.filename().string().starts_with(prefix)) return p;
    return {};
}

}  // namespace

TEST(JsonLd, SeedHealthTeamNovaScotia) {
    OCCKIT_REQUIRE_SHARED(shared);
    const json ld = jsonld_of(occkit::convert(read_file(seed(shared, "000_"))).profile);
    EXPECT_EQ(ld["@context"], "https://schema.org");
    EXPECT_EQ(ld["@type"], "Occupation");
    EXPECT_EQ(ld["name"], "Health Records Technologist");
    EXPECT_EQ(ld["occupationLocation"],
              json::parse(R"({"@type":"AdministrativeArea","name":"Nova Scotia","identifier":"CA-NS"})"));
    EXPECT_EQ(ld["estimatedSalary"], json::array({salary("P1Y", 32000, 36000, std::nullopt)}));
    ASSERT_EQ(ld["responsibilities"].size(), 3u);
    EXPECT_TRUE(ld["responsibilities"][0].get<std::string>().starts_with("Doctors need accurate and detailed"));
    ASSERT_EQ(ld["educationRequirements"].size(), 2u);
    EXPECT_TRUE(ld["educationRequirements"][0].get<std::string>().starts_with("A high school diploma"));
    ASSERT_EQ(ld["qualifications"].size(), 1u);
    EXPECT_TRUE(ld["qualifications"][0].get<std::string>().starts_with("Registration and membership"));
    ASSERT_EQ(ld["skills"].size(), 1u);
    EXPECT_TRUE(ld["skills"][0].get<std::string>().starts_with("Good communication skills"));
    // The page has no codes, no alternate names, no overview, no review date and (without --url) no address.
    for (const char* absent : {"occupationalCategory", "alternateName", "description", "mainEntityOfPage"})
        EXPECT_FALSE(ld.contains(absent)) << absent;
}

TEST(JsonLd, SeedAlis2010) {
    OCCKIT_REQUIRE_SHARED(shared);
    occkit::ConvertOptions options;
    options.url = "https://alis.alberta.ca/occinfo/occupations-in-alberta/occupation-profiles/hims/";
    const json ld = jsonld_of(occkit::convert(read_file(seed(shared, "002_")), options).profile);
    EXPECT_EQ(ld["name"], "Health Information Management Professional");
    ASSERT_EQ(ld["alternateName"].size(), 6u);
    EXPECT_EQ(ld["alternateName"][0], "Coding Specialist");
    EXPECT_EQ(ld["alternateName"][5], "Release of Information Specialist");
    EXPECT_EQ(ld["occupationalCategory"], json::parse(R"([{"@type":"CategoryCode","codeValue":"1122",
        "inCodeSet":{"@type":"CategoryCodeSet","name":"NOC 2006"}}])"));
    EXPECT_EQ(ld["educationRequirements"][0], "2 years post-secondary education/training");
    // Two hourly ranges of different survey years; the average ($38.55) has no schema.org property.
    EXPECT_EQ(ld["estimatedSalary"],
              json::array({salary("PT1H", 26.18, 32.18, std::nullopt), salary("PT1H", 28.77, 55.74, std::nullopt)}));
    EXPECT_EQ(ld["mainEntityOfPage"], json::parse(R"({"@type":"WebPage","url":")" + options.url +
                                                  R"(","inLanguage":"en","lastReviewed":"2012-03"})"));
    EXPECT_EQ(ld["occupationLocation"]["name"], "Alberta");
    EXPECT_TRUE(ld["description"].get<std::string>().starts_with("Health information management professionals"));
    EXPECT_GE(ld["responsibilities"].size(), 5u);
}

TEST(JsonLd, SalaryDistributionsTakeOnlyWhatSchemaOrgCanSay) {
    occkit::Profile p;
    p.source = source("BC");
    occkit::Section salary_section = section("salary", "Wages", 1, {});
    salary_section.wages = {wage(occkit::WageMeasure::minimum, occkit::WagePer::hour, 19.5, "Low $19.50"),
                            wage(occkit::WageMeasure::median, occkit::WagePer::hour, 28.03, "Median $28.03"),
                            wage(occkit::WageMeasure::maximum, occkit::WagePer::hour, 38.46, "High $38.46"),
                            wage(occkit::WageMeasure::median, occkit::WagePer::year, 58459, "$58,459"),
                            wage(occkit::WageMeasure::average, occkit::WagePer::year, 61522, "Avg. $61,522"),
                            wage(occkit::WageMeasure::value, occkit::WagePer::year, 50000, "$50,000"),
                            wage(occkit::WageMeasure::starting, occkit::WagePer::hour, 20, "Starting $20"),
                            wage(occkit::WageMeasure::median, occkit::WagePer::year, 60000, "$60,000"),
                            range(occkit::WagePer::week, 800, 900, "$800-$900 a week")};
    salary_section.wages[8].currency = "USD";
    p.wages = {range(occkit::WagePer::month, 3000, 4000, "$3,000 to $4,000 a month")};
    p.sections = {salary_section};
    json expected =
        json::array({salary("P1M", 3000, 4000, std::nullopt), salary("PT1H", 19.5, 38.46, 28.03),
                     salary("P1Y", std::nullopt, std::nullopt, 58459), salary("P1Y", std::nullopt, std::nullopt, 60000),
                     salary("P1W", 800, 900, std::nullopt)});
    expected[4]["currency"] = "USD";
    EXPECT_EQ(jsonld_of(p)["estimatedSalary"], expected);
}

TEST(JsonLd, PlaceAndPage) {
    occkit::Profile p;
    p.source = source("QC", "fr");
    p.source.url = "https://example.org/metier";
    p.dates = {date(occkit::DateKind::copyright, occkit::DatePrecision::year, "2030", "© 2030"),
               date(occkit::DateKind::updated, occkit::DatePrecision::month, "2021-06", "Mis à jour juin 2021")};
    occkit::Section duties = section("duties", "Tâches", 2, {paragraph("Soigner.", 3)});
    duties.dates = {date(occkit::DateKind::revised, occkit::DatePrecision::day, "2022-01-15", "Révisé", 4),
                    date(occkit::DateKind::next_update, occkit::DatePrecision::year, "2031", "2031", 5),
                    date(occkit::DateKind::data_year, occkit::DatePrecision::year, "2029", "2029", 6),
                    date(occkit::DateKind::period, occkit::DatePrecision::span, "2025/2029", "2025-2029", 7)};
    occkit::Section sub = section("other", "Plus", 8, {});
    sub.dates = {date(occkit::DateKind::modified, occkit::DatePrecision::day, "2022-01-16", "modifié", 9)};
    duties.subsections = {sub};
    p.sections = {duties};
    const json ld = jsonld_of(p);
    EXPECT_EQ(ld["occupationLocation"],
              json::parse(R"({"@type":"AdministrativeArea","name":"Québec","identifier":"CA-QC"})"));
    EXPECT_EQ(ld["mainEntityOfPage"], json::parse(R"({"@type":"WebPage","url":"https://example.org/metier",
        "inLanguage":"fr","lastReviewed":"2022-01-16"})"));

    p.source = source("CA");
    EXPECT_EQ(jsonld_of(p)["occupationLocation"],
              json::parse(R"({"@type":"Country","name":"Canada","identifier":"CA"})"));
    p.source = source("XX");
    p.sections.clear();
    p.dates.clear();
    EXPECT_EQ(jsonld_of(p), json::parse(R"({"@context":"https://schema.org","@type":"Occupation"})"))
        << "no place, no page: nothing to say";
}

TEST(JsonLd, CategoriesNameTheirCodeSet) {
    const json categories = jsonld_of(rich_profile())["occupationalCategory"];
    EXPECT_EQ(categories, json::parse(R"([
        {"@type":"CategoryCode","codeValue":"32101","name":"Licensed practical nurses",
         "inCodeSet":{"@type":"CategoryCodeSet","name":"NOC 2021"}},
        {"@type":"CategoryCode","codeValue":"D233","inCodeSet":{"@type":"CategoryCodeSet","name":"NOC-S 2006"}},
        {"@type":"CategoryCode","codeValue":"32101.01","name":"Nurses & aides",
         "inCodeSet":{"@type":"CategoryCodeSet","name":"OaSIS 2023"}}])"))
        << "NAICS is an industry, not an occupation";
}

TEST(JsonLd, NothingInventedForAnySample) {
    expect_nothing_invented(rich_profile(), "rich profile");
    expect_nothing_invented(hostile_profile(), "hostile profile");
    for (const auto& file : sample_xml()) expect_nothing_invented(occkit::read_xml(read_file(file)), file.string());
}

TEST(JsonLd, NothingInventedForAnySharedPage) {
    OCCKIT_REQUIRE_SHARED(shared);
    for (const auto& page : shared_pages(shared))
        expect_nothing_invented(occkit::convert(read_file(page)).profile, page.string());
}

// ---------------------------------------------------------------------------------------------------------------
// The commands
// ---------------------------------------------------------------------------------------------------------------

TEST(ExportCli, PagesAreConvertedFirstAndCanonicalXmlIsRead) {
    const fs::path page = source_dir() / "samples/workbc/3219.html";
    const CliResult from_page = run_cli({"export", page.string()});
    ASSERT_EQ(from_page.exit_code, 0) << describe(from_page);
    const CliResult converted = run_cli({"convert", page.string()});
    ASSERT_EQ(converted.exit_code, 0) << describe(converted);
    EXPECT_EQ(from_page.out, occkit::write_json(occkit::read_xml(converted.out)));
    const CliResult from_stdin = run_cli({"export", "--format", "json", "-"}, converted.out);
    EXPECT_EQ(from_stdin.exit_code, 0) << describe(from_stdin);
    EXPECT_EQ(from_stdin.out, from_page.out);
    const CliResult page_on_stdin = run_cli({"export", "-"}, read_file(page));
    EXPECT_EQ(page_on_stdin.out, from_page.out) << describe(page_on_stdin);
}

TEST(ExportCli, ImportGivesBackByteIdenticalXml) {
    const fs::path dir = scratch_dir("cli-import");
    for (const auto& file : sample_xml()) {
        const fs::path json_file = dir / (file.stem().string() + ".json");
        const CliResult exported = run_cli({"export", file.string(), "-o", json_file.string()});
        ASSERT_EQ(exported.exit_code, 0) << describe(exported);
        const CliResult imported = run_cli({"import", json_file.string()});
        ASSERT_EQ(imported.exit_code, 0) << describe(imported);
        EXPECT_EQ(imported.out, read_file(file)) << file;
    }
    const fs::path xml_file = dir / "back.xml";
    const CliResult to_file = run_cli({"import", (dir / "2225.html.json").string(), "-o", xml_file.string()});
    EXPECT_EQ(to_file.exit_code, 0) << describe(to_file);
    EXPECT_EQ(read_file(xml_file), read_file(source_dir() / "samples/workbc/expected/2225.html.xml"));
}

TEST(ExportCli, NdjsonSkipsABadFileInTheMiddleWithoutBreakingTheStream) {
    const fs::path dir = scratch_dir("cli-ndjson-bad");
    const fs::path inputs = dir / "in";
    write_text(inputs / "a.xml",
               read_file(source_dir() / "samples/htns/expected/sleep-disorders-technologist.txt.xml"));
    write_text(inputs / "b.xml",
               "<?xml version=\"1.0\"?>\n<occupation xmlns=\"urn:occkit:occupation:1\" "
               "schemaVersion=\"1.0\">\n<source/>\n");
    write_text(inputs / "c.txt", read_file(source_dir() / "samples/generic/timber-frame-carpenter.txt"));
    write_text(inputs / "d.json", "{}");  // not an export input: skipped when found in a directory
    for (const std::string jobs : {"1", "3"}) {
        const CliResult r = run_cli({"export", "--format", "ndjson", "-j", jobs, "-q", inputs.string()});
        EXPECT_EQ(r.exit_code, 1) << describe(r);
        const auto lines = lines_of(r.out);
        ASSERT_EQ(lines.size(), 2u) << describe(r);
        EXPECT_EQ(json::parse(lines[0])["title"]["text"], "Sleep Disorders Technologist");
        EXPECT_EQ(json::parse(lines[1])["title"]["text"], "Timber Frame Carpenter");
        const auto errors = lines_of(r.err);
        ASSERT_EQ(errors.size(), 1u) << describe(r);
        EXPECT_TRUE(errors[0].starts_with("occkit: " + (inputs / "b.xml").string() + ": line 3: malformed XML"))
            << errors[0];
    }
    const fs::path out = dir / "all.ndjson";
    const CliResult to_file = run_cli({"export", "-f", "ndjson", "-q", inputs.string(), "-o", out.string()});
    EXPECT_EQ(to_file.exit_code, 1);
    EXPECT_EQ(lines_of(read_file(out)).size(), 2u);
    EXPECT_EQ(to_file.out, "");
}

TEST(ExportCli, NdjsonOfAStreamOfDocumentsOnStdin) {
    const std::string good_a =
        read_file(source_dir() / "samples/alis/expected/orthotic-and-prosthetic-technician.txt.xml");
    const std::string good_b = read_file(source_dir() / "samples/workbc/expected/2225.txt.xml");
    const std::string bad =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<occupation xmlns=\"urn:occkit:occupation:1\" "
        "schemaVersion=\"1.0\"><title>no source</title></occupation>\n";
    const CliResult r = run_cli({"export", "-f", "ndjson", "-"}, good_a + bad + good_b);
    EXPECT_EQ(r.exit_code, 1) << describe(r);
    const auto lines = lines_of(r.out);
    ASSERT_EQ(lines.size(), 2u) << describe(r);
    EXPECT_EQ(lines[0] + "\n", occkit::write_json(occkit::read_xml(good_a), occkit::JsonStyle::compact));
    EXPECT_EQ(lines[1] + "\n", occkit::write_json(occkit::read_xml(good_b), occkit::JsonStyle::compact));
    EXPECT_NE(r.err.find("occkit: -: document 2: line 2: <occupation> has no <source>"), std::string::npos) << r.err;

    // import turns NDJSON back into the same stream of canonical documents.
    const CliResult imported = run_cli({"import", "-"}, r.out);
    EXPECT_EQ(imported.exit_code, 0) << describe(imported);
    EXPECT_EQ(imported.out, good_a + good_b);
}

TEST(ExportCli, EveryCliOutputValidates) {
    const fs::path dir = scratch_dir("cli-schema");
    const CliResult stream = run_cli({"export", "-f", "ndjson", "-q", (source_dir() / "samples").string()});
    ASSERT_EQ(stream.exit_code, 0) << describe(stream);
    write_text(dir / "out/samples.ndjson", stream.out);
    const CliResult tree =
        run_cli({"export", "-q", (source_dir() / "samples").string(), "-o", (dir / "out/tree").string()});
    ASSERT_EQ(tree.exit_code, 0) << describe(tree);
    const std::size_t inputs = sample_pages().size() + sample_xml().size();
    EXPECT_EQ(lines_of(stream.out).size(), inputs);
    EXPECT_EQ(files_below(dir / "out/tree", {".json"}).size(), inputs);
    EXPECT_TRUE(fs::exists(dir / "out/tree/workbc/3219.html.json")) << "page and its XML keep apart";
    EXPECT_TRUE(fs::exists(dir / "out/tree/workbc/expected/3219.html.json"));
    expect_schema_valid(dir / "out", 2 * inputs);
}

TEST(ExportCli, JsonLdOfAPageWithItsUrl) {
    const CliResult r = run_cli({"export", "--format", "jsonld", "--url", "https://example.org/timber",
                                 (source_dir() / "samples/generic/timber-frame-carpenter.html").string()});
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    const json ld = json::parse(r.out);
    EXPECT_EQ(ld["@type"], "Occupation");
    EXPECT_EQ(ld["name"], "Timber Frame Carpenter");
    EXPECT_EQ(ld["mainEntityOfPage"]["url"], "https://example.org/timber");
    EXPECT_EQ(ld["mainEntityOfPage"]["lastReviewed"], "2023-06-03");
}

TEST(ExportCli, UsageAndInputErrors) {
    const fs::path dir = scratch_dir("cli-errors");
    const CliResult several = run_cli({"export", (source_dir() / "samples/workbc").string()});
    EXPECT_EQ(several.exit_code, 2) << describe(several);
    EXPECT_NE(several.err.find("-o DIR"), std::string::npos);
    EXPECT_EQ(run_cli({"export", "--format", "yaml", "x.xml"}).exit_code, 2);

    // A file named .xml is canonical XML: a broken one is an error, never taken for a page and converted.
    write_text(dir / "page.xml", "<html><body><h1>Not canonical</h1></body></html>");
    const CliResult not_canonical = run_cli({"export", "-f", "ndjson", (dir / "page.xml").string()});
    EXPECT_EQ(not_canonical.exit_code, 1);
    EXPECT_EQ(not_canonical.out, "");
    EXPECT_NE(not_canonical.err.find("page.xml: line 1: root element is <html>, expected <occupation>"),
              std::string::npos)
        << not_canonical.err;

    write_text(dir / "bad.json", "{\"schemaVersion\": \"1.0\",\n \"source\": 7}");
    const CliResult bad = run_cli({"import", (dir / "bad.json").string(), "-o", (dir / "bad.xml").string()});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_EQ(bad.err, "occkit: " + (dir / "bad.json").string() + ": /source: expected an object, found number\n");
    EXPECT_FALSE(fs::exists(dir / "bad.xml")) << "no output for an input that failed";

    write_text(dir / "two.ndjson", occkit::write_json(small_profile(), occkit::JsonStyle::compact) + "{]\n");
    const CliResult partly = run_cli({"import", (dir / "two.ndjson").string()});
    EXPECT_EQ(partly.exit_code, 1);
    EXPECT_EQ(partly.out, occkit::write_xml(small_profile()));
    EXPECT_NE(partly.err.find("two.ndjson: line 2: line 1, column 2: malformed JSON"), std::string::npos) << partly.err;

    const CliResult two_in_json = run_cli({"export", "-"}, occkit::write_xml(small_profile()) + occkit::write_xml({}));
    EXPECT_EQ(two_in_json.exit_code, 1);
    EXPECT_NE(two_in_json.err.find("holds 2 documents; --format ndjson"), std::string::npos) << two_in_json.err;
    EXPECT_EQ(two_in_json.out, "");
}
