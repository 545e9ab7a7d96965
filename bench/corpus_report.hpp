// The corpus report: every page of ../shared/corpus converted, per site layout: pages, failures, detection
// accuracy, and the share of the page's content that ended up unmapped (or only in sections of kind "other");
// then the same pages through the generic layout, compared with what their dedicated layout finds.
// Shared by bench/corpus_report_bench.cpp (prints the tables) and tests/test_layouts_corpus.cpp (asserts on them).
//
// Definitions. Content characters: the text (UTF-8 bytes) of every block of the page that was not placed as chrome
// (the title, fields, headings and content). Unmapped share: content characters of blocks placed "unmapped" over all
// content characters. Other share: characters of content placed in sections of kind "other". A failure: the
// conversion threw, or its XML is not valid against schemas/occupation.xsd.
#pragma once

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "occkit/convert.hpp"
#include "occkit/xml.hpp"

namespace occkit::corpus {

namespace fs = std::filesystem;

// The layout a corpus page should be detected as, from its file name (see pages/MANIFEST.tsv: the prefix names
// the site). nativehealthcareers has a single page in the corpus and no layout of its own: generic.
inline std::string expected_layout(const fs::path& page) {
    static const std::vector<std::pair<std::string, std::string>> prefixes = {
        {"alis-old-", "alis-2010"},
        {"alis-", "alis"},
        {"htns-", "htns"},
        {"workbc-", "workbc"},
        {"explorecareers-", "explorecareers-ns"},
        {"careersns-", "careers-ns"},
        {"hcsc-", "hcsc"},
        {"nativehealthcareers-", "generic"},
        {"tradesecrets-", "tradesecrets"},
        {"jobbank-", "jobbank"},
        {"guichetemplois-", "guichet-emplois"},
        {"noc-careerhandbook-", "noc-handbook"},
        {"redseal-", "redseal"},
        {"imt-", "imt-qc"},
    };
    if (page.extension() == ".html" && page.parent_path().parent_path().filename() == "workbc") return "workbc";
    std::string name = page.filename().string();
    for (const auto& [prefix, layout] : prefixes)
        if (name.starts_with(prefix)) return layout;
    return "generic";
}

inline std::vector<fs::path> corpus_pages(const fs::path& corpus) {
    return occkit::bench::files_below(corpus, {".txt", ".html"});
}

using occkit::bench::read_bytes;

// "section 2.1 other" -> "other"; "" for placements that are not section content.
inline std::string content_kind(const std::string& where) {
    if (!where.starts_with("section ") || where.find("(heading)") != std::string::npos) return {};
    std::istringstream in(where);
    std::string word, number, kind;
    in >> word >> number >> kind;
    return kind;
}

struct PageResult {
    fs::path page;
    std::string expected, detected;
    bool failed = false;
    std::string error;
    std::size_t content_chars = 0, unmapped_chars = 0, other_chars = 0;
    Profile profile;
};

inline PageResult convert_page(const fs::path& page, const std::string& bytes, const std::string& layout = {}) {
    static const SchemaValidator validator;
    PageResult r;
    r.page = page;
    r.expected = expected_layout(page);
    try {
        ConvertOptions options;
        options.layout = layout;
        Conversion c = convert(bytes, options);
        r.detected = c.detection.layout;
        for (const auto& pl : c.placements) {
            if (pl.where == "chrome") continue;
            std::size_t n = pl.text.size();
            r.content_chars += n;
            if (pl.where == "unmapped") r.unmapped_chars += n;
            if (content_kind(pl.where) == "other") r.other_chars += n;
        }
        auto issues = validator.validate(write_xml(c.profile));
        if (!issues.empty()) {
            r.failed = true;
            r.error = "invalid XML: " + issues[0].message;
        }
        r.profile = std::move(c.profile);
    } catch (const std::exception& e) {
        r.failed = true;
        r.error = e.what();
    }
    return r;
}

// What a profile found, as sets to compare the generic layout's reading with the dedicated one's.
struct Findings {
    std::string title;
    std::set<std::string> codes, section_kinds, wages, dates;
};

// A wage as a reader would check it: measure, period and amount ("minimum hour 23.65").
inline std::string wage_key(const Wage& w) {
    return std::string(to_string(w.measure)) + " " + std::string(to_string(w.per)) + " " +
           std::to_string(w.value.value_or(w.min.value_or(0))) + "-" + std::to_string(w.max.value_or(0));
}

inline void collect_sections(const std::vector<Section>& sections, Findings& f) {
    for (const auto& s : sections) {
        if (s.kind != "other") f.section_kinds.insert(s.kind);
        for (const auto& w : s.wages) f.wages.insert(wage_key(w));
        for (const auto& d : s.dates) f.dates.insert(std::string(to_string(d.kind)) + " " + d.value);
        collect_sections(s.subsections, f);
    }
}

inline Findings findings_of(const Profile& p) {
    Findings f;
    f.title = p.title ? p.title->text : "";
    for (const auto& c : p.codes) f.codes.insert(c.scheme + " " + c.value);
    for (const auto& w : p.wages) f.wages.insert(wage_key(w));
    for (const auto& d : p.dates) f.dates.insert(std::string(to_string(d.kind)) + " " + d.value);
    collect_sections(p.sections, f);
    return f;
}

// Found by both over found by the dedicated layout; pages where the dedicated one finds nothing do not count.
struct Recall {
    std::size_t found = 0, wanted = 0;
    void add(const std::set<std::string>& generic, const std::set<std::string>& dedicated) {
        wanted += dedicated.size();
        for (const auto& x : dedicated) found += generic.count(x);
    }
    std::string text() const {
        if (wanted == 0) return "-";
        std::ostringstream o;
        o << std::fixed << std::setprecision(0) << 100.0 * static_cast<double>(found) / static_cast<double>(wanted)
          << "%";
        return o.str();
    }
};

struct LayoutRow {
    std::size_t pages = 0, failures = 0, detected_right = 0;
    std::size_t content_chars = 0, unmapped_chars = 0, other_chars = 0;
    // the same pages through the generic layout
    std::size_t generic_content = 0, generic_unmapped = 0, generic_other = 0, same_title = 0;
    Recall codes, kinds, wages, dates;

