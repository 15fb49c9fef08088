// Objects and arrays: the per-struct tables the decoder drives (object_vtable, built
// once per generated struct from object_traits<S>::fields) and the struct encoder.
#ifndef SIGNALWIRE_DETAIL_OBJECT_CODEC_HPP
#define SIGNALWIRE_DETAIL_OBJECT_CODEC_HPP

#include <signalwire/version.hpp>

#include <signalwire/detail/json_writer.hpp>
#include <signalwire/detail/value_codec.hpp>
#include <signalwire/model.hpp>

#include <boost/config.hpp>
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

SIGNALWIRE_NAMESPACE_BEGIN
namespace detail {

template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};
template <class T> struct is_vector : std::false_type {};
template <class T> struct is_vector<std::vector<T>> : std::true_type {};

/// The value type of a member: `V` for both `V` and `std::optional<V>`.
template <class M> struct value_type_of { using type = M; };
template <class V> struct value_type_of<std::optional<V>> { using type = V; };

struct array_vtable;
struct object_vtable;

/// How one field is seen by the decoder: where its member is, whether it is required
/// or nullable, and the operations of its member type.
struct field_entry;

/// The decode operations of one member type (`std::string`, `std::optional<decimal>`,
/// ...), shared by every field of that type, so each type is compiled once. Each takes
/// the member's address and the field that holds it.
struct member_ops {
    bool (*on_scalar)(void* member, const field_entry& f, const scalar&, decode_state&);
    /// Back to the value of a default-constructed struct's member (absent), keeping
    /// what capacity it can (decode_into: a member the new input does not have).
    void (*reset)(void* member);
    /// The struct to fill for an object value, or nullptr and an error.
    void* (*begin_object)(void* member, const field_entry& f, const object_vtable*& child, decode_state&);
    /// The vector to fill for an array value, or nullptr and an error.
    void* (*begin_array)(void* member, const field_entry& f, const array_vtable*& elements, decode_state&);
};

struct field_entry {
    std::size_t offset;  // of the member in the struct
    const member_ops* ops;
    bool required;
    bool nullable;
};

/// What the decoder needs to fill one struct type, independent of its C++ type.
struct object_vtable {
    std::string_view type_name;
    int (*find)(std::string_view key) noexcept;
    const std::string_view* names;  // wire name of each field
    const field_entry* fields;      // each field, in schema order
    std::uint64_t required_mask;    // bit i set: field i is required
    std::uint64_t all_mask;         // one bit per field
    std::size_t unknown_members_offset;

    void* member(void* obj, int field) const noexcept { return static_cast<char*>(obj) + fields[field].offset; }
    boost::json::object& unknown_members(void* obj) const noexcept {
        return *reinterpret_cast<boost::json::object*>(static_cast<char*>(obj) + unknown_members_offset);
    }
};

/// What the decoder needs to fill an array: a std::vector of structs or of scalars, or
/// (decode_each) one reused struct handed to a callback per element.
struct array_vtable {
    /// The elements' struct table; nullptr for an array of scalars.
    const object_vtable* element;
    /// The struct to fill for element `index`: the vector's own when decode_into reuses
    /// it, else a new one at the end.
    void* (*element_at)(void* vec, std::size_t index);
    /// Reserves room for n elements and returns element `index` (reserving may move it);
    /// nullptr: no reserving.
    void* (*reserve)(void* vec, std::size_t n, std::size_t index);
    /// Arrays of scalars: decodes element `index` from a scalar (nullptr for structs).
    bool (*on_scalar)(void* vec, std::size_t index, const scalar&, decode_state&);
    /// The array ended after `count` elements: drops the elements a reused vector had beyond.
    void (*finish)(void* vec, std::size_t count);
    /// decode_each: element `element` is complete; false stops the decode. nullptr: nothing to do.
    bool (*element_done)(void* vec, void* element);
    /// Fails with "expected <element type>, got <got>".
    bool (*wrong_element)(std::string_view got, decode_state&);
};

template <class S> const object_vtable& vtable_of() noexcept;

/// What a field expects, for the "expected ..., got ..." message: the JSON type, and
/// the enum's name for enum fields.
struct expectation {
    std::string_view type;
    std::string_view enum_name;
};

