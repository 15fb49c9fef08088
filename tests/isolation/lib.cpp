// One library of the two-version program (tests/isolation/run.py): built once per copy
// of the headers, with LIB naming its entry point. Its only view of the others is the
// linker's.
#include <signalwire/call.hpp>

#include <string>
#include <string_view>

std::string LIB(std::string_view json) {
    const auto call = signalwire::decode<signalwire::Call>(json);
    if (!call) return "error " + call.error().to_string();
    return signalwire::encode(*call);
}
