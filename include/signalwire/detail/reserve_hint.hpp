// The decoder's reserve heuristic for arrays of the schema, apart from its event
// handling. Vector growth moves every element (a Call is over a kilobyte) and frees
// large blocks; so once the first key of element 1 shows how many bytes element 0 took,
// the array reserves for as many elements as the rest of the document could hold.
#ifndef SIGNALWIRE_DETAIL_RESERVE_HINT_HPP
#define SIGNALWIRE_DETAIL_RESERVE_HINT_HPP

#include <signalwire/version.hpp>

#include <algorithm>
#include <cstddef>

SIGNALWIRE_NAMESPACE_BEGIN
namespace detail {

/// How many elements to reserve for at element `index`, when element 0 took
/// `first_element_bytes` and `remaining_bytes` of the document are left. The estimate
/// divides by at least 1 KiB per element, so a small first element cannot make it
/// reserve more than about the document's size.
constexpr std::size_t element_count_estimate(std::size_t index, std::size_t first_element_bytes,
                                             std::size_t remaining_bytes) noexcept {
    const std::size_t per_element = std::max<std::size_t>(first_element_bytes, 1024);
    return index + remaining_bytes / per_element + 1;
}

}  // namespace detail
SIGNALWIRE_NAMESPACE_END

#endif
