// The Recording models (schema/recording.yaml, which imports schema/call.yaml for the API
// error bodies): a Recording and a page of recordings, written to an exact JSON string and
// read back (write -> compare string -> read -> compare object); the field lists come from
// object_traits, the enum values from enum_traits.
#include <signalwire/recording.hpp>  // first: the generated header compiles on its own

#include <signalwire/paging.hpp>
#include <signalwire/response.hpp>

#include "model_helpers.hpp"
#include "schema_bodies.hpp"

#include <doctest/doctest.h>

#include <boost/json/parse.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

using namespace signalwire;
using test_support::at;
using test_support::decoded;

namespace {

const std::string account = "720796a0-8ee9-4350-83bd-2d07a3121f1e";
const std::string base = "/api/laml/2010-04-01/Accounts/" + account;

// A call recording as "Retrieve a Recording" returns it, every field present, in schema
// order: the canonical encoding (the values are the spec's examples, made consistent: a
// 4-second recording of a call).
const std::string call_recording =
    R"({"sid":"19e436af-5688-4307-b03b-bdb2b42b8142","account_sid":")" + account + R"(",)"
    R"("api_version":"2010-04-01","call_sid":"43bb71ee-553f-4074-bb20-8e2747647cce","conference_sid":null,)"
    R"("channel":"1","channels":"1","date_created":"Tue, 25 Sep 2018 23:00:00 +0000",)"
    R"("date_updated":"Tue, 25 Sep 2018 23:00:04 +0000","start_time":"Tue, 25 Sep 2018 23:00:00 +0000",)"
    R"("end_time":"Tue, 25 Sep 2018 23:00:04 +0000","duration":4,"price":-0.0025,"price_unit":"USD",)"
    R"("source":"RecordVerb","status":"completed","error_code":null,)"
    R"("uri":")" + base + R"(/Recordings/19e436af-5688-4307-b03b-bdb2b42b8142.json",)"
    R"("subresource_uris":{"transcriptions":")" + base +
    R"(/Recordings/19e436af-5688-4307-b03b-bdb2b42b8142/Transcriptions.json"},)"
    R"("encryption_details":null,"trim":"do-not-trim"})";

// A conference recording still in progress, as a server may send it: no call, no end, no
// price yet, members left out, the price as a string.
const std::string conference_recording =
    R"({"sid":"5f0f2c3a-2a4b-4d5e-9f60-7a8b9c0d1e2f","account_sid":")" + account + R"(",)"
    R"("call_sid":null,"conference_sid":"43bb71ee-553f-4074-bb20-8e2747647cce","channels":"2",)"
    R"("date_created":"Wed, 26 Sep 2018 23:00:04 +0000","date_updated":"Wed, 26 Sep 2018 23:00:04 +0000",)"
    R"("start_time":"Wed, 26 Sep 2018 23:00:04 +0000","end_time":null,"price":null,)"
    R"("source":"StartConferenceRecording","status":"in-progress",)"
    R"("uri":")" + base + R"(/Recordings/5f0f2c3a-2a4b-4d5e-9f60-7a8b9c0d1e2f.json"})";

// What encode() writes for it: schema order, nullable members as null, the other empty
// optional members left out.
const std::string conference_recording_encoded =
    R"({"sid":"5f0f2c3a-2a4b-4d5e-9f60-7a8b9c0d1e2f","account_sid":")" + account + R"(",)"
    R"("call_sid":null,"conference_sid":"43bb71ee-553f-4074-bb20-8e2747647cce","channels":"2",)"
    R"("date_created":"Wed, 26 Sep 2018 23:00:04 +0000","date_updated":"Wed, 26 Sep 2018 23:00:04 +0000",)"
    R"("start_time":"Wed, 26 Sep 2018 23:00:04 +0000","end_time":null,"price":null,)"
    R"("source":"StartConferenceRecording","status":"in-progress","error_code":null,)"
    R"("uri":")" + base + R"(/Recordings/5f0f2c3a-2a4b-4d5e-9f60-7a8b9c0d1e2f.json","encryption_details":null})";

// The first page of "List all Recordings", two recordings on it.
const std::string page_head =
    R"({"uri":")" + base + R"(/Recordings?Page=0&PageSize=2","first_page_uri":")" + base + R"(/Recordings",)"
    R"("next_page_uri":")" + base + R"(/Recordings?Page=1&PageSize=2&PageToken=PA19e436af-5688-4307-b03b-bdb2b42b8142",)"
    R"("previous_page_uri":null,"page":0,"page_size":2,"recordings":[)";
const std::string recording_page = page_head + call_recording + "," + conference_recording + "]}";
const std::string recording_page_encoded = page_head + call_recording + "," + conference_recording_encoded + "]}";

/// The keys of a JSON object, in the order written.
std::vector<std::string> keys_of(const std::string& json) {
    std::vector<std::string> out;
    const boost::json::value parsed = boost::json::parse(json);
    for (const auto& member : parsed.as_object()) out.emplace_back(member.key());
    return out;
}

/// The wire names of T's fields, in schema order (object_traits).
template <class T>
std::vector<std::string> field_names_of() {
    std::vector<std::string> out;
    test_support::for_each_field<T>([&](const auto& f) { out.emplace_back(f.name); });
    return out;
}

}  // namespace

