// Requests of the endpoints (request.hpp and the request types of the generated header):
// exact paths and queries for every parameter and every kind of text that changes the
// encoding, and the exact refusal of every request that cannot be valid. Schema facts
// (parameter names, order, bounds, statuses) are read from endpoint_traits where a test
// goes over them, so a schema change is tested without editing the tests.
#include <signalwire/request.hpp>  // first: it compiles on its own

#include <signalwire/call.hpp>

#include "test_data.hpp"

#include <doctest/doctest.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

using namespace signalwire;
using test_support::data_dir;
using test_support::read_file;

namespace {

const std::string account = "b3877c40-da60-4998-90ad-b792e98472af";
const std::string call_sid = "CAdeadbeefdeadbeefdeadbeefdeadbeef";
const std::string base = "/api/laml/2010-04-01/Accounts/" + account;
const std::string sid_rule = "must be a sid (1 to 64 ASCII letters, digits and '-'), not ";

date day(std::string_view text) { return date::parse(text).value(); }

/// The error of a request, the same from validate(), path(), query() and target(): no
/// URL, no path and no query exist for an invalid request.
template <class R>
std::string refusal(const R& r) {
    const auto v = r.validate();
    const auto p = r.path();
    const auto q = r.query();
    const auto t = r.target();
    REQUIRE(v.has_error());
    REQUIRE(p.has_error());
    REQUIRE(q.has_error());
    REQUIRE(t.has_error());
    CHECK(p.error() == v.error());
    CHECK(q.error() == v.error());
    CHECK(t.error() == v.error());
    return v.error().to_string();
}

template <class R>
std::string target_of(const R& r) {
    const auto t = r.target();
    REQUIRE_MESSAGE(t.has_value(), t.error().to_string());
    return *t;
}

template <class R>
std::string query_of(const R& r) {
    const auto q = r.query();
    REQUIRE_MESSAGE(q.has_value(), q.error().to_string());
    return *q;
}

ListCalls list() {
    ListCalls r;
    r.account_sid = account;
    return r;
}

}  // namespace

TEST_CASE("percent_encode: RFC 3986 unreserved characters kept, every other byte %XX in upper case") {
    CHECK(percent_encode("") == "");
    CHECK(percent_encode("AZaz09-._~") == "AZaz09-._~");
    CHECK(percent_encode("+13105678901") == "%2B13105678901");
    CHECK(percent_encode("a b") == "a%20b");
    CHECK(percent_encode("&=/#%?+") == "%26%3D%2F%23%25%3F%2B");
    CHECK(percent_encode("StartTime<") == "StartTime%3C");
    CHECK(percent_encode("StartTime>") == "StartTime%3E");
    CHECK(percent_encode("caf\xC3\xA9") == "caf%C3%A9");                 // é: its UTF-8 bytes
    CHECK(percent_encode("\xF0\x9F\x98\x80") == "%F0%9F%98%80");          // an emoji, 4 bytes
    CHECK(percent_encode(std::string_view("\0\x7F\xFF", 3)) == "%00%7F%FF");  // bytes as bytes, valid UTF-8 or not
    CHECK(percent_encode("sip:kevin@example.com") == "sip%3Akevin%40example.com");
    // Every byte: unreserved as itself, the rest as three characters that decode back to it.
    for (int b = 0; b < 256; ++b) {
        const char c = static_cast<char>(b);
        const std::string encoded = percent_encode(std::string_view(&c, 1));
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            CHECK(encoded == std::string(1, c));
        } else {
            REQUIRE(encoded.size() == 3);
            CHECK(encoded[0] == '%');
            CHECK(std::stoi(encoded.substr(1), nullptr, 16) == b);
            CHECK(encoded.find_first_of("abcdef") == std::string::npos);
        }
    }
}

