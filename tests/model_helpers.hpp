// Helpers for the tests of the generated models: decode or fail the test, and a
// timestamp from seconds since the epoch.
#ifndef SIGNALWIRE_TESTS_MODEL_HELPERS_HPP
#define SIGNALWIRE_TESTS_MODEL_HELPERS_HPP

#include <signalwire/call.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace test_support {

/// The model decoded from `json`; the test fails (REQUIRE) with the error if it does not decode.
template <class T = signalwire::Call>
T decoded(std::string_view json, const signalwire::decode_options& options = {}) {
    auto r = signalwire::decode<T>(json, options);
    REQUIRE_MESSAGE(r.has_value(), (r ? std::string() : r.error().to_string()));
    return *r;
}

inline signalwire::timestamp at(std::int64_t seconds) { return signalwire::timestamp(std::chrono::seconds(seconds)); }

}  // namespace test_support

#endif
