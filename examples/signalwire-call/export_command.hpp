// signalwire-call export --format ndjson|csv [--strict] [--keep-going] FILE...: the calls
// of list pages and of NDJSON files, as NDJSON or CSV on standard output, in flat memory.
//
// Each input is looked at before it is read: a JSON object with a `calls` member is a
// list page, read whole (one document; pages hold at most 1000 calls) and streamed with
// signalwire::decode_each into one reused Call; otherwise it is NDJSON of Calls, read in
// 64 KiB chunks by signalwire::ndjson::reader, one line at a time into one reused Call
// (a single Call written over several lines, as the API returns it, is one document).
// Progress goes to stderr only when stderr is a terminal.
#pragma once

#include "input.hpp"

#include <signalwire/call.hpp>
#include <signalwire/codec.hpp>
#include <signalwire/csv.hpp>
#include <signalwire/ndjson.hpp>
#include <signalwire/stream.hpp>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/error.hpp>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace signalwire_call {

inline constexpr std::string_view export_usage_text =
    "usage: signalwire-call export --format ndjson|csv [--strict] [--keep-going] FILE...\n"
    "\n"
    "Writes the calls of each FILE (- for standard input) to standard output, as NDJSON\n"
    "(one compact Call per line) or as CSV (a header row, then one row per call; one column\n"
    "per schema member, nested objects as subresource_uris.recordings, dates in RFC 3339\n"
    "UTC, prices with their exact digits, unknown members as one JSON column).\n"
    "\n"
    "A FILE is a list page (a JSON object with \"calls\": read whole, at most 256 MiB, then\n"
    "decoded one call at a time) or NDJSON of Calls (read a line at a time, memory flat\n"
    "whatever the file's size; blank lines skipped, CRLF accepted).\n"
    "\n"
    "  --format FORMAT  ndjson or csv\n"
    "  --strict         reject unknown members, unknown enum values and numbers sent as strings\n"
    "  --keep-going     report a bad line on stderr (FILE:line N: /pointer: message), skip it,\n"
    "                   and go on; the count of skipped lines is printed at the end\n"
    "\n"
    "Without --keep-going the first error stops the export. Progress (calls, MB, MB/s,\n"
    "elapsed) is shown on stderr when it is a terminal. Exit status: 0 every call exported,\n"
    "1 a file could not be read or had a bad call (skipped or not), 2 usage error.\n";

namespace export_detail {

using clock = std::chrono::steady_clock;

/// A FILE* (or stdin) whose first bytes can be looked at before they are read.
class input {
public:
    input() = default;
    input(const input&) = delete;
    input& operator=(const input&) = delete;
    ~input() {
        if (file_ && file_ != stdin) std::fclose(file_);
    }

    bool open(const std::string& path, std::string& reason) {
        errno = 0;
        file_ = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
        if (!file_) reason = std::strerror(errno);
        return file_ != nullptr;
    }

    /// Reads one more chunk into peeked(); false at the end of the input.
    bool peek_more() {
        char buffer[1 << 16];
        const std::size_t n = std::fread(buffer, 1, sizeof buffer, file_);
        peeked_.append(buffer, n);
        bytes_ += n;
        return n > 0;
    }
    const std::string& peeked() const noexcept { return peeked_; }

    /// The peeked bytes first, then the rest of the file.
    std::size_t read(char* buffer, std::size_t size) {
        if (taken_ < peeked_.size()) {
            const std::size_t n = std::min(size, peeked_.size() - taken_);
            std::memcpy(buffer, peeked_.data() + taken_, n);
            taken_ += n;
            return n;
        }
        const std::size_t n = std::fread(buffer, 1, size, file_);
        bytes_ += n;
        return n;
    }

    /// Reads the whole input into peeked(), at most `limit` bytes.
    bool read_all(std::size_t limit, std::string& reason) {
        while (peeked_.size() <= limit && peek_more()) {
        }
        if (peeked_.size() > limit) {
            reason = "larger than " + std::to_string(limit) + " bytes";
            return false;
        }
        return !failed(reason);
    }

