// JSON bodies generated from the schema, through object_traits / enum_traits: whatever
// fields, enum values and nested objects the schema has, these bodies have too, so the
// tests that use them need no edit when the schema gains a field, a value or an object.
//
//   complete_body<T>()   every field present with a valid value (enums: the last value)
//   minimal_body<T>()    the required fields only, with valid values: the smallest T
//   body_generator       random bodies shaped by the schema: each field present or not,
//                        a valid value, a wrong type, null, "", a number as a string or
//                        an unknown enum value; unknown members with nested values;
//                        escapes and non-ASCII text (the differential test's input)
//
// Member types handled: std::string, bool, std::int32_t, std::int64_t, double, decimal,
// timestamp, open_enum<E>, a model (nested object), std::vector of any of these, and
// std::optional of any of these (optional and nullable fields). A member type the runtime
// gains later fails to compile at the static_assert below, naming it.
#ifndef SIGNALWIRE_TESTS_SCHEMA_BODIES_HPP
#define SIGNALWIRE_TESTS_SCHEMA_BODIES_HPP

#include <signalwire/call.hpp>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

namespace test_support {

template <class T>
struct always_false : std::false_type {};

template <class T> struct strip_optional { using type = T; };
template <class T> struct strip_optional<std::optional<T>> { using type = T; };
template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};
template <class T> struct is_vector : std::false_type {};
template <class T> struct is_vector<std::vector<T>> : std::true_type {};
template <class T> struct is_open_enum : std::false_type {};
template <class E> struct is_open_enum<signalwire::open_enum<E>> : std::true_type { using enum_type = E; };

/// Calls `f(field)` for each field of model T, in schema order.
template <class T, class F>
void for_each_field(F&& f) {
    std::apply([&](const auto&... fs) { (f(fs), ...); }, signalwire::object_traits<T>::fields);
}

/// The number of schema fields of model T.
template <class T>
constexpr std::size_t field_count = std::tuple_size_v<std::decay_t<decltype(signalwire::object_traits<T>::fields)>>;

/// The wire names of T's fields, space-separated, in schema order.
template <class T>
std::string field_names() {
    std::string out;
    for_each_field<T>([&](const auto& f) { (out += out.empty() ? "" : " ").append(f.name); });
    return out;
}

/// The wire names of enum E's values, comma-separated as the decoder lists them.
template <class E>
std::string enum_wire_names() {
    std::string out;
    for (const auto& n : signalwire::enum_traits<E>::names) (out += out.empty() ? "" : ", ").append(n.wire);
    return out;
}

template <class T>
std::string complete_body();
template <class T>
std::string minimal_body();

/// A valid JSON value for a member of type V (after std::optional is taken off).
template <class V>
std::string valid_value(bool complete) {
    if constexpr (std::is_same_v<V, std::string>) return "\"s\"";
    else if constexpr (std::is_same_v<V, bool>) return "true";
    else if constexpr (std::is_same_v<V, std::int32_t>) return "7";
    else if constexpr (std::is_same_v<V, std::int64_t>) return "8589934592";
    else if constexpr (std::is_same_v<V, double>) return "2.5";
    else if constexpr (std::is_same_v<V, signalwire::decimal>) return "0.25";
    else if constexpr (std::is_same_v<V, signalwire::timestamp>) return "\"Thu, 01 Jan 1970 00:00:01 +0000\"";
    else if constexpr (is_open_enum<V>::value) {
        const auto& names = signalwire::enum_traits<typename is_open_enum<V>::enum_type>::names;
        return "\"" + std::string(names[std::size(names) - 1].wire) + "\"";
    } else if constexpr (is_vector<V>::value) {
        return complete ? "[" + valid_value<typename V::value_type>(true) + "]" : "[]";
    } else if constexpr (signalwire::is_model_v<V>) {
        return complete ? complete_body<V>() : minimal_body<V>();
    } else static_assert(always_false<V>::value, "schema_bodies.hpp: a member type it does not know");
}

