"""Running the generator's command line from the tests.

`run_generator` calls `generator.__main__.main` in this process, with `cwd` as the
current directory and stdout/stderr captured: what `python3 -m generator ARGS` would
do, without starting a Python process per case. `run_generator_process` starts the
real command, `python3 -m generator ARGS`; a few tests use it to check the command
line itself (the exit status and output of the module run as a program).
"""

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

from generator.__main__ import main

ROOT = Path(__file__).resolve().parents[2]


def run_generator(*args, cwd=ROOT):
    """main(ARGS) in this process, from `cwd`; returns (exit status, stdout, stderr)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    previous = os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                status = main([str(a) for a in args])
            except SystemExit as e:  # argparse: usage errors, --help
                status = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    finally:
        os.chdir(previous)
    return status, stdout.getvalue(), stderr.getvalue()


def run_generator_process(*args, cwd=ROOT, env=None):
    """python3 -m generator ARGS in a child process, from `cwd`, with `env` added to the
    environment; returns (exit status, stdout, stderr)."""
    child_env = dict(os.environ, PYTHONPATH=str(ROOT))
    child_env.update(env or {})
    p = subprocess.run([sys.executable, "-m", "generator", *map(str, args)], cwd=cwd, env=child_env,
                       capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    return p.returncode, p.stdout, p.stderr
