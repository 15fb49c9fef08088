// decode_response<E>: a response decoded by its HTTP status, for every status an
// endpoint lists and for the ones it does not, with real-shaped bodies (tests/data) and
// the exact messages. The endpoints here are test-local request types whose
// endpoint_traits list what the spec lists for Retrieve a Call and List Calls, with the
// real models; the statuses and model names are read from the traits.
#include <signalwire/response.hpp>  // first: the header compiles on its own

#include <signalwire/call.hpp>

#include "model_helpers.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace {

// What decode_response reads of the traits: id, response, responses (and method, which
// makes a type an endpoint).
struct FakeRetrieve {};
struct FakeList {};

}  // namespace

SIGNALWIRE_NAMESPACE_BEGIN
template <>
struct endpoint_traits<FakeRetrieve> {
    static constexpr std::string_view id = "retrieve_a_call";
    static constexpr std::string_view method = "GET";
    using response = Call;
    using responses = std::tuple<status_response<200, Call>, status_response<400, ErrorResponse>,
                                 status_response<401, ErrorResponse>, status_response<404, ErrorResponse>>;
};
template <>
struct endpoint_traits<FakeList> {
    static constexpr std::string_view id = "list_all_calls";
    static constexpr std::string_view method = "GET";
    using response = CallList;
    using responses = std::tuple<status_response<200, CallList>, status_response<400, ErrorResponse>,
                                 status_response<401, ErrorResponse>, status_response<422, ErrorResponse>>;
};
SIGNALWIRE_NAMESPACE_END

using namespace signalwire;
using test_support::data_dir;
using test_support::decoded;
using test_support::read_file;

namespace {

std::string body(const char* name) { return read_file(data_dir() / "bodies" / name); }
std::string fixture(const char* name) { return read_file(data_dir() / "fixtures" / name); }

template <class E>
std::string_view endpoint_id() { return endpoint_traits<E>::id; }

/// The statuses E lists, in its order, and which of them are 2xx.
template <class E>
std::vector<int> listed_statuses() {
    using responses = typename endpoint_traits<E>::responses;
    return std::apply([](auto... entry) { return std::vector<int>{decltype(entry)::status...}; }, responses{});
}
template <class E>
std::vector<int> error_statuses() {
    std::vector<int> out;
    for (int s : listed_statuses<E>())
        if (s < 200 || s > 299) out.push_back(s);
    return out;
}
template <class E>
int success_status() {
    for (int s : listed_statuses<E>())
        if (s >= 200 && s <= 299) return s;
    return 0;
}
/// "200, 400, 401, 404": the list as unlisted_status writes it.
template <class E>
std::string listed_text() {
    std::string out;
    for (int s : listed_statuses<E>()) out += (out.empty() ? "" : ", ") + std::to_string(s);
    return out;
}
/// The model E's table names for `status` (its type_name).
template <class E>
std::string_view model_for(int status) {
    using responses = typename endpoint_traits<E>::responses;
    std::string_view out;
    std::apply(
        [&](auto... entry) {
            ((decltype(entry)::status == status ? void(out = object_traits<typename decltype(entry)::model>::type_name)
                                                : void()),
             ...);
        },
        responses{});
    return out;
}

std::string http(int status) { return "HTTP " + std::to_string(status); }

const std::string not_found_text =
    "20404 The requested resource /2010-04-01/Accounts/b3877c40-da60-4998-90ad-b792e98472af/Calls/unknown.json "
    "was not found (status 404)";

// An nginx 502 page, as a proxy in front of an API sends it.
const std::string bad_gateway =
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n"
    "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

}  // namespace

TEST_CASE("the traits: the success model and the error models of each endpoint") {
    using retrieve = decoded_response<FakeRetrieve>;
    static_assert(std::is_same_v<retrieve::success_type, Call>);
    // The error statuses' model first, then Call's api_errors, each once.
    static_assert(std::is_same_v<retrieve::error_models, std::tuple<ErrorResponse, ErrorArrayResponse>>);
    static_assert(std::is_same_v<retrieve::api_error_type, api_error<ErrorResponse, ErrorArrayResponse>>);
    static_assert(std::is_same_v<decoded_response<FakeList>::success_type, CallList>);
    static_assert(std::variant_size_v<retrieve::variant> == 4);
    CHECK(listed_text<FakeRetrieve>() == "200, 400, 401, 404");
    CHECK(listed_text<FakeList>() == "200, 400, 401, 422");
}

