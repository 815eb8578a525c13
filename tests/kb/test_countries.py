from __future__ import annotations

import pytest

from dyad.errors import DataError
from dyad.kb.countries import code_of, lineage, side


@pytest.mark.parametrize(
    ("value", "code"),
    [("Mali", "MLI"), ("mali", "MLI"), ("MLI", "MLI"), ("mli", "MLI"), ("Russia", "RUS"),
     ("the Soviet Union", "SUN"), ("Burkina Faso", "BFA"), ("Upper Volta", "HVO")],
)
def test_code_of(value: str, code: str) -> None:
    assert code_of(value) == code


@pytest.mark.parametrize("value", ["Atlantis", "", "   "])
def test_unknown_country_is_a_data_error(value: str) -> None:
    with pytest.raises(DataError):
        code_of(value)


@pytest.mark.parametrize(
    ("code", "expected"),
    [("RUS", {"RUS", "SUN"}), ("SUN", {"SUN", "RUS"}), ("MLI", {"MLI", "XMF", "XFS"}),
     ("BFA", {"BFA", "HVO"}), ("UKR", {"UKR"}), ("CHL", {"CHL"})],
)
def test_lineage_follows_continuation_only(code: str, expected: set[str]) -> None:
    assert lineage(code) == expected


def test_strict_side_is_the_code_alone() -> None:
    assert side("RUS", strict=True) == {"RUS"}
    assert side("RUS", strict=False) == {"RUS", "SUN"}
