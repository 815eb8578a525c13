"""The dyad-year panel, read back with pandas as an analyst would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from dyad.errors import DataError
from dyad.kb import KnowledgeBase
from dyad.kb.export import write_table
from dyad.kb.panel import columns
from tests.kb.analysts import analysts_records


@pytest.fixture
def kb(tmp_path: Path) -> Iterator[KnowledgeBase]:
    base = KnowledgeBase.open(str(tmp_path / "kb.db"))
    base.ingest_records(analysts_records())
    yield base
    base.close()


def _row(frame: pd.DataFrame, period: int | str, a: str, b: str) -> pd.Series:
    key = "year" if "year" in frame.columns else "month"
    found = frame[(frame[key] == period) & (frame.iso_a == a) & (frame.iso_b == b)]
    assert len(found) == 1, f"{period} {a}-{b}: {len(found)} rows"
    return found.iloc[0]


def _absent(frame: pd.DataFrame, period: int | str, a: str, b: str) -> bool:
    key = "year" if "year" in frame.columns else "month"
    return frame[(frame[key] == period) & (frame.iso_a == a) & (frame.iso_b == b)].empty


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_directed_year_panel_file(kb: KnowledgeBase, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"panel{suffix}"
    rows = kb.panel()
    assert write_table(rows, columns("year"), str(path)) == len(rows)
    frame = pd.read_csv(path) if suffix == ".csv" else pd.read_parquet(path)
    assert list(frame.columns) == columns("year")
    assert frame.year.dtype.kind == "i" and frame.cow_a.dtype.kind == "i"

    # a joint act counts once each way; the relations tie holds from 1960
    for a, b in (("SUN", "MLI"), ("MLI", "SUN")):
        row = _row(frame, 1960, a, b)
        assert (row.events, row.verbal_coop, row.agree, row.goldstein) == (1, 1, 1, 3.0)
        assert row.relations == 1
    sun_mli = _row(frame, 1961, "SUN", "MLI")
    assert (sun_mli.cow_a, sun_mli.cow_b, sun_mli.name_a) == (365, 432, "Soviet Union")
    assert (sun_mli.events, sun_mli.verbal_coop, sun_mli.material_coop) == (2, 1, 1)
    assert (sun_mli.verbal_conflict, sun_mli.material_conflict) == (0, 0)
    assert (sun_mli.aid, sun_mli.consult, sun_mli.accuse) == (1, 1, 0)
    assert sun_mli.goldstein == pytest.approx(8.4)
    assert sun_mli.goldstein_mean == pytest.approx(4.2)
    assert (sun_mli.relations, sun_mli.embassy_a_in_b, sun_mli.embassy_b_in_a) == (1, 1, 0)
    accused = _row(frame, 1962, "MLI", "SUN")
    assert (accused.events, accused.verbal_conflict, accused.goldstein) == (1, 1, -2.0)
    assert (accused.embassy_a_in_b, accused.embassy_b_in_a) == (0, 1)  # Mali's opens in 1963
    assert _row(frame, 1963, "MLI", "SUN").embassy_a_in_b == 1

    # periods with standing ties and no events are rows too
    quiet = _row(frame, 1975, "SUN", "MLI")
    assert quiet.events == 0 and quiet.goldstein == 0 and pd.isna(quiet.goldstein_mean)
    assert (quiet.relations, quiet.embassy_a_in_b, quiet.embassy_b_in_a) == (1, 1, 1)
    assert _row(frame, 1990, "FRA", "MLI").embassy_a_in_b == 1
    assert _row(frame, 1990, "MLI", "FRA").embassy_b_in_a == 1
    # relations severed in 1973 hold that year and not after
    assert _row(frame, 1973, "ISR", "MLI").relations == 1
    assert _row(frame, 1972, "MLI", "ISR").relations == 1
    assert _absent(frame, 1974, "ISR", "MLI") and _absent(frame, 1974, "MLI", "ISR")
    assert _row(frame, 1973, "ISR", "MLI").cow_a == 666

    # the Soviet Union's ties go on as Russia's; both keep COW 365
    assert _row(frame, 1991, "SUN", "MLI").relations == 1
    assert _absent(frame, 1992, "SUN", "MLI")
    russia = _row(frame, 1992, "RUS", "MLI")
    assert (russia.cow_a, russia.relations, russia.embassy_a_in_b, russia.embassy_b_in_a) == \
        (365, 1, 1, 1)
    alleged = _row(frame, 2021, "RUS", "MLI")
    assert (alleged.events, alleged.material_coop, alleged.cooperate) == (1, 1, 1)

    # a denied threat is no event; the attack is
    france = _row(frame, 2022, "FRA", "MLI")
    assert (france.events, france.material_conflict, france.assault, france.threaten) == \
        (1, 1, 1, 0)
    assert frame.year.max() == 2022  # open ties run to the latest dated record
    assert frame.events.sum() == 1 + 1 + 2 + 1 + 1 + 1


def test_quad_totals_and_goldstein_over_the_whole_panel(kb: KnowledgeBase) -> None:
    frame = kb.panel().to_pandas()
    quads = frame[["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"]]
    assert quads.sum().tolist() == [3, 2, 1, 1]
    assert (quads.sum(axis=1) == frame.events).all()
    plover = frame[[c for c in columns("year") if c.islower() and c in
                    ("agree", "consult", "aid", "accuse", "cooperate", "assault")]]
    assert (plover.sum(axis=1) == frame.events).all()
    assert frame.goldstein.sum() == pytest.approx(3 * 2 + 7.4 + 1 - 2 + 6 - 10)


def test_min_confidence_drops_unsure_events_but_keeps_the_ties(kb: KnowledgeBase) -> None:
    frame = kb.panel(min_confidence=0.5).to_pandas()
    france = _row(frame, 2022, "FRA", "MLI")
    assert (france.events, france.assault, france.embassy_a_in_b) == (0, 0, 1)
    assert kb.panel(min_confidence=0.9).to_pandas().events.sum() == 0


def test_undirected_panel(kb: KnowledgeBase) -> None:
    frame = kb.panel(undirected=True).to_pandas()
    assert (frame.iso_a < frame.iso_b).all()
    joint = _row(frame, 1960, "MLI", "SUN")
    assert joint.events == 1  # the joint act once, not once per direction
    both = _row(frame, 1962, "MLI", "SUN")
    assert (both.events, both.accuse) == (1, 1)
    assert _row(frame, 1961, "MLI", "SUN").events == 2
    ties = _row(frame, 1963, "MLI", "SUN")
    assert (ties.embassy_a_in_b, ties.embassy_b_in_a, ties.relations) == (1, 1, 1)
    assert _row(frame, 1961, "MLI", "SUN").embassy_a_in_b == 0  # Mali's opens in 1963


def test_month_panel_leaves_out_events_dated_to_a_year(kb: KnowledgeBase) -> None:
    rows = kb.panel(by="month", start="1960", end="1962")
    assert rows.left_out == 2  # aid in 1961 and the accusation of 1962 have no month
    frame = rows.to_pandas()
    assert frame.month.min() == "1960-01" and frame.month.max() == "1962-12"
    assert _row(frame, "1960-10", "SUN", "MLI").agree == 1
    assert _row(frame, "1961-05", "SUN", "MLI").consult == 1
    assert _row(frame, "1961-06", "SUN", "MLI").events == 0  # the tie's row
    assert _absent(frame, "1960-09", "SUN", "MLI")  # relations from 14 October 1960


def test_from_and_to_bound_the_periods(kb: KnowledgeBase) -> None:
    frame = kb.panel(start="1961", end="1962").to_pandas()
    assert sorted(frame.year.unique()) == [1961, 1962]
    assert frame.events.sum() == 3


def test_bad_requests_say_so(kb: KnowledgeBase) -> None:
    with pytest.raises(DataError, match="choose from year, month"):
        kb.panel(by="quarter")
    with pytest.raises(DataError, match="from 0 to 1"):
        kb.panel(min_confidence=1.5)


def test_same_panel_on_sqlite_and_postgresql(db_url: str) -> None:
    with KnowledgeBase.open(db_url) as base:
        base.ingest_records(analysts_records())
        frame = base.panel(undirected=True).to_pandas()
    assert _row(frame, 1961, "MLI", "SUN").events == 2
    assert _row(frame, 1992, "MLI", "RUS").relations == 1
    assert frame.year.max() == 2022 and frame.events.sum() == 6


def test_a_pair_asked_for_keeps_only_its_rows(tmp_path: Path) -> None:
    with KnowledgeBase.open(str(tmp_path / "kb.db")) as base:
        records = analysts_records()
        # one event, two pairs: France and the Soviet Union both aid Mali
        aid = next(r for r in records if r.get("id") == "a-e2")
        aid["actors"].append({**aid["actors"][0], "name": "France", "country": "FRA"})
        base.ingest_records(records)
        frame = base.panel(dyad=("Mali", "Russia")).to_pandas()
        assert set(zip(frame.iso_a, frame.iso_b, strict=True)) == {
            ("SUN", "MLI"), ("MLI", "SUN"), ("RUS", "MLI"), ("MLI", "RUS")}
        assert _row(frame, 1961, "SUN", "MLI").aid == 1
        france = base.panel(country="France").to_pandas()
        assert set(france.iso_a) | set(france.iso_b) >= {"FRA"}
        assert ((france.iso_a == "FRA") | (france.iso_b == "FRA")).all()
        assert _row(france, 1961, "FRA", "MLI").aid == 1
        assert {(e.source, e.target) for e in base.network(country="FRA").edges} == \
            {("FRA", "MLI")}
        def aid_rows(**asked: str) -> list[str]:
            return [r["Event ID"] for r in base.icews(**asked) if r["Event ID"][:4] == "a-e2"]

        assert aid_rows() == ["a-e2-1", "a-e2-2"]
        assert aid_rows(dyad="MLI-RUS") == ["a-e2-1"]
        assert aid_rows(country="FRA") == ["a-e2-2"]  # its number in the full table
