"""A whole relations page written for this test (pages/chad-china.txt, fictionalised: the
people and several dates are invented), against a list of its events and facts made by
hand from the text, not from dyad's output."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.page_check import fact_key, missing_and_extra, page_records

PAGE = Path(__file__).parent / "pages" / "chad-china.txt"

# (PLOVER type, actor countries, recipient countries, date start) for every dyadic event
EVENTS = [
    ("SUPPORT", {"TCD", "CHN"}, set(), "1972-11-28"),  # relations established
    ("AID", {"CHN"}, {"TCD"}, "1973"),  # the $50 million loan
    ("SANCTION", {"TCD"}, {"CHN"}, "1997-08"),  # broke off relations
    ("SUPPORT", {"TCD"}, {"TWN"}, "1997-08"),  # recognised Taiwan
    ("CONSULT", {"CHN"}, {"TCD"}, "2007-04-14"),  # the photo caption
    ("SUPPORT", {"TCD", "CHN"}, set(), "2006-08-06"),  # relations restored
    ("CONSULT", {"CHN"}, {"TCD"}, "2007-04"),  # visited N'Djamena
    ("CONSULT", {"CHN"}, {"TCD"}, "2007-04"),  # met the president
    ("AID", {"CHN"}, {"TCD"}, "2009"),  # 2,000 tonnes of rice
    ("ASSAULT", {"TCD"}, set(), "2021-04"),  # the coup
    # called on the council: dated by the month the story has reached (the sentence before)
    ("REQUEST", {"CHN"}, {"TCD"}, "2021-04"),
    ("AID", {"CHN"}, {"TCD"}, "2022"),  # drones, alleged
    ("ACCUSE", {"TCD"}, {"CHN"}, "2023"),  # pollution accusation
]

# (kind, subject, object, person, valid start, valid end, status)
FACTS = [
    ("diplomatic_relations", "TCD", "CHN", None, "1972-11-28", None, "asserted"),
    ("diplomatic_relations", "TCD", "CHN", None, None, "1997-08", "asserted"),
    ("recognition", "TCD", "TWN", None, "1997-08", None, "asserted"),
    ("diplomatic_relations", "TCD", "CHN", None, "2006-08-06", None, "asserted"),
    ("embassy", "CHN", "TCD", None, None, None, "asserted"),
    ("embassy", "TCD", "CHN", None, None, None, "asserted"),
    ("ambassador", "CHN", "TCD", "Zhou Minghua", "2020-03-03", None, "asserted"),
    ("ambassador", "TCD", "CHN", "Abakar Mahamat Saleh", "2024-01-12", None, "planned"),
]

# events dyad may add beyond the list (a restatement, a domestic side event)
SPURIOUS_TOLERANCE = 1


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return page_records(PAGE)


def test_every_event_found_dated_and_typed(records: list[dict]) -> None:
    missing, extra = missing_and_extra(EVENTS, records)
    assert missing == []
    assert len(extra) <= SPURIOUS_TOLERANCE, f"spurious events: {extra}"


def test_every_fact_found_and_nothing_else(records: list[dict]) -> None:
    facts = sorted((fact_key(r) for r in records if r["record"] == "fact"), key=str)
    assert facts == sorted(FACTS, key=str)


def test_aid_quantities_and_the_alleged_claim(records: list[dict]) -> None:
    events = [r for r in records if r["record"] == "event"]
    [loan] = [e for e in events if e["date"]["start"] == "1973"]
    assert (loan["quantities"][0]["value"], loan["quantities"][0]["currency"]) == (
        50_000_000, "USD")
    [rice] = [e for e in events if e["event_type"] == "AID" and e["date"]["start"] == "2009"]
    assert (rice["quantities"][0]["value"], rice["quantities"][0]["unit"]) == (2000, "tonne")
    [drones] = [e for e in events if e["date"]["start"] == "2022"]
    assert drones["status"] == "alleged"
    [accusation] = [e for e in events if e["event_type"] == "ACCUSE"]
    assert accusation["status"] == "asserted"


def test_embassies_in_their_cities(records: list[dict]) -> None:
    cities = {(r["subject"]["country"], r["place"]["name"]) for r in records
              if r["record"] == "fact" and r["kind"] == "embassy"}
    assert cities == {("CHN", "N'Djamena"), ("TCD", "Beijing")}
