// signalwire/request.hpp - building a request of an endpoint, as data: the method, the
// path with its parameters percent-encoded, the query of the filters that are set, and
// the scopes, or a request_error saying which parameter makes the request impossible.
//
// The generated header declares one request type per endpoint of its schema
// (`RetrieveCall`, `ListCalls`) and describes it in endpoint_traits (endpoint.hpp): the
// path template and a table of request_param per parameter. Everything that loops over
// those tables or encodes text is here; the request types' members call it. Nothing here
// throws: each result holds the value or the error (`.value()` throws request_exception
// when exceptions are on).
#ifndef SIGNALWIRE_REQUEST_HPP
#define SIGNALWIRE_REQUEST_HPP

#include <signalwire/version.hpp>

#include <signalwire/detail/rfc2822_impl.hpp>
#include <signalwire/detail/value_codec.hpp>
#include <signalwire/endpoint.hpp>
#include <signalwire/open_enum.hpp>
#include <signalwire/rfc2822.hpp>

#include <boost/assert/source_location.hpp>
#include <boost/system/result.hpp>
#include <boost/throw_exception.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

SIGNALWIRE_NAMESPACE_BEGIN

/// Why a request cannot be built: the parameter, by its wire name (`PageSize`, `Sid`;
/// empty for a date parsed on its own), and what is wrong with its value.
struct request_error {
    std::string parameter;
    std::string message;

    /// `PageSize: must be 1 to 1000, not 0`; without a parameter, the message alone.
    std::string to_string() const { return parameter.empty() ? message : parameter + ": " + message; }
    friend bool operator==(const request_error& a, const request_error& b) noexcept {
        return a.parameter == b.parameter && a.message == b.message;
    }
    friend bool operator!=(const request_error& a, const request_error& b) noexcept { return !(a == b); }
    friend std::ostream& operator<<(std::ostream& os, const request_error& e) { return os << e.to_string(); }
};

/// Thrown by `request_result<T>::value()` when it holds an error.
class request_exception : public std::runtime_error {
public:
    explicit request_exception(request_error e) : std::runtime_error(e.to_string()), error_(std::move(e)) {}
    const request_error& error() const noexcept { return error_; }

private:
    request_error error_;
};

/// What building a request returns: the value, or why there is none.
template <class T>
using request_result = boost::system::result<T, request_error>;

/// Found by argument-dependent lookup when `request_result<T>::value()` holds an error.
[[noreturn]] inline void throw_exception_from_error(const request_error& e, const boost::source_location& loc) {
    boost::throw_exception(request_exception(e), loc);
}

namespace detail {

/// RFC 3986 section 2.3: the characters a URI component carries as themselves.
constexpr bool is_unreserved(char c) noexcept {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

inline void append_percent_encoded(std::string& out, std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    for (char c : text) {
        if (is_unreserved(c)) {
            out += c;
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0xF];
        }
    }
}

}  // namespace detail

/// `text` percent-encoded per RFC 3986: unreserved characters (`A-Z a-z 0-9 - . _ ~`) as
/// they are, every other byte as `%XX` (upper-case hex), so UTF-8 is encoded byte by byte
/// (`é` -> `%C3%A9`), `+` -> `%2B`, space -> `%20`, `/` -> `%2F`. Safe in a path segment,
/// a query name and a query value alike.
inline std::string percent_encode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    detail::append_percent_encoded(out, text);
    return out;
}

/// A calendar day, as the date filters of List Calls take it (`StartTime>=2024-01-31` is
/// written `StartTime>` `2024-01-31`): always a valid day of the proleptic Gregorian
/// calendar, years 1 to 9999, so that every date has its `YYYY-MM-DD` form.
class date {
public:
    /// 1970-01-01.
    constexpr date() noexcept = default;

    /// The day `year`-`month`-`day`, or why there is none: `month must be 1 to 12, not 13`,
    /// `day must be 1 to 29 in 2024-02, not 30`.
    static request_result<date> from_ymd(int y, unsigned m, unsigned d) {
        if (y < 1 || y > 9999) return request_error{{}, "year must be 1 to 9999, not " + std::to_string(y)};
        if (m < 1 || m > 12) return request_error{{}, "month must be 1 to 12, not " + std::to_string(m)};
        const unsigned last = rfc2822::detail::days_in_month(y, m);
        if (d < 1 || d > last) {
            std::string year_month = date(y, m, 1).to_string().substr(0, 7);
            return request_error{{}, "day must be 1 to " + std::to_string(last) + " in " + year_month + ", not " +
                                         std::to_string(d)};
        }
        return date(y, m, d);
    }

