"""Endpoints (schema `endpoints:`): the real schema's two, as SignalWire's published spec
has them; what an endpoint becomes in the model, the header and the reference document;
and a generated request type in a namespace of its own, compiled and run. (Each single
error is a file of tests/generator/bad.)"""

import subprocess
import tempfile
import textwrap
import unittest
from pathlib import Path

from generator.__main__ import generate
from generator.docs import render_reference
from generator.errors import SchemaError
from generator.render import render_header
from generator.source import load
from generator.validate import validate
from tests.generator.support import run_generator

ROOT = Path(__file__).resolve().parents[2]
WARNINGS = ["-Wall", "-Wextra", "-Wpedantic", "-Wshadow", "-Wconversion", "-Wsign-conversion", "-Wuseless-cast",
            "-Werror"]

# The base the endpoint files of the bad corpus are made from: valid as it is.
BASE = """schema: test
namespace: signalwire
header: signalwire/test.hpp
api_errors: [Error]
enums:
  - name: Color
    description: A color.
    values:
      - wire: red
        description: Red.
objects:
  - name: Thing
    description: A thing.
    fields:
      - json: name
        type: string
        description: The name.
  - name: Error
    description: An error body.
    fields:
      - json: message
        type: string
        description: The message.
endpoints:
  - id: get_thing
    summary: Get a Thing
    method: GET
    path: /Things/{Sid}
    request: GetThing
    scopes: [Things]
    path_params:
      - name: Sid
        member: sid
        type: sid
        description: The thing.
    query_params:
      - name: Size
        member: size
        type: int32
        minimum: 1
        maximum: 10
        default: 5
        description: The size.
    responses:
      - status: 200
        model: Thing
      - status: 404
        model: Error
"""


class RealEndpoints(unittest.TestCase):
    """paths./Accounts/{AccountSid}/Calls (get) and ./Calls/{Sid} (get) of the spec."""

    @classmethod
    def setUpClass(cls):
        cls.schema = generate(str(ROOT / "schema" / "call.yaml"))
        cls.by_id = {e.id: e for e in cls.schema.endpoints}

    def test_the_two_endpoints(self):
        self.assertEqual(list(self.by_id), ["retrieve_a_call", "list_all_calls"])
        retrieve, listing = self.by_id["retrieve_a_call"], self.by_id["list_all_calls"]
        self.assertEqual((retrieve.summary, retrieve.method, retrieve.path, retrieve.request),
                         ("Retrieve a Call", "GET", "/Accounts/{AccountSid}/Calls/{Sid}", "RetrieveCall"))
        self.assertEqual((listing.summary, listing.method, listing.path, listing.request),
                         ("List all Calls", "GET", "/Accounts/{AccountSid}/Calls", "ListCalls"))
        for e in (retrieve, listing):
            self.assertEqual(e.scopes, ["Voice"])

    def test_responses_by_status_as_the_spec_lists_them(self):
        self.assertEqual([(r.status, r.model) for r in self.by_id["retrieve_a_call"].responses],
                         [(200, "Call"), (400, "ErrorResponse"), (401, "ErrorResponse"), (404, "ErrorResponse")])
        self.assertEqual([(r.status, r.model) for r in self.by_id["list_all_calls"].responses],
                         [(200, "CallList"), (400, "ErrorResponse"), (401, "ErrorResponse"), (422, "ErrorResponse")])
        self.assertEqual(self.by_id["retrieve_a_call"].success, "Call")
        self.assertEqual(self.by_id["list_all_calls"].success, "CallList")

    def test_parameters(self):
        retrieve, listing = self.by_id["retrieve_a_call"], self.by_id["list_all_calls"]
        self.assertEqual([(p.name, p.member, p.type, p.in_path) for p in retrieve.params],
                         [("AccountSid", "account_sid", "sid", True), ("Sid", "sid", "sid", True)])
        self.assertEqual(retrieve.query_params, [])
        self.assertEqual([(p.name, p.type) for p in listing.path_params], [("AccountSid", "sid")])
        self.assertEqual([(p.name, p.type) for p in listing.query_params], [
            ("To", "string"), ("From", "string"), ("ParentCallSid", "sid"), ("Status", "CallStatus"),
            ("StartTime", "date"), ("StartTime<", "date"), ("StartTime>", "date"),
            ("EndTime", "date"), ("EndTime<", "date"), ("EndTime>", "date"),
            ("Page", "int32"), ("PageSize", "int32"), ("PageToken", "string")])
        bounds = {p.name: (p.minimum, p.maximum, p.default) for p in listing.query_params}
        self.assertEqual(bounds["Page"], (0, None, 0))
        self.assertEqual(bounds["PageSize"], (1, 1000, 50))
        self.assertTrue(all(v == (None, None, None) for k, v in bounds.items() if k not in ("Page", "PageSize")))
        self.assertTrue(all(p.cpp_type.startswith("std::optional<") for p in listing.query_params))
        self.assertEqual(listing.query_params[3].cpp_type, "std::optional<open_enum<CallStatus>>")
        self.assertEqual(listing.query_params[4].cpp_type, "std::optional<date>")

    def test_header_and_document(self):
        header = render_header(self.schema)
        for text in ("#include <signalwire/request.hpp>", "struct RetrieveCall {", "struct ListCalls {",
                     "struct endpoint_traits<::signalwire::RetrieveCall> {",
                     "status_response<422, ::signalwire::ErrorResponse>",
                     'request_param<S, decltype(S::start_time_before)>{"StartTime<", "start_time_before", '
                     "&S::start_time_before, param_kind::date, std::nullopt, std::nullopt, std::nullopt}",
                     '{"PageSize", "page_size", &S::page_size, param_kind::integer, 1, 1000, 50}',
                     "    std::optional<std::int32_t> page_size{};"):
            self.assertIn(text, header)
        doc = render_reference(self.schema)
        part = doc.split("\n## Endpoints\n", 1)[1]
        self.assertIn("\n### RetrieveCall\n", part)
        self.assertIn("| `StartTime<` | query | `start_time_before` | `std::optional<date>` | `YYYY-MM-DD` |", part)
        self.assertIn("| `PageSize` | query | `page_size` | `std::optional<std::int32_t>` | 1 to 1000, default 50 "
                      "(when absent) |", part)
        self.assertIn("| 404 | `ErrorResponse` |", part)
        self.assertIn("- [Endpoints](#endpoints): 2\n", doc)


