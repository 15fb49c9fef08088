// Internals of <signalwire/rfc2822.hpp>. Not part of the public API: names here may change at any time.
//
// Layout:
//   1. calendar arithmetic (Howard Hinnant's public-domain algorithms)
//   2. name tables (day, month, time zone)
//   3. message_buffer: builds error messages without allocating, so the parser itself cannot throw
//   4. parser: a hand-written recursive-descent parser over the RFC 2822 section 3.3 / 4.3 grammar
//   5. write_canonical: the formatter
#pragma once

#include <signalwire/version.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

SIGNALWIRE_NAMESPACE_BEGIN
namespace rfc2822::detail {

// ---------------------------------------------------------------------------------------------------------
// 1. Calendar arithmetic
//
// days_from_civil / civil_from_days / weekday_from_days are Howard Hinnant's algorithms
// (http://howardhinnant.github.io/date_algorithms.html, public domain), specialised to std::int64_t.
// They implement the proleptic Gregorian calendar; day 0 is 1970-01-01.
// ---------------------------------------------------------------------------------------------------------

struct civil_date {
    std::int64_t year;
    unsigned month;  // 1..12
    unsigned day;    // 1..31
};

constexpr bool is_leap_year(std::int64_t year) noexcept {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

/// Number of days in `month` (1..12) of `year`.
constexpr unsigned days_in_month(std::int64_t year, unsigned month) noexcept {
    constexpr unsigned char lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap_year(year)) {
        return 29;
    }
    return lengths[month - 1];
}

/// Days since 1970-01-01 of the given civil date. `month` in 1..12, `day` in 1..days_in_month.
constexpr std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) noexcept {
    // The algorithm treats March as the first month so that the leap day is the last day of the year.
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto year_of_era = static_cast<unsigned>(year - era * 400);                          // [0, 399]
    const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;  // [0, 365]
    const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;  // [0, 146096]
    return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

/// Inverse of days_from_civil.
constexpr civil_date civil_from_days(std::int64_t days) noexcept {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto day_of_era = static_cast<unsigned>(days - era * 146097);                                  // [0, 146096]
    const unsigned year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;            // [0, 399]
    const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);  // [0, 365]
    const unsigned shifted_month = (5 * day_of_year + 2) / 153;                                          // [0, 11]
    const unsigned day = day_of_year - (153 * shifted_month + 2) / 5 + 1;                                // [1, 31]
    const unsigned month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;                   // [1, 12]
    const std::int64_t year = static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0);
    return civil_date{year, month, day};
}

/// Day of the week of a day count: 0 = Sunday .. 6 = Saturday. 1970-01-01 was a Thursday.
constexpr unsigned weekday_from_days(std::int64_t days) noexcept {
    return static_cast<unsigned>(days >= -4 ? (days + 4) % 7 : (days + 5) % 7 + 6);
}

/// Floor division for a positive divisor (C++ `/` truncates toward zero, which is wrong for negative times).
constexpr std::int64_t floor_div(std::int64_t value, std::int64_t divisor) noexcept {
    const std::int64_t quotient = value / divisor;
    return (value % divisor < 0) ? quotient - 1 : quotient;
}

inline constexpr std::int64_t seconds_per_day = 86400;

/// The instants parse() accepts, 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z, after the
/// zone offset is applied: exactly what format() can write back, so every parsed date
/// survives format -> parse unchanged.
inline constexpr std::int64_t min_parsed_seconds = days_from_civil(1900, 1, 1) * seconds_per_day;
inline constexpr std::int64_t max_parsed_seconds = days_from_civil(10000, 1, 1) * seconds_per_day - 1;

// ---------------------------------------------------------------------------------------------------------
// 2. Name tables. All comparisons are ASCII case-insensitive.
// ---------------------------------------------------------------------------------------------------------

