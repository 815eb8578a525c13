"""The same event or fact told by several documents; contradictions kept and flagged."""

from __future__ import annotations

import pytest

from dyad.kb import KnowledgeBase, merge
from tests.kb.records import citation, document, event, fact, when


def doc(name: str, *records: dict) -> list[dict]:
    return [document(name, f"Title {name}", f"{name}.txt"), *records]


def aid(d: str, rid: str, date: str | None, event_type: str = "AID", **kw) -> dict:
    return event(d, rid, event_type, ["SUN"], ["MLI"], when(date) if date else when(),
                 quad=2, goldstein=7.4, cites=[citation("1", f"Source of {rid}")], **kw)


# -- pure rules -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("actors", "recipients", "pairs"),
    [(["SUN"], ["MLI"], [("MLI", "SUN")]),
     (["SUN", "MLI"], [], [("MLI", "SUN")]),
     (["MLI", "BFA"], ["RUS"], [("BFA", "RUS"), ("MLI", "RUS")]),
     (["MLI"], ["MLI", "RUS"], [("MLI", "RUS")]),
     (["CHL"], [], [("CHL", "")]),
     ([None], [None], [])],
)
def test_event_pairs(actors: list, recipients: list, pairs: list) -> None:
    record = event("d", "e", "AID", actors, recipients)
    assert merge.event_pairs(record) == pairs


def test_event_key_needs_two_sides() -> None:
    one_sided = event("d", "e", "AID", ["CHL"], [])
    assert merge.event_key(one_sided, merge.event_pairs(one_sided)) is None
    two = event("d", "e", "AID", ["SUN"], ["MLI"])
    assert merge.event_key(two, merge.event_pairs(two)) == "AID|MLI-SUN"


def test_relations_key_ignores_direction_embassy_key_keeps_it() -> None:
    r1 = fact("d", "f", "diplomatic_relations", "SUN", "MLI")
    r2 = fact("d", "f", "diplomatic_relations", "MLI", "SUN")
    e1, e2 = fact("d", "f", "embassy", "RUS", "MLI"), fact("d", "f", "embassy", "MLI", "RUS")
    assert merge.fact_key(r1) == merge.fact_key(r2)
    assert merge.fact_key(e1) != merge.fact_key(e2)


@pytest.mark.parametrize(
    ("x", "y", "same", "conflict"),
    [(when("1960-10-14"), when("1960"), True, False),
     (when("1960-10-14"), when("1961"), False, True),
     (when(), when("1961"), True, False),
     (when("2015", "2019"), when("2015", "2018"), False, True),
     (when("1960", modifier="established"), when("1975", modifier="restored"), False, False)],
)
def test_fact_dates(x: dict, y: dict, same: bool, conflict: bool) -> None:
    a = fact("d1", "a", "diplomatic_relations", "SUN", "MLI", x)
    b = fact("d2", "b", "diplomatic_relations", "MLI", "SUN", y)
    assert merge.facts_match(a, b) is same
    assert merge.facts_conflict(a, b) is conflict


def test_different_ambassadors_neither_merge_nor_conflict() -> None:
    a = fact("d1", "a", "ambassador", "RUS", "MLI", when("2015", "2019"), person="Ivan Petrov")
    b = fact("d2", "b", "ambassador", "RUS", "MLI", when("2019", "2023"), person="Oleg Sidorov")
    assert not merge.facts_match(a, b) and not merge.facts_conflict(a, b)


# -- in the store ----------------------------------------------------------------------------

def test_same_event_in_two_documents_is_one_event(kb: KnowledgeBase) -> None:
    kb.ingest_records(doc("A", aid("A", "a1", "1961")))
    result = kb.ingest_records(doc("B", aid("B", "b1", "1961-03", sentence=4)))
    assert result.merged == 1
    [merged] = kb.events()
    assert merged["id"] == "a1" and merged["evidence"]["document"] == "A"
    assert [s["evidence"]["document"] for s in merged["sources"]] == ["A", "B"]
    assert [c["title"] for c in merged["citations"]] == ["Source of a1", "Source of b1"]
    assert kb.event("b1") == merged  # any telling's id finds the event
    [pair] = kb.dyads()
    assert pair["events"] == 1


@pytest.mark.parametrize(
    "second",
    [aid("B", "b1", "1962"),  # another year
     aid("B", "b1", None),  # undated: nothing says it is the same
     aid("B", "b1", "1961", event_type="CONSULT"),  # another type
     event("B", "b1", "AID", ["SUN"], ["BFA"], when("1961"))],  # another pair
)
def test_different_events_stay_apart(kb: KnowledgeBase, second: dict) -> None:
    kb.ingest_records(doc("A", aid("A", "a1", "1961")))
    kb.ingest_records(doc("B", second))
    assert len(kb.events()) == 2 and all("sources" not in e for e in kb.events())


