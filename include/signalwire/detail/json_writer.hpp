// Appending JSON text to a std::string: escaped strings, numbers in their shortest
// exact form, and whole boost::json values (for members the schema does not know).
#ifndef SIGNALWIRE_DETAIL_JSON_WRITER_HPP
#define SIGNALWIRE_DETAIL_JSON_WRITER_HPP

#include <boost/json/value.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace signalwire::detail {

/// Appends `s` as a JSON string. Escapes `"`, `\` and the control characters (with
/// \b \f \n \r \t where JSON has a short form, \u00xx otherwise); all other bytes,
/// UTF-8 included, are copied as they are.
inline void write_string(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out.push_back('"');
    std::size_t run = 0;  // start of the pending run of bytes that need no escape
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        out.push_back('\\');
        switch (c) {
            case '"': out.push_back('"'); break;
            case '\\': out.push_back('\\'); break;
            case '\b': out.push_back('b'); break;
            case '\f': out.push_back('f'); break;
            case '\n': out.push_back('n'); break;
            case '\r': out.push_back('r'); break;
            case '\t': out.push_back('t'); break;
            default:
                out.append("u00", 3);
                out.push_back(hex[c >> 4]);
                out.push_back(hex[c & 0xf]);
        }
    }
    out.append(s.data() + run, s.size() - run);
    out.push_back('"');
}

template <class Int>
void write_integer(std::string& out, Int v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

/// The shortest text that reads back as the same double (`4.5`, `1e-07`). JSON has no
/// NaN or infinity: those are written as `null`.
inline void write_double(std::string& out, double v) {
    if (!std::isfinite(v)) {
        out.append("null", 4);
        return;
    }
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

/// Appends any boost::json value compactly, doubles in the same shortest form as
/// `write_double`, so that unknown members come back as they were sent. The depth of
/// `v` is bounded by decode_options::max_depth when it came from decoding.
inline void write_value(std::string& out, const boost::json::value& v) {
    switch (v.kind()) {
        case boost::json::kind::null: out.append("null", 4); break;
        case boost::json::kind::bool_: v.get_bool() ? out.append("true", 4) : out.append("false", 5); break;
        case boost::json::kind::int64: write_integer(out, v.get_int64()); break;
        case boost::json::kind::uint64: write_integer(out, v.get_uint64()); break;
        case boost::json::kind::double_: write_double(out, v.get_double()); break;
        case boost::json::kind::string: write_string(out, v.get_string()); break;
        case boost::json::kind::array: {
            out.push_back('[');
            bool first = true;
            for (const auto& e : v.get_array()) {
                if (!first) out.push_back(',');
                first = false;
                write_value(out, e);
            }
            out.push_back(']');
            break;
        }
        case boost::json::kind::object: {
            out.push_back('{');
            bool first = true;
            for (const auto& kv : v.get_object()) {
                if (!first) out.push_back(',');
                first = false;
                write_string(out, kv.key());
                out.push_back(':');
                write_value(out, kv.value());
            }
            out.push_back('}');
            break;
        }
    }
}

}  // namespace signalwire::detail

#endif
