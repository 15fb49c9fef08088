"""The intermediate model: what the schema means, checked, with C++ names decided.

Templates read only these classes (and the helpers of cpp.py), never YAML nodes.
"""

from dataclasses import dataclass
from typing import List, Optional

# Scalar types of the schema format and what each is in C++.
BUILTIN_TYPES = {
    "string": "std::string",
    "boolean": "bool",
    "int32": "std::int32_t",
    "int64": "std::int64_t",
    "double": "double",
    "decimal": "decimal",      # exact digits, signalwire/decimal.hpp
    "datetime": "timestamp",   # RFC 2822 on the wire, signalwire/rfc2822.hpp
}


@dataclass(frozen=True)
class TypeRef:
    kind: str            # "builtin", "enum", "object" or "array"
    name: str            # builtin type, enum or object name; for arrays, the item object
    cpp_value: str       # the C++ type of one value, e.g. "open_enum<CallStatus>"


@dataclass(frozen=True)
class EnumValue:
    wire: str            # as sent on the wire, e.g. "in-progress"
    cpp: str             # the enumerator, e.g. "in_progress"
    description: str
    line: int


@dataclass(frozen=True)
class Enum:
    name: str
    description: str
    values: List[EnumValue]
    line: int


@dataclass(frozen=True)
class Field:
    json: str            # the member name on the wire
    cpp: str             # the C++ member name (keywords mangled: class -> class_)
    type: TypeRef
    required: bool       # decoding fails without it
    nullable: bool       # null is a value
    description: str
    example: Optional[str]
    format: Optional[str]
    line: int

    @property
    def cpp_type(self):
        """Required and non-nullable: the value type; otherwise std::optional of it."""
        if self.required and not self.nullable:
            return self.type.cpp_value
        return f"std::optional<{self.type.cpp_value}>"


@dataclass(frozen=True)
class Object:
    name: str
    description: str
    fields: List[Field]
    line: int


@dataclass(frozen=True)
class Schema:
    source: str          # the schema path, as the banner names it
    name: str
    namespace: str
    header: str          # output path below the include directory, e.g. signalwire/call.hpp
    enums: List[Enum]
    objects: List[Object]  # in dependency order: an object's members come before it
    api_errors: List[str] = ()  # objects that are API error bodies, tried in this order

    def error_model_names(self):
        """The api_errors objects and every object they hold: what is not a success body."""
        by_name = {o.name: o for o in self.objects}
        seen, todo = set(), list(self.api_errors)
        while todo:
            name = todo.pop()
            if name not in seen:
                seen.add(name)
                todo.extend(f.type.name for f in by_name[name].fields if f.type.kind in ("object", "array"))
        return seen
