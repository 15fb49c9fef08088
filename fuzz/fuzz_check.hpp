// Shared by the fuzz targets: report a violated property with the input that caused
// it, then abort() so that libFuzzer records the input as a crash artifact.
#ifndef SIGNALWIRE_FUZZ_CHECK_HPP
#define SIGNALWIRE_FUZZ_CHECK_HPP

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace fuzz {

/// `bytes` as a C string literal body: printable ASCII as is, the rest as \xNN.
inline std::string escaped(std::string_view bytes, std::size_t limit = 4096) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < bytes.size() && i < limit; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == '\\' || c == '"') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c >= 0x20 && c < 0x7f) {
            out += static_cast<char>(c);
        } else {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
    }
    if (bytes.size() > limit) out += "...(" + std::to_string(bytes.size()) + " bytes)";
    return out;
}

/// Aborts with `what` and the labelled details when `ok` is false.
template <class... Details>
void check(bool ok, const char* what, std::string_view input, const Details&... details) {
    if (ok) return;
    std::fprintf(stderr, "\n==== PROPERTY VIOLATED: %s\n  input (%zu bytes): \"%s\"\n", what, input.size(),
                 escaped(input).c_str());
    [[maybe_unused]] auto print = [](std::string_view label_and_value) {  // unused when there are no details
        std::fprintf(stderr, "  %s\n", escaped(label_and_value).c_str());
    };
    (print(details), ...);
    std::fflush(stderr);
    std::abort();
}

}  // namespace fuzz

#endif
