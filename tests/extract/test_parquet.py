"""Parquet part files: a row per record, whole documents per part, restart by document."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402

from dyad.extract.parquet import (  # noqa: E402
    COLUMNS,
    PartWriter,
    by_document,
    part_files,
    read_parts,
    record_row,
    written_documents,
)

DOC = {"record": "document", "id": "d1", "title": "T"}
REF = {"record": "reference", "document": "d1", "label": "1", "text": "A book."}
EVENT = {"record": "event", "id": "e1", "event_type": "AGREE",
         "actors": [{"name": "Chad", "country": "TCD"}],
         "recipients": [{"name": "Niger", "country": "NER"}, {"name": "UN", "country": None}],
         "date": {"start": "2021-03", "end": None, "precision": "month"},
         "evidence": {"document": "d1", "sentence": 0}}
FACT = {"record": "fact", "id": "f1", "kind": "embassy",
        "subject": {"name": "Chad", "country": "TCD"}, "object": {"name": "Niger", "country": "NER"},
        "valid": {"start": "1961", "end": None, "precision": "year"},
        "evidence": {"document": "d1", "sentence": 1}}


def test_rows_hold_the_record_and_its_filter_columns() -> None:
    row = record_row(EVENT)
    assert tuple(row) == COLUMNS
    assert json.loads(row["json"]) == EVENT
    assert (row["record"], row["id"], row["document"], row["event_type"], row["date_start"],
            row["actor_countries"], row["recipient_countries"]) == (
        "event", "e1", "d1", "AGREE", "2021-03", ["TCD"], ["NER"])
    fact = record_row(FACT)
    assert (fact["date_start"], fact["actor_countries"], fact["recipient_countries"]) == (
        "1961", ["TCD"], ["NER"])
    assert record_row(DOC)["document"] == "d1" and record_row(REF)["document"] == "d1"


def test_by_document_never_gives_a_document_cut_short() -> None:
    def stream() -> Iterator[dict]:
        yield from (DOC, EVENT, {**DOC, "id": "d2"})
        raise KeyboardInterrupt  # stopped inside d2

    groups = []
    with pytest.raises(KeyboardInterrupt):
        for group in by_document(stream()):
            groups.append(group)
    assert groups == [("d1", [DOC, EVENT])]
    assert list(by_document([DOC, REF, {**DOC, "id": "d2"}])) == [
        ("d1", [DOC, REF]), ("d2", [{**DOC, "id": "d2"}])]


def test_parts_are_whole_documents_and_a_second_writer_knows_them(tmp_path: Path) -> None:
    writer = PartWriter(tmp_path / "out", part_documents=2)
    docs = [[{**DOC, "id": f"d{i}"}, {**EVENT, "id": f"e{i}",
                                       "evidence": {"document": f"d{i}", "sentence": 0}}]
            for i in range(5)]
    for records in docs:
        assert writer.claim(records[0]["id"])
        writer.add([record_row(r) for r in records])
    writer.close()
    assert len(part_files(tmp_path / "out")) == 3  # 2 + 2 + 1
    table = pq.read_table(part_files(tmp_path / "out")[0])
    assert table.schema.names == list(COLUMNS)
    assert table.column("actor_countries").type == pa.list_(pa.string())
    assert written_documents(tmp_path / "out") == {f"d{i}" for i in range(5)}
    again = PartWriter(tmp_path / "out")
    assert not again.claim("d3") and again.claim("d9") and not again.claim("d9")
    assert again.skipped == 1
    back = [group for part in part_files(tmp_path / "out") for group in read_parts(part)]
    assert sorted(back, key=lambda g: g[0]["id"]) == docs


def test_an_unfinished_part_is_not_read_and_is_cleared(tmp_path: Path) -> None:
    (tmp_path / ".part-x.parquet.tmp").write_bytes(b"PAR1 cut short")
    writer = PartWriter(tmp_path)
    assert writer.done == set()
    assert not list(tmp_path.glob(".part-*"))
