"""Facts from a bilateral infobox: "mission1 = Embassy of Mali, Moscow", "envoy2 = …"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from dyad.annotate.pipeline import DocumentContext
from dyad.extract.found import FoundFact
from dyad.model import Document, Entity, When
from dyad.reference.gazetteer import one_edit

_MISSION = re.compile(r"^(?P<kind>Embassy|Consulate(?:[- ]General)?|High Commission) of "
                      r"(?P<sender>.+?),\s*(?P<city>[^,]+)$", re.I)
# an envoy parameter names the head of mission, with or without a title before the name
_ENVOY_TITLES = ("Ambassador", "High Commissioner", "Chargé d'affaires", "Charge d'affaires",
                 "Ambassador Extraordinary and Plenipotentiary")
# a person's name: capitalised words, with the particles names carry ("Ana de la Cruz")
_PARTICLES = "de|da|do|dos|das|del|della|la|le|du|di|van|der|von|bin|ben|ibn|al|al-\\w+"
_NAME = re.compile(rf"^[A-ZÀ-Þ][\w.'’-]*(?:\s+(?:[A-ZÀ-Þ][\w.'’-]*|{_PARTICLES})){{1,4}}$")


def infobox_facts(doc: Document, ctx: DocumentContext) -> Iterator[tuple[str, FoundFact]]:
    """(parameter name, fact) for each mission and envoy of the document's pair."""
    if ctx.pair is None:
        return
    sides = {"1": ctx.pair[0], "2": ctx.pair[1]}
    for key, value in doc.infobox.items():
        m = re.match(r"^(mission|envoy)([12])$", key)
        if not m:
            continue
        sender = sides[m.group(2)]
        host = sides["2" if m.group(2) == "1" else "1"]
        unknown = When(None, None, "unknown", None, None)
        if m.group(1) == "mission" and (mission := _MISSION.match(value)):
            named = ctx.resolve(mission.group("sender"))
            if named is not None and named.country not in (sender.country, None):
                sender, host = host, sender
            kind = "embassy" if mission.group("kind").lower() == "embassy" else "consulate"
            place = {"name": mission.group("city").strip(), "country": host.country}
            yield key, FoundFact(kind, sender, host, unknown, "asserted", place=place,
                                 confidence=0.9)
        elif m.group(1) == "envoy" and (name := envoy_name(value)) is not None:
            person = Entity(name, name, "person", sender.country, "GOV", "ambassador")
            yield key, FoundFact("ambassador", sender, host, unknown, "asserted",
                                 person=person, confidence=0.8)


def envoy_name(value: str) -> str | None:
    """The person an envoy parameter names: "Ambassador Igor Gromyko", "Igor Gromyko", or
    with the title misspelt ("Amabssador Igor Gromyko"); None for anything else."""
    value = value.strip()
    for title in sorted(_ENVOY_TITLES, key=len, reverse=True):
        if value.lower().startswith(title.lower() + " "):
            value = value[len(title):].strip()
            break
    else:
        first, _, rest = value.partition(" ")
        if rest and one_edit(first.lower(), "ambassador"):
            value = rest.strip()
    return value if _NAME.match(value) else None
