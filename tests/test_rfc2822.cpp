#include <signalwire/rfc2822.hpp>
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace {

using signalwire::timestamp;
namespace rfc2822 = signalwire::rfc2822;
using rfc2822::mode;

timestamp at(std::int64_t seconds_since_epoch) {
    return timestamp(std::chrono::seconds(static_cast<std::chrono::seconds::rep>(seconds_since_epoch)));
}

std::int64_t epoch_seconds(timestamp t) { return static_cast<std::int64_t>(t.time_since_epoch().count()); }

const char* name(mode m) { return m == mode::strict ? "strict" : "lenient"; }

/// Parses `text` in mode `m`, expecting success; returns seconds since the epoch. Also checks that the
/// result formats to a date that strict mode parses back to the same instant.
std::int64_t parsed_in(mode m, std::string_view text) {
    timestamp t{};
    std::string error;
    const bool ok = rfc2822::parse(text, t, error, m);
    INFO(name(m), " input: \"", std::string(text), "\" error: ", error);
    CHECK(ok);
    if (ok) {
        const std::string formatted = rfc2822::format(t);
        timestamp again{};
        std::string why;
        INFO("formatted: ", formatted, " error: ", why);
        CHECK(rfc2822::parse(formatted, again, why, mode::strict));
        CHECK(again == t);
    }
    return epoch_seconds(t);
}

/// Parses `text` in mode `m`, expecting failure; returns the error message.
std::string error_in(mode m, std::string_view text) {
    timestamp t = at(42);
    std::string error;
    const bool ok = rfc2822::parse(text, t, error, m);
    INFO(name(m), " input: \"", std::string(text), "\"");
    CHECK_FALSE(ok);
    CHECK(epoch_seconds(t) == 42);
    return error;
}

/// Valid in both modes: strict, lenient and the 3-argument parse() all give the same instant.
std::int64_t parsed_seconds(std::string_view text) {
    const std::int64_t strict = parsed_in(mode::strict, text);
    CHECK(parsed_in(mode::lenient, text) == strict);
    timestamp t{};
    std::string error;
    CHECK(rfc2822::parse(text, t, error));
    CHECK(epoch_seconds(t) == strict);
    return strict;
}

/// Invalid in both modes with the same message (the 3-argument parse() too); returns it.
std::string parse_error(std::string_view text) {
    const std::string strict = error_in(mode::strict, text);
    INFO("input: \"", std::string(text), "\"");
    CHECK(error_in(mode::lenient, text) == strict);
    timestamp t{};
    std::string error;
    CHECK_FALSE(rfc2822::parse(text, t, error));
    CHECK(error == strict);
    return strict;
}

/// Invalid in strict mode (and so in the 3-argument parse()); returns the message. Says nothing about
/// lenient mode: callers check that separately.
std::string strict_error(std::string_view text) {
    const std::string strict = error_in(mode::strict, text);
    timestamp t{};
    std::string error;
    CHECK_FALSE(rfc2822::parse(text, t, error));
    CHECK(error == strict);
    return strict;
}

/// Valid in lenient mode only; returns the lenient instant.
std::int64_t lenient_only(std::string_view text) {
    timestamp t{};
    std::string error;
    INFO("input: \"", std::string(text), "\"");
    CHECK_FALSE(rfc2822::parse(text, t, error, mode::strict));
    return parsed_in(mode::lenient, text);
}

/// Deterministic pseudo-random numbers (Knuth's MMIX LCG) so fuzz failures reproduce.
struct lcg {
    std::uint64_t state;
    std::uint32_t next() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(state >> 33);
    }
};

constexpr std::int64_t sep_19_2018_2000_utc = 1537387200;

}  // namespace

TEST_CASE("rfc2822: SignalWire's example dates parse to the right instants") {
    CHECK(parsed_seconds("Sun, 03 Feb 2019 21:36:05 +0000") == 1549229765);
    CHECK(parsed_seconds("Tue, 31 Aug 2010 20:36:28 +0000") == 1283286988);
    CHECK(parsed_seconds("Wed, 19 Sept 2018 20:00:00 +0000") == sep_19_2018_2000_utc);
    CHECK(parsed_seconds("Wed, 19 Sep 2018 20:00:00 +0000") == sep_19_2018_2000_utc);
}

TEST_CASE("rfc2822: exact epoch values") {
    CHECK(parsed_seconds("Thu, 01 Jan 1970 00:00:00 +0000") == 0);
    CHECK(parsed_seconds("Wed, 31 Dec 1969 23:59:59 +0000") == -1);
    CHECK(parsed_seconds("Mon, 01 Jan 1900 00:00:00 +0000") == -2208988800);
    CHECK(parsed_seconds("Tue, 19 Jan 2038 03:14:08 +0000") == 2147483648);
    CHECK(parsed_seconds("Fri, 31 Dec 9999 23:59:59 +0000") == 253402300799);
    CHECK(parsed_seconds("Sat, 01 Jan 2000 00:00:00 +0000") == 946684800);
}

TEST_CASE("rfc2822: format round trip gives the canonical form") {
    struct round_trip_case {
        const char* input;
        const char* canonical;
    };
    const round_trip_case cases[] = {
        {"Sun, 03 Feb 2019 21:36:05 +0000", "Sun, 03 Feb 2019 21:36:05 +0000"},
        {"Tue, 31 Aug 2010 20:36:28 +0000", "Tue, 31 Aug 2010 20:36:28 +0000"},
        {"Wed, 19 Sept 2018 20:00:00 +0000", "Wed, 19 Sep 2018 20:00:00 +0000"},
        {"wed, 19 sept 2018 15:00:00 -0500", "Wed, 19 Sep 2018 20:00:00 +0000"},
        {"19 Sep 18 20:00 GMT", "Wed, 19 Sep 2018 20:00:00 +0000"},
        {"Thu, 1 Jan 1970 00:00:00 +0000", "Thu, 01 Jan 1970 00:00:00 +0000"},
    };
    for (const mode m : {mode::strict, mode::lenient}) {
        for (const round_trip_case& c : cases) {
            INFO(name(m), " input: ", c.input);
            timestamp t{};
            std::string error;
            REQUIRE(rfc2822::parse(c.input, t, error, m));
            CHECK(rfc2822::format(t) == c.canonical);
        }
    }
}

TEST_CASE("rfc2822: numeric zone offsets are applied") {
    CHECK(parsed_seconds("Wed, 19 Sep 2018 15:00:00 -0500") == sep_19_2018_2000_utc);
    CHECK(parsed_seconds("Thu, 20 Sep 2018 01:30:00 +0530") == sep_19_2018_2000_utc);
    CHECK(parsed_seconds("Wed, 19 Sep 2018 20:00:00 -0000") == sep_19_2018_2000_utc);
    // The offset can move the instant across a day boundary; the day name describes the local date.
    CHECK(parsed_seconds("Thu, 01 Jan 1970 00:00:00 +0100") == -3600);
    CHECK(parsed_seconds("Wed, 31 Dec 1969 23:00:00 -0100") == 0);
    // Zone hours are not limited to 23 by RFC 2822.
    CHECK(parsed_seconds("Thu, 01 Jan 1970 00:00:00 -9959") == 99 * 3600 + 59 * 60);
}

