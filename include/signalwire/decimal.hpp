// signalwire-models: an exact decimal that keeps its digits as sent.
//
// SignalWire sends a Call's `price` either as a JSON number (0.0065) or as a
// string ("-0.03000"). Converting it to double would lose the digits the
// server chose ("-0.200" vs "-0.2"), so `decimal` keeps the accepted text
// verbatim and re-emits it as a JSON number with the same digits.
//
// Every accepted text must read back as a JSON number (decode(encode(x)) == x), so
// `parse` also bounds the exponent: Boost.JSON 1.81's parser refuses exponents past a
// 32-bit int (`1E2147483648`: "exponent overflow"), and `max_exponent` keeps every
// accepted text well inside what it takes.
#ifndef SIGNALWIRE_DECIMAL_HPP
#define SIGNALWIRE_DECIMAL_HPP

#include <signalwire/version.hpp>

#include <boost/assert/source_location.hpp>
#include <boost/throw_exception.hpp>

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

SIGNALWIRE_NAMESPACE_BEGIN

/// A decimal number stored as its exact text, in RFC 8259 JSON-number grammar.
///
/// The text lives in a fixed inline buffer, so decoding a price never
/// allocates, and copies are trivial.
class decimal {
public:
    /// Longest text accepted; longer input is rejected so work and memory stay bounded.
    static constexpr std::size_t max_length = 64;

    /// Largest absolute value of the written exponent (the number after 'e', leading
    /// zeros ignored): "1e999999999" and "1e-000999999999" are accepted, "1e1000000000"
    /// is refused with "exponent out of range (at most 999999999 in absolute value)".
    ///
    /// Why this bound: Boost.JSON 1.81's parser (basic_parser::parse_number) reads the
    /// exponent into an int, failing with error::exponent_overflow past INT_MAX
    /// (2147483647), and then fails the same way when the exponent plus its digit
    /// adjustment leaves int range. The adjustment is +1 per integer digit past the 20
    /// its 64-bit mantissa holds and -1 per fraction digit read while the mantissa is
    /// below 2^53: at most one per mantissa digit, so at most 64 in absolute value here.
    /// 999999999 + 64 is far inside int range, so every text parse() accepts is also a
    /// number Boost.JSON parses (tests/test_decimal.cpp checks it against the parser);
    /// and the bound is simple to state: at most nine significant exponent digits. It
    /// also keeps every exponent computation in std::int64_t with no possible overflow.
    static constexpr std::int64_t max_exponent = 999'999'999;

    /// The value 0, text "0".
    decimal() noexcept : buf_{'0'}, len_{1} {}

    /// Parses RFC 8259 JSON-number grammar exactly:
    /// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    /// of at most max_length characters, with an exponent of at most max_exponent in
    /// absolute value. On failure returns false, sets `error` (lower-case, no trailing
    /// period) and leaves `out` unchanged.
    static bool parse(std::string_view text, decimal& out, std::string& error) {
        error.clear();
        if (text.empty()) return fail(error, "empty decimal");
        if (text.size() > max_length) {
            return fail(error, "decimal longer than " + std::to_string(max_length) + " characters");
        }
        // Other producers (JavaScript, Python) emit these for non-finite
        // values; name them explicitly rather than "unexpected character 'N'".
        if (is_non_finite_name(text)) {
            return fail(error, "\"" + std::string(text) + "\" is not a decimal");
        }

        std::size_t i = 0;
        const std::size_t n = text.size();
        auto digit_at = [&](std::size_t k) { return k < n && is_digit(text[k]); };

        if (text[i] == '+') return fail(error, "leading '+' is not allowed in a decimal");
        if (text[i] == '-') {
            ++i;
            if (i == n) return fail(error, "lone '-' is not a decimal");
        }

        // Integer part: a single 0, or a non-zero digit followed by digits.
        if (text[i] == '.') return fail(error, "missing digits before '.'");
        if (!is_digit(text[i])) return fail_unexpected(error, text[i]);
        if (text[i] == '0') {
            ++i;
            if (digit_at(i)) return fail(error, "leading zeros are not allowed in a decimal");
        } else {
            while (digit_at(i)) ++i;
        }

        // Optional fraction.
        if (i < n && text[i] == '.') {
            ++i;
            if (!digit_at(i)) return fail(error, "missing digits after '.'");
            while (digit_at(i)) ++i;
        }

        // Optional exponent.
        std::size_t exp_begin = n;  // its digits, without the sign
        if (i < n && (text[i] == 'e' || text[i] == 'E')) {
            ++i;
            if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
            if (!digit_at(i)) {
                if (i == n) return fail(error, "missing exponent digits");
                return fail_unexpected(error, text[i]);
            }
            exp_begin = i;
            while (digit_at(i)) ++i;
        }

        if (i != n) return fail_unexpected(error, text[i]);
        // Checked once the grammar is: "1e9999999999x" is a bad character first.
        if (exponent_magnitude(text.substr(exp_begin)) > max_exponent) {
            return fail(error, "exponent out of range (at most " + std::to_string(max_exponent) + " in absolute value)");
        }

        std::memcpy(out.buf_, text.data(), n);
        out.len_ = static_cast<std::uint8_t>(n);
        return true;
    }

