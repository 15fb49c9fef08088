// Helpers for the tests of the generated models: decode or fail the test, what encode()
// writes for a given set of members (from object_traits), and a timestamp from seconds
// since the epoch.
#ifndef SIGNALWIRE_TESTS_MODEL_HELPERS_HPP
#define SIGNALWIRE_TESTS_MODEL_HELPERS_HPP

#include <signalwire/call.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace test_support {

/// The required members of a Call, without the closing brace (199 bytes, so a member
/// appended after it starts at offset 199): the smallest Call that decodes.
inline const std::string minimal_call_members =
    R"({"sid":"s","account_sid":"a","date_created":"Thu, 01 Jan 1970 00:00:00 +0000",)"
    R"("date_updated":"Thu, 01 Jan 1970 00:00:01 +0000","to":"+1","from":"+2","status":"queued",)"
    R"("direction":"inbound","uri":"/u")";

template <class T> struct is_std_optional : std::false_type {};
template <class T> struct is_std_optional<std::optional<T>> : std::true_type {};

/// The members of a JSON object text as (key, the value's text exactly as written), in
/// order: a number keeps its digits (`-0.03000`), which a parsed value would not. Keys
/// are taken as written between their quotes (the tests' keys have no escapes).
inline std::vector<std::pair<std::string, std::string>> raw_members(std::string_view json) {
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t i = json.find('{') + 1;
    const auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
    const auto skip_space = [&] {
        while (i < json.size() && space(json[i])) ++i;
    };
    while (true) {
        skip_space();
        if (i >= json.size() || json[i] == '}') return out;
        if (json[i] == ',') {
            ++i;
            continue;
        }
        const std::size_t key_end = json.find('"', i + 1);
        std::string key(json.substr(i + 1, key_end - i - 1));
        i = json.find(':', key_end) + 1;
        skip_space();
        const std::size_t start = i;
        int depth = 0;
        bool in_string = false;
        for (; i < json.size(); ++i) {
            const char c = json[i];
            if (in_string) {
                if (c == '\\') ++i;
                else if (c == '"') in_string = false;
            } else if (c == '"') {
                in_string = true;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (depth == 0) break;
                --depth;
            } else if (c == ',' && depth == 0) {
                break;
            }
        }
        std::size_t end = i;
        while (end > start && space(json[end - 1])) --end;
        out.emplace_back(std::move(key), std::string(json.substr(start, end - start)));
    }
}

/// What encode() writes for a model that holds only the members of `given` (a JSON
/// object text, its members in any order): every field of T in schema order
/// (object_traits<T>), with the value as `given` writes it, else `null` when the field is
/// nullable; other empty optional members left out. A field that is neither optional nor
/// in `given` throws, naming it.
template <class T>
std::string encoded_with_only(const std::string& given_json) {
    const auto given = raw_members(given_json);
    std::string out = "{";
    std::apply(
        [&](const auto&... f) {
            const auto one = [&](const auto& field) {
                using M = std::decay_t<decltype(std::declval<T&>().*(field.member))>;
                constexpr bool optional = is_std_optional<M>::value;
                std::string value;
                const auto it =
                    std::find_if(given.begin(), given.end(), [&](const auto& m) { return m.first == field.name; });
                if (it != given.end()) value = it->second;
                else if (optional && field.nullable) value = "null";
                else if (optional) return;
                else throw std::logic_error("encoded_with_only: the required member '" + std::string(field.name) +
                                            "' is not in the given members");
                (out += out.size() > 1 ? "," : "").append(field.quoted_key) += value;
            };
            (one(f), ...);
        },
        signalwire::object_traits<T>::fields);
    return out + "}";
}

/// What encode() writes for that Call: schema order, nullable members as null, other
/// empty optional members left out (from object_traits, so whatever the schema holds).
inline const std::string minimal_call_encoded = encoded_with_only<signalwire::Call>(minimal_call_members + "}");

/// The model decoded from `json`; the test fails (REQUIRE) with the error if it does not decode.
template <class T = signalwire::Call>
T decoded(std::string_view json, const signalwire::decode_options& options = {}) {
    auto r = signalwire::decode<T>(json, options);
    REQUIRE_MESSAGE(r.has_value(), (r ? std::string() : r.error().to_string()));
    return *r;
}

inline signalwire::timestamp at(std::int64_t seconds) { return signalwire::timestamp(std::chrono::seconds(seconds)); }

}  // namespace test_support

#endif
