"""Integrity of the shipped CAMEO / PLOVER tables."""

from __future__ import annotations

import pytest

from dyad.ontology import (
    PLOVER_TYPES,
    cameo,
    cameo_codes,
    coarse_class,
    plover_sectors,
    plover_types,
)


def _root_quad(root: int) -> int:
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def test_every_root_and_size() -> None:
    codes = {c.code for c in cameo_codes()}
    assert {f"{r:02d}" for r in range(1, 21)} <= codes
    assert len(codes) > 280


@pytest.mark.parametrize("entry", cameo_codes(), ids=lambda c: c.code)
def test_row_integrity(entry) -> None:
    assert len(entry.code) in (2, 3, 4) and entry.code.isdigit()
    assert 1 <= int(entry.code[:2]) <= 20
    assert entry.quad_class == _root_quad(int(entry.code[:2]))
    assert -10.0 <= entry.goldstein <= 10.0
    assert entry.name
    if entry.code[:2] != "01":
        assert entry.plover_type in PLOVER_TYPES
    if len(entry.code) > 2:  # every child has its parent
        cameo(entry.code[:-1] if len(entry.code) == 4 else entry.code[:2])


@pytest.mark.parametrize(
    ("code", "goldstein", "quad", "ptype"),
    [
        ("057", 8.0, 1, "AGREE"),  # signing is agreeing, as the dev guide codes it
        ("190", -10.0, 4, "ASSAULT"),
        ("042", 1.9, 1, "CONSULT"),
        ("0332", 5.2, 1, "AGREE"),
        ("072", 8.3, 2, "AID"),
        ("161", -4.0, 4, "SANCTION"),
        # an embargo is SANCTION by PLOVER's reference ("stop or restrict commercial …
        # exchange as … punishment"), though CAMEO2PLOVER-2021 lists COERCE
        ("163", -8.0, 4, "SANCTION"),
        ("1123", -2.0, 3, "ACCUSE"),
        ("020", 3.0, 1, "REQUEST"),
    ],
)
def test_known_values(code: str, goldstein: float, quad: int, ptype: str) -> None:
    entry = cameo(code)
    assert (entry.goldstein, entry.quad_class, entry.plover_type) == (goldstein, quad, ptype)


def test_statements_have_no_plover_type() -> None:
    assert cameo("010").plover_type is None
    assert coarse_class("010") == 0 and coarse_class("0231") == 0 and coarse_class("190") == 4


def test_unknown_code() -> None:
    with pytest.raises(KeyError):
        cameo("999")


def test_plover_types_and_sectors() -> None:
    names = [p.name for p in plover_types()]
    assert names == list(PLOVER_TYPES) and len(names) == 16
    assert "visit" in next(p for p in plover_types() if p.name == "CONSULT").modes
    assert {"GOV", "MIL", "REB", "COP"} <= set(plover_sectors())
