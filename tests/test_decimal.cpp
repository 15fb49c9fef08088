#include <signalwire/decimal.hpp>
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>

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
    CHECK(dec("1e99999999999999999999999999999999").to_double() == HUGE_VAL);
    CHECK(same_double(dec("1e-999").to_double(), 0.0));
    CHECK(same_double(dec("-1e-999").to_double(), -0.0));
    CHECK(same_double(dec("-0.0001e-99999999999999999999999999999").to_double(), -0.0));
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
    CHECK(compare(dec("1e1000000000000000000000"), dec("10e999999999999999999999")) == 0);
    CHECK(compare(dec("1e1000000000000000000000"), dec("10.0000001e999999999999999999999")) < 0);
    CHECK(compare(dec("1e-1000000000000000000000"), dec("0.1e-999999999999999999999")) == 0);
    CHECK(compare(dec("1e-1000000000000000000000"), dec("0.1e-999999999999999999998")) < 0);
    const std::string big_exp(62, '9');
    CHECK(compare(dec("1e" + big_exp), dec("1e-" + big_exp.substr(1))) > 0);
    CHECK(compare(dec("-1e" + big_exp.substr(1)), dec("-1e-" + big_exp.substr(2))) < 0);
    CHECK(compare(dec("-1e-" + big_exp.substr(2)), dec("-1e-" + big_exp.substr(3))) > 0);
    CHECK(compare(dec("1e" + big_exp), dec("1e" + big_exp)) == 0);
    CHECK(compare(dec("0e" + big_exp), dec("-0e-" + big_exp.substr(2))) == 0);
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
