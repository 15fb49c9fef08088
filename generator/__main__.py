"""Command line: python3 -m generator SCHEMA [--out-dir DIR] [--check]."""

import argparse
import difflib
import os
import sys

from .errors import SchemaError
from .render import render_header, write_atomically
from .source import load
from .validate import validate


PROJECT_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def banner_name(schema_path):
    """How the banner names the schema: relative to the project root, whatever the
    current directory, so that output is the same from any build directory."""
    absolute = os.path.abspath(schema_path)
    if os.path.commonpath([absolute, PROJECT_ROOT]) == PROJECT_ROOT:
        return os.path.relpath(absolute, PROJECT_ROOT).replace(os.sep, "/")
    return os.path.basename(absolute)


def generate(schema_path):
    """load -> validate -> model. Raises SchemaError naming file and line."""
    name = banner_name(schema_path)
    return validate(load(schema_path), name)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m generator",
                                     description="Generate C++ models from a YAML schema.")
    parser.add_argument("schema", help="the schema file, e.g. schema/call.yaml (named so in the banner)")
    parser.add_argument("--out-dir", default="include", help="include directory to write into (default: include)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the checked-in header differs from what would be generated")
    parser.add_argument("--quiet", action="store_true", help="print nothing on success")
    args = parser.parse_args(argv)

    try:
        schema = generate(args.schema)
    except SchemaError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    text = render_header(schema)
    target = os.path.join(args.out_dir, schema.header)

    if args.check:
        try:
            with open(target, encoding="utf-8", newline="") as f:
                current = f.read()
        except FileNotFoundError:
            current = ""
        if current == text:
            print(f"{target} is up to date with {args.schema}")
            return 0
        diff = difflib.unified_diff(current.splitlines(True), text.splitlines(True),
                                    f"{target} (checked in)", f"{target} (generated now)")
        sys.stderr.writelines(list(diff)[:80])
        print(f"\n{target} is stale: run `python3 -m generator {args.schema} --out-dir {args.out_dir}`",
              file=sys.stderr)
        return 1

    write_atomically(target, text)
    if not args.quiet:
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
