/// @file
/// What every public header opens with: occkit's versioned namespace, which is also the library's export mark.
#pragma once

/// Opens occkit's namespace in a public header. Its inline `v0` part is the ABI version: callers write
/// occkit::convert, the linker sees occkit::v0::convert, so a program built against one ABI can never bind to
/// another's symbols. It is also what exports: the library is built with hidden visibility, and what a public
/// header declares between these macros gets default visibility (a pragma GCC and clang both carry from a
/// declaration to its definition), so one mark per header does what an export attribute on each declaration would,
/// while internal helpers and third-party code linked in stay hidden. (In the static library it changes nothing.)
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