TEST_CASE("date: YYYY-MM-DD, a real day of years 1 to 9999") {
    CHECK(day("2024-01-31").to_string() == "2024-01-31");
    CHECK(day("2024-02-29").to_string() == "2024-02-29");  // leap year
    CHECK(day("2000-02-29").to_string() == "2000-02-29");  // divisible by 400
    CHECK(day("0001-01-01").to_string() == "0001-01-01");
    CHECK(day("9999-12-31").to_string() == "9999-12-31");
    const date d = day("2018-09-19");
    CHECK(d.year() == 2018);
    CHECK(d.month() == 9u);
    CHECK(d.day() == 19u);
    CHECK(date().to_string() == "1970-01-01");
    CHECK(day("2018-09-19") == date::from_ymd(2018, 9, 19).value());
    CHECK(day("2018-09-19") < day("2018-09-20"));
    CHECK(day("2017-12-31") < day("2018-01-01"));
    CHECK(day("2018-01-31") < day("2018-02-01"));
    CHECK(day("2018-01-31") != day("2018-02-01"));

    auto parse_error = [](std::string_view text) { return date::parse(text).error().to_string(); };
    CHECK(parse_error("") == R"(expected a date YYYY-MM-DD, got "")");
    CHECK(parse_error("2024-1-31") == R"(expected a date YYYY-MM-DD, got "2024-1-31")");
    CHECK(parse_error("2024-01-31T00:00:00Z") == R"(expected a date YYYY-MM-DD, got "2024-01-31T00:00:00Z")");
    CHECK(parse_error("2024/01/31") == R"(expected a date YYYY-MM-DD, got "2024/01/31")");
    CHECK(parse_error(" 2024-01-3") == R"(expected a date YYYY-MM-DD, got " 2024-01-3")");
    CHECK(parse_error("+024-01-31") == R"(expected a date YYYY-MM-DD, got "+024-01-31")");
    CHECK(parse_error("Wed, 19 Sep") == R"(expected a date YYYY-MM-DD, got "Wed, 19 Sep")");
    CHECK(parse_error("2024-01-3\n") == R"(expected a date YYYY-MM-DD, got "2024-01-3\n")");
    CHECK(parse_error("2024-02-30") == "day must be 1 to 29 in 2024-02, not 30");
    CHECK(parse_error("2023-02-29") == "day must be 1 to 28 in 2023-02, not 29");
    CHECK(parse_error("1900-02-29") == "day must be 1 to 28 in 1900-02, not 29");
    CHECK(parse_error("2024-04-31") == "day must be 1 to 30 in 2024-04, not 31");
    CHECK(parse_error("2024-01-00") == "day must be 1 to 31 in 2024-01, not 0");
    CHECK(parse_error("2024-13-01") == "month must be 1 to 12, not 13");
    CHECK(parse_error("2024-00-01") == "month must be 1 to 12, not 0");
    CHECK(parse_error("0000-01-01") == "year must be 1 to 9999, not 0");
    CHECK(date::from_ymd(10000, 1, 1).error().to_string() == "year must be 1 to 9999, not 10000");
    CHECK(date::from_ymd(-5, 1, 1).error().to_string() == "year must be 1 to 9999, not -5");
    CHECK(date::parse("2024-02-30").error().parameter.empty());

    using std::chrono::seconds;
    CHECK(date::from_timestamp(timestamp(seconds(0))).value() == day("1970-01-01"));
    CHECK(date::from_timestamp(timestamp(seconds(-1))).value() == day("1969-12-31"));
    CHECK(date::from_timestamp(timestamp(seconds(1537387200))).value() == day("2018-09-19"));  // 20:00 UTC
    CHECK(date::from_timestamp(timestamp(seconds(253402300799))).value() == day("9999-12-31"));
    CHECK(date::from_timestamp(timestamp(seconds(253402300800))).error().to_string() ==
          "the timestamp is outside the years 1 to 9999");
}

TEST_CASE("request_error and request_result") {
    const request_error e{"PageSize", "must be 1 to 1000, not 0"};
    CHECK(e.to_string() == "PageSize: must be 1 to 1000, not 0");
    CHECK(request_error{"", "x"}.to_string() == "x");
    CHECK(e == request_error{"PageSize", "must be 1 to 1000, not 0"});
    CHECK(e != request_error{"Page", "must be 1 to 1000, not 0"});
    ListCalls r = list();
    r.page_size = 0;
    CHECK_THROWS_WITH_AS(r.target().value(), "PageSize: must be 1 to 1000, not 0", request_exception);
    try {
        (void)r.path().value();
    } catch (const request_exception& x) {
        CHECK(x.error() == request_error{"PageSize", "must be 1 to 1000, not 0"});
    }
}

