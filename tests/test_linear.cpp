// Hostile shapes that were once quadratic or worse, checked for their results (the times are the bench's job:
// bench/complexity_bench.cpp), the attribute cap, and cancellation: the library's flag (occkit/cancel.hpp) and
// the CLI stopping soon after SIGTERM in the middle of a huge conversion.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "occkit/cancel.hpp"
#include "occkit/convert.hpp"
#include "occkit/diff.hpp"
#include "occkit/json.hpp"
#include "testing.hpp"

namespace {

using namespace occkit;
using occkit::testing::scratch_dir;

std::string attributes(int n) {
    std::string s;
    for (int a = 0; a < n; ++a) s += " a" + std::to_string(a) + "=\"v\"";
    return s;
}

std::string page_with(const std::string& body) {
    return "<html><body><h1>Welder</h1>" + body + "<h2>Duties</h2><p>Weld metal parts together.</p></body></html>";
}

TEST(AttributeCap, ManyAttributesOnOneElementAreRefusedWithTheLine) {
    std::string page = "<html><body>\n<h1>Welder</h1>\n<p" + attributes(5000) + ">x</p></body></html>";
    try {
        convert(page);
        FAIL() << "an element with 5000 attributes was accepted";
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "an element with more than 1000 attributes (line 3)");
    }
}

TEST(AttributeCap, UpToTheCapIsConvertedAndTheCapCanBeLifted) {
    std::string page = page_with("<p" + attributes(1000) + ">Works in shops.</p>");
    Conversion c = convert(page);
    ASSERT_TRUE(c.profile.title);
    EXPECT_EQ(c.profile.title->text, "Welder");
    ConvertOptions lifted;
    lifted.limits.max_attributes = SIZE_MAX;
    EXPECT_EQ(convert(page_with("<p" + attributes(3000) + ">x</p>"), lifted).profile.title->text, "Welder");
}

TEST(AttributeCap, QuotedValuesCommentsAndScriptsAreNotCounted) {
    std::string many_words;
    for (int w = 0; w < 3000; ++w) many_words += " w";
    std::string body = "<p title=\"" + many_words + "\">a</p><!-- <p" + many_words + " --><script>if (a <b" +
                       many_words + ") {}</script>";
    EXPECT_EQ(convert(page_with(body)).profile.title->text, "Welder");
}

TEST(Linear, AWholeLineOfRepeatedTextIsFurnitureNotTheTitle) {
    // The repeated-text furniture check (layout match="repeated") replaced a backtracking ^(.+)\1+$.
    std::string glued = "Allied Health ProfessionsAllied Health Professions";
    Conversion c = convert(glued + "\n\nWelder\n\nDuties\nWeld metal parts together every day in a shop.\n");
    ASSERT_TRUE(c.profile.title);
    EXPECT_EQ(c.profile.title->text, "Welder");
    std::string brackets;
    for (int i = 0; i < 50000; ++i) brackets += "[]";
    auto start = std::chrono::steady_clock::now();
    convert(brackets + "[x\n\nWelder\n");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));  // was minutes; a hang guard
}

TEST(Linear, EveryWageOfALongLineIsRead) {
    std::string line = "Welder\n\nWages\n";
    for (int i = 0; i < 5000; ++i) line += "$" + std::to_string(30 + i % 50) + ",000 ";
    Conversion c = convert(line + "\n");
    std::size_t wages = c.profile.wages.size();
    for (const auto& s : c.profile.sections) wages += s.wages.size();
    EXPECT_EQ(wages, 5000u);
}

TEST(Linear, RepeatedSectionKindsPairByHeading) {
    Profile a, b;
    for (int i = 0; i < 3000; ++i) {
        Section s;
        s.kind = "other";
        s.heading = "Part " + std::to_string(i);
        Content p;
        p.paragraph = {"Text of part " + std::to_string(i) + ".", 1};
        s.content.push_back(p);
        a.sections.push_back(s);
    }
    b = a;
    b.sections[1500].content[0].paragraph.text = "Changed text.";
    std::swap(b.sections[10], b.sections[20]);
    ProfileDiff d = diff_profiles(a, b);
    int changed = 0, moved = 0;
    for (const auto& s : d.sections) {
        changed += s.status == Change::changed;
        moved += s.moved;
        if (s.status == Change::changed) {
            EXPECT_EQ(s.path, "other[Part 1500]");
        }
    }
    EXPECT_EQ(changed, 1);
    EXPECT_EQ(moved, 2);  // two sections swapped: the LCS keeps the others in order, both of these moved
}

// ---- Cancellation -------------------------------------------------------------------------------------------------

struct CancelGuard {
    ~CancelGuard() { reset_cancel(); }
};

TEST(Cancel, EveryLongCallThrowsCancelledOnceRequested) {
    CancelGuard guard;
    Profile p = convert(page_with("")).profile;
    request_cancel();
    EXPECT_TRUE(cancel_requested());
    EXPECT_THROW(convert(page_with("")), Cancelled);
    EXPECT_THROW(diff_profiles(p, p), Cancelled);
    EXPECT_THROW(write_json(p), Cancelled);
    reset_cancel();
    EXPECT_FALSE(cancel_requested());
    EXPECT_EQ(convert(page_with("")).profile.title->text, "Welder");
}

TEST(Cancel, CancelledIsAnErrorSayingSo) {
    Cancelled c;
    const Error& e = c;
    EXPECT_STREQ(e.what(), "cancelled");
}

// The CLI converting a huge page gets SIGTERM ~0.3 s in and must end promptly (the bound is generous: it is a hang
// guard, not a timing test; the library polls every few microseconds of work).
TEST(Cancel, TheCliStopsPromptlyOnSigtermInAHugeConversion) {
    auto dir = scratch_dir("linear-cancel");
    const auto page = dir / "huge.html";
    {
        std::ofstream out(page, std::ios::binary);
        out << "<html><body><h1>Welder</h1>\n";
        const std::string chunk = "<h2>Part</h2><p>Weld metal parts together in a shop, $25.00 an hour in 2023.</p>\n";
        for (std::size_t written = 0; written < (std::size_t{120} << 20); written += chunk.size()) out << chunk;
        out << "</body></html>\n";
    }
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        freopen("/dev/null", "w", stderr);
        execl(OCCKIT_CLI, OCCKIT_CLI, "convert", page.c_str(), "-o", (dir / "huge.xml").c_str(), nullptr);
        _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) GTEST_SKIP() << "the conversion ended before the signal";
    kill(pid, SIGTERM);
    auto signalled = std::chrono::steady_clock::now();
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() - signalled > std::chrono::seconds(30)) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            FAIL() << "still running 30 s after SIGTERM";
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    auto took = std::chrono::steady_clock::now() - signalled;
    EXPECT_LT(took, std::chrono::seconds(2));
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 143);
    EXPECT_FALSE(std::filesystem::exists(dir / "huge.xml"));
    std::filesystem::remove(page);
}

}  // namespace
