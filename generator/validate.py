"""Validation: marked nodes -> model.Schema, or a SchemaError naming file and line.

Everything is checked before anything is written: keys, types, references, names
and the C++ identifiers they become.
"""

import re

from . import cpp
from .errors import SchemaError
from .model import (BUILTIN_TYPES, BUILTINS, PARAM_TYPES, Deprecation, Endpoint, Enum, EnumValue, Field, Object, Param,
                    Response, Schema, TypeRef)
from .source import Map, Scalar, Seq

MAX_FIELDS = 64  # the decoder tracks presence in one 64-bit mask per object
MAX_NESTING = 16  # objects and arrays of the schema, one in another: the decoder's frames (decoder.hpp)
RESERVED_MEMBERS = {"unknown_members"}  # every generated struct has this member
# Names the runtime headers declare in namespace signalwire: a schema type named so
# would clash with them (or hide them) in the generated header.
RUNTIME_NAMES = {"decimal", "timestamp", "open_enum", "enum_name", "enum_traits", "field", "object_traits",
                 "is_model", "is_model_v", "key_is", "decode", "encode", "decode_error", "decode_exception",
                 "decode_result", "decode_options", "to_string", "from_string", "tag_invoke", "rfc2822",
                 "detail", "std", "boost", "date", "request_error", "request_exception", "request_result",
                 "request_param", "param_kind", "percent_encode", "endpoint_traits", "is_endpoint",
                 "is_endpoint_v", "status_response", "api_base", "decode_response", "next_page", "previous_page"}
# Types a struct body names without qualification: a member so named would hide them.
UNQUALIFIED_TYPES = {b.cpp for b in BUILTINS.values() if b.unqualified} | {"open_enum"}
# Starts with a letter: the include guard made of it must be a C++ identifier.
HEADER_PATH = re.compile(r"[a-z][a-z0-9_]*(/[a-z0-9_]+)*\.hpp\Z")
NAMESPACE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*\Z")

SCHEMA_KEYS = {"schema": True, "namespace": True, "header": True, "enums": False, "objects": True,
               "api_errors": False, "endpoints": False, "imports": False}
ENUM_KEYS = {"name": True, "description": True, "values": True, "allow_any_wire": False}
VALUE_KEYS = {"wire": True, "description": True, "deprecated": False}
OBJECT_KEYS = {"name": True, "description": True, "fields": True}
ENDPOINT_KEYS = {"id": True, "summary": True, "method": True, "path": True, "request": True, "scopes": True,
                 "path_params": False, "query_params": False, "responses": True}
PARAM_KEYS = {"name": True, "member": True, "type": True, "description": True, "minimum": False,
              "maximum": False, "default": False}
RESPONSE_KEYS = {"status": True, "model": True}
ENDPOINT_ID = re.compile(r"[a-z][a-z0-9_]*\Z")
METHODS = ("GET",)  # request bodies are not modelled yet
# Relative to the API base: `/`-separated segments, each a literal or one `{Parameter}`.
PATH_TEMPLATE = re.compile(r"(/([A-Za-z0-9._~-]+|\{[A-Za-z][A-Za-z0-9_]*\}))+\Z")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
PATH_PARAM_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
QUERY_PARAM_NAME = re.compile(r"[!-~]+\Z")  # printable ASCII, no space: the request percent-encodes it
SCOPE = re.compile(r"[A-Za-z][A-Za-z0-9_.:-]*\Z")
STATUS = re.compile(r"[245][0-9][0-9]\Z")
INTEGER = re.compile(r"-?[0-9]+\Z")
INT32_RANGE = (-2**31, 2**31 - 1)
# The members every request type has: a parameter may not take their names.
REQUEST_MEMBERS = {"method", "path", "query", "target", "scopes", "validate", "response"}
FIELD_KEYS = {"json": True, "cpp": False, "type": True, "items": False, "format": False, "description": True,
              "example": False, "required": False, "nullable": False, "deprecated": False}
