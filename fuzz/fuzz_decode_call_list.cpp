// decode<CallList> in lenient and strict mode on the same input; on success, encode.
// decode_each and decode_into (into a page reused across inputs) against decode.
// Also the DOM entry point, and the input with a UTF-8 byte order mark in front (lenient
// mode skips it: fuzz::bom_skipped). See json_properties.hpp for the checked properties.
#include "json_properties.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    fuzz::decode_both_modes<signalwire::CallList>(input);
    fuzz::decode_dom<signalwire::CallList>(input);
    fuzz::bom_skipped<signalwire::CallList>(input);
    fuzz::decode_each_agrees<signalwire::CallList>(input);
    fuzz::decode_into_agrees<signalwire::CallList>(input);
    return 0;
}
