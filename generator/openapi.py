"""Import from SignalWire's OpenAPI document (3.0 or 3.1), and drift between it and a schema.

    python3 -m generator import-openapi SPEC.yaml --overlay OVERLAY.yaml -o SCHEMA.yaml
    python3 -m generator drift SPEC.yaml SCHEMA.yaml --overlay OVERLAY.yaml

The importer reads the component schemas the overlay names (and every schema they reach
through `$ref`), maps each to our format (schema/README.md), applies the overlay (every
deliberate difference from the published spec, with its reason, plus the comments of
the schema file) and writes the schema in exactly the layout of schema/call.yaml.
Anything it cannot map is an error naming the JSON Pointer of the construct in the spec.

Drift imports the spec with the overlay and compares the result, as a model, with the
schema: what the spec has that the schema lacks, the reverse, and what differs.
"""

import argparse
import os
import re
import sys

import yaml

from .errors import SchemaError
from .render import write_atomically
from .source import parse
from .validate import validate


class ImportError_(Exception):
    """An OpenAPI construct the importer cannot map, or an overlay mistake."""


def _pointer_token(s):
    return str(s).replace("~", "~0").replace("/", "~1")


def _ptr(*parts):
    return "#/" + "/".join(_pointer_token(p) for p in parts)


def _fail(pointer, message):
    raise ImportError_(f"{pointer}: {message}")


# ---------------------------------------------------------------- reading the spec

def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def _resolve(spec, ref, at):
    if not isinstance(ref, str) or not ref.startswith("#/"):
        _fail(at, f"$ref '{ref}' is not a reference inside this document")
    node = spec
    for token in ref[2:].split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or token not in node:
            _fail(at, f"$ref '{ref}' names nothing in the document")
        node = node[token]
    return node


def _schema_name(ref):
    prefix = "#/components/schemas/"
    return ref[len(prefix):] if isinstance(ref, str) and ref.startswith(prefix) else None


def _is_null(s):
    return isinstance(s, dict) and (s.get("type") == "null" or s == {"enum": [None]})


def _unwrap(s, at):
    """A property schema -> (core schema, its pointer, nullable): every nullability form
    (3.0 `nullable: true`, 3.1 `type: [T, 'null']`, anyOf/oneOf with {type: 'null'}) and
    `allOf` of one schema are taken apart here."""
    nullable = False
    if not isinstance(s, dict):
        _fail(at, "is not a schema object")
    if s.get("nullable") is True:
        nullable = True
        s = {k: v for k, v in s.items() if k != "nullable"}
    t = s.get("type")
    if isinstance(t, list):
        kinds = [k for k in t if k != "null"]
        if len(kinds) != 1:
            _fail(at + "/type", f"a type list of {t} cannot be mapped (one type, optionally with 'null')")
        nullable = nullable or "null" in t
        s = dict(s, type=kinds[0])
    for combinator in ("anyOf", "oneOf", "allOf"):
        if combinator not in s:
            continue
        options = s[combinator]
        rest = [(i, o) for i, o in enumerate(options) if not _is_null(o)]
        if combinator == "allOf" and len(rest) != len(options):
            _fail(f"{at}/{combinator}", "allOf with 'null' cannot be mapped")
        if len(rest) != 1:
            _fail(f"{at}/{combinator}", f"{combinator} of {len(rest)} schemas cannot be mapped (only one, optionally with 'null')")
        nullable = nullable or len(rest) != len(options)
        i, inner = rest[0]
        core, core_at, inner_nullable = _unwrap(inner, f"{at}/{combinator}/{i}")
        outer = {k: v for k, v in s.items() if k != combinator}
        return dict(core, **{k: v for k, v in outer.items() if k in ("description", "examples", "example")}), core_at, \
            nullable or inner_nullable
    return s, at, nullable


SCALARS = {("string", None): "string", ("boolean", None): "boolean",
           ("integer", "int32"): "int32", ("integer", "int64"): "int64",
           ("number", "float"): "double", ("number", "double"): "double", ("number", None): "double"}
STRING_FORMATS = {"uuid", "uri", "date-time", "date", "email"}


