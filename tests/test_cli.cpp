// The `occkit` program as a user runs it: options, exit codes, what goes to stdout, stderr and files, batches with
// bad inputs, output-directory mirroring, user layouts, and no debris left behind.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "occkit/layout.hpp"
#include "testing.hpp"

namespace {

using occkit::testing::contains;
using occkit::testing::lines_of;
using occkit::testing::sample_pages;
using occkit::testing::write_text;

namespace fs = std::filesystem;
using occkit::testing::CliResult;
using occkit::testing::read_file;
using occkit::testing::run_cli;
using occkit::testing::scratch_dir;
using occkit::testing::source_dir;
using occkit::testing::xsd_problems;

// --- pages written by the tests ---

// A plain-text page that matches no site layout (so the generic layout is used). Line numbers matter to --explain:
// line 1 chrome, line 3 the title, line 5 a heading.
const char* const kTextPage =
    "Skip to main content\n"
    "\n"
    "Glassblowing Technician\n"
    "\n"
    "Duties\n"
    "\n"
    "Glassblowing technicians shape molten glass into laboratory apparatus and scientific instruments.\n"
    "\n"
    "Working Conditions\n"
    "\n"
    "Most work happens in a university or hospital workshop, near hot lamps and annealing ovens.\n"
    "\n"
    "Education\n"
    "\n"
    "A two-year diploma in scientific glassblowing is usual.\n";
const char* const kTextTitle = "Glassblowing Technician";

const char* const kHtmlPage =
    "<!DOCTYPE html>\n"
    "<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ceramic Kiln Operator</title></head>\n"
    "<body>\n"
    "<h1>Ceramic Kiln Operator</h1>\n"
    "<h2>Duties</h2>\n"
    "<ul><li>load kilns with greenware</li><li>monitor firing temperatures</li></ul>\n"
    "<h2>Working Conditions</h2>\n"
    "<p>Kiln operators work on hot, dusty plant floors, often on rotating shifts.</p>\n"
    "</body></html>\n";
const char* const kHtmlTitle = "Ceramic Kiln Operator";

// Bytes no decoder should take for a page: NULs and control bytes throughout.
std::string garbage_bytes() {
    std::string data;
    for (int i = 0; i < 4096; ++i) data.push_back(static_cast<char>((i * 37 + 11) % 7 == 0 ? 0 : (i * 131) % 256));
    return data;
}

// A user layout: recognised by the "Acme Careers Portal" banner, which is also chrome; "Daily Work" is its name for
// the duties section (a heading the generic vocabulary does not know).
const char* const kUserLayout =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<layout xmlns=\"urn:occkit:layout:1\" id=\"acme-careers\" name=\"Acme careers test layout\" jurisdiction=\"ON\"\n"
    "        language=\"en\">\n"
    "  <detect threshold=\"3\">\n"
    "    <signature weight=\"5\">Acme Careers Portal</signature>\n"
    "  </detect>\n"
    "  <title from=\"first-line\"/>\n"
    "  <chrome>\n"
    "    <line>Acme Careers Portal</line>\n"
    "  </chrome>\n"
    "  <headings>\n"
    "    <heading kind=\"duties\">Daily Work</heading>\n"
    "  </headings>\n"
    "</layout>\n";

const char* const kUserLayoutPage =
    "Bell Foundry Worker\n"
    "\n"
    "Daily Work\n"
    "\n"
    "Bell foundry workers build moulds, pour bronze and tune the finished bells.\n"
    "\n"
    "Acme Careers Portal\n";  // at the foot: only the layout knows it is chrome

// --- helpers ---

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(s);
    while (std::getline(in, part, sep)) parts.push_back(part);
    return parts;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }
// Every regular file below `dir`, as sorted generic paths relative to it (all names, hidden ones included).
std::vector<std::string> tree_of(const fs::path& dir) {
    std::vector<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) files.push_back(fs::relative(e.path(), dir).generic_string());
    std::sort(files.begin(), files.end());
    return files;
}

// Temporary files of atomic writes (".<name>.tmp.XXXXXX") anywhere below `dir`.
std::vector<std::string> temp_files_below(const fs::path& dir) {
    static const std::regex temp_name(R"(^\..*\.tmp\..*$)");
    std::vector<std::string> found;
    if (!fs::exists(dir)) return found;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (std::regex_match(e.path().filename().string(), temp_name)) found.push_back(e.path().string());
    return found;
}

// The value of attribute `name` on the first <source> element, or "" when absent.
std::string source_attribute(const std::string& xml, const std::string& name) {
    std::smatch m;
    std::regex source_tag(R"(<source\b[^>]*>)");
    if (!std::regex_search(xml, m, source_tag)) return "";
    std::string tag = m.str();
    std::regex attr("\\b" + name + "=\"([^\"]*)\"");
    if (!std::regex_search(tag, m, attr)) return "";
    return m[1].str();
}

// The text of the first <title> element (its content up to the next tag), or "" when absent.
std::string title_of(const std::string& xml) {
    std::smatch m;
    if (!std::regex_search(xml, m, std::regex(R"(<title\b[^>]*>([^<]*)<)"))) return "";
    return m[1].str();
}

