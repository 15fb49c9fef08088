// Baseline: Boost.JSON's basic_parser with a handler that does nothing, i.e. the cost
// of validating the JSON with the same parser our decoder is driven by. Like our
// decode, it constructs the parser for each document.
#ifndef SIGNALWIRE_BENCH_PEERS_NULL_HANDLER_HPP
#define SIGNALWIRE_BENCH_PEERS_NULL_HANDLER_HPP

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/parse_options.hpp>
#include <boost/json/string_view.hpp>
#include <boost/system/error_code.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace bench::null_handler {

struct handler {
    using ec_t = boost::system::error_code;
    using sv = boost::json::string_view;
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);

    bool on_document_begin(ec_t&) { return true; }
    bool on_document_end(ec_t&) { return true; }
    bool on_object_begin(ec_t&) { return true; }
    bool on_object_end(std::size_t, ec_t&) { return true; }
    bool on_array_begin(ec_t&) { return true; }
    bool on_array_end(std::size_t, ec_t&) { return true; }
    bool on_key_part(sv, std::size_t, ec_t&) { return true; }
    bool on_key(sv, std::size_t, ec_t&) { return true; }
    bool on_string_part(sv, std::size_t, ec_t&) { return true; }
    bool on_string(sv, std::size_t, ec_t&) { return true; }
    bool on_number_part(sv, ec_t&) { return true; }
    bool on_int64(std::int64_t, sv, ec_t&) { return true; }
    bool on_uint64(std::uint64_t, sv, ec_t&) { return true; }
    bool on_double(double, sv, ec_t&) { return true; }
    bool on_bool(bool, ec_t&) { return true; }
    bool on_null(ec_t&) { return true; }
    bool on_comment_part(sv, ec_t&) { return true; }
    bool on_comment(sv, ec_t&) { return true; }
};

/// True when `text` is one valid JSON document (trailing whitespace allowed).
inline bool validate(std::string_view text) {
    boost::json::basic_parser<handler> parser{boost::json::parse_options{}};
    boost::system::error_code ec;
    const std::size_t n = parser.write_some(false, text.data(), text.size(), ec);
    return !ec && text.find_first_not_of(" \t\n\r", n) == std::string_view::npos;
}

}  // namespace bench::null_handler

#endif
