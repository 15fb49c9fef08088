// The program's one separately compiled TU: decode and encode of every Call model are
// compiled here, once (README, "Compiled once"). src.hpp first, then the schema headers.
#include <signalwire/src.hpp>

#include <signalwire/call.hpp>
