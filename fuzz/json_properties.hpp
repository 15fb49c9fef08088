// Properties of the JSON codecs that the fuzz targets check, shared by
// fuzz_decode_call, fuzz_decode_call_list and fuzz_round_trip.
#ifndef SIGNALWIRE_FUZZ_JSON_PROPERTIES_HPP
#define SIGNALWIRE_FUZZ_JSON_PROPERTIES_HPP

#include "fuzz_check.hpp"

#include <signalwire/call.hpp>
#include <signalwire/codec.hpp>
#include <signalwire/stream.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace fuzz {

inline signalwire::decode_options lenient_options() { return {}; }

inline signalwire::decode_options strict_options() {
    signalwire::decode_options o;
    o.strict = true;
    return o;
}

/// The names the input's first byte chooses from when it is spliced into a Call (see
/// spliced_call): every Call field (from object_traits, so new fields are covered),
/// then two members the schema does not know.
inline const std::vector<std::string_view>& splice_slots() {
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> v;
        std::apply([&](const auto&... f) { (v.push_back(f.name), ...); },
                   signalwire::object_traits<signalwire::Call>::fields);
        v.push_back("queue_time");
        v.push_back("x");
        return v;
    }();
    return names;
}

/// Whole documents that decode are rare among mutated inputs, so the targets also use
/// an input a second way: its first byte picks a member (splice_slots) and the rest is
/// spliced in as that member's JSON value, in a Call whose other required members are
/// valid. That puts every mutation of a value through the decoder's success path.
/// Empty when the input is shorter than 2 bytes.
inline std::string spliced_call(std::string_view input) {
    if (input.size() < 2) return {};
    static constexpr std::pair<std::string_view, std::string_view> required_members[] = {
        {"sid", "\"s\""},
        {"account_sid", "\"a\""},
        {"date_created", "\"Sun, 03 Feb 2019 21:36:05 +0000\""},
        {"date_updated", "\"Sun, 03 Feb 2019 21:36:05 +0000\""},
        {"to", "\"+1\""},
        {"from", "\"+2\""},
        {"status", "\"queued\""},
        {"direction", "\"inbound\""},
        {"uri", "\"/u\""},
    };
    const std::string_view key = splice_slots()[static_cast<unsigned char>(input[0]) % splice_slots().size()];
    std::string doc = "{";
    for (const auto& [name, text] : required_members) {
        if (name == key) continue;
        doc.append("\"").append(name).append("\":").append(text).append(",");
    }
    doc.append("\"").append(key).append("\":").append(input.substr(1)).append("}");
    return doc;
}

/// `kind value` of a boost::json value, for messages (`double 1E0`, `int64 1`).
inline std::string describe_value(const boost::json::value& v) {
    static constexpr const char* kinds[] = {"null", "bool", "int64", "uint64", "double", "string", "array", "object"};
    return std::string(kinds[static_cast<int>(v.kind())]) + " " + boost::json::serialize(v);
}

/// The members in which `a` and `b` differ: schema fields by name, unknown members
/// with both values and their kinds.
template <class T>
std::string differences(const T& a, const T& b) {
    std::string out;
    auto field = [&](const auto& f) {
        const auto& x = a.*(f.member);
        const auto& y = b.*(f.member);
        if (x == y) return;
        out += std::string(f.name);
        using M = std::remove_cv_t<std::remove_reference_t<decltype(x)>>;
        if constexpr (std::is_same_v<M, std::optional<signalwire::CallSubresourceUris>>) {
            if (x && y) out += " (" + differences(*x, *y) + ")";
        }
        out += "; ";
    };
    std::apply([&](const auto&... f) { (field(f), ...); }, signalwire::object_traits<T>::fields);
    auto unknown = [&](std::string_view key, const boost::json::value* x, const boost::json::value* y) {
        out += "unknown member \"" + std::string(key) + "\": " + (x ? describe_value(*x) : "absent") + " vs " +
               (y ? describe_value(*y) : "absent") + "; ";
    };
    for (const auto& kv : a.unknown_members) {
        const boost::json::value* other = b.unknown_members.if_contains(kv.key());
        if (!other || *other != kv.value()) unknown(kv.key(), &kv.value(), other);
    }
    for (const auto& kv : b.unknown_members)
        if (!a.unknown_members.contains(kv.key())) unknown(kv.key(), nullptr, &kv.value());
    if constexpr (std::is_same_v<T, signalwire::CallList>) {
        for (std::size_t i = 0; i < a.calls.size() && i < b.calls.size(); ++i)
            if (a.calls[i] != b.calls[i]) out += "calls/" + std::to_string(i) + ": " + differences(a.calls[i], b.calls[i]);
    }
    return out;
}

/// From the first byte where `a` and `b` differ (with some context before it).
inline std::string first_difference(const std::string& a, const std::string& b) {
    if (a == b) return "nowhere: the encodings are identical";
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    const std::size_t from = i > 40 ? i - 40 : 0;
    return "at byte " + std::to_string(i) + ": ..." + a.substr(from, 120) + "  vs  ..." + b.substr(from, 120);
}

