// How each C++ member type is read from one JSON scalar and written back: the single
// place where a field's wire format is decided (`value_codec<T>`). Objects and arrays
// are handled by object_codec.hpp; the parser events arrive through decoder.hpp.
#ifndef SIGNALWIRE_DETAIL_VALUE_CODEC_HPP
#define SIGNALWIRE_DETAIL_VALUE_CODEC_HPP

#include <signalwire/version.hpp>

#include <signalwire/decimal.hpp>
#include <signalwire/decode_options.hpp>
#include <signalwire/detail/json_writer.hpp>
#include <signalwire/open_enum.hpp>
#include <signalwire/rfc2822.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include <boost/config.hpp>

SIGNALWIRE_NAMESPACE_BEGIN
namespace detail {

/// One JSON scalar as the parser delivered it. For numbers `text` is the literal as
/// written (`-0.03000`), which is how decimals keep their digits.
struct scalar {
    enum class kind : unsigned char { null, boolean, integer, unsigned_integer, floating, string };
    kind k = kind::null;
    std::string_view text;
    union {  // the one that `k` names; left uninitialized otherwise (built per value, on the hot path)
        std::int64_t i;
        std::uint64_t u;
        double d;
        bool b;
    };
};

/// The state one decode shares with the codecs: its options and, on failure, why.
struct decode_state {
    const decode_options& options;
    std::string message;

