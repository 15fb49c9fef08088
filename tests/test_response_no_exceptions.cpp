// decode_response and for_each_page with exceptions and RTTI off (-fno-exceptions
// -fno-rtti) and the strict warning set: the templates instantiate and every result is
// reported as a value. A plain program, not doctest (which needs exceptions); exit 0 when
// every check holds.
#include <signalwire/paging.hpp>
#include <signalwire/response.hpp>

#include <signalwire/call.hpp>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <tuple>

#if defined(BOOST_NO_EXCEPTIONS)
namespace boost {
BOOST_NORETURN void throw_exception(const std::exception& e) {
    std::fprintf(stderr, "throw_exception: %s\n", e.what());
    std::abort();
}
BOOST_NORETURN void throw_exception(const std::exception& e, const boost::source_location&) {
    std::fprintf(stderr, "throw_exception: %s\n", e.what());
    std::abort();
}
}  // namespace boost
#endif

namespace {
struct Retrieve {};
}  // namespace

SIGNALWIRE_NAMESPACE_BEGIN
template <>
struct endpoint_traits<Retrieve> {
    static constexpr std::string_view id = "retrieve_a_call";
    static constexpr std::string_view method = "GET";
    using response = Call;
    using responses = std::tuple<status_response<200, Call>, status_response<404, ErrorResponse>>;
};
SIGNALWIRE_NAMESPACE_END

namespace {

int failures = 0;

void check(bool ok, const std::string& what) {
    if (!ok) {
        std::fprintf(stderr, "FAILED: %s\n", what.c_str());
        ++failures;
    }
}

const std::string page =
    R"({"uri":"/p0","first_page_uri":"/p0","next_page_uri":"/p1","previous_page_uri":null,"page":0,"page_size":0,"calls":[]})";

}  // namespace

int main() {
    using namespace signalwire;
    const auto unlisted = decode_response<Retrieve>(502, "<html>");
    check(unlisted.to_string() ==
              R"(HTTP 502: a status retrieve_a_call does not list (it lists 200, 404); body of 6 bytes: "<html>")",
          unlisted.to_string());
    const auto error = decode_response<Retrieve>(404, R"({"code":20404,"message":"not found","status":404})");
    check(error.if_api_error() && error.if_api_error()->code == 20404, error.to_string());
    check(error.to_string() == "HTTP 404: API error: 20404 not found (status 404)", error.to_string());
    const auto bad = decode_response<Retrieve>(200, "{");
    check(bad.to_string() == "HTTP 200: cannot decode the body as Call: (root): invalid JSON at offset 1: unexpected end of input",
          bad.to_string());

    std::size_t pages = 0;
    const paging_result r = for_each_page<CallList>(
        "/p0",
        [](std::string_view target) -> std::optional<std::string> {
            if (target == "/p0") return page;
            return std::nullopt;
        },
        [&](CallList&) { ++pages; });
    check(r.to_string() == R"(page 2 ("/p1"): the fetch function returned no body)", r.to_string());
    check(pages == 1, "one page");
    check(next_page(decode<CallList>(page).value()) == std::string("/p1"), "next_page");
    return failures == 0 ? 0 : 1;
}
