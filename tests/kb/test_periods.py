from __future__ import annotations

import pytest

from dyad.errors import DataError
from dyad.kb.periods import bounds, nested, period_of, range_bound, sort_key
from tests.kb.records import when


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (when("1967"), ("1967-01-01", "1967-12-31")),
        (when("1967-02"), ("1967-02-01", "1967-02-28")),
        (when("1968-02"), ("1968-02-01", "1968-02-29")),
        (when("1967-02-18"), ("1967-02-18", "1967-02-18")),
        (when("1990", "1999", "decade"), ("1990-01-01", "1999-12-31")),
        (when(None, "1991"), ("1991-01-01", "1991-12-31")),
        (when(), (None, None)),
        ({"start": "XXXX-SU"}, (None, None)),
        (None, (None, None)),
    ],
)
def test_bounds(value: dict | None, expected: tuple) -> None:
    assert bounds(value) == expected


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [("1967", "1967-02-18", True), ("1967-02-18", "1967", True), ("1967", "1968", False),
     ("1967-02-18", "1967-02-19", False), ("1967-02", "1967-02-28", True)],
)
def test_nested(x: str, y: str, expected: bool) -> None:
    assert nested(bounds(when(x)), bounds(when(y))) is expected


def test_sort_key_orders_mixed_precision_in_time() -> None:
    keys = [sort_key(when(v)) for v in ("1968", "1967-02-18", "1967", "1967-02")]
    assert sorted(keys) == ["1967", "1967-02", "1967-02-18", "1968"]
    assert sort_key(when()) is None


@pytest.mark.parametrize(
    ("start", "by", "expected"),
    [("1967-02-18", "year", "1967"), ("1967-02-18", "month", "1967-02"),
     ("1967-05-01", "quarter", "1967-Q2"), ("1967", "month", "1967"), (None, "year", None)],
)
def test_period_of(start: str | None, by: str, expected: str | None) -> None:
    assert period_of(start, by) == expected


def test_range_bounds() -> None:
    assert range_bound("1990", end=False) == "1990-01-01"
    assert range_bound("2024", end=True) == "2024-12-31"
    assert range_bound(None, end=True) is None
    with pytest.raises(DataError, match="--from must be a date"):
        range_bound("last year", end=False)
