"""`python3 -m generator diff OLD NEW`: every change classified on C++ source compatibility
and wire compatibility (lenient and strict decoding), one case per row of a table made
from a small base schema; the seed fixture against today's schema, both directions; the
text and JSON reports agree, and are the same run after run."""

import json
import tempfile
import unittest
from pathlib import Path

from generator.__main__ import generate
from generator.diff import compare, render_json, render_text
from tests.generator.support import run_generator, run_generator_process

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests/generator/fixtures/call-seed.yaml"
TODAY = ROOT / "schema/call.yaml"

BASE = """\
schema: test
namespace: signalwire
header: signalwire/diff_test.hpp
api_errors: [Error]
enums:
  - name: Color
    description: A color.
    values:
      - wire: red
        description: Red.
      - wire: green
        description: Green.
objects:
  - name: Part
    description: A part.
    fields:
      - json: label
        type: string
        description: The label.
  - name: Thing
    description: A thing.
    fields:
      - json: sid
        type: string
        format: uuid
        required: true
        description: The sid.
        example: abc
      - json: size
        type: int32
        description: The size.
      - json: when
        type: datetime
        required: true
        nullable: true
        description: When.
      - json: note
        type: string
        nullable: true
        description: A note.
      - json: color
        type: Color
        description: The color.
      - json: parts
        type: array
        items: Part
        description: The parts.
  - name: Error
    description: An error body.
    fields:
      - json: message
        type: string
        description: The message.
endpoints:
  - id: get_thing
    summary: Get a Thing
    method: GET
    path: /Things/{Sid}
    request: GetThing
    scopes: [Things]
    path_params:
      - name: Sid
        member: sid
        type: sid
        description: The thing.
    query_params:
      - name: PageSize
        member: page_size
        type: int32
        minimum: 1
        maximum: 100
        description: The page size.
    responses:
      - status: 200
        model: Thing
      - status: 404
        model: Error
"""

B, C, W, N = "breaking", "compatible", "warning", "none"


def edit(*pairs):
    """A change to BASE: each (old, new) replaced exactly once."""
    def apply(text):
        for old, new in pairs:
            assert text.count(old) == 1, (old, text.count(old))
            text = text.replace(old, new)
        return text
    return apply


SIZE = "      - json: size\n        type: int32\n        description: The size.\n"
NOTE = "      - json: note\n        type: string\n        nullable: true\n        description: A note.\n"

