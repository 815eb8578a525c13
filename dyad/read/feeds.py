"""News feeds as JSON lines or CSV, gzipped or bzipped or not, read one item at a time.

A CSV feed has a header row with a ``text`` column and, optionally, ``id``, ``title``,
``date`` (YYYY-MM-DD) and ``url``: the fields of a JSON-lines item, so each row becomes
the same document a JSON line would. A compressed JSON-lines feed is decompressed as
it is read, never whole, and bounded by ``--max-bytes`` of expanded text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator

from dyad.errors import DyadError, FormatError
from dyad.model import Document
from dyad.read.compressed import Expanded
from dyad.read.select import Selection

OnError = Callable[[DyadError], None] | None
FIELDS = ("id", "text", "title", "date", "url")


def is_csv_name(name: str) -> bool:
    return name.lower().removesuffix(".gz").removesuffix(".bz2").endswith(".csv")


def read_jsonl_stream(path: str, *, name: str, max_bytes: int,
                      select: Selection | None = None,
                      on_error: OnError = None) -> Iterator[Document]:
    """The documents of a (compressed) JSON-lines feed, line by line."""
    from dyad.read import read_jsonl_lines

    with Expanded(path, name, max_bytes) as stream:
        lines = (line.rstrip(b"\r\n") for line in io.BufferedReader(stream))
        for doc in read_jsonl_lines(lines, source=name, on_error=on_error):
            if select is None or select.title(doc.title):
                yield doc


def read_csv_feed(path: str, *, name: str, max_bytes: int, select: Selection | None = None,
                  on_error: OnError = None) -> Iterator[Document]:
    """The documents of a CSV feed, row by row (each row as the JSON line it stands for)."""
    from dyad.read import read_jsonl_lines

    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))  # an article is long
    with Expanded(path, name, max_bytes) as stream:
        text = io.TextIOWrapper(io.BufferedReader(stream), encoding="utf-8-sig", newline="")
        try:
            rows = csv.DictReader(text)
            header = rows.fieldnames or []
            if "text" not in header:
                raise FormatError(f"{name}: not a CSV feed (its header has no 'text' column; "
                                  f"found {', '.join(header[:8]) or 'nothing'})")

            def lines() -> Iterator[str]:
                for row in rows:
                    if select is not None and not select.title(row.get("title")):
                        yield ""  # keeps the line numbers of read_jsonl_lines true
                        continue
                    yield json.dumps({k: row[k] for k in FIELDS if row.get(k)},
                                     ensure_ascii=False)

            # a row's number is its line after the header (a quoted field may span lines)
            yield from read_jsonl_lines(lines(), source=name, on_error=on_error)
        except UnicodeDecodeError as e:
            raise FormatError(f"{name}: not UTF-8 text ({e.reason} at byte {e.start})") from None
        except csv.Error as e:
            raise FormatError(f"{name}: not a CSV feed ({e})") from None