# The reason of a deprecation, when the description gives one: a line `Deprecated: <reason>`.
DEPRECATED_REASON = re.compile(r"^[ \t]*Deprecated:[ \t]*(\S.*?)[ \t]*$", re.M)


class _Checker:
    def __init__(self, path):
        self.path = path

    def error(self, line, message):
        return SchemaError(self.path, line, message)

    def mapping(self, node, keys, what):
        """The entries of a mapping with exactly the allowed keys, required ones present."""
        if not isinstance(node, Map):
            raise self.error(node.line, f"{what} must be a mapping")
        for key, (line, _) in node.entries.items():
            if key not in keys:
                allowed = ", ".join(keys)
                raise self.error(line, f"unknown key '{key}' in {what} (allowed: {allowed})")
        for key, required in keys.items():
            if required and key not in node.entries:
                raise self.error(node.line, f"{what} is missing '{key}'")
        return node.entries

    def text(self, entries, key, default=None):
        if key not in entries:
            return default
        line, node = entries[key]
        if not isinstance(node, Scalar):
            raise self.error(line, f"'{key}' must be a single value")
        return node.value

    def nonempty_text(self, entries, key):
        value = self.text(entries, key)
        if not value.strip():
            raise self.error(entries[key][0], f"'{key}' must not be empty")
        return value

    def description(self, entries):
        value = self.nonempty_text(entries, "description")
        line = entries["description"][0]
        if any(ord(c) < 0x20 and c != "\n" for c in value):
            raise self.error(line, "description contains a control character")
        if any(l.rstrip().endswith("\\") for l in value.splitlines()):
            raise self.error(line, "a description line may not end with a backslash "
                                   "(it would continue the C++ comment)")
        return value

    def flag(self, entries, key):
        """Booleans are written `true` or `false`: YAML 1.1's yes/no/on/off are refused,
        since readers disagree on them."""
        value = self.text(entries, key, "false")
        if value not in ("true", "false"):
            raise self.error(entries[key][0], f"'{key}' must be true or false, not '{value}'")
        return value == "true"

    def sequence(self, entries, key, what):
        line, node = entries[key]
        if not isinstance(node, Seq):
            raise self.error(line, f"'{key}' of {what} must be a list")
        if not node.items:
            raise self.error(line, f"'{key}' of {what} must not be empty")
        return node.items

    def deprecation(self, entries, description):
        """`deprecated: true`: a Deprecation, its reason from the description's line
        `Deprecated: <reason>` if it has one; None otherwise."""
        if not self.flag(entries, "deprecated"):
            return None
        m = DEPRECATED_REASON.search(description)
        return Deprecation(reason=m.group(1) if m else "")

    def type_name(self, entries, key, what):
        name = self.nonempty_text(entries, key)
        if not cpp.IDENTIFIER.match(name) or cpp.identifier(name) != name:
            raise self.error(entries[key][0], f"{what} name '{name}' is not a usable C++ identifier")
        return name


