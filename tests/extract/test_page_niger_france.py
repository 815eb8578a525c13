"""A news-wire style page written for this test (pages/niger-france.txt: events after
Niger's 2023 coup in our own words; the arrest in Agadez and the June 2024 accusation are
invented), against a list of its events and facts made by hand from the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.page_check import fact_key, missing_and_extra, page_records

PAGE = Path(__file__).parent / "pages" / "niger-france.txt"

# (PLOVER type, actor countries, recipient countries, date start) for every dyadic event
EVENTS = [
    ("PROTEST", {"NER"}, {"FRA"}, "2023-08-03"),  # unnamed marchers: the place's people
    ("SANCTION", {"NER"}, {"FRA"}, "2023-08-03"),  # revoked the agreements
    ("SANCTION", {"FRA"}, {"NER"}, "2023-07-29"),  # suspended development aid
    ("SANCTION", set(), {"NER"}, "2023-07-30"),  # ECOWAS sanctions (an IGO acts)
    ("COERCE", {"NGA"}, {"NER"}, "2023-08"),  # closed the border
    ("RETREAT", {"FRA"}, {"NER"}, "2023-12-22"),  # withdrawal of French troops from Niger
    ("MOBILIZE", {"RUS"}, {"NER"}, "2024-04"),  # deployment of Russian instructors
    ("COERCE", {"NER"}, {"FRA"}, "2024-05"),  # a geologist from Toulouse arrested in Agadez
    ("ACCUSE", set(), {"NER"}, "2024-06"),  # Human Rights Watch, a body of no state
]

FACTS = [
    ("embassy", "FRA", "NER", None, None, "2024-01-02", "asserted"),
]


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return page_records(PAGE)


def test_every_event_found_dated_and_typed(records: list[dict]) -> None:
    missing, extra = missing_and_extra(EVENTS, records)
    assert missing == []
    assert extra == [], f"spurious events: {extra}"


def test_every_fact_found_and_nothing_else(records: list[dict]) -> None:
    assert sorted(fact_key(r) for r in records if r["record"] == "fact") == FACTS


def test_languages_and_sides_of_no_state(records: list[dict]) -> None:
    events = [r for r in records if r["record"] == "event"]
    [march] = [e for e in events if e["event_type"] == "PROTEST"]
    # "chanting slogans in French and Hausa": languages, not France
    assert [a["name"] for a in march["actors"]] == ["unidentified actor"]
    [ecowas] = [e for e in events if e["date"]["start"] == "2023-07-30"]
    assert [(a["kind"], a["country"]) for a in ecowas["actors"]] == [("igo", None)]
    [hrw] = [e for e in events if e["event_type"] == "ACCUSE"]
    assert (hrw["actors"][0]["name"], hrw["actors"][0]["country"]) == ("Human Rights Watch", None)
