// occkit.conf discovery and splitting into its sections (config.hpp).
#include "config.hpp"

#include <filesystem>
#include <sstream>

#include "occkit/error.hpp"
#include "occkit/io.hpp"

namespace occkit::cli {

namespace fs = std::filesystem;

namespace {

std::string trimmed(const std::string& line) {
    std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) return {};
    return line.substr(first, line.find_last_not_of(" \t\r") + 1 - first);
}

std::optional<fs::path> nearest_config() {
    std::error_code ec;
    fs::path dir = fs::current_path(ec);
    if (ec) return std::nullopt;
    for (;;) {
        for (const char* name : {"occkit.conf", ".occkit.conf"})
            if (fs::is_regular_file(dir / name, ec)) return dir / name;
        if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
        dir = dir.parent_path();
    }
}

// Each section's lines, other lines left blank so errors from RuleConfig/StalePolicy name the file's own lines.
ProjectConfig split_sections(const std::string& text, const std::string& path) {
    ProjectConfig config;
    config.path = path;
    std::istringstream in(text);
    std::string line, section;
    for (int number = 1; std::getline(in, line); ++number) {
        std::string content = trimmed(line.substr(0, line.find('#')));
        if (content.starts_with('[') && content.ends_with(']')) {
            section = content.substr(1, content.size() - 2);
            if (section != "rules" && section != "stale-policy")
                throw Error(path + ":" + std::to_string(number) + ": unknown section [" + section +
                            "] (expected [rules] or [stale-policy])");
            (section == "rules" ? config.has_rules : config.has_policy) = true;
            content.clear();
        } else if (!content.empty() && section.empty()) {
            throw Error(path + ":" + std::to_string(number) + ": a setting before any [rules] or [stale-policy]");
        }
        config.rules += (section == "rules" && !content.empty() ? line : "") + "\n";
        config.policy += (section == "stale-policy" && !content.empty() ? line : "") + "\n";
    }
    return config;
}

}  // namespace

std::optional<ProjectConfig> discover_config() {
    std::optional<fs::path> path = nearest_config();
    if (!path) return std::nullopt;
    return split_sections(read_input(path->string()), path->string());
}

void add_no_config_flag(CLI::App* cmd, bool& flag) {
    cmd->add_flag("--no-config", flag, "Ignore occkit.conf / .occkit.conf (searched from here up)");
}

}  // namespace occkit::cli
