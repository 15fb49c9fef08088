// Round trip: whenever decode<Call>(x) or decode<CallList>(x) succeeds (lenient and
// strict mode), decode(encode(decode(x))) == decode(x) and
// encode(decode(encode(v))) == encode(v). A mismatch aborts, so libFuzzer keeps the input.
//
// Whole documents that decode are rare among mutated inputs, so the input is also used
// a second way: its first byte picks a member (a Call field, or a member the schema does
// not know) and the rest is spliced in as that member's JSON value, in a Call whose
// other required members are valid. That puts every mutation of a value through the
// round trip.
#include "json_properties.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace {

/// Every Call field name (from object_traits, so new fields are covered), then two
/// members the schema does not know.
const std::vector<std::string_view>& slots() {
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> v;
        std::apply([&](const auto&... f) { (v.push_back(f.name), ...); },
                   signalwire::object_traits<signalwire::Call>::fields);
        v.push_back("queue_time");
        v.push_back("x");
        return v;
    }();
    return names;
}

/// Valid values of the required Call members.
constexpr std::pair<std::string_view, std::string_view> required_members[] = {
    {"sid", "\"s\""},
    {"account_sid", "\"a\""},
    {"date_created", "\"Sun, 03 Feb 2019 21:36:05 +0000\""},
    {"date_updated", "\"Sun, 03 Feb 2019 21:36:05 +0000\""},
    {"to", "\"+1\""},
    {"from", "\"+2\""},
    {"status", "\"queued\""},
    {"direction", "\"inbound\""},
    {"uri", "\"/u\""},
};

std::string spliced_call(std::string_view key, std::string_view value) {
    std::string doc = "{";
    for (const auto& [name, text] : required_members) {
        if (name == key) continue;
        doc.append("\"").append(name).append("\":").append(text).append(",");
    }
    doc.append("\"").append(key).append("\":").append(value).append("}");
    return doc;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    fuzz::round_trip<signalwire::Call>(input, fuzz::lenient_options(), "lenient");
    fuzz::round_trip<signalwire::Call>(input, fuzz::strict_options(), "strict");
    fuzz::round_trip<signalwire::CallList>(input, fuzz::lenient_options(), "lenient");
    fuzz::round_trip<signalwire::CallList>(input, fuzz::strict_options(), "strict");

    if (size >= 2) {
        const std::string_view key = slots()[data[0] % slots().size()];
        const std::string doc = spliced_call(key, input.substr(1));
        fuzz::round_trip<signalwire::Call>(doc, fuzz::lenient_options(), "lenient");
        fuzz::round_trip<signalwire::Call>(doc, fuzz::strict_options(), "strict");
    }
    return 0;
}