TEST_CASE("rfc2822: obsolete forms (RFC 2822 section 4.3)") {
    SUBCASE("no day of week") {
        CHECK(parsed_seconds("19 Sep 2018 20:00:00 +0000") == sep_19_2018_2000_utc);
        CHECK(parsed_seconds("3 Feb 2019 21:36:05 +0000") == 1549229765);
    }
    SUBCASE("two-digit years") {
        CHECK(parsed_seconds("19 Sep 18 20:00:00 +0000") == sep_19_2018_2000_utc);
        CHECK(parsed_seconds("01 Jan 00 00:00:00 +0000") == 946684800);  // 2000
        CHECK(parsed_seconds("31 Dec 49 00:00:00 +0000") == parsed_seconds("31 Dec 2049 00:00:00 +0000"));
        CHECK(parsed_seconds("01 Jan 50 00:00:00 +0000") == parsed_seconds("01 Jan 1950 00:00:00 +0000"));
        CHECK(parsed_seconds("Thu, 01 Jan 70 00:00:00 +0000") == 0);
        CHECK(parsed_seconds("31 Dec 99 00:00:00 +0000") == parsed_seconds("31 Dec 1999 00:00:00 +0000"));
    }
    SUBCASE("three-digit years add 1900") {
        CHECK(parsed_seconds("19 Sep 118 20:00:00 +0000") == sep_19_2018_2000_utc);
        CHECK(parsed_seconds("01 Jan 070 00:00:00 +0000") == 0);
        CHECK(parsed_seconds("01 Jan 000 00:00:00 +0000") == parsed_seconds("01 Jan 1900 00:00:00 +0000"));
    }
    SUBCASE("named zones") {
        CHECK(parsed_seconds("19 Sep 2018 20:00:00 GMT") == sep_19_2018_2000_utc);
        CHECK(parsed_seconds("19 Sep 2018 20:00:00 UT") == sep_19_2018_2000_utc);
        CHECK(parsed_seconds("19 Sep 2018 15:00:00 EST") == sep_19_2018_2000_utc);
        CHECK(parsed_seconds("19 Sep 2018 16:00:00 EDT") == sep_19_2018_2000_utc);
        CHECK(parsed_seconds("19 Sep 2018 14:00:00 CST") == sep_19_2018_2000_utc);
        CHECK(parsed_seconds("19 Sep 2018 15:00:00 CDT") == sep_19_2018_2000_utc);
        CHECK(parsed_seconds("19 Sep 2018 13:00:00 MST") == sep_19_2018_2000_utc);
        CHECK(parsed_seconds("19 Sep 2018 14:00:00 MDT") == sep_19_2018_2000_utc);
        CHECK(parsed_seconds("19 Sep 2018 12:00:00 PST") == sep_19_2018_2000_utc);
        CHECK(parsed_seconds("19 Sep 2018 13:00:00 PDT") == sep_19_2018_2000_utc);
        CHECK(parsed_seconds("19 Sep 2018 13:00:00 pdt") == sep_19_2018_2000_utc);
        CHECK(parsed_seconds("19 Sep 2018 20:00:00 gmt") == sep_19_2018_2000_utc);
    }
    SUBCASE("military zones are all treated as UTC") {
        for (char letter = 'A'; letter <= 'Z'; ++letter) {
            if (letter == 'J') {
                continue;
            }
            const std::string upper = std::string("19 Sep 2018 20:00:00 ") + letter;
            const std::string lower = std::string("19 Sep 2018 20:00:00 ") + static_cast<char>(letter - 'A' + 'a');
            CHECK(parsed_seconds(upper) == sep_19_2018_2000_utc);
            CHECK(parsed_seconds(lower) == sep_19_2018_2000_utc);
        }
        CHECK(parse_error("19 Sep 2018 20:00:00 J") == "unknown time zone \"J\"");
    }
    SUBCASE("missing seconds") {
        CHECK(parsed_seconds("Wed, 19 Sep 2018 20:00 +0000") == sep_19_2018_2000_utc);
        CHECK(parsed_seconds("19 Sep 2018 20:01 GMT") == sep_19_2018_2000_utc + 60);
    }
    SUBCASE("comments, nested comments and quoted pairs") {
        CHECK(parsed_seconds("Wed, 19 Sep 2018 20:00:00 +0000 (UTC)") == sep_19_2018_2000_utc);
        CHECK(parsed_seconds("(start)Wed(a),(b)19(c)Sep(d)2018 (e)20(f):(g)00(h):(i)00(j) +0000(k)") ==
              sep_19_2018_2000_utc);
        // Comments in place of the whitespace RFC 2822 requires: lenient mode only (see below).
        CHECK(lenient_only("(start)Wed(a),(b)19(c)Sep(d)2018(e)20(f):(g)00(h):(i)00(j)+0000(k)") ==
              sep_19_2018_2000_utc);
        CHECK(parsed_seconds("Wed, 19 Sep 2018 20:00:00 +0000 (outer (inner) \\) \\( text)") == sep_19_2018_2000_utc);
        CHECK(parsed_seconds("Wed, 19 Sep 2018 20:00:00 +0000 (\x01\x08\x0b\x0c\x0e\x1f\x7f ctl)") ==
              sep_19_2018_2000_utc);
        // Bytes that are not ctext: lenient mode only (see below).
        CHECK(lenient_only("Wed, 19 Sep 2018 20:00:00 +0000 (\x01\x7f\xff bytes)") == sep_19_2018_2000_utc);
        CHECK(parsed_seconds("Wed, 19 Sep 2018 20:00:00 +0000 (folded\r\n comment)") == sep_19_2018_2000_utc);
    }
    SUBCASE("extra whitespace and folding") {
        CHECK(parsed_seconds("  Wed ,  19   Sep \t 2018  20 : 00 : 00   +0000  ") == sep_19_2018_2000_utc);
        CHECK(parsed_seconds("Wed, 19 Sep 2018\r\n 20:00:00\r\n\t+0000") == sep_19_2018_2000_utc);
        CHECK(parsed_seconds("Wed,19 Sep 2018 20:00:00 +0000") == sep_19_2018_2000_utc);
    }
    SUBCASE("names in any case") {
        CHECK(parsed_seconds("wed, 19 sep 2018 20:00:00 +0000") == sep_19_2018_2000_utc);
        CHECK(parsed_seconds("WED, 19 SEP 2018 20:00:00 +0000") == sep_19_2018_2000_utc);
        CHECK(parsed_seconds("wEd, 19 sEPt 2018 20:00:00 +0000") == sep_19_2018_2000_utc);
    }
}

TEST_CASE("rfc2822: every month name and every day name") {
    const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::int64_t previous = parsed_seconds("31 Dec 2018 00:00:00 +0000");
    for (const char* month : months) {
        const std::int64_t first = parsed_seconds(std::string("1 ") + month + " 2019 00:00:00 +0000");
        CHECK(first > previous);
        previous = first;
    }
    // 2018-09-16 was a Sunday.
    const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    for (int i = 0; i < 7; ++i) {
        const std::string text = std::string(days[i]) + ", " + std::to_string(16 + i) + " Sep 2018 00:00:00 +0000";
        CHECK(parsed_seconds(text) == parsed_seconds("16 Sep 2018 00:00:00 +0000") + i * 86400);
    }
}

