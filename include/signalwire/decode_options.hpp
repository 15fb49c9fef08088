// What decoding tolerates, and the bounds it enforces on untrusted input.
#ifndef SIGNALWIRE_DECODE_OPTIONS_HPP
#define SIGNALWIRE_DECODE_OPTIONS_HPP

#include <signalwire/version.hpp>

#include <cstddef>

SIGNALWIRE_NAMESPACE_BEGIN

struct decode_options {
    /// Lenient (false, the default) accepts what real servers send beyond the schema:
    /// unknown members (kept in `unknown_members`), unknown enum values (kept as
    /// unknown), numbers sent as strings (`"duration": "15"`), and `""` in an optional
    /// numeric field (absent). Strict (true) rejects each of them with its path.
    bool strict = false;
    /// The largest max_depth decode accepts. Boost.JSON's parser recurses once per
    /// level (about 160 bytes of stack a level, 400 under AddressSanitizer), so this
    /// keeps a decode under half a megabyte of stack on any thread.
    static constexpr std::size_t max_supported_depth = 1024;
    /// Deepest nesting of arrays and objects, anywhere in the document, unknown
    /// members included. Deeper input is rejected, so no input can exhaust the stack.
    /// At most max_supported_depth; a larger setting makes decode fail.
    std::size_t max_depth = 64;
    /// Largest document accepted, in bytes. Larger input is rejected before parsing.
    std::size_t max_size = std::size_t(256) << 20;
};

SIGNALWIRE_NAMESPACE_END

#endif
