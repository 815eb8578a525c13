"""States as of a record's own date: the contract codes a side "as of the event's date".

A sentence's actors are coded at the sentence's first date; a clause of the same sentence
may tell of a later day ("recognised on 7 July 1960, and relations were established on
14 October 1960", after the Mali Federation had split). A record dated to the day or month
re-codes its states at that date. A year alone is not enough: 1960 held both the Mali
Federation and the Republic of Mali. A decade or century is coded at its middle.
"""

from __future__ import annotations

from dataclasses import replace

from dyad.model import Entity, When
from dyad.reference.gazetteer import load_gazetteer

PRECISE = frozenset({"day", "month"})
# "closed in the 1990s": a decade or century is coded at its middle, where most of it lies
# (the 1990s are Russia's, not the Soviet Union's)
SPANS = {"decade": 10, "century": 100}


def _middle(start: str, precision: str) -> str | None:
    digits = start[:4]
    if not digits.isdigit():
        return None
    year = int(digits.ljust(4, "0")) + SPANS[precision] // 2
    return f"{year:04d}-07-01"


def at_date(entity: Entity | None, when: When) -> Entity | None:
    """``entity`` with its country as held at ``when`` (unchanged unless ``when`` is a day
    or month, or a decade or century taken at its middle, and the state then was another)."""
    recoded = when.precision in PRECISE or when.precision in SPANS
    if entity is None or not entity.country or not recoded:
        return entity
    date = when.start or when.end
    if not date:
        return entity
    if when.precision in SPANS:
        date = _middle(date, when.precision)
        if date is None:
            return entity
    g = load_gazetteer()
    code = g.state_at(entity.country, date)
    if not code or code == entity.country or code not in g.states:
        return entity
    name = g.name_of(code) if entity.kind == "state" else entity.name
    return replace(entity, country=code, name=name)
