// Objects and arrays: the per-struct tables the decoder drives (object_vtable, built
// once per generated struct from object_traits<S>::fields) and the struct encoder.
#ifndef SIGNALWIRE_DETAIL_OBJECT_CODEC_HPP
#define SIGNALWIRE_DETAIL_OBJECT_CODEC_HPP

#include <signalwire/detail/json_writer.hpp>
#include <signalwire/detail/value_codec.hpp>
#include <signalwire/model.hpp>

#include <boost/json/object.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace signalwire::detail {

template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};
template <class T> struct is_vector : std::false_type {};
template <class T> struct is_vector<std::vector<T>> : std::true_type {};

/// The value type of a member: `V` for both `V` and `std::optional<V>`.
template <class M> struct value_type_of { using type = M; };
template <class V> struct value_type_of<std::optional<V>> { using type = V; };

struct array_vtable;

/// What the decoder needs to fill one struct type, independent of its C++ type.
struct object_vtable {
    using scalar_fn = bool (*)(void* obj, const scalar&, decode_state&);
    using object_fn = void* (*)(void* obj, const object_vtable*& child, decode_state&);
    using array_fn = void* (*)(void* obj, const array_vtable*& elements, decode_state&);

    std::string_view type_name;
    int (*find)(std::string_view key) noexcept;
    const std::string_view* names;  // wire name of each field
    std::uint64_t required_mask;    // bit i set: field i is required
    const scalar_fn* on_scalar;     // per field
    const object_fn* begin_object;  // per field: the member struct to fill, or nullptr + error
    const array_fn* begin_array;    // per field: the member vector to fill, or nullptr + error
    boost::json::object& (*unknown_members)(void* obj);
};

/// What the decoder needs to fill a std::vector of structs.
struct array_vtable {
    const object_vtable* element;
    void* (*emplace_back)(void* vec);
};

template <class S> const object_vtable& vtable_of() noexcept;

template <class V>
std::string expected_text(bool nullable) {
    std::string e;
    if constexpr (is_model_v<V>) e = "object";
    else if constexpr (is_vector<V>::value) e = "array";
    else e = value_codec<V>::expected();
    return nullable ? e + " or null" : e;
}

template <class V>
bool wrong_type(bool nullable, std::string_view got, decode_state& st) {
    return st.fail("expected " + expected_text<V>(nullable) + ", got " + std::string(got));
}

template <class V>
const array_vtable& array_vtable_of() noexcept {
    static const array_vtable vt{&vtable_of<typename V::value_type>(),
                                 [](void* vec) -> void* { return &static_cast<V*>(vec)->emplace_back(); }};
    return vt;
}

/// The decode operations of field I of S, each a plain function for the vtable.
template <class S, std::size_t I>
struct field_ops {
    static constexpr const auto& info() noexcept { return std::get<I>(object_traits<S>::fields); }
    using member_type = std::remove_reference_t<decltype(std::declval<S&>().*(info().member))>;
    using value_type = typename value_type_of<member_type>::type;
    static constexpr bool optional_member = is_optional<member_type>::value;

    static member_type& member(void* obj) noexcept { return static_cast<S*>(obj)->*(info().member); }

    /// The member's value object, engaging the optional first when there is one.
    static value_type& engage(void* obj) {
        if constexpr (optional_member) return member(obj).emplace();
        else return member(obj);
    }

    static bool on_scalar(void* obj, const scalar& s, decode_state& st) {
        const bool nullable = info().nullable;
        if constexpr (is_model_v<value_type> || is_vector<value_type>::value) {
            return wrong_type<value_type>(nullable, describe(s), st);
        } else {
            if (s.k == scalar::kind::null) {
                if (!nullable) return wrong_type<value_type>(false, "null", st);
                if constexpr (optional_member) member(obj).reset();
                return true;
            }
            if constexpr (optional_member) {
                // An empty string in an optional field is an absent value; strict mode
                // accepts that only where the wire type is a string.
                if (!info().required && s.k == scalar::kind::string && s.text.empty() &&
                    (value_codec<value_type>::string_typed || !st.options.strict)) {
                    member(obj).reset();
                    return true;
                }
            }
            switch (value_codec<value_type>::decode(engage(obj), s, st)) {
                case outcome::ok: return true;
                case outcome::wrong_type: return wrong_type<value_type>(nullable, describe(s), st);
                case outcome::invalid: return false;
            }
            return false;
        }
    }

