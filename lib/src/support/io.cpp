// Reading inputs (io.hpp): bounded reads of files and standard input with plain POSIX calls, so that a FIFO, a
// growing file or /dev/zero is cut at the limit rather than read forever. Every failure is an occkit::Error
// "<path>: <reason>" with the system's reason (system_reason, error.hpp). Writing and directory walks are the
// command line's (tools/files.hpp).
#include "occkit/io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "occkit/error.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

std::string system_reason(int error_number) {
    std::string text = std::strerror(error_number);
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z' && !(text.size() > 1 && text[1] >= 'A' && text[1] <= 'Z'))
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

std::string system_reason(const std::error_code& ec) {
    return ec.category() == std::generic_category() || ec.category() == std::system_category()
               ? system_reason(ec.value())
               : ec.message();
}

namespace {

[[noreturn]] void fail(const std::string& label, const std::string& reason, ErrorCode code = ErrorCode::io) {
    throw Error(label + ": " + reason, code, label);
}

[[noreturn]] void fail_errno(const std::string& label, int error_number) { fail(label, system_reason(error_number)); }

// Closes the descriptor when the read ends, however it ends.
class OpenFile {
public:
    explicit OpenFile(int fd) : fd_(fd) {}
    ~OpenFile() {
        if (fd_ >= 0) ::close(fd_);
    }
    OpenFile(const OpenFile&) = delete;
    OpenFile& operator=(const OpenFile&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

std::string too_large(std::size_t max_bytes) {
    return "input is larger than the limit of " + std::to_string(max_bytes) + " bytes";
}

// Read to end of file, stopping as soon as the data exceeds `max_bytes` (a FIFO or a growing file has no size
// to check up front).
// `expected`: the size fstat gave, reserved at once, so a large page is not held in a buffer grown by doubling (up
// to twice its size, and three times while the string grows).
std::string read_all(int fd, const std::string& label, std::size_t max_bytes, std::size_t expected = 0) {
    std::string data;
    data.reserve(std::min(expected, max_bytes));
    char buffer[65536];
    for (;;) {
        ssize_t count = ::read(fd, buffer, sizeof buffer);
        if (count < 0 && errno == EINTR) continue;
        if (count < 0) fail_errno(label, errno);
        if (count == 0) return data;
        if (data.size() + static_cast<std::size_t>(count) > max_bytes) fail(label, too_large(max_bytes), ErrorCode::too_large);
        data.append(buffer, static_cast<std::size_t>(count));
    }
}

}  // namespace

std::string read_input(const std::string& path, std::size_t max_bytes) {
    if (path == "-") return read_all(STDIN_FILENO, "standard input", max_bytes);
    // O_NONBLOCK would make a FIFO read fail at once; opening a FIFO blocks until a writer appears, as cat does.
    OpenFile fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0) fail_errno(path, errno);
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) fail_errno(path, errno);
    if (S_ISDIR(info.st_mode)) fail_errno(path, EISDIR);
    if (S_ISREG(info.st_mode) && static_cast<std::uintmax_t>(info.st_size) > max_bytes)
        fail(path, too_large(max_bytes), ErrorCode::too_large);
    return read_all(fd.get(), path, max_bytes, S_ISREG(info.st_mode) ? static_cast<std::size_t>(info.st_size) : 0);
}

OCCKIT_END_IMPL_NAMESPACE
