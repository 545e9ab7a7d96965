// Files for the command line (files.hpp). Plain POSIX calls where the details matter (checked writes, fsync,
// rename), std::filesystem for directory walks. Every failure is an occkit::Error "<path>: <reason>" with the
// system's reason (occkit::system_reason), or, for collect_inputs, an InputFile whose `error` says what is wrong.
#include "files.hpp"

#include <fcntl.h>
#include <limits.h>  // NAME_MAX
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <optional>

#include "occkit/error.hpp"

namespace occkit::cli {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& label, const std::string& reason) {
    throw Error(label + ": " + reason, ErrorCode::io, label);
}

[[noreturn]] void fail_errno(const std::string& label, int error_number) { fail(label, system_reason(error_number)); }

// Closes the descriptor unless released; keeps the error paths short.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }
    // Close now and report the result: for written files, close can be where a deferred write error surfaces.
    int close() { return ::close(std::exchange(fd_, -1)); }

private:
    int fd_;
};

// Write every byte, retrying short writes and EINTR; ENOSPC, EPIPE, EFBIG, EIO end it.
void write_all(int fd, std::string_view data, const std::string& label) {
    while (!data.empty()) {
        ssize_t count = ::write(fd, data.data(), data.size());
        if (count < 0 && errno == EINTR) continue;
        if (count < 0) fail_errno(label, errno);
        if (count == 0) fail(label, "write made no progress");
        data.remove_prefix(static_cast<std::size_t>(count));
    }
}

void write_stdout(const OutputPieces& pieces) {
    std::fflush(stdout);  // keep anything already printed through stdio in front of these bytes
    pieces([](std::string_view piece) { write_all(STDOUT_FILENO, piece, "standard output"); });
}

// The mode a newly created file would get: 0666 less the umask. /proc reports the umask without changing it
// (calling umask() to read it would race with other threads).
mode_t new_file_mode() {
    static const mode_t mode = [] {
        mode_t mask = 022;
        std::ifstream status("/proc/self/status");
        std::string line;
        while (std::getline(status, line))
            if (line.rfind("Umask:", 0) == 0) mask = static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
        return static_cast<mode_t>(0666 & ~mask);
    }();
    return mode;
}

// Devices, FIFOs and sockets (/dev/null, /dev/stdout, a pipe) are written in place: renaming a regular file over
// them would replace the device node instead of writing to it.
bool is_special_file(const fs::path& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode) && !S_ISDIR(info.st_mode);
}

void write_special_file(const fs::path& path, const OutputPieces& pieces) {
    const std::string label = path.string();
    FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0) fail_errno(label, errno);
    pieces([&](std::string_view piece) { write_all(fd.get(), piece, label); });
    if (fd.close() != 0) fail_errno(label, errno);
}

// Best effort: makes the rename itself durable. Some file systems refuse fsync on directories; the data is
// already safe by then, so a failure here is not reported.
void sync_directory(const fs::path& directory) {
    FileDescriptor fd(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() >= 0) ::fsync(fd.get());
}

// ".NAME.tmp.XXXXXX" beside the target; when that would pass the file-name limit, the name cut so that the
// temporary name is exactly as long as the final one (".NAMEXXXXXX" less 7 bytes of NAME): any name that can be
// written has a temporary name that can be created.
std::string temporary_name(const std::string& name) {
    std::string usual = "." + name + ".tmp.XXXXXX";
    if (usual.size() <= NAME_MAX) return usual;
    return "." + name.substr(0, name.size() - 7) + "XXXXXX";
}

// The temporary file, removed on destruction unless it was renamed into place.
class TemporaryFile {
public:
    explicit TemporaryFile(const fs::path& target) {
        std::string pattern = (target.parent_path() / temporary_name(target.filename().string())).string();
        int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
        if (fd < 0) fail_errno(target.string(), errno);
        fd_ = fd;
        path_ = pattern;
    }
    ~TemporaryFile() {
        if (fd_ >= 0) ::close(fd_);
        if (!path_.empty()) ::unlink(path_.c_str());
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;

    int fd() const { return fd_; }
    const std::string& path() const { return path_; }
    int close() { return ::close(std::exchange(fd_, -1)); }
    void keep() { path_.clear(); }

private:
    int fd_ = -1;
    std::string path_;
};

void write_regular_file(const fs::path& path, const OutputPieces& pieces, Durability durability) {
    const std::string label = path.string();
    fs::path parent = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) fail(label, "cannot create directory " + parent.string() + ": " + system_reason(ec));

