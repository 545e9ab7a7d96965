// The body of every fuzz target, in one header shared by the libFuzzer programs (fuzz/fuzz_target.cpp) and by
// tests/test_regressions.cpp, which replays every input a fuzzer once failed on (tests/regressions/<target>/).
//
// A target must return normally for any bytes at all. occkit::Error is the library's answer to bad input and is
// expected; anything else escaping (another exception type, including Broken below for a violated invariant) is a
// finding, and so is whatever the sanitizers catch. The invariants checked are the ones the rest of occkit relies
// on: what the converter writes is schema-valid canonical XML, and canonical XML survives a read/write round trip
// byte for byte.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "occkit/convert.hpp"
#include "occkit/dates.hpp"
#include "occkit/error.hpp"
#include "occkit/layout.hpp"
#include "occkit/validate.hpp"
#include "occkit/wages.hpp"
#include "occkit/xml.hpp"

// diff is fuzzed once the library has it.
#if __has_include("occkit/diff.hpp")
#include "occkit/diff.hpp"
#define OCCKIT_FUZZ_HAVE_DIFF 1
#endif

// The web-archive record splitter is fuzzed once the library has it.
#if __has_include("occkit/warc.hpp")
#include "occkit/warc.hpp"
#define OCCKIT_FUZZ_HAVE_WARC 1
#endif