// Lines of stderr that report a problem with `path` ("occkit: <path>: <reason>"), notes excluded.
std::vector<std::string> error_lines_for(const std::string& err, const std::string& path) {
    std::vector<std::string> found;
    for (const auto& line : lines_of(err))
        if (starts_with(line, "occkit: " + path + ": ") && !starts_with(line, "occkit: " + path + ": note: "))
            found.push_back(line);
    return found;
}

std::string describe(const CliResult& r) {
    return "exit " + std::to_string(r.exit_code) + "\n--- stdout ---\n" + r.out.substr(0, 3000) + "\n--- stderr ---\n" +
           r.err.substr(0, 3000);
}

// One --explain line: "<line>  <where>  <text>".
struct ExplainLine {
    int line = 0;
    std::string where;
    std::string text;
};

std::vector<ExplainLine> parse_explain(const std::string& out) {
    std::vector<ExplainLine> parsed;
    static const std::regex row(R"(^\s*(\d+)  (\S+(?: \S+)*)\s*(?:  (.*))?$)");
    for (const auto& line : lines_of(out)) {
        if (starts_with(line, "#")) continue;
        std::smatch m;
        if (!std::regex_match(line, m, row)) continue;
        parsed.push_back({std::stoi(m[1].str()), m[2].str(), m[3].str()});
    }
    return parsed;
}

// The sample pages of the project: samples/<layout>/<name>.(html|txt), sorted.

// --- version, help, usage errors ---

TEST(CliBasics, VersionPrintsNameAndVersion) {
    CliResult r = run_cli({"--version"});
    EXPECT_EQ(r.exit_code, 0) << describe(r);
    EXPECT_EQ(r.out.rfind("occkit 0.1.0\nlibocckit 0.1.0 (", 0), 0u) << describe(r);
}

TEST(CliBasics, HelpListsTheSubcommands) {
    CliResult r = run_cli({"--help"});
    EXPECT_EQ(r.exit_code, 0) << describe(r);
    for (const char* word : {"convert", "detect", "layouts", "--version"}) EXPECT_TRUE(contains(r.out, word)) << word;
}

TEST(CliBasics, SubcommandHelpMentionsItsOptions) {
    const std::map<std::string, std::vector<std::string>> expected = {
        {"convert",
         {"--output", "--jobs", "--explain", "--layout", "--layout-file", "--url", "--quiet", "--input-format"}},
        {"detect", {"--all", "--layout-file", "--input-format"}},
        {"layouts", {"--layout-file"}},
    };
    // Every command that converts pages takes the same three options.
    for (const char* sub : {"convert", "detect", "validate", "stale", "diff", "history", "export"}) {
        CliResult r = run_cli({sub, "--help"});
        EXPECT_EQ(r.exit_code, 0) << sub << "\n" << describe(r);
        for (const char* option : {"--layout-file", "--input-format"})
            EXPECT_TRUE(contains(r.out, option)) << sub << " --help lacks " << option;
        if (std::string_view(sub) != "detect") {
            EXPECT_TRUE(contains(r.out, "--layout ")) << sub;
        }
    }
    for (const auto& [sub, options] : expected) {
        CliResult r = run_cli({sub, "--help"});
        EXPECT_EQ(r.exit_code, 0) << sub << "\n" << describe(r);
        for (const auto& option : options) EXPECT_TRUE(contains(r.out, option)) << sub << " --help lacks " << option;
    }
}

TEST(CliBasics, NoSubcommandIsAUsageError) {
    CliResult r = run_cli({});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_FALSE(r.err.empty());
}

TEST(CliBasics, UnknownOptionsAndSubcommandsAreUsageErrors) {
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"--no-such-option"},
                                               {"convert", "--no-such-option"},
                                               {"detect", "--frobnicate"},
                                               {"frobnicate"},
                                               {"convert", "-j", "0", "x.txt"},
                                               {"convert", "--input-format", "pdf", "x.txt"}}) {
        CliResult r = run_cli(args);
        EXPECT_EQ(r.exit_code, 2) << args.back() << "\n" << describe(r);
        EXPECT_TRUE(r.out.empty() || contains(r.out, "Usage")) << describe(r);
    }
}

// --- convert: one page ---

TEST(CliConvert, TextFileToCanonicalXmlOnStdout) {
    fs::path dir = scratch_dir("cli-convert-text");
    write_text(dir / "glass.txt", kTextPage);
    CliResult r = run_cli({"convert", (dir / "glass.txt").string()});
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    EXPECT_TRUE(starts_with(r.out, "<?xml")) << describe(r);
    EXPECT_EQ(xsd_problems(r.out), "");
    EXPECT_EQ(title_of(r.out), kTextTitle);
    EXPECT_EQ(source_attribute(r.out, "layout"), "generic");
    EXPECT_TRUE(contains(r.out, "kind=\"duties\"")) << r.out;
    EXPECT_TRUE(contains(r.out, "kind=\"working-conditions\"")) << r.out;
    EXPECT_TRUE(contains(r.out, "kind=\"education\"")) << r.out;
    EXPECT_FALSE(contains(r.out, "Skip to main content")) << "chrome leaked into the XML";
    // The generic fallback is announced on stderr (and only there), unless -q.
    EXPECT_EQ(error_lines_for(r.err, (dir / "glass.txt").string()).size(), 0u) << r.err;
    CliResult quiet = run_cli({"convert", "-q", (dir / "glass.txt").string()});
    EXPECT_EQ(quiet.exit_code, 0);
    EXPECT_EQ(quiet.err, "");
    EXPECT_EQ(quiet.out, r.out);
}

