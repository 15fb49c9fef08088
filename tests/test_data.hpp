// Test helpers: reading files from the repository's test data directory, tests/data
// (meson gives its absolute path in the SIGNALWIRE_TEST_DATA variable), and listing a
// directory of them.
#ifndef SIGNALWIRE_TESTS_TEST_DATA_HPP
#define SIGNALWIRE_TESTS_TEST_DATA_HPP

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace test_support {

/// The test data directory, tests/data; a test that needs it fails (never skips)
/// without it.
inline std::filesystem::path data_dir() {
    const char* dir = std::getenv("SIGNALWIRE_TEST_DATA");
    if (!dir || !std::filesystem::is_directory(dir))
        throw std::runtime_error("SIGNALWIRE_TEST_DATA must name the tests/data directory (meson test sets it)");
    return dir;
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// The regular files below `dir` whose name ends with `suffix`, sorted.
inline std::vector<std::filesystem::path> files_below(const std::filesystem::path& dir, const std::string& suffix) {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        if (e.is_regular_file() && name.size() >= suffix.size() &&
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
            out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace test_support

#endif