TEST_CASE("success: the listed 2xx status with the model's body") {
    for (const char* name : {"signalwire/call-fetch-2019.json", "twilio/call-fetch-2010.json", "twilio/call-fetch-2022.json"}) {
        CAPTURE(name);
        const std::string json = fixture(name);
        const int status = success_status<FakeRetrieve>();
        auto r = decode_response<FakeRetrieve>(status, json);
        REQUIRE(r.kind() == response_kind::success);
        CHECK(r);
        CHECK(r.has_success());
        CHECK(r.http_status() == status);
        REQUIRE(r.if_success());
        CHECK(*r.if_success() == decoded<Call>(json));
        CHECK_FALSE(r.if_api_error());
        CHECK_FALSE(r.if_decode_failure());
        CHECK_FALSE(r.if_unlisted_status());
        CHECK(r.to_string() == http(status) + ": Call");
    }
    for (const char* name : {"signalwire/calls-list-2019.json", "twilio/calls-list-2019.json", "twilio/calls-page-2022.json"}) {
        CAPTURE(name);
        const std::string json = fixture(name);
        auto r = decode_response<FakeList>(success_status<FakeList>(), json);
        REQUIRE(r.if_success());
        CHECK(*r.if_success() == decoded<CallList>(json));
        CHECK(r.to_string() == http(success_status<FakeList>()) + ": CallList");
    }
    // Strict decoding applies to the success model.
    auto strict = decode_response<FakeRetrieve>(200, body("queued-create-call.json"), decode_options{true});
    REQUIRE(strict.if_decode_failure());
    CHECK(strict.to_string() ==
          "HTTP 200: cannot decode the body as Call: /trunk_sid: unknown member (strict mode accepts only schema members)");
}

TEST_CASE("api_error: every listed error status, with each form of error body") {
    for (int status : error_statuses<FakeRetrieve>()) {
        CAPTURE(status);
        auto r = decode_response<FakeRetrieve>(status, body("error-404.json"));
        REQUIRE(r.kind() == response_kind::api_error);
        CHECK_FALSE(r);
        const auto* e = r.if_api_error();
        REQUIRE(e);
        CHECK(e->http_status == status);
        CHECK(e->listed);
        CHECK(e->code == 20404);
        CHECK(e->message ==
              "The requested resource /2010-04-01/Accounts/b3877c40-da60-4998-90ad-b792e98472af/Calls/unknown.json was not found");
        CHECK(e->more_info == "https://www.twilio.com/docs/errors/20404");
        REQUIRE(std::holds_alternative<ErrorResponse>(e->body));
        CHECK(std::get<ErrorResponse>(e->body) == decoded<ErrorResponse>(body("error-404.json")));
        CHECK(r.to_string() == http(status) + ": API error: " + not_found_text);
        CHECK(e->to_string() == r.to_string());
    }
    for (int status : error_statuses<FakeList>()) {
        CAPTURE(status);
        auto r = decode_response<FakeList>(status, body("error-401-code-string.json"));
        const auto* e = r.if_api_error();
        REQUIRE(e);
        CHECK(e->code == 20003);
        CHECK(e->message == "Authentication failed");
        CHECK(e->more_info == "https://signalwire.com/docs/compatibility-api/reference/errors");
        CHECK(r.to_string() == http(status) + ": API error: 20003 Authentication failed (status 401)");
        // Error bodies are decoded leniently whatever the options say: a string code is still one.
        CHECK(decode_response<FakeList>(status, body("error-401-code-string.json"), decode_options{true}).to_string() ==
              r.to_string());
    }
}