TEST(CliConvert, HtmlFileToCanonicalXmlOnStdout) {
    fs::path dir = scratch_dir("cli-convert-html");
    write_text(dir / "kiln.html", kHtmlPage);
    CliResult r = run_cli({"convert", (dir / "kiln.html").string()});
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    EXPECT_EQ(xsd_problems(r.out), "");
    EXPECT_EQ(title_of(r.out), kHtmlTitle);
    EXPECT_EQ(source_attribute(r.out, "format"), "html");
    EXPECT_TRUE(contains(r.out, "load kilns with greenware")) << r.out;
}

TEST(CliConvert, UrlIsRecordedAsProvenance) {
    fs::path dir = scratch_dir("cli-convert-url");
    write_text(dir / "glass.txt", kTextPage);
    CliResult r = run_cli({"convert", (dir / "glass.txt").string(), "--url", "https://example.org/careers/glass"});
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    EXPECT_EQ(xsd_problems(r.out), "");
    EXPECT_EQ(source_attribute(r.out, "url"), "https://example.org/careers/glass");
}

TEST(CliConvert, EverySampleConvertsToValidXmlInItsOwnLayout) {
    auto pages = sample_pages();
    ASSERT_GE(pages.size(), 10u);
    for (const auto& page : pages) {
        CliResult r = run_cli({"convert", "-q", page.string()});
        ASSERT_EQ(r.exit_code, 0) << page << "\n" << describe(r);
        EXPECT_EQ(xsd_problems(r.out), "") << page;
        EXPECT_EQ(source_attribute(r.out, "layout"), page.parent_path().filename().string()) << page;
        EXPECT_FALSE(title_of(r.out).empty()) << page;
    }
}

TEST(CliConvert, ReadsStandardInput) {
    fs::path dir = scratch_dir("cli-convert-stdin");
    write_text(dir / "glass.txt", kTextPage);
    CliResult from_file = run_cli({"convert", "-q", (dir / "glass.txt").string()});
    ASSERT_EQ(from_file.exit_code, 0) << describe(from_file);

    CliResult dash = run_cli({"convert", "-q", "-"}, kTextPage);
    ASSERT_EQ(dash.exit_code, 0) << describe(dash);
    EXPECT_EQ(xsd_problems(dash.out), "");
    EXPECT_EQ(title_of(dash.out), kTextTitle);
    EXPECT_EQ(dash.out, from_file.out);

    CliResult nothing = run_cli({"convert", "-q"}, kHtmlPage);
    ASSERT_EQ(nothing.exit_code, 0) << describe(nothing);
    EXPECT_EQ(xsd_problems(nothing.out), "");
    EXPECT_EQ(title_of(nothing.out), kHtmlTitle);
}

TEST(CliConvert, OutputFileGetsTheXmlAndStdoutStaysEmpty) {
    fs::path dir = scratch_dir("cli-convert-output-file");
    write_text(dir / "glass.txt", kTextPage);
    CliResult to_stdout = run_cli({"convert", "-q", (dir / "glass.txt").string()});
    ASSERT_EQ(to_stdout.exit_code, 0);

    fs::path out = dir / "out.xml";
    CliResult r = run_cli({"convert", "-q", (dir / "glass.txt").string(), "-o", out.string()});
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    EXPECT_EQ(r.out, "");
    ASSERT_TRUE(fs::is_regular_file(out));
    EXPECT_EQ(read_file(out), to_stdout.out);

    // Into a directory named with a trailing slash: <dir>/<name>.xml.
    fs::path out_dir = dir / "xml";
    CliResult into_dir = run_cli({"convert", "-q", (dir / "glass.txt").string(), "-o", out_dir.string() + "/"});
    ASSERT_EQ(into_dir.exit_code, 0) << describe(into_dir);
    EXPECT_EQ(into_dir.out, "");
    EXPECT_EQ(tree_of(out_dir), std::vector<std::string>{"glass.xml"});
    EXPECT_EQ(read_file(out_dir / "glass.xml"), to_stdout.out);
    EXPECT_EQ(temp_files_below(dir), std::vector<std::string>{});
}

TEST(CliConvert, OutputOverAnInputIsRefused) {
    fs::path dir = scratch_dir("cli-convert-over-input");
    write_text(dir / "glass.txt", kTextPage);
    fs::path input = dir / "glass.txt";
    for (const std::string& target : {input.string(), (dir / "sub" / ".." / "glass.txt").string()}) {
        fs::create_directories(dir / "sub");
        CliResult r = run_cli({"convert", input.string(), "-o", target});
        EXPECT_NE(r.exit_code, 0) << describe(r);
        EXPECT_TRUE(contains(r.err, "refusing to overwrite an input file")) << describe(r);
        EXPECT_EQ(r.out, "");
        EXPECT_EQ(read_file(input), kTextPage) << "the input was changed";
    }
    EXPECT_EQ(temp_files_below(dir), std::vector<std::string>{});
}

