// Decode errors: where the input went wrong (a JSON Pointer) and what was expected.
#ifndef SIGNALWIRE_ERROR_HPP
#define SIGNALWIRE_ERROR_HPP

#include <signalwire/version.hpp>

#include <boost/assert/source_location.hpp>
#include <boost/system/result.hpp>
#include <boost/throw_exception.hpp>

#include <cstddef>
#include <ostream>
#include <stdexcept>
#include <string>
#include <utility>

SIGNALWIRE_NAMESPACE_BEGIN

/// Why a decode failed. `pointer` is the RFC 6901 JSON Pointer of the failing value
/// (`/calls/3/subresource_uris/recordings`; empty for the whole document), `message`
/// says what was expected or what went wrong (`expected string or null, got number`).
struct decode_error {
    std::string pointer;
    std::string message;

    /// `/duration: expected integer, got string "15"`; a whole-document error reads
    /// `(root): ...` so that a pointer is always visible.
    std::string to_string() const {
        return (pointer.empty() ? std::string("(root)") : pointer) + ": " + message;
    }
    friend bool operator==(const decode_error& a, const decode_error& b) noexcept {
        return a.pointer == b.pointer && a.message == b.message;
    }
    friend bool operator!=(const decode_error& a, const decode_error& b) noexcept { return !(a == b); }
    friend std::ostream& operator<<(std::ostream& os, const decode_error& e) { return os << e.to_string(); }
};

/// Thrown by the throwing entry points (`boost::json::value_to`, `decode_result::value()`).
class decode_exception : public std::runtime_error {
public:
    explicit decode_exception(decode_error e) : std::runtime_error(e.to_string()), error_(std::move(e)) {}
    const decode_error& error() const noexcept { return error_; }

private:
    decode_error error_;
};

/// What `decode` returns: the value, or the error. `result.value()` throws `decode_exception`.
template <class T>
using decode_result = boost::system::result<T, decode_error>;

/// Found by argument-dependent lookup when `decode_result<T>::value()` holds an error.
[[noreturn]] inline void throw_exception_from_error(const decode_error& e, const boost::source_location& loc) {
    boost::throw_exception(decode_exception(e), loc);
}

SIGNALWIRE_NAMESPACE_END

#endif
