"""A fresh knowledge base per test, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from dyad.kb import KnowledgeBase
from tests.kb import postgres

_numbers = itertools.count()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[postgres.Server]:
    """A throwaway PostgreSQL server for the session (skips, saying why, when none starts)."""
    try:
        server = postgres.start()
    except postgres.Unavailable as e:
        pytest.skip(f"PostgreSQL tests skipped: {e}")
    yield server
    if callable(server.stop):
        server.stop()


@pytest.fixture
def postgres_url(postgres_server: postgres.Server) -> str:
    return postgres.create_schema(postgres_server, f"dyad_test_{next(_numbers)}")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "kb.db")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def kb(db_url: str) -> Iterator[KnowledgeBase]:
    base = KnowledgeBase.open(db_url)
    yield base
    base.close()
