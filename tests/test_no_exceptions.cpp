// Decoding and encoding with exceptions and RTTI off (-fno-exceptions -fno-rtti): the
// headers compile, bad input is reported through decode_result, and what used to throw
// (decode_result::value(), value_to of an enum, decimal::from_string) calls
// boost::throw_exception, which a program built this way defines (Boost's rule under
// BOOST_NO_EXCEPTIONS). Built twice by tests/meson.build: as below, and with exceptions
// on, both with the strict warning set. A plain program, not doctest (which needs
// exceptions).
//
//   test_no_exceptions            decodes, checks, encodes, decodes a bad body; exit 0
//   test_no_exceptions THROWER    calls one throwing entry point with bad input; this
//                                 program's boost::throw_exception prints
//                                 "throw_exception: <what()>" and aborts
//                                 (tests/no_exceptions_abort.py checks both)
#include <signalwire/call.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <limits>
#include <string>
#include <string_view>

#if defined(BOOST_NO_EXCEPTIONS)
namespace boost {
// What Boost asks of a program built without exceptions (boost/throw_exception.hpp):
// both overloads, never returning.
BOOST_NORETURN void throw_exception(const std::exception& e) {
    std::fprintf(stderr, "throw_exception: %s\n", e.what());
    std::fflush(stderr);
    std::abort();
}
BOOST_NORETURN void throw_exception(const std::exception& e, const boost::source_location& loc) {
    std::fprintf(stderr, "throw_exception: %s\n  at %s:%lu in %s\n", e.what(), loc.file_name(),
                 static_cast<unsigned long>(loc.line()), loc.function_name());
    std::fflush(stderr);
    std::abort();
}
}  // namespace boost
#endif

namespace {

// examples/sample-call.json.
const std::string_view sample = R"({
  "sid": "a18c54f5-b8d1-4014-8f18-96a14dbeaf0c",
  "account_sid": "692fc6cb-18de-4ea6-b8d7-fc7d54f21474",
  "date_created": "Tue, 12 Aug 2025 14:03:07 +0000",
  "date_updated": "Tue, 12 Aug 2025 14:05:52 +0000",
  "parent_call_sid": null,
  "to": "+13105550142",
  "formatted_to": "(310) 555-0142",
  "to_formatted": "(310) 555-0142",
  "from": "+14245550198",
  "formatted_from": "(424) 555-0198",
  "from_formatted": "(424) 555-0198",
  "phone_number_sid": "d12bdd42-265b-490f-8e95-df9e2176a6aa",
  "status": "completed",
  "start_time": "Tue, 12 Aug 2025 14:03:10 +0000",
  "end_time": "Tue, 12 Aug 2025 14:05:51 +0000",
  "duration": 161,
  "price": -0.00650,
  "price_unit": "USD",
  "direction": "outbound-api",
  "answered_by": "human",
  "api_version": "2010-04-01",
  "forwarded_from": null,
  "caller_name": null,
  "uri": "/api/laml/2010-04-01/Accounts/692fc6cb-18de-4ea6-b8d7-fc7d54f21474/Calls/a18c54f5-b8d1-4014-8f18-96a14dbeaf0c",
  "subresource_uris": {
    "notifications": null,
    "recordings": "/api/laml/2010-04-01/Accounts/692fc6cb-18de-4ea6-b8d7-fc7d54f21474/Calls/a18c54f5-b8d1-4014-8f18-96a14dbeaf0c/Recordings"
  },
  "annotation": null,
  "group_sid": null,
  "sip_result_code": "200",
  "audio_in_mos": 4.3,
  "audio_rtt_min": 18,
  "audio_rtt_avg": 24,
  "audio_rtt_max": 41,
  "audio_out_jitter_min": 1,
  "audio_out_jitter_avg": 3,
  "audio_out_jitter_max": 9,
  "audio_out_lost": 2,
  "x_unknown": [1, {"kept": true}]
})";

// The sample with a boolean where the duration's integer goes.
std::string bad_body() {
    std::string text(sample);
    const std::string from = "\"duration\": 161";
    text.replace(text.find(from), from.size(), "\"duration\": true");
    return text;
}

const char* const bad_body_error = "/duration: expected integer or null, got boolean";

int failures = 0;

void check(bool ok, const char* what, int line) {
    if (ok) return;
    std::fprintf(stderr, "test_no_exceptions.cpp:%d: check failed: %s\n", line, what);
    ++failures;
}
#define CHECK(...) check((__VA_ARGS__), #__VA_ARGS__, __LINE__)

signalwire::timestamp at(std::int64_t seconds) { return signalwire::timestamp(std::chrono::seconds(seconds)); }

void check_sample(const signalwire::Call& c) {
    using namespace signalwire;
    CHECK(c.sid == "a18c54f5-b8d1-4014-8f18-96a14dbeaf0c");
    CHECK(c.account_sid == "692fc6cb-18de-4ea6-b8d7-fc7d54f21474");
    CHECK(c.date_created == at(1755007387));  // Tue, 12 Aug 2025 14:03:07 +0000
    CHECK(c.end_time == at(1755007551));
    CHECK(!c.parent_call_sid);
    CHECK(c.to == "+13105550142");
    CHECK(c.from == "+14245550198");
    CHECK(c.status == CallStatus::completed);
    CHECK(c.direction == CallDirection::outbound_api);
    CHECK(c.answered_by && *c.answered_by == AnsweredBy::human);
    CHECK(c.duration == 161);
    CHECK(c.price && c.price->text() == "-0.00650");
    CHECK(c.price_unit == "USD");
    CHECK(c.audio_in_mos == 4.3);
    CHECK(c.audio_out_lost == 2);
    CHECK(c.subresource_uris && !c.subresource_uris->notifications);
    CHECK(c.subresource_uris && c.subresource_uris->recordings &&
          c.subresource_uris->recordings->size() == 120);
    CHECK(c.unknown_members.size() == 1 && c.unknown_members.contains("x_unknown"));
}