/// Decodes `input` as T in lenient and in strict mode. Never crashes; an error always
/// says something; a success encodes; strict accepts nothing lenient rejects, and
/// both decode it to the same value (strict only removes leniencies).
template <class T>
void decode_both_modes(std::string_view input) {
    const auto lenient = signalwire::decode<T>(input, lenient_options());
    const auto strict = signalwire::decode<T>(input, strict_options());
    if (lenient) {
        const std::string e = signalwire::encode(*lenient);
        check(e.size() >= 2 && e.front() == '{' && e.back() == '}', "lenient encoding is not an object", input,
              "encoded: " + e);
    } else {
        check(!lenient.error().message.empty(), "lenient decode failed without a message", input);
    }
    if (strict) {
        const std::string e = signalwire::encode(*strict);
        check(lenient.has_value(), "strict decode accepted what lenient decode rejected", input,
              "strict encoded: " + e,
              "lenient error: " + (lenient ? std::string() : lenient.error().to_string()));
        check(*lenient == *strict, "strict and lenient decode give different values", input,
              "differing members (lenient vs strict): " + differences(*lenient, *strict),
              "strict encoded:  " + e, "lenient encoded: " + signalwire::encode(*lenient));
    } else {
        check(!strict.error().message.empty(), "strict decode failed without a message", input);
    }
}

/// decode_into a T reused from input to input (a static: it holds whatever the previous
/// inputs left, a failed decode's remains included) gives decode's value or its error.
template <class T>
void decode_into_agrees(std::string_view input) {
    static T reused{};
    for (const auto& options : {lenient_options(), strict_options()}) {
        const auto fresh = signalwire::decode<T>(input, options);
        const auto into = signalwire::decode_into(reused, input, options);
        check(fresh.has_value() == into.has_value(), "decode_into and decode disagree on success", input,
              fresh ? std::string("decode succeeded") : "decode: " + fresh.error().to_string(),
              into ? std::string("decode_into succeeded") : "decode_into: " + into.error().to_string());
        if (fresh)
            check(reused == *fresh && reused.unknown_members == fresh->unknown_members,
                  "decode_into and decode give different values", input,
                  "differing members (into vs decode): " + differences(reused, *fresh));
        else
            check(into.error() == fresh.error(), "decode_into and decode give different errors", input,
                  "decode_into: " + into.error().to_string(), "decode:      " + fresh.error().to_string());
    }
}

/// decode_each on a list page gives the elements and page members of the whole decode,
/// or its error.
template <class List>
void decode_each_agrees(std::string_view input) {
    for (const auto& options : {lenient_options(), strict_options()}) {
        const auto whole = signalwire::decode<List>(input, options);
        std::vector<signalwire::page_item_t<List>> items;
        const auto each = signalwire::decode_each<List>(
            input, [&](const signalwire::page_item_t<List>& item) { items.push_back(item); }, options);
        check(whole.has_value() == each.has_value(), "decode_each and decode disagree on success", input,
              whole ? std::string("decode succeeded") : "decode: " + whole.error().to_string(),
              each ? std::string("decode_each succeeded") : "decode_each: " + each.error().to_string());
        if (!whole) {
            check(each.error() == whole.error(), "decode_each and decode give different errors", input,
                  "decode_each: " + each.error().to_string(), "decode:      " + whole.error().to_string());
            continue;
        }
        List rest = *whole;
        rest.calls.clear();
        check(*each == rest && each->unknown_members == rest.unknown_members,
              "decode_each returns other page members than decode", input);
        check(items == whole->calls, "decode_each yields other elements than decode", input,
              std::to_string(items.size()) + " vs " + std::to_string(whole->calls.size()) + " elements");
    }
}

/// The DOM entry point (decode<T>(boost::json::value)) on the same input, when it is
/// JSON: only that it never crashes and that an error says something. (Its results
/// legitimately differ from text decoding: a DOM holds doubles, not number texts, and
/// Boost.JSON's DOM keeps the last of duplicate keys.)
template <class T>
void decode_dom(std::string_view input) {
    boost::json::parse_options po;
    po.max_depth = signalwire::decode_options{}.max_depth;
    boost::system::error_code ec;
    const boost::json::value v = boost::json::parse(boost::json::string_view(input.data(), input.size()), ec, {}, po);
    if (ec) return;
    for (const auto& options : {lenient_options(), strict_options()}) {
        const auto r = signalwire::decode<T>(v, options);
        if (r) (void)signalwire::encode(*r);
        else check(!r.error().message.empty(), "DOM decode failed without a message", input);
    }
}

/// The UTF-8 byte order mark, which lenient decoding skips at the start of the text
/// (RFC 8259 section 8.1) and strict decoding refuses.
inline constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

