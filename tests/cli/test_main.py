"""main(): the last-resort guard every command runs under, as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# fault injection: a bug of dyad's (here in reading) that no input provokes on purpose
BUGGY_PARSE = """
import sys
import dyad.read

def broken(*args, **kwargs):
    raise RuntimeError("no such section\\nsecond line")

dyad.read.iter_documents = broken
from dyad.cli import main

sys.argv = ["dyad", "parse", "whatever.txt"]
main()
"""


def run(code: str, debug: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DYAD_DEBUG"}
    if debug is not None:
        env["DYAD_DEBUG"] = debug
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)


@pytest.mark.parametrize("debug", [None, "0"])
def test_an_unexpected_error_is_one_line_and_exit_1(debug: str | None) -> None:
    out = run(BUGGY_PARSE, debug)
    assert out.returncode == 1
    assert out.stderr == ("dyad: internal error: RuntimeError: no such section (DYAD_DEBUG=1 "
                          "shows the traceback)\n")


def test_dyad_debug_shows_the_traceback() -> None:
    out = run(BUGGY_PARSE, "1")
    assert out.returncode == 1
    assert out.stderr.startswith("Traceback (most recent call last):")
    assert "in broken" in out.stderr and "second line" in out.stderr
    assert out.stderr.endswith("dyad: internal error: RuntimeError: no such section\n")


def test_the_user_s_mistakes_keep_their_own_line_and_exit_2(tmp_path: Path) -> None:
    out = run(BUGGY_PARSE.replace('"whatever.txt"', repr(str(tmp_path / "absent.txt")))
              .replace("dyad.read.iter_documents = broken", ""), None)
    assert out.returncode == 2 and "internal error" not in out.stderr
    assert out.stderr.startswith("dyad: ") and "no such file" in out.stderr