    /// Convenience: throws std::invalid_argument with the same message as parse(),
    /// through boost::throw_exception (under BOOST_NO_EXCEPTIONS, the user's handler).
    static decimal from_string(std::string_view text) {
        decimal d;
        std::string error;
        if (!parse(text, d, error)) boost::throw_exception(std::invalid_argument(error), BOOST_CURRENT_LOCATION);
        return d;
    }

    /// The shortest text that round-trips the double (std::to_chars shortest
    /// form), e.g. 0.0065 -> "0.0065", 1e-7 -> "1e-07". That form is always
    /// valid JSON-number grammar. Non-finite doubles throw std::invalid_argument
    /// through boost::throw_exception, as from_string does.
    static decimal from_double(double d) {
        if (!std::isfinite(d))
            boost::throw_exception(std::invalid_argument("non-finite double is not a decimal"), BOOST_CURRENT_LOCATION);
        decimal out;
        const auto res = std::to_chars(out.buf_, out.buf_ + max_length, d);
        // Shortest doubles need at most 24 characters, so this cannot fail.
        if (res.ec != std::errc())
            boost::throw_exception(std::invalid_argument("double does not fit in a decimal"), BOOST_CURRENT_LOCATION);
        out.len_ = static_cast<std::uint8_t>(res.ptr - out.buf_);
        return out;
    }

    /// Exactly the accepted text, e.g. "-0.03000".
    std::string_view text() const noexcept { return std::string_view(buf_, len_); }

    /// Nearest double (std::from_chars, locale-independent). Out-of-range
    /// values give +-HUGE_VAL on overflow and +-0.0 on underflow, like strtod.
    double to_double() const noexcept {
        double value = 0.0;
        const auto res = std::from_chars(buf_, buf_ + len_, value);
        if (res.ec == std::errc()) return value;
        // from_chars leaves `value` untouched when out of range; the value's
        // decimal magnitude tells overflow (>= 1) from underflow (< 1).
        const bool negative = buf_[0] == '-';
        const parts p = split(*this);
        const double magnitude = p.adjusted_exponent_positive() ? HUGE_VAL : 0.0;
        return negative ? -magnitude : magnitude;
    }

    /// Exact equality of the text: "-0.200" != "-0.2" (the digits are kept,
    /// so they are part of the value). Use compare() for numeric equality.
    friend bool operator==(const decimal& a, const decimal& b) noexcept { return a.text() == b.text(); }
    friend bool operator!=(const decimal& a, const decimal& b) noexcept { return !(a == b); }

    /// Numeric comparison ignoring representation: "-0.200" vs "-0.2" is 0,
    /// "0" vs "-0" is 0. Exact (digit-wise, never via double), so values far past
    /// double range like 1e999999999 neither overflow nor lose precision.
    /// Returns <0, 0, >0.
    friend int compare(const decimal& a, const decimal& b) noexcept {
        const parts pa = split(a);
        const parts pb = split(b);
        const int sa = pa.sign();
        const int sb = pb.sign();
        if (sa != sb) return sa < sb ? -1 : 1;
        if (sa == 0) return 0;  // both zero
        // Same sign: compare magnitudes, then flip for negatives.
        return sa * compare_magnitude(pa, pb);
    }

private:
    // ---- exponent arithmetic -------------------------------------------
    //
    // parse() bounds the written exponent by max_exponent and the mantissa has
    // at most 64 digits, so every exponent below fits std::int64_t (indeed int32)
    // with room to spare.

    /// The value of unsigned exponent digits (leading zeros allowed, any count),
    /// saturated at max_exponent + 1. "" is 0.
    static std::int64_t exponent_magnitude(std::string_view digits) noexcept {
        std::int64_t value = 0;
        for (char c : digits) {
            value = value * 10 + (c - '0');
            if (value > max_exponent) return max_exponent + 1;
        }
        return value;
    }

    // ---- normalized form -------------------------------------------------
    //
    // A non-zero value is written as  +-0.D x 10^adjusted  where D is the
    // significand digits without leading or trailing zeros (D[0] != '0').
    // The digits are not contiguous in the text (a '.' may sit among them),
    // so they are addressed through digit().
    struct parts {
        bool negative = false;
        std::string_view int_digits;   // before '.'
        std::string_view frac_digits;  // after '.', may be empty
        std::size_t first = 0;         // index of first non-zero digit in int ++ frac
        std::size_t count = 0;         // significant digits; 0 means the value is zero
        std::int64_t exponent = 0;     // the written exponent, |exponent| <= max_exponent

