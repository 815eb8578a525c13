"""A pair's timeline, all dyads, and series per year, quarter and month."""

from __future__ import annotations

import pytest

from dyad.errors import DataError
from dyad.kb import KnowledgeBase
from tests.kb.records import document, event, fact, mali_russia, when


@pytest.fixture
def filled(kb: KnowledgeBase) -> KnowledgeBase:
    kb.ingest_records(mali_russia())
    kb.ingest_records([
        document("doc-b", "News", "news.txt"),
        # the same AID as doc-a tells (1961 ⊃ 1961-05): merged, counted once
        event("doc-b", "b1", "AID", ["SUN"], ["MLI"], when("1961-05"), quad=2, goldstein=7.4),
        event("doc-b", "b2", "THREATEN", ["RUS"], ["MLI"], when("2022-05-03"), quad=3,
              goldstein=-4.0, sentence=2),
        event("doc-b", "b3", "CONSULT", ["MLI"], ["RUS"], sentence=3),  # undated
        fact("doc-b", "bf", "embassy", "MLI", "RUS", when("1962"), place="Moscow"),
    ])
    return kb


def test_timeline_mixes_events_and_facts_in_time_order(filled: KnowledgeBase) -> None:
    timeline = filled.timeline("Mali", "Russia")
    keys = [(r["record"], r["id"]) for r in timeline]
    # same day: in the order the document tells them (the fact's sentence comes first)
    assert keys == [("fact", "doc-a-f1"), ("event", "doc-a-e1"), ("event", "doc-a-e2"),
                    ("fact", "bf"), ("fact", "doc-a-f3"), ("event", "doc-a-e3"),
                    ("event", "b2"), ("event", "b3"), ("fact", "doc-a-f2")]
    assert len(next(r for r in timeline if r["id"] == "doc-a-e2")["sources"]) == 2
    strict = [r["id"] for r in filled.timeline("MLI", "RUS", strict=True)]
    assert strict == ["bf", "doc-a-f3", "doc-a-e3", "b2", "b3", "doc-a-f2"]


def test_timeline_of_a_pair_with_nothing(filled: KnowledgeBase) -> None:
    assert filled.timeline("Chile", "Peru") == []


def test_dyads(filled: KnowledgeBase) -> None:
    rows = {(r["a"], r["b"]): r for r in filled.dyads()}
    assert set(rows) == {("FRA", "MLI"), ("MLI", "RUS"), ("MLI", "SUN")}
    soviet = rows[("MLI", "SUN")]
    assert (soviet["events"], soviet["facts"], soviet["first"], soviet["last"]) == \
        (2, 1, "1960-10-14", "1961")
    assert soviet["a_name"] == "Mali" and soviet["b_name"] == "Soviet Union"
    russia = rows[("MLI", "RUS")]
    assert (russia["events"], russia["facts"]) == (3, 3)
    # cooperation in 2021 and an undated consultation, one threat in 2022
    assert russia["net_cooperation"] == 1
    assert russia["goldstein_total"] == pytest.approx(6.0 - 4.0 + 1.0)
    france = rows[("FRA", "MLI")]
    assert france["net_cooperation"] == -1 and france["first"] == france["last"] == "2022-02"


@pytest.mark.parametrize(
    ("by", "periods"),
    [("year", {"1960": 1, "1961": 1, "2021": 1, "2022": 1}),
     ("quarter", {"1960-Q4": 1, "1961": 1, "2021-Q4": 1, "2022-Q2": 1}),
     ("month", {"1960-10": 1, "1961": 1, "2021-12": 1, "2022-05": 1})],
)
def test_series(filled: KnowledgeBase, by: str, periods: dict[str, int]) -> None:
    rows = filled.series("Mali", "Russia", by=by)
    assert {r["period"]: r["events"] for r in rows} == periods
    by_period = {r["period"]: r for r in rows}
    year_2022 = next(v for k, v in by_period.items() if k.startswith("2022"))
    assert (year_2022["quad3"], year_2022["goldstein_total"], year_2022["goldstein_mean"]) == \
        (1, -4.0, -4.0)
    aid = next(v for k, v in by_period.items() if k.startswith("1961"))
    assert aid["quad2"] == 1 and aid["goldstein_mean"] == 7.4


def test_series_strict_and_bad_period(filled: KnowledgeBase) -> None:
    assert [r["period"] for r in filled.series("MLI", "RUS", strict=True)] == ["2021", "2022"]
    with pytest.raises(DataError, match="week"):
        filled.series("MLI", "RUS", by="week")
