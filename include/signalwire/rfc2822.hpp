// signalwire/rfc2822.hpp - RFC 2822 date-times, as carried by the Call resource's date fields.
//
// PARSING: parse() accepts an RFC 2822 section 3.3 date-time, including the section 4.3 obsolete forms:
//
//     [ day-name [CFWS] "," ] day month year hour ":" minute [ ":" second ] zone
//
//   day-name  Mon Tue Wed Thu Fri Sat Sun (any case). Optional; when present it must match the date.
//   day       1 or 2 digits, 1..days in the month (Gregorian leap years: 29 Feb 2000 ok, 29 Feb 1900 not).
//   month     Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec (any case), plus "Sept", which SignalWire's
//             documentation uses ("Wed, 19 Sept 2018 20:00:00 +0000").
//   year      4 digits, 1900-9999 (RFC 2822 allows more digits; we stop at 4 so nothing can overflow);
//             2 digits: 00-49 => 2000-2049, 50-99 => 1950-1999; 3 digits: + 1900 (e.g. 118 => 2018).
//   hour      2 digits, 00-23.   minute  2 digits, 00-59.   second  optional, 2 digits, 00-60.
//             Second 60 (leap second) maps to plain arithmetic: 23:59:60 == 00:00:00 of the next day.
//   zone      "+hhmm" / "-hhmm" with hh 00-99 and mm 00-59 ("-0000" is UTC);
//             UT, GMT (+0000), EST -0500, EDT -0400, CST -0600, CDT -0500, MST -0700, MDT -0600,
//             PST -0800, PDT -0700; military single letters A-I, K-Z, treated as UTC per RFC 2822 4.3.
//             Zone names are case-insensitive. The result is always converted to UTC.
//
//   CFWS (spaces, tabs, folded lines "CRLF followed by space/tab", and comments in parentheses, which may
//   nest and may contain "\"-quoted characters) may appear before and after every token and around the
//   colons. It is required between day and month, month and year, year and hour, and before the zone,
//   where tokens would otherwise run together. Nothing but CFWS may follow the zone.
//   Inputs longer than 256 bytes are rejected up front, so the work per call is bounded.
//
// FORMATTING: format()/format_to() write the canonical form "Wed, 19 Sep 2018 20:00:00 +0000", always in UTC.
//   Only years 0000-9999 fit that form; earlier/later timestamps are clamped to 0000-01-01 00:00:00 /
//   9999-12-31 23:59:59. parse() accepts only instants from 1900-01-01 00:00:00 to 9999-12-31 23:59:59
//   UTC (after the zone offset: "31 Dec 9999 23:59 -0100" is rejected), so every parsed date formats
//   and parses back to the same instant.
#pragma once

#include <signalwire/detail/rfc2822_impl.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace signalwire {

/// A point in time with one-second resolution, as the Call's date fields carry.
using timestamp = std::chrono::time_point<std::chrono::system_clock, std::chrono::seconds>;

namespace rfc2822 {

/// Length of what format_to writes: "Wed, 19 Sep 2018 20:00:00 +0000".
inline constexpr std::size_t formatted_size = 31;

static_assert(sizeof(std::chrono::seconds::rep) <= sizeof(std::int64_t),
              "timestamps are converted through std::int64_t");

/// Parses an RFC 2822 date-time (see the top of this file for the accepted forms).
///
/// On success sets `out` and returns true; `error` is left unchanged.
/// On failure returns false, leaves `out` unchanged and sets `error` to a short lower-case message without
/// a trailing period, for example:
///   empty date
///   date longer than 256 bytes
///   unexpected end of input, expected month name
///   unexpected character 'x' at offset 12, expected end of input
///   line break at offset 31 must be CRLF followed by a space or tab
///   unknown day name "Foo" / unknown month name "Foo" / unknown time zone "XYZ"
///   day name "Wed" does not match the date (Thu)
///   day 32 is out of range for Sep 2018
///   year "12345" has 5 digits, expected 2 to 4
///   year 1899 is before 1900
///   the date falls outside years 1900-9999 in UTC
///   hour 24 is out of range 00-23 / minute 60 is out of range 00-59 / second 61 is out of range 00-60
///   time zone "+0160" has minutes out of range 00-59
/// Never reads outside `text`. Parsing does not allocate; if copying the message into `error` fails to
/// allocate, `error` is left empty instead of throwing.
inline bool parse(std::string_view text, timestamp& out, std::string& error) noexcept {
    std::int64_t seconds = 0;
    if (detail::parse_canonical(text, seconds)) {
        out = timestamp(std::chrono::seconds(static_cast<std::chrono::seconds::rep>(seconds)));
        return true;
    }
    detail::parser parser(text);
    if (parser.parse(seconds)) {
        out = timestamp(std::chrono::seconds(static_cast<std::chrono::seconds::rep>(seconds)));
        return true;
    }
    try {
        error.assign(parser.error());
    } catch (...) {
        error.clear();
    }
    return false;
}

/// Writes exactly formatted_size chars (no terminating NUL) to `out`, in UTC with "+0000", e.g.
/// "Wed, 19 Sep 2018 20:00:00 +0000". Timestamps before year 0000 or after year 9999 are clamped to
/// 0000-01-01 00:00:00 / 9999-12-31 23:59:59, the range a 4-digit year can show.
inline void format_to(timestamp t, char* out) noexcept {
    detail::write_canonical(static_cast<std::int64_t>(t.time_since_epoch().count()), out);
}

/// format_to into a new string of formatted_size chars.
inline std::string format(timestamp t) {
    std::string text(formatted_size, ' ');
    format_to(t, text.data());
    return text;
}

}  // namespace rfc2822
}  // namespace signalwire