class _Reader:
    def __init__(self, spec, aliases):
        self.spec = spec
        self.aliases = aliases      # spec component name -> the component it is read as
        self.components = (spec.get("components") or {}).get("schemas") or {}

    def kind(self, name, at):
        """'enum', 'object' or 'scalar' for a component schema."""
        if name not in self.components:
            _fail(at, f"no component schema '{name}'")
        s = self.components[name]
        if "enum" in s:
            return "enum"
        if s.get("type") == "object" or "properties" in s:
            return "object"
        return "scalar"

    def type_of(self, prop, at, reached):
        """(type, items, format, nullable) of a property schema."""
        core, core_at, nullable = _unwrap(prop, at)
        if "$ref" in core:
            name = _schema_name(core["$ref"])
            if name is None:
                _fail(core_at + "/$ref", f"$ref '{core['$ref']}' is not a component schema")
            name = self.aliases.get(name, name)
            kind = self.kind(name, core_at + "/$ref")
            if kind == "scalar":
                t, items, fmt, n = self.type_of(self.components[name], _ptr("components", "schemas", name), reached)
                return t, items, fmt, nullable or n
            reached.append(name)
            return name, None, None, nullable
        if "enum" in core:
            _fail(core_at, "an inline enum cannot be mapped: make it a component schema or name it in the overlay")
        t = core.get("type")
        if t == "array":
            # Items: a $ref to an object or enum schema, or a scalar (inline or a $ref to one).
            items = core.get("items")
            if not isinstance(items, dict):
                _fail(core_at + "/items", "array items must be a schema: a $ref or a scalar type")
            item_type, inner, item_fmt, item_nullable = self.type_of(items, core_at + "/items", reached)
            if inner is not None:
                _fail(core_at + "/items", "an array of arrays cannot be mapped")
            if item_nullable:
                _fail(core_at + "/items", "array items that may be null cannot be mapped (an element is never null)")
            return "array", item_type, item_fmt, nullable
        if t == "object":
            _fail(core_at, "an inline object cannot be mapped: make it a component schema")
        fmt = core.get("format")
        key = (t, fmt if t != "string" else None)
        if t == "integer" and fmt is None:
            _fail(core_at, "integer without format int32 or int64 cannot be mapped")
        if key not in SCALARS:
            _fail(core_at, f"type {t!r}{f' format {fmt!r}' if fmt else ''} cannot be mapped")
        if t == "string" and fmt is not None and fmt not in STRING_FORMATS:
            _fail(core_at + "/format", f"string format {fmt!r} cannot be mapped")
        return SCALARS[key], None, fmt if t == "string" else None, nullable


def _example(s):
    if "examples" in s and isinstance(s["examples"], list) and s["examples"]:
        return s["examples"][0]
    return s.get("example")


# ---------------------------------------------------------------- import

def _check_keys(d, allowed, where):
    extra = set(d) - set(allowed)
    if extra:
        raise ImportError_(f"overlay {where}: unknown key(s) {', '.join(sorted(extra))}")


def import_openapi(spec, overlay):
    """The schema document (plain dicts, in output order) for `spec` with `overlay`."""
    aliases = {k: v["as"] for k, v in (overlay.get("same_as") or {}).items()}
    r = _Reader(spec, aliases)
    names = {}                                   # spec component -> our name
    for o in overlay.get("enums") or []:
        names[o["spec"]] = o.get("name", o["spec"])
    for o in overlay.get("objects") or []:
        names[o["spec"]] = o.get("name", o["spec"])
    for alias, target in aliases.items():
        names[alias] = names.get(target, target)
    external = _imported_components(overlay)     # spec component -> the imported schema's type
    names.update(external)

    def our(name):
        return names.get(name, name)

    # objects and enums: those the overlay lists, in its order, then any reached and unlisted
    todo = [("object", o["spec"]) for o in overlay.get("objects") or []]
    wanted_enums = [o["spec"] for o in overlay.get("enums") or []]
    obj_overlay = {o["spec"]: o for o in overlay.get("objects") or []}
    enum_overlay = {o["spec"]: o for o in overlay.get("enums") or []}
    objects, done = [], set(external)
    while todo:
        _, name = todo.pop(0)
        if name in done:
            continue
        done.add(name)
        at = _ptr("components", "schemas", name)
        if r.kind(name, at) != "object":
            _fail(at, "is not an object schema")
        reached = []
        objects.append(_object(r, name, obj_overlay.get(name, {}), reached, our))
        for n in reached:
            if n in external:
                continue  # used from the imported schema, not emitted
            if r.kind(n, at) == "object":
                todo.append(("object", n))
            elif n not in wanted_enums:
                wanted_enums.append(n)
    for e in _endpoint_models(r, overlay):
        if e not in done and e not in [n for _, n in todo]:
            done.add(e)
            reached = []
            objects.append(_object(r, e, obj_overlay.get(e, {}), reached, our))
            wanted_enums.extend(n for n in reached
                                if r.kind(n, "") == "enum" and n not in wanted_enums and n not in external)
    enums = [_enum(r, name, enum_overlay.get(name, {}), our) for name in wanted_enums]
    endpoints = [_endpoint(r, spec, e, our, {e["name"] for e in enums}) for e in overlay.get("endpoints") or []]
    return {"comments": overlay.get("comments") or {},
            "schema": overlay["schema"], "namespace": overlay["namespace"], "header": overlay["header"],
            "imports": list(overlay.get("imports") or {}), "api_errors": overlay.get("api_errors"), "enums": enums, "objects": objects, "endpoints": endpoints}


