// Web archives (occkit/warc.hpp). libarchive decompresses (gzip members, and any filter it knows) and hands over
// the raw WARC stream; the records are framed here. libarchive's own WARC reader (3.6, Debian 12) silently drops
// every record whose WARC-Target-URI is written in angle brackets, as wget writes it, and gives the URI without
// its host, so it cannot serve per-URL timelines. Only the framing is done here (version line, named fields,
// Content-Length); the HTTP message inside a response record loses its status line and headers, and Content-Type
// decides whether the payload is a page and in which charset. One record at a time is buffered: memory stays flat.
#include "occkit/warc.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>

#include "support/text_util.hpp"
#include "occkit/error.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

using ArchivePtr = std::unique_ptr<archive, decltype(&archive_read_free)>;

struct HttpMessage {
    std::string content_type;  // lower case, without parameters
    std::string charset;       // lower case; empty when not given
    std::size_t body_at = 0;
};

// "text/html; charset=ISO-8859-1" -> type "text/html", charset "iso-8859-1".
void read_content_type(std::string_view value, HttpMessage& m) {
    auto parts = detail::split(value, ';');
    m.content_type = detail::ascii_lower(detail::trim(parts.front()));
    for (std::size_t k = 1; k < parts.size(); ++k) {
        std::string p = detail::ascii_lower(detail::trim(parts[k]));
        if (p.rfind("charset=", 0) != 0) continue;
        m.charset = p.substr(8);
        if (m.charset.size() >= 2 && m.charset.front() == '"' && m.charset.back() == '"')
            m.charset = m.charset.substr(1, m.charset.size() - 2);
    }
}

// The HTTP status line and headers at the start of a response record's payload; nothing when they are broken.
std::optional<HttpMessage> read_http(std::string_view payload) {
    if (payload.rfind("HTTP/", 0) != 0) return std::nullopt;
    std::size_t end = payload.find("\r\n\r\n");
    std::size_t gap = 4;
    if (end == std::string_view::npos) {
        end = payload.find("\n\n");
        gap = 2;
    }
    if (end == std::string_view::npos) return std::nullopt;
    HttpMessage m;
    m.body_at = end + gap;
    auto lines = detail::split(payload.substr(0, end), '\n');
    for (std::size_t k = 1; k < lines.size(); ++k) {
        std::string_view line = detail::trim(lines[k]);
        auto colon = line.find(':');
        if (colon == std::string_view::npos) return std::nullopt;  // a header line without a name
        if (detail::ascii_lower(detail::trim(line.substr(0, colon))) == "content-type")
            read_content_type(line.substr(colon + 1), m);
    }
    return m;
}

bool is_page_type(const std::string& type) {
    return type.empty() || type == "text/html" || type == "application/xhtml+xml" || type == "text/plain";
}

// The body in UTF-8 with a BOM (which decode() trusts over a charset the page declares), when the charset is
// known to ICU; otherwise as it came, for decode() to work out.
std::string body_in_utf8(std::string_view body, const std::string& charset) {
    if (charset.empty()) return std::string(body);
    icu::UnicodeString text(body.data(), static_cast<int32_t>(body.size()), charset.c_str());
    if (text.isBogus()) return std::string(body);
    std::string out = "\xEF\xBB\xBF";
    text.toUTF8String(out);
    return out;
}

// The decompressed archive as a byte stream (libarchive's raw format over its filters: gzip members, bzip2, ...),
// buffered so a record's header and content can be looked at whole; the buffer holds one record at most. Read
// from the file `path`, or from `bytes` when given (then `path` only names it).
// A read that fails after the archive opened: a problem of the archive (what was read so far stands), reported
// through on_problem by read_warc_from rather than thrown to the caller. Its message carries no path: the problem
// report names the archive.
class MidStreamError : public Error {
public:
    explicit MidStreamError(const std::string& reason) : Error(reason, ErrorCode::io) {}
};

class RawStream {
public:
    RawStream(const std::string& path, const std::string_view* bytes) : path_(path) {
        if (!a_) fail("cannot start libarchive", ErrorCode::io);
        archive_read_support_filter_all(a_.get());
        archive_read_support_format_raw(a_.get());
        archive_entry* entry = nullptr;
        int opened = bytes ? archive_read_open_memory(a_.get(), bytes->data(), bytes->size())
                           : archive_read_open_filename(a_.get(), path_.c_str(), 1 << 16);
        if (opened != ARCHIVE_OK || archive_read_next_header(a_.get(), &entry) != ARCHIVE_OK)
            fail(error_text(), ErrorCode::io);
    }