def validate(root, path, source_name=None, imported=None):
    """Checks the whole schema and returns its model. Errors name `path`; the banner
    names `source_name` (default: `path`). `imported`: the imports.Imported of the
    schema's `imports:`, read (relative to `path`) when not given."""
    c = _Checker(path)
    top = c.mapping(root, SCHEMA_KEYS, "the schema")
    name = c.nonempty_text(top, "schema")
    namespace = c.nonempty_text(top, "namespace")
    if not NAMESPACE.match(namespace) or any(p in cpp.KEYWORDS for p in namespace.split("::")):
        raise c.error(top["namespace"][0], f"namespace '{namespace}' is not a C++ namespace name")
    header = c.nonempty_text(top, "header")
    if not HEADER_PATH.match(header):
        raise c.error(top["header"][0], f"header '{header}' must be a relative path like signalwire/call.hpp")
    if imported is None:
        from .imports import resolve  # imports.py validates the imported files with this module
        imported = resolve(root, path, namespace)
    c.imported = imported  # their types: usable here, and not to be defined again (_declare)
    imported_enums, imported_objects = imported.enums(), imported.objects()

    enums = [_enum(c, node) for node in (c.sequence(top, "enums", "the schema") if "enums" in top else [])]
    objects_nodes = c.sequence(top, "objects", "the schema")
    type_lines = {}
    for e in enums:
        _declare(c, type_lines, e.name, e.line)
    object_names = {}
    for node in objects_nodes:
        entries = c.mapping(node, OBJECT_KEYS, "an object")
        obj_name = c.type_name(entries, "name", "object")
        _declare(c, type_lines, obj_name, entries["name"][0])
        object_names[obj_name] = node
    enum_names = {e.name for e in enums + imported_enums}
    objects = [_object(c, node, enum_names, set(object_names) | {o.name for o in imported_objects})
               for node in objects_nodes]
    api_errors = _api_errors(c, top, objects + imported_objects) if "api_errors" in top else []
    endpoints = _endpoints(c, top, type_lines, enums + imported_enums, objects + imported_objects,
                           api_errors) if "endpoints" in top else []
    # Imported objects are ordered with ours (ours may hold them), then left out: their
    # own header defines them.
    ordered = [o for o in _dependency_order(c, objects + imported_objects) if o.name in object_names]
    return Schema(source=source_name or path, name=name, namespace=namespace, header=header,
                  enums=enums, objects=ordered, api_errors=api_errors,
                  endpoints=endpoints, imports=tuple(imported.schemas))


def _endpoints(c, top, type_lines, enums, objects, api_errors):
    """`endpoints`: each a request type with its path, parameters, scopes and the model of
    each response status. Every name they use is checked against the rest of the schema."""
    ids, result = {}, []
    for node in c.sequence(top, "endpoints", "the schema"):
        e = c.mapping(node, ENDPOINT_KEYS, "an endpoint")
        endpoint_id = c.nonempty_text(e, "id")
        if not ENDPOINT_ID.match(endpoint_id):
            raise c.error(e["id"][0], f"endpoint id '{endpoint_id}' must be lower-case letters, digits and '_', "
                                      "starting with a letter")
        if endpoint_id in ids:
            raise c.error(e["id"][0], f"duplicate endpoint id '{endpoint_id}' (first at line {ids[endpoint_id]})")
        ids[endpoint_id] = e["id"][0]
        result.append(_endpoint(c, e, endpoint_id, type_lines, enums, objects, api_errors))
    return result


