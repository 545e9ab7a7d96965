// occkit validate: not written yet (a placeholder so the program links while the command is being built).
#include <iostream>

#include "batch.hpp"
#include "commands.hpp"

namespace occkit::cli {

void add_validate(CLI::App& app, int& rc) {
    auto* cmd = app.add_subcommand("validate", "(not available yet)");
    cmd->allow_extras();
    cmd->callback([&rc] {
        std::cerr << "occkit: validate is not available yet\n";
        rc = exit_usage;
    });
}

}  // namespace occkit::cli