    // At least `n` bytes from the current position, unless the stream ends first. Throws on a read error.
    std::string_view peek(std::size_t n) {
        while (buf_.size() - pos_ < n && !eof_) more();
        return std::string_view(buf_).substr(pos_);
    }
    void consume(std::size_t n) {
        pos_ += n;
        offset_ += static_cast<std::int64_t>(n);
    }
    std::int64_t offset() const { return offset_; }
    std::string error_text() const {
        const char* e = archive_error_string(a_.get());
        return e ? e : "unreadable";
    }
    [[noreturn]] void fail(const std::string& reason, ErrorCode code) const {
        throw Error(path_ + ": " + reason, code, path_);
    }

private:
    std::string path_;
    ArchivePtr a_{archive_read_new(), archive_read_free};
    std::string buf_;
    std::size_t pos_ = 0;
    std::int64_t offset_ = 0;
    bool eof_ = false;

    void more() {
        if (pos_ > (1u << 20)) {
            buf_.erase(0, pos_);
            pos_ = 0;
        }
        char chunk[1 << 16];
        la_ssize_t n = archive_read_data(a_.get(), chunk, sizeof chunk);
        if (n < 0) throw MidStreamError(error_text());
        if (n == 0) eof_ = true;
        buf_.append(chunk, static_cast<std::size_t>(n));
    }
};

struct RecordHeader {
    std::string type;
    std::string uri;
    std::string date;  // 2022-10-17T09:30:00Z
    std::optional<std::size_t> length;
};

// "WARC/1.0" then "Name: value" lines. WARC-Target-URI may be in <...> (the WARC 1.0 drafts, as wget writes it).
std::optional<RecordHeader> read_header(std::string_view text) {
    if (text.rfind("WARC/", 0) != 0) return std::nullopt;
    RecordHeader h;
    auto lines = detail::split(text, '\n');
    for (std::size_t k = 1; k < lines.size(); ++k) {
        std::string_view line = detail::trim(lines[k]);
        auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        std::string name = detail::ascii_lower(detail::trim(line.substr(0, colon)));
        std::string value(detail::trim(line.substr(colon + 1)));
        if (name == "warc-type") h.type = value;
        if (name == "warc-date") h.date = value;
        if (name == "warc-target-uri")
            h.uri = value.size() >= 2 && value.front() == '<' && value.back() == '>' ? value.substr(1, value.size() - 2)
                                                                                     : value;
        if (name == "content-length" && !value.empty() && value.find_first_not_of("0123456789") == std::string::npos &&
            value.size() < 19)
            h.length = static_cast<std::size_t>(std::stoull(value));
    }
    return h;
}

// "2022-10-17T09:30:00Z" -> its day and "20221017093000"; a date without a readable time is taken at midnight,
// so the timestamp always has its 14 digits.
std::optional<CalendarDate> warc_date(const std::string& value, std::string& timestamp) {
    auto date = value.size() >= 10 ? parse_iso_date(value.substr(0, 10)) : std::nullopt;
    if (!date) return std::nullopt;
    timestamp.clear();
    for (char c : value.substr(0, 19))
        if (std::isdigit(static_cast<unsigned char>(c))) timestamp += c;
    if (timestamp.size() != 14) timestamp = timestamp.substr(0, 8) + "000000";
    return date;
}

class WarcReader {
public:
    WarcReader(const std::string& path, const std::string_view* bytes, std::size_t max_bytes)
        : path_(path), max_(max_bytes), in_(path, bytes) {}

    void run(const std::function<void(WarcPage&)>& on_page, const std::function<void(const WarcProblem&)>& on_problem) {
        for (bool first = true;; first = false) {
            skip_blank_lines();
            if (in_.peek(1).empty()) return;
            std::int64_t at = in_.offset();
            auto view = in_.peek(max_header);
            auto end = view.find("\r\n\r\n");
            auto header = end == std::string_view::npos ? std::nullopt : read_header(view.substr(0, end));
            if (!header && first) in_.fail("not a web archive (no WARC record at its start)", ErrorCode::invalid_input);
            if (!header || !header->length)
                return on_problem({last_uri_, at, "bad WARC record header; nothing after it is read"});
            in_.consume(end + 4);
            last_uri_ = header->uri;
            if (!record(*header, at, on_page, on_problem)) return;
        }
    }

private:
    static constexpr std::size_t max_header = 64 * 1024;
    std::string path_;
    std::size_t max_;
    RawStream in_;
    std::string last_uri_;

