"""A `dyad serve` process for the web benchmarks: a free port, and a server started and
waited for until its API answers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_serve(name: str, db: Path, port: int, log: Path, *flags: str, append: bool = False,
                wait: float = 90) -> subprocess.Popen[bytes]:
    """``dyad serve`` on ``db`` and ``port`` (with ``flags``), its output in ``log``
    (``append`` keeps what a killed server wrote before), once /api/dyads answers 200;
    exits with one line (``name:`` …) if it dies or does not answer in ``wait`` s."""
    env = {k: v for k, v in os.environ.items() if k != "DYAD_TOKEN"}
    with log.open("ab" if append else "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "dyad", "serve", "--host", "127.0.0.1", "--port", str(port),
             "--db", str(db), "--log-level", "warning", *flags],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"{name}: dyad serve exited: {log.read_text(errors='replace')}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/dyads", timeout=5).status_code == 200:
                return process
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    process.kill()
    sys.exit(f"{name}: dyad serve did not answer in {wait:.0f} s")
