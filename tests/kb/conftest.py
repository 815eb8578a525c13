"""A fresh knowledge base per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dyad.kb import KnowledgeBase


@pytest.fixture
def kb(tmp_path: Path) -> Iterator[KnowledgeBase]:
    base = KnowledgeBase.open(str(tmp_path / "kb.db"))
    yield base
    base.close()
