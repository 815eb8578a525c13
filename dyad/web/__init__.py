"""`dyad serve`: the knowledge base over HTTP — a JSON API under /api and web pages.

    from dyad.web import create_app
    app = create_app("dyad.db", token="s3cret")   # run with uvicorn

Everything here is a thin layer over ``dyad.kb.KnowledgeBase`` (queries),
``dyad.pipeline`` (uploads) and ``dyad.report`` (the dyad page).
"""

from __future__ import annotations

from dyad.web.app import DEFAULT_MAX_UPLOAD_BYTES, create_app

__all__ = ["DEFAULT_MAX_UPLOAD_BYTES", "create_app"]
