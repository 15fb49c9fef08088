// NDJSON of Calls (signalwire/ndjson.hpp): the writer's lines read back equal, blank
// lines and CRLF, errors that name the line and the JSON Pointer, keep-going, and the
// per-line size bound.
#include <signalwire/ndjson.hpp>  // first: the header compiles on its own

#include <signalwire/call.hpp>

#include "model_helpers.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace signalwire;
using test_support::data_dir;
using test_support::decoded;
using test_support::files_below;
using test_support::minimal_call_members;
using test_support::read_file;

namespace {

/// Every call of the fixtures: the single calls and the calls of the list pages.
std::vector<Call> fixture_calls() {
    std::vector<Call> calls;
    for (const auto& path : files_below(data_dir() / "fixtures", ".json")) {
        const std::string json = read_file(path);
        if (auto page = decode<CallList>(json)) calls.insert(calls.end(), page->calls.begin(), page->calls.end());
        else calls.push_back(decoded<Call>(json));
    }
    return calls;
}

/// A byte source that hands out `text` at most `step` bytes at a time.
ndjson::byte_source chunks_of(const std::string& text, std::size_t step) {
    return [&text, step, at = std::size_t(0)](char* buffer, std::size_t size) mutable {
        const std::size_t n = std::min({step, size, text.size() - at});
        text.copy(buffer, n, at);
        at += n;
        return n;
    };
}

struct read_all {
    std::vector<Call> calls;
    std::vector<std::size_t> lines;
    std::vector<std::string> skipped;  // on_skip's errors
    std::size_t skipped_count = 0;
    bool failed = false;
    std::string error;
};

read_all read(ndjson::reader<Call>& reader) {
    read_all out;
    while (reader.next()) {
        out.calls.push_back(reader.value());
        out.lines.push_back(reader.line());
    }
    out.skipped_count = reader.skipped();
    out.failed = reader.failed();
    if (out.failed) out.error = reader.error().to_string();
    return out;
}

read_all read(const std::string& text, ndjson::read_options options = {}, std::size_t step = 0) {
    std::vector<std::string> skipped;
    if (options.keep_going) options.on_skip = [&](const ndjson::line_error& e) { skipped.push_back(e.to_string()); };
    read_all out;
    if (step == 0) {
        std::istringstream in(text);
        ndjson::reader<Call> reader(in, options);
        out = read(reader);
    } else {
        ndjson::reader<Call> reader(chunks_of(text, step), options);
        out = read(reader);
    }
    out.skipped = skipped;
    return out;
}

std::string call_line(const std::string& sid, const std::string& extra = "") {
    return R"({"sid":")" + sid + R"(")" + minimal_call_members.substr(std::string_view(R"({"sid":"s")").size()) +
           extra + "}";
}

}  // namespace

TEST_CASE("round trip: the writer's lines read back as the same calls") {
    const std::vector<Call> calls = fixture_calls();
    REQUIRE(calls.size() >= 6);
    std::string text;
    for (const auto& call : calls) ndjson::append_line(text, call);
    CHECK(std::count(text.begin(), text.end(), '\n') == static_cast<std::ptrdiff_t>(calls.size()));
    CHECK(text.back() == '\n');

    for (std::size_t step : {std::size_t(0), std::size_t(1), std::size_t(7), std::size_t(4096)}) {
        CAPTURE(step);
        const read_all back = read(text, {}, step);
        CHECK_FALSE(back.failed);
        REQUIRE(back.calls.size() == calls.size());
        for (std::size_t i = 0; i < calls.size(); ++i) {
            CHECK(back.calls[i] == calls[i]);
            CHECK(back.lines[i] == i + 1);
        }
    }

    // write_line writes what append_line appends, and appending after text keeps it.
    std::ostringstream os;
    for (const auto& call : calls) ndjson::write_line(os, call);
    CHECK(os.str() == text);
    std::string line = "x";
    ndjson::append_line(line, calls.front());
    CHECK(line == "x" + encode(calls.front()) + "\n");
}

