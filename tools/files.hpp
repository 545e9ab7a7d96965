/// @file
/// Files for the command line: input discovery (directory walks), the extensions each command takes, and atomic
/// output that never replaces an input. POSIX; the library itself only reads (occkit/io.hpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace occkit::cli {

/// Pages a command converts: HTML and text dumps.
inline const std::vector<std::string> page_extensions = {".html", ".htm", ".xhtml", ".txt", ".text"};
/// Documents a command reads as they are: canonical XML, or pages it converts first.
inline const std::vector<std::string> document_extensions = {".xml", ".html", ".htm", ".xhtml", ".txt", ".text"};

/// Does `path` end in one of `extensions` (compared without regard to case)?
bool has_extension(const std::filesystem::path& path, const std::vector<std::string>& extensions);

/// Files no output may replace, resolved once when built (a batch asks about every output: resolving every input
/// again for each would be quadratic). A file is recognised by its (device, inode), so another spelling, a symlink
/// or a hard link to an input is caught; an input that does not exist yet is kept by its canonical name.
/// Read-only after construction, so safe to share between threads. "-" (standard input) protects nothing.
class ProtectedPaths {
public:
    ProtectedPaths() = default;
    ProtectedPaths(const std::vector<std::filesystem::path>& paths);  ///< NOLINT: implicit, as the list it stands for
    ProtectedPaths(std::initializer_list<std::filesystem::path> paths);  ///< the files given, as in the vector form

    /// Would writing `path` replace one of the files? One stat (and a path resolution only when some input was
    /// missing when the set was built).
    bool contains(const std::filesystem::path& path) const;

private:
    void add(const std::filesystem::path& path);
    std::set<std::pair<std::uint64_t, std::uint64_t>> files_;  ///< (device, inode)
    std::set<std::filesystem::path> missing_;                  ///< canonical names of inputs that were not there
};

/// How hard write_file_atomic works to survive a crash. Both write a temporary file and rename it into place, so a
/// reader (or a crash) never leaves a partial file under the final name. `rename` leaves flushing to the kernel: after
/// a power loss the file may be the old one or empty. `fsync` syncs the file before the rename and its directory
/// after, at the cost of a disk round trip per file (several times slower on a batch of small files).
enum class Durability { rename, fsync };

/// Write through a temporary file in the same directory and rename it into place, so a reader never sees a
/// partial file. Refuses to replace any of `protected_inputs`. Throws occkit::Error (code io) "<path>: <reason>".
void write_file_atomic(const std::filesystem::path& path, std::string_view data,
                       const ProtectedPaths& protected_inputs = {}, Durability durability = Durability::rename);

/// Writes one piece of an output, after the pieces before it.
using PieceWriter = std::function<void(std::string_view piece)>;
/// Produces an output piece by piece through the writer it is given (occkit::write_xml with a sink, say), so that a
/// huge output is never one string.
using OutputPieces = std::function<void(const PieceWriter& write)>;

/// write_file_atomic of the bytes `pieces` produces, written as they come.
void write_file_atomic(const std::filesystem::path& path, const OutputPieces& pieces,
                       const ProtectedPaths& protected_inputs = {}, Durability durability = Durability::rename);

/// One input found by collect_inputs.
struct InputFile {
    std::string path;      ///< as given or as found ("-" for stdin)
    std::string relative;  ///< path below the directory it was found in (mirrors under -o); file name otherwise
    std::string error;     ///< non-empty: this input cannot be used (unreadable directory, symlink loop, ...)
};

/// Expand files and directories (recursively, sorted, following no directory symlink twice) into inputs whose
/// extension is in `extensions` (".html", ".htm", ".txt", ".xml"...). Files named explicitly are always taken.
/// A walk stays inside the directory given: a symlink below it that leads outside is an input with an error
/// ("symlink leads outside ...") rather than followed, unless `follow_symlinks`.
std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths, const std::vector<std::string>& extensions,
                                      bool follow_symlinks = false);

}  // namespace occkit::cli
