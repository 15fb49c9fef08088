// The "decode's own" baseline for the CLI's memory: reads FILE into a std::string the
// way examples/signalwire-call does (fopen, 64 KiB fread chunks appended, at most the
// default decode_options::max_size), decodes it once as a signalwire::CallList with the
// default options, and prints the number of calls. bench/report.py runs it and
// `signalwire-call check FILE` under GNU time and compares their peak RSS.
//
//   decode_file FILE     exit status 0 when FILE decodes, 1 otherwise
#include <signalwire/call.hpp>

#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <string>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: decode_file FILE\n");
        return 2;
    }
    const signalwire::decode_options options;
    std::FILE* file = std::fopen(argv[1], "rb");
    if (!file) {
        std::fprintf(stderr, "decode_file: %s: %s\n", argv[1], std::strerror(errno));
        return 1;
    }
    std::string json;
    char buffer[1 << 16];
    std::size_t n = 0;
    while (json.size() <= options.max_size && (n = std::fread(buffer, 1, sizeof buffer, file)) > 0) json.append(buffer, n);
    const bool read_error = std::ferror(file) != 0;
    std::fclose(file);
    if (read_error || json.size() > options.max_size) {
        std::fprintf(stderr, "decode_file: %s: cannot read\n", argv[1]);
        return 1;
    }
    const auto decoded = signalwire::decode<signalwire::CallList>(json, options);
    if (!decoded) {
        std::fprintf(stderr, "decode_file: %s: %s\n", argv[1], decoded.error().to_string().c_str());
        return 1;
    }
    std::printf("%zu\n", decoded->calls.size());
    return 0;
}