TEST_CASE("a call recording decodes to its typed members") {
    const Recording r = decoded<Recording>(call_recording);
    CHECK(r.sid == "19e436af-5688-4307-b03b-bdb2b42b8142");
    CHECK(r.account_sid == account);
    CHECK(r.api_version == "2010-04-01");
    CHECK(r.call_sid == "43bb71ee-553f-4074-bb20-8e2747647cce");
    CHECK_FALSE(r.conference_sid);
    CHECK(r.channel == "1");
    CHECK(r.channels == "1");
    CHECK(r.date_created == at(1537916400));
    CHECK(r.date_updated == at(1537916404));
    CHECK(r.start_time == at(1537916400));
    CHECK(r.end_time == at(1537916404));
    CHECK(r.duration == 4);
    REQUIRE(r.price);
    CHECK(r.price->text() == "-0.0025");
    CHECK(r.price_unit == "USD");
    CHECK(r.source == open_enum<RecordingSource>(RecordingSource::RecordVerb));
    CHECK(r.status == RecordingStatus::completed);
    CHECK_FALSE(r.error_code);
    CHECK(r.uri == base + "/Recordings/19e436af-5688-4307-b03b-bdb2b42b8142.json");
    REQUIRE(r.subresource_uris);
    CHECK(r.subresource_uris->transcriptions ==
          base + "/Recordings/19e436af-5688-4307-b03b-bdb2b42b8142/Transcriptions.json");
    CHECK_FALSE(r.encryption_details);
    CHECK(r.trim == "do-not-trim");
    CHECK(r.unknown_members.empty());
}

TEST_CASE("a full Recording encodes to its exact canonical JSON, every field in schema order, and reads back equal") {
    const Recording r = decoded<Recording>(call_recording);
    CHECK(encode(r) == call_recording);
    CHECK(decoded<Recording>(encode(r)) == r);
    // The body sets every field the schema has: its keys are object_traits' fields, in order.
    CHECK(keys_of(encode(r)) == field_names_of<Recording>());
    CHECK(keys_of(encode(*r.subresource_uris)) == field_names_of<RecordingSubresourceUris>());
}

TEST_CASE("a conference recording in progress: nulls, absent members and a price as a string") {
    const Recording r = decoded<Recording>(conference_recording);
    CHECK_FALSE(r.call_sid);
    CHECK(r.conference_sid == "43bb71ee-553f-4074-bb20-8e2747647cce");
    CHECK_FALSE(r.channel);
    CHECK(r.channels == "2");
    CHECK_FALSE(r.end_time);
    CHECK_FALSE(r.duration);
    CHECK_FALSE(r.price);
    CHECK(r.source == open_enum<RecordingSource>(RecordingSource::StartConferenceRecording));
    CHECK(r.status == RecordingStatus::in_progress);
    CHECK_FALSE(r.subresource_uris);
    CHECK(encode(r) == conference_recording_encoded);
    CHECK(decoded<Recording>(encode(r)) == r);

    // The spec's example sends the price as a string: the digits are kept, written as a number.
    std::string json = conference_recording;
    json.replace(json.find(R"("price":null)"), 12, R"("price":"-0.0025")");
    const Recording priced = decoded<Recording>(json);
    CHECK(priced.price->text() == "-0.0025");
    CHECK(encode(priced).find(R"("price":-0.0025,)") != std::string::npos);
}