class EndpointSchema(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.tmp = Path(tmp.name)

    def check(self, text):
        path = self.tmp / "schema.yaml"
        path.write_text(text, encoding="utf-8")
        return validate(load(str(path)), str(path))

    def test_the_corpus_base_is_valid(self):
        schema = self.check(BASE)
        (e,) = schema.endpoints
        self.assertEqual((e.id, e.request, e.path, e.scopes), ("get_thing", "GetThing", "/Things/{Sid}", ["Things"]))
        self.assertEqual([(p.name, p.cpp_type) for p in e.params],
                         [("Sid", "std::string"), ("Size", "std::optional<std::int32_t>")])
        self.assertEqual([(r.status, r.model) for r in e.responses], [(200, "Thing"), (404, "Error")])

    def test_endpoints_are_optional_and_without_them_nothing_of_requests_is_included(self):
        schema = self.check(BASE[:BASE.index("endpoints:")])
        self.assertEqual(schema.endpoints, [])
        header = render_header(schema)
        self.assertNotIn("request.hpp", header)
        self.assertNotIn("endpoint_traits", header)
        self.assertNotIn("## Endpoints", render_reference(schema))

    def test_bounds_at_the_int32_edges_and_negative(self):
        text = BASE.replace("        minimum: 1\n        maximum: 10\n        default: 5\n",
                            "        minimum: -2147483648\n        maximum: 2147483647\n        default: -1\n")
        (e,) = self.check(text).endpoints
        self.assertEqual((e.query_params[0].minimum, e.query_params[0].maximum, e.query_params[0].default),
                         (-2147483648, 2147483647, -1))

    def test_no_query_params_and_several_scopes(self):
        text = BASE.replace("    scopes: [Things]", "    scopes: [Things, Admin]")
        text = text[:text.index("    query_params:")] + text[text.index("    responses:"):]
        (e,) = self.check(text).endpoints
        self.assertEqual((e.query_params, e.scopes), ([], ["Things", "Admin"]))

    def test_a_generated_request_in_its_own_namespace_compiles_warning_free_and_runs(self):
        """Every parameter type (sid, string, date, int32 with bounds, an enum), an int32 path
        parameter, two scopes, in namespace sdk_t with its renamed runtime copy."""
        text = BASE.replace("namespace: signalwire", "namespace: sdk_t").replace(
            "header: signalwire/test.hpp", "header: sdk_t/test.hpp").replace(
            "    path: /Things/{Sid}", "    path: /Things/{Sid}/Parts/{Part}").replace(
            "    scopes: [Things]", "    scopes: [Things, Admin]").replace(
            "    query_params:\n",
            "      - name: Part\n        member: part\n        type: int32\n        minimum: 1\n"
            "        description: The part.\n"
            "    query_params:\n"
            "      - name: Color\n        member: color\n        type: Color\n        description: The color.\n"
            "      - name: Day>\n        member: day_after\n        type: date\n        description: After.\n"
            "      - name: Note\n        member: note\n        type: string\n        description: A note.\n")
        (self.tmp / "schema.yaml").write_text(text, encoding="utf-8")
        include = self.tmp / "include"
        status, _, err = run_generator(self.tmp / "schema.yaml", "--out-dir", include, "--quiet")
        self.assertEqual((status, err), (0, ""))
        source = self.tmp / "main.cpp"
        source.write_text(textwrap.dedent("""\
            #include <sdk_t/test.hpp>
            #include <cstdio>
            #include <string>
            int main() {
                sdk_t::GetThing r{"AB-1", 7};
                r.color = sdk_t::Color::red;
                r.day_after = sdk_t::date::parse("2024-02-29").value();
                r.note = "a b+c";
                r.size = 10;
                static_assert(sdk_t::GetThing::scopes().size() == 2);
                static_assert(sdk_t::is_endpoint_v<sdk_t::GetThing>);
                const std::string want = "/api/laml/2010-04-01/Things/AB-1/Parts/7.json"
                                         "?Color=red&Day%3E=2024-02-29&Note=a%20b%2Bc&Size=10";
                if (r.target().value() != want) { std::puts(r.target().value().c_str()); return 1; }
                r.part = 0;
                if (r.target().error().to_string() != "Part: must be at least 1, not 0") return 2;
                r.part = 1;
                r.size = 11;
                if (r.path().error().to_string() != "Size: must be 1 to 10, not 11") return 3;
                std::puts("ok");
                return 0;
            }
            """), encoding="utf-8")
        binary = self.tmp / "main"
        built = subprocess.run(["g++", "-std=c++17", *WARNINGS, f"-I{include}", str(source), "-o", str(binary),
                                "-lboost_json"], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)
        self.assertEqual(built.returncode, 0, built.stderr[-3000:])
        ran = subprocess.run([str(binary)], capture_output=True, text=True, timeout=60)
        self.assertEqual((ran.returncode, ran.stdout), (0, "ok\n"))


if __name__ == "__main__":
    unittest.main()
