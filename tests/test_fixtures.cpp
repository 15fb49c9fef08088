// Real response bodies (tests/data/fixtures): every one decodes in the default mode and
// survives decode -> encode -> decode unchanged; strict mode rejects each Twilio one.
#include <signalwire/call.hpp>  // first: the header compiles on its own

#include "schema_bodies.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>

#include <boost/json/parse.hpp>

#include <string>

using namespace signalwire;
using test_support::files_below;
using test_support::read_file;
using test_support::data_dir;

namespace {

bool is_list_page(const std::string& json) { return boost::json::parse(json).as_object().contains("calls"); }

/// decode -> encode -> decode gives the same model, and encoding that again gives the
/// same bytes (the encoding is canonical).
template <class T>
void check_round_trip(const std::string& json) {
    auto first = decode<T>(json);
    REQUIRE_MESSAGE(first.has_value(), (first ? std::string() : first.error().to_string()));
    const std::string encoded = encode(*first);
    auto second = decode<T>(encoded);
    REQUIRE_MESSAGE(second.has_value(), (second ? std::string() : second.error().to_string()));
    CHECK(*second == *first);
    CHECK(encode(*second) == encoded);
}

}  // namespace

TEST_CASE("every fixture decodes and survives decode -> encode -> decode") {
    const auto files = files_below(data_dir() / "fixtures", ".json");
    REQUIRE(files.size() >= 6);
    for (const auto& path : files) {
        CAPTURE(path.string());
        const std::string json = read_file(path);
        if (is_list_page(json)) check_round_trip<CallList>(json);
        else check_round_trip<Call>(json);
    }
}

TEST_CASE("the SignalWire fixtures: what real responses send") {
    const auto call = decode<Call>(read_file(data_dir() / "fixtures/signalwire/call-fetch-2019.json"), {true});
    // Strict: every member is in the schema, outbound-api included; a member the schema
    // lost (removed or renamed) fails here, named: "/formatted_to: unknown member ...".
    REQUIRE_MESSAGE(call, (call ? std::string() : call.error().to_string()));
    CHECK(call->sid == "82e7850d-054e-4067-8c4f-6568acd96575");
    CHECK(call->account_sid == "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX");  // masked, not a UUID: kept as is
    CHECK(call->direction == CallDirection::outbound_api);
    CHECK(call->status == CallStatus::queued);
    CHECK(call->date_created == timestamp(std::chrono::seconds(1549229765)));
    CHECK_FALSE(call->price);
    CHECK(call->subresource_uris->notifications == std::nullopt);
    CHECK_FALSE(call->audio_in_mos);  // the 2026 fields are absent

    const auto page = decode<CallList>(read_file(data_dir() / "fixtures/signalwire/calls-list-2019.json"), {true});
    REQUIRE_MESSAGE(page, (page ? std::string() : page.error().to_string()));
    CHECK(page->uri.find("Calls?Page=0&PageSize=50") != std::string::npos);  // \u0026 unescaped
    REQUIRE(page->calls.size() == 1);
    CHECK(page->calls[0].price->text() == "0.0065");
    CHECK(page->calls[0].duration == 1);
}

TEST_CASE("the Twilio fixtures: the other dialect decodes leniently") {
    const auto call = decode<Call>(read_file(data_dir() / "fixtures/twilio/call-fetch-2022.json"));
    REQUIRE(call);
    CHECK(call->price->text() == "-0.200");
    CHECK(call->duration == 4);
    CHECK(call->answered_by->wire_name() == "machine_start");
    CHECK_FALSE(call->answered_by->is_known());
    CHECK(call->unknown_members.at("queue_time") == "1000");
    CHECK(call->unknown_members.at("trunk_sid") == "TKdeadbeefdeadbeefdeadbeefdeadbeef");
    // Each member of subresource_uris the schema does not have is kept, and only those.
    const auto sent = boost::json::parse(read_file(data_dir() / "fixtures/twilio/call-fetch-2022.json"))
                          .at("subresource_uris").as_object();
    std::size_t unknown = 0;
    for (const auto& kv : sent) {
        if (object_traits<CallSubresourceUris>::find(kv.key()) >= 0) continue;
        ++unknown;
        CHECK(call->subresource_uris->unknown_members.contains(kv.key()));
    }
    CHECK(unknown >= 1);
    CHECK(call->subresource_uris->unknown_members.size() == unknown);

    const auto page = decode<CallList>(read_file(data_dir() / "fixtures/twilio/calls-list-2019.json"));
    REQUIRE(page);
    CHECK(page->calls[0].from == "kevin");
    CHECK(page->calls[0].to == "sip:kevin@example.com");
    CHECK_FALSE(page->calls[0].phone_number_sid);  // "" is absent
    CHECK_FALSE(page->calls[0].caller_name);
    CHECK(page->start == 0);
    CHECK(page->end == 0);
}

TEST_CASE("strict mode rejects each Twilio fixture, naming the path") {
    // The values the schema gives AnsweredBy, as the message lists them.
    const std::string answered_by = "(expected one of: " + test_support::enum_wire_names<AnsweredBy>() + ")";
    const struct {
        const char* file;
        std::string error;
    } cases[] = {
        {"twilio/call-fetch-2010.json", R"(/duration: expected integer or null, got string "15")"},
        {"twilio/call-fetch-2022.json", R"(/answered_by: unknown AnsweredBy value "machine_start" )" + answered_by},
        {"twilio/calls-list-2019.json", R"(/calls/0/duration: expected integer or null, got string "0")"},
        {"twilio/calls-page-2022.json", R"(/calls/0/answered_by: unknown AnsweredBy value "machine_start" )" + answered_by},
    };
    for (const auto& c : cases) {
        CAPTURE(c.file);
        const std::string json = read_file(data_dir() / "fixtures" / c.file);
        const std::string error = is_list_page(json) ? decode<CallList>(json, {true}).error().to_string()
                                                     : decode<Call>(json, {true}).error().to_string();
        CHECK(error == c.error);
    }
    CHECK(files_below(data_dir() / "fixtures/twilio", ".json").size() == std::size(cases));
}
