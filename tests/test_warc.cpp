// Web archives (occkit/warc.hpp): real WARC files made by `wget --warc-file` from a local `python3 -m http.server`
// (127.0.0.1 only, a port the system picks, stopped by the test) serving sample pages in two versions, then read by
// `occkit history` and `occkit convert`; and hand-made archives with a truncated record, a broken HTTP header and a
// non-HTML payload. Skips with a message when wget or python3 is missing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "occkit/error.hpp"
#include "occkit/warc.hpp"
#include "testing.hpp"

namespace {

namespace fs = std::filesystem;
using namespace occkit;
using occkit::testing::contains;
using occkit::testing::read_file;
using occkit::testing::run_cli;
using occkit::testing::scratch_dir;
using occkit::testing::source_dir;
using occkit::testing::write_text;

bool have(const std::string& program) {
    return std::system(("command -v " + program + " >/dev/null 2>&1").c_str()) == 0;
}

std::string sample(const std::string& name) { return read_file(source_dir() / "samples" / "workbc" / name); }

// A python3 http.server on 127.0.0.1 serving `root`, on a port of the system's choosing; stopped on destruction
// (and by `timeout` after 120 s whatever happens).
class LocalServer {
public:
    explicit LocalServer(const fs::path& root) : log_(root.parent_path() / "server.log") {
        fs::path pid_file = root.parent_path() / "server.pid";
        std::string cmd = "cd '" + root.string() + "' && (timeout 120 python3 -u -m http.server 0 --bind 127.0.0.1 >'" +
                          log_.string() + "' 2>&1 & echo $! >'" + pid_file.string() + "')";
        if (std::system(cmd.c_str()) != 0) return;
        for (int k = 0; k < 100 && port_.empty(); ++k) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            std::string log = fs::exists(log_) ? read_file(log_) : "";
            auto at = log.find(" port ");
            if (at != std::string::npos)
                port_ = log.substr(at + 6, log.find_first_not_of("0123456789", at + 6) - at - 6);
        }
        pid_ = fs::exists(pid_file) ? read_file(pid_file) : "";
    }
    ~LocalServer() {
        if (!pid_.empty()) std::system(("kill " + pid_ + " 2>/dev/null").c_str());
    }
    const std::string& port() const { return port_; }

private:
    fs::path log_;
    std::string port_;
    std::string pid_;
};

// wget the pages of the server into `warc` (a .warc.gz unless `compress` is false); true when wget succeeded.
bool crawl(const LocalServer& server, const fs::path& warc, bool compress) {
    std::string base = "http://127.0.0.1:" + server.port() + "/";
    fs::path stem = warc;
    stem.replace_extension();
    if (compress) stem.replace_extension();
    std::string cmd =
        "cd '" + warc.parent_path().string() +
        "' && wget -q --no-proxy --no-http-keep-alive --tries=3 --retry-connrefused --waitretry=1 --timeout=20 " +
        "-O /dev/null --warc-file='" + stem.string() + "'" + (compress ? "" : " --no-warc-compression") + " " + base +
        "careers/2225.html " + base + "careers/3219.html " + base + "logo.png";
    for (int attempt = 0; attempt < 3; ++attempt) {  // a loaded machine may drop a request: crawl again
        fs::remove(warc);
        if (std::system(cmd.c_str()) == 0 && fs::exists(warc)) return true;
    }
    return false;
}

struct Crawls {
    fs::path first;   // crawl-1.warc.gz: 2225 and 3219 as in samples/
    fs::path second;  // crawl-2.warc (uncompressed): 2225 reworded
    std::string skip;
};

