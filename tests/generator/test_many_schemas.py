"""Many schemas in one build: `imports:` (generator/imports.py), several schema files (or a
directory of them) in one run, a type defined twice across files, and the checked-in
schema/recording.yaml, which imports schema/call.yaml.

The bad-schema corpus has the single-file errors of imports (tests/generator/bad/import-*.yaml,
with the files they import in bad/imported/)."""

import os
import re
import subprocess
import tempfile
import unittest
from pathlib import Path

from generator.__main__ import generate
from generator.render import render_header
from tests.generator.support import ROOT, run_generator, run_generator_process

BASE = """\
schema: base
namespace: {namespace}
header: {root}/base.hpp
enums:
  - name: Color
    description: A color.
    values:
      - wire: red
        description: Red.
      - wire: dark-blue
        description: Dark blue.
objects:
  - name: Swatch
    description: A sample of a color.
    fields:
      - json: color
        type: Color
        required: true
        description: The color.
"""

USER = """\
schema: user
namespace: {namespace}
header: {root}/user.hpp
imports: [base.yaml]
objects:
  - name: Palette
    description: Colors, by name.
    fields:
      - json: name
        type: string
        required: true
        description: The name.
      - json: main
        type: Swatch
        description: The main swatch (an imported object, held by value).
      - json: accent
        type: Color
        description: An imported enum.
      - json: swatches
        type: array
        items: Swatch
        description: Imported objects in an array.
"""

# What meson compiles the project with (warning_level=3, werror, project_warnings).
WARNINGS = ["-Wall", "-Wextra", "-Wpedantic", "-Werror", "-Wconversion", "-Wsign-conversion", "-Wshadow",
            "-Wold-style-cast", "-Wdouble-promotion"]

PROGRAM = """\
#include <{root}/user.hpp>
#include <signalwire/recording.hpp>

#include <string>

int main() {{
    // The imported types are the base header's: one definition, used by the user header.
    auto page = {ns}::decode<{ns}::Palette>(
        R"({{"name":"p","main":{{"color":"dark-blue"}},"accent":"red","swatches":[{{"color":"red"}}]}})");
    if (!page || page->main->color != {ns}::Color::dark_blue || page->swatches->at(0).color != {ns}::Color::red)
        return 1;
    const std::string out = {ns}::encode(*page);
    if (out != R"({{"name":"p","main":{{"color":"dark-blue"}},"accent":"red","swatches":[{{"color":"red"}}]}})")
        return 2;
    // The project's own recording.hpp (and the call.hpp it includes) beside it.
    auto r = signalwire::decode<signalwire::RecordingList>(
        R"({{"uri":"u","first_page_uri":"f","page":0,"page_size":1,"recordings":[]}})");
    return r && r->recordings.empty() ? 0 : 3;
}}
"""