def _imported_components(overlay):
    """The overlay's `imports:`, each schema file (relative to the schema written) with the
    spec components that are its types, `{call.yaml: {types: {SpecName: OurName}, why: ...}}`:
    spec component -> our name. Those are named, not emitted; the schema imports the file."""
    out = {}
    for file, entry in (overlay.get("imports") or {}).items():
        _check_keys(entry or {}, ("types", "why"), f"import {file}")
        for spec_name, our_name in ((entry or {}).get("types") or {}).items():
            if spec_name in out:
                raise ImportError_(f"overlay imports: '{spec_name}' is listed twice")
            out[spec_name] = our_name
    return out


def _endpoint_models(r, overlay):
    out = []
    for e in overlay.get("endpoints") or []:
        op, at = _operation(r.spec, e["id"])
        for status, resp in (op.get("responses") or {}).items():
            schema = (((resp or {}).get("content") or {}).get("application/json") or {}).get("schema")
            name = _schema_name((schema or {}).get("$ref"))
            if name:
                out.append(r.aliases.get(name, name))
    return out


def _enum(r, name, ov, our):
    at = _ptr("components", "schemas", name)
    s = r.components[name]
    _check_keys(ov, ("spec", "name", "description", "values", "why"), f"enum {name}")
    if s.get("type") not in ("string", None) or not all(isinstance(v, str) for v in s["enum"]):
        _fail(at + "/enum", "only enums of strings can be mapped")
    values_ov = ov.get("values") or {}
    spec_values = list(s["enum"])
    order = [v for v in values_ov if v in spec_values or (values_ov[v] or {}).get("add")]
    order += [v for v in spec_values if v not in order]
    values = []
    for v in order:
        vo = values_ov.get(v) or {}
        _check_keys(vo, ("description", "add", "why"), f"enum {name} value {v}")
        values.append({"wire": v, "description": vo.get("description")})
    return {"name": our(name), "description": ov.get("description", s.get("description")), "values": values}


FIELD_KEYS = ("type", "items", "format", "required", "nullable", "description", "example", "deprecated")


def _object(r, name, ov, reached, our):
    at = _ptr("components", "schemas", name)
    s = r.components[name]
    _check_keys(ov, ("spec", "name", "description", "fields", "why"), f"object {name}")
    props = s.get("properties") or {}
    required = set(s.get("required") or [])
    fields_ov = ov.get("fields") or {}
    order = [f for f in fields_ov if f in props or (fields_ov[f] or {}).get("add")]
    order += [f for f in props if f not in order]
    fields = []
    for f in order:
        fo = dict(fields_ov.get(f) or {})
        _check_keys(fo, FIELD_KEYS + ("add", "why"), f"object {name} field {f}")
        if f in props:
            f_at = _ptr("components", "schemas", name, "properties", f)
            inline, _, inline_nullable = _unwrap(props[f], f_at)
            if "type" in fo and "enum" in inline:
                # An inline enum, which has no component to name it, typed by the overlay
                # (with its reason); anything else is mapped first, so what cannot be
                # mapped is an error even where the overlay changes the type.
                t, items, fmt, nullable = fo["type"], None, None, inline_nullable
            else:
                t, items, fmt, nullable = r.type_of(props[f], f_at, reached)
            core, _, _ = _unwrap(props[f], f_at)
            field = {"json": f, "type": our(t), "items": our(items) if items else None, "format": fmt,
                     "required": f in required, "nullable": nullable,
                     "description": core.get("description", props[f].get("description")),
                     "example": _example(core) if _example(core) is not None else _example(props[f]),
                     "deprecated": core.get("deprecated") is True or props[f].get("deprecated") is True}
        else:
            field = {"json": f, "type": None, "items": None, "format": None, "required": False,
                     "nullable": False, "description": None, "example": None, "deprecated": False}
        for k in FIELD_KEYS:
            if k in fo:
                field[k] = fo[k]
        fields.append(field)
    return {"name": our(name), "description": ov.get("description", s.get("description")), "fields": fields}


