// Decode and encode benchmarks: signalwire::decode / encode against the competitors
// under bench/peers/, on the same bytes, in one Google Benchmark run. At startup every
// competitor's result is CHECKed against ours on every input (the program aborts with a
// message if one differs), so the comparison is between programs that produce the same
// signalwire::Call.
//
// Benchmark names: decode/<input>/<impl>, encode/<input>/<impl>, with
//   input  fixture (call-fetch-2019.json), full (synthetic ~1 KB, all 36 fields),
//          page (1000 synthetic calls, ~1 MB)
//   impl   ours, null_handler, boost_dom, boost_value_to_plain, nlohmann, rapidjson,
//          simdjson_ondemand (decode); ours, boost_value_from_plain, nlohmann (encode);
//          ours_into (fixture, full: signalwire::decode_into one Call object reused
//          across iterations, so its strings keep their capacity);
//          ours_each (page: signalwire::decode_each<CallList>, one callback per call,
//          the page's other members returned)
// bytes_per_second counts the JSON text: the input for decode, our output for encode.
//
// Built twice: bench_codecs (the project's flags) and bench_codecs_native
// (-march=native, BENCH_NATIVE: only ours, ours_into, ours_each, null_handler and
// simdjson_ondemand), where simdjson On-Demand runs its SIMD kernel instead of the
// fallback one.
#include "inputs.hpp"
#include "peers/boost_dom.hpp"
#include "peers/describe_plain.hpp"
#include "peers/nlohmann.hpp"
#include "peers/null_handler.hpp"
#include "peers/rapidjson.hpp"
#include "peers/simdjson_ondemand.hpp"

#include <signalwire/call.hpp>
#include <signalwire/stream.hpp>

#include <benchmark/benchmark.h>
#include <boost/json/parse.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using signalwire::Call;
using signalwire::CallList;

#ifdef BENCH_NATIVE
constexpr bool native_build = true;
#else
constexpr bool native_build = false;
#endif

[[noreturn]] void check_failed(const std::string& what) {
    std::fprintf(stderr, "bench_codecs: CHECK failed: %s\n", what.c_str());
    std::abort();
}

template <class T>
T ours(std::string_view text) {
    auto r = signalwire::decode<T>(text);
    if (!r) check_failed("our decode failed: " + r.error().to_string());
    return std::move(*r);
}

/// decode_into `out`, which may hold an earlier decode: CHECKed to succeed.
void ours_into(Call& out, std::string_view text) {
    auto r = signalwire::decode_into(out, text);
    if (!r) check_failed("our decode_into failed: " + r.error().to_string());
}

/// decode_each over the page: the calls it calls back with, and the page it returns.
std::pair<std::vector<Call>, CallList> ours_each(std::string_view text) {
    std::vector<Call> calls;
    auto r = signalwire::decode_each<CallList>(text, [&calls](const Call& c) { calls.push_back(c); });
    if (!r) check_failed("our decode_each failed: " + r.error().to_string());
    return {std::move(calls), std::move(*r)};
}

template <class T>
void check_same(const T& theirs, const T& mine, const std::string& what) {
    if (theirs != mine)
        check_failed(what + " differs from our decode:\n  theirs: " + signalwire::encode(theirs) +
                     "\n  ours:   " + signalwire::encode(mine));
}

/// Runs `f`, turning an exception into a CHECK failure naming `what`.
template <class F>
auto guarded(const std::string& what, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const std::exception& e) {
        check_failed(what + " threw: " + e.what());
    }
}

/// Equal JSON values, member order aside; numbers compare by value, whatever their
/// spelling or DOM kind (3, 3.0 and 3E0; 0.0065 and 6.5E-3).
bool same_json(const boost::json::value& a, const boost::json::value& b) {
    if (a.is_number() && b.is_number()) {
        if (a.kind() == b.kind()) return a == b;
        return a.to_number<double>() == b.to_number<double>();
    }
    if (a.kind() != b.kind()) return false;
    if (a.is_array()) {
        const auto& x = a.get_array();
        const auto& y = b.get_array();
        if (x.size() != y.size()) return false;
        for (std::size_t i = 0; i < x.size(); ++i)
            if (!same_json(x[i], y[i])) return false;
        return true;
    }
    if (a.is_object()) {
        const auto& x = a.get_object();
        const auto& y = b.get_object();
        if (x.size() != y.size()) return false;
        for (const auto& kv : x) {
            const boost::json::value* other = y.if_contains(kv.key());
            if (!other || !same_json(kv.value(), *other)) return false;
        }
        return true;
    }
    return a == b;
}

