// What the bench programs share: finding and reading the pages they time (outside the timed loops).
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace occkit::bench {

inline std::string read_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Regular files below `dir` with one of the extensions, sorted; none when `dir` does not exist (no ../shared).
inline std::vector<std::filesystem::path> files_below(const std::filesystem::path& dir,
                                                      std::initializer_list<std::string_view> extensions) {
    std::vector<std::filesystem::path> found;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return found;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.is_regular_file() &&
            std::find(extensions.begin(), extensions.end(), e.path().extension().string()) != extensions.end())
            found.push_back(e.path());
    std::sort(found.begin(), found.end());
    return found;
}

// The bytes of those files, in the same order.
inline std::vector<std::string> load_files(const std::filesystem::path& dir,
                                           std::initializer_list<std::string_view> extensions) {
    std::vector<std::string> bytes;
    for (const auto& p : files_below(dir, extensions)) bytes.push_back(read_bytes(p));
    return bytes;
}

}  // namespace occkit::bench
