"""The contract's entity objects for hand-written test records (tests/kb, tests/report)."""

from __future__ import annotations

from typing import Any

NAMES = {"MLI": "Mali", "RUS": "Russia", "SUN": "Soviet Union", "FRA": "France",
         "BFA": "Burkina Faso", "HVO": "Upper Volta", "XMF": "Mali Federation",
         "CHL": "Chile", "PER": "Peru", "BOL": "Bolivia", "UKR": "Ukraine"}


def entity(code: str | None, name: str | None = None, kind: str = "state",
           role: str | None = None) -> dict[str, Any]:
    """An entity as extraction writes it; a state's name from NAMES unless given."""
    name = name or NAMES.get(code or "", code or "")
    return {"name": name, "text": name, "kind": kind, "country": code, "sector": None,
            "role": role}
