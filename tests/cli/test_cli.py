"""End-to-end tests of the signalwire-call command-line tool.

Run by meson as:  python3 tests/cli/test_cli.py <path-to-signalwire-call>
with SIGNALWIRE_TEST_DATA pointing at the test data directory, tests/data (fixtures,
JSONTestSuite); without it, tests/data of this checkout.
"""

import csv
import datetime
import email.utils
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

if len(sys.argv) < 2:
    print("usage: test_cli.py <path-to-signalwire-call>", file=sys.stderr)
    sys.exit(2)
BINARY = os.path.abspath(sys.argv.pop(1))

PROJECT = Path(__file__).resolve().parents[2]
SAMPLE = PROJECT / "examples" / "sample-call.json"
DATA = Path(os.environ.get("SIGNALWIRE_TEST_DATA") or PROJECT / "tests" / "data")
FIXTURES = DATA / "fixtures"
BODIES = DATA / "bodies"
ALL_FIXTURES = sorted(FIXTURES.glob("*/*.json"))
TWILIO_FIXTURES = sorted((FIXTURES / "twilio").glob("*.json"))
LIST_FIXTURES = [f for f in ALL_FIXTURES if "calls" in json.loads(f.read_text())]


def run(*args, stdin=None):
    """Runs the tool; returns (exit status, stdout, stderr)."""
    p = subprocess.run(
        [BINARY, *map(str, args)],
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return p.returncode, p.stdout, p.stderr


class TempFiles(unittest.TestCase):
    def setUp(self):
        self._dir = tempfile.TemporaryDirectory()
        self.addCleanup(self._dir.cleanup)

    def temp_file(self, name, content):
        path = Path(self._dir.name) / name
        path.write_text(content)
        return path


class Setup(unittest.TestCase):
    def test_inputs_exist(self):
        self.assertTrue(os.access(BINARY, os.X_OK), BINARY)
        self.assertTrue(SAMPLE.is_file(), SAMPLE)
        self.assertEqual(len(ALL_FIXTURES), 6, f"fixtures under {FIXTURES}")
        self.assertEqual(len(LIST_FIXTURES), 3)


class Show(unittest.TestCase):
    def test_sample(self):
        status, out, err = run("show", SAMPLE)
        self.assertEqual((status, err), (0, ""))
        self.assertEqual(
            out,
            "sid            a18c54f5-b8d1-4014-8f18-96a14dbeaf0c\n"
            "account        692fc6cb-18de-4ea6-b8d7-fc7d54f21474\n"
            "from -> to     +14245550198 [(424) 555-0198] -> +13105550142 [(310) 555-0142]\n"
            "status         completed\n"
            "direction      outbound-api\n"
            "answered by    human\n"
            "created        Tue, 12 Aug 2025 14:03:07 +0000\n"
            "updated        Tue, 12 Aug 2025 14:05:52 +0000\n"
            "start          Tue, 12 Aug 2025 14:03:10 +0000\n"
            "end            Tue, 12 Aug 2025 14:05:51 +0000\n"
            "duration       161 s\n"
            "price          -0.00650 USD\n"
            "api version    2010-04-01\n"
            "phone number   d12bdd42-265b-490f-8e95-df9e2176a6aa\n"
            "SIP result     200\n"
            "audio quality  MOS 4.3, RTT 18/24/41 ms, jitter 1/3/9 ms, 2 lost\n"
            "uri            /api/laml/2010-04-01/Accounts/692fc6cb-18de-4ea6-b8d7-fc7d54f21474"
            "/Calls/a18c54f5-b8d1-4014-8f18-96a14dbeaf0c\n"
            "subresources   notifications  -\n"
            "               recordings     /api/laml/2010-04-01/Accounts/692fc6cb-18de-4ea6-b8d7-fc7d54f21474"
            "/Calls/a18c54f5-b8d1-4014-8f18-96a14dbeaf0c/Recordings\n",
        )

    def test_sample_from_stdin(self):
        self.assertEqual(run("show", "-", stdin=SAMPLE.read_text()), run("show", SAMPLE))

    def test_unknown_enum_and_extra_members(self):
        status, out, err = run("show", FIXTURES / "twilio" / "call-fetch-2022.json")
        self.assertEqual((status, err), (0, ""))
        self.assertIn("answered by    machine_start (unknown)\n", out)
        self.assertIn("extra members  queue_time, trunk_sid\n", out)
        self.assertIn("price          -0.200 USD\n", out)
        self.assertRegex(out, r"\n {15}feedback_summaries +/2010-04-01/.*/FeedbackSummary\.json\n")

    def test_absent_values(self):
        status, out, _ = run("show", FIXTURES / "signalwire" / "call-fetch-2019.json")
        self.assertEqual(status, 0)
        for line in ("answered by    -", "start          -", "end            -", "price          -",
                     "duration       0 s", "direction      outbound-api",
                     "from -> to     +11111111111 [111-111-111] -> +11111111112 [111-111-112]"):
            self.assertIn(line + "\n", out.splitlines(keepends=True))
        self.assertNotIn("extra members", out)

    def test_list_fixtures_one_row_per_call(self):
        for fixture in LIST_FIXTURES:
            with self.subTest(fixture=fixture.name):
                page = json.loads(fixture.read_text())
                status, out, err = run("show", fixture)
                self.assertEqual((status, err), (0, ""))
                self.assertIn(f"page           {page['page']}\n", out)
                self.assertIn(f"page size      {page['page_size']}\n", out)
                self.assertIn(f"next page      {page['next_page_uri'] or '-'}\n", out)
                self.assertIn(f"previous page  {page['previous_page_uri'] or '-'}\n", out)
                lines = out.splitlines()
                header = next(i for i, line in enumerate(lines) if line.startswith("SID "))
                self.assertEqual(lines[header].split(),
                                 ["SID", "FROM", "TO", "STATUS", "DIRECTION", "DURATION", "PRICE", "CREATED"])
                rows = lines[header + 1:]
                self.assertEqual(len(rows), len(page["calls"]))
                for row, call in zip(rows, page["calls"]):
                    self.assertTrue(row.startswith(call["sid"] + " "), row)
                    self.assertIn(f"  {call['status']}  ", row)
                    self.assertTrue(row.endswith("+0000"), row)

    def test_list_row_exact(self):
        status, out, _ = run("show", FIXTURES / "signalwire" / "calls-list-2019.json")
        self.assertEqual(status, 0)
        self.assertEqual(
            out.splitlines()[-2:],
            [
                "SID                                   FROM          TO            STATUS     DIRECTION     "
                "DURATION       PRICE  CREATED",
                "82e7850d-054e-4067-8c4f-6568acd96575  +11111111111  +11111111112  completed  outbound-api  "
                "       1  0.0065 USD  Sun, 03 Feb 2019 18:21:34 +0000",
            ],
        )
        self.assertIn("uri            /api/laml/2010-04-01/Accounts/XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX"
                      "/Calls?Page=0&PageSize=50\n", out)


class Check(TempFiles):
    def test_every_fixture_lenient(self):
        status, out, err = run("check", *ALL_FIXTURES)
        self.assertEqual((status, err), (0, ""))
        self.assertEqual(out, "".join(f"{f}: ok\n" for f in ALL_FIXTURES))

    def test_each_fixture_lenient(self):
        for fixture in ALL_FIXTURES:
            with self.subTest(fixture=fixture.name):
                self.assertEqual(run("check", fixture), (0, f"{fixture}: ok\n", ""))

    def test_sample_strict(self):
        self.assertEqual(run("check", "--strict", SAMPLE), (0, f"{SAMPLE}: ok\n", ""))

    def test_twilio_strict_fails_with_a_path(self):
        self.assertEqual(len(TWILIO_FIXTURES), 4)
        for fixture in TWILIO_FIXTURES:
            with self.subTest(fixture=fixture.name):
                status, out, err = run("check", "--strict", fixture)
                self.assertEqual((status, out), (1, ""))
                self.assertRegex(err, "^" + re.escape(str(fixture)) + r": /[^:]*: .+\n\Z")

    def test_twilio_strict_exact(self):
        fixture = FIXTURES / "twilio" / "call-fetch-2010.json"
        self.assertEqual(run("check", "--strict", fixture),
                         (1, "", f'{fixture}: /duration: expected integer or null, got string "15"\n'))

    def test_relative_path_is_echoed(self):
        p = subprocess.run([BINARY, "check", "--strict", "twilio/call-fetch-2010.json"], cwd=FIXTURES,
                           capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
        self.assertEqual((p.returncode, p.stdout), (1, ""))
        self.assertEqual(p.stderr, 'twilio/call-fetch-2010.json: /duration: expected integer or null, got string "15"\n')

    def test_mixed_files_report_each(self):
        bad = self.temp_file("bad.json", "[1,2]")
        good = FIXTURES / "signalwire" / "call-fetch-2019.json"
        self.assertEqual(run("check", good, bad, good),
                         (1, f"{good}: ok\n{good}: ok\n", f"{bad}: (root): expected object, got array\n"))

    def test_array_is_a_root_error(self):
        bad = self.temp_file("array.json", "[1,2]")
        self.assertEqual(run("check", bad), (1, "", f"{bad}: (root): expected object, got array\n"))

    def test_not_an_object(self):
        for name, content in (("string.json", '"x"'), ("number.json", "12"), ("null.json", "null")):
            with self.subTest(content=content):
                bad = self.temp_file(name, content)
                status, out, err = run("check", bad)
                self.assertEqual((status, out), (1, ""))
                self.assertRegex(err, "^" + re.escape(str(bad)) + r": \(root\): expected object, got .+\n\Z")

    def test_invalid_json(self):
        for name, content in (("empty.json", ""), ("syntax.json", "{,}"), ("junk.json", "not json"),
                              ("list.json", '{"calls": ['),
                              ("trailing-call.json", SAMPLE.read_text() + " x"),
                              ("trailing-list.json", (FIXTURES / "twilio" / "calls-list-2019.json").read_text() + "{}")):
            with self.subTest(content=content):
                bad = self.temp_file(name, content)
                status, out, err = run("check", bad)
                self.assertEqual((status, out), (1, ""))
                self.assertRegex(err, "^" + re.escape(str(bad)) + r": (\(root\)|/[^:]*): invalid JSON at .+\n\Z")

    def test_data_after_the_document(self):
        text = SAMPLE.read_text()
        bad = self.temp_file("trailing.json", text + "x")
        self.assertEqual(run("check", bad), (
            1, "", f"{bad}: (root): invalid JSON at offset {len(text.encode())}: unexpected data after the document\n"))

    def test_json_test_suite_never_crashes(self):
        corpus = sorted((DATA / "JSONTestSuite" / "test_parsing").glob("*.json"))
        self.assertEqual(len(corpus), 318, f"JSONTestSuite under {DATA}")
        status, out, err = run("check", *corpus)
        self.assertEqual(status, 1)  # none of them is a Call
        prefix = str(corpus[0].parent)
        reported = [line.split(": ", 1)[0] for line in (out + err).splitlines() if line.startswith(prefix)]
        self.assertEqual(sorted(reported), sorted(map(str, corpus)))

    def test_truncated_call(self):
        text = SAMPLE.read_text()
        for cut in (1, 40, len(text) // 2, len(text) - 3):
            with self.subTest(cut=cut):
                bad = self.temp_file("truncated.json", text[:cut])
                status, out, err = run("check", bad)
                self.assertEqual((status, out), (1, ""))
                self.assertRegex(err, "^" + re.escape(str(bad)) + r": (\(root\)|/[^:]*): .+\n\Z")

    def test_stdin(self):
        fixture = FIXTURES / "twilio" / "call-fetch-2010.json"
        self.assertEqual(run("check", "-", stdin=fixture.read_text()), (0, "-: ok\n", ""))
        self.assertEqual(run("check", "--strict", "-", stdin=fixture.read_text()),
                         (1, "", '-: /duration: expected integer or null, got string "15"\n'))
        self.assertEqual(run("check", "-", stdin="[1,2]"), (1, "", "-: (root): expected object, got array\n"))

    def test_api_error_bodies_are_reported_as_such(self):
        not_found = BODIES / "error-404.json"
        line_404 = (f"{not_found}: error 20404: The requested resource /2010-04-01/Accounts/"
                    "b3877c40-da60-4998-90ad-b792e98472af/Calls/unknown.json was not found (status 404)\n")
        self.assertEqual(run("check", not_found), (1, "", line_404))
        self.assertEqual(run("check", "--strict", not_found), (1, "", line_404))
        self.assertEqual(run("show", not_found), (1, "", line_404))
        auth = BODIES / "error-401-code-string.json"
        self.assertEqual(run("check", auth), (1, "", f"{auth}: error 20003: Authentication failed (status 401)\n"))
        array = BODIES / "error-array.json"
        self.assertEqual(run("check", array), (1, "", (
            f"{array}: error 30010: Maxpriceperminute was exceeded. This call's cost is 0.008 per minute.; "
            "error 21212: The From phone number is not a valid phone number\n")))
        # Control characters in the message stay visible, never reach the terminal raw.
        self.assertEqual(run("check", "-", stdin='{"code":1,"message":"a\\u001b[2Jb"}'),
                         (1, "", "-: error 1: a\\x1b[2Jb\n"))

    def test_real_world_bodies(self):
        """The bodies of tests/data/bodies: the ones that decode leniently, and strict mode's verdicts."""
        for name in ("queued-create-call.json", "docs-thur-sept.json", "guide-wrong-day-name.json",
                     "bom-call.json", "signalwire-page-initiated.json"):
            with self.subTest(name=name):
                self.assertEqual(run("check", BODIES / name), (0, f"{BODIES / name}: ok\n", ""))
        page = BODIES / "signalwire-page-initiated.json"
        self.assertEqual(run("check", "--strict", page), (0, f"{page}: ok\n", ""))
        bom = BODIES / "bom-call.json"
        self.assertEqual(run("check", "--strict", bom),
                         (1, "", f"{bom}: (root): invalid JSON at offset 0: byte order mark (strict mode does not skip one)\n"))
        iso = BODIES / "vendor-iso-dates.json"
        self.assertEqual(run("check", iso), (1, "", (
            f"{iso}: /date_created: expected an RFC 2822 date, got an ISO 8601 date-time "
            '"2020-04-23T03:47:38.000Z"\n')))
        # A page behind a byte order mark is still a page.
        status, out, _ = run("show", "-", stdin="\ufeff" + page.read_text())
        self.assertEqual(status, 0)
        self.assertIn("initiated", out)

    def test_truncated_page_is_reported_as_a_page(self):
        """A page cut inside its calls is a page with an error inside its calls, in both
        modes (it used to be taken for a Call: /first_page_uri: unknown member)."""
        text = (BODIES / "signalwire-page-initiated.json").read_text()
        cut = text.index('"initiated"') + 4  # inside the status value
        bad = self.temp_file("truncated-page.json", text[:cut])
        for args in (("check",), ("check", "--strict")):
            with self.subTest(args=args):
                self.assertEqual(run(*args, bad),
                                 (1, "", f"{bad}: /calls/0/status: invalid JSON at offset {cut}: unexpected end of input\n"))

    def test_unreadable_file(self):
        missing = Path(self._dir.name) / "missing.json"
        self.assertEqual(run("check", missing), (1, "", f"{missing}: cannot read: No such file or directory\n"))
        status, out, err = run("show", self._dir.name)
        self.assertEqual((status, out), (1, ""))
        self.assertRegex(err, "^" + re.escape(self._dir.name) + r": cannot read: .+\n\Z")


class Normalize(TempFiles):
    def test_idempotent_for_every_fixture(self):
        for fixture in [*ALL_FIXTURES, SAMPLE]:
            with self.subTest(fixture=fixture.name):
                status, once, err = run("normalize", fixture)
                self.assertEqual((status, err), (0, ""))
                self.assertTrue(once.endswith("}\n") and once.count("\n") == 1, once)
                json.loads(once)  # valid JSON
                self.assertEqual(run("check", "-", stdin=once), (0, "-: ok\n", ""))
                self.assertEqual(run("normalize", "-", stdin=once), (0, once, ""))

    def test_sample_keeps_every_member_and_digit(self):
        status, out, _ = run("normalize", SAMPLE)
        self.assertEqual(status, 0)
        normalized, sample = json.loads(out), json.loads(SAMPLE.read_text())
        # Every member of the sample; beyond them only the schema's nullable members the
        # sample lacks, written as null (which ones is the schema's business, not this test's).
        self.assertLessEqual(set(sample), set(normalized))
        self.assertEqual({k: v for k, v in normalized.items() if k not in sample},
                         {k: None for k in normalized if k not in sample})
        self.assertIn('"price":-0.00650,', out)

    def test_list_stays_a_list(self):
        fixture = FIXTURES / "twilio" / "calls-page-2022.json"
        status, out, _ = run("normalize", fixture)
        self.assertEqual(status, 0)
        page = json.loads(out)
        self.assertEqual([c["sid"] for c in page["calls"]],
                         [c["sid"] for c in json.loads(fixture.read_text())["calls"]])
        self.assertEqual(page["calls"][0]["queue_time"], "1000")  # unknown members kept

    def test_invalid_input(self):
        bad = self.temp_file("array.json", "[1,2]")
        self.assertEqual(run("normalize", bad), (1, "", f"{bad}: (root): expected object, got array\n"))


class Usage(unittest.TestCase):
    def assert_usage_error(self, *args):
        status, out, err = run(*args)
        self.assertEqual((status, out), (2, ""), args)
        self.assertIn("usage: signalwire-call", err)

    def test_usage_errors(self):
        fixture = FIXTURES / "signalwire" / "call-fetch-2019.json"
        self.assert_usage_error()
        self.assert_usage_error("frobnicate", fixture)
        self.assert_usage_error("show")
        self.assert_usage_error("show", fixture, fixture)
        self.assert_usage_error("normalize")
        self.assert_usage_error("check")
        self.assert_usage_error("check", "--strict")
        self.assert_usage_error("check", "--bogus", fixture)
        self.assert_usage_error("show", "--strict", fixture)

    def test_help(self):
        for args in (["--help"], ["-h"], ["check", "--help"]):
            with self.subTest(args=args):
                status, out, err = run(*args)
                self.assertEqual((status, err), (0, ""))
                self.assertTrue(out.startswith("usage: signalwire-call show FILE\n"), out)

    def test_double_dash_ends_options(self):
        self.assertEqual(run("check", "--", "-", stdin="[1,2]"), (1, "", "-: (root): expected object, got array\n"))


class Request(unittest.TestCase):
    """`request ENDPOINT --OPTION VALUE...`: method, target and scopes, one per line."""

    ACCOUNT = "b3877c40-da60-4998-90ad-b792e98472af"
    SID = "a18c54f5-b8d1-4014-8f18-96a14dbeaf0c"

    def test_retrieve(self):
        for endpoint in ("retrieve", "retrieve_a_call"):
            with self.subTest(endpoint=endpoint):
                self.assertEqual(run("request", endpoint, "--account", self.ACCOUNT, "--sid", self.SID), (
                    0, f"GET\n/api/laml/2010-04-01/Accounts/{self.ACCOUNT}/Calls/{self.SID}.json\nVoice\n", ""))

    def test_list_every_option_encoded(self):
        status, out, err = run("request", "list", "--account-sid", self.ACCOUNT, "--to", "+1 310&555=0142/#",
                               "--from", "sip:alice@example.com", "--parent-call-sid", self.SID,
                               "--status=no-answer", "--start-time", "2024-02-29", "--start-time-before", "2024-03-01",
                               "--start-time-after", "2024-01-01", "--end-time", "2024-12-31",
                               "--end-time-before", "2025-01-01", "--end-time-after", "2023-12-31", "--page", "0",
                               "--page-size", "1000", "--page-token", "PA\u00e9 x")
        self.assertEqual((status, err), (0, ""))
        self.assertEqual(out, (
            f"GET\n/api/laml/2010-04-01/Accounts/{self.ACCOUNT}/Calls.json"
            "?To=%2B1%20310%26555%3D0142%2F%23&From=sip%3Aalice%40example.com"
            f"&ParentCallSid={self.SID}&Status=no-answer&StartTime=2024-02-29&StartTime%3C=2024-03-01"
            "&StartTime%3E=2024-01-01&EndTime=2024-12-31&EndTime%3C=2025-01-01&EndTime%3E=2023-12-31"
            "&Page=0&PageSize=1000&PageToken=PA%C3%A9%20x\nVoice\n"))

    def test_list_without_filters(self):
        self.assertEqual(run("request", "list", "--account", self.ACCOUNT),
                         (0, f"GET\n/api/laml/2010-04-01/Accounts/{self.ACCOUNT}/Calls.json\nVoice\n", ""))

    def test_refused(self):
        cases = {
            ("retrieve", "--account", self.ACCOUNT): "Sid: must not be empty",
            ("retrieve", "--account", self.ACCOUNT, "--sid", "../x"):
                'Sid: must be a sid (1 to 64 ASCII letters, digits and \'-\'), not "../x"',
            ("list",): "AccountSid: must not be empty",
            ("list", "--account", self.ACCOUNT, "--page-size", "0"): "PageSize: must be 1 to 1000, not 0",
            ("list", "--account", self.ACCOUNT, "--page-size", "1001"): "PageSize: must be 1 to 1000, not 1001",
            ("list", "--account", self.ACCOUNT, "--page", "-1"): "Page: must be at least 0, not -1",
        }
        for args, message in cases.items():
            with self.subTest(args=args):
                self.assertEqual(run("request", *args), (1, "", f"signalwire-call: request refused: {message}\n"))

    def test_usage_errors(self):
        cases = {
            ("request",): "request needs an ENDPOINT (retrieve, list)",
            ("request", "frobnicate"): "unknown endpoint 'frobnicate' (retrieve, list)",
            ("request", "list", "--bogus", "1"): "unknown option '--bogus' for request list",
            ("request", "list", "--page-size"): "--page-size needs a value",
            ("request", "list", "--page-size", "ten"): '--page-size: expected an integer from -2147483648 to 2147483647, got "ten"',
            ("request", "list", "--start-time", "2024-02-30"): "--start-time: day must be 1 to 29 in 2024-02, not 30",
            ("request", "list", "--to", "a", "--to", "b"): "--to is given twice",
            ("response", "retrieve", "200"): "usage: signalwire-call response retrieve STATUS FILE [--strict]",
            ("response", "retrieve", "20x", "f"): "STATUS must be an HTTP status from 100 to 599, not '20x'",
            ("response", "retrieve", "99", "f"): "STATUS must be an HTTP status from 100 to 599, not '99'",
        }
        for args, message in cases.items():
            with self.subTest(args=args):
                status, out, err = run(*args)
                self.assertEqual((status, out), (2, ""))
                self.assertTrue(err.startswith(f"signalwire-call: {message}\n"), err)

    def test_help_lists_every_parameter(self):
        status, out, err = run("request", "list", "--help")
        self.assertEqual((status, err), (0, ""))
        self.assertTrue(out.startswith("usage: signalwire-call request list [--OPTION VALUE]...\n"), out)
        self.assertIn("  --start-time-after    StartTime> (YYYY-MM-DD)\n", out)
        self.assertIn("  --page-size           PageSize (1 to 1000)\n", out)


class Response(TempFiles):
    """`response ENDPOINT STATUS FILE`: decode_response on a saved body."""

    def test_success(self):
        status, out, err = run("response", "retrieve", "200", SAMPLE)
        self.assertEqual((status, err), (0, ""))
        self.assertEqual(out, run("show", SAMPLE)[1])
        page = FIXTURES / "signalwire" / "calls-list-2019.json"
        self.assertEqual(run("response", "list", "200", page), run("show", page))

    def test_api_error(self):
        body = BODIES / "error-404.json"
        self.assertEqual(run("response", "retrieve", "404", body), (1, "", (
            f"{body}: HTTP 404: API error: 20404 The requested resource "
            "/2010-04-01/Accounts/b3877c40-da60-4998-90ad-b792e98472af/Calls/unknown.json was not found (status 404)\n")))

    def test_unlisted_status(self):
        html = self.temp_file("502.html", "<html>\r\n<body>Bad Gateway</body>\r\n</html>\r\n")
        self.assertEqual(run("response", "retrieve", "502", html), (1, "", (
            f"{html}: HTTP 502: a status retrieve_a_call does not list (it lists 200, 400, 401, 404); body of 43 bytes: "
            '"<html>\\r\\n<body>Bad Gateway</body>\\r\\n</html>\\r\\n"\n')))

    def test_body_that_is_not_the_model(self):
        bad = self.temp_file("bad.json", '{"sid": 5}')
        status, out, err = run("response", "retrieve", "200", bad)
        self.assertEqual((status, out), (1, ""))
        self.assertEqual(err, f"{bad}: HTTP 200: cannot decode the body as Call: /sid: expected string, got number 5\n")

    def test_unreadable(self):
        self.assertEqual(run("response", "retrieve", "200", "/nonexistent/x.json"),
                         (1, "", "/nonexistent/x.json: cannot read: No such file or directory\n"))


def run_binary(*args, stdin=b"", stdout=subprocess.PIPE, stderr=subprocess.PIPE):
    """Runs the tool on bytes (CSV ends records with CRLF, which text mode would
    translate); returns (exit status, stdout bytes, stderr text)."""
    p = subprocess.run([BINARY, *map(str, args)], input=stdin, stdout=stdout, stderr=stderr, timeout=120)
    return p.returncode, p.stdout, p.stderr.decode() if p.stderr is not None else ""


def exact_json(text):
    """JSON with numbers kept as their text (a price's digits)."""
    return json.loads(text, parse_float=str, parse_int=str)


def rfc3339(rfc2822_date):
    return email.utils.parsedate_to_datetime(rfc2822_date).astimezone(datetime.timezone.utc).strftime(
        "%Y-%m-%dT%H:%M:%SZ")


class Export(TempFiles):
    """`export --format ndjson|csv [--strict] [--keep-going] FILE...`."""

    def fixture_calls(self, fixtures):
        return [call for f in fixtures for call in exact_json(f.read_text())["calls"]]

    def test_list_fixtures_to_csv(self):
        status, out, err = run_binary("export", "--format", "csv", *LIST_FIXTURES)
        self.assertEqual((status, err), (0, ""))
        self.assertTrue(out.endswith(b"\r\n"))
        rows = list(csv.reader(io.StringIO(out.decode(), newline="")))
        header, rows = rows[0], rows[1:]
        self.assertIn("sid", header)
        self.assertEqual(header[-1], "unknown_members")
        self.assertIn("subresource_uris.recordings", header)
        self.assertNotIn("subresource_uris", header)
        calls = self.fixture_calls(LIST_FIXTURES)
        self.assertEqual(len(rows), len(calls))
        for row, call in zip(rows, calls):
            with self.subTest(sid=call["sid"]):
                self.assertEqual(len(row), len(header))
                cells = dict(zip(header, row))
                self.assertEqual(cells["sid"], call["sid"])
                self.assertEqual(cells["status"], call["status"])
                self.assertEqual(cells["price"], call.get("price") or "")  # exact digits; empty for null
                self.assertEqual(cells["date_created"], rfc3339(call["date_created"]))
                self.assertEqual(cells["subresource_uris.recordings"], call["subresource_uris"]["recordings"])
                # Unknown members, those of subresource_uris under its name.
                unknown = {k: v for k, v in call.items() if k not in header and k != "subresource_uris"}
                nested = {k: v for k, v in call["subresource_uris"].items() if "subresource_uris." + k not in header}
                if nested:
                    unknown["subresource_uris"] = nested
                self.assertEqual(exact_json(cells["unknown_members"]) if cells["unknown_members"] else {}, unknown)

    def test_list_fixtures_to_ndjson(self):
        status, out, err = run_binary("export", "--format", "ndjson", *LIST_FIXTURES)
        self.assertEqual((status, err), (0, ""))
        lines = out.decode().split("\n")
        self.assertEqual(lines[-1], "")
        lines = lines[:-1]
        expected = [call for f in LIST_FIXTURES for call in json.loads(run("normalize", f)[1])["calls"]]
        self.assertEqual([json.loads(line) for line in lines], expected)
        # Exporting the NDJSON again gives it back byte for byte, from a file or stdin.
        ndjson = self.temp_file("calls.ndjson", out.decode())
        self.assertEqual(run_binary("export", "--format", "ndjson", ndjson), (0, out, ""))
        self.assertEqual(run_binary("export", "--format", "ndjson", "-", stdin=out), (0, out, ""))
        # And to CSV, the same rows as from the pages.
        self.assertEqual(run_binary("export", "--format", "csv", ndjson),
                         run_binary("export", "--format", "csv", *LIST_FIXTURES))

    def test_stdin_and_mixed_inputs(self):
        page = FIXTURES / "twilio" / "calls-page-2022.json"
        single = FIXTURES / "signalwire" / "call-fetch-2019.json"  # one Call over several lines
        status, out, err = run_binary("export", "--format", "csv", single, "-", stdin=page.read_bytes())
        self.assertEqual((status, err), (0, ""))
        rows = list(csv.reader(io.StringIO(out.decode(), newline="")))
        sid = rows[0].index("sid")
        self.assertEqual([r[sid] for r in rows],
                         ["sid", json.loads(single.read_text())["sid"],
                          *[c["sid"] for c in json.loads(page.read_text())["calls"]]])
        # CRLF lines, blank lines and a BOM.
        calls = [json.dumps(json.loads(single.read_text()) | {"sid": f"s{i}"}) for i in range(3)]
        text = "\ufeff" + calls[0] + "\r\n\r\n" + calls[1] + "\r\n   \n" + calls[2]
        status, out, err = run_binary("export", "--format", "ndjson", "-", stdin=text.encode())
        self.assertEqual((status, err), (0, ""))
        self.assertEqual([json.loads(line)["sid"] for line in out.decode().splitlines()], ["s0", "s1", "s2"])

    def bad_ndjson(self):
        good = json.dumps(json.loads((FIXTURES / "signalwire" / "call-fetch-2019.json").read_text()))
        lines = [good, '{"sid": 5}', good, "", good.replace('"status": "queued"', '"status": 7'), "not json", good]
        return self.temp_file("bad.ndjson", "\n".join(lines) + "\n")

    def test_keep_going_reports_skips_and_counts(self):
        bad = self.bad_ndjson()
        status, out, err = run_binary("export", "--format", "ndjson", "--keep-going", bad, FIXTURES / "signalwire" / "calls-list-2019.json")
        self.assertEqual(status, 1)
        self.assertEqual(err, (f"{bad}:line 2: /sid: expected string, got number 5\n"
                               f"{bad}:line 5: /status: expected string (CallStatus), got number 7\n"
                               f"{bad}:line 6: (root): invalid JSON at offset 0: unexpected character 'n'\n"
                               "skipped 3 bad lines\n"))
        self.assertEqual(len(out.decode().splitlines()), 3 + 1)  # the good lines, then the page's call

    def test_first_error_stops_without_keep_going(self):
        bad = self.bad_ndjson()
        page = FIXTURES / "signalwire" / "calls-list-2019.json"
        status, out, err = run_binary("export", "--format", "csv", bad, page)
        self.assertEqual((status, err), (1, f"{bad}:line 2: /sid: expected string, got number 5\n"))
        self.assertEqual(out.count(b"\r\n"), 2)  # the header and line 1's call; the page is not read
        # --strict: a number sent as a string is an error, with its pointer.
        status, out, err = run_binary("export", "--format", "ndjson", "--strict", FIXTURES / "twilio" / "calls-list-2019.json")
        self.assertEqual((status, out), (1, b""))
        self.assertRegex(err, "^" + re.escape(str(FIXTURES / "twilio" / "calls-list-2019.json")) + r": /calls/0/[^:]+: .+\n\Z")

    def test_unreadable_and_usage(self):
        missing = Path(self._dir.name) / "missing.json"
        self.assertEqual(run_binary("export", "--format", "csv", missing)[::2],
                         (1, f"{missing}: cannot read: No such file or directory\n"))
        for args in (["export"], ["export", SAMPLE], ["export", "--format", "xml", SAMPLE],
                     ["export", "--format", "csv"], ["export", "--format", "csv", "--bogus", SAMPLE]):
            with self.subTest(args=args):
                status, out, err = run_binary(*args)
                self.assertEqual((status, out), (2, b""))
                self.assertIn("usage: signalwire-call export --format ndjson|csv", err)
        status, out, err = run_binary("export", "--help")
        self.assertEqual((status, err), (0, ""))
        self.assertIn(b"list page", out)

    def test_progress_only_on_a_terminal(self):
        page = FIXTURES / "twilio" / "calls-page-2022.json"
        self.assertEqual(run_binary("export", "--format", "csv", page)[2], "")  # stderr is a pipe: nothing
        import pty
        master, slave = pty.openpty()
        try:
            p = subprocess.run([BINARY, "export", "--format", "csv", str(page)], stdout=subprocess.PIPE,
                               stderr=slave, stdin=subprocess.DEVNULL, timeout=60)
            os.close(slave)
            slave = None
            shown = b""
            while True:
                try:
                    chunk = os.read(master, 4096)
                except OSError:  # EIO: the other end is closed
                    break
                if not chunk:
                    break
                shown += chunk
        finally:
            if slave is not None:
                os.close(slave)
            os.close(master)
        self.assertEqual(p.returncode, 0)
        calls = len(json.loads(page.read_text())["calls"])
        self.assertRegex(shown.decode(), rf"\r{calls} calls  0\.0 MB  [0-9.]+ MB/s  [0-9.]+ s\x1b\[K\r?\n\Z")

    # Runs the export from a small Python process, which prints its child's peak RSS: the
    # RSS of a child of this process would count this process's own memory, copied at fork.
    PEAK_RSS = ("import resource, subprocess, sys\n"
                "with open(sys.argv[1], 'wb') as out:\n"
                "    status = subprocess.run(sys.argv[2:], stdout=out).returncode\n"
                "print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)\n")

    def export_peak_rss(self, fmt, path, out_path):
        p = subprocess.run([sys.executable, "-c", self.PEAK_RSS, out_path, BINARY, "export", "--format", fmt, path],
                           capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)
        self.assertEqual(p.stderr, "")
        status, peak = map(int, p.stdout.split())
        self.assertEqual(status, 0)
        return peak

    def test_100000_calls_in_flat_memory(self):
        """A generated NDJSON of 100,000 calls (about 98 MB) to CSV and to NDJSON: every
        call comes out, and the peak RSS is that of exporting 1,000 calls (within 2x)."""
        call = json.dumps(json.loads((FIXTURES / "signalwire" / "call-fetch-2019.json").read_text()),
                          separators=(",", ":"))
        sid = json.loads(call)["sid"]
        before, after = call.split(json.dumps(sid), 1)
        inputs = {}
        for count in (1_000, 100_000):
            inputs[count] = Path(self._dir.name) / f"calls-{count}.ndjson"
            with open(inputs[count], "w") as f:
                for start in range(0, count, 10_000):
                    f.write("".join(f'{before}"{i:08d}{sid[8:]}"{after}\n' for i in range(start, min(count, start + 10_000))))
        self.assertGreater(inputs[100_000].stat().st_size, 90_000_000)
        out_path = Path(self._dir.name) / "out"
        for fmt, header in (("csv", 1), ("ndjson", 0)):
            with self.subTest(format=fmt):
                peaks = {}
                for count, path in inputs.items():
                    peaks[count] = self.export_peak_rss(fmt, path, out_path)
                    ends = 0
                    with open(out_path, "rb") as out:
                        while chunk := out.read(1 << 20):
                            ends += chunk.count(b"\n")
                    self.assertEqual(ends, count + header)
                out_path.unlink()
                self.assertLess(peaks[100_000], 2 * peaks[1_000], f"peak RSS (bytes) by number of calls: {peaks}")


@unittest.skipIf(os.environ.get("SIGNALWIRE_SCHEMA_EVOLVED"),
                 "the README shows what the checked-in schema prints (tests/schema_evolution/run.py "
                 "runs this file against an evolved schema, whose CSV header and JSON differ by design)")
class ReadmeExamples(unittest.TestCase):
    """The blocks after `<!-- cli-example -->` in README.md run as written (from the
    project root): each `$ signalwire-call ...` line, then the lines it prints (stdout,
    then stderr)."""

    def test_readme_examples(self):
        import shlex
        readme = (PROJECT / "README.md").read_text(encoding="utf-8")
        blocks = re.findall(r"<!-- cli-example -->\s*```sh\n(.*?)```", readme, re.S)
        self.assertGreaterEqual(len(blocks), 2, "README.md has no cli-example blocks")
        ran = 0
        for block in blocks:
            commands = re.split(r"^\$ ", block, flags=re.M)[1:]
            for command in commands:
                line, _, expected = command.partition("\n")
                args = shlex.split(line)
                self.assertEqual(args[0], "signalwire-call", line)
                with self.subTest(command=line):
                    p = subprocess.run([BINARY, *args[1:]], cwd=PROJECT, capture_output=True, text=True,
                                       stdin=subprocess.DEVNULL, timeout=60)
                    self.assertEqual(p.stdout + p.stderr, expected)
                    ran += 1
        self.assertGreaterEqual(ran, 4)


if __name__ == "__main__":
    program = unittest.main(argv=[sys.argv[0]], exit=False, verbosity=2)
    result = program.result
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    print(f"cli: {result.testsRun} tests, {len(result.failures)} failures, {len(result.errors)} errors"
          f" -> {'FAILED' if failed else 'OK'}")
    sys.exit(1 if failed else 0)
