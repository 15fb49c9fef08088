// What servers and documentation really send, beyond the published spec: one case per
// kind of body (tests/data/bodies, written for these tests from the descriptions in
// tests/data/README.md), each decoded in lenient and strict mode with the exact result
// or message, and written back: decode(encode(x)) == x.
#include <signalwire/call.hpp>  // first: the generated header compiles on its own

#include "model_helpers.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>

#include <boost/json/parse.hpp>

#include <string>
#include <string_view>

using namespace signalwire;
using test_support::at;
using test_support::data_dir;
using test_support::decoded;
using test_support::read_file;

namespace {

const decode_options strict{true};

std::string body(const char* name) { return read_file(data_dir() / "bodies" / name); }

template <class T = Call>
std::string error_of(std::string_view json, const decode_options& options = {}) {
    auto r = decode<T>(json, options);
    return r ? std::string("(decoded)") : r.error().to_string();
}

/// The round trip every decoded model keeps: encode, decode again, same model, same text.
template <class T>
void check_round_trip(const T& model, const decode_options& options = {}) {
    const std::string json = encode(model);
    const T again = decoded<T>(json, options);
    CHECK(again == model);
    CHECK(encode(again) == json);
}

/// `"name":"value"` replaced in `json`, for variations of one body.
std::string replacing(std::string json, const std::string& old, const std::string& now) {
    const auto at = json.find(old);
    REQUIRE(at != std::string::npos);
    return json.replace(at, old.size(), now);
}

}  // namespace

TEST_CASE("a queued call's create response: null timestamps and duration") {
    const std::string json = body("queued-create-call.json");
    const Call call = decoded(json);
    CHECK_FALSE(call.date_created);
    CHECK_FALSE(call.date_updated);
    CHECK_FALSE(call.duration);
    CHECK(call.status == CallStatus::queued);
    check_round_trip(call);
    // Null is written back as null: the members stay present, as required.
    const std::string encoded = encode(call);
    CHECK(encoded.find(R"("date_created":null,"date_updated":null,)") != std::string::npos);
    CHECK(encoded.find(R"("duration":null,)") != std::string::npos);
    // Strict mode takes the nulls too; it refuses the body only for its unknown members.
    CHECK(error_of(json, strict) == "/trunk_sid: unknown member (strict mode accepts only schema members)");
    // Required still means present: a body without date_created is refused in both modes.
    const std::string without = replacing(json, "\"date_created\": null,", "");
    CHECK(error_of(without) == "/date_created: missing required member");
    CHECK(error_of(without, strict) == "/trunk_sid: unknown member (strict mode accepts only schema members)");
}

TEST_CASE("dates as the documentation writes them: Thur, Thurs, Tues, Weds and Sept") {
    const std::string json = body("docs-thur-sept.json");
    const Call call = decoded(json);
    CHECK(call.date_created == at(1537437600));  // Thu, 20 Sep 2018 10:00:00 +0000
    CHECK(call.date_updated == at(1537437605));
    CHECK(call.start_time == at(1537264740));    // Tue, 18 Sep 2018 09:59:00 +0000
    CHECK(call.end_time == at(1537351200));      // Wed, 19 Sep 2018 10:00:00 +0000
    check_round_trip(call);
    check_round_trip(call, strict);  // what encode writes is RFC 2822 as strict mode reads it
    CHECK(encode(call).find(R"("date_created":"Thu, 20 Sep 2018 10:00:00 +0000")") != std::string::npos);
    // Any case, as month names.
    CHECK(decoded(replacing(json, "Thur,", "THUR,")).date_created == call.date_created);
    CHECK(decoded(replacing(json, "Thur,", "thu,")).date_created == call.date_created);
    // Strict mode keeps to RFC 2822's names, with today's message.
    CHECK(error_of(json, strict) ==
          R"(/date_created: invalid RFC 2822 date "Thur, 20 Sept 2018 10:00:00 +0000": unknown day name "Thur")");
    // A name that is no spelling of a day stays an error in lenient mode too.
    CHECK(error_of(replacing(json, "Thur,", "Thr,")) ==
          R"(/date_created: invalid RFC 2822 date "Thr, 20 Sept 2018 10:00:00 +0000": unknown day name "Thr")");
}

TEST_CASE("a day name that does not match the date: the date decides in lenient mode") {
    const std::string json = body("guide-wrong-day-name.json");  // 27 Feb 2026 is a Friday
    const Call call = decoded(json);
    CHECK(call.date_created == at(1772202600));  // Fri, 27 Feb 2026 14:30:00 +0000
    CHECK(call.date_updated == at(1772202670));
    check_round_trip(call);
    CHECK(encode(call).find(R"("date_created":"Fri, 27 Feb 2026 14:30:00 +0000")") != std::string::npos);
    CHECK(error_of(json, strict) ==
          R"(/date_created: invalid RFC 2822 date "Thu, 27 Feb 2026 14:30:00 +0000": day name "Thu" does not match the date (Fri))");
}

