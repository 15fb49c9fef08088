// What a Boost.JSON parse error means, in words: the parser's error code and offset,
// and the input where it stopped (Boost.JSON 1.81 calls most malformed input a plain
// "syntax error").
#ifndef SIGNALWIRE_DETAIL_PARSE_ERROR_HPP
#define SIGNALWIRE_DETAIL_PARSE_ERROR_HPP

#include <signalwire/version.hpp>

#include <signalwire/decode_options.hpp>

#include <boost/json/error.hpp>
#include <boost/system/error_code.hpp>

#include <cstddef>
#include <string>
#include <string_view>

SIGNALWIRE_NAMESPACE_BEGIN
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
    if (rest.substr(0, 3) == "\xEF\xBB\xBF")
        return offset == 0 ? "byte order mark (strict mode does not skip one)"
                           : "byte order mark (lenient mode skips one, at the start)";
    if (offset >= 6 && is_leading_surrogate_escape(json.substr(offset - 6, 6))) return "unpaired UTF-16 surrogate escape";
    if (byte < 0x20) return "control character U+00" + code + " (a string must escape it)";
    if (byte >= 0x80 && utf8_sequence_length(rest) == 0) return "invalid UTF-8 (byte 0x" + code + ")";
    const std::size_t length = byte >= 0x80 ? utf8_sequence_length(rest) : 1;
    return "unexpected character '" + std::string(rest.substr(0, length)) + "'";
}

/// The number literal that Boost.JSON 1.81 stopped in with error::exponent_overflow at
/// `offset`: it stops at the exponent digit that takes the exponent past INT_MAX, or just
/// after the exponent when the exponent and the mantissa's digits together leave int range.
inline std::string_view number_literal_at(std::string_view json, std::size_t offset) noexcept {
    const auto in_number = [](char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
    };
    std::size_t begin = offset < json.size() ? offset : json.size();
    std::size_t end = begin;
    while (begin > 0 && in_number(json[begin - 1])) --begin;
    while (end < json.size() && json[end] >= '0' && json[end] <= '9') ++end;
    return json.substr(begin, end - begin);
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

}  // namespace detail
SIGNALWIRE_NAMESPACE_END

#endif
