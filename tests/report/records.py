"""Contract records written for the report tests: Chile and Peru, in our own words."""

from __future__ import annotations

from typing import Any

from tests.entities import entity

DOC, DOC2 = "d0c0000000000001", "d0c0000000000002"
HOSTILE = "<script>alert(1)</script>"


def when(start: str | None = None, end: str | None = None, precision: str | None = None,
         modifier: str | None = None, text: str | None = None) -> dict[str, Any]:
    if precision is None:
        precision = {4: "year", 7: "month", 10: "day"}.get(len(start or end or ""), "unknown")
    return {"start": start, "end": end, "precision": precision, "modifier": modifier,
            "text": text}


def evidence(text: str, sentence: int, doc: str = DOC, section: str | None = "History",
             title: str = "Chile–Peru relations") -> dict[str, Any]:
    return {"document": doc, "title": title, "section": section, "sentence": sentence,
            "start": sentence * 200, "end": sentence * 200 + len(text), "text": text}


def cite(label: str) -> dict[str, Any]:
    ref = REFERENCES[label]
    return {k: v for k, v in ref.items() if k not in ("record", "document") and v}


def event(rid: str, event_type: str, quad: int | None, goldstein: float | None, date: dict,
          text: str, sentence: int, *, cites: tuple[str, ...] = (), status: str = "asserted",
          actors: tuple[str, ...] = ("CHL",), recipients: tuple[str, ...] = ("PER",),
          section: str | None = "History") -> dict[str, Any]:
    return {
        "record": "event", "id": rid, "event_type": event_type, "mode": None, "contexts": [],
        "cameo": "040", "goldstein": goldstein, "quad_class": quad,
        "actors": [entity(a) for a in actors], "recipients": [entity(r) for r in recipients],
        "date": date, "location": None, "quantities": [], "status": status,
        "attributed_to": None, "evidence": evidence(text, sentence, section=section),
        "citations": [cite(c) for c in cites], "confidence": 0.7,
    }


def fact(rid: str, kind: str, subject: str, obj: str, valid: dict, text: str, sentence: int, *,
         person: str | None = None, place: str | None = None, cites: tuple[str, ...] = (),
         status: str = "asserted") -> dict[str, Any]:
    return {
        "record": "fact", "id": rid, "kind": kind, "subject": entity(subject),
        "object": entity(obj),
        "person": entity(subject, person, kind="person", role="ambassador") if person else None,
        "place": {"name": place, "country": obj} if place else None,
        "valid": valid, "status": status, "confidence": 0.8,
        "evidence": evidence(text, sentence), "citations": [cite(c) for c in cites],
    }


def reference(label: str, text: str, **fields: Any) -> dict[str, Any]:
    base = {"record": "reference", "document": DOC, "label": label, "text": text,
            "title": None, "authors": [], "date": None, "work": None, "publisher": None,
            "url": None, "isbn": None, "doi": None, "language": None, "accessed": None,
            "archived": None, "quote": None}
    return {**base, **fields}


REFERENCES = {
    "1": reference("1", '"The border settled". Pacific Review. 1930.', title="The border settled",
                   work="Pacific Review", date="1930", url="https://example.org/border"),
    "2": reference("2", '"Fishing rows resume" (in Spanish). Diario Ejemplo. 4 January 2008.',
                   title="Fishing rows resume", work="Diario Ejemplo", date="2008-01-04",
                   language="Spanish", archived="2010-02-01", accessed="2020-03-03"),
    "3": reference("3", '"Relief flights". Andes Weekly.', title="Relief flights",
                   work="Andes Weekly", url="javascript:alert(3)"),
    "4": reference("4", "Notes of the embassy, unnumbered folio."),
}

EVENTS = [
    event("ev-treaty", "AGREE", 1, 4.0, when("1929-06-03", text="on 3 June 1929"),
          "Chile and Peru signed a treaty that settled their border on 3 June 1929.", 4,
          cites=("1",), actors=("CHL", "PER"), recipients=()),
    event("ev-war", "ASSAULT", 4, -10.0, when("1879", "1883", text="1879–1883"),
          "Chile and Peru fought a war over the nitrate coast from 1879 to 1883.", 2,
          actors=("CHL",), recipients=("PER",)),
    event("ev-fish", "ACCUSE", 3, -2.0, when("2008-01", text="in January 2008"),
          "In January 2008 Peru said Chilean boats were fishing in its waters.", 8,
          cites=("2",), status="alleged", actors=("PER",), recipients=("CHL",)),
    event("ev-aid", "AID", 2, 7.0, when("2019-05-10"),
          "Chile promised relief flights to Peru after the earthquake of May 2019.", 9,
          cites=("1", "3"), status="pledged"),
    event("ev-talk", "CONSULT", 1, 1.0, when(),
          "Diplomats of both countries meet often.", 10, cites=("4",)),
]

FACTS = [
    fact("f-rel", "diplomatic_relations", "CHL", "PER", when("1839", modifier="established"),
         "Chile and Peru established diplomatic relations in 1839.", 1, cites=("1",)),
    fact("f-rec", "recognition", "CHL", "PER", when("1822-12-20"),
         "Chile recognised Peru on 20 December 1822.", 0),
    fact("f-emb-lima", "embassy", "CHL", "PER", when("1850", "1879"),
         "Chile opened an embassy in Lima in 1850 and closed it during the war.", 3,
         place="Lima", cites=("2",)),
    fact("f-emb-santiago", "embassy", "PER", "CHL", when("1884"),
         "Peru has kept an embassy in Santiago since 1884.", 5, place="Santiago"),
    fact("f-amb-old", "ambassador", "CHL", "PER", when("2015-04", "2020-01"),
         "Ana Rojas was Chile's ambassador to Peru from April 2015 to January 2020.", 6,
         person="Ana Rojas"),
    fact("f-amb-now", "ambassador", "CHL", "PER", when("2021-03"),
         "Luis Vera has been Chile's ambassador in Lima since March 2021.", 7,
         person="Luis Vera"),
]

DOCUMENTS = {
    DOC: {"record": "document", "id": DOC, "title": "Chile–Peru relations",
          "source": "chile_peru.txt", "format": "page", "date": None,
          "url": "https://example.org/chile-peru", "sections": [], "sentences": 12,
          "ingested_at": "2026-01-02T03:04:05+00:00"},
}


def all_records() -> list[dict[str, Any]]:
    return [*EVENTS, *FACTS]


def hostile_records() -> list[dict[str, Any]]:
    """One event whose sentence, section and citation carry markup, as a hostile page would."""
    rec = event("ev-hostile", "ACCUSE", 3, -2.0, when("2010-05"),
                f'Peru said {HOSTILE} and "quoted" <b>words</b> & more.', 11,
                section="<img src=x onerror=alert(2)>", cites=("1",))
    rec["citations"] = [{"label": "9", "text": "</script><script>alert(4)</script>",
                         "title": "</script><script>alert(4)</script>",
                         "url": "javascript:alert(5)"}]
    rec["event_type"] = "ACCUSE</script>"
    return [rec]
