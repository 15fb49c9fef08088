// Paging: next_page / previous_page take the list's URIs verbatim, and for_each_page
// follows them through a fetch function (here a map of target to body, standing in for
// a transport) over the list fixtures and over multi-page sets built from a fixture,
// down to the last page, with early stop, loop refusal, max_pages and decode errors,
// each with its exact message. Member names come from object_traits<CallList>.
#include <signalwire/paging.hpp>  // first: the header compiles on its own

#include <signalwire/call.hpp>

#include "model_helpers.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

using namespace signalwire;
using test_support::data_dir;
using test_support::decoded;
using test_support::read_file;

namespace {

/// The wire name of a member of a model, from its object_traits.
template <class S, class M>
std::string wire_name(M S::*member) {
    std::string out;
    std::apply(
        [&](const auto&... f) {
            const auto one = [&](const auto& fld) {
                if constexpr (std::is_same_v<decltype(fld.member), M S::*>)
                    if (fld.member == member) out = std::string(fld.name);
            };
            (one(f), ...);
        },
        object_traits<S>::fields);
    return out;  // empty when the member is not a schema field (checked in the first test case)
}

const std::string next_key = wire_name(&CallList::next_page_uri);
const std::string previous_key = wire_name(&CallList::previous_page_uri);
const std::string uri_key = wire_name(&CallList::uri);
const std::string page_key = wire_name(&CallList::page);
const std::string calls_key = wire_name(&CallList::calls);
const std::string duration_key = wire_name(&Call::duration);

std::string fixture(const char* name) { return read_file(data_dir() / "fixtures" / name); }

const std::string base = "/api/laml/2010-04-01/Accounts/XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX/Calls";
std::string target_of(int page) {
    return base + "?Page=" + std::to_string(page) + "&PageSize=2&PageToken=PA" + std::to_string(page * 1111);
}

/// A server of `count` pages built from the recorded-style page (two calls each): page i
/// is at target_of(i), its uri is that target, next_page_uri chains to page i + 1 and is
/// null on the last page.
struct fake_server {
    std::map<std::string, std::string, std::less<>> pages;
    std::vector<std::string> fetched;

    explicit fake_server(int count) {
        const boost::json::value first = boost::json::parse(read_file(data_dir() / "bodies" / "signalwire-page-initiated.json"));
        for (int i = 0; i < count; ++i) {
            boost::json::value v = first;
            auto& o = v.as_object();
            o[uri_key] = target_of(i);
            o[page_key] = i;
            o[next_key] = i + 1 < count ? boost::json::value(target_of(i + 1)) : boost::json::value(nullptr);
            o[previous_key] = i > 0 ? boost::json::value(target_of(i - 1)) : boost::json::value(nullptr);
            pages[target_of(i)] = boost::json::serialize(v);
        }
    }
    /// Edits page i's JSON.
    template <class F>
    void edit(int i, F f) {
        boost::json::value v = boost::json::parse(pages.at(target_of(i)));
        f(v.as_object());
        pages[target_of(i)] = boost::json::serialize(v);
    }
    /// The fetch function: the body, or nothing for a target it does not have.
    auto fetch() {
        return [this](std::string_view target) -> std::optional<std::string> {
            fetched.emplace_back(target);
            const auto it = pages.find(target);
            if (it == pages.end()) return std::nullopt;
            return it->second;
        };
    }
};

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

}  // namespace

TEST_CASE("next_page and previous_page: the URIs verbatim, nothing at either end") {
    for (const std::string* key : {&next_key, &previous_key, &uri_key, &page_key, &calls_key, &duration_key})
        REQUIRE_FALSE(key->empty());
    const CallList only = decoded<CallList>(fixture("signalwire/calls-list-2019.json"));
    CHECK_FALSE(next_page(only));
    CHECK_FALSE(previous_page(only));

    const std::string recorded = read_file(data_dir() / "bodies" / "signalwire-page-initiated.json");
    const CallList first = decoded<CallList>(recorded);
    // Verbatim: exactly the bytes the server sent (`\u0026` unescaped by JSON only).
    CHECK(next_page(first) ==
          "/api/laml/2010-04-01/Accounts/XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX/Calls?Page=1&PageSize=2&PageToken=PA9c1d2e");
    CHECK(next_page(first) == first.next_page_uri);
    CHECK_FALSE(previous_page(first));

    const CallList twilio = decoded<CallList>(fixture("twilio/calls-page-2022.json"));
    CHECK_FALSE(next_page(twilio));
    CHECK(previous_page(twilio) == twilio.previous_page_uri);
    CHECK(previous_page(twilio)->find("From=%2B987654321&") != std::string::npos);  // not decoded, not rebuilt
    CHECK(previous_page(twilio)->find("&PageToken=PBCAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") != std::string::npos);

    // Null, absent and empty all mean there is no such page.
    CallList page = first;
    page.next_page_uri = std::nullopt;
    CHECK_FALSE(next_page(page));
    page.next_page_uri = "";
    CHECK_FALSE(next_page(page));
    page.previous_page_uri = std::string("/p?x=1 2");
    CHECK(previous_page(page) == "/p?x=1 2");
    boost::json::value without = boost::json::parse(recorded);
    without.as_object().erase(next_key);
    CHECK_FALSE(next_page(decoded<CallList>(boost::json::serialize(without))));
}