// --- convert: batches ---

TEST(CliConvert, DirectoryIsMirroredWithXmlExtensions) {
    fs::path dir = scratch_dir("cli-convert-dir");
    fs::path in = dir / "pages";
    write_text(in / "glass.txt", kTextPage);
    write_text(in / "kiln.html", kHtmlPage);
    write_text(in / "trades" / "kiln-copy.htm", kHtmlPage);
    write_text(in / "trades" / "deep" / "er" / "glass-copy.txt", kTextPage);
    // Not pages: skipped when found in a directory.
    write_text(in / "notes.md", "# notes\n");
    write_text(in / "data.json", "{}\n");
    write_text(in / "README", kTextPage);
    write_text(in / "trades" / "old.xml", "<x/>\n");
    write_text(in / "trades" / "style.css", "body {}\n");

    fs::path out = dir / "xml";
    CliResult r = run_cli({"convert", in.string(), "-o", out.string()});
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(tree_of(out), (std::vector<std::string>{"glass.xml", "kiln.xml", "trades/deep/er/glass-copy.xml",
                                                      "trades/kiln-copy.xml"}));
    EXPECT_TRUE(contains(r.err, "converted 4 of 4 input(s)")) << r.err;
    for (const auto& rel : tree_of(out)) {
        std::string xml = read_file(out / rel);
        EXPECT_EQ(xsd_problems(xml), "") << rel;
        EXPECT_EQ(title_of(xml), contains(rel, "glass") ? kTextTitle : kHtmlTitle) << rel;
    }
    EXPECT_EQ(temp_files_below(out), std::vector<std::string>{});
    EXPECT_EQ(temp_files_below(in), std::vector<std::string>{});
}

TEST(CliConvert, PagesDifferingOnlyInExtensionDoNotOverwriteEachOther) {
    fs::path dir = scratch_dir("cli-convert-same-stem");
    write_text(dir / "in" / "page.html", kHtmlPage);
    write_text(dir / "in" / "page.txt", kTextPage);
    write_text(dir / "in" / "other.txt", kTextPage);
    for (const char* jobs : {"1", "2"}) {
        fs::path out = dir / (std::string("out-j") + jobs);
        CliResult r = run_cli({"convert", "-q", "-j", jobs, (dir / "in").string(), "-o", out.string()});
        ASSERT_EQ(r.exit_code, 0) << describe(r);
        EXPECT_EQ(tree_of(out), (std::vector<std::string>{"other.xml", "page.html.xml", "page.txt.xml"}));
        EXPECT_EQ(title_of(read_file(out / "page.html.xml")), kHtmlTitle);
        EXPECT_EQ(title_of(read_file(out / "page.txt.xml")), kTextTitle);
    }
}

TEST(CliConvert, SeveralInputsWithoutOutputAreAUsageError) {
    fs::path dir = scratch_dir("cli-convert-several");
    write_text(dir / "glass.txt", kTextPage);
    write_text(dir / "kiln.html", kHtmlPage);
    CliResult r = run_cli({"convert", (dir / "glass.txt").string(), (dir / "kiln.html").string()});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_EQ(r.out, "");
    EXPECT_TRUE(contains(r.err, "several inputs need -o DIR")) << r.err;

    CliResult directory = run_cli({"convert", dir.string()});
    EXPECT_EQ(directory.exit_code, 2) << describe(directory);
    EXPECT_EQ(directory.out, "");
    EXPECT_TRUE(contains(directory.err, "-o")) << directory.err;
    EXPECT_EQ(tree_of(dir), (std::vector<std::string>{"glass.txt", "kiln.html"}));
}

TEST(CliConvert, BadFilesInABatchAreReportedAndTheRestConverted) {
    fs::path dir = scratch_dir("cli-convert-bad-batch");
    write_text(dir / "in" / "glass.txt", kTextPage);
    write_text(dir / "in" / "garbage.html", garbage_bytes());
    write_text(dir / "in" / "kiln.html", kHtmlPage);
    const std::string good1 = (dir / "in" / "glass.txt").string();
    const std::string missing = (dir / "in" / "missing.txt").string();
    const std::string garbage = (dir / "in" / "garbage.html").string();
    const std::string good2 = (dir / "in" / "kiln.html").string();
    fs::path out = dir / "out";

    for (const char* jobs : {"1", "2"}) {
        fs::remove_all(out);
        CliResult r = run_cli({"convert", "-j", jobs, good1, missing, garbage, good2, "-o", out.string()});
        EXPECT_EQ(r.exit_code, 1) << describe(r);
        EXPECT_EQ(r.out, "");
        auto missing_lines = error_lines_for(r.err, missing);
        auto garbage_lines = error_lines_for(r.err, garbage);
        ASSERT_EQ(missing_lines.size(), 1u) << r.err;
        ASSERT_EQ(garbage_lines.size(), 1u) << r.err;
        EXPECT_TRUE(contains(missing_lines[0], "no such file or directory")) << missing_lines[0];
        EXPECT_GT(garbage_lines[0].size(), ("occkit: " + garbage + ": ").size()) << "no reason given";
        EXPECT_TRUE(contains(garbage_lines[0], "binary")) << garbage_lines[0];
        EXPECT_EQ(error_lines_for(r.err, good1).size(), 0u) << r.err;
        EXPECT_EQ(error_lines_for(r.err, good2).size(), 0u) << r.err;
        EXPECT_TRUE(contains(r.err, "converted 2 of 4 input(s)")) << r.err;

        // The good ones are converted; nothing is written for the bad ones.
        EXPECT_EQ(tree_of(out), (std::vector<std::string>{"glass.xml", "kiln.xml"}));
        EXPECT_EQ(title_of(read_file(out / "glass.xml")), kTextTitle);
        EXPECT_EQ(title_of(read_file(out / "kiln.xml")), kHtmlTitle);
        EXPECT_EQ(xsd_problems(read_file(out / "kiln.xml")), "");
        EXPECT_EQ(temp_files_below(dir), std::vector<std::string>{});
    }
}

