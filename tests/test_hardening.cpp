// Hardening (issue 17): what a hostile or careless input used to get through, each asserted by its real value:
// page text that made a standard conversion throw, numbers that are no wage, BOMs the bytes contradict, unbounded
// side files and regexes, and the canonical-XML verdict shared by validate and the readers.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "files.hpp"
#include "occkit/decode.hpp"
#include "occkit/error.hpp"
#include "occkit/findings.hpp"
#include "occkit/io.hpp"
#include "occkit/validate.hpp"
#include "occkit/wages.hpp"
#include "occkit/xml.hpp"
#include "testing.hpp"

namespace {

using occkit::testing::run_cli;

}  // namespace

// ---- wages: no exception escapes, and numbers that are no wage

TEST(HardenWages, EmojiInParenthesesAfterAWageDoesNotThrow) {
    // The emoji is a four-byte piece where a data year "(2010)" is looked for; std::stoi threw on it.
    std::vector<occkit::Wage> wages;
    ASSERT_NO_THROW(wages = occkit::find_wages("Wages are $20 an hour (\U0001F600)."));
    ASSERT_EQ(wages.size(), 1u);
    EXPECT_EQ(wages[0].value, 20.0);
    EXPECT_EQ(occkit::to_string(wages[0].per), "hour");
    EXPECT_EQ(wages[0].data_year, "");
}

TEST(HardenWages, ScientificNotationIsNoWage) {
    EXPECT_TRUE(occkit::find_wages("$1e308 an hour").empty());
    EXPECT_TRUE(occkit::find_wages("Pay: $2E+5 a year").empty());
    EXPECT_TRUE(occkit::find_wages("1e308 $ de l'heure").empty());
    EXPECT_FALSE(occkit::parse_amount("$1e308"));
    EXPECT_FALSE(occkit::parse_amount("1e308 $"));
    // A word after the amount is not an exponent.
    auto wages = occkit::find_wages("$20 each hour");
    ASSERT_EQ(wages.size(), 1u);
    EXPECT_EQ(wages[0].value, 20.0);
}

TEST(HardenWages, NegativeAmountsAreNoWage) {
    EXPECT_TRUE(occkit::find_wages("-$20 an hour").empty());
    EXPECT_TRUE(occkit::find_wages("Change: \u2212$20 an hour").empty());
    EXPECT_TRUE(occkit::find_wages("(-$500 a week)").empty());
    EXPECT_TRUE(occkit::find_wages("Variation : -26,18 $ de l'heure").empty());
    EXPECT_FALSE(occkit::parse_amount("-$20"));
    // A dash between two amounts still joins a range.
    auto wages = occkit::find_wages("$20-$25 an hour");
    ASSERT_EQ(wages.size(), 1u);
    EXPECT_EQ(wages[0].min, 20.0);
    EXPECT_EQ(wages[0].max, 25.0);
}

TEST(HardenWages, AbsurdMagnitudesAreNoWage) {
    // More than 12 integer digits is never an amount (the largest double would otherwise pass as a salary).
    EXPECT_TRUE(occkit::find_wages("$1,000,000,000,000,000 a year").empty());
    EXPECT_TRUE(occkit::find_wages("$9999999999999999 an hour").empty());
    EXPECT_FALSE(occkit::parse_amount("$9999999999999999"));
}

// ---- decode: a BOM the bytes contradict is not trusted

TEST(HardenDecode, Utf16BomOverUtf8BytesIsUtf8) {
    std::string bytes = std::string("\xFF\xFE", 2) + "Carpenter \xC3\xA9t\xC3\xA9\nDuties\n";
    occkit::Decoded d = occkit::decode(bytes);
    EXPECT_EQ(d.charset, "UTF-8");
    EXPECT_EQ(d.utf8, "Carpenter \xC3\xA9t\xC3\xA9\nDuties\n");
    std::string be = std::string("\xFE\xFF", 2) + "Welder";
    EXPECT_EQ(occkit::decode(be).utf8, "Welder");
}

TEST(HardenDecode, Utf16BomOverUtf16BytesIsStillTrusted) {
    std::string bytes(
        "\xFF\xFE"
        "W\0e\0l\0d\0e\0r\0",
        14);
    occkit::Decoded d = occkit::decode(bytes);
    EXPECT_EQ(d.charset, "UTF-16LE");
    EXPECT_EQ(d.utf8, "Welder");
}

// ---- detect refuses what convert refuses

