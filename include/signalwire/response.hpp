// signalwire/response.hpp - a response decoded by its HTTP status, as the endpoint's
// table of statuses (endpoint_traits<E>::responses) says:
//
//   auto r = signalwire::decode_response<signalwire::RetrieveCall>(status, body);
//   switch (r.kind()) {
//       case signalwire::response_kind::success:         use(*r.if_success()); break;   // the Call
//       case signalwire::response_kind::api_error:       r.if_api_error()->code ...; break;
//       case signalwire::response_kind::decode_failure:  // the body is not what the status says
//       case signalwire::response_kind::unlisted_status: log(r.to_string()); break;     // e.g. a 502 from a proxy
//   }
//
// or r.visit([](const auto& alternative) { ... }). Never throws on any input.
#ifndef SIGNALWIRE_RESPONSE_HPP
#define SIGNALWIRE_RESPONSE_HPP

#include <signalwire/version.hpp>

#include <signalwire/codec.hpp>
#include <signalwire/decode_options.hpp>
#include <signalwire/detail/api_error.hpp>
#include <signalwire/detail/value_codec.hpp>
#include <signalwire/endpoint.hpp>
#include <signalwire/error.hpp>
#include <signalwire/model.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

SIGNALWIRE_NAMESPACE_BEGIN

/// How much of the body an unlisted_status quotes.
inline constexpr std::size_t response_body_preview_limit = 200;

/// Which alternative a decoded_response holds (its index in decoded_response::variant).
enum class response_kind {
    success,          ///< a 2xx status the endpoint lists, and its model decoded
    api_error,        ///< the body is one of the endpoint's API error models
    decode_failure,   ///< a listed status whose body is not the model the status names
    unlisted_status,  ///< a status the endpoint does not list, with a body that is no API error
};

/// An API error response: the HTTP status, the error's fields, and the decoded model.
/// `Models` are the endpoint's error models (ErrorResponse, ErrorArrayResponse).
template <class... Models>
struct api_error {
    int http_status = 0;
    /// Whether the endpoint lists `http_status` (a 429 or 500 from the API is not listed,
    /// and is still an API error when its body is one).
    bool listed = false;
    /// The endpoint's id (`retrieve_a_call`), for the message.
    std::string_view endpoint;
    /// The error's code, message and more_info; for the errors-array form, those of the
    /// first error (`body` has them all, and to_string() lists them all).
    std::optional<std::int64_t> code;
    std::string message;  ///< as sent (not escaped, not cut)
    std::optional<std::string> more_info;
    /// The body as decoded: ErrorResponse or ErrorArrayResponse, whichever it is.
    std::variant<Models...> body;

    /// `HTTP 404: API error: 20404 The requested resource ... was not found (status 404)`;
    /// on a 2xx status `HTTP 200: the body is an API error response: 20404 ...` (decode's
    /// own words); on a status the endpoint does not list
    /// `HTTP 429 (not listed for retrieve_a_call): API error: ...`. The message is escaped
    /// and cut as in decode's errors.
    std::string to_string() const {
        std::string out = "HTTP " + std::to_string(http_status);
        if (!listed) out.append(" (not listed for ").append(endpoint).append(")");
        out += http_status >= 200 && http_status <= 299 ? ": the body is an API error response: " : ": API error: ";
        out += std::visit([](const auto& model) { return detail::describe_api_error(model); }, body);
        return out;
    }
    friend std::ostream& operator<<(std::ostream& os, const api_error& e) { return os << e.to_string(); }
};

/// A listed status whose body does not decode as the model the status names.
struct body_decode_error {
    int http_status = 0;
    std::string_view model;  ///< the model that was tried (`Call`, `ErrorResponse`)
    decode_error error;      ///< where and why; `(root): empty body` for an empty body

    /// `HTTP 200: cannot decode the body as Call: /duration: expected integer or null, got string "x"`
    std::string to_string() const {
        std::string out = "HTTP " + std::to_string(http_status) + ": cannot decode the body as ";
        out.append(model).append(": ").append(error.to_string());
        return out;
    }
    friend std::ostream& operator<<(std::ostream& os, const body_decode_error& e) { return os << e.to_string(); }
};

/// A status the endpoint does not list, whose body is not an API error (a 502 from a
/// proxy, with an HTML page): the start of the body, for the log.
struct unlisted_status {
    int http_status = 0;
    std::string_view endpoint;         ///< the endpoint's id (`retrieve_a_call`)
    std::vector<int> listed_statuses;  ///< the statuses it lists, in its order
    std::size_t body_size = 0;         ///< in bytes
    /// The first response_body_preview_limit bytes of the body, JSON-escaped (control
    /// characters and quotes visible), never cut inside a UTF-8 sequence, "..." when cut.
    std::string body_start;

