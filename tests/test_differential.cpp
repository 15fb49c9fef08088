// Differential test: the fast path (decode<T>(text): basic_parser events straight into
// the structs) against the reference path (boost::json::parse, then decode<T>(value)).
// They must agree on every fixture, every JSONTestSuite file and thousands of random
// documents generated from the schema: same model, or an error at the same pointer.
#include <signalwire/call.hpp>  // first: the header compiles on its own

#include "schema_bodies.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>

#include <boost/json/parse.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <tuple>
#include <type_traits>

using namespace signalwire;
using test_support::files_below;
using test_support::read_file;
using test_support::data_dir;
using test_support::body_generator;

namespace {

/// A DOM keeps a number as a double (or `-0` as the integer 0), so only a decimal's
/// value survives the reference path: compare decimals by value, everything else exactly.
/// Walks every member the schema gives T, nested objects and arrays included.
template <class V>
void normalize_decimals(V& v) {
    if constexpr (std::is_same_v<V, decimal>) {
        const double value = v.to_double();
        v = value == 0 ? decimal() : decimal::from_double(value);
    } else if constexpr (test_support::is_vector<V>::value) {
        for (auto& item : v) normalize_decimals(item);
    } else if constexpr (is_model_v<V>) {
        test_support::for_each_field<V>([&](const auto& f) {
            auto& member = v.*(f.member);
            if constexpr (test_support::is_optional<std::decay_t<decltype(member)>>::value) {
                if (member) normalize_decimals(*member);
            } else {
                normalize_decimals(member);
            }
        });
    }
}

struct tally {
    int agreed_values = 0;
    int agreed_errors = 0;
    int documented_differences = 0;
};

/// Decodes `json` both ways and checks that they agree.
template <class T>
void check_agree(const std::string& json, const decode_options& options, tally& t) {
    auto fast = decode<T>(json, options);
    boost::json::parse_options po;
    po.max_depth = options.max_depth;
    boost::system::error_code ec;
    const boost::json::value dom = boost::json::parse(json, ec, {}, po);
    if (ec) {  // not JSON: the fast path must reject it too
        CHECK_MESSAGE(!fast, json);
        ++t.agreed_errors;
        return;
    }
    auto reference = decode<T>(dom, options);
    if (!fast && fast.error().message == "duplicate member") {
        // Documented difference: a DOM keeps one of the duplicates, the fast path
        // rejects them. Everything else must match.
        ++t.documented_differences;
        return;
    }
    REQUIRE_MESSAGE(fast.has_value() == reference.has_value(),
                    json << "\nfast: " << (fast ? std::string("ok") : fast.error().to_string())
                         << "\nreference: " << (reference ? std::string("ok") : reference.error().to_string()));
    if (fast) {
        T a = *fast, b = *reference;
        normalize_decimals(a);
        normalize_decimals(b);
        CHECK_MESSAGE(a == b, json);
        ++t.agreed_values;
    } else {
        CHECK_MESSAGE(fast.error().pointer == reference.error().pointer, json);
        // Messages quote a number's literal text, which a DOM does not keep.
        if (fast.error().message.find("number") == std::string::npos &&
            fast.error().message.find("integer ") != 0)
            CHECK_MESSAGE(fast.error().message == reference.error().message, json);
        ++t.agreed_errors;
    }
}

}  // namespace

TEST_CASE("fast and reference paths agree on every fixture, in both modes") {
    tally t;
    for (const auto& path : files_below(data_dir() / "fixtures", ".json")) {
        const std::string json = read_file(path);
        for (bool strict : {false, true}) {
            check_agree<Call>(json, decode_options{strict}, t);
            check_agree<CallList>(json, decode_options{strict}, t);
        }
    }
    CHECK(t.agreed_values >= 6);
}

TEST_CASE("fast and reference paths agree on every JSONTestSuite file") {
    tally t;
    const auto files = files_below(data_dir() / "JSONTestSuite/test_parsing", ".json");
    REQUIRE(files.size() > 300);
    for (const auto& path : files) {
        CAPTURE(path.filename().string());
        check_agree<Call>(read_file(path), {}, t);
        check_agree<CallList>(read_file(path), {}, t);
    }
    MESSAGE("JSONTestSuite: " << t.agreed_errors << " agreed errors, " << t.agreed_values << " agreed values, "
                              << t.documented_differences << " duplicate-key differences");
}

TEST_CASE("fast and reference paths agree on random documents generated from the schema") {
    body_generator g(20261127);
    tally t;
    for (int i = 0; i < 3000; ++i) {
        const bool list = g.pick(4) == 0;
        std::string json = list ? g.body<CallList>() : g.body<Call>();
        if (g.pick(5) == 0) json = g.mutate(json);
        const decode_options options{g.pick(3) == 0};
        if (list) check_agree<CallList>(json, options, t);
        else check_agree<Call>(json, options, t);
    }
    MESSAGE("random: " << t.agreed_values << " agreed values, " << t.agreed_errors << " agreed errors, "
                       << t.documented_differences << " duplicate-key differences");
    CHECK(t.agreed_values > 100);  // the generator must produce valid documents too
    CHECK(t.agreed_errors > 100);
}
