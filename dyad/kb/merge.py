"""When two documents tell the same event or fact, and when they contradict each other.

Events: the same PLOVER type between the same country pairs, both dated, one
date within the other ("1967" and "18 February 1967") — one event, several
tellings. Two undated events are never merged: nothing says they are one.

Facts: the same kind between the same sides (either order for diplomatic
relations), the same person and place (a treaty's name) where both name one, and dates that
nest or are missing on one side. Facts with the same kind, sides, person and
place whose dates both exist and do not nest are a *conflict*: both are kept
and flagged. Only tellings from different documents merge or conflict; a
document's own records stay as it gave them.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

from dyad.kb.periods import bounds, nested
from dyad.reference.gazetteer import normalise

# kinds whose two sides are interchangeable
SYMMETRIC_FACTS = frozenset({"diplomatic_relations"})

Span = tuple[str | None, str | None]


def countries(entities: list[dict[str, Any] | None]) -> list[str]:
    out: list[str] = []
    for e in entities:
        code = (e or {}).get("country")
        if code and code not in out:
            out.append(code)
    return out


def event_pairs(record: dict[str, Any]) -> list[tuple[str, str]]:
    """The country pairs of an event, each ordered a < b; (code, "") when one country only.

    Actor × recipient pairs; without a recipient country, the actors with each
    other ("the Soviet Union and Upper Volta established relations").
    """
    actors = countries(record.get("actors") or [])
    recipients = countries(record.get("recipients") or [])
    pairs = {tuple(sorted((x, y))) for x in actors for y in recipients if x != y}
    if not pairs:
        pairs = {tuple(sorted(p)) for p in combinations(sorted(set(actors + recipients)), 2)}
    if not pairs:
        pairs = {(c, "") for c in actors + recipients}
    return sorted(pairs)  # type: ignore[arg-type]


def event_key(record: dict[str, Any], pairs: list[tuple[str, str]]) -> str | None:
    """What two tellings must share to be one event; None when it cannot merge at all."""
    two_sided = [f"{a}-{b}" for a, b in pairs if b]
    if not two_sided or not record.get("event_type"):
        return None
    return f"{record['event_type']}|{';'.join(two_sided)}"


def fact_sides(record: dict[str, Any]) -> tuple[str, str]:
    subject = (record.get("subject") or {}).get("country") or ""
    obj = (record.get("object") or {}).get("country") or ""
    return subject, obj


def fact_pair(record: dict[str, Any]) -> tuple[str, str]:
    """The fact's pair as stored for lookups: a <= b, "" last."""
    s, o = fact_sides(record)
    if not s:
        return o, ""
    if not o:
        return s, ""
    a, b = sorted((s, o))
    return a, b


def fact_key(record: dict[str, Any]) -> str:
    s, o = fact_sides(record)
    if record.get("kind") in SYMMETRIC_FACTS:
        s, o = sorted((s, o))
    if not s or not o:  # an IGO side: name it, so membership of the UN ≠ of the AU
        s = s or _name(record.get("subject"))
        o = o or _name(record.get("object"))
    return f"{record.get('kind')}|{s}|{o}"


def _name(entity: dict[str, Any] | None) -> str:
    return normalise((entity or {}).get("name") or "")


def _span(value: str | None) -> Span:
    return bounds({"start": value})


def _same_or_missing(x: str | None, y: str | None) -> bool:
    return not x or not y or x == y


def _dates_agree(x: dict[str, Any], y: dict[str, Any]) -> bool:
    """Starts nest or one is missing; ends likewise."""
    for part in ("start", "end"):
        a, b = x.get(part), y.get(part)
        if a and b and not nested(_span(a), _span(b)):
            return False
    return True


def _person(record: dict[str, Any]) -> str:
    return _name(record.get("person"))


def _place(record: dict[str, Any]) -> str:
    """A mission's city, or a treaty's name: two treaties of one pair are two facts."""
    named = record.get("place") or record.get("treaty") or {}
    return normalise(named.get("name") or "")


def events_match(x: dict[str, Any], y: dict[str, Any]) -> bool:
    """Two tellings of one event (their keys already equal)."""
    return nested(bounds(x.get("date")), bounds(y.get("date")))


def facts_match(x: dict[str, Any], y: dict[str, Any]) -> bool:
    """Two tellings of one fact (their keys already equal)."""
    xv, yv = x.get("valid") or {}, y.get("valid") or {}
    return (_same_or_missing(_person(x), _person(y))
            and _same_or_missing(_place(x), _place(y))
            and _same_or_missing(xv.get("modifier"), yv.get("modifier"))
            and _dates_agree(xv, yv))


def facts_conflict(x: dict[str, Any], y: dict[str, Any]) -> bool:
    """Two facts (keys equal) about the same thing whose dates cannot both be right."""
    xv, yv = x.get("valid") or {}, y.get("valid") or {}
    if _person(x) != _person(y) or not _same_or_missing(_place(x), _place(y)):
        return False
    if not _same_or_missing(xv.get("modifier"), yv.get("modifier")):
        return False  # "established" and "restored" are two moments, not a contradiction
    dated = any(xv.get(p) and yv.get(p) for p in ("start", "end"))
    return dated and not _dates_agree(xv, yv)
