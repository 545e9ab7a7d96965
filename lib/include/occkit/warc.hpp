/// @file
/// Web archives (ISO 28500 WARC 1.0/1.1, plain or compressed: .warc, .warc.gz) read as a stream of page snapshots,
/// one `response` record at a time, decompressed through libarchive: memory stays flat whatever the archive's size.
/// The HTTP status line and headers are taken off each payload and the charset of Content-Type is applied (the
/// body is re-encoded to UTF-8 and marked with a BOM, which outranks a charset the page declares).
#pragma once

#include "occkit/api.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "occkit/dates.hpp"
#include "occkit/io.hpp"

OCCKIT_BEGIN_NAMESPACE

/// One HTML or text `response` record of a web archive.
struct WarcPage {
    std::string uri;           ///< the record's target URI as libarchive gives it ("careers/baker.html")
    std::int64_t offset = 0;   ///< where the record starts in the (uncompressed) archive
    CalendarDate date;         ///< WARC-Date, its day (UTC)
    std::string timestamp;     ///< WARC-Date as YYYYMMDDhhmmss (UTC), as Wayback names captures
    std::string content_type;  ///< "text/html"
    std::string body;          ///< the payload without its HTTP headers, UTF-8 when the HTTP charset was known
};

/// A record that could not be used: a broken HTTP header, a payload that is neither HTML nor text, a body over the
/// size limit, the archive ending inside a record, or a broken record header (then `uri` is the last record read,
/// and nothing after it can be framed).
struct WarcProblem {
    std::string uri;            ///< the record's target URI (the last record read, for a broken header)
    std::int64_t offset = 0;    ///< where the record starts in the (uncompressed) archive
    std::string reason;         ///< one line
    bool skipped_only = false;  ///< true for a payload that is simply not a page (an image): not an error
};

/// Reads every record of `path`, calling `on_page` for each HTML or text response and `on_problem` for each record
/// that cannot be used; reading goes on after a problem while libarchive can. Callbacks run on the calling thread,
/// one record at a time; a `page` is theirs to move from. Throws occkit::Error "<path>: <reason>" when the file
/// cannot be opened or is not a WARC at all.
void read_warc(const std::string& path, const std::function<void(WarcPage& page)>& on_page,
               const std::function<void(const WarcProblem& problem)>& on_problem,
               std::size_t max_record_bytes = default_max_input_bytes);

/// The same for an archive held in memory (plain or compressed), `name` standing for the file in messages.
/// `bytes` must stay valid during the call.
void read_warc_bytes(std::string_view bytes, const std::string& name,
                     const std::function<void(WarcPage& page)>& on_page,
                     const std::function<void(const WarcProblem& problem)>& on_problem,
                     std::size_t max_record_bytes = default_max_input_bytes);

/// Does the path name a web archive (.warc, .warc.gz)?
bool is_warc_path(std::string_view path);

OCCKIT_END_NAMESPACE