/// Two encodings say the same thing (see same_json).
void check_same_json(const std::string& theirs, const std::string& mine, const std::string& what) {
    const auto a = guarded(what + " (parse)", [&] { return boost::json::parse(theirs); });
    const auto b = guarded(what + " (parse ours)", [&] { return boost::json::parse(mine); });
    if (!same_json(a, b)) check_failed(what + " encodes differently from ours:\n  theirs: " + theirs + "\n  ours:   " + mine);
}

/// Every one of the 36 fields of the synthetic Call is set.
void check_full(const Call& c) {
    const std::string text = signalwire::encode(c);
    if (text.find("null") != std::string::npos) check_failed("the full Call has an empty field: " + text);
    const bool all = c.parent_call_sid && c.formatted_to && c.to_formatted && c.formatted_from && c.from_formatted &&
                     c.phone_number_sid && c.start_time && c.end_time && c.duration && c.price && c.price_unit &&
                     c.answered_by && c.api_version && c.forwarded_from && c.caller_name && c.subresource_uris &&
                     c.annotation && c.group_sid && c.sip_result_code && c.audio_in_mos && c.audio_rtt_avg &&
                     c.audio_rtt_min && c.audio_rtt_max && c.audio_out_jitter_min && c.audio_out_jitter_max &&
                     c.audio_out_jitter_avg && c.audio_out_lost;
    if (!all || !c.unknown_members.empty()) check_failed("the full Call does not set exactly the 36 fields: " + text);
}

struct input {
    std::string name;
    std::string text;
    bool is_list;
    bool plain_decodable;  // Boost's described-class conversion needs exactly the 36 members
};

