// Round trip: whenever decode<Call>(x) or decode<CallList>(x) succeeds (each tried, in
// lenient and in strict mode), decode(encode(decode(x))) == decode(x) and
// encode(decode(encode(v))) == encode(v). A mismatch aborts, so libFuzzer keeps the input.
#include "json_properties.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    fuzz::round_trip<signalwire::Call>(input, fuzz::lenient_options(), "lenient");
    fuzz::round_trip<signalwire::Call>(input, fuzz::strict_options(), "strict");
    fuzz::round_trip<signalwire::CallList>(input, fuzz::lenient_options(), "lenient");
    fuzz::round_trip<signalwire::CallList>(input, fuzz::strict_options(), "strict");
    return 0;
}