TEST(CliConvert, SingleBadFileFailsWithExitOne) {
    fs::path dir = scratch_dir("cli-convert-single-bad");
    write_text(dir / "garbage.txt", garbage_bytes());
    CliResult r = run_cli({"convert", (dir / "garbage.txt").string()});
    EXPECT_EQ(r.exit_code, 1) << describe(r);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(error_lines_for(r.err, (dir / "garbage.txt").string()).size(), 1u) << r.err;

    CliResult missing = run_cli({"convert", (dir / "nope.txt").string()});
    EXPECT_EQ(missing.exit_code, 1) << describe(missing);
    EXPECT_EQ(missing.out, "");
    EXPECT_EQ(error_lines_for(missing.err, (dir / "nope.txt").string()).size(), 1u) << missing.err;
}

TEST(CliConvert, ParallelJobsGiveTheSameOutputs) {
    fs::path dir = scratch_dir("cli-convert-jobs");
    fs::path samples = source_dir() / "samples";
    CliResult one = run_cli({"convert", "-q", "-j", "1", samples.string(), "-o", (dir / "j1").string()});
    CliResult two = run_cli({"convert", "-q", "-j", "2", samples.string(), "-o", (dir / "j2").string()});
    ASSERT_EQ(one.exit_code, 0) << describe(one);
    ASSERT_EQ(two.exit_code, 0) << describe(two);
    auto files = tree_of(dir / "j1");
    EXPECT_EQ(files.size(), sample_pages().size());
    ASSERT_EQ(tree_of(dir / "j2"), files);
    // samples/workbc has 2225.html and 2225.txt: both are kept, under their own names.
    EXPECT_TRUE(std::find(files.begin(), files.end(), "workbc/2225.html.xml") != files.end());
    EXPECT_TRUE(std::find(files.begin(), files.end(), "workbc/2225.txt.xml") != files.end());
    for (const auto& rel : files) EXPECT_EQ(read_file(dir / "j1" / rel), read_file(dir / "j2" / rel)) << rel;
    EXPECT_EQ(temp_files_below(dir), std::vector<std::string>{});
}

// --- convert --explain, --layout ---

TEST(CliConvert, ExplainListsWhereEachLineWent) {
    fs::path dir = scratch_dir("cli-convert-explain");
    write_text(dir / "glass.txt", kTextPage);
    CliResult r = run_cli({"convert", "--explain", (dir / "glass.txt").string()});
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    EXPECT_FALSE(contains(r.out, "<?xml")) << r.out;
    EXPECT_TRUE(starts_with(r.out, "# layout generic (confidence ")) << r.out;
    auto rows = parse_explain(r.out);
    ASSERT_FALSE(rows.empty()) << r.out;
    auto row_at = [&](int line) -> const ExplainLine* {
        for (const auto& row : rows)
            if (row.line == line) return &row;
        return nullptr;
    };
    const ExplainLine* chrome = row_at(1);
    ASSERT_NE(chrome, nullptr) << r.out;
    EXPECT_EQ(chrome->where, "chrome");
    EXPECT_EQ(chrome->text, "Skip to main content");
    const ExplainLine* title = row_at(3);
    ASSERT_NE(title, nullptr) << r.out;
    EXPECT_EQ(title->where, "title");
    EXPECT_EQ(title->text, kTextTitle);
    const ExplainLine* heading = row_at(5);
    ASSERT_NE(heading, nullptr) << r.out;
    EXPECT_TRUE(starts_with(heading->where, "section ") && contains(heading->where, "duties (heading)"))
        << heading->where;
    EXPECT_EQ(heading->text, "Duties");
    const ExplainLine* body = row_at(15);
    ASSERT_NE(body, nullptr) << r.out;
    EXPECT_TRUE(starts_with(body->where, "section ") && contains(body->where, "education")) << body->where;
    // Rows are in page order.
    EXPECT_TRUE(std::is_sorted(rows.begin(), rows.end(),
                               [](const ExplainLine& a, const ExplainLine& b) { return a.line < b.line; }));
}

