// Complexity check: each stage run on an input and on the same input doubled, printing the time ratio, which
// stays near 2 for linear work (4 would be quadratic). Hostile shapes the fuzz targets' 16 KiB cap hides: many
// lines, headings, wages on one line, codes, a line the built-in regexes could backtrack on, attributes, sections, and
// the diff of a large pair. A plain program (not Google Benchmark): one table, best CPU time of 3 runs per size.
//   build/bench/occkit_complexity_bench [--quick] [--write-diff-pair DIR MB]
// --write-diff-pair writes old.xml and new.xml (a synthetic pair of about MB megabytes, 5% of items edited) to DIR
// for timing `occkit diff` itself. Exit status 1 when a ratio passes 3.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "occkit/convert.hpp"
#include "occkit/diff.hpp"
#include "occkit/error.hpp"
#include "occkit/xml.hpp"

namespace {

// A sentence of `words` made-up words, the same for the same seed.
std::string sentence(std::mt19937& random, int words) {
    static const char* vocabulary[] = {"duties", "team",   "plans",  "care",   "site", "work",  "skills", "tools",
                                       "client", "report", "safety", "review", "data", "field", "role"};
    std::string s;
    for (int w = 0; w < words; ++w) s += (w ? " " : "") + std::string(vocabulary[random() % 15]);
    return s + ".";
}

std::string text_lines(int n) {
    std::mt19937 random(1);
    std::string page = "Synthetic Occupation\n\n";
    for (int i = 0; i < n; ++i) page += sentence(random, 12) + "\n";
    return page;
}

std::string html_headings(int n) {
    std::mt19937 random(2);
    std::string page = "<html><body><h1>Synthetic Occupation</h1>\n";
    for (int i = 0; i < n; ++i)
        page += "<h2>Heading " + std::to_string(i) + "</h2><p>" + sentence(random, 10) + "</p>\n";
    return page + "</body></html>\n";
}

std::string wages_line(int n) {
    std::string line = "Synthetic Occupation\n\nWages: ";
    for (int i = 0; i < n; ++i) line += "$" + std::to_string(20 + i % 70) + "," + std::to_string(100 + i % 900) + " ";
    return line + "\n";
}

// A text page of "NOC 2021: 72310" lines, every code another: adding a code once looked through all the others.
std::string code_lines(int n) {
    std::string page = "Synthetic Occupation\n\n";
    for (int i = 0; i < n; ++i) page += "NOC 2021: " + std::to_string(10000 + i) + "\n";
    return page;
}

// A first line of "[]" pairs ending in a stray character: the repeated-text furniture check once backtracked here.
std::string brackets_line(int n) {
    std::string line;
    for (int i = 0; i < n; ++i) line += "[]";
    return line + "[x\n";
}

// Elements of 500 attributes each (under the cap): the parser's per-tag cost is bounded, so pages grow linearly.
std::string attribute_elements(int n) {
    std::string page = "<html><body><h1>Synthetic Occupation</h1>\n";
    for (int e = 0; e < n; ++e) {
        page += "<p";
        for (int a = 0; a < 500; ++a) page += " a" + std::to_string(a) + "=v";
        page += ">text</p>\n";
    }
    return page + "</body></html>\n";
}

// One element with n attributes: over the cap, refused by the pre-scan in time linear in n.
std::string attributes_one_element(int n) {
    std::string page = "<html><body><h1>Synthetic Occupation</h1><p";
    for (int a = 0; a < n; ++a) page += " a" + std::to_string(a) + "=v";
    return page + ">text</p></body></html>\n";
}

void convert_page(const std::string& page) {
    try {
        occkit::ConvertOptions options;
        options.explain = false;
        occkit::convert(page, options);
    } catch (const occkit::Error&) {  // a refused page (the attribute cap) is a result too
    }
}

// A profile of `sections` sections of kind "other" (each a paragraph and a list), and a copy with 5% edited.
std::pair<occkit::Profile, occkit::Profile> profile_pair(int sections) {
    std::mt19937 random(3);
    occkit::Profile a;
    a.title = occkit::Line{"Synthetic Occupation", 1};
    int line = 2;
    for (int i = 0; i < sections; ++i) {
        occkit::Section s;
        s.kind = "other";
        s.heading = "Heading " + std::to_string(i) + " " + sentence(random, 2);
        s.line = line++;
        occkit::Content paragraph;
        paragraph.paragraph = {sentence(random, 20), line++};
        occkit::Content list;
        list.kind = occkit::Content::Kind::list;
        for (int k = 0; k < 4; ++k) list.items.push_back({sentence(random, 12), 1, line++});
        s.content = {paragraph, list};
        a.sections.push_back(std::move(s));
    }
    occkit::Profile b = a;
    for (auto& s : b.sections) {
        if (random() % 20 == 0) s.content[0].paragraph.text = sentence(random, 20);
        if (random() % 20 == 0) s.content[1].items[1].text = sentence(random, 12);
        if (random() % 50 == 0) s.heading += " edited";
    }
    return {std::move(a), std::move(b)};
}

// CPU seconds of the process (best of `repeats`): on a machine shared with builds, wall time is mostly waiting.
double seconds_of(const std::function<void()>& run, int repeats) {
    double best = 1e9;
    for (int r = 0; r < repeats; ++r) {
        std::clock_t start = std::clock();
        run();
        best = std::min(best, static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC);
    }
    return best;
}

struct Case {
    const char* name;
    int n;  // the smaller size, in the case's unit
    const char* unit;
    std::function<std::function<void()>(int)> prepare;  // input of size n, ready to run
};

std::function<void()> converting(std::string (*page)(int), int n) {
    auto bytes = std::make_shared<std::string>(page(n));
    return [bytes] { convert_page(*bytes); };
}

std::function<void()> diffing(int sections) {
    auto pair = std::make_shared<std::pair<occkit::Profile, occkit::Profile>>(profile_pair(sections));
    return [pair] { occkit::diff_profiles(pair->first, pair->second); };
}

std::function<void()> diffing_xml(int sections) {
    auto pair = profile_pair(sections);
    auto xml = std::make_shared<std::pair<std::string, std::string>>(occkit::write_xml(pair.first),
                                                                     occkit::write_xml(pair.second));
    return [xml] { occkit::diff_profiles(occkit::read_xml(xml->first), occkit::read_xml(xml->second)); };
}

int write_diff_pair(const std::filesystem::path& dir, double megabytes) {
    // About 700 bytes of canonical XML per section.
    auto pair = profile_pair(static_cast<int>(megabytes * 1e6 / 700));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "old.xml", std::ios::binary) << occkit::write_xml(pair.first);
    std::ofstream(dir / "new.xml", std::ios::binary) << occkit::write_xml(pair.second);
    std::printf("%s: %ju bytes\n", (dir / "old.xml").c_str(),
                static_cast<std::uintmax_t>(std::filesystem::file_size(dir / "old.xml")));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::strcmp(argv[1], "--write-diff-pair") == 0)
        return write_diff_pair(argv[2], std::atof(argv[3]));
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const int scale = quick ? 1 : 4;
    const std::vector<Case> cases = {
        {"text lines", 5000 * scale, "lines", [](int n) { return converting(text_lines, n); }},
        {"html headings", 2000 * scale, "headings", [](int n) { return converting(html_headings, n); }},
        {"wages on one line", 2000 * scale, "wages", [](int n) { return converting(wages_line, n); }},
        {"codes, one a line", 2000 * scale, "codes", [](int n) { return converting(code_lines, n); }},
        {"[] on the first line", 5000 * scale, "pairs", [](int n) { return converting(brackets_line, n); }},
        {"elements of 500 attributes", 20 * scale, "elements", [](int n) { return converting(attribute_elements, n); }},
        {"attributes on one element", 50000 * scale, "attributes",
         [](int n) { return converting(attributes_one_element, n); }},
        {"diff (profiles)", 2000 * scale, "sections", [](int n) { return diffing(n); }},
        {"diff (from XML)", 2000 * scale, "sections", [](int n) { return diffing_xml(n); }},
    };
    std::printf("%-28s %10s %-10s %10s %10s %6s\n", "case", "n", "unit", "cpu(n) s", "cpu(2n) s", "ratio");
    bool superlinear = false;
    for (const auto& c : cases) {
        double small = seconds_of(c.prepare(c.n), 3);
        double large = seconds_of(c.prepare(2 * c.n), 3);
        double ratio = large / std::max(small, 1e-9);
        superlinear = superlinear || ratio > 3;
        std::printf("%-28s %10d %-10s %10.4f %10.4f %6.2f%s\n", c.name, c.n, c.unit, small, large, ratio,
                    ratio > 3 ? "  SUPERLINEAR" : "");
        std::fflush(stdout);
    }
    return superlinear ? 1 : 0;
}
