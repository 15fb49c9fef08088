// Writes the synthetic List Calls page of N calls (bench::page_json, the same calls as
// the benchmarks' 1000-call page) to FILE. The build runs it to make the 20,000-call
// page that bench/report.py measures `signalwire-call check` on.
//
//   write_page N FILE
#include "inputs.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: write_page N FILE\n");
        return 2;
    }
    const unsigned long n = std::strtoul(argv[1], nullptr, 10);
    if (n == 0 || n > 1000000) {
        std::fprintf(stderr, "write_page: N must be 1..1000000\n");
        return 2;
    }
    const std::string page = bench::page_json(static_cast<unsigned>(n));
    std::FILE* out = std::fopen(argv[2], "wb");
    bool ok = out && std::fwrite(page.data(), 1, page.size(), out) == page.size();
    if (out && std::fclose(out) != 0) ok = false;
    if (!ok) {
        std::fprintf(stderr, "write_page: cannot write %s\n", argv[2]);
        return 1;
    }
    return 0;
}
