"""The FastAPI application: one knowledge base per app, the API and pages mounted, every
error answered with a 4xx (or 503 when the store itself fails) and one clear line.

Handlers that query the store are plain ``def`` functions: FastAPI runs them in
its thread pool, and the engine hands each thread its own connection. Uploads
read their body on the event loop and extract in the pool, one at a time.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dyad.errors import DatabaseError, DyadError
from dyad.kb import KnowledgeBase
from dyad.kb.store import describe
from dyad.web.responses import WebError, error_response

DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024
log = logging.getLogger("dyad.web")


def create_app(kb_url: str | None = None, token: str | None = None,
               max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES) -> FastAPI:
    """The app on the knowledge base at ``kb_url`` (SQLite path or postgresql:// URL;
    None → $DYAD_DB → ./dyad.db). Uploads need ``token``; without one they are refused.

    The store is opened here, so a bad database fails before any request (DataError).
    """
    kb = KnowledgeBase.open(kb_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        kb.close()

    app = FastAPI(
        title="dyad",
        version=_version(),
        description="Events and standing facts between states, each cited to the sentence "
                    "and the references it comes from. Records follow dyad's record contract.",
        docs_url=None, redoc_url=None,  # their pages load scripts from a CDN; dyad works offline
        lifespan=lifespan,
    )
    app.state.kb = kb
    app.state.kb_label = describe(kb.name)
    app.state.token = token or None
    app.state.max_upload_bytes = max_upload_bytes
    app.state.ingest_lock = threading.Lock()  # spaCy and SQLite's writer: one upload at a time

    from dyad.web import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    _add_error_handlers(app)
    app.add_middleware(SecurityHeaders)
    # a 1,000-event dyad page is ~1.2 MB of HTML and ~0.1 MB gzipped; level 5 takes ~10 ms
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=5)
    return app


def _version() -> str:
    try:
        return version("dyad")
    except PackageNotFoundError:
        return "0"


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/api" or path == "/openapi.json"


def _add_error_handlers(app: FastAPI) -> None:
    def answer(request: Request, status: int, message: str,
               headers: dict[str, str] | None = None) -> Response:
        if wants_json(request):
            return error_response(status, message, headers)
        from dyad.web.pages import error_page

        return error_page(status, message, headers)

    @app.exception_handler(WebError)
    async def on_web_error(request: Request, exc: WebError) -> Response:
        return answer(request, exc.status, exc.message, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.status_code)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        headers = getattr(exc, "headers", None)
        if exc.status_code == 405:
            allowed = allowed_methods(request)
            message = (f"{request.method} is not allowed on {request.url.path} "
                       f"(only {', '.join(allowed)})")
            # Starlette names only the first matching route's methods; a path has them all
            headers = {**(headers or {}), "Allow": ", ".join(allowed)}
        return answer(request, exc.status_code, message, headers)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
        return answer(request, 422, validation_message(exc.errors()))

    @app.exception_handler(DyadError)
    async def on_dyad_error(request: Request, exc: DyadError) -> Response:
        # the store's own failures are the server's fault, not the request's
        status = 503 if isinstance(exc, DatabaseError) else 422
        return answer(request, status, str(exc))

    @app.exception_handler(Exception)
    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return answer(request, 500, "internal error (the server log has the details)")


def allowed_methods(request: Request) -> list[str]:
    """Every method some route takes on the request's path."""
    from starlette.routing import Match

    allowed = []
    for method in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"):
        scope = {**request.scope, "method": method}
        if any(route.matches(scope)[0] == Match.FULL for route in request.app.router.routes):
            allowed.append(method)
    return allowed


def validation_message(errors: Any) -> str:
    """FastAPI's validation errors as one line: "limit: Input should be ...; q: Field required"."""
    parts = []
    for e in errors:
        loc = [str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body", "header")]
        parts.append(f"{'.'.join(loc) or 'request'}: {e.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


class SecurityHeaders:
    """Headers every answer gets; a page that sets its own Content-Security-Policy keeps it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("X-Frame-Options", "DENY")
                headers.setdefault("Referrer-Policy", "no-referrer")
                headers.setdefault("Content-Security-Policy",
                                   "default-src 'none'; frame-ancestors 'none'")
            await send(message)

        await self.app(scope, receive, send_with_headers)
