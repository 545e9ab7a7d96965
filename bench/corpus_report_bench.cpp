// The corpus report (see corpus_report.hpp): converts every page of ../shared/corpus with its detected layout and
// again with the generic one, and prints per site layout: pages, failures, detection accuracy, unmapped and
// "other" shares, then the generic-versus-dedicated comparison.
//   build/bench/occkit_corpus_report_bench [CORPUS_DIR]
// Exit status 1 when a page fails or is detected as the wrong layout.
#include <iostream>

#include "corpus_report.hpp"

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    fs::path corpus = argc > 1 ? fs::path(argv[1]) : fs::path(OCCKIT_SHARED_DIR) / "corpus";
    if (!fs::is_directory(corpus)) {
        std::cerr << "occkit_corpus_report_bench: no corpus at " << corpus << "\n";
        return 2;
    }
    auto report = occkit::corpus::build_report(corpus);
    std::cout << occkit::corpus::format_report(report);
    return report.failures.empty() && report.misdetected.empty() ? 0 : 1;
}
