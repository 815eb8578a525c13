"""Exports: flat rows, files written whole or not at all, optional packages named."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

from dyad.errors import DyadError
from dyad.kb import KnowledgeBase
from dyad.kb.export import Records, flat_event, flat_fact, when_text, write_file
from tests.kb.records import mali_russia, when


@pytest.fixture
def records(kb: KnowledgeBase) -> Records:
    kb.ingest_records(mali_russia())
    return kb.events()


@pytest.mark.parametrize(
    ("value", "text"),
    [(when("1967-02-18"), "1967-02-18"), (when("2015", "2019"), "2015–2019"),
     (when("2010", modifier="since"), "since 2010"), (when(None, "1991"), "until 1991"),
     (when(), "undated"), (None, "undated")],
)
def test_when_text(value: dict | None, text: str) -> None:
    assert when_text(value) == text


def test_flat_rows() -> None:
    event_row = flat_event(mali_russia()[5])
    assert event_row["actor_countries"] == "RUS" and event_row["recipient_countries"] == "MLI"
    assert (event_row["status"], event_row["date"], event_row["citations"]) == \
        ("alleged", "2021-12", "2")
    fact_row = flat_fact(mali_russia()[-1])
    assert (fact_row["kind"], fact_row["person"], fact_row["date"]) == \
        ("ambassador", "Alexey Dulian", "2015–2019")


def test_jsonl_and_csv_files(records: Records, tmp_path: Path) -> None:
    assert write_file(records, "jsonl", str(tmp_path / "e.jsonl")) == 4
    lines = (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x) for x in lines] == list(records)
    assert write_file(records, "csv", str(tmp_path / "e.csv")) == 4
    rows = list(csv.DictReader((tmp_path / "e.csv").open(encoding="utf-8")))
    assert [r["id"] for r in rows] == [r["id"] for r in records]


def test_parquet_file(records: Records, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    write_file(records, "parquet", str(tmp_path / "e.parquet"))
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == 4 and table.column("goldstein").to_pylist()[1] == 7.4


def test_parquet_without_pyarrow_says_how_to_install(records: Records, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now fails
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(DyadError, match=r"pip install 'dyad\[parquet\]'"):
        write_file(records, "parquet", str(out / "e.parquet"))
    assert list(out.iterdir()) == []


def test_a_failed_export_leaves_no_file(tmp_path: Path) -> None:
    def broken():
        yield {"record": "event", "id": "x"}
        raise RuntimeError("disk on fire")

    target = tmp_path / "out.jsonl"
    target.write_text("the previous export\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        write_file(broken(), "jsonl", str(target))
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


@pytest.mark.parametrize(("name", "message"), [("missing/out.csv", "does not exist"),
                                               (".", "is a folder")])
def test_bad_targets(records: Records, tmp_path: Path, name: str, message: str) -> None:
    with pytest.raises(DyadError, match=message):
        write_file(records, "csv", str(tmp_path / name))


def test_dataframes(records: Records) -> None:
    for method, package in (("to_pandas", "pandas"), ("to_polars", "polars")):
        try:
            __import__(package)
        except ImportError:
            with pytest.raises(DyadError, match=f"pip install {package}"):
                getattr(records, method)()
        else:
            frame = getattr(records, method)()
            assert len(frame) == 4 and "event_type" in frame.columns
