"""The ICEWS event table, read back with pandas."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from dyad.kb import KnowledgeBase
from dyad.kb.export import write_table
from dyad.kb.icews import COLUMNS
from tests.kb.analysts import DOC, analysts_records


@pytest.fixture
def kb(tmp_path: Path) -> Iterator[KnowledgeBase]:
    base = KnowledgeBase.open(str(tmp_path / "kb.db"))
    records = analysts_records()
    aid = next(r for r in records if r.get("id") == "a-e2")
    aid["cameo"] = "0711"  # hand-written records carry no CAMEO code; give one a code
    aid["actors"][0]["sector"] = "GOV"
    aid["location"] = {"name": "Bamako", "country": "MLI", "lat": 12.65, "lon": -8.0}
    aid["citations"] = [{"label": "3", "text": "Sahel Review", "publisher": "Sahel Review"}]
    base.ingest_records(records)
    yield base
    base.close()


def test_icews_table(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "events.tsv"
    rows = kb.icews()
    assert write_table(rows, COLUMNS, str(path), "tsv") == len(rows)
    frame = pd.read_csv(path, sep="\t", dtype={"CAMEO Code": str, "Event Date": str})
    assert list(frame.columns) == list(COLUMNS)
    # the joint act: one row each way; the denied threat: none
    assert len(frame) == 7
    assert sorted(frame[frame["Event ID"].str.startswith("a-e1")]["Event ID"]) == \
        ["a-e1-1", "a-e1-2"]
    assert "a-e7" not in set(frame["Event ID"])
    aid = frame[frame["Event ID"] == "a-e2"].iloc[0]
    assert aid["Event Date"] == "1961"  # the precision the text gives
    assert (aid["Source Name"], aid["Source Country"], aid["Target Country"]) == \
        ("Soviet Union", "Soviet Union", "Mali")
    assert aid["Source Sectors"] == "government,executive"
    assert aid["CAMEO Code"] == "0711" and aid["Intensity"] == pytest.approx(7.4)
    assert aid["Event Text"].startswith("In 1961 Soviet engineers arrived in Mali")
    assert (aid["Story ID"], aid["Sentence Number"], aid["Publisher"]) == (DOC, 2, "Sahel Review")
    assert (aid["City"], aid["Country"]) == ("Bamako", "Mali")
    assert (aid["Latitude"], aid["Longitude"]) == (12.65, -8.0)
    assert frame["Intensity"].sum() == pytest.approx(3 * 2 + 7.4 + 1 - 2 + 6 - 10)


def test_icews_filters(kb: KnowledgeBase) -> None:
    assert len(kb.icews(min_confidence=0.5)) == 6  # the unsure attack is left out
    assert [r["Event ID"] for r in kb.icews(status="denied")] == ["a-e7"]
    assert {r["Event ID"] for r in kb.icews(start="2021")} == {"a-e5", "a-e6"}
