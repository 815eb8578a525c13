"""`dyad extract` end to end on mutated documents: records or one line of error per bad
input (exit 2), never a traceback, an internal error or silent empty output.

Most examples run the command in this process (spaCy loads once); a few run it as a
user does, in a subprocess. See tests/fuzz.py for the longer run (DYAD_FUZZ=long).
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given

from dyad.cli import main
from tests.fuzz import Slowest, documents, fuzz_settings

MAX_BYTES = 40_000  # extraction is slow: keep each example small
SLOWEST = Slowest("dyad extract")


@pytest.fixture(scope="module", autouse=True)
def _report_the_slowest():
    from dyad.annotate.nlp import load_nlp
    from dyad.reference.gazetteer import load_gazetteer

    load_nlp(), load_gazetteer(None)  # loaded once, not timed with the first example
    yield
    print("\n" + SLOWEST.report())


def _in_process(path: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["dyad", "extract", str(path), "--format", "jsonl"]
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else 1
    finally:
        sys.argv = argv
    return code, out.getvalue(), err.getvalue()


def _check(code: int, stdout: str, stderr: str) -> None:
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    assert code in (0, 2), (code, stderr)
    errors = stderr.splitlines()
    assert all(line.startswith("dyad: ") for line in errors), stderr
    records = [json.loads(line) for line in stdout.splitlines()]
    assert all("record" in r for r in records)
    if code == 0:
        assert not errors and any(r["record"] == "document" for r in records)
    else:
        assert errors  # exit 2 says why, one line per bad input


@fuzz_settings(200)
@given(data=documents(max_mutations=3))
def test_extract_gives_records_or_one_line_errors(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "input"
    path.write_bytes(data[:MAX_BYTES])
    _check(*SLOWEST.time(len(data[:MAX_BYTES]), lambda: _in_process(path)))


@fuzz_settings(4)
@given(data=documents(max_mutations=3))
def test_extract_as_a_user_runs_it(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "input"
    path.write_bytes(data[:MAX_BYTES])
    done = subprocess.run([sys.executable, "-m", "dyad", "extract", str(path)],
                          capture_output=True, text=True, timeout=300)  # a hang guard only
    _check(done.returncode, done.stdout, done.stderr)
