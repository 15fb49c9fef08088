"""A translation unit built as C++14 (or C++11) that includes one of our headers stops at
version.hpp's #error: that message comes first, and the only other diagnostic is the
missing #include that version.hpp uses to stop g++ and clang++ there (both go on after
an #error), not pages of errors from the rest of the headers.

    cxx14_error.py -I DIR [-I DIR ...] HEADER [HEADER ...] -- COMPILER [ARGS ...]

HEADER is a path under signalwire/ (call.hpp, detail/decoder.hpp); COMPILER is the one
meson builds with (cpp.cmd_array()).
"""
import os
import re
import subprocess
import sys
import tempfile

MESSAGE = "signalwire-models needs C++17 or later: compile with -std=c++17 (or /std:c++17)"
STOP = "signalwire-models: stopped at the #error above"
# file:line:col: severity: text  (g++ and clang++ alike)
DIAGNOSTIC = re.compile(r"^(?P<file>.+?):\d+:\d+: (?P<severity>fatal error|error|warning|note|remark): (?P<text>.*)$")


def check(compiler, includes, header, std):
    """The problems with compiling `#include <signalwire/HEADER>` as `std`, if any."""
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "tu.cpp")
        with open(source, "w") as f:
            f.write(f"#include <signalwire/{header}>\n\nint main() {{ return 0; }}\n")
        run = subprocess.run(compiler + [f"-std={std}", "-fsyntax-only"] + [f"-I{d}" for d in includes] + [source],
                             capture_output=True, text=True, timeout=60, env=dict(os.environ, LC_ALL="C"))
    output = run.stdout + run.stderr
    diagnostics = [m for m in map(DIAGNOSTIC.match, output.splitlines()) if m]
    problems = []
    if run.returncode == 0:
        problems.append("compiled without an error")
    if not diagnostics or diagnostics[0]["severity"] != "error" or MESSAGE not in diagnostics[0]["text"] \
            or os.path.basename(diagnostics[0]["file"]) != "version.hpp":
        problems.append("the first diagnostic is not version.hpp's #error")
    rest = diagnostics[1:]
    if len(rest) != 1 or rest[0]["severity"] != "fatal error" or STOP not in rest[0]["text"]:
        problems.append(f"expected only the stop after the #error, got {len(rest)} more diagnostics")
    if len(output.splitlines()) > 20:
        problems.append(f"{len(output.splitlines())} lines of output")
    return problems, output


def main():
    args = sys.argv[1:]
    split = args.index("--")
    ours, compiler = args[:split], args[split + 1:]
    includes, headers = [], []
    i = 0
    while i < len(ours):
        if ours[i] == "-I":
            includes.append(ours[i + 1])
            i += 2
        else:
            headers.append(ours[i])
            i += 1
    failed = 0
    for header in headers:
        for std in ["c++14", "c++11"] if header == "call.hpp" else ["c++14"]:
            problems, output = check(compiler, includes, header, std)
            if problems:
                failed += 1
                print(f"FAIL {header} as {std}: {'; '.join(problems)}\n" + "\n".join(output.splitlines()[:40]))
            else:
                print(f"ok   {header} as {std}: stops at the #error")
    if failed == 0:  # what users see, once
        print(check(compiler, includes, "call.hpp", "c++14")[1])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