TEST_CASE("for_each_page over each list fixture: one page, the last") {
    for (const char* name : {"signalwire/calls-list-2019.json", "twilio/calls-list-2019.json", "twilio/calls-page-2022.json"}) {
        CAPTURE(name);
        const std::string json = fixture(name);
        std::size_t calls = 0;
        std::vector<std::string> targets;
        const paging_result r = for_each_page<CallList>(
            "/first",
            [&](std::string_view target) {
                targets.emplace_back(target);
                return json;  // a plain std::string: the body
            },
            [&](CallList& page) { calls += page.calls.size(); });
        CHECK(r.ok());
        CHECK(r.stop == paging_stop::last_page);
        CHECK(r.pages == 1);
        CHECK(r.page == 1);
        CHECK(r.target == "/first");
        CHECK_FALSE(r.error);
        CHECK(r.to_string() == "1 page, to the last page");
        CHECK(targets == std::vector<std::string>{"/first"});
        CHECK(calls == decoded<CallList>(json).calls.size());
    }
}

TEST_CASE("for_each_page follows next_page_uri down to the last page") {
    fake_server server(5);
    std::vector<std::int32_t> numbers;
    std::vector<std::size_t> counted;
    std::size_t calls = 0;
    const paging_result r = for_each_page<CallList>(target_of(0), server.fetch(), [&](CallList& page, std::size_t n) {
        numbers.push_back(page.page);
        counted.push_back(n);
        calls += page.calls.size();
    });
    CHECK(r);
    CHECK(r.stop == paging_stop::last_page);
    CHECK(r.pages == 5);
    CHECK(r.page == 5);
    CHECK(r.target == target_of(4));
    CHECK(r.to_string() == "5 pages, to the last page");
    CHECK(numbers == std::vector<std::int32_t>{0, 1, 2, 3, 4});
    CHECK(counted == std::vector<std::size_t>{1, 2, 3, 4, 5});
    CHECK(calls == 10);
    CHECK(server.fetched == std::vector<std::string>{target_of(0), target_of(1), target_of(2), target_of(3), target_of(4)});
    // The callback may move from the page: the next target was taken before.
    std::vector<Call> all;
    fake_server again(3);
    CHECK(for_each_page<CallList>(target_of(0), again.fetch(), [&](CallList& page) {
              for (Call& c : page.calls) all.push_back(std::move(c));
              page = CallList{};
          }).to_string() == "3 pages, to the last page");
    CHECK(all.size() == 6);
}

TEST_CASE("for_each_page stops when the callback says so") {
    fake_server server(5);
    const paging_result r = for_each_page<CallList>(target_of(0), server.fetch(), [](CallList& page) { return page.page < 1; });
    CHECK(r.ok());
    CHECK(r.stop == paging_stop::callback);
    CHECK(r.pages == 2);
    CHECK(r.page == 2);
    CHECK(r.target == target_of(1));
    CHECK(r.to_string() == "2 pages, stopped by the callback");
    CHECK(server.fetched.size() == 2);
    // On the first page.
    CHECK(for_each_page<CallList>(target_of(0), server.fetch(), [](CallList&, std::size_t) { return false; }).to_string() ==
          "1 page, stopped by the callback");
}

TEST_CASE("for_each_page refuses a next_page_uri it has already followed") {
    fake_server server(5);
    server.edit(2, [](boost::json::object& o) { o[next_key] = target_of(1); });
    std::size_t pages = 0;
    const paging_result r = for_each_page<CallList>(target_of(0), server.fetch(), [&](CallList&) { ++pages; });
    CHECK_FALSE(r.ok());
    CHECK(r.stop == paging_stop::loop);
    CHECK(r.pages == 3);
    CHECK(pages == 3);
    CHECK(r.page == 4);
    CHECK(r.target == target_of(1));
    CHECK(server.fetched.size() == 3);  // the repeat is not fetched
    CHECK(r.to_string() == "page 4 (" + quoted(target_of(1)) + "): next_page_uri repeats a page already fetched");

    // A page that names itself.
    fake_server self(2);
    self.edit(0, [](boost::json::object& o) { o[next_key] = target_of(0); });
    CHECK(for_each_page<CallList>(target_of(0), self.fetch(), [](CallList&) {}).to_string() ==
          "page 2 (" + quoted(target_of(0)) + "): next_page_uri repeats a page already fetched");

    // A page already read under another target: its `uri` counts as visited too.
    fake_server other(3);
    const std::string first_target = base + ".json?PageSize=2";
    other.pages[first_target] = other.pages.at(target_of(0));
    other.edit(1, [](boost::json::object& o) { o[next_key] = target_of(0); });
    const paging_result by_uri = for_each_page<CallList>(first_target, other.fetch(), [](CallList&) {});
    CHECK(by_uri.stop == paging_stop::loop);
    CHECK(by_uri.to_string() == "page 3 (" + quoted(target_of(0)) + "): next_page_uri repeats a page already fetched");
}

