"""Runs each throwing entry point of tests/test_no_exceptions.cpp on bad input and checks
that the program aborts with the exception's message on stderr.

    no_exceptions_abort.py PROGRAM (no-exceptions|exceptions)

no-exceptions: built with -fno-exceptions, so the program's own boost::throw_exception
    must be what ran: stderr has "throw_exception: <what()>".
exceptions: built with them on: the exception is not caught, std::terminate aborts, and
    libstdc++'s handler prints "what():  <what()>".
"""
import signal
import subprocess
import sys

# Thrower name -> what() of what it throws.
THROWERS = {
    "decode_result::value": "/duration: expected integer or null, got boolean",
    "value_to<Call>": "/duration: expected integer or null, got boolean",
    "value_to<CallStatus>": "(root): expected a CallStatus wire name",
    "value_to<open_enum>": "(root): expected a string",
    "decimal::from_string": "missing digits after '.'",
    "decimal::from_double": "non-finite double is not a decimal",
}


def main() -> int:
    program, mode = sys.argv[1], sys.argv[2]
    prefix = {"no-exceptions": "throw_exception: ", "exceptions": "what():  "}[mode]
    failures = 0
    for name, what in THROWERS.items():
        run = subprocess.run([program, name], capture_output=True, text=True, timeout=30)
        expected = prefix + what
        if run.returncode != -signal.SIGABRT or expected not in run.stderr or "returned:" in run.stdout:
            failures += 1
            print(f"FAIL {name}: exit {run.returncode} (expected {-signal.SIGABRT}), "
                  f"expected stderr to contain {expected!r}\nstdout: {run.stdout}\nstderr: {run.stderr}")
        else:
            print(f"ok   {name}: aborted with {expected!r}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
