"""python3 -m generator diff OLD.yaml NEW.yaml [--format text|json] [--strict]

Compares two schemas, as the generator reads them (load -> validate -> model), and
classifies every change on two axes:

- source: C++ source compatibility, for code that includes the generated header;
- wire: a decoder meeting bodies it was not generated for, in lenient and in strict
  mode (decode_options::strict). Both directions count: a deployed decoder (built from
  OLD) receiving what NEW allows servers to send, and the regenerated decoder (built from
  NEW) receiving what servers sent under OLD (recorded bodies, servers not yet updated).
  An endpoint change is a request the client sends; its wire effect is the same in
  both modes.

Each axis is `none` (nothing the axis can see), `compatible`, `warning` (source only:
compiles unless warnings are errors) or `breaking`. A change is `breaking` when the
source axis or lenient decoding breaks (with --strict, strict decoding too); else
`compatible` when some axis sees it; else `info` (descriptions, examples, formats).
Deprecating a field or an enum value (`deprecated: true`) is compatible: source `warning`
(code that names it warns), nothing on the wire. A changed array item type is a
`type-changed`, breaking on both axes like any other type change.

The text report and the JSON report are rendered from the one sorted list of changes.
Exit status: 0 nothing breaks, 1 something breaks, 2 usage or schema error.
"""

import argparse
import json
import sys
from dataclasses import dataclass

from .errors import SchemaError

NONE, OK, WARN, BREAK = "none", "compatible", "warning", "breaking"
VERDICTS = ("breaking", "compatible", "info")  # the report's order


@dataclass(frozen=True)
class Change:
    subject: str     # what changed: `Call.duration`, `CallStatus.no-answer`, `endpoint list_all_calls`
    kind: str        # field-added, field-removed, type-changed, ...
    message: str     # one line: what it was and what it is
    source: str      # C++ source compatibility: none, compatible, warning, breaking
    lenient: str     # wire, lenient decoding: none, compatible, breaking
    strict: str      # wire, strict decoding: none, compatible, breaking
    why: str         # the reason for the classification, one or two sentences

    def verdict(self, strict_counts=False):
        if BREAK in (self.source, self.lenient) or (strict_counts and self.strict == BREAK):
            return "breaking"
        if (self.source, self.lenient, self.strict) == (NONE, NONE, NONE):
            return "info"
        return "compatible"


# ---------------------------------------------------------------------------- helpers

def type_text(t):
    return t.text


def _deprecation(add, subject, what, cpp_name, old, new):
    """A field or an enum value deprecated, undeprecated, or given another reason."""
    if not old and new:
        reason = f" ({new.reason})" if new.reason else ""
        add(subject, "deprecated", f"{what} deprecated{reason}", WARN, NONE, NONE,
            f"Source: {cpp_name} is now [[deprecated]]: code that names it still compiles, with a warning "
            "(an error under -Werror=deprecated-declarations). Wire: nothing changes.")
    elif old and not new:
        add(subject, "undeprecated", f"{what} no longer deprecated", OK, NONE, NONE,
            f"Source: {cpp_name} loses [[deprecated]]; code that names it stops warning. Wire: nothing changes.")
    elif old and new and old.reason != new.reason:
        add(subject, "deprecation-reason-changed",
            f"deprecation reason {old.reason or '(none)'} -> {new.reason or '(none)'}", NONE, NONE, NONE,
            "Documentation only: the text of the [[deprecated]] warning.")


def field_text(f):
    flags = ("required" if f.required else "optional") + (" nullable" if f.nullable else "")
    return f"{flags} {type_text(f.type)}"


def _renamed_from(added, removed, signature, position):
    """The one removed item that `added` may have been renamed from: the only removed
    item of the same signature, or among several the one at the same position."""
    same = [r for r in removed if signature(r) == signature(added)]
    if len(same) == 1:
        return same[0]
    at = [r for r in same if position(r) == position(added)]
    return at[0] if len(at) == 1 else None


# ---------------------------------------------------------------------------- comparison

