// How a generated struct describes itself to the codecs: one `field` per schema field
// (wire name, pre-escaped key, member pointer, required/nullable), in schema order.
// The generated header specializes `object_traits` for each struct; the codecs in
// detail/ walk these tables, so per-type behaviour lives here and not in templates.
#ifndef SIGNALWIRE_MODEL_HPP
#define SIGNALWIRE_MODEL_HPP

#include <signalwire/version.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

SIGNALWIRE_NAMESPACE_BEGIN

/// One schema field of struct `S`, stored in member `M S::*`.
template <class S, class M>
struct field {
    std::string_view name;        ///< wire name, e.g. `from`
    std::string_view quoted_key;  ///< `"from":`, JSON-escaped once at generation time
    M S::*member;
    bool required;  ///< decoding fails when the member is missing
    bool nullable;  ///< `null` is a value (`std::nullopt`); encoded as `null` when empty
};

/// Specialized by the generated header for each schema object:
///   type_name  the schema name, e.g. `Call`
///   fields     a std::tuple of `field<S, M>`, in schema order
///   find(key)  the index in `fields` of the field with that wire name, or -1
template <class T>
struct object_traits;

/// `key == literal` for a key already known to have the literal's length: an equality
/// compare of a constant size, which compilers expand inline.
template <std::size_t N>
inline bool key_is(std::string_view key, const char (&literal)[N]) noexcept {
    return std::memcmp(key.data(), literal, N - 1) == 0;
}

/// True for the structs the schema generates (those with `object_traits`).
template <class T, class = void>
struct is_model : std::false_type {};
template <class T>
struct is_model<T, std::void_t<decltype(object_traits<T>::fields)>> : std::true_type {};
template <class T>
inline constexpr bool is_model_v = is_model<T>::value;

SIGNALWIRE_NAMESPACE_END

#endif
