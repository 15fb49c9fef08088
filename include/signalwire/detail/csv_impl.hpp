// The parts of <signalwire/csv.hpp>: RFC 4180 field quoting (the one place CSV bytes
// are escaped), one column's text per member type, and the walk over object_traits
// that flattens nested objects into columns.
#ifndef SIGNALWIRE_DETAIL_CSV_IMPL_HPP
#define SIGNALWIRE_DETAIL_CSV_IMPL_HPP

#include <signalwire/version.hpp>

#include <signalwire/decimal.hpp>
#include <signalwire/detail/json_writer.hpp>
#include <signalwire/detail/object_codec.hpp>
#include <signalwire/detail/rfc2822_impl.hpp>
#include <signalwire/model.hpp>
#include <signalwire/open_enum.hpp>
#include <signalwire/rfc2822.hpp>

#include <boost/json/object.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

SIGNALWIRE_NAMESPACE_BEGIN
namespace detail {
namespace csv {

/// The length of the prefix of [p, p + n) that a CSV field can hold unquoted: no comma,
/// double quote, CR or LF. Sixteen bytes at a time with SSE2 where there is SSE2.
inline std::size_t csv_plain_prefix(const char* p, std::size_t n) noexcept {
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128i comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"'), cr = _mm_set1_epi8('\r'),
                  lf = _mm_set1_epi8('\n');
    for (; i + 16 <= n; i += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, comma), _mm_cmpeq_epi8(x, quote)),
                                         _mm_or_si128(_mm_cmpeq_epi8(x, cr), _mm_cmpeq_epi8(x, lf)));
        const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
        if (mask) return i + static_cast<std::size_t>(__builtin_ctz(mask));
    }
#endif
    for (; i < n; ++i)
        if (p[i] == ',' || p[i] == '"' || p[i] == '\r' || p[i] == '\n') break;
    return i;
}

/// Appends one field, RFC 4180: as it is, or, when it holds a comma, a double quote, a
/// CR or an LF, in double quotes with each double quote doubled. Other bytes (UTF-8
/// included) are copied as they are. The one place CSV text is escaped.
inline void append_field(json_buffer& out, std::string_view s) {
    if (csv_plain_prefix(s.data(), s.size()) == s.size()) {
        out.append(s);
        return;
    }
    out.reserve(s.size() + 2);
    out.put('"');
    for (std::size_t quote; (quote = s.find('"')) != std::string_view::npos; s.remove_prefix(quote + 1)) {
        out.append(s.data(), quote + 1);
        out.put('"');
    }
    out.append(s);
    out.put('"');
}

/// RFC 3339 in UTC, `2026-01-05T17:04:11Z` (20 bytes), clamped to years 0000-9999 as
/// rfc2822::format is (every decoded date is inside 1900-9999).
inline void append_rfc3339(json_buffer& out, timestamp t) {
    using namespace rfc2822::detail;
    std::int64_t seconds = t.time_since_epoch().count();
    if (seconds < min_formattable_seconds) seconds = min_formattable_seconds;
    if (seconds > max_formattable_seconds) seconds = max_formattable_seconds;
    const std::int64_t days = floor_div(seconds, seconds_per_day);
    const auto second_of_day = static_cast<unsigned>(seconds - days * seconds_per_day);
    const civil_date date = civil_from_days(days);
    char text[20];
    write_digits(text, static_cast<unsigned>(date.year), 4);
    text[4] = '-';
    write_digits(text + 5, date.month, 2);
    text[7] = '-';
    write_digits(text + 8, date.day, 2);
    text[10] = 'T';
    write_digits(text + 11, second_of_day / 3600, 2);
    text[13] = ':';
    write_digits(text + 14, second_of_day / 60 % 60, 2);
    text[16] = ':';
    write_digits(text + 17, second_of_day % 60, 2);
    text[19] = 'Z';
    out.append(text, sizeof text);
}

template <class T> struct is_open_enum : std::false_type {};
template <class E> struct is_open_enum<open_enum<E>> : std::true_type {};

