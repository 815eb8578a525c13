"""A plain text too long to hold (a book, a 100 MB file of stories): one Document, streamed.

``read_long_text`` goes through the file once without spaCy (decode, lines, blocks,
sentence splitting) for what the document record needs first: the id (the SHA-256 of
the whole text, as ``read_text`` would give), the title, the sections and the sentence
count, and the reference list. The sentences are read again each time they are asked
for, from the file, in chunks: their indexes and offsets run across the whole text just
as when it is read whole, and only a block of it is held at a time.

A ``StreamedDocument`` pickles as the file's path (and what the first pass found), so a
worker process re-opens the file instead of receiving the text. Standard input is first
copied to a ``Spool`` file, removed once no document needs it.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import sys
import tempfile
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, overload

from dyad.errors import InputError
from dyad.model import Document, Link, OffsetMap, Reference, Section, Sentence
from dyad.read.build import DocumentBuilder, build_document
from dyad.read.page import page_blocks


class Spool:
    """Standard input copied to a temporary file; removed when this object goes, or at exit
    once a document read from it has been sent to another process."""

    def __init__(self) -> None:
        fd, self.path = tempfile.mkstemp(prefix="dyad-stdin-", suffix=".txt")
        os.close(fd)
        self._remove = weakref.finalize(self, _remove, self.path)

    def keep_until_exit(self) -> None:
        """Another process will read the file: it must outlive this object."""
        if self._remove.detach() is not None:
            atexit.register(_remove, self.path)


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def read_stdin(max_bytes: int, spool_over: int) -> bytes | Spool:
    """Standard input: its bytes if there are at most ``spool_over``, else a Spool holding
    them; over ``max_bytes`` is an InputError, as for a file."""
    stdin = sys.stdin.buffer
    data = stdin.read(min(spool_over, max_bytes) + 1)
    if len(data) <= spool_over:
        if len(data) > max_bytes:
            raise InputError("-", f"input is over the limit of {max_bytes:,} bytes")
        if not data.strip():
            raise InputError("-", "empty file")
        return data
    spool = Spool()
    size = len(data)
    with open(spool.path, "wb") as f:
        while data:
            f.write(data)
            if size > max_bytes:
                raise InputError("-", f"input is over the limit of {max_bytes:,} bytes")
            data = stdin.read(1 << 20)
            size += len(data)
    return spool


@dataclass(frozen=True)
class TextFile:
    """Where a long text is read from: ``path``, decoded as ``encoding`` (``utf-8-sig`` or
    ``utf-16``), newlines made ``\\n``, in pieces of ``chunk_chars``; ``name`` is what
    messages and the document's source call it (``-`` for standard input)."""

    path: str
    name: str
    encoding: str = "utf-8-sig"
    chunk_chars: int = 1_000_000
    spool: Spool | None = field(default=None, compare=False)  # kept alive while needed

    def chunks(self) -> Iterator[str]:
        done = 0
        try:
            with open(self.path, encoding=self.encoding, newline=None) as f:
                while chunk := f.read(self.chunk_chars):
                    done += len(chunk)
                    yield chunk
        except UnicodeDecodeError:
            what = "UTF-16" if self.encoding == "utf-16" else "UTF-8"
            raise InputError(self.name, f"not {what} text (after character {done:,})") from None
        except OSError as e:
            raise InputError(self.name, f"cannot be read ({e.strerror or e})") from None


def read_long_text(source: TextFile) -> StreamedDocument:
    """One Document for the plain text in ``source``, found in one pass without keeping it."""
    digest = hashlib.sha256()
    content = False

    def hashed() -> Iterator[str]:
        nonlocal content
        for chunk in source.chunks():
            data = chunk.encode("utf-8")
            digest.update(data)
            content = content or bool(data.strip())
            yield chunk

    chunks = hashed()
    title, _, blocks, references = page_blocks(chunks, fmt="text")
    builder = DocumentBuilder(keep=False)
    for block in blocks:
        builder.add(block)
    sections = builder.finish()
    for _ in chunks:  # the text after a footer line is not read, but it is in the id
        pass
    if not content:
        raise InputError(source.name, "empty file")
    return StreamedDocument(source, doc_id=digest.hexdigest()[:16], title=title,
                            sections=sections, references=references, count=builder.count)


