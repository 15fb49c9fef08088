// The public JSON API of the generated models:
//   decode<T>(json, options)  -> decode_result<T>  (never throws on bad input)
//   decode<T>(boost::json::value, options)
//   encode(model)             -> std::string       (compact JSON)
//   boost::json::value_to<T> / value_from for every generated struct and enum.
#ifndef SIGNALWIRE_CODEC_HPP
#define SIGNALWIRE_CODEC_HPP

#include <signalwire/decode_options.hpp>
#include <signalwire/detail/decoder.hpp>
#include <signalwire/detail/object_codec.hpp>
#include <signalwire/error.hpp>
#include <signalwire/model.hpp>
#include <signalwire/open_enum.hpp>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/json/conversion.hpp>  // value_to_tag, value_from_tag: users include value_to.hpp to call it

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace signalwire {

namespace detail {

/// The length of the UTF-8 sequence at the start of `s`, or 0 when it is not valid
/// UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF).
inline std::size_t utf8_sequence_length(std::string_view s) noexcept {
    const auto byte = [&](std::size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0u; };
    const unsigned b0 = byte(0);
    auto continuation = [&](std::size_t i, unsigned lo = 0x80, unsigned hi = 0xbf) {
        return byte(i) >= lo && byte(i) <= hi;
    };
    if (b0 < 0x80) return 1;
    if (b0 >= 0xc2 && b0 <= 0xdf) return continuation(1) ? 2 : 0;
    if (b0 == 0xe0) return continuation(1, 0xa0) && continuation(2) ? 3 : 0;
    if (b0 == 0xed) return continuation(1, 0x80, 0x9f) && continuation(2) ? 3 : 0;
    if (b0 >= 0xe1 && b0 <= 0xef) return continuation(1) && continuation(2) ? 3 : 0;
    if (b0 == 0xf0) return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0;
    if (b0 >= 0xf1 && b0 <= 0xf3) return continuation(1) && continuation(2) && continuation(3) ? 4 : 0;
    if (b0 == 0xf4) return continuation(1, 0x80, 0x8f) && continuation(2) && continuation(3) ? 4 : 0;
    return 0;
}

/// What Boost.JSON 1.81's "syntax error" at `offset` was, judging by the input there.
inline std::string describe_syntax_error(std::string_view json, std::size_t offset) {
    static constexpr char hex[] = "0123456789abcdef";
    const std::string_view rest = json.substr(offset);
    const auto byte = static_cast<unsigned char>(rest[0]);
    const std::string code = {hex[byte >> 4], hex[byte & 0xf]};
    auto is_leading_surrogate_escape = [](std::string_view e) {  // \uD800 to \uDBFF
        return e.size() == 6 && e[0] == '\\' && e[1] == 'u' && (e[2] == 'd' || e[2] == 'D') &&
               std::string_view("89abAB").find(e[3]) != std::string_view::npos;
    };
    if (offset == 0 && rest.substr(0, 3) == "\xEF\xBB\xBF") return "byte order mark (JSON text must not start with one)";
    if (offset >= 6 && is_leading_surrogate_escape(json.substr(offset - 6, 6))) return "unpaired UTF-16 surrogate escape";
    if (byte < 0x20) return "control character U+00" + code + " (a string must escape it)";
    if (byte >= 0x80 && utf8_sequence_length(rest) == 0) return "invalid UTF-8 (byte 0x" + code + ")";
    const std::size_t length = byte >= 0x80 ? utf8_sequence_length(rest) : 1;
    return "unexpected character '" + std::string(rest.substr(0, length)) + "'";
}

/// Says what a parse error means, at the byte offset where the parser stopped. Boost.JSON
/// 1.81 calls most malformed input a "syntax error"; the byte there usually says more.
inline std::string parse_error_message(const boost::system::error_code& ec, std::size_t offset, std::string_view json,
                                       const decode_options& options) {
    namespace json_error = boost::json;
    if (ec == json_error::error::too_deep)
        return "nesting deeper than max_depth (" + std::to_string(options.max_depth) + ")";
    std::string what = ec.message();
    if (ec == json_error::error::incomplete || (ec == json_error::error::syntax && offset >= json.size())) {
        what = "unexpected end of input";
    } else if (ec == json_error::error::extra_data) {
        what = "unexpected data after the document";
    } else if (ec == json_error::error::illegal_leading_surrogate || ec == json_error::error::illegal_trailing_surrogate) {
        what = "unpaired UTF-16 surrogate escape";
    } else if (ec == json_error::error::syntax && offset < json.size()) {
        what = describe_syntax_error(json, offset);
    }
    return "invalid JSON at offset " + std::to_string(offset) + ": " + what;
}

/// Feeds a DOM value to the decoder as the parser would, so that DOM input follows
/// exactly the rules of byte input. Doubles have no literal text in a DOM: they are
/// given their shortest round-trip form.
inline bool replay(const boost::json::value& v, decoder& d, std::size_t depth, const decode_options& options,
                   boost::system::error_code& ec) {
    namespace json = boost::json;
    switch (v.kind()) {
        case json::kind::null: return d.on_null(ec);
        case json::kind::bool_: return d.on_bool(v.get_bool(), ec);
        case json::kind::int64: {
            char buf[24];
            auto r = std::to_chars(buf, buf + sizeof buf, v.get_int64());
            return d.on_int64(v.get_int64(), json::string_view(buf, static_cast<std::size_t>(r.ptr - buf)), ec);
        }
        case json::kind::uint64: {
            char buf[24];
            auto r = std::to_chars(buf, buf + sizeof buf, v.get_uint64());
            return d.on_uint64(v.get_uint64(), json::string_view(buf, static_cast<std::size_t>(r.ptr - buf)), ec);
        }
        case json::kind::double_: {
            std::string text;
            json_buffer buffer(text, 32);
            write_double(buffer, v.get_double());
            buffer.finish();
            return d.on_double(v.get_double(), text, ec);
        }
        case json::kind::string: return d.on_string(v.get_string(), v.get_string().size(), ec);
        case json::kind::array: {
            if (depth >= options.max_depth) return ec = json::error::too_deep, false;
            if (!d.on_array_begin(ec)) return false;
            for (const auto& e : v.get_array())
                if (!replay(e, d, depth + 1, options, ec)) return false;
            return d.on_array_end(v.get_array().size(), ec);
        }
        case json::kind::object: {
            if (depth >= options.max_depth) return ec = json::error::too_deep, false;
            if (!d.on_object_begin(ec)) return false;
            for (const auto& kv : v.get_object()) {
                if (!d.on_key(kv.key(), kv.key().size(), ec)) return false;
                if (!replay(kv.value(), d, depth + 1, options, ec)) return false;
            }
            return d.on_object_end(v.get_object().size(), ec);
        }
    }
    return true;
}

/// The error for options decode cannot honour, if any.
inline std::optional<decode_error> check_options(const decode_options& options) {
    if (options.max_depth <= decode_options::max_supported_depth) return std::nullopt;
    return decode_error{"", "max_depth " + std::to_string(options.max_depth) + " is above the supported maximum (" +
                                std::to_string(decode_options::max_supported_depth) + ")"};
}

}  // namespace detail

/// Decodes JSON text into a generated struct. Never throws for bad input: the result
/// holds the value or a decode_error naming the failing JSON Pointer.
template <class T>
decode_result<T> decode(std::string_view json, const decode_options& options = {}) {
    static_assert(is_model_v<T>, "decode<T> takes a struct generated from the schema");
    static_assert(detail::nesting_depth<T>() <= detail::decoder::max_frames, "the schema nests too deeply");
    // The model is decoded in place in the result, and every path returns `result`, so
    // that nothing is moved on the way out.
    decode_result<T> result(boost::system::in_place_value);
    if (auto bad = detail::check_options(options)) {
        result = std::move(*bad);
        return result;
    }
    if (json.size() > options.max_size) {
        result = decode_error{"", "document of " + std::to_string(json.size()) + " bytes is larger than max_size (" +
                                      std::to_string(options.max_size) + " bytes)"};
        return result;
    }
    boost::json::parse_options parse_options;
    parse_options.max_depth = options.max_depth;
    boost::json::basic_parser<detail::decoder> parser(parse_options, &*result, detail::vtable_of<T>(), options);
    parser.handler().set_document(json);
    boost::system::error_code ec;
    const std::size_t consumed = parser.write_some(false, json.data(), json.size(), ec);
    if (parser.handler().failed()) {
        result = parser.handler().error();
    } else if (ec) {
        result = decode_error{parser.handler().current_pointer(), detail::parse_error_message(ec, consumed, json, options)};
    } else {
        // write_some stops after the document; only whitespace may follow it.
        const std::size_t rest = json.find_first_not_of(" \t\n\r", consumed);
        if (rest != std::string_view::npos)
            result = decode_error{"", detail::parse_error_message(boost::json::error::extra_data, rest, json, options)};
    }
    return result;
}

/// Decodes a boost::json value with the same rules as JSON text. (A template on the
/// argument type so that a string literal or std::string still picks the text overload.)
template <class T, class Value, std::enable_if_t<std::is_same_v<Value, boost::json::value>, int> = 0>
decode_result<T> decode(const Value& json, const decode_options& options = {}) {
    static_assert(is_model_v<T>, "decode<T> takes a struct generated from the schema");
    if (auto bad = detail::check_options(options)) return std::move(*bad);
    T out{};
    detail::decoder d(&out, detail::vtable_of<T>(), options);
    boost::system::error_code ec;
    detail::replay(json, d, 0, options, ec);
    if (d.failed()) return d.error();
    if (ec) return decode_error{d.current_pointer(), detail::parse_error_message(ec, 0, {}, options)};
    return out;
}

/// Compact JSON: schema fields in schema order (nullable ones as `null` when empty,
/// other empty optionals left out), then the unknown members as they were received.
template <class T>
std::string encode(const T& value) {
    static_assert(is_model_v<T>, "encode takes a struct generated from the schema");
    std::string out;
    detail::json_buffer buffer(out);
    detail::encode_object(buffer, value);
    buffer.finish();
    return out;
}

/// Prints a model as its JSON encoding (for logs, test failures and debuggers).
template <class T, std::enable_if_t<is_model_v<T>, int> = 0>
std::ostream& operator<<(std::ostream& os, const T& model) {
    return os << encode(model);
}

// ---- Boost.JSON conversions (found by argument-dependent lookup) --------------------

/// `boost::json::value_to<Call>(v)`: throws decode_exception on bad input.
template <class T, std::enable_if_t<is_model_v<T>, int> = 0>
T tag_invoke(boost::json::value_to_tag<T>, const boost::json::value& v) {
    return decode<T>(v).value();
}

/// `boost::json::value_from(call)`: the value that `encode` writes, as a DOM. (A DOM
/// holds a decimal as a double, so `price` keeps its value, not its trailing zeros.)
template <class T, std::enable_if_t<is_model_v<T>, int> = 0>
void tag_invoke(boost::json::value_from_tag, boost::json::value& v, const T& model) {
    v = boost::json::parse(encode(model));
}

/// Schema enums convert by wire name (`in-progress`), not by C++ name.
template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0, class = decltype(enum_traits<E>::names)>
void tag_invoke(boost::json::value_from_tag, boost::json::value& v, E e) {
    v = to_string(e);
}
template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0, class = decltype(enum_traits<E>::names)>
E tag_invoke(boost::json::value_to_tag<E>, const boost::json::value& v) {
    if (const auto* s = v.if_string())
        if (auto e = from_string<E>(*s)) return *e;
    throw decode_exception(decode_error{"", "expected a " + std::string(enum_traits<E>::type_name) + " wire name"});
}

template <class E>
void tag_invoke(boost::json::value_from_tag, boost::json::value& v, const open_enum<E>& e) {
    v = e.wire_name();
}
template <class E>
open_enum<E> tag_invoke(boost::json::value_to_tag<open_enum<E>>, const boost::json::value& v) {
    if (const auto* s = v.if_string()) return open_enum<E>::from_wire(*s);
    throw decode_exception(decode_error{"", "expected a string"});
}

}  // namespace signalwire

#endif
