"""CAMEO codes and PLOVER types, read once from the tables in dyad/data/ontology/.

    >>> cameo("057").plover_type
    'SUPPORT'
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from dyad.errors import DataError

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

__all__ = [
    "PLOVER_TYPES", "CameoCode", "PloverType", "cameo", "cameo_codes", "coarse_class",
    "plover_sectors", "plover_type", "plover_types",
]


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code. ``plover_type`` is None for 01x statements (PLOVER has none)."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    mode: str | None
    context: tuple[str, ...]

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class PloverType:
    name: str
    description: str
    modes: tuple[str, ...]
    contexts: tuple[str, ...]


def _rows(name: str) -> Iterator[dict[str, str]]:
    try:
        text = (resources.files("dyad") / "data" / "ontology" / name).read_text("utf-8")
    except (FileNotFoundError, OSError) as e:
        raise DataError(f"ontology table {name} is missing from dyad/data/ontology") from e
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(";") if v.strip())


@cache
def _cameo_table() -> dict[str, CameoCode]:
    table: dict[str, CameoCode] = {}
    for row in _rows("cameo.tsv"):
        code = row["code"]
        ptype = row["plover_type"] or None
        if ptype is not None and ptype not in PLOVER_TYPES:
            raise DataError(f"cameo.tsv: code {code} has unknown PLOVER type {ptype!r}")
        try:
            entry = CameoCode(code=code, name=row["name"], goldstein=float(row["goldstein"]),
                              quad_class=int(row["quad_class"]), plover_type=ptype,
                              mode=row["mode"] or None, context=_split(row["context"]))
        except (TypeError, ValueError) as e:
            raise DataError(f"cameo.tsv: bad row for code {code!r}: {e}") from e
        table[code] = entry
    return table


@cache
def _plover_table() -> dict[str, PloverType]:
    table = {row["type"]: PloverType(row["type"], row["description"], _split(row["modes"]),
                                     _split(row["contexts"]))
             for row in _rows("plover.tsv")}
    if set(table) != set(PLOVER_TYPES):
        raise DataError(f"plover.tsv must list exactly the 16 PLOVER types, has {sorted(table)}")
    return table


def cameo(code: str) -> CameoCode:
    """The CAMEO entry for ``code`` ("057", "1823"); KeyError for an unknown code."""
    table = _cameo_table()
    if code not in table:
        raise KeyError(f"unknown CAMEO code {code!r}")
    return table[code]


def cameo_codes() -> list[CameoCode]:
    """Every CAMEO code in table order."""
    return list(_cameo_table().values())


def plover_types() -> list[PloverType]:
    """The 16 PLOVER event types, in PLOVER's order."""
    table = _plover_table()
    return [table[t] for t in PLOVER_TYPES]


def plover_type(name: str) -> PloverType:
    return _plover_table()[name]


@cache
def plover_sectors() -> dict[str, str]:
    """PLOVER/CAMEO actor sector codes → short name."""
    return {row["code"]: row["name"] for row in _rows("sectors.tsv")}


def coarse_class(code: str) -> int:
    """0 statement/appeal (CAMEO 01, 02), else the quad class 1–4 (ConfliBERT's labels)."""
    return 0 if code[:2] in ("01", "02") else cameo(code).quad_class
