// The public JSON API of the generated models:
//   decode<T>(json, options)  -> decode_result<T>  (never throws on bad input)
//   decode<T>(boost::json::value, options)
//   decode_into(model, json, options)  -> result<void>   (reuses the model's buffers)
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
#include <boost/system/result.hpp>

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

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

/// Decodes JSON text into a model the caller already holds, reusing the capacity of its
/// strings, vectors and unknown-member objects (an ingest loop then allocates nothing
/// per document once its buffers have grown). On success `out` equals what
/// `decode<T>(json, options)` returns; on failure the error is the one decode returns
/// and `out` is valid but unspecified (decode into it again, or assign it).
template <class T>
boost::system::result<void, decode_error> decode_into(T& out, std::string_view json, const decode_options& options = {});

namespace detail {

/// The element type of a member that is an array of models (`std::vector<Call>`, or an
/// optional one), else void.
template <class M> struct model_array_item { using type = void; };
template <class V> struct model_array_item<std::vector<V>> { using type = std::conditional_t<is_model_v<V>, V, void>; };
template <class V> struct model_array_item<std::optional<std::vector<V>>> : model_array_item<std::vector<V>> {};

template <class S, std::size_t I>
using member_type_t = std::remove_cv_t<std::remove_reference_t<
    decltype(std::declval<const S&>().*(std::get<I>(object_traits<S>::fields).member))>>;

template <class S, std::size_t... I>
constexpr std::size_t model_array_count(std::index_sequence<I...>) noexcept {
    return (std::size_t{0} + ... + (std::is_void_v<typename model_array_item<member_type_t<S, I>>::type> ? 0 : 1));
}
template <class S, std::size_t... I>
constexpr std::size_t model_array_index(std::index_sequence<I...>) noexcept {
    std::size_t index = 0;
    ((index = std::is_void_v<typename model_array_item<member_type_t<S, I>>::type> ? index : I), ...);
    return index;
}

/// A list page: a model with exactly one member that is an array of models (CallList's
/// `calls`). `index` is that member's field index, `type` its element type.
template <class S, class = void>
struct page_items {
    static constexpr bool is_page = false;
};
template <class S>
struct page_items<S, std::enable_if_t<is_model_v<S>>> {
    using sequence = std::make_index_sequence<std::tuple_size_v<std::decay_t<decltype(object_traits<S>::fields)>>>;
    static constexpr bool is_page = model_array_count<S>(sequence{}) == 1;
    static constexpr std::size_t index = model_array_index<S>(sequence{});
    using type = typename model_array_item<member_type_t<S, index>>::type;
};

/// decode_each's compiled part, one per list page (declared `extern template` by the
/// generated headers under separate compilation; empty for models that are no page).
template <class List, bool = page_items<List>::is_page>
struct page_codec {};
template <class List>
struct page_codec<List, true> {
    using item = typename page_items<List>::type;
    static decode_result<List> each(std::string_view json, bool (*on_item)(void*, item&), void* context,
                                    const decode_options& options);
};

}  // namespace detail

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
