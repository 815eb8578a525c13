"""Real processes on one knowledge base: two writers and a reader at once; kill -9 mid-document."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from dyad.kb import KnowledgeBase

ROOT = Path(__file__).resolve().parents[2]


def worker(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.kb.worker", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(p: subprocess.Popen[str]) -> str:
    out, err = p.communicate(timeout=300)
    assert p.returncode == 0, f"{out}\n{err}"
    return out


def _intact(db_url: str) -> None:
    if "://" not in db_url:
        con = sqlite3.connect(db_url)
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        con.close()


def test_two_writers_and_a_reader(db_url: str) -> None:
    KnowledgeBase.open(db_url).close()  # created before the race, as `dyad ingest` would
    writers = [worker("ingest", db_url, prefix, "12", "40") for prefix in ("a", "b")]
    reader = worker("read", db_url, "6")
    for w in writers:
        assert finish(w).strip() == "done"
    reads = finish(reader)
    assert reads.startswith("ok ") and int(reads.split()[1]) > 1
    _intact(db_url)
    with KnowledgeBase.open(db_url) as kb:
        assert kb.stats()["documents"] == 24
        # the writers store the same events (same seeds): each is one event told twice
        events = kb.events()
        assert len(events) == 12 * 40
        assert all(len(e["sources"]) == 2 for e in events)


def test_kill_9_mid_document_leaves_the_kb_as_it_was(db_url: str) -> None:
    p = worker("interrupted", db_url, "3000")
    assert p.stdout is not None
    line = p.stdout.readline()
    assert line.strip() == "midway", line + (p.stderr.read() if p.stderr else "")
    p.send_signal(signal.SIGKILL)
    p.wait(timeout=60)
    assert p.returncode == -signal.SIGKILL
    _intact(db_url)
    with KnowledgeBase.open(db_url) as kb:
        assert [d["id"] for d in kb.documents()] == ["whole"]
        assert len(kb.events()) == 5 and kb.events(document="cut") == []
        kb.ingest_records([{"record": "document", "id": "after", "title": "after"}])
        assert kb.stats()["documents"] == 2  # still writable
