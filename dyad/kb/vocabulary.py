"""The contract's closed vocabularies, to check query filters against (../shared/spec/records.md).

A filter outside them would match nothing; saying so beats an empty answer.
"""

from __future__ import annotations

from dyad.errors import DataError

STATUSES = ("asserted", "alleged", "speculated", "reported", "pledged", "planned", "denied",
            "negated", "hypothetical")
FACT_KINDS = ("diplomatic_relations", "recognition", "embassy", "consulate", "ambassador",
              "treaty", "membership", "accreditation")


def event_type(value: str | None) -> str | None:
    """"aid" → "AID"; DataError for a name that is none of PLOVER's 16."""
    if not value:
        return None
    from dyad.ontology import plover_types

    names = [p.name for p in plover_types()]
    if value.upper() not in names:
        raise DataError(f"unknown event type {value!r} (PLOVER: {', '.join(names)})")
    return value.upper()


def status(value: str | None) -> str | None:
    if not value:
        return None
    if value.lower() not in STATUSES:
        raise DataError(f"unknown status {value!r} (one of {', '.join(STATUSES)})")
    return value.lower()


def fact_kind(value: str | None) -> str | None:
    if not value:
        return None
    kind = value.lower().replace(" ", "_").replace("-", "_")
    if kind == "relations":
        kind = "diplomatic_relations"
    if kind not in FACT_KINDS:
        raise DataError(f"unknown fact kind {value!r} (one of {', '.join(FACT_KINDS)})")
    return kind
