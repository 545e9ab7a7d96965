/// @file
/// What every public header opens with: the mark of an exported declaration and occkit's versioned namespace.
#pragma once

/// Marks a declaration the shared library exports. The library is built with hidden visibility, so whatever a public
/// header does not mark stays internal to it (and third-party code linked in is never re-exported). Empty for the
/// static library, which a program links whole.
#if defined(OCCKIT_STATIC_DEFINE) || !defined(__GNUC__)
#define OCCKIT_API
#else
#define OCCKIT_API __attribute__((visibility("default")))
#endif

/// Opens occkit's namespace. Its inline `v0` part is the ABI version: callers write occkit::convert, the linker sees
/// occkit::v0::convert, so a program built against one ABI can never bind to another's symbols.
#define OCCKIT_BEGIN_NAMESPACE \
    namespace occkit {         \
    inline namespace v0 {
/// Closes what OCCKIT_BEGIN_NAMESPACE opened.
#define OCCKIT_END_NAMESPACE \
    }                        \
    }
