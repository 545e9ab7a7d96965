// Configuration discovery: an `occkit.conf` (or `.occkit.conf`) in the working directory or the nearest parent that
// has one supplies validate's rule settings and the staleness policy, unless given on the command line (--config,
// --stale-policy, --policy) or --no-config is given. One file, two sections in the formats of those options:
//   [rules]          rule-id = off | info | warning | error      (as validate --config)
//   [stale-policy]   kind = 36m ...                              (as stale --policy)
// so a repository of profiles carries its settings for every command and CI step alike.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace occkit::cli {

struct ProjectConfig {
    std::string path;    // the file found
    std::string rules;   // the [rules] lines (others blanked, so line numbers stay the file's)
    std::string policy;  // the [stale-policy] lines, likewise
    bool has_rules = false;
    bool has_policy = false;
};

// The nearest occkit.conf / .occkit.conf from the working directory up; nullopt when there is none. Throws
// occkit::Error "<path>:<line>: <reason>" on an unknown section or a setting before any section.
std::optional<ProjectConfig> discover_config();

// Adds --no-config to `cmd`, bound to `flag`.
void add_no_config_flag(CLI::App* cmd, bool& flag);

}  // namespace occkit::cli
