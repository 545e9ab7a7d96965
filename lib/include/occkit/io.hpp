/// @file
/// Reading inputs: a whole file or standard input, bounded so that a FIFO or a huge file cannot exhaust memory.
#pragma once

#include "occkit/api.hpp"

#include <cstddef>
#include <string>

OCCKIT_BEGIN_NAMESPACE

/// Inputs larger than this are refused unless a command is given another limit (--max-input-size).
inline constexpr std::size_t default_max_input_bytes = 256u * 1024u * 1024u;
/// Side files (layouts, stale policies, rule configs, baselines) are read whole before any page; none is anywhere
/// near this size, and a mistaken path (/dev/zero, a FIFO) must fail rather than read forever.
inline constexpr std::size_t max_side_file_bytes = 64u * 1024u * 1024u;

/// Read a whole file, "-" meaning standard input. Throws occkit::Error "<path>: <reason>" with code io, or
/// too_large past `max_bytes` (checked before reading a regular file, and as the bytes arrive from a pipe).
std::string read_input(const std::string& path, std::size_t max_bytes = default_max_input_bytes);

OCCKIT_END_NAMESPACE
