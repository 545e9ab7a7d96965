// Reading snapshots for history and folder diffs (snapshots.hpp): pages and canonical XML in parallel through
// run_batch, web archives record by record (streamed: one record in memory at a time besides the profiles kept).
#include "snapshots.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "batch.hpp"
#include "files.hpp"
#include "occkit/cancel.hpp"
#include "occkit/error.hpp"
#include "occkit/io.hpp"
#include "occkit/warc.hpp"

namespace occkit::cli {

namespace fs = std::filesystem;

namespace {

bool same_file(const std::string& a, const std::string& b) {
    if (fs::path(a).lexically_normal() == fs::path(b).lexically_normal()) return true;
    std::error_code ec;
    return fs::equivalent(a, b, ec);
}

// The snapshot's date: --date, else a date in its path, else the profile's own newest date.
bool date_snapshot(Snapshot& s, const std::vector<std::pair<std::string, CalendarDate>>& given) {
    for (const auto& [file, date] : given)
        if (same_file(file, s.label)) {
            s.date = date;
            s.date_source = "option";
            return true;
        }
    if (auto date = date_in_path(s.label)) {
        s.date = *date;
        s.date_source = "path";
        return true;
    }
    if (auto date = newest_profile_date(s.profile)) {
        s.date = *date;
        s.date_source = "profile";
        return true;
    }
    return false;
}

struct FoundFile {
    InputFile input;
    bool in_folder = false;
};

std::vector<FoundFile> find_files(const std::vector<std::string>& paths, SnapshotSource& source) {
    std::vector<FoundFile> found;
    for (const auto& p : paths) {
        bool folder = fs::is_directory(p);
        source.any_folder = source.any_folder || folder;
        for (auto& in : collect_inputs({p}, document_extensions, follow_symlinks()))
            found.push_back({std::move(in), folder});
    }
    return found;
}

// Reads the files in parallel; failures are reported by run_batch.
std::vector<KeyedSnapshot> read_files(const std::vector<FoundFile>& found, const ConvertOptions& convert,
                                      const SnapshotSource& source, std::size_t& failed) {
    std::vector<InputFile> inputs;
    for (const auto& f : found) inputs.push_back(f.input);
    std::vector<std::optional<KeyedSnapshot>> read(inputs.size());
    auto work = [&](const InputFile& in) -> std::string {
        std::size_t k = static_cast<std::size_t>(&in - inputs.data());
        try {
            KeyedSnapshot s;
            s.snapshot.label = in.path;
            s.snapshot.profile = load_profile_file(in.path, convert);
            if (!date_snapshot(s.snapshot, source.dates))
                return "no date: give one with --date " + in.path + "=YYYY-MM-DD, or put YYYY-MM-DD in its name";
            s.key =
                found[k].in_folder ? "path:" + snapshot_path_key(in.relative) : profile_identity(s.snapshot.profile);
            read[k] = std::move(s);
            return {};
        } catch (const Error& e) {
            return e.reason();  // run_batch names the file itself
        } catch (const std::exception& e) {
            return e.what();
        }
    };
    failed += run_batch(inputs, source.jobs, work, "reading");
    std::vector<KeyedSnapshot> out;
    for (auto& s : read)
        if (s) out.push_back(std::move(*s));
    return out;
}

// One web archive, record by record. Problems are reported with the record's URI and offset.
void read_archive(const std::string& path, const ConvertOptions& convert, std::vector<KeyedSnapshot>& out,
                  std::size_t& failed) {
    auto on_page = [&](WarcPage& page) {
        ConvertOptions options = convert;
        options.url = page.uri;
        KeyedSnapshot s;
        s.key = "url:" + page.uri;
        s.snapshot.label = path + ":" + page.timestamp + "/" + page.uri;
        s.snapshot.date = page.date;
        s.snapshot.date_source = "warc";
        try {
            s.snapshot.profile = read_profile(page.body, page.uri, options);
            out.push_back(std::move(s));
        } catch (const std::exception& e) {
            ++failed;
            report_record(path, page.uri, page.offset, e.what());
        }
    };
    read_warc_reporting(path, on_page, failed);
}

}  // namespace

Profile load_profile_file(const std::string& path, const ConvertOptions& convert) {
    std::string bytes = read_input(path);
    try {
        return read_profile(bytes, path, convert);
    } catch (const Cancelled&) {
        throw;
    } catch (const Error& e) {
        throw Error(path + ": " + e.what(), e.code(), path);
    } catch (const std::exception& e) {
        throw Error(path + ": " + e.what(), ErrorCode::invalid_input, path);
    }
}

std::vector<KeyedSnapshot> read_snapshots(const std::vector<std::string>& paths, const ConvertOptions& convert,
                                          SnapshotSource& source, std::size_t& failed) {
    std::vector<std::string> files;
    std::vector<std::string> archives;
    for (const auto& p : paths) (is_warc_path(p) && !fs::is_directory(p) ? archives : files).push_back(p);
    source.any_archive = !archives.empty();
    std::vector<KeyedSnapshot> out;
    if (!files.empty()) out = read_files(find_files(files, source), convert, source, failed);
    for (const auto& a : archives)
        if (!interrupted()) read_archive(a, convert, out, failed);
    return out;
}

bool dates_name_inputs(const std::vector<std::pair<std::string, CalendarDate>>& dates,
                       const std::vector<std::string>& paths) {
    if (dates.empty()) return true;
    auto inputs = collect_inputs(paths, document_extensions, follow_symlinks());
    for (const auto& named : dates) {  // not a structured binding: clang 14 cannot capture one in a lambda
        const std::string& file = named.first;
        if (std::none_of(inputs.begin(), inputs.end(), [&](const InputFile& in) { return same_file(file, in.path); })) {
            report("occkit: history: --date names " + file + ", which is not one of the snapshots");
            return false;
        }
    }
    return true;
}

void read_warc_reporting(const std::string& path, const std::function<void(WarcPage& page)>& on_page,
                         std::size_t& failed) {
    auto on_problem = [&](const WarcProblem& p) {
        if (!p.skipped_only) ++failed;
        report_record(path, p.uri, p.offset, p.reason);
    };
    try {
        read_warc(path, on_page, on_problem);
    } catch (const std::exception& e) {
        ++failed;
        report(std::string("occkit: ") + e.what());
    }
}

void report_record(const std::string& archive, const std::string& uri, std::int64_t offset, const std::string& reason) {
    report("occkit: " + archive + ": record at offset " + std::to_string(offset) + " (" + uri + "): " + reason);
}

void report_conflicts(const std::string& command, const std::vector<IdentityConflict>& conflicts) {
    for (const auto& c : conflicts)
        report("occkit: " + command + ": " + c.first_label + " and " + c.other_label + " are not the same profile (" +
               c.reason + "); --same-profile puts them together");
}

}  // namespace occkit::cli
