// CSV export (signalwire/csv.hpp): the column list is the schema's, flattened; RFC 4180
// quoting, byte for byte; absent and null empty; RFC 3339 dates; exact decimals; the
// unknown members as one JSON column.
#include <signalwire/csv.hpp>  // first: the header compiles on its own

#include <signalwire/call.hpp>

#include "model_helpers.hpp"
#include "schema_bodies.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>

#include <boost/json/parse.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

using namespace signalwire;
using test_support::data_dir;
using test_support::decoded;
using test_support::files_below;
using test_support::minimal_call_members;
using test_support::read_file;

namespace {

/// The schema members of S, flattened, walked from object_traits here (not csv.hpp's walk).
template <class S>
void schema_members(std::vector<std::string>& out, const std::string& prefix) {
    std::apply(
        [&](const auto&... f) {
            const auto one = [&](const auto& field) {
                using M = std::decay_t<decltype(std::declval<const S&>().*(field.member))>;
                using V = typename test_support::strip_optional<M>::type;
                if constexpr (is_model_v<V>) schema_members<V>(out, prefix + std::string(field.name) + ".");
                else out.push_back(prefix + std::string(field.name));
            };
            (one(f), ...);
        },
        object_traits<S>::fields);
}

/// A CSV reader for the tests (RFC 4180): the records of `text`, each a list of fields.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c != '"') field += c;
            else if (i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
            else quoted = false;
        } else if (c == '"') {
            REQUIRE(field.empty());
            quoted = true;
        } else if (c == ',') {
            record.push_back(field);
            field.clear();
        } else if (c == '\r') {
            REQUIRE(i + 1 < text.size());
            REQUIRE(text[i + 1] == '\n');
            record.push_back(field);
            field.clear();
            records.push_back(record);
            record.clear();
            ++i;
        } else {
            REQUIRE(c != '\n');  // a bare LF outside quotes: not RFC 4180
            field += c;
        }
    }
    REQUIRE_FALSE(quoted);
    REQUIRE(field.empty());
    REQUIRE(record.empty());  // the last record ends with CRLF too
    return records;
}

/// The row of the minimal Call with some columns' exact bytes replaced.
std::string expected_row(std::map<std::string, std::string> cells) {
    std::map<std::string, std::string> base = {
        {"sid", "s"}, {"account_sid", "a"}, {"date_created", "1970-01-01T00:00:00Z"},
        {"date_updated", "1970-01-01T00:00:01Z"}, {"to", "+1"}, {"from", "+2"}, {"status", "queued"},
        {"direction", "inbound"}, {"uri", "/u"}};
    for (auto& [name, text] : cells) base[name] = text;
    std::string row;
    const auto names = csv::columns<Call>();
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) row += ',';
        if (auto it = base.find(names[i]); it != base.end()) row += it->second;
    }
    return row + "\r\n";
}

std::string row_of(const Call& call) {
    std::string row;
    csv::append_row(row, call);
    return row;
}

std::string row_of(const std::string& extra_members) { return row_of(decoded<Call>(minimal_call_members + extra_members + "}")); }

/// The cell of `column` in a row.
std::string cell(const std::string& row, const std::string& column) {
    const auto names = csv::columns<Call>();
    const auto records = parse_csv(row);
    REQUIRE(records.size() == 1);
    REQUIRE(records[0].size() == names.size());
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == column) return records[0][i];
    FAIL("no column " << column);
    return {};
}

}  // namespace

TEST_CASE("the columns are the schema's members, flattened, in schema order, then unknown_members") {
    std::vector<std::string> expected;
    schema_members<Call>(expected, "");
    expected.emplace_back("unknown_members");
    CHECK(csv::columns<Call>() == expected);

    const auto names = csv::columns<Call>();
    CHECK(std::find(names.begin(), names.end(), "sid") != names.end());
    CHECK(names.back() == "unknown_members");
    const auto notifications = std::find(names.begin(), names.end(), "subresource_uris.notifications");
    REQUIRE(notifications != names.end());
    CHECK(*(notifications + 1) == "subresource_uris.recordings");
    CHECK(std::find(names.begin(), names.end(), "subresource_uris") == names.end());

    std::string header;
    csv::append_header<Call>(header);
    std::string joined;
    for (const auto& name : names) joined += (joined.empty() ? "" : ",") + name;
    CHECK(header == joined + "\r\n");
    std::ostringstream os;
    csv::write_header<Call>(os);
    CHECK(os.str() == header);
}

