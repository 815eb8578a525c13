"""Schemathesis fuzzes every operation of /openapi.json against a real server: no answer
may be a 5xx, and every answer must match the documented statuses, types and schemas."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.web.conftest import TOKEN, copy_kb, running_server

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


def test_fuzzing_the_api_finds_no_server_error(kb_file: Path, tmp_path: Path) -> None:
    if not SCHEMATHESIS.exists():
        pytest.skip("schemathesis is not installed (pip install -e '.[dev]')")
    # its own store: fuzzed uploads (with the token, so they reach the readers) write to it
    with running_server(copy_kb(kb_file, "fuzzed"), "--token", TOKEN) as server:
        run = subprocess.run(
            [str(SCHEMATHESIS), "run", f"{server.url}/openapi.json",
             "--checks", "all",
             # a schema cannot say that 'Atlantis' is no country: refusing it is right
             "--exclude-checks", "positive_data_acceptance",
             "--max-examples", "15", "--seed", "20260101",
             "--header", f"Authorization: Bearer {TOKEN}", "--no-color"],
            capture_output=True, text=True, timeout=300, cwd=tmp_path)
        log = server.log.read_text(errors="replace")
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "Traceback" not in log, log[-4000:]
