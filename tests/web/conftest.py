"""Real servers for the web tests: `dyad serve` processes on free loopback ports, each on
its own copy of a knowledge base built from the documents in ``tests/web/documents.py``."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from dyad.kb import KnowledgeBase
from tests.web import documents

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "test-token-5d1f"
UPLOAD_LIMIT = 64 * 1024


@dataclass
class Server:
    url: str
    db: Path
    token: str | None
    process: subprocess.Popen[bytes]
    log: Path

    def client(self, **kwargs: object) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=120, **kwargs)  # type: ignore[arg-type]

    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(db: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[Server]:
    """`python -m dyad serve` on ``db`` until the block ends; waits until it answers."""
    port = free_port()
    log = db.with_suffix(f".{port}.log")
    environment = {k: v for k, v in os.environ.items() if k != "DYAD_TOKEN"}
    environment.update(env or {})
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "dyad", "serve", "--db", str(db), "--port", str(port),
             "--log-level", "warning", *args],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=environment)
    url = f"http://127.0.0.1:{port}"
    token = next((args[i + 1] for i, a in enumerate(args) if a == "--token"), None)
    token = token or (env or {}).get("DYAD_TOKEN")
    server = Server(url, db, token, process, log)
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"dyad serve exited {process.returncode}: "
                                   f"{log.read_text(errors='replace')}")
            try:
                if httpx.get(f"{url}/api/dyads", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"dyad serve did not answer: {log.read_text(errors='replace')}")
            time.sleep(0.2)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def kb_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A knowledge base holding the relations page and the news feed."""
    folder = tmp_path_factory.mktemp("web-kb")
    (folder / "kenya-norway.txt").write_text(documents.RELATIONS_PAGE, encoding="utf-8")
    (folder / "news.jsonl").write_text(documents.NEWS_JSONL, encoding="utf-8")
    db = folder / "kb.db"
    with KnowledgeBase.open(str(db)) as kb:
        summary = kb.ingest([str(folder / "kenya-norway.txt"), str(folder / "news.jsonl")])
    assert summary.documents == 3 and not summary.skipped, summary.to_dict()
    return db


def copy_kb(kb_file: Path, name: str) -> Path:
    target = kb_file.parent / f"{name}.db"
    shutil.copy(kb_file, target)
    return target


@pytest.fixture(scope="session")
def reader(kb_file: Path) -> Iterator[Server]:
    """A server without a token (uploads off) on a knowledge base nobody writes to."""
    with running_server(copy_kb(kb_file, "reader")) as server:
        yield server


@pytest.fixture(scope="session")
def writer(kb_file: Path) -> Iterator[Server]:
    """A server that takes uploads with TOKEN, up to UPLOAD_LIMIT bytes."""
    with running_server(copy_kb(kb_file, "writer"), "--token", TOKEN,
                        "--max-upload-bytes", str(UPLOAD_LIMIT)) as server:
        yield server
