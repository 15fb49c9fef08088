// With -fno-exceptions, Boost (and so these headers) report what would have been thrown
// through boost::throw_exception, which the program defines: here it prints and aborts.
#include <boost/assert/source_location.hpp>

#include <cstdio>
#include <cstdlib>
#include <exception>

namespace boost {

[[noreturn]] void throw_exception(const std::exception& e) {
    std::fprintf(stderr, "fatal: %s\n", e.what());
    std::abort();
}

[[noreturn]] void throw_exception(const std::exception& e, const boost::source_location& where) {
    std::fprintf(stderr, "fatal: %s (%s:%u)\n", e.what(), where.file_name(), static_cast<unsigned>(where.line()));
    std::abort();
}

}  // namespace boost
