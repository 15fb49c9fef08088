// Decode errors: each names the JSON Pointer of the failing value and what was
// expected, exactly. Strict mode rejects what lenient mode tolerates.
#include <signalwire/codec.hpp>  // first: the header compiles on its own

#include <signalwire/call.hpp>

#include "model_helpers.hpp"
#include "schema_bodies.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

using namespace signalwire;

namespace {

// The required members of a Call, without the closing brace.
const std::string& base = test_support::minimal_call_members;

template <class T = Call>
std::string error_of(const std::string& json, const decode_options& options) {
    auto r = decode<T>(json, options);
    return r ? std::string("(decoded)") : r.error().to_string();
}

template <class T = Call>
std::string error_of(const std::string& json, bool strict = false) {
    return error_of<T>(json, decode_options{strict});
}

/// The Call's required members plus `extra` (`,"k":v` members), then `}`.
std::string call_with(const std::string& extra) { return base + extra + "}"; }

/// The Call's required members with member `name` replaced by `value`.
std::string call_replacing(const std::string& name, const std::string& value) {
    std::string json = base + "}";
    const std::string key = "\"" + name + "\":";
    const auto at = json.find(key);
    if (at == std::string::npos) return call_with("," + key + value);
    const auto end = json.find_first_of(",}", json.find('"', at + key.size() + 1) + 1);
    return json.replace(at + key.size(), end - at - key.size(), value);
}

}  // namespace

namespace {

/// What the decoder says it expects for a member of type V (std::optional taken off):
/// one line per C++ type the runtime supports, none per schema field.
template <class V>
std::string expected_words() {
    using namespace test_support;
    if constexpr (std::is_same_v<V, std::string>) return "string";
    else if constexpr (std::is_same_v<V, bool>) return "boolean";
    else if constexpr (std::is_same_v<V, std::int32_t> || std::is_same_v<V, std::int64_t>) return "integer";
    else if constexpr (std::is_same_v<V, double>) return "number";
    else if constexpr (std::is_same_v<V, decimal>) return "decimal number";
    else if constexpr (std::is_same_v<V, timestamp>) return "RFC 2822 date string";
    else if constexpr (is_open_enum<V>::value)
        return "string (" + std::string(enum_traits<typename is_open_enum<V>::enum_type>::type_name) + ")";
    else if constexpr (is_vector<V>::value) return "array";
    else if constexpr (is_model_v<V>) return "object";
    else static_assert(always_false<V>::value, "a member type this test does not know");
}

}  // namespace

TEST_CASE("a wrong JSON type in any Call field names the field and the expected type") {
    // Every field of the schema, its expectation from its C++ type and nullability.
    std::size_t checked = 0;
    test_support::for_each_field<Call>([&](const auto& f) {
        using V = typename test_support::strip_optional<std::decay_t<decltype(std::declval<Call&>().*(f.member))>>::type;
        const std::string name(f.name);
        const std::string type = expected_words<V>() + (f.nullable ? " or null" : "");
        CAPTURE(name);
        const bool wants_number = type.rfind("integer", 0) == 0 || type.rfind("number", 0) == 0 ||
                                  type.rfind("decimal", 0) == 0 || type.rfind("boolean", 0) == 0;
        // Numbers get a boolean (booleans a string), everything else gets an array (or,
        // for an object or an array, a number).
        const bool is_boolean = type.rfind("boolean", 0) == 0;
        const bool structured = type.rfind("object", 0) == 0 || type.rfind("array", 0) == 0;
        const std::string value = is_boolean ? "\"x\"" : wants_number ? "true" : structured ? "42" : "[1]";
        const std::string got = is_boolean ? "string \"x\"" : wants_number ? "boolean" : structured ? "number 42" : "array";
        CHECK(error_of(call_replacing(name, value)) == "/" + name + ": expected " + type + ", got " + got);
        ++checked;
    });
    CHECK(checked == test_support::field_count<Call>);
    // The same words written out for fields of each kind, so the derivation above is checked too.
    CHECK(error_of(call_replacing("sid", "[1]")) == "/sid: expected string, got array");
    CHECK(error_of(call_replacing("date_created", "[1]")) == "/date_created: expected RFC 2822 date string or null, got array");
    CHECK(error_of(call_replacing("status", "[1]")) == "/status: expected string (CallStatus), got array");
    CHECK(error_of(call_replacing("answered_by", "[1]")) == "/answered_by: expected string (AnsweredBy) or null, got array");
    CHECK(error_of(call_replacing("duration", "true")) == "/duration: expected integer or null, got boolean");
    CHECK(error_of(call_replacing("price", "true")) == "/price: expected decimal number or null, got boolean");
    CHECK(error_of(call_replacing("audio_in_mos", "true")) == "/audio_in_mos: expected number or null, got boolean");
    CHECK(error_of(call_replacing("subresource_uris", "42")) == "/subresource_uris: expected object, got number 42");
}

