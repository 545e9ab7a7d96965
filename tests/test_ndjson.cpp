// Page records and the NDJSON filter (occkit/records.hpp, `occkit convert --ndjson`, `occkit export
// --ndjson-records`): base64, record reading and its errors, output in input order with -j2, a bad record costing
// its own line only, profiles equal to `occkit export`'s, and GNU parallel --pipe giving one process's output.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "occkit/error.hpp"
#include "occkit/records.hpp"
#include "testing.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using occkit::testing::lines_of;
using occkit::testing::read_file;
using occkit::testing::run_cli;
using occkit::testing::scratch_dir;
using occkit::testing::source_dir;
using occkit::testing::write_text;

TEST(Base64, RoundTripsEveryLength) {
    EXPECT_EQ(occkit::base64_encode("hello"), "aGVsbG8=");
    EXPECT_EQ(occkit::base64_decode("aGVsbG8="), "hello");
    EXPECT_EQ(occkit::base64_decode("aGVs\nbG8h"),
              "hell"
              "o!");
    std::string bytes;
    for (int i = 0; i < 300; ++i) {
        EXPECT_EQ(occkit::base64_decode(occkit::base64_encode(bytes)), bytes) << i;
        bytes += static_cast<char>(i * 37);
    }
    EXPECT_THROW(occkit::base64_decode("aGV*"), occkit::Error);
    EXPECT_THROW(occkit::base64_decode("a"), occkit::Error);
    EXPECT_THROW(occkit::base64_decode("aG=V"), occkit::Error);
}

TEST(PageRecord, ReadsAndWritesBothContentForms) {
    occkit::PageRecord text{"a", "https://x/a", "2024-01-02", "Baker\nline two"};
    std::string line = occkit::write_page_record(text);
    EXPECT_EQ(line, R"({"id":"a","url":"https://x/a","date":"2024-01-02","content":"Baker\nline two"})"
                    "\n");
    occkit::PageRecord back = occkit::read_page_record(line);
    EXPECT_EQ(back.content, text.content);
    EXPECT_EQ(back.url, text.url);

    occkit::PageRecord binary{"b", "", "", std::string("caf\xe9\0x", 6)};
    line = occkit::write_page_record(binary);
    EXPECT_NE(line.find("\"content_base64\":"), std::string::npos) << line;
    EXPECT_EQ(occkit::read_page_record(line).content, binary.content);
    EXPECT_EQ(occkit::read_page_record(R"({"id":7,"content":"x"})").id, "7");
}

TEST(PageRecord, BadRecordsNameTheirId) {
    auto reason = [](const std::string& line) -> std::pair<std::string, std::string> {
        try {
            occkit::read_page_record(line, 10);
        } catch (const occkit::RecordError& e) {
            return {e.id, e.what()};
        }
        return {"", "no error"};
    };
    EXPECT_EQ(reason("{\"id\":"), std::make_pair(std::string(), std::string("not a JSON object (malformed JSON)")));
    EXPECT_EQ(reason("[1]").second, "not a JSON object");
    EXPECT_EQ(reason(R"({"id":"p"})"),
              std::make_pair(std::string("p"), std::string("no \"content\" or \"content_base64\"")));
    EXPECT_EQ(reason(R"({"id":"p","content":"a","content_base64":"YQ=="})").second,
              "both \"content\" and \"content_base64\"");
    EXPECT_EQ(reason(R"({"id":"p","content":3})").second, "\"content\" is not a string");
    EXPECT_EQ(reason(R"({"id":"p","content_base64":"@@"})").first, "p");
    EXPECT_EQ(reason(R"({"id":"p","content":"0123456789ab"})").second, "content of 12 bytes is over the limit of 10");
    EXPECT_EQ(reason(std::string(70000, ' ')).second, "record of 70000 bytes is over the limit");
}

TEST(PageRecord, ConvertGivesAnErrorRecordInsteadOfThrowing) {
    json out = json::parse(occkit::convert_page_record(R"({"id":"e","content":"   "})", {}, 4));
    EXPECT_EQ(out["id"], "e");
    EXPECT_EQ(out["line"], 4);
    EXPECT_FALSE(out["error"].get<std::string>().empty());
    EXPECT_FALSE(out.contains("profile"));
    out = json::parse(occkit::convert_page_record("not json", {}, 0));
    EXPECT_TRUE(out["id"].is_null());
    EXPECT_FALSE(out.contains("line"));
}

// --- the CLI ---

