// rfc2822::parse on arbitrary bytes, in both modes. On failure: `out` unchanged and a message set.
// On success: `error` unchanged, and format() gives the 31-character canonical form, which parses back
// to the same time point in strict mode. Across modes: the 3-argument parse() is strict mode exactly;
// lenient mode accepts everything strict mode accepts, with the same time point; text that
// looks_like_iso8601() fails in both modes with the ISO 8601 message.
#include "fuzz_check.hpp"

#include <signalwire/rfc2822.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

namespace rfc2822 = signalwire::rfc2822;
using signalwire::timestamp;

const timestamp sentinel{std::chrono::seconds(-1234567)};

struct result {
    bool ok;
    timestamp t;
    std::string error;
};

std::string seconds_of(timestamp t) { return std::to_string(t.time_since_epoch().count()); }

/// One parse in `m` (or with the 3-argument overload when `three_argument`), with the per-call checks.
result parse_checked(std::string_view input, rfc2822::mode m, bool three_argument) {
    const char* which = three_argument ? "3-argument" : (m == rfc2822::mode::strict ? "strict" : "lenient");
    result r{false, sentinel, "untouched"};
    r.ok = three_argument ? rfc2822::parse(input, r.t, r.error) : rfc2822::parse(input, r.t, r.error, m);
    if (!r.ok) {
        fuzz::check(r.t == sentinel, "failed parse changed its output", input, which);
        fuzz::check(!r.error.empty() && r.error != "untouched", "failed parse set no message", input, which);
        fuzz::check(r.error.back() != '.', "error message ends with a period", input, which, "error: " + r.error);
        return r;
    }
    fuzz::check(r.error == "untouched", "successful parse changed the error string", input, which,
                "error: " + r.error);
    fuzz::check(input.size() <= 256, "parse accepted more than 256 bytes", input, which);

    char buf[rfc2822::formatted_size];
    rfc2822::format_to(r.t, buf);
    const std::string text = rfc2822::format(r.t);
    fuzz::check(text == std::string_view(buf, sizeof buf), "format and format_to disagree", input, which,
                "format:    " + text, "format_to: " + std::string(buf, sizeof buf));

    // Whatever either mode accepted formats to a date that strict mode reads back unchanged.
    timestamp again = sentinel;
    std::string why;
    const bool reparsed = rfc2822::parse(text, again, why, rfc2822::mode::strict);
    const std::string seconds = "seconds since epoch: " + seconds_of(r.t);
    fuzz::check(reparsed, "format(parse(x)) does not parse in strict mode", input, which, seconds,
                "formatted: " + text + " error: " + why);
    fuzz::check(again == r.t, "parse(format(parse(x))) != parse(x)", input, which, seconds, "formatted: " + text,
                "re-parsed seconds: " + seconds_of(again));
    return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    const result strict = parse_checked(input, rfc2822::mode::strict, false);
    const result lenient = parse_checked(input, rfc2822::mode::lenient, false);
    const result three = parse_checked(input, rfc2822::mode::strict, true);

    fuzz::check(three.ok == strict.ok && three.t == strict.t && three.error == strict.error,
                "the 3-argument parse differs from strict mode", input, "3-argument: " + three.error,
                "strict:     " + strict.error);
    if (strict.ok) {
        fuzz::check(lenient.ok, "lenient rejects what strict accepts", input, "lenient error: " + lenient.error);
        fuzz::check(lenient.t == strict.t, "lenient and strict disagree on the instant", input,
                    "strict seconds:  " + seconds_of(strict.t), "lenient seconds: " + seconds_of(lenient.t));
    }
    if (rfc2822::looks_like_iso8601(input) && input.size() <= 256) {
        const std::string iso = "ISO 8601 date-time, not an RFC 2822 date";
        fuzz::check(!strict.ok && strict.error == iso, "ISO 8601 input without the ISO 8601 message (strict)", input,
                    "error: " + strict.error);
        fuzz::check(!lenient.ok && lenient.error == iso, "ISO 8601 input without the ISO 8601 message (lenient)",
                    input, "error: " + lenient.error);
    }
    return 0;
}