# name: (edit of BASE, [(subject, kind, source, lenient, strict)], exit status)
CASES = {
    "nothing": (edit(), [], 0),
    "field added optional": (
        edit((SIZE, SIZE + "      - json: extra\n        type: string\n        description: New.\n")),
        [("Thing.extra", "field-added", C, C, B)], 0),
    "field added required": (
        edit((SIZE, SIZE + "      - json: extra\n        type: string\n        required: true\n"
                           "        description: New.\n")),
        [("Thing.extra", "field-added", C, B, B)], 1),
    "field removed optional": (edit((SIZE, "")), [("Thing.size", "field-removed", B, C, B)], 1),
    "field removed required": (
        edit(("      - json: sid\n        type: string\n        format: uuid\n        required: true\n"
              "        description: The sid.\n        example: abc\n", "")),
        [("Thing.sid", "field-removed", B, B, B)], 1),
    "field renamed": (
        edit((SIZE, SIZE.replace("json: size", "json: length"))),
        [("Thing.length", "field-added", C, C, B), ("Thing.size", "field-removed", B, C, B)], 1),
    "C++ member renamed (cpp:)": (
        edit((SIZE, SIZE.replace("        type: int32\n", "        cpp: length\n        type: int32\n"))),
        [("Thing.size", "member-renamed", B, N, N)], 1),
    "type changed": (
        edit((SIZE, SIZE.replace("int32", "string"))), [("Thing.size", "type-changed", B, B, B)], 1),
    "type widened int32 -> int64": (
        edit((SIZE, SIZE.replace("int32", "int64"))), [("Thing.size", "type-changed", B, B, B)], 1),
    "array items changed": (
        edit(("        items: Part\n", "        items: Error\n")), [("Thing.parts", "type-changed", B, B, B)], 1),
    "format changed": (
        edit(("        format: uuid\n", "        format: uri\n")), [("Thing.sid", "format-changed", N, N, N)], 0),
    "optional -> required": (
        edit((SIZE, SIZE.replace("type: int32\n", "type: int32\n        required: true\n"))),
        [("Thing.size", "made-required", B, B, B)], 1),
    "optional -> required, nullable (C++ type unchanged)": (
        edit((NOTE, NOTE.replace("nullable: true\n", "nullable: true\n        required: true\n"))),
        [("Thing.note", "made-required", C, B, B)], 1),
    "required -> optional": (
        edit(("        format: uuid\n        required: true\n", "        format: uuid\n")),
        [("Thing.sid", "made-optional", B, B, B)], 1),
    "nullable -> non-null, required (C++ optional<T> -> T)": (
        edit(("        required: true\n        nullable: true\n        description: When.",
              "        required: true\n        description: When.")),
        [("Thing.when", "made-non-null", B, B, B)], 1),
    "nullable -> non-null, optional (C++ type unchanged)": (
        edit((NOTE, NOTE.replace("        nullable: true\n", ""))), [("Thing.note", "made-non-null", C, B, B)], 1),
    "non-null -> nullable (C++ T -> optional<T>)": (
        edit(("        format: uuid\n        required: true\n",
              "        format: uuid\n        required: true\n        nullable: true\n")),
        [("Thing.sid", "made-nullable", B, B, B)], 1),
    "enum value added": (
        edit(("      - wire: green\n", "      - wire: blue\n        description: Blue.\n      - wire: green\n")),
        [("Color.blue", "enum-value-added", W, C, B)], 0),
    "enum value removed": (
        edit(("      - wire: green\n        description: Green.\n", "")),
        [("Color.green", "enum-value-removed", B, C, B)], 1),
    "enum added": (
        edit(("objects:\n", "  - name: Shape\n    description: A shape.\n    values:\n      - wire: round\n"
                            "        description: Round.\nobjects:\n")),
        [("Shape", "enum-added", C, N, N)], 0),
    "object added": (
        edit(("endpoints:\n", "  - name: Extra\n    description: Extra.\n    fields:\n      - json: x\n"
                              "        type: string\n        description: X.\nendpoints:\n")),
        [("Extra", "object-added", C, N, N)], 0),
    "object removed": (
        edit(("      - json: parts\n        type: array\n        items: Part\n        description: The parts.\n", ""),
             ("  - name: Part\n    description: A part.\n    fields:\n      - json: label\n        type: string\n"
              "        description: The label.\n", "")),
        [("Part", "object-removed", B, N, N), ("Thing.parts", "field-removed", B, C, B)], 1),
    "object renamed": (
        edit(("  - name: Part\n", "  - name: Piece\n"), ("        items: Part\n", "        items: Piece\n")),
        [("Piece", "object-renamed", B, C, C)], 1),
    "description and example changed": (
        edit(("        description: The sid.\n        example: abc\n",
              "        description: The identifier.\n        example: xyz\n"),
             ("    description: A color.\n", "    description: A colour.\n")),
        [("Color", "description-changed", N, N, N), ("Thing.sid", "description-changed", N, N, N),
         ("Thing.sid", "example-changed", N, N, N)], 0),
    "namespace changed": (
        edit(("namespace: signalwire\nheader: signalwire/diff_test.hpp",
              "namespace: sdk_b\nheader: sdk_b/diff_test.hpp")),
        [("header", "header-changed", B, N, N), ("namespace", "namespace-changed", B, N, N)], 1),
    "endpoint added": (
        edit(("    responses:\n      - status: 200\n        model: Thing\n      - status: 404\n        model: Error\n",
              "    responses:\n      - status: 200\n        model: Thing\n      - status: 404\n        model: Error\n"
              "  - id: list_things\n    summary: List Things\n    method: GET\n    path: /Things\n"
              "    request: ListThings\n    scopes: [Things]\n    responses:\n      - status: 200\n"
              "        model: Thing\n")),
        [("endpoint list_things", "endpoint-added", C, N, N)], 0),
    "endpoint removed": (
        lambda text: text[:text.index("endpoints:\n")],  # the whole section goes
        [("endpoint get_thing", "endpoint-removed", B, N, N)], 1),
    "endpoint path changed": (
        edit(("    path: /Things/{Sid}\n", "    path: /Items/{Sid}\n")),
        [("endpoint get_thing", "path-changed", C, B, B)], 1),
    "query parameter added": (
        edit(("    responses:\n", "      - name: Page\n        member: page\n        type: int32\n"
                                  "        description: The page.\n    responses:\n")),
        [("endpoint get_thing query Page", "param-added", C, C, C)], 0),
    "query parameter removed": (
        edit(("      - name: PageSize\n        member: page_size\n        type: int32\n        minimum: 1\n"
              "        maximum: 100\n        description: The page size.\n", ""),
             ("    query_params:\n", "")),
        [("endpoint get_thing query PageSize", "param-removed", B, C, C)], 1),
    "parameter bounds narrowed": (
        edit(("        maximum: 100\n", "        maximum: 50\n")),
        [("endpoint get_thing query PageSize", "param-bounds-changed", C, B, B)], 1),
    "parameter bounds widened": (
        edit(("        maximum: 100\n", "        maximum: 500\n")),
        [("endpoint get_thing query PageSize", "param-bounds-changed", C, C, C)], 0),
    "error response added": (
        edit(("      - status: 404\n        model: Error\n",
              "      - status: 404\n        model: Error\n      - status: 401\n        model: Error\n")),
        [("endpoint get_thing response 401", "response-added", C, C, C)], 0),
    "success model changed": (
        edit(("      - status: 200\n        model: Thing\n", "      - status: 200\n        model: Part\n")),
        [("endpoint get_thing response 200", "response-model-changed", B, B, B)], 1),
    "scope added": (
        edit(("    scopes: [Things]\n", "    scopes: [Things, Admin]\n")),
        [("endpoint get_thing", "scopes-added", C, B, B)], 1),
}