def compare(old, new):
    """Every change from schema `old` to schema `new` (model.Schema), classified."""
    out = []

    def add(subject, kind, message, source, lenient, strict, why):
        out.append(Change(subject, kind, message, source, lenient, strict, why))

    # The schema as a whole.
    if old.namespace != new.namespace:
        add("namespace", "namespace-changed", f"namespace {old.namespace} -> {new.namespace}", BREAK, NONE, NONE,
            "Code names the types by namespace (signalwire::Call); the wire does not carry it.")
    if old.header != new.header:
        add("header", "header-changed", f"header {old.header} -> {new.header}", BREAK, NONE, NONE,
            "Code includes the header by this path; the wire does not carry it.")
    if old.name != new.name:
        add("schema", "schema-name-changed", f"schema name {old.name} -> {new.name}", OK, NONE, NONE,
            "The name only starts the inline namespace (link names change, rebuild everything) and names the "
            "reference document; code does not write it.")
    if list(old.api_errors) != list(new.api_errors):
        add("api_errors", "api-errors-changed",
            f"api_errors [{', '.join(old.api_errors)}] -> [{', '.join(new.api_errors)}]", OK, OK, OK,
            "Only the failure path of a decode reads them: which error body a failed decode names.")

    # Enums and objects: renames are an enum or object removed and one added with the same content.
    old_enums, new_enums = {e.name: e for e in old.enums}, {e.name: e for e in new.enums}
    old_objects, new_objects = {o.name: o for o in old.objects}, {o.name: o for o in new.objects}
    renamed = {}  # old type name -> new type name

    def enum_sig(e):
        return tuple(v.wire for v in e.values)

    def object_sig(o):
        return tuple((f.json, f.type.kind, renamed.get(f.type.name, f.type.name), f.required, f.nullable)
                     for f in o.fields)

    for table_old, table_new, sig, what in ((old_enums, new_enums, enum_sig, "enum"),
                                            (old_objects, new_objects, object_sig, "object")):
        gone = [table_old[n] for n in sorted(set(table_old) - set(table_new))]
        came = [table_new[n] for n in sorted(set(table_new) - set(table_old))]
        for c in came:
            same = [g for g in gone if sig(g) == sig(c)]
            if len(same) == 1 and sum(sig(x) == sig(c) for x in came) == 1:
                renamed[same[0].name] = c.name
        for g in gone:
            if g.name in renamed:
                n = renamed[g.name]
                add(n, f"{what}-renamed", f"{what} renamed from {g.name} (same {'values' if what == 'enum' else 'fields'})",
                    BREAK, OK, OK,
                    f"Code that names {g.name} no longer compiles; the wire never carries a type name, and the "
                    f"{'values' if what == 'enum' else 'members'} are the same.")
            else:
                add(g.name, f"{what}-removed", f"{what} removed", BREAK, NONE, NONE,
                    f"Code that names {g.name} no longer compiles; a field that held it is reported on its own.")
        for c in came:
            if c.name not in renamed.values():
                add(c.name, f"{what}-added", f"{what} added", OK, NONE, NONE,
                    "A new type breaks nothing; a field that holds it is reported on its own.")

    for name in sorted(set(old_enums) & set(new_enums)) + sorted(o for o in renamed if o in old_enums):
        o = old_enums[name]
        n = new_enums[renamed.get(name, name)]
        _compare_enum(add, o, n)
    for name in sorted(set(old_objects) & set(new_objects)) + sorted(o for o in renamed if o in old_objects):
        o = old_objects[name]
        n = new_objects[renamed.get(name, name)]
        _compare_object(add, o, n, renamed)

    _compare_endpoints(add, old, new, renamed)
    return sort_changes(out)


def sort_changes(changes, strict_counts=False):
    rank = {v: i for i, v in enumerate(VERDICTS)}
    return sorted(changes, key=lambda c: (rank[c.verdict(strict_counts)], c.subject, c.kind, c.message))


