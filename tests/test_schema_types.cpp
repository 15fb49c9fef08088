// Arrays of scalars and of enum values (tests/schema/types.yaml, generated into the
// build tree): each element decodes by the rules of a single field of its type, in
// lenient and in strict mode, errors point at the element, and encode writes `[v,...]`.
#include <schema_types.hpp>  // first: the generated header compiles on its own

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

using namespace signalwire;

namespace {

decode_options strict_options() {
    decode_options o;
    o.strict = true;
    return o;
}

/// "(decoded)", or the error as "/pointer: message".
template <class T = TypesSample>
std::string error_of(std::string_view json, const decode_options& options = {}) {
    auto r = decode<T>(json, options);
    return r ? std::string("(decoded)") : r.error().to_string();
}

template <class T = TypesSample>
T decoded(std::string_view json, const decode_options& options = {}) {
    auto r = decode<T>(json, options);
    REQUIRE_MESSAGE(r.has_value(), (r ? std::string() : r.error().to_string()));
    return *r;
}

timestamp at(std::int64_t seconds) { return timestamp(std::chrono::seconds(seconds)); }

decimal number(std::string_view text) {
    decimal d;
    std::string why;
    REQUIRE_MESSAGE(decimal::parse(text, d, why), why);
    return d;
}

/// The wire names of TypesColor, as the strict decoder lists them.
std::string color_names() {
    std::string out;
    for (const auto& n : enum_traits<TypesColor>::names) (out += out.empty() ? "" : ", ").append(n.wire);
    return out;
}

}  // namespace

TEST_CASE("the member types are vectors of what a single field of the item type is") {
    static_assert(std::is_same_v<decltype(TypesSample::tags), std::vector<std::string>>);
    static_assert(std::is_same_v<decltype(TypesSample::counts), std::optional<std::vector<std::int32_t>>>);
    static_assert(std::is_same_v<decltype(TypesSample::totals), std::optional<std::vector<std::int64_t>>>);
    static_assert(std::is_same_v<decltype(TypesSample::ratios), std::optional<std::vector<double>>>);
    static_assert(std::is_same_v<decltype(TypesSample::prices), std::optional<std::vector<decimal>>>);
    static_assert(std::is_same_v<decltype(TypesSample::times), std::optional<std::vector<timestamp>>>);
    static_assert(std::is_same_v<decltype(TypesSample::colors), std::optional<std::vector<open_enum<TypesColor>>>>);
    static_assert(std::is_same_v<decltype(TypesSample::items), std::optional<std::vector<TypesItem>>>);
    // The same value types as the single fields.
    static_assert(std::is_same_v<decltype(TypesSample::one_count)::value_type, decltype(TypesSample::counts)::value_type::value_type>);
    static_assert(std::is_same_v<decltype(TypesSample::one_color)::value_type, decltype(TypesSample::colors)::value_type::value_type>);
    CHECK(TypesSample{}.tags.empty());
}

TEST_CASE("arrays of every item type decode to their elements") {
    const TypesSample s = decoded(
        R"({"tags":["a","caf\u00e9",""],"counts":[1,-2,2147483647],"totals":[8589934592,-1],)"
        R"("ratios":[0.5,1e2,-3],"prices":[0.10,-0.03000,12],)"
        R"("times":["Thu, 01 Jan 1970 00:00:01 +0000","Fri, 02 Jan 1970 00:00:00 +0000"],)"
        R"("colors":["red","dark-green","purple"],"items":[{"label":"x"},{"label":"y"}]})");
    CHECK(s.tags == std::vector<std::string>{"a", "caf\xc3\xa9", ""});
    CHECK(s.counts == std::vector<std::int32_t>{1, -2, 2147483647});
    CHECK(s.totals == std::vector<std::int64_t>{8589934592LL, -1});
    CHECK(s.ratios == std::vector<double>{0.5, 100.0, -3.0});
    REQUIRE(s.prices);
    REQUIRE(s.prices->size() == 3);
    CHECK((*s.prices)[0].text() == "0.10");  // digits as written
    CHECK((*s.prices)[1].text() == "-0.03000");
    CHECK((*s.prices)[2].text() == "12");
    CHECK(s.times == std::vector<timestamp>{at(1), at(86400)});
    REQUIRE(s.colors);
    REQUIRE(s.colors->size() == 3);
    CHECK((*s.colors)[0] == TypesColor::red);
    CHECK((*s.colors)[1] == TypesColor::dark_green);
    CHECK_FALSE((*s.colors)[2].is_known());  // lenient: an unknown value is kept
    CHECK((*s.colors)[2].wire_name() == "purple");
    REQUIRE(s.items);
    REQUIRE(s.items->size() == 2);
    CHECK((*s.items)[1].label == "y");
}