    /// Exactly `YYYY-MM-DD` (four digits, two, two), a real day: `2024-01-31`.
    static request_result<date> parse(std::string_view text) {
        auto digits = [&](std::size_t at, std::size_t n, unsigned& value) {
            value = 0;
            for (std::size_t i = at; i < at + n; ++i) {
                if (text[i] < '0' || text[i] > '9') return false;
                value = value * 10 + static_cast<unsigned>(text[i] - '0');
            }
            return true;
        };
        unsigned y = 0, m = 0, d = 0;
        if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(0, 4, y) || !digits(5, 2, m) ||
            !digits(8, 2, d))
            return request_error{{}, "expected a date YYYY-MM-DD, got " + detail::quoted_preview(text)};
        return from_ymd(static_cast<int>(y), m, d);
    }

    /// The UTC day of `t` (`timestamp` is seconds of system_clock, UTC).
    static request_result<date> from_timestamp(timestamp t) {
        const std::int64_t days = rfc2822::detail::floor_div(t.time_since_epoch().count(), rfc2822::detail::seconds_per_day);
        if (days < rfc2822::detail::days_from_civil(1, 1, 1) || days > rfc2822::detail::days_from_civil(9999, 12, 31))
            return request_error{{}, "the timestamp is outside the years 1 to 9999"};
        const rfc2822::detail::civil_date c = rfc2822::detail::civil_from_days(days);
        return date(static_cast<int>(c.year), c.month, c.day);
    }

    constexpr int year() const noexcept { return year_; }
    constexpr unsigned month() const noexcept { return month_; }
    constexpr unsigned day() const noexcept { return day_; }

    /// `YYYY-MM-DD`.
    std::string to_string() const {
        std::string out(10, '-');
        auto put = [&](std::size_t at, std::size_t n, unsigned value) {
            for (std::size_t i = at + n; i-- > at; value /= 10) out[i] = static_cast<char>('0' + value % 10);
        };
        put(0, 4, static_cast<unsigned>(year_));
        put(5, 2, month_);
        put(8, 2, day_);
        return out;
    }

    friend constexpr bool operator==(const date& a, const date& b) noexcept {
        return a.year_ == b.year_ && a.month_ == b.month_ && a.day_ == b.day_;
    }
    friend constexpr bool operator!=(const date& a, const date& b) noexcept { return !(a == b); }
    friend constexpr bool operator<(const date& a, const date& b) noexcept {
        return a.year_ != b.year_ ? a.year_ < b.year_ : a.month_ != b.month_ ? a.month_ < b.month_ : a.day_ < b.day_;
    }
    friend std::ostream& operator<<(std::ostream& os, const date& d) { return os << d.to_string(); }

private:
    constexpr date(int y, unsigned m, unsigned d) noexcept : year_(y), month_(m), day_(d) {}

    int year_ = 1970;
    unsigned month_ = 1;
    unsigned day_ = 1;
};

/// What a parameter's value is, beyond its C++ type (schema `type`).
enum class param_kind : unsigned char {
    string,       ///< any text, percent-encoded
    sid,          ///< an identifier: 1 to 64 ASCII letters, digits and '-' (a UUID, `CA` + 32 hex digits)
    date,         ///< a `date`, written `YYYY-MM-DD`
    integer,      ///< std::int32_t, within `minimum` and `maximum` when given
    enumeration,  ///< an `open_enum`, written as its wire name
};

/// One parameter of an endpoint, as endpoint_traits<R>::path_params and ::query_params
/// list them: the wire name, the member of the request type R that holds it (a plain
/// value for a path parameter, a std::optional for a query parameter, absent when
/// empty), and its constraints.
template <class R, class M>
struct request_param {
    using request_type = R;
    using member_type = M;

    std::string_view name;         ///< on the wire: `PageSize`, `StartTime<`
    std::string_view member_name;  ///< the C++ member: `page_size`, `start_time_before`
    M R::*member;
    param_kind kind;
    std::optional<std::int64_t> minimum;        ///< integers: the smallest value allowed
    std::optional<std::int64_t> maximum;        ///< integers: the largest value allowed
    std::optional<std::int64_t> default_value;  ///< integers: what the server assumes when absent (not sent)
};