/// Index = weekday_from_days() result. These are also the spellings format() writes.
inline constexpr std::string_view day_names[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

struct day_name_variant {
    std::string_view name;
    int weekday;  // index into day_names
};

/// Longer day names people write, accepted in lenient mode only. SignalWire's own documentation
/// has "Thur, 20 Sept 2018 10:00:00 +0000".
inline constexpr day_name_variant lenient_day_names[4] = {{"Tues", 2}, {"Weds", 3}, {"Thur", 4}, {"Thurs", 4}};

/// Index = month - 1. These are also the spellings format() writes.
inline constexpr std::string_view month_names[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct named_zone {
    std::string_view name;
    int offset_hours;
};

/// RFC 2822 section 4.3 obs-zone names (military single letters are handled separately).
inline constexpr named_zone zone_names[10] = {
    {"UT", 0},  {"GMT", 0}, {"EST", -5}, {"EDT", -4}, {"CST", -6},
    {"CDT", -5}, {"MST", -7}, {"MDT", -6}, {"PST", -8}, {"PDT", -7},
};

constexpr bool is_digit(unsigned char c) noexcept { return c >= '0' && c <= '9'; }

constexpr bool is_alpha(unsigned char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

constexpr unsigned char to_lower(unsigned char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c - 'A' + 'a') : c;
}

constexpr bool equals_ignoring_case(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (to_lower(static_cast<unsigned char>(a[i])) != to_lower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

/// Index of `name` in `table`, or -1.
template <std::size_t N>
constexpr int find_name(const std::string_view (&table)[N], std::string_view name) noexcept {
    for (std::size_t i = 0; i < N; ++i) {
        if (equals_ignoring_case(table[i], name)) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

/// Weekday (index into day_names) of a day name, or -1. Lenient mode also knows lenient_day_names.
constexpr int find_day(std::string_view name, bool strict) noexcept {
    const int weekday = find_name(day_names, name);
    if (weekday >= 0 || strict) {
        return weekday;
    }
    for (const day_name_variant& variant : lenient_day_names) {
        if (equals_ignoring_case(variant.name, name)) {
            return variant.weekday;
        }
    }
    return -1;
}

/// Month number 1..12 of a month name, or 0. Besides the RFC's three-letter names this accepts "Sept",
/// because SignalWire's own documentation writes dates that way.
constexpr unsigned find_month(std::string_view name) noexcept {
    if (equals_ignoring_case(name, "Sept")) {
        return 9;
    }
    return static_cast<unsigned>(find_name(month_names, name) + 1);
}

/// Military zones: any single letter except J. RFC 2822 section 4.3 says they "SHOULD all be considered
/// equivalent to -0000" because RFC 822 defined their signs backwards; we therefore treat them as UTC.
constexpr bool is_military_zone(std::string_view name) noexcept {
    if (name.size() != 1) {
        return false;
    }
    const auto letter = static_cast<unsigned char>(name[0]);
    return is_alpha(letter) && to_lower(letter) != 'j';
}

/// Looks up an alphabetic zone. On success stores the offset east of UTC in seconds and returns true.
constexpr bool find_zone(std::string_view name, std::int64_t& offset_seconds) noexcept {
    if (is_military_zone(name)) {
        offset_seconds = 0;
        return true;
    }
    for (const named_zone& zone : zone_names) {
        if (equals_ignoring_case(zone.name, name)) {
            offset_seconds = std::int64_t{zone.offset_hours} * 3600;
            return true;
        }
    }
    return false;
}

/// True when `text` starts (after optional spaces and tabs) with an ISO 8601 calendar date "YYYY-MM-DD"
/// that ends the text or is followed by 'T', 't' or a space: "2020-04-23", "2020-04-23T03:47:38.000Z",
/// "2020-04-23 03:47:38+00:00". No RFC 2822 date starts that way (its day has at most 2 digits), so
/// this only ever picks a better message for input that fails anyway.
constexpr bool looks_like_iso8601(std::string_view text) noexcept {
    std::size_t i = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) {
        ++i;
    }
    if (text.size() - i < 10) {
        return false;
    }
    constexpr std::string_view pattern = "dddd-dd-dd";
    for (std::size_t k = 0; k < pattern.size(); ++k) {
        const auto c = static_cast<unsigned char>(text[i + k]);
        if (pattern[k] == 'd' ? !is_digit(c) : c != '-') {
            return false;
        }
    }
    if (text.size() - i == pattern.size()) {
        return true;
    }
    const char next = text[i + pattern.size()];
    return next == 'T' || next == 't' || next == ' ';
}

// ---------------------------------------------------------------------------------------------------------
// 3. message_buffer: a fixed-capacity string builder. Building messages here instead of in std::string
//    keeps every parsing step noexcept; the only allocation is the final copy into the caller's string.
// ---------------------------------------------------------------------------------------------------------

class message_buffer {
public:
    /// Longer messages are cut off (never happens for the messages below: tokens are truncated first).
    static constexpr std::size_t capacity = 192;
    /// Quoted input tokens are cut to this many bytes and marked with "..." so messages stay short.
    static constexpr std::size_t max_quoted_token = 32;

    message_buffer& append(std::string_view text) noexcept {
        for (const char c : text) {
            push(c);
        }
        return *this;
    }

    /// Decimal, zero-padded to at least `min_width` digits.
    message_buffer& append_number(std::uint64_t value, unsigned min_width = 1) noexcept {
        char digits[20];
        unsigned count = 0;
        do {
            digits[count++] = static_cast<char>('0' + value % 10);
            value /= 10;
        } while (value != 0);
        for (; count < min_width && count < sizeof digits; ++count) {
            digits[count] = '0';
        }
        while (count > 0) {
            push(digits[--count]);
        }
        return *this;
    }

    /// `"token"`, truncated to max_quoted_token bytes. Callers only pass letters or digits from the input.
    message_buffer& append_quoted(std::string_view token) noexcept {
        push('"');
        append(token.substr(0, max_quoted_token));
        if (token.size() > max_quoted_token) {
            append("...");
        }
        push('"');
        return *this;
    }

    /// `'x'` for printable ASCII, `'\xHH'` for anything else, so the message itself stays printable.
    message_buffer& append_char_literal(unsigned char c) noexcept {
        push('\'');
        if (c == '\'' || c == '\\') {
            push('\\');
            push(static_cast<char>(c));
        } else if (c >= 0x20 && c < 0x7f) {
            push(static_cast<char>(c));
        } else {
            constexpr char hex[] = "0123456789abcdef";
            append("\\x");
            push(hex[c >> 4]);
            push(hex[c & 0xf]);
        }
        push('\'');
        return *this;
    }

    /// `0x80`: two lower-case hex digits.
    message_buffer& append_hex_byte(unsigned char c) noexcept {
        constexpr char hex[] = "0123456789abcdef";
        append("0x");
        push(hex[c >> 4]);
        push(hex[c & 0xf]);
        return *this;
    }

    std::string_view view() const noexcept { return std::string_view(buffer_, size_); }

private:
    void push(char c) noexcept {
        if (size_ < capacity) {
            buffer_[size_++] = c;
        }
    }

    char buffer_[capacity] = {};
    std::size_t size_ = 0;
};

// ---------------------------------------------------------------------------------------------------------
// 4. parser
//
// Every parse_* / skip_* member returns false after recording an error; callers just propagate false.
// The cursor never moves past text_.size() and every read is preceded by a bounds check.
// ---------------------------------------------------------------------------------------------------------

/// Inputs longer than this are rejected before parsing, which bounds the work per call.
inline constexpr std::size_t max_input_size = 256;

/// The fields of a date-time as written, before conversion to UTC.
struct date_time_fields {
    int weekday = -1;  // -1 when the optional day-of-week is absent
    std::string_view weekday_text;
    unsigned day = 0;
    unsigned month = 0;
    std::int64_t year = 0;
    unsigned hour = 0;
    unsigned minute = 0;
    unsigned second = 0;
    std::int64_t zone_offset_seconds = 0;  // east of UTC
};

/// How many digits a numeric field may have; `name` is used in error messages.
struct digit_rule {
    std::string_view name;
    std::size_t min_digits;
    std::size_t max_digits;  // at most 4, so every value fits in `unsigned` without overflow
};

/// What one skip_cfws call skipped. Strict mode uses it where RFC 2822 requires FWS, not just CFWS.
struct cfws_summary {
    bool whitespace = false;         // a space, tab or fold outside any comment
    bool comment = false;            // at least one comment
    bool ends_with_comment = false;  // the last thing skipped was a comment
    std::size_t first_comment = 0;   // offsets of the first and the last comment, when `comment`
    std::size_t last_comment = 0;
};

class parser {
public:
    /// `strict`: RFC 2822 exactly (see rfc2822::mode::strict); otherwise lenient.
    parser(std::string_view text, bool strict) noexcept : text_(text), strict_(strict) {}

    /// Parses the whole input. On success stores seconds since 1970-01-01T00:00:00Z and returns true.
    bool parse(std::int64_t& seconds_since_epoch) noexcept {
        if (text_.empty()) {
            return fail("empty date");
        }
        if (text_.size() > max_input_size) {
            return fail("date longer than 256 bytes");
        }
        if (looks_like_iso8601(text_)) {
            return fail("ISO 8601 date-time, not an RFC 2822 date");
        }
        date_time_fields fields;
        const bool ok = skip_cfws() && parse_optional_day_of_week(fields) && parse_date(fields) &&
                        check_date(fields) && parse_time_of_day_and_zone(fields) && parse_end();
        if (!ok) {
            return false;
        }
        const std::int64_t seconds = to_seconds_since_epoch(fields);
        if (seconds < min_parsed_seconds || seconds > max_parsed_seconds) {
            return fail("the date falls outside years 1900-9999 in UTC");
        }
        seconds_since_epoch = seconds;
        return true;
    }

    std::string_view error() const noexcept { return error_.view(); }

private:
    // ----- cursor ------------------------------------------------------------------------------------

    bool at_end() const noexcept { return pos_ >= text_.size(); }

    /// Byte `ahead` positions past the cursor; only call after checking has_ahead(ahead).
    unsigned char byte_at(std::size_t ahead) const noexcept { return static_cast<unsigned char>(text_[pos_ + ahead]); }

    bool has_ahead(std::size_t ahead) const noexcept { return pos_ + ahead < text_.size(); }

    bool next_is(char c) const noexcept { return !at_end() && text_[pos_] == c; }
    bool next_is_digit() const noexcept { return !at_end() && is_digit(byte_at(0)); }
    bool next_is_alpha() const noexcept { return !at_end() && is_alpha(byte_at(0)); }

    template <typename Predicate>
    std::string_view take_while(Predicate predicate) noexcept {
        const std::size_t start = pos_;
        while (!at_end() && predicate(byte_at(0))) {
            ++pos_;
        }
        return text_.substr(start, pos_ - start);
    }

    std::string_view take_digits() noexcept { return take_while(is_digit); }
    std::string_view take_letters() noexcept { return take_while(is_alpha); }

    // ----- errors ------------------------------------------------------------------------------------

    bool fail(std::string_view message) noexcept {
        error_.append(message);
        return false;
    }

    /// "unexpected end of input, expected <what>" or "unexpected character 'c' at offset N, expected <what>".
    bool fail_expected(std::string_view what, std::string_view what_suffix = {}) noexcept {
        if (at_end()) {
            error_.append("unexpected end of input");
        } else {
            error_.append("unexpected character ").append_char_literal(byte_at(0));
            error_.append(" at offset ").append_number(pos_);
        }
        error_.append(", expected ").append(what).append(what_suffix);
        return false;
    }

    /// "byte 0x80 at offset 14 is not allowed in a comment" (strict mode), for the byte at the cursor.
    bool fail_comment_byte(unsigned char c) noexcept {
        error_.append("byte ").append_hex_byte(c).append(" at offset ").append_number(pos_);
        error_.append(" is not allowed in a comment");
        return false;
    }

    /// "comment at offset 11 where RFC 2822 requires whitespace before the hour" (strict mode).
    bool fail_comment_for_whitespace(std::size_t comment_offset, std::string_view before) noexcept {
        error_.append("comment at offset ").append_number(comment_offset);
        error_.append(" where RFC 2822 requires whitespace before ").append(before);
        return false;
    }

    bool fail_line_break() noexcept {
        error_.append("line break at offset ").append_number(pos_).append(" must be CRLF followed by a space or tab");
        return false;
    }

    // ----- folding white space and comments (RFC 2822 section 3.2.3) ----------------------------------

    static constexpr bool is_wsp(unsigned char c) noexcept { return c == ' ' || c == '\t'; }

    /// Consumes one unit of folding white space: a space or tab, or CRLF followed by one (a folded line).
    bool skip_fws_unit() noexcept {
        if (!at_end() && is_wsp(byte_at(0))) {
            ++pos_;
            return true;
        }
        if (has_ahead(2) && byte_at(0) == '\r' && byte_at(1) == '\n' && is_wsp(byte_at(2))) {
            pos_ += 3;
            return true;
        }
        return false;
    }

    /// Skips any mix of folding white space and comments (CFWS). A CR or LF that does not start a folded
    /// line is an error here rather than "unexpected character", because that is the more useful message.
    bool skip_cfws() noexcept {
        cfws_summary ignored;
        return skip_cfws(ignored);
    }

    /// skip_cfws, also telling what it skipped.
    bool skip_cfws(cfws_summary& summary) noexcept {
        for (;;) {
            if (skip_fws_unit()) {
                summary.whitespace = true;
                summary.ends_with_comment = false;
                continue;
            }
            if (next_is('(')) {
                if (!summary.comment) {
                    summary.first_comment = pos_;
                }
                summary.comment = true;
                summary.last_comment = pos_;
                if (!skip_comment()) {
                    return false;
                }
                summary.ends_with_comment = true;
                continue;
            }
            if (next_is('\r') || next_is('\n')) {
                return fail_line_break();
            }
            return true;
        }
    }

    /// Skips a comment starting at '('. Comments nest; a backslash quotes the next byte. Iterative (a depth
    /// counter instead of recursion) so deeply nested input cannot exhaust the stack.
    /// Strict mode allows only RFC 2822 ctext (section 3.2.3): no NUL and no byte >= 128, quoted or not,
    /// except that obs-qp (section 4.1) allows a quoted NUL.
    bool skip_comment() noexcept {
        std::size_t depth = 0;
        do {
            if (at_end()) {
                return fail_expected("')' to close comment");
            }
            if (skip_fws_unit()) {
                continue;
            }
            const unsigned char c = byte_at(0);
            if (c == '\r' || c == '\n') {
                return fail_line_break();
            }
            if (strict_ && (c == 0 || c >= 0x80)) {
                return fail_comment_byte(c);
            }
            ++pos_;
            if (c == '(') {
                ++depth;
            } else if (c == ')') {
                --depth;
            } else if (c == '\\' && !skip_quoted_byte()) {
                return false;
            }
        } while (depth > 0);
        return true;
    }

    /// The byte after a backslash inside a comment. RFC 2822 quoted-pair / obs-qp allow any byte 0-127;
    /// CR and LF are rejected anyway (in both modes) because a line break must be a fold, and strict mode
    /// rejects bytes >= 128, which RFC 2822 allows nowhere.
    bool skip_quoted_byte() noexcept {
        if (at_end()) {
            return fail_expected("a character after '\\' in comment");
        }
        if (next_is('\r') || next_is('\n')) {
            return fail_line_break();
        }
        if (strict_ && byte_at(0) >= 0x80) {
            return fail_comment_byte(byte_at(0));
        }
        ++pos_;
        return true;
    }

    /// Skips CFWS that the grammar requires to be present (e.g. between day and month, where two tokens
    /// would otherwise run together). `what` names the token that must follow.
    bool skip_required_cfws_before(std::string_view what) noexcept {
        cfws_summary ignored;
        return skip_required_cfws_before(what, ignored);
    }

    bool skip_required_cfws_before(std::string_view what, cfws_summary& summary) noexcept {
        const std::size_t start = pos_;
        if (!skip_cfws(summary)) {
            return false;
        }
        if (at_end()) {
            return fail_expected(what);
        }
        if (pos_ == start) {
            return fail_expected("whitespace before ", what);
        }
        return true;
    }

    // ----- numbers -----------------------------------------------------------------------------------

    static message_buffer& append_digit_range(message_buffer& message, const digit_rule& rule) noexcept {
        message.append_number(rule.min_digits);
        if (rule.max_digits == rule.min_digits + 1) {
            message.append(" or ").append_number(rule.max_digits);
        } else if (rule.max_digits != rule.min_digits) {
            message.append(" to ").append_number(rule.max_digits);
        }
        return message;
    }

    /// Reads a run of digits whose length must satisfy `rule`. The length is checked before converting,
    /// so an arbitrarily long run cannot overflow.
    bool parse_number(const digit_rule& rule, unsigned& value, std::size_t& digit_count) noexcept {
        if (!next_is_digit()) {
            return fail_expected(rule.name);
        }
        const std::string_view digits = take_digits();
        if (digits.size() < rule.min_digits || digits.size() > rule.max_digits) {
            error_.append(rule.name).append(" ").append_quoted(digits).append(" has ").append_number(digits.size());
            error_.append(digits.size() == 1 ? " digit, expected " : " digits, expected ");
            append_digit_range(error_, rule);
            return false;
        }
        value = 0;
        for (const char digit : digits) {
            value = value * 10 + static_cast<unsigned>(digit - '0');
        }
        digit_count = digits.size();
        return true;
    }

    /// Fails with "<name> 24 is out of range 00-23" when value > max.
    bool check_at_most(std::string_view name, unsigned value, unsigned max) noexcept {
        if (value <= max) {
            return true;
        }
        error_.append(name).append(" ").append_number(value, 2).append(" is out of range 00-").append_number(max, 2);
        return false;
    }

    /// Exactly two digits (hour, minute, second), each at most `max`.
    bool parse_two_digit_field(std::string_view name, unsigned max, unsigned& value) noexcept {
        std::size_t digit_count = 0;
        return parse_number(digit_rule{name, 2, 2}, value, digit_count) && check_at_most(name, value, max);
    }

    // ----- date (RFC 2822 section 3.3, obsolete forms from 4.3) ---------------------------------------

    /// [day-of-week ","] : a day name, optional CFWS, a comma, optional CFWS.
    bool parse_optional_day_of_week(date_time_fields& fields) noexcept {
        if (!next_is_alpha()) {
            return true;  // absent; parse_day reports anything unexpected
        }
        const std::string_view name = take_letters();
        fields.weekday = find_day(name, strict_);
        if (fields.weekday < 0) {
            error_.append("unknown day name ").append_quoted(name);
            return false;
        }
        fields.weekday_text = name;
        if (!skip_cfws()) {
            return false;
        }
        if (!next_is(',')) {
            return fail_expected("',' after day name");
        }
        ++pos_;
        return skip_cfws();
    }

    /// day month year, separated by CFWS.
    bool parse_date(date_time_fields& fields) noexcept {
        return parse_day(fields) && skip_required_cfws_before("month name") && parse_month(fields) &&
               skip_required_cfws_before("year") && parse_year(fields);
    }

    /// 1*2DIGIT. Its range depends on month and year, so check_date validates it later.
    bool parse_day(date_time_fields& fields) noexcept {
        if (!next_is_digit()) {
            return fail_expected(fields.weekday < 0 ? "day name or day of month" : "day of month");
        }
        std::size_t digit_count = 0;
        return parse_number(digit_rule{"day", 1, 2}, fields.day, digit_count);
    }

    bool parse_month(date_time_fields& fields) noexcept {
        if (!next_is_alpha()) {
            return fail_expected("month name");
        }
        const std::string_view name = take_letters();
        fields.month = find_month(name);
        if (fields.month == 0) {
            error_.append("unknown month name ").append_quoted(name);
            return false;
        }
        return true;
    }

    /// 4DIGIT (at least 1900), or obs-year: 2 digits (00-49 => 2000-2049, 50-99 => 1950-1999) or
    /// 3 digits (+1900). More than 4 digits is rejected: RFC 2822 allows them, but no SignalWire date
    /// needs them and the bound keeps all arithmetic far from overflow.
    bool parse_year(date_time_fields& fields) noexcept {
        unsigned value = 0;
        std::size_t digit_count = 0;
        if (!parse_number(digit_rule{"year", 2, 4}, value, digit_count)) {
            return false;
        }
        if (digit_count == 2) {
            fields.year = value < 50 ? 2000 + value : 1900 + value;
        } else if (digit_count == 3) {
            fields.year = 1900 + value;
        } else {
            fields.year = value;
        }
        if (fields.year < 1900) {
            error_.append("year ").append_number(value, 4).append(" is before 1900");
            return false;
        }
        return true;
    }

    /// Day within the month, and the day name (if given) against the date as written (before any zone
    /// offset is applied, since the name describes the local date).
    bool check_date(const date_time_fields& fields) noexcept {
        if (fields.day < 1 || fields.day > days_in_month(fields.year, fields.month)) {
            error_.append("day ").append_number(fields.day).append(" is out of range for ");
            error_.append(month_names[fields.month - 1]).append(" ");
            error_.append_number(static_cast<std::uint64_t>(fields.year));
            return false;
        }
        if (fields.weekday < 0 || !strict_) {
            return true;  // lenient mode: the date decides, whatever the day name says
        }
        const unsigned actual = weekday_from_days(days_from_civil(fields.year, fields.month, fields.day));
        if (static_cast<unsigned>(fields.weekday) != actual) {
            error_.append("day name ").append_quoted(fields.weekday_text).append(" does not match the date (");
            error_.append(day_names[actual]).append(")");
            return false;
        }
        return true;
    }

    // ----- time and zone ------------------------------------------------------------------------------

    /// hour ":" minute [":" second] zone, with optional CFWS around the colons (obs-hour etc.) and
    /// required CFWS before the zone.
    ///
    /// Strict mode: RFC 2822 has `date FWS time` and `time = time-of-day FWS zone`, where the obsolete
    /// forms (section 4.3) allow CFWS after the year and around hour, minute and second but obs-zone allows
    /// none. So between year and hour there must be whitespace somewhere outside comments ("2018 (c)20",
    /// "2018(c) 20"), and directly before the zone there must be whitespace, not a comment
    /// ("00 (c) +0000", not "00 (c)+0000").
    bool parse_time_of_day_and_zone(date_time_fields& fields) noexcept {
        cfws_summary before_hour;
        if (!skip_required_cfws_before("hour", before_hour)) {
            return false;
        }
        if (strict_ && !before_hour.whitespace) {
            return fail_comment_for_whitespace(before_hour.first_comment, "the hour");
        }
        if (!parse_two_digit_field("hour", 23, fields.hour) || !skip_cfws()) {
            return false;
        }
        if (!next_is(':')) {
            return fail_expected("':' after hour");
        }
        ++pos_;
        if (!skip_cfws() || !parse_two_digit_field("minute", 59, fields.minute)) {
            return false;
        }
        std::size_t end_of_time = pos_;
        cfws_summary before_zone;
        if (!skip_cfws(before_zone)) {
            return false;
        }
        const bool has_seconds = next_is(':');
        if (has_seconds) {
            ++pos_;
            // Second 60 (a leap second) is accepted and handled by plain arithmetic: 23:59:60 is the same
            // instant as 00:00:00 of the next day, since system_clock does not count leap seconds.
            if (!skip_cfws() || !parse_two_digit_field("second", 60, fields.second)) {
                return false;
            }
            end_of_time = pos_;
            before_zone = cfws_summary{};
            if (!skip_cfws(before_zone)) {
                return false;
            }
        }
        if (at_end()) {
            return fail_expected(has_seconds ? "time zone" : "':' or time zone");
        }
        if (pos_ == end_of_time) {
            return fail_expected(has_seconds ? "whitespace before time zone" : "':' or whitespace before time zone");
        }
        if (strict_ && before_zone.ends_with_comment) {
            return fail_comment_for_whitespace(before_zone.last_comment, "the time zone");
        }
        return parse_zone(fields);
    }

    bool parse_zone(date_time_fields& fields) noexcept {
        if (next_is('+') || next_is('-')) {
            return parse_numeric_zone(fields);
        }
        if (next_is_alpha()) {
            return parse_named_zone(fields);
        }
        return fail_expected("time zone");
    }

    /// ("+" / "-") 4DIGIT: hours 00-99 (RFC 2822 sets no limit), minutes 00-59. "-0000" is UTC.
    bool parse_numeric_zone(date_time_fields& fields) noexcept {
        const std::size_t start = pos_;
        const bool west = next_is('-');
        ++pos_;
        unsigned hhmm = 0;
        std::size_t digit_count = 0;
        if (!parse_number(digit_rule{"time zone offset", 4, 4}, hhmm, digit_count)) {
            return false;
        }
        const unsigned hours = hhmm / 100;
        const unsigned minutes = hhmm % 100;
        if (minutes > 59) {
            error_.append("time zone ").append_quoted(text_.substr(start, pos_ - start));
            error_.append(" has minutes out of range 00-59");
            return false;
        }
        const std::int64_t offset = std::int64_t{hours} * 3600 + std::int64_t{minutes} * 60;
        fields.zone_offset_seconds = west ? -offset : offset;
        return true;
    }

    bool parse_named_zone(date_time_fields& fields) noexcept {
        const std::string_view name = take_letters();
        if (!find_zone(name, fields.zone_offset_seconds)) {
            error_.append("unknown time zone ").append_quoted(name);
            return false;
        }
        return true;
    }

    /// Only CFWS may follow the zone.
    bool parse_end() noexcept {
        if (!skip_cfws()) {
            return false;
        }
        return at_end() || fail_expected("end of input");
    }

    // ----- conversion ---------------------------------------------------------------------------------

    static std::int64_t to_seconds_since_epoch(const date_time_fields& fields) noexcept {
        // Years are 1900..9999 and offsets under 100 hours, so this stays far inside std::int64_t.
        const std::int64_t days = days_from_civil(fields.year, fields.month, fields.day);
        const std::int64_t local = days * seconds_per_day + std::int64_t{fields.hour} * 3600 +
                                   std::int64_t{fields.minute} * 60 + std::int64_t{fields.second};
        return local - fields.zone_offset_seconds;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    bool strict_ = true;
    message_buffer error_;
};

// ---------------------------------------------------------------------------------------------------------
// 4b. The canonical form, fast
// ---------------------------------------------------------------------------------------------------------

/// Nearly every date a server sends is exactly "Www, DD Mon YYYY HH:MM:SS +hhmm" (31 bytes, the form
/// format() writes). This reads that form with fixed offsets and no branches on structure; it returns
/// false for anything else, valid or not, and parse() then runs the general parser, which also produces
/// every error message. So the result is the same either way, only faster for the common case. It serves
/// both modes: what it accepts (RFC 3-letter names, the right day name, no comments) strict mode accepts.
inline bool parse_canonical(std::string_view text, std::int64_t& seconds) noexcept {
    if (text.size() != 31) return false;
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    auto digit = [s](std::size_t i) noexcept { return static_cast<unsigned>(s[i]) - '0'; };
    auto two = [&](std::size_t i) noexcept { return digit(i) * 10 + digit(i + 1); };
    // One unsigned comparison per digit: a non-digit wraps around to a large value.
    const bool digits = digit(5) <= 9 && digit(6) <= 9 && digit(12) <= 9 && digit(13) <= 9 && digit(14) <= 9 &&
                        digit(15) <= 9 && digit(17) <= 9 && digit(18) <= 9 && digit(20) <= 9 && digit(21) <= 9 &&
                        digit(23) <= 9 && digit(24) <= 9 && digit(27) <= 9 && digit(28) <= 9 && digit(29) <= 9 &&
                        digit(30) <= 9;
    if (!digits || s[3] != ',' || s[4] != ' ' || s[7] != ' ' || s[11] != ' ' || s[16] != ' ' || s[19] != ':' ||
        s[22] != ':' || s[25] != ' ' || (s[26] != '+' && s[26] != '-'))
        return false;
    auto packed = [](unsigned a, unsigned b, unsigned c) constexpr noexcept { return a << 16 | b << 8 | c; };
    unsigned month = 0;
    switch (packed(s[8], s[9], s[10])) {
        case packed('J', 'a', 'n'): month = 1; break;
        case packed('F', 'e', 'b'): month = 2; break;
        case packed('M', 'a', 'r'): month = 3; break;
        case packed('A', 'p', 'r'): month = 4; break;
        case packed('M', 'a', 'y'): month = 5; break;
        case packed('J', 'u', 'n'): month = 6; break;
        case packed('J', 'u', 'l'): month = 7; break;
        case packed('A', 'u', 'g'): month = 8; break;
        case packed('S', 'e', 'p'): month = 9; break;
        case packed('O', 'c', 't'): month = 10; break;
        case packed('N', 'o', 'v'): month = 11; break;
        case packed('D', 'e', 'c'): month = 12; break;
        default: return false;
    }
    const unsigned day = two(5), year = two(12) * 100 + two(14);
    const unsigned hour = two(17), minute = two(20), second = two(23);
    const unsigned zone_hours = two(27), zone_minutes = two(29);
    if (year < 1900 || day < 1 || day > days_in_month(year, month) || hour > 23 || minute > 59 ||
        second > 60 || zone_minutes > 59)
        return false;
    const std::int64_t days = days_from_civil(year, month, day);
    const char* weekday = day_names[weekday_from_days(days)].data();
    if (s[0] != weekday[0] || s[1] != weekday[1] || s[2] != weekday[2]) return false;
    const std::int64_t offset = (std::int64_t{zone_hours} * 3600 + std::int64_t{zone_minutes} * 60) * (s[26] == '-' ? -1 : 1);
    const std::int64_t result =
        days * seconds_per_day + std::int64_t{hour} * 3600 + std::int64_t{minute} * 60 + std::int64_t{second} - offset;
    if (result < min_parsed_seconds || result > max_parsed_seconds) return false;  // the general parser says why
    seconds = result;
    return true;
}

// ---------------------------------------------------------------------------------------------------------
// 5. Formatting
// ---------------------------------------------------------------------------------------------------------

/// 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the range a 4-digit year can show.
inline constexpr std::int64_t min_formattable_seconds = days_from_civil(0, 1, 1) * seconds_per_day;
inline constexpr std::int64_t max_formattable_seconds = days_from_civil(10000, 1, 1) * seconds_per_day - 1;

inline void write_digits(char* out, unsigned value, unsigned width) noexcept {
    for (unsigned i = width; i > 0; --i) {
        out[i - 1] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
}

inline void write_name(char* out, std::string_view name) noexcept {
    for (std::size_t i = 0; i < name.size(); ++i) {
        out[i] = name[i];
    }
}

/// Writes "Www, DD Mon YYYY HH:MM:SS +0000" (31 chars) for seconds since the epoch, clamped to the
/// formattable range.
inline void write_canonical(std::int64_t seconds_since_epoch, char* out) noexcept {
    std::int64_t seconds = seconds_since_epoch;
    if (seconds < min_formattable_seconds) {
        seconds = min_formattable_seconds;
    } else if (seconds > max_formattable_seconds) {
        seconds = max_formattable_seconds;
    }
    const std::int64_t days = floor_div(seconds, seconds_per_day);
    const auto second_of_day = static_cast<unsigned>(seconds - days * seconds_per_day);
    const civil_date date = civil_from_days(days);

    write_name(out, day_names[weekday_from_days(days)]);
    write_name(out + 3, ", ");
    write_digits(out + 5, date.day, 2);
    out[7] = ' ';
    write_name(out + 8, month_names[date.month - 1]);
    out[11] = ' ';
    write_digits(out + 12, static_cast<unsigned>(date.year), 4);
    out[16] = ' ';
    write_digits(out + 17, second_of_day / 3600, 2);
    out[19] = ':';
    write_digits(out + 20, second_of_day / 60 % 60, 2);
    out[22] = ':';
    write_digits(out + 23, second_of_day % 60, 2);
    write_name(out + 25, " +0000");
}

}  // namespace rfc2822::detail
SIGNALWIRE_NAMESPACE_END
