// Run-time versions of the libraries occkit uses (occkit/version.hpp), for `occkit --version` and bug reports: the
// loaded libxml2 and ICU may differ from the headers occkit was built with.
#include <libxml/parser.h>  // xmlParserVersion
#include <unicode/uversion.h>

#include <string>

#include "occkit/version.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

// libxml2 reports its run-time version as one number, 20914 for 2.9.14.
std::string libxml2_version() {
    const int number = std::stoi(xmlParserVersion);
    return std::to_string(number / 10000) + "." + std::to_string(number / 100 % 100) + "." +
           std::to_string(number % 100);
}

std::string icu_version() {
    UVersionInfo info;
    u_getVersion(info);
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(info, text);
    return text;
}

}  // namespace

const char* dependency_versions() {
    static const std::string text = "libxml2 " + libxml2_version() + ", ICU " + icu_version();
    return text.c_str();
}

OCCKIT_END_IMPL_NAMESPACE