def _operation(spec, op_id):
    for path, item in (spec.get("paths") or {}).items():
        for method, op in (item or {}).items():
            if isinstance(op, dict) and op.get("operationId") == op_id:
                return op, _ptr("paths", path, method)
    raise ImportError_(f"overlay endpoint {op_id}: the spec has no operation with this operationId")


def _path_of(spec, op_id):
    for path, item in (spec.get("paths") or {}).items():
        for method, op in (item or {}).items():
            if isinstance(op, dict) and op.get("operationId") == op_id:
                return path, method
    return None, None


SCOPES = re.compile(r"#+\s*Permissions\s*\n(.*?)(?:\n\s*\n|$)", re.S)


def _scopes(op, at):
    m = SCOPES.search(op.get("description") or "")
    if not m:
        return []
    return re.findall(r"_([A-Za-z][A-Za-z ]*?)_", m.group(1))


def _snake(name):
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


PARAM_SCALARS = {("string", None): "string", ("integer", "int32"): "int32"}


def _endpoint(r, spec, ov, our, enum_names):
    op, at = _operation(spec, ov["id"])
    path, method = _path_of(spec, ov["id"])
    _check_keys(ov, ("id", "summary", "request", "scopes", "path_params", "query_params", "why"), f"endpoint {ov['id']}")
    params = {"path": {}, "query": {}}
    for i, p in enumerate(op.get("parameters") or []):
        p_at = f"{at}/parameters/{i}"
        if "$ref" in p:
            p = _resolve(spec, p["$ref"], p_at + "/$ref")
        where = p.get("in")
        if where not in params:
            _fail(p_at + "/in", f"parameters in {where!r} cannot be mapped")
        params[where][p["name"]] = (p, p_at)
    out = {"id": ov["id"], "summary": ov.get("summary", op.get("summary")), "method": method.upper(),
           "path": path, "request": ov.get("request"), "scopes": ov.get("scopes", _scopes(op, at))}
    for where in ("path", "query"):
        pov = ov.get(f"{where}_params") or {}
        order = [n for n in pov if n in params[where] or (pov[n] or {}).get("add")]
        order += [n for n in params[where] if n not in order]
        items = []
        for n in order:
            po = pov.get(n) or {}
            _check_keys(po, ("member", "type", "minimum", "maximum", "default", "description", "add", "why"),
                        f"endpoint {ov['id']} parameter {n}")
            item = {"name": n, "member": _snake(n), "type": None, "minimum": None, "maximum": None,
                    "default": None, "description": None}
            if n in params[where]:
                p, p_at = params[where][n]
                item["description"] = p.get("description")
                if "type" not in po:
                    item["type"] = _param_type(r, p.get("schema") or {}, p_at + "/schema", our, enum_names)
                for k in ("minimum", "maximum", "default"):
                    item[k] = (p.get("schema") or {}).get(k)
            for k in item:
                if k in po:
                    item[k] = po[k]
            items.append(item)
        out[f"{where}_params"] = items
    responses = []
    for status, resp in (op.get("responses") or {}).items():
        s_at = f"{at}/responses/{status}"
        schema = (((resp or {}).get("content") or {}).get("application/json") or {}).get("schema")
        name = _schema_name((schema or {}).get("$ref"))
        if name is None:
            _fail(s_at, "a response without a JSON body that is a $ref to a component schema cannot be mapped")
        responses.append({"status": int(status), "model": our(r.aliases.get(name, name))})
    out["responses"] = responses
    return out