def new_text(name):
    change, _, _ = CASES[name]
    return change(BASE)


class DiffCases(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.tmp = Path(tmp.name)
        self.old = self.tmp / "old.yaml"
        self.old.write_text(BASE, encoding="utf-8")

    def test_table(self):
        for name, (_, expected, status) in CASES.items():
            with self.subTest(name):
                new = self.tmp / "new.yaml"
                new.write_text(new_text(name), encoding="utf-8")
                code, out, err = run_generator("diff", self.old, new, "--format", "json")
                self.assertEqual(err, "")
                doc = json.loads(out)
                got = sorted((c["subject"], c["kind"], c["source"], c["wire"]["lenient"], c["wire"]["strict"])
                             for c in doc["changes"])
                self.assertEqual(got, sorted(expected))
                self.assertEqual(code, status)
                self.assertEqual(doc["breaking"], status == 1)

    def test_renamed_field_is_named_as_possibly_renamed(self):
        new = self.tmp / "new.yaml"
        new.write_text(new_text("field renamed"), encoding="utf-8")
        code, out, _ = run_generator("diff", self.old, new)
        self.assertEqual(code, 1)
        self.assertIn("Thing.length: field added: optional int32 (possibly renamed from size)\n", out)
        self.assertIn("Thing.size: field removed: was optional int32 (possibly renamed to length)\n", out)

    def test_enum_value_added_says_what_it_means_for_strict_and_switch(self):
        new = self.tmp / "new.yaml"
        new.write_text(new_text("enum value added"), encoding="utf-8")
        _, out, _ = run_generator("diff", self.old, new, "--format", "json")
        why = json.loads(out)["changes"][0]["why"]
        self.assertIn("-Werror=switch", why)
        self.assertIn("strict one rejects", why)

    def test_strict_counts_strict_breaks(self):
        new = self.tmp / "new.yaml"
        new.write_text(new_text("enum value added"), encoding="utf-8")
        self.assertEqual(run_generator("diff", self.old, new)[0], 0)
        code, out, _ = run_generator("diff", self.old, new, "--strict")
        self.assertEqual(code, 1)
        self.assertTrue(out.startswith("breaking "), out)

    def test_text_line_format(self):
        new = self.tmp / "new.yaml"
        new.write_text(new_text("type changed"), encoding="utf-8")
        code, out, err = run_generator("diff", self.old, new)
        self.assertEqual((code, err), (1, ""))
        self.assertEqual(out, "breaking   source:breaking   lenient:breaking   strict:breaking   Thing.size: type int32 "
                              "-> string (C++ std::optional<std::int32_t> -> std::optional<std::string>)\n"
                              "1 change: 1 breaking, 0 compatible, 0 info\n")
        self.assertEqual(run_generator("diff", self.old, self.old), (0, "no changes\n", ""))

    def test_schema_error_exits_2_as_the_generator_reports_it(self):
        bad = self.tmp / "bad.yaml"
        bad.write_text(BASE.replace("type: int32\n        description: The size.", "type: strnig\n"
                                    "        description: The size."), encoding="utf-8")
        code, out, err = run_generator("diff", self.old, bad)
        self.assertEqual((code, out), (2, ""))
        self.assertRegex(err, rf"^error: {bad}:\d+: unknown type 'strnig'")
        code, out, err = run_generator("diff", self.old, self.tmp / "missing.yaml")
        self.assertEqual((code, out), (2, ""))
        self.assertTrue(err.startswith("error: "), err)

    def test_usage_error_exits_2(self):
        self.assertEqual(run_generator("diff", self.old)[0], 2)
        self.assertEqual(run_generator("diff", self.old, self.old, "--format", "xml")[0], 2)


class SeedAgainstToday(unittest.TestCase):
    """The seed ("Retrieve a Call", 23 fields, 7 status values) against schema/call.yaml."""

    @classmethod
    def setUpClass(cls):
        cls.seed, cls.today = generate(str(SEED)), generate(str(TODAY))

    def facts(self):
        """What differs, taken from the loaded models, not written down here."""
        old_call = {f.json for f in next(o for o in self.seed.objects if o.name == "Call").fields}
        new_call = {f.json for f in next(o for o in self.today.objects if o.name == "Call").fields}
        old_status = {v.wire for v in next(e for e in self.seed.enums if e.name == "CallStatus").values}
        new_status = {v.wire for v in next(e for e in self.today.enums if e.name == "CallStatus").values}
        return old_call, new_call, old_status, new_status

    def test_the_seed_is_the_page(self):
        old_call, new_call, old_status, new_status = self.facts()
        self.assertEqual(len(old_call), 23)
        self.assertEqual(old_status, {"queued", "ringing", "in-progress", "canceled", "completed", "busy", "failed"})
        self.assertLessEqual(old_call, new_call)
        self.assertLessEqual(old_status, new_status)
        # The issue counted 13 added fields and `no-answer`; real servers also sent `initiated`.
        self.assertEqual(len(new_call - old_call), 13)
        self.assertEqual(new_status - old_status, {"no-answer", "initiated"})

    def test_seed_to_today_is_compatible(self):
        old_call, new_call, old_status, new_status = self.facts()
        code, out, err = run_generator("diff", SEED, TODAY, "--format", "json")
        self.assertEqual((code, err), (0, ""))
        doc = json.loads(out)
        self.assertFalse(doc["breaking"])
        expected = sorted([(f"Call.{j}", "field-added") for j in new_call - old_call]
                          + [(f"CallStatus.{w}", "enum-value-added") for w in new_status - old_status])
        self.assertEqual(sorted((c["subject"], c["kind"]) for c in doc["changes"]), expected)
        for c in doc["changes"]:
            self.assertEqual((c["verdict"], c["wire"]["lenient"], c["wire"]["strict"]),
                             ("compatible", "compatible", "breaking"), c)
            self.assertIn(c["source"], ("compatible", "warning"))

    def test_today_to_seed_is_breaking(self):
        old_call, new_call, old_status, new_status = self.facts()
        code, out, err = run_generator("diff", TODAY, SEED, "--format", "json")
        self.assertEqual((code, err), (1, ""))
        doc = json.loads(out)
        expected = sorted([(f"Call.{j}", "field-removed") for j in new_call - old_call]
                          + [(f"CallStatus.{w}", "enum-value-removed") for w in new_status - old_status])
        self.assertEqual(sorted((c["subject"], c["kind"]) for c in doc["changes"]), expected)
        self.assertTrue(all(c["verdict"] == "breaking" and c["source"] == "breaking" for c in doc["changes"]))

    def test_text_and_json_agree(self):
        for old, new in ((SEED, TODAY), (TODAY, SEED)):
            with self.subTest(old=old.name, new=new.name):
                code_t, text, _ = run_generator("diff", old, new)
                code_j, js, _ = run_generator("diff", old, new, "--format", "json")
                self.assertEqual(code_t, code_j)
                doc = json.loads(js)
                lines = text.splitlines()
                self.assertEqual(len(lines), len(doc["changes"]) + 1)
                for line, c in zip(lines, doc["changes"]):
                    verdict, source, lenient, strict, rest = line.split(None, 4)
                    self.assertEqual((verdict, source, lenient, strict, rest),
                                     (c["verdict"], "source:" + c["source"], "lenient:" + c["wire"]["lenient"],
                                      "strict:" + c["wire"]["strict"], f"{c['subject']}: {c['message']}"))
                self.assertEqual(lines[-1], f"{len(doc['changes'])} changes: " + ", ".join(
                    f"{doc['counts'][v]} {v}" for v in ("breaking", "compatible", "info")))

    def test_deterministic(self):
        changes = compare(self.seed, self.today)
        self.assertEqual(render_text(changes), render_text(list(reversed(changes))))
        self.assertEqual(render_json(changes, "a", "b"), render_json(list(reversed(changes)), "a", "b"))
        first = run_generator("diff", SEED, TODAY)
        self.assertEqual(run_generator("diff", SEED, TODAY), first)

    def test_the_command_itself(self):
        # python3 -m generator diff, in a process of its own; the generator's own form still works.
        code, out, err = run_generator_process("diff", "tests/generator/fixtures/call-seed.yaml", "schema/call.yaml")
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(out, run_generator("diff", SEED, TODAY)[1])
        code, out, err = run_generator_process("schema/call.yaml", "--out-dir", "include", "--check")
        self.assertEqual((code, err), (0, ""), out)


if __name__ == "__main__":
    unittest.main()
