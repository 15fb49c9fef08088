// Competitor: Boost.JSON's own conversions on a plain struct that only has
// BOOST_DESCRIBE_STRUCT (no custom codecs): `value_to<PlainCall>(parse(text))` and
// `serialize(value_from(plain))`. Dates and enums stay strings, price is a double.
//
// Boost 1.81's described-class conversion requires every member to be present and no
// other member (object size == member count), so it can decode only inputs carrying
// exactly the 36 fields: the "full" Call and the page, not the 2019 fixture.
//
// The startup check converts its result to signalwire::Call (outside the timed loop,
// with the same rules as the hand-written extractions) and compares it with ours.
#ifndef SIGNALWIRE_BENCH_PEERS_DESCRIBE_PLAIN_HPP
#define SIGNALWIRE_BENCH_PEERS_DESCRIBE_PLAIN_HPP

#include <signalwire/call.hpp>

#include <boost/describe/class.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace bench::describe_plain {

struct PlainSubresourceUris {
    std::optional<std::string> notifications;
    std::optional<std::string> recordings;
};
BOOST_DESCRIBE_STRUCT(PlainSubresourceUris, (), (notifications, recordings))

struct PlainCall {
    std::string sid;
    std::string account_sid;
    std::optional<std::string> date_created;  // required, nullable: present, possibly null
    std::optional<std::string> date_updated;
    std::optional<std::string> parent_call_sid;
    std::string to;
    std::optional<std::string> formatted_to;
    std::optional<std::string> to_formatted;
    std::string from;
    std::optional<std::string> formatted_from;
    std::optional<std::string> from_formatted;
    std::optional<std::string> phone_number_sid;
    std::string status;
    std::optional<std::string> start_time;
    std::optional<std::string> end_time;
    std::optional<std::int32_t> duration;
    std::optional<double> price;
    std::optional<std::string> price_unit;
    std::string direction;
    std::optional<std::string> answered_by;
    std::optional<std::string> api_version;
    std::optional<std::string> forwarded_from;
    std::optional<std::string> caller_name;
    std::string uri;
    std::optional<PlainSubresourceUris> subresource_uris;
    std::optional<std::string> annotation;
    std::optional<std::string> group_sid;
    std::optional<std::string> sip_result_code;
    std::optional<double> audio_in_mos;
    std::optional<std::int32_t> audio_rtt_avg;
    std::optional<std::int32_t> audio_rtt_min;
    std::optional<std::int32_t> audio_rtt_max;
    std::optional<std::int32_t> audio_out_jitter_min;
    std::optional<std::int32_t> audio_out_jitter_max;
    std::optional<std::int32_t> audio_out_jitter_avg;
    std::optional<std::int32_t> audio_out_lost;
};
BOOST_DESCRIBE_STRUCT(PlainCall, (),
                      (sid, account_sid, date_created, date_updated, parent_call_sid, to, formatted_to, to_formatted,
                       from, formatted_from, from_formatted, phone_number_sid, status, start_time, end_time, duration,
                       price, price_unit, direction, answered_by, api_version, forwarded_from, caller_name, uri,
                       subresource_uris, annotation, group_sid, sip_result_code, audio_in_mos, audio_rtt_avg,
                       audio_rtt_min, audio_rtt_max, audio_out_jitter_min, audio_out_jitter_max, audio_out_jitter_avg,
                       audio_out_lost))

struct PlainCallList {
    std::string uri;
    std::string first_page_uri;
    std::optional<std::string> next_page_uri;
    std::optional<std::string> previous_page_uri;
    std::int32_t page{};
    std::int32_t page_size{};
    std::vector<PlainCall> calls;
};
BOOST_DESCRIBE_STRUCT(PlainCallList, (),
                      (uri, first_page_uri, next_page_uri, previous_page_uri, page, page_size, calls))

// ---- the timed operations -----------------------------------------------------------

inline PlainCall decode_call(std::string_view text) {
    const boost::json::value v = boost::json::parse(boost::json::string_view(text.data(), text.size()));
    return boost::json::value_to<PlainCall>(v);
}

inline PlainCallList decode_list(std::string_view text) {
    const boost::json::value v = boost::json::parse(boost::json::string_view(text.data(), text.size()));
    return boost::json::value_to<PlainCallList>(v);
}

inline std::string encode_call(const PlainCall& c) { return boost::json::serialize(boost::json::value_from(c)); }

// ---- conversions for the checks and for preparing the encode input (not timed) ------

inline signalwire::timestamp to_timestamp(const std::string& text) {
    signalwire::timestamp t;
    std::string err;
    if (!signalwire::rfc2822::parse(text, t, err)) throw std::runtime_error(err);
    return t;
}

inline std::optional<signalwire::timestamp> to_timestamp(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    return to_timestamp(*text);
}