TEST_CASE("rfc2822: leap years") {
    CHECK(parsed_seconds("Thu, 29 Feb 2024 00:00:00 +0000") == 1709164800);
    CHECK(parsed_seconds("Tue, 29 Feb 2000 00:00:00 +0000") == 951782400);
    CHECK(parse_error("29 Feb 2023 00:00:00 +0000") == "day 29 is out of range for Feb 2023");
    CHECK(parse_error("29 Feb 1900 00:00:00 +0000") == "day 29 is out of range for Feb 1900");
    CHECK(parse_error("30 Feb 2024 00:00:00 +0000") == "day 30 is out of range for Feb 2024");
    CHECK(parse_error("31 Apr 2024 00:00:00 +0000") == "day 31 is out of range for Apr 2024");
    CHECK(parsed_seconds("31 Dec 2024 00:00:00 +0000") - parsed_seconds("1 Jan 2024 00:00:00 +0000") == 365 * 86400);
}

TEST_CASE("rfc2822: leap second maps to the following second") {
    CHECK(parsed_seconds("Sat, 31 Dec 2016 23:59:60 +0000") == parsed_seconds("Sun, 01 Jan 2017 00:00:00 +0000"));
}

TEST_CASE("rfc2822: out-of-range components give exact errors") {
    CHECK(parse_error("Wed, 0 Sep 2018 20:00:00 +0000") == "day 0 is out of range for Sep 2018");
    CHECK(parse_error("Wed, 00 Sep 2018 20:00:00 +0000") == "day 0 is out of range for Sep 2018");
    CHECK(parse_error("Wed, 32 Sep 2018 20:00:00 +0000") == "day 32 is out of range for Sep 2018");
    CHECK(parse_error("31 Sept 2018 20:00:00 +0000") == "day 31 is out of range for Sep 2018");
    CHECK(parse_error("Wed, 19 Foo 2018 20:00:00 +0000") == "unknown month name \"Foo\"");
    CHECK(parse_error("Wed, 19 September 2018 20:00:00 +0000") == "unknown month name \"September\"");
    CHECK(parse_error("Wed, 19 Sep 2018 24:00:00 +0000") == "hour 24 is out of range 00-23");
    CHECK(parse_error("Wed, 19 Sep 2018 20:60:00 +0000") == "minute 60 is out of range 00-59");
    CHECK(parse_error("Wed, 19 Sep 2018 20:00:61 +0000") == "second 61 is out of range 00-60");
    CHECK(parse_error("Wed, 19 Sep 2018 20:00:00 +0160") == "time zone \"+0160\" has minutes out of range 00-59");
    CHECK(parse_error("Wed, 19 Sep 2018 20:00:00 -0099") == "time zone \"-0099\" has minutes out of range 00-59");
    CHECK(parse_error("19 Sep 1899 20:00:00 +0000") == "year 1899 is before 1900");
    CHECK(parse_error("19 Sep 0099 20:00:00 +0000") == "year 0099 is before 1900");
}

TEST_CASE("rfc2822: wrong digit counts give exact errors") {
    CHECK(parse_error("Wed, 123 Sep 2018 20:00:00 +0000") == "day \"123\" has 3 digits, expected 1 or 2");
    CHECK(parse_error("19 Sep 2 20:00:00 +0000") == "year \"2\" has 1 digit, expected 2 to 4");
    CHECK(parse_error("19 Sep 12345 20:00:00 +0000") == "year \"12345\" has 5 digits, expected 2 to 4");
    CHECK(parse_error("19 Sep 2018 2:00:00 +0000") == "hour \"2\" has 1 digit, expected 2");
    CHECK(parse_error("19 Sep 2018 20:000:00 +0000") == "minute \"000\" has 3 digits, expected 2");
    CHECK(parse_error("19 Sep 2018 20:00:0 +0000") == "second \"0\" has 1 digit, expected 2");
    CHECK(parse_error("19 Sep 2018 20:00:00 +01") == "time zone offset \"01\" has 2 digits, expected 4");
    CHECK(parse_error("19 Sep 2018 20:00:00 +00000") == "time zone offset \"00000\" has 5 digits, expected 4");
    // Very long digit runs are reported (truncated), never converted.
    const std::string long_year = "19 Sep " + std::string(100, '9') + " 20:00:00 +0000";
    CHECK(parse_error(long_year) == "year \"" + std::string(32, '9') + "...\" has 100 digits, expected 2 to 4");
}

TEST_CASE("rfc2822: names and zones give exact errors") {
    CHECK(parse_error("19 Sep 2018 20:00:00 XYZ") == "unknown time zone \"XYZ\"");
    CHECK(parse_error("19 Sep 2018 20:00:00 UTC") == "unknown time zone \"UTC\"");
    CHECK(parse_error("19 Sep 2018 20:00:00 *") == "unexpected character '*' at offset 21, expected time zone");
    CHECK(parse_error("19 Sep 2018 20:00:00 +") == "unexpected end of input, expected time zone offset");
    CHECK(parse_error("Foo, 19 Sep 2018 20:00:00 +0000") == "unknown day name \"Foo\"");
    CHECK(parse_error("Wednesday, 19 Sep 2018 20:00:00 +0000") == "unknown day name \"Wednesday\"");
    CHECK(strict_error("Thu, 19 Sep 2018 20:00:00 +0000") == "day name \"Thu\" does not match the date (Wed)");
    CHECK(strict_error("Wed, 20 Sep 2018 20:00:00 +0000") == "day name \"Wed\" does not match the date (Thu)");
    CHECK(strict_error("thu, 19 Sep 2018 20:00:00 +0000") == "day name \"thu\" does not match the date (Wed)");
    const std::string long_name = std::string(40, 'x') + ", 19 Sep 2018 20:00:00 +0000";
    CHECK(parse_error(long_name) == "unknown day name \"" + std::string(32, 'x') + "...\"");
}

