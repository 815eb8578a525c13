"""create_app: the store opened up front, and every failure answered in one clear line."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import httpx
import pytest

from dyad.errors import DataError
from dyad.web import create_app
from dyad.web.app import validation_message


def test_a_folder_is_no_database(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="folder"):
        create_app(str(tmp_path))


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE customers (name TEXT)")
    with pytest.raises(DataError, match="not a dyad knowledge base"):
        create_app(str(other))


def ask(app: object, path: str) -> httpx.Response:
    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.get(path)

    return asyncio.run(go())


def test_a_store_that_fails_under_a_running_app_is_503(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    app = create_app(str(db))
    assert ask(app, "/api/dyads").status_code == 200
    app.state.kb.close()
    for leftover in tmp_path.glob("kb.db*"):
        leftover.unlink()
    db.write_bytes(b"this is not a database file at all, just some bytes" * 100)
    response = ask(app, "/api/dyads")
    assert response.status_code == 503
    assert response.json()["error"].startswith(f"{db}:")
    page = ask(app, "/")
    assert page.status_code == 503 and page.headers["content-type"].startswith("text/html")
    # a name the gazetteer lacks is looked up among the stored codes: the store's failure
    # there is still the server's (503), not an unknown country (404)
    for path in ("/api/dyads/Atlantis/Mali/timeline", "/dyads/Atlantis/Mali"):
        assert ask(app, path).status_code == 503, path


def test_an_empty_store_has_an_inviting_home_page(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "new.db"))
    page = ask(app, "/")
    assert page.status_code == 200
    assert "The knowledge base is empty" in page.text and 'href="/upload"' in page.text
    assert ask(app, "/api/dyads").json() == {"items": [], "limit": 100, "offset": 0,
                                             "next": None}


@pytest.mark.parametrize(
    ("errors", "line"),
    [([{"loc": ("query", "limit"), "msg": "Input should be less than or equal to 1000"}],
      "limit: Input should be less than or equal to 1000"),
     ([{"loc": ("query", "q"), "msg": "Field required"},
       {"loc": ("path", "a"), "msg": "Bad"}], "q: Field required; a: Bad"),
     ([{"loc": ("body",), "msg": "Invalid"}], "request: Invalid"),
     ([], "invalid request")],
)
def test_validation_errors_become_one_line(errors: list[dict[str, object]], line: str) -> None:
    assert validation_message(errors) == line
