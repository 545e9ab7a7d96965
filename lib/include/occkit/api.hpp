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
/// another's symbols. What a public header declares in it is exported: the visibility pragma (which GCC and clang
/// both carry from a declaration to its definition) does what OCCKIT_API on each declaration would.
#define OCCKIT_BEGIN_NAMESPACE \
    namespace occkit {         \
    inline namespace v0 {      \
    _Pragma("GCC visibility push(default)")
/// Closes what OCCKIT_BEGIN_NAMESPACE opened.
#define OCCKIT_END_NAMESPACE              \
    _Pragma("GCC visibility pop") \
    }                                     \
    }
/// Opens the same namespace in the library's own sources and internal headers, with no export: a function a public
/// header declared stays exported, anything declared first here stays internal.
#define OCCKIT_BEGIN_IMPL_NAMESPACE \
    namespace occkit {              \
    inline namespace v0 {
/// Closes what OCCKIT_BEGIN_IMPL_NAMESPACE opened.
#define OCCKIT_END_IMPL_NAMESPACE \
    }                             \
    }