TEST_CASE("endpoint_traits: what the schema says, as the spec names it") {
    using retrieve = endpoint_traits<RetrieveCall>;
    using listing = endpoint_traits<ListCalls>;
    static_assert(is_endpoint_v<RetrieveCall> && is_endpoint_v<ListCalls>);
    static_assert(!is_endpoint_v<Call> && !is_endpoint_v<CallList> && !is_endpoint_v<int>);
    static_assert(retrieve::id == "retrieve_a_call" && listing::id == "list_all_calls");
    static_assert(retrieve::summary == "Retrieve a Call" && listing::summary == "List all Calls");
    static_assert(retrieve::method == "GET" && listing::method == "GET");
    static_assert(retrieve::path == "/Accounts/{AccountSid}/Calls/{Sid}");
    static_assert(listing::path == "/Accounts/{AccountSid}/Calls");
    static_assert(retrieve::scopes.size() == 1 && retrieve::scopes[0] == "Voice");
    static_assert(listing::scopes.size() == 1 && listing::scopes[0] == "Voice");
    static_assert(std::is_same_v<retrieve::response, Call> && std::is_same_v<RetrieveCall::response, Call>);
    static_assert(std::is_same_v<listing::response, CallList> && std::is_same_v<ListCalls::response, CallList>);
    static_assert(std::is_same_v<retrieve::responses,
                                 std::tuple<status_response<200, Call>, status_response<400, ErrorResponse>,
                                            status_response<401, ErrorResponse>, status_response<404, ErrorResponse>>>);
    static_assert(std::is_same_v<listing::responses,
                                 std::tuple<status_response<200, CallList>, status_response<400, ErrorResponse>,
                                            status_response<401, ErrorResponse>, status_response<422, ErrorResponse>>>);
    static_assert(std::tuple_size_v<decltype(retrieve::path_params)> == 2);
    static_assert(std::tuple_size_v<decltype(retrieve::query_params)> == 0);
    static_assert(std::tuple_size_v<decltype(listing::path_params)> == 1);
    static_assert(std::tuple_size_v<decltype(listing::query_params)> == 13);
    static_assert(RetrieveCall::method() == "GET" && ListCalls::method() == "GET");
    static_assert(RetrieveCall::scopes()[0] == "Voice" && ListCalls::scopes()[0] == "Voice");

    // The query parameters of List Calls, in the schema's order, with their members.
    std::vector<std::string> names, members;
    std::apply([&](const auto&... p) { ((names.emplace_back(p.name), members.emplace_back(p.member_name)), ...); },
               listing::query_params);
    CHECK(names == std::vector<std::string>{"To", "From", "ParentCallSid", "Status", "StartTime", "StartTime<",
                                            "StartTime>", "EndTime", "EndTime<", "EndTime>", "Page", "PageSize",
                                            "PageToken"});
    CHECK(members == std::vector<std::string>{"to", "from", "parent_call_sid", "status", "start_time",
                                              "start_time_before", "start_time_after", "end_time", "end_time_before",
                                              "end_time_after", "page", "page_size", "page_token"});
    const auto& page_size = std::get<11>(listing::query_params);
    CHECK(page_size.kind == param_kind::integer);
    CHECK(page_size.minimum == 1);
    CHECK(page_size.maximum == 1000);
    CHECK(page_size.default_value == 50);
    const auto& page = std::get<10>(listing::query_params);
    CHECK(page.minimum == 0);
    CHECK(!page.maximum);
    CHECK(std::get<0>(retrieve::path_params).kind == param_kind::sid);
    CHECK(std::get<1>(retrieve::path_params).name == "Sid");
}

TEST_CASE("RetrieveCall: method, path, query, target, scopes") {
    const RetrieveCall r{account, call_sid};
    CHECK(r.method() == "GET");
    CHECK(r.scopes() == std::array<std::string_view, 1>{"Voice"});
    CHECK(r.validate().has_value());
    CHECK(*r.path() == base + "/Calls/" + call_sid + ".json");
    CHECK(*r.query() == "");
    CHECK(target_of(r) == base + "/Calls/" + call_sid + ".json");
    CHECK(r == RetrieveCall{account, call_sid});
    CHECK(r != RetrieveCall{account, "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"});
    // Sids as real bodies and the spec's examples have them.
    for (const char* sid : {"b3877c40-da60-4998-90ad-b792e98472pa", "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX",
                            "4f1b2c3d-0a1b-4c2d-8e3f-405162738495", "CA1", "a"}) {
        CAPTURE(sid);
        CHECK(target_of(RetrieveCall{account, sid}) == base + "/Calls/" + sid + ".json");
    }
    const std::string longest(64, 'a');
    CHECK(target_of(RetrieveCall{longest, longest}) == "/api/laml/2010-04-01/Accounts/" + longest + "/Calls/" + longest + ".json");
}

