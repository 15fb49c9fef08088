// Competitor: RapidJSON (Debian rapidjson-dev 1.1.0): rapidjson::Document::Parse into
// its DOM (a fresh Document per decode, with its default MemoryPoolAllocator), then
// hand-written extraction into signalwire::Call, member by member, looked up by key
// (FindMember, a linear scan of the object's members, where Boost.JSON's object is
// hashed), as application code usually does it; types are checked (IsString, IsInt,
// ...) and a mismatch throws, as the Boost DOM and nlohmann peers do.
//   numbers  RapidJSON's default flags: its fast double parse, not the slower
//            kParseFullPrecisionFlag one (Boost.JSON 1.81's default parse is not
//            correctly rounded either); on the benchmark inputs every price read back
//            through from_double equals its literal, which the start-up check verifies
//   dates    signalwire::rfc2822::parse of the string (null -> empty; date_created
//            and date_updated must be present)
//   price    signalwire::decimal::from_double (a DOM keeps no number text)
//   enums    open_enum<E>::from_wire
// Unknown members are ignored (ours keeps them in unknown_members; the inputs have none).
#ifndef SIGNALWIRE_BENCH_PEERS_RAPIDJSON_HPP
#define SIGNALWIRE_BENCH_PEERS_RAPIDJSON_HPP

#include <signalwire/call.hpp>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace bench::rapidjson_peer {

namespace rj = rapidjson;
using signalwire::Call;
using signalwire::CallList;
using signalwire::CallSubresourceUris;

constexpr unsigned parse_flags = rj::kParseDefaultFlags;

[[noreturn]] inline void type_error(std::string_view key, const char* want) {
    throw std::runtime_error(std::string(key) + ": not " + want);
}

/// The member `key`, or null when it is absent or JSON null.
inline const rj::Value* member(const rj::Value& o, std::string_view key) {
    const auto it = o.FindMember(rj::Value(rj::StringRef(key.data(), static_cast<rj::SizeType>(key.size()))));
    if (it == o.MemberEnd() || it->value.IsNull()) return nullptr;
    return &it->value;
}

/// The member `key`, which must be present (null allowed).
inline const rj::Value& required(const rj::Value& o, std::string_view key) {
    const auto it = o.FindMember(rj::Value(rj::StringRef(key.data(), static_cast<rj::SizeType>(key.size()))));
    if (it == o.MemberEnd()) throw std::runtime_error(std::string(key) + ": missing");
    return it->value;
}

inline std::string_view string_view_of(const rj::Value& v, std::string_view key) {
    if (!v.IsString()) type_error(key, "a string");
    return {v.GetString(), v.GetStringLength()};
}

inline std::string req_string(const rj::Value& o, std::string_view key) {
    return std::string(string_view_of(required(o, key), key));
}

inline std::optional<std::string> opt_string(const rj::Value& o, std::string_view key) {
    const rj::Value* v = member(o, key);
    if (!v) return std::nullopt;
    return std::string(string_view_of(*v, key));
}

inline signalwire::timestamp date(const rj::Value& v, std::string_view key, std::string& err) {
    signalwire::timestamp t;
    if (!signalwire::rfc2822::parse(string_view_of(v, key), t, err)) throw std::runtime_error(err);
    return t;
}

inline std::optional<signalwire::timestamp> opt_date(const rj::Value& o, std::string_view key, std::string& err) {
    const rj::Value* v = member(o, key);
    if (!v) return std::nullopt;
    return date(*v, key, err);
}

/// A required, nullable date: the member must be there, null is empty.
inline std::optional<signalwire::timestamp> nullable_date(const rj::Value& o, std::string_view key, std::string& err) {
    const rj::Value& v = required(o, key);
    if (v.IsNull()) return std::nullopt;
    return date(v, key, err);
}

inline std::int32_t int32_of(const rj::Value& v, std::string_view key) {
    if (!v.IsInt()) type_error(key, "a 32-bit integer");
    return v.GetInt();
}

inline std::optional<std::int32_t> opt_int32(const rj::Value& o, std::string_view key) {
    const rj::Value* v = member(o, key);
    if (!v) return std::nullopt;
    return int32_of(*v, key);
}

inline std::optional<double> opt_double(const rj::Value& o, std::string_view key) {
    const rj::Value* v = member(o, key);
    if (!v) return std::nullopt;
    if (!v->IsNumber()) type_error(key, "a number");
    return v->GetDouble();
}

inline std::optional<signalwire::decimal> opt_decimal(const rj::Value& o, std::string_view key) {
    const std::optional<double> d = opt_double(o, key);
    if (!d) return std::nullopt;
    return signalwire::decimal::from_double(*d);
}

template <class E>
signalwire::open_enum<E> enum_of(const rj::Value& o, std::string_view key) {
    return signalwire::open_enum<E>::from_wire(string_view_of(required(o, key), key));
}

inline Call extract_call(const rj::Value& o) {
    if (!o.IsObject()) throw std::runtime_error("a Call is not an object");
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
    if (const rj::Value* v = member(o, "answered_by"))
        c.answered_by = signalwire::open_enum<signalwire::AnsweredBy>::from_wire(string_view_of(*v, "answered_by"));
    c.api_version = opt_string(o, "api_version");
    c.forwarded_from = opt_string(o, "forwarded_from");
    c.caller_name = opt_string(o, "caller_name");
    c.uri = req_string(o, "uri");
    if (const rj::Value* v = member(o, "subresource_uris")) {
        if (!v->IsObject()) type_error("subresource_uris", "an object");
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

inline CallList extract_list(const rj::Value& o) {
    if (!o.IsObject()) throw std::runtime_error("the page is not an object");
    CallList l;
    l.uri = req_string(o, "uri");
    l.first_page_uri = req_string(o, "first_page_uri");
    l.next_page_uri = opt_string(o, "next_page_uri");
    l.previous_page_uri = opt_string(o, "previous_page_uri");
    l.page = int32_of(required(o, "page"), "page");
    l.page_size = int32_of(required(o, "page_size"), "page_size");
    const rj::Value& calls = required(o, "calls");
    if (!calls.IsArray()) type_error("calls", "an array");
    l.calls.reserve(calls.Size());
    for (const rj::Value& c : calls.GetArray()) l.calls.push_back(extract_call(c));
    l.start = opt_int32(o, "start");
    l.end = opt_int32(o, "end");
    return l;
}

/// Parses `text` into `doc`, throwing with RapidJSON's message and offset on error.
inline void parse(rj::Document& doc, std::string_view text) {
    doc.Parse<parse_flags>(text.data(), text.size());
    if (doc.HasParseError())
        throw std::runtime_error(std::string("RapidJSON: ") + rj::GetParseError_En(doc.GetParseError()) + " at offset " +
                                 std::to_string(doc.GetErrorOffset()));
}

inline Call decode_call(std::string_view text) {
    rj::Document doc;
    parse(doc, text);
    return extract_call(doc);
}

inline CallList decode_list(std::string_view text) {
    rj::Document doc;
    parse(doc, text);
    return extract_list(doc);
}

}  // namespace bench::rapidjson_peer

#endif