def _endpoint(c, e, endpoint_id, type_lines, enums, objects, api_errors):
    summary = c.nonempty_text(e, "summary")
    if any(ord(ch) < 0x20 for ch in summary):
        raise c.error(e["summary"][0], "'summary' must be one line, without control characters")
    method = c.nonempty_text(e, "method")
    if method not in METHODS:
        raise c.error(e["method"][0], f"method '{method}' is not supported (only GET: request bodies are not modelled)")
    request = c.type_name(e, "request", "request type")
    _declare(c, type_lines, request, e["request"][0])
    path = c.nonempty_text(e, "path")
    path_line = e["path"][0]
    if not PATH_TEMPLATE.match(path):
        raise c.error(path_line, f"path '{path}' must be /-separated segments relative to the API base, "
                                 "each a name or one {Parameter}")
    if path.endswith(".json"):
        raise c.error(path_line, f"path '{path}' must not end in .json (the request adds it)")

    scopes, scope_lines = [], {}
    for node in c.sequence(e, "scopes", f"endpoint {endpoint_id}"):
        if not isinstance(node, Scalar) or not SCOPE.match(node.value):
            value = node.value if isinstance(node, Scalar) else "a list or mapping"
            raise c.error(node.line, f"scope '{value}' must be one word (letters, digits, '_', '.', ':', '-')")
        if node.value in scope_lines:
            raise c.error(node.line, f"scope '{node.value}' is listed twice (first at line {scope_lines[node.value]})")
        scope_lines[node.value] = node.line
        scopes.append(node.value)

    enum_names = {en.name for en in enums}
    hidden = set(UNQUALIFIED_TYPES) | {"date"} | set(type_lines)
    names, members = {}, {}
    params = {}
    for key, in_path in (("path_params", True), ("query_params", False)):
        params[key] = []
        if key not in e:
            continue
        for node in c.sequence(e, key, f"endpoint {endpoint_id}"):
            p = _param(c, node, endpoint_id, in_path, enum_names, hidden)
            if p.name in names:
                raise c.error(p.line, f"duplicate parameter '{p.name}' in endpoint {endpoint_id} "
                                      f"(first at line {names[p.name]})")
            if p.member in members:
                other, other_line = members[p.member]
                raise c.error(p.line, f"parameter '{p.name}' of endpoint {endpoint_id} becomes C++ '{p.member}', "
                                      f"as '{other}' at line {other_line} does")
            names[p.name] = p.line
            members[p.member] = (p.name, p.line)
            params[key].append(p)

    declared = {p.name: p for p in params["path_params"]}
    used = set()
    for placeholder in PLACEHOLDER.findall(path):
        if placeholder not in declared:
            raise c.error(path_line, f"path parameter {{{placeholder}}} is not in path_params")
        if placeholder in used:
            raise c.error(path_line, f"path parameter {{{placeholder}}} appears twice in the path")
        used.add(placeholder)
    for p in params["path_params"]:
        if p.name not in used:
            raise c.error(p.line, f"path parameter '{p.name}' is not in the path '{path}'")

    object_names = {o.name for o in objects}
    responses, statuses = [], {}
    for node in c.sequence(e, "responses", f"endpoint {endpoint_id}"):
        r = c.mapping(node, RESPONSE_KEYS, f"a response of endpoint {endpoint_id}")
        status_text = c.text(r, "status")
        status_line = r["status"][0]
        if not STATUS.match(status_text):
            raise c.error(status_line, f"status '{status_text}' must be a success (2xx) or error (4xx, 5xx) "
                                       "HTTP status")
        status = int(status_text)
        if status in statuses:
            raise c.error(status_line, f"status {status} is listed twice (first at line {statuses[status]})")
        statuses[status] = status_line
        model = c.nonempty_text(r, "model")
        if model not in object_names:
            raise c.error(r["model"][0], f"response model '{model}' is not an object of this schema")
        if status >= 400 and model not in api_errors:
            raise c.error(r["model"][0], f"the model of status {status}, '{model}', is not an API error body "
                                         "(list it in api_errors)")
        if status < 300 and model in api_errors:
            raise c.error(r["model"][0], f"the model of status {status}, '{model}', is an API error body, "
                                         "not a success model")
        responses.append(Response(status=status, model=model, line=status_line))
    successes = [r for r in responses if r.status < 300]
    if not successes:
        raise c.error(e["responses"][0], f"endpoint {endpoint_id} has no 2xx response (its success model)")
    if len(successes) > 1:
        raise c.error(successes[1].line, f"endpoint {endpoint_id} has a second 2xx response "
                                         f"(first at line {successes[0].line}); one is its success model")
    return Endpoint(id=endpoint_id, summary=summary, method=method, path=path, request=request, scopes=scopes,
                    path_params=params["path_params"], query_params=params["query_params"],
                    responses=responses, line=e["id"][0])


