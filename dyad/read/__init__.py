"""Readers: bytes in any supported format to Documents.

``iter_documents`` walks files and folders, checks each input (exists, not
empty, not binary, decodable, not too large), sniffs its format and hands it
to the reader for that format. A bad input is reported through ``on_error``
and skipped; the rest are still read.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from dyad.errors import DyadError, FormatError, InputError
from dyad.model import Document
from dyad.read.build import document_id
from dyad.read.corpus import corpus_documents
from dyad.read.language import not_language
from dyad.read.page import mobile_heading
from dyad.read.select import Selection
from dyad.read.stream import Spool, TextFile, read_long_text, read_stdin

FORMATS = ("page", "wikitext", "html", "text", "jsonl")
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
HEAD_BYTES = 128 * 1024  # enough to sniff a format (20,000 characters) and spot a binary file
# A plain text file of more bytes than this (a book, stories pasted one after another) is
# one document read in pieces of this many characters (dyad.read.stream), never held
# whole: held, a 20 MB text took ~290 MB before spaCy. Standard input this long is copied
# to a temporary file first.
PART_CHARS = 1_000_000
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

_JSON_KEY = re.compile(r'\{\s*"[^"\n]{1,100}"\s*:')
_HTML_START = re.compile(r"\s*(?:<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html)", re.I)
_HTML_TAGS = re.compile(r"<(?:p|div|h[1-6]|article|span|a)\b[^>]*>", re.I)
_MOBILE_LINE = re.compile(r"^.{1,90} edit[^\S\n]*$", re.M)
_WIKI_HEADING = re.compile(r"^(=+)[^=\n]+\1\s*$", re.M)
_RENDERED_TITLE = re.compile(r"=[^=\n]+=[^\S\n]*\n")
_WIKI_SIGNS = re.compile(r"\{\{|\[\[|<ref[\s>]|'''")
_PAGE_SIGNS = re.compile(
    r"^\s*\[edit\]\s*$|\[edit\]\s*$|^From Wikipedia, the free encyclopedia$|^Jump to content$",
    re.M,
)


def _mobile_headings(head: str) -> int:
    """Heading lines copied from the mobile site ("History edit"): one could be chance, a
    second makes it a page."""
    return sum(mobile_heading(line) is not None for line in _MOBILE_LINE.findall(head))


def sniff(text: str) -> str:
    """The format of a document's text: page, wikitext, html, jsonl or text."""
    head = text[:20000]
    stripped = head.lstrip()
    if stripped.startswith("{"):
        first = stripped.split("\n", 1)[0]
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except ValueError:
            # a first line longer than the head (a long article in a feed) is cut here
            if "\n" not in stripped and _JSON_KEY.match(stripped) and len(head) == 20000:
                return "jsonl"
        except RecursionError:
            return "jsonl"  # nested too deep to be prose: the line is refused as a document
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(head[:5000])) >= 3:
        return "html"
    if _PAGE_SIGNS.search(head) or _mobile_headings(head) >= 2:
        return "page"
    headings = len(_WIKI_HEADING.findall(head))
    signs = len(_WIKI_SIGNS.findall(head))
    if headings and not signs and _RENDERED_TITLE.match(stripped):
        # a wiki page rendered as text ("= Title =", "== History ==", "- Mission1: …"):
        # the page reader reads its headings and infobox lines; nothing in it is markup
        return "page"
    wiki_score = headings + min(signs, 3)
    if wiki_score >= 2:
        return "wikitext"
    return "text"


def read_text(
    text: str,
    *,
    input_format: str | None = None,
    source: str | None = None,
    doc_id: str | None = None,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
) -> Document:
    """One Document from a string (for ``jsonl``, use ``read_jsonl``)."""
    fmt = input_format or sniff(text)
    if fmt == "jsonl":
        raise FormatError("read_text reads one document; use read_jsonl for JSON lines")
    doc_id = doc_id or document_id(text)
    if fmt == "wikitext":
        from dyad.read.wikitext import read_wikitext

        doc = read_wikitext(text, doc_id=doc_id, source=source, title=title)
    elif fmt == "html":
        from dyad.read.html import read_html

        doc = read_html(text, doc_id=doc_id, source=source)
    elif fmt in ("page", "text"):
        from dyad.read.page import read_page

        doc = read_page(text, doc_id=doc_id, source=source, fmt=fmt, title=title)
    else:
        raise FormatError(f"unknown input format {fmt!r} (choose from {', '.join(FORMATS)})")
    if title and not doc.title:
        doc.title = title
    if not (date or doc.date) and fmt == "text":
        from dyad.read.dateline import publication_date

        date = publication_date(text, url or doc.url)  # news with no date given: its stamp
    doc.date = date or doc.date
    doc.url = url or doc.url
    return doc


