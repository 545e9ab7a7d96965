// occkit export: not written yet (a placeholder so the program links while the command is being built).
#include <iostream>

#include "batch.hpp"
#include "commands.hpp"

namespace occkit::cli {

void add_export(CLI::App& app, int& rc) {
    auto* cmd = app.add_subcommand("export", "(not available yet)");
    cmd->allow_extras();
    cmd->callback([&rc] {
        std::cerr << "occkit: export is not available yet\n";
        rc = exit_usage;
    });
}

}  // namespace occkit::cli