    /// `HTTP 502: a status retrieve_a_call does not list (it lists 200, 400, 401, 404);
    /// body of 157 bytes: "<html>\r\n<head>..."`, or `...; empty body`.
    std::string to_string() const {
        std::string out = "HTTP " + std::to_string(http_status) + ": a status ";
        out.append(endpoint).append(" does not list (it lists ");
        for (std::size_t i = 0; i < listed_statuses.size(); ++i)
            out.append(i ? ", " : "").append(std::to_string(listed_statuses[i]));
        out += "); ";
        if (body_size == 0) return out + "empty body";
        return out + "body of " + std::to_string(body_size) + " bytes: \"" + body_start + "\"";
    }
    friend std::ostream& operator<<(std::ostream& os, const unlisted_status& e) { return os << e.to_string(); }
};

namespace detail {

template <class Tuple, class T>
struct append_unique;
template <class... Ts, class T>
struct append_unique<std::tuple<Ts...>, T> {
    using type = std::conditional_t<(std::is_same_v<T, Ts> || ...), std::tuple<Ts...>, std::tuple<Ts..., T>>;
};

template <class Tuple, class... Ts>
struct unique_of;
template <class Tuple>
struct unique_of<Tuple> {
    using type = Tuple;
};
template <class Tuple, class T, class... Rest>
struct unique_of<Tuple, T, Rest...> : unique_of<typename append_unique<Tuple, T>::type, Rest...> {};

constexpr bool is_success_status(int status) noexcept { return status >= 200 && status <= 299; }

/// The models of the error statuses of `Responses` (a std::tuple of status_response).
template <class Responses>
struct error_status_models;
template <class... R>
struct error_status_models<std::tuple<R...>> {
    template <class Entry>
    using if_error = std::conditional_t<is_success_status(Entry::status), std::tuple<>, std::tuple<typename Entry::model>>;
    using type = decltype(std::tuple_cat(std::declval<if_error<R>>()...));
};

template <class T, class = void>
struct api_errors_of {
    using type = std::tuple<>;
};
template <class T>
struct api_errors_of<T, std::void_t<typename object_traits<T>::api_errors>> {
    using type = typename object_traits<T>::api_errors;
};

template <class Tuple>
struct unique_tuple;
template <class... Ts>
struct unique_tuple<std::tuple<Ts...>> : unique_of<std::tuple<>, Ts...> {};

template <class Tuple>
struct api_error_of_tuple;
template <class... Models>
struct api_error_of_tuple<std::tuple<Models...>> {
    using type = api_error<Models...>;
};

/// Every 2xx entry of the table names the endpoint's response model.
template <class Response, class Responses>
struct success_models_agree;
template <class Response, class... R>
struct success_models_agree<Response, std::tuple<R...>>
    : std::bool_constant<((!is_success_status(R::status) || std::is_same_v<typename R::model, Response>) && ...)> {};

#define SIGNALWIRE_DETAIL_HAS_MEMBER(NAME)                                                                   \
    template <class T, class = void>                                                                        \
    struct has_##NAME##_field : std::false_type {};                                                         \
    template <class T>                                                                                      \
    struct has_##NAME##_field<T, std::void_t<decltype(std::declval<const T&>().NAME)>> : std::true_type {};
SIGNALWIRE_DETAIL_HAS_MEMBER(code)
SIGNALWIRE_DETAIL_HAS_MEMBER(message)
SIGNALWIRE_DETAIL_HAS_MEMBER(more_info)
#undef SIGNALWIRE_DETAIL_HAS_MEMBER

/// Copies code, message and more_info of an error model (of its first error, for the
/// errors-array form) into `out`, reading them by their members' names.
template <class Out, class E>
void copy_error_fields(Out& out, const E& e) {
    if constexpr (has_errors_member<E>::value) {
        if (!e.errors.empty()) copy_error_fields(out, e.errors.front());
    } else {
        if constexpr (has_code_field<E>::value) {
            if (const auto* code = present(e.code)) {
                if constexpr (std::is_integral_v<std::decay_t<decltype(*code)>>) out.code = *code;
            }
        }
        if constexpr (has_message_field<E>::value)
            if (const auto* message = present(e.message)) out.message = *message;
        if constexpr (has_more_info_field<E>::value)
            if (const auto* more_info = present(e.more_info)) out.more_info = *more_info;
    }
}

}  // namespace detail

