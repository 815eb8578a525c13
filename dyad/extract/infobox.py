"""Facts from a bilateral infobox: "mission1 = Embassy of Mali, Moscow", "envoy2 = …"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from dyad.annotate.pipeline import DocumentContext
from dyad.extract.found import FoundFact
from dyad.model import Document, Entity, When
from dyad.reference.gazetteer import one_edit

_MISSION_KIND = r"(?P<kind>Embassy|Consulate(?:[- ]General)?|High Commission)"
# "Embassy of Mali, Moscow", "Embassy of Russia in Algiers, Algeria", "Former Embassy of …";
# "Egyptian Embassy, Moscow": who sends it, then the city (a state after it is dropped)
_MISSIONS = (
    re.compile(rf"^(?:Former\s+)?{_MISSION_KIND}\s+of\s+(?:the\s+)?(?P<sender>[^,]+?)"
               r"(?:\s+in\s+|,\s*)(?P<city>.+)$", re.I),
    re.compile(rf"^(?:Former\s+)?(?P<sender>[A-Z][\w'’ -]+?)\s+{_MISSION_KIND}"
               r"(?:\s+in\s+|,\s*)(?P<city>.+)$"),
)
# an envoy parameter names the head of mission, with or without a title before the name
_ENVOY_TITLES = ("Ambassador", "High Commissioner", "Chargé d'affaires", "Charge d'affaires",
                 "Ambassador Extraordinary and Plenipotentiary")
# "Russian Ambassador to Algeria", "China Ambassador to India": the title names the sender
_ENVOY_TITLE = re.compile(r"^(?P<sender>.*?)\s*\b(?:Ambassadors?|High Commissioners?|"
                          r"Chargés? d'affaires)\b(?:\s+to\s+(?P<rest>.*))?$", re.I)
# a person's name: two to five capitalised words, with the particles names carry
# ("Ana de la Cruz", "Abdullah bin Saud al-Anzi")
_PARTICLES = frozenset("de da do dos das del della la le du di van der von bin ben ibn al".split())
_NAME_WORD = re.compile(r"^[\w.'’-]+$")


def _is_name(value: str) -> bool:
    words = value.split()
    return 2 <= len(words) <= 5 and words[0][0].isupper() and all(
        _NAME_WORD.match(w) and (w[0].isupper() or w in _PARTICLES or w.startswith("al-"))
        for w in words)


def infobox_facts(doc: Document, ctx: DocumentContext) -> Iterator[tuple[str, FoundFact]]:
    """(parameter name, fact) for each mission and envoy of the document's pair.

    Column 1 is country 1's on most pages, but not on all ("Mission1: High Commission of
    Pakistan, New Delhi" on an India–Pakistan page): a mission's own name says whose it
    is, an envoy's title says whose the envoy is, else the column's mission does."""
    if ctx.pair is None:
        return
    box = doc.infobox
    unknown = When(None, None, "unknown", None, None)
    for n in ("1", "2"):
        side, other = _column(ctx, n)
        if (mission := _mission(box.get(f"mission{n}", ""), ctx)) is not None:
            kind, named, city = mission
            sender, host = (side, other) if named in (None, side.country) else (other, side)
            place = {"name": city, "country": host.country}
            yield f"mission{n}", FoundFact(kind, sender, host, unknown, "asserted", place=place,
                                           confidence=0.9)
        else:
            sender, host = side, other
        title = box.get(f"envoytitle{n}", "")
        value = box.get(f"envoy{n}") or title
        name = envoy_name(value, ctx)
        if name is None:
            continue
        titled = _ENVOY_TITLE.match(title) if title else None
        named = ctx.resolve(titled.group("sender")) if titled and titled.group("sender") else None
        if named is not None and named.country in (side.country, other.country):
            sender, host = (side, other) if named.country == side.country else (other, side)
        person = Entity(name, name, "person", sender.country, "GOV", "ambassador")
        yield f"envoy{n}", FoundFact("ambassador", sender, host, unknown, "asserted",
                                     person=person, confidence=0.8)


def _column(ctx: DocumentContext, n: str) -> tuple[Entity, Entity]:
    a, b = ctx.pair  # type: ignore[misc]  # checked by the caller
    return (a, b) if n == "1" else (b, a)


def _mission(value: str, ctx: DocumentContext) -> tuple[str, str | None, str] | None:
    """(kind, the sending state's code or None, city) of a mission parameter."""
    value = value.split("|", 1)[0].strip()  # "…, Tokyo|ko|…": a language link's remnant
    for pattern in _MISSIONS:
        if (m := pattern.match(value)) is None:
            continue
        named = ctx.resolve(m.group("sender"))
        if pattern is _MISSIONS[1] and named is None:
            continue  # "Former Embassy, Moscow" or an unknown word: no sender
        city, _, country = m.group("city").partition(", ")
        if country and ctx.resolve(country) is None:
            city = m.group("city")  # "Washington, D.C.": the comma is the city's
        # a high commission is the embassy one Commonwealth member keeps in another
        kind = "consulate" if m.group("kind").lower().startswith("consulate") else "embassy"
        return kind, named.country if named else None, city.strip()
    return None


def envoy_name(value: str, ctx: DocumentContext | None = None) -> str | None:
    """The person an envoy parameter names: "Ambassador Igor Gromyko", "Igor Gromyko",
    "Cuban Ambassador to the United States Lianys Torres Rivera" (the state's name is
    found in the gazetteer), or with the title misspelt ("Amabssador Igor Gromyko");
    None for anything else."""
    value = value.strip()
    titled = _ENVOY_TITLE.match(value)
    if titled and titled.group("rest") and ctx is not None:
        words = titled.group("rest").split()
        # the longest run of words after "to" that names a state is the host
        value = next((" ".join(words[k:]) for k in range(len(words) - 1, 0, -1)
                      if ctx.resolve(" ".join(words[:k])) is not None), "")
    else:
        for title in sorted(_ENVOY_TITLES, key=len, reverse=True):
            if value.lower().startswith(title.lower() + " "):
                value = value[len(title):].strip()
                break
        else:
            first, _, rest = value.partition(" ")
            if rest and one_edit(first.lower(), "ambassador"):
                value = rest.strip()
    return value if _is_name(value) else None
