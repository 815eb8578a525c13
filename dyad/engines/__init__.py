"""Engines: how documents are spread over workers, never what is done to one.

Every engine gives each document to ``dyad.pipeline``'s per-document function (the
local loop and ``--jobs N`` processes in ``dyad.pipeline``, a Ray Data job in
``dyad.engines.ray``) and gets the same records back. What documents a run takes is
decided here, once for all of them: the inputs read in order, ``--titles`` and
``--limit`` applied, and documents already written to ``-o DIR`` skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from dyad.errors import DyadError
from dyad.model import Document
from dyad.read.select import Selection


@dataclass
class Plan:
    """What a run reads: its inputs and how documents are picked."""

    paths: list[str]
    input_format: str | None = None
    max_bytes: int = 200 * 1024 * 1024
    titles: str | None = None
    limit: int | None = None
    # ids already written under -o DIR, skipped (None: not writing to a folder)
    done: set[str] | None = None


class Skips:
    """Counts documents passed over because they are written already (or twice in the
    inputs: a document's records are written once)."""

    def __init__(self, done: set[str] | None) -> None:
        self.done = done
        self.seen: set[str] = set()
        self.count = 0

    def keep(self, doc: Document) -> bool:
        if self.done is None:  # not writing to a folder: every document, as read
            return True
        if doc.id in self.done:
            self.count += 1
            return False
        if doc.id in self.seen:
            return False
        self.seen.add(doc.id)
        return True


def planned_documents(plan: Plan, on_error: Callable[[DyadError], None] | None,
                      skips: Skips | None = None) -> Iterator[Document]:
    """The documents a run extracts, in input order."""
    from dyad.read import iter_documents

    select = Selection(plan.titles) if plan.titles else None
    docs: Iterable[Document] = iter_documents(plan.paths, input_format=plan.input_format,
                                              max_bytes=plan.max_bytes, on_error=on_error,
                                              select=select)
    if plan.limit is not None:  # before skipping: a restarted run picks the same documents
        docs = islice(docs, plan.limit)
    skips = skips or Skips(plan.done)
    return (doc for doc in docs if skips.keep(doc))
