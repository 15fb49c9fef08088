// signalwire/rfc2822.hpp - RFC 2822 date-times, as carried by the Call resource's date fields.
//
// PARSING: parse() accepts an RFC 2822 section 3.3 date-time, including the section 4.3 obsolete forms:
//
//     [ day-name [CFWS] "," ] day month year hour ":" minute [ ":" second ] zone
//
// in one of two modes (rfc2822::mode):
//
//   strict    RFC 2822 exactly, plus the month spelling "Sept" (below). What the 3-argument parse() does,
//             and what the JSON decoder uses with decode_options::strict.
//   lenient   Also what servers and documentation really write. The JSON decoder's default.
//             - Day names Tues, Weds, Thur and Thurs (any case), as in SignalWire's documentation:
//               "Thur, 20 Sept 2018 10:00:00 +0000".
//             - A day name that does not match the date: the date decides. "Thu, 27 Feb 2026 ..." is
//               27 Feb 2026 (a Friday); strict mode says: day name "Thu" does not match the date (Fri).
//             - A comment where RFC 2822 requires whitespace, and any byte in a comment (see CFWS below).
//             Lenient accepts everything strict accepts, with the same result, and every result formats
//             to a date that strict mode accepts.
//
//   day-name  Mon Tue Wed Thu Fri Sat Sun (any case), plus in lenient mode Tues Weds Thur Thurs.
//             Optional; in strict mode it must match the date (the date as written, before the zone
//             offset is applied).
//   day       1 or 2 digits, 1..days in the month (Gregorian leap years: 29 Feb 2000 ok, 29 Feb 1900 not).
//   month     Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec (any case), plus "Sept" in both modes, which
//             SignalWire's documentation uses ("Wed, 19 Sept 2018 20:00:00 +0000") and which strict mode
//             has always accepted.
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
//   Strict mode also keeps RFC 2822's difference between FWS (whitespace) and CFWS (whitespace or
//   comments), from `date-time = [day-of-week ","] date FWS time [CFWS]`, `time = time-of-day FWS zone`,
//   the obsolete forms' CFWS around day, month, year, hour, minute and second, and none around obs-zone:
//     - between year and hour there must be whitespace outside comments: "2018 (c)20" and "2018(c) 20"
//       are fine, "2018(c)20" is not;
//     - directly before the zone there must be whitespace, not a comment: "00 (c) +0000" is fine,
//       "00 (c)+0000" and "00(c)EST" are not;
//     - a comment holds only ctext (section 3.2.3), quoted pairs and whitespace: no NUL and no byte >= 128.
//       A quoted NUL ("\" NUL) is allowed, as obs-qp (section 4.1) allows it.
//   In both modes a CR or LF must belong to a fold (CRLF then a space or tab), inside comments and after
//   a backslash too, though obs-qp would allow a quoted CR or LF. Strict mode does not check how folds
//   follow one another: a run of spaces, tabs and folds always counts as whitespace.
//
//   ISO 8601 / RFC 3339 dates ("2020-04-23T03:47:38.000Z", "2020-04-23 03:47:38+00:00", "2020-04-23")
//   are an error in both modes, with the message "ISO 8601 date-time, not an RFC 2822 date";
//   looks_like_iso8601() lets a caller recognise them and say so in its own words.
//   Inputs longer than 256 bytes are rejected up front, so the work per call is bounded.
//
// FORMATTING: format()/format_to() write the canonical form "Wed, 19 Sep 2018 20:00:00 +0000", always in UTC.
//   Only years 0000-9999 fit that form; earlier/later timestamps are clamped to 0000-01-01 00:00:00 /
//   9999-12-31 23:59:59. parse() accepts only instants from 1900-01-01 00:00:00 to 9999-12-31 23:59:59
//   UTC (after the zone offset: "31 Dec 9999 23:59 -0100" is rejected), so every parsed date formats
//   and parses back to the same instant, in either mode.
#pragma once

#include <signalwire/version.hpp>

#include <signalwire/detail/rfc2822_impl.hpp>

#include <boost/core/no_exceptions_support.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

SIGNALWIRE_NAMESPACE_BEGIN

/// A point in time with one-second resolution, as the Call's date fields carry.
using timestamp = std::chrono::time_point<std::chrono::system_clock, std::chrono::seconds>;