    TemporaryFile temporary(parent / path.filename());
    struct stat existing {};
    // Replacing a file keeps its permissions; a new file gets the usual 0666 less umask, not mkstemp's 0600.
    mode_t mode = ::stat(path.c_str(), &existing) == 0 ? (existing.st_mode & 07777) : new_file_mode();
    if (::fchmod(temporary.fd(), mode) != 0) fail_errno(label, errno);
    pieces([&](std::string_view piece) { write_all(temporary.fd(), piece, label); });
    const bool sync = durability == Durability::fsync;
    if (sync && ::fsync(temporary.fd()) != 0) fail_errno(label, errno);
    if (temporary.close() != 0) fail_errno(label, errno);
    if (::rename(temporary.path().c_str(), path.c_str()) != 0) fail_errno(label, errno);
    temporary.keep();
    if (sync) sync_directory(parent);
}

// --- input discovery ---

std::string ascii_lower(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

std::string lower_extension(const fs::path& path) { return ascii_lower(path.extension().string()); }

std::vector<std::string> normalized_extensions(const std::vector<std::string>& extensions) {
    std::vector<std::string> normalized;
    for (const std::string& extension : extensions) {
        if (extension.empty()) continue;
        std::string lower = ascii_lower(extension);
        normalized.push_back(lower.front() == '.' ? lower : "." + lower);
    }
    return normalized;
}

struct DirectoryId {
    dev_t device;
    ino_t inode;
    auto operator<=>(const DirectoryId&) const = default;
};

std::optional<DirectoryId> directory_id(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return std::nullopt;
    return DirectoryId{info.st_dev, info.st_ino};
}

// A recursive walk below one directory argument. Directories are identified by (device, inode), so a symlink
// back to an ancestor is reported as a loop and a second route to a directory already walked is not taken again.
class DirectoryWalk {
public:
    DirectoryWalk(const fs::path& root, const std::vector<std::string>& extensions, bool follow_symlinks)
        : root_(root), extensions_(extensions), follow_symlinks_(follow_symlinks) {
        std::error_code ec;
        real_root_ = fs::canonical(root, ec);
    }

    std::vector<InputFile> run() {
        std::vector<DirectoryId> ancestors;
        walk(root_, fs::path(), ancestors);
        std::sort(found_.begin(), found_.end(), [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
        return std::move(found_);
    }

private:
    const fs::path& root_;
    const std::vector<std::string>& extensions_;
    bool follow_symlinks_;
    fs::path real_root_;  // the directory given, symlinks resolved: where a walk must stay
    std::set<DirectoryId> visited_;
    std::vector<InputFile> found_;

    void add(const fs::path& path, const fs::path& relative, std::string error = {}) {
        std::string relative_text = relative.generic_string();
        // The directory argument itself lies below nothing; its own name stands in.
        if (relative_text.empty()) {
            fs::path normal = path.lexically_normal();
            relative_text = (normal.has_filename() ? normal : normal.parent_path()).filename().string();
        }
        if (relative_text.empty()) relative_text = path.string();
        found_.push_back(InputFile{path.string(), relative_text, std::move(error)});
    }

    bool wanted(const fs::path& path) const {
        return extensions_.empty() ||
               std::find(extensions_.begin(), extensions_.end(), lower_extension(path)) != extensions_.end();
    }

    void walk(const fs::path& directory, const fs::path& relative, std::vector<DirectoryId>& ancestors) {
        std::optional<DirectoryId> id = directory_id(directory);
        if (!id) {
            add(directory, relative, "cannot read directory: " + system_reason(errno));
            return;
        }
        if (std::find(ancestors.begin(), ancestors.end(), *id) != ancestors.end()) {
            add(directory, relative, "directory symlink loop: leads back to one of its parent directories");
            return;
        }
        if (!visited_.insert(*id).second) return;  // reached again through another symlink: already collected

        std::error_code ec;
        fs::directory_iterator entries(directory, ec);
        if (ec) {
            add(directory, relative, "cannot read directory: " + system_reason(ec));
            return;
        }
        std::vector<fs::directory_entry> listing;
        for (auto end = fs::directory_iterator(); entries != end; entries.increment(ec)) listing.push_back(*entries);
        if (ec) add(directory, relative, "cannot read directory: " + system_reason(ec));

        // Real entries before symlinks, then by name: when a directory is reachable both ways it is found under
        // its own name, and the outcome does not depend on the order the file system lists entries in.
        auto order = [](const fs::directory_entry& entry) {
            std::error_code link_ec;
            return std::make_pair(entry.is_symlink(link_ec), entry.path().filename().string());
        };
        std::sort(listing.begin(), listing.end(), [&](const auto& a, const auto& b) { return order(a) < order(b); });
        ancestors.push_back(*id);
        for (const fs::directory_entry& entry : listing) visit(entry, relative / entry.path().filename(), ancestors);
        ancestors.pop_back();
    }

    // Does a symlink found in the walk lead outside the directory given (a link to a private file)?
    bool leads_outside(const fs::directory_entry& entry) const {
        std::error_code ec;
        if (follow_symlinks_ || !entry.is_symlink(ec) || real_root_.empty()) return false;
        fs::path target = fs::canonical(entry.path(), ec);
        if (ec) return false;  // dangling: reported below as such
        auto [root_end, target_at] = std::mismatch(real_root_.begin(), real_root_.end(), target.begin(), target.end());
        return root_end != real_root_.end();
    }

    void visit(const fs::directory_entry& entry, const fs::path& relative, std::vector<DirectoryId>& ancestors) {
        std::error_code ec;
        fs::file_status status = entry.status(ec);  // follows symlinks
        if (ec) {
            // A dangling symlink (or one we may not follow): worth reporting only when it looks like an input.
            if (wanted(entry.path())) add(entry.path(), relative, "cannot open: " + system_reason(ec));
            return;
        }
        if (leads_outside(entry)) {
            if (fs::is_directory(status) || wanted(entry.path()))
                add(entry.path(), relative,
                    "symlink leads outside " + root_.string() + "; not followed (--follow-symlinks follows it)");
            return;
        }
        if (fs::is_directory(status)) {
            walk(entry.path(), relative, ancestors);
        } else if (fs::is_regular_file(status) && wanted(entry.path())) {
            // FIFOs, sockets and devices inside a directory are skipped: reading them could block or never end.
            add(entry.path(), relative);
        }
    }
};

InputFile missing_input(const std::string& path, const std::error_code& ec) {
    std::string reason = ec == std::errc::no_such_file_or_directory ? "no such file or directory" : system_reason(ec);
    return InputFile{path, fs::path(path).filename().string(), reason};
}

}  // namespace

bool has_extension(const fs::path& path, const std::vector<std::string>& extensions) {
    std::string extension = lower_extension(path);
    return std::find(extensions.begin(), extensions.end(), extension) != extensions.end();
}

ProtectedPaths::ProtectedPaths(const std::vector<fs::path>& paths) {
    for (const fs::path& path : paths) add(path);
}

ProtectedPaths::ProtectedPaths(std::initializer_list<fs::path> paths) {
    for (const fs::path& path : paths) add(path);
}

void ProtectedPaths::add(const fs::path& path) {
    if (path == "-") return;
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0) {
        files_.emplace(info.st_dev, info.st_ino);
        return;
    }
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(path, ec);
    missing_.insert(ec ? fs::absolute(path, ec).lexically_normal() : canonical);
}

bool ProtectedPaths::contains(const fs::path& path) const {
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0 && files_.count({info.st_dev, info.st_ino})) return true;
    if (missing_.empty()) return false;
    std::error_code ec;
    fs::path target = fs::weakly_canonical(path, ec);
    if (ec) target = fs::absolute(path, ec).lexically_normal();
    return missing_.count(target) > 0;
}

