// Competitor: nlohmann::json (default std::map objects).
//   decode  nlohmann::json::parse, then hand-written extraction into signalwire::Call,
//           member by member, looked up by key (json::find), with the same rules as
//           the Boost DOM one (price via decimal::from_double: no number text).
//   encode  build an nlohmann::json from the Call (dates formatted, enums by wire
//           name, price as a double, nullable empties as null), then dump().
// Unknown members are ignored (ours keeps them; the inputs have none).
#ifndef SIGNALWIRE_BENCH_PEERS_NLOHMANN_HPP
#define SIGNALWIRE_BENCH_PEERS_NLOHMANN_HPP

#include <signalwire/call.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace bench::nlohmann_peer {

using json = nlohmann::json;
using signalwire::Call;
using signalwire::CallList;
using signalwire::CallSubresourceUris;

inline const json* member(const json& o, std::string_view key) {
    auto it = o.find(key);
    return it == o.end() || it->is_null() ? nullptr : &*it;
}

inline std::string req_string(const json& o, std::string_view key) {
    return o.at(key).get_ref<const std::string&>();
}

inline std::optional<std::string> opt_string(const json& o, std::string_view key) {
    const json* v = member(o, key);
    if (!v) return std::nullopt;
    return v->get_ref<const std::string&>();
}

inline signalwire::timestamp date(const json& v, std::string& err) {
    signalwire::timestamp t;
    if (!signalwire::rfc2822::parse(v.get_ref<const std::string&>(), t, err)) throw std::runtime_error(err);
    return t;
}

inline std::optional<signalwire::timestamp> opt_date(const json& o, std::string_view key, std::string& err) {
    const json* v = member(o, key);
    if (!v) return std::nullopt;
    return date(*v, err);
}

/// A required, nullable date: the member must be there (json::at throws), null is empty.
inline std::optional<signalwire::timestamp> nullable_date(const json& o, std::string_view key, std::string& err) {
    const json& v = o.at(key);
    if (v.is_null()) return std::nullopt;
    return date(v, err);
}

inline std::optional<std::int32_t> opt_int32(const json& o, std::string_view key) {
    const json* v = member(o, key);
    if (!v) return std::nullopt;
    return v->get<std::int32_t>();
}

inline std::optional<double> opt_double(const json& o, std::string_view key) {
    const json* v = member(o, key);
    if (!v) return std::nullopt;
    return v->get<double>();
}

template <class E>
signalwire::open_enum<E> enum_of(const json& o, std::string_view key) {
    return signalwire::open_enum<E>::from_wire(o.at(key).get_ref<const std::string&>());
}

inline Call extract_call(const json& o) {
    std::string err;
    Call c;
    c.sid = req_string(o, "sid");
    c.account_sid = req_string(o, "account_sid");
    c.date_created = nullable_date(o, "date_created", err);
    c.date_updated = nullable_date(o, "date_updated", err);
    c.parent_call_sid = opt_string(o, "parent_call_sid");
    c.to = req_string(o, "to");
    c.formatted_to = opt_string(o, "formatted_to");
    c.to_formatted = opt_string(o, "to_formatted");
    c.from = req_string(o, "from");
    c.formatted_from = opt_string(o, "formatted_from");
    c.from_formatted = opt_string(o, "from_formatted");
    c.phone_number_sid = opt_string(o, "phone_number_sid");
    c.status = enum_of<signalwire::CallStatus>(o, "status");
    c.start_time = opt_date(o, "start_time", err);
    c.end_time = opt_date(o, "end_time", err);
    c.duration = opt_int32(o, "duration");
    if (const json* v = member(o, "price")) c.price = signalwire::decimal::from_double(v->get<double>());
    c.price_unit = opt_string(o, "price_unit");
    c.direction = enum_of<signalwire::CallDirection>(o, "direction");
    if (const json* v = member(o, "answered_by"))
        c.answered_by = signalwire::open_enum<signalwire::AnsweredBy>::from_wire(v->get_ref<const std::string&>());
    c.api_version = opt_string(o, "api_version");
    c.forwarded_from = opt_string(o, "forwarded_from");
    c.caller_name = opt_string(o, "caller_name");
    c.uri = req_string(o, "uri");
    if (const json* v = member(o, "subresource_uris")) {
        CallSubresourceUris u;
        u.notifications = opt_string(*v, "notifications");
        u.recordings = opt_string(*v, "recordings");
        c.subresource_uris = std::move(u);
    }
    c.annotation = opt_string(o, "annotation");
    c.group_sid = opt_string(o, "group_sid");
    c.sip_result_code = opt_string(o, "sip_result_code");
    c.audio_in_mos = opt_double(o, "audio_in_mos");
    c.audio_rtt_avg = opt_int32(o, "audio_rtt_avg");
    c.audio_rtt_min = opt_int32(o, "audio_rtt_min");
    c.audio_rtt_max = opt_int32(o, "audio_rtt_max");
    c.audio_out_jitter_min = opt_int32(o, "audio_out_jitter_min");
    c.audio_out_jitter_max = opt_int32(o, "audio_out_jitter_max");
    c.audio_out_jitter_avg = opt_int32(o, "audio_out_jitter_avg");
    c.audio_out_lost = opt_int32(o, "audio_out_lost");
    return c;
}

