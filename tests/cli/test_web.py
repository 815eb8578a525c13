"""`dyad serve` as a user starts it: options, a bad store or port in one line, the token from
the environment, loopback by default."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import httpx

from tests.web.conftest import running_server

ROOT = Path(__file__).resolve().parents[2]


def dyad(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dyad", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_serve_help_names_its_options() -> None:
    out = dyad("serve", "--help")
    assert out.returncode == 0
    for option in ("--host", "--port", "--db", "--token", "DYAD_TOKEN", "--max-upload-bytes"):
        assert option in out.stdout
    assert "127.0.0.1" in out.stdout


def test_a_folder_as_the_store_is_one_line_and_exit_2(tmp_path: Path) -> None:
    out = dyad("serve", "--db", str(tmp_path), "--port", "0")
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [f"dyad: {tmp_path}: is a folder, not a "
                                               "database file"]


def test_a_port_in_use_is_one_line_and_exit_2(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        out = dyad("serve", "--db", str(tmp_path / "kb.db"), "--port", str(port))
    assert out.returncode == 2
    [line] = out.stderr.strip().splitlines()
    assert line.startswith(f"dyad: cannot listen on 127.0.0.1:{port}")


def test_the_token_can_come_from_the_environment(tmp_path: Path) -> None:
    with running_server(tmp_path / "kb.db", env={"DYAD_TOKEN": "from-env"}) as server:
        text = "Chile thanked Peru for its help on 2 March 2020."
        url = f"{server.url}/api/documents"
        wrong = httpx.post(url, content=text, headers={"Authorization": "Bearer other"})
        right = httpx.post(url, content=text, headers={"Authorization": "Bearer from-env"},
                           timeout=120)
        started = server.log.read_text()
    assert wrong.status_code == 401
    assert right.status_code == 201, right.text
    assert f"on {server.url}/" in started and server.url.startswith("http://127.0.0.1:")
    assert "uploads need the token" in started
