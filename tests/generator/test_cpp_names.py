"""Wire names that are not C++ identifiers: keywords get a `_` after them (`class` ->
`class_`), other characters become `_`, a leading digit gets a `_` before it; the wire
name is kept as it was in the tables the codecs read. And the header such names give
compiles."""

import contextlib
import io
import shutil
import subprocess
import tempfile
import textwrap
import unittest
from pathlib import Path

from generator import cpp
from generator.__main__ import main

ROOT = Path(__file__).resolve().parents[2]

KEYWORD_SCHEMA = """\
schema: kw_test
namespace: {namespace}
header: signalwire/kw_test.hpp
enums:
  - name: Verb
    description: Values named like C++ keywords.
    values:
      - wire: delete
        description: A keyword.
      - wire: new
        description: Another keyword.
      - wire: in-progress
        description: A dash.
      - wire: 0123
        description: A leading digit.
objects:
  - name: Inner
    description: Held by Keywords.
    fields:
      - json: int
        type: int32
        required: true
        description: A keyword.
  - name: Keywords
    description: Fields named like C++ keywords and like the generated code's own names.
    fields:
      - json: class
        type: string
        required: true
        description: A keyword.
      - json: delete
        type: Verb
        description: A keyword, of a type with keyword values.
      - json: operator
        type: boolean
        required: true
        description: A keyword.
      - json: a
        type: double
        description: The name of operator=='s first parameter.
      - json: b
        type: int64
        description: The name of operator=='s second parameter.
      - json: key
        type: decimal
        description: The name of find()'s parameter.
      - json: S
        type: datetime
        nullable: true
        description: The name of the traits' struct alias.
      - json: std
        type: string
        description: A namespace name.
      - json: 2fa
        type: array
        items: Inner
        description: A leading digit.
      - json: x-y
        type: Inner
        nullable: true
        description: A dash.
      - json: errno
        type: string
        description: A standard macro name.
      - json: NULL
        type: int32
        description: Another one.
      - json: list
        type: array
        items: Inner
        nullable: true
        description: A nullable array.
      - json: price_unit
        cpp: currency
        type: string
        description: A C++ name of the schema's choosing.
"""

# Built and run: null in nullable object and array members, the round trip, and
# printing a model of another namespace.
RUNTIME_CHECKS = """\
#include <signalwire/kw_test.hpp>

#include <sstream>

int main() {{
    using {ns}::Keywords;
    const auto k = {ns}::decode<Keywords>(R"({{"class":"c","operator":true,"x-y":null,"list":null,"errno":"e","NULL":7}})");
    if (!k || k->x_y || k->list || k->errno_ != "e" || k->NULL_ != 7) return 1;
    const std::string once = {ns}::encode(*k);
    const auto again = {ns}::decode<Keywords>(once);
    if (!again || *again != *k || {ns}::encode(*again) != once) return 2;
    std::ostringstream printed;
    printed << *k;  // operator<< is found for a struct of namespace {ns} too
    return printed.str() == once ? 0 : 3;
}}
"""

# Checked at compile time: the members, the wire names and the lookups agree.
CHECKS = """\
#include <signalwire/kw_test.hpp>

#include <string>
#include <tuple>
#include <type_traits>

namespace sw = {ns};
using traits = sw::object_traits<{ns}::Keywords>;

static_assert(std::is_same_v<decltype({ns}::Keywords::class_), std::string>);
static_assert(std::is_same_v<decltype({ns}::Keywords::operator_), bool>);
static_assert(std::is_same_v<decltype({ns}::Keywords::_2fa), std::optional<std::vector<{ns}::Inner>>>);
static_assert(std::is_same_v<decltype({ns}::Inner::int_), std::int32_t>);
static_assert(std::get<0>(traits::fields).name == "class");
static_assert(std::get<0>(traits::fields).member == &{ns}::Keywords::class_);
static_assert(std::get<1>(traits::fields).member == &{ns}::Keywords::delete_);
static_assert(std::get<13>(traits::fields).name == "price_unit");
static_assert(std::get<13>(traits::fields).member == &{ns}::Keywords::currency);
static_assert(sw::to_string({ns}::Verb::delete_) == "delete");
static_assert(sw::to_string({ns}::Verb::new_) == "new");
static_assert(*sw::from_string<{ns}::Verb>("in-progress") == {ns}::Verb::in_progress);
static_assert(*sw::from_string<{ns}::Verb>("0123") == {ns}::Verb::_0123);

int main() {{
    {ns}::Keywords k;
    k.class_ = "x";
    return k == k && traits::find("class") == 0 && traits::find("class_") == -1 ? 0 : 1;
}}
"""