void write_file_atomic(const fs::path& path, std::string_view data, const ProtectedPaths& protected_inputs,
                       Durability durability) {
    write_file_atomic(
        path, [data](const PieceWriter& write) { write(data); }, protected_inputs, durability);
}

void write_file_atomic(const fs::path& path, const OutputPieces& pieces, const ProtectedPaths& protected_inputs,
                       Durability durability) {
    if (path == "-") {
        write_stdout(pieces);
        return;
    }
    if (path.empty()) fail("(empty path)", "no output file name");
    if (protected_inputs.contains(path)) fail(path.string(), "refusing to overwrite an input file");
    if (path.filename().empty() || path.filename() == "." || path.filename() == "..")
        fail(path.string(), "not a file name");
    if (is_special_file(path)) {
        write_special_file(path, pieces);
        return;
    }
    write_regular_file(path, pieces, durability);
}

std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths, const std::vector<std::string>& extensions,
                                      bool follow_symlinks) {
    const std::vector<std::string> wanted = normalized_extensions(extensions);
    std::vector<InputFile> inputs;
    for (const std::string& path : paths) {
        if (path == "-") {
            inputs.push_back(InputFile{"-", "-", ""});
            continue;
        }
        std::error_code ec;
        fs::file_status status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            inputs.push_back(missing_input(path, ec ? ec : std::make_error_code(std::errc::no_such_file_or_directory)));
        } else if (fs::is_directory(status)) {
            std::vector<InputFile> found = DirectoryWalk(fs::path(path), wanted, follow_symlinks).run();
            inputs.insert(inputs.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
        } else {
            // Named explicitly: taken whatever its extension or type (a FIFO from process substitution works).
            inputs.push_back(InputFile{path, fs::path(path).filename().string(), ""});
        }
    }
    return inputs;
}

}  // namespace occkit::cli
