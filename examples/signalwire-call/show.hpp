// signalwire-call show: the human-readable views of a Call and of a page of calls.
//
// A Call prints as aligned "label  value" lines; a page prints its page information
// and then a table with one row per call. Absent values print as "-", enum values the
// schema does not know as their wire string plus " (unknown)". Text from the document
// is escaped where it could upset a terminal (control characters), never truncated.
#ifndef SIGNALWIRE_CALL_SHOW_HPP
#define SIGNALWIRE_CALL_SHOW_HPP

#include <signalwire/call.hpp>
#include <signalwire/rfc2822.hpp>

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace signalwire_call {

/// What an absent value prints as.
inline constexpr std::string_view absent = "-";

/// Width of the label column of the Call and page views.
inline constexpr std::size_t label_width = 15;

// ---- single values -------------------------------------------------------------------

/// `s` with control characters (C0, DEL, and C1 such as U+009B CSI) escaped, so a
/// hostile document cannot send escape sequences to the terminal.
inline std::string printable(std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        const bool c1 = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
                        static_cast<unsigned char>(s[i + 1]) <= 0x9F;
        if (c1) {
            const auto next = static_cast<unsigned char>(s[++i]);
            out += "\\u00";
            out += hex[next >> 4];
            out += hex[next & 0x0F];
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c == 0x7F) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0x0F];
        } else {
            out += s[i];
        }
    }
    return out;
}

