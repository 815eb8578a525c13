"""Dates told by a state's independence, on sentences written for these tests."""

from __future__ import annotations

import pytest

from dyad.annotate.pipeline import iter_annotated
from dyad.read import read_text


def independence(text: str, title: str | None = None) -> list[tuple[str, str | None,
                                                                    str | None, str | None]]:
    doc = read_text(text, source="test.txt", title=title)
    return [(s.sentence.text[m.start:m.end], m.when.start, m.when.end, m.when.modifier)
            for s in iter_annotated(doc) for m in s.times.mentions
            if "ndependence" in s.sentence.text[m.start:m.end]]


@pytest.mark.parametrize(("text", "expected"), [
    # the state named in the phrase; the table's first day of Eritrea is in 1993
    ("Kenya opened an embassy soon after Eritrean independence.",
     ("soon after Eritrean independence", "1993", None, None)),
    ("Within one year of the Israeli declaration of independence, Kenya recognised Israel.",
     ("Within one year of the Israeli declaration of independence", "1948-05", "1949-05",
      None)),
    ("Two years after Ghana's independence, the two states signed a trade pact.",
     ("Two years after Ghana's independence", "1959", None, None)),
    # "its": the clause's subject; "since": from then on
    ("Since its independence, Eritrea has kept an embassy in Nairobi.",
     ("Since its independence", "1993", None, "since")),
])
def test_an_act_dated_by_a_states_independence(text: str, expected: tuple) -> None:
    assert independence(text) == [expected]


def test_their_independence_is_when_the_last_of_the_pair_began() -> None:
    found = independence("The two countries set up ties shortly after their independence.",
                         title="Ghana–Pakistan relations")
    assert found == [("shortly after their independence", "1957", None, None)]


@pytest.mark.parametrize("text", [
    # the sentence's own date wins
    "Mali opened an embassy in Accra after its independence in 1960.",
    # a state whose start the table leaves blank dates nothing
    "Mexico signed the treaty soon after Mexican independence.",
    # no word relating the act to it: a topic, not a date
    "Kenya supported the independence of Eritrea.",
])
def test_no_date_from_independence(text: str) -> None:
    assert independence(text) == []