TEST_CASE("a recorded-style SignalWire page with an initiated call passes strict mode") {
    const std::string json = body("signalwire-page-initiated.json");
    const CallList page = decoded<CallList>(json, strict);
    REQUIRE(page.calls.size() == 2);
    CHECK(page.calls[0].status == CallStatus::initiated);
    CHECK(page.calls[0].status.is_known());
    CHECK(to_string(CallStatus::initiated) == "initiated");
    CHECK(page.calls[1].status == CallStatus::completed);
    CHECK(page.next_page_uri ==
          "/api/laml/2010-04-01/Accounts/XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX/Calls?Page=1&PageSize=2&PageToken=PA9c1d2e");
    CHECK(decoded<CallList>(json) == page);
    check_round_trip(page, strict);
}

TEST_CASE("a UTF-8 byte order mark: lenient mode skips one, strict mode refuses it") {
    const std::string json = body("bom-call.json");
    REQUIRE(json.substr(0, 3) == "\xEF\xBB\xBF");
    const Call call = decoded(json);
    CHECK(call == decoded(json.substr(3)));
    CHECK(call.status == CallStatus::busy);
    check_round_trip(call);
    CHECK(encode(call).substr(0, 8) == R"({"sid":")");  // the BOM is not written back
    CHECK(error_of(json, strict) == "(root): invalid JSON at offset 0: byte order mark (strict mode does not skip one)");
    // Offsets still count from the first byte of the input, the BOM included.
    CHECK(error_of(json.substr(0, 10)) == "/sid: invalid JSON at offset 10: unexpected end of input");
    CHECK(error_of(json + "x") == "(root): invalid JSON at offset 405: unexpected data after the document");
    CHECK(error_of("\xEF\xBB\xBF{\"sid\":\"s\" \xff}") == "(root): invalid JSON at offset 14: invalid UTF-8 (byte 0xff)");
    // Only one, and only at the start.
    CHECK(error_of("\xEF\xBB\xBF\xEF\xBB\xBF{}") ==
          "(root): invalid JSON at offset 3: byte order mark (lenient mode skips one, at the start)");
    CHECK(error_of(" \xEF\xBB\xBF{}") ==
          "(root): invalid JSON at offset 1: byte order mark (lenient mode skips one, at the start)");
    CHECK(error_of("\xEF\xBB\xBF") == "(root): invalid JSON at offset 3: unexpected end of input");
    CHECK(error_of("\xEF\xBB") == "(root): invalid JSON at offset 0: invalid UTF-8 (byte 0xef)");
}

