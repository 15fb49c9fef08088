// The reference for the two-version program (tests/isolation/run.py): one library alone
// in a program (ONLY names its entry point), so nothing can be shared with another copy.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

std::string ONLY(std::string_view json);

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        std::printf("%s\n", ONLY(text.str()).c_str());
    }
    return 0;
}
