// Properties of the JSON codecs that the fuzz targets check, shared by
// fuzz_decode_call, fuzz_decode_call_list and fuzz_round_trip.
#ifndef SIGNALWIRE_FUZZ_JSON_PROPERTIES_HPP
#define SIGNALWIRE_FUZZ_JSON_PROPERTIES_HPP

#include "fuzz_check.hpp"

#include <signalwire/call.hpp>
#include <signalwire/codec.hpp>

#include <boost/json/parse.hpp>

#include <string>
#include <string_view>

namespace fuzz {

inline signalwire::decode_options lenient_options() { return {}; }

inline signalwire::decode_options strict_options() {
    signalwire::decode_options o;
    o.strict = true;
    return o;
}

/// Decodes `input` as T in lenient and in strict mode. Never crashes; an error always
/// says something; a success encodes; strict accepts nothing lenient rejects, and
/// both decode it to the same value (strict only removes leniencies).
template <class T>
void decode_both_modes(std::string_view input) {
    const auto lenient = signalwire::decode<T>(input, lenient_options());
    const auto strict = signalwire::decode<T>(input, strict_options());
    if (lenient) {
        const std::string e = signalwire::encode(*lenient);
        check(e.size() >= 2 && e.front() == '{' && e.back() == '}', "lenient encoding is not an object", input,
              "encoded: " + e);
    } else {
        check(!lenient.error().message.empty(), "lenient decode failed without a message", input);
    }
    if (strict) {
        const std::string e = signalwire::encode(*strict);
        check(lenient.has_value(), "strict decode accepted what lenient decode rejected", input,
              "strict encoded: " + e,
              "lenient error: " + (lenient ? std::string() : lenient.error().to_string()));
        check(*lenient == *strict, "strict and lenient decode give different values", input,
              "strict encoded:  " + e, "lenient encoded: " + signalwire::encode(*lenient));
    } else {
        check(!strict.error().message.empty(), "strict decode failed without a message", input);
    }
}

/// The DOM entry point (decode<T>(boost::json::value)) on the same input, when it is
/// JSON: only that it never crashes and that an error says something. (Its results
/// legitimately differ from text decoding: a DOM holds doubles, not number texts, and
/// Boost.JSON's DOM keeps the last of duplicate keys.)
template <class T>
void decode_dom(std::string_view input) {
    boost::json::parse_options po;
    po.max_depth = signalwire::decode_options{}.max_depth;
    boost::system::error_code ec;
    const boost::json::value v = boost::json::parse(boost::json::string_view(input.data(), input.size()), ec, {}, po);
    if (ec) return;
    for (const auto& options : {lenient_options(), strict_options()}) {
        const auto r = signalwire::decode<T>(v, options);
        if (r) (void)signalwire::encode(*r);
        else check(!r.error().message.empty(), "DOM decode failed without a message", input);
    }
}

/// When `input` decodes as T (in the given mode): encoding it and decoding that
/// gives the same value back, and encoding is idempotent.
template <class T>
void round_trip(std::string_view input, const signalwire::decode_options& options, const char* mode) {
    const auto first = signalwire::decode<T>(input, options);
    if (!first) return;
    const std::string e1 = signalwire::encode(*first);
    const auto second = signalwire::decode<T>(e1, options);
    check(second.has_value(), "encode(decode(x)) does not decode", input, std::string("type/mode: ") +
          std::string(signalwire::object_traits<T>::type_name) + " " + mode,
          "encoded: " + e1, "error:   " + (second ? std::string() : second.error().to_string()));
    const std::string e2 = signalwire::encode(*second);
    check(*second == *first, "decode(encode(decode(x))) != decode(x)", input,
          std::string("type/mode: ") + std::string(signalwire::object_traits<T>::type_name) + " " + mode,
          "encode(decode(x)):                 " + e1, "encode(decode(encode(decode(x)))): " + e2);
    check(e2 == e1, "encode is not idempotent: encode(decode(encode(v))) != encode(v)", input,
          std::string("type/mode: ") + std::string(signalwire::object_traits<T>::type_name) + " " + mode,
          "encode(v):                 " + e1, "encode(decode(encode(v))): " + e2);
}

}  // namespace fuzz

#endif