# What meson compiles the project with (warning_level=3, werror, project_warnings).
WARNINGS = ["-Wall", "-Wextra", "-Wpedantic", "-Werror", "-Wconversion", "-Wsign-conversion", "-Wshadow",
            "-Wnon-virtual-dtor", "-Wold-style-cast", "-Wcast-align", "-Woverloaded-virtual",
            "-Wnull-dereference", "-Wdouble-promotion", "-Wformat=2", "-Wimplicit-fallthrough"]


def generate(tmp, namespace):
    """Writes the keyword schema to `tmp` and generates it into `tmp`/include; returns
    (include dir, header text)."""
    schema = Path(tmp) / "kw_test.yaml"
    schema.write_text(KEYWORD_SCHEMA.format(namespace=namespace), encoding="utf-8")
    include = Path(tmp) / "include"
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        status = main([str(schema), "--out-dir", str(include), "--quiet"])
    if status != 0:
        raise AssertionError(f"generator failed: {stderr.getvalue()}")
    return include, (include / "signalwire" / "kw_test.hpp").read_text(encoding="utf-8")


def compile_checks(tmp, include, namespace):
    """g++ -fsyntax-only on a TU including the generated header; the temporary include
    directory comes first, then the project's runtime headers."""
    source = Path(tmp) / "kw_test.cpp"
    source.write_text(CHECKS.format(ns=namespace), encoding="utf-8")
    command = ["g++", "-std=c++17", "-fsyntax-only", *WARNINGS,
               f"-I{include}", f"-I{ROOT / 'include'}", str(source)]
    return subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)


def compile_and_run(tmp, include, namespace):
    """Builds and runs RUNTIME_CHECKS against the generated header; returns the
    CompletedProcess of the build, or of the run when the build succeeded."""
    source = Path(tmp) / "kw_run.cpp"
    binary = Path(tmp) / "kw_run"
    source.write_text(RUNTIME_CHECKS.format(ns=namespace), encoding="utf-8")
    command = ["g++", "-std=c++17", "-O1", *WARNINGS, f"-I{include}", f"-I{ROOT / 'include'}", str(source),
               "-o", str(binary), "-lboost_json"]
    built = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)
    if built.returncode != 0:
        return built
    return subprocess.run([str(binary)], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)


class Identifier(unittest.TestCase):
    def test_identifier(self):
        cases = {
            "sid": "sid",
            "class": "class_",
            "delete": "delete_",
            "and": "and_",          # alternative tokens are keywords too
            "char8_t": "char8_t_",  # C++20 keywords, so the header works there too
            "in-progress": "in_progress",
            "outbound-api": "outbound_api",
            "x.y z": "x_y_z",
            "2fa": "_2fa",
            "0123": "_0123",
            "caf\u00e9": "caf_",
            "A": "A",
            "_x": "_x",
            "errno": "errno_",      # macros of the standard headers
            "NULL": "NULL_",
            "EINVAL": "EINVAL_",
            "INT32_MAX": "INT32_MAX_",
        }
        for wire, ident in cases.items():
            with self.subTest(wire=wire):
                self.assertEqual(cpp.identifier(wire), ident)

    def test_no_identifier(self):
        for wire in ("", "a__b", "a--b", "_Red", "__x", "-X"):
            with self.subTest(wire=wire):
                self.assertIsNone(cpp.identifier(wire))


