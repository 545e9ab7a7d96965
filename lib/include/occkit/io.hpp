// File input and output shared by every subcommand: bounded reads, atomic writes, input discovery.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace occkit {

inline constexpr std::size_t default_max_input_bytes = 256u * 1024u * 1024u;
// Side files (layouts, stale policies, rule configs, baselines) are read whole before any page; none is anywhere
// near this size, and a mistaken path (/dev/zero, a FIFO) must fail rather than read forever.
inline constexpr std::size_t max_side_file_bytes = 64u * 1024u * 1024u;

// Read a whole file, "-" meaning standard input. Throws occkit::Error "<path>: <reason>".
std::string read_input(const std::string& path, std::size_t max_bytes = default_max_input_bytes);

// Write through a temporary file in the same directory and rename it into place, so a reader never sees a
// partial file. Refuses to replace any path in `protected_inputs`. Throws occkit::Error "<path>: <reason>".
void write_file_atomic(const std::filesystem::path& path, std::string_view data,
                       const std::vector<std::filesystem::path>& protected_inputs = {});

struct InputFile {
    std::string path;      // as given or as found ("-" for stdin)
    std::string relative;  // path below the directory it was found in (mirrors under -o); file name otherwise
    std::string error;     // non-empty: this input cannot be used (unreadable directory, symlink loop, ...)
};

// Expand files and directories (recursively, sorted, following no directory symlink twice) into inputs whose
// extension is in `extensions` (".html", ".htm", ".txt", ".xml"...). Files named explicitly are always taken.
// A walk stays inside the directory given: a symlink below it that leads outside is an input with an error
// ("symlink leads outside ...") rather than followed, unless `follow_symlinks`.
std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths, const std::vector<std::string>& extensions,
                                      bool follow_symlinks = false);

}  // namespace occkit
