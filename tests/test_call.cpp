// The generated models: every field, enum value and optional case, written to an
// exact JSON string and read back (write -> compare string -> read -> compare object).
#include <signalwire/call.hpp>  // first: the generated header compiles on its own

#include "model_helpers.hpp"
#include "schema_bodies.hpp"

#include <doctest/doctest.h>

#include <boost/describe/enum.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <boost/mp11/algorithm.hpp>

#include <string>
#include <string_view>
#include <type_traits>

using namespace signalwire;
using test_support::at;
using test_support::decoded;

namespace {

// Every Call field with a distinct value, in schema order: the canonical encoding.
const std::string full_call =
    R"({"sid":"b3877c40-da60-4998-90ad-b792e98472ca","account_sid":"b3877c40-da60-4998-90ad-b792e98472af",)"
    R"("date_created":"Wed, 19 Sep 2018 20:00:00 +0000","date_updated":"Wed, 19 Sep 2018 21:00:00 +0000",)"
    R"("parent_call_sid":"b3877c40-da60-4998-90ad-b792e98472cb","to":"+13105678901","formatted_to":"(310) 567-8901",)"
    R"("to_formatted":"(310) 567-8902","from":"sip:alice@example.com","formatted_from":"(310) 338-4645",)"
    R"("from_formatted":"(310) 338-4646","phone_number_sid":"b3877c40-da60-4998-90ad-b792e98472pn",)"
    R"("status":"in-progress","start_time":"Wed, 19 Sep 2018 20:00:01 +0000","end_time":"Fri, 21 Sep 2018 10:00:00 +0000",)"
    R"("duration":20,"price":-0.03000,"price_unit":"USD","direction":"outbound-dial","answered_by":"machine",)"
    R"("api_version":"2010-04-01","forwarded_from":"+13102259067","caller_name":"ALICE","uri":"/api/laml/calls/1.json",)"
    R"("subresource_uris":{"notifications":"/n.json","recordings":"/r.json"},"annotation":"billing-tag",)"
    R"("group_sid":"GP1","sip_result_code":"200","audio_in_mos":4.5,"audio_rtt_avg":50,"audio_rtt_min":20,)"
    R"("audio_rtt_max":100,"audio_out_jitter_min":1,"audio_out_jitter_max":10,"audio_out_jitter_avg":5,)"
    R"("audio_out_lost":0})";

// Only the required members.
const std::string minimal_call = test_support::minimal_call_members + "}";

}  // namespace

TEST_CASE("every Call field decodes to its typed member") {
    const Call c = decoded<Call>(full_call);
    CHECK(c.sid == "b3877c40-da60-4998-90ad-b792e98472ca");
    CHECK(c.account_sid == "b3877c40-da60-4998-90ad-b792e98472af");
    CHECK(c.date_created == at(1537387200));
    CHECK(c.date_updated == at(1537390800));
    CHECK(c.parent_call_sid == "b3877c40-da60-4998-90ad-b792e98472cb");
    CHECK(c.to == "+13105678901");
    CHECK(c.formatted_to == "(310) 567-8901");
    CHECK(c.to_formatted == "(310) 567-8902");
    CHECK(c.from == "sip:alice@example.com");
    CHECK(c.formatted_from == "(310) 338-4645");
    CHECK(c.from_formatted == "(310) 338-4646");
    CHECK(c.phone_number_sid == "b3877c40-da60-4998-90ad-b792e98472pn");
    CHECK(c.status == CallStatus::in_progress);
    CHECK(c.start_time == at(1537387201));
    CHECK(c.end_time == at(1537524000));
    CHECK(c.duration == 20);
    REQUIRE(c.price);
    CHECK(c.price->text() == "-0.03000");
    CHECK(c.price_unit == "USD");
    CHECK(c.direction == CallDirection::outbound_dial);
    CHECK(c.answered_by == open_enum<AnsweredBy>(AnsweredBy::machine));
    CHECK(c.api_version == "2010-04-01");
    CHECK(c.forwarded_from == "+13102259067");
    CHECK(c.caller_name == "ALICE");
    CHECK(c.uri == "/api/laml/calls/1.json");
    REQUIRE(c.subresource_uris);
    CHECK(c.subresource_uris->notifications == "/n.json");
    CHECK(c.subresource_uris->recordings == "/r.json");
    CHECK(c.annotation == "billing-tag");
    CHECK(c.group_sid == "GP1");
    CHECK(c.sip_result_code == "200");
    CHECK(c.audio_in_mos == 4.5);
    CHECK(c.audio_rtt_avg == 50);
    CHECK(c.audio_rtt_min == 20);
    CHECK(c.audio_rtt_max == 100);
    CHECK(c.audio_out_jitter_min == 1);
    CHECK(c.audio_out_jitter_max == 10);
    CHECK(c.audio_out_jitter_avg == 5);
    CHECK(c.audio_out_lost == 0);
    CHECK(c.unknown_members.empty());
}

