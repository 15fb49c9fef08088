"""Generates the C++ models of signalwire-models from a YAML schema.

Shaped like a small compiler:

    source.py    load     YAML text -> marked nodes (every scalar a string, traps rejected)
    validate.py  validate marked nodes -> model.Schema (names, types, references checked)
    model.py     the intermediate model the templates read
    cpp.py       C++ spelling: identifiers, types, literals, doc comments
    render.py    render   model -> header text (jinja2), written atomically

Run it as ``python3 -m generator schema/call.yaml --out-dir include``.
"""
