// API error bodies in words. The schema's `api_errors` lists the models of the bodies
// the endpoints send with an error status (ErrorResponse, ErrorArrayResponse); when a
// Call or CallList decode fails on such a body, decode says so first:
//   (root): the body is an API error response: 20404 The requested ... was not found (status 404)
// The models are read by their members' names (`code`, `message`, `status`, `errors`),
// which is what makes a body an error body in every Twilio-compatible API.
#ifndef SIGNALWIRE_DETAIL_API_ERROR_HPP
#define SIGNALWIRE_DETAIL_API_ERROR_HPP

#include <signalwire/version.hpp>

#include <signalwire/detail/value_codec.hpp>
#include <signalwire/model.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

SIGNALWIRE_NAMESPACE_BEGIN
namespace detail {

/// How much of an error body's message a decode error quotes.
inline constexpr std::size_t api_error_message_limit = 200;

template <class T, class = void>
struct has_api_errors : std::false_type {};
template <class T>
struct has_api_errors<T, std::void_t<typename object_traits<T>::api_errors>> : std::true_type {};

template <class T, class = void>
struct has_errors_member : std::false_type {};
template <class T>
struct has_errors_member<T, std::void_t<decltype(std::declval<const T&>().errors)>> : std::true_type {};

template <class T, class = void>
struct has_status_member : std::false_type {};
template <class T>
struct has_status_member<T, std::void_t<decltype(std::declval<const T&>().status)>> : std::true_type {};

template <class T>
const T* present(const T& value) noexcept { return &value; }
template <class T>
const T* present(const std::optional<T>& value) noexcept { return value ? &*value : nullptr; }

/// `20404 The requested resource ... was not found (status 404)`: the code, the
/// message (escaped, cut after api_error_message_limit bytes) and the HTTP status,
/// each when the body has it. An errors-array body lists its errors joined by "; ".
template <class E>
std::string describe_api_error(const E& e) {
    std::string out;
    if constexpr (has_errors_member<E>::value) {
        for (const auto& item : e.errors) {
            if (!out.empty()) out += "; ";
            out += describe_api_error(item);
        }
        if (out.empty()) out = "no errors listed";
    } else {
        if (const auto* code = present(e.code)) out += std::to_string(*code);
        if (const auto* message = present(e.message)) {
            if (!out.empty()) out += ' ';
            out += escaped_preview(*message, api_error_message_limit);
        }
        if constexpr (has_status_member<E>::value)
            if (const auto* status = present(e.status)) out += " (status " + std::to_string(*status) + ")";
    }
    return out;
}

}  // namespace detail
SIGNALWIRE_NAMESPACE_END

#endif