/// The text of one present value in its column. `scratch` holds JSON for arrays.
template <class V>
void append_value(json_buffer& out, const V& v, std::string& scratch) {
    if constexpr (std::is_same_v<V, std::string>) {
        append_field(out, v);
    } else if constexpr (std::is_same_v<V, bool>) {
        v ? out.append("true", 4) : out.append("false", 5);
    } else if constexpr (std::is_same_v<V, std::int32_t> || std::is_same_v<V, std::int64_t>) {
        write_integer(out, v);
    } else if constexpr (std::is_same_v<V, double>) {
        if (std::isfinite(v)) write_double(out, v);  // no JSON for NaN or infinity: empty
    } else if constexpr (std::is_same_v<V, decimal>) {
        out.append(v.text());
    } else if constexpr (std::is_same_v<V, timestamp>) {
        append_rfc3339(out, v);
    } else if constexpr (is_open_enum<V>::value) {
        append_field(out, v.wire_name());
    } else if constexpr (is_vector<V>::value) {
        scratch.clear();
        json_buffer json(scratch, 256);
        encode_value(json, v);
        json.finish();
        append_field(out, scratch);
    } else {
        static_assert(sizeof(V) == 0, "csv: no column format for this member type (add one to detail/csv_impl.hpp)");
    }
}

template <class S>
void append_columns(json_buffer& out, const S* obj, std::string& scratch);

/// The columns of one field: one, or a nested object's, flattened. `obj` null: the
/// object is absent, so are its fields.
template <class S, class M>
void append_member(json_buffer& out, const S* obj, const field<S, M>& f, std::string& scratch) {
    using V = typename value_type_of<M>::type;
    const V* v = nullptr;
    if (obj) {
        const M& m = obj->*(f.member);
        if constexpr (is_optional<M>::value) {
            if (m) v = &*m;
        } else {
            v = &m;
        }
    }
    if constexpr (is_model_v<V>) {
        append_columns(out, v, scratch);
    } else {
        if (v) append_value(out, *v, scratch);
        out.put(',');
    }
}

/// Each schema column of S, each followed by a comma (unknown_members comes last).
template <class S>
void append_columns(json_buffer& out, const S* obj, std::string& scratch) {
    std::apply([&](const auto&... f) { (append_member(out, obj, f, scratch), ...); }, object_traits<S>::fields);
}

template <class S>
void append_names(std::vector<std::string>& out, const std::string& prefix) {
    std::apply(
        [&](const auto&... f) {
            const auto one = [&](const auto& field) {
                using M = std::remove_cv_t<std::remove_reference_t<decltype(std::declval<const S&>().*(field.member))>>;
                using V = typename value_type_of<M>::type;
                std::string name = prefix;
                name.append(field.name.data(), field.name.size());
                if constexpr (is_model_v<V>) append_names<V>(out, name + ".");
                else out.push_back(std::move(name));
            };
            (one(f), ...);
        },
        object_traits<S>::fields);
}

/// True when `obj` or a nested object in it (not in an array) has unknown members.
template <class S>
bool has_unknown_members(const S& obj) {
    if (!obj.unknown_members.empty()) return true;
    return std::apply(
        [&](const auto&... f) {
            const auto one = [&](const auto& field) {
                const auto& m = obj.*(field.member);
                using M = std::remove_cv_t<std::remove_reference_t<decltype(m)>>;
                using V = typename value_type_of<M>::type;
                if constexpr (!is_model_v<V>) return false;
                else if constexpr (is_optional<M>::value) return m && has_unknown_members(*m);
                else return has_unknown_members(m);
            };
            return (false || ... || one(f));
        },
        object_traits<S>::fields);
}

/// `{...}`: the unknown members of `obj`, then, under their wire names, those of the
/// nested objects that have some (`"subresource_uris":{"feedback":"..."}`).
template <class S>
void write_unknown_members(json_buffer& out, const S& obj) {
    out.put('{');
    bool first = true;
    write_members(out, obj.unknown_members, first);
    std::apply(
        [&](const auto&... f) {
            const auto one = [&](const auto& field) {
                const auto& m = obj.*(field.member);
                using M = std::remove_cv_t<std::remove_reference_t<decltype(m)>>;
                using V = typename value_type_of<M>::type;
                if constexpr (is_model_v<V>) {
                    const V* nested = nullptr;
                    if constexpr (is_optional<M>::value) nested = m ? &*m : nullptr;
                    else nested = &m;
                    if (nested && has_unknown_members(*nested)) {
                        if (!first) out.put(',');
                        first = false;
                        out.append(field.quoted_key);
                        write_unknown_members(out, *nested);
                    }
                }
            };
            (one(f), ...);
        },
        object_traits<S>::fields);
    out.put('}');
}

}  // namespace csv
}  // namespace detail
SIGNALWIRE_NAMESPACE_END

#endif
