#include <signalwire/decimal.hpp>
#include <doctest/doctest.h>

#include <boost/json/error.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

using signalwire::decimal;

namespace {

decimal dec(std::string_view text) { return decimal::from_string(text); }

/// The parse error for `text`, or "" when it parses.
std::string parse_error(std::string_view text) {
    decimal d;
    std::string error;
    if (decimal::parse(text, d, error)) return "";
    return error;
}

bool same_double(double a, double b) { return a == b && std::signbit(a) == std::signbit(b); }

/// What Boost.JSON 1.81's parser says of `text` as the one element of an array: "" when
/// it parses as a number, else the error's message (or "not a number").
std::string boost_json_verdict(std::string_view text) {
    boost::system::error_code ec;
    const boost::json::value v = boost::json::parse("[" + std::string(text) + "]", ec);
    if (ec) return ec.message();
    if (!v.is_array() || v.as_array().size() != 1 || !v.as_array()[0].is_number()) return "not a number";
    return "";
}

const std::string exponent_out_of_range = "exponent out of range (at most 999999999 in absolute value)";

}  // namespace

TEST_CASE("decimal: default is zero") {
    decimal d;
    CHECK(d.text() == "0");
    CHECK(d.to_double() == 0.0);
    CHECK(compare(d, dec("-0.000e5")) == 0);
    CHECK(std::is_trivially_copyable<decimal>::value);
}

TEST_CASE("decimal: accepted texts are kept verbatim") {
    for (const char* text : {"-0.03000", "0.0065", "-0.200", "0", "-0", "1e3", "1E+3", "1.5e-7", "0.0", "-0e-0",
                             "123456789012345678901234567890", "1e0001"}) {
        CAPTURE(text);
        decimal d;
        std::string error = "stale";
        REQUIRE(decimal::parse(text, d, error));
        CHECK(error.empty());
        CHECK(d.text() == text);
        CHECK(dec(text).text() == text);
    }
}

TEST_CASE("decimal: exactly max_length characters is accepted") {
    const std::string longest = "0." + std::string(decimal::max_length - 2, '1');
    REQUIRE(longest.size() == 64);
    CHECK(dec(longest).text() == longest);
}

TEST_CASE("decimal: to_double") {
    CHECK(dec("-0.03000").to_double() == -0.03);
    CHECK(dec("0.0065").to_double() == 0.0065);
    CHECK(dec("-0.200").to_double() == -0.2);
    CHECK(same_double(dec("0").to_double(), 0.0));
    CHECK(same_double(dec("-0").to_double(), -0.0));
    CHECK(dec("1e3").to_double() == 1000.0);
    CHECK(dec("1E+3").to_double() == 1000.0);
    CHECK(dec("1.5e-7").to_double() == 1.5e-7);
    CHECK(dec("1e-310").to_double() == std::strtod("1e-310", nullptr));  // subnormal

    // Out of range behaves like strtod.
    CHECK(dec("1e999").to_double() == HUGE_VAL);
    CHECK(dec("-1e999").to_double() == -HUGE_VAL);
    CHECK(dec("1e999999999").to_double() == HUGE_VAL);
    CHECK(dec("-1e+000999999999").to_double() == -HUGE_VAL);
    CHECK(same_double(dec("1e-999").to_double(), 0.0));
    CHECK(same_double(dec("-1e-999").to_double(), -0.0));
    CHECK(same_double(dec("-0.0001e-999999999").to_double(), -0.0));
    CHECK(same_double(dec("1e-999999999").to_double(), 0.0));
    // Overflow and underflow are told apart by the value, not the written exponent.
    CHECK(dec("0.0000000001e-999999999").to_double() == 0.0);
    CHECK(dec("10000000000e-999999999").to_double() == 0.0);
    CHECK(dec("0.0000000001e999999999").to_double() == HUGE_VAL);
    CHECK(same_double(dec("0e999999999").to_double(), 0.0));
}

