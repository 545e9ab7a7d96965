// `occkit convert crawl.warc.gz -o out/`: one canonical XML per page record of a web archive, written as
// out/<WARC-Date as YYYYMMDDhhmmss>/<URI path>.xml, so `occkit history out/*` reads them back as dated snapshot
// folders (Wayback timestamps) grouped by URL.
#include <cctype>
#include <filesystem>
#include <set>

#include "batch.hpp"
#include "files.hpp"
#include "occkit/io.hpp"
#include "occkit/warc.hpp"
#include "occkit/xml.hpp"
#include "snapshots.hpp"

namespace occkit::cli {

namespace fs = std::filesystem;

namespace {

// The URI (less its scheme) as a relative path that stays below the output directory: characters other than letters,
// digits and
// "._-/" become "_", empty and dot-only segments are dropped, and a page extension is replaced by .xml.
fs::path uri_path(const std::string& uri) {
    std::string_view rest = uri;
    if (auto scheme = rest.find("://"); scheme != std::string_view::npos) rest.remove_prefix(scheme + 3);
    std::string safe;
    for (char c : rest)
        safe += std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '/' ? c : '_';
    fs::path out;
    for (const auto& part : fs::path(safe))
        if (!part.empty() && part.string().find_first_not_of('.') != std::string::npos && part != "/") out /= part;
    if (out.empty()) out = "index";
    if (has_extension(out, page_extensions)) out.replace_extension();
    return out.string() + ".xml";
}

}  // namespace

int convert_archives(const std::vector<std::string>& archives, const std::string& out_dir,
                     const ConvertOptions& convert) {
    if (out_dir.empty()) {
        report("occkit: convert: a web archive needs -o DIR (one XML per URL and date)");
        return exit_usage;
    }
    std::size_t written = 0, failed = 0;
    std::vector<fs::path> protected_inputs(archives.begin(), archives.end());
    std::set<fs::path> taken;  // two captures of one URL in the same second: the later gets ".2.xml"
    for (const auto& path : archives) {
        auto on_page = [&](WarcPage& page) {
            ConvertOptions options = convert;
            options.url = page.uri;
            try {
                std::string xml = write_xml(read_profile(page.body, page.uri, options));
                fs::path target = fs::path(out_dir) / page.timestamp / uri_path(page.uri);
                for (int n = 2; !taken.insert(target).second; ++n)
                    target.replace_extension().replace_extension("." + std::to_string(n) + ".xml");
                write_file_atomic(target, xml, protected_inputs);
                ++written;
            } catch (const std::exception& e) {
                ++failed;
                report_record(path, page.uri, page.offset, e.what());
            }
        };
        read_warc_reporting(path, on_page, failed);
        if (interrupted()) return exit_interrupted;
    }
    report("occkit: converted " + std::to_string(written) + " page record(s) into " + out_dir);
    return failed ? exit_failures : exit_ok;
}

}  // namespace occkit::cli
