"""A When as sortable ISO bounds, range filters, and the periods of a series."""

from __future__ import annotations

import re
from typing import Any

from dyad.dates import days_in_month
from dyad.errors import DataError

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
PERIODS = ("year", "quarter", "month")


def _parts(value: str | None) -> tuple[int, int | None, int | None] | None:
    m = _ISO.match(value or "")
    if not m:
        return None
    year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= days_in_month(year, month or 1):
        return None
    return year, month or None, day or None


def first_day(value: str | None) -> str | None:
    """"1967" → "1967-01-01", "1967-02" → "1967-02-01"; None for anything not ISO."""
    p = _parts(value)
    if p is None:
        return None
    year, month, day = p
    return f"{year:04d}-{month or 1:02d}-{day or 1:02d}"


def last_day(value: str | None) -> str | None:
    """"1967" → "1967-12-31", "1967-02" → "1967-02-28"."""
    p = _parts(value)
    if p is None:
        return None
    year, month, day = p
    month = month or 12
    return f"{year:04d}-{month:02d}-{day or days_in_month(year, month):02d}"


def bounds(when: dict[str, Any] | None) -> tuple[str | None, str | None]:
    """The first and last day a When can mean; (None, None) when undated.

    Only an end known ("until 1991"): both bounds come from the end, so the
    record sorts where the text dates it.
    """
    when = when or {}
    start, end = when.get("start"), when.get("end")
    lo = first_day(start)
    hi = last_day(end) or last_day(start)
    if lo is None and hi is not None:
        lo = first_day(end)
    if lo is not None and hi is not None and hi < lo:
        hi = last_day(start)
    return lo, hi


def sort_key(when: dict[str, Any] | None) -> str | None:
    """The When's start as written (its end when only that is known); None when undated.

    ISO dates at mixed precision sort in time order as strings ("1967" <
    "1967-02-18" < "1968"), so this orders records without inventing a day.
    """
    when = when or {}
    for value in (when.get("start"), when.get("end")):
        if _parts(value) is not None:
            return value
    return None


def contains(outer: tuple[str | None, str | None], inner: tuple[str | None, str | None]) -> bool:
    return (outer[0] is not None and inner[0] is not None and outer[1] is not None
            and inner[1] is not None and outer[0] <= inner[0] and inner[1] <= outer[1])


def nested(x: tuple[str | None, str | None], y: tuple[str | None, str | None]) -> bool:
    """Two dated spans where one holds the other: "1967" and "1967-02-18", not 1967 and 1968."""
    return contains(x, y) or contains(y, x)


def range_bound(value: str | None, *, end: bool) -> str | None:
    """A --from/--to value ("1990", "1990-05", "1990-05-17") as a day, or DataError."""
    if value is None or value == "":
        return None
    day = last_day(value) if end else first_day(value)
    if day is None:
        raise DataError(f"{'--to' if end else '--from'} must be a date written YYYY, YYYY-MM "
                        f"or YYYY-MM-DD, not {value!r}")
    return day


def period_of(start: str | None, by: str) -> str | None:
    """The period a date falls in: "1967", "1967-Q1" or "1967-02".

    A date coarser than the period keeps its own precision ("1967" in a monthly
    series) rather than being pinned to an invented month.
    """
    p = _parts(start)
    if p is None:
        return None
    year, month, _ = p
    if by == "year" or month is None:
        return f"{year:04d}"
    if by == "quarter":
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    return f"{year:04d}-{month:02d}"