TEST_CASE("api_error: the errors-array form") {
    auto r = decode_response<FakeList>(error_statuses<FakeList>().back(), body("error-array.json"));
    const auto* e = r.if_api_error();
    REQUIRE(e);
    REQUIRE(std::holds_alternative<ErrorArrayResponse>(e->body));
    CHECK(std::get<ErrorArrayResponse>(e->body).errors.size() == 2);
    // The first error's fields; to_string() lists them all.
    CHECK(e->code == 30010);
    CHECK(e->message == "Maxpriceperminute was exceeded. This call's cost is 0.008 per minute.");
    CHECK(e->more_info == "https://signalwire.com/docs/rest/compatibility-api/error-codes");
    CHECK(r.to_string() ==
          "HTTP 422: API error: 30010 Maxpriceperminute was exceeded. This call's cost is 0.008 per minute.; 21212 The "
          "From phone number is not a valid phone number");
    // No errors at all: still the array form, without fields.
    auto empty = decode_response<FakeList>(400, R"({"errors":[]})");
    REQUIRE(empty.if_api_error());
    CHECK_FALSE(empty.if_api_error()->code);
    CHECK(empty.if_api_error()->message.empty());
    CHECK(empty.to_string() == "HTTP 400: API error: no errors listed");
}

TEST_CASE("api_error on a 2xx status: decode's own words are kept") {
    const std::string json = body("error-404.json");
    auto call = decode<Call>(json);
    REQUIRE_FALSE(call);
    const std::string decode_message = call.error().to_string();
    REQUIRE(decode_message.rfind("(root): ", 0) == 0);
    for (auto [status, text] : {std::pair{success_status<FakeRetrieve>(), decode_response<FakeRetrieve>(200, json).to_string()},
                                std::pair{success_status<FakeList>(), decode_response<FakeList>(200, json).to_string()}}) {
        CHECK(text == http(status) + ": " + decode_message.substr(8));
        CHECK(text == http(status) + ": the body is an API error response: " + not_found_text);
    }
    auto r = decode_response<FakeRetrieve>(200, json);
    REQUIRE(r.if_api_error());
    CHECK(r.if_api_error()->listed);
    CHECK(r.if_api_error()->code == 20404);
}

TEST_CASE("api_error on a status the endpoint does not list") {
    auto r = decode_response<FakeRetrieve>(429, R"({"code":20429,"message":"Too Many Requests","status":429})");
    const auto* e = r.if_api_error();
    REQUIRE(e);
    CHECK_FALSE(e->listed);
    CHECK(e->code == 20429);
    CHECK_FALSE(e->more_info);
    CHECK(r.to_string() == "HTTP 429 (not listed for " + std::string(endpoint_id<FakeRetrieve>()) +
                               "): API error: 20429 Too Many Requests (status 429)");
    CHECK(decode_response<FakeList>(500, body("error-array.json")).to_string() ==
          "HTTP 500 (not listed for list_all_calls): API error: 30010 Maxpriceperminute was exceeded. This call's cost "
          "is 0.008 per minute.; 21212 The From phone number is not a valid phone number");
}

