// Writes the benchmarks' synthetic calls (bench::call_json, the calls of the 1000-call
// page: each with its own sid, dates, price, status, direction and numbers) to FILE:
//
//   write_page N FILE            a List Calls page of N calls (bench::page_json). The
//                                build runs it to make the 20,000-call page that
//                                bench/report.py measures `signalwire-call check` on.
//   write_page --ndjson N FILE   NDJSON: the N calls, one per line, written as they are
//                                made. bench/report.py runs it to make the 1,000- and
//                                100,000-call inputs (~1.5 and ~150 MB) of the
//                                `signalwire-call export` rows.
#include "inputs.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

int main(int argc, char** argv) {
    const bool ndjson = argc == 4 && std::strcmp(argv[1], "--ndjson") == 0;
    if (argc != 3 && !ndjson) {
        std::fprintf(stderr, "usage: write_page [--ndjson] N FILE\n");
        return 2;
    }
    const char* count = argv[argc - 2];
    const char* path = argv[argc - 1];
    const unsigned long n = std::strtoul(count, nullptr, 10);
    if (n == 0 || n > 1000000) {
        std::fprintf(stderr, "write_page: N must be 1..1000000\n");
        return 2;
    }
    std::FILE* out = std::fopen(path, "wb");
    bool ok = out != nullptr;
    if (ok && ndjson) {
        for (unsigned i = 0; ok && i < n; ++i) {
            std::string line = bench::call_json(i);
            line += '\n';
            ok = std::fwrite(line.data(), 1, line.size(), out) == line.size();
        }
    } else if (ok) {
        const std::string page = bench::page_json(static_cast<unsigned>(n));
        ok = std::fwrite(page.data(), 1, page.size(), out) == page.size();
    }
    if (out && std::fclose(out) != 0) ok = false;
    if (!ok) {
        std::fprintf(stderr, "write_page: cannot write %s\n", path);
        return 1;
    }
    return 0;
}
