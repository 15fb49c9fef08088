// signalwire/stream.hpp - decoding a list page one element at a time.
//
// A page of 1000 calls decoded whole is 1000 live Calls (some 30,000 strings). decode_each
// hands the elements of the page's array to a callback one by one, decoded into one
// reused object, so that memory stays flat and the strings' capacity is reused:
//
//   auto page = signalwire::decode_each<signalwire::CallList>(body, [&](signalwire::Call& call) {
//       store(call);            // or std::move parts of it out
//       return true;            // false stops the decode here (a void callback never stops)
//   });
//   if (!page) log(page.error().to_string());        // /calls/731/status: ...
//   else if (auto next = signalwire::next_page(*page)) fetch(*next);
//
// The page's other members (uri, page, page_size, next_page_uri, ..., unknown members)
// are returned with the array left empty. Element errors carry the pointers of the
// whole-page decode (`/calls/731/status`), lenient and strict mode apply alike, and an
// element is handed over only once it decoded whole. When the callback stops the decode,
// the page holds the members read before the stop and nothing after it is checked.
//
// Never throws for bad input; compiles with -fno-exceptions.
#ifndef SIGNALWIRE_STREAM_HPP
#define SIGNALWIRE_STREAM_HPP

#include <signalwire/version.hpp>

#include <signalwire/codec.hpp>
#include <signalwire/decode_options.hpp>
#include <signalwire/error.hpp>
#include <signalwire/model.hpp>

#include <memory>
#include <string_view>
#include <type_traits>

SIGNALWIRE_NAMESPACE_BEGIN

/// The element type of a list page's array (`Call` for `CallList`).
template <class List>
using page_item_t = typename detail::page_items<List>::type;

/// Decodes the list page `json`, calling `on_item(Item&)` once per element of its array
/// member with one reused `Item`. A callback returning bool stops the decode on false.
template <class List, class F>
decode_result<List> decode_each(std::string_view json, F&& on_item, const decode_options& options = {}) {
    static_assert(is_model_v<List>, "decode_each takes a struct generated from the schema");
    static_assert(detail::page_items<List>::is_page,
                  "decode_each takes a list page: a struct with exactly one array-of-objects member");
    using item = page_item_t<List>;
    using callback = std::remove_reference_t<F>;
    static_assert(std::is_invocable_v<callback&, item&>, "the callback takes the page's element type (Item& or const Item&)");
    const auto thunk = [](void* context, item& element) -> bool {
        callback& f = *static_cast<callback*>(context);
        if constexpr (std::is_void_v<std::invoke_result_t<callback&, item&>>) {
            f(element);
            return true;
        } else {
            return static_cast<bool>(f(element));
        }
    };
    void* context = const_cast<void*>(static_cast<const void*>(std::addressof(on_item)));
    return detail::page_codec<List>::each(json, +thunk, context, options);
}

SIGNALWIRE_NAMESPACE_END

#endif
