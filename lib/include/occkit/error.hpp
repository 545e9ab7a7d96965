/// @file
/// One exception type for every failure the library reports; the tools catch it per input file.
#pragma once

#include <stdexcept>
#include <string>
#include <system_error>

#include "occkit/api.hpp"

OCCKIT_BEGIN_NAMESPACE

/// What kind of failure an Error reports, for a program that reacts differently to each (retry a read, skip a
/// page, stop the batch).
enum class ErrorCode {
    invalid_input,  ///< the bytes are not a page or document occkit can read (the default)
    too_large,      ///< over a bound on the input (bytes, depth, blocks; see io.hpp and blocks.hpp)
    io,             ///< reading or writing a file failed
    cancelled,      ///< request_cancel() was called (cancel.hpp)
};

/// What every library call throws: a one-line reason that names the file (and line) it is about, the kind of
/// failure, and the file's path when the call was given one.
class Error : public std::runtime_error {
public:
    /// `message` is the whole line what() returns; when `path` is set it starts with "path: ".
    explicit Error(const std::string& message, ErrorCode code = ErrorCode::invalid_input, std::string path = {})
        : std::runtime_error(message), code_(code), path_(std::move(path)) {}

    /// The kind of failure.
    ErrorCode code() const noexcept { return code_; }
    /// The file the failure is about; empty when the call was given bytes rather than a file.
    const std::string& path() const noexcept { return path_; }
    /// what() without the "path: " it starts with, for a caller that prints the path itself.
    std::string reason() const {
        std::string message = what();
        const std::string prefix = path_ + ": ";
        return !path_.empty() && message.starts_with(prefix) ? message.substr(prefix.size()) : message;
    }

private:
    ErrorCode code_;
    std::string path_;
};

/// The system's reason for an errno value, in lower case to read after "<path>: " ("no such file or directory").
std::string system_reason(int error_number);
/// The same for an error code from std::filesystem or another library (its message when it is not a system error).
std::string system_reason(const std::error_code& ec);

OCCKIT_END_NAMESPACE
