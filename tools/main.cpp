// occkit: one program, one subcommand per job. Options are parsed here; the work is in the library.
// Every error has one style, "occkit: CONTEXT: message", and usage errors add one line pointing to --help
// (manner.hpp). Exit codes: 0 ok, 1 findings or some inputs failed, 2 usage or I/O error, 128+N on signal N.
#include <openssl/crypto.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <iostream>

#include "batch.hpp"
#include "commands.hpp"
#include "manner.hpp"
#include "occkit/version.hpp"

namespace {

using namespace occkit::cli;

// The subcommand the command line reached ("" before one), for the CONTEXT of an error.
std::string command_of(const CLI::App& app) {
    for (const CLI::App* sub : app.get_subcommands()) return sub->get_name();
    return {};
}

// CLI11 messages start with a capital ("The following arguments..."); ours do not.
std::string lowercased_first(std::string message) {
    if (message.size() > 1 && std::isupper(static_cast<unsigned char>(message[0])) &&
        std::islower(static_cast<unsigned char>(message[1])))
        message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    return message;
}

// "occkit frobnicate": name the unknown command instead of CLI11's "A subcommand is required".
bool unknown_command(const CLI::App& app, int argc, char** argv) {
    if (argc < 2 || argv[1][0] == '-') return false;
    const std::string name = argv[1];
    for (const CLI::App* sub : app.get_subcommands({}))
        if (sub->get_name() == name) return false;
    usage_error("", "unknown command '" + name + "'");
    return true;
}

// Anything printed through std::cout (detect, layouts, rules, diff) that did not reach standard output.
int check_stdout(const CLI::App& app, int rc) {
    std::cout.flush();
    if (std::cout && !stdout_failed()) return rc;
    if (!stdout_failed())
        report("occkit: " + command_of(app) + ": cannot write to standard output: " + std::strerror(errno));
    return rc >= 128 ? rc : exit_usage;
}

}  // namespace

int main(int argc, char** argv) {
    // The program hashes (SHA-256) and needs no OpenSSL configuration: not reading openssl.cnf was a measurable part
    // of the start-up. The library leaves this choice to the program it is in.
    OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG, nullptr);
    CLI::App app{"occkit: occupation-profile documents - convert scraped career pages to canonical XML and more"};
    app.set_version_flag("--version", occkit::cli::version_text());
    app.require_subcommand(1);
    int rc = exit_ok;
    add_convert(app, rc);
    add_detect(app, rc);
    add_layouts(app, rc);
    add_validate(app, rc);
    add_stale(app, rc);
    add_diff(app, rc);
    add_export(app, rc);
    add_layout(app, rc);
    add_verbosity_flags(app);
    add_help_footers(app);
    for (CLI::App* command :
         app.get_subcommands([](CLI::App* c) { return c->get_name() != "layouts" && c->get_name() != "rules"; }))
        add_walk_options(*command);
    install_signal_handlers();
    if (unknown_command(app, argc, argv)) return exit_usage;
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return check_stdout(app, app.exit(e));
    } catch (const CLI::CallForAllHelp& e) {
        return check_stdout(app, app.exit(e));
    } catch (const CLI::CallForVersion& e) {
        return check_stdout(app, app.exit(e));
    } catch (const CLI::ParseError& e) {
        std::string command = command_of(app);
        usage_error(command, argc < 2 ? "no command given" : lowercased_first(e.what()));
        return exit_usage;
    } catch (const std::exception& e) {
        report("occkit: " + command_of(app) + ": " + e.what());
        return exit_usage;
    }
    // Commands say exit_interrupted; the exit status names the signal (SIGHUP 129, SIGINT 130, SIGTERM 143).
    if (rc == exit_interrupted && interrupted()) return interrupted_exit_code();
    return check_stdout(app, rc);
}
