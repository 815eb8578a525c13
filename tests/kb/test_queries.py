"""Events and facts by dyad, country, type, time, status; names or codes; lineage."""

from __future__ import annotations

import pytest

from dyad.errors import DataError
from dyad.kb import KnowledgeBase, parse_dyad
from tests.kb.records import document, event, mali_russia, when


@pytest.fixture
def filled(kb: KnowledgeBase) -> KnowledgeBase:
    kb.ingest_records(mali_russia())
    kb.ingest_records([document("doc-c", "Chile–Peru relations", "chile.txt"),
                       event("doc-c", "c1", "AGREE", ["CHL"], ["PER"], when("2001")),
                       event("doc-c", "c2", "AID", ["CHL"], [], when("2002"))])
    return kb


def ids(records: list[dict]) -> list[str]:
    return [r["id"] for r in records]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [({}, ["doc-a-e1", "doc-a-e2", "c1", "c2", "doc-a-e3", "doc-a-e4"]),
     ({"dyad": ("Mali", "Russia")}, ["doc-a-e1", "doc-a-e2", "doc-a-e3"]),
     ({"dyad": ("MLI", "RUS"), "strict": True}, ["doc-a-e3"]),
     ({"dyad": ("Russia", "mali")}, ["doc-a-e1", "doc-a-e2", "doc-a-e3"]),
     ({"dyad": ("Soviet Union", "Mali"), "strict": True}, ["doc-a-e1", "doc-a-e2"]),
     ({"dyad": "MLI-RUS"}, ["doc-a-e1", "doc-a-e2", "doc-a-e3"]),
     ({"country": "Chile"}, ["c1", "c2"]),
     ({"country": "FRA"}, ["doc-a-e4"]),
     ({"event_type": "aid"}, ["doc-a-e2", "c2"]),
     ({"start": "1990", "end": "2021"}, ["c1", "c2", "doc-a-e3"]),
     ({"start": "2021-12-15"}, ["doc-a-e3", "doc-a-e4"]),
     ({"end": "1960"}, ["doc-a-e1"]),
     ({"status": "alleged"}, ["doc-a-e3"]),
     ({"document": "doc-c"}, ["c1", "c2"]),
     ({"limit": 2, "offset": 1}, ["doc-a-e2", "c1"])],
)
def test_event_filters(filled: KnowledgeBase, filters: dict, expected: list[str]) -> None:
    assert ids(filled.events(**filters)) == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [({}, ["doc-a-f1", "doc-a-f3", "doc-a-f2"]),
     ({"kind": "ambassador"}, ["doc-a-f3"]),
     ({"kind": "Diplomatic relations"}, ["doc-a-f1"]),
     ({"country": "MLI"}, ["doc-a-f1", "doc-a-f3", "doc-a-f2"]),
     ({"country": "MLI", "strict": True}, ["doc-a-f1", "doc-a-f3", "doc-a-f2"]),
     ({"country": "RUS", "strict": True}, ["doc-a-f3", "doc-a-f2"]),
     ({"dyad": ("Mali", "Russia"), "kind": "diplomatic_relations"}, ["doc-a-f1"]),
     ({"country": "Chile"}, [])],
)
def test_fact_filters(filled: KnowledgeBase, filters: dict, expected: list[str]) -> None:
    assert ids(filled.facts(**filters)) == expected


@pytest.mark.parametrize("call", [
    lambda kb: kb.events(country="Atlantis"),
    lambda kb: kb.events(dyad=("Mali", "Atlantis")),
    lambda kb: kb.facts(country="Atlantis"),
    lambda kb: kb.timeline("Atlantis", "Mali"),
    lambda kb: kb.events(start="yesterday"),
    lambda kb: kb.events(event_type="HUG"),
    lambda kb: kb.events(status="rumoured"),
    lambda kb: kb.facts(kind="friendship"),
])
def test_unknown_names_are_data_errors(filled: KnowledgeBase, call) -> None:
    with pytest.raises(DataError):
        call(filled)


def test_country_names(filled: KnowledgeBase) -> None:
    assert filled.country("Mali") == "MLI"
    assert filled.country("mli") == "MLI"
    with pytest.raises(DataError, match="Atlantis"):
        filled.country("Atlantis")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("MLI-RUS", ("MLI", "RUS")), ("Mali,Russia", ("Mali", "Russia")),
     ("Mali–Russia", ("Mali", "Russia")), ("Guinea-Bissau-Russia", ("Guinea-Bissau", "Russia"))],
)
def test_parse_dyad(value: str, expected: tuple[str, str]) -> None:
    from dyad.kb.countries import code_of

    assert parse_dyad(value, code_of) == expected


def test_parse_dyad_names_the_unknown_side() -> None:
    from dyad.kb.countries import code_of

    with pytest.raises(DataError, match="Atlantis"):
        parse_dyad("Mali-Atlantis", code_of)
    with pytest.raises(DataError, match="two countries"):
        parse_dyad("Mali", code_of)


def test_documents_listing(filled: KnowledgeBase) -> None:
    assert [d["id"] for d in filled.documents()] == ["doc-a", "doc-c"]
    assert [d["id"] for d in filled.documents(limit=1, offset=1)] == ["doc-c"]