namespace detail {

/// Longest sid accepted: real ones are 34 (`CA` + 32 hex digits) or 36 (a UUID).
inline constexpr std::size_t max_sid_length = 64;

/// A sid as real servers send them: a UUID (`b3877c40-da60-4998-90ad-b792e98472af`; masked
/// ones as `XXXXXXXX-...`, the spec's examples with letters past `f`) or `CA` + 32 hex
/// digits. Letters, digits and '-' only, so `..`, `/`, `?`, `#` and `%` never reach a path.
inline bool is_sid(std::string_view s) noexcept {
    if (s.empty() || s.size() > max_sid_length) return false;
    for (char c : s)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

template <class T>
struct is_optional_param : std::false_type {};
template <class T>
struct is_optional_param<std::optional<T>> : std::true_type {};

template <class T>
struct is_open_enum : std::false_type {};
template <class E>
struct is_open_enum<open_enum<E>> : std::true_type {};

/// The message of a value that `p` refuses, or nothing. `in_path`: an empty value would
/// leave an empty path segment, so it is refused whatever the kind.
template <class P, class V>
std::optional<std::string> param_problem(const P& p, const V& value, bool in_path) {
    if constexpr (std::is_same_v<V, std::string>) {
        if (value.empty() && (in_path || p.kind == param_kind::sid)) return std::string("must not be empty");
        if (p.kind == param_kind::sid && !is_sid(value))
            return "must be a sid (1 to 64 ASCII letters, digits and '-'), not " + quoted_preview(value);
    } else if constexpr (std::is_same_v<V, std::int32_t>) {
        const bool low = p.minimum && value < *p.minimum, high = p.maximum && value > *p.maximum;
        if (low || high) {
            std::string why = p.minimum && p.maximum
                                  ? "must be " + std::to_string(*p.minimum) + " to " + std::to_string(*p.maximum)
                              : p.minimum ? "must be at least " + std::to_string(*p.minimum)
                                          : "must be at most " + std::to_string(*p.maximum);
            return why + ", not " + std::to_string(value);
        }
    } else if constexpr (is_open_enum<V>::value) {
        if (value.wire_name().empty()) return std::string("must not be empty");
    } else {
        static_assert(std::is_same_v<V, date>, "a request parameter is a string, std::int32_t, date or open_enum");
    }
    return std::nullopt;
}

/// The value as the wire has it, percent-encoded, appended to `out`.
template <class V>
void append_param_value(std::string& out, const V& value) {
    if constexpr (std::is_same_v<V, std::string>) {
        append_percent_encoded(out, value);
    } else if constexpr (std::is_same_v<V, std::int32_t>) {
        out += std::to_string(value);
    } else if constexpr (std::is_same_v<V, date>) {
        out += value.to_string();
    } else {
        append_percent_encoded(out, value.wire_name());
    }
}

/// The value `p` describes in `r`: nullptr when an optional parameter is not set.
template <class R, class M>
const auto* param_value(const request_param<R, M>& p, const R& r) noexcept {
    if constexpr (is_optional_param<M>::value) {
        const M& v = r.*(p.member);
        return v ? &*v : nullptr;
    } else {
        return &(r.*(p.member));
    }
}

/// f(param) for each request_param of an endpoint_traits tuple, in order.
template <class Params, class F>
void for_each_param(const Params& params, F&& f) {
    std::apply([&](const auto&... p) { (f(p), ...); }, params);
}

template <class R, class Params>
bool check_params(const R& r, const Params& params, bool in_path, request_error& error) {
    bool ok = true;
    for_each_param(params, [&](const auto& param) {
        if (!ok) return;
        if (const auto* v = param_value(param, r))
            if (auto why = param_problem(param, *v, in_path)) {
                error = request_error{std::string(param.name), std::move(*why)};
                ok = false;
            }
    });
    return ok;
}

/// Every parameter of `r`, path parameters first, each in schema order: the first
/// problem found, or success.
template <class R>
request_result<void> validate_request(const R& r) {
    request_error error;
    if (!check_params(r, endpoint_traits<R>::path_params, true, error) ||
        !check_params(r, endpoint_traits<R>::query_params, false, error))
        return error;
    return {};
}

/// The part of a path after api_base: `/Accounts/A/Calls/S.json` (valid requests only).
template <class R>
void append_path(std::string& out, const R& r) {
    std::string_view rest = endpoint_traits<R>::path;
    for (;;) {
        const std::size_t open = rest.find('{');
        out.append(rest.substr(0, open));
        if (open == std::string_view::npos) break;
        const std::size_t close = rest.find('}', open);
        const std::string_view name = rest.substr(open + 1, close - open - 1);
        for_each_param(endpoint_traits<R>::path_params, [&](const auto& param) {
            if (param.name == name) append_param_value(out, *param_value(param, r));
        });
        rest = rest.substr(close + 1);
    }
    out += ".json";  // the Compatibility API's JSON representation of the resource
}

/// `To=%2B15551230000&PageSize=20`: the query parameters that are set, in schema order.
template <class R>
void append_query(std::string& out, const R& r) {
    for_each_param(endpoint_traits<R>::query_params, [&](const auto& param) {
        if (const auto* v = param_value(param, r)) {
            if (!out.empty()) out += '&';
            append_percent_encoded(out, param.name);
            out += '=';
            append_param_value(out, *v);
        }
    });
}

template <class R>
request_result<std::string> request_path(const R& r) {
    if (auto valid = validate_request(r); !valid) return valid.error();
    std::string out(api_base);
    append_path(out, r);
    return request_result<std::string>(boost::system::in_place_value, std::move(out));
}

template <class R>
request_result<std::string> request_query(const R& r) {
    if (auto valid = validate_request(r); !valid) return valid.error();
    std::string out;
    append_query(out, r);
    return request_result<std::string>(boost::system::in_place_value, std::move(out));
}

template <class R>
request_result<std::string> request_target(const R& r) {
    if (auto valid = validate_request(r); !valid) return valid.error();
    std::string query;
    append_query(query, r);
    std::string out(api_base);
    append_path(out, r);
    if (!query.empty()) out.append(1, '?').append(query);
    return request_result<std::string>(boost::system::in_place_value, std::move(out));
}

}  // namespace detail

SIGNALWIRE_NAMESPACE_END

#endif