// Records for every sample page, in the order `export --ndjson-records` lists them.
std::string sample_records() {
    auto r = run_cli({"export", "--ndjson-records", (source_dir() / "samples").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
}

std::vector<json> parsed_lines(const std::string& text) {
    std::vector<json> out;
    for (const auto& line : lines_of(text)) out.push_back(json::parse(line));
    return out;
}

TEST(ConvertNdjson, KeepsOrderWithTwoJobsAndEqualsExport) {
    std::vector<json> records = parsed_lines(sample_records());
    ASSERT_GE(records.size(), 20u);
    auto r = run_cli({"convert", "--ndjson", "-j2"}, sample_records());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::vector<json> out = parsed_lines(r.out);
    ASSERT_EQ(out.size(), records.size());
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < out.size(); ++i) {
        EXPECT_EQ(out[i]["id"], records[i]["id"]) << i;
        paths.push_back(records[i]["id"].get<std::string>());
    }
    // The same pages through `occkit export --format ndjson`: one line each, in the same order.
    std::vector<std::string> args{"export", "--format", "ndjson"};
    args.insert(args.end(), paths.begin(), paths.end());
    auto e = run_cli(args);
    ASSERT_EQ(e.exit_code, 0) << e.err;
    std::vector<std::string> exported = lines_of(e.out);
    ASSERT_EQ(exported.size(), out.size());
    for (std::size_t i = 0; i < out.size(); ++i) EXPECT_EQ(out[i]["profile"], json::parse(exported[i])) << paths[i];
}

TEST(ConvertNdjson, BadRecordsInTheMiddleCostTheirOwnLine) {
    std::vector<std::string> good = lines_of(sample_records());
    ASSERT_GE(good.size(), 4u);
    std::string input = good[0] + "\n{\"id\":\"broken\n" + good[1] + "\n\n{\"id\":\"empty\",\"content\":\"\"}\n" +
                        R"({"id":"bin","content_base64":"AAAA"})"
                        "\n" +
                        good[2] + "\n";
    auto r = run_cli({"convert", "--ndjson", "-j2"}, input);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    std::vector<json> out = parsed_lines(r.out);
    ASSERT_EQ(out.size(), 6u) << r.out;  // the blank line gives nothing
    EXPECT_TRUE(out[0].contains("profile"));
    EXPECT_TRUE(out[1]["id"].is_null());
    EXPECT_EQ(out[1]["line"], 2);
    EXPECT_TRUE(out[2].contains("profile"));
    EXPECT_EQ(out[3]["id"], "empty");
    EXPECT_EQ(out[3]["line"], 5);
    EXPECT_EQ(out[4]["id"], "bin");
    EXPECT_TRUE(out[4].contains("error"));
    EXPECT_EQ(out[5]["id"], json::parse(good[2])["id"]);
    EXPECT_TRUE(out[5].contains("profile"));
}

TEST(ConvertNdjson, RefusesInputsAndOutputFiles) {
    auto r = run_cli({"convert", "--ndjson", "page.txt"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("excludes"), std::string::npos) << r.err;
}

TEST(ExportRecords, WebArchiveRecordsCarryUrlAndDate) {
    fs::path dir = scratch_dir("ndjson_warc");
    std::string body = read_file(source_dir() / "samples/generic/timber-frame-carpenter.txt");
    std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body;
    std::string warc =
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.ca/carpenter.txt\r\n"
        "WARC-Date: 2022-10-17T09:30:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        "Content-Type: application/http; msgtype=response\r\nContent-Length: " +
        std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
    write_text(dir / "crawl.warc", warc);
    auto r = run_cli({"export", "--ndjson-records", (dir / "crawl.warc").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::vector<json> records = parsed_lines(r.out);
    ASSERT_EQ(records.size(), 1u) << r.out;
    EXPECT_EQ(records[0]["url"], "https://example.ca/carpenter.txt");
    EXPECT_EQ(records[0]["date"], "2022-10-17");
    EXPECT_EQ(records[0]["id"], "20221017093000/https://example.ca/carpenter.txt");
    auto c = run_cli({"convert", "--ndjson"}, r.out);
    ASSERT_EQ(c.exit_code, 0) << c.err;
    json out = json::parse(c.out);
    EXPECT_EQ(out["profile"]["source"]["url"], "https://example.ca/carpenter.txt");
}

// Standard output that fails is exit 2 with the reason, as in every command; a closed pipe ends the program silently.
TEST(ConvertNdjson, FullStandardOutputIsExitTwo) {
    if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
    fs::path dir = scratch_dir("ndjson_full");
    write_text(dir / "records.ndjson", sample_records());
    std::string records = "'" + (dir / "records.ndjson").string() + "'";
    std::string cmd =
        "'" OCCKIT_CLI "' convert --ndjson < " + records + " > /dev/full 2> '" + (dir / "err.txt").string() + "'";
    int status = std::system(cmd.c_str());
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 2);
    EXPECT_NE(read_file(dir / "err.txt").find("no space left on device"), std::string::npos)
        << read_file(dir / "err.txt");
    cmd = "'" OCCKIT_CLI "' export --ndjson-records '" + (source_dir() / "samples").string() + "' > /dev/full 2> '" +
          (dir / "err.txt").string() + "'";
    status = std::system(cmd.c_str());
    EXPECT_EQ(WEXITSTATUS(status), 2);
    EXPECT_NE(read_file(dir / "err.txt").find("no space left on device"), std::string::npos)
        << read_file(dir / "err.txt");
    cmd = "'" OCCKIT_CLI "' convert --ndjson < " + records + " | head -c 1 > /dev/null";
    EXPECT_EQ(std::system(("bash -o pipefail -c \"" + cmd + "\"").c_str()) >> 8, 141);
}

// parallel --pipe splits the stream into blocks of whole lines for several filters: sorted by id, the output is one
// process's.
TEST(ConvertNdjson, GnuParallelPipeGivesOneProcessOutput) {
    if (std::system("parallel --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "GNU parallel is not installed";
    fs::path dir = scratch_dir("ndjson_parallel");
    write_text(dir / "records.ndjson", sample_records());
    std::string cmd = "parallel --will-cite --pipe -j2 --block 10k '" OCCKIT_CLI "' convert --ndjson -q < '" +
                      (dir / "records.ndjson").string() + "' > '" + (dir / "parallel.ndjson").string() + "'";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    auto one = run_cli({"convert", "--ndjson", "-q"}, read_file(dir / "records.ndjson"));
    ASSERT_EQ(one.exit_code, 0) << one.err;
    auto by_id = [](const std::string& text) {
        std::map<std::string, std::string> out;
        for (const auto& line : lines_of(text)) out[json::parse(line)["id"].get<std::string>()] = line;
        return out;
    };
    auto expected = by_id(one.out);
    auto got = by_id(read_file(dir / "parallel.ndjson"));
    EXPECT_EQ(got.size(), lines_of(read_file(dir / "records.ndjson")).size());
    EXPECT_EQ(got, expected);
}

}  // namespace
