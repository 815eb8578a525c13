"""Towns and cities a sentence places things in ("near the town of Samarra", "in Basra").

The gazetteer knows states and capitals; a town it does not know still tells which
country an event happened in, and CAMEO codes an unnamed local actor (rebels, police,
a bomber) by that country. Names come from GeoNames (``data/geo/cities.tsv``). A
capitalised name counts as a place only where the parse puts it in a place phrase
("in X", "near the town of X", "X's capital Y"), so "Victoria said" or "Mobile phones"
are never towns.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from dyad.reference.gazetteer import normalise

if TYPE_CHECKING:  # parsed sentences come from annotation; reference data needs no spaCy
    from spacy.tokens import Span, Token

# prepositions that put what follows at a place
PLACE_PREPS = frozenset({"in", "at", "throughout", "across", "inside", "near", "around",
                         "outside"})
# "the town of X", "the port of X": a settlement named after "of"
SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "port", "capital", "enclave",
                              "district", "province", "region", "suburb", "outskirts",
                              "area", "border", "camp"})
# one town far larger than all others of its name is the one meant ("Moscow" is not Idaho's)
DOMINANT = 5


@dataclass(frozen=True, slots=True)
class Place:
    start: int  # character offsets in the sentence
    end: int
    name: str
    country: str


@cache
def _cities() -> dict[str, list[tuple[str, int, bool]]]:
    """Folded name → [(country, population, alternate name)], largest first."""
    text = (resources.files("dyad") / "data" / "geo" / "cities.tsv").read_text("utf-8")
    out: dict[str, list[tuple[str, int, bool]]] = {}
    for line in text.splitlines():
        if line.startswith("#") or line.startswith("name\t"):
            continue
        name, country, population, alternate = line.split("\t")
        out.setdefault(fold(name), []).append((country, int(population), alternate == "1"))
    for rows in out.values():
        rows.sort(key=lambda r: (r[2], -r[1]))  # own names before alternates, then size
    return out


def fold(name: str) -> str:
    """Lookup key: case and accents folded, apostrophes dropped ("Sāmarrā’" → "samarra")."""
    return "".join(c for c in normalise(name) if c not in "'’`ʿʾ")


def is_town(name: str) -> bool:
    """A town's own name (not another language's name for it): "Columbia", "Granada"."""
    return any(not alternate for _, _, alternate in _cities().get(fold(name), ()))


def city_country(name: str, hints: Iterable[str] = ()) -> str | None:
    """The country of the town called ``name``; ``hints`` (countries the sentence names)
    settle a name several countries share, else the one far larger than the rest."""
    rows = _cities().get(fold(name))
    if not rows:
        return None
    own = [r for r in rows if not r[2]] or rows
    countries = {r[0] for r in own}
    hinted = countries & set(hints)
    if not hinted and (other := {r[0] for r in rows} & set(hints)) and len(other) == 1:
        # "Russian consulates in Kharkiv and Odessa": the Ukrainian city the sentence's
        # states point to, though a Texan town has the name as its own
        return other.pop()
    if len(countries) == 1:
        return own[0][0]
    if len(hinted) == 1:
        return hinted.pop()
    first, second = own[0], next(r for r in own if r[0] != own[0][0])
    return first[0] if first[1] >= DOMINANT * second[1] else None


def sentence_places(span: Span, taken: Iterable[tuple[int, int]],
                    hints: Iterable[str] = ()) -> list[Place]:
    """Towns in place phrases of a parsed sentence, outside the ``taken`` character spans
    (names already resolved as actors or states)."""
    taken = list(taken)
    hints = tuple(hints)
    out: list[Place] = []
    base = span.start_char
    for token in span:
        if token.pos_ != "PROPN" or token.dep_ == "compound" or not _in_place_phrase(token):
            continue
        first = token
        while first.i > max(span.start, token.left_edge.i) and _name_part(span.doc[first.i - 1]):
            first = span.doc[first.i - 1]  # "Khanty - Mansiysk", "Port Harcourt"
        start, end = first.idx - base, token.idx + len(token.text) - base
        if any(a < end and start < b for a, b in taken):
            continue
        name = span.doc.text[first.idx:token.idx + len(token.text)]
        country = city_country(name, hints)
        if country is not None:
            out.append(Place(start, end, name, country))
    return out


def _name_part(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.text in ("-", "–")


def _in_place_phrase(token: Token) -> bool:
    """"in X", "near the town of X", "East Timor's capital X"."""
    head = token
    while head.dep_ in ("appos", "conj") and head.head.i != head.i:
        head = head.head
    if head.dep_ != "pobj":
        return head.dep_ == "appos" and head.head.lemma_.lower() in SETTLEMENT_NOUNS
    prep = head.head
    if prep.lower_ in PLACE_PREPS:
        return True
    # "the town of X" under a place preposition, or as the subject's own phrase
    return prep.lower_ == "of" and prep.head.lemma_.lower() in SETTLEMENT_NOUNS
