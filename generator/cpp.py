"""C++ spelling: identifiers, string literals, doc comments and lookup code."""

import json
import re
import textwrap

from .model import BUILTINS

# C++20 keywords and alternative tokens: names that cannot be identifiers.
KEYWORDS = frozenset("""
alignas alignof and and_eq asm auto bitand bitor bool break case catch char char8_t
char16_t char32_t class compl concept const consteval constexpr constinit const_cast
continue co_await co_return co_yield decltype default delete do double dynamic_cast
else enum explicit export extern false float for friend goto if inline int long mutable
namespace new noexcept not not_eq nullptr operator or or_eq private protected public
register reinterpret_cast requires return short signed sizeof static static_assert
static_cast struct switch template this thread_local throw true try typedef typeid
typename union unsigned using virtual void volatile wchar_t while xor xor_eq
""".split())

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")

# Macros of the standard headers the generated code includes: as a member name they
# would be expanded by the preprocessor, so they are mangled like keywords.
MACROS = frozenset("""
NULL EOF errno stdin stdout stderr assert offsetof setjmp va_arg va_start va_end va_copy
BUFSIZ FILENAME_MAX FOPEN_MAX L_tmpnam TMP_MAX SEEK_CUR SEEK_END SEEK_SET CLOCKS_PER_SEC
INFINITY NAN HUGE_VAL HUGE_VALF HUGE_VALL FP_NAN FP_INFINITE FP_ZERO FP_NORMAL FP_SUBNORMAL
MB_CUR_MAX MB_LEN_MAX RAND_MAX EXIT_SUCCESS EXIT_FAILURE CHAR_BIT CHAR_MIN CHAR_MAX
SCHAR_MIN SCHAR_MAX UCHAR_MAX SHRT_MIN SHRT_MAX USHRT_MAX INT_MIN INT_MAX UINT_MAX
LONG_MIN LONG_MAX ULONG_MAX LLONG_MIN LLONG_MAX ULLONG_MAX SIZE_MAX PTRDIFF_MIN PTRDIFF_MAX
WCHAR_MIN WCHAR_MAX WEOF unix linux major minor
""".split())
# errno values (EDOM, ERANGE, EINVAL ...), signals, and the <cstdint> limit macros.
MACRO_PATTERN = re.compile(r"(E[A-Z0-9]+|SIG[A-Z0-9_]+|U?INT[0-9A-Z_]*_(MIN|MAX|C)|BOOST_[A-Z0-9_]*)\Z")


def identifier(name):
    """A wire name as a C++ identifier: other characters become `_`, a leading digit
    gets a `_` before it, a keyword or standard macro name gets one after it
    (`class` -> `class_`, `errno` -> `errno_`).
    Returns None when no usable identifier results (empty, or reserved with `__`)."""
    ident = re.sub(r"[^A-Za-z0-9_]", "_", name)
    if not ident:
        return None
    if ident[0].isdigit():
        ident = "_" + ident
    if ident in KEYWORDS or ident in MACROS or MACRO_PATTERN.match(ident):
        ident += "_"
    if "__" in ident or re.match(r"_[A-Z]", ident):
        return None  # reserved for the implementation
    return ident


def string_literal(text):
    """A C++ string literal with exactly these UTF-8 bytes. Octal escapes are used for
    anything unprintable because they end after three digits, unlike \\x."""
    out = []
    for byte in text.encode("utf-8"):
        ch = chr(byte)
        if ch in '"\\':
            out.append("\\" + ch)
        elif 0x20 <= byte < 0x7F and ch != "?":  # '?' would risk trigraphs in C++14 readers
            out.append(ch)
        else:
            out.append("\\%03o" % byte)
    return '"' + "".join(out) + '"'


def json_key(name):
    """The member's key as encoded JSON, with the colon: `"from":`."""
    return json.dumps(name, ensure_ascii=False) + ":"


def doc_lines(text, width=92):
    """A description as lines for `///` comments, wrapped, one paragraph per line."""
    lines = []
    for paragraph in text.splitlines() or [""]:
        lines.extend(textwrap.wrap(paragraph, width=width, break_long_words=False, break_on_hyphens=False) or [""])
    return lines


def char_literal(byte):
    """A C++ character literal for one byte of a UTF-8 name."""
    ch = chr(byte)
    if 0x20 <= byte < 0x7F and ch not in "'\\?":
        return f"'{ch}'"
    return "'\\%03o'" % byte


def lookup_cases(fields):
    """The plan of `find(key)`: switch on the key's length, then on the byte at the
    position that best tells that length's names apart, then one exact comparison.

    Returns (length, position, [(byte literal, [(wire name, index), ...]), ...]) per
    length, sorted; position is None when only one name has that length."""
    by_length = {}
    for index, f in enumerate(fields):
        raw = f.json.encode("utf-8")
        by_length.setdefault(len(raw), []).append((raw, f.json, index))
    plan = []
    for length, names in sorted(by_length.items()):
        if len(names) == 1:
            plan.append((length, None, [(None, [(names[0][1], names[0][2])])]))
            continue
        # The first position with the most distinct bytes: usually all of them.
        position = max(range(length), key=lambda p: (len({raw[p] for raw, _, _ in names}), -p))
        groups = {}
        for raw, name, index in names:
            groups.setdefault(raw[position], []).append((name, index))
        cases = [(char_literal(b), members) for b, members in sorted(groups.items())]
        plan.append((length, position, cases))
    return plan


def enumerator(value):
    """The enumerator as declared: `in_progress`, or `ringing [[deprecated]]` (C++17
    allows the attribute on an enumerator)."""
    return f"{value.cpp} {value.deprecated.attribute}" if value.deprecated else value.cpp


def enumerator_lines(enum):
    """`in_progress,  ///< `in-progress`: description`, with the comments aligned."""
    width = max(len(enumerator(v)) for v in enum.values) + 1
    return [f"{(enumerator(v) + ',').ljust(width)}  ///< `{v.wire}`: {v.description}" for v in enum.values]


def equality_terms(obj):
    """The terms of a struct's operator==: every field, then the unknown members."""
    return [f"a.{f.cpp} == b.{f.cpp}" for f in obj.fields] + ["a.unknown_members == b.unknown_members"]


def initializer(field):
    """`{}` for a plain arithmetic member, so a default-constructed struct holds no
    indeterminate value; class types initialize themselves. A deprecated member always
    has one: without it, g++ warns about the member where a consumer writes `Model m{};`."""
    plain = field.type.kind == "builtin" and BUILTINS[field.type.name].arithmetic
    return "{}" if (plain and field.cpp_type == field.type.cpp_value) or field.deprecated else ""


def param_constraints(param):
    """`, 1 to 1000, default 50`: what a parameter's comment says beyond its type."""
    parts = []
    if param.minimum is not None and param.maximum is not None:
        parts.append(f"{param.minimum} to {param.maximum}")
    elif param.minimum is not None:
        parts.append(f"at least {param.minimum}")
    elif param.maximum is not None:
        parts.append(f"at most {param.maximum}")
    if param.default is not None:
        parts.append(f"default {param.default} (when absent)")
    return "".join(", " + p for p in parts)
