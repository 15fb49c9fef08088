// Compile-time probe (see bench/report.py): the Boost.JSON baseline for ours.cpp,
// parse and serialize through <boost/json.hpp>, linking libboost_json (no src.hpp).
#include <boost/json.hpp>

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
    const char* text = argc > 1 ? argv[1] : "{}";
    boost::system::error_code ec;
    const boost::json::value v = boost::json::parse(text, ec);
    if (ec) {
        std::fprintf(stderr, "%s\n", ec.message().c_str());
        return 1;
    }
    const std::string out = boost::json::serialize(v);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
