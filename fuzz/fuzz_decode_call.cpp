// decode<Call> in lenient and strict mode on the same input; on success, encode.
// Also the DOM entry point, and the input with a UTF-8 byte order mark in front (lenient
// mode skips it: fuzz::bom_skipped). The input is tried as a whole document and spliced
// into a Call as one member's value (fuzz::spliced_call). See json_properties.hpp for
// the checked properties, and decode_into (into a Call reused across inputs) against decode.
#include "json_properties.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    fuzz::decode_both_modes<signalwire::Call>(input);
    fuzz::decode_dom<signalwire::Call>(input);
    fuzz::bom_skipped<signalwire::Call>(input);
    fuzz::decode_into_agrees<signalwire::Call>(input);
    const std::string doc = fuzz::spliced_call(input);
    if (!doc.empty()) {
        fuzz::decode_both_modes<signalwire::Call>(doc);
        fuzz::bom_skipped<signalwire::Call>(doc);
        fuzz::decode_into_agrees<signalwire::Call>(doc);
    }
    return 0;
}
