// signalwire/ndjson.hpp - NDJSON (newline-delimited JSON, one model per line): a reader
// that decodes each line into one reused model, and a writer.
//
//   std::ifstream in("calls.ndjson", std::ios::binary);
//   signalwire::ndjson::reader<signalwire::Call> calls(in);
//   while (calls.next()) use(calls.value());                 // the same Call, refilled
//   if (calls.failed()) log(calls.error().to_string());       // line 12: /price: invalid decimal ...
//
//   std::string out;
//   signalwire::ndjson::append_line(out, call);               // encode(call) + '\n'
//
// Reading: a line ends at '\n'; a '\r' before it is dropped (CRLF files), the last line
// needs no '\n', and blank lines (JSON whitespace only) are skipped but counted, so line
// numbers are those an editor shows. Each other line is decoded with decode_into, with
// the rules and errors of decode<T>: a byte order mark at the start of line 1 (a file's
// BOM) is skipped in lenient mode and an error in strict mode. read_options::decode's
// max_size bounds each line, and with it the reader's memory: a longer line is never
// buffered (it is read past, counted, and reported as `line 7: (root): line of N bytes
// is larger than max_size (M bytes)`). Errors are `line N: ` + decode_error::to_string().
//
// A bad line stops the read (next() returns false, failed() is true), or, with
// keep_going, is passed to read_options::on_skip, counted in skipped(), and the read goes
// on. Never throws on bad input; compiles with -fno-exceptions.
#ifndef SIGNALWIRE_NDJSON_HPP
#define SIGNALWIRE_NDJSON_HPP

#include <signalwire/version.hpp>

#include <signalwire/codec.hpp>
#include <signalwire/decode_options.hpp>
#include <signalwire/detail/json_writer.hpp>
#include <signalwire/detail/ndjson_impl.hpp>
#include <signalwire/detail/object_codec.hpp>
#include <signalwire/error.hpp>
#include <signalwire/model.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

SIGNALWIRE_NAMESPACE_BEGIN
namespace ndjson {

/// A line that did not decode, and where: `line 12: /price: invalid decimal ...`.
struct line_error {
    std::size_t line = 0;  ///< 1-based, blank lines counted
    decode_error error;

    std::string to_string() const { return "line " + std::to_string(line) + ": " + error.to_string(); }
    friend bool operator==(const line_error& a, const line_error& b) { return a.line == b.line && a.error == b.error; }
    friend bool operator!=(const line_error& a, const line_error& b) { return !(a == b); }
    friend std::ostream& operator<<(std::ostream& os, const line_error& e) { return os << e.to_string(); }
};

struct read_options {
    /// How each line is decoded (strict or lenient, max_depth), as decode<T> decodes a
    /// document; max_size is the longest line accepted, '\r\n' not counted.
    decode_options decode{};
    /// Skip a bad line (counted in skipped(), passed to on_skip) and go on, instead of
    /// stopping at it.
    bool keep_going = false;
    /// With keep_going: called with each bad line's error before it is skipped.
    std::function<void(const line_error&)> on_skip{};
};

/// Where a reader gets its bytes: fills at most `size` bytes at `buffer` and returns how
/// many; 0 means the end of the input.
using byte_source = std::function<std::size_t(char* buffer, std::size_t size)>;

/// Decodes NDJSON of T (a generated struct) line by line into one reused T.
template <class T>
class reader {
public:
    /// Reads `in` (open it in binary mode) until its end or a read error; check
    /// `in.bad()` afterwards to tell them apart.
    explicit reader(std::istream& in, read_options options = {})
        : reader(byte_source([&in](char* buffer, std::size_t size) -> std::size_t {
                     in.read(buffer, static_cast<std::streamsize>(size));
                     return static_cast<std::size_t>(in.gcount());
                 }),
                 std::move(options)) {}

    explicit reader(byte_source source, read_options options = {})
        : options_(std::move(options)), lines_(std::move(source), options_.decode.max_size) {
        static_assert(is_model_v<T>, "ndjson::reader<T> takes a struct generated from the schema");
    }

    /// Decodes the next non-blank line into value() and returns true; false at the end
    /// of the input, or at a bad line when not keep_going (then failed() and error()).
    bool next() {
        if (failed_) return false;
        for (;;) {
            std::string_view line;
            std::uint64_t too_long_size = 0;
            switch (lines_.next(line, too_long_size)) {
                case detail::line_splitter::step::end: return false;
                case detail::line_splitter::step::too_long:
                    if (!bad_line(decode_error{"", detail::line_too_long_message(too_long_size, options_.decode.max_size)}))
                        return false;
                    continue;
                case detail::line_splitter::step::line: break;
            }
            if (detail::blank_line(line, lines_.line_number() == 1 && !options_.decode.strict)) continue;
            auto decoded = decode_into(value_, line, options_.decode);
            if (decoded) {
                ++items_;
                return true;
            }
            if (!bad_line(std::move(decoded.error()))) return false;
        }
    }

    /// The model decoded from the line next() last returned true for.
    T& value() noexcept { return value_; }
    const T& value() const noexcept { return value_; }

    /// The number of the line last read (1-based, blank lines counted).
    std::size_t line() const noexcept { return lines_.line_number(); }
    /// Lines decoded so far.
    std::size_t items() const noexcept { return items_; }
    /// Bad lines skipped so far (keep_going).
    std::size_t skipped() const noexcept { return skipped_; }
    /// Bytes read from the input so far.
    std::uint64_t bytes_read() const noexcept { return lines_.bytes_read(); }

    /// True once a bad line stopped the read (never with keep_going).
    bool failed() const noexcept { return failed_; }
    const line_error& error() const noexcept { return error_; }

private:
    /// Reports a bad line; true to go on to the next line.
    bool bad_line(decode_error e) {
        line_error error{lines_.line_number(), std::move(e)};
        if (!options_.keep_going) {
            error_ = std::move(error);
            failed_ = true;
            return false;
        }
        ++skipped_;
        if (options_.on_skip) options_.on_skip(error);
        return true;
    }

    read_options options_;
    detail::line_splitter lines_;
    T value_{};
    std::size_t items_ = 0;
    std::size_t skipped_ = 0;
    bool failed_ = false;
    line_error error_;
};

/// Appends `model` as one NDJSON line to `out`: its compact JSON (encode's, in which a
/// newline can only appear escaped) and '\n'. Into an empty string (cleared, its
/// capacity kept) it encodes in place; after other text, through a temporary string
/// (the encoder grows its output by doubling from the string's size).
template <class T>
void append_line(std::string& out, const T& model) {
    static_assert(is_model_v<T>, "ndjson::append_line takes a struct generated from the schema");
    if (!out.empty()) {
        std::string line;
        append_line(line, model);
        out.append(line);
        return;
    }
    detail::json_buffer buffer(out);
    detail::encode_object(buffer, model);
    buffer.put('\n');
    buffer.finish();
}

/// Writes `model` as one NDJSON line to `os`.
template <class T>
std::ostream& write_line(std::ostream& os, const T& model) {
    std::string line;
    append_line(line, model);
    return os.write(line.data(), static_cast<std::streamsize>(line.size()));
}

}  // namespace ndjson
SIGNALWIRE_NAMESPACE_END

#endif
