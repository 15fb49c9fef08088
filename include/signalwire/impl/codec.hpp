// Definitions of <signalwire/codec.hpp>'s decode and encode. Not included directly:
// codec.hpp includes it in header-only use, <signalwire/src.hpp> under separate
// compilation. This is where the Boost.JSON parser is compiled in.
#ifndef SIGNALWIRE_IMPL_CODEC_HPP
#define SIGNALWIRE_IMPL_CODEC_HPP

#include <signalwire/version.hpp>

#include <signalwire/codec.hpp>
#include <signalwire/decode_options.hpp>
#include <signalwire/detail/api_error.hpp>
#include <signalwire/detail/decoder.hpp>
#include <signalwire/detail/json_writer.hpp>
#include <signalwire/detail/object_codec.hpp>
#include <signalwire/detail/parse_error.hpp>
#include <signalwire/detail/replay.hpp>
#include <signalwire/error.hpp>
#include <signalwire/model.hpp>

#include <boost/config.hpp>
#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

SIGNALWIRE_NAMESPACE_BEGIN

namespace detail {

/// The error for options decode cannot honour, if any.
inline std::optional<decode_error> check_options(const decode_options& options) {
    if (options.max_depth <= decode_options::max_supported_depth) return std::nullopt;
    return decode_error{"", "max_depth " + std::to_string(options.max_depth) + " is above the supported maximum (" +
                                std::to_string(decode_options::max_supported_depth) + ")"};
}

/// The UTF-8 byte order mark. RFC 8259 section 8.1 lets a parser ignore one at the
/// start of the text; lenient decoding does, strict decoding does not.
inline constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

/// On the failure path of decode<T>: when the body decodes (leniently) as one of the
/// schema's API error models, the error to report instead of the first member that did
/// not fit T (`/status: expected string (CallStatus), got number 404`).
template <class T, class Input>
std::optional<decode_error> api_error_of(const Input& json, decode_options options) {
    if constexpr (has_api_errors<T>::value) {
        using errors = typename object_traits<T>::api_errors;
        options.strict = false;
        std::string what;
        const auto try_one = [&](const auto& model) {  // `model` only names the type
            using E = std::decay_t<decltype(model)>;
            if (what.empty())
                if (auto e = decode<E>(json, options)) what = describe_api_error(*e);
        };
        std::apply([&](const auto&... models) { (try_one(models), ...); }, errors{});
        if (!what.empty()) return decode_error{"", "the body is an API error response: " + what};
    }
    static_cast<void>(json);
    return std::nullopt;
}

/// Boost.JSON 1.81 stops with error::exponent_overflow at a number whose exponent does
/// not fit its int (1e2147483648), before any event for that number. The member gets the
/// literal anyway, as a number, so that its own rules say what is wrong, as they would
/// for any other number, or for the same text sent as a string (price:
/// `invalid decimal "1E2147483648": exponent out of range ...`). A member that would take
/// it (0e2147483648 is the double 0) gets the parser's error: the parser cannot go on.
inline decode_error exponent_overflow_error(decoder& d, std::string_view json, std::size_t offset,
                                            const decode_options& options) {
    std::string pointer = d.current_pointer();
    const std::string_view literal = number_literal_at(json, offset);
    boost::system::error_code ignored;
    (void)d.on_double(0.0, boost::json::string_view(literal.data(), literal.size()), ignored);
    if (d.failed()) return d.error();
    return decode_error{std::move(pointer),
                        parse_error_message(boost::json::error::exponent_overflow, offset, json, options)};
}

}  // namespace detail

namespace detail {

/// Where the array a decode_each streams goes instead of the struct's member.
struct stream_spec {
    int field;
    void* target;
    const array_vtable* elements;
};

/// Decodes JSON text into the struct at `root` (described by `table`): the one text
/// decode behind decode, decode_into and decode_each. Returns the error, if any;
/// `stopped` is set when decode_each's callback stopped it (no error then).
inline std::optional<decode_error> decode_text(void* root, const object_vtable& table, std::string_view json,
                                               const decode_options& options, bool reuse, const stream_spec* stream,
                                               bool& stopped) {
    stopped = false;
    if (auto bad = check_options(options)) return bad;
    if (json.size() > options.max_size)
        return decode_error{"", "document of " + std::to_string(json.size()) + " bytes is larger than max_size (" +
                                    std::to_string(options.max_size) + " bytes)"};
    // Offsets in messages count from the first byte of `json`, a skipped BOM included.
    const std::size_t skip = !options.strict && json.substr(0, 3) == byte_order_mark ? 3 : 0;
    const std::string_view body = json.substr(skip);
    boost::json::parse_options parse_options;
    parse_options.max_depth = options.max_depth;
    boost::json::basic_parser<decoder> parser(parse_options, root, table, options, reuse);
    decoder& d = parser.handler();
    d.set_document(body);
    if (stream) d.stream_array(stream->field, stream->target, *stream->elements);
    boost::system::error_code ec;
    const std::size_t consumed = skip + parser.write_some(false, body.data(), body.size(), ec);
    if (d.stopped()) {
        stopped = true;
        return std::nullopt;
    }
    if (d.failed()) return d.error();
    if (ec == boost::json::error::exponent_overflow) return exponent_overflow_error(d, json, consumed, options);
    if (ec) return decode_error{d.current_pointer(), parse_error_message(ec, consumed, json, options)};
    // write_some stops after the document; only whitespace may follow it.
    const std::size_t rest = json.find_first_not_of(" \t\n\r", consumed);
    if (rest != std::string_view::npos)
        return decode_error{"", parse_error_message(boost::json::error::extra_data, rest, json, options)};
    return std::nullopt;
}

}  // namespace detail

