// signalwire/src.hpp - the one translation unit of separate compilation.
//
// Header-only is the default: every .cpp that decodes compiles the decoders (and the
// Boost.JSON parser) for itself. To compile them once instead, as Boost.JSON's own
// src.hpp does:
//   1. define SIGNALWIRE_SEPARATE_COMPILATION for the whole program (compiler flag or
//      build system), so the generated headers declare their models' decode and encode
//      `extern template` and leave the parser out;
//   2. in exactly one .cpp, include this header and then every generated header whose
//      models the program uses, in that order:
//          #include <signalwire/src.hpp>
//          #include <signalwire/call.hpp>
//      That file compiles decode and encode of every model of those schemas.
#ifndef SIGNALWIRE_SRC_HPP
#define SIGNALWIRE_SRC_HPP

#if defined(SIGNALWIRE_GENERATED_HEADER_INCLUDED) && !defined(SIGNALWIRE_SOURCE)
#error "include <signalwire/src.hpp> before the generated headers (<signalwire/call.hpp>), or they are not compiled here"
#endif

#define SIGNALWIRE_SOURCE

#include <signalwire/version.hpp>

#include <signalwire/codec.hpp>
#include <signalwire/impl/codec.hpp>

#endif