def _param_type(r, s, at, our, enum_names):
    if "$ref" in s:
        name = _schema_name(s["$ref"])
        target = r.components.get(name) if name else None
        if target is None:
            _fail(at + "/$ref", f"$ref '{s['$ref']}' is not a component schema")
        if "enum" in target:
            return our(name)
        if target.get("type") == "string" and target.get("format") == "uuid":
            return "sid"
        return _param_type(r, target, _ptr("components", "schemas", name), our, enum_names)
    if "enum" in s:
        for name, c in r.components.items():
            if isinstance(c, dict) and c.get("enum") == s["enum"]:
                return our(name)
        _fail(at + "/enum", "an inline enum that equals no component enum cannot be mapped")
    key = (s.get("type"), s.get("format"))
    if key == ("string", "uuid"):
        return "sid"
    if key == ("string", "date"):
        return "date"
    if key not in PARAM_SCALARS:
        _fail(at, f"parameter type {s.get('type')!r}{' format ' + repr(s.get('format')) if s.get('format') else ''} cannot be mapped")
    return PARAM_SCALARS[key]


# ---------------------------------------------------------------- writing our format

TIMESTAMP = re.compile(r"^\d{4}-\d\d?-\d\d?([Tt ].*)?$")


def _scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    text = yaml.safe_dump(v, width=float("inf"), allow_unicode=True, default_style=None)
    text = text[:-len("\n...\n")] if text.endswith("\n...\n") else text.rstrip("\n")
    if text.startswith("'") and TIMESTAMP.match(v):
        return v  # our loader reads every scalar as written: a date stays text
    return text


def _comment(lines, text):
    if text:
        lines.extend(text.rstrip("\n").split("\n"))


def emit(doc):
    """The schema file text, in the layout of schema/call.yaml."""
    c = doc["comments"]
    out = []
    _comment(out, c.get("header"))
    for k in ("schema", "namespace", "header"):
        out.append(f"{k}: {_scalar(doc[k])}")
    if doc.get("imports"):
        _comment(out, c.get("imports"))
        out.append(f"imports: [{', '.join(_scalar(i) for i in doc['imports'])}]")
    if doc.get("api_errors"):
        _comment(out, c.get("api_errors"))
        out.append(f"api_errors: [{', '.join(doc['api_errors'])}]")
    if doc["enums"]:
        out += ["", "enums:"]
        for i, e in enumerate(doc["enums"]):
            if i:
                out.append("")
            out.append(f"  - name: {e['name']}")
            if e["description"] is not None:
                out.append(f"    description: {_scalar(e['description'])}")
            out.append("    values:")
            for v in e["values"]:
                out.append(f"      - wire: {_scalar(v['wire'])}")
                if v["description"] is not None:
                    out.append(f"        description: {_scalar(v['description'])}")
    out += ["", "objects:"]
    for i, o in enumerate(doc["objects"]):
        if i:
            out.append("")
        out.append(f"  - name: {o['name']}")
        if o["description"] is not None:
            out.append(f"    description: {_scalar(o['description'])}")
        out.append("    fields:")
        for f in o["fields"]:
            out.append(f"      - json: {_scalar(f['json'])}")
            for k in FIELD_KEYS:
                v = f[k]
                if v is None or v is False:
                    continue
                out.append(f"        {k}: {_scalar(v)}")
    if doc["endpoints"]:
        out.append("")
        _comment(out, c.get("endpoints"))
        out.append("endpoints:")
        for i, e in enumerate(doc["endpoints"]):
            if i:
                out.append("")
            out.append(f"  - id: {e['id']}")
            for k in ("summary", "method", "path", "request"):
                if e[k] is not None:
                    out.append(f"    {k}: {_scalar(e[k])}")
            out.append(f"    scopes: [{', '.join(e['scopes'])}]")
            for where in ("path_params", "query_params"):
                if not e[where]:
                    continue
                out.append(f"    {where}:")
                for p in e[where]:
                    out.append(f"      - name: {_scalar(p['name'])}")
                    for k in ("member", "type", "minimum", "maximum", "default", "description"):
                        if p[k] is not None:
                            out.append(f"        {k}: {_scalar(p[k])}")
            out.append("    responses:")
            for resp in e["responses"]:
                out.append(f"      - status: {resp['status']}")
                out.append(f"        model: {resp['model']}")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- drift

def _facts(schema):
    """What drift compares: named things, each with its properties."""
    facts = {}
    for e in schema.enums:
        facts[f"enum {e.name}"] = ""
        for v in e.values:
            facts[f"enum value {e.name}.{v.wire}"] = ""
    for o in schema.objects:
        facts[f"object {o.name}"] = ""
        for f in o.fields:
            t = f"array of {f.type.name}" if f.type.kind == "array" else f.type.name
            flags = ", ".join(x for x, on in (("required", f.required), ("nullable", f.nullable)) if on)
            facts[f"field {o.name}.{f.json}"] = f"{t}{f' ({flags})' if flags else ''}"
    for ep in schema.endpoints:
        facts[f"endpoint {ep.id}"] = f"{ep.method} {ep.path}"
        for p in ep.params:
            facts[f"{'path' if p.in_path else 'query'} param {ep.id}.{p.name}"] = p.type
        for r in ep.responses:
            facts[f"status {ep.id}.{r.status}"] = r.model
    return facts


