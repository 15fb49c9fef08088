"""Rendering: model -> header text, and writing it without ever leaving half a file."""

import hashlib
import os
import re
import tempfile

import jinja2

from . import cpp
from .model import builtin_headers

TEMPLATES = os.path.join(os.path.dirname(__file__), "templates")


def environment():
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,  # a typo in a template is an error, not ""
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["literal"] = cpp.string_literal
    env.filters["doc"] = cpp.doc_lines
    env.filters["json_key"] = cpp.json_key
    env.globals["lookup_cases"] = cpp.lookup_cases
    env.globals["enumerator_lines"] = cpp.enumerator_lines
    env.globals["equality_terms"] = cpp.equality_terms
    env.globals["initializer"] = cpp.initializer
    env.globals["param_constraints"] = cpp.param_constraints
    env.filters["tick"] = lambda text: f"`{text}`"
    env.filters["int_or_nullopt"] = lambda value: "std::nullopt" if value is None else str(value)
    env.filters["api_path"] = lambda path: "/api/laml/2010-04-01" + path + ".json"
    return env


def include_guard(header):
    return header.upper().replace("/", "_").replace(".", "_")


def include_root(namespace):
    """Where a namespace's runtime headers live: signalwire -> <signalwire/...>,
    sdk_b -> <sdk_b/...>, acme::voice -> <acme/voice/...>."""
    return namespace.replace("::", "/")


def macro_prefix(namespace):
    """The prefix of a namespace's macros: SIGNALWIRE_, SDK_B_, ACME_VOICE_."""
    return namespace.replace("::", "_").upper() + "_"


SCHEMA_NAMESPACE_PLACEHOLDER = "schema_namespace_placeholder"


def render_header(schema):
    template = environment().get_template("header.hpp.j2")
    env = template.environment
    env.filters["qualified"] = lambda name: f"::{schema.namespace}::{name}"
    guard = include_guard(schema.header)
    if schema.namespace != "signalwire" and guard.startswith("SIGNALWIRE_"):
        guard = macro_prefix(schema.namespace) + guard[len("SIGNALWIRE_"):]

    # What every generated header includes: the runtime it always uses, the headers of
    # the builtin types (model.BUILTINS), the standard headers of its own code.
    builtin_runtime, builtin_standard = builtin_headers()
    runtime_includes = sorted({"codec.hpp", "model.hpp", "open_enum.hpp"} | set(builtin_runtime))
    standard_includes = sorted({"<optional>", "<string_view>", "<tuple>", "<vector>"} | set(builtin_standard))

    def render(schema_namespace):
        return template.render(schema=schema, guard=guard, root=include_root(schema.namespace),
                               runtime_includes=runtime_includes, standard_includes=standard_includes,
                               macro=macro_prefix(schema.namespace), schema_namespace=schema_namespace,
                               qualified=env.filters["qualified"], error_models=schema.error_model_names())

    # The models' inline namespace is named after a hash of the header itself (rendered
    # with a placeholder name), so any change to what the header says changes the name.
    # The includes of imported schemas name their models' inline namespaces, so a change
    # to an imported type (whose layout ours may depend on) changes ours too.
    draft = with_imports(render(SCHEMA_NAMESPACE_PLACEHOLDER), schema)
    digest = hashlib.sha256(draft.encode("utf-8")).hexdigest()[:10]
    stem = schema.name if re.fullmatch(r"[a-z][a-z0-9_]*", schema.name) and "__" not in schema.name else "schema"
    return draft.replace(SCHEMA_NAMESPACE_PLACEHOLDER, f"{stem}_{digest}")


MODELS_NAMESPACE = re.compile(r"^inline namespace ([a-z][a-z0-9_]*) \{$", re.M)


def with_imports(text, schema):
    """The header `text` with an include of each imported schema's header (schema
    `imports:`) after version.hpp's: the imported types are used from there, not defined
    again. Each names the inline namespace of the imported models."""
    if not schema.imports:
        return text
    root = include_root(schema.namespace)
    anchor = f"#include <{root}/version.hpp>\n"
    if text.count(anchor) != 1:
        raise AssertionError(f"header.hpp.j2 no longer includes <{root}/version.hpp> once")
    lines = ["", "// The types of the imported schemas (schema `imports:`), defined in their headers:"]
    for imported in schema.imports:
        namespace = MODELS_NAMESPACE.search(render_header(imported)).group(1)
        lines.append(f"#include <{imported.header}>  // {imported.source}, inline namespace {namespace}")
    return text.replace(anchor, anchor + "\n".join(lines) + "\n", 1)


def write_atomically(path, text):
    """Writes to a temporary file beside `path`, then renames it over `path`, so a
    reader (or a crash) never sees a partial header."""
    directory = os.path.dirname(path) or "."
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        # mkstemp creates the file 0600; a header is as readable as any source file.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