TEST_CASE("the reader reuses one model") {
    const std::string text = call_line("a", R"(,"annotation":"first","price":"1.5")") + "\n" + call_line("b") + "\n";
    std::istringstream in(text);
    ndjson::reader<Call> reader(in);
    REQUIRE(reader.next());
    const Call* first = &reader.value();
    CHECK(reader.value().annotation == "first");
    REQUIRE(reader.next());
    CHECK(&reader.value() == first);
    // Members the second line lacks are gone: the model equals decode's.
    CHECK(reader.value() == decoded<Call>(call_line("b")));
    CHECK_FALSE(reader.next());
    CHECK_FALSE(reader.failed());
    CHECK(reader.items() == 2);
    CHECK(reader.bytes_read() == text.size());
}

TEST_CASE("blank lines are skipped, CRLF accepted, the last line needs no newline") {
    const std::string text = "\n" + call_line("a") + "\r\n" + "   \t\r\n" + "\r\n" + call_line("b") + "\n\n" +
                             call_line("c");
    for (std::size_t step : {std::size_t(0), std::size_t(1), std::size_t(3)}) {
        CAPTURE(step);
        const read_all r = read(text, {}, step);
        CHECK_FALSE(r.failed);
        REQUIRE(r.calls.size() == 3);
        CHECK(r.calls[0].sid == "a");
        CHECK(r.calls[1].sid == "b");
        CHECK(r.calls[2].sid == "c");
        CHECK(r.lines == std::vector<std::size_t>{2, 5, 7});
    }
    CHECK(read("").calls.empty());
    CHECK_FALSE(read("").failed);
    CHECK(read("\n\r\n  \n").calls.empty());
    CHECK_FALSE(read("\n\r\n  \n").failed);
}

TEST_CASE("an error names the line and the JSON Pointer") {
    std::string text;
    for (int i = 1; i <= 11; ++i) text += i == 4 ? "\n" : call_line("c" + std::to_string(i)) + "\n";
    text += call_line("bad", R"(,"price":"1.2.3")") + "\r\n";
    text += call_line("after") + "\n";
    for (std::size_t step : {std::size_t(0), std::size_t(5)}) {
        CAPTURE(step);
        const read_all r = read(text, {}, step);
        CHECK(r.failed);
        CHECK(r.calls.size() == 10);  // lines 1-11 less the blank line 4; the read stops at line 12
        CHECK(r.error == R"(line 12: /price: invalid decimal "1.2.3": unexpected character '.' in decimal)");
    }
    std::istringstream in(text);
    ndjson::reader<Call> reader(in);
    while (reader.next()) {
    }
    REQUIRE(reader.failed());
    CHECK(reader.error().line == 12);
    CHECK(reader.error().error == decode_error{"/price", R"(invalid decimal "1.2.3": unexpected character '.' in decimal)"});
    CHECK_FALSE(reader.next());  // stays stopped

    // Invalid JSON and a nested pointer; offsets count from the start of the line.
    CHECK(read(call_line("a") + "\n{\"sid\":\n").error == "line 2: /sid: invalid JSON at offset 7: unexpected end of input");
    CHECK(read(call_line("a", R"(,"subresource_uris":{"recordings":5})")).error ==
          "line 1: /subresource_uris/recordings: expected string, got number 5");
    CHECK(read("[1]\n").error == "line 1: (root): expected object, got array");
    // A page on one line is no Call.
    CHECK(read(R"({"calls":[]})").error == "line 1: /sid: missing required member");
}

TEST_CASE("keep_going: bad lines are reported, skipped and counted") {
    const std::string text = call_line("a") + "\n" + "not json\n" + call_line("b") + "\n" +
                             call_line("c", R"(,"duration":"x")") + "\n\n" + call_line("d") + "\n" + "{}\n";
    ndjson::read_options options;
    options.keep_going = true;
    const read_all r = read(text, options);
    CHECK_FALSE(r.failed);
    CHECK(r.skipped_count == 3);
    REQUIRE(r.calls.size() == 3);
    CHECK(r.calls[0].sid == "a");
    CHECK(r.calls[1].sid == "b");
    CHECK(r.calls[2].sid == "d");
    CHECK(r.lines == std::vector<std::size_t>{1, 3, 6});
    CHECK(r.skipped == std::vector<std::string>{
                           "line 2: (root): invalid JSON at offset 0: unexpected character 'n'",
                           R"(line 4: /duration: expected integer or null, got string "x")",
                           "line 7: /sid: missing required member",
                       });
    // Without it, the first bad line stops the read.
    const read_all stopped = read(text);
    CHECK(stopped.failed);
    CHECK(stopped.calls.size() == 1);
    CHECK(stopped.skipped_count == 0);
    CHECK(stopped.error == "line 2: (root): invalid JSON at offset 0: unexpected character 'n'");
}

