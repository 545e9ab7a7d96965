/// @file
/// What every public header opens with: the mark of an exported declaration and occkit's versioned namespace.
#pragma once

/// Marks what the shared library exports. The library is built with hidden visibility, so whatever a public header
/// does not mark stays internal to it, and third-party code linked in is never re-exported. (In the static library
/// the mark changes nothing.)
#if defined(__GNUC__)
#define OCCKIT_API __attribute__((visibility("default")))
#else
#define OCCKIT_API
#endif

/// Opens occkit's namespace in a public header. Its inline `v0` part is the ABI version: callers write
/// occkit::convert, the linker sees occkit::v0::convert, so a program built against one ABI can never bind to
/// another's symbols. What a public header declares in it is exported (OCCKIT_API on the namespace).
#define OCCKIT_BEGIN_NAMESPACE \
    namespace occkit {         \
    inline namespace OCCKIT_API v0 {
/// Opens the same namespace in the library's own sources and internal headers, without the export mark: a
/// function a public header declared stays exported, anything declared first here stays internal.
#define OCCKIT_BEGIN_IMPL_NAMESPACE \
    namespace occkit {              \
    inline namespace v0 {
/// Closes what OCCKIT_BEGIN_NAMESPACE or OCCKIT_BEGIN_IMPL_NAMESPACE opened.
#define OCCKIT_END_NAMESPACE \
    }                        \
    }