TEST_CASE("a missing required member is an error at its path") {
    std::vector<std::string> required;  // the schema's required fields of Call, all in `base`
    test_support::for_each_field<Call>([&](const auto& f) {
        if (f.required) required.emplace_back(f.name);
    });
    CHECK(required.size() >= 2);
    for (const std::string& name : required) {
        CAPTURE(name);
        std::string json = base + "}";
        const std::string key = "\"" + name + "\":";
        const auto at = json.find(key);
        const auto end = json.find_first_of(",}", json.find('"', at + key.size() + 1) + 1);
        json.erase(at, end - at + (json[end] == ',' ? 1 : 0));
        if (json[json.size() - 2] == ',') json.erase(json.size() - 2, 1);
        CHECK(error_of(json) == "/" + name + ": missing required member");
    }
    CHECK(error_of<CallList>(R"({"uri":"u","first_page_uri":"f","page":0,"page_size":1,"calls":[{"sid":"s"}]})") ==
          "/calls/0/account_sid: missing required member");
    CHECK(error_of<CallList>(R"({"uri":"u","first_page_uri":"f","page":0,"page_size":1})") ==
          "/calls: missing required member");
}

TEST_CASE("null in a non-nullable member is an error") {
    CHECK(error_of(call_replacing("sid", "null")) == "/sid: expected string, got null");
    CHECK(error_of(call_replacing("status", "null")) == "/status: expected string (CallStatus), got null");
    CHECK(error_of(call_with(R"(,"formatted_to":null)")) == "/formatted_to: expected string, got null");
    CHECK(error_of(call_with(R"(,"price_unit":null)")) == "/price_unit: expected string, got null");
    CHECK(error_of(call_with(R"(,"subresource_uris":null)")) == "/subresource_uris: expected object, got null");
    CHECK(error_of(call_with(R"(,"subresource_uris":{"recordings":null})")) ==
          "/subresource_uris/recordings: expected string, got null");
}

TEST_CASE("nested values are named by their full pointer") {
    CHECK(error_of(call_with(R"(,"subresource_uris":{"recordings":5})")) ==
          "/subresource_uris/recordings: expected string, got number 5");
    const std::string page = R"({"uri":"u","first_page_uri":"f","page":0,"page_size":2,"calls":[)";
    CHECK(error_of<CallList>(page + base + "}," + call_replacing("status", "7") + "]}") ==
          "/calls/1/status: expected string (CallStatus), got number 7");
    CHECK(error_of<CallList>(page + "1]}") == "/calls/0: expected object, got number 1");
    CHECK(error_of<CallList>(page + "[]]}") == "/calls/0: expected object, got array");
    CHECK(error_of<CallList>(R"({"uri":"u","first_page_uri":"f","page":0,"page_size":1,"calls":{}})") ==
          "/calls: expected array, got object");
    CHECK(error_of<CallList>(R"({"uri":"u","first_page_uri":"f","page":"x","page_size":1,"calls":[]})") ==
          R"(/page: expected integer, got string "x")");
}

TEST_CASE("strict mode rejects unknown members, unknown enum values and numbers as strings") {
    CHECK(error_of(call_with(R"(,"queue_time":"1000")"), true) ==
          "/queue_time: unknown member (strict mode accepts only schema members)");
    CHECK(error_of(call_with(R"(,"subresource_uris":{"recordings":"/r","feedback":"/f"})"), true) ==
          "/subresource_uris/feedback: unknown member (strict mode accepts only schema members)");
    CHECK(error_of(call_with(R"(,"a/b~c":1)"), true) ==
          "/a~1b~0c: unknown member (strict mode accepts only schema members)");  // RFC 6901 escaping
    std::string statuses;  // every wire name, in schema order
    for (const auto& e : enum_traits<CallStatus>::names) (statuses += statuses.empty() ? "" : ", ") += e.wire;
    CHECK(error_of(call_replacing("status", R"("paused")"), true) ==
          R"(/status: unknown CallStatus value "paused" (expected one of: )" + statuses + ")");
    CHECK(error_of(call_with(R"(,"duration":"15")"), true) == R"(/duration: expected integer or null, got string "15")");
    CHECK(error_of(call_with(R"(,"price":"-0.03")"), true) ==
          R"(/price: expected decimal number or null, got string "-0.03")");
    CHECK(error_of(call_with(R"(,"audio_in_mos":"4.5")"), true) ==
          R"(/audio_in_mos: expected number or null, got string "4.5")");
    // The same inputs decode in lenient mode.
    for (const char* extra : {R"(,"queue_time":"1000")", R"(,"duration":"15")", R"(,"price":"-0.03")"})
        CHECK(error_of(call_with(extra)) == "(decoded)");
    CHECK(error_of(call_replacing("status", R"("paused")")) == "(decoded)");
}