def test_one_document_telling_twice_is_not_merged(kb: KnowledgeBase) -> None:
    kb.ingest_records(doc("A", aid("A", "a1", "1961"), aid("A", "a2", "1961", sentence=3)))
    assert len(kb.events()) == 2


def test_a_later_telling_joins_only_when_it_fits_every_telling(kb: KnowledgeBase) -> None:
    kb.ingest_records(doc("A", aid("A", "a1", "1961")))
    kb.ingest_records(doc("B", aid("B", "b1", "1961-03")))
    kb.ingest_records(doc("C", aid("C", "c1", "1961-07")))  # fits 1961, not March 1961
    assert sorted(len(e.get("sources", [1])) for e in kb.events()) == [1, 2]


def test_replacing_the_first_telling_falls_back_on_the_others(kb: KnowledgeBase) -> None:
    kb.ingest_records(doc("A", aid("A", "a1", "1961")))
    kb.ingest_records(doc("B", aid("B", "b1", "1961-03")))
    newer = [document("A2", "Title A", "A.txt"),
             event("A2", "a2", "CONSULT", ["MLI"], ["RUS"], when("2020"))]
    assert kb.ingest_records(newer).replaced == ["A"]
    by_id = {e["id"]: e for e in kb.events()}
    assert set(by_id) == {"b1", "a2"}
    assert "sources" not in by_id["b1"] and by_id["b1"]["date"]["start"] == "1961-03"
    assert kb.events(dyad=("MLI", "SUN"), start="1961-03", end="1961-03") == [by_id["b1"]]


def test_same_fact_merged_and_conflicting_dates_flagged(kb: KnowledgeBase) -> None:
    rel = "diplomatic_relations"
    kb.ingest_records(doc("A", fact("A", "fa", rel, "SUN", "MLI", when("1960-10-14"))))
    kb.ingest_records(doc("B", fact("B", "fb", rel, "MLI", "SUN", when("1960"))))
    kb.ingest_records(doc("C", fact("C", "fc", rel, "SUN", "MLI", when("1961-01-02"))))
    facts = {f["id"]: f for f in kb.facts()}
    assert set(facts) == {"fa", "fc"}
    assert [s["evidence"]["document"] for s in facts["fa"]["sources"]] == ["A", "B"]
    assert facts["fa"]["conflict"] is True and facts["fa"]["conflicts_with"] == ["fc"]
    assert facts["fc"]["conflict"] is True and facts["fc"]["conflicts_with"] == ["fa"]
    assert kb.fact("fb") == facts["fa"]
    timeline = kb.timeline("Mali", "Russia")
    assert [r["id"] for r in timeline if r.get("conflict")] == ["fa", "fc"]


def test_one_document_does_not_conflict_with_itself(kb: KnowledgeBase) -> None:
    rel = "diplomatic_relations"
    kb.ingest_records(doc("A", fact("A", "f1", rel, "SUN", "MLI", when("1960"), sentence=1),
                          fact("A", "f2", rel, "SUN", "MLI", when("1962"), sentence=2)))
    assert all("conflict" not in f for f in kb.facts())


def test_undated_embassy_merges_with_a_dated_one(kb: KnowledgeBase) -> None:
    kb.ingest_records(doc("A", fact("A", "e1", "embassy", "RUS", "MLI", place="Bamako")))
    kb.ingest_records(doc("B", fact("B", "e2", "embassy", "RUS", "MLI", when("1992"),
                                   place="Bamako")))
    [embassy] = kb.facts(kind="embassy")
    assert len(embassy["sources"]) == 2 and "conflict" not in embassy


def test_two_treaties_of_one_pair_stay_two(kb: KnowledgeBase) -> None:
    # a treaty's name is no place, but it tells two treaties apart as a city tells missions
    def treaty(d: str, rid: str, name: str) -> dict:
        return {**fact(d, rid, "treaty", "RUS", "MLI"), "treaty": {"name": name}}

    kb.ingest_records(doc("A", treaty("A", "t1", "Treaty of Friendship")))
    kb.ingest_records(doc("B", treaty("B", "t2", "Treaty of Commerce"),
                          treaty("B", "t3", "Treaty of Friendship")))
    found = sorted((f["treaty"]["name"], len(f.get("sources") or [f]))
                   for f in kb.facts(kind="treaty"))
    assert found == [("Treaty of Commerce", 1), ("Treaty of Friendship", 2)]