def read_jsonl(
    text: str, *, source: str, on_error: Callable[[DyadError], None] | None = None
) -> Iterator[Document]:
    """Documents from JSON lines: ``{"id", "text", "title"?, "date"?, "url"?}`` per line."""
    return read_jsonl_lines(text.splitlines(), source=source, on_error=on_error)


def read_jsonl_lines(
    lines: Iterable[str | bytes], *, source: str,
    on_error: Callable[[DyadError], None] | None = None,
) -> Iterator[Document]:
    """Documents from JSON lines taken one at a time (a feed may be large); bytes lines
    are decoded as UTF-8, and one that is not is reported like any bad line."""
    seen = False
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        seen = True
        try:
            line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError("needs an object with a string 'text'")
            if not item["text"].strip():
                raise ValueError("'text' is empty")
            if (reason := not_language(item["text"])) is not None:
                raise ValueError(f"'text' is {reason}")
            fmt = sniff(item["text"])
            yield read_text(
                item["text"],
                input_format="text" if fmt in ("jsonl", "page") else fmt,
                source=f"{source}:{number}",
                doc_id=str(item.get("id") or document_id(line)),
                title=item.get("title"),
                date=_iso_day(item.get("date")),
                url=item.get("url"),
            )
        except (ValueError, TypeError, RecursionError) as e:
            reason = "nested too deeply" if isinstance(e, RecursionError) else _reason(e)
            error = FormatError(f"{source}: line {number}: not a document ({reason})")
            if on_error is None:
                raise error from None
            on_error(error)
    if not seen:  # blank lines only (after a byte-order mark): not silence, an error
        error = FormatError(f"{source}: no JSON lines, only blank ones")
        if on_error is None:
            raise error
        on_error(error)


def read_path(
    path: str | Path,
    *,
    input_format: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_error: Callable[[DyadError], None] | None = None,
) -> list[Document]:
    """The documents in one file (several for JSON lines); raises InputError for bad input."""
    return list(iter_path(path, input_format=input_format, max_bytes=max_bytes,
                          on_error=on_error))


def iter_path(
    path: str | Path,
    *,
    input_format: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_error: Callable[[DyadError], None] | None = None,
    select: Selection | None = None,
) -> Iterator[Document]:
    """The documents in one file (``-``: standard input), one at a time; a JSON-lines file
    is read line by line and a long plain text as one streamed document, so neither is
    held whole."""
    name = str(path)
    if name != "-":
        yield from iter_file(name, name=name, input_format=input_format, max_bytes=max_bytes,
                             on_error=on_error, select=select)
        return
    data = read_stdin(max_bytes, spool_over=PART_CHARS)
    if isinstance(data, Spool):  # long: read from a copy, as a file
        yield from iter_file(data.path, name=name, input_format=input_format,
                             max_bytes=max_bytes, on_error=on_error, spool=data)
        return
    yield from _read_decoded(decode(data, name), name, input_format, on_error)


def iter_file(
    path: str,
    *,
    name: str,
    input_format: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_error: Callable[[DyadError], None] | None = None,
    spool: Spool | None = None,
    select: Selection | None = None,
) -> Iterator[Document]:
    """The documents in the file ``path``, called ``name`` in messages and sources (a spooled
    standard input is ``-``; ``spool`` keeps its file while a document needs it); ``select``
    picks documents by title."""
    # dumps, ZIM files, feeds and compressed files have readers of their own (dyad.read.corpus)
    corpus = corpus_documents(path, name=name, input_format=input_format, max_bytes=max_bytes,
                              select=select, on_error=on_error, spooled=spool is not None)
    if corpus is not None:
        yield from corpus
        return
    if select is not None and select.titles is not None:
        yield from (doc for doc in iter_file(path, name=name, input_format=input_format,
                                             max_bytes=max_bytes, on_error=on_error,
                                             spool=spool) if select.title(doc.title))
        return
    if input_format in (None, "jsonl", "text"):
        start = load_bytes(path, max_bytes, limit=HEAD_BYTES, name=name)
        head = decode(start, name, partial=True)  # the checks, on the first bytes
        fmt = input_format or sniff(head)
        utf16 = start.startswith(UTF16_BOMS)
        if fmt == "jsonl" and not utf16:  # lines of UTF-16 cannot be cut as bytes
            yield from read_jsonl_lines(_file_lines(path, name), source=name, on_error=on_error)
            return
        if fmt == "text" and Path(path).stat().st_size > PART_CHARS:
            yield read_long_text(TextFile(path, name, "utf-16" if utf16 else "utf-8-sig",
                                          PART_CHARS, spool))
            return
    yield from _read_decoded(decode(load_bytes(path, max_bytes, name=name), name), name,
                             input_format, on_error)


