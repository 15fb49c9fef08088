// signalwire/endpoint.hpp - what an endpoint of the API is, as data: the generated
// header describes each endpoint of its schema (`endpoints:`) by specializing
// endpoint_traits for its request type; request.hpp builds the request from it,
// response.hpp decodes the response by status, paging.hpp follows list pages.
#ifndef SIGNALWIRE_ENDPOINT_HPP
#define SIGNALWIRE_ENDPOINT_HPP

#include <signalwire/version.hpp>

#include <string_view>
#include <type_traits>

SIGNALWIRE_NAMESPACE_BEGIN

/// Where every endpoint path of the Compatibility API starts.
inline constexpr std::string_view api_base = "/api/laml/2010-04-01";

/// One entry of an endpoint's responses: the body an HTTP status carries.
template <int Status, class Model>
struct status_response {
    static constexpr int status = Status;
    using model = Model;
};

/// Specialized by the generated header for each endpoint's request type E:
///   id, summary      the spec's operationId and summary (`retrieve_a_call`, `Retrieve a Call`)
///   method           `GET`
///   path             the path template relative to api_base (`/Accounts/{AccountSid}/Calls/{Sid}`)
///   scopes           the API token scopes the request needs (`Voice`)
///   response         the model of the success body (`Call`)
///   responses        std::tuple of status_response<Status, Model>, one per status the spec lists
///   path_params, query_params   the parameters (see request.hpp)
template <class E>
struct endpoint_traits;

/// True for the request types the schema generates (those with endpoint_traits).
template <class E, class = void>
struct is_endpoint : std::false_type {};
template <class E>
struct is_endpoint<E, std::void_t<decltype(endpoint_traits<E>::method)>> : std::true_type {};
template <class E>
inline constexpr bool is_endpoint_v = is_endpoint<E>::value;

SIGNALWIRE_NAMESPACE_END

#endif
