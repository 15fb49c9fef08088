// Boost.JSON header-only: its sources compiled into this program (no -lboost_json), as
// boost/json/src.hpp allows, in exactly one TU.
#include <boost/json/src.hpp>
