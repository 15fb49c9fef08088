// The benchmark inputs, all built deterministically:
//   fixture  tests/data/fixtures/signalwire/call-fetch-2019.json, verbatim (982 bytes)
//   full     a synthetic ~1 KB Call in SignalWire's shape with all 36 fields set
//   page     a synthetic List Calls page of 1000 such calls (~1 MB), each with its own
//            sid, dates, price, status, direction and numbers
// Prices and doubles are written in their shortest round-trip form, so that a DOM
// parser (which keeps only the double) and our decoder (which keeps the literal text)
// can agree on the decoded decimal.
#ifndef SIGNALWIRE_BENCH_INPUTS_HPP
#define SIGNALWIRE_BENCH_INPUTS_HPP

#include <signalwire/call.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace bench {

/// The repository's test data directory, tests/data: $SIGNALWIRE_TEST_DATA when set (as
/// the tests do), else the absolute path meson compiles in, else tests/data relative to
/// the working directory (the project root).
inline std::string data_dir() {
    if (const char* env = std::getenv("SIGNALWIRE_TEST_DATA"); env && *env) return env;
#ifdef SIGNALWIRE_BENCH_TEST_DATA
    return SIGNALWIRE_BENCH_TEST_DATA;
#else
    return "tests/data";
#endif
}

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path + " (set SIGNALWIRE_TEST_DATA to the tests/data directory)");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string fixture_call_json() {
    std::string text = read_file(data_dir() + "/fixtures/signalwire/call-fetch-2019.json");
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
}

inline constexpr std::string_view account_sid = "b3877c40-da60-4998-90ad-b792e98472af";

/// A UUID-shaped id, distinct for each (kind, i).
inline std::string make_sid(unsigned kind, unsigned i) {
    char buf[40];
    const unsigned long long tail = (static_cast<unsigned long long>(i) * 2654435761ULL + kind * 7919ULL) & 0xffffffffffffULL;
    std::snprintf(buf, sizeof buf, "%08x-%04x-4%03x-9%03x-%012llx", 0x5a000000u + i, kind & 0xffffu, i % 0x1000u,
                  (i * 7u) % 0x1000u, tail);
    return buf;
}

inline std::string rfc_date(std::int64_t seconds) {
    return signalwire::rfc2822::format(signalwire::timestamp(std::chrono::seconds(seconds)));
}

/// The text a price is written with: the shortest form of its double.
inline std::string price_text(unsigned i) {
    const double value = static_cast<double>(65 + (i * 37u) % 150u) / 10000.0;
    return std::string(signalwire::decimal::from_double(value).text());
}

/// One Call in SignalWire's shape (member order as the fixture, the 2026 fields last),
/// every one of the 36 fields present and non-null.
inline std::string call_json(unsigned i) {
    static constexpr const char* statuses[] = {"completed", "busy", "no-answer", "failed", "canceled", "in-progress"};
    static constexpr const char* directions[] = {"outbound-api", "inbound", "outbound-dial"};
    const std::string sid = make_sid(1, i);
    const std::string uri = "/api/laml/2010-04-01/Accounts/" + std::string(account_sid) + "/Calls/" + sid;
    const std::int64_t created = 1700000000 + static_cast<std::int64_t>(i) * 61;
    const unsigned duration = 20 + i % 600;
    const std::string to = "+1310" + std::to_string(5670000 + i);
    const std::string from = "+1310" + std::to_string(3380000 + i * 3);
    const std::string to_fmt = "(310) " + to.substr(5, 3) + "-" + to.substr(8);
    const std::string from_fmt = "(310) " + from.substr(5, 3) + "-" + from.substr(8);
    char mos[32];
    std::snprintf(mos, sizeof mos, "%u.%u", 3 + i % 2, i % 10);  // 3.0..4.9, shortest form
    std::string j;
    j.reserve(1200);
    auto str = [&](const char* key, const std::string& value, bool comma = true) {
        j += '"';
        j += key;
        j += "\":\"";
        j += value;
        j += '"';
        if (comma) j += ',';
    };
    auto num = [&](const char* key, const std::string& value) {
        j += '"';
        j += key;
        j += "\":";
        j += value;
        j += ',';
    };
    j += '{';
    str("sid", sid);
    str("date_created", rfc_date(created));
    str("date_updated", rfc_date(created + 25 + duration));
    str("parent_call_sid", make_sid(2, i));
    str("account_sid", std::string(account_sid));
    str("to", to);
    str("formatted_to", to_fmt);
    str("to_formatted", to_fmt);
    str("from", from);
    str("formatted_from", from_fmt);
    str("from_formatted", from_fmt);
    str("phone_number_sid", make_sid(3, i));
    str("status", statuses[i % 6]);
    str("start_time", rfc_date(created + 2));
    str("end_time", rfc_date(created + 2 + duration));
    num("duration", std::to_string(duration));
    num("price", price_text(i));
    str("price_unit", "USD");
    str("direction", directions[i % 3]);
    str("answered_by", i % 4 == 3 ? "machine" : "human");
    str("api_version", "2010-04-01");
    str("forwarded_from", "+1310225" + std::to_string(9000 + i % 1000));
    str("caller_name", "SIGNALWIRE CALLER " + std::to_string(i % 100));
    str("uri", uri);
    j += "\"subresource_uris\":{";
    str("notifications", uri + "/Notifications");
    str("recordings", uri + "/Recordings", false);
    j += "},";
    str("annotation", "benchmark call " + std::to_string(i));
    str("group_sid", make_sid(4, i % 16));
    str("sip_result_code", i % 5 == 4 ? "486" : "200");
    num("audio_in_mos", mos);
    num("audio_rtt_avg", std::to_string(40 + i % 30));
    num("audio_rtt_min", std::to_string(15 + i % 10));
    num("audio_rtt_max", std::to_string(90 + i % 50));
    num("audio_out_jitter_min", std::to_string(i % 3));
    num("audio_out_jitter_max", std::to_string(10 + i % 7));
    num("audio_out_jitter_avg", std::to_string(4 + i % 5));
    j += "\"audio_out_lost\":" + std::to_string(i % 13);
    j += '}';
    return j;
}

inline std::string full_call_json() { return call_json(0); }

/// A List Calls page of `n` calls (call_json(0..n-1)), in SignalWire's list shape.
inline std::string page_json(unsigned n = 1000) {
    const std::string base = "/api/laml/2010-04-01/Accounts/" + std::string(account_sid) + "/Calls";
    const std::string size = std::to_string(n);
    std::string j = "{\"uri\":\"" + base + "?Page=0&PageSize=" + size + "\",\"first_page_uri\":\"" + base +
                    "?Page=0&PageSize=" + size + "\",\"next_page_uri\":\"" + base + "?Page=1&PageSize=" + size +
                    "&PageToken=PA" + make_sid(9, n) + "\",\"previous_page_uri\":null,\"page\":0,\"page_size\":" +
                    size + ",\"calls\":[";
    j.reserve(n * 1200);
    for (unsigned i = 0; i < n; ++i) {
        if (i) j += ',';
        j += call_json(i);
    }
    j += "]}";
    return j;
}

}  // namespace bench

#endif
