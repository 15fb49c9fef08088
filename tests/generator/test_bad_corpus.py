"""The corpus of bad schemas: tests/generator/bad/*.yaml.

Each file is a whole small schema with exactly one problem; its first line records
the error it must give, after the path:

    # expect: 12: 'required' must be true or false, not 'yes'

Add a file to add a case; nothing else needs to change.
"""

import contextlib
import io
import os
import re
import tempfile
import unittest
from pathlib import Path

from generator.__main__ import main
from generator.errors import SchemaError
from generator.source import load
from generator.validate import validate

ROOT = Path(__file__).resolve().parents[2]
BAD = Path(__file__).resolve().parent / "bad"
EXPECT = re.compile(rb"# expect: (\d+)(?::(\d+))?: (.+)\n")


def corpus():
    """(file, expected line, expected message) for every file of the corpus."""
    cases = []
    for path in sorted(BAD.glob("*.yaml")):
        with open(path, "rb") as f:
            first = f.readline()
        m = EXPECT.fullmatch(first)
        if m is None:
            raise AssertionError(f"{path}: the first line must be '# expect: LINE[:COLUMN]: MESSAGE', not {first!r}")
        line = int(m.group(1)) if m.group(2) is None else f"{int(m.group(1))}:{int(m.group(2))}"
        cases.append((path, line, m.group(3).decode("utf-8")))
    return cases


class BadCorpus(unittest.TestCase):
    def test_corpus_is_there(self):
        self.assertGreaterEqual(len(corpus()), 30)

    def test_each_file_gives_its_exact_error(self):
        """load -> validate, with the path passed as is: `path:line: message`."""
        for path, line, message in corpus():
            with self.subTest(file=path.name):
                with self.assertRaises(SchemaError) as caught:
                    validate(load(str(path)), str(path))
                self.assertEqual(str(caught.exception), f"{path}:{line}: {message}")
                e = caught.exception
                where = f"{e.line}:{e.column}" if e.column else e.line
                self.assertEqual((where, e.message), (line, message))

    def test_each_file_fails_the_command_and_writes_nothing(self):
        """The command line, from the project root as meson runs it: exit 2, the error
        on stderr, nothing on stdout, nothing in the output directory."""
        previous = os.getcwd()
        os.chdir(ROOT)
        self.addCleanup(os.chdir, previous)
        for path, line, message in corpus():
            relative = path.relative_to(ROOT).as_posix()
            with self.subTest(file=path.name), tempfile.TemporaryDirectory() as out:
                stdout, stderr = io.StringIO(), io.StringIO()
                with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
                    status = main([relative, "--out-dir", out])
                self.assertEqual(status, 2)
                self.assertEqual(stderr.getvalue(), f"error: {relative}:{line}: {message}\n")
                self.assertEqual(stdout.getvalue(), "")
                self.assertEqual(os.listdir(out), [])


if __name__ == "__main__":
    unittest.main()
