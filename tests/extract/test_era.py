"""States re-coded at a record's own date: a day, a month, or a decade's or century's middle."""

from __future__ import annotations

import pytest

from dyad.extract.era import at_date
from dyad.model import Entity, When


@pytest.mark.parametrize(("country", "start", "precision", "expected"), [
    ("XMF", "1960-10-14", "day", "MLI"),  # after the Mali Federation split: Mali
    ("XMF", "1960-07-07", "day", "XMF"),  # while it lasted
    ("RUS", "1975-05", "month", "SUN"),  # Russia before 1992 is the Soviet Union
    ("XMF", "1960", "year", "XMF"),  # a year held both: left as the sentence coded it
    ("FRA", "1960-10-14", "day", "FRA"),
    # a decade or century at its middle: the 1990s are Russia's, the 1980s the USSR's
    ("SUN", "1990", "decade", "RUS"),
    ("RUS", "1980", "decade", "SUN"),
    ("FRA", "1900", "century", "FRA"),
])
def test_state_at_record_date(country: str, start: str, precision: str, expected: str) -> None:
    state = Entity("x", "x", "state", country)
    assert at_date(state, When(start, None, precision, None, start)).country == expected


def test_person_keeps_name_and_takes_the_state_then() -> None:
    person = Entity("Modibo Keïta", "Keïta", "person", "XMF", "GOV", "president")
    moved = at_date(person, When("1961-03-01", None, "day", None, None))
    assert (moved.name, moved.country) == ("Modibo Keïta", "MLI")
    assert at_date(None, When("1961", None, "year", None, None)) is None
