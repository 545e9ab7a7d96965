// Deferred regex compilation, for the built-in layouts: while a DeferRegexCompilation is alive on a thread, the
// detail::Regex objects that thread constructs compile their ICU pattern on first use instead of at once. Loading
// the built-in layouts compiled a few hundred patterns at every start of the program, most of which a run never
// reaches (the prefilters skip them); that was the largest part of the start-up. Only trusted patterns may be
// deferred: a deferred pattern that does not compile throws occkit::Error where it is first used, so the built-in
// layouts are compiled eagerly by a test (LayoutFiles.BuiltInOnesValidate); a user's layout file is not deferred and
// its bad pattern is still reported when the file is loaded.
#pragma once

#include "occkit/api.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

class DeferRegexCompilation {
public:
    DeferRegexCompilation();
    ~DeferRegexCompilation();
    DeferRegexCompilation(const DeferRegexCompilation&) = delete;
    DeferRegexCompilation& operator=(const DeferRegexCompilation&) = delete;

    static bool active();  // on the calling thread

private:
    bool previous_;
};

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE
