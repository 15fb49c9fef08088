// signalwire-call: reading an input file (or standard input), bounded.
#pragma once

#include <boost/json/error.hpp>
#include <boost/json/string_view.hpp>
#include <boost/system/error_code.hpp>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

namespace signalwire_call {

/// A basic_parser handler that only looks for a member named `calls` in the top-level
/// object, and stops the parser as soon as it has seen it: it keeps nothing, so telling
/// a page from a Call costs no memory and, on a page, reads only the members before
/// `calls` (the page's small members), not the calls.
class calls_member_finder {
public:
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);

    bool found = false;

    bool on_document_begin(boost::system::error_code&) { return true; }
    bool on_document_end(boost::system::error_code&) { return true; }
    bool on_object_begin(boost::system::error_code&) { return ++depth_, true; }
    bool on_object_end(std::size_t, boost::system::error_code&) { return --depth_, true; }
    bool on_array_begin(boost::system::error_code&) { return ++depth_, true; }
    bool on_array_end(std::size_t, boost::system::error_code&) { return --depth_, true; }
    bool on_key_part(boost::json::string_view s, std::size_t, boost::system::error_code&) {
        if (depth_ == 1 && key_.size() <= 5) key_.append(s.data(), s.size());  // longer is no `calls`
        return true;
    }
    bool on_key(boost::json::string_view s, std::size_t, boost::system::error_code& ec) {
        if (depth_ != 1) return true;
        if (key_.size() <= 5) key_.append(s.data(), s.size());
        found = key_ == "calls";
        key_.clear();
        if (found) ec = boost::json::error::exception;  // stop: the answer is known
        return !found;
    }
    bool on_string_part(boost::json::string_view, std::size_t, boost::system::error_code&) { return true; }
    bool on_string(boost::json::string_view, std::size_t, boost::system::error_code&) { return true; }
    bool on_number_part(boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_int64(std::int64_t, boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_uint64(std::uint64_t, boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_double(double, boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_bool(bool, boost::system::error_code&) { return true; }
    bool on_null(boost::system::error_code&) { return true; }
    bool on_comment_part(boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_comment(boost::json::string_view, boost::system::error_code&) { return true; }

private:
    std::size_t depth_ = 0;
    std::string key_;
};


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