TEST_CASE("a full Call encodes to its exact canonical JSON and reads back equal") {
    const Call c = decoded<Call>(full_call);
    // full_call in schema order, with null for any nullable member it lacks (object_traits).
    CHECK(encode(c) == test_support::encoded_with_only<Call>(full_call));
    CHECK(decoded<Call>(encode(c)) == c);
}

TEST_CASE("a Call built in C++ encodes exactly") {
    Call c;
    c.sid = "s";
    c.account_sid = "a";
    c.date_created = at(0);
    c.date_updated = at(1);
    c.to = "+1";
    c.from = "+2";
    c.status = CallStatus::queued;
    c.direction = CallDirection::inbound;
    c.uri = "/u";
    // Nullable members are written as null when empty; other optional ones are left out.
    CHECK(encode(c) == test_support::minimal_call_encoded);
    CHECK(decoded<Call>(encode(c)) == c);
    CHECK(decoded<Call>(minimal_call) == c);
}

TEST_CASE("optional members: absent, null and empty string") {
    SUBCASE("absent members stay empty") {
        const Call c = decoded<Call>(minimal_call);
        CHECK_FALSE(c.parent_call_sid);
        CHECK_FALSE(c.formatted_to);
        CHECK_FALSE(c.duration);
        CHECK_FALSE(c.price);
        CHECK_FALSE(c.subresource_uris);
        CHECK_FALSE(c.audio_in_mos);
    }
    SUBCASE("null in a nullable member is empty") {
        std::string json = minimal_call;
        json.insert(json.size() - 1, R"(,"price":null,"answered_by":null,"start_time":null,"audio_rtt_avg":null)");
        const Call c = decoded<Call>(json);
        CHECK_FALSE(c.price);
        CHECK_FALSE(c.answered_by);
        CHECK_FALSE(c.start_time);
        CHECK_FALSE(c.audio_rtt_avg);
    }
    SUBCASE("an empty string in an optional member is absent, in both modes for string types") {
        std::string json = minimal_call;
        json.insert(json.size() - 1, R"(,"phone_number_sid":"","caller_name":"","formatted_to":"","answered_by":"","end_time":"")");
        for (bool strict : {false, true}) {
            const Call c = decoded<Call>(json, decode_options{strict});
            CHECK_FALSE(c.phone_number_sid);
            CHECK_FALSE(c.caller_name);
            CHECK_FALSE(c.formatted_to);
            CHECK_FALSE(c.answered_by);
            CHECK_FALSE(c.end_time);
        }
    }
    SUBCASE("an empty string in an optional numeric member is absent in lenient mode only") {
        std::string json = minimal_call;
        json.insert(json.size() - 1, R"(,"duration":"","price":"","audio_in_mos":"")");
        const Call c = decoded<Call>(json);
        CHECK_FALSE(c.duration);
        CHECK_FALSE(c.price);
        CHECK_FALSE(c.audio_in_mos);
        auto strict = decode<Call>(json, decode_options{true});
        REQUIRE_FALSE(strict);
        CHECK(strict.error().to_string() == R"(/duration: expected integer or null, got string "")");
    }
    SUBCASE("an empty string in a required string member is kept") {
        std::string json = minimal_call;
        json.replace(json.find(R"("to":"+1")"), 9, R"("to":"")");
        CHECK(decoded<Call>(json).to.empty());
    }
}

