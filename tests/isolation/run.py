"""The two-version program: four copies of these headers linked into one executable,
each decoding with its own code.

  a  the checked-in headers
  b  the same version, regenerated from a schema with one more required Call field
     (`extra`): the situation that crashed before the models had their own namespace
  c  b with another version (0.2.0 in version.hpp) and a runtime that words one error
     differently (`missing required member (0.2.0)`): a runtime difference between
     copies, which the versioned namespace keeps apart
  d  one TU that includes the checked-in headers and a copy generated with
     `namespace: sdk_d` (a renamed runtime whose message says `(sdk_d)`)

Built at -O0, -O2 and -O2 -flto (with -Wodr -Werror=odr), linked in two orders, and
run on three bodies; every line must equal what the same library prints when it is
alone in a program (built from the same object file), and the differences between
copies must show (b rejects the sample for want of `extra`, c and d say their own
words). Usage: run.py SOURCE_ROOT [CXX]"""

import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(__file__).resolve().parents[2]
CXX = sys.argv[2] if len(sys.argv) > 2 else os.environ.get("CXX", "g++")
HERE = ROOT / "tests" / "isolation"
FLAGS = ["-std=c++17", "-Wall", "-Wextra", "-Werror", "-Wodr"]
LEVELS = {"O0": ["-O0"], "O2": ["-O2"], "O2-flto": ["-O2", "-flto=auto", "-Werror=odr"]}
if "clang" in Path(CXX).name:
    # clang's -flto needs the LLVM gold plugin or lld, and -Wodr is g++'s LTO check:
    # the LTO level is g++'s (scripts/test runs this test with g++).
    del LEVELS["O2-flto"]
    print(f"{CXX}: -O0 and -O2 only; the -flto level runs with g++", flush=True)


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600, **kwargs)
    if result.returncode != 0:
        raise SystemExit(f"FAILED: {' '.join(map(str, command))}\n{result.stdout}{result.stderr}")
    return result


def generate(schema_text, out_dir, tmp, name):
    schema = Path(tmp) / f"{name}.yaml"
    schema.write_text(schema_text, encoding="utf-8")
    run([sys.executable, "-m", "generator", str(schema), "--out-dir", str(out_dir), "--quiet"],
        env={**os.environ, "PYTHONPATH": str(ROOT)})


def with_extra_field(schema_text):
    """The schema with a required string field `extra` at the start of Call's fields."""
    marker = "  - name: Call\n    description: A voice call, as \"Retrieve a Call\" returns it.\n    fields:\n"
    if marker not in schema_text:
        raise SystemExit("schema/call.yaml: Call's fields not found where run.py expects them")
    extra = ("      - json: extra\n        type: string\n        required: true\n"
             "        description: A field only copies b and c have.\n")
    return schema_text.replace(marker, marker + extra, 1)


def patch(path, old, new):
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise SystemExit(f"{path}: {old!r} not found")
    path.write_text(text.replace(old, new), encoding="utf-8")


def make_copies(tmp):
    schema = (ROOT / "schema" / "call.yaml").read_text(encoding="utf-8")
    b = Path(tmp) / "b" / "include"
    shutil.copytree(ROOT / "include", b)
    generate(with_extra_field(schema), b, tmp, "b")

    c = Path(tmp) / "c" / "include"
    shutil.copytree(b, c)
    version = c / "signalwire" / "version.hpp"
    for old, new in (("VERSION_MINOR 1", "VERSION_MINOR 2"), ('"0.1.0"', '"0.2.0"'), ("v0_1_0", "v0_2_0")):
        patch(version, old, new)
    patch(c / "signalwire" / "detail" / "decoder.hpp", '"missing required member"', '"missing required member (0.2.0)"')

    d = Path(tmp) / "d" / "include"
    d_schema = schema.replace("namespace: signalwire\n", "namespace: sdk_d\n", 1).replace(
        "header: signalwire/call.hpp\n", "header: sdk_d/call.hpp\n", 1)
    generate(d_schema, d, tmp, "d")
    patch(d / "sdk_d" / "detail" / "decoder.hpp", '"missing required member"', '"missing required member (sdk_d)"')
    return {"a": [ROOT / "include"], "b": [b], "c": [c], "d": [d, ROOT / "include"]}