/// What decode_response<E> returns: one of the four alternatives of `variant`, in the
/// order of response_kind.
template <class E>
class decoded_response {
    using traits = endpoint_traits<E>;
    using responses = typename traits::responses;

public:
    /// The success model (`Call` for Retrieve a Call, `CallList` for List Calls).
    using success_type = typename traits::response;
    /// The models an error body may be: those of the error statuses the endpoint lists,
    /// then the response model's `api_errors`, each once.
    using error_models = typename detail::unique_tuple<decltype(std::tuple_cat(
        std::declval<typename detail::error_status_models<responses>::type>(),
        std::declval<typename detail::api_errors_of<success_type>::type>()))>::type;
    using api_error_type = typename detail::api_error_of_tuple<error_models>::type;
    using variant = std::variant<success_type, api_error_type, body_decode_error, unlisted_status>;

    static_assert(detail::success_models_agree<success_type, responses>::value,
                  "every 2xx status of endpoint_traits<E>::responses names endpoint_traits<E>::response");
    static_assert(std::tuple_size_v<error_models> > 0, "the endpoint lists no error model");

    decoded_response(int http_status, variant value) : http_status_(http_status), value_(std::move(value)) {}

    response_kind kind() const noexcept { return static_cast<response_kind>(value_.index()); }
    /// The HTTP status the response came with.
    int http_status() const noexcept { return http_status_; }
    /// True for the success model.
    bool has_success() const noexcept { return kind() == response_kind::success; }
    explicit operator bool() const noexcept { return has_success(); }

    /// The alternative, or nullptr when the response holds another one.
    const success_type* if_success() const noexcept { return std::get_if<0>(&value_); }
    success_type* if_success() noexcept { return std::get_if<0>(&value_); }
    const api_error_type* if_api_error() const noexcept { return std::get_if<1>(&value_); }
    api_error_type* if_api_error() noexcept { return std::get_if<1>(&value_); }
    const body_decode_error* if_decode_failure() const noexcept { return std::get_if<2>(&value_); }
    body_decode_error* if_decode_failure() noexcept { return std::get_if<2>(&value_); }
    const unlisted_status* if_unlisted_status() const noexcept { return std::get_if<3>(&value_); }
    unlisted_status* if_unlisted_status() noexcept { return std::get_if<3>(&value_); }

    /// The variant itself, for std::visit or std::get.
    const variant& value() const& noexcept { return value_; }
    variant& value() & noexcept { return value_; }
    variant&& value() && noexcept { return std::move(value_); }
    /// std::visit(f, value()).
    template <class F>
    decltype(auto) visit(F&& f) const& { return std::visit(std::forward<F>(f), value_); }
    template <class F>
    decltype(auto) visit(F&& f) & { return std::visit(std::forward<F>(f), value_); }

    /// One line for a log: `HTTP 200: Call` on success, otherwise the alternative's
    /// to_string() (api_error, body_decode_error, unlisted_status).
    std::string to_string() const {
        return std::visit(
            [this](const auto& alternative) -> std::string {
                if constexpr (std::is_same_v<std::decay_t<decltype(alternative)>, success_type>) {
                    static_cast<void>(alternative);
                    return "HTTP " + std::to_string(http_status_) + ": " + std::string(object_traits<success_type>::type_name);
                } else {
                    return alternative.to_string();
                }
            },
            value_);
    }
    friend std::ostream& operator<<(std::ostream& os, const decoded_response& r) { return os << r.to_string(); }

private:
    int http_status_;
    variant value_;
};

namespace detail {

/// Calls `f(model)` (a value-initialized model, only its type matters) for the entry of
/// `Responses` with `status`, if any; returns whether there was one.
template <class Responses, class F, std::size_t... I>
bool with_listed_model(int status, F&& f, std::index_sequence<I...>) {
    bool found = false;
    const auto one = [&](auto entry) {
        using Entry = decltype(entry);
        if (!found && Entry::status == status) {
            found = true;
            f(static_cast<const typename Entry::model*>(nullptr));
        }
    };
    (one(std::tuple_element_t<I, Responses>{}), ...);
    return found;
}

template <class Responses, std::size_t... I>
std::vector<int> listed_statuses(std::index_sequence<I...>) {
    return {std::tuple_element_t<I, Responses>::status...};
}

/// The first of `Models` that `body` decodes as (leniently), as the api_error
/// alternative; `First` (when one of them) is tried before the others.
template <class ApiError, class First, class... Models>
std::optional<ApiError> decode_api_error(std::string_view body, decode_options options, std::tuple<Models...>*) {
    options.strict = false;
    std::optional<ApiError> out;
    const auto try_one = [&](const auto* tag) {
        using M = std::remove_cv_t<std::remove_pointer_t<decltype(tag)>>;
        if (out) return;
        if (auto model = decode<M>(body, options)) {
            out.emplace();
            copy_error_fields(*out, *model);
            out->body.template emplace<M>(std::move(*model));
        }
    };
    if constexpr ((std::is_same_v<First, Models> || ...)) try_one(static_cast<const First*>(nullptr));
    (try_one(static_cast<const Models*>(nullptr)), ...);
    return out;
}

}  // namespace detail

