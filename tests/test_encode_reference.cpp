// The fast encoder (json_buffer, SSE2/SWAR escape scan, precomputed keys) against a
// reference encoder written the plain way, byte by byte: the outputs must be
// byte-identical for every fixture and for thousands of generated models.
#include <signalwire/call.hpp>  // first: the header compiles on its own

#include "schema_bodies.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>

#include <boost/json/parse.hpp>

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

using namespace signalwire;

namespace reference {

// ---- the reference: obvious code, one byte at a time -----------------------------------

void string(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"') out += "\\\"";
        else if (c == '\\') out += "\\\\";
        else if (c == '\b') out += "\\b";
        else if (c == '\f') out += "\\f";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20) (out += "\\u00") += std::string{hex[c >> 4], hex[c & 0xf]};
        else out += ch;
    }
    out += '"';
}

void number(std::string& out, double d) {
    if (!std::isfinite(d)) {
        out += "null";
        return;
    }
    char buf[64];
    const std::string text(buf, static_cast<std::size_t>(std::to_chars(buf, buf + sizeof buf, d).ptr - buf));
    out += text;
    if (text.find_first_of(".e") == std::string::npos) out += ".0";  // a double stays a double
}

void value(std::string& out, const boost::json::value& v) {
    switch (v.kind()) {
        case boost::json::kind::null: out += "null"; break;
        case boost::json::kind::bool_: out += v.get_bool() ? "true" : "false"; break;
        case boost::json::kind::int64: out += std::to_string(v.get_int64()); break;
        case boost::json::kind::uint64: out += std::to_string(v.get_uint64()); break;
        case boost::json::kind::double_: number(out, v.get_double()); break;
        case boost::json::kind::string: string(out, v.get_string()); break;
        case boost::json::kind::array: {
            out += '[';
            for (std::size_t i = 0; i < v.get_array().size(); ++i) {
                if (i) out += ',';
                value(out, v.get_array()[i]);
            }
            out += ']';
            break;
        }
        case boost::json::kind::object: {
            out += '{';
            bool first = true;
            for (const auto& kv : v.get_object()) {
                if (!first) out += ',';
                first = false;
                string(out, kv.key());
                out += ':';
                value(out, kv.value());
            }
            out += '}';
            break;
        }
    }
}

template <class T> void object(std::string& out, const T& model);

void one(std::string& out, const std::string& v) { string(out, v); }
void one(std::string& out, std::int32_t v) { out += std::to_string(v); }
void one(std::string& out, std::int64_t v) { out += std::to_string(v); }
void one(std::string& out, bool v) { out += v ? "true" : "false"; }
void one(std::string& out, double v) { number(out, v); }
void one(std::string& out, const decimal& v) { out += v.text(); }
void one(std::string& out, timestamp v) { string(out, rfc2822::format(v)); }
template <class E> void one(std::string& out, const open_enum<E>& v) { string(out, v.wire_name()); }
template <class T, std::enable_if_t<is_model_v<T>, int> = 0> void one(std::string& out, const T& v) { object(out, v); }
template <class T> void one(std::string& out, const std::vector<T>& v) {
    out += '[';
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) out += ',';
        one(out, v[i]);
    }
    out += ']';
}

template <class S, class M>
void member(std::string& out, const S& model, const field<S, M>& f, bool& first) {
    const M& m = model.*(f.member);
    std::string text;
    if constexpr (detail::is_optional<M>::value) {
        if (!m && !f.nullable) return;
        if (m) one(text, *m);
        else text = "null";
    } else {
        one(text, m);
    }
    if (!first) out += ',';
    first = false;
    string(out, f.name);  // the key escaped at run time, not the generated literal
    out += ':';
    out += text;
}

template <class T>
void object(std::string& out, const T& model) {
    out += '{';
    bool first = true;
    std::apply([&](const auto&... f) { (member(out, model, f, first), ...); }, object_traits<T>::fields);
    for (const auto& kv : model.unknown_members) {
        if (!first) out += ',';
        first = false;
        string(out, kv.key());
        out += ':';
        value(out, kv.value());
    }
    out += '}';
}

template <class T>
std::string encode(const T& model) {
    std::string out;
    object(out, model);
    return out;
}

}  // namespace reference

