"""Contract records written for the knowledge-base tests (own words, no extraction run)."""

from __future__ import annotations

from typing import Any

from tests.entities import NAMES, entity


def when(start: str | None = None, end: str | None = None, precision: str | None = None,
         modifier: str | None = None) -> dict[str, Any]:
    if precision is None:
        precision = {4: "year", 7: "month", 10: "day"}.get(len(start or ""), "unknown")
    return {"start": start, "end": end, "precision": precision, "modifier": modifier,
            "text": start}


def evidence(doc: str, sentence: int, text: str, title: str | None = None,
             section: str | None = "History") -> dict[str, Any]:
    start = sentence * 100
    return {"document": doc, "title": title, "section": section, "sentence": sentence,
            "start": start, "end": start + len(text), "text": text}


def citation(label: str, title: str) -> dict[str, Any]:
    return {"label": label, "text": f'"{title}". Example Wire.', "title": title,
            "work": "Example Wire"}


def document(doc: str, title: str | None = None, source: str | None = None,
             sentences: int = 5) -> dict[str, Any]:
    return {"record": "document", "id": doc, "title": title, "source": source, "format": "text",
            "date": None, "url": None, "sections": [], "sentences": sentences}


def reference(doc: str, label: str, title: str) -> dict[str, Any]:
    return {"record": "reference", "document": doc, **citation(label, title)}


def event(doc: str, rid: str, event_type: str, actors: list[str], recipients: list[str],
          date: dict[str, Any] | None = None, *, sentence: int = 1, status: str = "asserted",
          quad: int = 1, goldstein: float = 1.0, text: str | None = None,
          cites: list[dict[str, Any]] | None = None, title: str | None = None) -> dict[str, Any]:
    text = text or f"{' and '.join(NAMES.get(a or '', a or 'Someone') for a in actors)} did {event_type.lower()}."
    return {
        "record": "event", "id": rid, "event_type": event_type, "mode": None, "contexts": [],
        "cameo": None, "goldstein": goldstein, "quad_class": quad,
        "actors": [entity(a) for a in actors], "recipients": [entity(r) for r in recipients],
        "date": date or when(), "location": None, "quantities": [], "status": status,
        "attributed_to": None, "evidence": evidence(doc, sentence, text, title),
        "citations": cites or [], "confidence": 0.7,
    }


def fact(doc: str, rid: str, kind: str, subject: str, obj: str,
         valid: dict[str, Any] | None = None, *, person: str | None = None,
         place: str | None = None, sentence: int = 2, text: str | None = None,
         cites: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    text = text or f"{NAMES.get(subject, subject)} and {NAMES.get(obj, obj)}: {kind}."
    return {
        "record": "fact", "id": rid, "kind": kind, "subject": entity(subject),
        "object": entity(obj),
        "person": entity(subject, person, "person", "ambassador") if person else None,
        "place": {"name": place, "country": obj} if place else None,
        "valid": valid or when(), "status": "asserted", "confidence": 0.8,
        "evidence": evidence(doc, sentence, text), "citations": cites or [],
    }


def mali_russia(doc: str = "doc-a", title: str = "Mali–Russia relations",
                source: str | None = "pages/mali-russia.txt") -> list[dict[str, Any]]:
    """A small document's records: Soviet-era and recent Mali–Russia events and facts."""
    c1, c2 = citation("1", "Moscow and Bamako"), citation("2", "Wagner in the Sahel")
    return [
        document(doc, title, source),
        reference(doc, "1", "Moscow and Bamako"),
        reference(doc, "2", "Wagner in the Sahel"),
        event(doc, f"{doc}-e1", "SUPPORT", ["SUN", "MLI"], [], when("1960-10-14"),
              text="The Soviet Union and Mali established diplomatic relations on 14 October "
                   "1960.", cites=[c1], title=title),
        event(doc, f"{doc}-e2", "AID", ["SUN"], ["MLI"], when("1961"), quad=2, goldstein=7.4,
              sentence=2, text="In 1961 the Soviet Union sent engineers to Mali.", title=title),
        event(doc, f"{doc}-e3", "COOPERATE", ["RUS"], ["MLI"], when("2021-12"), quad=2,
              goldstein=6.0, status="alleged", sentence=3,
              text="Russian mercenaries were reportedly deployed to Mali in December 2021.",
              cites=[c2], title=title),
        event(doc, f"{doc}-e4", "ACCUSE", ["FRA"], ["MLI"], when("2022-02"), quad=3,
              goldstein=-2.0, sentence=4, text="France accused Mali of hiring mercenaries.",
              title=title),
        fact(doc, f"{doc}-f1", "diplomatic_relations", "SUN", "MLI",
             when("1960-10-14", modifier="established"), sentence=0),
        fact(doc, f"{doc}-f2", "embassy", "RUS", "MLI", place="Bamako", sentence=5),
        fact(doc, f"{doc}-f3", "ambassador", "RUS", "MLI", when("2015", "2019"),
             person="Alexey Dulian", sentence=6),
    ]
