// signalwire/paging.hpp - following list pages: the target of the next and previous
// page, and a loop over pages that a caller-supplied fetch function returns.
//
// SignalWire's paging documentation says to follow `next_page_uri` and not to build page
// URLs: the URI carries a PageToken the server chose. So the targets here are those URIs
// verbatim: a path and query relative to the host of the space
// (`https://{space}.signalwire.com` + `/api/laml/2010-04-01/Accounts/.../Calls?Page=1&...`),
// not to api_base.
//
// A transport plugs in as the fetch function: it sends `GET <target>` and returns the
// body, or std::nullopt when it could not (the loop then stops with fetch_failed):
//
//   auto result = signalwire::for_each_page<signalwire::CallList>(
//       first_target,
//       [&](std::string_view target) -> std::optional<std::string> {
//           auto response = http.get(host + std::string(target), auth);   // any HTTP client
//           if (response.status != 200) return std::nullopt;               // or return the body: an
//           return std::move(response.body);                               // API error body then fails
//       },                                                                 // decode with its message
//       [&](signalwire::CallList& page) { for (auto& call : page.calls) use(call); });
//   if (!result) log(result.to_string());
//
// Never throws; compiles with -fno-exceptions.
#ifndef SIGNALWIRE_PAGING_HPP
#define SIGNALWIRE_PAGING_HPP

#include <signalwire/version.hpp>

#include <signalwire/codec.hpp>
#include <signalwire/decode_options.hpp>
#include <signalwire/detail/value_codec.hpp>
#include <signalwire/error.hpp>
#include <signalwire/model.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

SIGNALWIRE_NAMESPACE_BEGIN

namespace detail {

inline const std::string* page_uri(const std::string& uri) noexcept { return &uri; }
inline const std::string* page_uri(const std::optional<std::string>& uri) noexcept { return uri ? &*uri : nullptr; }

/// The URI, when there is one: null, absent and "" all mean none.
inline std::optional<std::string> page_target(const std::string* uri) {
    if (!uri || uri->empty()) return std::nullopt;
    return *uri;
}

template <class T, class = void>
struct has_uri_member : std::false_type {};
template <class T>
struct has_uri_member<T, std::void_t<decltype(page_uri(std::declval<const T&>().uri))>> : std::true_type {};

/// How a target is quoted in a message: escaped and cut, as decode quotes input.
inline std::string quoted_target(std::string_view target) { return escaped_preview(target, 200, true); }

}  // namespace detail

/// The request target of the page after `page` (its `next_page_uri`, verbatim), or
/// nothing on the last page (`next_page_uri` null, absent or empty).
template <class List, class = decltype(detail::page_uri(std::declval<const List&>().next_page_uri))>
std::optional<std::string> next_page(const List& page) {
    return detail::page_target(detail::page_uri(page.next_page_uri));
}

/// The request target of the page before `page` (its `previous_page_uri`, verbatim), or
/// nothing on the first page.
template <class List, class = decltype(detail::page_uri(std::declval<const List&>().previous_page_uri))>
std::optional<std::string> previous_page(const List& page) {
    return detail::page_target(detail::page_uri(page.previous_page_uri));
}

struct paging_options {
    /// The most pages fetched. When page max_pages still has a next page, the loop
    /// stops with paging_stop::max_pages instead of fetching it.
    std::size_t max_pages = 1000;
    /// How each page is decoded.
    decode_options decode;
};

/// Why for_each_page stopped.
enum class paging_stop {
    last_page,     ///< a page without next_page_uri: every page was read
    callback,      ///< the page callback returned false
    empty_target,  ///< the first target is empty: nothing fetched
    fetch_failed,  ///< the fetch function returned std::nullopt
    decode_error,  ///< a body did not decode as the list model
    loop,          ///< next_page_uri names a page already fetched (its target or its `uri`)
    max_pages,     ///< max_pages pages read, and the last one has a next page
};

/// What for_each_page did: how many pages it handed to the callback and why it stopped.
struct paging_result {
    paging_stop stop = paging_stop::last_page;
    /// Pages decoded and handed to the callback.
    std::size_t pages = 0;
    /// The page the loop stopped at, counting from 1 in the order fetched: the last page
    /// read (last_page, callback), the page that failed (fetch_failed, decode_error), or the
    /// page not fetched (loop, max_pages, empty_target).
    std::size_t page = 0;
    /// That page's target (for loop and max_pages, the next_page_uri not followed).
    std::string target;
    /// For decode_error: where and why.
    std::optional<signalwire::decode_error> error;

    /// True when the loop ended as asked: at the last page, or by the callback.
    bool ok() const noexcept { return stop == paging_stop::last_page || stop == paging_stop::callback; }
    explicit operator bool() const noexcept { return ok(); }

