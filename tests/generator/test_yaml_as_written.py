"""YAML's implicit typing never changes anything: every scalar is the text written.

PyYAML's usual loaders would turn `no` and `on` into booleans, `2010-04-01` into a
date, `0123` into 83 (octal), `1e3` into a string or float depending on the reader,
`~` and `null` into None and `.inf` into infinity. The generator reads them all as
written, and they reach the header unchanged.
"""

import re
import tempfile
import unittest
from pathlib import Path

from generator.render import render_header
from generator.source import load
from generator.validate import validate

TRAPS = ["no", "on", "2010-04-01", "0123", "1e3", "~", "null", ".inf", "off", "yes", "0x1F", "+1", "1_000"]
IDENTIFIERS = ["no", "on", "_2010_04_01", "_0123", "_1e3", "_", "null", "_inf", "off", "yes", "_0x1F", "_1", "_1_000"]

SCHEMA = "".join([
    "schema: yaml_traps\n",
    "namespace: signalwire\n",
    "header: signalwire/yaml_traps.hpp\n",
    "enums:\n",
    "  - name: Trap\n",
    "    description: no\n",
    "    values:\n",
    *(f"      - wire: {t}\n        description: {t}\n" for t in TRAPS),
    "objects:\n",
    "  - name: Traps\n",
    "    description: 2010-04-01\n",
    "    fields:\n",
    *(f"      - json: f{i}\n        type: string\n        format: {t}\n        example: {t}\n        description: {t}\n"
      for i, t in enumerate(TRAPS)),
    "      - json: 'on'\n        type: Trap\n        required: true\n        description: on\n",
    "      - json: 'off'\n        type: string\n        required: 'true'\n        description: ~\n",
])


class AsWritten(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "traps.yaml"
            path.write_text(SCHEMA, encoding="utf-8")
            cls.schema = validate(load(str(path)), str(path))
        cls.text = render_header(cls.schema)

    def test_model_holds_the_text(self):
        enum = self.schema.enums[0]
        self.assertEqual(enum.description, "no")
        self.assertEqual([v.wire for v in enum.values], TRAPS)
        self.assertEqual([v.description for v in enum.values], TRAPS)
        self.assertEqual([v.cpp for v in enum.values], IDENTIFIERS)
        obj = self.schema.objects[0]
        self.assertEqual(obj.description, "2010-04-01")
        fields = obj.fields[:len(TRAPS)]
        self.assertEqual([f.example for f in fields], TRAPS)
        self.assertEqual([f.format for f in fields], TRAPS)
        self.assertEqual([f.description for f in fields], TRAPS)
        on, off = obj.fields[len(TRAPS):]
        self.assertEqual((on.json, on.cpp, on.description, on.required), ("on", "on", "on", True))
        # a quoted 'true' is the text true: quoting never matters
        self.assertEqual((off.json, off.description, off.required), ("off", "~", True))

    def test_enum_wire_values_in_the_header(self):
        for trap, ident in zip(TRAPS, IDENTIFIERS):
            with self.subTest(wire=trap):
                self.assertIn(f'        {{::signalwire::Trap::{ident}, "{trap}"}},\n', self.text)
                self.assertRegex(self.text, rf"\n    {re.escape(ident)}, +///< `{re.escape(trap)}`: {re.escape(trap)}\n")

    def test_examples_and_formats_in_the_header(self):
        for i, trap in enumerate(TRAPS):
            with self.subTest(example=trap):
                self.assertIn(f"    /// {trap}\n    /// `f{i}`: string ({trap}), optional. Example: `{trap}`.\n",
                              self.text)

    def test_descriptions_in_the_header(self):
        self.assertIn("\n/// no\nenum class Trap {\n", self.text)
        self.assertIn("\n/// 2010-04-01\nstruct Traps {\n", self.text)
        self.assertIn("    /// ~\n    /// `off`: string, required.\n    std::string off;\n", self.text)
        self.assertIn("    /// on\n    /// `on`: Trap, required.\n    open_enum<Trap> on;\n", self.text)


if __name__ == "__main__":
    unittest.main()