TEST_CASE("a line longer than max_size is an error naming it, read past without buffering it") {
    ndjson::read_options options;
    options.decode.max_size = 300;
    const std::string long_line = call_line("long", R"(,"annotation":")" + std::string(100000, 'x') + "\"");
    const std::string text = call_line("a") + "\n" + long_line + "\r\n" + call_line("b") + "\n" + long_line;
    const std::string expected2 = "line 2: (root): line of " + std::to_string(long_line.size()) +
                                  " bytes is larger than max_size (300 bytes)";
    const std::string expected4 = "line 4: (root): line of " + std::to_string(long_line.size()) +
                                  " bytes is larger than max_size (300 bytes)";
    for (std::size_t step : {std::size_t(0), std::size_t(1000), std::size_t(1 << 16)}) {
        CAPTURE(step);
        const read_all stopped = read(text, options, step);
        CHECK(stopped.failed);
        CHECK(stopped.calls.size() == 1);
        CHECK(stopped.error == expected2);

        options.keep_going = true;
        const read_all r = read(text, options, step);
        options.keep_going = false;
        CHECK_FALSE(r.failed);
        REQUIRE(r.calls.size() == 2);
        CHECK(r.calls[1].sid == "b");
        CHECK(r.lines == std::vector<std::size_t>{1, 3});
        CHECK(r.skipped == std::vector<std::string>{expected2, expected4});
    }
    // No limit at all: nothing is too long.
    ndjson::read_options unlimited;
    unlimited.decode.max_size = std::numeric_limits<std::size_t>::max();
    CHECK(read(text, unlimited, 1000).calls.size() == 4);
    // Exactly max_size bytes, or max_size and a CR, is not too long.
    const std::string at_limit = call_line("x", R"(,"annotation":")" +
                                                    std::string(300 - call_line("x", R"(,"annotation":"")").size(), 'y') + "\"");
    REQUIRE(at_limit.size() == 300);
    CHECK(read(at_limit + "\r\n" + at_limit, options).calls.size() == 2);
    CHECK(read(at_limit + "z", options).error == "line 1: (root): line of 301 bytes is larger than max_size (300 bytes)");
}

TEST_CASE("a byte order mark on line 1: skipped in lenient mode, an error in strict mode") {
    const std::string text = "\xEF\xBB\xBF" + call_line("a") + "\n" + call_line("b") + "\n";
    const read_all lenient = read(text);
    CHECK_FALSE(lenient.failed);
    CHECK(lenient.calls.size() == 2);
    CHECK(read("\xEF\xBB\xBF\n" + call_line("a")).calls.size() == 1);  // a BOM alone: a blank line 1

    ndjson::read_options strict;
    strict.decode.strict = true;
    CHECK(read(text, strict).error ==
          "line 1: (root): invalid JSON at offset 0: byte order mark (strict mode does not skip one)");
}

TEST_CASE("lenient and strict: each line decodes as decode<Call> decodes it") {
    // The Twilio body on one line: "duration": "15" is a number sent as a string.
    const std::string line = boost::json::serialize(boost::json::parse(read_file(data_dir() / "fixtures/twilio/call-fetch-2010.json")));
    const read_all lenient = read(line + "\n");
    REQUIRE(lenient.calls.size() == 1);
    CHECK(lenient.calls[0] == decoded<Call>(line));
    ndjson::read_options strict;
    strict.decode.strict = true;
    CHECK(read(line + "\n", strict).error == R"(line 1: /duration: expected integer or null, got string "15")");
}
