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