TEST_CASE("RFC 4180 quoting: commas, quotes, CR, LF; non-ASCII as it is") {
    Call call = decoded<Call>(minimal_call_members + "}");
    call.annotation = "a,b";
    call.caller_name = "say \"hi\"";
    call.forwarded_from = "line1\nline2";
    call.group_sid = "cr\rhere";
    call.sip_result_code = "Z\xC3\xBCrich \xE2\x98\x8E";  // Zürich ☎
    call.to = "\"";
    call.price_unit = "plain";
    const std::string row = row_of(call);
    CHECK(row == expected_row({{"annotation", "\"a,b\""},
                               {"caller_name", "\"say \"\"hi\"\"\""},
                               {"forwarded_from", "\"line1\nline2\""},
                               {"group_sid", "\"cr\rhere\""},
                               {"sip_result_code", "Z\xC3\xBCrich \xE2\x98\x8E"},
                               {"to", "\"\"\"\""},
                               {"price_unit", "plain"}}));
    // And a CSV reader gets the values back.
    CHECK(cell(row, "annotation") == "a,b");
    CHECK(cell(row, "caller_name") == "say \"hi\"");
    CHECK(cell(row, "forwarded_from") == "line1\nline2");
    CHECK(cell(row, "group_sid") == "cr\rhere");
    CHECK(cell(row, "to") == "\"");

    std::ostringstream os;
    csv::write_row(os, call);
    CHECK(os.str() == row);
    std::string appended = "x";
    csv::append_row(appended, call);
    CHECK(appended == "x" + row);
}

TEST_CASE("absent and null are empty; an absent nested object empties its columns") {
    CHECK(row_of("") == expected_row({}));
    CHECK(row_of(R"(,"price":null,"duration":null,"answered_by":null,"parent_call_sid":null)") == expected_row({}));
    CHECK(row_of(R"(,"subresource_uris":{"recordings":"/r"})") ==
          expected_row({{"subresource_uris.recordings", "/r"}}));
    CHECK(row_of(R"(,"subresource_uris":{"notifications":null,"recordings":"/r,2"})") ==
          expected_row({{"subresource_uris.recordings", "\"/r,2\""}}));
    // "" in an optional member is absent (lenient decoding).
    CHECK(row_of(R"(,"price":"","annotation":"")") == expected_row({}));
}

TEST_CASE("dates in RFC 3339 UTC, decimals with their digits, numbers, enums by wire name") {
    CHECK(row_of(R"(,"start_time":"Mon, 05 Jan 2026 12:04:11 -0500","end_time":"Wed, 19 Sept 2018 20:00:00 +0000")") ==
          expected_row({{"start_time", "2026-01-05T17:04:11Z"}, {"end_time", "2018-09-19T20:00:00Z"}}));
    CHECK(row_of(R"(,"price":"-0.00650")") == expected_row({{"price", "-0.00650"}}));
    CHECK(row_of(R"(,"price":1E-7)") == expected_row({{"price", "1E-7"}}));
    CHECK(row_of(R"(,"price":0.0065)") == expected_row({{"price", "0.0065"}}));
    CHECK(row_of(R"(,"duration":"15","audio_in_mos":4.3,"audio_out_lost":-2)") ==
          expected_row({{"duration", "15"}, {"audio_in_mos", "4.3"}, {"audio_out_lost", "-2"}}));
    CHECK(row_of(R"(,"audio_in_mos":4)") == expected_row({{"audio_in_mos", "4.0"}}));
    Call call = decoded<Call>(minimal_call_members + "}");
    call.status = CallStatus::in_progress;
    call.direction = CallDirection::outbound_api;
    call.answered_by = open_enum<AnsweredBy>::from_wire("machine_start");
    CHECK(row_of(call) ==
          expected_row({{"status", "in-progress"}, {"direction", "outbound-api"}, {"answered_by", "machine_start"}}));
    // An unknown enum value is written as received, quoted like any other text.
    CHECK(row_of(R"(,"answered_by":"a,\"b\"")") == expected_row({{"answered_by", "\"a,\"\"b\"\"\""}}));
}

