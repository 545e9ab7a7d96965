// The command-line manner shared by every subcommand (manner.hpp): one error style, one verbosity, one colour rule.
#include "manner.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>

#include "batch.hpp"
#include "occkit/error.hpp"
#include "occkit/version.hpp"

namespace occkit::cli {

namespace {
bool g_quiet = false;
bool g_verbose = false;
std::atomic<bool> g_stdout_failed{false};
}  // namespace

std::string version_text() {
    return std::string("occkit ") + OCCKIT_VERSION_STRING + "\nlibocckit " + occkit::version() + " (" +
           occkit::dependency_versions() + ")";
}

void add_verbosity_flags(CLI::App& app) {
    for (CLI::App* cmd : app.get_subcommands({})) {
        if (!cmd->get_option_no_throw("--quiet"))
            cmd->add_flag("-q,--quiet", g_quiet, "Print only errors: no notes, progress or summary");
        if (!cmd->get_option_no_throw("--verbose"))
            cmd->add_flag("-v,--verbose", g_verbose, "Name each input as it is processed");
    }
}

bool quiet() { return g_quiet; }
bool verbose() { return g_verbose && !g_quiet; }

void note(std::string_view context, std::string_view message) {
    if (!quiet()) report("occkit: " + std::string(context) + ": " + std::string(message));
}

void usage_error(std::string_view command, std::string_view message) {
    std::string where = command.empty() ? "" : std::string(command) + " ";
    report("occkit: " + (command.empty() ? "" : std::string(command) + ": ") + std::string(message) + "\nRun 'occkit " +
           where + "--help' for usage.");
}

bool use_color(std::string_view mode) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return isatty(STDOUT_FILENO) && !(no_color && *no_color) && !(term && std::string_view(term) == "dumb");
}

void write_to_stdout(std::string_view text) {
    try {
        write_file_atomic("-", text);
    } catch (const std::exception&) {
        mark_stdout_failed();
        throw;
    }
}

void mark_stdout_failed() { g_stdout_failed.store(true); }
bool stdout_failed() { return g_stdout_failed.load(); }

std::string output_for_several_inputs(const std::string& output) {
    namespace fs = std::filesystem;
    if (output.empty() || output.back() == '/') return {};
    std::error_code ec;
    fs::file_status status = fs::status(output, ec);
    if (fs::is_directory(status)) return {};
    if (fs::exists(status) || fs::path(output).has_extension())
        return "-o " + output + " names a file, but several inputs give several outputs: name a directory (-o " +
               output + "/ to create one)";
    return {};
}

}  // namespace occkit::cli