TEST_CASE("rfc2822: syntax errors give exact errors") {
    CHECK(parse_error("") == "empty date");
    CHECK(parse_error("   ") == "unexpected end of input, expected day name or day of month");
    CHECK(parse_error("Wed, 19 Sep 2018 20:00:00 +0000 x") ==
          "unexpected character 'x' at offset 32, expected end of input");
    CHECK(parse_error("Wed, 19 Sep 2018 20:00:00 +0000x") ==
          "unexpected character 'x' at offset 31, expected end of input");
    CHECK(parse_error("Wed, 19 Sep 2018 20:00:00 +0000 +0000") ==
          "unexpected character '+' at offset 32, expected end of input");
    CHECK(parse_error("Wed, 19 Sep 2018 20:00:00 GMTx") == "unknown time zone \"GMTx\"");
    CHECK(parse_error("Wed 19 Sep 2018 20:00:00 +0000") ==
          "unexpected character '1' at offset 4, expected ',' after day name");
    CHECK(parse_error("Wed, Sep 2018 20:00:00 +0000") ==
          "unexpected character 'S' at offset 5, expected day of month");
    CHECK(parse_error("-19 Sep 2018 20:00:00 +0000") ==
          "unexpected character '-' at offset 0, expected day name or day of month");
    CHECK(parse_error("19Sep 2018 20:00:00 +0000") ==
          "unexpected character 'S' at offset 2, expected whitespace before month name");
    CHECK(parse_error("19 Sep2018 20:00:00 +0000") ==
          "unexpected character '2' at offset 6, expected whitespace before year");
    CHECK(parse_error("19 9 2018 20:00:00 +0000") == "unexpected character '9' at offset 3, expected month name");
    CHECK(parse_error("19 Sep 2018 20.00:00 +0000") == "unexpected character '.' at offset 14, expected ':' after hour");
    CHECK(parse_error("19 Sep 2018 20:00:00+0000") ==
          "unexpected character '+' at offset 20, expected whitespace before time zone");
    CHECK(parse_error("19 Sep 2018 20:00+0000") ==
          "unexpected character '+' at offset 17, expected ':' or whitespace before time zone");
    CHECK(parse_error("19 Sep 2018 20:00:00 +0000 (unclosed") ==
          "unexpected end of input, expected ')' to close comment");
    CHECK(parse_error("19 Sep 2018 20:00:00 +0000 (\\") ==
          "unexpected end of input, expected a character after '\\' in comment");
    CHECK(parse_error("19 Sep 2018 20:00:00 +0000 )") ==
          "unexpected character ')' at offset 27, expected end of input");
    CHECK(parse_error(std::string_view("19 Sep 2018 20:00:00 \0+0000", 27)) ==
          "unexpected character '\\x00' at offset 21, expected time zone");
    CHECK(parse_error("19 Sep 2018 20:00:00 '") == "unexpected character '\\'' at offset 21, expected time zone");
    CHECK(parse_error("19 Sep 2018 20:00:00 \xc3\xa9") ==
          "unexpected character '\\xc3' at offset 21, expected time zone");
    // Line breaks must be folds (CRLF + space/tab), inside comments too.
    CHECK(parse_error("19 Sep 2018 20:00:00 +0000\r\n") ==
          "line break at offset 26 must be CRLF followed by a space or tab");
    CHECK(parse_error("19 Sep 2018\n 20:00:00 +0000") == "line break at offset 11 must be CRLF followed by a space or tab");
    CHECK(parse_error("19 Sep 2018 20:00:00 +0000 (a\rb)") ==
          "line break at offset 29 must be CRLF followed by a space or tab");
    CHECK(parse_error("19 Sep 2018 20:00:00 +0000 (a\\\nb)") ==
          "line break at offset 30 must be CRLF followed by a space or tab");
}

TEST_CASE("rfc2822: length limit") {
    // Exactly 256 bytes (padded with a trailing comment) is accepted; 257 is rejected before parsing.
    const std::string base = "Wed, 19 Sep 2018 20:00:00 +0000 (";
    const std::string at_limit = base + std::string(256 - base.size() - 1, 'c') + ")";
    REQUIRE(at_limit.size() == 256);
    CHECK(parsed_seconds(at_limit) == sep_19_2018_2000_utc);
    const std::string over_limit = base + std::string(256 - base.size(), 'c') + ")";
    REQUIRE(over_limit.size() == 257);
    CHECK(parse_error(over_limit) == "date longer than 256 bytes");
    CHECK(parse_error(std::string(100000, '(')) == "date longer than 256 bytes");
}

TEST_CASE("rfc2822: every proper prefix of a valid date fails cleanly") {
    const char* dates[] = {
        "Wed, 19 Sep 2018 20:00:00 +0000",
        "Wed, 19 Sept 2018 20:00:00 +0000",
        "Wed , 19 (c) Sep 18 20 : 00 : 00 -0500",
        "(x) 3 Feb 2019 21:36 +0530",
    };
    for (const char* date : dates) {
        const std::string full = date;
        REQUIRE(!full.empty());
        parsed_seconds(full);
        for (std::size_t length = 0; length < full.size(); ++length) {
            // A heap copy of exactly `length` bytes, so AddressSanitizer catches any read past the end.
            const std::vector<char> bytes(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(length));
            for (const mode m : {mode::strict, mode::lenient}) {
                // "Wed, 19 Sep 20" is 19 Sep 2020, a Saturday: strict and lenient fail differently.
                const std::string error = error_in(m, std::string_view(bytes.data(), bytes.size()));
                INFO(name(m), " prefix length ", length, ": ", error);
                CHECK(!error.empty());
                CHECK(error.back() != '.');
            }
        }
    }
    CHECK(parse_error("Wed, 19 Sep 2018 20:00:00 +000") == "time zone offset \"000\" has 3 digits, expected 4");
    CHECK(parse_error("Wed, 19 Sep 2018 20:00:00 ") == "unexpected end of input, expected time zone");
    CHECK(parse_error("Wed, 19 Sep 2018 20:00") == "unexpected end of input, expected ':' or time zone");
    CHECK(parse_error("Wed, 19 Sep 2018 20:") == "unexpected end of input, expected minute");
    CHECK(parse_error("Wed, 19 Sep 2018 20") == "unexpected end of input, expected ':' after hour");
    CHECK(parse_error("Wed, 19 Sep 2018") == "unexpected end of input, expected hour");
    CHECK(parse_error("Wed, 19 Sep") == "unexpected end of input, expected year");
    CHECK(parse_error("Wed, 19") == "unexpected end of input, expected month name");
    CHECK(parse_error("Wed,") == "unexpected end of input, expected day of month");
    CHECK(parse_error("Wed") == "unexpected end of input, expected ',' after day name");
    CHECK(parse_error("Wed, 19 Sep 2018 20:00:") == "unexpected end of input, expected second");
}

TEST_CASE("rfc2822: parse leaves out unchanged on failure and error unchanged on success") {
    timestamp t = at(42);
    std::string error = "previous";
    CHECK_FALSE(rfc2822::parse("nonsense", t, error));
    CHECK(epoch_seconds(t) == 42);
    CHECK(error == "unknown day name \"nonsense\"");
    error = "previous";
    CHECK(rfc2822::parse("Thu, 01 Jan 1970 00:00:00 +0000", t, error));
    CHECK(epoch_seconds(t) == 0);
    CHECK(error == "previous");
}