TEST_CASE("decode_failure: a listed status whose body is not its model") {
    // Garbage on a 404: the pointer and decode's message, and the model that was tried.
    auto r = decode_response<FakeRetrieve>(404, bad_gateway);
    REQUIRE(r.kind() == response_kind::decode_failure);
    const auto* f = r.if_decode_failure();
    REQUIRE(f);
    CHECK(f->http_status == 404);
    CHECK(f->model == model_for<FakeRetrieve>(404));
    CHECK(f->error.pointer.empty());
    CHECK(r.to_string() == "HTTP 404: cannot decode the body as ErrorResponse: (root): invalid JSON at offset 0: "
                           "unexpected character '<'");
    // JSON that is not an error body: the listed model's error, with its pointer.
    CHECK(decode_response<FakeRetrieve>(401, R"({"code":20003})").to_string() ==
          "HTTP 401: cannot decode the body as ErrorResponse: /message: missing required member");
    CHECK(decode_response<FakeRetrieve>(400, R"({"code":20003,"message":7})").to_string() ==
          "HTTP 400: cannot decode the body as ErrorResponse: /message: expected string, got number 7");
    CHECK(decode_response<FakeList>(422, "[]").to_string() ==
          "HTTP 422: cannot decode the body as ErrorResponse: (root): expected object, got array");
    // A Call where an error was expected.
    auto call_on_404 = decode_response<FakeRetrieve>(404, fixture("signalwire/call-fetch-2019.json"));
    REQUIRE(call_on_404.if_decode_failure());
    CHECK(call_on_404.if_decode_failure()->error.pointer == "/status");
    CHECK(call_on_404.to_string() ==
          R"(HTTP 404: cannot decode the body as ErrorResponse: /status: expected integer, got string "queued")");
    // A 200 whose Call is malformed: the pointer into the Call.
    std::string bad_call = fixture("signalwire/call-fetch-2019.json");
    bad_call.replace(bad_call.find(R"("duration":0)"), 12, R"("duration":"x")");
    auto bad = decode_response<FakeRetrieve>(200, bad_call);
    REQUIRE(bad.if_decode_failure());
    CHECK(bad.if_decode_failure()->model == "Call");
    CHECK(bad.if_decode_failure()->error.pointer == "/duration");
    CHECK(bad.to_string() == R"(HTTP 200: cannot decode the body as Call: /duration: expected integer or null, got string "x")");
    // In a page, the pointer names the call.
    std::string bad_page = fixture("signalwire/calls-list-2019.json");
    bad_page.replace(bad_page.find(R"("duration":1)"), 12, R"("duration":"x")");
    CHECK(decode_response<FakeList>(200, bad_page).to_string() ==
          R"(HTTP 200: cannot decode the body as CallList: /calls/0/duration: expected integer or null, got string "x")");
    // The limits of the options apply to error bodies too.
    decode_options small;
    small.max_size = 10;
    const std::string not_found = body("error-404.json");
    CHECK(decode_response<FakeRetrieve>(404, not_found, small).to_string() ==
          "HTTP 404: cannot decode the body as ErrorResponse: (root): document of " + std::to_string(not_found.size()) +
              " bytes is larger than max_size (10 bytes)");
}

TEST_CASE("an empty body") {
    for (int status : listed_statuses<FakeRetrieve>()) {
        CAPTURE(status);
        auto r = decode_response<FakeRetrieve>(status, "");
        const auto* f = r.if_decode_failure();
        REQUIRE(f);
        CHECK(f->error == decode_error{"", "empty body"});
        CHECK(r.to_string() == http(status) + ": cannot decode the body as " + std::string(model_for<FakeRetrieve>(status)) +
                                   ": (root): empty body");
    }
    CHECK(decode_response<FakeRetrieve>(200, "").to_string() == "HTTP 200: cannot decode the body as Call: (root): empty body");
    CHECK(decode_response<FakeRetrieve>(204, "").to_string() ==
          "HTTP 204: a status retrieve_a_call does not list (it lists 200, 400, 401, 404); empty body");
    // Whitespace is a body: decode says where it ends.
    CHECK(decode_response<FakeRetrieve>(404, " \n").to_string() ==
          "HTTP 404: cannot decode the body as ErrorResponse: (root): invalid JSON at offset 2: unexpected end of input");
}