/// Decodes the body of a response to endpoint E (a request type with endpoint_traits:
/// RetrieveCall, ListCalls) by its HTTP status. Never throws; every input gives one of:
///
/// - success: a 2xx status that `responses` lists, and the body decodes (with
///   `options`) as `endpoint_traits<E>::response`.
/// - api_error: the body is one of the endpoint's error models (ErrorResponse,
///   ErrorArrayResponse): on an error status it lists (400, 401, 404, 422), on a status it
///   does not list (a 429 or 500 from the API itself; `listed` is false), or on a 2xx
///   status (decode<Call> would say `the body is an API error response: ...`). Error
///   bodies are decoded leniently whatever `options.strict` says (a numeric string
///   `code` is still an error); the limits of `options` apply.
/// - decode_failure: a listed status whose body is not the model the status names: the
///   status, the model tried and decode's error with its JSON Pointer (garbage on a 404:
///   `HTTP 404: cannot decode the body as ErrorResponse: (root): invalid JSON at offset
///   0: unexpected character '<'`). An empty body on a listed status is one too:
///   `(root): empty body`.
/// - unlisted_status: any other status (a 502 with an HTML page from a proxy, a 204),
///   with the start of the body, escaped and cut.
template <class E>
decoded_response<E> decode_response(int http_status, std::string_view body, const decode_options& options = {}) {
    static_assert(is_endpoint_v<E>, "decode_response<E> takes a request type with endpoint_traits (RetrieveCall, ListCalls)");
    using result = decoded_response<E>;
    using success_type = typename result::success_type;
    using api_error_type = typename result::api_error_type;
    using responses = typename endpoint_traits<E>::responses;
    using indices = std::make_index_sequence<std::tuple_size_v<responses>>;
    using error_models = typename result::error_models;
    const std::string_view endpoint(endpoint_traits<E>::id);

    const auto api_error_as = [&](auto* first, bool listed) -> std::optional<result> {
        using First = std::remove_cv_t<std::remove_pointer_t<decltype(first)>>;
        auto e = detail::decode_api_error<api_error_type, First>(body, options, static_cast<error_models*>(nullptr));
        if (!e) return std::nullopt;
        e->http_status = http_status;
        e->listed = listed;
        e->endpoint = endpoint;
        return result(http_status, std::move(*e));
    };
    const auto decode_failure = [&](std::string_view model, decode_error error) {
        return result(http_status, body_decode_error{http_status, model, std::move(error)});
    };

    std::optional<result> out;
    const bool listed = detail::with_listed_model<responses>(
        http_status,
        [&](const auto* tag) {
            using M = std::remove_cv_t<std::remove_pointer_t<decltype(tag)>>;
            const std::string_view model_name = object_traits<M>::type_name;
            if (body.empty()) {
                out.emplace(decode_failure(model_name, decode_error{"", "empty body"}));
            } else if (detail::is_success_status(http_status)) {
                auto success = decode<success_type>(body, options);
                if (success) {
                    out.emplace(http_status, typename result::variant(std::in_place_index<0>, std::move(*success)));
                } else if (!(out = api_error_as(static_cast<void*>(nullptr), true))) {
                    out.emplace(decode_failure(model_name, std::move(success.error())));
                }
            } else if (!(out = api_error_as(tag, true))) {
                decode_options lenient = options;  // error bodies are decoded leniently
                lenient.strict = false;
                auto error = decode<M>(body, lenient);  // fails: no error model took the body
                out.emplace(decode_failure(model_name, error ? decode_error{"", "not an API error body"}
                                                             : std::move(error.error())));
            }
        },
        indices{});
    if (listed) return std::move(*out);
    if (!body.empty())
        if (auto e = api_error_as(static_cast<void*>(nullptr), false)) return std::move(*e);
    unlisted_status u{http_status, endpoint, detail::listed_statuses<responses>(indices{}), body.size(),
                      detail::escaped_preview(body, response_body_preview_limit)};
    return result(http_status, std::move(u));
}

SIGNALWIRE_NAMESPACE_END

#endif