    void skip_blank_lines() {
        for (auto v = in_.peek(2); !v.empty() && (v[0] == '\r' || v[0] == '\n'); v = in_.peek(2)) in_.consume(1);
    }

    // Reads (or skips) one record's content; false when the archive ends inside it.
    bool record(const RecordHeader& h, std::int64_t at, const std::function<void(WarcPage&)>& on_page,
                const std::function<void(const WarcProblem&)>& on_problem) {
        std::size_t length = *h.length;
        bool wanted = h.type == "response" && length <= max_;
        auto content = in_.peek(wanted ? length : 0);
        if (!wanted) return skip(length, h, at, on_problem);
        if (content.size() < length) {
            on_problem({h.uri, at,
                        "archive ends inside the record (" + std::to_string(content.size()) + " of " +
                            std::to_string(length) + " bytes)"});
            return false;
        }
        if (auto problem = page(h, at, content.substr(0, length), on_page)) on_problem(*problem);
        in_.consume(length);
        return true;
    }

    bool skip(std::size_t length, const RecordHeader& h, std::int64_t at,
              const std::function<void(const WarcProblem&)>& on_problem) {
        if (h.type == "response") on_problem({h.uri, at, "record over the size limit, skipped"});
        while (length > 0) {
            auto v = in_.peek(std::min<std::size_t>(length, 1 << 20));
            if (v.empty()) {
                on_problem({h.uri, at, "archive ends inside the record"});
                return false;
            }
            std::size_t n = std::min(length, v.size());
            in_.consume(n);
            length -= n;
        }
        return true;
    }

    std::optional<WarcProblem> page(const RecordHeader& h, std::int64_t at, std::string_view payload,
                                    const std::function<void(WarcPage&)>& on_page) {
        WarcPage page;
        page.uri = h.uri;
        page.offset = at;
        auto date = warc_date(h.date, page.timestamp);
        if (!date) return WarcProblem{h.uri, at, "no readable WARC-Date, record skipped"};
        page.date = *date;
        auto http = read_http(payload);
        if (!http) return WarcProblem{h.uri, at, "broken HTTP header, record skipped"};
        if (!is_page_type(http->content_type))
            return WarcProblem{h.uri, at, "not HTML or text (" + http->content_type + "), skipped", true};
        page.content_type = http->content_type;
        page.body = body_in_utf8(payload.substr(http->body_at), http->charset);
        on_page(page);
        return std::nullopt;
    }
};

// Runs the reader; a read error in mid-stream is a problem of the archive, not an exception.
void read_warc_from(const std::string& path, const std::string_view* bytes,
                    const std::function<void(WarcPage&)>& on_page,
                    const std::function<void(const WarcProblem&)>& on_problem, std::size_t max_record_bytes) {
    WarcReader reader(path, bytes, max_record_bytes);
    try {
        reader.run(on_page, on_problem);
    } catch (const MidStreamError& e) {  // anything else (the archive cannot be opened, on_page's own) goes up
        on_problem({"", -1, std::string("read error: ") + e.what() + "; nothing after it is read"});
    }
}

}  // namespace

bool is_warc_path(std::string_view path) {
    auto ends = [path](std::string_view tail) {
        return path.size() >= tail.size() && detail::ascii_lower(path.substr(path.size() - tail.size())) == tail;
    };
    return ends(".warc") || ends(".warc.gz");
}

void read_warc(const std::string& path, const std::function<void(WarcPage&)>& on_page,
               const std::function<void(const WarcProblem&)>& on_problem, std::size_t max_record_bytes) {
    read_warc_from(path, nullptr, on_page, on_problem, max_record_bytes);
}

void read_warc_bytes(std::string_view bytes, const std::string& name, const std::function<void(WarcPage&)>& on_page,
                     const std::function<void(const WarcProblem&)>& on_problem, std::size_t max_record_bytes) {
    read_warc_from(name, &bytes, on_page, on_problem, max_record_bytes);
}

OCCKIT_END_IMPL_NAMESPACE