TEST_CASE("rfc2822: format") {
    CHECK(rfc2822::format(at(0)) == "Thu, 01 Jan 1970 00:00:00 +0000");
    CHECK(rfc2822::format(at(-1)) == "Wed, 31 Dec 1969 23:59:59 +0000");
    CHECK(rfc2822::format(at(1549229765)) == "Sun, 03 Feb 2019 21:36:05 +0000");
    CHECK(rfc2822::format(at(-2208988800)) == "Mon, 01 Jan 1900 00:00:00 +0000");
    CHECK(rfc2822::format(at(951868800)) == "Wed, 01 Mar 2000 00:00:00 +0000");
    CHECK(rfc2822::format(at(253402300799)) == "Fri, 31 Dec 9999 23:59:59 +0000");
    CHECK(rfc2822::format(at(-62167219200)) == "Sat, 01 Jan 0000 00:00:00 +0000");
    CHECK(rfc2822::formatted_size == 31);
    CHECK(rfc2822::format(at(0)).size() == rfc2822::formatted_size);

    SUBCASE("timestamps outside years 0000-9999 are clamped") {
        CHECK(rfc2822::format(at(253402300800)) == "Fri, 31 Dec 9999 23:59:59 +0000");
        CHECK(rfc2822::format(timestamp::max()) == "Fri, 31 Dec 9999 23:59:59 +0000");
        CHECK(rfc2822::format(at(-62167219201)) == "Sat, 01 Jan 0000 00:00:00 +0000");
        CHECK(rfc2822::format(timestamp::min()) == "Sat, 01 Jan 0000 00:00:00 +0000");
    }
    SUBCASE("parse accepts only what format can write back: years 1900-9999 in UTC") {
        // A zone offset could push a date just past 9999 or before 1900; format would then
        // clamp it, so parse refuses it and every parsed date round-trips exactly.
        for (const char* text : {"31 Dec 9999 23:59:59 -0100", "Fri, 31 Dec 9999 23:59:60 +0000",
                                 "Mon, 01 Jan 1900 00:00:00 +0100", "01 Jan 1900 00:00:15 +0615"}) {
            CAPTURE(text);
            timestamp t;
            std::string error;
            CHECK_FALSE(rfc2822::parse(text, t, error));
            CHECK(error == "the date falls outside years 1900-9999 in UTC");
        }
        CHECK(rfc2822::format(at(parsed_seconds("Fri, 31 Dec 9999 23:59:59 +0000"))) == "Fri, 31 Dec 9999 23:59:59 +0000");
        CHECK(rfc2822::format(at(parsed_seconds("Mon, 01 Jan 1900 00:00:00 -0100"))) == "Mon, 01 Jan 1900 01:00:00 +0000");
    }
    SUBCASE("format_to writes exactly formatted_size bytes") {
        char buffer[rfc2822::formatted_size + 2];
        for (char& c : buffer) {
            c = '#';
        }
        rfc2822::format_to(at(sep_19_2018_2000_utc), buffer);
        CHECK(std::string_view(buffer, rfc2822::formatted_size) == "Wed, 19 Sep 2018 20:00:00 +0000");
        CHECK(buffer[rfc2822::formatted_size] == '#');
        CHECK(buffer[rfc2822::formatted_size + 1] == '#');
    }
}

TEST_CASE("rfc2822: parse(format(t)) == t across the calendar") {
    // Every day (at a varying time of day) from 1900 to 2400, then a sparser walk to the end of 9999.
    const std::int64_t start = -2208988800;  // 1900-01-01
    const std::int64_t dense_end = 13569465600;  // 2400-01-01
    const std::int64_t end = 253402300799;  // 9999-12-31 23:59:59
    std::int64_t failures = 0;
    std::int64_t checked = 0;
    auto check_one = [&](std::int64_t seconds) {
        const std::string text = rfc2822::format(at(seconds));
        timestamp back{};
        std::string error;
        if (!rfc2822::parse(text, back, error) || epoch_seconds(back) != seconds) {
            if (++failures <= 5) {
                FAIL_CHECK("round trip failed for ", seconds, ": ", text, " ", error);
            }
        }
        ++checked;
    };
    std::int64_t time_of_day = 0;
    for (std::int64_t s = start; s < dense_end; s += 86400) {
        check_one(s + time_of_day);
        time_of_day = (time_of_day + 3607) % 86400;
    }
    for (std::int64_t s = dense_end; s < end; s += 97 * 86400 + 3599) {
        check_one(s);
    }
    check_one(end);
    CHECK(failures == 0);
    CHECK(checked > 200000);
}

TEST_CASE("rfc2822: pseudo-random input never crashes") {
    lcg random{20180919};
    const std::string valid = "Wed, 19 Sep 2018 20:00:00 +0000 (c)";
    const char interesting[] = " \t\r\n(),:+-\\0123456789AaEeGgMmPpSsTtUuZz\x00\x7f\xff";
    std::size_t accepted = 0;
    for (int i = 0; i < 6000; ++i) {
        std::vector<char> bytes;
        const std::uint32_t kind = random.next() % 3;
        if (kind == 0) {
            // Arbitrary bytes, lengths around the 256-byte limit included.
            bytes.resize(random.next() % 300);
            for (char& c : bytes) {
                c = static_cast<char>(random.next() & 0xff);
            }
        } else if (kind == 1) {
            // Characters the grammar cares about, so the parser gets past the first token.
            bytes.resize(random.next() % 64);
            for (char& c : bytes) {
                c = interesting[random.next() % (sizeof interesting - 1)];
            }
        } else {
            // A valid date with a few bytes replaced, inserted or removed.
            bytes.assign(valid.begin(), valid.end());
            const std::uint32_t edits = 1 + random.next() % 3;
            for (std::uint32_t e = 0; e < edits && !bytes.empty(); ++e) {
                const std::size_t where = random.next() % bytes.size();
                const char c = interesting[random.next() % (sizeof interesting - 1)];
                switch (random.next() % 3) {
                    case 0: bytes[where] = c; break;
                    case 1: bytes.insert(bytes.begin() + static_cast<std::ptrdiff_t>(where), c); break;
                    default: bytes.erase(bytes.begin() + static_cast<std::ptrdiff_t>(where)); break;
                }
            }
        }
        const std::string_view input(bytes.data(), bytes.size());
        timestamp strict{};
        bool strict_ok = false;
        for (const mode m : {mode::strict, mode::lenient}) {
            timestamp t{};
            std::string error;
            if (rfc2822::parse(input, t, error, m)) {
                ++accepted;
                const std::string formatted = rfc2822::format(t);
                CHECK(formatted.size() == rfc2822::formatted_size);
                timestamp again{};
                CHECK(rfc2822::parse(formatted, again, error, mode::strict));
                CHECK(again == t);
                if (m == mode::strict) {
                    strict_ok = true;
                    strict = t;
                } else if (strict_ok) {
                    CHECK(t == strict);  // lenient accepts what strict accepts, with the same instant
                }
            } else {
                CHECK(!error.empty());
                CHECK(error.size() <= 192);
                CHECK(error.back() != '.');
                CHECK_FALSE((m == mode::lenient && strict_ok));
            }
        }
    }
    CHECK(accepted > 0);  // the mutations keep some inputs valid, so both paths are exercised
}