template <class V, class = void>
struct has_enum_name : std::false_type {};
template <class V>
struct has_enum_name<V, std::void_t<decltype(value_codec<V>::enum_name)>> : std::true_type {};

template <class V>
constexpr expectation expectation_of() noexcept {
    if constexpr (is_model_v<V>) return {"object", {}};
    else if constexpr (is_vector<V>::value) return {"array", {}};
    else if constexpr (has_enum_name<V>::value) return {value_codec<V>::expected, value_codec<V>::enum_name};
    else return {value_codec<V>::expected, {}};
}

/// `expected string (CallStatus) or null, got number 7`. One function for every type
/// (type errors are rare; their text need not be compiled per type).
BOOST_NOINLINE inline bool fail_wrong_type(expectation e, bool nullable, std::string_view got, decode_state& st) {
    std::string why = "expected ";
    why.append(e.type.data(), e.type.size());
    if (!e.enum_name.empty()) why.append(" (").append(e.enum_name.data(), e.enum_name.size()).append(")");
    if (nullable) why.append(" or null");
    why.append(", got ").append(got.data(), got.size());
    return st.fail(std::move(why));
}

BOOST_NOINLINE inline bool fail_wrong_type(expectation e, bool nullable, const scalar& got, decode_state& st) {
    return fail_wrong_type(e, nullable, describe(got), st);
}

template <class V, class Got>
bool wrong_type(bool nullable, const Got& got, decode_state& st) {
    return fail_wrong_type(expectation_of<V>(), nullable, got, st);
}

/// Resets a member to the value a default-constructed struct has (every generated
/// member is initialized with `{}`), keeping the capacity of strings and vectors.
template <class M>
void reset_member(M& m) {
    if constexpr (is_optional<M>::value) m.reset();
    else if constexpr (std::is_same_v<M, std::string> || is_vector<M>::value) m.clear();
    else m = M{};
}

/// Element `index` of a vector being decoded: the one it holds (decode_into reuses it;
/// the decoder resets what the new element lacks) or a new one at the end.
template <class V>
void* vector_element_at(void* vec, std::size_t index) {
    V& v = *static_cast<V*>(vec);
    if (index < v.size()) return &v[index];
    return &v.emplace_back();
}

template <class V>
void vector_finish(void* vec, std::size_t count) {
    V& v = *static_cast<V*>(vec);
    if (count < v.size()) v.erase(v.begin() + static_cast<std::ptrdiff_t>(count), v.end());
}

/// An element of an array of scalars: the rules of a required, non-nullable field of
/// the element type (`null` and `""` are errors where a value is expected).
template <class V>
bool vector_scalar(void* vec, std::size_t index, const scalar& s, decode_state& st) {
    using E = typename V::value_type;
    if (s.k == scalar::kind::null) return wrong_type<E>(false, std::string_view("null"), st);
    E& e = *static_cast<E*>(vector_element_at<V>(vec, index));
    switch (value_codec<E>::decode(e, s, st)) {
        case outcome::ok: return true;
        case outcome::wrong_type: return wrong_type<E>(false, s, st);
        case outcome::invalid: return false;
    }
    return false;
}

template <class E>
bool wrong_element(std::string_view got, decode_state& st) {
    return wrong_type<E>(false, got, st);
}

template <class V>
const array_vtable& array_vtable_of() noexcept {
    using E = typename V::value_type;
    if constexpr (is_model_v<E>) {
        static const array_vtable vt{&vtable_of<E>(), &vector_element_at<V>,
                                     [](void* vec, std::size_t n, std::size_t index) -> void* {
                                         static_cast<V*>(vec)->reserve(n);
                                         return &(*static_cast<V*>(vec))[index];
                                     },
                                     nullptr, &vector_finish<V>, nullptr, &wrong_element<E>};
        return vt;
    } else {
        static const array_vtable vt{nullptr, nullptr, nullptr, &vector_scalar<V>, &vector_finish<V>, nullptr,
                                     &wrong_element<E>};
        return vt;
    }
}

/// The decode operations of member type M (`V` or `std::optional<V>`).
template <class M>
struct member_ops_of {
    using value_type = typename value_type_of<M>::type;
    static constexpr bool optional_member = is_optional<M>::value;

