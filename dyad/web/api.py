"""The JSON API under /api: the queries of the `dyad` CLI, paginated, and uploads.

Lists answer ``{"items": [...], "limit", "offset", "next"}`` with the records
in the record contract; ``next`` (and a ``Link: rel="next"`` header) points at
the following slice. Errors answer ``{"error": "..."}`` with a 4xx status.
"""

from __future__ import annotations

import hmac
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse

from dyad.errors import DatabaseError, DataError
from dyad.kb import KnowledgeBase
from dyad.web.responses import (
    DEFAULT_LIMIT,
    ERRORS,
    MAX_LIMIT,
    MAX_OFFSET,
    ErrorBody,
    Ingested,
    Page,
    WebError,
    found_or_404,
    page_response,
)
from dyad.web.upload import (
    Upload,
    ingest_documents,
    parse_upload,
    read_documents,
)

router = APIRouter(prefix="/api", tags=["api"])
bearer = HTTPBearer(auto_error=False, description="The token `dyad serve` was started with "
                                                  "(--token or $DYAD_TOKEN).")

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
Strict = Annotated[bool, Query(description="Only the states named: leave out predecessors "
                                           "and successors (the Soviet Union for Russia).")]
Text = Annotated[str | None, Query(max_length=200)]
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def get_kb(request: Request) -> KnowledgeBase:
    return request.app.state.kb


KB = Annotated[KnowledgeBase, Depends(get_kb)]


def pair(kb: KnowledgeBase, a: str, b: str) -> tuple[str, str]:
    """Both sides as codes; an unknown country is a 404 that names it."""
    try:
        return kb.country(a), kb.country(b)
    except DatabaseError:
        raise
    except DataError as e:
        raise WebError(404, str(e)) from None


def checked_date(value: str | None, name: str, *, end: bool) -> None:
    """A 422 naming the parameter for a date no calendar has (1990-13)."""
    from dyad.kb.periods import range_bound

    try:
        range_bound(value, end=end)
    except DataError:
        raise WebError(422, f"{name}: {value!r} is not a date written YYYY, YYYY-MM or "
                            "YYYY-MM-DD") from None


# -- documents ---------------------------------------------------------------------------

@router.get("/documents", response_model=Page, responses=ERRORS)
def documents(kb: KB, request: Request, limit: Limit = DEFAULT_LIMIT,
              offset: Offset = 0) -> JSONResponse:
    """Document records in the order they were stored (each with ``ingested_at``)."""
    return page_response(request, kb.documents(limit=limit + 1, offset=offset), limit, offset)


@router.get("/documents/{doc_id}", responses=ERRORS)
def document(kb: KB, doc_id: str) -> JSONResponse:
    """One document record."""
    return JSONResponse(found_or_404(kb.document(doc_id), "document", doc_id))


@router.get("/documents/{doc_id}/references", response_model=Page, responses=ERRORS)
def references(kb: KB, request: Request, doc_id: str, limit: Limit = DEFAULT_LIMIT,
               offset: Offset = 0) -> JSONResponse:
    """The reference records of one document (its parsed reference list)."""
    found_or_404(kb.document(doc_id), "document", doc_id)
    rows = kb.references(doc_id)
    return page_response(request, rows[offset:offset + limit + 1], limit, offset)


# -- events and facts ---------------------------------------------------------------------

