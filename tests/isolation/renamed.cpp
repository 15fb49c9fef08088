// The library whose TU includes both the checked-in headers and a copy generated with
// `namespace: sdk_d` (a renamed runtime): both decode, each with its own code.
#include <sdk_d/call.hpp>
#include <signalwire/call.hpp>

#include <string>
#include <string_view>

std::string d_signalwire(std::string_view json) {
    const auto call = signalwire::decode<signalwire::Call>(json);
    return call ? signalwire::encode(*call) : "error " + call.error().to_string();
}

std::string d_sdk_d(std::string_view json) {
    const auto call = sdk_d::decode<sdk_d::Call>(json);
    return call ? sdk_d::encode(*call) : "error " + call.error().to_string();
}
