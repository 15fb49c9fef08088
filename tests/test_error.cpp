#include <signalwire/error.hpp>  // first: the header compiles on its own

#include <doctest/doctest.h>

#include <sstream>

using signalwire::decode_error;

TEST_CASE("decode_error prints its pointer, or (root) for the whole document") {
    CHECK(decode_error{"/calls/0/sid", "missing required member"}.to_string() == "/calls/0/sid: missing required member");
    CHECK(decode_error{"", "expected object, got array"}.to_string() == "(root): expected object, got array");
    std::ostringstream os;
    os << decode_error{"/a", "b"};
    CHECK(os.str() == "/a: b");
}

TEST_CASE("decode_result::value() throws decode_exception carrying the error") {
    signalwire::decode_result<int> ok = 7;
    CHECK(ok.value() == 7);
    signalwire::decode_result<int> bad = decode_error{"/x", "expected integer, got boolean"};
    CHECK_FALSE(bad);
    CHECK(bad.error().pointer == "/x");
    try {
        (void)bad.value();
        FAIL("value() did not throw");
    } catch (const signalwire::decode_exception& e) {
        CHECK(std::string(e.what()) == "/x: expected integer, got boolean");
        CHECK(e.error() == decode_error{"/x", "expected integer, got boolean"});
    }
}