def _read_decoded(text: str, name: str, input_format: str | None,
                  on_error: Callable[[DyadError], None] | None) -> Iterator[Document]:
    """The documents of a whole decoded input: lines of a feed, or one page."""
    fmt = input_format or sniff(text)
    if fmt == "jsonl":
        yield from read_jsonl(text, source=name, on_error=on_error)
    else:
        yield read_text(text, input_format=fmt, source=name)


def iter_documents(
    paths: Iterable[str],
    *,
    input_format: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_error: Callable[[DyadError], None] | None = None,
    select: Selection | None = None,
) -> Iterator[Document]:
    """Every document under ``paths`` (files, folders read recursively, ``-`` for stdin)
    whose title ``select`` picks."""

    def report(error: DyadError) -> None:
        if on_error is None:
            raise error
        on_error(error)

    for path in _expand(paths, report):
        try:
            yield from iter_path(path, input_format=input_format, max_bytes=max_bytes,
                                 on_error=report, select=select)
        except DyadError as e:
            report(e)
        except RecursionError:
            report(InputError(path, "too deeply nested to read"))


def load_bytes(path: str, max_bytes: int, *, limit: int | None = None,
               name: str | None = None) -> bytes:
    """The bytes of ``path`` (``-``: stdin), or its first ``limit`` bytes, after the checks
    every input gets: it exists, is a file, is within ``max_bytes``, is not empty.
    ``name``: what messages call it (``path`` unless given)."""
    name = name or path
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        size = len(data)
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(name, "no such file or folder")
        if not p.is_file():
            raise InputError(name, "not a regular file")
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(name, f"file is {size:,} bytes, over the limit of {max_bytes:,} "
                                   "(raise it with --max-bytes)")
        try:
            with p.open("rb") as f:
                data = f.read(-1 if limit is None else limit)
        except OSError as e:
            raise InputError(name, f"cannot be read ({e.strerror or e})") from None
    if len(data) > max_bytes:
        raise InputError(name, f"input is over the limit of {max_bytes:,} bytes")
    if not data.strip() and len(data) >= size:
        raise InputError(name, "empty file")
    return data


def decode(data: bytes, path: str, *, partial: bool = False) -> str:
    """UTF-8 (with or without BOM) or BOM-marked UTF-16; anything else is refused.

    ``partial``: ``data`` is the head of a file, so a character cut at its end is dropped.
    """
    if data.startswith(UTF16_BOMS):
        try:
            return checked_language(data.decode("utf-16"), path, partial)
        except UnicodeDecodeError:
            if not partial:
                raise InputError(path, "undecodable UTF-16") from None
            return checked_language(
                data[: len(data) // 2 * 2 - 2].decode("utf-16", errors="replace"), path, True)
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (contains NUL bytes), not a document")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        if partial and e.start >= len(data) - 3:
            return decode(data[: e.start], path)
        raise InputError(path, f"not UTF-8 text (byte 0x{data[e.start]:02x} at offset "
                               f"{e.start})") from None
    control = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if control > 0.01 * min(len(text), 8192):
        raise InputError(path, "binary file (control characters), not a document")
    return checked_language(text, path, partial)


def checked_language(text: str, path: str, partial: bool = False) -> str:
    """``text``, unless it is blank (a byte-order mark alone) or decodes but is not
    language (dyad.read.language): InputError. ``partial``: the head of a longer input."""
    if not partial and not text.strip():
        raise InputError(path, "empty file")
    reason = not_language(text)
    if reason is not None:
        raise InputError(path, reason)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _file_lines(path: str, name: str | None = None) -> Iterator[bytes]:
    """The lines of a file as bytes, without line ends or a UTF-8 BOM, read lazily
    (``name``: what an error calls the file)."""
    try:
        with open(path, "rb") as f:
            for number, line in enumerate(f):
                if number == 0 and line.startswith(b"\xef\xbb\xbf"):
                    line = line[3:]
                yield line.rstrip(b"\r\n")
    except OSError as e:
        raise InputError(name or path, f"cannot be read ({e.strerror or e})") from None


def _expand(paths: Iterable[str], report: Callable[[DyadError], None]) -> Iterator[str]:
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            found = False
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        found = True
                        yield str(Path(root) / name)
            if not found:
                report(InputError(path, "folder holds no files"))
        else:
            yield path


def _iso_day(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not re.match(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?", value):
        raise ValueError(f"'date' must be YYYY-MM-DD, got {value!r}")
    return value[:10]


def _reason(e: Exception) -> str:
    return str(e).split("\n", 1)[0]