    /// True after a read error, with its reason.
    bool failed(std::string& reason) const {
        if (!std::ferror(file_)) return false;
        reason = errno != 0 ? std::strerror(errno) : "read error";
        return true;
    }
    std::uint64_t bytes() const noexcept { return bytes_; }

private:
    std::FILE* file_ = nullptr;
    std::string peeked_;
    std::size_t taken_ = 0;
    std::uint64_t bytes_ = 0;
};

enum class input_kind { page, document, lines };

/// Reads the start of `in` until it knows: a list page, a single document over several
/// lines, or NDJSON (also what anything else is taken for: the reader reports it).
inline input_kind detect(input& in, const signalwire::decode_options& options) {
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    bool more = true;
    while (more && in.peeked().size() < bom.size()) more = in.peek_more();
    // A byte order mark is skipped in lenient mode, as decode skips it.
    const std::size_t start = !options.strict && std::string_view(in.peeked()).substr(0, 3) == bom ? 3 : 0;
    boost::json::parse_options parse_options;
    parse_options.max_depth = options.max_depth;
    boost::json::basic_parser<calls_member_finder> parser(parse_options);
    std::size_t fed = start;
    for (;;) {
        const std::string& text = in.peeked();
        boost::system::error_code ec;
        fed += parser.write_some(more, text.data() + fed, text.size() - fed, ec);
        if (parser.handler().found) return input_kind::page;
        if (ec) return input_kind::lines;
        if (parser.done()) {
            // The first document is [first, last]: over several lines, it is the whole input.
            const std::size_t first = text.find_first_not_of(" \t\r\n", start);
            const std::size_t last = text.find_last_not_of(" \t\r\n", fed - 1);
            return text.find('\n', first) < last ? input_kind::document : input_kind::lines;
        }
        if (!more) return input_kind::lines;
        more = in.peek_more() && in.peeked().size() <= options.max_size;
    }
}

/// `3.2 MB` style figures for the progress line.
inline double megabytes(std::uint64_t bytes) { return static_cast<double>(bytes) / 1e6; }

/// The progress line on stderr, `\r`-refreshed about 4 times a second, when stderr is a
/// terminal; nothing otherwise.
class progress {
public:
    progress() : shown_(::isatty(2) == 1), start_(clock::now()), last_(start_) {}

    void update(std::uint64_t calls, std::uint64_t bytes) {
        if (!shown_ || (++ticks_ & 63) != 0) return;
        const clock::time_point now = clock::now();
        if (now - last_ < std::chrono::milliseconds(250)) return;
        last_ = now;
        draw(calls, bytes, now);
    }
    /// Before a message on stderr: the progress line is cleared first.
    void clear() {
        if (shown_) std::fputs("\r\x1b[K", stderr);
    }
    void finish(std::uint64_t calls, std::uint64_t bytes) {
        if (!shown_) return;
        draw(calls, bytes, clock::now());
        std::fputc('\n', stderr);
    }

private:
    void draw(std::uint64_t calls, std::uint64_t bytes, clock::time_point now) {
        const double seconds = std::chrono::duration<double>(now - start_).count();
        const double rate = seconds > 0 ? megabytes(bytes) / seconds : 0.0;
        std::fprintf(stderr, "\r%llu calls  %.1f MB  %.1f MB/s  %.1f s\x1b[K", static_cast<unsigned long long>(calls),
                     megabytes(bytes), rate, seconds);
        std::fflush(stderr);
    }

    bool shown_;
    clock::time_point start_, last_;
    unsigned ticks_ = 0;
};

enum class format { ndjson, csv };

/// One export: the output, the counts, and how each input is read.
class exporter {
public:
    exporter(format f, signalwire::decode_options options, bool keep_going)
        : format_(f), options_(options), keep_going_(keep_going) {
        std::setvbuf(stdout, nullptr, _IOFBF, std::size_t(1) << 16);
        if (format_ == format::csv) {
            signalwire::csv::append_header<signalwire::Call>(line_);
            write_line();
        }
    }

    /// Exports one input; false when the export must stop (an error without --keep-going).
    bool run(const std::string& path) {
        input in;
        std::string reason;
        if (!in.open(path, reason)) return fail(path + ": cannot read: " + reason);
        switch (detect(in, options_)) {
            case input_kind::page: return page(path, in);
            case input_kind::document: return document(path, in);
            case input_kind::lines: return lines(path, in);
        }
        return true;
    }

    /// The end of the export: the last progress, the count of skipped lines; the exit status.
    int finish() {
        progress_.finish(calls_, bytes_);
        if (skipped_ > 0)
            std::fprintf(stderr, "skipped %llu bad line%s\n", static_cast<unsigned long long>(skipped_),
                         skipped_ == 1 ? "" : "s");
        if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
            std::fputs("signalwire-call: cannot write to standard output\n", stderr);
            return 1;
        }
        return failed_ || skipped_ > 0 ? 1 : 0;
    }

private:
    bool page(const std::string& path, input& in) {
        std::string reason;
        const std::uint64_t before = bytes_;
        if (!in.read_all(options_.max_size, reason)) return fail(path + ": cannot read: " + reason);
        bytes_ = before + in.bytes();
        const auto result = signalwire::decode_each<signalwire::CallList>(
            in.peeked(), [&](const signalwire::Call& call) { return emit(call); }, options_);
        if (!result && !output_failed()) return fail(path + ": " + result.error().to_string());
        return !output_failed();
    }

