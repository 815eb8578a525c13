"""Found events and facts as records of the contract (../shared/spec/records.md)."""

from __future__ import annotations

import hashlib
from typing import Any

from dyad.extract.events import FoundEvent
from dyad.extract.found import FoundFact
from dyad.model import Document, Entity, Reference, Sentence
from dyad.ontology import cameo

CITATION_FIELDS = ("title", "work", "publisher", "authors", "date", "url", "isbn", "language",
                   "accessed", "archived")


def stable_id(*parts: object) -> str:
    """The same input gives the same id on every run."""
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def evidence(doc: Document, sentence: Sentence) -> dict[str, Any]:
    return {
        "document": doc.id,
        "title": doc.title,
        "section": sentence.section,
        "sentence": sentence.index,
        "start": sentence.start,
        "end": sentence.end,
        "text": sentence.text,
    }


def citations(doc: Document, sentence: Sentence) -> list[dict[str, Any]]:
    out = []
    refs = _references_by_label(doc) if sentence.citations else {}
    for label in sentence.citations:
        ref = refs.get(label)
        item: dict[str, Any] = {"label": label, "text": ref.text if ref else None}
        if ref:
            for name in CITATION_FIELDS:
                value = getattr(ref, name)
                if value:
                    item[name] = value
        out.append(item)
    return out


# the last document's reference list (held, so its identity cannot be reused) and its
# index by label: ``Document.reference`` scans the list, and a page cites hundreds
_INDEX: tuple[list[Reference], int, dict[str, Reference]] | None = None


def _references_by_label(doc: Document) -> dict[str, Reference]:
    global _INDEX
    refs = doc.references
    if _INDEX is None or _INDEX[0] is not refs or _INDEX[1] != len(refs):
        index: dict[str, Reference] = {}
        for ref in refs:
            index.setdefault(ref.label, ref)  # the first of a label, as Document.reference
        _INDEX = (refs, len(refs), index)
    return _INDEX[2]


def entity(e: Entity | None) -> dict[str, Any] | None:
    return e.to_dict() if e is not None else None


def event_record(doc: Document, sentence: Sentence, ev: FoundEvent) -> dict[str, Any]:
    code = cameo(ev.trigger.cameo)
    return {
        "record": "event",
        "id": stable_id(doc.id, sentence.index, ev.trigger.start, code.code),
        "event_type": code.plover_type,
        "mode": code.mode,
        "contexts": ev.contexts,
        "cameo": code.code,
        "goldstein": code.goldstein,
        "quad_class": code.quad_class,
        "actors": [entity(a) for a in ev.actors],
        "recipients": [entity(r) for r in ev.recipients],
        "date": ev.date.to_dict(),
        "location": ev.location,
        "quantities": [q.to_dict() for q in ev.quantities],
        "status": ev.trigger.status,
        "attributed_to": entity(ev.attributed_to),
        "trigger": {"text": ev.trigger.text, "start": ev.trigger.start, "end": ev.trigger.end},
        "evidence": evidence(doc, sentence),
        "citations": citations(doc, sentence),
        "confidence": ev.confidence,
    }


def fact_record(doc: Document, sentence: Sentence | None, fact: FoundFact,
                source: str | None = None) -> dict[str, Any]:
    where = sentence.index if sentence is not None else f"infobox:{source}"
    record: dict[str, Any] = {
        "record": "fact",
        # an IGO has no country: its name tells "member of the UN" from "member of the AU"
        "id": stable_id(doc.id, where, fact.kind, fact.subject.country, fact.object.country,
                        fact.person.name if fact.person else "",
                        *([fact.object.name] if fact.object.country is None else []),
                        # one sentence may list several consulates: each city is a fact
                        *([fact.place["name"]] if fact.place and fact.place.get("name")
                          and fact.kind in ("embassy", "consulate") else [])),
        "kind": fact.kind,
        "subject": entity(fact.subject),
        "object": entity(fact.object),
        "person": entity(fact.person),
        "place": fact.place,
        "valid": fact.valid.to_dict(),
        "status": fact.status,
        "confidence": fact.confidence,
    }
    if fact.treaty is not None:  # an added field: a treaty is no place
        record["treaty"] = {"name": fact.treaty}
    if sentence is not None:
        record["evidence"] = evidence(doc, sentence)
        record["citations"] = citations(doc, sentence)
    else:  # an infobox parameter: no sentence, so the evidence is the title line
        record["evidence"] = {"document": doc.id, "title": doc.title, "section": "Infobox",
                              "sentence": 0, "start": 0, "end": 0,
                              "text": f"{source}: {fact.place['name'] if fact.place else ''}"}
        record["citations"] = []
    return record


def document_record(doc: Document) -> dict[str, Any]:
    return {
        "record": "document",
        "id": doc.id,
        "title": doc.title,
        "source": doc.source,
        "format": doc.format,
        "date": doc.date,
        "url": doc.url,
        "sections": [s.to_dict() for s in doc.sections],
        "sentences": len(doc.sentences),
    }


def reference_records(doc: Document) -> list[dict[str, Any]]:
    return [{"record": "reference", "document": doc.id, **ref.to_dict()}
            for ref in doc.references]