TEST_CASE("an API error body decoded as a Call or a page says that it is one") {
    const std::string not_found = body("error-404.json");
    const std::string expected_404 =
        "(root): the body is an API error response: 20404 The requested resource "
        "/2010-04-01/Accounts/b3877c40-da60-4998-90ad-b792e98472af/Calls/unknown.json was not found (status 404)";
    CHECK(error_of(not_found) == expected_404);
    CHECK(error_of(not_found, strict) == expected_404);
    CHECK(error_of<CallList>(not_found) == expected_404);
    CHECK(error_of<CallList>(not_found, strict) == expected_404);
    // The same from a DOM.
    const auto from_dom = decode<Call>(boost::json::parse(not_found));
    REQUIRE_FALSE(from_dom);
    CHECK(from_dom.error().to_string() == expected_404);

    // The code as a numeric string, as some servers send it.
    CHECK(error_of(body("error-401-code-string.json")) ==
          "(root): the body is an API error response: 20003 Authentication failed (status 401)");

    // The errors-array form lists every error.
    CHECK(error_of<CallList>(body("error-array.json")) ==
          "(root): the body is an API error response: 30010 Maxpriceperminute was exceeded. This call's cost is "
          "0.008 per minute.; 21212 The From phone number is not a valid phone number");

    // An error message is shown escaped and cut, so that a hostile body cannot fill a log.
    const std::string long_message = R"({"code":1,"message":")" + std::string(300, 'x') + R"(\u001b[2J","status":500})";
    CHECK(error_of(long_message) == "(root): the body is an API error response: 1 " + std::string(200, 'x') +
                                        "... (status 500)");
    CHECK(error_of(R"({"code":7,"message":"a\nb\u001b"})") == R"((root): the body is an API error response: 7 a\nb\u001b)");

    // A body that is neither keeps the decoder's own message.
    CHECK(error_of(R"({"code":20404,"status":404})") == "/status: expected string (CallStatus), got number 404");
    CHECK(error_of(R"({"code":"x","message":"m","status":404})") == "/status: expected string (CallStatus), got number 404");
    CHECK(error_of(R"({"code":"x","message":"m","status":404})", strict) ==
          "/code: unknown member (strict mode accepts only schema members)");
}

TEST_CASE("the API error models decode and round-trip on their own") {
    const ErrorResponse e = decoded<ErrorResponse>(body("error-404.json"), strict);
    CHECK(e.code == 20404);
    CHECK(e.status == 404);
    CHECK(e.more_info == "https://www.twilio.com/docs/errors/20404");
    check_round_trip(e, strict);
    // A numeric-string code: lenient mode only.
    const ErrorResponse auth = decoded<ErrorResponse>(body("error-401-code-string.json"));
    CHECK(auth.code == 20003);
    CHECK(error_of<ErrorResponse>(body("error-401-code-string.json"), strict) ==
          R"(/code: expected integer, got string "20003")");
    const ErrorArrayResponse list = decoded<ErrorArrayResponse>(body("error-array.json"));
    REQUIRE(list.errors.size() == 2);
    CHECK(list.errors[0].code == 30010);
    CHECK_FALSE(list.errors[1].more_info);
    check_round_trip(list);
    // An error body decoded as an error model never reports itself as one.
    CHECK(error_of<ErrorResponse>(R"({"code":1})") == "/message: missing required member");
}

TEST_CASE("ISO 8601 date-times are named as such, in both modes") {
    const std::string json = body("vendor-iso-dates.json");
    const std::string expected =
        R"(/date_created: expected an RFC 2822 date, got an ISO 8601 date-time "2020-04-23T03:47:38.000Z")";
    CHECK(error_of(json) == expected);
    CHECK(error_of(json, strict) == expected);
    // In a page, the message names the call and the member.
    const std::string page = R"({"uri":"u","first_page_uri":"f","page":0,"page_size":1,"calls":[)" +
                             replacing(json, "2020-04-23T03:47:38.000Z", "Thu, 23 Apr 2020 03:47:38 +0000") + "]}";
    CHECK(error_of<CallList>(page) ==
          R"(/calls/0/date_updated: expected an RFC 2822 date, got an ISO 8601 date-time "2020-04-23T03:47:40.000Z")");
}

// ---- prices at the edge of the number grammar -----------------------------------------

namespace {

const std::string exponent_range = "exponent out of range (at most 999999999 in absolute value)";

std::string call_with(const std::string& extra) { return test_support::minimal_call_members + extra + "}"; }

}  // namespace

TEST_CASE("price: an exponent past the limit is refused alike as a number and as a string") {
    for (const std::string text : {"1E2147483648", "0e999999999999", "1e-2147483648", "0.05e-2147483647",
                                   "1e1000000000", "-1e-1000000000", "1e2147483647"}) {
        CAPTURE(text);
        const std::string expected = "/price: invalid decimal \"" + text + "\": " + exponent_range;
        CHECK(error_of(call_with(R"(,"price":")" + text + "\"")) == expected);
        CHECK(error_of(call_with(R"(,"price":)" + text)) == expected);
        CHECK(error_of(call_with(R"(,"price":)" + text), strict) == expected);
        CHECK(error_of(call_with(R"(,"price":)" + text + R"(,"x":1)")) == expected);
    }
}

TEST_CASE("price: an exponent within the limit keeps its text and round-trips, out of double range too") {
    for (const std::string text : {"1e999999999", "-1E-999999999", "0.05e-999999999", "0e999999999", "123.45e+999999999"}) {
        CAPTURE(text);
        for (const std::string& json : {call_with(R"(,"price":)" + text), call_with(R"(,"price":")" + text + "\"")}) {
            const Call call = decoded(json);
            REQUIRE(call.price);
            CHECK(call.price->text() == text);
            check_round_trip(call);
        }
    }
}

TEST_CASE("other members: a number past Boost.JSON's exponent range gets the member's own message") {
    CHECK(error_of(call_with(R"(,"audio_in_mos":1e2147483648)")) ==
          "/audio_in_mos: number 1e2147483648 is out of range for a double");
    CHECK(error_of(call_with(R"(,"x":[1,{"y":1e2147483648}])")) == "/x/1/y: number 1e2147483648 is out of range for a double");
    CHECK(error_of(R"({"sid":1e2147483648})") == "/sid: expected string, got number 1e2147483648");
    CHECK(error_of("1e2147483648") == "(root): expected object, got number 1e2147483648");
    // A zero that a double would take: the parser cannot go on, and says why.
    CHECK(error_of(call_with(R"(,"audio_in_mos":0e2147483648)")) ==
          "/audio_in_mos: invalid JSON at offset 226: exponent overflow");
    // Offsets count from the first byte, a skipped BOM included.
    CHECK(error_of("\xEF\xBB\xBF{\"x\":0e2147483648}") == "/x: invalid JSON at offset 19: exponent overflow");
}