def _compare_enum(add, o, n):
    name = n.name
    if o.description != n.description:
        add(name, "description-changed", "enum description changed", NONE, NONE, NONE, "Documentation only.")
    old_values, new_values = {v.wire: v for v in o.values}, {v.wire: v for v in n.values}
    gone = [v for v in o.values if v.wire not in new_values]
    for v in n.values:
        if v.wire not in old_values:
            note = ""
            if len(gone) == 1 and len([x for x in n.values if x.wire not in old_values]) == 1:
                note = f" (possibly renamed from '{gone[0].wire}')"
            add(f"{name}.{v.wire}", "enum-value-added", f"enum value '{v.wire}' added{note}", WARN, OK, BREAK,
                f"Source: a `switch` over {name} without `default` stops compiling under -Werror=switch (a "
                f"-Wswitch warning otherwise). Wire: a deployed lenient decoder keeps '{v.wire}' as an unknown "
                "value; a strict one rejects the body.")
    for v in gone:
        add(f"{name}.{v.wire}", "enum-value-removed", f"enum value '{v.wire}' removed", BREAK, OK, BREAK,
            f"Source: code that names {name}::{v.cpp} no longer compiles. Wire: the regenerated decoder, "
            f"receiving '{v.wire}' from a server that still sends it, keeps it as an unknown value in lenient "
            "mode and rejects the body in strict mode.")
    for v in n.values:
        if v.wire in old_values and old_values[v.wire].description != v.description:
            add(f"{name}.{v.wire}", "description-changed", "enum value description changed", NONE, NONE, NONE,
                "Documentation only.")
        if v.wire in old_values:
            _deprecation(add, f"{name}.{v.wire}", "enum value", f"{name}::{v.cpp}", old_values[v.wire].deprecated,
                         v.deprecated)
    kept_old = [v.wire for v in o.values if v.wire in new_values]
    kept_new = [v.wire for v in n.values if v.wire in old_values]
    if kept_old != kept_new:
        add(name, "enum-values-reordered", "enum values reordered", OK, NONE, NONE,
            "Enumerators keep their names; only code that depends on their numeric values would notice.")


