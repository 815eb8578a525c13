"""The shape of a fact as extraction finds it, before it becomes a record."""

from __future__ import annotations

from dataclasses import dataclass

from dyad.annotate.time import TimeMention
from dyad.model import Entity, When


@dataclass(frozen=True, slots=True)
class FoundFact:
    kind: str
    subject: Entity
    object: Entity
    valid: When
    status: str
    person: Entity | None = None
    place: dict[str, str | None] | None = None  # the city of a mission, nothing else
    confidence: float = 0.8
    treaty: str | None = None  # a treaty fact's name: "Treaty of Friendship and Commerce"


def unknown() -> When:
    """A fact whose time the text does not state."""
    return When(None, None, "unknown", None, None)


def nearest_time(times: list[TimeMention], at: int) -> TimeMention | None:
    """The time mention starting nearest the character offset ``at`` (a fact's own verb)."""
    return min(times, key=lambda t: abs(t.start - at)) if times else None
