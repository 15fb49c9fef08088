"""`imports:`: a schema uses the types of other schema files.

    imports: [call.yaml]        # paths relative to the importing file

An imported file is loaded and validated on its own (with its own imports), and its
enums and objects (and those it imports, transitively) become types the importing
schema may name. They are used, not emitted again: the importing schema's header
includes the imported schema's header. The rules:

- an imported file must exist and be a valid schema; the error names the import line;
- imports may not form a cycle (`a.yaml -> b.yaml -> a.yaml` is an error at the first
  import of the cycle, naming every file of it);
- an imported schema shares the importer's C++ namespace (the generated code names the
  imported types unqualified);
- a type name defined in the importer and in an imported file (or in two imported files)
  is an error naming both places, `file:line`.

Paths in messages are relative to the directory of the file the error is reported in, so
a message is the same from any working directory.
"""

import os
from dataclasses import dataclass, field

from .errors import SchemaError
from .source import Map, Scalar, Seq, load


@dataclass
class Imported:
    """What validate() needs of a schema's imports."""
    schemas: list = field(default_factory=list)   # model.Schema of each direct import, in listed order
    # type name -> (kind: "enum", "object" or "request", the model's Enum/Object or None,
    #               absolute path of the defining file, line)
    types: dict = field(default_factory=dict)

    def enums(self):
        return [t[1] for t in self.types.values() if t[0] == "enum"]

    def objects(self):
        return [t[1] for t in self.types.values() if t[0] == "object"]

    def where(self, name, reporting_path):
        """`call.yaml:40`: where an imported type is defined, relative to the directory
        of the file an error is reported in."""
        _, _, path, line = self.types[name]
        return f"{relative(path, reporting_path)}:{line}"


def relative(path, reporting_path):
    """`path` as seen from the directory of `reporting_path`, with `/`."""
    base = os.path.dirname(os.path.abspath(reporting_path))
    return os.path.relpath(os.path.abspath(path), base).replace(os.sep, "/")


def import_entries(root, path):
    """The (name, line) of each entry of a schema's `imports:`, checked: a non-empty list
    of relative paths to .yaml files, each listed once. None when there is no `imports`."""
    if not isinstance(root, Map) or "imports" not in root.entries:
        return None
    line, node = root.entries["imports"]
    if not isinstance(node, Seq):
        raise SchemaError(path, line, "'imports' must be a list of schema files")
    if not node.items:
        raise SchemaError(path, line, "'imports' must not be empty")
    entries, seen = [], {}
    for item in node.items:
        if not isinstance(item, Scalar):
            raise SchemaError(path, item.line, "an entry of 'imports' must be a file name")
        name = item.value
        if not name.endswith(".yaml") or name.endswith(".overlay.yaml") or os.path.isabs(name) or "\\" in name:
            raise SchemaError(path, item.line, f"import '{name}' must be a schema file, a relative path "
                                               "ending in .yaml (not an overlay)")
        target = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(path)), name))
        if target in seen:
            raise SchemaError(path, item.line, f"'{name}' is imported twice (first at line {seen[target]})")
        seen[target] = item.line
        entries.append((name, item.line))
    return entries


def resolve(root, path, namespace, _stack=None, _cache=None):
    """The Imported of the schema `root` read from `path` (in C++ namespace `namespace`).
    Raises SchemaError naming the file and line of the problem."""
    from .validate import validate  # validate calls this module for a schema with imports

    entries = import_entries(root, path) or []
    me = os.path.normpath(os.path.abspath(path))
    # (path as named, absolute path, line of its import of the next file) of each file
    # being imported, outermost first: a cycle is a file already on it.
    stack = list(_stack or []) + [(path, me, None)]
    cache = {} if _cache is None else _cache
    result = Imported()
    for name, line in entries:
        target = os.path.normpath(os.path.join(os.path.dirname(me), name))
        shown = os.path.normpath(os.path.join(os.path.dirname(path), name))
        if any(target == absolute for _, absolute, _ in stack):
            raise _cycle_error(stack[:-1] + [(path, me, line)], target)
        if target not in cache:
            if not os.path.isfile(target):
                raise SchemaError(path, line, f"cannot import '{name}': no such file")
            child_root = load(shown)
            child_namespace = None
            if isinstance(child_root, Map) and "namespace" in child_root.entries \
                    and isinstance(child_root.entries["namespace"][1], Scalar):
                child_namespace = child_root.entries["namespace"][1].value
            child_imports = resolve(child_root, shown, child_namespace, stack[:-1] + [(path, me, line)], cache)
            cache[target] = (validate(child_root, shown, banner_name(target), imported=child_imports),
                             child_imports)
        child, child_imports = cache[target]
        if child.namespace != namespace:
            raise SchemaError(path, line, f"'{name}' is in namespace {child.namespace}, this schema in "
                                          f"{namespace}: an imported schema must share the namespace "
                                          "(its types are named unqualified)")
        result.schemas.append(child)
        found = dict(child_imports.types)
        for e in child.enums:
            found[e.name] = ("enum", e, target, e.line)
        for o in child.objects:
            found[o.name] = ("object", o, target, o.line)
        for ep in child.endpoints:
            found[ep.request] = ("request", None, target, ep.line)
        for type_name, entry in found.items():
            known = result.types.get(type_name)
            if known is not None and known[2:] != entry[2:]:
                raise SchemaError(path, line, f"type '{type_name}' is defined twice: at "
                                              f"{relative(known[2], path)}:{known[3]} and at "
                                              f"{relative(entry[2], path)}:{entry[3]}")
            result.types[type_name] = entry
    return result


def _cycle_error(stack, target):
    """The cycle `target -> ... -> target`, reported at the import that starts it (in
    `target`), naming every file of it and the import that closes it."""
    start = next(i for i, (_, absolute, _) in enumerate(stack) if absolute == target)
    shown, _, line = stack[start]
    cycle = [absolute for _, absolute, _ in stack[start:]] + [target]
    names = " -> ".join(relative(p, target) for p in cycle)
    closing = f"{relative(stack[-1][1], target)}:{stack[-1][2]}"
    return SchemaError(shown, line, f"imports form a cycle: {names} (the import at {closing} closes it)")


PROJECT_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def banner_name(schema_path):
    """How the banner names the schema: relative to the project root, whatever the
    current directory, so that output is the same from any build directory."""
    absolute = os.path.abspath(schema_path)
    if os.path.commonpath([absolute, PROJECT_ROOT]) == PROJECT_ROOT:
        return os.path.relpath(absolute, PROJECT_ROOT).replace(os.sep, "/")
    return os.path.basename(absolute)


def load_schema(path, source_name=None):
    """load -> imports -> validate: the model of the schema file at `path`."""
    from .validate import validate
    return validate(load(path), path, source_name or banner_name(path))
