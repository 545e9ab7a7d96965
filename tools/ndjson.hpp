// The NDJSON side of the CLI (occkit/records.hpp holds the format): `occkit convert --ndjson`, a stdin-to-stdout
// filter for engines that pipe (Spark RDD.pipe, Hadoop streaming, parallel --pipe), and `occkit export
// --ndjson-records`, which makes its input from folders and web archives.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "occkit/convert.hpp"

namespace occkit::cli {

// Reads page records from standard input and writes one output line per record, in input order, converting on
// `jobs` threads a window of records at a time (memory stays flat in the number of records). A bad record gives an
// error record and the stream goes on. Returns the exit code: 0, 1 when any record gave an error record, 2 when
// standard output failed, 130 on an interrupt.
int convert_ndjson(const ConvertOptions& options, unsigned jobs, std::size_t max_bytes);

// Writes a page record to standard output for every page found in `paths` (files, directories searched for
// `extensions`, web archives' response records). Returns the exit code (1 when an input or record was unreadable).
int export_page_records(const std::vector<std::string>& paths, const std::vector<std::string>& extensions,
                        std::size_t max_bytes);

}  // namespace occkit::cli
