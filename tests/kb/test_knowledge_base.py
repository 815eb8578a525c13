"""KnowledgeBase.ingest on real files: read, extract, store, search the sentences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dyad.errors import DyadError
from dyad.kb import KnowledgeBase
from dyad.pipeline import extract_records
from dyad.read import read_path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "burkina_faso-russia.txt"

PAGE = """Chile–Kenya relations

From Wikipedia, the free encyclopedia

Chile–Kenya relations are the bilateral relations between Chile and Kenya.

History

[edit]

Kenya and Chile established diplomatic relations on 5 May 1964.[1] In 1971 Chile granted Kenya a loan of $20 million.[2]

Kenya has an embassy in Santiago, and Chile has an embassy in Nairobi.[1] Copper traders from both countries met in Valparaíso every spring.

References

[edit]

    1. ^ "Chile and Kenya open ties". The Example Times. 6 May 1964.
    2. ^ Ruiz, Pat (2016). "Loans and envoys". Andes Review. Retrieved 1 June 2017.
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "chile-kenya.txt").write_text(PAGE, encoding="utf-8")
    (pages / "empty.txt").write_text("", encoding="utf-8")
    return pages


def test_ingest_a_folder_stores_what_extract_prints(kb: KnowledgeBase, folder: Path) -> None:
    errors: list[DyadError] = []
    seen: list[object] = []
    summary = kb.ingest([str(folder)], on_error=errors.append, progress=seen.append)
    assert summary.documents == 1 and len(summary.skipped) == 1
    assert "empty file" in summary.skipped[0] and len(errors) == 1
    assert len(seen) == 2 and None in seen  # one stored, one skipped
    [doc] = read_path(folder / "chile-kenya.txt")
    expected = list(extract_records(doc))
    events = {r["id"]: r for r in expected if r["record"] == "event"}
    facts = {r["id"]: r for r in expected if r["record"] == "fact"}
    assert summary.events == len(events) and summary.facts == len(facts)
    assert {r["id"]: r for r in kb.events()} == events
    assert {r["id"]: r for r in kb.facts()} == facts


def test_every_sentence_is_searchable(kb: KnowledgeBase, folder: Path) -> None:
    kb.ingest([str(folder)])
    [hit] = kb.search("copper traders")  # a sentence no record stands on
    assert hit["title"] == "Chile–Kenya relations" and hit["section"] == "History"
    assert PAGE.find("Copper") >= 0 and hit["text"].startswith("Copper traders")


def test_ingest_twice_is_idempotent(kb: KnowledgeBase) -> None:
    first = kb.ingest([str(EXAMPLE)])
    before = (kb.stats(), kb.events(), kb.facts())
    second = kb.ingest([str(EXAMPLE)])
    assert first.documents == 1 and second.documents == 0 and second.unchanged == 1
    assert (kb.stats(), kb.events(), kb.facts()) == before


def test_example_timeline_runs_through_the_soviet_era(kb: KnowledgeBase) -> None:
    kb.ingest([str(EXAMPLE)])
    timeline = kb.timeline("Burkina Faso", "Russia")
    dated = [r for r in timeline if (r.get("date") or r.get("valid"))["start"]]
    countries = {e["country"] for r in dated for e in r.get("actors", []) if e["country"]}
    assert {"SUN", "HVO"} <= countries
    starts = [(r.get("date") or r.get("valid"))["start"] for r in dated]
    assert starts == sorted(starts)
    strict = kb.timeline("Burkina Faso", "Russia", strict=True)
    assert 0 < len(strict) < len(timeline)


def test_a_document_that_fails_to_store_is_rolled_back_and_the_rest_stored(
        kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # fault injection: a bug that breaks storing one document after its rows went in
    import dyad.kb.knowledge_base as knowledge_base

    real = knowledge_base.store_document

    def failing(conn: Any, records: list[dict], *args: Any) -> Any:
        result = real(conn, records, *args)
        if records[0]["title"] == "Chile–Kenya relations":
            raise RuntimeError("injected fault")
        return result

    monkeypatch.setattr(knowledge_base, "store_document", failing)
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text("Peru–Ghana relations\n\nGhana recalled its ambassador "
                                 "from Lima in 2021.\n", encoding="utf-8")
    (pages / "b.txt").write_text(PAGE, encoding="utf-8")
    (pages / "c.txt").write_text("Japan–Fiji relations\n\nJapan sent 300 tonnes of rice to "
                                 "Fiji in 2016.\n", encoding="utf-8")
    errors: list[DyadError] = []
    summary = kb.ingest([str(pages)], on_error=errors.append)
    assert summary.documents == 2 and len(errors) == 1
    [doc] = read_path(pages / "b.txt")
    assert summary.skipped == [str(errors[0])] == [
        f"{pages / 'b.txt'}: document {doc.id}: could not be stored (RuntimeError: injected "
        "fault); its transaction was rolled back, nothing of it stored"]
    assert sorted(d["title"] for d in kb.documents()) == ["Japan–Fiji relations",
                                                          "Peru–Ghana relations"]
    assert kb.stats()["events"] == summary.events and kb.search("Santiago") == []