def _compare_object(add, o, n, renamed):
    name = n.name
    if o.description != n.description:
        add(name, "description-changed", "object description changed", NONE, NONE, NONE, "Documentation only.")
    old_fields, new_fields = {f.json: f for f in o.fields}, {f.json: f for f in n.fields}
    gone = [f for f in o.fields if f.json not in new_fields]
    came = [f for f in n.fields if f.json not in old_fields]

    def signature(f):
        return (f.type.kind, renamed.get(f.type.name, f.type.name), f.required, f.nullable)

    old_pos = {f.json: i for i, f in enumerate(o.fields)}
    new_pos = {f.json: i for i, f in enumerate(n.fields)}
    for f in came:
        source = _renamed_from(f, gone, signature, lambda x: old_pos.get(x.json, new_pos.get(x.json)))
        note = f" (possibly renamed from {source.json})" if source is not None else ""
        if f.required:
            add(f"{name}.{f.json}", "field-added", f"field added: {field_text(f)}{note}", OK, BREAK, BREAK,
                "Source: a new member. Wire: the regenerated decoder rejects bodies without it, as servers sent "
                "them under the old schema; a deployed strict decoder rejects it as an unknown member.")
        else:
            add(f"{name}.{f.json}", "field-added", f"field added: {field_text(f)}{note}", OK, OK, BREAK,
                "Source: a new member. Wire: a deployed lenient decoder keeps it in unknown_members; a "
                "deployed strict decoder rejects the unknown member.")
    for f in gone:
        target = _renamed_from(f, came, signature, lambda x: new_pos.get(x.json, old_pos.get(x.json)))
        note = f" (possibly renamed to {target.json})" if target is not None else ""
        if f.required:
            add(f"{name}.{f.json}", "field-removed", f"field removed: was {field_text(f)}{note}", BREAK, BREAK, BREAK,
                f"Source: code that reads {name}::{f.cpp} no longer compiles. Wire: a deployed decoder requires "
                "the member, which servers may now leave out.")
        else:
            add(f"{name}.{f.json}", "field-removed", f"field removed: was {field_text(f)}{note}", BREAK, OK, BREAK,
                f"Source: code that reads {name}::{f.cpp} no longer compiles. Wire: the regenerated decoder keeps "
                "the member from bodies that still carry it in unknown_members (lenient) or rejects it (strict).")

    for nf in n.fields:
        of = old_fields.get(nf.json)
        if of is None:
            continue
        subject = f"{name}.{nf.json}"
        if of.cpp != nf.cpp:
            add(subject, "member-renamed", f"C++ member {of.cpp} -> {nf.cpp} (the JSON name is unchanged)",
                BREAK, NONE, NONE,
                f"Source: code that names {name}::{of.cpp} no longer compiles. Wire: nothing changes.")
        old_type = (of.type.kind, renamed.get(of.type.name, of.type.name))
        if old_type != (nf.type.kind, nf.type.name):
            if of.type.kind == nf.type.kind == "array":
                why = ("Source: the member is a std::vector of another C++ type. Wire: the two decoders read the "
                       "array's elements as different types, so an array one schema allows is rejected by the "
                       "other decoder (an element that does not decode fails the whole body).")
            else:
                why = ("Source: the member has another C++ type. Wire: the two decoders read the member as "
                       "different JSON types, so a body one schema allows is rejected by the other decoder.")
            add(subject, "type-changed", f"type {type_text(of.type)} -> {type_text(nf.type)} "
                f"(C++ {of.cpp_type} -> {nf.cpp_type})", BREAK, BREAK, BREAK, why)
        # Requiredness and nullability break C++ source only when they move the member
        # between T and std::optional<T>.
        src = BREAK if of.cpp_type.replace(of.type.cpp_value, "") != nf.cpp_type.replace(nf.type.cpp_value, "") \
            else OK
        cpp = f"C++ {of.cpp_type} -> {nf.cpp_type}" if src == BREAK else "C++ type unchanged"
        if of.required != nf.required:
            if nf.required:
                add(subject, "made-required", f"optional -> required ({cpp})", src, BREAK, BREAK,
                    "Wire: the regenerated decoder rejects bodies without the member, which servers may send as "
                    "the old schema allowed." + (" Source: std::optional<T> becomes T." if src == BREAK else ""))
            else:
                add(subject, "made-optional", f"required -> optional ({cpp})", src, BREAK, BREAK,
                    "Wire: a deployed decoder requires the member, which servers may now leave out."
                    + (" Source: T becomes std::optional<T>." if src == BREAK else ""))
        if of.nullable != nf.nullable:
            if nf.nullable:
                add(subject, "made-nullable", f"non-null -> nullable ({cpp})", src, BREAK, BREAK,
                    "Wire: a deployed decoder rejects the null that servers may now send (null is an error for a "
                    "non-nullable member in both modes); the regenerated decoder accepts every old body."
                    + (" Source: T becomes std::optional<T>." if src == BREAK else ""))
            else:
                add(subject, "made-non-null", f"nullable -> non-null ({cpp})", src, BREAK, BREAK,
                    "Wire: the regenerated decoder rejects null, which servers may send as the old schema allowed."
                    + (" Source: std::optional<T> becomes T." if src == BREAK else ""))
        _deprecation(add, subject, "field", f"{name}::{nf.cpp}", of.deprecated, nf.deprecated)
        for attr, label in (("format", "format"), ("example", "example"), ("description", "description")):
            a, b = getattr(of, attr), getattr(nf, attr)
            if a != b:
                msg = f"{label} changed" if attr == "description" else f"{label} {a or '(none)'} -> {b or '(none)'}"
                add(subject, f"{label}-changed", msg, NONE, NONE, NONE,
                    "Documentation only: the format and example are comments; neither changes the C++ type "
                    "or what decoding accepts." if attr != "description" else "Documentation only.")

    kept_old = [f.json for f in o.fields if f.json in new_fields]
    kept_new = [f.json for f in n.fields if f.json in old_fields]
    if kept_old != kept_new:
        add(name, "fields-reordered", "fields reordered", OK, NONE, NONE,
            "Members keep their names and types; only positional aggregate initialization or structured "
            "bindings would notice. JSON member order does not matter to the decoder.")


def _param_text(p):
    return f"{'path' if p.in_path else 'query'} {p.type}"


