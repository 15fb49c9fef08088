"""The one error type of the generator: a problem at a line of a schema file."""


class SchemaError(Exception):
    """Reported as ``file:line: message`` (``file:line:column: message`` when the column
    is known, as for YAML syntax errors), the way compilers report errors."""

    def __init__(self, path, line, message, column=None):
        where = f"{path}:{line}:{column}" if column else f"{path}:{line}"
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line
        self.column = column
        self.message = message
