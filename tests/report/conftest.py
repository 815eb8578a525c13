"""A dossier of Chile and Peru built from hand-written records."""

from __future__ import annotations

import pytest

from dyad.report.dossier import Dossier, Side, assemble
from tests.report import records


@pytest.fixture
def dossier() -> Dossier:
    return assemble(Side("CHL", "Chile"), Side("PER", "Peru"), records.all_records(),
                    references={records.DOC: list(records.REFERENCES.values())},
                    documents=records.DOCUMENTS, built_at="2026-01-02 03:04 UTC",
                    source="test.db")