TEST_CASE("decimal: from_double gives the shortest round-tripping text") {
    CHECK(decimal::from_double(0.0065).text() == "0.0065");
    CHECK(decimal::from_double(1e-7).text() == "1e-07");
    CHECK(decimal::from_double(-0.03).text() == "-0.03");
    CHECK(decimal::from_double(0.0).text() == "0");
    CHECK(decimal::from_double(-0.0).text() == "-0");
    CHECK(decimal::from_double(1000.0).text() == "1000");
    CHECK(decimal::from_double(0.1).text() == "0.1");
    CHECK(decimal::from_double(1e21).text() == "1e+21");
    CHECK(decimal::from_double(5e-324).text() == "5e-324");
    CHECK(decimal::from_double(std::numeric_limits<double>::max()).text() == "1.7976931348623157e+308");

    for (double d : {0.0065, 1e-7, -123.456, 5e-324, 1e308, 3.141592653589793}) {
        const decimal x = decimal::from_double(d);
        CHECK(x.to_double() == d);
        CHECK(dec(x.text()) == x);  // the text is valid decimal grammar
    }

    CHECK_THROWS_AS(decimal::from_double(std::numeric_limits<double>::infinity()), std::invalid_argument);
    CHECK_THROWS_AS(decimal::from_double(-std::numeric_limits<double>::infinity()), std::invalid_argument);
    CHECK_THROWS_AS(decimal::from_double(std::numeric_limits<double>::quiet_NaN()), std::invalid_argument);
}

TEST_CASE("decimal: equality is textual, compare is numeric") {
    CHECK(dec("-0.200") != dec("-0.2"));
    CHECK_FALSE(dec("-0.200") == dec("-0.2"));
    CHECK(compare(dec("-0.200"), dec("-0.2")) == 0);
    CHECK(dec("-0.200") == dec("-0.200"));

    CHECK(dec("0") != dec("-0"));
    CHECK(compare(dec("0"), dec("-0")) == 0);
    CHECK(compare(dec("0"), dec("0.000e-7")) == 0);

    CHECK(dec("1e3") != dec("1E+3"));
    CHECK(compare(dec("1e3"), dec("1E+3")) == 0);
    CHECK(compare(dec("1e3"), dec("1000")) == 0);
    CHECK(compare(dec("1e3"), dec("1000.000")) == 0);
    CHECK(compare(dec("0.001e6"), dec("10e2")) == 0);
    CHECK(compare(dec("1.5e-7"), dec("0.00000015")) == 0);
    CHECK(compare(dec("1.5e-7"), dec("15e-8")) == 0);

    CHECK(compare(dec("-0.03000"), dec("0.0065")) < 0);
    CHECK(compare(dec("0.0065"), dec("-0.03000")) > 0);
    CHECK(compare(dec("-0.03"), dec("-0.0300001")) > 0);
    CHECK(compare(dec("0.03"), dec("0.0300001")) < 0);
    CHECK(compare(dec("0.0065"), dec("0.007")) < 0);
    CHECK(compare(dec("0"), dec("1e-999")) < 0);
    CHECK(compare(dec("-0"), dec("-1e-999")) > 0);
    CHECK(compare(dec("99"), dec("100")) < 0);
    CHECK(compare(dec("1.0"), dec("0.99999")) > 0);
    CHECK(compare(dec("-2"), dec("-10")) > 0);
}

TEST_CASE("decimal: compare is exact for huge exponents") {
    // Neither overflows nor rounds: these differ only far beyond double range.
    CHECK(compare(dec("1e999999999"), dec("1e999999998")) > 0);
    CHECK(compare(dec("10e999999998"), dec("1e999999999")) == 0);
    CHECK(compare(dec("10.0000001e999999998"), dec("1e999999999")) > 0);
    CHECK(compare(dec("1e-999999999"), dec("0.1e-999999998")) == 0);
    CHECK(compare(dec("1e-999999999"), dec("0.1e-999999997")) < 0);
    // The digits around the '.' move the value past the written exponent's bound.
    CHECK(compare(dec("123e999999999"), dec("1e999999999")) > 0);
    CHECK(compare(dec("123e999999998"), dec("12.4e999999999")) < 0);
    CHECK(compare(dec("0.001e-999999999"), dec("1e-999999999")) < 0);
    CHECK(compare(dec("0.001e-999999999"), dec("0.0001e-999999998")) == 0);
    CHECK(compare(dec("1e999999999"), dec("1e-999999999")) > 0);
    CHECK(compare(dec("-1e999999999"), dec("-1e-999999999")) < 0);
    CHECK(compare(dec("-1e-999999998"), dec("-1e-999999999")) < 0);
    CHECK(compare(dec("1e999999999"), dec("1e+000999999999")) == 0);
    CHECK(compare(dec("0e999999999"), dec("-0e-999999999")) == 0);
}