TEST_CASE("unlisted_status: a 502 with an HTML body says so and shows its start") {
    auto r = decode_response<FakeRetrieve>(502, bad_gateway);
    REQUIRE(r.kind() == response_kind::unlisted_status);
    const auto* u = r.if_unlisted_status();
    REQUIRE(u);
    CHECK(u->http_status == 502);
    CHECK(u->endpoint == endpoint_id<FakeRetrieve>());
    CHECK(u->listed_statuses == listed_statuses<FakeRetrieve>());
    CHECK(u->body_size == bad_gateway.size());
    CHECK(r.to_string() ==
          "HTTP 502: a status retrieve_a_call does not list (it lists " + listed_text<FakeRetrieve>() +
              "); body of 150 bytes: \"<html>\\r\\n<head><title>502 Bad Gateway</title></head>\\r\\n<body>\\r\\n<center>"
              "<h1>502 Bad Gateway</h1></center>\\r\\n<hr><center>nginx</center>\\r\\n</body>\\r\\n</html>\\r\\n\"");
    CHECK(r.to_string() == u->to_string());
    // A long body is cut, never inside a UTF-8 sequence; control characters and quotes are escaped.
    const std::string long_body = std::string(199, 'x') + "\xC3\xA9\"\x1b" + std::string(1000, 'y');
    CHECK(decode_response<FakeList>(503, long_body).to_string() ==
          "HTTP 503: a status list_all_calls does not list (it lists 200, 400, 401, 422); body of 1203 bytes: \"" +
              std::string(199, 'x') + "...\"");
    CHECK(decode_response<FakeList>(500, "\xC3\xA9\"\x1b").to_string() ==
          "HTTP 500: a status list_all_calls does not list (it lists 200, 400, 401, 422); body of 4 bytes: "
          "\"\xC3\xA9\\\"\\u001b\"");
    // A Call on an unlisted 2xx, and odd statuses: unlisted too.
    CHECK(decode_response<FakeRetrieve>(201, fixture("signalwire/call-fetch-2019.json")).kind() == response_kind::unlisted_status);
    CHECK(decode_response<FakeRetrieve>(0, "x").to_string() ==
          "HTTP 0: a status retrieve_a_call does not list (it lists 200, 400, 401, 404); body of 1 bytes: \"x\"");
    CHECK(decode_response<FakeRetrieve>(-1, "").kind() == response_kind::unlisted_status);
}

TEST_CASE("switch and visit") {
    auto describe = [](const decoded_response<FakeRetrieve>& r) -> std::string {
        switch (r.kind()) {
            case response_kind::success: return "call " + r.if_success()->sid;
            case response_kind::api_error: return "error " + std::to_string(*r.if_api_error()->code);
            case response_kind::decode_failure: return "bad body at " + r.if_decode_failure()->error.pointer;
            case response_kind::unlisted_status: return "unlisted " + std::to_string(r.if_unlisted_status()->http_status);
        }
        return {};
    };
    CHECK(describe(decode_response<FakeRetrieve>(200, fixture("signalwire/call-fetch-2019.json"))) ==
          "call 82e7850d-054e-4067-8c4f-6568acd96575");
    CHECK(describe(decode_response<FakeRetrieve>(404, body("error-404.json"))) == "error 20404");
    CHECK(describe(decode_response<FakeRetrieve>(401, R"({"code":1})")) == "bad body at /message");
    CHECK(describe(decode_response<FakeRetrieve>(502, bad_gateway)) == "unlisted 502");

    struct visitor {
        std::string operator()(const Call& c) const { return c.sid; }
        std::string operator()(const decoded_response<FakeRetrieve>::api_error_type& e) const { return e.message; }
        std::string operator()(const body_decode_error& e) const { return std::string(e.model); }
        std::string operator()(const unlisted_status& u) const { return std::to_string(u.body_size); }
    };
    CHECK(decode_response<FakeRetrieve>(200, fixture("signalwire/call-fetch-2019.json")).visit(visitor{}) ==
          "82e7850d-054e-4067-8c4f-6568acd96575");
    CHECK(decode_response<FakeRetrieve>(401, body("error-401-code-string.json")).visit(visitor{}) == "Authentication failed");
    CHECK(decode_response<FakeRetrieve>(404, "x").visit(visitor{}) == "ErrorResponse");
    CHECK(std::visit(visitor{}, decode_response<FakeRetrieve>(502, bad_gateway).value()) == "150");
    // The model can be moved out.
    auto r = decode_response<FakeRetrieve>(200, fixture("signalwire/call-fetch-2019.json"));
    Call call = std::get<Call>(std::move(r).value());
    CHECK(call.sid == "82e7850d-054e-4067-8c4f-6568acd96575");
}

// ---- the generated endpoints (schema `endpoints:`), and the test-local ones alike ------

