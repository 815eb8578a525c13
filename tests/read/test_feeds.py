"""News feeds: CSV rows and compressed JSON lines are the documents a JSON line would be."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

from dyad.errors import DyadError, FormatError
from dyad.read import iter_documents
from dyad.read.select import Selection

ITEMS = [
    {"id": "n1", "title": "Border talks", "date": "2021-05-04",
     "text": "Chad and Niger signed an agreement on Tuesday."},
    {"id": "n2", "title": "Rain", "date": "2021-05-05", "text": "It rained in Niamey."},
]


def write_csv(path: Path, items: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["id", "title", "date", "text"])
        writer.writeheader()
        writer.writerows(items)
    return path


def test_csv_rows_are_the_json_lines_documents(tmp_path: Path) -> None:
    lines = tmp_path / "feed.jsonl"
    lines.write_text("".join(json.dumps(i) + "\n" for i in ITEMS), encoding="utf-8")
    from_csv = list(iter_documents([str(write_csv(tmp_path / "feed.csv", ITEMS))]))
    from_jsonl = list(iter_documents([str(lines)]))
    assert [(d.id, d.title, d.date, d.text) for d in from_csv] == [
        (d.id, d.title, d.date, d.text) for d in from_jsonl]
    assert from_csv[0].source == f"{tmp_path / 'feed.csv'}:1"


def test_gzipped_csv_and_jsonl_and_titles(tmp_path: Path) -> None:
    plain = write_csv(tmp_path / "feed.csv", ITEMS)
    packed = tmp_path / "feed.csv.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    lines = tmp_path / "feed.jsonl.gz"
    lines.write_bytes(gzip.compress("".join(json.dumps(i) + "\n" for i in ITEMS).encode()))
    assert [d.id for d in iter_documents([str(packed)])] == ["n1", "n2"]
    assert [d.id for d in iter_documents([str(lines)])] == ["n1", "n2"]
    assert [d.id for d in iter_documents([str(lines)], select=Selection("border*"))] == ["n1"]
    assert [d.id for d in iter_documents([str(packed)], select=Selection("rain"))] == ["n2"]


def test_csv_without_text_column_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    with pytest.raises(FormatError, match="header has no 'text' column"):
        list(iter_documents([str(path)]))


def test_bad_csv_row_costs_that_row(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "feed.csv", [ITEMS[0], {**ITEMS[1], "date": "May 5"}])
    errors: list[DyadError] = []
    assert [d.id for d in iter_documents([str(path)], on_error=errors.append)] == ["n1"]
    assert len(errors) == 1 and "line 2" in str(errors[0])
