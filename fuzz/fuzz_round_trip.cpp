// Round trip: whenever decode<Call>(x) or decode<CallList>(x) succeeds (lenient and
// strict mode), decode(encode(decode(x))) == decode(x) and
// encode(decode(encode(v))) == encode(v). A mismatch aborts, so libFuzzer keeps the input.
// The input is tried as a whole document and spliced into a Call as one member's value
// (fuzz::spliced_call, json_properties.hpp).
#include "json_properties.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    fuzz::round_trip<signalwire::Call>(input, fuzz::lenient_options(), "lenient");
    fuzz::round_trip<signalwire::Call>(input, fuzz::strict_options(), "strict");
    fuzz::round_trip<signalwire::CallList>(input, fuzz::lenient_options(), "lenient");
    fuzz::round_trip<signalwire::CallList>(input, fuzz::strict_options(), "strict");

    const std::string doc = fuzz::spliced_call(input);
    if (!doc.empty()) {
        fuzz::round_trip<signalwire::Call>(doc, fuzz::lenient_options(), "lenient");
        fuzz::round_trip<signalwire::Call>(doc, fuzz::strict_options(), "strict");
    }
    return 0;
}
