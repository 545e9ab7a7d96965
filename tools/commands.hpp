// Each subcommand registers its options on the app and runs from its callback, leaving its exit code in `rc`.
// One file per command family: cmd_<name>.cpp.
#pragma once

#include <CLI/CLI.hpp>

namespace occkit::cli {

void add_convert(CLI::App& app, int& rc);   // cmd_convert.cpp
void add_detect(CLI::App& app, int& rc);    // cmd_convert.cpp
void add_layouts(CLI::App& app, int& rc);   // cmd_convert.cpp
void add_validate(CLI::App& app, int& rc);  // cmd_validate.cpp: validate, rules
void add_stale(CLI::App& app, int& rc);     // cmd_stale.cpp
void add_diff(CLI::App& app, int& rc);      // cmd_diff.cpp: diff, history
void add_export(CLI::App& app, int& rc);    // cmd_export.cpp: export, import
void add_layout(CLI::App& app, int& rc);    // cmd_layout.cpp: layout learn
// Examples and exit status at the end of every command's --help (help_text.cpp); call after the commands are added.
void add_help_footers(CLI::App& app);

}  // namespace occkit::cli