def _compare_endpoints(add, old, new, renamed):
    old_e, new_e = {e.id: e for e in old.endpoints}, {e.id: e for e in new.endpoints}
    gone = [old_e[i] for i in sorted(set(old_e) - set(new_e))]
    came = [new_e[i] for i in sorted(set(new_e) - set(old_e))]
    for e in came:
        source = _renamed_from(e, gone, lambda x: (x.method, x.path), lambda x: None)
        note = f" (possibly renamed from {source.id})" if source is not None else ""
        add(f"endpoint {e.id}", "endpoint-added", f"endpoint added: {e.method} {e.path}{note}", OK, NONE, NONE,
            f"A new request type, {e.request}; nothing existing changes.")
    for e in gone:
        add(f"endpoint {e.id}", "endpoint-removed", f"endpoint removed: {e.method} {e.path}", BREAK, NONE, NONE,
            f"Code that builds a {e.request} no longer compiles.")
    for i in sorted(set(old_e) & set(new_e)):
        o, n = old_e[i], new_e[i]
        subject = f"endpoint {i}"
        if o.request != n.request:
            add(subject, "request-renamed", f"request type {o.request} -> {n.request}", BREAK, NONE, NONE,
                f"Code that names {o.request} no longer compiles; what is sent is the same.")
        if o.method != n.method or o.path != n.path:
            add(subject, "path-changed", f"{o.method} {o.path} -> {n.method} {n.path}", OK, BREAK, BREAK,
                "Wire: a deployed client sends the request to the old method and path.")
        if o.summary != n.summary:
            add(subject, "summary-changed", "summary changed", NONE, NONE, NONE, "Documentation only.")
        more = sorted(set(n.scopes) - set(o.scopes))
        fewer = sorted(set(o.scopes) - set(n.scopes))
        if more:
            add(subject, "scopes-added", f"scopes added: {', '.join(more)}", OK, BREAK, BREAK,
                "Wire: a token with only the old scopes is refused.")
        if fewer:
            add(subject, "scopes-removed", f"scopes removed: {', '.join(fewer)}", OK, OK, OK,
                "Wire: a token needs less than before.")
        _compare_params(add, subject, o, n, renamed)
        _compare_responses(add, subject, o, n, renamed)


def _compare_params(add, subject, o, n, renamed):
    old_p, new_p = {p.name: p for p in o.params}, {p.name: p for p in n.params}
    for p in n.params:
        if p.name in old_p:
            continue
        s = f"{subject} {'path' if p.in_path else 'query'} {p.name}"
        if p.in_path:
            add(s, "param-added", f"parameter added: {_param_text(p)} ({p.member})", BREAK, NONE, NONE,
                f"Source: code that builds the request must now set {p.member} (an empty one is refused); the "
                "path change is reported on its own.")
        else:
            add(s, "param-added", f"parameter added: {_param_text(p)} ({p.member})", OK, OK, OK,
                "A query parameter is optional and sent only when set.")
    for p in o.params:
        if p.name in new_p:
            continue
        s = f"{subject} {'path' if p.in_path else 'query'} {p.name}"
        add(s, "param-removed", f"parameter removed: was {_param_text(p)} ({p.member})", BREAK,
            NONE if p.in_path else OK, NONE if p.in_path else OK,
            f"Source: code that sets {p.member} no longer compiles.")
    for p in n.params:
        q = old_p.get(p.name)
        if q is None:
            continue
        s = f"{subject} {'path' if p.in_path else 'query'} {p.name}"
        if q.in_path != p.in_path:
            add(s, "param-moved", f"parameter moved: {_param_text(q)} -> {_param_text(p)}", BREAK, BREAK, BREAK,
                "Source: the member changes between T and std::optional<T>. Wire: it is sent elsewhere.")
        if renamed.get(q.type, q.type) != p.type:
            add(s, "param-type-changed", f"parameter type {q.type} -> {p.type} (C++ {q.cpp_type} -> {p.cpp_type})",
                BREAK if q.cpp_type != p.cpp_type else OK, BREAK, BREAK,
                "Wire: the value is sent in another form than the server expected before."
                + (" Source: the member has another C++ type." if q.cpp_type != p.cpp_type else ""))
        if q.member != p.member:
            add(s, "param-member-renamed", f"parameter member {q.member} -> {p.member}", BREAK, NONE, NONE,
                f"Code that sets {q.member} no longer compiles; the same name is sent.")
        lo = p.minimum is not None and (q.minimum is None or p.minimum > q.minimum)
        hi = p.maximum is not None and (q.maximum is None or p.maximum < q.maximum)
        if (q.minimum, q.maximum) != (p.minimum, p.maximum):
            narrower = lo or hi
            add(s, "param-bounds-changed", f"bounds {_bounds(q)} -> {_bounds(p)}", OK,
                BREAK if narrower else OK, BREAK if narrower else OK,
                "Narrower: a request that was valid is now refused (by the client and, the schema says, the "
                "server)." if narrower else "Wider: every request that was valid still is.")
        if q.default != p.default:
            add(s, "param-default-changed", f"default {q.default} -> {p.default}", NONE, NONE, NONE,
                "Documentation: what the server assumes when the parameter is absent; nothing is sent.")
        if q.description != p.description:
            add(s, "description-changed", "parameter description changed", NONE, NONE, NONE, "Documentation only.")
    old_q = [p.name for p in o.query_params if p.name in new_p]
    new_q = [p.name for p in n.query_params if p.name in old_p]
    if old_q != new_q:
        add(subject, "query-reordered", "query parameters reordered", OK, OK, OK,
            "The query is written in another order; a server reads parameters by name.")


