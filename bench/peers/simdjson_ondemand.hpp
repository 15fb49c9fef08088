// Competitor: simdjson On-Demand (Debian libsimdjson-dev 3.0.1) with hand-written
// extraction into signalwire::Call. It iterates the members in document order and
// dispatches on the key with the generated object_traits<Call>::find (the fastest
// dispatch available; out-of-order obj["key"] lookups rescan the object).
//   dates    signalwire::rfc2822::parse of the unescaped string
//   price    signalwire::decimal::parse of the number's raw token (raw_json_token)
//   enums    open_enum<E>::from_wire
// Favourable to simdjson: the padded copy of the input and the parser (with its
// buffers) are made once, outside the timed loop, and reused; On-Demand validates only
// what it reads. Unknown members are skipped (ours keeps them; the inputs have none).
//
// On-Demand runs the "builtin" kernel chosen at compile time: with the project's
// generic x86-64 flags that is `fallback`; the bench_codecs_native binary (built with
// -march=native, ours included) measures the SIMD kernel. The kernel is reported in
// the benchmark context as simdjson_builtin.
#ifndef SIGNALWIRE_BENCH_PEERS_SIMDJSON_ONDEMAND_HPP
#define SIGNALWIRE_BENCH_PEERS_SIMDJSON_ONDEMAND_HPP

#include <signalwire/call.hpp>

#include <simdjson.h>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>

namespace bench::simdjson_peer {

namespace od = simdjson::ondemand;
using signalwire::Call;
using signalwire::CallList;
using signalwire::CallSubresourceUris;

/// The name of the kernel On-Demand was compiled for.
inline std::string builtin_kernel() { return SIMDJSON_STRINGIFY(SIMDJSON_BUILTIN_IMPLEMENTATION); }

inline std::string_view trim(std::string_view raw) noexcept {
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t'))
        raw.remove_suffix(1);
    return raw;
}

inline std::string string_of(od::value v) { return std::string(std::string_view(v.get_string())); }

inline std::optional<std::string> opt_string(od::value v) {
    if (v.is_null()) return std::nullopt;
    return string_of(v);
}

inline signalwire::timestamp date(od::value v, std::string& err) {
    signalwire::timestamp t;
    if (!signalwire::rfc2822::parse(std::string_view(v.get_string()), t, err)) throw std::runtime_error(err);
    return t;
}

inline std::optional<signalwire::timestamp> opt_date(od::value v, std::string& err) {
    if (v.is_null()) return std::nullopt;
    return date(v, err);
}

inline std::optional<std::int32_t> opt_int32(od::value v) {
    if (v.is_null()) return std::nullopt;
    const std::int64_t i = v.get_int64();
    if (i < std::numeric_limits<std::int32_t>::min() || i > std::numeric_limits<std::int32_t>::max())
        throw std::runtime_error("integer out of range");
    return static_cast<std::int32_t>(i);
}

inline std::optional<double> opt_double(od::value v) {
    if (v.is_null()) return std::nullopt;
    return double(v.get_double());
}

inline std::optional<signalwire::decimal> opt_decimal(od::value v, std::string& err) {
    if (v.is_null()) return std::nullopt;
    signalwire::decimal d;
    if (!signalwire::decimal::parse(trim(v.raw_json_token()), d, err)) throw std::runtime_error(err);
    return d;
}

template <class E>
signalwire::open_enum<E> enum_of(od::value v) {
    return signalwire::open_enum<E>::from_wire(std::string_view(v.get_string()));
}

inline void read_subresource_uris(od::object obj, CallSubresourceUris& u) {
    for (auto field : obj) {
        const std::string_view key = field.unescaped_key();
        switch (signalwire::object_traits<CallSubresourceUris>::find(key)) {
            case 0: u.notifications = opt_string(field.value()); break;
            case 1: u.recordings = opt_string(field.value()); break;
            default: break;
        }
    }
}

inline void read_call(od::object obj, Call& c, std::string& err) {
    for (auto field : obj) {
        const std::string_view key = field.unescaped_key();
        od::value v = field.value();
        switch (signalwire::object_traits<Call>::find(key)) {
            case 0: c.sid = string_of(v); break;
            case 1: c.account_sid = string_of(v); break;
            case 2: c.date_created = opt_date(v, err); break;
            case 3: c.date_updated = opt_date(v, err); break;
            case 4: c.parent_call_sid = opt_string(v); break;
            case 5: c.to = string_of(v); break;
            case 6: c.formatted_to = opt_string(v); break;
            case 7: c.to_formatted = opt_string(v); break;
            case 8: c.from = string_of(v); break;
            case 9: c.formatted_from = opt_string(v); break;
            case 10: c.from_formatted = opt_string(v); break;
            case 11: c.phone_number_sid = opt_string(v); break;
            case 12: c.status = enum_of<signalwire::CallStatus>(v); break;
            case 13: c.start_time = opt_date(v, err); break;
            case 14: c.end_time = opt_date(v, err); break;
            case 15: c.duration = opt_int32(v); break;
            case 16: c.price = opt_decimal(v, err); break;
            case 17: c.price_unit = opt_string(v); break;
            case 18: c.direction = enum_of<signalwire::CallDirection>(v); break;
            case 19:
                if (v.is_null()) c.answered_by.reset();
                else c.answered_by = enum_of<signalwire::AnsweredBy>(v);
                break;
            case 20: c.api_version = opt_string(v); break;
            case 21: c.forwarded_from = opt_string(v); break;
            case 22: c.caller_name = opt_string(v); break;
            case 23: c.uri = string_of(v); break;
            case 24: read_subresource_uris(v.get_object(), c.subresource_uris.emplace()); break;
            case 25: c.annotation = opt_string(v); break;
            case 26: c.group_sid = opt_string(v); break;
            case 27: c.sip_result_code = opt_string(v); break;
            case 28: c.audio_in_mos = opt_double(v); break;
            case 29: c.audio_rtt_avg = opt_int32(v); break;
            case 30: c.audio_rtt_min = opt_int32(v); break;
            case 31: c.audio_rtt_max = opt_int32(v); break;
            case 32: c.audio_out_jitter_min = opt_int32(v); break;
            case 33: c.audio_out_jitter_max = opt_int32(v); break;
            case 34: c.audio_out_jitter_avg = opt_int32(v); break;
            case 35: c.audio_out_lost = opt_int32(v); break;
            default: break;  // unknown member: skipped
        }
    }
}

inline Call decode_call(od::parser& parser, const simdjson::padded_string& text) {
    std::string err;
    Call c;
    od::document doc = parser.iterate(text);
    read_call(doc.get_object(), c, err);
    return c;
}

inline CallList decode_list(od::parser& parser, const simdjson::padded_string& text) {
    std::string err;
    CallList l;
    od::document doc = parser.iterate(text);
    for (auto field : doc.get_object()) {
        const std::string_view key = field.unescaped_key();
        od::value v = field.value();
        switch (signalwire::object_traits<CallList>::find(key)) {
            case 0: l.uri = string_of(v); break;
            case 1: l.first_page_uri = string_of(v); break;
            case 2: l.next_page_uri = opt_string(v); break;
            case 3: l.previous_page_uri = opt_string(v); break;
            case 4: l.page = *opt_int32(v); break;
            case 5: l.page_size = *opt_int32(v); break;
            case 6:
                for (auto element : v.get_array()) read_call(element.get_object(), l.calls.emplace_back(), err);
                break;
            case 7: l.start = opt_int32(v); break;
            case 8: l.end = opt_int32(v); break;
            default: break;
        }
    }
    return l;
}

}  // namespace bench::simdjson_peer

#endif
