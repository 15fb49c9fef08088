// Appending JSON text to a std::string: escaped strings, numbers in their shortest
// exact form, and whole boost::json values (for members the schema does not know).
#ifndef SIGNALWIRE_DETAIL_JSON_WRITER_HPP
#define SIGNALWIRE_DETAIL_JSON_WRITER_HPP

#include <signalwire/version.hpp>

#include <boost/config.hpp>
#include <boost/json/value.hpp>

#include <algorithm>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

SIGNALWIRE_NAMESPACE_BEGIN
namespace detail {

/// The output of encoding: a std::string written through a cursor, grown by doubling,
/// so that each write is one capacity check and a copy (std::string::append checks and
/// updates more on every call). finish() trims the string to what was written.
class json_buffer {
public:
    explicit json_buffer(std::string& out, std::size_t expected = 1024) : out_(out), size_(out.size()) {
        reserve(expected);
    }
    /// Makes room for `n` more bytes; the caller then writes them at cursor().
    void reserve(std::size_t n) {
        if (BOOST_UNLIKELY(out_.size() - size_ < n)) out_.resize(std::max(out_.size() * 2, size_ + n));
    }
    char* cursor() noexcept { return &out_[size_]; }
    void advance(std::size_t n) noexcept { size_ += n; }
    void put(char c) {
        reserve(1);
        out_[size_++] = c;
    }
    void append(const char* p, std::size_t n) {
        reserve(n);
        std::memcpy(&out_[size_], p, n);
        size_ += n;
    }
    void append(std::string_view s) { append(s.data(), s.size()); }
    void finish() { out_.resize(size_); }

private:
    std::string& out_;
    std::size_t size_;
};

/// The length of the prefix of [p, p + n) that a JSON string can hold as it is: no
/// `"`, `\\` or control character. Sixteen bytes at a time with SSE2 where there is
/// SSE2, then eight at a time ("SWAR"), then byte by byte.
inline std::size_t plain_prefix(const char* p, std::size_t n) noexcept {
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), below_space = _mm_set1_epi8(0x1f);
    for (; i + 16 <= n; i += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        // x <= 0x1f, unsigned, exactly when min(x, 0x1f) == x.
        const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                                         _mm_cmpeq_epi8(_mm_min_epu8(x, below_space), x));
        const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
        if (mask) return i + static_cast<std::size_t>(__builtin_ctz(mask));
    }
#endif
    // For each byte, the high bit of `found` is set when it is below 0x20 or equal to
    // `"` or `\\` (a byte with its own high bit set, UTF-8, is masked out by ~x).
    constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t x;
        std::memcpy(&x, p + i, 8);
        const std::uint64_t quotes = x ^ (ones * '"'), backslashes = x ^ (ones * '\\');
        if (((x - ones * 0x20) | (quotes - ones) | (backslashes - ones)) & ~x & highs) break;
    }
    for (; i < n; ++i) {
        const auto c = static_cast<unsigned char>(p[i]);
        if (c < 0x20 || c == '"' || c == '\\') break;
    }
    return i;
}

/// Appends `s` as a JSON string. Escapes `"`, `\\` and the control characters (with
/// \\b \\f \\n \\r \\t where JSON has a short form, \\u00xx otherwise); all other bytes,
/// UTF-8 included, are copied as they are.
inline void write_string(json_buffer& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out.reserve(s.size() + 2);
    out.put('"');
    while (!s.empty()) {
        const std::size_t plain = plain_prefix(s.data(), s.size());
        out.append(s.data(), plain);
        if (plain == s.size()) break;
        const auto c = static_cast<unsigned char>(s[plain]);
        s.remove_prefix(plain + 1);
        char escape[6] = {'\\', 0, 0, 0, 0, 0};
        std::size_t length = 2;
        switch (c) {
            case '"': escape[1] = '"'; break;
            case '\\': escape[1] = '\\'; break;
            case '\b': escape[1] = 'b'; break;
            case '\f': escape[1] = 'f'; break;
            case '\n': escape[1] = 'n'; break;
            case '\r': escape[1] = 'r'; break;
            case '\t': escape[1] = 't'; break;
            default:
                escape[1] = 'u';
                escape[2] = '0';
                escape[3] = '0';
                escape[4] = hex[c >> 4];
                escape[5] = hex[c & 0xf];
                length = 6;
        }
        out.append(escape, length);
    }
    out.put('"');
}

template <class Int>
void write_integer(json_buffer& out, Int v) {
    out.reserve(24);
    auto r = std::to_chars(out.cursor(), out.cursor() + 24, v);
    out.advance(static_cast<std::size_t>(r.ptr - out.cursor()));
}

/// The shortest text that reads back as the same double (`4.5`, `1e-07`, `4.0`). JSON
/// has no NaN or infinity: those are written as `null`.
inline void write_double(json_buffer& out, double v) {
    if (!std::isfinite(v)) {
        out.append("null", 4);
        return;
    }
    out.reserve(34);
    char* begin = out.cursor();
    char* end = std::to_chars(begin, begin + 32, v).ptr;
    // A whole number prints without '.' or exponent ("4", "-0"), which reads back as an
    // integer; ".0" keeps it a double, so an unknown member's double stays a double.
    if (std::find_if(begin, end, [](char c) { return c == '.' || c == 'e'; }) == end) {
        *end++ = '.';
        *end++ = '0';
    }
    out.advance(static_cast<std::size_t>(end - begin));
}

inline void write_members(json_buffer& out, const boost::json::object& object, bool& first);

/// Appends any boost::json value compactly, doubles in the same shortest form as
/// `write_double`, so that unknown members come back as they were sent. The depth of
/// `v` is bounded by decode_options::max_depth when it came from decoding.
inline void write_value(json_buffer& out, const boost::json::value& v) {
    switch (v.kind()) {
        case boost::json::kind::null: out.append("null", 4); break;
        case boost::json::kind::bool_: v.get_bool() ? out.append("true", 4) : out.append("false", 5); break;
        case boost::json::kind::int64: write_integer(out, v.get_int64()); break;
        case boost::json::kind::uint64: write_integer(out, v.get_uint64()); break;
        case boost::json::kind::double_: write_double(out, v.get_double()); break;
        case boost::json::kind::string: write_string(out, v.get_string()); break;
        case boost::json::kind::array: {
            out.put('[');
            bool first = true;
            for (const auto& e : v.get_array()) {
                if (!first) out.put(',');
                first = false;
                write_value(out, e);
            }
            out.put(']');
            break;
        }
        case boost::json::kind::object: {
            out.put('{');
            bool first = true;
            write_members(out, v.get_object(), first);
            out.put('}');
            break;
        }
    }
}

/// Appends `"key":value` for each member of `object`, comma-separated, after whatever
/// members `first` says were written before (the schema's, in a struct).
inline void write_members(json_buffer& out, const boost::json::object& object, bool& first) {
    for (const auto& kv : object) {
        if (!first) out.put(',');
        first = false;
        write_string(out, kv.key());
        out.put(':');
        write_value(out, kv.value());
    }
}

}  // namespace detail
SIGNALWIRE_NAMESPACE_END

#endif