TEST_CASE("the canonical fast path agrees with the general parser") {
    // Every input the fast path accepts, the general parser accepts with the same time
    // point; the inputs it declines still parse (or fail) through the general parser.
    std::uint32_t state = 12345;
    auto next = [&state] { return state = state * 1664525u + 1013904223u; };
    const char* zones[] = {"+0000", "-0500", "+0530", "-0000", "+9959", "+0060"};
    int accepted = 0;
    for (int i = 0; i < 20000; ++i) {
        const auto t = signalwire::timestamp(std::chrono::seconds(
            static_cast<std::int64_t>(next() % 4000000000u) - 2000000000 + (i % 3 == 0 ? 8000000000 : 0)));
        std::string text = signalwire::rfc2822::format(t);
        text.replace(26, 5, zones[next() % 6]);
        if (next() % 4 == 0) text[next() % text.size()] = "0123456789 ,:+-SeptWedx"[next() % 23];
        std::int64_t fast = 0, general = 0;
        signalwire::rfc2822::detail::parser parser(text, true);
        const bool general_ok = parser.parse(general);
        std::int64_t lenient = 0;
        signalwire::rfc2822::detail::parser lenient_parser(text, false);
        const bool lenient_ok = lenient_parser.parse(lenient);
        CAPTURE(text);
        if (general_ok) {
            REQUIRE(lenient_ok);
            CHECK(lenient == general);
        }
        if (signalwire::rfc2822::detail::parse_canonical(text, fast)) {
            ++accepted;
            REQUIRE(general_ok);
            CHECK(fast == general);
        }
    }
    CHECK(accepted > 10000);
}

// ---------------------------------------------------------------------------------------------------------
// Modes: lenient accepts what servers and documentation really write; strict is RFC 2822 exactly.
// ---------------------------------------------------------------------------------------------------------

TEST_CASE("rfc2822 modes: the 3-argument parse is strict") {
    for (const char* text : {"Thur, 20 Sep 2018 10:00:00 +0000", "Thu, 27 Feb 2026 12:00:00 +0000",
                             "19 Sep 2018(c)20:00:00 +0000", "19 Sep 2018 20:00:00 +0000 (\x80)"}) {
        CAPTURE(text);
        timestamp three = at(7), strict = at(7);
        std::string three_error, strict_error_text;
        CHECK_FALSE(rfc2822::parse(text, three, three_error));
        CHECK_FALSE(rfc2822::parse(text, strict, strict_error_text, mode::strict));
        CHECK(three_error == strict_error_text);
        CHECK(epoch_seconds(three) == 7);
        timestamp lenient{};
        std::string lenient_error = "untouched";
        CHECK(rfc2822::parse(text, lenient, lenient_error, mode::lenient));
        CHECK(lenient_error == "untouched");
    }
}

TEST_CASE("rfc2822 lenient: the day names people write") {
    const std::int64_t thursday = parsed_seconds("Thu, 20 Sep 2018 10:00:00 +0000");
    // SignalWire's documentation: "Thur" and "Sept".
    CHECK(lenient_only("Thur, 20 Sept 2018 10:00:00 +0000") == thursday);
    CHECK(strict_error("Thur, 20 Sept 2018 10:00:00 +0000") == "unknown day name \"Thur\"");
    for (const char* spelling : {"Thur", "Thurs", "thur", "THURS", "tHuRs"}) {
        const std::string text = std::string(spelling) + ", 20 Sep 2018 10:00:00 +0000";
        CHECK(lenient_only(text) == thursday);
        CHECK(strict_error(text) == "unknown day name \"" + std::string(spelling) + "\"");
    }
    const std::int64_t tuesday = parsed_seconds("Tue, 18 Sep 2018 10:00:00 +0000");
    for (const char* spelling : {"Tues", "tues", "TUES"}) {
        const std::string text = std::string(spelling) + ", 18 Sep 2018 10:00:00 +0000";
        CHECK(lenient_only(text) == tuesday);
        CHECK(strict_error(text) == "unknown day name \"" + std::string(spelling) + "\"");
    }
    for (const char* spelling : {"Weds", "weds", "WEDS"}) {
        const std::string text = std::string(spelling) + ", 19 Sep 2018 20:00:00 +0000";
        CHECK(lenient_only(text) == sep_19_2018_2000_utc);
        CHECK(strict_error(text) == "unknown day name \"" + std::string(spelling) + "\"");
    }
    // Obsolete forms around a long name, in lenient mode.
    CHECK(lenient_only("(x) Thurs (y) , 20 Sep 18 10:00 GMT") == thursday);
    // Other spellings stay unknown in both modes.
    for (const char* spelling : {"Thursday", "Th", "Tu", "We", "Wedn", "Thu.", "Tuesday", "Satur", "Mond"}) {
        const std::string text = std::string(spelling) + ", 20 Sep 2018 10:00:00 +0000";
        CAPTURE(text);
        const std::string error = parse_error(text);
        if (std::string_view(spelling) == "Thu.") {
            CHECK(error == "unexpected character '.' at offset 3, expected ',' after day name");
        } else {
            CHECK(error == "unknown day name \"" + std::string(spelling) + "\"");
        }
    }
}

TEST_CASE("rfc2822 lenient: the date decides when the day name disagrees") {
    const std::int64_t friday = parsed_seconds("Fri, 27 Feb 2026 12:00:00 +0000");
    CHECK(friday == parsed_seconds("27 Feb 2026 12:00:00 +0000"));
    // Canonical form with the wrong name: the fast path declines it, the general parser takes it.
    std::int64_t fast = 0;
    CHECK_FALSE(rfc2822::detail::parse_canonical("Thu, 27 Feb 2026 12:00:00 +0000", fast));
    CHECK(lenient_only("Thu, 27 Feb 2026 12:00:00 +0000") == friday);
    CHECK(strict_error("Thu, 27 Feb 2026 12:00:00 +0000") == "day name \"Thu\" does not match the date (Fri)");
    CHECK(lenient_only("thur, 27 Feb 2026 12:00:00 +0000") == friday);
    CHECK(lenient_only("Sun, 27 Feb 2026 12:00 EST") == friday + 5 * 3600);
    CHECK(strict_error("Sun, 27 Feb 2026 12:00 EST") == "day name \"Sun\" does not match the date (Fri)");
    // The name describes the date as written, so a zone that moves the instant to another day is not a
    // mismatch in either mode.
    CHECK(parsed_seconds("Fri, 27 Feb 2026 23:00:00 -0500") == friday + 16 * 3600);
    // Every wrong name, every day of a week.
    const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    for (int date = 0; date < 7; ++date) {
        for (int name_index = 0; name_index < 7; ++name_index) {
            const std::string text =
                std::string(days[name_index]) + ", " + std::to_string(16 + date) + " Sep 2018 00:00:00 +0000";
            const std::int64_t expected = parsed_seconds("16 Sep 2018 00:00:00 +0000") + date * 86400;
            CAPTURE(text);
            if (name_index == date) {
                CHECK(parsed_seconds(text) == expected);
            } else {
                CHECK(lenient_only(text) == expected);
                CHECK(strict_error(text) == "day name \"" + std::string(days[name_index]) +
                                                "\" does not match the date (" + days[date] + ")");
            }
        }
    }
    // Other checks still apply in lenient mode.
    CHECK(parse_error("Thu, 30 Feb 2026 12:00:00 +0000") == "day 30 is out of range for Feb 2026");
    CHECK(error_in(mode::lenient, "Thur, 27 Feb 2026 24:00:00 +0000") == "hour 24 is out of range 00-23");
    CHECK(strict_error("Thur, 27 Feb 2026 24:00:00 +0000") == "unknown day name \"Thur\"");
    CHECK(error_in(mode::lenient, "Thu, 27 Feb 2026 24:00:00 +0000") == "hour 24 is out of range 00-23");
    CHECK(strict_error("Thu, 27 Feb 2026 24:00:00 +0000") == "day name \"Thu\" does not match the date (Fri)");
}

