// Differential test: the fast path (decode<T>(text): basic_parser events straight into
// the structs) against the reference path (boost::json::parse, then decode<T>(value)).
// They must agree on every fixture, every JSONTestSuite file and thousands of random
// documents generated from the schema: same model, or an error at the same pointer.
#include <signalwire/call.hpp>  // first: the header compiles on its own

#include "test_data.hpp"

#include <doctest/doctest.h>

#include <boost/json/parse.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <tuple>

using namespace signalwire;
using test_support::files_below;
using test_support::read_file;
using test_support::data_dir;

namespace {

/// A DOM keeps a number as a double (or `-0` as the integer 0), so only the decimal's
/// value survives the reference path: compare prices by value, everything else exactly.
void normalize_prices(Call& c) {
    if (!c.price) return;
    const double value = c.price->to_double();
    c.price = value == 0 ? decimal() : decimal::from_double(value);
}
void normalize_prices(CallList& l) {
    for (auto& c : l.calls) normalize_prices(c);
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
        normalize_prices(a);
        normalize_prices(b);
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

/// Random documents shaped by the schema: each field present or not, with a valid
/// value, a wrong type, null, "", a number as a string or an unknown enum value;
/// unknown members with nested values; escapes and non-ASCII text.
class generator {
public:
    explicit generator(std::uint32_t seed) : rng_(seed) {}

    std::string call() {
        std::string out = "{";
        bool first = true;
        std::apply([&](const auto&... f) { (member(out, first, f), ...); }, object_traits<Call>::fields);
        unknown_members(out, first);
        return out + "}";
    }

    std::string page() {
        std::string out = R"({"uri":"/p","first_page_uri":"/f","page":)" + std::to_string(pick(3)) +
                          R"(,"page_size":50,"calls":[)";
        // Mostly short pages; some long enough for the decoder to reserve from the size of
        // the first call (which moves the call being decoded: a case worth differing on).
        const int n = pick(8) == 0 ? 20 + pick(40) : pick(4);
        for (int i = 0; i < n; ++i) out += (i ? "," : "") + call();
        out += "]";
        if (pick(3) == 0) out += R"(,"next_page_uri":null,"start":0,"end":")" + std::to_string(pick(9)) + "\"";
        return out + "}";
    }

    std::string mutate(std::string s) {
        switch (pick(4)) {
            case 0: return s.substr(0, static_cast<std::size_t>(pick(static_cast<int>(s.size()) + 1)));
            case 1: s[static_cast<std::size_t>(pick(static_cast<int>(s.size())))] = "{}[]\",:0a\\ "[pick(11)]; return s;
            case 2: return s.insert(static_cast<std::size_t>(pick(static_cast<int>(s.size()))), ",\"k\":[1]");
            default: return s + (pick(2) ? " " : "x");
        }
    }

    int pick(int n) { return n <= 0 ? 0 : static_cast<int>(rng_() % static_cast<std::uint32_t>(n)); }

private:
    template <class S, class M>
    void member(std::string& out, bool& first, const field<S, M>& f) {
        if (pick(8) == 0 && !f.required) return;  // absent
        out += first ? "" : ",";
        first = false;
        out += f.quoted_key;
        switch (pick(12)) {
            case 0: out += "null"; return;
            case 1: out += "\"\""; return;
            case 2: out += pick(2) ? "[1,{\"a\":null}]" : "true"; return;  // wrong type
            default: value(out, static_cast<typename detail::value_type_of<M>::type*>(nullptr));
        }
    }

    void value(std::string& out, std::string*) { out += text(); }
    void value(std::string& out, std::int32_t*) {
        const std::int64_t v = static_cast<std::int64_t>(rng_()) - (1LL << 31) + (pick(10) == 0 ? (1LL << 33) : 0);
        out += pick(3) ? std::to_string(v % 100000) : "\"" + std::to_string(v) + "\"";
    }
    void value(std::string& out, double*) {
        const char* forms[] = {"4.5", "1e2", "-0.25", "\"3.75\"", "3", "1E-3", "\"x\""};
        out += forms[pick(7)];
    }
    void value(std::string& out, decimal*) {
        const char* forms[] = {"0.0065", "-0.03000", "\"-0.200\"", "12", "1.5e-3", "\"abc\"", "\"+1\"", "-0"};
        out += forms[pick(8)];
    }
    void value(std::string& out, timestamp*) {
        const char* forms[] = {"\"Sun, 03 Feb 2019 21:36:05 +0000\"", "\"Wed, 19 Sept 2018 20:00:00 EST\"",
                               "\"19 Sep 18 20:00 GMT\"", "\"Thu, 19 Sep 2018 20:00:00 +0000\"",
                               "\"Wed, 32 Sep 2018 20:00:00 +0000\"", "\"yesterday\""};
        out += forms[pick(6)];
    }
    template <class E>
    void value(std::string& out, open_enum<E>*) {
        const auto& names = enum_traits<E>::names;
        if (pick(4) == 0) out += "\"something-new\"";
        else (out += '"').append(names[static_cast<std::size_t>(pick(static_cast<int>(std::size(names))))].wire) += '"';
    }
    void value(std::string& out, CallSubresourceUris*) {
        out += "{";
        if (pick(4)) out += "\"recordings\":" + text();
        if (pick(2)) out += std::string(out.back() == '{' ? "" : ",") + "\"notifications\":null";
        if (pick(3) == 0) out += std::string(out.back() == '{' ? "" : ",") + "\"feedback\":" + text();
        out += "}";
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

    std::string text() {
        const char* pieces[] = {"+1310", "sip:a@b.c", "\\\"", "\\\\", "\\n", "\\u00e9", "\\ud83d\\ude00",
                                "Zo\xc3\xab", "/api/laml", " ", "\\/", "x"};
        std::string s = "\"";
        const int n = pick(6);
        for (int i = 0; i < n; ++i) s += pieces[pick(12)];
        return s + "\"";
    }

    std::mt19937 rng_;
};

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
    generator g(20261127);
    tally t;
    for (int i = 0; i < 3000; ++i) {
        const bool list = g.pick(4) == 0;
        std::string json = list ? g.page() : g.call();
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
