// The public JSON API of the generated models:
//   decode<T>(json, options)  -> decode_result<T>  (never throws on bad input)
//   decode<T>(boost::json::value, options)
//   encode(model)             -> std::string       (compact JSON)
//   boost::json::value_to<T> / value_from for every generated struct and enum.
//
// This header declares; <signalwire/impl/codec.hpp> defines, and is included at the end
// unless SIGNALWIRE_SEPARATE_COMPILATION is defined. Then the generated headers declare
// their models' decode and encode as `extern template`, and one .cpp of the program
// includes <signalwire/src.hpp> and then the generated headers, which compiles them
// there once (README, "Compiled once").
#ifndef SIGNALWIRE_CODEC_HPP
#define SIGNALWIRE_CODEC_HPP

#include <signalwire/version.hpp>

#include <signalwire/decode_options.hpp>
#include <signalwire/error.hpp>
#include <signalwire/model.hpp>
#include <signalwire/open_enum.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/json/conversion.hpp>  // value_to_tag, value_from_tag: users include value_to.hpp to call it

#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>

SIGNALWIRE_NAMESPACE_BEGIN

/// Decodes JSON text into a generated struct. Never throws for bad input: the result
/// holds the value or a decode_error naming the failing JSON Pointer. When T's schema
/// lists `api_errors` and the text is such a body, the error says so.
template <class T>
decode_result<T> decode(std::string_view json, const decode_options& options = {});

/// Decodes a boost::json value with the same rules as JSON text. (A template on the
/// argument type so that a string literal or std::string still picks the text overload.)
template <class T, class Value, std::enable_if_t<std::is_same_v<Value, boost::json::value>, int> = 0>
decode_result<T> decode(const Value& json, const decode_options& options = {});

/// Compact JSON: schema fields in schema order (nullable ones as `null` when empty,
/// other empty optionals left out), then the unknown members as they were received.
template <class T>
std::string encode(const T& value);

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
    boost::throw_exception(decode_exception(decode_error{"", "expected a " + std::string(enum_traits<E>::type_name) + " wire name"}), BOOST_CURRENT_LOCATION);
}

template <class E>
void tag_invoke(boost::json::value_from_tag, boost::json::value& v, const open_enum<E>& e) {
    v = e.wire_name();
}
template <class E>
open_enum<E> tag_invoke(boost::json::value_to_tag<open_enum<E>>, const boost::json::value& v) {
    if (const auto* s = v.if_string()) return open_enum<E>::from_wire(*s);
    boost::throw_exception(decode_exception(decode_error{"", "expected a string"}), BOOST_CURRENT_LOCATION);
}

SIGNALWIRE_NAMESPACE_END

#if !defined(SIGNALWIRE_SEPARATE_COMPILATION) || defined(SIGNALWIRE_SOURCE)
#include <signalwire/impl/codec.hpp>
#endif

// What the generated headers put before their decode and encode instantiations:
// definitions in the src.hpp translation unit, declarations under separate compilation,
// nothing (implicit instantiation) header-only.
#if defined(SIGNALWIRE_SOURCE)
#define SIGNALWIRE_EXTERN_TEMPLATE template
#elif defined(SIGNALWIRE_SEPARATE_COMPILATION)
#define SIGNALWIRE_EXTERN_TEMPLATE extern template
#endif

#endif
