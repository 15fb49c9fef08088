"""import-openapi and drift (generator/openapi.py): the published spec with the overlay
reproduces schema/call.yaml byte for byte; each OpenAPI construct maps, or fails naming
its JSON Pointer; drift reports what one side has and the other lacks."""

import copy
import os
import tempfile
import unittest

import yaml

from generator import openapi
from generator.__main__ import generate
from tests.generator.support import ROOT, run_generator

SPEC = ROOT / "tests/generator/fixtures/signalwire-compatibility-openapi.yaml"
OVERLAY = ROOT / "schema/call.overlay.yaml"
SCHEMA = ROOT / "schema/call.yaml"


def small_spec(properties, required=(), extra=None, version="3.1.0"):
    schemas = {"Thing": {"type": "object", "required": list(required), "properties": properties}}
    schemas.update(extra or {})
    return {"openapi": version, "paths": {}, "components": {"schemas": schemas}}


OVERLAY_MIN = {"schema": "t", "namespace": "signalwire", "header": "signalwire/t.hpp",
               "objects": [{"spec": "Thing"}]}


def fields_of(spec, overlay=OVERLAY_MIN):
    doc = openapi.import_openapi(spec, overlay)
    return {f["json"]: f for o in doc["objects"] for f in o["fields"] if o["name"] == "Thing"}, doc


class ImportRealSpec(unittest.TestCase):
    def test_reproduces_schema_byte_for_byte(self):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "call.yaml")
            status, stdout, stderr = run_generator("import-openapi", SPEC, "--overlay", OVERLAY, "-o", out)
            self.assertEqual((status, stderr), (0, ""))
            with open(out, encoding="utf-8") as f:
                imported = f.read()
        self.assertEqual(imported, SCHEMA.read_text(encoding="utf-8"))

    def test_reproduces_recording_schema_byte_for_byte(self):
        """schema/recording.yaml, which imports call.yaml: to standard output (its imports
        read beside the overlay) and to a file beside a copy of call.yaml."""
        overlay = ROOT / "schema/recording.overlay.yaml"
        expected = (ROOT / "schema/recording.yaml").read_text(encoding="utf-8")
        status, stdout, stderr = run_generator("import-openapi", SPEC, "--overlay", overlay)
        self.assertEqual((status, stderr), (0, ""))
        self.assertEqual(stdout, expected)
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "call.yaml"), "w", encoding="utf-8") as f:
                f.write(SCHEMA.read_text(encoding="utf-8"))
            out = os.path.join(d, "recording.yaml")
            status, stdout, stderr = run_generator("import-openapi", SPEC, "--overlay", overlay, "-o", out)
            self.assertEqual((status, stderr), (0, ""))
            with open(out, encoding="utf-8") as f:
                self.assertEqual(f.read(), expected)

    def test_imported_model_equals_checked_in_model(self):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "call.yaml")
            run_generator("import-openapi", SPEC, "--overlay", OVERLAY, "-o", out)
            imported = generate(out)
        checked_in = generate(str(SCHEMA))
        strip = lambda m: openapi._facts(m)
        self.assertEqual(strip(imported), strip(checked_in))
        self.assertEqual(len(imported.objects), 6)
        self.assertEqual([e.id for e in imported.endpoints], ["retrieve_a_call", "list_all_calls"])

    def test_every_overlay_difference_has_a_reason(self):
        overlay = yaml.safe_load(OVERLAY.read_text(encoding="utf-8"))
        for section in ("enums", "objects", "endpoints"):
            for item in overlay[section]:
                self.assertIn("why", item, item.get("spec", item.get("id")))
        for o in overlay["objects"]:
            for name, f in (o["fields"] or {}).items():
                if f and ("type" in f or f.get("add")):
                    self.assertIn("why", f, f"{o['spec']}.{name}")
        for e in overlay["enums"]:
            for wire, v in e["values"].items():
                if v.get("add"):
                    self.assertIn("why", v, f"{e['spec']}.{wire}")