namespace occkit::fuzz {

// An invariant the library promises did not hold: a bug, never an input error.
class Broken : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

inline void expect(bool condition, const std::string& what) {
    if (!condition) throw Broken(what);
}

inline const SchemaValidator& occupation_schema() {
    static const SchemaValidator validator;
    return validator;
}

// Canonical XML read back and written again gives the same bytes.
inline void expect_stable_round_trip(const std::string& xml) {
    Profile again;
    try {
        again = read_xml(xml);
    } catch (const Error& e) {
        throw Broken(std::string("read_xml rejects what write_xml wrote: ") + e.what());
    }
    expect(write_xml(again) == xml, "write_xml(read_xml(xml)) differs from xml");
}

// What the converter writes must be schema-valid and stable.
inline void expect_canonical(const Profile& profile) {
    std::string xml = write_xml(profile);
    std::vector<SchemaIssue> issues = occupation_schema().validate(xml);
    expect(issues.empty(),
           "converter output is not schema-valid: line " +
               (issues.empty() ? std::string() : std::to_string(issues[0].line) + ": " + issues[0].message));
    expect_stable_round_trip(xml);
}

inline void convert_page(std::string_view bytes, InputFormat format) {
    ConvertOptions options;
    options.format = format;
    try {
        expect_canonical(convert(bytes, options).profile);
    } catch (const Error&) {
        // undecodable, binary, too deep: a clean refusal
    }
}

// decode + blocks + layouts + XML writer, for bytes read as an HTML page.
inline void html_page(std::string_view bytes) { convert_page(bytes, InputFormat::html); }

// The same for bytes read as a text dump.
inline void text_page(std::string_view bytes) { convert_page(bytes, InputFormat::text); }

// The canonical XML reader (what validate, stale, diff and export read with) and the libxml2 XSD validator.
inline void canonical_xml(std::string_view bytes) {
    (void)occupation_schema().validate(bytes);
    std::string written;
    try {
        written = write_xml(read_xml(bytes));
    } catch (const Error&) {
        return;
    }
    expect_stable_round_trip(written);
}

// One verdict on canonical XML: for any bytes, `validate` reports not-well-formed or schema exactly when read_xml
// (what stale, diff and export read with) refuses them.
inline void xml_verdict(std::string_view bytes) {
    static const Validator validator{ValidatorOptions{}};
    bool validate_refuses = false;
    for (const Finding& f : validator.validate_xml(bytes, "fuzz.xml"))
        validate_refuses = validate_refuses || f.rule == "not-well-formed" || f.rule == "schema";
    std::string reader_error;
    try {
        (void)read_xml(bytes);
    } catch (const Error& e) {
        reader_error = e.what();
    }
    expect(validate_refuses == !reader_error.empty(),
           validate_refuses ? "validate refuses a document read_xml reads"
                            : "read_xml refuses a document validate passes: " + reader_error);
}

// A small page with something for every kind of layout rule, to run a fuzzed layout on.
inline constexpr std::string_view layout_probe_text =
    "Orchard Technician\n"
    "Also Known As:Fruit Grower, Picker\n"
    "NOC Number(s):8252.1\n"
    "Duties\n"
    "  \xE2\x80\xA2 Prune trees\n"
    "  \xE2\x80\xA2 Pick fruit | $21.40 | an hour\n"
    "Section revised March 2012\n"
    "\n\n"
    "Wages are $21.40 to $27.90 an hour (2010).\n"
    "Updated Mar 31, 2024\n"
    "Produced July 2010\n";

inline constexpr std::string_view layout_probe_html =
    "<!DOCTYPE html><html lang=\"en\"><head><title>Orchard Technician | Careers</title></head><body>"
    "<h1>Orchard Technician</h1><p><strong>Also Known As:</strong> Fruit Grower</p>"
    "<h2>Duties</h2><ul><li>Prune trees</li><li>Pick fruit</li></ul><p>Section revised March 2012</p>"
    "<table><tr><td>Starting</td><td>$21.40</td></tr></table><dl><dt>Outlook</dt><dd>Good</dd></dl>"
    "</body></html>";

// The layout-file loader (schema check, then the rules), and the loaded layout applied to a probe page.
inline void layout_file(std::string_view bytes) {
    LayoutSet set;
    try {
        set.add_xml(bytes, "fuzz-layout.xml");
    } catch (const Error&) {
        return;
    }
    expect(set.layouts().size() == 1, "a loaded layout file did not give exactly one layout");
    ConvertOptions options;
    options.layouts = &set;
    options.layout = set.layouts().front().id();
    for (auto [page, format] :
         {std::pair{layout_probe_text, InputFormat::text}, {layout_probe_html, InputFormat::html}}) {
        options.format = format;
        try {
            // A user's layout may name section kinds or code versions outside the schema's vocabulary; readers
            // refuse such output as validate does, so the round trip is promised for schema-valid output only.
            std::string xml = write_xml(convert(page, options).profile);
            if (occupation_schema().validate(xml).empty()) expect_stable_round_trip(xml);
        } catch (const Error&) {
        }
    }
}

// The date-phrase parser: every finder on the same text, and the ISO form of what it finds read back.
inline void date_phrases(std::string_view bytes) {
    if (std::optional<CalendarDate> date = find_date(bytes)) {
        std::optional<CalendarDate> back = parse_iso_date(date->iso());
        expect(back && back->iso() == date->iso(), "parse_iso_date(find_date(x).iso()) does not give the date back");
    }
    for (const DatePhrase& phrase : find_date_phrases(bytes)) {
        std::optional<CalendarDate> back = parse_iso_date(phrase.date.iso());
        expect(back && back->iso() == phrase.date.iso(), "a date phrase's ISO value does not parse back");
    }
    (void)find_date_phrase(bytes);
    (void)looks_like_date_phrase(bytes);
    if (std::optional<CalendarDate> iso = parse_iso_date(bytes)) (void)months_between(*iso, CalendarDate{2024, 3, 31});
}

// The wage-phrase parser (it runs on every line, beside the date finder).
inline void wage_phrases(std::string_view bytes) {
    (void)parse_amount(bytes);
    (void)mentions_money(bytes);
    std::size_t cut = bytes.empty() ? 0 : static_cast<unsigned char>(bytes[0]) % (bytes.size() + 1);
    (void)find_wages(bytes.substr(cut), bytes.substr(0, cut));
}

#ifdef OCCKIT_FUZZ_HAVE_DIFF
// Splits a diff input into its two documents at the first ASCII record separator (0x1E); without one, the input is
// diffed against itself.
inline constexpr char diff_separator = '\x1E';

// read_profile (canonical XML or a page) on both sides, the diff and its three reports. A profile diffed against
// itself is identical and reports nothing.
inline void diff_inputs(std::string_view bytes) {
    std::size_t cut = bytes.find(diff_separator);
    std::string_view old_bytes = bytes.substr(0, cut);
    std::string_view new_bytes = cut == std::string_view::npos ? bytes : bytes.substr(cut + 1);
    Profile old_profile, new_profile;
    try {
        old_profile = read_profile(old_bytes);
        new_profile = read_profile(new_bytes);
    } catch (const Error&) {
        return;
    }
    ProfileDiff diff = diff_profiles(old_profile, new_profile);
    (void)write_diff_text(diff, {"old", "new", true});
    (void)write_diff_stat(diff);
    (void)write_diff_json(diff);
    (void)write_profile_text(new_profile);
    ProfileDiff same = diff_profiles(old_profile, old_profile);
    expect(same.identical(), "a profile diffed against itself is not identical");
    expect(write_diff_text(same).empty(), "a profile diffed against itself reports changes");
}
#endif

#ifdef OCCKIT_FUZZ_HAVE_WARC
// The WARC reader (libarchive's decompression, our record framing, the HTTP header split, the charset
// conversion) on bytes as an archive, with the default record limit and with a small one (the skipping path).
// Records come in archive order: each page or problem starts after the one before (offsets in the decompressed
// stream; -1 only for a read error, after which nothing is read).
inline void warc_records(std::string_view bytes) {
    for (std::size_t limit : {default_max_input_bytes, std::size_t{256}}) {
        std::int64_t last = -1;
        bool ended = false;
        auto at = [&](std::int64_t offset, const char* what) {
            expect(!ended, std::string(what) + " after a read error");
            expect(offset >= last, std::string(what) + " offset goes backwards");
            last = offset;
        };
        auto on_page = [&](WarcPage& page) {
            at(page.offset, "page");
            expect(page.timestamp.size() == 14, "a timestamp that is not YYYYMMDDhhmmss");
            expect(page.body.size() <= 4 * limit + 3, "a page body far over the record limit");
        };
        auto on_problem = [&](const WarcProblem& problem) {
            if (problem.offset == -1)
                ended = true;
            else
                at(problem.offset, "problem");
        };
        try {
            read_warc_bytes(bytes, "fuzz.warc", on_page, on_problem, limit);
        } catch (const Error&) {
            // not a web archive at all: a clean refusal
        }
    }
}
#endif

struct Target {
    std::string_view name;
    void (*run)(std::string_view bytes);
};

// Every target, by the name used for its fuzzer (occkit_fuzz_<name>) and its regression directory.
inline const std::vector<Target>& targets() {
    static const std::vector<Target> all = {
        {"html", html_page},     {"text", text_page},     {"xml", canonical_xml},   {"layout", layout_file},
        {"dates", date_phrases}, {"wages", wage_phrases}, {"verdict", xml_verdict},
#ifdef OCCKIT_FUZZ_HAVE_DIFF
        {"diff", diff_inputs},
#endif
#ifdef OCCKIT_FUZZ_HAVE_WARC
        {"warc", warc_records},
#endif
    };
    return all;
}

}  // namespace occkit::fuzz