namespace rfc2822 {

/// Length of what format_to writes: "Wed, 19 Sep 2018 20:00:00 +0000".
inline constexpr std::size_t formatted_size = 31;

static_assert(sizeof(std::chrono::seconds::rep) <= sizeof(std::int64_t),
              "timestamps are converted through std::int64_t");

/// How closely parse() follows RFC 2822 (details at the top of this file).
enum class mode : unsigned char {
    /// Also Tues/Weds/Thur/Thurs, a day name that disagrees with the date (the date wins), comments where
    /// RFC 2822 requires whitespace, and any byte in a comment. The JSON decoder's default.
    lenient,
    /// RFC 2822 section 3.3 with the section 4.3 obsolete forms, exactly (plus the month "Sept").
    strict,
};

/// True for text that starts (after optional spaces/tabs) with an ISO 8601 calendar date "YYYY-MM-DD"
/// followed by the end, 'T', 't' or a space: "2020-04-23T03:47:38.000Z", "2020-04-23 03:47:38+00:00",
/// "2020-04-23". parse() rejects all of these in both modes (no RFC 2822 date starts that way) with
/// "ISO 8601 date-time, not an RFC 2822 date"; this lets a caller recognise them without parsing.
constexpr bool looks_like_iso8601(std::string_view text) noexcept { return detail::looks_like_iso8601(text); }

/// Parses an RFC 2822 date-time in the given mode (see the top of this file for the accepted forms).
///
/// On success sets `out` and returns true; `error` is left unchanged.
/// On failure returns false, leaves `out` unchanged and sets `error` to a short lower-case message without
/// a trailing period, for example:
///   empty date
///   date longer than 256 bytes
///   ISO 8601 date-time, not an RFC 2822 date
///   unexpected end of input, expected month name
///   unexpected character 'x' at offset 12, expected end of input
///   line break at offset 31 must be CRLF followed by a space or tab
///   unknown day name "Foo" / unknown month name "Foo" / unknown time zone "XYZ"
///   day 32 is out of range for Sep 2018
///   year "12345" has 5 digits, expected 2 to 4
///   year 1899 is before 1900
///   the date falls outside years 1900-9999 in UTC
///   hour 24 is out of range 00-23 / minute 60 is out of range 00-59 / second 61 is out of range 00-60
///   time zone "+0160" has minutes out of range 00-59
/// and in strict mode only:
///   unknown day name "Thur"
///   day name "Wed" does not match the date (Thu)
///   comment at offset 11 where RFC 2822 requires whitespace before the hour
///   comment at offset 21 where RFC 2822 requires whitespace before the time zone
///   byte 0x80 at offset 14 is not allowed in a comment
/// Never reads outside `text`. Parsing does not allocate; if copying the message into `error` fails to
/// allocate, `error` is left empty instead of throwing. The canonical form "Www, DD Mon YYYY HH:MM:SS
/// +hhmm" with a matching day name takes a fast path in both modes.
inline bool parse(std::string_view text, timestamp& out, std::string& error, mode m) noexcept {
    std::int64_t seconds = 0;
    // No cast to seconds::rep: it is std::int64_t in libstdc++ and libc++ (g++'s
    // -Wuseless-cast flags a cast to the same type), and never wider (static_assert above).
    if (detail::parse_canonical(text, seconds)) {
        out = timestamp(std::chrono::seconds(seconds));
        return true;
    }
    detail::parser parser(text, m == mode::strict);
    if (parser.parse(seconds)) {
        out = timestamp(std::chrono::seconds(seconds));
        return true;
    }
    // Under -fno-exceptions (BOOST_NO_EXCEPTIONS) there is nothing to catch: an allocation
    // failure ends the program there, as everywhere else.
    BOOST_TRY {
        error.assign(parser.error());
    }
    BOOST_CATCH(...) {
        error.clear();
    }
    BOOST_CATCH_END
    return false;
}

/// parse(text, out, error, mode::strict): day names must be RFC 2822's and agree with the date, as this
/// overload has always required. It now also enforces RFC 2822's whitespace and comment rules (top of
/// this file), which it used to relax.
inline bool parse(std::string_view text, timestamp& out, std::string& error) noexcept {
    return parse(text, out, error, mode::strict);
}

/// Writes exactly formatted_size chars (no terminating NUL) to `out`, in UTC with "+0000", e.g.
/// "Wed, 19 Sep 2018 20:00:00 +0000". Timestamps before year 0000 or after year 9999 are clamped to
/// 0000-01-01 00:00:00 / 9999-12-31 23:59:59, the range a 4-digit year can show.
inline void format_to(timestamp t, char* out) noexcept {
    detail::write_canonical(t.time_since_epoch().count(), out);  // never narrows: static_assert above
}

/// format_to into a new string of formatted_size chars.
inline std::string format(timestamp t) {
    std::string text(formatted_size, ' ');
    format_to(t, text.data());
    return text;
}

}  // namespace rfc2822
SIGNALWIRE_NAMESPACE_END