/// Columns `s` takes on a terminal: one per UTF-8 code point (wide characters aside).
inline std::size_t display_width(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

inline std::string text(const std::string& s) { return s.empty() ? std::string(absent) : printable(s); }

inline std::string text(const std::optional<std::string>& s) { return s ? text(*s) : std::string(absent); }

inline std::string text(const std::optional<std::int32_t>& n) { return n ? std::to_string(*n) : std::string(absent); }

inline std::string text(const std::optional<signalwire::timestamp>& t) {
    return t ? signalwire::rfc2822::format(*t) : std::string(absent);
}

template <class E>
std::string text(const signalwire::open_enum<E>& e) {
    std::string out = printable(e.wire_name());
    if (!e.is_known()) out += " (unknown)";
    return out;
}

template <class E>
std::string text(const std::optional<signalwire::open_enum<E>>& e) {
    return e ? text(*e) : std::string(absent);
}

/// A JSON value the schema does not describe: a string as itself, anything else as JSON.
inline std::string text(const boost::json::value& v) {
    if (const auto* s = v.if_string()) return text(std::string(s->data(), s->size()));
    if (v.is_null()) return std::string(absent);
    return printable(boost::json::serialize(v));
}

/// `+14245550198 [(424) 555-0198]`: the address, and its formatted form when the
/// document has one that says something more (formatted_X first, then its alias).
inline std::string address(const std::string& raw, const std::optional<std::string>& formatted,
                           const std::optional<std::string>& alias) {
    std::string out = text(raw);
    const std::optional<std::string>& shown = formatted && !formatted->empty() ? formatted : alias;
    if (shown && !shown->empty() && *shown != raw) out += " [" + printable(*shown) + "]";
    return out;
}

/// `-0.00650 USD`, with the digits as sent; `-` without a price.
inline std::string price(const signalwire::Call& call) {
    if (!call.price) return std::string(absent);
    std::string out(call.price->text());
    if (call.price_unit && !call.price_unit->empty()) out += " " + printable(*call.price_unit);
    return out;
}

inline std::string duration(const signalwire::Call& call) {
    return call.duration ? std::to_string(*call.duration) + " s" : std::string(absent);
}

/// `MOS 4.5, RTT 20/50/100 ms, jitter 1/5/10 ms, 0 lost` (min/avg/max), from the
/// audio-quality fields the current spec added; empty when a call has none of them.
inline std::string audio_quality(const signalwire::Call& call) {
    auto n = [](const std::optional<std::int32_t>& v) { return v ? std::to_string(*v) : std::string(absent); };
    const bool any = call.audio_in_mos || call.audio_rtt_min || call.audio_rtt_avg || call.audio_rtt_max ||
                     call.audio_out_jitter_min || call.audio_out_jitter_avg || call.audio_out_jitter_max ||
                     call.audio_out_lost;
    if (!any) return {};
    std::ostringstream mos;
    if (call.audio_in_mos) mos << *call.audio_in_mos;
    return "MOS " + (call.audio_in_mos ? mos.str() : std::string(absent)) + ", RTT " + n(call.audio_rtt_min) + "/" +
           n(call.audio_rtt_avg) + "/" + n(call.audio_rtt_max) + " ms, jitter " + n(call.audio_out_jitter_min) + "/" +
           n(call.audio_out_jitter_avg) + "/" + n(call.audio_out_jitter_max) + " ms, " + n(call.audio_out_lost) +
           " lost";
}

/// One row when the value is there; nothing for an absent or empty optional member.
inline void row_if(std::ostream& os, std::string_view label, const std::optional<std::string>& value);

/// The names of members the schema does not know, sorted: `queue_time, trunk_sid`.
inline std::string member_names(const boost::json::object& members) {
    std::vector<std::string> names;
    for (const auto& member : members) names.push_back(printable(std::string_view(member.key())));
    std::sort(names.begin(), names.end());
    std::string out;
    for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
    return out;
}

// ---- layout --------------------------------------------------------------------------

/// `s` followed by spaces up to `width` columns.
inline std::string pad(std::string_view s, std::size_t width) {
    std::string out(s);
    const std::size_t w = display_width(s);
    if (w < width) out.append(width - w, ' ');
    return out;
}

/// One `label  value` line of the aligned views.
inline void row(std::ostream& os, std::string_view label, std::string_view value) {
    os << pad(label, label_width) << value << '\n';
}

/// The sub-resource URIs, one per line under one label, names aligned.
inline void subresource_rows(std::ostream& os, const std::optional<signalwire::CallSubresourceUris>& uris) {
    std::vector<std::array<std::string, 2>> entries;
    if (uris) {
        entries.push_back({"notifications", text(uris->notifications)});
        entries.push_back({"recordings", text(uris->recordings)});
        for (const auto& member : uris->unknown_members)
            entries.push_back({printable(std::string_view(member.key())), text(member.value())});
    }
    if (entries.empty()) return row(os, "subresources", absent);
    std::size_t name_width = 0;
    for (const auto& entry : entries) name_width = std::max(name_width, display_width(entry[0]));
    std::string_view label = "subresources";
    for (const auto& entry : entries) {
        row(os, label, pad(entry[0], name_width + 2) + entry[1]);
        label = "";
    }
}

/// A table: a header line, then the rows, columns two spaces apart, the columns
/// flagged in `right` aligned to the right. No trailing spaces.
template <std::size_t N>
void table(std::ostream& os, const std::array<std::string, N>& header,
           const std::vector<std::array<std::string, N>>& rows, const std::array<bool, N>& right) {
    std::array<std::size_t, N> widths{};
    for (std::size_t c = 0; c < N; ++c) {
        widths[c] = display_width(header[c]);
        for (const auto& r : rows) widths[c] = std::max(widths[c], display_width(r[c]));
    }
    auto line = [&](const std::array<std::string, N>& cells) {
        std::string out;
        for (std::size_t c = 0; c < N; ++c) {
            const std::size_t fill = widths[c] - display_width(cells[c]);
            if (c > 0) out += "  ";
            if (right[c]) out.append(fill, ' ');
            out += cells[c];
            if (!right[c] && c + 1 < N) out.append(fill, ' ');
        }
        os << out << '\n';
    };
    line(header);
    for (const auto& r : rows) line(r);
}

inline void row_if(std::ostream& os, std::string_view label, const std::optional<std::string>& value) {
    if (value && !value->empty()) row(os, label, printable(*value));
}

// ---- the views -----------------------------------------------------------------------

/// The aligned summary of one call.
inline void print_call(std::ostream& os, const signalwire::Call& call) {
    row(os, "sid", text(call.sid));
    row(os, "account", text(call.account_sid));
    row(os, "from -> to",
        address(call.from, call.formatted_from, call.from_formatted) + " -> " +
            address(call.to, call.formatted_to, call.to_formatted));
    row(os, "status", text(call.status));
    row(os, "direction", text(call.direction));
    row(os, "answered by", text(call.answered_by));
    row(os, "created", text(call.date_created));
    row(os, "updated", text(call.date_updated));
    row(os, "start", text(call.start_time));
    row(os, "end", text(call.end_time));
    row(os, "duration", duration(call));
    row(os, "price", price(call));
    row(os, "api version", text(call.api_version));
    row_if(os, "parent call", call.parent_call_sid);
    row_if(os, "phone number", call.phone_number_sid);
    row_if(os, "forwarded from", call.forwarded_from);
    row_if(os, "caller name", call.caller_name);
    row_if(os, "annotation", call.annotation);
    row_if(os, "group", call.group_sid);
    row_if(os, "SIP result", call.sip_result_code);
    if (const std::string audio = audio_quality(call); !audio.empty()) row(os, "audio quality", audio);
    row(os, "uri", text(call.uri));
    subresource_rows(os, call.subresource_uris);
    if (!call.unknown_members.empty()) row(os, "extra members", member_names(call.unknown_members));
}

/// The page information, then one table row per call.
inline void print_list(std::ostream& os, const signalwire::CallList& list) {
    row(os, "page", std::to_string(list.page));
    row(os, "page size", std::to_string(list.page_size));
    row(os, "uri", text(list.uri));
    row(os, "next page", text(list.next_page_uri));
    row(os, "previous page", text(list.previous_page_uri));
    if (!list.unknown_members.empty()) row(os, "extra members", member_names(list.unknown_members));
    os << '\n';

    constexpr std::size_t columns = 8;
    const std::array<std::string, columns> header{"SID", "FROM", "TO", "STATUS", "DIRECTION", "DURATION", "PRICE",
                                                  "CREATED"};
    std::vector<std::array<std::string, columns>> rows;
    rows.reserve(list.calls.size());
    for (const auto& call : list.calls)
        rows.push_back({text(call.sid), text(call.from), text(call.to), text(call.status), text(call.direction),
                        text(call.duration), price(call), text(call.date_created)});
    table<columns>(os, header, rows, {false, false, false, false, false, true, true, false});
}

}  // namespace signalwire_call

#endif
