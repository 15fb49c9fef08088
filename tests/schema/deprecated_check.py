"""`deprecated: true` in a schema: the generated header is warning-free, consumers that
name a deprecated member or enumerator are warned.

Generates tests/schema/types.yaml (deprecated fields and enum values, with and without
a reason) into a temporary directory, then with each compiler (the one given, plus g++
and clang++ when installed) and each of C++17 and C++20:

  deprecated_clean.cpp  builds with strict warnings as errors (-Wall -Wextra -Wpedantic
                        -Wshadow -Wconversion -Wsign-conversion, -Wuseless-cast or
                        -Wcomma) and, run, prints exactly EXPECTED_OUTPUT;
  deprecated_uses.cpp   fails with -Werror=deprecated-declarations, with a diagnostic for
                        each of its four uses (naming the member or enumerator and the
                        reason where the schema gives one) and none in the header.

Usage: deprecated_check.py SOURCE_ROOT [CXX ...]. Exit 0 when every check passes."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(__file__).resolve().parents[2]
HERE = ROOT / "tests" / "schema"
WARNINGS = ["-Wall", "-Wextra", "-Wpedantic", "-Wshadow", "-Wconversion", "-Wsign-conversion", "-Werror"]

EXPECTED_OUTPUT = """1 3
colors: red dark-green blue grey
grey known: 1
{"name":"n","old_name":"o","legacy":3,"color":"blue"}
{"name":"n","legacy":-1,"color":null}
error: /legacy: missing required member
{"tags":["a"],"totals":null,"colors":["grey","red"],"items":[{"label":"x"}]}
"""

# (line of deprecated_uses.cpp, what the diagnostic names, the reason it quotes or None)
USES = [(7, "old_name", "use name."), (8, "legacy", None), (9, "blue", "use dark-green."), (10, "grey", None)]


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600, **kwargs)


def compilers(given):
    """The compilers to check, each once (by resolved path)."""
    out, seen = [], set()
    for cxx in list(given) + ["g++", "clang++"]:
        path = shutil.which(cxx)
        if path and os.path.realpath(path) not in seen:
            seen.add(os.path.realpath(path))
            out.append(path)
    return out


def is_clang(cxx):
    return "clang" in run([cxx, "--version"]).stdout


def main():
    given = sys.argv[2:]
    failures = []
    with tempfile.TemporaryDirectory(prefix="deprecated-check-") as tmp_name:
        tmp = Path(tmp_name)
        gen = run([sys.executable, "-m", "generator", str(HERE / "types.yaml"), "--out-dir", str(tmp), "--quiet"],
                  cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        if gen.returncode != 0:
            raise SystemExit(f"generating tests/schema/types.yaml failed:\n{gen.stdout}{gen.stderr}")
        includes = ["-I", str(tmp), "-I", str(ROOT / "include")]
        checked = 0
        for cxx in compilers(given):
            flags = WARNINGS + (["-Wcomma"] if is_clang(cxx) else ["-Wuseless-cast"])
            name = Path(cxx).name
            for std in ("c++17", "c++20"):
                exe = tmp / f"clean-{name}-{std}"
                r = run([cxx, f"-std={std}", *flags, *includes, str(HERE / "deprecated_clean.cpp"), "-o", str(exe),
                         "-lboost_json"])
                if r.returncode != 0:
                    failures.append(f"--- {name} -std={std}: deprecated_clean.cpp does not build warning-free:\n"
                                    + "\n".join((r.stdout + r.stderr).splitlines()[:30]))
                    continue
                out = run([str(exe)])
                if out.returncode != 0 or out.stdout != EXPECTED_OUTPUT:
                    failures.append(f"--- {name} -std={std}: deprecated_clean printed (exit {out.returncode}):\n"
                                    f"{out.stdout}{out.stderr}--- expected:\n{EXPECTED_OUTPUT}")
                checked += 1

                r = run([cxx, f"-std={std}", "-fsyntax-only", "-Werror=deprecated-declarations", *includes,
                         str(HERE / "deprecated_uses.cpp")])
                text = r.stdout + r.stderr
                if r.returncode == 0:
                    failures.append(f"--- {name} -std={std}: deprecated_uses.cpp compiled; it must fail")
                    continue
                lines = text.splitlines()
                for line, what, reason in USES:
                    at = [l for l in lines if f"deprecated_uses.cpp:{line}:" in l and "deprecated" in l]
                    if not at or what not in at[0] or (reason is not None and reason not in at[0]):
                        failures.append(f"--- {name} -std={std}: no diagnostic at deprecated_uses.cpp:{line} naming "
                                        f"{what!r}{f' and {reason!r}' if reason else ''}:\n{text}")
                in_header = [l for l in lines if "schema_types.hpp:" in l and ("error" in l or "warning" in l)]
                if in_header:
                    failures.append(f"--- {name} -std={std}: diagnostics in the generated header:\n"
                                    + "\n".join(in_header))
            print(f"{name}: C++17 and C++20 checked", flush=True)
        if not checked and not failures:
            failures.append("no compiler found")
    if failures:
        print("\n".join(failures))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
