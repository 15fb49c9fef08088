// rfc2822::parse on arbitrary bytes. On failure: `out` unchanged and a message set.
// On success: `error` unchanged, and format() gives the 31-character canonical form,
// which parses back to the same time point.
#include "fuzz_check.hpp"

#include <signalwire/rfc2822.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace rfc2822 = signalwire::rfc2822;
    using signalwire::timestamp;
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    const timestamp sentinel{std::chrono::seconds(-1234567)};
    timestamp t = sentinel;
    std::string error = "untouched";
    if (!rfc2822::parse(input, t, error)) {
        fuzz::check(t == sentinel, "failed parse changed its output", input);
        fuzz::check(!error.empty() && error != "untouched", "failed parse set no message", input);
        fuzz::check(error.back() != '.', "error message ends with a period", input, "error: " + error);
        return 0;
    }
    fuzz::check(error == "untouched", "successful parse changed the error string", input, "error: " + error);
    fuzz::check(input.size() <= 256, "parse accepted more than 256 bytes", input);

    char buf[rfc2822::formatted_size];
    rfc2822::format_to(t, buf);
    const std::string text = rfc2822::format(t);
    fuzz::check(text == std::string_view(buf, sizeof buf), "format and format_to disagree", input,
                "format:    " + text, "format_to: " + std::string(buf, sizeof buf));

    timestamp again = sentinel;
    std::string why;
    const bool reparsed = rfc2822::parse(text, again, why);
    const std::string seconds = "seconds since epoch: " + std::to_string(t.time_since_epoch().count());
    fuzz::check(reparsed, "format(parse(x)) does not parse", input, seconds, "formatted: " + text, "error: " + why);
    fuzz::check(again == t, "parse(format(parse(x))) != parse(x)", input, seconds, "formatted: " + text,
                "re-parsed seconds: " + std::to_string(again.time_since_epoch().count()));
    return 0;
}