def _param(c, node, endpoint_id, in_path, enum_names, hidden):
    where = "a path parameter" if in_path else "a query parameter"
    p = c.mapping(node, PARAM_KEYS, f"{where} of endpoint {endpoint_id}")
    name = c.text(p, "name")
    line = p["name"][0]
    if in_path and not PATH_PARAM_NAME.match(name):
        raise c.error(line, f"path parameter name '{name}' must be a letter, then letters, digits or '_'")
    if not in_path and not QUERY_PARAM_NAME.match(name):
        raise c.error(line, f"query parameter name '{name}' must be printable ASCII without spaces")
    member = c.nonempty_text(p, "member")
    member_line = p["member"][0]
    if not cpp.IDENTIFIER.match(member) or cpp.identifier(member) != member:
        raise c.error(member_line, f"member '{member}' of parameter '{name}' is not a usable C++ identifier")
    if member in REQUEST_MEMBERS:
        raise c.error(member_line, f"member '{member}' of parameter '{name}' would clash with the request's "
                                   f"member '{member}'")
    if member in hidden:
        raise c.error(member_line, f"member '{member}' of parameter '{name}' would hide the type '{member}' "
                                   "in the struct")
    type_name = c.nonempty_text(p, "type")
    if type_name in PARAM_TYPES:
        cpp_value, kind = PARAM_TYPES[type_name]
    elif type_name in enum_names:
        cpp_value, kind = f"open_enum<{type_name}>", "enumeration"
    else:
        known = ", ".join(list(PARAM_TYPES) + sorted(enum_names))
        raise c.error(p["type"][0], f"unknown parameter type '{type_name}' (known: {known})")
    bounds = {}
    for key in ("minimum", "maximum", "default"):
        if key not in p:
            bounds[key] = None
            continue
        if type_name != "int32":
            raise c.error(p[key][0], f"'{key}' is only for int32 parameters")
        if key == "default" and in_path:
            raise c.error(p[key][0], "a path parameter has no default (it is always sent)")
        text = c.text(p, key)
        if not INTEGER.match(text) or not INT32_RANGE[0] <= int(text) <= INT32_RANGE[1]:
            raise c.error(p[key][0], f"'{key}' must be an int32 integer, not '{text}'")
        bounds[key] = int(text)
    low, high, default = bounds["minimum"], bounds["maximum"], bounds["default"]
    if low is not None and high is not None and low > high:
        raise c.error(p["maximum"][0], f"maximum {high} is less than minimum {low}")
    if default is not None and low is not None and default < low:
        raise c.error(p["default"][0], f"default {default} is less than minimum {low}")
    if default is not None and high is not None and default > high:
        raise c.error(p["default"][0], f"default {default} is greater than maximum {high}")
    return Param(name=name, member=member, type=type_name, cpp_value=cpp_value, kind=kind, in_path=in_path,
                 description=c.description(p), minimum=low, maximum=high, default=default, line=line)


def _api_errors(c, top, objects):
    """`api_errors`: the objects that are API error bodies, in the order a failed decode
    tries them. An error model cannot also be (or hold) a model the endpoints return."""
    by_name = {o.name: o for o in objects}
    names, lines = [], {}
    for node in c.sequence(top, "api_errors", "the schema"):
        if not isinstance(node, Scalar):
            raise c.error(node.line, "an entry of 'api_errors' must be an object name")
        name = node.value
        if name not in by_name:
            raise c.error(node.line, f"api_errors: '{name}' is not an object of this schema")
        if name in lines:
            raise c.error(node.line, f"api_errors: '{name}' is listed twice (first at line {lines[name]})")
        lines[name] = node.line
        names.append(name)
    return names


def _declare(c, type_lines, name, line):
    if name in BUILTIN_TYPES or name == "array":
        raise c.error(line, f"type name '{name}' is a built-in type")
    if name in RUNTIME_NAMES:
        raise c.error(line, f"type name '{name}' is taken by the runtime headers")
    if name in (c.imported.types if getattr(c, "imported", None) else ()):
        raise c.error(line, f"type '{name}' is defined twice: here and at {c.imported.where(name, c.path)} "
                            "(imported)")
    if name in type_lines:
        raise c.error(line, f"duplicate type name '{name}' (first at line {type_lines[name]})")
    type_lines[name] = line


