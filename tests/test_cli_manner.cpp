// One command-line manner across every subcommand (issue 16, tools/manner.hpp): the error style, unknown commands,
// --layout and -o usage errors, --quiet/--verbose everywhere, silent exit on a closed pipe, stdout write errors
// (exit 2 in every command), canonical XML refused by convert, untitled profiles warned about, and layout files
// whose codes the occupation schema would refuse.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "testing.hpp"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using occkit::testing::CliResult;
using occkit::testing::contains;
using occkit::testing::lines_of;
using occkit::testing::read_file;
using occkit::testing::run_cli;
using occkit::testing::scratch_dir;
using occkit::testing::source_dir;
using occkit::testing::write_text;

const char* const kPage =
    "Glassblowing Technician\n\nDuties\n\nGlassblowing technicians shape molten glass into scientific ware.\n";

std::string describe(const CliResult& r) {
    return "exit " + std::to_string(r.exit_code) + "\n--- stdout ---\n" + r.out.substr(0, 2000) + "\n--- stderr ---\n" +
           r.err.substr(0, 2000);
}

std::string sample_page() { return (source_dir() / "samples" / "generic" / "timber-frame-carpenter.txt").string(); }

// The program run with its standard output the write end of a pipe whose read end is already closed (what
// `occkit ... | head -1` comes to once head has exited). Returns the wait status; `err` gets standard error.
int run_into_closed_pipe(const std::vector<std::string>& args, std::string& err) {
    int fds[2];
    if (pipe(fds) != 0) return -1;
    close(fds[0]);
    fs::path err_file = scratch_dir("manner-closed-pipe") / "stderr.txt";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_addclose(&actions, fds[1]);
    posix_spawn_file_actions_addopen(&actions, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<std::string> argv_s{OCCKIT_CLI};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    int rc = posix_spawn(&pid, OCCKIT_CLI, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (rc != 0) return -1;
    int status = 0;
    waitpid(pid, &status, 0);
    err = read_file(err_file);
    return status;
}

// The program with standard output on /dev/full (every write fails with ENOSPC): its exit code and stderr.
CliResult run_into_full_device(const std::vector<std::string>& args) {
    fs::path err_file = scratch_dir("manner-dev-full") / "stderr.txt";
    std::string command = std::string("'") + OCCKIT_CLI + "'";
    for (const auto& a : args) command += " '" + a + "'";
    command += " >/dev/full 2>'" + err_file.string() + "' </dev/null";
    int status = std::system(command.c_str());
    CliResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.err = read_file(err_file);
    return r;
}

TEST(CliManner, UnknownCommandIsNamed) {
    CliResult r = run_cli({"frobnicate"});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_EQ(r.err, "occkit: unknown command 'frobnicate'\nRun 'occkit --help' for usage.\n");
    EXPECT_EQ(r.out, "");
}

TEST(CliManner, ParseErrorsAreOneLinePlusAPointerToHelp) {
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"convert", "--no-such-option"}, {"validate", "--format", "yaml", "x.xml"}, {"stale", "-j", "0"}}) {
        CliResult r = run_cli(args);
        EXPECT_EQ(r.exit_code, 2) << describe(r);
        EXPECT_EQ(r.out, "") << "no help dump";
        auto lines = lines_of(r.err);
        ASSERT_EQ(lines.size(), 2u) << r.err;
        EXPECT_EQ(lines[0].rfind("occkit: " + args[0] + ": ", 0), 0u) << r.err;
        EXPECT_EQ(lines[1], "Run 'occkit " + args[0] + " --help' for usage.");
    }
    CliResult none = run_cli({});
    EXPECT_EQ(none.exit_code, 2);
    EXPECT_EQ(none.err, "occkit: no command given\nRun 'occkit --help' for usage.\n");
}

TEST(CliManner, UnknownLayoutIsAUsageErrorInEveryCommand) {
    const std::string page = sample_page();
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"convert", "--layout", "nosuch", page},
                                               {"detect", "--layout", "nosuch", page},
                                               {"validate", "--layout", "nosuch", page},
                                               {"stale", "--layout", "nosuch", page},
                                               {"export", "--layout", "nosuch", page},
                                               {"diff", "--layout", "nosuch", page, page},
                                               {"history", "--layout", "nosuch", page}}) {
        CliResult r = run_cli(args);
        EXPECT_EQ(r.exit_code, 2) << args[0] << "\n" << describe(r);
        EXPECT_TRUE(contains(r.err, "occkit: " + args[0] + ": --layout: unknown layout 'nosuch'")) << r.err;
        EXPECT_EQ(r.out, "") << args[0];
    }
}