@router.get("/events", response_model=Page, responses=ERRORS)
def events(kb: KB, request: Request,
           dyad: Annotated[str | None, Query(max_length=200,
                                             description="A pair: MLI-RUS or 'Mali,Russia'.")]
           = None,
           country: Annotated[str | None, Query(max_length=200, description=(
               "Events with this country on either side."))] = None,
           event_type: Annotated[str | None, Query(alias="type", max_length=40, description=(
               "PLOVER type: AID, CONSULT, ..."))] = None,
           start: Annotated[str | None, Query(alias="from", max_length=10, pattern=DATE,
                                              description="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
           end: Annotated[str | None, Query(alias="to", max_length=10, pattern=DATE,
                                            description="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
           status: Text = None, document: Text = None, strict: Strict = False,
           limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> JSONResponse:
    """Events in time order (undated last), merged across documents; the filters of
    ``dyad events``."""
    checked_date(start, "from", end=False)
    checked_date(end, "to", end=True)
    rows = kb.events(dyad=dyad, country=country, event_type=event_type,  # type: ignore[arg-type]
                     start=start, end=end, status=status, document=document, strict=strict,
                     limit=limit + 1, offset=offset)
    return page_response(request, rows, limit, offset)


@router.get("/events/{event_id}", responses=ERRORS)
def event(kb: KB, event_id: str) -> JSONResponse:
    """One event record, with ``sources`` when several documents tell it."""
    return JSONResponse(found_or_404(kb.event(event_id), "event", event_id))


@router.get("/facts", response_model=Page, responses=ERRORS)
def facts(kb: KB, request: Request,
          kind: Annotated[str | None, Query(max_length=40, description=(
              "ambassador, embassy, consulate, diplomatic_relations, recognition, ..."))] = None,
          country: Text = None,
          dyad: Annotated[str | None, Query(max_length=200, description="A pair: MLI-RUS.")]
          = None,
          document: Text = None, strict: Strict = False, limit: Limit = DEFAULT_LIMIT,
          offset: Offset = 0) -> JSONResponse:
    """Standing facts (relations, embassies, ambassadors with tenures), conflicts flagged."""
    rows = kb.facts(kind=kind, country=country, dyad=dyad, document=document,  # type: ignore[arg-type]
                    strict=strict, limit=limit + 1, offset=offset)
    return page_response(request, rows, limit, offset)


@router.get("/facts/{fact_id}", responses=ERRORS)
def fact(kb: KB, fact_id: str) -> JSONResponse:
    """One fact record."""
    return JSONResponse(found_or_404(kb.fact(fact_id), "fact", fact_id))


# -- dyads ------------------------------------------------------------------------------

@router.get("/dyads", response_model=Page, responses=ERRORS)
def dyads(kb: KB, request: Request, limit: Limit = DEFAULT_LIMIT,
          offset: Offset = 0) -> JSONResponse:
    """Every pair: events, facts, first and last event, Goldstein total, net cooperation."""
    rows = kb.dyads()
    return page_response(request, rows[offset:offset + limit + 1], limit, offset)


@router.get("/dyads/{a}/{b}/timeline", response_model=Page, responses=ERRORS)
def timeline(kb: KB, request: Request, a: str, b: str, strict: Strict = False,
             limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> JSONResponse:
    """The pair's events and facts in time order (names or codes; undated last)."""
    code_a, code_b = pair(kb, a, b)
    rows = kb.timeline(code_a, code_b, strict=strict)
    return page_response(request, rows[offset:offset + limit + 1], limit, offset)


@router.get("/dyads/{a}/{b}/series", response_model=Page, responses=ERRORS)
def series(kb: KB, request: Request, a: str, b: str,
           by: Literal["year", "quarter", "month"] = "year", strict: Strict = False,
           limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> JSONResponse:
    """Events per period: counts per quad class, Goldstein total and mean."""
    code_a, code_b = pair(kb, a, b)
    rows = kb.series(code_a, code_b, by=by, strict=strict)
    return page_response(request, rows[offset:offset + limit + 1], limit, offset)


# -- search -------------------------------------------------------------------------------

@router.get("/search", response_model=Page, responses=ERRORS)
def search(kb: KB, request: Request,
           q: Annotated[str, Query(min_length=1, max_length=500, description=(
               'Words that must all occur, or "quoted phrases".'))],
           limit: Limit = 20, offset: Offset = 0) -> JSONResponse:
    """Sentences holding all the words, with their document and section."""
    return page_response(request, kb.search(q, limit=limit + 1, offset=offset), limit, offset)


# -- upload -------------------------------------------------------------------------------

UPLOAD_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    401: {"model": ErrorBody, "description": "No token, or not the server's token"},
    403: {"model": ErrorBody, "description": "The server was started without a token: "
                                             "uploads are off"},
    413: {"model": ErrorBody, "description": "The body is over the server's size limit"},
    415: {"model": ErrorBody, "description": "A Content-Type no reader takes"},
}
_TEXT_BODY = {"schema": {"type": "string", "minLength": 1}}
UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "description": "The document: a raw body whose Content-Type names its format, or a "
                       "form with a `file` part (or a `text` field).",
        "content": {
            "text/plain": _TEXT_BODY,
            "text/html": _TEXT_BODY,
            "application/x-wikitext": _TEXT_BODY,
            "application/jsonl": _TEXT_BODY,
            "application/x-ndjson": _TEXT_BODY,
            "multipart/form-data": {"schema": {"type": "object", "properties": {
                "file": {"type": "string", "format": "binary"},
                "text": {"type": "string"},
                "title": {"type": "string"},
                "date": {"type": "string"},
                "url": {"type": "string"},
                "format": {"type": "string", "enum": ["page", "wikitext", "html", "text",
                                                      "jsonl"]},
            }}},
        },
    },
}


def check_token(request: Request, credentials: HTTPAuthorizationCredentials | None) -> None:
    """403 when the server has no token (uploads off), 401 for a missing or wrong one."""
    expected = request.app.state.token
    if expected is None:
        raise WebError(403, "uploads are off: start dyad serve with --token or $DYAD_TOKEN")
    given = credentials.credentials if credentials is not None else ""
    if not given:
        raise WebError(401, "uploading needs the server's token: "
                            "send 'Authorization: Bearer TOKEN'",
                       headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise WebError(401, "wrong token", headers={"WWW-Authenticate": "Bearer"})


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it passes ``limit`` bytes."""
    too_big = WebError(413, f"the body is over the limit of {limit:,} bytes")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_big
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)


@router.post("/documents", status_code=201, response_model=Ingested,
             responses={200: {"model": Ingested, "description": "Already stored, unchanged"},
                        **UPLOAD_ERRORS},
             openapi_extra=UPLOAD_BODY)
async def post_document(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
        title: Annotated[str | None, Query(max_length=1000)] = None,
        date: Annotated[str | None, Query(max_length=10, pattern=DATE, description=(
            "Publication date (YYYY-MM-DD): what 'on Tuesday' resolves against."))] = None,
        url: Annotated[str | None, Query(max_length=2000)] = None,
        format: Annotated[Literal["page", "wikitext", "html", "text", "jsonl"] | None,
                          Query(description="Skip sniffing: read the body as this format.")]
        = None) -> JSONResponse:
    """Extract a document and store its records (token needed). 201 when stored, 200 when
    the same document was already there."""
    check_token(request, credentials)
    state = request.app.state
    body = await read_body(request, state.max_upload_bytes)
    params = {k: v for k, v in (("title", title), ("date", date), ("url", url),
                                ("format", format)) if v}
    upload = parse_upload(body, request.headers.get("content-type"), params)
    result = await run_in_threadpool(_ingest, state.kb, state.ingest_lock, upload)
    stored = [r for r in result["documents"] if r["status"] != "unchanged"]
    headers = {"Location": f"/api/documents/{result['documents'][0]['document']}"}
    return JSONResponse(result, status_code=201 if stored else 200, headers=headers)


def _ingest(kb: KnowledgeBase, lock: Any, upload: Upload) -> dict[str, Any]:
    from dyad.kb.countries import name_of

    docs, skipped = read_documents(upload)
    with lock:
        results, pairs = ingest_documents(kb, docs)
    return {"documents": results, "skipped": skipped,
            "dyads": [{"a": a, "b": b, "a_name": name_of(a), "b_name": name_of(b),
                       "page": f"/dyads/{a}/{b}"} for a, b in pairs]}