def _enum(c, node):
    entries = c.mapping(node, ENUM_KEYS, "an enum")
    name = c.type_name(entries, "name", "enum")
    allow_any_wire = c.flag(entries, "allow_any_wire")
    values, by_wire, by_cpp = [], {}, {}
    for value_node in c.sequence(entries, "values", f"enum {name}"):
        v = c.mapping(value_node, VALUE_KEYS, f"a value of enum {name}")
        wire = c.text(v, "wire")
        line = v["wire"][0]
        if any(ord(ch) < 0x20 for ch in wire):
            raise c.error(line, f"a value of enum {name} contains a control character")
        if not allow_any_wire and any(ch.isspace() for ch in wire):
            raise c.error(line, f"value '{wire}' of enum {name} contains whitespace, which real wire values "
                                f"never do (a typo for '{'-'.join(wire.split())}'?); "
                                f"'allow_any_wire: true' on the enum allows it")
        if wire in by_wire:
            raise c.error(line, f"duplicate value '{wire}' in enum {name} (first at line {by_wire[wire]})")
        ident = cpp.identifier(wire)
        if ident is None:
            raise c.error(line, f"value '{wire}' of enum {name} gives no usable C++ identifier")
        if ident in by_cpp:
            other, other_line = by_cpp[ident]
            raise c.error(line, f"value '{wire}' of enum {name} becomes C++ '{ident}', "
                                f"as '{other}' at line {other_line} does")
        by_wire[wire] = line
        by_cpp[ident] = (wire, line)
        description = c.description(v)
        if "\n" in description:
            raise c.error(v["description"][0], "the description of an enum value must be one line "
                                               "(it is written after the enumerator)")
        values.append(EnumValue(wire=wire, cpp=ident, description=description, line=line,
                                deprecated=c.deprecation(v, description)))
    return Enum(name=name, description=c.description(entries), values=values, line=entries["name"][0])


def _object(c, node, enum_names, object_names):
    entries = c.mapping(node, OBJECT_KEYS, "an object")
    name = entries["name"][1].value
    field_nodes = c.sequence(entries, "fields", f"object {name}")
    if len(field_nodes) > MAX_FIELDS:
        raise c.error(entries["fields"][0], f"object {name} has {len(field_nodes)} fields; at most {MAX_FIELDS}")
    fields, by_json, by_cpp = [], {}, {}
    for field_node in field_nodes:
        f = _field(c, field_node, name, enum_names, object_names)
        if f.json in by_json:
            raise c.error(f.line, f"duplicate field '{f.json}' in object {name} (first at line {by_json[f.json]})")
        if f.cpp in by_cpp:
            other, other_line = by_cpp[f.cpp]
            raise c.error(f.line, f"field '{f.json}' of object {name} becomes C++ '{f.cpp}', "
                                  f"as '{other}' at line {other_line} does")
        by_json[f.json] = f.line
        by_cpp[f.cpp] = (f.json, f.line)
        fields.append(f)
    return Object(name=name, description=c.description(entries), fields=fields, line=entries["name"][0])


def _field(c, node, object_name, enum_names, object_names):
    f = c.mapping(node, FIELD_KEYS, f"a field of object {object_name}")
    wire = c.text(f, "json")
    line = f["json"][0]
    if not wire or any(ord(ch) < 0x20 for ch in wire):
        raise c.error(line, f"field name '{wire}' must be non-empty, without control characters")
    if "cpp" in f:
        # A C++ name of the schema's choosing, beside the JSON name (protobuf's json_name
        # the other way round): `cpp: currency` for `json: price_unit`.
        ident = c.nonempty_text(f, "cpp")
        if cpp.identifier(ident) != ident:
            raise c.error(f["cpp"][0], f"'cpp' must be a C++ identifier that is not a keyword, a standard "
                                       f"macro or reserved, not '{ident}'")
    else:
        ident = cpp.identifier(wire)
    if ident is None:
        raise c.error(line, f"field '{wire}' of object {object_name} gives no usable C++ identifier")
    if ident in RESERVED_MEMBERS:
        raise c.error(line, f"field '{wire}' would clash with the generated member '{ident}'")
    if ident in UNQUALIFIED_TYPES or ident in enum_names or ident in object_names:
        raise c.error(line, f"field '{wire}' of object {object_name} becomes C++ '{ident}', "
                            f"which would hide the type '{ident}' in the struct")
    type_ref = _type(c, f, object_name, enum_names, object_names)
    example = c.text(f, "example")
    fmt = c.text(f, "format")
    for key, value in (("example", example), ("format", fmt)):
        if value is not None and any(ord(ch) < 0x20 for ch in value):
            raise c.error(f[key][0], f"'{key}' contains a control character")
    description = c.description(f)
    return Field(json=wire, cpp=ident, type=type_ref, required=c.flag(f, "required"),
                 nullable=c.flag(f, "nullable"), description=description,
                 example=example, format=fmt, line=line, deprecated=c.deprecation(f, description))


