// Number semantics of the decoder, apart from its event handling: the double a JSON
// number literal stands for.
#ifndef SIGNALWIRE_DETAIL_NUMBER_HPP
#define SIGNALWIRE_DETAIL_NUMBER_HPP

#include <signalwire/version.hpp>

#include <charconv>
#include <limits>
#include <string_view>
#include <system_error>

SIGNALWIRE_NAMESPACE_BEGIN
namespace detail {

/// The double nearest the literal. Boost.JSON 1.81's own conversion can be one bit off
/// (1.0488888888888889e98 comes back as ...888e98), which would break round trips;
/// std::from_chars rounds correctly. A literal no double holds (1e400, 1e-400) gives
/// an infinity, which the fields reject as out of range.
/// `parsed` (the parser's value) is kept for text that is no JSON number: "inf" and
/// "nan" from a DOM (see replay.hpp).
inline double correctly_rounded(std::string_view text, double parsed) noexcept {
    double d = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), d);
    if (r.ec == std::errc::result_out_of_range) return std::numeric_limits<double>::infinity();
    if (r.ec != std::errc() || r.ptr != text.data() + text.size()) return parsed;
    return d;
}

}  // namespace detail
SIGNALWIRE_NAMESPACE_END

#endif
