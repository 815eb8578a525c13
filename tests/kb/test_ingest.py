"""Storing documents: round trips, idempotency, new versions, bad records."""

from __future__ import annotations

import pytest

from dyad.errors import DataError
from dyad.kb import KnowledgeBase
from tests.kb.records import document, event, mali_russia, when


def _contract(records: list[dict], kind: str) -> dict[str, dict]:
    return {r["id"]: r for r in records if r["record"] == kind}


def test_records_come_back_exactly(kb: KnowledgeBase) -> None:
    records = mali_russia()
    result = kb.ingest_records(records)
    assert (result.status, result.events, result.facts) == ("added", 4, 3)
    assert {r["id"]: r for r in kb.events()} == _contract(records, "event")
    assert {r["id"]: r for r in kb.facts()} == _contract(records, "fact")
    doc = kb.document("doc-a")
    assert doc is not None and doc["title"] == "Mali–Russia relations" and doc["ingested_at"]
    assert {k: v for k, v in doc.items() if k != "ingested_at"} == records[0]
    assert [r["label"] for r in kb.references("doc-a")] == ["1", "2"]
    assert kb.event("doc-a-e3")["status"] == "alleged"
    assert kb.event("nope") is None and kb.document("nope") is None


def test_same_document_twice_changes_nothing(kb: KnowledgeBase) -> None:
    kb.ingest_records(mali_russia())
    before = (kb.stats(), kb.events(), kb.facts(), kb.documents())
    again = kb.ingest_records(mali_russia())
    assert again.status == "unchanged"
    assert (kb.stats(), kb.events(), kb.facts(), kb.documents()) == before


@pytest.mark.parametrize(
    ("new_id", "title", "source"),
    [("doc-b", "Mali–Russia relations", "elsewhere.txt"),  # same title
     ("doc-b", "Another title", "pages/mali-russia.txt"),  # same source
     ("doc-a", "Another title", "elsewhere.txt")],  # same id, other content
)
def test_a_new_version_replaces_the_old_records(kb: KnowledgeBase, new_id: str, title: str,
                                                source: str) -> None:
    kb.ingest_records(mali_russia())
    newer = [document(new_id, title, source),
             event(new_id, f"{new_id}-n1", "CONSULT", ["MLI"], ["RUS"], when("2023-06-01"))]
    result = kb.ingest_records(newer)
    assert result.status == "replaced" and result.replaced == ["doc-a"]
    assert [e["id"] for e in kb.events()] == [f"{new_id}-n1"]
    assert kb.facts() == []
    assert [d["id"] for d in kb.documents()] == [new_id]
    assert kb.references(new_id) == []


def test_other_documents_are_left_alone(kb: KnowledgeBase) -> None:
    kb.ingest_records(mali_russia())
    other = [document("doc-c", "Chile–Peru relations", "chile.txt"),
             event("doc-c", "c1", "AGREE", ["CHL"], ["PER"], when("2001"))]
    kb.ingest_records(other)
    assert kb.stats()["documents"] == 2
    assert {e["id"] for e in kb.events(document="doc-c")} == {"c1"}


def test_stdin_documents_are_not_versions_of_each_other(kb: KnowledgeBase) -> None:
    kb.ingest_records([document("s1", None, "-"), event("s1", "x1", "AGREE", ["CHL"], ["PER"])])
    kb.ingest_records([document("s2", None, "-"), event("s2", "x2", "AGREE", ["PER"], ["CHL"])])
    assert kb.stats()["documents"] == 2


@pytest.mark.parametrize(
    ("records", "message"),
    [([event("d", "e", "AID", ["MLI"], ["RUS"])], "no document record"),
     ([document("d"), document("e")], "second document"),
     ([document("d"), {"record": "opinion"}], "not a dyad record"),
     ([document("d"), event("other", "e", "AID", ["MLI"], ["RUS"])], "comes from document other"),
     ([document("d"), {**event("d", "e", "AID", ["MLI"], ["RUS"]), "id": ""}], "without an id")],
)
def test_bad_records_are_refused_whole(kb: KnowledgeBase, records: list[dict],
                                       message: str) -> None:
    with pytest.raises(DataError, match=message):
        kb.ingest_records(records)
    assert kb.stats()["documents"] == 0


def test_a_failure_mid_document_leaves_nothing(kb: KnowledgeBase) -> None:
    records = mali_russia()
    records[5] = {**records[5], "actors": object()}  # not JSON-serialisable: fails mid-store
    with pytest.raises(TypeError):
        kb.ingest_records(records)
    assert kb.stats() == {"documents": 0, "events": 0, "facts": 0, "sentences": 0}


def test_search_indexes_evidence_sentences_without_the_document(kb: KnowledgeBase) -> None:
    kb.ingest_records(mali_russia())
    hits = kb.search("mercenaries")
    assert {h["sentence"] for h in hits} == {3, 4}
    assert all(h["document"] == "doc-a" and h["section"] == "History" for h in hits)