TEST_CASE("numbers: range, integrality and string forms") {
    CHECK(error_of(call_with(R"(,"duration":3000000000)")) == "/duration: integer 3000000000 is out of range for int32");
    CHECK(error_of(call_with(R"(,"duration":-2147483649)")) == "/duration: integer -2147483649 is out of range for int32");
    CHECK(error_of(call_with(R"(,"duration":"99999999999")")) == "/duration: integer 99999999999 is out of range for int32");
    CHECK(error_of(call_with(R"(,"duration":2147483647)")) == "(decoded)");
    CHECK(error_of(call_with(R"(,"duration":1.5)")) == "/duration: expected integer or null, got number 1.5");
    CHECK(error_of(call_with(R"(,"duration":"1.5")")) == R"(/duration: expected integer or null, got string "1.5")");
    CHECK(error_of(call_with(R"(,"duration":" 15")")) == R"(/duration: expected integer or null, got string " 15")");
    CHECK(error_of(call_with(R"(,"duration":"+15")")) == R"(/duration: expected integer or null, got string "+15")");
    CHECK(error_of(call_with(R"(,"audio_in_mos":"nan")")) == R"(/audio_in_mos: expected number or null, got string "nan")");
    CHECK(error_of(call_with(R"(,"audio_in_mos":"1e999")")) == R"(/audio_in_mos: expected number or null, got string "1e999")");
}

TEST_CASE("invalid decimals and dates say why") {
    CHECK(error_of(call_with(R"(,"price":"abc")")) == R"(/price: invalid decimal "abc": unexpected character 'a' in decimal)");
    CHECK(error_of(call_with(R"(,"price":"+1")")) == R"(/price: invalid decimal "+1": leading '+' is not allowed in a decimal)");
    CHECK(error_of(call_with(R"(,"price":"NaN")")) == R"(/price: invalid decimal "NaN": "NaN" is not a decimal)");
    CHECK(error_of(call_with(R"(,"price":true)")) == "/price: expected decimal number or null, got boolean");
    CHECK(error_of(call_with(R"(,"start_time":"Wed, 32 Sep 2018 20:00:00 +0000")")) ==
          R"(/start_time: invalid RFC 2822 date "Wed, 32 Sep 2018 20:00:00 +0000": day 32 is out of range for Sep 2018)");
    CHECK(error_of(call_with(R"(,"start_time":"Thu, 19 Sep 2018 20:00:00 +0000")"), true) ==
          R"(/start_time: invalid RFC 2822 date "Thu, 19 Sep 2018 20:00:00 +0000": day name "Thu" does not match the date (Wed))");
    CHECK(error_of(call_replacing("date_created", R"("")")) ==
          R"(/date_created: invalid RFC 2822 date "": empty date)");
}

TEST_CASE("duplicate members are rejected, known or unknown") {
    CHECK(error_of(call_with(R"(,"sid":"t")")) == "/sid: duplicate member");
    CHECK(error_of(call_with(R"(,"x":1,"x":2)")) == "/x: duplicate member");
    CHECK(error_of(call_with(R"(,"subresource_uris":{"recordings":"a","recordings":"b"})")) ==
          "/subresource_uris/recordings: duplicate member");
}

TEST_CASE("documents that are not one JSON object") {
    CHECK(error_of("[1]") == "(root): expected object, got array");
    CHECK(error_of("3") == "(root): expected object, got number 3");
    CHECK(error_of("\"call\"") == R"((root): expected object, got string "call")");
    CHECK(error_of("null") == "(root): expected object, got null");
    CHECK(error_of("") == "(root): invalid JSON at offset 0: unexpected end of input");
    CHECK(error_of(R"({"sid":)") == "/sid: invalid JSON at offset 7: unexpected end of input");
    CHECK(error_of(base + "} x") == "(root): invalid JSON at offset 201: unexpected data after the document");
    CHECK(error_of(base + "}{}") == "(root): invalid JSON at offset 200: unexpected data after the document");
    CHECK(error_of(base + "} \n\t") == "(decoded)");
    // A trailing comma: the member before it is complete, the object is not.
    CHECK(error_of(R"({"sid":"s",})") == "(root): invalid JSON at offset 11: unexpected character '}'");
}

TEST_CASE("depth and size are bounded") {
    const std::string deep = call_with(R"(,"x":)" + std::string(100, '[') + std::string(100, ']'));
    std::string too_deep = "/x";  // where the 65th level begins, inside the 63rd array of x
    for (int i = 0; i < 63; ++i) too_deep += "/0";
    CHECK(error_of(deep) == too_deep + ": nesting deeper than max_depth (64)");
    const std::string ok = call_with(R"(,"x":)" + std::string(60, '[') + std::string(60, ']'));
    CHECK(error_of(ok) == "(decoded)");
    decode_options too_deep_to_allow;
    too_deep_to_allow.max_depth = 100000;  // Boost.JSON's parser recurses: this could overflow the stack
    CHECK(error_of(call_with(""), too_deep_to_allow) == "(root): max_depth 100000 is above the supported maximum (1024)");
    too_deep_to_allow.max_depth = decode_options::max_supported_depth;
    CHECK(error_of(call_with(R"(,"x":)" + std::string(1000, '[') + std::string(1000, ']')), too_deep_to_allow) ==
          "(decoded)");
    decode_options small;
    small.max_size = 10;
    auto r = decode<Call>(base + "}", small);
    REQUIRE_FALSE(r);
    CHECK(r.error().to_string() == "(root): document of 200 bytes is larger than max_size (10 bytes)");
}
