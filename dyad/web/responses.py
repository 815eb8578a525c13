"""The shapes the API answers with: a page of records, an error, an upload's result.

Records stay contract dicts; the models here only describe the envelopes, for
the OpenAPI document. Endpoints return ``JSONResponse`` directly, so a page of
a thousand records is not validated field by field on its way out.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field
from starlette.datastructures import URL
from starlette.requests import Request
from starlette.responses import JSONResponse

MAX_LIMIT = 1000
DEFAULT_LIMIT = 100
MAX_OFFSET = 10**9  # far beyond any store; keeps SQLite's 64-bit OFFSET from overflowing


class WebError(Exception):
    """A request the server refuses: its HTTP status and one clear line."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


def found_or_404(record: dict[str, Any] | None, what: str, record_id: str) -> dict[str, Any]:
    """The record a path names, or a 404 saying which one is not stored."""
    if record is None:
        raise WebError(404, f"no {what} {record_id!r}")
    return record


class ErrorBody(BaseModel):
    error: str = Field(description="What was wrong, in one line.")


class Page(BaseModel):
    """A slice of a list; ``next`` is the URL of the following slice, null on the last."""

    items: list[dict[str, Any]]
    limit: int
    offset: int
    next: str | None


class Ingested(BaseModel):
    documents: list[dict[str, Any]] = Field(
        description="Per document: id, title, status (added, replaced, unchanged), "
                    "events, facts, merged, replaced.")
    skipped: list[str] = Field(description="Inputs (JSON lines) that were not documents.")
    dyads: list[dict[str, Any]] = Field(
        description="The pairs the uploaded documents' records are about: a, b, names, page.")


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "Bad request"},
    404: {"model": ErrorBody, "description": "Not found"},
    422: {"model": ErrorBody, "description": "A parameter has a value that cannot be used"},
}


def error_response(status: int, message: str,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def page_response(request: Request, rows: list[dict[str, Any]], limit: int,
                  offset: int) -> JSONResponse:
    """``rows`` holds up to ``limit + 1`` items: one more than the page says there is a next."""
    more = len(rows) > limit
    items = rows[:limit]
    headers = {}
    next_url = None
    if more:
        url = URL(str(request.url)).include_query_params(limit=limit, offset=offset + limit)
        next_url = f"{url.path}?{url.query}"
        headers["Link"] = f'<{next_url}>; rel="next"'
    return JSONResponse({"items": items, "limit": limit, "offset": offset, "next": next_url},
                        headers=headers)
