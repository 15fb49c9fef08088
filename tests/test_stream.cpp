// decode_each (stream.hpp) and decode_into (codec.hpp): both are checked against the
// whole decode, which the rest of the suite pins down. On the list fixtures and on pages
// and bodies generated from the schema (schema_bodies.hpp, valid and damaged), they must
// yield exactly what decode<T> yields: the same calls and page members, or the same error
// at the same JSON Pointer. Then what the whole decode cannot show: the object is reused
// (its strings keep their buffers), members a later body lacks are reset, and the
// callback can stop the decode.
#include <signalwire/stream.hpp>  // first: the header compiles on its own

#include <signalwire/call.hpp>

#include "model_helpers.hpp"
#include "schema_bodies.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

using namespace signalwire;
using test_support::body_generator;
using test_support::data_dir;
using test_support::decoded;
using test_support::read_file;

namespace {

/// The wire name of the page's array member (`calls`), from the traits.
template <class List>
std::string_view items_name() {
    std::string_view name;
    std::size_t i = 0;
    test_support::for_each_field<List>([&](const auto& f) {
        if (i++ == detail::page_items<List>::index) name = f.name;
    });
    return name;
}

struct streamed {
    decode_result<CallList> page;
    std::vector<Call> calls;
};

streamed stream(std::string_view json, const decode_options& options = {}) {
    std::vector<Call> calls;
    auto page = decode_each<CallList>(json, [&](const Call& call) { calls.push_back(call); }, options);
    return {std::move(page), std::move(calls)};
}

/// decode_each against decode<CallList> on one body: the same calls and other members,
/// or the same error (after the calls before it).
void check_against_whole(std::string_view json, const decode_options& options = {}) {
    const auto whole = decode<CallList>(json, options);
    auto s = stream(json, options);
    REQUIRE(whole.has_value() == s.page.has_value());
    if (!whole) {
        CHECK(s.page.error() == whole.error());
        return;
    }
    CHECK(s.calls == whole->calls);
    CallList rest = *whole;
    rest.calls.clear();
    CHECK(*s.page == rest);
    CHECK(s.page->calls.empty());
}

decode_options strict() {
    decode_options options;
    options.strict = true;
    return options;
}

std::vector<std::string> list_fixtures() {
    std::vector<std::string> out;
    for (const auto& path : test_support::files_below(data_dir() / "fixtures", ".json"))
        if (decode<CallList>(read_file(path))) out.push_back(read_file(path));
    for (const auto& path : test_support::files_below(data_dir() / "bodies", ".json"))
        if (decode<CallList>(read_file(path))) out.push_back(read_file(path));
    return out;
}

}  // namespace

TEST_CASE("decode_each yields the calls and page members of the whole-page decode on the list fixtures") {
    const auto pages = list_fixtures();
    REQUIRE(pages.size() >= 3);  // the SignalWire and Twilio list pages, and the real-world page
    for (const auto& page : pages) {
        CAPTURE(page.substr(0, 80));
        check_against_whole(page);
        check_against_whole(page, strict());
    }
}

TEST_CASE("decode_each agrees with the whole-page decode on generated pages, valid and damaged") {
    body_generator gen(20261202);
    std::size_t decoded_pages = 0, failed_pages = 0;
    for (int i = 0; i < 600; ++i) {
        std::string page = gen.body<CallList>();
        if (i % 3 == 2) page = gen.mutate(page);
        CAPTURE(page);
        check_against_whole(page);
        check_against_whole(page, strict());
        (decode<CallList>(page) ? decoded_pages : failed_pages)++;
    }
    // Both halves were exercised.
    CHECK(decoded_pages > 20);
    CHECK(failed_pages > 20);
}

TEST_CASE("decode_each reports an element's error at the pointer of the whole-page decode") {
    const std::string first = test_support::minimal_call_members + "}";
    const std::string bad = test_support::minimal_call_members + R"(,"duration":"x"})";
    // A page whose third element is bad: built from the generated page, with its array replaced.
    auto page = decoded<CallList>(test_support::complete_body<CallList>());
    page.calls.clear();
    std::string text = encode(page);
    const std::string key = "\"" + std::string(items_name<CallList>()) + "\":[]";
    REQUIRE(text.find(key) != std::string::npos);
    text.replace(text.find(key), key.size(), "\"" + std::string(items_name<CallList>()) + "\":[" + first + "," + first + "," + bad + "]");
    std::size_t seen = 0;
    auto r = decode_each<CallList>(text, [&](const Call&) { ++seen; });
    REQUIRE(!r);
    CHECK(r.error().to_string() == "/" + std::string(items_name<CallList>()) + "/2/duration: expected integer or null, got string \"x\"");
    CHECK(r.error() == decode<CallList>(text).error());
    CHECK(seen == 2);
}

