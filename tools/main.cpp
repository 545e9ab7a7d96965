// occkit: one program, one subcommand per job. Options are parsed here; the work is in the library.
#include <CLI/CLI.hpp>
#include <iostream>

#include "batch.hpp"
#include "commands.hpp"
#include "occkit/version.hpp"

int main(int argc, char** argv) {
    using namespace occkit::cli;
    CLI::App app{"occkit: occupation-profile documents - convert scraped career pages to canonical XML and more"};
    app.set_version_flag("--version", std::string("occkit ") + occkit::version());
    app.require_subcommand(1);
    app.failure_message(CLI::FailureMessage::help);
    int rc = exit_ok;
    add_convert(app, rc);
    add_detect(app, rc);
    add_layouts(app, rc);
    add_validate(app, rc);
    add_stale(app, rc);
    add_diff(app, rc);
    add_export(app, rc);
    for (CLI::App* command :
         app.get_subcommands([](CLI::App* c) { return c->get_name() != "layouts" && c->get_name() != "rules"; }))
        add_walk_options(*command);
    install_signal_handlers();
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return exit_usage;
    } catch (const std::exception& e) {
        std::cerr << "occkit: " << e.what() << '\n';
        return exit_usage;
    }
    // Commands say exit_interrupted; the exit status names the signal (SIGHUP 129, SIGINT 130, SIGTERM 143).
    return rc == exit_interrupted && interrupted() ? interrupted_exit_code() : rc;
}