TEST(HardenDetect, EmptyPageIsRefusedLikeConvert) {
    auto dir = occkit::testing::scratch_dir("harden_detect_empty");
    occkit::testing::write_text(dir / "empty.txt", "");
    occkit::testing::write_text(dir / "blank.txt", "  \n\t\n");
    for (std::string name : {"empty.txt", "blank.txt"}) {
        SCOPED_TRACE(name);
        auto conv = run_cli({"convert", (dir / name).string()});
        auto det = run_cli({"detect", (dir / name).string()});
        EXPECT_EQ(conv.exit_code, 1);
        EXPECT_EQ(det.exit_code, conv.exit_code);
        EXPECT_EQ(det.out, "");
        EXPECT_TRUE(occkit::testing::contains(det.err, name));
    }
    EXPECT_TRUE(occkit::testing::contains(run_cli({"detect", (dir / "empty.txt").string()}).err, "empty input"));
}

// ---- side files are size-bounded, layout regexes step-limited

TEST(HardenSideFiles, LayoutFileFromDevZeroFailsInsteadOfReadingForever) {
    auto dir = occkit::testing::scratch_dir("harden_side_files");
    occkit::testing::write_text(dir / "page.txt", "Welder\n\nDuties\nWelders join metal.\n");
    auto layout = run_cli({"convert", "--layout-file", "/dev/zero", (dir / "page.txt").string()});
    EXPECT_EQ(layout.exit_code, 2) << layout.err;
    EXPECT_TRUE(occkit::testing::contains(layout.err, "/dev/zero: input is larger than the limit")) << layout.err;
    EXPECT_EQ(layout.out, "");
    auto policy = run_cli({"stale", "--policy", "/dev/zero", (dir / "page.txt").string()});
    EXPECT_EQ(policy.exit_code, 2) << policy.err;
    EXPECT_TRUE(occkit::testing::contains(policy.err, "/dev/zero")) << policy.err;
}

TEST(HardenRegex, CatastrophicLayoutRegexIsCutShortNamedAndThePageConverts) {
    auto dir = occkit::testing::scratch_dir("harden_regex");
    std::string layout = (dir / "slow.xml").string();
    occkit::testing::write_text(
        layout,
        "<layout xmlns=\"urn:occkit:layout:1\" id=\"slow\" name=\"Slow\" jurisdiction=\"CA\" language=\"en\">"
        "<title from=\"first-line\"/><chrome><line match=\"regex\">^(a+)+$</line></chrome></layout>");
    // 2^40 backtracking steps without the limit: this would run for hours.
    std::string page = "Welder\n\nDuties\n" + std::string(40, 'a') + "!\nWelders join metal.\n";
    occkit::testing::write_text(dir / "page.txt", page);
    auto start = std::chrono::steady_clock::now();
    auto run = run_cli({"convert", "--layout-file", layout, "--layout", "slow", (dir / "page.txt").string()});
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_LT(seconds, 30.0);
    EXPECT_TRUE(occkit::testing::contains(run.out, "<title line=\"1\">Welder</title>")) << run.out;
    EXPECT_TRUE(occkit::testing::contains(run.out, std::string(40, 'a') + "!"));  // not dropped as chrome
    EXPECT_TRUE(occkit::testing::contains(
        run.err, layout + ": regex '^(a+)+$' hit the match step limit; it counted as no match on this page"))
        << run.err;
    // Named once, however many lines hit it.
    EXPECT_EQ(run.err.find("step limit"), run.err.rfind("step limit"));
}

TEST(HardenRegex, HonestRegexOnALongLineIsNotCutShort) {
    auto dir = occkit::testing::scratch_dir("harden_regex_long");
    std::string layout = (dir / "long.xml").string();
    occkit::testing::write_text(
        layout,
        "<layout xmlns=\"urn:occkit:layout:1\" id=\"long\" name=\"Long\" jurisdiction=\"CA\" language=\"en\">"
        "<title from=\"first-line\"/><chrome><line match=\"regex\">^Copyright .* Government$</line></chrome></layout>");
    // A 500 KB chrome line: the budget grows with the text, so the match completes and the line is dropped.
    std::string chrome = "Copyright " + std::string(500000, 'x') + " Government";
    occkit::testing::write_text(dir / "page.txt", "Welder\n\nDuties\nWelders join metal.\n" + chrome + "\n");
    auto run = run_cli({"convert", "--layout-file", layout, "--layout", "long", (dir / "page.txt").string()});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_FALSE(occkit::testing::contains(run.out, "Copyright")) << "the chrome line was not dropped";
    EXPECT_FALSE(occkit::testing::contains(run.err, "step limit")) << run.err;
}

// ---- canonical XML: validate and the readers give one verdict