Crawls make_crawls(const std::string& name) {
    Crawls c;
    if (!have("wget") || !have("python3") || !have("timeout")) {
        c.skip = "wget, python3 or timeout is missing";
        return c;
    }
    fs::path root = scratch_dir(name);
    fs::path site = root / "site";
    write_text(site / "careers" / "2225.html", sample("2225.html"));
    write_text(site / "careers" / "3219.html", sample("3219.html"));
    write_text(site / "logo.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    LocalServer server(site);
    if (server.port().empty()) {
        c.skip = "python3 -m http.server did not start on 127.0.0.1";
        return c;
    }
    c.first = root / "crawl-1.warc.gz";
    c.second = root / "crawl-2.warc";
    EXPECT_TRUE(crawl(server, c.first, true));
    std::string page = sample("2225.html");
    page.replace(page.find("golf courses"), 12, "sports fields");
    write_text(site / "careers" / "2225.html", page);
    EXPECT_TRUE(crawl(server, c.second, false));
    return c;
}

TEST(Warc, HistoryPerUrlFromTwoCrawls) {
    Crawls c = make_crawls("warc_history");
    if (!c.skip.empty()) GTEST_SKIP() << c.skip;
    auto r = run_cli({"history", c.first.string(), c.second.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;  // the PNG is skipped, not an error
    EXPECT_TRUE(contains(r.out, "/careers/2225.html (changed)")) << r.out;
    EXPECT_TRUE(contains(r.out, "/careers/3219.html (unchanged)")) << r.out;
    EXPECT_TRUE(contains(r.out, "(date from warc)")) << r.out;
    EXPECT_TRUE(contains(r.out, "words +2 -2")) << r.out;
    EXPECT_TRUE(contains(r.out, "profiles: 1 unchanged, 1 changed, 0 added, 0 removed (4 snapshots")) << r.out;
    EXPECT_TRUE(contains(r.err, "/logo.png): not HTML or text (image/png), skipped")) << r.err;
}

TEST(Warc, ConvertWritesOneXmlPerUrlAndDate) {
    Crawls c = make_crawls("warc_convert");
    if (!c.skip.empty()) GTEST_SKIP() << c.skip;
    fs::path out = c.first.parent_path() / "out";
    auto r = run_cli({"convert", c.first.string(), c.second.string(), "-o", out.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "converted 4 page record(s)")) << r.err;
    int xml = 0;
    for (const auto& e : fs::recursive_directory_iterator(out))
        if (e.path().extension() == ".xml") {
            ++xml;
            EXPECT_EQ(e.path().parent_path().filename(), "careers");
            fs::path rel = fs::relative(e.path(), out);
            EXPECT_EQ(rel.begin()->string().size(), 14u) << e.path();  // the WARC-Date as a Wayback timestamp
            EXPECT_EQ(std::next(rel.begin())->string().rfind("127.0.0.1_", 0), 0u) << e.path();  // host, port
            EXPECT_TRUE(contains(read_file(e.path()), "/careers/")) << e.path();
        }
    EXPECT_EQ(xml, 4);
}

// A WARC/1.0 response record by hand: `payload` is the HTTP message.
std::string record(const std::string& uri, const std::string& payload) {
    return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
           "\r\nWARC-Date: 2022-10-17T09:30:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; "
           "msgtype=response\r\nContent-Length: " +
           std::to_string(payload.size()) + "\r\n\r\n" + payload + "\r\n\r\n";
}

std::string http(const std::string& type, const std::string& body) {
    return "HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\n\r\n" + body;
}

TEST(Warc, BadRecordsAreReportedAndTheRestRead) {
    fs::path root = scratch_dir("warc_bad");
    std::string page = sample("3219.html");
    std::string good = record("http://example.org/careers/3219.html", http("text/html; charset=utf-8", page));
    std::string broken = record("http://example.org/careers/broken.html", "HTTP/1.1 200 OK\r\nno colon here");
    std::string image = record("http://example.org/logo.png", http("image/png", "\x89PNG"));
    std::string last = record("http://example.org/careers/2225.html", http("text/html", sample("2225.html")));
    write_text(root / "bad.warc", good + broken + image + last.substr(0, last.size() / 2));
    int pages = 0;
    std::vector<WarcProblem> problems;
    read_warc((root / "bad.warc").string(),
              [&](WarcPage& p) {
                  ++pages;
                  EXPECT_EQ(p.uri, "http://example.org/careers/3219.html");
              },
              [&](const WarcProblem& p) { problems.push_back(p); });
    EXPECT_EQ(pages, 1);
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_EQ(problems[0].uri, "http://example.org/careers/broken.html");
    EXPECT_EQ(problems[0].reason, "broken HTTP header, record skipped");
    EXPECT_EQ(problems[0].offset, static_cast<std::int64_t>(good.size()));
    EXPECT_EQ(problems[1].uri, "http://example.org/logo.png");
    EXPECT_TRUE(problems[1].skipped_only);
    EXPECT_EQ(problems[2].uri, "http://example.org/careers/2225.html");
    EXPECT_TRUE(contains(problems[2].reason, "archive ends inside the record")) << problems[2].reason;

    auto r = run_cli({"history", (root / "bad.warc").string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;  // one snapshot read, two records lost
    EXPECT_TRUE(contains(r.err, "bad.warc: record at offset ")) << r.err;
    EXPECT_TRUE(contains(r.err, "(http://example.org/careers/broken.html): broken HTTP header")) << r.err;
    EXPECT_TRUE(contains(r.out, "history of \"")) << r.out;

    write_text(root / "not.warc", "just some text\n");
    auto n = run_cli({"history", (root / "not.warc").string()});
    EXPECT_EQ(n.exit_code, 2);
    EXPECT_TRUE(contains(n.err, "not.warc: not a web archive")) << n.err;
}

TEST(Warc, HttpCharsetIsApplied) {
    fs::path root = scratch_dir("warc_charset");
    std::string body =
        "<html><head><meta charset=\"utf-8\"><title>Caf\xE9</title></head><body><h1>Caf\xE9 "
        "cook</h1><p>Cooks prepare meals in a caf\xE9.</p></body></html>";
    write_text(root / "latin1.warc",
               record("http://example.org/cafe.html", http("text/html; charset=ISO-8859-1", body)));
    std::string got;
    read_warc((root / "latin1.warc").string(), [&](WarcPage& p) { got = p.body; }, [](const WarcProblem&) {});
    EXPECT_TRUE(contains(got, "Caf\xC3\xA9 cook")) << got;
    EXPECT_EQ(got.rfind("\xEF\xBB\xBF", 0), 0u);
}

// The same reader on bytes in memory (what the warc fuzz target feeds): a date without a time still gives a
// 14-digit timestamp, and bytes that are no web archive are refused with the name given.
TEST(Warc, ReadFromMemory) {
    std::string page = http("text/html", "<html><body><h1>Baker</h1><p>Bakers bake bread.</p></body></html>");
    std::string dated = record("http://example.org/baker.html", page);
    std::string day_only = dated;
    day_only.replace(day_only.find("2022-10-17T09:30:00Z"), 20, "2022-10-18          ");
    std::vector<std::string> stamps;
    read_warc_bytes(
        dated + day_only, "memory.warc", [&](WarcPage& p) { stamps.push_back(p.timestamp); },
        [](const WarcProblem& p) { ADD_FAILURE() << p.reason; });
    EXPECT_EQ(stamps, (std::vector<std::string>{"20221017093000", "20221018000000"}));
    try {
        read_warc_bytes(
            "just text", "memory.warc", [](WarcPage&) {}, [](const WarcProblem&) {});
        ADD_FAILURE() << "not refused";
    } catch (const occkit::Error& e) {
        EXPECT_TRUE(contains(e.what(), "memory.warc: not a web archive")) << e.what();
    }
}

}  // namespace
