// decimal::parse on arbitrary bytes. On failure: `out` unchanged, a message set, and
// from_string throws std::invalid_argument. On success: text() is the input,
// compare(x, x) == 0, to_double() is never NaN and has the sign of x, and when it is
// finite from_double(to_double()) parses and reads back as the same double.
// Tied to the real parser: every accepted text is a number Boost.JSON 1.81 parses (so
// an encoded price always decodes again), and a text refused only for its exponent
// (decimal::max_exponent) is valid number grammar, which Boost.JSON parses or refuses
// with exponent_overflow, never as a syntax error.
// An input "a/b" whose halves both parse also checks compare(a, b) against
// compare(b, a) and against the order of the doubles.
#include "fuzz_check.hpp"

#include <signalwire/decimal.hpp>

#include <boost/json/error.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

namespace {

using signalwire::decimal;

int sign_of(double x) { return x > 0 ? 1 : (x < 0 ? -1 : 0); }
int sign_of(int x) { return x > 0 ? 1 : (x < 0 ? -1 : 0); }

/// What Boost.JSON 1.81 makes of `text` as a whole JSON document: "" for a number,
/// else its error's message (or "not a number").
std::string boost_json_verdict(std::string_view text) {
    boost::system::error_code ec;
    const boost::json::value v = boost::json::parse(boost::json::string_view(text.data(), text.size()), ec);
    if (ec) return ec.message();
    return v.is_number() ? "" : "not a number";
}

const std::string& exponent_out_of_range() {
    static const std::string message =
        "exponent out of range (at most " + std::to_string(decimal::max_exponent) + " in absolute value)";
    return message;
}

std::string show(const char* label, double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s%.17g", label, x);
    return buf;
}

/// Single-value properties; returns whether `text` parsed, leaving the value in `out`.
bool check_one(std::string_view text, decimal& out, std::string_view input) {
    const decimal before = decimal::from_double(42.5);
    decimal d = before;
    std::string error = "untouched";
    if (!decimal::parse(text, d, error)) {
        fuzz::check(d == before, "failed parse changed its output", input);
        fuzz::check(!error.empty() && error != "untouched", "failed parse set no message", input);
        bool threw = false;
        try {
            (void)decimal::from_string(text);
        } catch (const std::invalid_argument& e) {
            threw = error == e.what();
        }
        fuzz::check(threw, "from_string did not throw parse's message", input, "parse error: " + error);
        if (error == exponent_out_of_range()) {
            const std::string verdict = boost_json_verdict(text);
            fuzz::check(verdict.empty() || verdict == "exponent overflow",
                        "refused for its exponent, but Boost.JSON says it is not number grammar", input,
                        "Boost.JSON: " + verdict);
        }
        return false;
    }
    fuzz::check(error.empty(), "successful parse left an error message", input, "error: " + error);
    fuzz::check(d.text() == text, "text() is not the parsed input", input, "text(): " + std::string(d.text()));
    fuzz::check(d == d && compare(d, d) == 0, "compare(x, x) != 0", input);
    fuzz::check(decimal::from_string(text) == d, "from_string differs from parse", input);
    const std::string verdict = boost_json_verdict(text);
    fuzz::check(verdict.empty(), "accepted, but Boost.JSON 1.81 does not parse it as a number", input,
                "Boost.JSON: " + verdict);

    static const decimal zero = decimal::from_string("0");
    const double x = d.to_double();
    fuzz::check(!std::isnan(x), "to_double gave NaN", input);
    fuzz::check(x == 0 || sign_of(x) == sign_of(compare(d, zero)), "to_double has the wrong sign", input,
                show("to_double: ", x), "compare(x, 0): " + std::to_string(compare(d, zero)));
    if (std::isfinite(x)) {
        const decimal y = decimal::from_double(x);
        decimal z;
        std::string why;
        fuzz::check(decimal::parse(y.text(), z, why), "from_double(to_double(x)) does not parse", input,
                    "from_double: " + std::string(y.text()), "error: " + why);
        fuzz::check(z.to_double() == x, "from_double(to_double(x)) does not read back as to_double(x)", input,
                    show("to_double: ", x), "from_double: " + std::string(y.text()));
    }
    out = d;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    decimal whole;
    if (check_one(input, whole, input)) return 0;

    const std::size_t slash = input.find('/');
    if (slash == std::string_view::npos) return 0;
    decimal a, b;
    if (!check_one(input.substr(0, slash), a, input) || !check_one(input.substr(slash + 1), b, input)) return 0;
    const int ab = compare(a, b);
    const int ba = compare(b, a);
    fuzz::check(sign_of(ab) == -sign_of(ba), "compare is not antisymmetric", input,
                "compare(a, b): " + std::to_string(ab), "compare(b, a): " + std::to_string(ba));
    // Correct rounding is monotonic: a < b gives to_double(a) <= to_double(b), and equal
    // values round alike.
    const double da = a.to_double();
    const double db = b.to_double();
    fuzz::check(!(ab < 0 && da > db) && !(ab > 0 && da < db) && !(ab == 0 && da != db),
                "compare disagrees with the order of to_double", input, "compare(a, b): " + std::to_string(ab),
                show("to_double(a): ", da), show("to_double(b): ", db));
    return 0;
}
