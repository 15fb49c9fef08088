"""The one error type of the generator: a problem at a line of a schema file."""


class SchemaError(Exception):
    """Reported as ``file:line: message``, the way compilers report errors."""

    def __init__(self, path, line, message):
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message