def bodies(tmp):
    sample = (ROOT / "examples" / "sample-call.json").read_text(encoding="utf-8")
    if not sample.rstrip().endswith("}") or '"sid":' not in sample:
        raise SystemExit("examples/sample-call.json: not the object run.py expects")
    with_extra = sample.rstrip()[:-1].rstrip() + ',\n  "extra": "x"\n}\n'
    without_sid = re.sub(r'"sid"\s*:\s*"[^"]*"\s*,', "", sample, count=1)
    paths = []
    for name, text in (("sample", sample), ("with-extra", with_extra), ("without-sid", without_sid)):
        path = Path(tmp) / f"{name}.json"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def build(tmp, level, includes):
    out = Path(tmp) / level
    out.mkdir()
    flags = FLAGS + LEVELS[level]
    jobs = {
        "a.o": [HERE / "lib.cpp", "-DLIB=lib_a", *[f"-I{i}" for i in includes["a"]]],
        "b.o": [HERE / "lib.cpp", "-DLIB=lib_b", *[f"-I{i}" for i in includes["b"]]],
        "c.o": [HERE / "lib.cpp", "-DLIB=lib_c", *[f"-I{i}" for i in includes["c"]]],
        "d.o": [HERE / "renamed.cpp", *[f"-I{i}" for i in includes["d"]]],
        "main.o": [HERE / "main.cpp"],
    }
    for only in ("lib_a", "lib_b", "lib_c", "d_signalwire", "d_sdk_d"):
        jobs[f"solo_{only}.o"] = [HERE / "main_solo.cpp", f"-DONLY={only}"]
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(lambda item: run([CXX, *flags, "-c", *item[1], "-o", str(out / item[0])]), jobs.items()))

    def link(name, objects):
        result = run([CXX, *flags, *[str(out / o) for o in objects], "-o", str(out / name), "-lboost_json"])
        if result.stderr.strip():  # -Wodr and friends speak at link time under -flto
            raise SystemExit(f"{level}: linking {name} warned:\n{result.stderr}")
        return out / name

    programs = {
        "together": link("together", ["main.o", "a.o", "b.o", "c.o", "d.o"]),
        "reversed": link("reversed", ["main.o", "d.o", "c.o", "b.o", "a.o"]),
    }
    solo = {}
    for only, obj in (("lib_a", "a.o"), ("lib_b", "b.o"), ("lib_c", "c.o"), ("d_signalwire", "d.o"),
                      ("d_sdk_d", "d.o")):
        solo[only] = link(f"solo_{only}", [f"solo_{only}.o", obj])
    return programs, solo


def main():
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        includes = make_copies(tmp)
        inputs = bodies(tmp)
        for level in LEVELS:
            programs, solo = build(tmp, level, includes)
            alone = {only: run([str(p), *inputs]).stdout.splitlines() for only, p in solo.items()}
            expected = []
            for i in range(len(inputs)):
                for label, only in (("a", "lib_a"), ("b", "lib_b"), ("c", "lib_c"), ("d.signalwire", "d_signalwire"),
                                    ("d.sdk_d", "d_sdk_d")):
                    expected.append(f"{label} {alone[only][i]}")
            for name, program in programs.items():
                got = run([str(program), *inputs]).stdout.splitlines()
                if got != expected:
                    failures.append(f"{level} {name}: differs from the libraries alone")
                    for want, have in zip(expected, got):
                        if want != have:
                            failures.append(f"  expected {want[:200]}\n  got      {have[:200]}")
            # The copies really differ, so the comparison above means something.
            a, b, c, ds, dd = (alone[o] for o in ("lib_a", "lib_b", "lib_c", "d_signalwire", "d_sdk_d"))
            checks = {
                "a decodes the sample": not a[0].startswith("error"),
                "b rejects the sample for want of extra": b[0] == "error /extra: missing required member",
                "c says it in its own words": c[0] == "error /extra: missing required member (0.2.0)",
                "a keeps extra as an unknown member, last": a[1].endswith(',"extra":"x"}'),
                "b decodes extra as its first field": b[1].startswith('{"extra":"x",'),
                "a without sid": a[2] == "error /sid: missing required member",
                "d.signalwire without sid": ds[2] == "error /sid: missing required member",
                "d.sdk_d without sid": dd[2] == "error /sid: missing required member (sdk_d)",
                "d.sdk_d decodes the sample as a does": dd[0] == a[0] and ds[0] == a[0],
            }
            failures += [f"{level}: {what}: a={a} b={b} c={c} d={ds} {dd}"[:2000]
                         for what, ok in checks.items() if not ok]
            print(f"{level}: {len(programs)} link orders x {len(inputs)} bodies x 5 decoders checked", flush=True)
    if failures:
        print("\n".join(failures))
        return 1
    print("two-version program: every copy decodes with its own code at " + ", ".join(LEVELS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