template <class T>
std::string complete_body() {
    std::string out = "{";
    for_each_field<T>([&](const auto& f) {
        using V = typename strip_optional<std::decay_t<decltype(std::declval<T&>().*(f.member))>>::type;
        (out += out.size() > 1 ? "," : "").append(f.quoted_key) += valid_value<V>(true);
    });
    return out + "}";
}

template <class T>
std::string minimal_body() {
    std::string out = "{";
    for_each_field<T>([&](const auto& f) {
        using V = typename strip_optional<std::decay_t<decltype(std::declval<T&>().*(f.member))>>::type;
        if (f.required) (out += out.size() > 1 ? "," : "").append(f.quoted_key) += valid_value<V>(false);
    });
    return out + "}";
}

/// Random bodies shaped by the schema (see the top of this file).
class body_generator {
public:
    explicit body_generator(std::uint32_t seed) : rng_(seed) {}

    /// A random body for model T: one in three clean (every value of the right type,
    /// so that enough bodies decode), the others with wrong values here and there.
    template <class T>
    std::string body() {
        clean_ = pick(3) == 0;
        return body<T>(0);
    }

    /// A body for model T nested `depth` levels down, in the current (clean or not) mode.
    template <class T>
    std::string body(int depth) {
        std::string out = "{";
        bool first = true;
        for_each_field<T>([&](const auto& f) { member(out, first, f, depth); });
        unknown_members(out, first);
        return out + "}";
    }

    /// `s` damaged: cut short, a byte replaced, a member inserted or a byte appended.
    std::string mutate(std::string s) {
        switch (pick(4)) {
            case 0: return s.substr(0, static_cast<std::size_t>(pick(static_cast<int>(s.size()) + 1)));
            case 1: s[static_cast<std::size_t>(pick(static_cast<int>(s.size())))] = "{}[]\",:0a\\ "[pick(11)]; return s;
            case 2: return s.insert(static_cast<std::size_t>(pick(static_cast<int>(s.size()))), ",\"k\":[1]");
            default: return s + (pick(2) ? " " : "x");
        }
    }

    int pick(int n) { return n <= 0 ? 0 : static_cast<int>(rng_() % static_cast<std::uint32_t>(n)); }

    /// A JSON string of random pieces: escapes, surrogate pairs, UTF-8, spaces.
    std::string text() {
        const char* pieces[] = {"+1310", "sip:a@b.c", "\\\"", "\\\\", "\\n", "\\u00e9", "\\ud83d\\ude00",
                                "Zo\xc3\xab", "/api/laml", " ", "\\/", "x"};
        std::string s = "\"";
        const int n = pick(6);
        for (int i = 0; i < n; ++i) s += pieces[pick(12)];
        return s + "\"";
    }

private:
    template <class S, class M>
    void member(std::string& out, bool& first, const signalwire::field<S, M>& f, int depth) {
        if (pick(8) == 0 && !f.required) return;  // absent
        out += first ? "" : ",";
        first = false;
        out += f.quoted_key;
        if (clean_) {
            using V = typename strip_optional<M>::type;
            if (f.nullable && pick(12) == 0) out += "null";
            else if constexpr (std::is_same_v<V, std::string> || is_open_enum<V>::value || is_vector<V>::value ||
                               signalwire::is_model_v<V>)
                value<V>(out, depth);
            else out += valid_value<V>(true);
            return;
        }
        switch (pick(12)) {
            case 0: out += "null"; return;
            case 1: out += "\"\""; return;
            case 2: out += pick(2) ? "[1,{\"a\":null}]" : "true"; return;  // wrong type (or, for an array, odd items)
            default: value<typename strip_optional<M>::type>(out, depth);
        }
    }