TEST_CASE("rfc2822: Sept is accepted in both modes") {
    CHECK(parsed_seconds("Wed, 19 Sept 2018 20:00:00 +0000") == sep_19_2018_2000_utc);
    CHECK(parsed_seconds("19 SEPT 2018 20:00:00 +0000") == sep_19_2018_2000_utc);
    CHECK(parse_error("19 Septe 2018 20:00:00 +0000") == "unknown month name \"Septe\"");
}

TEST_CASE("rfc2822: ISO 8601 date-times are an error in both modes, named as such") {
    const char* iso[] = {
        "2020-04-23T03:47:38.000Z", "2020-04-23T03:47:38Z",  "2020-04-23 03:47:38+00:00", "2020-04-23",
        "2020-04-23t03:47:38z",     "  2020-04-23T03:47:38Z", "2020-04-23T",               "2020-04-23 ",
        "9999-99-99T99:99:99Z",
    };
    for (const char* text : iso) {
        CAPTURE(text);
        CHECK(rfc2822::looks_like_iso8601(text));
        CHECK(parse_error(text) == "ISO 8601 date-time, not an RFC 2822 date");
    }
    // Not ISO 8601 calendar dates: the usual messages.
    CHECK_FALSE(rfc2822::looks_like_iso8601(""));
    CHECK_FALSE(rfc2822::looks_like_iso8601("2020-04-2"));
    CHECK_FALSE(rfc2822::looks_like_iso8601("2020-04-23x"));
    CHECK_FALSE(rfc2822::looks_like_iso8601("2020-4-23T03:47:38Z"));
    CHECK_FALSE(rfc2822::looks_like_iso8601("20200423T034738Z"));
    CHECK_FALSE(rfc2822::looks_like_iso8601("(c) 2020-04-23T03:47:38Z"));
    CHECK_FALSE(rfc2822::looks_like_iso8601("Thu, 23 Apr 2020 03:47:38 +0000"));
    CHECK_FALSE(rfc2822::looks_like_iso8601("23 Apr 2020 03:47:38 +0000"));
    CHECK(parse_error("2020-04-23x") == "day \"2020\" has 4 digits, expected 1 or 2");
    CHECK(parse_error("20200423T034738Z") == "day \"20200423\" has 8 digits, expected 1 or 2");
    // A date longer than the limit is reported as such first.
    CHECK(parse_error("2020-04-23T03:47:38Z" + std::string(300, ' ')) == "date longer than 256 bytes");
    // The predicate never matches a valid RFC 2822 date, so it only chooses a message.
    static_assert(rfc2822::looks_like_iso8601("2020-04-23T03:47:38.000Z"));
    static_assert(!rfc2822::looks_like_iso8601("Thu, 23 Apr 2020 03:47:38 +0000"));
}

TEST_CASE("rfc2822 strict: whitespace, not a comment, between year and hour") {
    // date-time = [day-of-week ","] date FWS time: obs-year and obs-hour allow CFWS on either side of
    // that FWS, but a comment cannot replace it.
    CHECK(strict_error("19 Sep 2018(c)20:00:00 +0000") ==
          "comment at offset 11 where RFC 2822 requires whitespace before the hour");
    CHECK(lenient_only("19 Sep 2018(c)20:00:00 +0000") == sep_19_2018_2000_utc);
    CHECK(strict_error("19 Sep 2018(a)(b)20:00:00 +0000") ==
          "comment at offset 11 where RFC 2822 requires whitespace before the hour");
    CHECK(lenient_only("19 Sep 2018(a)(b)20:00:00 +0000") == sep_19_2018_2000_utc);
    // Whitespace inside a comment is part of the comment.
    CHECK(strict_error("Wed, 19 Sep 2018( a b )20:00:00 +0000") ==
          "comment at offset 16 where RFC 2822 requires whitespace before the hour");
    CHECK(lenient_only("Wed, 19 Sep 2018( a b )20:00:00 +0000") == sep_19_2018_2000_utc);
    // Two-digit year (obs-year) and a fold.
    CHECK(strict_error("19 Sep 18(c)20:00 GMT") == "comment at offset 9 where RFC 2822 requires whitespace before the hour");
    CHECK(parsed_seconds("19 Sep 2018 (c)20:00:00 +0000") == sep_19_2018_2000_utc);
    CHECK(parsed_seconds("19 Sep 2018(c) 20:00:00 +0000") == sep_19_2018_2000_utc);
    CHECK(parsed_seconds("19 Sep 2018(a) (b)20:00:00 +0000") == sep_19_2018_2000_utc);
    CHECK(parsed_seconds("19 Sep 2018(a)\r\n (b)20:00:00 +0000") == sep_19_2018_2000_utc);
    CHECK(parsed_seconds("19 Sep 18\t20:00 GMT") == sep_19_2018_2000_utc);
    // Between day and month and between month and year, CFWS (so a comment alone) is enough:
    // obs-day = [CFWS] 1*2DIGIT [CFWS], obs-month = CFWS month-name CFWS.
    CHECK(parsed_seconds("Wed(a),(b)19(c)Sep(d)2018 20:00:00 +0000") == sep_19_2018_2000_utc);
    // Errors that come first keep their messages.
    CHECK(parse_error("19 Sep 2018(c)") == "unexpected end of input, expected hour");
    CHECK(parse_error("19 Sep 2018(c") == "unexpected end of input, expected ')' to close comment");
}

