"""Towns in place phrases: sentences written for these tests."""

from __future__ import annotations

import pytest

from dyad.annotate.nlp import load_nlp
from dyad.reference.places import city_country, fold, sentence_places


@pytest.mark.parametrize(("name", "hints", "expected"), [
    ("Basra", (), "IRQ"),  # another Latin-script name of Basrah
    ("Sāmarrā’", (), "IRQ"),
    ("samarra", (), "IRQ"),  # accents, case and apostrophes folded
    ("Moscow", (), "RUS"),  # far larger than the towns of that name elsewhere
    ("Tripoli", ("LBN",), "LBN"),  # the country the sentence names settles a shared name
    ("Tripoli", ("SYR", "TUR"), "LBY"),
    ("Victoria", (), None),  # towns of like size in several countries: no guess
    # a town's own name, and another name of a city that dwarfs it: the sentence's states
    # choose, else the town whose own name it is
    ("Odessa", ("RUS", "UKR"), "UKR"),
    ("Odessa", (), "USA"),
    ("Zyxwvut", (), None),
])
def test_city_country(name: str, hints: tuple[str, ...], expected: str | None) -> None:
    assert city_country(name, hints) == expected


def test_fold() -> None:
    assert fold("Goražde") == fold("Gorazde") == "gorazde"


@pytest.mark.parametrize(("text", "expected"), [
    ("Rebels shelled the town of Kismayo on Monday.", [("Kismayo", "SOM")]),
    ("The talks took place in Khanty-Mansiysk last week.", [("Khanty-Mansiysk", "RUS")]),
    ("Aid reached the port of Mombasa in May.", [("Mombasa", "KEN")]),
    # a name outside a place phrase is no place: a person, a firm
    ("Victoria said the plan would fail.", []),
    ("Reading ended the season with a win.", []),
])
def test_sentence_places(text: str, expected: list[tuple[str, str]]) -> None:
    span = load_nlp()(text)[:]
    assert [(p.name, p.country) for p in sentence_places(span, [])] == expected


def test_taken_spans_are_skipped() -> None:
    text = "Troops moved near the town of Kismayo."
    span = load_nlp()(text)[:]
    start = text.index("Kismayo")
    assert sentence_places(span, [(start, start + 7)]) == []
