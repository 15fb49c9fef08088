// signalwire-call: reading an input file (or standard input), bounded.
#pragma once

#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <string>

namespace signalwire_call {

/// Reads all of `path` (standard input for `-`) into `out`, at most `limit` bytes.
/// On failure returns false with `reason` set (`No such file or directory`).
inline bool read_input(const std::string& path, std::size_t limit, std::string& out, std::string& reason) {
    const bool from_stdin = path == "-";
    errno = 0;
    std::FILE* file = from_stdin ? stdin : std::fopen(path.c_str(), "rb");
    if (!file) {
        reason = std::strerror(errno);
        return false;
    }
    char buffer[1 << 16];
    std::size_t n = 0;
    while (out.size() <= limit && (n = std::fread(buffer, 1, sizeof buffer, file)) > 0) out.append(buffer, n);
    const bool read_error = std::ferror(file) != 0;
    const int read_errno = errno;
    if (!from_stdin) std::fclose(file);
    if (read_error) {
        reason = read_errno != 0 ? std::strerror(read_errno) : "read error";
        return false;
    }
    if (out.size() > limit) {
        reason = "larger than " + std::to_string(limit) + " bytes";
        return false;
    }
    return true;
}

}  // namespace signalwire_call