TEST_CASE("numbers sent as strings decode in lenient mode and encode as numbers") {
    std::string json = minimal_call;
    json.insert(json.size() - 1, R"(,"duration":"15","price":"-0.200","audio_in_mos":"4.25","audio_out_lost":"-3")");
    const Call c = decoded<Call>(json);
    CHECK(c.duration == 15);
    CHECK(c.price->text() == "-0.200");
    CHECK(c.price->to_double() == doctest::Approx(-0.2));
    CHECK(c.audio_in_mos == 4.25);
    CHECK(c.audio_out_lost == -3);
    const std::string out = encode(c);
    CHECK(out.find(R"("duration":15,"price":-0.200,)") != std::string::npos);
    CHECK(out.find(R"("audio_in_mos":4.25,)") != std::string::npos);
    CHECK(out.find(R"("audio_out_lost":-3})") != std::string::npos);
}

TEST_CASE("price keeps its digits, as a number or as a string") {
    for (const char* text : {"0.0065", "-0.03000", "0", "1e-7", "12345678901234567890.000000001"}) {
        CAPTURE(text);
        for (bool quoted : {false, true}) {
            std::string json = minimal_call;
            json.insert(json.size() - 1, std::string(R"(,"price":)") + (quoted ? "\"" : "") + text + (quoted ? "\"" : ""));
            const Call c = decoded<Call>(json);
            CHECK(c.price->text() == text);
            CHECK(encode(c).find(std::string(R"("price":)") + text + ",") != std::string::npos);
        }
    }
}

TEST_CASE("every enum value converts to and from its wire name") {
    auto check_enum = [](auto tag) {
        using E = decltype(tag);
        std::size_t count = 0;
        boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
            ++count;
            const std::string_view wire = to_string(d.value);
            CAPTURE(d.name);
            CHECK_FALSE(wire.empty());
            CHECK(from_string<E>(wire) == d.value);
            CHECK(open_enum<E>::from_wire(wire) == d.value);
        });
        CHECK(count == std::size(enum_traits<E>::names));
    };
    check_enum(CallStatus{});
    check_enum(CallDirection{});
    check_enum(AnsweredBy{});
    CHECK(to_string(CallStatus::in_progress) == "in-progress");
    CHECK(to_string(CallStatus::no_answer) == "no-answer");
    CHECK(to_string(CallDirection::outbound_api) == "outbound-api");
    CHECK(from_string<CallStatus>("in_progress") == std::nullopt);
}

TEST_CASE("every status, direction and answered_by value decodes and encodes back") {
    for (const auto& n : enum_traits<CallStatus>::names) {
        std::string json = minimal_call;
        json.replace(json.find(R"("queued")"), 8, "\"" + std::string(n.wire) + "\"");
        const Call c = decoded<Call>(json, decode_options{true});
        CHECK(c.status == n.value);
        CHECK(encode(c).find("\"status\":\"" + std::string(n.wire) + "\"") != std::string::npos);
    }
    for (const auto& n : enum_traits<CallDirection>::names) {
        std::string json = minimal_call;
        json.replace(json.find(R"("inbound")"), 9, "\"" + std::string(n.wire) + "\"");
        CHECK(decoded<Call>(json, decode_options{true}).direction == n.value);
    }
    for (const auto& n : enum_traits<AnsweredBy>::names) {
        std::string json = minimal_call;
        json.insert(json.size() - 1, ",\"answered_by\":\"" + std::string(n.wire) + "\"");
        CHECK(decoded<Call>(json, decode_options{true}).answered_by == open_enum<AnsweredBy>(n.value));
    }
}