/// `input` with a byte order mark in front; empty when it already starts with one
/// (lenient decoding skips only one).
inline std::string bom_prefixed(std::string_view input) {
    if (input.substr(0, byte_order_mark.size()) == byte_order_mark) return {};
    std::string out(byte_order_mark);
    out.append(input);
    return out;
}

/// A parse error's message as it reads when the input has `by` more bytes in front:
/// "invalid JSON at offset N: ..." with N + by (offsets count from the first byte of the
/// input, a skipped BOM included); any other message unchanged.
inline std::string offset_shifted(const std::string& message, std::size_t by) {
    static constexpr std::string_view prefix = "invalid JSON at offset ";
    if (message.compare(0, prefix.size(), prefix) != 0) return message;
    std::size_t end = prefix.size();
    std::size_t offset = 0;
    while (end < message.size() && message[end] >= '0' && message[end] <= '9')
        offset = offset * 10 + static_cast<std::size_t>(message[end++] - '0');
    return std::string(prefix) + std::to_string(offset + by) + message.substr(end);
}

/// A byte order mark in front of `input` (when it does not start with one): lenient
/// decoding skips it, so decode(BOM + x) succeeds exactly when decode(x) does, with the
/// same value, or fails with the same error (parse-error offsets 3 larger: they count
/// the BOM); strict decoding fails on it (at offset 0, or naming an API error body,
/// which detail::api_error_of always reads leniently).
template <class T>
void bom_skipped(std::string_view input) {
    const std::string with_bom = bom_prefixed(input);
    if (with_bom.empty()) return;
    const auto plain = signalwire::decode<T>(input, lenient_options());
    const auto bom = signalwire::decode<T>(with_bom, lenient_options());
    const std::string type = "type: " + std::string(signalwire::object_traits<T>::type_name);
    if (plain && bom) {
        check(*plain == *bom, "lenient decode(BOM + x) != decode(x)", with_bom, type,
              "differing members (decode(x) vs decode(BOM + x)): " + differences(*plain, *bom));
    } else if (plain || bom) {
        check(false, plain ? "lenient decode(x) succeeds, decode(BOM + x) fails"
                           : "lenient decode(BOM + x) succeeds, decode(x) fails",
              with_bom, type, "error: " + (plain ? bom.error().to_string() : plain.error().to_string()));
    } else {
        const signalwire::decode_error expected{plain.error().pointer,
                                                offset_shifted(plain.error().message, byte_order_mark.size())};
        check(bom.error() == expected, "lenient decode(BOM + x) fails differently from decode(x)", with_bom, type,
              "decode(BOM + x): " + bom.error().to_string(), "expected:        " + expected.to_string(),
              "decode(x):       " + plain.error().to_string());
    }
    const auto strict = signalwire::decode<T>(with_bom, strict_options());
    check(!strict, "strict decode skipped a byte order mark", with_bom, type,
          "encoded: " + (strict ? signalwire::encode(*strict) : std::string()));
    const std::string& message = strict.error().message;
    static constexpr std::string_view api_error = "the body is an API error response: ";
    check(strict.error().pointer.empty() &&
              (message == "invalid JSON at offset 0: byte order mark (strict mode does not skip one)" ||
               message.compare(0, api_error.size(), api_error) == 0),
          "strict decode(BOM + x) fails, but not on the byte order mark", with_bom, type,
          "error: " + strict.error().to_string());
}

/// When `input` decodes as T (in the given mode): encoding it and decoding that
/// gives the same value back, and encoding is idempotent. The encoding is an object
/// (so never starts with a byte order mark, even when the input did).
template <class T>
void round_trip(std::string_view input, const signalwire::decode_options& options, const char* mode) {
    const auto first = signalwire::decode<T>(input, options);
    if (!first) return;
    const std::string e1 = signalwire::encode(*first);
    check(e1.size() >= 2 && e1.front() == '{' && e1.back() == '}', "encoding is not an object", input,
          std::string("type/mode: ") + std::string(signalwire::object_traits<T>::type_name) + " " + mode,
          "encoded: " + e1);
    const auto second = signalwire::decode<T>(e1, options);
    check(second.has_value(), "encode(decode(x)) does not decode", input, std::string("type/mode: ") +
          std::string(signalwire::object_traits<T>::type_name) + " " + mode,
          "encoded: " + e1, "error:   " + (second ? std::string() : second.error().to_string()));
    const std::string e2 = signalwire::encode(*second);
    check(*second == *first, "decode(encode(decode(x))) != decode(x)", input,
          std::string("type/mode: ") + std::string(signalwire::object_traits<T>::type_name) + " " + mode,
          "differing members (decode(x) vs decode(encode(decode(x)))): " + differences(*first, *second),
          "encodings differ " + first_difference(e1, e2), "encode(decode(x)): " + e1);
    check(e2 == e1, "encode is not idempotent: encode(decode(encode(v))) != encode(v)", input,
          std::string("type/mode: ") + std::string(signalwire::object_traits<T>::type_name) + " " + mode,
          "encodings differ " + first_difference(e1, e2), "encode(v): " + e1);
}

}  // namespace fuzz

#endif
