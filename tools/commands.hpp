// Each subcommand registers its options on the app and runs from its callback, leaving its exit code in `rc`.
#pragma once

#include <CLI/CLI.hpp>

namespace occkit::cli {

void add_convert(CLI::App& app, int& rc);
void add_detect(CLI::App& app, int& rc);
void add_layouts(CLI::App& app, int& rc);

}  // namespace occkit::cli
