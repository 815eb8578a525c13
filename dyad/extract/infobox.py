"""Facts from a bilateral infobox: "mission1 = Embassy of Mali, Moscow", "envoy2 = …"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from dyad.annotate.pipeline import DocumentContext
from dyad.extract.facts import FoundFact
from dyad.model import Document, Entity, When

_MISSION = re.compile(r"^(?P<kind>Embassy|Consulate(?:[- ]General)?|High Commission) of "
                      r"(?P<sender>.+?),\s*(?P<city>[^,]+)$", re.I)
_ENVOY = re.compile(r"^(?:Ambassador|High Commissioner|Chargé d'affaires)\s+(?P<person>.+)$")


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
        elif m.group(1) == "envoy" and (envoy := _ENVOY.match(value)):
            name = envoy.group("person").strip()
            person = Entity(name, name, "person", sender.country, "GOV", "ambassador")
            yield key, FoundFact("ambassador", sender, host, unknown, "asserted",
                                 person=person, confidence=0.8)
