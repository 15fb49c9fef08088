// Enums whose wire names come from the schema, and `open_enum`, which also holds
// values the schema does not know (real servers send `outbound-api` before any
// document lists it), so that decoding never loses them and encoding sends them back.
#ifndef SIGNALWIRE_OPEN_ENUM_HPP
#define SIGNALWIRE_OPEN_ENUM_HPP

#include <signalwire/version.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

SIGNALWIRE_NAMESPACE_BEGIN

/// One enumerator and its wire name.
template <class E>
struct enum_name {
    E value;
    std::string_view wire;
};

/// Specialized by the generated header for each schema enum:
/// `type_name` (the schema name) and `names`, a constexpr array of `enum_name<E>`.
template <class E>
struct enum_traits;

/// The wire name of `v` (`CallStatus::in_progress` -> `in-progress`); empty for a value
/// outside the enum (only reachable by casting an integer).
template <class E>
constexpr std::string_view to_string(E v) noexcept {
    for (const auto& n : enum_traits<E>::names)
        if (n.value == v) return n.wire;
    return {};
}

/// Looks up a wire name, exactly (case-sensitive, as servers send them).
template <class E>
constexpr std::optional<E> from_string(std::string_view wire) noexcept {
    for (const auto& n : enum_traits<E>::names)
        if (n.wire == wire) return n.value;
    return std::nullopt;
}

/// A schema enum value, or a wire string the schema does not know.
template <class E>
class open_enum {
public:
    /// The first enumerator, so that a default-constructed model is valid to encode.
    constexpr open_enum() noexcept : value_(enum_traits<E>::names[0].value) {}
    constexpr open_enum(E v) noexcept : value_(v) {}  // NOLINT: implicit, `c.status = CallStatus::busy`

    /// Known enumerator when `wire` is one, otherwise an unknown value keeping `wire`.
    static open_enum from_wire(std::string_view wire) {
        if (auto v = from_string<E>(wire)) return open_enum(*v);
        open_enum e;
        e.known_ = false;
        e.unknown_.assign(wire.data(), wire.size());
        return e;
    }

    constexpr bool is_known() const noexcept { return known_; }
    /// The enumerator, or nullopt for an unknown value.
    constexpr std::optional<E> known() const noexcept { return known_ ? std::optional<E>(value_) : std::nullopt; }
    /// The wire name, known or not: what encoding writes.
    std::string_view wire_name() const noexcept { return known_ ? to_string(value_) : std::string_view(unknown_); }

    friend bool operator==(const open_enum& a, const open_enum& b) noexcept {
        return a.known_ == b.known_ && (a.known_ ? a.value_ == b.value_ : a.unknown_ == b.unknown_);
    }
    friend bool operator!=(const open_enum& a, const open_enum& b) noexcept { return !(a == b); }
    friend bool operator==(const open_enum& a, E b) noexcept { return a.known_ && a.value_ == b; }
    friend bool operator==(E a, const open_enum& b) noexcept { return b == a; }
    friend bool operator!=(const open_enum& a, E b) noexcept { return !(a == b); }
    friend bool operator!=(E a, const open_enum& b) noexcept { return !(b == a); }
    friend std::ostream& operator<<(std::ostream& os, const open_enum& e) { return os << e.wire_name(); }

private:
    E value_;
    bool known_ = true;
    std::string unknown_;  // the wire string when !known_
};

SIGNALWIRE_NAMESPACE_END

#endif
