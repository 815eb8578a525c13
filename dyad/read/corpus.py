"""Inputs that hold many documents or must be decompressed: which reader takes a file.

Told from the file's first bytes (and a CSV feed by its name): a MediaWiki XML
export (plain or compressed) goes to ``dump``, a ZIM file to ``zim``, a JSON-lines or
CSV feed (compressed or not) to ``feeds``; any other compressed file is one document,
decompressed (at most ``--max-bytes``) to a temporary file that the ordinary readers
then read. Anything else is not a corpus: ``None``, and the ordinary readers take it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator

from dyad.errors import DyadError
from dyad.model import Document
from dyad.read.compressed import Expanded, expanded_head, file_compression
from dyad.read.select import Selection

HEAD = 64 * 1024


def corpus_documents(path: str, *, name: str, input_format: str | None, max_bytes: int,
                     select: Selection | None,
                     on_error: Callable[[DyadError], None] | None,
                     spooled: bool = False) -> Iterator[Document] | None:
    """The documents of ``path`` when it is a dump, a ZIM, a feed or compressed; else None.
    ``spooled``: ``path`` is already a decompressed copy (it is not decompressed again)."""
    from dyad.read.dump import is_dump, read_dump
    from dyad.read.feeds import is_csv_name, read_csv_feed, read_jsonl_stream
    from dyad.read.zim import is_zim, read_zim

    kind = None if spooled else file_compression(path)
    try:
        with open(path, "rb") as f:
            raw_head = f.read(HEAD)
    except OSError:
        return None  # the ordinary reader says why
    if is_zim(raw_head):
        return read_zim(path, name=name, max_bytes=max_bytes, select=select, on_error=on_error)
    head = expanded_head(path, name, HEAD) if kind else raw_head
    kw = {"name": name, "max_bytes": max_bytes, "select": select, "on_error": on_error}
    if input_format in (None, "wikitext") and is_dump(head):
        return read_dump(path, **kw)
    if input_format is None and is_csv_name(name):
        return read_csv_feed(path, **kw)
    if kind is None:
        return None
    if input_format in (None, "jsonl") and head.lstrip().startswith(b"{"):
        return read_jsonl_stream(path, **kw)
    return _decompressed(path, name, input_format, max_bytes, select, on_error)


def _decompressed(path: str, name: str, input_format: str | None, max_bytes: int,
                  select: Selection | None,
                  on_error: Callable[[DyadError], None] | None) -> Iterator[Document]:
    """A compressed document: copied out (bounded) and read as the file it holds."""
    from dyad.read import iter_file
    from dyad.read.stream import Spool

    spool = Spool()
    with Expanded(path, name, max_bytes) as stream, open(spool.path, "wb") as out:
        shutil.copyfileobj(stream, out, 1 << 20)
    for doc in iter_file(spool.path, name=name, input_format=input_format,
                         max_bytes=max_bytes, on_error=on_error, spool=spool):
        if select is None or select.title(doc.title):
            yield doc