inline std::optional<std::string> to_text(const std::optional<signalwire::timestamp>& t) {
    if (!t) return std::nullopt;
    return signalwire::rfc2822::format(*t);
}

inline signalwire::Call to_call(const PlainCall& p) {
    using namespace signalwire;
    Call c;
    c.sid = p.sid;
    c.account_sid = p.account_sid;
    c.date_created = to_timestamp(p.date_created);
    c.date_updated = to_timestamp(p.date_updated);
    c.parent_call_sid = p.parent_call_sid;
    c.to = p.to;
    c.formatted_to = p.formatted_to;
    c.to_formatted = p.to_formatted;
    c.from = p.from;
    c.formatted_from = p.formatted_from;
    c.from_formatted = p.from_formatted;
    c.phone_number_sid = p.phone_number_sid;
    c.status = open_enum<CallStatus>::from_wire(p.status);
    c.start_time = to_timestamp(p.start_time);
    c.end_time = to_timestamp(p.end_time);
    c.duration = p.duration;
    if (p.price) c.price = decimal::from_double(*p.price);
    c.price_unit = p.price_unit;
    c.direction = open_enum<CallDirection>::from_wire(p.direction);
    if (p.answered_by) c.answered_by = open_enum<AnsweredBy>::from_wire(*p.answered_by);
    c.api_version = p.api_version;
    c.forwarded_from = p.forwarded_from;
    c.caller_name = p.caller_name;
    c.uri = p.uri;
    if (p.subresource_uris) {
        CallSubresourceUris u;
        u.notifications = p.subresource_uris->notifications;
        u.recordings = p.subresource_uris->recordings;
        c.subresource_uris = u;
    }
    c.annotation = p.annotation;
    c.group_sid = p.group_sid;
    c.sip_result_code = p.sip_result_code;
    c.audio_in_mos = p.audio_in_mos;
    c.audio_rtt_avg = p.audio_rtt_avg;
    c.audio_rtt_min = p.audio_rtt_min;
    c.audio_rtt_max = p.audio_rtt_max;
    c.audio_out_jitter_min = p.audio_out_jitter_min;
    c.audio_out_jitter_max = p.audio_out_jitter_max;
    c.audio_out_jitter_avg = p.audio_out_jitter_avg;
    c.audio_out_lost = p.audio_out_lost;
    return c;
}

inline signalwire::CallList to_list(const PlainCallList& p) {
    signalwire::CallList l;
    l.uri = p.uri;
    l.first_page_uri = p.first_page_uri;
    l.next_page_uri = p.next_page_uri;
    l.previous_page_uri = p.previous_page_uri;
    l.page = p.page;
    l.page_size = p.page_size;
    for (const PlainCall& c : p.calls) l.calls.push_back(to_call(c));
    return l;
}

inline PlainCall from_call(const signalwire::Call& c) {
    PlainCall p;
    p.sid = c.sid;
    p.account_sid = c.account_sid;
    p.date_created = to_text(c.date_created);
    p.date_updated = to_text(c.date_updated);
    p.parent_call_sid = c.parent_call_sid;
    p.to = c.to;
    p.formatted_to = c.formatted_to;
    p.to_formatted = c.to_formatted;
    p.from = c.from;
    p.formatted_from = c.formatted_from;
    p.from_formatted = c.from_formatted;
    p.phone_number_sid = c.phone_number_sid;
    p.status = std::string(c.status.wire_name());
    p.start_time = to_text(c.start_time);
    p.end_time = to_text(c.end_time);
    p.duration = c.duration;
    if (c.price) p.price = c.price->to_double();
    p.price_unit = c.price_unit;
    p.direction = std::string(c.direction.wire_name());
    if (c.answered_by) p.answered_by = std::string(c.answered_by->wire_name());
    p.api_version = c.api_version;
    p.forwarded_from = c.forwarded_from;
    p.caller_name = c.caller_name;
    p.uri = c.uri;
    if (c.subresource_uris) p.subresource_uris = PlainSubresourceUris{c.subresource_uris->notifications, c.subresource_uris->recordings};
    p.annotation = c.annotation;
    p.group_sid = c.group_sid;
    p.sip_result_code = c.sip_result_code;
    p.audio_in_mos = c.audio_in_mos;
    p.audio_rtt_avg = c.audio_rtt_avg;
    p.audio_rtt_min = c.audio_rtt_min;
    p.audio_rtt_max = c.audio_rtt_max;
    p.audio_out_jitter_min = c.audio_out_jitter_min;
    p.audio_out_jitter_max = c.audio_out_jitter_max;
    p.audio_out_jitter_avg = c.audio_out_jitter_avg;
    p.audio_out_lost = c.audio_out_lost;
    return p;
}

}  // namespace bench::describe_plain

#endif