    /// The member's value object, engaging the optional first when it is empty (an
    /// engaged one is reused: decode_into keeps its capacity).
    static value_type& engage(void* member) {
        if constexpr (optional_member) {
            M& m = *static_cast<M*>(member);
            if (!m) m.emplace();
            return *m;
        } else {
            return *static_cast<M*>(member);
        }
    }

    static void reset(void* member) { reset_member(*static_cast<M*>(member)); }

    static bool on_scalar(void* member, const field_entry& f, const scalar& s, decode_state& st) {
        if (BOOST_UNLIKELY(s.k == scalar::kind::null)) {
            if (!f.nullable) return wrong_type<value_type>(false, std::string_view("null"), st);
            reset(member);
            return true;
        }
        if constexpr (is_model_v<value_type> || is_vector<value_type>::value) {
            return wrong_type<value_type>(f.nullable, s, st);
        } else {
            if constexpr (optional_member) {
                // An empty string in an optional field is an absent value; strict mode
                // accepts that only where the wire type is a string.
                if (s.k == scalar::kind::string && s.text.empty() && !f.required &&
                    (value_codec<value_type>::string_typed || !st.options.strict)) {
                    static_cast<M*>(member)->reset();
                    return true;
                }
            }
            if constexpr (optional_member && std::is_same_v<value_type, std::string>) {
                // The common case, built in place: emplace() then assign() would go
                // through std::string's general replace.
                if (BOOST_LIKELY(s.k == scalar::kind::string)) {
                    M& m = *static_cast<M*>(member);
                    if (m) assign_text(*m, s.text);  // decode_into: its buffer
                    else m.emplace(s.text.data(), s.text.size());
                    return true;
                }
            }
            switch (value_codec<value_type>::decode(engage(member), s, st)) {
                case outcome::ok: return true;
                case outcome::wrong_type: return wrong_type<value_type>(f.nullable, s, st);
                case outcome::invalid: return false;
            }
            return false;
        }
    }

    static void* begin_object(void* member, const field_entry& f, const object_vtable*& child, decode_state& st) {
        if constexpr (is_model_v<value_type>) {
            child = &vtable_of<value_type>();
            return &engage(member);
        } else {
            wrong_type<value_type>(f.nullable, std::string_view("object"), st);
            return nullptr;
        }
    }

    static void* begin_array(void* member, const field_entry& f, const array_vtable*& elements, decode_state& st) {
        if constexpr (is_vector<value_type>::value) {
            elements = &array_vtable_of<value_type>();
            return &engage(member);
        } else {
            wrong_type<value_type>(f.nullable, std::string_view("array"), st);
            return nullptr;
        }
    }

    static constexpr member_ops ops{&on_scalar, &reset, &begin_object, &begin_array};
};

/// Where member `m` lies in S: measured on a default-constructed S, once per struct.
template <class S, class M>
std::size_t offset_in(const S& probe, M S::*m) noexcept {
    return static_cast<std::size_t>(reinterpret_cast<const char*>(&(probe.*m)) - reinterpret_cast<const char*>(&probe));
}

template <class S, std::size_t... I>
const object_vtable& make_vtable(std::index_sequence<I...>) noexcept {
    static_assert(sizeof...(I) <= 64, "an object has at most 64 fields (one bit each in a 64-bit mask)");
    constexpr const auto& fields = object_traits<S>::fields;
    static constexpr std::string_view names[] = {std::get<I>(fields).name...};
    static constexpr std::uint64_t required =
        (std::uint64_t{0} | ... | (std::get<I>(fields).required ? std::uint64_t{1} << I : 0));
    static const S probe{};
    static const field_entry entries[] = {
        {offset_in(probe, std::get<I>(fields).member),
         &member_ops_of<typename std::remove_cv_t<std::remove_reference_t<decltype(probe.*(std::get<I>(fields).member))>>>::ops,
         std::get<I>(fields).required, std::get<I>(fields).nullable}...};
    static constexpr std::uint64_t all = (std::uint64_t{0} | ... | (std::uint64_t{1} << I));
    static const object_vtable vt{object_traits<S>::type_name, &object_traits<S>::find, names, entries, required, all,
                                  offset_in(probe, &S::unknown_members)};
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
    else if constexpr (is_vector<V>::value) return 1 + member_nesting<typename V::value_type>();
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
    write_members(out, obj.unknown_members, first);
    out.put('}');
}

}  // namespace detail
SIGNALWIRE_NAMESPACE_END

#endif