void check_inputs(const std::vector<input>& inputs) {
    for (const input& in : inputs) {
        const std::string at = " on " + in.name;
        if (!bench::null_handler::validate(in.text)) check_failed("null_handler rejects the input" + at);
        simdjson::ondemand::parser sj_parser;
        const simdjson::padded_string padded(in.text);
        if (in.is_list) {
            const CallList mine = ours<CallList>(in.text);
            if (mine.calls.size() != 1000) check_failed("the page does not hold 1000 calls");
            for (const Call& c : mine.calls) check_full(c);
            {  // the streaming decode: the same calls, in order, and the same other members
                auto [calls, page] = ours_each(in.text);
                if (calls.size() != mine.calls.size()) check_failed("decode_each called back a different number of times");
                for (std::size_t i = 0; i < calls.size(); ++i)
                    check_same(calls[i], mine.calls[i], "decode_each's call " + std::to_string(i) + at);
                if (!page.calls.empty()) check_failed("decode_each returned calls in the page" + at);
                CallList rest = mine;
                rest.calls.clear();
                check_same(page, rest, "decode_each's page members" + at);
            }
            check_same(guarded("simdjson_ondemand" + at, [&] { return bench::simdjson_peer::decode_list(sj_parser, padded); }),
                       mine, "simdjson_ondemand" + at);
            if (native_build) continue;
            check_same(guarded("boost_dom" + at, [&] { return bench::boost_dom::decode_list(in.text); }), mine,
                       "boost_dom" + at);
            check_same(guarded("nlohmann" + at, [&] { return bench::nlohmann_peer::decode_list(in.text); }), mine,
                       "nlohmann" + at);
            check_same(guarded("rapidjson" + at, [&] { return bench::rapidjson_peer::decode_list(in.text); }), mine,
                       "rapidjson" + at);
            check_same(guarded("boost_value_to_plain" + at,
                               [&] { return bench::describe_plain::to_list(bench::describe_plain::decode_list(in.text)); }),
                       mine, "boost_value_to_plain" + at);
            continue;
        }
        const Call mine = ours<Call>(in.text);
        if (in.plain_decodable) check_full(mine);
        {  // decode_into: into a fresh Call, then into one that holds every input's decode
            Call fresh;
            ours_into(fresh, in.text);
            check_same(fresh, mine, "decode_into a fresh Call" + at);
            for (const input& other : inputs) {
                if (other.is_list) continue;
                Call reused;
                ours_into(reused, other.text);
                ours_into(reused, in.text);
                check_same(reused, mine, "decode_into a Call holding " + other.name + at);
            }
        }
        check_same(guarded("simdjson_ondemand" + at, [&] { return bench::simdjson_peer::decode_call(sj_parser, padded); }),
                   mine, "simdjson_ondemand" + at);
        if (native_build) continue;
        check_same(guarded("boost_dom" + at, [&] { return bench::boost_dom::decode_call(in.text); }), mine,
                   "boost_dom" + at);
        check_same(guarded("nlohmann" + at, [&] { return bench::nlohmann_peer::decode_call(in.text); }), mine,
                   "nlohmann" + at);
        check_same(guarded("rapidjson" + at, [&] { return bench::rapidjson_peer::decode_call(in.text); }), mine,
                   "rapidjson" + at);
        if (in.plain_decodable)
            check_same(guarded("boost_value_to_plain" + at,
                               [&] { return bench::describe_plain::to_call(bench::describe_plain::decode_call(in.text)); }),
                       mine, "boost_value_to_plain" + at);
        // Encoders: each must say what ours says, and ours must decode back to the same Call.
        const std::string enc = signalwire::encode(mine);
        check_same(ours<Call>(enc), mine, "our encode/decode round trip" + at);
        check_same_json(guarded("boost_value_from_plain" + at,
                                [&] { return bench::describe_plain::encode_call(bench::describe_plain::from_call(mine)); }),
                        enc, "boost_value_from_plain" + at);
        check_same_json(guarded("nlohmann encode" + at, [&] { return bench::nlohmann_peer::encode_call(mine); }), enc,
                        "nlohmann encode" + at);
    }
}

void add(const std::string& name, std::size_t bytes, std::function<void()> body) {
    benchmark::RegisterBenchmark(name.c_str(), [bytes, body](benchmark::State& state) {
        for (auto _ : state) body();
        state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(bytes));
    });
}

template <class T>
void add_simdjson(const std::string& name, const std::string& text, T (*decode)(simdjson::ondemand::parser&, const simdjson::padded_string&)) {
    benchmark::RegisterBenchmark(name.c_str(), [&text, decode](benchmark::State& state) {
        simdjson::ondemand::parser parser;
        const simdjson::padded_string padded(text);
        benchmark::DoNotOptimize(decode(parser, padded));  // sizes the parser's buffers
        for (auto _ : state) {
            T value = decode(parser, padded);
            benchmark::DoNotOptimize(value);
        }
        state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
    });
}