inline CallList extract_list(const json& o) {
    CallList l;
    l.uri = req_string(o, "uri");
    l.first_page_uri = req_string(o, "first_page_uri");
    l.next_page_uri = opt_string(o, "next_page_uri");
    l.previous_page_uri = opt_string(o, "previous_page_uri");
    l.page = o.at("page").get<std::int32_t>();
    l.page_size = o.at("page_size").get<std::int32_t>();
    const json& calls = o.at("calls");
    l.calls.reserve(calls.size());
    for (const json& c : calls) l.calls.push_back(extract_call(c));
    l.start = opt_int32(o, "start");
    l.end = opt_int32(o, "end");
    return l;
}

inline Call decode_call(std::string_view text) { return extract_call(json::parse(text.begin(), text.end())); }
inline CallList decode_list(std::string_view text) { return extract_list(json::parse(text.begin(), text.end())); }

// ---- encode ---------------------------------------------------------------------------

template <class T>
void put(json& j, const char* key, const std::optional<T>& v, bool nullable) {
    if (v) j[key] = *v;
    else if (nullable) j[key] = nullptr;
}

inline void put_date(json& j, const char* key, const std::optional<signalwire::timestamp>& t) {
    if (t) j[key] = signalwire::rfc2822::format(*t);
    else j[key] = nullptr;
}

inline std::string encode_call(const Call& c) {
    json j;
    j["sid"] = c.sid;
    j["account_sid"] = c.account_sid;
    put_date(j, "date_created", c.date_created);
    put_date(j, "date_updated", c.date_updated);
    put(j, "parent_call_sid", c.parent_call_sid, true);
    j["to"] = c.to;
    put(j, "formatted_to", c.formatted_to, false);
    put(j, "to_formatted", c.to_formatted, false);
    j["from"] = c.from;
    put(j, "formatted_from", c.formatted_from, false);
    put(j, "from_formatted", c.from_formatted, false);
    put(j, "phone_number_sid", c.phone_number_sid, true);
    j["status"] = c.status.wire_name();
    put_date(j, "start_time", c.start_time);
    put_date(j, "end_time", c.end_time);
    put(j, "duration", c.duration, true);
    if (c.price) j["price"] = c.price->to_double();
    else j["price"] = nullptr;
    put(j, "price_unit", c.price_unit, false);
    j["direction"] = c.direction.wire_name();
    if (c.answered_by) j["answered_by"] = c.answered_by->wire_name();
    else j["answered_by"] = nullptr;
    put(j, "api_version", c.api_version, false);
    put(j, "forwarded_from", c.forwarded_from, true);
    put(j, "caller_name", c.caller_name, true);
    j["uri"] = c.uri;
    if (c.subresource_uris) {
        json& s = j["subresource_uris"];
        s = json::object();
        put(s, "notifications", c.subresource_uris->notifications, true);
        put(s, "recordings", c.subresource_uris->recordings, false);
    }
    put(j, "annotation", c.annotation, true);
    put(j, "group_sid", c.group_sid, true);
    put(j, "sip_result_code", c.sip_result_code, true);
    put(j, "audio_in_mos", c.audio_in_mos, true);
    put(j, "audio_rtt_avg", c.audio_rtt_avg, true);
    put(j, "audio_rtt_min", c.audio_rtt_min, true);
    put(j, "audio_rtt_max", c.audio_rtt_max, true);
    put(j, "audio_out_jitter_min", c.audio_out_jitter_min, true);
    put(j, "audio_out_jitter_max", c.audio_out_jitter_max, true);
    put(j, "audio_out_jitter_avg", c.audio_out_jitter_avg, true);
    put(j, "audio_out_lost", c.audio_out_lost, true);
    return j.dump();
}

}  // namespace bench::nlohmann_peer

#endif
