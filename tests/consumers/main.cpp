// The program of every consumer project here (run.py copies it next to each project's
// build files): decodes the Call in argv[1] and prints the library's version, the sid and
// the status. run.py checks the output against examples/sample-call.json.
#include <signalwire/call.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: consumer CALL.json\n";
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    std::string body{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    auto call = signalwire::decode<signalwire::Call>(body);
    if (!call) {
        std::cerr << argv[1] << ": " << call.error().to_string() << '\n';
        return 1;
    }
    std::cout << "signalwire-models " << SIGNALWIRE_MODELS_VERSION_STRING << '\n'
              << "sid " << call->sid << '\n'
              << "status " << call->status.wire_name() << '\n';
}