// ---- the exponent bound -----------------------------------------------------------
//
// Boost.JSON 1.81 refuses a number whose exponent does not fit its int (see
// max_exponent), so a decimal accepted past that could be encoded but never decoded
// again. parse() refuses any written exponent past 999999999 in absolute value.

TEST_CASE("decimal: max_exponent is 999999999") {
    CHECK(decimal::max_exponent == 999999999);
    static_assert(std::is_same_v<decltype(decimal::max_exponent), const std::int64_t>);
}

TEST_CASE("decimal: the largest exponents are accepted, one past them refused") {
    for (const char* text : {"1e999999999", "1E+999999999", "1e-999999999", "-1E-999999999", "0e999999999",
                             "-0e-999999999", "9.99e999999999", "1e000999999999", "1e-00000000000000999999999",
                             "123e999999999", "0.05e-999999999", "1e999999998", "1e-999999998"}) {
        CAPTURE(text);
        CHECK(parse_error(text) == "");
        CHECK(dec(text).text() == text);
    }
    // Leading zeros do not count: only the exponent's value is bounded.
    CHECK(parse_error("1e" + std::string(52, '0') + "999999999") == "");
    CHECK(parse_error("1e-" + std::string(51, '0') + "999999999") == "");
    CHECK(parse_error("1e" + std::string(62, '0')) == "");

    for (const char* text : {"1e1000000000", "1E+1000000000", "1e-1000000000", "-1E-1000000000", "0e1000000000",
                             "-0e-1000000000", "0.05e1000000000", "123e-1000000000", "1e0001000000000",
                             "1e9999999999", "1e2147483647", "1e-2147483647"}) {
        CAPTURE(text);
        CHECK(parse_error(text) == exponent_out_of_range);
    }
    CHECK(parse_error("1e" + std::string(62, '9')) == exponent_out_of_range);
    CHECK(parse_error("1e-" + std::string(50, '0') + "1000000000") == exponent_out_of_range);
}

TEST_CASE("decimal: the exponents of the issue are refused, as text and by from_string") {
    // Each was accepted as a string, encoded as a number, and then refused by the parser.
    for (const char* text : {"1E2147483648", "0e999999999999", "1e-2147483648", "0.05e-2147483647"}) {
        CAPTURE(text);
        decimal d = dec("-0.03000");
        std::string error;
        CHECK_FALSE(decimal::parse(text, d, error));
        CHECK(error == exponent_out_of_range);
        CHECK(d.text() == "-0.03000");
        CHECK_THROWS_WITH_AS(decimal::from_string(text), exponent_out_of_range.c_str(), std::invalid_argument);
        // ... and Boost.JSON 1.81 refuses each of them as a JSON number.
        CHECK(boost_json_verdict(text) == "exponent overflow");
    }
}

TEST_CASE("decimal: grammar errors come before the exponent's range") {
    CHECK(parse_error("1e9999999999x") == "unexpected character 'x' in decimal");
    CHECK(parse_error("01e9999999999") == "leading zeros are not allowed in a decimal");
    CHECK(parse_error("1e" + std::string(63, '9')) == "decimal longer than 64 characters");
}

TEST_CASE("decimal: Boost.JSON 1.81's own exponent limit, which max_exponent stays inside") {
    // The parser's int: INT_MAX is the last written exponent it reads...
    CHECK(boost_json_verdict("1e2147483647") == "");
    CHECK(boost_json_verdict("1e-2147483647") == "");
    CHECK(boost_json_verdict("1e2147483648") == "exponent overflow");
    // ... and it adds one per digit after the '.' (while the mantissa is small), so a
    // fraction moves its limit: 0.05e-2147483646 is 5 x 10^INT_MIN, one more is too far.
    CHECK(boost_json_verdict("0.05e-2147483646") == "");
    CHECK(boost_json_verdict("0.05e-2147483647") == "exponent overflow");
    // Integer digits past the 20 that fit its 64-bit mantissa count the other way: 22
    // digits move it by 2.
    CHECK(boost_json_verdict("1" + std::string(21, '0') + "e2147483645") == "");
    CHECK(boost_json_verdict("1" + std::string(21, '0') + "e2147483646") == "exponent overflow");
    // Numbers in range for the exponent but not for a double are parsed (as inf or 0).
    CHECK(boost_json_verdict("1e999999999") == "");
    CHECK(boost_json_verdict("-1e-999999999") == "");
}

