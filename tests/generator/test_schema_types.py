"""Arrays of scalars and of enum values, and `deprecated: true`: what the schema accepts,
the C++ the header declares, the reference document, and how diff classifies them.
(The C++ behaviour: tests/test_schema_types.cpp and tests/schema/deprecated_check.py.)"""

import tempfile
import unittest
from pathlib import Path

from generator.diff import compare, render_text
from generator.docs import render_reference
from generator.errors import SchemaError
from generator.model import BUILTINS
from generator.render import render_header
from generator.source import load
from generator.validate import MAX_NESTING, validate

HEAD = "schema: test\nnamespace: signalwire\nheader: signalwire/test.hpp\n"
ENUM = """enums:
  - name: Color
    description: A color.
    values:
      - wire: red
        description: Red.
      - wire: blue
        description: "Deprecated: use red."
        deprecated: true
      - wire: grey
        description: Grey.
        deprecated: true
"""


def field(json, type_, extra=""):
    return f"      - json: {json}\n        type: {type_}\n{extra}        description: A field.\n"


def obj(name, *fields):
    return f"  - name: {name}\n    description: The {name}.\n    fields:\n" + "".join(fields)


class Base(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.tmp = Path(tmp.name)
        self.count = 0

    def path_of(self, text):
        self.count += 1
        path = self.tmp / f"schema{self.count}.yaml"
        path.write_text(text, encoding="utf-8")
        return str(path)

    def check(self, text):
        path = self.path_of(text)
        return validate(load(path), path)

    def assert_error(self, text, line, message):
        path = self.path_of(text)
        with self.assertRaises(SchemaError) as caught:
            validate(load(path), path)
        self.assertEqual(str(caught.exception), f"{path}:{line}: {message}")


class Arrays(Base):
    def test_every_builtin_but_boolean_and_enums_and_objects_are_items(self):
        cases = [(name, f"std::vector<{b.cpp}>") for name, b in BUILTINS.items() if b.array_item]
        self.assertEqual([c[0] for c in cases], ["string", "int32", "int64", "double", "decimal", "datetime"])
        cases += [("Color", "std::vector<open_enum<Color>>"), ("Inner", "std::vector<Inner>")]
        fields = [field(f"f{i}", "array", f"        items: {item}\n") for i, (item, _) in enumerate(cases)]
        fields.append(field("req", "array", "        items: string\n        required: true\n"))
        schema = self.check(HEAD + ENUM + "objects:\n" + obj("Inner", field("x", "string")) + obj("Thing", *fields))
        thing = schema.objects[1]
        self.assertEqual([(f.type.kind, f.type.name, f.type.item_kind, f.cpp_type) for f in thing.fields],
                         [("array", item, "object" if item == "Inner" else "enum" if item == "Color" else "builtin",
                           f"std::optional<{cpp}>") for item, cpp in cases]
                         + [("array", "string", "builtin", "std::vector<std::string>")])
        self.assertEqual([f.type.object for f in thing.fields], [None] * 7 + ["Inner", None])
        self.assertEqual(thing.fields[0].type.text, "array of string")

    def test_boolean_items_are_refused(self):
        self.assert_error(HEAD + "objects:\n" + obj("Thing", field("flags", "array", "        items: boolean\n")),
                          10, "an array of boolean is not supported (std::vector<bool> has no elements of that "
                              "type to decode into)")

    def test_an_array_of_scalars_adds_one_level(self):
        """An object holding an array of strings nests 2 levels deep; one holding an object
        that holds nothing nests 2 as well; an array of objects adds 2."""
        def chain(innermost_field, length):
            objects = [obj("O1", innermost_field)]
            for i in range(2, length + 1):
                objects.append(obj(f"O{i}", field("inner", f"O{i - 1}")))
            return HEAD + "objects:\n" + "".join(objects)

        strings = field("tags", "array", "        items: string\n")
        # O1 is 2 deep, O(n) is n + 1 deep: the longest chain allowed has MAX_NESTING - 1 objects.
        self.check(chain(strings, MAX_NESTING - 1))
        text = chain(strings, MAX_NESTING)
        line = text.splitlines().index(f"  - name: O{MAX_NESTING}") + 1
        self.assert_error(text, line, f"object O{MAX_NESTING} nests {MAX_NESTING + 1} levels deep; at most {MAX_NESTING}")
        # The same chain with a string instead of an array of strings is one level shallower.
        self.check(chain(field("tag", "string"), MAX_NESTING))

    def test_header_declares_the_vectors(self):
        schema = self.check(HEAD + ENUM + "objects:\n" + obj("Thing", field("tags", "array", "        items: string\n"),
                                                            field("colors", "array", "        items: Color\n")))
        header = render_header(schema)
        self.assertIn("    /// `tags`: array of string, optional.\n    std::optional<std::vector<std::string>> tags;\n",
                      header)
        self.assertIn("    /// `colors`: array of Color, optional.\n"
                      "    std::optional<std::vector<open_enum<Color>>> colors;\n", header)
        doc = render_reference(schema)
        self.assertIn("| `tags` | `tags` | `std::optional<std::vector<std::string>>` | no | no | A field. |  |", doc)


class Deprecated(Base):
    SCHEMA = HEAD + ENUM + "objects:\n" + obj(
        "Thing", field("name", "string"),
        "      - json: old\n        type: string\n        deprecated: true\n"
        "        description: |\n          The old name.\n          Deprecated: use \"name\".\n",
        field("count", "int32", "        required: true\n        deprecated: true\n"),
        field("flag", "boolean", "        deprecated: false\n"))

    def test_the_model_and_the_reason(self):
        schema = self.check(self.SCHEMA)
        thing = schema.objects[0]
        self.assertEqual([(f.json, f.deprecated and f.deprecated.reason) for f in thing.fields],
                         [("name", None), ("old", 'use "name".'), ("count", ""), ("flag", None)])
        self.assertEqual([(v.wire, v.deprecated and v.deprecated.reason) for v in schema.enums[0].values],
                         [("red", None), ("blue", "use red."), ("grey", "")])
        self.assertTrue(schema.has_deprecations())

    def test_the_header(self):
        header = render_header(self.check(self.SCHEMA))
        self.assertIn("    /// `old`: string, optional, deprecated.\n"
                      "    [[deprecated(\"use \\\"name\\\".\")]] std::optional<std::string> old{};\n", header)
        self.assertIn("    /// `count`: int32, required, deprecated.\n    [[deprecated]] std::int32_t count{};\n", header)
        self.assertIn("    std::optional<bool> flag;\n", header)
        self.assertIn("    red,                              ///< `red`: Red.\n"
                      "    blue [[deprecated(\"use red.\")]],  ///< `blue`: Deprecated: use red.\n"
                      "    grey [[deprecated]],              ///< `grey`: Grey.\n", header)
        # One push before the models (and before clang's own push, which it must enclose:
        # clang keeps one stack for both), one pop after the traits.
        push = '#pragma GCC diagnostic push\n#pragma GCC diagnostic ignored "-Wdeprecated-declarations"\n'
        self.assertEqual(header.count(push), 1)
        self.assertEqual(header.count("#pragma GCC diagnostic pop\n"), 1)
        self.assertLess(header.index(push), header.index("#pragma clang diagnostic push"))
        self.assertLess(header.index("#pragma clang diagnostic pop"), header.index("#pragma GCC diagnostic pop"))
        self.assertLess(header.index("struct object_traits<::signalwire::Thing>"),
                        header.index("#pragma GCC diagnostic pop"))

    def test_no_pragmas_without_deprecations(self):
        header = render_header(self.check(HEAD + "objects:\n" + obj("Thing", field("name", "string"))))
        self.assertNotIn("#pragma GCC", header)
        self.assertNotIn("deprecated", header)

    def test_the_reference_document(self):
        doc = render_reference(self.check(self.SCHEMA))
        self.assertIn("| `old` | `old` | `std::optional<std::string>` | no | no | **Deprecated.** The old name.<br>"
                      "Deprecated: use \"name\".<br> |  |", doc)
        self.assertIn("| `blue` | `Color::blue` | **Deprecated.** Deprecated: use red. |", doc)
        self.assertIn("| `red` | `Color::red` | Red. |", doc)
        self.assertIn("declared `[[deprecated]]`", doc)


class Diff(Base):
    BASE = HEAD + ENUM + "objects:\n" + obj(
        "Thing", field("tags", "array", "        items: string\n"), field("size", "int32"))

    def changes(self, old, new):
        a, b = self.path_of(old), self.path_of(new)
        c = compare(validate(load(a), a), validate(load(b), b))
        return [(x.subject, x.kind, x.source, x.lenient, x.strict, x.verdict()) for x in c], c

    def edit(self, *pairs):
        text = self.BASE
        for old, new in pairs:
            self.assertEqual(text.count(old), 1, old)
            text = text.replace(old, new)
        return text

    def test_item_type_changed_breaks_both_axes(self):
        got, c = self.changes(self.BASE, self.edit(("items: string", "items: int32")))
        self.assertEqual(got, [("Thing.tags", "type-changed", "breaking", "breaking", "breaking", "breaking")])
        self.assertEqual(c[0].message, "type array of string -> array of int32 (C++ std::optional<std::vector<std::string>> "
                                       "-> std::optional<std::vector<std::int32_t>>)")
        got, _ = self.changes(self.BASE, self.edit(("items: string", "items: Color")))
        self.assertEqual(got, [("Thing.tags", "type-changed", "breaking", "breaking", "breaking", "breaking")])
        got, _ = self.changes(self.BASE, self.edit(("type: array\n        items: string\n", "type: string\n")))
        self.assertEqual(got, [("Thing.tags", "type-changed", "breaking", "breaking", "breaking", "breaking")])

    def test_deprecating_is_compatible(self):
        deprecated = self.edit(("      - json: size\n        type: int32\n",
                                "      - json: size\n        type: int32\n        deprecated: true\n"))
        got, c = self.changes(self.BASE, deprecated)
        self.assertEqual(got, [("Thing.size", "deprecated", "warning", "none", "none", "compatible")])
        self.assertEqual(c[0].message, "field deprecated")
        self.assertIn("-Werror=deprecated-declarations", c[0].why)
        self.assertEqual(render_text(c).splitlines()[-1], "1 change: 0 breaking, 1 compatible, 0 info")
        got, _ = self.changes(deprecated, self.BASE)
        self.assertEqual(got, [("Thing.size", "undeprecated", "compatible", "none", "none", "compatible")])
        with_reason = deprecated.replace("        description: A field.\n",
                                         "        description: |\n          A field.\n          Deprecated: gone.\n")
        got, c = self.changes(deprecated, with_reason)
        self.assertEqual(sorted(got), [("Thing.size", "deprecation-reason-changed", "none", "none", "none", "info"),
                                       ("Thing.size", "description-changed", "none", "none", "none", "info"),
                                       ("Thing.tags", "description-changed", "none", "none", "none", "info")])
        self.assertIn("deprecation reason (none) -> gone.", [x.message for x in c])

    def test_deprecating_an_enum_value_is_compatible(self):
        got, c = self.changes(self.BASE, self.edit(("        description: Red.\n",
                                                    "        description: Red.\n        deprecated: true\n")))
        self.assertEqual(got, [("Color.red", "deprecated", "warning", "none", "none", "compatible")])
        self.assertEqual(c[0].message, "enum value deprecated")


if __name__ == "__main__":
    unittest.main()
