// File input and output: bounded reads, atomic writes that never leave debris or clobber inputs, and input
// discovery over directory trees with symlink loops and unreadable corners.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "files.hpp"
#include "occkit/error.hpp"
#include "occkit/io.hpp"
#include "testing.hpp"

namespace {

using occkit::testing::write_text;

namespace fs = std::filesystem;

// A fresh directory for one test, removed with everything in it when the test ends.
class ScratchDir {
public:
    explicit ScratchDir(const std::string& name) : path_(occkit::testing::scratch_dir(name)) {}
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
        fs::remove(path_.parent_path(), ec);  // the per-process parent, once it is empty
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

std::string read_text(const fs::path& path) { return occkit::testing::read_file(path); }

// The message of the occkit::Error `action` throws, or "" when it throws none.
template <typename Action>
std::string error_of(Action action) {
    try {
        action();
    } catch (const occkit::Error& e) {
        return e.what();
    }
    return "";
}

std::vector<std::string> names_in(const fs::path& directory) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(directory)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

bool running_as_root() { return ::geteuid() == 0; }

// Points a standard descriptor somewhere else for the life of the object.
class RedirectedDescriptor {
public:
    RedirectedDescriptor(int target, int replacement) : target_(target), saved_(::dup(target)) {
        ::dup2(replacement, target_);
    }
    ~RedirectedDescriptor() {
        ::dup2(saved_, target_);
        ::close(saved_);
    }
    RedirectedDescriptor(const RedirectedDescriptor&) = delete;
    RedirectedDescriptor& operator=(const RedirectedDescriptor&) = delete;

private:
    int target_;
    int saved_;
};

// --- read_input ---

TEST(ReadInput, ReadsBinaryContentExactly) {
    ScratchDir scratch("read-binary");
    const fs::path& dir = scratch.path();
    std::string data("a\0b\xff\r\n", 6);
    write_text(dir / "page.html", data);
    EXPECT_EQ(occkit::read_input((dir / "page.html").string()), data);
}

TEST(ReadInput, ReportsMissingFilesAndDirectories) {
    ScratchDir scratch("read-errors");
    const fs::path& dir = scratch.path();
    std::string missing = (dir / "missing.html").string();
    EXPECT_EQ(error_of([&] { occkit::read_input(missing); }), missing + ": no such file or directory");
    EXPECT_EQ(error_of([&] { occkit::read_input(dir.string()); }), dir.string() + ": is a directory");
}

TEST(ReadInput, ErrorsCarryTheirKindAndPath) {
    ScratchDir scratch("io-error-codes");
    const fs::path& dir = scratch.path();
    const std::string missing = (dir / "absent.html").string();
    try {
        occkit::read_input(missing);
        FAIL() << "no error";
    } catch (const occkit::Error& e) {
        EXPECT_EQ(e.code(), occkit::ErrorCode::io);
        EXPECT_EQ(e.path(), missing);
        EXPECT_EQ(e.reason(), "no such file or directory");
    }
    const std::string big = (dir / "big.txt").string();
    write_text(big, std::string(100, 'x'));
    try {
        occkit::read_input(big, 10);
        FAIL() << "no error";
    } catch (const occkit::Error& e) {
        EXPECT_EQ(e.code(), occkit::ErrorCode::too_large);
        EXPECT_EQ(e.reason(), "input is larger than the limit of 10 bytes");
    }
}

TEST(SystemReason, LowerCaseSystemTextForErrnoAndErrorCodes) {
    EXPECT_EQ(occkit::system_reason(ENOENT), "no such file or directory");
    EXPECT_EQ(occkit::system_reason(EACCES), "permission denied");
    EXPECT_EQ(occkit::system_reason(std::make_error_code(std::errc::is_a_directory)), "is a directory");
}

TEST(HasExtension, ComparesWithoutCaseAgainstTheCommandsLists) {
    using occkit::cli::has_extension;
    EXPECT_TRUE(has_extension("dir/Page.HTML", occkit::cli::page_extensions));
    EXPECT_TRUE(has_extension("notes.text", occkit::cli::page_extensions));
    EXPECT_FALSE(has_extension("profile.xml", occkit::cli::page_extensions));
    EXPECT_TRUE(has_extension("profile.xml", occkit::cli::document_extensions));
    EXPECT_FALSE(has_extension("archive.warc", occkit::cli::document_extensions));
    EXPECT_FALSE(has_extension("html", occkit::cli::page_extensions));  // a name, not an extension
}

TEST(ReadInput, EnforcesTheSizeLimit) {
    ScratchDir scratch("read-limit");
    const fs::path& dir = scratch.path();
    std::string path = (dir / "big.txt").string();
    write_text(path, std::string(1000, 'x'));
    EXPECT_EQ(occkit::read_input(path, 1000).size(), 1000u);
    EXPECT_EQ(error_of([&] { occkit::read_input(path, 999); }), path + ": input is larger than the limit of 999 bytes");
}

TEST(ReadInput, ReportsPermissionDenied) {
    if (running_as_root()) GTEST_SKIP() << "root reads files whatever their mode";
    ScratchDir scratch("read-denied");
    const fs::path& dir = scratch.path();
    std::string path = (dir / "secret.html").string();
    write_text(path, "x");
    fs::permissions(path, fs::perms::none);
    EXPECT_EQ(error_of([&] { occkit::read_input(path); }), path + ": permission denied");
}

TEST(ReadInput, ReadsAFifoAndStandardInput) {
    ScratchDir scratch("read-fifo");
    const fs::path& dir = scratch.path();
    fs::path fifo = dir / "pipe";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const std::string payload(200000, 'q');  // larger than a pipe buffer: needs several reads
    std::thread writer([&] { write_text(fifo, payload); });
    EXPECT_EQ(occkit::read_input(fifo.string()), payload);
    writer.join();

    int pipe_fds[2];
    ASSERT_EQ(::pipe(pipe_fds), 0);
    ASSERT_EQ(::write(pipe_fds[1], "from stdin", 10), 10);
    ::close(pipe_fds[1]);
    {
        RedirectedDescriptor stdin_from_pipe(STDIN_FILENO, pipe_fds[0]);
        EXPECT_EQ(occkit::read_input("-"), "from stdin");
    }
    ::close(pipe_fds[0]);
}

TEST(ReadInput, StandardInputHasTheSizeLimitToo) {
    int pipe_fds[2];
    ASSERT_EQ(::pipe(pipe_fds), 0);
    ASSERT_EQ(::write(pipe_fds[1], "0123456789", 10), 10);
    ::close(pipe_fds[1]);
    RedirectedDescriptor stdin_from_pipe(STDIN_FILENO, pipe_fds[0]);
    ::close(pipe_fds[0]);
    EXPECT_EQ(error_of([] { occkit::read_input("-", 5); }),
              "standard input: input is larger than the limit of 5 bytes");
}

// --- write_file_atomic ---

TEST(WriteFileAtomic, CreatesParentsAndLeavesNoTemporaryFiles) {
    ScratchDir scratch("write-new");
    const fs::path& dir = scratch.path();
    fs::path target = dir / "out" / "nested" / "profile.xml";
    occkit::cli::write_file_atomic(target, "<occupation/>\n");
    EXPECT_EQ(read_text(target), "<occupation/>\n");
    EXPECT_EQ(names_in(target.parent_path()), std::vector<std::string>{"profile.xml"});
    // New files get the ordinary permissions (0666 less umask), not mkstemp's 0600.
    mode_t mask = ::umask(022);
    ::umask(mask);
    EXPECT_EQ(static_cast<mode_t>(fs::status(target).permissions()), 0666 & ~mask);
}

TEST(WriteFileAtomic, PiecesAreWrittenInOrderAndAFailureMidwayLeavesTheTargetAsItWas) {
    ScratchDir scratch("write-pieces");
    const fs::path& dir = scratch.path();
    fs::path target = dir / "profile.xml";
    occkit::cli::write_file_atomic(target, [](const occkit::cli::PieceWriter& write) {
        write("<occupation>");
        write("");
        write("</occupation>\n");
    });
    EXPECT_EQ(read_text(target), "<occupation></occupation>\n");

    // The producer fails after a first piece: the old file stays whole and no temporary file is left behind.
    EXPECT_THROW(occkit::cli::write_file_atomic(target,
                                                [](const occkit::cli::PieceWriter& write) {
                                                    write("<occupation>half");
                                                    throw occkit::Error("the writer failed");
                                                }),
                 occkit::Error);
    EXPECT_EQ(read_text(target), "<occupation></occupation>\n");
    EXPECT_EQ(names_in(dir), std::vector<std::string>{"profile.xml"});
}

TEST(WriteFileAtomic, ReplacesAnExistingFileKeepingItsMode) {
    ScratchDir scratch("write-replace");
    const fs::path& dir = scratch.path();
    fs::path target = dir / "profile.xml";
    write_text(target, "old content that is longer than the new one");
    fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    occkit::cli::write_file_atomic(target, "new");
    EXPECT_EQ(read_text(target), "new");
    EXPECT_EQ(fs::status(target).permissions(), fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    EXPECT_EQ(names_in(dir), std::vector<std::string>{"profile.xml"});
}

TEST(WriteFileAtomic, RefusesToOverwriteAProtectedInput) {
    ScratchDir scratch("write-protected");
    const fs::path& dir = scratch.path();
    fs::path input = dir / "pages" / "page.html";
    write_text(input, "original");
    const std::string expected = ": refusing to overwrite an input file";

    EXPECT_EQ(error_of([&] { occkit::cli::write_file_atomic(input, "x", {input}); }), input.string() + expected);
    fs::path other_spelling = dir / "pages" / ".." / "pages" / "." / "page.html";
    EXPECT_EQ(error_of([&] { occkit::cli::write_file_atomic(other_spelling, "x", {input}); }),
              other_spelling.string() + expected);
    fs::create_directory_symlink(dir / "pages", dir / "alias");
    EXPECT_EQ(error_of([&] { occkit::cli::write_file_atomic(dir / "alias" / "page.html", "x", {input}); }),
              (dir / "alias" / "page.html").string() + expected);
    fs::create_hard_link(input, dir / "hardlink.html");
    EXPECT_EQ(error_of([&] { occkit::cli::write_file_atomic(dir / "hardlink.html", "x", {input}); }),
              (dir / "hardlink.html").string() + expected);

    EXPECT_EQ(read_text(input), "original");
    EXPECT_EQ(names_in(dir / "pages"), std::vector<std::string>{"page.html"});
    // A neighbour of the input is fine.
    occkit::cli::write_file_atomic(dir / "pages" / "page.xml", "ok", {input});
    EXPECT_EQ(read_text(dir / "pages" / "page.xml"), "ok");
}

TEST(WriteFileAtomic, FsyncDurabilityWritesTheSameBytes) {
    ScratchDir scratch("write-fsync");
    fs::path target = scratch.path() / "out" / "profile.xml";
    occkit::cli::write_file_atomic(target, "<occupation/>\n", {}, occkit::cli::Durability::fsync);
    EXPECT_EQ(read_text(target), "<occupation/>\n");
    EXPECT_EQ(names_in(target.parent_path()), std::vector<std::string>{"profile.xml"});
}

TEST(ProtectedPaths, ResolvedOnceStillCatchEverySpelling) {
    ScratchDir scratch("protected-set");
    const fs::path& dir = scratch.path();
    write_text(dir / "a.html", "a");
    fs::create_hard_link(dir / "a.html", dir / "b.html");
    // Built before the missing input exists: it is kept by name, and "-" protects nothing.
    const occkit::cli::ProtectedPaths inputs(std::vector<fs::path>{dir / "a.html", dir / "later.html", "-"});
    EXPECT_TRUE(inputs.contains(dir / "." / "a.html"));
    EXPECT_TRUE(inputs.contains(dir / "b.html"));
    EXPECT_TRUE(inputs.contains(dir / "later.html"));
    EXPECT_FALSE(inputs.contains(dir / "a.xml"));
    EXPECT_FALSE(inputs.contains("-"));
}

TEST(WriteFileAtomic, FailsCleanlyInAReadOnlyDirectory) {
    if (running_as_root()) GTEST_SKIP() << "root writes into read-only directories";
    ScratchDir scratch("write-readonly");
    const fs::path& dir = scratch.path();
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
    std::string message = error_of([&] { occkit::cli::write_file_atomic(dir / "out.xml", "x"); });
    fs::permissions(dir, fs::perms::owner_all);
    EXPECT_EQ(message, (dir / "out.xml").string() + ": permission denied");
    EXPECT_TRUE(names_in(dir).empty());
}

TEST(WriteFileAtomic, FailsCleanlyWhereNoFileCanBeCreated) {
    // /proc refuses new files even for root.
    EXPECT_NE(error_of([] { occkit::cli::write_file_atomic("/proc/occkit-test-output.xml", "x"); }), "");
    EXPECT_FALSE(fs::exists("/proc/occkit-test-output.xml"));

    ScratchDir scratch("write-notdir");
    const fs::path& dir = scratch.path();
    write_text(dir / "file.txt", "I am a file");
    EXPECT_EQ(error_of([&] { occkit::cli::write_file_atomic(dir / "file.txt" / "sub" / "out.xml", "x"); }),
              (dir / "file.txt" / "sub" / "out.xml").string() + ": cannot create directory " +
                  (dir / "file.txt" / "sub").string() + ": not a directory");
    EXPECT_EQ(read_text(dir / "file.txt"), "I am a file");

    fs::create_directory(dir / "taken.xml");
    EXPECT_EQ(error_of([&] { occkit::cli::write_file_atomic(dir / "taken.xml", "x"); }),
              (dir / "taken.xml").string() + ": is a directory");
    EXPECT_EQ(names_in(dir), (std::vector<std::string>{"file.txt", "taken.xml"}));
}

TEST(WriteFileAtomic, WriteErrorsRemoveTheTemporaryFile) {
    // A file-size limit makes write() fail part way, as a full disk would (EFBIG instead of ENOSPC).
    ScratchDir scratch("write-fsize");
    const fs::path& dir = scratch.path();
    fs::path target = dir / "big.xml";
    auto previous_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit saved{};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
    rlimit small = saved;
    small.rlim_cur = 4096;
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
    std::string message = error_of([&] { occkit::cli::write_file_atomic(target, std::string(100000, 'x')); });
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previous_handler);

    EXPECT_EQ(message, target.string() + ": file too large");
    EXPECT_TRUE(names_in(dir).empty()) << "neither the target nor a temporary file may remain";
}

TEST(WriteFileAtomic, DeviceFilesAreWrittenInPlace) {
    occkit::cli::write_file_atomic("/dev/null", "discarded");
    EXPECT_TRUE(fs::is_character_file("/dev/null"));
    if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
    EXPECT_EQ(error_of([] { occkit::cli::write_file_atomic("/dev/full", "data"); }),
              "/dev/full: no space left on device");
    EXPECT_TRUE(fs::is_character_file("/dev/full")) << "the device node must not be replaced";
}

TEST(WriteFileAtomic, DashWritesStandardOutputAndReportsItsErrors) {
    int pipe_fds[2];
    ASSERT_EQ(::pipe(pipe_fds), 0);
    {
        RedirectedDescriptor stdout_to_pipe(STDOUT_FILENO, pipe_fds[1]);
        occkit::cli::write_file_atomic("-", "to stdout");
    }
    ::close(pipe_fds[1]);
    char buffer[64] = {};
    EXPECT_EQ(::read(pipe_fds[0], buffer, sizeof buffer), 9);
    EXPECT_EQ(std::string(buffer), "to stdout");
    ::close(pipe_fds[0]);

    if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
    int full = ::open("/dev/full", O_WRONLY);
    ASSERT_GE(full, 0);
    std::string message;
    {
        RedirectedDescriptor stdout_to_full(STDOUT_FILENO, full);
        message = error_of([] { occkit::cli::write_file_atomic("-", "lost"); });
    }
    ::close(full);
    EXPECT_EQ(message, "standard output: no space left on device");
}

// --- collect_inputs ---

std::vector<std::string> relatives(const std::vector<occkit::cli::InputFile>& inputs) {
    std::vector<std::string> out;
    for (const auto& input : inputs) out.push_back(input.relative);
    return out;
}

TEST(CollectInputs, WalksDirectoriesSortedAndFilteredByExtension) {
    ScratchDir scratch("collect-tree");
    const fs::path& dir = scratch.path();
    for (const char* name : {"b.html", "A.HTM", "notes.txt", "sub/d.html", "sub/deeper/e.htm", "sub-x.html",
                             "image.png", "noext", "sub/.hidden.html"})
        write_text(dir / name, "x");
    fs::create_directory(dir / "empty");

    std::vector<occkit::cli::InputFile> inputs = occkit::cli::collect_inputs({dir.string()}, {".html", ".HTM"});
    EXPECT_EQ(relatives(inputs), (std::vector<std::string>{"A.HTM", "b.html", "sub-x.html", "sub/.hidden.html",
                                                           "sub/d.html", "sub/deeper/e.htm"}));
    ASSERT_EQ(inputs.size(), 6u);
    EXPECT_EQ(inputs[0].path, (dir / "A.HTM").string());
    EXPECT_EQ(inputs[5].path, (dir / "sub" / "deeper" / "e.htm").string());
    for (const auto& input : inputs) EXPECT_EQ(input.error, "") << input.path;

    // Extensions may be given without the dot.
    EXPECT_EQ(relatives(occkit::cli::collect_inputs({dir.string()}, {"txt"})), std::vector<std::string>{"notes.txt"});
}

TEST(CollectInputs, TakesNamedFilesStdinAndReportsMissingPaths) {
    ScratchDir scratch("collect-named");
    const fs::path& dir = scratch.path();
    write_text(dir / "page.pdf", "x");
    std::string missing = (dir / "gone.html").string();
    std::vector<occkit::cli::InputFile> inputs =
        occkit::cli::collect_inputs({(dir / "page.pdf").string(), "-", missing}, {".html"});
    ASSERT_EQ(inputs.size(), 3u);
    EXPECT_EQ(inputs[0].path, (dir / "page.pdf").string());
    EXPECT_EQ(inputs[0].relative, "page.pdf");
    EXPECT_EQ(inputs[0].error, "");
    EXPECT_EQ(inputs[1].path, "-");
    EXPECT_EQ(inputs[1].error, "");
    EXPECT_EQ(inputs[2].path, missing);
    EXPECT_EQ(inputs[2].relative, "gone.html");
    EXPECT_EQ(inputs[2].error, "no such file or directory");
}

TEST(CollectInputs, SymlinkLoopsTerminateAndAreReported) {
    ScratchDir scratch("collect-loop");
    const fs::path& dir = scratch.path();
    write_text(dir / "top.html", "x");
    write_text(dir / "sub" / "inner.html", "x");
    fs::create_directory_symlink("..", dir / "sub" / "loop");   // back to the root
    fs::create_directory_symlink("sub", dir / "alias");         // a second route to sub
    fs::create_symlink("nowhere.html", dir / "dangling.html");  // broken file link

    std::vector<occkit::cli::InputFile> inputs = occkit::cli::collect_inputs({dir.string()}, {".html"});
    std::vector<std::string> good, failed;
    for (const auto& input : inputs) (input.error.empty() ? good : failed).push_back(input.relative);
    // sub is walked once, under its own name rather than through the alias.
    EXPECT_EQ(good, (std::vector<std::string>{"sub/inner.html", "top.html"}));
    EXPECT_EQ(failed, (std::vector<std::string>{"dangling.html", "sub/loop"}));
    for (const auto& input : inputs) {
        if (input.relative == "sub/loop") {
            EXPECT_NE(input.error.find("symlink loop"), std::string::npos);
        }
        if (input.relative == "dangling.html") {
            EXPECT_EQ(input.error, "cannot open: no such file or directory");
        }
    }
}

TEST(CollectInputs, UnreadableSubdirectoryBecomesAnErrorEntry) {
    if (running_as_root()) GTEST_SKIP() << "root reads directories whatever their mode";
    ScratchDir scratch("collect-denied");
    const fs::path& dir = scratch.path();
    write_text(dir / "ok.html", "x");
    write_text(dir / "locked" / "hidden.html", "x");
    fs::permissions(dir / "locked", fs::perms::none);
    std::vector<occkit::cli::InputFile> inputs = occkit::cli::collect_inputs({dir.string()}, {".html"});
    fs::permissions(dir / "locked", fs::perms::owner_all);
    ASSERT_EQ(inputs.size(), 2u);
    EXPECT_EQ(inputs[0].relative, "locked");
    EXPECT_EQ(inputs[0].error, "cannot read directory: permission denied");
    EXPECT_EQ(inputs[1].relative, "ok.html");
    EXPECT_EQ(inputs[1].error, "");
}

}  // namespace