class ManySchemas(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.tmp = Path(tmp.name)

    def write(self, name, text, namespace="signalwire"):
        path = self.tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.format(namespace=namespace, root=namespace.replace("::", "/")), encoding="utf-8")
        return path

    def test_imported_types_are_used_not_emitted(self):
        self.write("base.yaml", BASE)
        user = generate(str(self.write("user.yaml", USER)))
        self.assertEqual([o.name for o in user.objects], ["Palette"])
        self.assertEqual(user.enums, [])
        self.assertEqual([s.name for s in user.imports], ["base"])
        header = render_header(user)
        self.assertIn("#include <signalwire/base.hpp>  // base.yaml, inline namespace base_", header)
        self.assertNotIn("enum class Color", header)
        self.assertNotIn("struct Swatch", header)
        self.assertIn("std::optional<Swatch> main;", header)
        self.assertIn("std::optional<std::vector<Swatch>> swatches;", header)

    def test_importing_header_changes_when_an_imported_type_changes(self):
        """The include names the imported models' inline namespace, so the importer's own
        inline namespace (a hash of its header) changes with what it uses."""
        self.write("base.yaml", BASE)
        user_path = self.write("user.yaml", USER)
        before = render_header(generate(str(user_path)))
        self.write("base.yaml", BASE.replace("Dark blue.", "Navy."))
        after = render_header(generate(str(user_path)))
        name = re.compile(r"^inline namespace (user_[0-9a-f]{10}) \{$", re.M)
        self.assertNotEqual(name.search(before).group(1), name.search(after).group(1))

    def test_one_run_generates_several_files_and_a_directory_means_its_schemas(self):
        self.write("base.yaml", BASE)
        self.write("user.yaml", USER)
        self.write("base.overlay.yaml", "not: a schema\n")  # an overlay is left out
        out = self.tmp / "out"
        docs = self.tmp / "docs"
        status, stdout, stderr = run_generator(self.tmp, "--out-dir", out, "--docs-dir", docs, cwd=self.tmp)
        self.assertEqual((status, stderr), (0, ""))
        self.assertEqual(sorted(p.name for p in (out / "signalwire").iterdir()), ["base.hpp", "user.hpp"])
        self.assertEqual(sorted(p.name for p in docs.iterdir()), ["base.md", "user.md"])
        self.assertIn("It uses the types of `base.yaml` ([base.md](base.md)", (docs / "user.md").read_text())
        status, stdout, stderr = run_generator(self.tmp, "--out-dir", out, "--docs-dir", docs, "--check", cwd=self.tmp)
        self.assertEqual((status, stderr), (0, ""))
        status, stdout, _ = run_generator(self.tmp, "--list", cwd=self.tmp)
        self.assertEqual(stdout, f"{self.tmp / 'base.yaml'} signalwire/base.hpp\n{self.tmp / 'user.yaml'} signalwire/user.hpp\n")

    def test_a_type_defined_in_two_files_of_one_run_is_an_error_naming_both(self):
        self.write("base.yaml", BASE)
        other = self.write("other.yaml", BASE.replace("schema: base", "schema: other")
                           .replace("base.hpp", "other.hpp").replace("name: Swatch", "name: Sample"))
        out = self.tmp / "out"
        status, stdout, stderr = run_generator("base.yaml", "other.yaml", "--out-dir", out, cwd=self.tmp)
        self.assertEqual((status, stdout), (2, ""))
        self.assertEqual(stderr, "error: other.yaml:5: type 'Color' is defined twice: here and at base.yaml:5\n")
        self.assertFalse(out.exists())
        # In different namespaces the two do not meet: allowed.
        self.write("other.yaml", BASE.replace("schema: base", "schema: other").replace("base.hpp", "other.hpp"),
                   namespace="sdk_b")
        status, _, stderr = run_generator("base.yaml", "other.yaml", "--out-dir", out, "--quiet", cwd=self.tmp)
        self.assertEqual((status, stderr), (0, ""))

    def test_an_error_in_an_imported_file_names_that_file(self):
        self.write("base.yaml", BASE.replace("type: Color", "type: Colour"))
        self.write("user.yaml", USER)
        status, _, stderr = run_generator("user.yaml", "--out-dir", self.tmp / "out", cwd=self.tmp)
        self.assertEqual(status, 2)
        self.assertTrue(stderr.startswith("error: base.yaml:17: unknown type 'Colour'"), stderr)

    def test_two_imports_defining_one_type_is_an_error_naming_both(self):
        self.write("base.yaml", BASE)
        self.write("copy.yaml", BASE.replace("schema: base", "schema: copy").replace("base.hpp", "copy.hpp"))
        self.write("user.yaml", USER.replace("imports: [base.yaml]", "imports: [base.yaml, copy.yaml]"))
        status, _, stderr = run_generator("user.yaml", "--out-dir", self.tmp / "out", cwd=self.tmp)
        self.assertEqual(status, 2)
        self.assertEqual(stderr, "error: user.yaml:4: type 'Color' is defined twice: at base.yaml:5 and at copy.yaml:5\n")

    def test_output_is_the_same_bytes_whatever_the_hash_seed(self):
        self.write("base.yaml", BASE)
        self.write("user.yaml", USER)
        outputs = []
        for seed in ("0", "1", "12345"):
            out = self.tmp / f"out-{seed}"
            status, _, stderr = run_generator_process(self.tmp, "--out-dir", out, "--docs-dir", out / "docs",
                                                      cwd=self.tmp, env={"PYTHONHASHSEED": seed})
            self.assertEqual((status, stderr), (0, ""))
            outputs.append({p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
                            if p.is_file()})
        self.assertEqual(outputs[0], outputs[1])
        self.assertEqual(outputs[0], outputs[2])

    def test_imports_in_a_renamed_namespace_compile_beside_the_project_headers(self):
        """The isolation feature with two schemas: both in namespace sdk_b share one renamed
        runtime; they and the project's signalwire/recording.hpp compile and run in one program."""
        for namespace in ("signalwire", "sdk_b"):
            with self.subTest(namespace=namespace):
                self.write("base.yaml", BASE, namespace)
                self.write("user.yaml", USER, namespace)
                include = self.tmp / f"include-{namespace}"
                status, _, stderr = run_generator("base.yaml", "user.yaml", "--out-dir", include, "--quiet",
                                                  cwd=self.tmp)
                self.assertEqual((status, stderr), (0, ""))
                source = self.tmp / f"program-{namespace}.cpp"
                source.write_text(PROGRAM.format(root=namespace, ns=namespace), encoding="utf-8")
                binary = self.tmp / f"program-{namespace}"
                built = subprocess.run(["g++", "-std=c++17", "-O0", *WARNINGS, f"-I{include}", f"-I{ROOT / 'include'}",
                                        str(source), "-o", str(binary), "-lboost_json"],
                                       capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600)
                self.assertEqual(built.returncode, 0, built.stderr[-3000:])
                ran = subprocess.run([str(binary)], capture_output=True, text=True, timeout=60)
                self.assertEqual(ran.returncode, 0)


class CheckedInSchemas(unittest.TestCase):
    def test_recording_imports_call_and_defines_none_of_its_types(self):
        recording = generate(str(ROOT / "schema" / "recording.yaml"))
        call = generate(str(ROOT / "schema" / "call.yaml"))
        self.assertEqual([s.source for s in recording.imports], ["schema/call.yaml"])
        mine = {t.name for t in list(recording.enums) + list(recording.objects)}
        theirs = {t.name for t in list(call.enums) + list(call.objects)}
        self.assertEqual(mine & theirs, set())
        self.assertEqual(list(recording.api_errors), ["ErrorResponse", "ErrorArrayResponse"])
        self.assertEqual([o.name for o in recording.objects], ["RecordingSubresourceUris", "Recording", "RecordingList"])

    def test_the_schema_directory_is_up_to_date_and_lists_every_schema_but_the_overlays(self):
        status, stdout, stderr = run_generator("schema", "--out-dir", "include", "--docs-dir", "docs/reference",
                                               "--check")
        self.assertEqual((status, stderr), (0, ""))
        status, stdout, _ = run_generator("schema", "--list")
        self.assertEqual(status, 0)
        listed = [line.split(" ")[0] for line in stdout.splitlines()]
        expected = sorted(p for p in os.listdir(ROOT / "schema") if p.endswith(".yaml") and not p.endswith(".overlay.yaml"))
        self.assertEqual(listed, [os.path.join("schema", p) for p in expected])
        self.assertIn("schema/recording.yaml signalwire/recording.hpp", stdout.splitlines())


if __name__ == "__main__":
    unittest.main()