    bool document(const std::string& path, input& in) {
        std::string reason;
        const std::uint64_t before = bytes_;
        if (!in.read_all(options_.max_size, reason)) return fail(path + ": cannot read: " + reason);
        bytes_ = before + in.bytes();
        const auto result = signalwire::decode_into(call_, in.peeked(), options_);
        if (!result) return fail(path + ": " + result.error().to_string());
        return emit(call_);
    }

    bool lines(const std::string& path, input& in) {
        signalwire::ndjson::read_options read_options;
        read_options.decode = options_;
        read_options.keep_going = keep_going_;
        read_options.on_skip = [&](const signalwire::ndjson::line_error& e) {
            ++skipped_;
            report(path + ":" + e.to_string());
        };
        signalwire::ndjson::reader<signalwire::Call> reader(
            [&in](char* buffer, std::size_t size) { return in.read(buffer, size); }, std::move(read_options));
        const std::uint64_t before = bytes_;
        while (reader.next()) {
            bytes_ = before + reader.bytes_read();
            if (!emit(reader.value())) return false;
        }
        bytes_ = before + reader.bytes_read();
        std::string reason;
        if (in.failed(reason)) return fail(path + ": cannot read: " + reason);
        if (reader.failed()) return fail(path + ":" + reader.error().to_string());
        return true;
    }

    /// Writes one call; false when standard output failed.
    bool emit(const signalwire::Call& call) {
        line_.clear();
        if (format_ == format::csv) signalwire::csv::append_row(line_, call);
        else signalwire::ndjson::append_line(line_, call);
        ++calls_;
        progress_.update(calls_, bytes_);
        return write_line();
    }

    bool write_line() {
        if (std::fwrite(line_.data(), 1, line_.size(), stdout) != line_.size()) return false;
        return true;
    }
    bool output_failed() const { return std::ferror(stdout) != 0; }

    void report(const std::string& message) {
        progress_.clear();
        std::fprintf(stderr, "%s\n", message.c_str());
    }
    /// Reports an error; false (stop) unless --keep-going.
    bool fail(const std::string& message) {
        report(message);
        failed_ = true;
        return keep_going_;
    }

    format format_;
    signalwire::decode_options options_;
    bool keep_going_;
    progress progress_;
    signalwire::Call call_;
    std::string line_;
    std::uint64_t calls_ = 0, bytes_ = 0, skipped_ = 0;
    bool failed_ = false;
};

}  // namespace export_detail

/// Runs `export ARGS...`: 0 every call exported, 1 an input failed, 2 a usage error.
inline int run_export(const std::vector<std::string>& args) {
    std::string format_name;
    signalwire::decode_options options;
    bool keep_going = false;
    bool options_done = false;
    std::vector<std::string> files;
    const auto usage = [](const std::string& message) {
        std::cerr << "signalwire-call: " << message << "\n\n" << export_usage_text;
        return 2;
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (options_done || arg == "-" || arg.empty() || arg[0] != '-') files.push_back(arg);
        else if (arg == "--") options_done = true;
        else if (arg == "--help" || arg == "-h") {
            std::cout << export_usage_text;
            return 0;
        } else if (arg == "--strict") options.strict = true;
        else if (arg == "--keep-going") keep_going = true;
        else if (arg == "--format") {
            if (i + 1 == args.size()) return usage("--format needs a value (ndjson or csv)");
            format_name = args[++i];
        } else if (arg.rfind("--format=", 0) == 0) format_name = arg.substr(9);
        else return usage("unknown option '" + arg + "' for export");
    }
    if (format_name.empty()) return usage("export needs --format ndjson or --format csv");
    if (format_name != "ndjson" && format_name != "csv")
        return usage("unknown format '" + format_name + "' (ndjson or csv)");
    if (files.empty()) return usage("export needs at least one FILE (- for standard input)");

    export_detail::exporter out(format_name == "csv" ? export_detail::format::csv : export_detail::format::ndjson,
                                options, keep_going);
    for (const auto& path : files)
        if (!out.run(path)) break;
    return out.finish();
}

}  // namespace signalwire_call