        /// Digit `idx` of int_digits ++ frac_digits.
        char raw(std::size_t idx) const noexcept {
            return idx < int_digits.size() ? int_digits[idx] : frac_digits[idx - int_digits.size()];
        }

        /// Significant digit `k` (0 <= k < count).
        char digit(std::size_t k) const noexcept { return raw(first + k); }

        int sign() const noexcept { return count == 0 ? 0 : (negative ? -1 : 1); }

        /// adjusted = exponent + len(int_digits) - first  (the exponent of 0.D form).
        /// |exponent| <= max_exponent and the other terms are at most 64: no overflow.
        std::int64_t adjusted_exponent() const noexcept {
            return exponent + static_cast<std::int64_t>(int_digits.size()) - static_cast<std::int64_t>(first);
        }

        /// True when |value| >= 1 (used to tell overflow from underflow).
        bool adjusted_exponent_positive() const noexcept { return count != 0 && adjusted_exponent() > 0; }
    };

    /// Splits already-validated text into its normalized parts.
    static parts split(const decimal& d) noexcept {
        parts p;
        std::string_view t = d.text();
        if (!t.empty() && t[0] == '-') {
            p.negative = true;
            t.remove_prefix(1);
        }
        const std::size_t exp_pos = t.find_first_of("eE");
        std::string_view mantissa = t.substr(0, exp_pos);
        if (exp_pos != std::string_view::npos) {
            std::string_view e = t.substr(exp_pos + 1);
            bool exp_negative = false;
            if (!e.empty() && (e[0] == '+' || e[0] == '-')) {
                exp_negative = e[0] == '-';
                e.remove_prefix(1);
            }
            const std::int64_t magnitude = exponent_magnitude(e);
            p.exponent = exp_negative ? -magnitude : magnitude;
        }
        const std::size_t dot = mantissa.find('.');
        p.int_digits = mantissa.substr(0, dot);
        if (dot != std::string_view::npos) p.frac_digits = mantissa.substr(dot + 1);

        const std::size_t total = p.int_digits.size() + p.frac_digits.size();
        std::size_t first = 0;
        while (first < total && p.raw(first) == '0') ++first;
        std::size_t last = total;  // one past the last non-zero digit
        while (last > first && p.raw(last - 1) == '0') --last;
        p.first = first;
        p.count = last - first;
        return p;
    }

    /// Compares |a| and |b|, both non-zero.
    static int compare_magnitude(const parts& a, const parts& b) noexcept {
        const std::int64_t ea = a.adjusted_exponent();
        const std::int64_t eb = b.adjusted_exponent();
        if (ea != eb) return ea < eb ? -1 : 1;
        const std::size_t common = a.count < b.count ? a.count : b.count;
        for (std::size_t k = 0; k < common; ++k) {
            const char x = a.digit(k);
            const char y = b.digit(k);
            if (x != y) return x < y ? -1 : 1;
        }
        // Equal prefix: the one with more (non-zero-terminated) digits is larger.
        if (a.count == b.count) return 0;
        return a.count < b.count ? -1 : 1;
    }

    // ---- parsing helpers -------------------------------------------------

    static constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

    static char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

    /// "NaN", "Infinity", "inf" and friends, any case, with an optional sign.
    static bool is_non_finite_name(std::string_view t) noexcept {
        if (!t.empty() && (t[0] == '-' || t[0] == '+')) t.remove_prefix(1);
        for (std::string_view name : {std::string_view("nan"), std::string_view("inf"), std::string_view("infinity")}) {
            if (t.size() != name.size()) continue;
            bool same = true;
            for (std::size_t k = 0; k < t.size(); ++k) same = same && lower(t[k]) == name[k];
            if (same) return true;
        }
        return false;
    }

    static bool fail(std::string& error, std::string message) {
        error = std::move(message);
        return false;
    }

    /// Printable ASCII is quoted as is; other bytes as '\xNN', so the message
    /// stays printable (and valid UTF-8) whatever the input.
    static bool fail_unexpected(std::string& error, char c) {
        std::string shown;
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7F) {
            shown.assign(1, c);
        } else {
            const char* hex = "0123456789abcdef";
            shown = "\\x";
            shown += hex[u >> 4];
            shown += hex[u & 0x0F];
        }
        return fail(error, "unexpected character '" + shown + "' in decimal");
    }

    char buf_[max_length];
    std::uint8_t len_;
};

/// Prints text(), e.g. "-0.03000".
inline std::ostream& operator<<(std::ostream& os, const decimal& d) { return os << d.text(); }

SIGNALWIRE_NAMESPACE_END

#endif  // SIGNALWIRE_DECIMAL_HPP