    template <class V>
    void value(std::string& out, int depth) {
        if constexpr (std::is_same_v<V, std::string>) out += text();
        else if constexpr (std::is_same_v<V, bool>) out += pick(4) ? (pick(2) ? "true" : "false") : "\"true\"";
        else if constexpr (std::is_same_v<V, std::int32_t>) {
            const std::int64_t v = static_cast<std::int64_t>(rng_()) - (1LL << 31) + (pick(10) == 0 ? (1LL << 33) : 0);
            out += pick(3) ? std::to_string(v % 100000) : "\"" + std::to_string(v) + "\"";
        } else if constexpr (std::is_same_v<V, std::int64_t>) {
            const char* forms[] = {"8589934592", "-9223372036854775808", "9223372036854775808", "\"42\"", "0", "1.5"};
            out += forms[pick(6)];
        } else if constexpr (std::is_same_v<V, double>) {
            const char* forms[] = {"4.5", "1e2", "-0.25", "\"3.75\"", "3", "1E-3", "\"x\""};
            out += forms[pick(7)];
        } else if constexpr (std::is_same_v<V, signalwire::decimal>) {
            const char* forms[] = {"0.0065", "-0.03000", "\"-0.200\"", "12", "1.5e-3", "\"abc\"", "\"+1\"", "-0"};
            out += forms[pick(8)];
        } else if constexpr (std::is_same_v<V, signalwire::timestamp>) {
            const char* forms[] = {"\"Sun, 03 Feb 2019 21:36:05 +0000\"", "\"Wed, 19 Sept 2018 20:00:00 EST\"",
                                   "\"19 Sep 18 20:00 GMT\"", "\"Thu, 19 Sep 2018 20:00:00 +0000\"",
                                   "\"Wed, 32 Sep 2018 20:00:00 +0000\"", "\"yesterday\""};
            out += forms[pick(6)];
        } else if constexpr (is_open_enum<V>::value) {
            const auto& names = signalwire::enum_traits<typename is_open_enum<V>::enum_type>::names;
            if (pick(4) == 0) out += "\"something-new\"";
            else (out += '"').append(names[static_cast<std::size_t>(pick(static_cast<int>(std::size(names))))].wire) += '"';
        } else if constexpr (is_vector<V>::value) {
            // Mostly short arrays; some long enough for the decoder to reserve from the
            // size of the first item (which moves the item being decoded).
            const int n = depth > 1 ? pick(2) : (pick(8) == 0 ? 20 + pick(40) : pick(4));
            out += "[";
            for (int i = 0; i < n; ++i) {
                out += i ? "," : "";
                value<typename V::value_type>(out, depth + 1);
            }
            out += "]";
        } else if constexpr (signalwire::is_model_v<V>) {
            out += depth > 3 ? minimal_body<V>() : body<V>(depth + 1);
        } else static_assert(always_false<V>::value, "schema_bodies.hpp: a member type it does not know");
    }

    void unknown_members(std::string& out, bool& first) {
        const int n = pick(4);
        for (int i = 0; i < n; ++i) {
            out += first ? "" : ",";
            first = false;
            out += "\"x" + std::to_string(i) + (pick(4) == 0 ? "\\u00e9" : "") + "\":" + any_value(3);
        }
    }

    std::string any_value(int depth) {
        switch (depth > 0 ? pick(7) : pick(4)) {
            case 0: return "null";
            case 1: return text();
            // Past 64 bits, so a double; one Boost.JSON 1.81 reads exactly (it misrounds some,
            // 123456789012345678901 say, which the fast path reads correctly rounded).
            case 2: return pick(2) ? "1180591620717411303424" : "-7";
            case 3: return "2.5e-3";
            case 4: return "[" + any_value(depth - 1) + "," + any_value(depth - 1) + "]";
            case 5: return "{\"a\":" + any_value(depth - 1) + ",\"b\":" + any_value(depth - 1) + "}";
            default: return pick(2) ? "true" : "[]";
        }
    }

    std::mt19937 rng_;
    bool clean_ = false;
};

}  // namespace test_support

#endif