TEST_CASE("decode_each: the callback stops the decode") {
    const auto pages = list_fixtures();
    for (const auto& page : pages) {
        const auto whole = decoded<CallList>(page);
        if (whole.calls.size() < 2) continue;
        std::vector<std::string> sids;
        auto r = decode_each<CallList>(page, [&](const Call& call) {
            sids.push_back(call.sid);
            return sids.size() < 2;
        });
        REQUIRE(r.has_value());
        CHECK(sids == std::vector<std::string>{whole.calls[0].sid, whole.calls[1].sid});
        // A void callback never stops.
        std::size_t n = 0;
        REQUIRE(decode_each<CallList>(page, [&](Call&) { ++n; }));
        CHECK(n == whole.calls.size());
    }
}

TEST_CASE("decode_each reuses one Call: its strings keep their buffers") {
    const auto page = decoded<CallList>(test_support::complete_body<CallList>());
    CallList many = page;
    many.calls.clear();
    Call long_sid = decoded(test_support::minimal_call_members + "}");
    long_sid.sid = std::string(200, 'a');
    for (int i = 0; i < 5; ++i) many.calls.push_back(long_sid);
    const std::string text = encode(many);
    std::vector<const char*> buffers;
    auto r = decode_each<CallList>(text, [&](const Call& call) { buffers.push_back(call.sid.data()); });
    REQUIRE(r);
    REQUIRE(buffers.size() == 5);
    for (const char* b : buffers) CHECK(b == buffers[0]);
}

TEST_CASE("decode_into equals decode, body after body into one object, and reuses its buffers") {
    body_generator gen(7);
    Call reused;
    std::size_t ok = 0;
    for (int i = 0; i < 2000; ++i) {
        std::string body = gen.body<Call>();
        if (i % 4 == 3) body = gen.mutate(body);
        CAPTURE(body);
        const auto fresh = decode<Call>(body);
        const auto into = decode_into(reused, body);
        REQUIRE(fresh.has_value() == into.has_value());
        if (fresh) {
            CHECK(reused == *fresh);
            CHECK(reused.unknown_members == fresh->unknown_members);
            ++ok;
        } else {
            CHECK(into.error() == fresh.error());
        }
    }
    CHECK(ok > 200);

    // A member the next body lacks goes back to absent; unknown members are replaced.
    REQUIRE(decode_into(reused, test_support::complete_body<Call>()));
    REQUIRE(decode_into(reused, test_support::minimal_call_members + R"(,"x-new":1})"));
    CHECK(reused == decoded(test_support::minimal_call_members + R"(,"x-new":1})"));
    CHECK(encode(reused) == test_support::minimal_call_encoded.substr(0, test_support::minimal_call_encoded.size() - 1) + R"(,"x-new":1})");

    // The same buffer holds the next body's sid when it fits.
    REQUIRE(decode_into(reused, R"({"sid":")" + std::string(100, 'b') + "\"" + test_support::minimal_call_members.substr(10) + "}"));
    const char* buffer = reused.sid.data();
    REQUIRE(decode_into(reused, R"({"sid":")" + std::string(90, 'c') + "\"" + test_support::minimal_call_members.substr(10) + "}"));
    CHECK(reused.sid == std::string(90, 'c'));
    CHECK(reused.sid.data() == buffer);
}

TEST_CASE("decode_into a page reuses its calls and drops the ones the next page lacks") {
    const auto pages = list_fixtures();
    CallList reused;
    for (int round = 0; round < 2; ++round)
        for (const auto& page : pages) {
            REQUIRE(decode_into(reused, page));
            CHECK(reused == decoded<CallList>(page));
        }
}

TEST_CASE("decode_into reports the errors decode reports, API error bodies included") {
    Call reused = decoded(test_support::complete_body<Call>());
    for (const auto& path : test_support::files_below(data_dir() / "bodies", ".json")) {
        const std::string body = read_file(path);
        for (bool strict : {false, true}) {
            decode_options options;
            options.strict = strict;
            const auto fresh = decode<Call>(body, options);
            const auto into = decode_into(reused, body, options);
            CAPTURE(path);
            REQUIRE(fresh.has_value() == into.has_value());
            if (fresh) CHECK(reused == *fresh);
            else CHECK(into.error() == fresh.error());
        }
    }
    // Options decode cannot honour, and a document over max_size.
    decode_options deep;
    deep.max_depth = decode_options::max_supported_depth + 1;
    CHECK(decode_into(reused, "{}", deep).error() == decode<Call>("{}", deep).error());
    decode_options small;
    small.max_size = 10;
    CHECK(decode_into(reused, test_support::complete_body<Call>(), small).error().to_string() ==
          "(root): document of " + std::to_string(test_support::complete_body<Call>().size()) +
              " bytes is larger than max_size (10 bytes)");
}
