// Decoding a DOM: a boost::json::value is fed to the decoder as the parser's events,
// so that values follow exactly the rules of text.
#ifndef SIGNALWIRE_DETAIL_REPLAY_HPP
#define SIGNALWIRE_DETAIL_REPLAY_HPP

#include <signalwire/version.hpp>

#include <signalwire/decode_options.hpp>
#include <signalwire/detail/decoder.hpp>
#include <signalwire/detail/json_writer.hpp>

#include <boost/json/error.hpp>
#include <boost/json/value.hpp>
#include <boost/system/error_code.hpp>

#include <charconv>
#include <cstddef>
#include <string>

SIGNALWIRE_NAMESPACE_BEGIN
namespace detail {

/// Feeds a DOM value to the decoder as the parser would, so that DOM input follows
/// exactly the rules of byte input. Doubles have no literal text in a DOM: they are
/// given their shortest round-trip form.
inline bool replay(const boost::json::value& v, decoder& d, std::size_t depth, const decode_options& options,
                   boost::system::error_code& ec) {
    namespace json = boost::json;
    switch (v.kind()) {
        case json::kind::null: return d.on_null(ec);
        case json::kind::bool_: return d.on_bool(v.get_bool(), ec);
        case json::kind::int64: {
            char buf[24];
            auto r = std::to_chars(buf, buf + sizeof buf, v.get_int64());
            return d.on_int64(v.get_int64(), json::string_view(buf, static_cast<std::size_t>(r.ptr - buf)), ec);
        }
        case json::kind::uint64: {
            char buf[24];
            auto r = std::to_chars(buf, buf + sizeof buf, v.get_uint64());
            return d.on_uint64(v.get_uint64(), json::string_view(buf, static_cast<std::size_t>(r.ptr - buf)), ec);
        }
        case json::kind::double_: {
            // The shortest text that reads back as the same double; "inf" or "nan" for
            // the values a DOM can hold and JSON cannot, which the fields then reject.
            char buf[32];
            const auto r = std::to_chars(buf, buf + sizeof buf, v.get_double());
            return d.on_double(v.get_double(), json::string_view(buf, static_cast<std::size_t>(r.ptr - buf)), ec);
        }
        case json::kind::string: return d.on_string(v.get_string(), v.get_string().size(), ec);
        case json::kind::array: {
            if (depth >= options.max_depth) {
                ec = json::error::too_deep;
                return false;
            }
            if (!d.on_array_begin(ec)) return false;
            for (const auto& e : v.get_array())
                if (!replay(e, d, depth + 1, options, ec)) return false;
            return d.on_array_end(v.get_array().size(), ec);
        }
        case json::kind::object: {
            if (depth >= options.max_depth) {
                ec = json::error::too_deep;
                return false;
            }
            if (!d.on_object_begin(ec)) return false;
            for (const auto& kv : v.get_object()) {
                if (!d.on_key(kv.key(), kv.key().size(), ec)) return false;
                if (!replay(kv.value(), d, depth + 1, options, ec)) return false;
            }
            return d.on_object_end(v.get_object().size(), ec);
        }
    }
    return true;
}

}  // namespace detail
SIGNALWIRE_NAMESPACE_END

#endif