TEST_CASE("a Recording built in C++ encodes exactly") {
    Recording r;
    r.sid = "s";
    r.account_sid = "a";
    r.date_created = at(0);
    r.date_updated = at(1);
    r.status = RecordingStatus::queued;
    r.uri = "/u";
    const std::string expected =
        R"({"sid":"s","account_sid":"a","call_sid":null,"conference_sid":null,)"
        R"("date_created":"Thu, 01 Jan 1970 00:00:00 +0000","date_updated":"Thu, 01 Jan 1970 00:00:01 +0000",)"
        R"("start_time":null,"end_time":null,"price":null,"status":"queued","error_code":null,"uri":"/u",)"
        R"("encryption_details":null})";
    CHECK(encode(r) == expected);
    CHECK(decoded<Recording>(expected) == r);
    // The same Recording from the smallest body object_traits allows.
    CHECK(decoded<Recording>(R"({"sid":"s","account_sid":"a","date_created":"Thu, 01 Jan 1970 00:00:00 +0000",)"
                             R"("date_updated":"Thu, 01 Jan 1970 00:00:01 +0000","status":"queued","uri":"/u"})") == r);
}

TEST_CASE("a required member missing is an error naming it") {
    std::string json = conference_recording;
    json.erase(json.find(R"("status":"in-progress",)"), 23);
    auto r = decode<Recording>(json);
    REQUIRE_FALSE(r);
    CHECK(r.error().to_string() == "/status: missing required member");
}

TEST_CASE("a page of recordings decodes every recording and encodes back exactly") {
    const RecordingList page = decoded<RecordingList>(recording_page);
    CHECK(page.uri == base + "/Recordings?Page=0&PageSize=2");
    CHECK(page.first_page_uri == base + "/Recordings");
    CHECK(page.next_page_uri == base + "/Recordings?Page=1&PageSize=2&PageToken=PA19e436af-5688-4307-b03b-bdb2b42b8142");
    CHECK_FALSE(page.previous_page_uri);
    CHECK(page.page == 0);
    CHECK(page.page_size == 2);
    REQUIRE(page.recordings.size() == 2);
    CHECK(page.recordings[0] == decoded<Recording>(call_recording));
    CHECK(page.recordings[1] == decoded<Recording>(conference_recording));
    CHECK(encode(page) == recording_page_encoded);
    CHECK(decoded<RecordingList>(encode(page)) == page);
    CHECK(keys_of(encode(page)) == field_names_of<RecordingList>());
    // Paging follows next_page_uri verbatim; the last page has none.
    CHECK(next_page(page) == page.next_page_uri);
    const RecordingList last = decoded<RecordingList>(
        R"({"uri":"u","first_page_uri":"f","next_page_uri":null,"page":1,"page_size":50,"recordings":[]})");
    CHECK_FALSE(next_page(last));
    CHECK(encode(last) ==
          R"({"uri":"u","first_page_uri":"f","next_page_uri":null,"previous_page_uri":null,"page":1,"page_size":50,"recordings":[]})");
}

