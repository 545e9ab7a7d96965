// Page records: the NDJSON contract of engines that pipe text through a program (Spark's RDD.pipe, Hadoop
// streaming, GNU parallel --pipe). One JSON object a line goes in, one comes out, in the same order:
//
//   in:  {"id": "...", "url": "...", "date": "...", "content": "<page text>"}   ("content_base64" for other bytes)
//   out: {"id": "...", "url": "...", "date": "...", "profile": {<the export JSON, schemas/occupation.schema.json>}}
//        {"id": "...", "line": 7, "error": "<one-line reason>"}                   (a record that gave no profile)
//
// Only "content" (or "content_base64") is required; "id", "url" and "date" are strings copied to the output, the
// url also recorded as the profile's provenance. An error record has "id" null when the line had none to read.
#pragma once

#include "occkit/api.hpp"

#include <cstddef>
#include <string>
#include <string_view>

#include "occkit/convert.hpp"
#include "occkit/error.hpp"
#include "occkit/io.hpp"

OCCKIT_BEGIN_NAMESPACE

/// One page as a line of NDJSON carries it.
struct PageRecord {
    std::string id;       ///< the caller's name for the record, copied to the output
    std::string url;      ///< where the page came from; the profile's provenance
    std::string date;     ///< when it was captured, copied to the output
    std::string content;  ///< the page's bytes (decoded from content_base64 when the record had that)
};

/// A record that could not be read; `id` is the record's id when the line had a readable one.
class RecordError : public Error {
public:
    /// `reason` is the message; `id` the record's id, empty when none could be read.
    RecordError(const std::string& reason, std::string id) : Error(reason), id(std::move(id)) {}
    std::string id;  ///< the record's id, or empty
};

/// Read one input line. Throws RecordError on a line that is not a JSON object, a member of the wrong type, no
/// content (or both forms), bad base64, or content over max_bytes.
PageRecord read_page_record(std::string_view line, std::size_t max_bytes = default_max_input_bytes);

/// One input line for `record`, with its final newline: "content" when the bytes are valid UTF-8, otherwise
/// "content_base64". Empty id, url and date are left out.
std::string write_page_record(const PageRecord& record);

/// The output line (with its final newline) for one input line: the profile record, or the error record naming the
/// id and `line_number` (1-based, 0 = not said). The profile is what `occkit export` gives for the same bytes
/// (read_profile: canonical XML is read, a page converted with `options`, the record's url as provenance). Never
/// throws occkit::Error; safe to call from several threads at once.
std::string convert_page_record(std::string_view line, const ConvertOptions& options, std::size_t line_number = 0,
                                std::size_t max_bytes = default_max_input_bytes);

/// RFC 4648 base64 (with padding). decode throws occkit::Error on a character outside the alphabet or bad padding;
/// white space is skipped.
std::string base64_encode(std::string_view bytes);
std::string base64_decode(std::string_view text);

OCCKIT_END_NAMESPACE
