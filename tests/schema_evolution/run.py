"""Schema evolution: the tests take their schema facts from the schema, so a harmless
change to it regenerates and passes the suite without editing a test, and a harmful one
fails with a message naming the change.

  evolved  a copy of schema/ whose call.yaml has an optional string field
           (`evolution_note`, in the middle of Call), a nullable array of strings
           (`evolution_tags`, so null is what encode writes for it), an enum value
           (`evolution-test`, last of CallStatus) and a nested object field
           (`evolution_detail`, a new object type with a required string and an optional
           int64), every schema of it regenerated (the others import call.yaml) into a
           temporary include directory that comes before include/ on the include path:
           every doctest program of tests/meson.build's `unit_tests` and the CLI with
           tests/cli/test_cli.py build (-O0, warnings as errors) and pass, unchanged.
  removed  the same schema without `formatted_to`, a member the SignalWire fixtures send
           and no test names in code: tests/test_fixtures.cpp builds and fails, and its
           output names `formatted_to`.

Usage: run.py SOURCE_ROOT [CXX]. Prints each phase's time."""

import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(__file__).resolve().parents[2]
CXX = sys.argv[2] if len(sys.argv) > 2 else os.environ.get("CXX", "g++")
FLAGS = ["-std=c++17", "-O0", "-Wall", "-Wextra", "-Wpedantic", "-Werror"]
LIBS = ["-lboost_json"]
JOBS = 2
STARTED = time.monotonic()


def log(message):
    print(f"[{time.monotonic() - STARTED:6.1f} s] {message}", flush=True)


def run(command, check=True, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=900, **kwargs)
    if check and result.returncode != 0:
        raise SystemExit(f"FAILED: {' '.join(map(str, command))}\n{result.stdout}{result.stderr}")
    return result


def replace_once(text, old, new, what):
    if text.count(old) != 1:
        raise SystemExit(f"schema/call.yaml: {what} not found where run.py expects it:\n{old}")
    return text.replace(old, new)


CALL_FIELDS = "  - name: Call\n    description: A voice call, as \"Retrieve a Call\" returns it.\n    fields:\n"
STATUS_VALUES = "  - name: CallStatus\n    description: The status of a call.\n    values:\n"
OBJECTS = "objects:\n"
FORMATTED_TO = ("      - json: formatted_to\n        type: string\n"
                "        description: The formatted number that received the call.\n"
                "        example: (310) 567-8901\n")


def evolved(schema):
    """The harmless changes: optional fields (a string, a nullable array of strings), an
    enum value, a nested object."""
    # The optional string field goes in the middle of Call (after `formatted_to`), so
    # nothing that counts positions can stay right by accident.
    schema = replace_once(schema, FORMATTED_TO, FORMATTED_TO +
                          "      - json: evolution_note\n        type: string\n"
                          "        description: An optional field only the evolved schema has.\n"
                          "      - json: evolution_tags\n        type: array\n        items: string\n"
                          "        nullable: true\n"
                          "        description: A nullable array of strings only the evolved schema has.\n",
                          "Call's formatted_to field")
    # The enum value goes last (the first enumerator is open_enum's default).
    start = schema.index(STATUS_VALUES) + len(STATUS_VALUES)
    end = schema.index("\n\n", start)
    schema = (schema[:end] + "\n      - wire: evolution-test\n"
              "        description: A value only the evolved schema has." + schema[end:])
    schema = replace_once(schema, OBJECTS, OBJECTS +
                          "  - name: CallEvolutionDetail\n"
                          "    description: An object type only the evolved schema has.\n"
                          "    fields:\n"
                          "      - json: label\n        type: string\n        required: true\n"
                          "        description: A required member of the nested object.\n"
                          "      - json: level\n        type: int64\n"
                          "        description: An optional member of the nested object.\n\n",
                          "the objects list")
    schema = replace_once(schema, CALL_FIELDS, CALL_FIELDS +
                          "      - json: evolution_detail\n        type: CallEvolutionDetail\n"
                          "        description: A nested object only the evolved schema has.\n",
                          "Call's fields")
    return schema


def without_formatted_to(schema):
    return replace_once(schema, FORMATTED_TO, "", "Call's formatted_to field")