TEST(CliManner, QuietAndVerboseOnEveryCommand) {
    for (const char* sub :
         {"convert", "detect", "layouts", "validate", "rules", "stale", "diff", "history", "export", "import"}) {
        CliResult r = run_cli({sub, "--help"});
        EXPECT_EQ(r.exit_code, 0) << sub;
        EXPECT_TRUE(contains(r.out, "--quiet")) << sub;
        EXPECT_TRUE(contains(r.out, "--verbose")) << sub;
    }
    CliResult verbose = run_cli({"detect", "--verbose", sample_page()});
    EXPECT_EQ(verbose.exit_code, 0) << describe(verbose);
    EXPECT_TRUE(contains(verbose.err, "occkit: detecting " + sample_page())) << verbose.err;
    CliResult quiet = run_cli({"convert", "--quiet", "--layout", "generic", sample_page()});
    EXPECT_EQ(quiet.exit_code, 0) << describe(quiet);
    EXPECT_EQ(quiet.err, "");
}

TEST(CliManner, ClosedPipeEndsSilently) {
    const std::string samples = (source_dir() / "samples").string();
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"layouts"},
                                               {"rules"},
                                               {"convert", "-q", sample_page()},
                                               {"export", "-q", "--format", "ndjson", samples}}) {
        std::string err;
        int status = run_into_closed_pipe(args, err);
        EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE) << args[0] << " status " << status;
        EXPECT_EQ(err, "") << args[0];
    }
}

TEST(CliManner, WriteErrorsOnStandardOutputExitTwoInEveryCommand) {
    if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
    const std::string page = sample_page();
    fs::path dir = scratch_dir("manner-dev-full-inputs");
    CliResult xml = run_cli({"convert", page});
    ASSERT_EQ(xml.exit_code, 0) << describe(xml);
    write_text(dir / "page.xml", xml.out);
    CliResult json = run_cli({"export", page});
    write_text(dir / "page.json", json.out);
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"convert", page},
             {"detect", page},
             {"layouts"},
             {"rules"},
             {"validate", (dir / "page.xml").string()},
             {"stale", page},
             {"diff", "/dev/null", (dir / "page.xml").string()},  // everything added: output to write
             {"history", page},
             {"export", page},
             {"import", (dir / "page.json").string()},
             {"--help"},
             {"--version"}}) {
        CliResult r = run_into_full_device(args);
        EXPECT_EQ(r.exit_code, 2) << args[0] << "\n" << r.err;
        EXPECT_FALSE(r.err.empty()) << args[0];
    }
}

TEST(CliManner, OutputFileWithSeveralInputsIsRefused) {
    fs::path dir = scratch_dir("manner-several-into-file");
    write_text(dir / "in" / "a.txt", kPage);
    write_text(dir / "in" / "b.txt", kPage);
    for (const char* command : {"convert", "export"}) {
        CliResult r = run_cli({command, (dir / "in").string(), "-o", (dir / "single.xml").string()});
        EXPECT_EQ(r.exit_code, 2) << describe(r);
        EXPECT_TRUE(contains(r.err, "names a file")) << r.err;
        EXPECT_FALSE(fs::exists(dir / "single.xml"));
    }
    // A directory to create is still fine, spelled with a trailing slash.
    CliResult ok = run_cli({"convert", "-q", (dir / "in").string(), "-o", (dir / "out.d").string() + "/"});
    EXPECT_EQ(ok.exit_code, 0) << describe(ok);
    EXPECT_TRUE(fs::exists(dir / "out.d" / "a.xml"));
}

TEST(CliManner, MissingInputExitsOneInEveryBatchCommand) {
    fs::path missing = scratch_dir("manner-missing") / "nope.txt";
    for (const char* command : {"convert", "detect", "validate", "stale", "export", "import"}) {
        CliResult r = run_cli({command, missing.string()});
        EXPECT_EQ(r.exit_code, 1) << command << "\n" << describe(r);
        EXPECT_TRUE(contains(r.err + r.out, missing.string())) << command;
    }
    // diff keeps diff(1)'s meaning: 1 is "different", so trouble is 2.
    EXPECT_EQ(run_cli({"diff", sample_page(), missing.string()}).exit_code, 2);
}

TEST(CliManner, ConvertRefusesCanonicalXml) {
    fs::path dir = scratch_dir("manner-convert-xml");
    CliResult xml = run_cli({"convert", sample_page()});
    ASSERT_EQ(xml.exit_code, 0) << describe(xml);
    write_text(dir / "page.xml", xml.out);
    CliResult again = run_cli({"convert", (dir / "page.xml").string()});
    EXPECT_EQ(again.exit_code, 1) << describe(again);
    EXPECT_EQ(again.out, "");
    EXPECT_TRUE(contains(again.err, "occkit: " + (dir / "page.xml").string() + ": already canonical XML")) << again.err;
}

TEST(CliManner, ConvertWarnsWhenAProfileHasNoTitle) {
    const std::string kUntitled = "Duties\n\nSome text here about work.\n";
    CliResult r = run_cli({"convert", "--layout", "generic", "-"}, kUntitled);
    EXPECT_TRUE(contains(r.err, "no title found")) << describe(r);
    CliResult quiet = run_cli({"convert", "-q", "--layout", "generic", "-"}, kUntitled);
    EXPECT_FALSE(contains(quiet.err, "no title found")) << describe(quiet);
}