    /// One line for a log:
    ///   last_page     `3 pages, to the last page`
    ///   callback      `2 pages, stopped by the callback`
    ///   empty_target  `page 1: the target is empty`
    ///   fetch_failed  `page 2 ("/api/...?Page=1"): the fetch function returned no body`
    ///   decode_error  `page 3 ("/api/...?Page=2"): /calls/0/duration: expected integer or null, got string "x"`
    ///   loop          `page 4 ("/api/...?Page=1"): next_page_uri repeats a page already fetched`
    ///   max_pages     `page 5 ("/api/...?Page=4"): not fetched: max_pages (4) reached`
    std::string to_string() const {
        const auto where = [this] { return "page " + std::to_string(page) + " (" + detail::quoted_target(target) + "): "; };
        switch (stop) {
            case paging_stop::last_page:
                return std::to_string(pages) + (pages == 1 ? " page" : " pages") + ", to the last page";
            case paging_stop::callback:
                return std::to_string(pages) + (pages == 1 ? " page" : " pages") + ", stopped by the callback";
            case paging_stop::empty_target: return "page " + std::to_string(page) + ": the target is empty";
            case paging_stop::fetch_failed: return where() + "the fetch function returned no body";
            case paging_stop::decode_error:
                return where() + (error ? error->to_string() : std::string("(root): decode failed"));
            case paging_stop::loop: return where() + "next_page_uri repeats a page already fetched";
            case paging_stop::max_pages: return where() + "not fetched: max_pages (" + std::to_string(pages) + ") reached";
        }
        return "unknown paging_stop";
    }
    friend std::ostream& operator<<(std::ostream& os, const paging_result& r) { return os << r.to_string(); }
};

/// Reads pages of `List` (CallList, or any model with `next_page_uri`) from
/// `first_target` on: fetches each target with `fetch`, decodes the body, hands the page
/// to `on_page`, and follows next_page() until the last page.
///
/// - `fetch(std::string_view target)` returns the body as std::string, or
///   std::optional<std::string> where std::nullopt means the transport failed.
/// - `on_page(List& page)` or `on_page(List& page, std::size_t page_number)` (from 1)
///   returns void, or bool: false stops the loop (paging_stop::callback) after that page.
///   The next target is taken before the call, so the callback may move from the page.
///
/// Bounded: a next_page_uri equal to a target already fetched or to the `uri` of a page
/// already read is refused (paging_stop::loop), and at most options.max_pages pages are
/// fetched. A body that does not decode stops the loop with the page number, its target
/// and decode's error (its JSON Pointer).
template <class List, class Fetch, class OnPage>
paging_result for_each_page(std::string first_target, Fetch&& fetch, OnPage&& on_page, const paging_options& options = {}) {
    static_assert(is_model_v<List>, "for_each_page<List> takes a list model generated from the schema (CallList)");
    using fetched = std::decay_t<std::invoke_result_t<Fetch&, std::string_view>>;
    static_assert(std::is_same_v<fetched, std::string> || std::is_same_v<fetched, std::optional<std::string>>,
                  "the fetch function returns the body: std::string, or std::optional<std::string> (nullopt: failed)");
    constexpr bool with_number = std::is_invocable_v<OnPage&, List&, std::size_t>;
    static_assert(with_number || std::is_invocable_v<OnPage&, List&>,
                  "on_page takes (List&) or (List&, std::size_t page_number)");

    paging_result result;
    result.target = std::move(first_target);
    result.page = 1;
    if (result.target.empty()) {
        result.stop = paging_stop::empty_target;
        return result;
    }
    std::set<std::string, std::less<>> seen;
    while (true) {
        if (result.pages >= options.max_pages) {
            result.stop = paging_stop::max_pages;
            return result;
        }
        std::string body;
        if constexpr (std::is_same_v<fetched, std::string>) {
            body = std::invoke(fetch, std::string_view(result.target));
        } else {
            std::optional<std::string> got = std::invoke(fetch, std::string_view(result.target));
            if (!got) {
                result.stop = paging_stop::fetch_failed;
                return result;
            }
            body = std::move(*got);
        }
        auto decoded = decode<List>(body, options.decode);
        if (!decoded) {
            result.stop = paging_stop::decode_error;
            result.error = std::move(decoded.error());
            return result;
        }
        List& page = *decoded;
        seen.insert(result.target);
        if constexpr (detail::has_uri_member<List>::value)
            if (const std::string* uri = detail::page_uri(page.uri); uri && !uri->empty()) seen.insert(*uri);
        std::optional<std::string> next = next_page(page);
        ++result.pages;
        bool go_on = true;
        if constexpr (with_number) {
            using returned = std::invoke_result_t<OnPage&, List&, std::size_t>;
            if constexpr (std::is_void_v<returned>)
                std::invoke(on_page, page, result.page);
            else
                go_on = static_cast<bool>(std::invoke(on_page, page, result.page));
        } else {
            using returned = std::invoke_result_t<OnPage&, List&>;
            if constexpr (std::is_void_v<returned>)
                std::invoke(on_page, page);
            else
                go_on = static_cast<bool>(std::invoke(on_page, page));
        }
        if (!go_on) {
            result.stop = paging_stop::callback;
            return result;
        }
        if (!next) {
            result.stop = paging_stop::last_page;
            return result;
        }
        ++result.page;
        result.target = std::move(*next);
        if (seen.count(result.target) != 0) {
            result.stop = paging_stop::loop;
            return result;
        }
    }
}

SIGNALWIRE_NAMESPACE_END

#endif