def generate(schema_text, tmp, name):
    """A copy of schema/ with call.yaml replaced, every schema of it generated into
    tmp/include-NAME (which the builds put before include/)."""
    schemas = tmp / f"schema-{name}"
    shutil.copytree(ROOT / "schema", schemas)
    (schemas / "call.yaml").write_text(schema_text, encoding="utf-8")
    include = tmp / f"include-{name}"
    run([sys.executable, "-m", "generator", str(schemas), "--out-dir", str(include), "--quiet"],
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    return include


def unit_tests():
    """tests/meson.build's `unit_tests` dictionary: name -> source."""
    text = (ROOT / "tests" / "meson.build").read_text(encoding="utf-8")
    block = re.search(r"unit_tests = \{(.*?)\n\}", text, re.S)
    if not block:
        raise SystemExit("tests/meson.build: no `unit_tests = {...}` dictionary")
    tests = dict(re.findall(r"'([\w-]+)'\s*:\s*'([\w.]+)'", block.group(1)))
    if len(tests) < 10:
        raise SystemExit(f"tests/meson.build: only {len(tests)} unit tests found in `unit_tests`")
    return tests


def build(sources, exe, include):
    """The program, or the compiler's message (its first 40 lines) when it does not build."""
    result = run([CXX, *FLAGS, "-I", str(include), "-I", str(ROOT / "include"), "-I", str(ROOT / "tests"),
                  *map(str, sources), "-o", str(exe), *LIBS], check=False)
    if result.returncode != 0:
        return None, "\n".join((result.stdout + result.stderr).splitlines()[:40])
    return exe, None


def main():
    schema = (ROOT / "schema" / "call.yaml").read_text(encoding="utf-8")
    env = {**os.environ, "SIGNALWIRE_TEST_DATA": str(ROOT / "tests" / "data")}
    with tempfile.TemporaryDirectory(prefix="schema-evolution-") as tmp_name:
        tmp = Path(tmp_name)
        include = generate(evolved(schema), tmp, "evolved")
        removed = generate(without_formatted_to(schema), tmp, "removed")
        log("generated the evolved and the reduced headers")

        doctest_main = tmp / "doctest_main.o"
        run([CXX, *FLAGS, "-c", str(ROOT / "tests" / "doctest_main.cpp"), "-o", str(doctest_main)])
        tests = unit_tests()
        jobs = {name: ([ROOT / "tests" / source, doctest_main], tmp / f"test_{name}", include)
                for name, source in tests.items()}
        jobs["cli"] = ([ROOT / "examples" / "signalwire-call" / "main.cpp"], tmp / "signalwire-call", include)
        jobs["fixtures-removed"] = ([ROOT / "tests" / "test_fixtures.cpp", doctest_main],
                                    tmp / "test_fixtures_removed", removed)
        with concurrent.futures.ThreadPoolExecutor(JOBS) as pool:
            built = dict(zip(jobs, pool.map(lambda job: build(*job), jobs.values())))
        log(f"built {len(jobs)} programs at -O0 with {Path(CXX).name}, {JOBS} at a time")
        errors = [f"--- {name} does not build:\n{error}" for name, (_, error) in built.items() if error]
        if errors:
            raise SystemExit("\n".join(errors))
        exes = {name: exe for name, (exe, _) in built.items()}

        failures = []
        for name in tests:
            result = run([str(exes[name])], check=False, env=env)
            if result.returncode != 0:
                failures.append(f"--- {name} (evolved schema) failed:\n{result.stdout}{result.stderr}")
        # The README's examples print the checked-in schema's CSV header and JSON, which
        # an evolved schema changes by design: test_cli.py skips them on this variable.
        result = run([sys.executable, str(ROOT / "tests" / "cli" / "test_cli.py"), str(exes["cli"])],
                     check=False, env={**env, "SIGNALWIRE_SCHEMA_EVOLVED": "1"})
        if result.returncode != 0:
            failures.append(f"--- cli (evolved schema) failed:\n{result.stdout}{result.stderr}")
        log(f"ran {len(tests)} unit tests and the CLI tests against the evolved schema")

        result = run([str(exes["fixtures-removed"])], check=False, env=env)
        output = result.stdout + result.stderr
        if result.returncode == 0:
            failures.append("--- fixtures (schema without formatted_to) passed: it must fail")
        elif "formatted_to" not in output:
            failures.append(f"--- fixtures (schema without formatted_to) failed without naming it:\n{output}")
        else:
            named = [line.strip() for line in output.splitlines() if "formatted_to" in line]
            log(f"without formatted_to, fixtures fails naming it: {named[0]}")

        if failures:
            raise SystemExit("\n".join(failures))
        log("OK")


if __name__ == "__main__":
    main()