class StreamedDocument(Document):
    """A Document whose sentences (and text, links, offset map) are read from its file each
    time they are asked for; what the first pass found (id, title, sections, references,
    sentence count) is held. ``doc.text`` and ``to_dict()`` read the whole text: for
    ``dyad parse``, not for the pipeline."""

    __slots__ = ("_count", "_file")

    def __init__(self, file: TextFile, *, doc_id: str, title: str | None,
                 sections: list[Section], references: list[Reference], count: int,
                 date: str | None = None, url: str | None = None) -> None:
        self._file = file
        self._count = count
        self.id = doc_id
        self.title = title
        self.format = "text"
        self.sections = sections
        self.references = references
        self.infobox = {}
        self.source = file.name
        self.date = date
        self.url = url

    @property  # type: ignore[override]
    def sentences(self) -> Sequence[Sentence]:  # type: ignore[override]
        return Sentences(self)

    @property  # type: ignore[override]
    def text(self) -> str:  # type: ignore[override]
        return self.whole().text

    @property  # type: ignore[override]
    def links(self) -> list[Link]:  # type: ignore[override]
        return self.whole().links

    @property  # type: ignore[override]
    def offsets(self) -> OffsetMap:  # type: ignore[override]
        return self.whole().offsets

    def iter_sentences(self) -> Iterator[Sentence]:
        """The sentences, read from the file one block at a time."""
        _, _, blocks, _ = page_blocks(self._file.chunks(), fmt="text")
        builder = DocumentBuilder(keep=False)
        for block in blocks:
            yield from builder.add(block)

    def whole(self) -> Document:
        """The document as ``read_text`` gives it, everything held (text, every sentence)."""
        _, _, blocks, _ = page_blocks(self._file.chunks(), fmt="text")
        return build_document(blocks, doc_id=self.id, title=self.title, fmt=self.format,
                              references=self.references, source=self.source,
                              date=self.date, url=self.url)

    def to_dict(self) -> dict[str, Any]:
        return self.whole().to_dict()

    def __repr__(self) -> str:
        return (f"StreamedDocument(id={self.id!r}, title={self.title!r}, "
                f"source={self.source!r}, sentences={self._count})")

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled for a worker process: the file's name, not its text
        if self._file.spool is not None:
            self._file.spool.keep_until_exit()
        file = TextFile(self._file.path, self._file.name, self._file.encoding,
                        self._file.chunk_chars)
        return (_reopen, (file, self.id, self.title, self.sections, self.references,
                          self._count, self.date, self.url))


def _reopen(file: TextFile, doc_id: str, title: str | None, sections: list[Section],
            references: list[Reference], count: int, date: str | None,
            url: str | None) -> StreamedDocument:
    return StreamedDocument(file, doc_id=doc_id, title=title, sections=sections,
                            references=references, count=count, date=date, url=url)


class Sentences(Sequence[Sentence]):
    """A streamed document's sentences: each loop reads them from the file again."""

    def __init__(self, doc: StreamedDocument) -> None:
        self._doc = doc

    def __len__(self) -> int:
        return self._doc._count

    def __iter__(self) -> Iterator[Sentence]:
        return self._doc.iter_sentences()

    @overload
    def __getitem__(self, i: int) -> Sentence: ...
    @overload
    def __getitem__(self, i: slice) -> list[Sentence]: ...
    def __getitem__(self, i: int | slice) -> Sentence | list[Sentence]:
        if isinstance(i, slice):
            return list(self)[i]
        n = i + len(self) if i < 0 else i
        if not 0 <= n < len(self):
            raise IndexError("sentence index out of range")
        return next(islice(self, n, None))
