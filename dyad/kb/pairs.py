"""Who did what to whom, as the analysts' tables count it (panel, ICEWS table, network).

An event goes from each actor's state to each recipient's state. Where no recipient
names a state ("the Soviet Union and Mali established relations"), the actors acted
with each other: the event goes both ways between them, as ICEWS codes a joint act.

These tables count what the text says took place: an event or fact that is pledged,
planned, denied, negated, hypothetical or speculated did not (yet) happen, and is left
out unless the caller asks for a status by name.
"""

from __future__ import annotations

from itertools import permutations
from typing import Any

from dyad.kb.merge import countries

# what the text gives as having happened (see STATUSES in dyad.kb.vocabulary)
HAPPENED = frozenset({"asserted", "reported", "alleged"})

QUAD_COLUMNS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")


def directed_pairs(record: dict[str, Any]) -> list[tuple[str, str]]:
    """The event's (from, to) state pairs, each once, in a stable order."""
    actors = countries(record.get("actors") or [])
    recipients = countries(record.get("recipients") or [])
    pairs = [(a, b) for a in actors for b in recipients if a != b]
    if not pairs and not recipients:
        pairs = list(permutations(actors, 2))
    return list(dict.fromkeys(pairs))


def counted(record: dict[str, Any], *, status: str | None = None,
            min_confidence: float | None = None) -> bool:
    """The record happened (or has the ``status`` asked for) and is sure enough."""
    if status is not None:
        if record.get("status") != status:
            return False
    elif (record.get("status") or "asserted") not in HAPPENED:
        return False
    return sure_enough(record, min_confidence)


def sure_enough(record: dict[str, Any], min_confidence: float | None) -> bool:
    """The record's confidence is ``min_confidence`` or more (or it has none: a record
    that was never scored is not dropped for that)."""
    confidence = record.get("confidence")
    return min_confidence is None or confidence is None or confidence >= min_confidence


def quad_column(quad_class: Any) -> str | None:
    """1–4 → "verbal_coop" … "material_conflict"; None for anything else."""
    if isinstance(quad_class, int) and 1 <= quad_class <= 4:
        return QUAD_COLUMNS[quad_class - 1]
    return None