TEST_CASE("an unknown enum value is kept, observable, and encoded back") {
    std::string json = minimal_call;
    json.replace(json.find(R"("inbound")"), 9, R"("trunking")");
    json.insert(json.size() - 1, R"(,"answered_by":"machine_start")");
    const Call c = decoded<Call>(json);
    CHECK_FALSE(c.direction.is_known());
    CHECK(c.direction.wire_name() == "trunking");
    CHECK(c.answered_by->wire_name() == "machine_start");
    CHECK(c.answered_by->known() == std::nullopt);
    const std::string out = encode(c);
    CHECK(out.find(R"("direction":"trunking")") != std::string::npos);
    CHECK(out.find(R"("answered_by":"machine_start")") != std::string::npos);
    CHECK(decoded<Call>(out) == c);
}

TEST_CASE("unknown members are kept, nested values included, and encoded back after the schema's") {
    std::string json = minimal_call;
    json.insert(json.size() - 1,
                R"(,"queue_time":"1000","trunk_sid":null,"nested":{"a":[1,2.5,{"b":true}],"c":{}},"list":[],)"
                R"("subresource_uris":{"recordings":"/r","feedback":"/f","deep":[[["x"]]]})");
    const Call c = decoded<Call>(json);
    CHECK(c.unknown_members.size() == 4);
    CHECK(c.unknown_members.at("queue_time") == "1000");
    CHECK(c.unknown_members.at("trunk_sid").is_null());
    CHECK(c.unknown_members.at("nested") == boost::json::parse(R"({"a":[1,2.5,{"b":true}],"c":{}})"));
    CHECK(c.subresource_uris->unknown_members.at("feedback") == "/f");
    const std::string out = encode(c);
    CHECK(out.find(R"("subresource_uris":{"notifications":null,"recordings":"/r","feedback":"/f","deep":[[["x"]]]})") !=
          std::string::npos);
    const std::string tail = R"("queue_time":"1000","trunk_sid":null,"nested":{"a":[1,2.5,{"b":true}],"c":{}},"list":[]})";
    REQUIRE(out.size() > tail.size());
    CHECK(out.substr(out.size() - tail.size()) == tail);
    CHECK(decoded<Call>(out) == c);
}

TEST_CASE("a list page decodes every call and encodes back") {
    const std::string json = R"({"uri":"/p?Page=1","first_page_uri":"/p?Page=0","next_page_uri":null,)"
                             R"("previous_page_uri":"/p?Page=0","page":1,"page_size":2,"calls":[)" +
                             minimal_call + "," + full_call + R"(],"start":2,"end":3})";
    const CallList page = decoded<CallList>(json);
    CHECK(page.uri == "/p?Page=1");
    CHECK(page.first_page_uri == "/p?Page=0");
    CHECK_FALSE(page.next_page_uri);
    CHECK(page.previous_page_uri == "/p?Page=0");
    CHECK(page.page == 1);
    CHECK(page.page_size == 2);
    REQUIRE(page.calls.size() == 2);
    CHECK(page.calls[0] == decoded<Call>(minimal_call));
    CHECK(page.calls[1] == decoded<Call>(full_call));
    CHECK(page.start == 2);
    CHECK(page.end == 3);
    CHECK(decoded<CallList>(encode(page)) == page);
    CHECK(encode(decoded<CallList>(R"({"uri":"u","first_page_uri":"f","page":0,"page_size":50,"calls":[]})")) ==
          R"({"uri":"u","first_page_uri":"f","next_page_uri":null,"previous_page_uri":null,"page":0,"page_size":50,"calls":[]})");
}

TEST_CASE("boost::json::value_from and value_to work on every generated type") {
    const Call c = decoded<Call>(full_call);
    const boost::json::value v = boost::json::value_from(c);
    CHECK(v.at("status") == "in-progress");
    CHECK(v.at("subresource_uris").at("recordings") == "/r.json");
    Call back = boost::json::value_to<Call>(v);
    // A DOM holds the price as a double: its value survives, its trailing zeros do not.
    CHECK(back.price->text() == "-0.03");
    back.price = c.price;
    CHECK(back == c);

    const CallList page = decoded<CallList>(R"({"uri":"u","first_page_uri":"f","page":0,"page_size":1,"calls":[)" +
                                            minimal_call + "]}");
    CHECK(boost::json::value_to<CallList>(boost::json::value_from(page)) == page);
    const auto uris = boost::json::value_to<CallSubresourceUris>(boost::json::parse(R"({"recordings":"/r"})"));
    CHECK(uris.recordings == "/r");

    CHECK(boost::json::value_from(CallStatus::no_answer) == "no-answer");
    CHECK(boost::json::value_to<CallStatus>(boost::json::value("in-progress")) == CallStatus::in_progress);
    CHECK(boost::json::value_to<open_enum<CallDirection>>(boost::json::value("x")).wire_name() == "x");
    CHECK_THROWS_AS(boost::json::value_to<Call>(boost::json::parse("[]")), decode_exception);
    CHECK_THROWS_WITH(boost::json::value_to<Call>(boost::json::parse(R"({"sid":1})")), "/sid: expected string, got number 1");
}

