// Compiled by deprecated_check.py with strict warnings as errors: a consumer of a
// schema with deprecated members and enumerators (tests/schema/types.yaml) that does
// not name them decodes, compares, copies and encodes every model without a warning.
// Prints what it decodes and encodes, which deprecated_check.py compares exactly.
#include <schema_types.hpp>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace {

template <class T>
std::string round_trip(const std::string& json) {
    auto r = signalwire::decode<T>(json);
    if (!r) return "error: " + r.error().to_string();
    T copy = *r;              // the implicit copy constructor
    T moved = std::move(copy);  // and move constructor
    T assigned;
    assigned = moved;         // and copy assignment
    if (!(assigned == *r) || assigned != *r) return "error: not equal to its copy";
    if (!signalwire::decode_into(assigned, json)) return "error: decode_into failed";
    return signalwire::encode(assigned);
}

}  // namespace

int main() {
    // Every model, built and destroyed the ways generic code does.
    signalwire::TypesLegacy a;
    signalwire::TypesLegacy b{};
    signalwire::TypesLegacy c = signalwire::TypesLegacy();
    std::vector<signalwire::TypesLegacy> v(2);
    v.emplace_back();
    a.name = "n";
    std::printf("%d %zu\n", static_cast<int>(a == b || b == c), v.size());

    // The enum's own tables name deprecated enumerators; a consumer iterating them does not.
    std::string names;
    for (const auto& n : signalwire::enum_traits<signalwire::TypesColor>::names) (names += " ").append(n.wire);
    std::printf("colors:%s\n", names.c_str());
    const auto grey = signalwire::open_enum<signalwire::TypesColor>::from_wire("grey");
    std::printf("grey known: %d\n", static_cast<int>(grey.is_known()));

    std::printf("%s\n", round_trip<signalwire::TypesLegacy>(
                            R"({"name":"n","old_name":"o","legacy":3,"color":"blue"})").c_str());
    std::printf("%s\n", round_trip<signalwire::TypesLegacy>(R"({"name":"n","legacy":-1,"color":null})").c_str());
    std::printf("%s\n", round_trip<signalwire::TypesLegacy>(R"({"name":"n"})").c_str());
    std::printf("%s\n", round_trip<signalwire::TypesSample>(
                            R"({"tags":["a"],"colors":["grey","red"],"items":[{"label":"x"}]})").c_str());
    return 0;
}