class Nullability(unittest.TestCase):
    def assert_nullable_int(self, prop, version="3.1.0"):
        fields, _ = fields_of(small_spec({"n": prop}, version=version))
        self.assertEqual((fields["n"]["type"], fields["n"]["nullable"]), ("int32", True))

    def test_openapi_30_nullable_true(self):
        self.assert_nullable_int({"type": "integer", "format": "int32", "nullable": True}, "3.0.3")

    def test_openapi_31_type_list(self):
        self.assert_nullable_int({"type": ["integer", "null"], "format": "int32"})

    def test_any_of_with_null(self):
        self.assert_nullable_int({"anyOf": [{"type": "integer", "format": "int32"}, {"type": "null"}]})

    def test_one_of_with_null(self):
        self.assert_nullable_int({"oneOf": [{"type": "null"}, {"type": "integer", "format": "int32"}]})

    def test_not_nullable(self):
        fields, _ = fields_of(small_spec({"n": {"type": "integer", "format": "int32"}}, required=["n"]))
        self.assertEqual((fields["n"]["nullable"], fields["n"]["required"]), (False, True))


class References(unittest.TestCase):
    EXTRA = {"Kind": {"type": "string", "enum": ["a", "b-c"], "description": "A kind."},
             "Inner": {"type": "object", "properties": {"k": {"$ref": "#/components/schemas/Kind"}}},
             "uuid": {"type": "string", "format": "uuid"}}

    def test_ref_all_of_and_transitive_components(self):
        spec = small_spec({
            "inner": {"allOf": [{"$ref": "#/components/schemas/Inner"}], "description": "The inner."},
            "maybe": {"anyOf": [{"$ref": "#/components/schemas/Inner"}, {"type": "null"}]},
            "id": {"allOf": [{"$ref": "#/components/schemas/uuid"}], "examples": ["x-1"]},
            "many": {"type": "array", "items": {"$ref": "#/components/schemas/Inner"}},
        }, extra=self.EXTRA)
        fields, doc = fields_of(spec)
        self.assertEqual((fields["inner"]["type"], fields["inner"]["description"]), ("Inner", "The inner."))
        self.assertEqual((fields["maybe"]["type"], fields["maybe"]["nullable"]), ("Inner", True))
        self.assertEqual((fields["id"]["type"], fields["id"]["format"], fields["id"]["example"]), ("string", "uuid", "x-1"))
        self.assertEqual((fields["many"]["type"], fields["many"]["items"]), ("array", "Inner"))
        self.assertEqual([o["name"] for o in doc["objects"]], ["Thing", "Inner"])
        self.assertEqual([(e["name"], [v["wire"] for v in e["values"]]) for e in doc["enums"]], [("Kind", ["a", "b-c"])])
        text = openapi.emit(doc)
        self.assertIn("      - json: many\n        type: array\n        items: Inner\n", text)


class ArraysOfScalarsAndEnums(unittest.TestCase):
    def test_items_scalar_enum_and_scalar_ref(self):
        spec = small_spec({
            "tags": {"type": "array", "items": {"type": "string"}},
            "counts": {"type": ["array", "null"], "items": {"type": "integer", "format": "int32"}},
            "kinds": {"type": "array", "items": {"$ref": "#/components/schemas/Kind"}},
            "ids": {"type": "array", "items": {"$ref": "#/components/schemas/uuid"}},
        }, extra=References.EXTRA)
        fields, doc = fields_of(spec)
        got = {k: (fields[k]["type"], fields[k]["items"], fields[k]["format"], fields[k]["nullable"])
               for k in ("tags", "counts", "kinds", "ids")}
        self.assertEqual(got, {"tags": ("array", "string", None, False), "counts": ("array", "int32", None, True),
                               "kinds": ("array", "Kind", None, False), "ids": ("array", "string", "uuid", False)})
        self.assertEqual([e["name"] for e in doc["enums"]], ["Kind"])
        self.assertIn("      - json: tags\n        type: array\n        items: string\n", openapi.emit(doc))

    def test_deprecated_property_is_imported(self):
        fields, doc = fields_of(small_spec({"old": {"type": "string", "deprecated": True, "description": "Old."},
                                            "new": {"type": "string"}}))
        self.assertEqual((fields["old"]["deprecated"], fields["new"]["deprecated"]), (True, False))
        self.assertIn("      - json: old\n        type: string\n        description: Old.\n        deprecated: true\n"
                      "      - json: new\n", openapi.emit(doc))


