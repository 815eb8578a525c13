"""Engines give the same records: the local loop, --jobs, Ray; -o DIR restarts cleanly.

Real runs of the CLI on a small own-words dump (bz2) written by the test. The Ray
tests need the dyad[ray] extra and skip cleanly without it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.read.dumps import write_dump

pytest.importorskip("pyarrow")
ROOT = Path(__file__).resolve().parents[2]


def dyad(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dyad", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=600, env=env)


@pytest.fixture(scope="module")
def dump(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_dump(tmp_path_factory.mktemp("dump") / "testwiki-pages-articles.xml.bz2")


@pytest.fixture(scope="module")
def local_records(dump: Path) -> list[dict]:
    out = dyad("extract", str(dump))
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


def parquet_records(folder: Path) -> list[dict]:
    import pyarrow.parquet as pq

    rows = []
    for part in sorted(folder.glob("part-*.parquet")):
        rows.extend(json.loads(j) for j in pq.read_table(part).column("json").to_pylist())
    return rows


def key(records: list[dict]) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True) for r in records)


def test_local_run_gives_records_of_each_article(local_records: list[dict]) -> None:
    docs = [r["id"] for r in local_records if r["record"] == "document"]
    assert docs == ["testwiki:101", "testwiki:102", "testwiki:103", "testwiki:106"]
    events = [r for r in local_records if r["record"] == "event"]
    assert {r["evidence"]["document"] for r in events} >= {"testwiki:101", "testwiki:102",
                                                           "testwiki:106"}


def test_titles_and_limit_select(dump: Path, local_records: list[dict]) -> None:
    out = dyad("extract", str(dump), "--titles", "*relations*", "--limit", "2")
    assert out.returncode == 0, out.stderr
    docs = [json.loads(line) for line in out.stdout.splitlines()]
    assert [d["title"] for d in docs if d["record"] == "document"] == [
        "Chad–Niger relations", "Mali–Senegal relations"]


def test_parquet_output_holds_the_same_records(dump: Path, local_records: list[dict],
                                               tmp_path: Path) -> None:
    out = dyad("extract", str(dump), "-o", str(tmp_path / "out"), "--jobs", "2")
    assert out.returncode == 0, out.stderr
    assert key(parquet_records(tmp_path / "out")) == key(local_records)
    assert "4 documents" in out.stderr


def test_restarted_run_ends_with_the_records_of_one_run(dump: Path, local_records: list[dict],
                                                        tmp_path: Path) -> None:
    folder = tmp_path / "out"
    first = dyad("extract", str(dump), "-o", str(folder), "--limit", "2")  # stopped early
    assert first.returncode == 0, first.stderr
    (folder / ".part-killed.parquet.tmp").write_bytes(b"PAR1 cut by a kill")
    again = dyad("extract", str(dump), "-o", str(folder))
    assert again.returncode == 0, again.stderr
    assert "2 documents already there, skipped" in again.stderr
    records = parquet_records(folder)
    ids = [r["id"] for r in records if r["record"] in ("document", "event", "fact")]
    assert len(ids) == len(set(ids))  # nothing twice
    assert key(records) == key(local_records)
    third = dyad("extract", str(dump), "-o", str(folder))
    assert "0 documents, 0 records" in third.stderr
    assert key(parquet_records(folder)) == key(local_records)


def test_killed_run_keeps_only_whole_documents(dump: Path, local_records: list[dict],
                                               tmp_path: Path) -> None:
    import signal
    import time

    folder = tmp_path / "out"
    run = subprocess.Popen([sys.executable, "-m", "dyad", "extract", str(dump), "-o",
                            str(folder)], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    time.sleep(4)  # spaCy loaded, a document or two under way
    run.send_signal(signal.SIGTERM)
    run.wait(timeout=120)
    partial = parquet_records(folder)
    docs = {r["id"] for r in partial if r["record"] == "document"}
    assert key(partial) == key([r for r in local_records
                                if (r["id"] if r["record"] == "document"
                                    else r.get("document") or r["evidence"]["document"])
                                in docs])
    again = dyad("extract", str(dump), "-o", str(folder))
    assert again.returncode == 0, again.stderr
    assert key(parquet_records(folder)) == key(local_records)


def test_ingest_reads_the_parquet_folder(dump: Path, local_records: list[dict],
                                         tmp_path: Path) -> None:
    folder = tmp_path / "out"
    assert dyad("extract", str(dump), "-o", str(folder)).returncode == 0
    from_parts = dyad("ingest", str(folder), "--db", str(tmp_path / "a.db"))
    assert from_parts.returncode == 0, from_parts.stderr
    lines = tmp_path / "records.jsonl"
    lines.write_text("".join(json.dumps(r) + "\n" for r in local_records), encoding="utf-8")
    from_lines = dyad("ingest", str(lines), "--db", str(tmp_path / "b.db"))
    assert from_lines.returncode == 0, from_lines.stderr
    assert from_parts.stdout.split("→")[0] == from_lines.stdout.split("→")[0]
    assert "4 documents stored" in from_parts.stdout
    a = dyad("events", "--db", str(tmp_path / "a.db"), "--format", "jsonl")
    b = dyad("events", "--db", str(tmp_path / "b.db"), "--format", "jsonl")
    assert a.stdout == b.stdout and a.stdout


def test_without_ray_one_line_names_the_extra(dump: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "noray" / "ray"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('no ray here')\n")
    env = {**os.environ, "PYTHONPATH": str(blocker.parent)}
    out = dyad("extract", str(dump), "--engine", "ray", env=env)
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        "dyad: --engine ray needs Ray, which is not installed: pip install 'dyad[ray]'"]


def test_address_needs_the_ray_engine(dump: Path) -> None:
    out = dyad("extract", str(dump), "--address", "127.0.0.1:6379")
    assert out.returncode == 2 and "--address needs --engine ray" in out.stderr


@pytest.mark.skipif(not __import__("importlib").util.find_spec("ray"),
                    reason="Ray (pip install 'dyad[ray]') is not installed")
def test_ray_gives_the_records_and_ids_of_the_local_run(dump: Path, local_records: list[dict],
                                                        tmp_path: Path) -> None:
    folder = tmp_path / "out"
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    first = dyad("extract", str(empty), str(dump), "--engine", "ray", "--jobs", "2",
                 "-o", str(folder), "--limit", "1")
    assert first.returncode == 2  # a bad input is told as locally, and the run goes on
    assert f"dyad: {empty}: empty file" in first.stderr.splitlines()
    assert key(parquet_records(folder)) == key(local_records[:len(parquet_records(folder))])
    rest = dyad("extract", str(dump), "--engine", "ray", "--jobs", "2", "-o", str(folder))
    assert rest.returncode == 0, rest.stderr
    assert "1 documents already there, skipped" in rest.stderr
    assert rest.stderr.strip().splitlines()[-1].startswith("3 documents")
    assert key(parquet_records(folder)) == key(local_records)  # same records, same ids


@pytest.mark.skipif(not __import__("importlib").util.find_spec("ray"),
                    reason="Ray (pip install 'dyad[ray]') is not installed")
def test_unreachable_cluster_is_one_line(dump: Path) -> None:
    import socket

    with socket.socket() as s:  # a port that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    out = dyad("extract", str(dump), "--engine", "ray", "--address", f"127.0.0.1:{port}")
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        f"dyad: no Ray cluster answers at 127.0.0.1:{port} (Connection refused); start one "
        "with `ray start --head` or name its address"]


def test_ingest_selects_pages_of_a_dump(dump: Path, tmp_path: Path) -> None:
    out = dyad("ingest", str(dump), "--titles", "mali*", "--db", str(tmp_path / "kb.db"))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("1 document stored")


def test_ray_reads_files_not_standard_input() -> None:
    out = subprocess.run([sys.executable, "-m", "dyad", "extract", "-", "--engine", "ray"],
                         input="Chad and Niger signed an agreement.\n", capture_output=True,
                         text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 2
    assert "--engine ray reads files, not standard input (-)" in out.stderr


def test_min_confidence_applies_to_parquet_output(dump: Path, local_records: list[dict],
                                                  tmp_path: Path) -> None:
    from dyad.kb.pairs import sure_enough

    folder = tmp_path / "out"
    out = dyad("extract", str(dump), "-o", str(folder), "--min-confidence", "0.9")
    assert out.returncode == 0, out.stderr
    kept = [r for r in local_records if sure_enough(r, 0.9)]
    assert key(parquet_records(folder)) == key(kept)
    assert sum(r["record"] == "document" for r in kept) == 4  # documents are never dropped