def drift_report(spec_model, schema_model, unlisted_ops=()):
    """The drift lines, empty when none. `unlisted_ops`: operations on our paths that the
    overlay neither imports nor ignores."""
    a, b = _facts(spec_model), _facts(schema_model)
    lines = []
    only_spec = [k for k in a if k not in b] + [f"endpoint {op}" for op in unlisted_ops]
    only_schema = [k for k in b if k not in a]
    differ = [k for k in a if k in b and a[k] != b[k]]
    if only_spec:
        lines.append("the spec has, the schema lacks:")
        lines += [f"  {k}{': ' + a[k] if a.get(k) else ''}" for k in only_spec]
    if only_schema:
        lines.append("the schema has, the spec lacks:")
        lines += [f"  {k}{': ' + b[k] if b[k] else ''}" for k in only_schema]
    if differ:
        lines.append("they differ:")
        lines += [f"  {k}: spec {a[k]}, schema {b[k]}" for k in differ]
    return lines


def _unlisted_operations(spec, overlay):
    """Operations on the paths of the overlay's endpoints that the overlay neither imports
    nor ignores (with a reason): an endpoint upstream added beside ours."""
    listed = {e["id"] for e in overlay.get("endpoints") or []}
    ignored = set((overlay.get("ignore_operations") or {}))
    paths = {_path_of(spec, i)[0] for i in listed}
    out = []
    for path in paths:
        for method, op in ((spec.get("paths") or {}).get(path) or {}).items():
            if isinstance(op, dict) and op.get("operationId") not in listed | ignored:
                out.append(f"{op.get('operationId')}: {method.upper()} {path}")
    return sorted(out)


# ---------------------------------------------------------------- command lines

def _model_of_text(text, name):
    return validate(parse(text, name), name)


def main_import(argv):
    p = argparse.ArgumentParser(prog="python3 -m generator import-openapi",
                                description="Write our YAML schema from an OpenAPI 3.0/3.1 document and an overlay.")
    p.add_argument("spec")
    p.add_argument("--overlay", required=True)
    p.add_argument("-o", "--output", help="the schema file to write (default: standard output)")
    args = p.parse_args(argv)
    try:
        text = emit(import_openapi(load_yaml(args.spec), load_yaml(args.overlay)))
        # Validated as the file it becomes: its imports are read relative to it (or, for
        # standard output, to the overlay, which lives beside the schema).
        _model_of_text(text, args.output or os.path.join(os.path.dirname(args.overlay), "<imported schema>"))
    except ImportError_ as e:
        print(f"error: {args.spec}: {e}", file=sys.stderr)
        return 2
    except SchemaError as e:
        print(f"error: the imported schema does not validate: {e}", file=sys.stderr)
        return 2
    if args.output:
        write_atomically(args.output, text)
        print(f"wrote {args.output}")
    else:
        sys.stdout.write(text)
    return 0


def main_drift(argv):
    p = argparse.ArgumentParser(prog="python3 -m generator drift",
                                description="List what the spec has that the schema lacks and the reverse; exit 1 on drift.")
    p.add_argument("spec")
    p.add_argument("schema")
    p.add_argument("--overlay", required=True)
    args = p.parse_args(argv)
    try:
        spec, overlay = load_yaml(args.spec), load_yaml(args.overlay)
        imported = _model_of_text(emit(import_openapi(spec, overlay)),
                                  os.path.join(os.path.dirname(args.schema), "<imported schema>"))
        with open(args.schema, encoding="utf-8") as f:
            schema = _model_of_text(f.read(), args.schema)
        lines = drift_report(imported, schema, _unlisted_operations(spec, overlay))
    except ImportError_ as e:
        print(f"error: {args.spec}: {e}", file=sys.stderr)
        return 2
    except SchemaError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if not lines:
        print(f"no drift: {args.schema} matches {args.spec} with {args.overlay}")
        return 0
    print("\n".join(lines))
    return 1
