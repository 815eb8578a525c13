"""`dyad export --format panel|icews|graphml|gexf` as an analyst runs it: a knowledge base
ingested from a document written for this test, the files read back with pandas and
networkx, and their values checked against the events the knowledge base holds."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from dyad.kb.icews import COLUMNS as ICEWS_COLUMNS
from dyad.kb.pairs import HAPPENED, directed_pairs
from dyad.kb.panel import columns
from tests.cli.test_kb import ROOT, dyad, jsonl, one_error_line
from tests.kb.analysts import analysts_records

# own words: a short history of one pair, with a third state at the end
PAGE = """Mali–Soviet Union relations

Mali and the Soviet Union established diplomatic relations on 14 October 1960. The Soviet \
Union opened an embassy in Bamako in 1961.

In March 1961, the Soviet Union sent geologists and teachers to Mali. In May 1962, President \
Modibo Keïta visited Moscow and met Soviet leaders. In 1968, the Malian government accused the \
Soviet Union of interfering in its affairs.

In 1973, Mali broke off diplomatic relations with Israel.

In December 2021, Russia delivered four helicopters to Mali. In February 2022, France \
condemned Mali for expelling its ambassador.
"""


@pytest.fixture(scope="module")
def page_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("page")
    (folder / "mali-soviet.txt").write_text(PAGE, encoding="utf-8")
    db = folder / "kb.db"
    out = dyad("ingest", str(folder / "mali-soviet.txt"), db=db)
    assert out.returncode == 0, out.stderr
    return db


@pytest.fixture(scope="module")
def records_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("records")
    source = folder / "notes.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in analysts_records()), "utf-8")
    db = folder / "kb.db"
    out = dyad("ingest", str(source), db=db)
    assert out.returncode == 0, out.stderr
    return db


def _export(db: Path, tmp: Path, name: str, *args: str) -> Path:
    path = tmp / name
    out = dyad("export", *args, "-o", str(path), db=db)
    assert out.returncode == 0, out.stderr
    assert f"→ {path}" in out.stderr
    return path


def test_panel_matches_the_events_it_counts(page_db: Path, tmp_path: Path) -> None:
    events = [e for e in jsonl(dyad("events", "--format", "jsonl", db=page_db))
              if e["status"] in HAPPENED]
    expected: Counter[tuple[int, str, str]] = Counter()
    quads: Counter[tuple[int, str, str, int]] = Counter()
    goldstein: Counter[tuple[int, str, str]] = Counter()
    for e in events:
        if not (e["date"] or {}).get("start"):
            continue
        year = int(e["date"]["start"][:4])
        for a, b in directed_pairs(e):
            expected[(year, a, b)] += 1
            quads[(year, a, b, e["quad_class"])] += 1
            goldstein[(year, a, b)] += e["goldstein"] or 0
    assert expected, "the page gave no events between states"

    for name in ("panel.csv", "panel.parquet"):
        path = _export(page_db, tmp_path, name, "--format", "panel")
        frame = pd.read_csv(path) if name.endswith(".csv") else pd.read_parquet(path)
        assert list(frame.columns) == columns("year")
        with_events = frame[frame.events > 0]
        found = {(r.year, r.iso_a, r.iso_b): r.events for r in with_events.itertuples()}
        assert found == dict(expected)
        for r in with_events.itertuples():
            for quad, column in enumerate(("verbal_coop", "material_coop", "verbal_conflict",
                                           "material_conflict"), 1):
                assert getattr(r, column) == quads[(r.year, r.iso_a, r.iso_b, quad)]
            assert r.goldstein == pytest.approx(goldstein[(r.year, r.iso_a, r.iso_b)])

        # the Soviet Union keeps its own COW code, 365, like Russia
        assert set(frame[frame.iso_a == "SUN"].cow_a) == {365}
        assert set(frame[frame.iso_a == "MLI"].cow_a) == {432}
        # relations established in 1960 hold in the quiet years, which are rows too
        quiet = frame[(frame.year == 1965) & (frame.iso_a == "SUN") & (frame.iso_b == "MLI")]
        assert len(quiet) == 1 and quiet.iloc[0].events == 0 and quiet.iloc[0].relations == 1
        assert quiet.iloc[0].embassy_a_in_b == 1  # the embassy opened in Bamako in 1961
        # relations with Israel broken off in 1973: held that year, not the next
        israel = frame[(frame.iso_a == "MLI") & (frame.iso_b == "ISR")]
        assert israel[israel.year == 1973].relations.tolist() == [1]
        assert israel[israel.year == 1974].empty


def test_icews_table_from_the_page(page_db: Path, tmp_path: Path) -> None:
    path = _export(page_db, tmp_path, "events.tsv", "--format", "icews")
    frame = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(ICEWS_COLUMNS)
    events = [e for e in jsonl(dyad("events", "--format", "jsonl", db=page_db))
              if e["status"] in HAPPENED]
    assert len(frame) >= len(events)
    texts = set(frame["Event Text"])
    assert {e["evidence"]["text"] for e in events} == texts
    for e in events:
        rows = frame[frame["Event ID"].str.startswith(e["id"])]
        assert not rows.empty
        assert set(rows["Event Date"]) == {e["date"]["start"]}
        assert set(rows["Intensity"].astype(float)) == {e["goldstein"]}
        assert set(rows["Sentence Number"].astype(int)) == {e["evidence"]["sentence"]}
    soviet = frame[frame["Source Country"] == "Soviet Union"]
    assert not soviet.empty and set(soviet["Event Date"].str[:4]) <= {"1960", "1961", "1968"}


@pytest.mark.parametrize(("fmt", "read"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_from_the_page(page_db: Path, tmp_path: Path, fmt: str, read) -> None:
    path = _export(page_db, tmp_path, f"states.{fmt}", "--format", fmt)
    graph = read(path)
    events = [e for e in jsonl(dyad("events", "--format", "jsonl", db=page_db))
              if e["status"] in HAPPENED]
    expected = Counter(p for e in events for p in directed_pairs(e))
    assert {(a, b): d["events"] for a, b, d in graph.edges(data=True)} == dict(expected)
    assert graph.nodes["SUN"]["cow"] == 365 and graph.nodes["SUN"]["name"] == "Soviet Union"
    assert graph.edges["SUN", "MLI"]["first"].startswith("1960")


def test_panel_options(records_db: Path, tmp_path: Path) -> None:
    path = _export(records_db, tmp_path, "undirected.csv", "--format", "panel", "--undirected",
                   "--from", "1960", "--to", "1963")
    frame = pd.read_csv(path)
    assert sorted(frame.year.unique()) == [1960, 1961, 1962, 1963]
    assert (frame.iso_a < frame.iso_b).all()
    pair = frame[(frame.iso_a == "MLI") & (frame.iso_b == "SUN")].set_index("year")
    assert pair.events.tolist() == [1, 2, 1, 0]
    assert pair.embassy_a_in_b.tolist() == [0, 0, 0, 1]  # Mali's, from 1963
    assert pair.embassy_b_in_a.tolist() == [0, 1, 1, 1]  # the Soviet Union's, from 1961

    out = dyad("export", "--format", "panel", "--by", "month", "-o",
               str(tmp_path / "months.parquet"), db=records_db)
    assert out.returncode == 0, out.stderr
    assert "2 events are undated or dated too coarsely for a month" in out.stderr
    months = pd.read_parquet(tmp_path / "months.parquet")
    assert months.month.str.fullmatch(r"\d{4}-\d{2}").all()
    assert months[months.month == "1961-05"].consult.sum() == 1

    unsure = pd.read_csv(_export(records_db, tmp_path, "sure.csv", "--format", "panel",
                                 "--min-confidence", "0.5"))
    france = unsure[(unsure.year == 2022) & (unsure.iso_a == "FRA")]
    assert france.events.tolist() == [0] and france.embassy_a_in_b.tolist() == [1]


def test_min_confidence_applies_to_the_record_exports(records_db: Path, tmp_path: Path) -> None:
    every = pd.read_csv(_export(records_db, tmp_path, "all.csv", "--format", "csv"))
    sure = pd.read_csv(_export(records_db, tmp_path, "sure.csv", "--format", "csv",
                               "--min-confidence", "0.5"))
    assert len(every) - len(sure) == 1 and "a-e6" not in set(sure.id)


@pytest.mark.parametrize(("args", "words"), [
    (("--format", "panel", "-o", "panel.txt"), ("*.csv or *.parquet",)),
    (("--format", "icews", "-o", "e.parquet"), ("*.tsv or *.csv",)),
    (("--format", "csv", "--by", "year", "-o", "e.csv"), ("--by", "--format csv")),
    (("--format", "graphml", "--undirected", "-o", "g.graphml"), ("--undirected",)),
    (("--format", "panel", "--records", "facts", "-o", "p.csv"), ("--records",)),
    (("--format", "panel", "--min-confidence", "2", "-o", "p.csv"), ("from 0 to 1",)),
    (("--format", "panel", "--from", "last year", "-o", "p.csv"), ("--from",)),
])
def test_bad_export_requests_get_one_line(records_db: Path, tmp_path: Path,
                                          args: tuple[str, ...], words: tuple[str, ...]) -> None:
    out = dyad("export", *args, db=records_db, cwd=tmp_path)
    one_error_line(out, *words)
    assert not [p for p in tmp_path.iterdir() if p.name != "kb.db"]


def test_the_readme_chart_script_runs(records_db: Path, tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, str(ROOT / "examples" / "panel_chart.py"), "Mali",
                          "Russia", "--db", str(records_db), "-o", str(tmp_path / "mr.png")],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    try:
        import matplotlib  # noqa: F401
    except ImportError:  # the table instead of the chart
        assert "cooperation" in out.stdout and "1961" in out.stdout
    else:
        assert (tmp_path / "mr.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