TEST(CliManner, LayoutWithACodeTheSchemaRefusesIsRefusedWithFileAndLine) {
    fs::path dir = scratch_dir("manner-layout-scheme");
    const std::string layout =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<layout xmlns=\"urn:occkit:layout:1\" id=\"acme\" name=\"Acme\" jurisdiction=\"ON\" language=\"en\">\n"
        "  <title from=\"first-line\"/>\n"
        "  <fields>\n"
        "    <field label=\"NOC\" to=\"codes\" scheme=\"NOCC\"/>\n"
        "  </fields>\n"
        "</layout>\n";
    write_text(dir / "acme.xml", layout);
    write_text(dir / "page.txt", kPage);
    CliResult r = run_cli({"convert", "--layout-file", (dir / "acme.xml").string(), (dir / "page.txt").string()});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_TRUE(contains(r.err, (dir / "acme.xml").string() + ":5:")) << r.err;
    EXPECT_TRUE(contains(r.err, "NOCC")) << r.err;
    EXPECT_EQ(r.out, "");

    std::string bad_version = layout;
    bad_version.replace(bad_version.find("scheme=\"NOCC\""), 13, "scheme=\"NOC\" version=\"v2021\"");
    write_text(dir / "acme.xml", bad_version);
    CliResult v = run_cli({"layouts", "--layout-file", (dir / "acme.xml").string()});
    EXPECT_EQ(v.exit_code, 2) << describe(v);
    EXPECT_TRUE(contains(v.err, (dir / "acme.xml").string() + ":5:")) << v.err;
}

// Runs the program from `dir` (posix_spawn inherits the working directory), then comes back.
CliResult run_cli_in(const fs::path& dir, const std::vector<std::string>& args) {
    fs::path here = fs::current_path();
    fs::current_path(dir);
    CliResult r = run_cli(args);
    fs::current_path(here);
    return r;
}

TEST(CliManner, ProjectConfigIsFoundInAParentAndCanBeIgnored) {
    fs::path dir = scratch_dir("manner-config");
    fs::path deep = dir / "profiles" / "deep";
    fs::create_directories(deep);
    write_text(deep / "page.txt", kPage);
    const std::string page = (deep / "page.txt").string();
    // Settings that cannot load: seeing the error proves the file was found and its lines are the file's own.
    write_text(dir / ".occkit.conf", "# project settings\n[rules]\nno-such-rule = warning\n");
    CliResult validate = run_cli_in(deep, {"validate", "--format", "text", page});
    EXPECT_EQ(validate.exit_code, 2) << describe(validate);
    EXPECT_TRUE(contains(validate.err, (dir / ".occkit.conf").string() + ":3: unknown rule 'no-such-rule'"))
        << validate.err;
    write_text(dir / "rules.conf", "empty-section = off\n");
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"validate", "--no-config", "--format", "text", page},
             {"validate", "--config", (dir / "rules.conf").string(), "--format", "text", page}}) {
        CliResult r = run_cli_in(deep, args);
        EXPECT_NE(r.exit_code, 2) << args[1] << "\n" << describe(r);
    }
    write_text(dir / ".occkit.conf", "# project settings\n[stale-policy]\n\nsalary = soon\n");
    CliResult stale = run_cli_in(deep, {"stale", "--as-of", "2026-11-22", page});
    EXPECT_EQ(stale.exit_code, 2) << describe(stale);
    EXPECT_TRUE(contains(stale.err, (dir / ".occkit.conf").string() + ":4: 'soon'")) << stale.err;
    write_text(dir / "policy.txt", "default = 20y\n");
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"stale", "--no-config", "--as-of", "2026-11-22", page},
             {"stale", "--policy", (dir / "policy.txt").string(), "--as-of", "2026-11-22", page}}) {
        CliResult r = run_cli_in(deep, args);
        EXPECT_NE(r.exit_code, 2) << args[1] << "\n" << describe(r);
    }
    // An occkit.conf nearer the working directory wins, and its settings apply.
    write_text(deep / "occkit.conf", "[rules]\nmissing-title = off\n");
    CliResult nearer = run_cli_in(deep, {"validate", "--format", "text", page});
    EXPECT_NE(nearer.exit_code, 2) << describe(nearer);
    EXPECT_FALSE(contains(nearer.out, "[missing-title]")) << nearer.out;
}

TEST(CliManner, VersionNamesTheLibraries) {
    CliResult r = run_cli({"--version"});
    EXPECT_EQ(r.exit_code, 0);
    auto lines = lines_of(r.out);
    ASSERT_EQ(lines.size(), 2u) << r.out;
    EXPECT_EQ(lines[0], "occkit 0.1.0");
    EXPECT_EQ(lines[1].rfind("libocckit 0.1.0 (libxml2 2.", 0), 0u) << lines[1];
    EXPECT_TRUE(contains(lines[1], ", ICU ")) << lines[1];
}

}  // namespace