TEST(CliConvert, LayoutOptionForcesALayout) {
    fs::path page = source_dir() / "samples" / "workbc" / "2225.html";
    CliResult detected = run_cli({"convert", "-q", page.string()});
    ASSERT_EQ(detected.exit_code, 0) << describe(detected);
    EXPECT_EQ(source_attribute(detected.out, "layout"), "workbc");

    CliResult forced = run_cli({"convert", "-q", "--layout", "generic", page.string()});
    ASSERT_EQ(forced.exit_code, 0) << describe(forced);
    EXPECT_EQ(source_attribute(forced.out, "layout"), "generic");
    EXPECT_EQ(xsd_problems(forced.out), "");

    CliResult explain = run_cli({"convert", "--explain", "--layout", "generic", page.string()});
    ASSERT_EQ(explain.exit_code, 0) << describe(explain);
    EXPECT_TRUE(starts_with(explain.out, "# layout generic ")) << explain.out;
}

TEST(CliConvert, UnknownLayoutIsAnError) {
    fs::path page = source_dir() / "samples" / "generic" / "timber-frame-carpenter.txt";
    CliResult r = run_cli({"convert", "--layout", "nope", page.string()});
    EXPECT_TRUE(r.exit_code == 1 || r.exit_code == 2) << describe(r);
    EXPECT_TRUE(contains(r.err, "unknown layout 'nope'")) << r.err;
    EXPECT_EQ(r.out, "");
}

// --- user layouts ---

TEST(CliLayoutFile, EveryCommandThatReadsPagesUsesIt) {
    fs::path dir = scratch_dir("cli-layout-file-everywhere");
    fs::path layout = dir / "acme.xml";
    fs::path page = dir / "bells.txt";
    write_text(layout, kUserLayout);
    write_text(page, kUserLayoutPage);
    const std::string l = layout.string(), p = page.string();

    // The layout's chrome line is dropped and its heading read as duties only with the layout file.
    CliResult textconv = run_cli({"diff", "--textconv", "--layout-file", l, p});
    ASSERT_EQ(textconv.exit_code, 0) << describe(textconv);
    EXPECT_TRUE(contains(textconv.out, "Bell Foundry Worker")) << textconv.out;
    EXPECT_FALSE(contains(textconv.out, "Acme Careers Portal")) << textconv.out;
    CliResult plain = run_cli({"diff", "--textconv", p});
    EXPECT_TRUE(contains(plain.out, "Acme Careers Portal")) << plain.out;

    CliResult exported = run_cli({"export", "--layout-file", l, p});
    ASSERT_EQ(exported.exit_code, 0) << describe(exported);
    EXPECT_TRUE(contains(exported.out, "acme-careers")) << exported.out;
    CliResult forced = run_cli({"export", "--layout", "generic", "--layout-file", l, p});
    EXPECT_FALSE(contains(forced.out, "acme-careers")) << forced.out;

    CliResult validated = run_cli({"validate", "--from-page", "--format", "json", "--layout-file", l, p});
    EXPECT_NE(validated.exit_code, 2) << describe(validated);
    CliResult audited = run_cli({"stale", "--as-of", "2026-11-22", "--layout-file", l, p});
    EXPECT_NE(audited.exit_code, 2) << describe(audited);
    CliResult history = run_cli({"history", "--layout-file", l, "--date", p + "=2026-01-01", p});
    EXPECT_EQ(history.exit_code, 0) << describe(history);

    // A broken layout file is a usage error before any page is read, in every command.
    fs::path broken = dir / "broken.xml";
    write_text(broken, "<layout");
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"validate", "--from-page", "--layout-file", broken.string(), p},
          std::vector<std::string>{"stale", "--layout-file", broken.string(), p},
          std::vector<std::string>{"diff", "--layout-file", broken.string(), p, p},
          std::vector<std::string>{"history", "--layout-file", broken.string(), p},
          std::vector<std::string>{"export", "--layout-file", broken.string(), p}}) {
        CliResult r = run_cli(args);
        EXPECT_EQ(r.exit_code, 2) << args[0] << "\n" << describe(r);
        EXPECT_TRUE(contains(r.err, broken.string())) << args[0] << ": " << r.err;
    }
}