    LayoutRow& operator+=(const LayoutRow& r) {
        for (auto [mine, theirs] : {std::pair{&pages, &r.pages},
                                    {&failures, &r.failures},
                                    {&detected_right, &r.detected_right},
                                    {&content_chars, &r.content_chars},
                                    {&unmapped_chars, &r.unmapped_chars},
                                    {&other_chars, &r.other_chars},
                                    {&generic_content, &r.generic_content},
                                    {&generic_unmapped, &r.generic_unmapped},
                                    {&generic_other, &r.generic_other},
                                    {&same_title, &r.same_title}})
            *mine += *theirs;
        for (auto [mine, theirs] :
             {std::pair{&codes, &r.codes}, {&kinds, &r.kinds}, {&wages, &r.wages}, {&dates, &r.dates}}) {
            mine->found += theirs->found;
            mine->wanted += theirs->wanted;
        }
        return *this;
    }
};

struct Report {
    std::map<std::string, LayoutRow> rows;
    std::vector<PageResult> failures;
    std::vector<PageResult> misdetected;
    double seconds = 0;

    LayoutRow total() const {
        LayoutRow t;
        for (const auto& [id, r] : rows) t += r;
        return t;
    }
};

inline Report build_report(const fs::path& corpus) {
    Report report;
    auto start = std::chrono::steady_clock::now();
    for (const auto& page : corpus_pages(corpus)) {
        std::string bytes = read_bytes(page);
        PageResult dedicated = convert_page(page, bytes);
        LayoutRow& row = report.rows[dedicated.expected];
        ++row.pages;
        if (dedicated.failed) {
            ++row.failures;
            report.failures.push_back(dedicated);
            continue;
        }
        if (dedicated.detected == dedicated.expected)
            ++row.detected_right;
        else
            report.misdetected.push_back(dedicated);
        row.content_chars += dedicated.content_chars;
        row.unmapped_chars += dedicated.unmapped_chars;
        row.other_chars += dedicated.other_chars;

        PageResult generic = convert_page(page, bytes, "generic");
        if (generic.failed) {
            ++row.failures;
            report.failures.push_back(generic);
            continue;
        }
        row.generic_content += generic.content_chars;
        row.generic_unmapped += generic.unmapped_chars;
        row.generic_other += generic.other_chars;
        Findings want = findings_of(dedicated.profile), got = findings_of(generic.profile);
        row.same_title += want.title == got.title;
        row.codes.add(got.codes, want.codes);
        row.kinds.add(got.section_kinds, want.section_kinds);
        row.wages.add(got.wages, want.wages);
        row.dates.add(got.dates, want.dates);
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

inline std::string percent(std::size_t part, std::size_t whole) {
    std::ostringstream o;
    o << std::fixed << std::setprecision(1)
      << (whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0) << "%";
    return o.str();
}

inline std::string format_report(const Report& report) {
    std::ostringstream o;
    auto line = [&](const std::string& id, const LayoutRow& r) {
        o << "| " << std::left << std::setw(18) << id << std::right << " | " << std::setw(5) << r.pages << " | "
          << std::setw(8) << r.failures << " | " << std::setw(9) << percent(r.detected_right, r.pages) << " | "
          << std::setw(8) << percent(r.unmapped_chars, r.content_chars) << " | " << std::setw(6)
          << percent(r.other_chars, r.content_chars) << " |\n";
    };
    o << "| layout             | pages | failures | detection | unmapped |  other |\n"
      << "| ---                |   --: |      --: |       --: |      --: |    --: |\n";
    for (const auto& [id, r] : report.rows) line(id, r);
    line("all", report.total());

    o << "\nThe same pages through the generic layout (recall: what the dedicated layout found that generic also "
         "found)\n\n"
      << "| layout             | same title | codes | section kinds | wages | dates | unmapped |  other |\n"
      << "| ---                |        --: |   --: |           --: |   --: |   --: |      --: |    --: |\n";
    auto generic_line = [&](const std::string& id, const LayoutRow& r) {
        o << "| " << std::left << std::setw(18) << id << std::right << " | " << std::setw(10)
          << percent(r.same_title, r.pages - r.failures) << " | " << std::setw(5) << r.codes.text() << " | "
          << std::setw(13) << r.kinds.text() << " | " << std::setw(5) << r.wages.text() << " | " << std::setw(5)
          << r.dates.text() << " | " << std::setw(8) << percent(r.generic_unmapped, r.generic_content) << " | "
          << std::setw(6) << percent(r.generic_other, r.generic_content) << " |\n";
    };
    for (const auto& [id, r] : report.rows)
        if (id != "generic") generic_line(id, r);
    LayoutRow dedicated_total;
    for (const auto& [id, r] : report.rows)
        if (id != "generic") dedicated_total += r;
    generic_line("all dedicated", dedicated_total);

    for (const auto& f : report.failures) o << "\nFAILED " << f.page.string() << ": " << f.error;
    for (const auto& m : report.misdetected)
        o << "\nMISDETECTED " << m.page.string() << ": " << m.detected << " (expected " << m.expected << ")";
    o << "\n" << std::fixed << std::setprecision(2) << report.seconds << " s\n";
    return o.str();
}

}  // namespace occkit::corpus