namespace {

/// Texts at the exponent bound in every shape that moves Boost.JSON's exponent
/// adjustment: each sign, each exponent sign, integer parts "0", "1000...", "999..." and
/// fraction parts "", "000...", "999...", "000...1" of every length, up to max_length.
std::vector<std::string> boundary_texts(std::string_view exponent) {
    std::vector<std::string> out;
    const std::size_t limit = decimal::max_length;
    for (const char* sign : {"", "-"}) {
        for (const char* exp_sign : {"", "+", "-"}) {
            const std::string tail = "e" + std::string(exp_sign) + std::string(exponent);
            const std::size_t fixed = std::char_traits<char>::length(sign) + tail.size();
            for (std::size_t int_len = 1; fixed + int_len <= limit; ++int_len) {
                std::vector<std::string> ints = {std::string(int_len, '9'), "1" + std::string(int_len - 1, '0')};
                if (int_len == 1) ints.push_back("0");
                for (const std::string& integer : ints) {
                    out.push_back(sign + integer + tail);
                    // A fraction needs '.' and at least one digit.
                    for (std::size_t frac_len = 1; fixed + int_len + 1 + frac_len <= limit; ++frac_len) {
                        for (const std::string& fraction :
                             {std::string(frac_len, '0'), std::string(frac_len, '9'),
                              std::string(frac_len - 1, '0') + "1"}) {
                            out.push_back(sign + integer + "." + fraction + tail);
                        }
                    }
                }
            }
        }
    }
    return out;
}

}  // namespace

TEST_CASE("decimal: every text at the exponent bound is a number Boost.JSON 1.81 parses") {
    const std::string max = std::to_string(decimal::max_exponent);
    const std::vector<std::string> accepted = boundary_texts(max);
    REQUIRE(accepted.size() > 10000);
    std::size_t checked = 0;
    for (const std::string& text : accepted) {
        // CAPTURE is too slow for 20000 texts: report only the failures.
        const std::string why = parse_error(text);
        if (!why.empty()) FAIL_CHECK("parse refused " << text << ": " << why);
        const std::string verdict = boost_json_verdict(text);
        if (!verdict.empty()) FAIL_CHECK("Boost.JSON refused " << text << ": " << verdict);
        ++checked;
    }
    CHECK(checked == accepted.size());
    // The longest of them is exactly max_length characters.
    CHECK(parse_error("-" + std::string(52, '9') + "e-" + max) == "");
    CHECK(boost_json_verdict("-" + std::string(52, '9') + "e-" + max) == "");
    CHECK(parse_error("-0." + std::string(49, '0') + "1e-" + max) == "");
    CHECK(boost_json_verdict("-0." + std::string(49, '0') + "1e-" + max) == "");

    // One past the bound, every one of them is refused.
    for (const std::string& text : boundary_texts(std::to_string(decimal::max_exponent + 1))) {
        const std::string why = parse_error(text);
        if (why != exponent_out_of_range) FAIL_CHECK(text << ": " << why);
    }
}