TEST_CASE("empty, absent and null arrays") {
    const TypesSample s = decoded(R"({"tags":[],"counts":[],"totals":null})");
    CHECK(s.tags.empty());
    CHECK(s.counts == std::vector<std::int32_t>{});
    CHECK_FALSE(s.totals);  // nullable: null is empty
    CHECK_FALSE(s.prices);  // absent
    CHECK(error_of(R"({"tags":null})") == "/tags: expected array, got null");
    CHECK(error_of(R"({"tags":[],"counts":null})") == "/counts: expected array, got null");
    CHECK(error_of(R"({"tags":"a"})") == "/tags: expected array, got string \"a\"");
    CHECK(error_of(R"({"tags":{}})") == "/tags: expected array, got object");
    CHECK(error_of(R"({"counts":[1]})") == "/tags: missing required member");
}

TEST_CASE("encode writes arrays in schema order, exactly, and reads back equal") {
    TypesSample s;
    s.tags = {"a", "q\"uote"};
    s.counts = std::vector<std::int32_t>{1, -2};
    s.ratios = std::vector<double>{0.5};
    s.prices = std::vector<decimal>{number("0.10"), number("-3")};
    s.times = std::vector<timestamp>{at(1)};
    s.colors = std::vector<open_enum<TypesColor>>{TypesColor::red, TypesColor::dark_green,
                                                  open_enum<TypesColor>::from_wire("purple")};
    s.items = std::vector<TypesItem>{TypesItem{"x", {}}};
    const std::string expected =
        R"({"tags":["a","q\"uote"],"counts":[1,-2],"totals":null,"ratios":[0.5],"prices":[0.10,-3],)"
        R"("times":["Thu, 01 Jan 1970 00:00:01 +0000"],"colors":["red","dark-green","purple"],)"
        R"("items":[{"label":"x"}]})";
    CHECK(encode(s) == expected);
    CHECK(decoded(encode(s)) == s);

    TypesSample empty;
    empty.counts.emplace();
    CHECK(encode(empty) == R"({"tags":[],"counts":[],"totals":null})");
    CHECK(decoded(encode(empty)) == empty);
}

TEST_CASE("an element decodes exactly as a single field of its type would, lenient and strict") {
    // (array member, single member, JSON values): each value as element 0 of the array
    // gives what it gives as the single field, the pointer aside.
    struct row {
        std::string array, single;
        std::vector<std::string> values;
    };
    const row rows[] = {
        {"tags", "one_tag", {"7", "true", "{}", "[]", "\"x\"", "\"\""}},
        {"counts", "one_count", {"\"15\"", "2147483648", "-2147483649", "1.5", "true", "\"x\"", "{}", "[1]", "7"}},
        {"totals", "one_total", {"\"42\"", "9223372036854775808", "1.5", "\"x\"", "8589934592"}},
        {"ratios", "one_ratio", {"\"3.75\"", "\"x\"", "true", "3", "1E-3"}},
        {"prices", "one_price", {"\"-0.200\"", "\"abc\"", "\"+1\"", "1.5e-3", "true", "-0"}},
        {"times", "one_time", {"\"yesterday\"", "\"Wed, 32 Sep 2018 20:00:00 +0000\"", "\"19 Sep 18 20:00 GMT\"", "5",
                               "\"Thu, 19 Sep 2018 20:00:00 +0000\""}},
        {"colors", "one_color", {"\"purple\"", "\"dark-green\"", "\"grey\"", "7", "\"\""}},
    };
    const decode_options modes[] = {decode_options{}, strict_options()};
    int decoded_both = 0, failed_both = 0;
    for (const auto& r : rows) {
        for (const auto& v : r.values) {
            for (const auto& mode : modes) {
                CAPTURE(r.array);
                CAPTURE(v);
                CAPTURE(mode.strict);
                auto as_element = decode<TypesSample>(R"({"tags":[],")" + r.array + "\":[" + v + "]}", mode);
                auto as_field = decode<TypesSample>(R"({"tags":[],")" + r.single + "\":" + v + "}", mode);
                if (r.array == "tags") {  // tags is the required member: put the element second
                    as_element = decode<TypesSample>(R"({"tags":["z",)" + v + "]}", mode);
                }
                const std::string pointer = "/" + r.array + (r.array == "tags" ? "/1" : "/0");
                if (v == "\"\"" && r.array != "tags") {
                    // An empty string in an optional field means absent; an element is
                    // never absent, so "" is a value of the element's type or an error.
                    CHECK(as_field);
                    continue;
                }
                REQUIRE(as_element.has_value() == as_field.has_value());
                if (as_field) {
                    ++decoded_both;
                    continue;
                }
                ++failed_both;
                std::string want = as_field.error().to_string();
                REQUIRE(want.rfind("/" + r.single + ": ", 0) == 0);
                want.replace(0, r.single.size() + 1, pointer);
                CHECK(as_element.error().to_string() == want);
            }
        }
    }
    CHECK(decoded_both > 10);
    CHECK(failed_both > 20);
}

