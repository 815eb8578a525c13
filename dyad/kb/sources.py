"""What ``dyad ingest`` reads: documents, or the contract records ``dyad extract`` printed.

A JSON-lines input whose first object has a ``record`` field holds records, not a
news feed (``{"id", "text", ...}`` a line): they are stored as they are, without
extracting again, one document at a time (its ``document`` record, then the
records that follow it up to the next ``document`` record). A bad line costs its
document only: one error naming the line, and the rest are still read. The Parquet
part files of ``dyad extract -o DIR`` hold records too, read a batch of rows at a time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from typing import Any

from dyad import read as reader
from dyad.errors import DataError, DyadError, FormatError, InputError
from dyad.kb.ingest import split_records
from dyad.model import Document
from dyad.read import (
    HEAD_BYTES,
    UTF16_BOMS,
    Spool,
    _expand,
    _file_lines,
    decode,
    iter_documents,
    iter_file,
    load_bytes,
    read_jsonl,
    read_stdin,
    read_text,
    sniff,
)
from dyad.read.select import Selection

RECORD_KINDS = ("document", "reference", "event", "fact")
OnError = Callable[[DyadError], None]


@dataclass
class RecordGroup:
    """One document's records as read from a records file (``line``: its document record's)."""

    source: str
    line: int
    records: list[dict[str, Any]] = field(default_factory=list)


def iter_inputs(paths: Iterable[str], *, input_format: str | None, max_bytes: int,
                on_error: OnError,
                select: Selection | None = None) -> Iterator[Document | RecordGroup]:
    """Documents to extract, and record groups to store as they are, from ``paths``."""
    records_allowed = input_format in (None, "jsonl")
    for path in _expand(paths, on_error):
        if path == "-":
            yield from _stdin(input_format, max_bytes, on_error)
        elif records_allowed and path.endswith(".parquet"):
            yield from parquet_groups(path, on_error)
        elif records_allowed and _holds_records(path, max_bytes):
            try:
                yield from group_records(_record_lines(path, max_bytes), source=path,
                                         on_error=on_error)
            except DyadError as e:  # the file went unreadable part way
                on_error(e)
        else:
            yield from iter_documents([path], input_format=input_format, max_bytes=max_bytes,
                                      on_error=on_error, select=select)


def parquet_groups(path: str, on_error: OnError) -> Iterator[RecordGroup]:
    """The documents' records of a Parquet part file (``dyad extract -o DIR``), read in
    batches of rows; ``line`` is the row of the document record (1-based)."""
    from dyad.extract.parquet import read_parts

    row = 1
    try:
        for records in read_parts(path):
            yield RecordGroup(path, row, records)
            row += len(records)
    except DyadError as e:
        on_error(e)


def is_record(item: object) -> bool:
    return isinstance(item, dict) and "record" in item


def _holds_records(path: str, max_bytes: int, name: str | None = None) -> bool:
    """Whether the file's first line is a contract record (a bad file is the reader's to tell)."""
    try:
        head = decode(load_bytes(path, max_bytes, limit=HEAD_BYTES, name=name), name or path,
                      partial=True)
    except DyadError:
        return False
    return _first_is_record(head)


def _first_is_record(text: str) -> bool:
    first = text.lstrip().split("\n", 1)[0]
    try:
        return is_record(json.loads(first))
    except ValueError:
        return False


def _record_lines(path: str, max_bytes: int, name: str | None = None) -> Iterator[str | bytes]:
    if load_bytes(path, max_bytes, limit=2, name=name).startswith(UTF16_BOMS):
        # lines of UTF-16 cannot be cut as bytes: read it whole
        yield from decode(load_bytes(path, max_bytes, name=name), name or path).splitlines()
        return
    with closing(_file_lines(path, name)) as lines:
        yield from lines


def _stdin(input_format: str | None, max_bytes: int,
           on_error: OnError) -> Iterator[Document | RecordGroup]:
    """Standard input is read once: a short one is held and sniffed here, a long one is
    copied to a temporary file and read from there as a file is (records, a feed line by
    line, a plain text as one streamed document)."""
    try:
        data = read_stdin(max_bytes, spool_over=reader.PART_CHARS)
        if isinstance(data, Spool):
            yield from _spooled(data, input_format, max_bytes, on_error)
            return
        text = decode(data, "-")
    except DyadError as e:
        on_error(e)
        return
    fmt = input_format or sniff(text)
    try:
        if fmt == "jsonl" and _first_is_record(text):
            yield from group_records(text.splitlines(), source="-", on_error=on_error)
        elif fmt == "jsonl":
            yield from read_jsonl(text, source="-", on_error=on_error)
        else:
            yield read_text(text, input_format=fmt, source="-")
    except DyadError as e:
        on_error(e)
    except RecursionError:
        on_error(InputError("-", "too deeply nested to read"))


def _spooled(spool: Spool, input_format: str | None, max_bytes: int,
             on_error: OnError) -> Iterator[Document | RecordGroup]:
    try:
        if input_format in (None, "jsonl") and _holds_records(spool.path, max_bytes, "-"):
            yield from group_records(_record_lines(spool.path, max_bytes, "-"), source="-",
                                     on_error=on_error)
        else:
            yield from iter_file(spool.path, name="-", input_format=input_format,
                                 max_bytes=max_bytes, on_error=on_error, spool=spool)
    except DyadError as e:
        on_error(e)
    except RecursionError:
        on_error(InputError("-", "too deeply nested to read"))


def group_records(lines: Iterable[str | bytes], *, source: str,
                  on_error: OnError) -> Iterator[RecordGroup]:
    """Each document's records, checked; a document with a bad line is skipped, saying why."""
    group: RecordGroup | None = None
    spoiled = False  # the current document (or the records before any) had a bad line

    def finish() -> Iterator[RecordGroup]:
        if group is None or spoiled:
            return
        try:
            split_records(group.records)
        except DataError as e:
            on_error(FormatError(f"{source}: line {group.line}: {e}; "
                                 f"{_which(group)} skipped"))
            return
        yield group

    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw)
        except ValueError as e:
            problem, item = f"not JSON ({str(e).splitlines()[0]})", None
        else:
            problem = _problem(item)
        if item is not None and problem is None and item["record"] == "document":
            yield from finish()
            group, spoiled = RecordGroup(source, number, [item]), False
            continue
        if problem is None and group is None:
            problem = f"a {item['record']} record before any document record"
        if problem is not None:
            if not spoiled:
                on_error(FormatError(f"{source}: line {number}: {problem}; "
                                     f"{_which(group)} skipped"))
            spoiled = True
            continue
        if not spoiled and group is not None:
            group.records.append(item)
    yield from finish()


def _problem(item: Any) -> str | None:
    """Why a parsed line is not a record ingest can store, or None."""
    if not isinstance(item, dict):
        return "not a record (a JSON object with a 'record' field)"
    kind = item.get("record")
    if kind not in RECORD_KINDS:
        return f"unknown record kind {kind!r} (expected {', '.join(RECORD_KINDS)})"
    evidence = item.get("evidence")
    if kind in ("event", "fact") and not (isinstance(evidence, dict) and evidence.get("document")):
        return f"{kind} {item.get('id')!r} has no evidence.document"
    return None


def _which(group: RecordGroup | None) -> str:
    if group is None:
        return "records before the first document record"
    return f"document {group.records[0].get('id')!r}"