TEST_CASE("decimal: exact error messages") {
    CHECK(parse_error("") == "empty decimal");
    CHECK(parse_error("-") == "lone '-' is not a decimal");
    CHECK(parse_error("+1") == "leading '+' is not allowed in a decimal");
    CHECK(parse_error("+") == "leading '+' is not allowed in a decimal");
    CHECK(parse_error("NaN") == "\"NaN\" is not a decimal");
    CHECK(parse_error("nan") == "\"nan\" is not a decimal");
    CHECK(parse_error("Infinity") == "\"Infinity\" is not a decimal");
    CHECK(parse_error("-Infinity") == "\"-Infinity\" is not a decimal");
    CHECK(parse_error("+inf") == "\"+inf\" is not a decimal");
    CHECK(parse_error("-INF") == "\"-INF\" is not a decimal");
    CHECK(parse_error("01") == "leading zeros are not allowed in a decimal");
    CHECK(parse_error("-00.5") == "leading zeros are not allowed in a decimal");
    CHECK(parse_error("1.") == "missing digits after '.'");
    CHECK(parse_error("1.e5") == "missing digits after '.'");
    CHECK(parse_error(".5") == "missing digits before '.'");
    CHECK(parse_error("-.5") == "missing digits before '.'");
    CHECK(parse_error("1e") == "missing exponent digits");
    CHECK(parse_error("1e+") == "missing exponent digits");
    CHECK(parse_error("1.5E-") == "missing exponent digits");
    CHECK(parse_error("1e+x") == "unexpected character 'x' in decimal");
    CHECK(parse_error("0x10") == "unexpected character 'x' in decimal");
    CHECK(parse_error(" 1") == "unexpected character ' ' in decimal");
    CHECK(parse_error("1 ") == "unexpected character ' ' in decimal");
    CHECK(parse_error("1.5.3") == "unexpected character '.' in decimal");
    CHECK(parse_error("--1") == "unexpected character '-' in decimal");
    CHECK(parse_error("1e5e5") == "unexpected character 'e' in decimal");
    CHECK(parse_error(std::string_view("1\0" "2", 3)) == "unexpected character '\\x00' in decimal");
    CHECK(parse_error(std::string_view("\0", 1)) == "unexpected character '\\x00' in decimal");
    CHECK(parse_error("1\xC3\xA9") == "unexpected character '\\xc3' in decimal");
    CHECK(parse_error(std::string(65, '1')) == "decimal longer than 64 characters");
    CHECK(parse_error("0." + std::string(63, '0')) == "decimal longer than 64 characters");
}

TEST_CASE("decimal: failed parse leaves the output unchanged; from_string throws the same message") {
    decimal d = dec("-0.03000");
    std::string error;
    CHECK_FALSE(decimal::parse("1.", d, error));
    CHECK(error == "missing digits after '.'");
    CHECK(d.text() == "-0.03000");

    CHECK_THROWS_WITH_AS(decimal::from_string("NaN"), "\"NaN\" is not a decimal", std::invalid_argument);
    CHECK_THROWS_WITH_AS(decimal::from_string(""), "empty decimal", std::invalid_argument);
}

TEST_CASE("decimal: operator<< prints the text") {
    std::ostringstream os;
    os << dec("-0.03000") << ' ' << dec("1E+3");
    CHECK(os.str() == "-0.03000 1E+3");
}

TEST_CASE("decimal: pseudo-random short strings") {
    // Deterministic LCG (Numerical Recipes constants) so failures reproduce.
    std::uint32_t state = 12345u;
    auto next = [&state] {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    const std::string_view alphabet = "0123456789+-.eE";
    int accepted = 0;
    decimal previous;
    double previous_double = 0.0;
    for (int iteration = 0; iteration < 5000; ++iteration) {
        std::string text;
        const std::uint32_t length = next() % 9u;  // 0..8 characters
        for (std::uint32_t k = 0; k < length; ++k) text += alphabet[next() % alphabet.size()];
        CAPTURE(text);

        decimal d;
        std::string error;
        if (!decimal::parse(text, d, error)) {
            CHECK_FALSE(error.empty());
            continue;
        }
        ++accepted;
        CHECK(error.empty());
        CHECK(d.text() == text);
        const double expected = std::strtod(text.c_str(), nullptr);
        CHECK(same_double(d.to_double(), expected));

        // compare agrees with itself and with (monotone) double rounding.
        CHECK(compare(d, d) == 0);
        const int c = compare(d, previous);
        CHECK(c == -compare(previous, d));
        if (d.to_double() < previous_double) CHECK(c < 0);
        if (d.to_double() > previous_double) CHECK(c > 0);
        previous = d;
        previous_double = d.to_double();
    }
    CHECK(accepted > 100);  // the alphabet produces plenty of valid numbers
}
