// Compile-time probe (see bench/report.py): the one TU of separate compilation, which
// compiles decode and encode of every model once for the program.
#include <signalwire/src.hpp>

#include <signalwire/call.hpp>