TEST_CASE("every source and status value decodes and encodes back, in strict mode") {
    std::size_t sources = 0;
    for (const auto& n : enum_traits<RecordingSource>::names) {
        ++sources;
        std::string json = conference_recording;
        json.replace(json.find(R"("StartConferenceRecording")"), 26, "\"" + std::string(n.wire) + "\"");
        const Recording r = decoded<Recording>(json, decode_options{true});
        CHECK(r.source == open_enum<RecordingSource>(n.value));
        CHECK(encode(r).find("\"source\":\"" + std::string(n.wire) + "\"") != std::string::npos);
    }
    CHECK(sources == std::size(enum_traits<RecordingSource>::names));
    for (const auto& n : enum_traits<RecordingStatus>::names) {
        std::string json = conference_recording;
        json.replace(json.find(R"("in-progress")"), 13, "\"" + std::string(n.wire) + "\"");
        const Recording r = decoded<Recording>(json, decode_options{true});
        CHECK(r.status == n.value);
        CHECK(encode(r).find("\"status\":\"" + std::string(n.wire) + "\"") != std::string::npos);
    }
    CHECK(to_string(RecordingStatus::in_progress) == "in-progress");
    CHECK(to_string(RecordingSource::OutBoundApi) == "OutBoundApi");
}

TEST_CASE("bodies generated from object_traits round-trip") {
    for (const std::string& json : {test_support::complete_body<Recording>(), test_support::minimal_body<Recording>()}) {
        CAPTURE(json);
        const Recording r = decoded<Recording>(json, decode_options{true});
        CHECK(decoded<Recording>(encode(r)) == r);
    }
    const RecordingList page = decoded<RecordingList>(test_support::complete_body<RecordingList>(), decode_options{true});
    CHECK(decoded<RecordingList>(encode(page)) == page);
}

TEST_CASE("the API error bodies are the Call schema's, imported, not defined again") {
    // object_traits<Recording> names call.hpp's ErrorResponse and ErrorArrayResponse.
    static_assert(std::is_same_v<object_traits<Recording>::api_errors, std::tuple<ErrorResponse, ErrorArrayResponse>>);
    static_assert(std::is_same_v<object_traits<RecordingList>::api_errors, object_traits<CallList>::api_errors>);
    const std::string not_found =
        R"({"code":20404,"message":"The requested resource /2010-04-01/Accounts/)" + account +
        R"(/Recordings/unknown.json was not found","more_info":"https://www.twilio.com/docs/errors/20404","status":404})";
    const std::string expected = "(root): the body is an API error response: 20404 The requested resource /2010-04-01/Accounts/" +
                                 account + "/Recordings/unknown.json was not found (status 404)";
    for (bool strict : {false, true}) {
        auto r = decode<Recording>(not_found, decode_options{strict});
        REQUIRE_FALSE(r);
        CHECK(r.error().to_string() == expected);
        auto page = decode<RecordingList>(not_found, decode_options{strict});
        REQUIRE_FALSE(page);
        CHECK(page.error().to_string() == expected);
    }

    // The endpoints: their requests, and a 404 decoded as the imported ErrorResponse.
    RetrieveRecording retrieve;
    retrieve.account_sid = account;
    retrieve.sid = "unknown";
    REQUIRE(retrieve.target().has_value());
    CHECK(*retrieve.target() == base + "/Recordings/unknown.json");
    const auto response = decode_response<RetrieveRecording>(404, not_found);
    REQUIRE(response.if_api_error());
    CHECK(response.if_api_error()->code == 20404);
    CHECK(std::holds_alternative<ErrorResponse>(response.if_api_error()->body));
    const auto ok = decode_response<RetrieveRecording>(200, call_recording);
    REQUIRE(ok.if_success());
    CHECK(*ok.if_success() == decoded<Recording>(call_recording));

    ListRecordings list;
    list.account_sid = account;
    list.date_created_before = date::parse("2018-09-30").value();
    list.call_sid = "43bb71ee-553f-4074-bb20-8e2747647cce";
    list.page_size = 2;
    REQUIRE(list.target().has_value());
    CHECK(*list.target() ==
          base + "/Recordings.json?DateCreated%3C=2018-09-30&CallSid=43bb71ee-553f-4074-bb20-8e2747647cce&PageSize=2");
    list.page_size = 0;
    REQUIRE_FALSE(list.validate());
    CHECK(list.validate().error().to_string() == "PageSize: must be 1 to 1000, not 0");
}
