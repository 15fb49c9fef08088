"""The intermediate model: what the schema means, checked, with C++ names decided.

Templates read only these classes (and the helpers of cpp.py), never YAML nodes.
"""

from dataclasses import dataclass
from typing import List, Optional

@dataclass(frozen=True)
class Builtin:
    """One scalar type of the schema format: everything the generator knows about it.
    Validation, rendering and the docs read this table and nothing else (adding a scalar
    type: schema/README.md, "Adding a scalar type")."""
    name: str            # as the schema writes it: `int32`
    cpp: str             # the C++ type of one value, as the generated header spells it
    header: str          # what declares it: a standard header `<cstdint>`, or a runtime
                         # header of the library by its file name `decimal.hpp`; "" for none
    arithmetic: bool     # a plain value, initialized with `{}` in a struct (no indeterminate value)
    unqualified: bool    # a runtime type the struct body names unqualified: no member may be named so
    array_item: bool = True  # may be the `items` of an array: std::vector<cpp> holds real elements


BUILTINS = {b.name: b for b in (
    Builtin("string", "std::string", "<string>", arithmetic=False, unqualified=False),
    # std::vector<bool> packs bits: there is no bool element for the decoder to fill.
    Builtin("boolean", "bool", "", arithmetic=True, unqualified=False, array_item=False),
    Builtin("int32", "std::int32_t", "<cstdint>", arithmetic=True, unqualified=False),
    Builtin("int64", "std::int64_t", "<cstdint>", arithmetic=True, unqualified=False),
    Builtin("double", "double", "", arithmetic=True, unqualified=False),
    # exact digits, signalwire/decimal.hpp
    Builtin("decimal", "decimal", "decimal.hpp", arithmetic=False, unqualified=True),
    # RFC 2822 on the wire, signalwire/rfc2822.hpp
    Builtin("datetime", "timestamp", "rfc2822.hpp", arithmetic=False, unqualified=True),
)}

# Scalar types of the schema format and what each is in C++ (read from BUILTINS).
BUILTIN_TYPES = {name: b.cpp for name, b in BUILTINS.items()}


def builtin_headers():
    """(runtime headers, standard headers) that declare the builtin types, sorted: the
    generated header includes them all, whichever types a schema uses."""
    runtime = sorted({b.header for b in BUILTINS.values() if b.header and not b.header.startswith("<")})
    standard = sorted({b.header for b in BUILTINS.values() if b.header.startswith("<")})
    return runtime, standard


@dataclass(frozen=True)
class TypeRef:
    kind: str            # "builtin", "enum", "object" or "array"
    name: str            # builtin type, enum or object name; for arrays, the item type's
    cpp_value: str       # the C++ type of one value, e.g. "open_enum<CallStatus>"
    item_kind: str = ""  # for arrays, the kind of the items: "builtin", "enum" or "object"

    @property
    def object(self):
        """The object type this holds, by value or as array items, or None."""
        if self.kind == "object" or (self.kind == "array" and self.item_kind == "object"):
            return self.name
        return None

    @property
    def text(self):
        """As the schema says it: `int32`, `CallStatus`, `array of string`."""
        return f"array of {self.name}" if self.kind == "array" else self.name


@dataclass(frozen=True)
class Deprecation:
    """`deprecated: true` on a field or an enum value: C++ `[[deprecated]]`, with the
    reason when the description has a line `Deprecated: <reason>`."""
    reason: str          # "" when the description gives none

    @property
    def attribute(self):
        """`[[deprecated]]` or `[[deprecated("reason")]]`."""
        from .cpp import string_literal  # cpp imports this module
        return f"[[deprecated({string_literal(self.reason)})]]" if self.reason else "[[deprecated]]"


@dataclass(frozen=True)
class EnumValue:
    wire: str            # as sent on the wire, e.g. "in-progress"
    cpp: str             # the enumerator, e.g. "in_progress"
    description: str
    line: int
    deprecated: Optional[Deprecation] = None


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
    deprecated: Optional[Deprecation] = None

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

    @property
    def is_page(self):
        """A list page: exactly one field is an array of objects (decode_each streams it;
        codec.hpp's detail::page_items says the same in C++)."""
        return sum(1 for f in self.fields if f.type.kind == "array" and f.type.item_kind == "object") == 1


# Parameter types of an endpoint (schema `type` of a path or query parameter): the C++
# value type and the request.hpp param_kind. An enum name of the schema is also a type.
PARAM_TYPES = {
    "string": ("std::string", "string"),
    "sid": ("std::string", "sid"),
    "date": ("date", "date"),
    "int32": ("std::int32_t", "integer"),
}


@dataclass(frozen=True)
class Param:
    name: str            # on the wire: `PageSize`, `StartTime<`
    member: str          # the C++ member: `page_size`, `start_time_before`
    type: str            # string, sid, date, int32 or an enum name
    cpp_value: str       # the C++ type of one value: `std::string`, `open_enum<CallStatus>`
    kind: str            # the param_kind enumerator of request.hpp
    in_path: bool        # a path parameter (a plain member), else a query parameter (std::optional)
    description: str
    minimum: Optional[int]
    maximum: Optional[int]
    default: Optional[int]
    line: int

    @property
    def cpp_type(self):
        """A path parameter is always sent: the value type; a query parameter is optional."""
        return self.cpp_value if self.in_path else f"std::optional<{self.cpp_value}>"


@dataclass(frozen=True)
class Response:
    status: int          # the HTTP status
    model: str           # the object its body is
    line: int


@dataclass(frozen=True)
class Endpoint:
    id: str              # the spec's operationId: `retrieve_a_call`
    summary: str         # `Retrieve a Call`
    method: str          # `GET`
    path: str            # relative to api_base: `/Accounts/{AccountSid}/Calls/{Sid}`
    request: str         # the C++ request type: `RetrieveCall`
    scopes: List[str]    # API token scopes: `Voice`
    path_params: List[Param]
    query_params: List[Param]
    responses: List[Response]  # in schema order; exactly one 2xx
    line: int

    @property
    def params(self):
        return list(self.path_params) + list(self.query_params)

    @property
    def success(self):
        """The model of the one 2xx response."""
        return next(r.model for r in self.responses if 200 <= r.status < 300)


@dataclass(frozen=True)
class Schema:
    source: str          # the schema path, as the banner names it
    name: str
    namespace: str
    header: str          # output path below the include directory, e.g. signalwire/call.hpp
    enums: List[Enum]
    objects: List[Object]  # in dependency order: an object's members come before it
    api_errors: List[str] = ()  # objects that are API error bodies, tried in this order
    endpoints: List[Endpoint] = ()  # in schema order
    imports: List["Schema"] = ()  # the schemas of `imports:`, in listed order (their types are used, not emitted)

    def imported_objects(self):
        """The objects of the imported schemas, transitively."""
        return [o for s in self.imports for o in list(s.objects) + s.imported_objects()]

    def error_model_names(self):
        """The api_errors objects and every object they hold: what is not a success body."""
        by_name = {o.name: o for o in list(self.objects) + self.imported_objects()}
        seen, todo = set(), list(self.api_errors)
        while todo:
            name = todo.pop()
            if name not in seen:
                seen.add(name)
                todo.extend(f.type.object for f in by_name[name].fields if f.type.object)
        return seen

    def has_deprecations(self):
        """Whether a field or an enum value is deprecated: the header then keeps its own
        uses of them from warning."""
        return any(v.deprecated for e in self.enums for v in e.values) or \
            any(f.deprecated for o in self.objects for f in o.fields)
