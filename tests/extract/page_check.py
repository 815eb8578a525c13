"""Comparing what dyad finds on a whole test page with a list made by hand from its text."""

from __future__ import annotations

from pathlib import Path

from dyad.pipeline import extract_records
from dyad.read import read_text


def page_records(page: Path) -> list[dict]:
    """Every record ``dyad extract`` gives for the page."""
    return list(extract_records(read_text(page.read_text(encoding="utf-8"), source=str(page))))


def countries(entities: list[dict]) -> set[str]:
    return {e["country"] for e in entities if e["country"]}


def event_key(r: dict) -> tuple:
    """(PLOVER type, actor countries, recipient countries, date start)."""
    return (r["event_type"], countries(r["actors"]), countries(r["recipients"]),
            r["date"]["start"])


def fact_key(r: dict) -> tuple:
    """(kind, subject, object, person, valid start, valid end, status)."""
    return (r["kind"], r["subject"]["country"], r["object"]["country"],
            r["person"]["name"] if r["person"] else None, r["valid"]["start"],
            r["valid"]["end"], r["status"])


def missing_and_extra(expected: list[tuple], records: list[dict]) -> tuple[list, list]:
    """The hand-listed events dyad missed, and the events it gave beyond the list."""
    found = [event_key(r) for r in records if r["record"] == "event"]
    missing = []
    for key in expected:
        if key in found:
            found.remove(key)
        else:
            missing.append(key)
    return missing, found