    static void* begin_object(void* obj, const object_vtable*& child, decode_state& st) {
        if constexpr (is_model_v<value_type>) {
            child = &vtable_of<value_type>();
            return &engage(obj);
        } else {
            wrong_type<value_type>(info().nullable, "object", st);
            return nullptr;
        }
    }

    static void* begin_array(void* obj, const array_vtable*& elements, decode_state& st) {
        if constexpr (is_vector<value_type>::value) {
            elements = &array_vtable_of<value_type>();
            return &engage(obj);
        } else {
            wrong_type<value_type>(info().nullable, "array", st);
            return nullptr;
        }
    }
};

template <class S, std::size_t... I>
const object_vtable& make_vtable(std::index_sequence<I...>) noexcept {
    static_assert(sizeof...(I) <= 64, "an object has at most 64 fields (one bit each in a 64-bit mask)");
    static constexpr std::string_view names[] = {std::get<I>(object_traits<S>::fields).name...};
    static constexpr std::uint64_t required =
        (std::uint64_t{0} | ... | (std::get<I>(object_traits<S>::fields).required ? std::uint64_t{1} << I : 0));
    static constexpr object_vtable::scalar_fn scalars[] = {&field_ops<S, I>::on_scalar...};
    static constexpr object_vtable::object_fn objects[] = {&field_ops<S, I>::begin_object...};
    static constexpr object_vtable::array_fn arrays[] = {&field_ops<S, I>::begin_array...};
    static const object_vtable vt{object_traits<S>::type_name,
                                  &object_traits<S>::find,
                                  names,
                                  required,
                                  scalars,
                                  objects,
                                  arrays,
                                  [](void* obj) -> boost::json::object& { return static_cast<S*>(obj)->unknown_members; }};
    return vt;
}

template <class S>
const object_vtable& vtable_of() noexcept {
    return make_vtable<S>(std::make_index_sequence<std::tuple_size_v<decltype(object_traits<S>::fields)>>{});
}

/// How many objects and arrays deep the schema of S nests: S itself is 1, a member
/// struct adds 1, a member vector of structs adds 2.
template <class S>
constexpr std::size_t nesting_depth() noexcept;

template <class V>
constexpr std::size_t member_nesting() noexcept {
    if constexpr (is_model_v<V>) return nesting_depth<V>();
    else if constexpr (is_vector<V>::value) return 1 + nesting_depth<typename V::value_type>();
    else return 0;
}

template <class S>
constexpr std::size_t nesting_depth() noexcept {
    return 1 + std::apply(
                   [](const auto&... f) {
                       std::size_t deepest = 0;
                       ((deepest = std::max(deepest, member_nesting<typename value_type_of<std::remove_reference_t<
                                                         decltype(std::declval<S&>().*(f.member))>>::type>())),
                        ...);
                       return deepest;
                   },
                   object_traits<S>::fields);
}

// ---- encoding ---------------------------------------------------------------------

template <class S>
void encode_object(json_buffer& out, const S& obj);

template <class V>
void encode_value(json_buffer& out, const V& v) {
    if constexpr (is_model_v<V>) {
        encode_object(out, v);
    } else if constexpr (is_vector<V>::value) {
        out.put('[');
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i) out.put(',');
            encode_value(out, v[i]);
        }
        out.put(']');
    } else {
        value_codec<V>::encode(out, v);
    }
}

/// Writes `"key":value` for one field, preceded by a comma unless it is the first.
/// An empty optional is written as `null` when the field is nullable, else left out.
template <class S, class M>
void encode_field(json_buffer& out, const S& obj, const field<S, M>& f, bool& first) {
    const M& m = obj.*(f.member);
    if constexpr (is_optional<M>::value) {
        if (!m && !f.nullable) return;
    }
    out.reserve(f.quoted_key.size() + 1);
    if (!first) out.put(',');
    first = false;
    out.append(f.quoted_key);
    if constexpr (is_optional<M>::value) {
        if (!m) {
            out.append("null", 4);
            return;
        }
        encode_value(out, *m);
    } else {
        encode_value(out, m);
    }
}

/// Schema fields in schema order, then the unknown members in the order received.
template <class S>
void encode_object(json_buffer& out, const S& obj) {
    out.put('{');
    bool first = true;
    std::apply([&](const auto&... f) { (encode_field(out, obj, f, first), ...); }, object_traits<S>::fields);
    for (const auto& kv : obj.unknown_members) {
        if (!first) out.put(',');
        first = false;
        write_string(out, kv.key());
        out.put(':');
        write_value(out, kv.value());
    }
    out.put('}');
}

}  // namespace signalwire::detail

#endif
