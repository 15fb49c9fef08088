// The two-version program (tests/isolation/run.py): each library decodes the same
// bodies with its own copy of the headers; prints one line per library and body.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

std::string lib_a(std::string_view json);
std::string lib_b(std::string_view json);
std::string lib_c(std::string_view json);
std::string d_signalwire(std::string_view json);
std::string d_sdk_d(std::string_view json);

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        const std::string body = text.str();
        std::printf("a %s\nb %s\nc %s\nd.signalwire %s\nd.sdk_d %s\n", lib_a(body).c_str(), lib_b(body).c_str(),
                    lib_c(body).c_str(), d_signalwire(body).c_str(), d_sdk_d(body).c_str());
    }
    return 0;
}
