// Compiled by deprecated_check.py with -Werror=deprecated-declarations: it must fail,
// with one diagnostic for each use below (and none in the generated header).
#include <schema_types.hpp>

int main() {
    signalwire::TypesLegacy m;
    const bool has_old = m.old_name.has_value();                    // a member with a reason
    const int legacy = m.legacy;                                     // a member without one
    const auto blue = signalwire::TypesColor::blue;                  // an enumerator with a reason
    const auto grey = signalwire::TypesColor::grey;                  // an enumerator without one
    return (has_old ? 1 : 0) + legacy + static_cast<int>(blue) + static_cast<int>(grey);
}