TEST(CliLayoutFile, UserLayoutIsUsedByDetectConvertAndLayouts) {
    fs::path dir = scratch_dir("cli-layout-file");
    fs::path layout = dir / "acme.xml";
    fs::path page = dir / "bells.txt";
    write_text(layout, kUserLayout);
    write_text(page, kUserLayoutPage);

    // Without the layout file the page is generic.
    CliResult plain = run_cli({"detect", page.string()});
    ASSERT_EQ(plain.exit_code, 0) << describe(plain);
    EXPECT_EQ(split(lines_of(plain.out).at(0), '\t').at(1), "generic");

    CliResult detect = run_cli({"detect", "--layout-file", layout.string(), page.string()});
    ASSERT_EQ(detect.exit_code, 0) << describe(detect);
    ASSERT_EQ(lines_of(detect.out).size(), 1u) << detect.out;
    auto fields = split(lines_of(detect.out)[0], '\t');
    ASSERT_EQ(fields.size(), 3u);
    EXPECT_EQ(fields[0], page.string());
    EXPECT_EQ(fields[1], "acme-careers");
    EXPECT_EQ(fields[2], "1.00");

    // Both orders: the option before the inputs (as the README shows) and after them.
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"convert", "--layout-file", layout.string(), page.string()},
          std::vector<std::string>{"convert", page.string(), "--layout-file", layout.string()}}) {
        CliResult r = run_cli(args);
        ASSERT_EQ(r.exit_code, 0) << describe(r);
        EXPECT_EQ(xsd_problems(r.out), "");
        EXPECT_EQ(source_attribute(r.out, "layout"), "acme-careers") << r.out;
        EXPECT_EQ(title_of(r.out), "Bell Foundry Worker");
        EXPECT_TRUE(contains(r.out, "kind=\"duties\"")) << r.out;
        EXPECT_FALSE(contains(r.out, "Acme Careers Portal")) << "the layout's chrome leaked into the XML";
    }

    // Repeated --layout-file, each taking one file, followed by several inputs (into a directory).
    fs::path other_layout = dir / "other.xml";
    std::string other = kUserLayout;
    other.replace(other.find("acme-careers"), 12, "other-site");
    other.replace(other.find("Acme Careers Portal"), 19, "Other Site Banner");
    write_text(other_layout, other);
    fs::path out = dir / "out";
    CliResult batch = run_cli({"convert", "-q", "--layout-file", layout.string(), "--layout-file",
                               other_layout.string(), page.string(), (dir / "again.txt").string(), "-o", out.string()});
    EXPECT_EQ(batch.exit_code, 1) << describe(batch);  // again.txt does not exist
    EXPECT_EQ(error_lines_for(batch.err, (dir / "again.txt").string()).size(), 1u) << batch.err;
    ASSERT_EQ(tree_of(out), std::vector<std::string>{"bells.xml"});
    EXPECT_EQ(source_attribute(read_file(out / "bells.xml"), "layout"), "acme-careers");
    CliResult both = run_cli({"layouts", "--layout-file", layout.string(), "--layout-file", other_layout.string()});
    ASSERT_EQ(both.exit_code, 0) << describe(both);
    EXPECT_EQ(lines_of(both.out).size(), occkit::LayoutSet::builtin().layouts().size() + 2) << both.out;

    CliResult forced = run_cli({"convert", "--layout-file", layout.string(), "--layout", "acme-careers",
                                (source_dir() / "samples" / "generic" / "timber-frame-carpenter.txt").string()});
    ASSERT_EQ(forced.exit_code, 0) << describe(forced);
    EXPECT_EQ(source_attribute(forced.out, "layout"), "acme-careers");

    CliResult list = run_cli({"layouts", "--layout-file", layout.string()});
    ASSERT_EQ(list.exit_code, 0) << describe(list);
    bool listed = false;
    for (const auto& line : lines_of(list.out)) listed = listed || starts_with(line, "acme-careers ");
    EXPECT_TRUE(listed) << list.out;
    EXPECT_TRUE(contains(list.out, "Acme careers test layout")) << list.out;
}

TEST(CliLayoutFile, InvalidLayoutFileIsAUsageErrorNamingTheFile) {
    fs::path dir = scratch_dir("cli-layout-file-bad");
    fs::path page = dir / "glass.txt";
    write_text(page, kTextPage);
    fs::path malformed = dir / "malformed.xml";
    write_text(malformed, "<layout xmlns=\"urn:occkit:layout:1\" id=\"x\"");
    fs::path invalid = dir / "invalid.xml";
    std::string bad = kUserLayout;
    bad.replace(bad.find("id=\"acme-careers\""), 17, "id=\"Not An Id!\"");
    write_text(invalid, bad);
    fs::path out = dir / "out.xml";

    for (const fs::path& layout : {malformed, invalid}) {
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"convert", page.string(), "--layout-file", layout.string(), "-o", out.string()},
              std::vector<std::string>{"detect", page.string(), "--layout-file", layout.string()},
              std::vector<std::string>{"layouts", "--layout-file", layout.string()}}) {
            CliResult r = run_cli(args);
            EXPECT_EQ(r.exit_code, 2) << args[0] << " " << layout << "\n" << describe(r);
            EXPECT_TRUE(contains(r.err, layout.string())) << r.err;
            EXPECT_EQ(r.out, "") << args[0];
            EXPECT_FALSE(fs::exists(out));
        }
    }

    CliResult missing = run_cli({"convert", page.string(), "--layout-file", (dir / "absent.xml").string()});
    EXPECT_EQ(missing.exit_code, 2) << describe(missing);
    EXPECT_TRUE(contains(missing.err, (dir / "absent.xml").string())) << missing.err;
}

// --- detect, layouts ---

TEST(CliDetect, SamplesAreDetectedAsTheirDirectoryInInputOrder) {
    auto pages = sample_pages();
    ASSERT_GE(pages.size(), 10u);
    std::reverse(pages.begin(), pages.end());  // not the sorted order: output must follow the arguments
    std::vector<std::string> args{"detect"};
    for (const auto& p : pages) args.push_back(p.string());
    CliResult r = run_cli(args);
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    auto lines = lines_of(r.out);
    ASSERT_EQ(lines.size(), pages.size()) << r.out;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        auto fields = split(lines[i], '\t');
        ASSERT_EQ(fields.size(), 3u) << lines[i];
        EXPECT_EQ(fields[0], pages[i].string());
        EXPECT_EQ(fields[1], pages[i].parent_path().filename().string()) << lines[i];
        EXPECT_TRUE(std::regex_match(fields[2], std::regex(R"([01]\.\d\d)"))) << lines[i];
        double confidence = std::atof(fields[2].c_str());
        EXPECT_GT(confidence, 0.0) << lines[i];
        EXPECT_LE(confidence, 1.0) << lines[i];
    }
}