namespace {

std::string sample_xml() {
    return occkit::testing::read_file(occkit::testing::source_dir() /
                                      "samples/alis/expected/orthotic-and-prosthetic-technician.txt.xml");
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

// The validate rule that refuses the document ("not-well-formed" or "schema"), or "" when it is readable.
std::string validate_refusal(const std::string& xml) {
    static const occkit::Validator validator{occkit::ValidatorOptions{}};
    for (const occkit::Finding& f : validator.validate_xml(xml, "doc.xml"))
        if (f.rule == "not-well-formed" || f.rule == "schema") return f.rule;
    return "";
}

std::string reader_refusal(const std::string& xml) {
    try {
        occkit::read_xml(xml);
        return "";
    } catch (const occkit::Error& e) {
        return e.what();
    }
}

// Sections nested `depth` deep inside a valid sample.
std::string nested_sections(int depth) {
    std::string open, close;
    for (int k = 0; k < depth; ++k) {
        open += "<section kind=\"other\"><heading>H</heading><p>x</p>";
        close += "</section>";
    }
    std::string xml = sample_xml();
    std::size_t at = xml.find("<sections>") + std::string("<sections>").size();
    return xml.insert(at, open + close);
}

}  // namespace

TEST(HardenVerdict, SampleIsReadByBoth) {
    EXPECT_EQ(validate_refusal(sample_xml()), "");
    EXPECT_EQ(reader_refusal(sample_xml()), "");
    EXPECT_EQ(validate_refusal(nested_sections(100)), "");
    EXPECT_EQ(reader_refusal(nested_sections(100)), "");
}

TEST(HardenVerdict, WhatValidatePassedAndReadersRefusedIsRefusedByBoth) {
    std::string latin1 = replaced(sample_xml(), "encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
    EXPECT_EQ(validate_refusal(latin1), "not-well-formed");
    EXPECT_EQ(reader_refusal(latin1), "line 1: encoding 'ISO-8859-1' is not supported; canonical XML is UTF-8");

    std::string utf16("\xFF\xFE", 2);
    for (char c : replaced(sample_xml(), "encoding=\"UTF-8\"", "encoding=\"UTF-16\"")) {
        utf16 += c;
        utf16 += '\0';
    }
    EXPECT_EQ(validate_refusal(utf16), "not-well-formed");
    EXPECT_NE(reader_refusal(utf16), "");

    EXPECT_EQ(validate_refusal(nested_sections(101)), "schema");
    EXPECT_NE(reader_refusal(nested_sections(101)).find("sections nested deeper than 100 levels"), std::string::npos);
}

TEST(HardenVerdict, WhatReadersAcceptedAndValidateRefusedIsRefusedByBoth) {
    std::string nul = replaced(sample_xml(), ">Orthotic and Prosthetic Technician<", ">Ortho&#0;tic<");
    EXPECT_EQ(validate_refusal(nul), "not-well-formed");
    EXPECT_NE(reader_refusal(nul).find("line 4: malformed XML"), std::string::npos) << reader_refusal(nul);

    std::string nbsp = replaced(sample_xml(), ">Brace Technician<", ">Brace&nbsp;Technician<");
    EXPECT_EQ(validate_refusal(nbsp), "not-well-formed");
    EXPECT_NE(reader_refusal(nbsp).find("line 6: malformed XML"), std::string::npos) << reader_refusal(nbsp);

    std::string jurisdiction = replaced(sample_xml(), "jurisdiction=\"AB\"", "jurisdiction=\"Atlantis\"");
    EXPECT_EQ(validate_refusal(jurisdiction), "schema");
    EXPECT_NE(reader_refusal(jurisdiction).find("line 3: does not match the schema"), std::string::npos)
        << reader_refusal(jurisdiction);
}

TEST(HardenVerdict, ExportRefusesTheTruncatingCharacterReference) {
    auto dir = occkit::testing::scratch_dir("harden_verdict_export");
    occkit::testing::write_text(dir / "nul.xml",
                                replaced(sample_xml(), ">Orthotic and Prosthetic Technician<", ">Ortho&#0;tic<"));
    auto run = run_cli({"export", (dir / "nul.xml").string()});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_EQ(run.out, "");
    EXPECT_TRUE(occkit::testing::contains(run.err, (dir / "nul.xml").string() + ": line 4: malformed XML")) << run.err;
}

// ---- github format: no line can be read as a workflow command it was not meant to be

TEST(HardenGithub, EveryLineIsEscapedPastTheAnnotationCap) {
    occkit::Finding hostile;
    hostile.rule = "schema";
    hostile.severity = occkit::Severity::error;
    hostile.message = "50% done\r\n::error file=x::fake";
    hostile.file = "evil\n::error file=/etc/passwd::pwned.xml";
    hostile.xml_line = 3;
    occkit::Finding colon = hostile;
    colon.file = "::warning::name.xml";
    occkit::ReportOptions options;
    options.github_annotation_cap = 1;
    std::string out =
        occkit::write_report(occkit::ReportFormat::github, {hostile, hostile, colon}, {}, {"a.xml"}, options);
    std::vector<std::string> lines = occkit::testing::lines_of(out);
    ASSERT_EQ(lines.size(), 4u) << out;  // one annotation, two log lines, the summary
    EXPECT_EQ(lines[0],
              "::error file=evil%0A%3A%3Aerror file=/etc/passwd%3A%3Apwned.xml,line=3,title=schema::50%25 done%0D%0A"
              "::error file=x::fake");
    EXPECT_EQ(lines[1],
              "evil%0A::error file=/etc/passwd::pwned.xml:3: error: 50%25 done%0D%0A::error file=x::fake "
              "[schema]");
    EXPECT_EQ(lines[2].rfind("%3A:warning::name.xml:3: error:", 0), 0u) << lines[2];
    for (std::size_t k = 1; k < lines.size(); ++k) EXPECT_FALSE(lines[k].starts_with("::")) << lines[k];
}

TEST(HardenSarif, InterruptedRunIsMarked) {
    occkit::ReportOptions options;
    std::string complete = occkit::write_report(occkit::ReportFormat::sarif, {}, {}, {"a.xml"}, options);
    EXPECT_TRUE(occkit::testing::contains(complete, "\"executionSuccessful\": true")) << complete;
    options.complete = false;
    std::string partial = occkit::write_report(occkit::ReportFormat::sarif, {}, {}, {"a.xml"}, options);
    EXPECT_TRUE(occkit::testing::contains(partial, "\"executionSuccessful\": false")) << partial;
    EXPECT_TRUE(occkit::testing::contains(partial, "interrupted")) << partial;
}

// ---- directory walks stay inside the tree

TEST(HardenWalk, SymlinkLeadingOutsideIsReportedNotRead) {
    namespace fs = std::filesystem;
    auto dir = occkit::testing::scratch_dir("harden_walk");
    occkit::testing::write_text(dir / "private" / "secret.txt", "Secret Keeper\n\nDuties\nKeeps the secret 7xq.\n");
    occkit::testing::write_text(dir / "pages" / "own.txt", "Welder\n\nDuties\nWelders join metal.\n");
    fs::create_directories(dir / "pages" / "sub");
    fs::create_symlink(dir / "private" / "secret.txt", dir / "pages" / "link.txt");
    fs::create_symlink(dir / "private", dir / "pages" / "sub" / "elsewhere");
    fs::create_symlink(dir / "pages" / "own.txt", dir / "pages" / "sub" / "inside.txt");  // inside: followed

    auto inputs = occkit::cli::collect_inputs({(dir / "pages").string()}, {".txt"});
    std::vector<std::string> seen;
    for (const auto& in : inputs) seen.push_back(in.relative + (in.error.empty() ? "" : " ! " + in.error));
    std::string outside =
        " ! symlink leads outside " + (dir / "pages").string() + "; not followed (--follow-symlinks follows it)";
    EXPECT_EQ(seen,
              (std::vector<std::string>{"link.txt" + outside, "own.txt", "sub/elsewhere" + outside, "sub/inside.txt"}));

    auto run = run_cli({"convert", (dir / "pages").string(), "-o", (dir / "out").string()});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_FALSE(fs::exists(dir / "out" / "link.xml"));
    EXPECT_TRUE(fs::exists(dir / "out" / "own.xml"));
    auto followed = run_cli({"convert", "--follow-symlinks", (dir / "pages").string(), "-o", (dir / "out2").string()});
    EXPECT_EQ(followed.exit_code, 0) << followed.err;
    EXPECT_TRUE(occkit::testing::contains(occkit::testing::read_file(dir / "out2" / "link.xml"), "7xq"));
}

// ---- a name near NAME_MAX can be written: the temporary name is no longer than it

TEST(HardenWrite, OutputNameAtTheFileNameLimit) {
    auto dir = occkit::testing::scratch_dir("harden_long_name");
    std::string name = std::string(251, 'n') + ".xml";  // 255 bytes: NAME_MAX
    occkit::cli::write_file_atomic(dir / name, "<x/>\n");
    EXPECT_EQ(occkit::testing::read_file(dir / name), "<x/>\n");
    std::size_t entries = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) entries += entry.path().filename() == name;
    EXPECT_EQ(entries, 1u);
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()), 1);
}