class KeywordNames(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory()
        cls.tmp = cls._tmp.name
        cls.include, cls.text = generate(cls.tmp, "signalwire")

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    def assert_lines(self, *lines):
        for line in lines:
            with self.subTest(line=line):
                self.assertIn("\n" + line + "\n", self.text)

    def test_field_members_are_mangled(self):
        self.assert_lines(
            "    std::string class_;",
            "    std::optional<open_enum<Verb>> delete_;",
            "    bool operator_{};",
            "    std::optional<double> a;",
            "    std::optional<std::vector<Inner>> _2fa;",
            "    std::optional<Inner> x_y;",
            "    std::int32_t int_{};",
            "BOOST_DESCRIBE_STRUCT(Keywords, (), (class_, delete_, operator_, a, b, key, S, std, _2fa, x_y, errno_, NULL_, "
            "list, currency))",
        )

    def test_field_table_keeps_the_json_name(self):
        self.assert_lines(
            '        field<S, decltype(S::class_)>{"class", "\\"class\\":", &S::class_, true, false},',
            '        field<S, decltype(S::delete_)>{"delete", "\\"delete\\":", &S::delete_, false, false},',
            '        field<S, decltype(S::_2fa)>{"2fa", "\\"2fa\\":", &S::_2fa, false, false},',
            '        field<S, decltype(S::x_y)>{"x-y", "\\"x-y\\":", &S::x_y, false, true},',
            '        field<S, decltype(S::errno_)>{"errno", "\\"errno\\":", &S::errno_, false, false},',
            '    /// `class`: string, required.',
            '    /// `2fa`: array of Inner, optional.',
        )
        self.assertIn('key_is(key, "class")', self.text)  # find() compares the wire name
        self.assertNotIn('"class_"', self.text)

    def test_enum_values_are_mangled(self):
        self.assert_lines(
            "    delete_,      ///< `delete`: A keyword.",
            "    new_,         ///< `new`: Another keyword.",
            "    in_progress,  ///< `in-progress`: A dash.",
            "    _0123,        ///< `0123`: A leading digit.",
            "BOOST_DESCRIBE_ENUM(Verb, delete_, new_, in_progress, _0123)",
            '        {::signalwire::Verb::delete_, "delete"},',
            '        {::signalwire::Verb::_0123, "0123"},',
        )

    @unittest.skipUnless(shutil.which("g++"), "g++ not found")
    def test_header_compiles(self):
        result = compile_checks(self.tmp, self.include, "signalwire")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, "")


class OtherNamespace(unittest.TestCase):
    @unittest.skipUnless(shutil.which("g++"), "g++ not found")
    def test_nullable_objects_round_trip_in_both_namespaces(self):
        for namespace in ("signalwire", "kwtest"):
            with self.subTest(namespace=namespace), tempfile.TemporaryDirectory() as tmp:
                include, _ = generate(tmp, namespace)
                result = compile_and_run(tmp, include, namespace)
                self.assertEqual(result.returncode, 0, textwrap.shorten(result.stderr, 2000))

    def test_header_compiles_in_another_namespace(self):
        """A schema in another namespace carries the runtime with it: the models, the
        traits and a renamed copy of every runtime header are in that namespace."""
        with tempfile.TemporaryDirectory() as tmp:
            include, text = generate(tmp, "kwtest")
            self.assertIn("KWTEST_NAMESPACE_BEGIN", text)
            self.assertIn("#include <kwtest/codec.hpp>", text)
            result = compile_checks(tmp, include, "kwtest")
            self.assertEqual(result.returncode, 0, textwrap.shorten(result.stderr, 2000))

    def test_runtime_copy_names_nothing_of_signalwire(self):
        """Every runtime header is copied, and no copy names namespace signalwire, its
        include directory or its macros (comments and the library's name aside)."""
        with tempfile.TemporaryDirectory() as tmp:
            include, _ = generate(tmp, "kwtest")
            originals = sorted(p.relative_to(ROOT / "include" / "signalwire").as_posix()
                               for p in (ROOT / "include" / "signalwire").rglob("*.hpp")
                               if not p.read_text(encoding="utf-8").startswith("// DO NOT EDIT"))
            copies = sorted(p.relative_to(include / "kwtest").as_posix() for p in (include / "kwtest").rglob("*.hpp"))
            self.assertEqual(copies, originals)
            for path in (include / "kwtest").rglob("*.hpp"):
                code = "\n".join(line.split("//")[0] for line in path.read_text(encoding="utf-8").splitlines())
                for leak in ("signalwire::", "namespace signalwire", "<signalwire/", "SIGNALWIRE_"):
                    self.assertNotIn(leak, code, f"{path.name} still says {leak}")

    @unittest.skipUnless(shutil.which("g++") and shutil.which("nm"), "g++ or nm not found")
    def test_no_symbol_of_another_namespace(self):
        """The program built from the kwtest copy defines no symbol in namespace signalwire."""
        with tempfile.TemporaryDirectory() as tmp:
            include, _ = generate(tmp, "kwtest")
            result = compile_and_run(tmp, include, "kwtest")
            self.assertEqual(result.returncode, 0, textwrap.shorten(result.stderr, 2000))
            symbols = subprocess.run(["nm", "-C", str(Path(tmp) / "kw_run")], capture_output=True, text=True,
                                     check=True, timeout=60).stdout
            ours = [line for line in symbols.splitlines() if "kwtest::" in line]
            self.assertTrue(ours, "no kwtest:: symbol at all")
            self.assertEqual([line for line in symbols.splitlines() if "signalwire::" in line], [])


if __name__ == "__main__":
    unittest.main()