def _type(c, f, object_name, enum_names, object_names):
    type_line = f["type"][0]
    type_name = c.nonempty_text(f, "type")
    if type_name == "array":
        if "items" not in f:
            raise c.error(type_line, "an array field needs 'items', the type of its elements (a builtin type, "
                                     "an enum or an object)")
        item = c.nonempty_text(f, "items")
        if item == "array":
            raise c.error(f["items"][0], "array items cannot be arrays (an array of arrays is not supported)")
        # The items are what a single field of that type would be: the same C++ value
        # type, decoded by the same rules (an element is never null).
        single = _single_type(item, enum_names, object_names)
        if single is None:
            items = [name for name, b in BUILTINS.items() if b.array_item]
            known = ", ".join(items + sorted(enum_names) + sorted(object_names))
            raise c.error(f["items"][0], f"unknown array item type '{item}' (known: {known})")
        if single.kind == "builtin" and not BUILTINS[item].array_item:
            raise c.error(f["items"][0], f"an array of {item} is not supported (std::vector<{single.cpp_value}> "
                                         "has no elements of that type to decode into)")
        return TypeRef("array", item, f"std::vector<{single.cpp_value}>", item_kind=single.kind)
    if "items" in f:
        raise c.error(f["items"][0], "'items' is only for fields of type array")
    single = _single_type(type_name, enum_names, object_names)
    if single is not None:
        return single
    known = ", ".join(list(BUILTIN_TYPES) + ["array"] + sorted(enum_names) + sorted(object_names))
    raise c.error(type_line, f"unknown type '{type_name}' (known: {known})")


def _single_type(type_name, enum_names, object_names):
    """The TypeRef of one value of a builtin type, an enum or an object; None otherwise."""
    if type_name in BUILTIN_TYPES:
        return TypeRef("builtin", type_name, BUILTIN_TYPES[type_name])
    if type_name in enum_names:
        return TypeRef("enum", type_name, f"open_enum<{type_name}>")
    if type_name in object_names:
        return TypeRef("object", type_name, type_name)
    return None


def _dependency_order(c, objects):
    """Objects sorted so that each comes after the objects its fields hold (C++ needs
    complete types), otherwise in schema order. A cycle cannot be held by value."""
    by_name = {o.name: o for o in objects}
    ordered, state = [], {}

    def visit(o, chain):
        if state.get(o.name) == "done":
            return
        if state.get(o.name) == "visiting":
            cycle = " -> ".join(chain + [o.name])
            raise c.error(o.line, f"objects contain each other: {cycle}")
        state[o.name] = "visiting"
        for f in o.fields:
            if f.type.object:
                visit(by_name[f.type.object], chain + [o.name])
        state[o.name] = "done"
        ordered.append(o)

    for o in objects:
        visit(o, [])
    _check_nesting(c, ordered, by_name)
    return ordered


def _check_nesting(c, ordered, by_name):
    """How deep each object's values nest (itself 1, a member object +1, an array of
    objects +2, an array of scalars or enum values +1): the decoder keeps one frame per
    level, at most MAX_NESTING."""
    depth = {}
    for o in ordered:  # members come first, so their depth is known
        deepest = 0
        for f in o.fields:
            if f.type.kind == "object":
                deepest = max(deepest, depth[f.type.name])
            elif f.type.kind == "array":
                deepest = max(deepest, 1 + (depth[f.type.name] if f.type.item_kind == "object" else 0))
        depth[o.name] = 1 + deepest
        if depth[o.name] > MAX_NESTING:
            raise c.error(o.line, f"object {o.name} nests {depth[o.name]} levels deep; at most {MAX_NESTING}")
