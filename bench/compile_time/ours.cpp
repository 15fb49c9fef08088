// Compile-time probe (see bench/report.py): a TU that includes the models and calls
// decode and encode. Compared with boost_json.cpp, which parses and serializes with
// Boost.JSON; both link libboost_json, neither uses boost/json/src.hpp.
#include <signalwire/call.hpp>

#include <cstdio>
#include <string>
#include <string_view>

int main(int argc, char** argv) {
    const std::string_view text = argc > 1 ? argv[1] : "{}";
    auto call = signalwire::decode<signalwire::Call>(text);
    if (!call) {
        std::fprintf(stderr, "%s\n", call.error().to_string().c_str());
        return 1;
    }
    const std::string out = signalwire::encode(*call);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