template <class T>
decode_result<T> decode(std::string_view json, const decode_options& options) {
    static_assert(is_model_v<T>, "decode<T> takes a struct generated from the schema");
    static_assert(detail::nesting_depth<T>() <= detail::decoder::max_frames, "the schema nests too deeply");
    // The model is decoded in place in the result, and every path returns `result`, so
    // that nothing is moved on the way out.
    decode_result<T> result(boost::system::in_place_value);
    bool stopped = false;
    if (auto error = detail::decode_text(&*result, detail::vtable_of<T>(), json, options, false, nullptr, stopped)) {
        auto api_error = detail::api_error_of<T>(json, options);
        result = api_error ? std::move(*api_error) : std::move(*error);
    }
    return result;
}

template <class T>
boost::system::result<void, decode_error> decode_into(T& out, std::string_view json, const decode_options& options) {
    static_assert(is_model_v<T>, "decode_into takes a struct generated from the schema");
    static_assert(detail::nesting_depth<T>() <= detail::decoder::max_frames, "the schema nests too deeply");
    bool stopped = false;
    if (auto error = detail::decode_text(&out, detail::vtable_of<T>(), json, options, true, nullptr, stopped)) {
        if (auto api_error = detail::api_error_of<T>(json, options)) return std::move(*api_error);
        return std::move(*error);
    }
    return {};
}

namespace detail {

/// decode_each's array: one reused Item, handed to the callback at the end of each element.
template <class Item>
struct item_stream {
    Item item{};
    bool (*on_item)(void*, Item&);
    void* context;
};

template <class Item>
const array_vtable& item_stream_vtable() noexcept {
    using S = item_stream<Item>;
    static const array_vtable vt{
        &vtable_of<Item>(),
        [](void* s, std::size_t) -> void* { return &static_cast<S*>(s)->item; },
        nullptr,
        nullptr,
        [](void*, std::size_t) {},
        [](void* s, void*) -> bool {
            S& stream = *static_cast<S*>(s);
            return stream.on_item(stream.context, stream.item);
        },
        &wrong_element<Item>};
    return vt;
}

template <class List>
decode_result<List> page_codec<List, true>::each(std::string_view json, bool (*on_item)(void*, item&),
                                                 void* context, const decode_options& options) {
    static_assert(nesting_depth<List>() <= decoder::max_frames, "the schema nests too deeply");
    decode_result<List> result(boost::system::in_place_value);
    item_stream<item> stream{item{}, on_item, context};
    const stream_spec spec{static_cast<int>(page_items<List>::index), &stream, &item_stream_vtable<item>()};
    bool stopped = false;
    if (auto error = decode_text(&*result, vtable_of<List>(), json, options, true, &spec, stopped)) {
        auto api_error = api_error_of<List>(json, options);
        result = api_error ? std::move(*api_error) : std::move(*error);
    }
    return result;
}

}  // namespace detail

template <class T, class Value, std::enable_if_t<std::is_same_v<Value, boost::json::value>, int>>
decode_result<T> decode(const Value& json, const decode_options& options) {
    static_assert(is_model_v<T>, "decode<T> takes a struct generated from the schema");
    static_assert(detail::nesting_depth<T>() <= detail::decoder::max_frames, "the schema nests too deeply");
    if (auto bad = detail::check_options(options)) return std::move(*bad);
    T out{};
    detail::decoder d(&out, detail::vtable_of<T>(), options);
    boost::system::error_code ec;
    detail::replay(json, d, 0, options, ec);
    if (!d.failed() && !ec) return out;
    decode_error error = d.failed() ? d.error()
                                    : decode_error{d.current_pointer(), detail::parse_error_message(ec, 0, {}, options)};
    if (auto api_error = detail::api_error_of<T>(json, options)) return std::move(*api_error);
    return error;
}

template <class T>
std::string encode(const T& value) {
    static_assert(is_model_v<T>, "encode takes a struct generated from the schema");
    std::string out;
    detail::json_buffer buffer(out);
    detail::encode_object(buffer, value);
    buffer.finish();
    return out;
}

SIGNALWIRE_NAMESPACE_END

#endif