TEST(CliDetect, StdinAndBadInputs) {
    CliResult r =
        run_cli({"detect", "-"}, read_file(source_dir() / "samples" / "htns" / "sleep-disorders-technologist.txt"));
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    auto fields = split(lines_of(r.out).at(0), '\t');
    ASSERT_EQ(fields.size(), 3u);
    EXPECT_EQ(fields[0], "-");
    EXPECT_EQ(fields[1], "htns");

    fs::path dir = scratch_dir("cli-detect-bad");
    write_text(dir / "garbage.txt", garbage_bytes());
    fs::path good = source_dir() / "samples" / "alis" / "orthotic-and-prosthetic-technician.html";
    CliResult bad = run_cli({"detect", (dir / "garbage.txt").string(), good.string(), (dir / "nope.txt").string()});
    EXPECT_EQ(bad.exit_code, 1) << describe(bad);
    EXPECT_EQ(error_lines_for(bad.err, (dir / "garbage.txt").string()).size(), 1u) << bad.err;
    EXPECT_EQ(error_lines_for(bad.err, (dir / "nope.txt").string()).size(), 1u) << bad.err;
    ASSERT_EQ(lines_of(bad.out).size(), 1u) << bad.out;
    EXPECT_EQ(split(lines_of(bad.out)[0], '\t').at(1), "alis");
}

TEST(CliLayouts, ListsTheBuiltInLayouts) {
    CliResult r = run_cli({"layouts"});
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    std::vector<std::string> ids;
    for (const auto& line : lines_of(r.out)) ids.push_back(line.substr(0, line.find(' ')));
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<std::string>{"alis", "alis-2010", "careers-ns", "explorecareers-ns", "generic",
                                             "guichet-emplois", "hcsc", "htns", "imt-qc", "jobbank", "noc-handbook",
                                             "redseal", "tradesecrets", "workbc"}))
        << r.out;
    EXPECT_EQ(r.err, "");
}

// --- output problems ---

TEST(CliOutput, OutputUnderARegularFileFailsCleanly) {
    fs::path dir = scratch_dir("cli-output-under-file");
    write_text(dir / "in" / "glass.txt", kTextPage);
    write_text(dir / "in" / "kiln.html", kHtmlPage);
    write_text(dir / "somefile", "just a file\n");
    const auto before = tree_of(dir);

    // One input into a file path below a regular file.
    CliResult single =
        run_cli({"convert", (dir / "in" / "glass.txt").string(), "-o", (dir / "somefile" / "sub").string()});
    EXPECT_EQ(single.exit_code, 1) << describe(single);
    EXPECT_EQ(single.out, "");
    EXPECT_TRUE(contains(single.err, (dir / "somefile").string())) << single.err;
    EXPECT_TRUE(contains(single.err, "cannot create directory")) << single.err;

    // A directory of inputs into a directory below a regular file: every input fails, each says why.
    CliResult batch = run_cli({"convert", (dir / "in").string(), "-o", (dir / "somefile" / "sub").string()});
    EXPECT_EQ(batch.exit_code, 1) << describe(batch);
    EXPECT_EQ(batch.out, "");
    EXPECT_EQ(error_lines_for(batch.err, (dir / "in" / "glass.txt").string()).size(), 1u) << batch.err;
    EXPECT_EQ(error_lines_for(batch.err, (dir / "in" / "kiln.html").string()).size(), 1u) << batch.err;
    EXPECT_TRUE(contains(batch.err, "converted 0 of 2 input(s)")) << batch.err;

    // Nothing was created or changed.
    EXPECT_EQ(tree_of(dir), before);
    EXPECT_EQ(read_file(dir / "somefile"), "just a file\n");
}

TEST(CliOutput, UnwritableOutputDirectoryFailsCleanly) {
    if (::geteuid() == 0) GTEST_SKIP() << "root can write into a read-only directory";
    fs::path dir = scratch_dir("cli-output-readonly");
    write_text(dir / "in" / "glass.txt", kTextPage);
    fs::create_directories(dir / "locked");
    fs::permissions(dir / "locked", fs::perms::owner_read | fs::perms::owner_exec);
    CliResult r = run_cli({"convert", (dir / "in").string(), "-o", (dir / "locked").string()});
    fs::permissions(dir / "locked", fs::perms::owner_all);
    EXPECT_EQ(r.exit_code, 1) << describe(r);
    EXPECT_EQ(error_lines_for(r.err, (dir / "in" / "glass.txt").string()).size(), 1u) << r.err;
    EXPECT_TRUE(contains(r.err, "permission denied")) << r.err;
    EXPECT_EQ(tree_of(dir / "locked"), std::vector<std::string>{});
}

}  // namespace
