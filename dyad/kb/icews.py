"""Events as an ICEWS event table: one row per actor–recipient pair, ICEWS's columns.

Where ICEWS has a news story, dyad has a document and a sentence: Story ID is the
document id, Sentence Number the sentence's index in it, Event Text the evidence
sentence, Publisher the cited reference's publisher (else its work, else the
document's title). Intensity is the Goldstein score of the CAMEO code. Countries are
written by name, as ICEWS does; dates at the precision the text gives ("1961" stays
"1961"). An event of several pairs has one row per pair, its Event ID the record id
with "-1", "-2" … added; a lone event keeps the record id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from dyad.kb import countries

COLUMNS = ("Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
           "Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
           "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District",
           "Province", "Country", "Latitude", "Longitude")


def icews_rows(events: Iterable[dict[str, Any]],
               keep: Callable[[str | None, str | None], bool] | None = None,
               ) -> list[dict[str, Any]]:
    """The ICEWS rows of ``events`` (already filtered), in their order; ``keep`` says which
    (source country, target country) pairs to keep."""
    rows: list[dict[str, Any]] = []
    for record in events:
        pairs = _entity_pairs(record)
        rid = record.get("id") or ""
        for n, (source, target) in enumerate(pairs, 1):
            # numbered before filtering: a row's id is the same in every export
            if keep is None or keep(source.get("country"), (target or {}).get("country")):
                rows.append(_row(record, f"{rid}-{n}" if len(pairs) > 1 else rid, source,
                                 target))
    return rows


def _entity_pairs(record: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Actor × recipient; without recipients, the actors with each other, both ways (a
    joint act); a lone actor with no target at all."""
    actors = [a for a in record.get("actors") or [] if a]
    recipients = [r for r in record.get("recipients") or [] if r]
    if recipients:
        return [(a, r) for a in actors for r in recipients if a != r]
    if len(actors) > 1:
        return [(a, b) for a in actors for b in actors if a is not b and a != b]
    return [(a, None) for a in actors]


def _sectors(entity: dict[str, Any] | None) -> str:
    from dyad.ontology import plover_sectors

    code = (entity or {}).get("sector")
    if not code:
        return ""
    return plover_sectors().get(code, code).replace(", ", ",")


def _country(code: str | None) -> str:
    return countries.name_of(code) if code else ""


def _publisher(record: dict[str, Any]) -> str:
    for citation in record.get("citations") or []:
        found = citation.get("publisher") or citation.get("work")
        if found:
            return str(found)
    return (record.get("evidence") or {}).get("title") or ""


def _row(record: dict[str, Any], event_id: str, source: dict[str, Any],
         target: dict[str, Any] | None) -> dict[str, Any]:
    evidence = record.get("evidence") or {}
    when = record.get("date") or {}
    place = record.get("location") or {}
    return {
        "Event ID": event_id, "Event Date": when.get("start") or when.get("end") or "",
        "Source Name": source.get("name") or "", "Source Sectors": _sectors(source),
        "Source Country": _country(source.get("country")),
        "Event Text": evidence.get("text") or "", "CAMEO Code": record.get("cameo") or "",
        "Intensity": record.get("goldstein"),
        "Target Name": (target or {}).get("name") or "", "Target Sectors": _sectors(target),
        "Target Country": _country((target or {}).get("country")),
        "Story ID": evidence.get("document") or "",
        "Sentence Number": evidence.get("sentence"), "Publisher": _publisher(record),
        "City": place.get("name") or "", "District": "", "Province": "",
        "Country": _country(place.get("country")),
        "Latitude": place.get("lat"), "Longitude": place.get("lon"),
    }
