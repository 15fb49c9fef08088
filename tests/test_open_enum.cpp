#include <signalwire/open_enum.hpp>  // first: the header compiles on its own

#include <doctest/doctest.h>

#include <sstream>

namespace {
enum class color { red, light_blue };
}  // namespace

template <>
struct signalwire::enum_traits<color> {
    static constexpr std::string_view type_name = "Color";
    static constexpr enum_name<color> names[] = {{color::red, "red"}, {color::light_blue, "light-blue"}};
};

using signalwire::open_enum;

TEST_CASE("enum_traits names the enum") { CHECK(signalwire::enum_traits<color>::type_name == "Color"); }

TEST_CASE("to_string and from_string use the wire names") {
    CHECK(signalwire::to_string(color::light_blue) == "light-blue");
    CHECK(signalwire::from_string<color>("light-blue") == color::light_blue);
    CHECK(signalwire::from_string<color>("light_blue") == std::nullopt);  // the C++ name is not a wire name
    CHECK(signalwire::from_string<color>("Red") == std::nullopt);         // wire names are case-sensitive
    static_assert(signalwire::to_string(color::red) == "red", "usable in constant expressions");
}

TEST_CASE("open_enum holds a known value") {
    open_enum<color> e = color::light_blue;
    CHECK(e.is_known());
    CHECK(e.known() == color::light_blue);
    CHECK(e.wire_name() == "light-blue");
    CHECK(e == color::light_blue);
    CHECK(e != color::red);
    CHECK(open_enum<color>() == color::red);  // default: the first enumerator
}

TEST_CASE("open_enum keeps an unknown wire value") {
    auto e = open_enum<color>::from_wire("ultraviolet");
    CHECK_FALSE(e.is_known());
    CHECK(e.known() == std::nullopt);
    CHECK(e.wire_name() == "ultraviolet");
    CHECK(e != color::red);
    CHECK(e == open_enum<color>::from_wire("ultraviolet"));
    CHECK(e != open_enum<color>::from_wire("infrared"));
    CHECK(open_enum<color>::from_wire("red") == color::red);
    std::ostringstream os;
    os << e;
    CHECK(os.str() == "ultraviolet");
}

TEST_CASE("an empty wire value is unknown, not the first enumerator") {
    auto e = open_enum<color>::from_wire("");
    CHECK_FALSE(e.is_known());
    CHECK(e.wire_name().empty());
    CHECK(e != open_enum<color>());
}
