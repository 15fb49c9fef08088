"""Validation beyond the bad corpus: what is accepted, the limits at their edges, and
the C++ types fields become. (Each single error is a file of tests/generator/bad.)"""

import os
import tempfile
import unittest
from pathlib import Path

from generator.errors import SchemaError
from generator.source import MAX_NESTING, MAX_SCHEMA_BYTES, load, parse
from generator.validate import MAX_FIELDS, validate

HEAD = "schema: test\nnamespace: signalwire\nheader: signalwire/test.hpp\n"
ENUM = """enums:
  - name: Color
    description: A color.
    values:
      - wire: red
        description: Red.
"""
OBJ = """objects:
  - name: Thing
    description: A thing.
    fields:
      - json: name
        type: string
        description: The name.
"""


def field(json, type_, extra=""):
    return f"      - json: {json}\n        type: {type_}\n{extra}        description: A field.\n"


class Validation(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.tmp = Path(tmp.name)

    def write(self, content, name="schema.yaml"):
        path = self.tmp / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="\n")
        return str(path)

    def check(self, content):
        path = self.write(content)
        return validate(load(path), path)

    def assert_error(self, content, line, message):
        path = self.write(content)
        with self.assertRaises(SchemaError) as caught:
            validate(load(path), path)
        self.assertEqual(str(caught.exception), f"{path}:{line}: {message}")

    def test_the_corpus_base_is_valid(self):
        """The bad corpus is built from these pieces, so each of its files has one problem."""
        schema = self.check(HEAD + ENUM + OBJ)
        self.assertEqual((schema.name, schema.namespace, schema.header), ("test", "signalwire", "signalwire/test.hpp"))
        self.assertEqual([e.name for e in schema.enums], ["Color"])
        self.assertEqual(self.check(HEAD + OBJ).enums, [])

    def test_empty_file(self):
        self.assert_error(b"", 1, "schema is empty")
        self.assert_error("\n\n   \n", 1, "schema is empty")

    def test_missing_file(self):
        path = str(self.tmp / "missing.yaml")
        with self.assertRaises(SchemaError) as caught:
            load(path)
        self.assertEqual(str(caught.exception), f"{path}:0: cannot read the schema: No such file or directory")

    def test_directory(self):
        with self.assertRaises(SchemaError) as caught:
            load(str(self.tmp))
        self.assertEqual(str(caught.exception), f"{self.tmp}:0: cannot read the schema: Is a directory")

    def test_size_limit(self):
        base = HEAD + OBJ
        padding = "#" * 1000 + "\n"
        exact = base + padding * ((MAX_SCHEMA_BYTES - len(base)) // len(padding))
        exact += "#" * (MAX_SCHEMA_BYTES - len(exact) - 1) + "\n"
        self.assertEqual(len(exact.encode()), MAX_SCHEMA_BYTES)
        self.check(exact)
        self.assert_error(exact + "\n", 0, f"schema is larger than {MAX_SCHEMA_BYTES} bytes")

    def test_nesting_limit(self):
        parse("a: " + "[" * (MAX_NESTING - 1) + "]" * (MAX_NESTING - 1) + "\n", "deep.yaml")
        with self.assertRaises(SchemaError) as caught:
            parse("a: " + "[" * MAX_NESTING + "]" * MAX_NESTING + "\n", "deep.yaml")
        self.assertEqual(str(caught.exception), "deep.yaml:1: schema nests too deeply")

    def test_field_limit(self):
        def schema(count):
            return HEAD + "objects:\n  - name: Thing\n    description: A thing.\n    fields:\n" + "".join(
                field(f"f{i}", "string") for i in range(count))
        self.assertEqual(len(self.check(schema(MAX_FIELDS)).objects[0].fields), 64)
        self.assert_error(schema(MAX_FIELDS + 1), 7, "object Thing has 65 fields; at most 64")

    def test_first_error_in_file_order(self):
        """One error is reported, the first met: the unknown key before the missing one."""
        self.assert_error(HEAD.replace("header: signalwire/test.hpp\n", "heder: x\n") + OBJ, 3,
                          "unknown key 'heder' in the schema (allowed: schema, namespace, header, enums, objects, api_errors, endpoints, imports)")

    def test_booleans(self):
        fields = (field("a", "string", "        required: true\n") + field("b", "string", "        required: false\n")
                  + field("c", "string", "        nullable: 'true'\n") + field("d", "string"))
        obj = self.check(HEAD + "objects:\n  - name: Thing\n    description: A thing.\n    fields:\n" + fields).objects[0]
        self.assertEqual([(f.required, f.nullable) for f in obj.fields],
                         [(True, False), (False, False), (False, True), (False, False)])

    def test_allow_any_wire(self):
        """A wire value with whitespace is refused (a typo for '-', which would compile and
        then decode the real value as unknown) unless the enum says allow_any_wire."""
        enum = ENUM.replace("wire: red", "wire: two words")
        self.assert_error(HEAD + enum + OBJ, 8,
                          "value 'two words' of enum Color contains whitespace, which real wire values never do "
                          "(a typo for 'two-words'?); 'allow_any_wire: true' on the enum allows it")
        allowed = enum.replace("    description: A color.\n", "    description: A color.\n    allow_any_wire: true\n")
        values = self.check(HEAD + allowed + OBJ).enums[0].values
        self.assertEqual([(v.wire, v.cpp) for v in values], [("two words", "two_words")])

    def test_cpp_name(self):
        """`cpp:` names the C++ member; the JSON name stays the wire name."""
        fields = field("price_unit", "string", "        cpp: currency\n") + field("class", "string")
        obj = self.check(HEAD + "objects:\n  - name: Thing\n    description: A thing.\n    fields:\n" + fields).objects[0]
        self.assertEqual([(f.json, f.cpp) for f in obj.fields], [("price_unit", "currency"), ("class", "class_")])
        for bad in ("class", "2x", "a-b", "errno", "__x"):
            with self.subTest(cpp=bad):
                self.assert_error(HEAD + "objects:\n  - name: Thing\n    description: A thing.\n    fields:\n"
                                  + field("price_unit", "string", f"        cpp: '{bad}'\n"), 10,
                                  f"'cpp' must be a C++ identifier that is not a keyword, a standard macro or "
                                  f"reserved, not '{bad}'")
        self.assert_error(HEAD + "objects:\n  - name: Thing\n    description: A thing.\n    fields:\n"
                          + field("a", "string") + field("b", "string", "        cpp: a\n"), 11,
                          "field 'b' of object Thing becomes C++ 'a', as 'a' at line 8 does")

    def test_cpp_types(self):
        specs = [
            ("s", "string", "", "std::optional<std::string>"),
            ("b", "boolean", "", "std::optional<bool>"),
            ("i", "int32", "", "std::optional<std::int32_t>"),
            ("l", "int64", "", "std::optional<std::int64_t>"),
            ("d", "double", "", "std::optional<double>"),
            ("m", "decimal", "", "std::optional<decimal>"),
            ("t", "datetime", "", "std::optional<timestamp>"),
            ("e", "Color", "", "std::optional<open_enum<Color>>"),
            ("o", "Inner", "", "std::optional<Inner>"),
            ("v", "array", "        items: Inner\n", "std::optional<std::vector<Inner>>"),
            ("rs", "string", "        required: true\n", "std::string"),
            ("re", "Color", "        required: true\n", "open_enum<Color>"),
            ("rv", "array", "        items: Inner\n        required: true\n", "std::vector<Inner>"),
            ("rn", "int32", "        required: true\n        nullable: true\n", "std::optional<std::int32_t>"),
            ("n", "double", "        nullable: true\n", "std::optional<double>"),
        ]
        schema = (HEAD + ENUM + "objects:\n  - name: Inner\n    description: Inner.\n    fields:\n" + field("x", "string")
                  + "  - name: Thing\n    description: A thing.\n    fields:\n"
                  + "".join(field(json, type_, extra) for json, type_, extra, _ in specs))
        obj = self.check(schema).objects[1]
        self.assertEqual([(f.json, f.cpp_type) for f in obj.fields], [(s[0], s[3]) for s in specs])

    def test_objects_in_dependency_order(self):
        schema = (HEAD + "objects:\n"
                  "  - name: Outer\n    description: Holds Middle.\n    fields:\n" + field("m", "Middle")
                  + "  - name: Middle\n    description: Holds Inner.\n    fields:\n" + field("i", "array", "        items: Inner\n")
                  + "  - name: Inner\n    description: Holds nothing.\n    fields:\n" + field("x", "string"))
        self.assertEqual([o.name for o in self.check(schema).objects], ["Inner", "Middle", "Outer"])

    def test_non_ascii_text_is_kept(self):
        obj = self.check(HEAD + OBJ.replace("A thing.", "Caf\u00e9 \u2615, \u201cquoted\u201d.")).objects[0]
        self.assertEqual(obj.description, "Caf\u00e9 \u2615, \u201cquoted\u201d.")

    def test_description_may_span_lines(self):
        schema = self.check(HEAD + OBJ.replace("    description: A thing.\n",
                                               "    description: |\n      First paragraph.\n      Second one.\n"))
        self.assertEqual(schema.objects[0].description, "First paragraph.\nSecond one.\n")

    def test_unreadable_bytes_name_their_line(self):
        self.assert_error((HEAD + OBJ).encode().replace(b"The name.", b"The \xff name."), 10, "schema is not valid UTF-8")


if __name__ == "__main__":
    unittest.main()
