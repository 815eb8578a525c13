"""--min-confidence on the queries and at ingest (records written for these tests)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from dyad.kb import KnowledgeBase
from tests.kb.records import document, event, fact, when


def _records() -> list[dict]:
    sure = event("doc-c", "e-sure", "AID", ["CHL"], ["PER"], when("1990"), sentence=1)
    unsure = event("doc-c", "e-unsure", "ASSAULT", ["CHL"], ["PER"], when("1991"), sentence=2,
                   quad=4, goldstein=-10.0)
    unsure["confidence"] = 0.3
    later = event("doc-c", "e-later", "CONSULT", ["CHL"], ["PER"], when("1995"), sentence=3)
    tie = fact("doc-c", "f-unsure", "embassy", "CHL", "PER", place="Lima")
    tie["confidence"] = 0.4
    return [document("doc-c", "Chile–Peru relations"), sure, unsure, later, tie]


def test_queries_leave_out_the_less_sure(kb: KnowledgeBase) -> None:
    kb.ingest_records(_records())
    assert [e["id"] for e in kb.events(min_confidence=0.5)] == ["e-sure", "e-later"]
    assert len(kb.events()) == 3
    # paging counts only what is kept
    assert [e["id"] for e in kb.events(min_confidence=0.5, limit=1, offset=1)] == ["e-later"]
    assert kb.facts(min_confidence=0.5) == []
    assert {r["id"] for r in kb.timeline("CHL", "PER", min_confidence=0.5)} == {"e-sure",
                                                                                 "e-later"}


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dyad", *args], capture_output=True, text=True)


def test_ingest_and_the_commands_take_min_confidence(tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in _records()), encoding="utf-8")
    db = str(tmp_path / "kb.db")
    assert _run("ingest", str(records), "--db", db, "--quiet", "--min-confidence", "0.5"
                ).returncode == 0
    with KnowledgeBase.open(db) as kb:
        assert sorted(e["id"] for e in kb.events()) == ["e-later", "e-sure"]
        assert kb.facts() == []
    out = _run("events", "--db", db, "--format", "jsonl", "--min-confidence", "0.99")
    assert out.returncode == 0 and out.stdout.strip() == ""
    bad = _run("events", "--db", db, "--min-confidence", "2")
    assert bad.returncode == 2 and "min-confidence" in bad.stderr and "Traceback" not in bad.stderr