TEST_CASE("decoding a boost::json::value follows the rules of decoding text") {
    const auto dom = decode<Call>(boost::json::parse(full_call));
    REQUIRE(dom);
    auto expected = decoded<Call>(full_call);
    expected.price = decimal::from_string("-0.03");  // a DOM number has no literal digits
    CHECK(*dom == expected);
    auto strict = decode<Call>(boost::json::parse(R"({"sid":"s","extra":1})"), decode_options{true});
    REQUIRE_FALSE(strict);
    CHECK(strict.error().to_string() == "/extra: unknown member (strict mode accepts only schema members)");
}

namespace {

/// Boost.Describe lists T's members as object_traits<T>::fields does: as many, in the
/// same order, each naming the same member.
template <class T>
void check_described_as_fields() {
    using members = boost::describe::describe_members<T, boost::describe::mod_public>;
    CAPTURE(object_traits<T>::type_name);
    CHECK(boost::mp11::mp_size<members>::value == test_support::field_count<T>);
    std::size_t i = 0;
    boost::mp11::mp_for_each<members>([&](auto d) {
        std::string_view field_name = "(none)";
        bool same = false;
        std::size_t j = 0;
        test_support::for_each_field<T>([&](const auto& f) {
            if (j++ != i) return;
            field_name = f.name;
            if constexpr (std::is_same_v<std::decay_t<decltype(d.pointer)>, std::decay_t<decltype(f.member)>>)
                same = d.pointer == f.member;
        });
        CHECK_MESSAGE(same, "described member " << i << " is " << d.name << ", field " << i << " is " << field_name);
        ++i;
    });
}

}  // namespace

TEST_CASE("the structs are described for Boost.Describe in schema order") {
    check_described_as_fields<Call>();
    check_described_as_fields<CallList>();
    check_described_as_fields<CallSubresourceUris>();
    check_described_as_fields<ErrorResponse>();
    check_described_as_fields<ErrorArrayItem>();
    check_described_as_fields<ErrorArrayResponse>();
}

TEST_CASE("a long list page sizes its vector from the first call, without over-reserving") {
    std::string json = R"({"uri":"u","first_page_uri":"f","page":0,"page_size":1000,"calls":[)";
    for (int i = 0; i < 1000; ++i) json += (i ? "," : "") + full_call;
    json += "]}";
    const CallList page = decoded<CallList>(json);
    REQUIRE(page.calls.size() == 1000);
    // Without the hint a vector grows by doubling, to 1024 here, moving every call on the
    // way; with it the estimate from element 0 lands just above the real count.
    CHECK(page.calls.capacity() >= 1000);
    CHECK(page.calls.capacity() <= 1002);
    // A page of small calls (under 1 KiB each) is estimated at 1 KiB per call at most, so
    // the reservation stays below the document's size; the vector then grows as usual.
    std::string small = R"({"uri":"u","first_page_uri":"f","page":0,"page_size":1000,"calls":[)";
    for (int i = 0; i < 1000; ++i) small += (i ? "," : "") + minimal_call;
    small += "]}";
    const CallList small_page = decoded<CallList>(small);
    CHECK(small_page.calls.size() == 1000);
    CHECK(small_page.calls == std::vector<Call>(1000, decoded<Call>(minimal_call)));
    CHECK(small_page.calls.capacity() < 2048);
}