TEST_CASE("for_each_page stops after max_pages") {
    fake_server server(5);
    paging_options options;
    options.max_pages = 3;
    const paging_result r = for_each_page<CallList>(target_of(0), server.fetch(), [](CallList&) {}, options);
    CHECK_FALSE(r);
    CHECK(r.stop == paging_stop::max_pages);
    CHECK(r.pages == 3);
    CHECK(r.page == 4);
    CHECK(r.target == target_of(3));
    CHECK(server.fetched.size() == 3);
    CHECK(r.to_string() == "page 4 (" + quoted(target_of(3)) + "): not fetched: max_pages (3) reached");
    // Exactly as many pages as allowed: the last page is reached.
    options.max_pages = 5;
    CHECK(for_each_page<CallList>(target_of(0), server.fetch(), [](CallList&) {}, options).to_string() ==
          "5 pages, to the last page");
    // None allowed.
    options.max_pages = 0;
    CHECK(for_each_page<CallList>(target_of(0), server.fetch(), [](CallList&) {}, options).to_string() ==
          "page 1 (" + quoted(target_of(0)) + "): not fetched: max_pages (0) reached");
}

TEST_CASE("for_each_page reports a decode error with the page, its target and the pointer") {
    fake_server server(5);
    server.edit(2, [](boost::json::object& o) { o[calls_key].as_array()[1].as_object()[duration_key] = "x"; });
    std::vector<std::int32_t> read;
    const paging_result r = for_each_page<CallList>(target_of(0), server.fetch(), [&](CallList& p) { read.push_back(p.page); });
    CHECK_FALSE(r.ok());
    CHECK(r.stop == paging_stop::decode_error);
    CHECK(r.pages == 2);
    CHECK(r.page == 3);
    CHECK(r.target == target_of(2));
    CHECK(read == std::vector<std::int32_t>{0, 1});
    REQUIRE(r.error);
    CHECK(r.error->pointer == "/" + calls_key + "/1/" + duration_key);
    CHECK(r.to_string() ==
          "page 3 (" + quoted(target_of(2)) + "): /calls/1/duration: expected integer or null, got string \"x\"");

    // An API error body in place of page 2: decode says what it is.
    fake_server error(3);
    error.pages[target_of(1)] = read_file(data_dir() / "bodies" / "error-404.json");
    CHECK(for_each_page<CallList>(target_of(0), error.fetch(), [](CallList&) {}).to_string() ==
          "page 2 (" + quoted(target_of(1)) +
              "): (root): the body is an API error response: 20404 The requested resource "
              "/2010-04-01/Accounts/b3877c40-da60-4998-90ad-b792e98472af/Calls/unknown.json was not found (status 404)");

    // The decode options apply to every page.
    fake_server strict(2);
    strict.edit(1, [](boost::json::object& o) { o["extra"] = 1; });
    paging_options options;
    options.decode.strict = true;
    CHECK(for_each_page<CallList>(target_of(0), strict.fetch(), [](CallList&) {}, options).to_string() ==
          "page 2 (" + quoted(target_of(1)) + "): /extra: unknown member (strict mode accepts only schema members)");
}

TEST_CASE("for_each_page: a failed fetch and an empty target") {
    fake_server server(3);
    server.pages.erase(target_of(1));
    const paging_result r = for_each_page<CallList>(target_of(0), server.fetch(), [](CallList&) {});
    CHECK(r.stop == paging_stop::fetch_failed);
    CHECK(r.pages == 1);
    CHECK(r.page == 2);
    CHECK(r.to_string() == "page 2 (" + quoted(target_of(1)) + "): the fetch function returned no body");

    const paging_result empty = for_each_page<CallList>("", server.fetch(), [](CallList&) {});
    CHECK(empty.stop == paging_stop::empty_target);
    CHECK(empty.to_string() == "page 1: the target is empty");
    CHECK(server.fetched.size() == 2);  // nothing fetched for it

    // A target from the server is quoted escaped and cut.
    fake_server hostile(2);
    hostile.edit(0, [](boost::json::object& o) { o[next_key] = "/x\n\"" + std::string(300, 'y'); });
    CHECK(for_each_page<CallList>(target_of(0), hostile.fetch(), [](CallList&) {}).to_string() ==
          "page 2 (\"/x\\n\\\"" + std::string(196, 'y') + "...\"): the fetch function returned no body");
}
