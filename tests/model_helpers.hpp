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

/// The required members of a Call, without the closing brace (199 bytes, so a member
/// appended after it starts at offset 199): the smallest Call that decodes.
inline const std::string minimal_call_members =
    R"({"sid":"s","account_sid":"a","date_created":"Thu, 01 Jan 1970 00:00:00 +0000",)"
    R"("date_updated":"Thu, 01 Jan 1970 00:00:01 +0000","to":"+1","from":"+2","status":"queued",)"
    R"("direction":"inbound","uri":"/u")";

/// What encode() writes for that Call: schema order, nullable members as null, other
/// empty optional members left out.
inline const std::string minimal_call_encoded =
    R"({"sid":"s","account_sid":"a","date_created":"Thu, 01 Jan 1970 00:00:00 +0000",)"
    R"("date_updated":"Thu, 01 Jan 1970 00:00:01 +0000","parent_call_sid":null,"to":"+1","from":"+2",)"
    R"("phone_number_sid":null,"status":"queued","start_time":null,"end_time":null,"duration":null,"price":null,)"
    R"("direction":"inbound","answered_by":null,"forwarded_from":null,"caller_name":null,"uri":"/u",)"
    R"("annotation":null,"group_sid":null,"sip_result_code":null,"audio_in_mos":null,"audio_rtt_avg":null,)"
    R"("audio_rtt_min":null,"audio_rtt_max":null,"audio_out_jitter_min":null,"audio_out_jitter_max":null,)"
    R"("audio_out_jitter_avg":null,"audio_out_lost":null})";

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