def _bounds(p):
    return f"[{'' if p.minimum is None else p.minimum}..{'' if p.maximum is None else p.maximum}]"


def _compare_responses(add, subject, o, n, renamed):
    old_r, new_r = {r.status: r for r in o.responses}, {r.status: r for r in n.responses}
    for status in sorted(set(old_r) | set(new_r)):
        s = f"{subject} response {status}"
        a, b = old_r.get(status), new_r.get(status)
        success = 200 <= status < 300
        if a is None:
            add(s, "response-added", f"response added: {status} {b.model}", BREAK if success else OK,
                BREAK if success else OK, BREAK if success else OK,
                "The success status changed: `response` is another model and a deployed client does not "
                "expect the status." if success else "A new error status: the client reads it as an API error.")
        elif b is None:
            add(s, "response-removed", f"response removed: was {status} {a.model}", BREAK if success else OK,
                BREAK if success else OK, BREAK if success else OK,
                "The success status changed." if success else "The server no longer documents this error status.")
        elif renamed.get(a.model, a.model) != b.model:
            add(s, "response-model-changed", f"response {status} model {a.model} -> {b.model}",
                BREAK if success else OK, BREAK, BREAK,
                "The body is another model: a deployed decoder decodes the wrong type." if success else
                "The error body is another model: a deployed client reports the error from the old model.")


# ---------------------------------------------------------------------------- reports

def counts(changes, strict_counts=False):
    c = {v: 0 for v in VERDICTS}
    for ch in changes:
        c[ch.verdict(strict_counts)] += 1
    return c


def render_text(changes, strict_counts=False):
    """One line per change, then a summary line."""
    lines = []
    for c in sort_changes(changes, strict_counts):
        lines.append(f"{c.verdict(strict_counts):<11}source:{c.source:<11}lenient:{c.lenient:<11}"
                     f"strict:{c.strict:<11}{c.subject}: {c.message}")
    n = counts(changes, strict_counts)
    if not changes:
        lines.append("no changes")
    else:
        lines.append(f"{len(changes)} change{'s' if len(changes) != 1 else ''}: "
                     + ", ".join(f"{n[v]} {v}" for v in VERDICTS))
    return "\n".join(lines) + "\n"


def render_json(changes, old_path, new_path, strict_counts=False):
    doc = {
        "old": old_path,
        "new": new_path,
        "strict_counts": strict_counts,
        "breaking": any(c.verdict(strict_counts) == "breaking" for c in changes),
        "counts": counts(changes, strict_counts),
        "changes": [{"verdict": c.verdict(strict_counts), "subject": c.subject, "kind": c.kind,
                     "message": c.message, "source": c.source, "wire": {"lenient": c.lenient, "strict": c.strict},
                     "why": c.why} for c in sort_changes(changes, strict_counts)],
    }
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python3 -m generator diff",
        description="Classify the changes from one schema to another: C++ source compatibility and wire "
                    "compatibility (lenient and strict decoding). Exit 0: nothing breaks; 1: something breaks; "
                    "2: usage or schema error.")
    parser.add_argument("old", help="the schema before, e.g. the last release's schema/call.yaml")
    parser.add_argument("new", help="the schema after")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="report format (default: text)")
    parser.add_argument("--strict", action="store_true",
                        help="count what breaks strict decoding (decode_options::strict) as breaking")
    args = parser.parse_args(argv)

    from .__main__ import generate  # here, not at import: __main__ dispatches to this module
    try:
        old = generate(args.old)
        new = generate(args.new)
    except SchemaError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"error: {e.filename}: {e.strerror}", file=sys.stderr)
        return 2
    changes = compare(old, new)
    if args.format == "json":
        sys.stdout.write(render_json(changes, args.old, args.new, args.strict))
    else:
        sys.stdout.write(render_text(changes, args.strict))
    return 1 if any(c.verdict(args.strict) == "breaking" for c in changes) else 0


if __name__ == "__main__":
    sys.exit(main())