int run_checks() {
    using namespace signalwire;

    // Text -> Call.
    const decode_result<Call> decoded = decode<Call>(sample);
    CHECK(decoded.has_value());
    if (!decoded) {
        std::fprintf(stderr, "decode failed: %s\n", decoded.error().to_string().c_str());
        return 1;
    }
    const Call& call = *decoded;
    check_sample(call);

    // Call -> text -> Call: the same model, the price with its digits.
    const std::string encoded = encode(call);
    CHECK(encoded.find(R"("price":-0.00650,)") != std::string::npos);
    CHECK(encoded.find(R"("status":"completed",)") != std::string::npos);
    CHECK(encoded.find(R"("x_unknown":[1,{"kept":true}])") != std::string::npos);
    const decode_result<Call> again = decode<Call>(encoded);
    CHECK(again.has_value() && *again == call);

    // A DOM both ways (a DOM holds the price as a double: its value is kept, not its digits).
    const boost::json::value dom = boost::json::value_from(call);
    const decode_result<Call> from_dom = decode<Call>(dom);
    CHECK(from_dom.has_value());
    if (from_dom) {
        Call same = *from_dom;
        CHECK(same.price && compare(*same.price, *call.price) == 0);
        same.price = call.price;
        CHECK(same == call);
    }
    const Call converted = boost::json::value_to<Call>(dom);  // no error: nothing thrown
    CHECK(converted.sid == call.sid && converted.status == call.status);
    CHECK(boost::json::value_from(CallStatus::in_progress) == boost::json::value("in-progress"));

    // A bad body: reported in the result, nothing thrown.
    const decode_result<Call> bad = decode<Call>(bad_body());
    CHECK(!bad.has_value());
    if (!bad) {
        CHECK(bad.error().pointer == "/duration");
        CHECK(bad.error().to_string() == bad_body_error);
        if (bad.error().to_string() != bad_body_error)
            std::fprintf(stderr, "  error was: %s\n", bad.error().to_string().c_str());
    }
    const decode_result<Call> not_json = decode<Call>("{\"sid\":");
    CHECK(!not_json.has_value());

    // decimal's non-throwing API.
    decimal d;
    std::string error;
    CHECK(!decimal::parse("1.", d, error) && error == "missing digits after '.'");
    CHECK(decimal::parse("-0.200", d, error) && d.text() == "-0.200");
    CHECK(decimal::from_string("2.50").text() == "2.50");
    CHECK(decimal::from_double(0.0065).text() == "0.0065");

    // Requests (request.hpp): built, and refused, through results only.
    const RetrieveCall retrieve{call.account_sid, call.sid};
    CHECK(retrieve.target().has_value() &&
          *retrieve.target() == "/api/laml/2010-04-01/Accounts/" + call.account_sid + "/Calls/" + call.sid + ".json");
    ListCalls list{call.account_sid};
    list.to = "+1 555";
    list.start_time_after = date::parse("2024-02-29").value();
    list.page_size = 1001;
    CHECK(!list.target().has_value() && list.target().error().to_string() == "PageSize: must be 1 to 1000, not 1001");
    list.page_size = 20;
    CHECK(list.query().has_value() && *list.query() == "To=%2B1%20555&StartTime%3E=2024-02-29&PageSize=20");
    CHECK(!date::parse("2024-02-30").has_value());

    if (failures == 0) std::printf("ok: decoded, checked, encoded and decoded back; bad body: %s\n", bad_body_error);
    return failures == 0 ? 0 : 1;
}

// Each calls a throwing entry point with bad input: with exceptions off, this program's
// boost::throw_exception prints what() and aborts; with them on, the exception is not
// caught and std::terminate aborts.
int run_thrower(std::string_view name) {
    using namespace signalwire;
    if (name == "decode_result::value") {
        const Call c = decode<Call>(bad_body()).value();
        std::printf("returned: %s\n", c.sid.c_str());
    } else if (name == "value_to<Call>") {
        const Call c = boost::json::value_to<Call>(boost::json::parse(bad_body()));
        std::printf("returned: %s\n", c.sid.c_str());
    } else if (name == "value_to<CallStatus>") {
        const CallStatus s = boost::json::value_to<CallStatus>(boost::json::value("no-such-status"));
        std::printf("returned: %d\n", static_cast<int>(s));
    } else if (name == "value_to<open_enum>") {
        const open_enum<CallStatus> s = boost::json::value_to<open_enum<CallStatus>>(boost::json::value(5));
        std::printf("returned: %s\n", std::string(s.wire_name()).c_str());
    } else if (name == "decimal::from_string") {
        std::printf("returned: %s\n", std::string(decimal::from_string("1.").text()).c_str());
    } else if (name == "decimal::from_double") {
        std::printf("returned: %s\n", std::string(decimal::from_double(std::numeric_limits<double>::infinity()).text()).c_str());
    } else {
        std::fprintf(stderr, "unknown thrower %s\n", std::string(name).c_str());
        return 2;
    }
    return 0;  // not reached
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2) return run_thrower(argv[1]);
    return run_checks();
}
