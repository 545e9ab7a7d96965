// One libFuzzer program per target in targets.hpp; OCCKIT_FUZZ_TARGET (set by fuzz/CMakeLists.txt) picks which.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "occkit/layout.hpp"
#include "targets.hpp"

namespace {

const occkit::fuzz::Target& selected_target() {
    static const occkit::fuzz::Target* target = [] {
        for (const auto& t : occkit::fuzz::targets())
            if (t.name == OCCKIT_FUZZ_TARGET) return &t;
        std::fprintf(stderr, "occkit fuzz: no target named %s\n", OCCKIT_FUZZ_TARGET);
        std::abort();
    }();
    return *target;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    // One-time setup (parsing the built-in layouts, compiling the schemas) is not what is being fuzzed; doing it
    // here keeps it out of the first input's time and memory.
    (void)occkit::LayoutSet::builtin();
    (void)occkit::fuzz::occupation_schema();
    (void)selected_target();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    selected_target().run(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
