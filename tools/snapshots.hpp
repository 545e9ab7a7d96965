// Snapshots for `occkit history` and `occkit diff DIR1 DIR2`: files, snapshot folders and web archives read into
// keyed, dated snapshots (occkit/archive.hpp), each failure reported as it happens. Shared by the two commands.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "occkit/archive.hpp"
#include "occkit/convert.hpp"
#include "occkit/warc.hpp"

namespace occkit::cli {

struct SnapshotSource {
    std::vector<std::pair<std::string, CalendarDate>> dates;  // --date FILE=DATE
    unsigned jobs = 1;
    bool any_folder = false;   // set by read_snapshots: a directory was among the inputs
    bool any_archive = false;  // ... a web archive was
};

// A profile from a file (canonical XML or a page). Throws occkit::Error "<path>: <reason>".
Profile load_profile_file(const std::string& path, const ConvertOptions& convert);

// The snapshots of `paths`: a file found in a directory is keyed "path:<relative path>", a file named alone by
// profile_identity, a WARC record "url:<uri>". Dated by --date, else the path (YYYY-MM-DD, Wayback timestamp),
// else WARC-Date, else the profile's newest date. Returns them and counts in `failed` what could not be read.
std::vector<KeyedSnapshot> read_snapshots(const std::vector<std::string>& paths, const ConvertOptions& convert,
                                          SnapshotSource& source, std::size_t& failed);

// Does every --date name one of the snapshot files? Reports the first that does not.
bool dates_name_inputs(const std::vector<std::pair<std::string, CalendarDate>>& dates,
                       const std::vector<std::string>& paths);

// "occkit: ARCHIVE: record at offset N (URI): reason".
void report_record(const std::string& archive, const std::string& uri, std::int64_t offset, const std::string& reason);

// Reads a web archive's page records into `on_page`; a bad record (or an archive that cannot be read) is reported
// and counted in `failed`, a record skipped as not a page only reported.
void read_warc_reporting(const std::string& path, const std::function<void(WarcPage& page)>& on_page,
                         std::size_t& failed);

// convert_archive.cpp: one XML per page record of each archive, below out_dir/<timestamp>/. Returns the exit code.
int convert_archives(const std::vector<std::string>& archives, const std::string& out_dir,
                     const ConvertOptions& convert);

// One "occkit: <command>: A and B are not the same profile (...)" line per conflict.
void report_conflicts(const std::string& command, const std::vector<IdentityConflict>& conflicts);

}  // namespace occkit::cli
