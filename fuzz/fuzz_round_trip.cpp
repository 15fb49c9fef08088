// Round trip: whenever decode<Call>(x) or decode<CallList>(x) succeeds (lenient and
// strict mode), decode(encode(decode(x))) == decode(x) and
// encode(decode(encode(v))) == encode(v). A mismatch aborts, so libFuzzer keeps the input.
// The input is tried as a whole document and spliced into a Call as one member's value
// (fuzz::spliced_call, json_properties.hpp), each also with a UTF-8 byte order mark in
// front: lenient mode skips it (decode(BOM + x) is decode(x), fuzz::bom_skipped) and
// the round trip holds from there too (encode writes no BOM).
#include "json_properties.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

template <class T>
void round_trips(std::string_view input) {
    fuzz::round_trip<T>(input, fuzz::lenient_options(), "lenient");
    fuzz::round_trip<T>(input, fuzz::strict_options(), "strict");
    const std::string with_bom = fuzz::bom_prefixed(input);
    if (with_bom.empty()) return;  // it has one already: the lenient round trip above covered it
    fuzz::bom_skipped<T>(input);
    fuzz::round_trip<T>(with_bom, fuzz::lenient_options(), "lenient, BOM-prefixed");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    round_trips<signalwire::Call>(input);
    round_trips<signalwire::CallList>(input);

    const std::string doc = fuzz::spliced_call(input);
    if (!doc.empty()) round_trips<signalwire::Call>(doc);
    return 0;
}