TEST_CASE("RetrieveCall: the sid and account sid of every real body make a request to the call's own path") {
    int seen = 0;
    for (const auto& path : test_support::files_below(data_dir() / "fixtures", ".json")) {
        const std::string text = read_file(path);
        std::vector<Call> calls;
        if (auto c = decode<Call>(text)) calls.push_back(*c);
        if (auto page = decode<CallList>(text)) calls.insert(calls.end(), page->calls.begin(), page->calls.end());
        for (const Call& c : calls) {
            CAPTURE(path.string());
            CAPTURE(c.sid);
            const RetrieveCall r{c.account_sid, c.sid};
            CHECK(target_of(r) == "/api/laml/2010-04-01/Accounts/" + c.account_sid + "/Calls/" + c.sid + ".json");
            // Each body's own uri is below the same account (SignalWire's fixtures mask the call sid
            // in it differently from the body's `sid`).
            CHECK(c.uri.find("/Accounts/" + c.account_sid + "/Calls/") != std::string::npos);
            ++seen;
        }
    }
    CHECK(seen >= 6);
}

TEST_CASE("RetrieveCall: refused with the parameter and the reason") {
    CHECK(refusal(RetrieveCall{"", call_sid}) == "AccountSid: must not be empty");
    CHECK(refusal(RetrieveCall{account, ""}) == "Sid: must not be empty");
    CHECK(refusal(RetrieveCall{"", ""}) == "AccountSid: must not be empty");  // the first, in schema order
    CHECK(refusal(RetrieveCall{account, "../x"}) == "Sid: " + sid_rule + R"("../x")");
    CHECK(refusal(RetrieveCall{account, ".."}) == "Sid: " + sid_rule + R"("..")");
    CHECK(refusal(RetrieveCall{account, "CA1/Recordings"}) == "Sid: " + sid_rule + R"("CA1/Recordings")");
    CHECK(refusal(RetrieveCall{account, "CA1?x=1"}) == "Sid: " + sid_rule + R"("CA1?x=1")");
    CHECK(refusal(RetrieveCall{account, "CA1#x"}) == "Sid: " + sid_rule + R"("CA1#x")");
    CHECK(refusal(RetrieveCall{account, "CA%2F1"}) == "Sid: " + sid_rule + R"("CA%2F1")");
    CHECK(refusal(RetrieveCall{account, "CA 1"}) == "Sid: " + sid_rule + R"("CA 1")");
    CHECK(refusal(RetrieveCall{account, "CA_1"}) == "Sid: " + sid_rule + R"("CA_1")");
    CHECK(refusal(RetrieveCall{account, "CA1\n"}) == "Sid: " + sid_rule + R"("CA1\n")");
    CHECK(refusal(RetrieveCall{account, "caf\xC3\xA9"}) == "Sid: " + sid_rule + "\"caf\xC3\xA9\"");
    CHECK(refusal(RetrieveCall{account, std::string("CA\0", 3)}) == "Sid: " + sid_rule + R"("CA\u0000")");
    CHECK(refusal(RetrieveCall{"AC/1", call_sid}) == "AccountSid: " + sid_rule + R"("AC/1")");
    // Longer than 64: refused, the value shown cut after 40 bytes.
    CHECK(refusal(RetrieveCall{account, std::string(65, 'a')}) ==
          "Sid: " + sid_rule + "\"" + std::string(40, 'a') + "...\"");
}

TEST_CASE("ListCalls: no filter, no query") {
    const ListCalls r = list();
    CHECK(r.method() == "GET");
    CHECK(r.scopes()[0] == "Voice");
    CHECK(*r.path() == base + "/Calls.json");
    CHECK(query_of(r) == "");
    CHECK(target_of(r) == base + "/Calls.json");
    CHECK(refusal(ListCalls{}) == "AccountSid: must not be empty");
}

TEST_CASE("ListCalls: each parameter alone, exactly") {
    struct one_case {
        void (*set)(ListCalls&);
        const char* query;
    };
    const one_case cases[] = {
        {[](ListCalls& r) { r.to = "+13105678901"; }, "To=%2B13105678901"},
        {[](ListCalls& r) { r.from = "+13103384645"; }, "From=%2B13103384645"},
        {[](ListCalls& r) { r.parent_call_sid = "CAdeadbeefdeadbeefdeadbeefdeadbeee"; },
         "ParentCallSid=CAdeadbeefdeadbeefdeadbeefdeadbeee"},
        {[](ListCalls& r) { r.status = CallStatus::in_progress; }, "Status=in-progress"},
        {[](ListCalls& r) { r.start_time = day("2024-01-31"); }, "StartTime=2024-01-31"},
        {[](ListCalls& r) { r.start_time_before = day("2024-01-31"); }, "StartTime%3C=2024-01-31"},
        {[](ListCalls& r) { r.start_time_after = day("2024-01-31"); }, "StartTime%3E=2024-01-31"},
        {[](ListCalls& r) { r.end_time = day("2024-02-29"); }, "EndTime=2024-02-29"},
        {[](ListCalls& r) { r.end_time_before = day("2024-02-29"); }, "EndTime%3C=2024-02-29"},
        {[](ListCalls& r) { r.end_time_after = day("2024-02-29"); }, "EndTime%3E=2024-02-29"},
        {[](ListCalls& r) { r.page = 0; }, "Page=0"},
        {[](ListCalls& r) { r.page = 3; }, "Page=3"},
        {[](ListCalls& r) { r.page = std::numeric_limits<std::int32_t>::max(); }, "Page=2147483647"},
        {[](ListCalls& r) { r.page_size = 1; }, "PageSize=1"},
        {[](ListCalls& r) { r.page_size = 50; }, "PageSize=50"},
        {[](ListCalls& r) { r.page_size = 1000; }, "PageSize=1000"},
        {[](ListCalls& r) { r.page_token = "PAxyz"; }, "PageToken=PAxyz"},
    };
    std::set<std::string> names;
    for (const one_case& c : cases) {
        ListCalls r = list();
        c.set(r);
        CAPTURE(c.query);
        CHECK(query_of(r) == c.query);
        CHECK(target_of(r) == base + "/Calls.json?" + c.query);
        CHECK(*r.path() == base + "/Calls.json");
        names.insert(std::string(c.query).substr(0, std::string(c.query).find('=')));
    }
    // Every query parameter of the traits has a case above, by its encoded name.
    std::vector<std::string> missing;
    std::apply([&](const auto&... p) { ((names.count(percent_encode(p.name)) ? void() : void(missing.emplace_back(p.name))), ...); },
               endpoint_traits<ListCalls>::query_params);
    CHECK(missing.empty());
}

TEST_CASE("ListCalls: text that changes the encoding, in every text parameter") {
    const std::pair<std::string, std::string> texts[] = {
        {"+1 310 567 8901", "%2B1%20310%20567%208901"},
        {"a&b=c", "a%26b%3Dc"},
        {"sip:kevin@example.com/x#y", "sip%3Akevin%40example.com%2Fx%23y"},
        {"100%", "100%25"},
        {"?&=+#/%", "%3F%26%3D%2B%23%2F%25"},
        {"Jos\xC3\xA9 \xE2\x98\x8E", "Jos%C3%A9%20%E2%98%8E"},
        {"", ""},
        {"kevin", "kevin"},
        {"a~b.c_d-e", "a~b.c_d-e"},
        {"line\nbreak\t", "line%0Abreak%09"},
    };
    for (const auto& item : texts) {
        const std::string& text = item.first;  // not a structured binding: clang 14's CAPTURE cannot take one
        const std::string& encoded = item.second;
        CAPTURE(text);
        ListCalls r = list();
        r.to = text;
        CHECK(query_of(r) == "To=" + encoded);
        r = list();
        r.from = text;
        CHECK(query_of(r) == "From=" + encoded);
        r = list();
        r.page_token = text;
        CHECK(query_of(r) == "PageToken=" + encoded);
        r = list();
        r.status = open_enum<CallStatus>::from_wire(text);
        if (text.empty())
            CHECK(refusal(r) == "Status: must not be empty");
        else
            CHECK(query_of(r) == "Status=" + encoded);
        // Path parameters are sids: the same text is refused there (but a plain word).
        const RetrieveCall retrieve{account, text};
        if (text == "kevin")
            CHECK(target_of(retrieve) == base + "/Calls/kevin.json");
        else
            CHECK(retrieve.target().has_error());
    }
    // Both addresses, with an empty one: each is sent as set.
    ListCalls r = list();
    r.to = "";
    r.from = "+1";
    CHECK(target_of(r) == base + "/Calls.json?To=&From=%2B1");
}

TEST_CASE("ListCalls: every filter at once, in schema order") {
    ListCalls r = list();
    r.page_token = "PB1";
    r.page_size = 20;
    r.page = 2;
    r.end_time_after = day("2024-03-01");
    r.end_time_before = day("2024-03-31");
    r.end_time = day("2024-03-15");
    r.start_time_after = day("2024-02-01");
    r.start_time_before = day("2024-02-29");
    r.start_time = day("2024-02-15");
    r.status = open_enum<CallStatus>::from_wire("not-yet-known");
    r.parent_call_sid = "b3877c40-da60-4998-90ad-b792e98472ca";
    r.from = "sip:a b@c";
    r.to = "+13105678901";
    const std::string query =
        "To=%2B13105678901&From=sip%3Aa%20b%40c&ParentCallSid=b3877c40-da60-4998-90ad-b792e98472ca"
        "&Status=not-yet-known&StartTime=2024-02-15&StartTime%3C=2024-02-29&StartTime%3E=2024-02-01"
        "&EndTime=2024-03-15&EndTime%3C=2024-03-31&EndTime%3E=2024-03-01&Page=2&PageSize=20&PageToken=PB1";
    CHECK(query_of(r) == query);
    CHECK(target_of(r) == base + "/Calls.json?" + query);
    CHECK(r == r);
    ListCalls other = r;
    other.page = 3;
    CHECK(other != r);
}

TEST_CASE("ListCalls: refused with the parameter and the reason") {
    auto with = [](void (*set)(ListCalls&)) {
        ListCalls r = list();
        set(r);
        return refusal(r);
    };
    CHECK(with([](ListCalls& r) { r.page = -1; }) == "Page: must be at least 0, not -1");
    CHECK(with([](ListCalls& r) { r.page = std::numeric_limits<std::int32_t>::min(); }) ==
          "Page: must be at least 0, not -2147483648");
    CHECK(with([](ListCalls& r) { r.page_size = 0; }) == "PageSize: must be 1 to 1000, not 0");
    CHECK(with([](ListCalls& r) { r.page_size = -5; }) == "PageSize: must be 1 to 1000, not -5");
    CHECK(with([](ListCalls& r) { r.page_size = 1001; }) == "PageSize: must be 1 to 1000, not 1001");
    CHECK(with([](ListCalls& r) { r.page_size = std::numeric_limits<std::int32_t>::max(); }) ==
          "PageSize: must be 1 to 1000, not 2147483647");
    CHECK(with([](ListCalls& r) { r.parent_call_sid = ""; }) == "ParentCallSid: must not be empty");
    CHECK(with([](ListCalls& r) { r.parent_call_sid = "../x"; }) == "ParentCallSid: " + sid_rule + R"("../x")");
    CHECK(with([](ListCalls& r) { r.status = open_enum<CallStatus>::from_wire(""); }) == "Status: must not be empty");
    CHECK(with([](ListCalls& r) { r.account_sid = "a b"; }) == "AccountSid: " + sid_rule + R"("a b")");
    // Several problems: the first in schema order (path parameters, then the query's).
    CHECK(with([](ListCalls& r) {
              r.page_size = 0;
              r.page = -1;
          }) == "Page: must be at least 0, not -1");
    CHECK(with([](ListCalls& r) {
              r.page_size = 0;
              r.account_sid.clear();
          }) == "AccountSid: must not be empty");
}

TEST_CASE("ListCalls: the integer bounds of the traits, at and past each edge") {
    std::apply(
        [](const auto&... p) {
            auto check_bounds = [](const auto& param) {
                using member = typename std::decay_t<decltype(param)>::member_type;
                if constexpr (std::is_same_v<member, std::optional<std::int32_t>>) {
                    CAPTURE(param.name);
                    const std::string name(param.name);
                    auto at = [&](std::int64_t v) {
                        ListCalls r = list();
                        r.*(param.member) = static_cast<std::int32_t>(v);
                        return r;
                    };
                    if (param.minimum) {
                        CHECK(query_of(at(*param.minimum)) == percent_encode(name) + "=" + std::to_string(*param.minimum));
                        CHECK(refusal(at(*param.minimum - 1)).rfind(name + ": must be ", 0) == 0);
                    }
                    if (param.maximum) {
                        CHECK(query_of(at(*param.maximum)) == percent_encode(name) + "=" + std::to_string(*param.maximum));
                        CHECK(refusal(at(*param.maximum + 1)).rfind(name + ": must be ", 0) == 0);
                    }
                    if (param.default_value) CHECK(query_of(at(*param.default_value)).size() > name.size());
                }
            };
            (check_bounds(p), ...);
        },
        endpoint_traits<ListCalls>::query_params);
}