TEST_CASE("rfc2822 strict: whitespace, not a comment, directly before the zone") {
    // time = time-of-day FWS zone, and obs-zone allows no CFWS: a comment may follow the time but the
    // zone must come after whitespace.
    CHECK(strict_error("19 Sep 2018 20:00:00 (c)+0000") ==
          "comment at offset 21 where RFC 2822 requires whitespace before the time zone");
    CHECK(lenient_only("19 Sep 2018 20:00:00 (c)+0000") == sep_19_2018_2000_utc);
    CHECK(strict_error("19 Sep 2018 20:00(c)EST") ==
          "comment at offset 17 where RFC 2822 requires whitespace before the time zone");
    CHECK(lenient_only("19 Sep 2018 15:00(c)EST") == sep_19_2018_2000_utc);
    CHECK(strict_error("19 Sep 2018 20:00:00(c)+0000") ==
          "comment at offset 20 where RFC 2822 requires whitespace before the time zone");
    CHECK(lenient_only("19 Sep 2018 20:00:00(c)+0000") == sep_19_2018_2000_utc);
    // The last comment is the one in the way.
    CHECK(strict_error("19 Sep 2018 20:00:00 (a) (b)+0000") ==
          "comment at offset 25 where RFC 2822 requires whitespace before the time zone");
    CHECK(lenient_only("19 Sep 2018 20:00:00 (a) (b)+0000") == sep_19_2018_2000_utc);
    CHECK(strict_error("Wed, 19 Sep 2018 20:00 (c)Z") ==
          "comment at offset 23 where RFC 2822 requires whitespace before the time zone");
    CHECK(lenient_only("Wed, 19 Sep 2018 20:00 (c)Z") == sep_19_2018_2000_utc);
    // Both at once: the first one is reported.
    CHECK(strict_error("19 Sep 2018(a)20:00:00 (b)+0000") ==
          "comment at offset 11 where RFC 2822 requires whitespace before the hour");
    CHECK(lenient_only("19 Sep 2018(a)20:00:00 (b)+0000") == sep_19_2018_2000_utc);
    // Fine in strict mode: whitespace last, comments around the colons and after the zone.
    CHECK(parsed_seconds("19 Sep 2018 20:00:00(c) +0000") == sep_19_2018_2000_utc);
    CHECK(parsed_seconds("19 Sep 2018 20:00:00 (c) +0000") == sep_19_2018_2000_utc);
    CHECK(parsed_seconds("19 Sep 2018 20:00:00 (c)\r\n\t+0000") == sep_19_2018_2000_utc);
    CHECK(parsed_seconds("19 Sep 2018 15:00 (c) EST") == sep_19_2018_2000_utc);
    CHECK(parsed_seconds("19 Sep 2018 20(a):(b)00(c):(d)00 +0000(e)") == sep_19_2018_2000_utc);
    CHECK(parsed_seconds("19 Sep 2018 20 : 00 (x) +0000 (y) (z)") == sep_19_2018_2000_utc);
    // Missing whitespace altogether keeps its message in both modes.
    CHECK(parse_error("19 Sep 2018 20:00:00+0000") ==
          "unexpected character '+' at offset 20, expected whitespace before time zone");
    // Errors after the comment: strict reports the comment, lenient what follows.
    CHECK(strict_error("19 Sep 2018 20:00:00 (c)*") ==
          "comment at offset 21 where RFC 2822 requires whitespace before the time zone");
    CHECK(error_in(mode::lenient, "19 Sep 2018 20:00:00 (c)*") ==
          "unexpected character '*' at offset 24, expected time zone");
    CHECK(parse_error("19 Sep 2018 20:00:00 (c)") == "unexpected end of input, expected time zone");
}

TEST_CASE("rfc2822 strict: only ctext in comments") {
    // ctext = NO-WS-CTL / %d33-39 / %d42-91 / %d93-126: no NUL and nothing from 128 up.
    CHECK(strict_error("19 Sep 2018 20:00:00 +0000 (\x80)") == "byte 0x80 at offset 28 is not allowed in a comment");
    CHECK(lenient_only("19 Sep 2018 20:00:00 +0000 (\x80)") == sep_19_2018_2000_utc);
    CHECK(strict_error("19 Sep 2018 20:00:00 +0000 (caf\xc3\xa9)") ==
          "byte 0xc3 at offset 31 is not allowed in a comment");
    CHECK(lenient_only("19 Sep 2018 20:00:00 +0000 (caf\xc3\xa9)") == sep_19_2018_2000_utc);
    CHECK(strict_error("19 Sep 2018 20:00:00 +0000 (a (\xff))") == "byte 0xff at offset 31 is not allowed in a comment");
    CHECK(lenient_only("19 Sep 2018 20:00:00 +0000 (a (\xff))") == sep_19_2018_2000_utc);
    const std::string nul = std::string("19 (a") + '\0' + "b) Sep 2018 20:00:00 +0000";
    CHECK(strict_error(nul) == "byte 0x00 at offset 5 is not allowed in a comment");
    CHECK(lenient_only(nul) == sep_19_2018_2000_utc);
    // Quoted: a byte from 128 up is still an error; a quoted NUL is obs-qp ("\" %d0-127) and allowed.
    CHECK(strict_error("19 Sep 2018 20:00:00 +0000 (\\\xe9)") == "byte 0xe9 at offset 29 is not allowed in a comment");
    CHECK(lenient_only("19 Sep 2018 20:00:00 +0000 (\\\xe9)") == sep_19_2018_2000_utc);
    CHECK(parsed_seconds(std::string("19 Sep 2018 20:00:00 +0000 (\\") + '\0' + ")") == sep_19_2018_2000_utc);
    CHECK(parsed_seconds("19 Sep 2018 20:00:00 +0000 (\\\x7f\\a\\(\\ )") == sep_19_2018_2000_utc);
    // Every byte: what strict mode accepts in a comment, unquoted.
    for (unsigned b = 0; b < 256; ++b) {
        if (b == '(' || b == ')' || b == '\\' || b == '\r' || b == '\n') {
            continue;  // structure, or a line-break error in both modes
        }
        std::string text = "19 Sep 2018 20:00:00 +0000 (x)";
        text[28] = static_cast<char>(b);
        CAPTURE(b);
        CHECK(parsed_in(mode::lenient, text) == sep_19_2018_2000_utc);
        if (b == 0 || b >= 0x80) {
            char hex[5];
            std::snprintf(hex, sizeof hex, "0x%02x", b);
            CHECK(strict_error(text) == "byte " + std::string(hex) + " at offset 28 is not allowed in a comment");
        } else {
            CHECK(parsed_in(mode::strict, text) == sep_19_2018_2000_utc);
        }
    }
    // Line breaks inside comments are errors in both modes, unless they are folds.
    CHECK(parse_error("19 Sep 2018 20:00:00 +0000 (a\rb)") ==
          "line break at offset 29 must be CRLF followed by a space or tab");
    CHECK(parsed_seconds("19 Sep 2018 20:00:00 +0000 (a\r\n\tb)") == sep_19_2018_2000_utc);
    // The first problem in the text is the one reported.
    CHECK(strict_error("19 Sep 2018 20:00:00 +0000 (\x80") == "byte 0x80 at offset 28 is not allowed in a comment");
    CHECK(error_in(mode::lenient, "19 Sep 2018 20:00:00 +0000 (\x80") ==
          "unexpected end of input, expected ')' to close comment");
}

TEST_CASE("rfc2822 lenient: results format to dates strict mode reads back") {
    const char* lenient_inputs[] = {
        "Thur, 20 Sept 2018 10:00:00 +0000",
        "Thu, 27 Feb 2026 12:00:00 +0000",
        "weds , 19 sept 18 15:00 EST",
        "Tues, 01 Jan 1970 00:00:00 +0100",
        "Mon, 31 Dec 9999 23:59:59 +0000",
        "Sat, 01 Jan 1900 00:00:00 -0000",
        "19 Sep 2018(c)20:00:00(d)+0000",
        "19 Sep 2018 20:00 (\xff\x80\xc3\xa9)Z",
    };
    for (const char* text : lenient_inputs) {
        CAPTURE(text);
        const std::int64_t seconds = lenient_only(text);
        const std::string formatted = rfc2822::format(at(seconds));
        CHECK(parsed_seconds(formatted) == seconds);
        CHECK(rfc2822::format(at(parsed_seconds(formatted))) == formatted);
    }
}