class Unmappable(unittest.TestCase):
    def assert_error(self, prop, pointer):
        with self.assertRaises(openapi.ImportError_) as e:
            fields_of(small_spec({"p": prop}))
        self.assertTrue(str(e.exception).startswith(pointer + ": "), str(e.exception))

    def test_one_of_two_types(self):
        self.assert_error({"oneOf": [{"type": "string"}, {"type": "integer", "format": "int32"}]},
                          "#/components/schemas/Thing/properties/p/oneOf")

    def test_inline_object(self):
        self.assert_error({"type": "object", "properties": {}}, "#/components/schemas/Thing/properties/p")

    def test_array_of_arrays(self):
        self.assert_error({"type": "array", "items": {"type": "array", "items": {"type": "string"}}},
                          "#/components/schemas/Thing/properties/p/items")

    def test_array_of_nullable_items(self):
        self.assert_error({"type": "array", "items": {"type": ["string", "null"]}},
                          "#/components/schemas/Thing/properties/p/items")

    def test_type_list_of_two(self):
        self.assert_error({"type": ["string", "integer"]}, "#/components/schemas/Thing/properties/p/type")

    def test_command_line_names_the_pointer(self):
        spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
        spec["components"]["schemas"]["Call"]["properties"]["price"] = {"type": "number", "format": "decimal128"}
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "spec.yaml")
            with open(path, "w", encoding="utf-8") as f:
                yaml.safe_dump(spec, f)
            status, stdout, stderr = run_generator("import-openapi", path, "--overlay", OVERLAY)
        self.assertEqual(status, 2)
        self.assertIn("#/components/schemas/Call/properties/price: type 'number' format 'decimal128' cannot be mapped",
                      stderr)


class Drift(unittest.TestCase):
    def run_drift(self, spec=None):
        if spec is None:
            return run_generator("drift", SPEC, SCHEMA, "--overlay", OVERLAY)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "spec.yaml")
            with open(path, "w", encoding="utf-8") as f:
                yaml.safe_dump(spec, f)
            return run_generator("drift", path, SCHEMA, "--overlay", OVERLAY)

    def test_no_drift_on_the_real_spec(self):
        status, stdout, stderr = self.run_drift()
        self.assertEqual((status, stderr), (0, ""))
        self.assertEqual(stdout, f"no drift: {SCHEMA} matches {SPEC} with {OVERLAY}\n")

    def test_added_field_and_removed_enum_value(self):
        spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
        s = spec["components"]["schemas"]
        s["Call"]["properties"]["queue_time"] = {"anyOf": [{"type": "integer", "format": "int32"}, {"type": "null"}],
                                                 "description": "Time in queue."}
        s["CallStatus"]["enum"].remove("no-answer")
        status, stdout, stderr = self.run_drift(spec)
        self.assertEqual((status, stderr), (1, ""))
        self.assertEqual(stdout, "the spec has, the schema lacks:\n"
                                 "  field Call.queue_time: int32 (nullable)\n"
                                 "the schema has, the spec lacks:\n"
                                 "  enum value CallStatus.no-answer\n")

    def test_new_endpoint_status_and_param(self):
        spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
        get = spec["paths"]["/Accounts/{AccountSid}/Calls"]["get"]
        get["responses"]["500"] = copy.deepcopy(get["responses"]["400"])
        get["parameters"].append({"name": "Direction", "in": "query", "description": "The direction.",
                                  "schema": {"type": "string"}})
        spec["paths"]["/Accounts/{AccountSid}/Calls/{Sid}"]["patch"] = {"operationId": "patch_a_call", "responses": {}}
        del spec["paths"]["/Accounts/{AccountSid}/Calls/{Sid}"]["get"]["responses"]["404"]
        status, stdout, stderr = self.run_drift(spec)
        self.assertEqual((status, stderr), (1, ""))
        self.assertEqual(stdout, "the spec has, the schema lacks:\n"
                                 "  query param list_all_calls.Direction: string\n"
                                 "  status list_all_calls.500: ErrorResponse\n"
                                 "  endpoint patch_a_call: PATCH /Accounts/{AccountSid}/Calls/{Sid}\n"
                                 "the schema has, the spec lacks:\n"
                                 "  status retrieve_a_call.404: ErrorResponse\n")


if __name__ == "__main__":
    unittest.main()
