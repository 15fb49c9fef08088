// Competitor: boost::json::parse into a DOM (default memory resource), then
// hand-written extraction into signalwire::Call, member by member, looked up by key
// (object::if_contains), as application code usually does it.
//   dates    signalwire::rfc2822::parse of the string (null -> empty; date_created
//            and date_updated must be present)
//   price    signalwire::decimal::from_double (a DOM keeps no number text)
//   enums    open_enum<E>::from_wire
// Unknown members are ignored (ours keeps them in unknown_members; the inputs have none).
#ifndef SIGNALWIRE_BENCH_PEERS_BOOST_DOM_HPP
#define SIGNALWIRE_BENCH_PEERS_BOOST_DOM_HPP

#include <signalwire/call.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace bench::boost_dom {

namespace json = boost::json;
using signalwire::Call;
using signalwire::CallList;
using signalwire::CallSubresourceUris;

inline std::string_view view(const json::string& s) noexcept { return {s.data(), s.size()}; }

inline std::string req_string(const json::object& o, std::string_view key) {
    return std::string(view(o.at(key).as_string()));
}

inline std::optional<std::string> opt_string(const json::object& o, std::string_view key) {
    const json::value* v = o.if_contains(key);
    if (!v || v->is_null()) return std::nullopt;
    return std::string(view(v->as_string()));
}

inline signalwire::timestamp date(const json::value& v, std::string& err) {
    signalwire::timestamp t;
    if (!signalwire::rfc2822::parse(view(v.as_string()), t, err)) throw std::runtime_error(err);
    return t;
}

inline std::optional<signalwire::timestamp> opt_date(const json::object& o, std::string_view key, std::string& err) {
    const json::value* v = o.if_contains(key);
    if (!v || v->is_null()) return std::nullopt;
    return date(*v, err);
}

/// A required, nullable date: the member must be there (o.at throws), null is empty.
inline std::optional<signalwire::timestamp> nullable_date(const json::object& o, std::string_view key, std::string& err) {
    const json::value& v = o.at(key);
    if (v.is_null()) return std::nullopt;
    return date(v, err);
}

inline std::optional<std::int32_t> opt_int32(const json::object& o, std::string_view key) {
    const json::value* v = o.if_contains(key);
    if (!v || v->is_null()) return std::nullopt;
    return v->to_number<std::int32_t>();
}

inline std::optional<double> opt_double(const json::object& o, std::string_view key) {
    const json::value* v = o.if_contains(key);
    if (!v || v->is_null()) return std::nullopt;
    return v->to_number<double>();
}

inline std::optional<signalwire::decimal> opt_decimal(const json::object& o, std::string_view key) {
    const json::value* v = o.if_contains(key);
    if (!v || v->is_null()) return std::nullopt;
    return signalwire::decimal::from_double(v->to_number<double>());
}

template <class E>
signalwire::open_enum<E> enum_of(const json::object& o, std::string_view key) {
    return signalwire::open_enum<E>::from_wire(view(o.at(key).as_string()));
}

inline Call extract_call(const json::object& o) {
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
    c.price = opt_decimal(o, "price");
    c.price_unit = opt_string(o, "price_unit");
    c.direction = enum_of<signalwire::CallDirection>(o, "direction");
    if (const json::value* v = o.if_contains("answered_by"); v && !v->is_null())
        c.answered_by = signalwire::open_enum<signalwire::AnsweredBy>::from_wire(view(v->as_string()));
    c.api_version = opt_string(o, "api_version");
    c.forwarded_from = opt_string(o, "forwarded_from");
    c.caller_name = opt_string(o, "caller_name");
    c.uri = req_string(o, "uri");
    if (const json::value* v = o.if_contains("subresource_uris"); v && !v->is_null()) {
        const json::object& s = v->as_object();
        CallSubresourceUris u;
        u.notifications = opt_string(s, "notifications");
        u.recordings = opt_string(s, "recordings");
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

inline CallList extract_list(const json::object& o) {
    CallList l;
    l.uri = req_string(o, "uri");
    l.first_page_uri = req_string(o, "first_page_uri");
    l.next_page_uri = opt_string(o, "next_page_uri");
    l.previous_page_uri = opt_string(o, "previous_page_uri");
    l.page = o.at("page").to_number<std::int32_t>();
    l.page_size = o.at("page_size").to_number<std::int32_t>();
    const json::array& calls = o.at("calls").as_array();
    l.calls.reserve(calls.size());
    for (const json::value& c : calls) l.calls.push_back(extract_call(c.as_object()));
    l.start = opt_int32(o, "start");
    l.end = opt_int32(o, "end");
    return l;
}

inline Call decode_call(std::string_view text) {
    const json::value v = json::parse(json::string_view(text.data(), text.size()));
    return extract_call(v.as_object());
}

inline CallList decode_list(std::string_view text) {
    const json::value v = json::parse(json::string_view(text.data(), text.size()));
    return extract_list(v.as_object());
}

}  // namespace bench::boost_dom

#endif