namespace {

/// A body of endpoint E's success model, from the fixtures.
template <class E>
std::string success_body() {
    using success = typename endpoint_traits<E>::response;
    static_assert(std::is_same_v<success, Call> || std::is_same_v<success, CallList>);
    return fixture(std::is_same_v<success, Call> ? "signalwire/call-fetch-2019.json" : "signalwire/calls-list-2019.json");
}

/// A status between 100 and 599 that E does not list.
template <class E>
int an_unlisted_status() {
    const std::vector<int> listed = listed_statuses<E>();
    for (int s : {502, 503, 500, 418, 204, 302})
        if (std::find(listed.begin(), listed.end(), s) == listed.end()) return s;
    return 0;
}

}  // namespace

TEST_CASE_TEMPLATE("every status an endpoint lists, and one it does not, read from its traits", E, RetrieveCall, ListCalls,
                   FakeRetrieve, FakeList) {
    using traits = endpoint_traits<E>;
    using success = typename traits::response;
    static_assert(is_endpoint_v<E>);
    static_assert(std::is_same_v<typename decoded_response<E>::success_type, success>);
    const std::string id(traits::id);
    const std::vector<int> listed = listed_statuses<E>();
    REQUIRE(success_status<E>() != 0);
    REQUIRE_FALSE(error_statuses<E>().empty());
    for (int status : listed) {
        CAPTURE(status);
        const std::string model(model_for<E>(status));
        if (status >= 200 && status <= 299) {
            auto r = decode_response<E>(status, success_body<E>());
            REQUIRE(r.if_success());
            CHECK(*r.if_success() == decoded<success>(success_body<E>()));
            CHECK(r.to_string() == http(status) + ": " + model);
            // The API error body on a success status.
            CHECK(decode_response<E>(status, body("error-404.json")).to_string() ==
                  http(status) + ": the body is an API error response: " + not_found_text);
        } else {
            auto r = decode_response<E>(status, body("error-404.json"));
            REQUIRE(r.if_api_error());
            CHECK(r.if_api_error()->listed);
            CHECK(r.if_api_error()->code == 20404);
            CHECK(r.to_string() == http(status) + ": API error: " + not_found_text);
            CHECK(decode_response<E>(status, body("error-array.json")).if_api_error());
            CHECK(decode_response<E>(status, bad_gateway).to_string() ==
                  http(status) + ": cannot decode the body as " + model + ": (root): invalid JSON at offset 0: unexpected character '<'");
        }
        CHECK(decode_response<E>(status, "").to_string() == http(status) + ": cannot decode the body as " + model + ": (root): empty body");
    }
    const int unlisted = an_unlisted_status<E>();
    REQUIRE(unlisted != 0);
    CHECK(decode_response<E>(unlisted, bad_gateway).to_string() ==
          http(unlisted) + ": a status " + id + " does not list (it lists " + listed_text<E>() +
              "); body of 150 bytes: \"<html>\\r\\n<head><title>502 Bad Gateway</title></head>\\r\\n<body>\\r\\n<center>"
              "<h1>502 Bad Gateway</h1></center>\\r\\n<hr><center>nginx</center>\\r\\n</body>\\r\\n</html>\\r\\n\"");
    CHECK(decode_response<E>(unlisted, body("error-401-code-string.json")).to_string() ==
          http(unlisted) + " (not listed for " + id + "): API error: 20003 Authentication failed (status 401)");
}

TEST_CASE("the generated endpoints list what the spec lists") {
    // The spec's tables (paths./Accounts/{AccountSid}/Calls/{Sid} and .../Calls, `get`).
    CHECK(listed_text<RetrieveCall>() == "200, 400, 401, 404");
    CHECK(listed_text<ListCalls>() == "200, 400, 401, 422");
    static_assert(std::is_same_v<decoded_response<RetrieveCall>::api_error_type, api_error<ErrorResponse, ErrorArrayResponse>>);
    static_assert(std::is_same_v<decoded_response<ListCalls>::success_type, ListCalls::response>);
}