template <class T>
void register_decode(const input& in) {
    const std::string& text = in.text;
    const std::string prefix = "decode/" + in.name + "/";
    add(prefix + "ours", text.size(), [&text] {
        auto r = signalwire::decode<T>(text);
        benchmark::DoNotOptimize(r);
    });
    if constexpr (std::is_same_v<T, Call>) {
        // One Call reused across iterations, as an ingest loop holds it; the first decode
        // (outside the timed loop) gives its strings their capacity.
        benchmark::RegisterBenchmark((prefix + "ours_into").c_str(), [&text](benchmark::State& state) {
            Call call;
            ours_into(call, text);
            for (auto _ : state) {
                auto r = signalwire::decode_into(call, text);
                benchmark::DoNotOptimize(r);
                benchmark::DoNotOptimize(call);
            }
            state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
        });
    } else {
        // The page streamed: each call handed to a callback that looks at it and keeps
        // nothing; the page's other members come back in the result.
        add(prefix + "ours_each", text.size(), [&text] {
            std::size_t n = 0;
            auto r = signalwire::decode_each<CallList>(text, [&n](const Call& c) {
                benchmark::DoNotOptimize(&c);
                ++n;
            });
            benchmark::DoNotOptimize(r);
            benchmark::DoNotOptimize(n);
        });
    }
    add(prefix + "null_handler", text.size(), [&text] { benchmark::DoNotOptimize(bench::null_handler::validate(text)); });
    if constexpr (std::is_same_v<T, Call>) add_simdjson<Call>(prefix + "simdjson_ondemand", text, &bench::simdjson_peer::decode_call);
    else add_simdjson<CallList>(prefix + "simdjson_ondemand", text, &bench::simdjson_peer::decode_list);
    if (native_build) return;
    if constexpr (std::is_same_v<T, Call>) {
        add(prefix + "boost_dom", text.size(), [&text] {
            Call c = bench::boost_dom::decode_call(text);
            benchmark::DoNotOptimize(c);
        });
        add(prefix + "nlohmann", text.size(), [&text] {
            Call c = bench::nlohmann_peer::decode_call(text);
            benchmark::DoNotOptimize(c);
        });
        add(prefix + "rapidjson", text.size(), [&text] {
            Call c = bench::rapidjson_peer::decode_call(text);
            benchmark::DoNotOptimize(c);
        });
        if (in.plain_decodable)
            add(prefix + "boost_value_to_plain", text.size(), [&text] {
                auto p = bench::describe_plain::decode_call(text);
                benchmark::DoNotOptimize(p);
            });
    } else {
        add(prefix + "boost_dom", text.size(), [&text] {
            CallList l = bench::boost_dom::decode_list(text);
            benchmark::DoNotOptimize(l);
        });
        add(prefix + "nlohmann", text.size(), [&text] {
            CallList l = bench::nlohmann_peer::decode_list(text);
            benchmark::DoNotOptimize(l);
        });
        add(prefix + "rapidjson", text.size(), [&text] {
            CallList l = bench::rapidjson_peer::decode_list(text);
            benchmark::DoNotOptimize(l);
        });
        add(prefix + "boost_value_to_plain", text.size(), [&text] {
            auto p = bench::describe_plain::decode_list(text);
            benchmark::DoNotOptimize(p);
        });
    }
}

void register_encode(const std::string& name, const Call& call, const bench::describe_plain::PlainCall& plain) {
    const std::size_t bytes = signalwire::encode(call).size();
    const std::string prefix = "encode/" + name + "/";
    add(prefix + "ours", bytes, [&call] {
        std::string s = signalwire::encode(call);
        benchmark::DoNotOptimize(s);
    });
    add(prefix + "boost_value_from_plain", bytes, [&plain] {
        std::string s = bench::describe_plain::encode_call(plain);
        benchmark::DoNotOptimize(s);
    });
    add(prefix + "nlohmann", bytes, [&call] {
        std::string s = bench::nlohmann_peer::encode_call(call);
        benchmark::DoNotOptimize(s);
    });
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

    static const std::vector<input> inputs = guarded("loading the inputs", [] {
        return std::vector<input>{{"fixture", bench::fixture_call_json(), false, false},
                                  {"full", bench::full_call_json(), false, true},
                                  {"page", bench::page_json(1000), true, true}};
    });
    check_inputs(inputs);
    std::fprintf(stderr, "bench_codecs: every competitor matches our decode on every input\n");

    benchmark::AddCustomContext("build", native_build ? "native (-march=native)" : "generic (project flags)");
    benchmark::AddCustomContext("simdjson_builtin", bench::simdjson_peer::builtin_kernel());
    for (const input& in : inputs) benchmark::AddCustomContext("bytes." + in.name, std::to_string(in.text.size()));

    register_decode<Call>(inputs[0]);
    register_decode<Call>(inputs[1]);
    register_decode<CallList>(inputs[2]);
    if (!native_build) {
        static const Call fixture = ours<Call>(inputs[0].text);
        static const Call full = ours<Call>(inputs[1].text);
        static const auto fixture_plain = bench::describe_plain::from_call(fixture);
        static const auto full_plain = bench::describe_plain::from_call(full);
        register_encode("fixture", fixture, fixture_plain);
        register_encode("full", full, full_plain);
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
