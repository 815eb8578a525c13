"""The knowledge-base commands as a user runs them: real processes, a real SQLite file."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dyad.kb import KnowledgeBase
from tests.cli.faults import MARKER, fault_env

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "burkina_faso-russia.txt"


def dyad(*args: str, db: Path | str | None = None, stdin: str | None = None,
         cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in (env or os.environ).items() if k != "DYAD_DB"}
    if db is not None:
        env["DYAD_DB"] = str(db)
    return subprocess.run([sys.executable, "-m", "dyad", *args], capture_output=True,
                          text=True, input=stdin, cwd=cwd, env=env, timeout=300)


def one_error_line(out: subprocess.CompletedProcess[str], *words: str) -> None:
    assert out.returncode == 2, out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith("dyad: ") and "Traceback" not in out.stderr
    for word in words:
        assert word in lines[0]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kb") / "example.db"
    out = dyad("ingest", str(EXAMPLE), "--db", str(path))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("1 document stored;") and "0 skipped" in out.stdout
    return path


def jsonl(out: subprocess.CompletedProcess[str]) -> list[dict]:
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_ingest_again_changes_nothing(db: Path) -> None:
    before = jsonl(dyad("events", "--format", "jsonl", db=db))
    out = dyad("ingest", str(EXAMPLE), db=db)
    assert out.returncode == 0 and "0 documents stored; 1 unchanged" in out.stdout
    assert jsonl(dyad("events", "--format", "jsonl", db=db)) == before


def test_timeline_includes_the_soviet_era_unless_strict(db: Path) -> None:
    full = jsonl(dyad("timeline", "Burkina Faso", "Russia", "--format", "jsonl", db=db))
    strict = jsonl(dyad("timeline", "BFA", "RUS", "--strict", "--format", "jsonl", db=db))
    assert {r["record"] for r in full} == {"event", "fact"}
    soviet = [r for r in full if any(a["country"] == "SUN" for a in r.get("actors", []))]
    assert soviet and not [r for r in strict if r in soviet]
    assert len(strict) < len(full)
    for r in full:
        assert r["evidence"]["text"] and "citations" in r


def test_timeline_table_shows_dates_status_and_citations(db: Path) -> None:
    out = dyad("timeline", "Burkina Faso", "Russia", db=db)
    assert out.returncode == 0, out.stderr
    assert "1967-02-18" in out.stdout and "asserted" in out.stdout
    assert "[2] A short history of Voltaic diplomacy" in out.stdout


def test_events_as_csv_with_filters(db: Path) -> None:
    out = dyad("events", "--dyad", "BFA-RUS", "--from", "1990", "--format", "csv", db=db)
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    # a record matches when its date overlaps the range ("1967–1991" does)
    assert rows and all(max(r["date_start"], r["date_end"]) >= "1990" for r in rows)
    assert {"id", "event_type", "goldstein", "quad_class", "document", "text"} <= set(rows[0])


def test_facts_by_kind(db: Path) -> None:
    facts = jsonl(dyad("facts", "--kind", "embassy", "--country", "Burkina Faso",
                       "--format", "jsonl", db=db))
    assert facts and {f["kind"] for f in facts} == {"embassy"}
    assert "Ouagadougou" in {(f["place"] or {}).get("name") for f in facts}


def test_dyads_and_series(db: Path) -> None:
    pairs = jsonl(dyad("dyads", "--format", "jsonl", db=db))
    [bfa_rus] = [p for p in pairs if (p["a"], p["b"]) == ("BFA", "RUS")]
    assert bfa_rus["b_name"] == "Russia" and bfa_rus["events"] >= 1
    series = jsonl(dyad("series", "Burkina Faso", "Russia", "--by", "year",
                        "--format", "jsonl", db=db))
    assert [s["period"] for s in series] == sorted(s["period"] for s in series)
    for s in series:
        assert s["events"] >= s["quad1"] + s["quad2"] + s["quad3"] + s["quad4"]


def test_search_finds_sentences_with_document_and_section(db: Path) -> None:
    hits = jsonl(dyad("search", "student", "--format", "jsonl", db=db))  # stems: students
    assert hits and all("student" in h["text"].lower() for h in hits)
    assert hits[0]["title"] == "Burkina Faso–Russia relations" and hits[0]["section"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export(db: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"events.{fmt}"
    out = dyad("export", "--format", fmt, "-o", str(target), "--dyad", "BFA-RUS", db=db)
    assert out.returncode == 0, out.stderr
    expected = jsonl(dyad("events", "--dyad", "BFA-RUS", "--format", "jsonl", db=db))
    if fmt == "jsonl":
        assert [json.loads(x) for x in target.read_text().splitlines()] == expected
    elif fmt == "csv":
        rows = list(csv.DictReader(target.open(encoding="utf-8")))
        assert [r["id"] for r in rows] == [e["id"] for e in expected]
    else:
        pq = pytest.importorskip("pyarrow.parquet")
        assert pq.read_table(target).column("id").to_pylist() == [e["id"] for e in expected]


@pytest.mark.parametrize(
    ("args", "words"),
    [(["events", "--country", "Atlantis"], ["unknown country", "Atlantis"]),
     (["timeline", "Atlantis", "Mali"], ["Atlantis"]),
     (["events", "--from", "soon"], ["--from"]),
     (["events", "--dyad", "Mali"], ["two countries"]),
     (["events", "--type", "HUG"], ["unknown event type", "HUG"]),
     (["facts", "--kind", "friendship"], ["unknown fact kind"])],
)
def test_bad_queries_one_line_exit_2(db: Path, args: list[str], words: list[str]) -> None:
    one_error_line(dyad(*args, db=db), *words)


def test_corrupt_database_one_line_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database, only text\n" * 200)
    one_error_line(dyad("events", "--db", str(bad)), str(bad), "not a dyad knowledge base")
    one_error_line(dyad("ingest", str(EXAMPLE), "--db", str(bad)), "not a dyad knowledge base")
    assert bad.read_bytes() == b"not a database, only text\n" * 200


def test_missing_database_for_a_query(tmp_path: Path) -> None:
    one_error_line(dyad("dyads", cwd=tmp_path), "dyad.db", "no knowledge base here")
    assert not (tmp_path / "dyad.db").exists()


def test_unreachable_postgres_one_line_exit_2() -> None:
    one_error_line(dyad("events", "--db", "postgresql://u:pw@127.0.0.1:9/none"),
                   "cannot connect", "127.0.0.1")


def test_ingest_reports_skipped_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Chile and Peru signed a trade accord in 2004.",
                                     encoding="utf-8")
    (folder / "bad.bin").write_bytes(b"\x00\x00\x00")
    out = dyad("ingest", str(folder), "--db", str(tmp_path / "kb.db"))
    assert out.returncode == 2
    assert "1 document stored" in out.stdout and "1 skipped" in out.stdout
    assert "bad.bin" in out.stderr and "binary" in out.stderr


def test_ingest_of_only_bad_inputs_leaves_no_new_database(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    target = tmp_path / "kb" / "new.db"
    target.parent.mkdir()
    out = dyad("ingest", str(tmp_path / "empty.txt"), str(tmp_path / "absent.txt"),
               "--db", str(target))
    assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 2
    assert "2 skipped" in out.stdout and "not created" in out.stdout
    assert list(target.parent.iterdir()) == []  # nor its -wal or -shm
    # a run stopped by a bad --gazetteer before any document is stored leaves none either
    (tmp_path / "bad.tsv").write_text("kind\tsurface\tcode\nplanet\tMars\tMRS\n",
                                      encoding="utf-8")
    one_error_line(dyad("ingest", str(EXAMPLE), "--gazetteer", str(tmp_path / "bad.tsv"),
                        "--db", str(target)), "bad.tsv")
    assert list(target.parent.iterdir()) == []


def test_ingest_of_only_bad_inputs_keeps_a_database_that_was_there(tmp_path: Path) -> None:
    target = tmp_path / "kb.db"
    KnowledgeBase.open(str(target)).close()  # an empty knowledge base is still the user's
    out = dyad("ingest", str(tmp_path / "absent.txt"), "--db", str(target))
    assert out.returncode == 2 and target.exists()
    assert out.stdout.splitlines()[0].endswith(f"1 skipped → {target}")


def test_ingest_from_stdin_uses_dyad_db(tmp_path: Path) -> None:
    out = dyad("ingest", "-", db=tmp_path / "env.db",
               stdin="Chile and Peru signed a trade accord in 2004.\n")
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "env.db").exists()


def test_extract_piped_into_ingest_stores_the_records(db: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DYAD_DB"}
    target = tmp_path / "piped.db"
    extract = subprocess.Popen([sys.executable, "-m", "dyad", "extract", str(EXAMPLE),
                                "--format", "jsonl"], stdout=subprocess.PIPE, cwd=ROOT, env=env)
    ingest = subprocess.run([sys.executable, "-m", "dyad", "ingest", "-", "--db", str(target)],
                            stdin=extract.stdout, capture_output=True, text=True, cwd=ROOT,
                            env=env, timeout=300)
    assert extract.stdout is not None
    extract.stdout.close()
    assert extract.wait(timeout=300) == 0 and ingest.returncode == 0, ingest.stderr
    assert ingest.stdout.startswith("1 document stored;") and "0 skipped" in ingest.stdout
    for query in (["events"], ["facts"], ["dyads"]):
        assert (jsonl(dyad(*query, "--format", "jsonl", "--db", str(target)))
                == jsonl(dyad(*query, "--format", "jsonl", db=db))), query


def test_ingest_a_records_file_skips_only_the_bad_document(tmp_path: Path) -> None:
    records = jsonl(dyad("extract", str(EXAMPLE), "--format", "jsonl"))
    bad = [dict(r, id="other", title="Another page", source="other.txt")
           if r["record"] == "document" else r for r in records]
    first_event = next(i for i, r in enumerate(bad) if r["record"] == "event")
    bad[first_event] = {k: v for k, v in bad[first_event].items() if k != "evidence"}
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in [*bad, *records]), encoding="utf-8")
    out = dyad("ingest", str(path), "--db", str(tmp_path / "kb.db"))
    one_error_line(out, f"line {first_event + 1}:", "has no evidence.document",
                   "document 'other' skipped")
    assert "1 document stored" in out.stdout and "1 skipped" in out.stdout
    stored = jsonl(dyad("events", "--format", "jsonl", "--db", str(tmp_path / "kb.db")))
    assert {e["id"] for e in stored} == {r["id"] for r in records if r["record"] == "event"}


# written for this test: the middle page holds the fault marker
PAGES = {
    "a.txt": "Chile–Kenya relations\n\nKenya opened an embassy in Santiago in 2015.\n",
    "b.txt": "Peru–Ghana relations\n\nGhana recalled its ambassador from Lima in 2021. "
             f"Peru and Ghana signed the {MARKER} fishing accord in 2023.\n",
    "c.txt": "Japan–Fiji relations\n\nJapan sent 300 tonnes of rice to Fiji in 2016.\n",
}


def test_ingest_skips_a_document_that_fails_and_stores_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    target = tmp_path / "kb.db"
    out = dyad("ingest", str(folder), "--db", str(target), env=fault_env(tmp_path / "site"))
    one_error_line(out, f"{folder / 'b.txt'}: document ",
                   "could not be extracted (ValueError: injected fault); nothing of it stored")
    assert out.stdout.startswith("2 documents stored;") and "1 skipped" in out.stdout
    assert "skipped: " + out.stderr.strip().removeprefix("dyad: ") in out.stdout
    with KnowledgeBase.open(str(target), create=False) as kb:
        assert sorted(d["title"] for d in kb.documents()) == ["Chile–Kenya relations",
                                                              "Japan–Fiji relations"]


def test_ingest_a_news_feed_from_stdin(tmp_path: Path) -> None:
    feed = "".join(json.dumps({"id": f"n{i}", "text": text, "date": "2004-05-03"}) + "\n"
                   for i, text in enumerate(["Chile and Peru signed a trade accord on Monday.",
                                             "Peru recalled its ambassador from Chile."]))
    out = dyad("ingest", "-", "--db", str(tmp_path / "kb.db"), stdin=feed)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("2 documents stored;")


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    from tests.kb import postgres

    try:
        server = postgres.start()
    except postgres.Unavailable as e:
        pytest.skip(f"PostgreSQL tests skipped: {e}")
    yield postgres.create_schema(server, "cli")
    if callable(server.stop):
        server.stop()


def test_the_same_commands_on_postgres(postgres_url: str, db: Path) -> None:
    out = dyad("ingest", str(EXAMPLE), "--db", postgres_url)
    assert out.returncode == 0, out.stderr
    assert "1 document stored" in out.stdout and "pw" not in out.stdout
    for args in (["timeline", "Burkina Faso", "Russia"], ["dyads"], ["facts"],
                 ["series", "BFA", "RUS", "--by", "month"], ["search", "students"]):
        on_postgres = jsonl(dyad(*args, "--format", "jsonl", "--db", postgres_url))
        on_sqlite = jsonl(dyad(*args, "--format", "jsonl", db=db))
        assert on_postgres == on_sqlite and on_postgres, args