    bool fail(std::string why) {
        message = std::move(why);
        return false;
    }
};

/// What a value codec made of a scalar. `wrong_type` lets the caller, which knows the
/// field, say "expected ..., got ..."; `invalid` means the codec set the message itself.
enum class outcome : unsigned char { ok, wrong_type, invalid };

/// Text from the input for an error message: JSON-escaped (so control characters and
/// quotes stay visible), cut after `limit` bytes, never inside a UTF-8 sequence, with
/// "..." when cut. `quoted` adds the JSON quotes.
inline std::string escaped_preview(std::string_view s, std::size_t limit, bool quoted = false) {
    std::size_t cut = s.size();
    if (cut > limit) {
        cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    }
    std::string out;
    json_buffer buffer(out, cut + 16);
    write_string(buffer, s.substr(0, cut));
    buffer.finish();
    if (cut < s.size()) out.insert(out.size() - 1, "...");
    return quoted ? out : out.substr(1, out.size() - 2);
}

/// A string for an error message: quoted, escaped, cut after 40 bytes.
inline std::string quoted_preview(std::string_view s) { return escaped_preview(s, 40, true); }

/// `string "15"`, `number 1.5`, `boolean`, `null`: the "got" half of a type error.
inline std::string describe(const scalar& s) {
    switch (s.k) {
        case scalar::kind::null: return "null";
        case scalar::kind::boolean: return "boolean";
        case scalar::kind::string: return "string " + quoted_preview(s.text);
        default: return "number " + std::string(s.text.substr(0, 40));
    }
}

inline bool is_number(const scalar& s) noexcept {
    return s.k == scalar::kind::integer || s.k == scalar::kind::unsigned_integer || s.k == scalar::kind::floating;
}

template <class T, class = void>
struct value_codec;

/// Sets `out` to `text`. A new decode fills empty strings: constructing and moving in
/// is cheaper than assign(). decode_into refills strings that held the previous
/// document's value, often of the same length (sids, dates, numbers): those are copied
/// over in place, without std::string's general replace.
inline void assign_text(std::string& out, std::string_view text) {
    if (out.empty()) {
        out = std::string(text.data(), text.size());
    } else if (text.size() <= out.size()) {
        std::memcpy(&out[0], text.data(), text.size());  // out is not empty
        if (text.size() < out.size()) out.resize(text.size());
    } else {
        out.assign(text.data(), text.size());
    }
}

template <>
struct value_codec<std::string> {
    static constexpr bool string_typed = true;  // `""` in an optional field means absent
    static constexpr std::string_view expected = "string";
    static outcome decode(std::string& out, const scalar& s, decode_state&) {
        if (s.k != scalar::kind::string) return outcome::wrong_type;
        assign_text(out, s.text);
        return outcome::ok;
    }
    static void encode(json_buffer& out, const std::string& v) { write_string(out, v); }
};

template <>
struct value_codec<bool> {
    static constexpr bool string_typed = false;
    static constexpr std::string_view expected = "boolean";
    static outcome decode(bool& out, const scalar& s, decode_state& st) {
        if (s.k == scalar::kind::boolean) {
            out = s.b;
            return outcome::ok;
        }
        if (s.k == scalar::kind::string && !st.options.strict && (s.text == "true" || s.text == "false")) {
            out = s.text == "true";
            return outcome::ok;
        }
        return outcome::wrong_type;
    }
    static void encode(json_buffer& out, bool v) { v ? out.append("true", 4) : out.append("false", 5); }
};

/// std::int32_t and std::int64_t. Lenient mode reads decimal digits sent as a string.
template <class Int>
struct value_codec<Int, std::enable_if_t<std::is_same_v<Int, std::int32_t> || std::is_same_v<Int, std::int64_t>>> {
    static constexpr bool string_typed = false;
    static constexpr std::string_view expected = "integer";
    static outcome decode(Int& out, const scalar& s, decode_state& st) {
        using limits = std::numeric_limits<Int>;
        switch (s.k) {
            case scalar::kind::integer:
                if (s.i < limits::min() || s.i > limits::max()) return out_of_range(s.text, st);
                out = static_cast<Int>(s.i);
                return outcome::ok;
            case scalar::kind::unsigned_integer:
                if (s.u > static_cast<std::uint64_t>(limits::max())) return out_of_range(s.text, st);
                out = static_cast<Int>(s.u);
                return outcome::ok;
            case scalar::kind::floating:
                // Digits only, but past 64 bits, so the parser made it a double.
                if (s.text.find_first_of(".eE") == std::string_view::npos) return out_of_range(s.text, st);
                return outcome::wrong_type;
            case scalar::kind::string: {
                if (st.options.strict || s.text.empty()) return outcome::wrong_type;
                const char* end = s.text.data() + s.text.size();
                auto r = std::from_chars(s.text.data(), end, out);
                if (r.ec == std::errc::result_out_of_range) return out_of_range(s.text, st);
                return r.ec == std::errc() && r.ptr == end ? outcome::ok : outcome::wrong_type;
            }
            default: return outcome::wrong_type;
        }
    }
    static void encode(json_buffer& out, Int v) { write_integer(out, v); }

private:
    static outcome out_of_range(std::string_view text, decode_state& st) {
        st.fail("integer " + std::string(text.substr(0, 40)) + " is out of range for " +
                (sizeof(Int) == 4 ? "int32" : "int64"));
        return outcome::invalid;
    }
};

/// A binary floating-point measurement (`audio_in_mos`). Lenient mode reads a number
/// sent as a string; NaN and infinities are never accepted.
template <>
struct value_codec<double> {
    static constexpr bool string_typed = false;
    static constexpr std::string_view expected = "number";
    static outcome decode(double& out, const scalar& s, decode_state& st) {
        switch (s.k) {
            case scalar::kind::integer: out = static_cast<double>(s.i); return outcome::ok;
            case scalar::kind::unsigned_integer: out = static_cast<double>(s.u); return outcome::ok;
            case scalar::kind::floating:
                if (!std::isfinite(s.d)) {  // 1e400: valid JSON, but no double holds it
                    st.fail("number " + std::string(s.text.substr(0, 40)) + " is out of range for a double");
                    return outcome::invalid;
                }
                out = s.d;
                return outcome::ok;
            case scalar::kind::string: {
                if (st.options.strict || s.text.empty()) return outcome::wrong_type;
                // Only JSON number syntax, so "nan", "inf" and " 1" stay errors.
                decimal checked;
                std::string why;
                if (!decimal::parse(s.text, checked, why)) return outcome::wrong_type;
                out = checked.to_double();
                return std::isfinite(out) ? outcome::ok : outcome::wrong_type;
            }
            default: return outcome::wrong_type;
        }
    }
    static void encode(json_buffer& out, double v) { write_double(out, v); }
};

/// An exact decimal (`price`): the literal digits as sent, as a number or a string.
template <>
struct value_codec<decimal> {
    static constexpr bool string_typed = false;
    static constexpr std::string_view expected = "decimal number";
    static outcome decode(decimal& out, const scalar& s, decode_state& st) {
        if (s.k == scalar::kind::string && (st.options.strict || s.text.empty())) return outcome::wrong_type;
        if (s.k != scalar::kind::string && !is_number(s)) return outcome::wrong_type;
        std::string why;
        if (decimal::parse(s.text, out, why)) return outcome::ok;
        st.fail("invalid decimal " + quoted_preview(s.text) + ": " + why);
        return outcome::invalid;
    }
    static void encode(json_buffer& out, const decimal& v) { out.append(v.text().data(), v.text().size()); }
};

/// A date-time field: an RFC 2822 string on the wire, a time point in C++.
template <>
struct value_codec<timestamp> {
    static constexpr bool string_typed = true;
    static constexpr std::string_view expected = "RFC 2822 date string";
    static outcome decode(timestamp& out, const scalar& s, decode_state& st) {
        if (s.k != scalar::kind::string) return outcome::wrong_type;
        std::string why;
        if (rfc2822::parse(s.text, out, why, st.options.strict ? rfc2822::mode::strict : rfc2822::mode::lenient))
            return outcome::ok;
        if (rfc2822::looks_like_iso8601(s.text))
            st.fail("expected an RFC 2822 date, got an ISO 8601 date-time " + quoted_preview(s.text));
        else
            st.fail("invalid RFC 2822 date " + quoted_preview(s.text) + ": " + why);
        return outcome::invalid;
    }
    static void encode(json_buffer& out, timestamp v) {
        out.reserve(rfc2822::formatted_size + 2);
        char* p = out.cursor();
        p[0] = '"';
        rfc2822::format_to(v, p + 1);
        p[rfc2822::formatted_size + 1] = '"';
        out.advance(rfc2822::formatted_size + 2);
    }
};

/// `unknown CallStatus value "paused" (expected one of: queued, ringing, ...)`.
BOOST_NOINLINE inline void fail_unknown_enum_value(std::string_view type_name, std::string_view value,
                                                   const std::string_view* wires, std::size_t count, decode_state& st) {
    std::string why = "unknown ";
    why.append(type_name.data(), type_name.size()).append(" value ").append(quoted_preview(value));
    why.append(" (expected one of:");
    for (std::size_t i = 0; i < count; ++i) why.append(i ? ", " : " ").append(wires[i].data(), wires[i].size());
    st.fail(why + ")");
}

/// A schema enum. Lenient mode keeps a value the schema does not know; strict rejects it.
template <class E>
struct value_codec<open_enum<E>> {
    static constexpr bool string_typed = true;
    static constexpr std::string_view expected = "string";
    static constexpr std::string_view enum_name = enum_traits<E>::type_name;

    static outcome decode(open_enum<E>& out, const scalar& s, decode_state& st) {
        if (s.k != scalar::kind::string) return outcome::wrong_type;
        out = open_enum<E>::from_wire(s.text);
        if (out.is_known() || !st.options.strict) return outcome::ok;
        fail_unknown_enum_value(enum_name, s.text, wires.data(), wires.size(), st);
        return outcome::invalid;
    }
    static void encode(json_buffer& out, const open_enum<E>& v) { write_string(out, v.wire_name()); }

private:
    template <std::size_t... I>
    static constexpr std::array<std::string_view, sizeof...(I)> wire_names(std::index_sequence<I...>) noexcept {
        return {enum_traits<E>::names[I].wire...};
    }
    static constexpr auto wires = wire_names(std::make_index_sequence<std::size(enum_traits<E>::names)>{});
};

}  // namespace detail
SIGNALWIRE_NAMESPACE_END

#endif