namespace {

/// Random text that exercises the escape scan: every control character, quotes,
/// backslashes, UTF-8, and runs long enough for the 16- and 8-byte paths.
std::string random_text(std::mt19937& rng) {
    static const std::string pieces[] = {"\"", "\\", "\n", "\t", std::string(1, '\0'), "\x1f", "\x7f",
                                         "Zo\xc3\xab", "\xf0\x9f\x98\x80", "abcdefghijklmnop", "+13105678901", "/"};
    std::string s;
    const auto n = rng() % 12;
    for (std::uint32_t i = 0; i < n; ++i) {
        if (rng() % 3 == 0) s += static_cast<char>(rng() % 0x20);
        else s += pieces[rng() % std::size(pieces)];
    }
    return s;
}

template <class E>
open_enum<E> random_enum(std::mt19937& rng) {
    const auto& names = enum_traits<E>::names;
    if (rng() % 4 == 0) return open_enum<E>::from_wire(random_text(rng));
    return names[rng() % std::size(names)].value;
}

template <class T>
T random_model(std::mt19937& rng, int depth);

/// A random value of member type V (std::optional taken off), whatever the schema holds:
/// the member types of tests/schema_bodies.hpp.
template <class V>
V random_value(std::mt19937& rng, int depth) {
    using namespace test_support;
    if constexpr (std::is_same_v<V, std::string>) return random_text(rng);
    else if constexpr (std::is_same_v<V, bool>) return rng() % 2 == 0;
    else if constexpr (std::is_same_v<V, std::int32_t>) return static_cast<std::int32_t>(rng());
    else if constexpr (std::is_same_v<V, std::int64_t>) {
        return static_cast<std::int64_t>((static_cast<std::uint64_t>(rng()) << 32) | rng());
    } else if constexpr (std::is_same_v<V, double>) {
        if (rng() % 3 == 0) return std::nan("");  // written as null by both
        return static_cast<double>(rng() % 5000) / 1000.0;
    } else if constexpr (std::is_same_v<V, decimal>) {
        return decimal::from_double(static_cast<double>(static_cast<std::int32_t>(rng())) / 1000.0);
    } else if constexpr (std::is_same_v<V, timestamp>) {
        return timestamp(std::chrono::seconds(static_cast<std::int64_t>(rng() % 4000000000u) - 1000000000));
    } else if constexpr (is_open_enum<V>::value) {
        return random_enum<typename is_open_enum<V>::enum_type>(rng);
    } else if constexpr (is_vector<V>::value) {
        V v;
        const auto n = depth > 1 ? rng() % 2 : rng() % 4;
        for (std::uint32_t i = 0; i < n; ++i) v.push_back(random_value<typename V::value_type>(rng, depth + 1));
        return v;
    } else if constexpr (is_model_v<V>) {
        return random_model<V>(rng, depth + 1);
    } else {
        static_assert(always_false<V>::value, "test_encode_reference.cpp: a member type it does not know");
    }
}

/// A random model T from its object_traits: every required member set, each optional
/// one set or not, unknown members now and then (nested values at the top level).
template <class T>
T random_model(std::mt19937& rng, int depth) {
    T m;
    test_support::for_each_field<T>([&](const auto& f) {
        using M = std::decay_t<decltype(m.*(f.member))>;
        if constexpr (test_support::is_optional<M>::value) {
            if (rng() % 2) m.*(f.member) = random_value<typename M::value_type>(rng, depth);
        } else {
            m.*(f.member) = random_value<M>(rng, depth);
        }
    });
    if (rng() % 2) {
        if (depth == 0) {
            m.unknown_members[random_text(rng)] = boost::json::parse(R"({"a":[1,-2,2.5e-7,true,null,"x"],"b":{}})");
            m.unknown_members[random_text(rng)] = static_cast<double>(rng()) / 7.0;
        } else {
            m.unknown_members[random_text(rng)] = random_text(rng);
        }
    }
    return m;
}

}  // namespace

TEST_CASE("the encoder matches the reference byte for byte on every fixture") {
    for (const auto& path : test_support::files_below(test_support::data_dir() / "fixtures", ".json")) {
        CAPTURE(path.string());
        const std::string json = test_support::read_file(path);
        if (boost::json::parse(json).as_object().contains("calls")) {
            const auto page = decode<CallList>(json);
            REQUIRE(page);
            CHECK(encode(*page) == reference::encode(*page));
        } else {
            const auto call = decode<Call>(json);
            REQUIRE(call);
            CHECK(encode(*call) == reference::encode(*call));
        }
    }
}

TEST_CASE("the encoder matches the reference byte for byte on generated models") {
    std::mt19937 rng(20261127);
    CallList page;
    for (int i = 0; i < 3000; ++i) {
        const Call c = random_model<Call>(rng, 0);
        REQUIRE(encode(c) == reference::encode(c));
        if (i % 10 == 0) page.calls.push_back(c);
    }
    CHECK(encode(page) == reference::encode(page));
    for (int i = 0; i < 200; ++i) {
        const CallList list = random_model<CallList>(rng, 0);
        REQUIRE(encode(list) == reference::encode(list));
    }
}