TEST_CASE("element values that decode, in each mode") {
    CHECK(decoded(R"({"tags":[],"counts":["15",7]})").counts == std::vector<std::int32_t>{15, 7});
    CHECK(error_of(R"({"tags":[],"counts":[7,"15"]})", strict_options()) ==
          R"(/counts/1: expected integer, got string "15")");
    CHECK(decoded(R"({"tags":[],"prices":["-0.200"]})").prices->at(0).text() == "-0.200");
    CHECK(error_of(R"({"tags":[],"colors":["red","purple"]})", strict_options()) ==
          R"(/colors/1: unknown TypesColor value "purple" (expected one of: )" + color_names() + ")");
    CHECK(decoded(R"({"tags":[],"colors":["red","grey"]})", strict_options()).colors->size() == 2);
}

TEST_CASE("errors inside an array name the element") {
    CHECK(error_of(R"({"tags":["a",7]})") == "/tags/1: expected string, got number 7");
    CHECK(error_of(R"({"tags":["a","b",null]})") == "/tags/2: expected string, got null");
    CHECK(error_of(R"({"tags":[],"counts":[1,2,3,null]})") == "/counts/3: expected integer, got null");
    CHECK(error_of(R"({"tags":[],"totals":[null]})") == "/totals/0: expected integer, got null");
    CHECK(error_of(R"({"tags":[],"colors":[null]})") == "/colors/0: expected string (TypesColor), got null");
    CHECK(error_of(R"({"tags":[],"counts":[[1]]})") == "/counts/0: expected integer, got array");
    CHECK(error_of(R"({"tags":[],"counts":[{"a":1}]})") == "/counts/0: expected integer, got object");
    CHECK(error_of(R"({"tags":[],"items":[{"label":"x"},{"label":7}]})") == "/items/1/label: expected string, got number 7");
    CHECK(error_of(R"({"tags":[],"items":["x"]})") == "/items/0: expected object, got string \"x\"");
}

TEST_CASE("decode_into a model that already holds arrays: the result equals decode's") {
    TypesSample s = decoded(R"({"tags":["a","b","c"],"counts":[1,2,3],"colors":["grey","red"],"prices":[1,2]})");
    const std::string next = R"({"tags":["d"],"counts":[4],"colors":["dark-green"]})";
    REQUIRE(decode_into(s, next));
    CHECK(s == decoded(next));
    CHECK(s.tags == std::vector<std::string>{"d"});
    CHECK(s.counts == std::vector<std::int32_t>{4});
    CHECK_FALSE(s.prices);
    REQUIRE(decode_into(s, R"({"tags":["x","y","z","w"],"counts":[]})"));
    CHECK(s.tags == std::vector<std::string>{"x", "y", "z", "w"});
    CHECK(s.counts == std::vector<std::int32_t>{});
    CHECK_FALSE(s.colors);
}