TEST_CASE("booleans and arrays (no Call member has these types)") {
    std::string out, scratch;
    detail::json_buffer buffer(out);
    detail::csv::append_value(buffer, true, scratch);
    buffer.put(',');
    detail::csv::append_value(buffer, false, scratch);
    buffer.put(',');
    CallSubresourceUris uris;
    uris.recordings = "/r";
    detail::csv::append_value(buffer, std::vector<CallSubresourceUris>{uris}, scratch);
    buffer.finish();
    CHECK(out == R"(true,false,"[{""notifications"":null,""recordings"":""/r""}]")");
}

TEST_CASE("unknown members: one compact JSON object, nested objects' under their names") {
    CHECK(cell(row_of(""), "unknown_members").empty());
    CHECK(row_of(R"(,"queue_time":"1000","x":[1,{"y":null}])") ==
          expected_row({{"unknown_members", R"("{""queue_time"":""1000"",""x"":[1,{""y"":null}]}")"}}));
    CHECK(row_of(R"(,"subresource_uris":{"recordings":"/r","feedback":"/f"},"trunk_sid":"T")") ==
          expected_row({{"subresource_uris.recordings", "/r"},
                        {"unknown_members", R"("{""trunk_sid"":""T"",""subresource_uris"":{""feedback"":""/f""}}")"}}));

    const std::string body = read_file(data_dir() / "fixtures/twilio/call-fetch-2022.json");
    const Call call = decoded<Call>(body);
    const auto unknown = boost::json::parse(cell(row_of(call), "unknown_members")).as_object();
    const auto original = boost::json::parse(body).as_object();
    CHECK(unknown.at("queue_time") == original.at("queue_time"));
    CHECK(unknown.at("trunk_sid") == original.at("trunk_sid"));
    CHECK(unknown.at("subresource_uris").as_object().at("feedback") ==
          original.at("subresource_uris").as_object().at("feedback"));
    // The members the body has and the columns lack: the unknown ones, counted from the schema.
    const auto names = csv::columns<Call>();
    const auto known = [&](const std::string& column) { return std::find(names.begin(), names.end(), column) != names.end(); };
    std::size_t nested = 0, top = 0;
    for (const auto& m : original.at("subresource_uris").as_object())
        if (!known("subresource_uris." + std::string(m.key()))) ++nested;
    for (const auto& m : original)
        if (m.key() != "subresource_uris" && !known(std::string(m.key()))) ++top;
    REQUIRE(nested > 0);
    CHECK(unknown.at("subresource_uris").as_object().size() == nested);
    CHECK(unknown.size() == top + 1);
}

TEST_CASE("the fixtures: one row per call, every row as wide as the header, values read back") {
    const auto names = csv::columns<Call>();
    for (const auto& path : files_below(data_dir() / "fixtures", ".json")) {
        CAPTURE(path.string());
        const std::string json = read_file(path);
        std::vector<Call> calls;
        if (auto page = decode<CallList>(json)) calls = page->calls;
        else calls.push_back(decoded<Call>(json));
        std::string text;
        csv::append_header<Call>(text);
        for (const auto& call : calls) csv::append_row(text, call);
        const auto records = parse_csv(text);
        REQUIRE(records.size() == calls.size() + 1);
        CHECK(records[0] == names);
        for (std::size_t i = 0; i < calls.size(); ++i) {
            REQUIRE(records[i + 1].size() == names.size());
            const auto sid = std::find(names.begin(), names.end(), "sid") - names.begin();
            CHECK(records[i + 1][static_cast<std::size_t>(sid)] == calls[i].sid);
            const auto price = std::find(names.begin(), names.end(), "price") - names.begin();
            CHECK(records[i + 1][static_cast<std::size_t>(price)] ==
                  (calls[i].price ? std::string(calls[i].price->text()) : std::string()));
        }
    }
}
