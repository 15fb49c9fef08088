// signalwire/version.hpp - the library's version, and the namespace that carries it.
//
// Every header of this library includes this one first. The version is the one in
// meson.build (a test fails when they differ); CMakeLists.txt reads it from here.
#ifndef SIGNALWIRE_VERSION_HPP
#define SIGNALWIRE_VERSION_HPP

#if !defined(__cplusplus) || (__cplusplus < 201703L && !(defined(_MSVC_LANG) && _MSVC_LANG >= 201703L))
#error "signalwire-models needs C++17 or later: compile with -std=c++17 (or /std:c++17)"
// g++ and clang++ go on after an #error, into pages of errors from headers written for
// C++17; a missing #include is fatal to both, so compilation stops here, with one more
// line that points back at the message above. (MSVC stops at the #error.)
#include <signalwire-models: stopped at the #error above>
#endif

#define SIGNALWIRE_MODELS_VERSION_MAJOR 0
#define SIGNALWIRE_MODELS_VERSION_MINOR 1
#define SIGNALWIRE_MODELS_VERSION_PATCH 0
/// major * 10000 + minor * 100 + patch, for `#if SIGNALWIRE_MODELS_VERSION >= 100`.
#define SIGNALWIRE_MODELS_VERSION \
    (SIGNALWIRE_MODELS_VERSION_MAJOR * 10000 + SIGNALWIRE_MODELS_VERSION_MINOR * 100 + SIGNALWIRE_MODELS_VERSION_PATCH)
#define SIGNALWIRE_MODELS_VERSION_STRING "0.1.0"

// Everything the library defines lives in an inline namespace named after its version,
// as nlohmann's json_abi_v3_11_2 and fmt's v10 do: user code writes signalwire::Call,
// the linker sees signalwire::v0_1_0::...::Call, so two copies of different versions in
// one program never share a symbol. (The generated models add an inline namespace named
// after a hash of their schema, so two schemas of one version do not either.)
#define SIGNALWIRE_ABI_NAMESPACE v0_1_0
#define SIGNALWIRE_NAMESPACE_BEGIN \
    namespace signalwire {         \
    inline namespace SIGNALWIRE_ABI_NAMESPACE {
#define SIGNALWIRE_NAMESPACE_END \
    }                            \
    }

#endif
