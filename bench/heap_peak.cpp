// Peak heap while decoding the 1000-call page, against the heap the decoded page keeps.
// Replaces the global operator new/delete with counting ones (sizes from
// malloc_usable_size, so the figures are what the allocator really hands out) and
// prints one JSON object:
//   input_bytes      size of the page's JSON text (allocated before measuring)
//   retained_bytes   heap in use after decode (result alive) minus before
//   peak_bytes       highest heap in use during decode minus before
//   peak_over_retained, allocations (during the decode), sizeof_call
#include "inputs.hpp"

#include <signalwire/call.hpp>

#include <malloc.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>

namespace {

std::size_t g_in_use = 0;
std::size_t g_peak = 0;
std::size_t g_allocations = 0;

void* counted_alloc(std::size_t n) {
    void* p = std::malloc(n ? n : 1);
    if (!p) throw std::bad_alloc();
    g_in_use += malloc_usable_size(p);
    if (g_in_use > g_peak) g_peak = g_in_use;
    ++g_allocations;
    return p;
}

void counted_free(void* p) noexcept {
    if (!p) return;
    g_in_use -= malloc_usable_size(p);
    std::free(p);
}

}  // namespace

void* operator new(std::size_t n) { return counted_alloc(n); }
void* operator new[](std::size_t n) { return counted_alloc(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return counted_alloc(n);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return counted_alloc(n);
    } catch (...) {
        return nullptr;
    }
}
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { counted_free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { counted_free(p); }

int main() {
    const std::string page = bench::page_json(1000);
    {  // warm-up: anything a first decode initializes once is not part of the page's cost
        auto warm = signalwire::decode<signalwire::CallList>(page);
        if (!warm) {
            std::fprintf(stderr, "heap_peak: decode failed: %s\n", warm.error().to_string().c_str());
            return 1;
        }
    }
    const std::size_t before = g_in_use;
    g_peak = before;
    g_allocations = 0;
    auto result = signalwire::decode<signalwire::CallList>(page);
    const std::size_t peak = g_peak - before;
    const std::size_t allocations = g_allocations;
    const std::size_t retained = g_in_use - before;
    if (!result || result->calls.size() != 1000) {
        std::fprintf(stderr, "heap_peak: decode of the page failed\n");
        return 1;
    }
    std::printf(
        "{\"input_bytes\": %zu, \"retained_bytes\": %zu, \"peak_bytes\": %zu, \"peak_over_retained\": %.4f, "
        "\"allocations\": %zu, \"calls\": %zu, \"calls_capacity\": %zu, \"sizeof_call\": %zu}\n",
        page.size(), retained, peak, static_cast<double>(peak) / static_cast<double>(retained), allocations,
        result->calls.size(), result->calls.capacity(), sizeof(signalwire::Call));
    return 0;
}
