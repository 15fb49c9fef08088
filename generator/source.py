"""Loading: YAML text -> marked nodes.

Every scalar is kept as the string written in the file (``no``, ``on``,
``2010-04-01`` and ``0123`` stay text), every node knows its line, and the YAML
features that would change meaning silently are refused: duplicate keys (which
PyYAML accepts, keeping the last), anchors and aliases, explicit tags, tabs in
indentation, and more than one document.
"""

from dataclasses import dataclass, field

import yaml

from .errors import SchemaError

MAX_SCHEMA_BYTES = 1 << 20  # a schema is a few KiB; this bounds the work on hostile input
MAX_NESTING = 32            # the schema format nests 5 levels deep


@dataclass
class Scalar:
    value: str
    line: int


@dataclass
class Seq:
    items: list
    line: int


@dataclass
class Map:
    # key -> (line of the key, value node), in file order
    entries: dict = field(default_factory=dict)
    line: int = 0


def load(path):
    """Reads and parses the schema file at ``path`` into marked nodes."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_SCHEMA_BYTES + 1)
    except OSError as e:
        raise SchemaError(path, 0, f"cannot read the schema: {e.strerror}") from None
    if len(data) > MAX_SCHEMA_BYTES:
        raise SchemaError(path, 0, f"schema is larger than {MAX_SCHEMA_BYTES} bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise SchemaError(path, line, "schema is not valid UTF-8") from None
    return parse(text, path)


def parse(text, path):
    _reject_tab_indentation(text, path)
    _reject_meaning_changing_events(text, path)
    try:
        documents = list(yaml.compose_all(text, Loader=yaml.BaseLoader))
    except yaml.MarkedYAMLError as e:
        raise _from_yaml_error(e, path) from None
    except RecursionError:
        raise SchemaError(path, 0, "schema nests too deeply") from None
    if not documents or documents[0] is None:
        raise SchemaError(path, 1, "schema is empty")
    if len(documents) > 1:
        raise SchemaError(path, documents[1].start_mark.line + 1, "schema has more than one YAML document")
    return _convert(documents[0], path, 0)


def _reject_tab_indentation(text, path):
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            raise SchemaError(path, number, "tab in indentation (YAML indents with spaces)")


def _reject_meaning_changing_events(text, path):
    """Anchors, aliases and tags are refused before composing, so an alias bomb is
    never expanded; so is deep nesting, before PyYAML's slow handling of it."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.BaseLoader):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent):
                raise SchemaError(path, line, f"alias *{event.anchor} is not allowed (write the value out)")
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                raise SchemaError(path, line, f"anchor &{anchor} is not allowed (write the value out)")
            # Events carry a tag only when one is written (`!!int 3`, `!foo`, even `! x`).
            tag = getattr(event, "tag", None)
            if tag is not None:
                raise SchemaError(path, line, f"tag {tag} is not allowed (values are read as written)")
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_NESTING:
                    raise SchemaError(path, line, "schema nests too deeply")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as e:
        raise _from_yaml_error(e, path) from None
    except yaml.reader.ReaderError as e:  # a character YAML does not allow, e.g. a control character
        line = text[: e.position].count("\n") + 1
        column = e.position - (text.rfind("\n", 0, e.position) + 1) + 1
        raise SchemaError(path, line, f"invalid YAML: character U+{e.character:04X} is not allowed", column) from None


# PyYAML's words for the mistakes people make in a schema, and a plain sentence for
# each (matched on the start of the problem; the first match wins).
YAML_PROBLEMS = [
    ("mapping values are not allowed here",
     "a ':' where no key can start: a key indented under a value, or a value with ': ' "
     "in it, which needs quotes"),
    ("expected <block end>",
     "this line is indented differently from the lines of the block it is in"),
    ("did not find expected key",
     "this line is indented differently from the keys of its mapping"),
    ("did not find expected '-' indicator",
     "this line is indented differently from the items of its list"),
    ("could not find expected ':'",
     "a key without ':' (or a quote left open on an earlier line)"),
    ("expected the node content, but found '<stream end>'",
     "the file ends where a value was expected"),
    ("found undefined alias",
     "'*' starts an alias, and no anchor of that name is defined (quote the value)"),
    ("found character '@' that cannot start any token",
     "'@' cannot start a plain value (quote it)"),
    ("found character '`' that cannot start any token",
     "'`' cannot start a plain value (quote it)"),
]


def _from_yaml_error(e, path):
    mark = e.problem_mark or e.context_mark
    line = mark.line + 1 if mark else 0
    column = mark.column + 1 if mark else None
    problem = e.problem or e.context or "invalid YAML"
    if problem.startswith("found unexpected end of stream") and e.context_mark:
        start = e.context_mark  # where the quoted string began
        return SchemaError(path, start.line + 1, "invalid YAML: a quoted string starts here and is never closed",
                           start.column + 1)
    for start, sentence in YAML_PROBLEMS:
        if problem.startswith(start):
            return SchemaError(path, line, f"invalid YAML: {sentence}", column)
    return SchemaError(path, line, f"invalid YAML: {problem}", column)


def _convert(node, path, depth):
    line = node.start_mark.line + 1
    if depth > MAX_NESTING:
        raise SchemaError(path, line, "schema nests too deeply")
    if isinstance(node, yaml.ScalarNode):
        return Scalar(node.value, line)
    if isinstance(node, yaml.SequenceNode):
        return Seq([_convert(item, path, depth + 1) for item in node.value], line)
    result = Map(line=line)
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            raise SchemaError(path, key_line, "mapping keys must be plain names")
        key = key_node.value
        if key in result.entries:
            first = result.entries[key][0]
            raise SchemaError(path, key_line, f"duplicate key '{key}' (first at line {first})")
        result.entries[key] = (key_line, _convert(value_node, path, depth + 1))
    return result
