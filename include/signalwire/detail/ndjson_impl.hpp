// The line splitting of <signalwire/ndjson.hpp>: lines of a byte source, each at most
// a given length, read in chunks into one buffer that never holds more than the
// longest allowed line and a chunk.
#ifndef SIGNALWIRE_DETAIL_NDJSON_IMPL_HPP
#define SIGNALWIRE_DETAIL_NDJSON_IMPL_HPP

#include <signalwire/version.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

SIGNALWIRE_NAMESPACE_BEGIN
namespace detail {

/// Splits a byte source into lines ('\n' ends a line; a '\r' before it is dropped; the
/// last line needs no '\n'). A line longer than `max_line` bytes is never buffered: the
/// splitter reads past it to its end, counting, and reports its length.
class line_splitter {
public:
    using source = std::function<std::size_t(char*, std::size_t)>;
    enum class step : unsigned char { line, too_long, end };

    /// Bytes asked of the source at a time.
    static constexpr std::size_t chunk_size = std::size_t(1) << 16;

    line_splitter(source src, std::size_t max_line) : source_(std::move(src)), max_line_(max_line) {}

    /// The next line: `line` (valid until the next call) for step::line; its length in
    /// bytes (without '\r\n') in `too_long_size` for step::too_long; step::end after the last.
    step next(std::string_view& line, std::uint64_t& too_long_size) {
        begin_ = next_begin_;
        if (begin_ == end_ && eof_) return step::end;
        ++line_number_;
        for (;;) {
            const char* data = buffer_.data();
            if (const void* nl = scanned_ < end_ ? std::memchr(data + scanned_, '\n', end_ - scanned_) : nullptr) {
                const auto stop = static_cast<std::size_t>(static_cast<const char*>(nl) - data);
                next_begin_ = scanned_ = stop + 1;
                return finish(std::string_view(data + begin_, stop - begin_), line, too_long_size);
            }
            scanned_ = end_;
            if (eof_) {
                next_begin_ = end_;
                return finish(std::string_view(data + begin_, end_ - begin_), line, too_long_size);
            }
            // Longer than a line can be, even with its '\r': skip the rest of it unread.
            if (const std::size_t partial = end_ - begin_; partial > max_line_ && partial - max_line_ > 1) {
                too_long_size = skip_rest_of_line(partial);
                return step::too_long;
            }
            fill();
        }
    }

    /// The 1-based number of the line last returned (blank lines count).
    std::size_t line_number() const noexcept { return line_number_; }
    /// Bytes read from the source so far.
    std::uint64_t bytes_read() const noexcept { return bytes_read_; }

private:
    step finish(std::string_view text, std::string_view& line, std::uint64_t& too_long_size) const {
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        if (text.size() > max_line_) {
            too_long_size = text.size();
            return step::too_long;
        }
        line = text;
        return step::line;
    }

    /// Moves the unfinished line to the front of the buffer and reads a chunk after it.
    void fill() {
        if (begin_ > 0) {
            std::memmove(&buffer_[0], buffer_.data() + begin_, end_ - begin_);
            end_ -= begin_;
            scanned_ -= begin_;
            begin_ = next_begin_ = 0;
        }
        if (buffer_.size() - end_ < chunk_size) buffer_.resize(std::max(buffer_.size() * 2, end_ + chunk_size));
        const std::size_t n = source_(&buffer_[end_], chunk_size);
        if (n == 0) eof_ = true;
        end_ += std::min(n, chunk_size);
        bytes_read_ += std::min(n, chunk_size);
    }

    /// Drops the buffered `seen` bytes of an over-long line and reads on to its '\n';
    /// returns the line's length without '\r\n'. Memory stays one chunk.
    std::uint64_t skip_rest_of_line(std::size_t seen) {
        std::uint64_t length = seen;
        bool last_was_cr = buffer_[end_ - 1] == '\r';
        for (;;) {
            begin_ = next_begin_ = scanned_ = end_ = 0;
            if (eof_) return length - (last_was_cr ? 1 : 0);
            fill();
            if (const void* nl = std::memchr(buffer_.data(), '\n', end_)) {
                const auto stop = static_cast<std::size_t>(static_cast<const char*>(nl) - buffer_.data());
                length += stop;
                if (stop > 0) last_was_cr = buffer_[stop - 1] == '\r';
                next_begin_ = scanned_ = stop + 1;
                return length - (last_was_cr ? 1 : 0);
            }
            length += end_;
            if (end_ > 0) last_was_cr = buffer_[end_ - 1] == '\r';
        }
    }

    source source_;
    std::size_t max_line_;
    std::string buffer_;
    std::size_t begin_ = 0;       // of the current line
    std::size_t next_begin_ = 0;  // of the line after it
    std::size_t scanned_ = 0;     // no '\n' in [begin_, scanned_)
    std::size_t end_ = 0;         // of the bytes read
    bool eof_ = false;
    std::size_t line_number_ = 0;
    std::uint64_t bytes_read_ = 0;
};

/// True for a line of JSON whitespace only (a line 1 holding only a byte order mark
/// too, when `bom_is_blank`).
inline bool blank_line(std::string_view line, bool bom_is_blank) noexcept {
    if (bom_is_blank && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

/// `line of N bytes is larger than max_size (M bytes)`, as decode words a document's.
inline std::string line_too_long_message(std::uint64_t size, std::size_t max_size) {
    return "line of " + std::to_string(size) + " bytes is larger than max_size (" + std::to_string(max_size) +
           " bytes)";
}

}  // namespace detail
SIGNALWIRE_NAMESPACE_END

#endif
