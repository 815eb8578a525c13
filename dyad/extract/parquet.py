"""Contract records as Parquet part files under a folder (``dyad extract -o DIR``).

One row per record: the whole record as JSON in ``json``, and flat columns to filter
on without parsing it: ``record``, ``id``, ``document``, ``event_type``, ``date_start``,
``actor_countries``, ``recipient_countries`` (a fact's subject and object). A part file
holds whole documents only (each document's rows start with its ``document`` row) and
appears under its final name in one rename, so a run killed at any point leaves only
complete part files: a second run with the same folder reads which documents they hold
and skips them (``PartWriter.claim``), and the two runs together hold each document's
records exactly once.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dyad.errors import DyadError, InputError, MissingExtra

COLUMNS = ("record", "id", "document", "event_type", "date_start", "actor_countries",
           "recipient_countries", "json")
PART_GLOB = "part-*.parquet"


def pyarrow() -> Any:
    """pyarrow and pyarrow.parquet, or one line naming the extra."""
    try:
        import pyarrow as pa
        import pyarrow.parquet
    except ImportError:
        raise MissingExtra("Parquet output needs pyarrow, which is not installed: "
                           "pip install 'dyad[parquet]'") from None
    return pa


def schema() -> Any:
    pa = pyarrow()
    text, texts = pa.string(), pa.list_(pa.string())
    return pa.schema([(name, texts if name.endswith("_countries") else text)
                      for name in COLUMNS])


def _countries(entities: Any) -> list[str]:
    if isinstance(entities, dict):
        entities = [entities]
    return [e["country"] for e in entities or () if isinstance(e, dict) and e.get("country")]


def record_row(record: dict[str, Any]) -> dict[str, Any]:
    """The Parquet row of one contract record."""
    kind = record.get("record")
    if kind == "document":
        document = record.get("id")
    elif kind == "reference":
        document = record.get("document")
    else:
        document = (record.get("evidence") or {}).get("document")
    when = record.get("date") if kind == "event" else record.get("valid")
    return {
        "record": kind,
        "id": record.get("id"),
        "document": document,
        "event_type": record.get("event_type"),
        "date_start": when.get("start") if isinstance(when, dict) else None,
        "actor_countries": _countries(record.get("actors") if kind == "event"
                                      else record.get("subject")),
        "recipient_countries": _countries(record.get("recipients") if kind == "event"
                                          else record.get("object")),
        "json": json.dumps(record, ensure_ascii=False, separators=(",", ":")),
    }


def by_document(records: Iterable[dict[str, Any]]) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """A record stream (each document's records after its ``document`` record) cut into
    (document id, its records). A document is given once the next one starts or the
    stream ends: one cut short by an error or an interruption is never given."""
    doc_id: str | None = None
    group: list[dict[str, Any]] = []
    for record in records:
        if record.get("record") == "document":
            if doc_id is not None:
                yield doc_id, group
            doc_id, group = str(record.get("id")), []
        group.append(record)
    if doc_id is not None:
        yield doc_id, group


def part_files(folder: str | Path) -> list[Path]:
    return sorted(Path(folder).glob(PART_GLOB))


def written_documents(folder: str | Path) -> set[str]:
    """The ids of the documents whose records are in the folder's part files."""
    pa = pyarrow()
    done: set[str] = set()
    for path in part_files(folder):
        try:
            table = pa.parquet.read_table(path, columns=["record", "document"])
        except (OSError, pa.ArrowException) as e:
            raise InputError(str(path), f"not a readable Parquet part file ({e})") from None
        for kind, doc in zip(table.column("record").to_pylist(),
                             table.column("document").to_pylist(), strict=True):
            if kind == "document" and doc is not None:
                done.add(doc)
    return done


class PartWriter:
    """Writes documents' rows to part files under ``folder``: a part is closed after
    ``part_documents`` documents, ``part_rows`` rows or ``part_seconds`` seconds, whichever
    comes first, so a killed run loses little work."""

    def __init__(self, folder: str | Path, *, part_documents: int = 200,
                 part_rows: int = 50_000, part_seconds: float = 30.0) -> None:
        self.folder = Path(folder)
        if self.folder.exists() and not self.folder.is_dir():
            raise DyadError(f"{self.folder}: -o names a file; it must be a folder")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise DyadError(f"{self.folder}: cannot create the folder ({e.strerror})") from None
        for stale in self.folder.glob(".part-*.tmp"):  # a killed run's unfinished part
            with contextlib.suppress(OSError):
                stale.unlink()
        self.done = written_documents(self.folder)
        self.skipped = 0  # documents of this run found already written
        self.documents = 0  # documents written by this run
        self.records = 0
        self.parts = 0
        self._claimed: set[str] = set()
        self._rows: list[dict[str, Any]] = []
        self._docs = 0
        self._since = time.monotonic()
        self.part_documents, self.part_rows, self.part_seconds = (part_documents, part_rows,
                                                                  part_seconds)

    def claim(self, doc_id: str) -> bool:
        """Whether this document is still to be extracted (not written, not claimed)."""
        if doc_id in self.done or doc_id in self._claimed:
            self.skipped += doc_id in self.done
            return False
        self._claimed.add(doc_id)
        return True

    def add(self, rows: list[dict[str, Any]]) -> None:
        """One whole document's rows (``record_row`` of each record)."""
        self._rows.extend(rows)
        self._docs += 1
        self.documents += 1
        self.records += len(rows)
        if (self._docs >= self.part_documents or len(self._rows) >= self.part_rows
                or time.monotonic() - self._since >= self.part_seconds):
            self.flush()

    def flush(self) -> None:
        if not self._rows:
            return
        pa = pyarrow()
        table = pa.Table.from_pylist(self._rows, schema=schema())
        name = f"part-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}.parquet"
        tmp = self.folder / f".{name}.tmp"
        pa.parquet.write_table(table, tmp, compression="zstd")
        os.replace(tmp, self.folder / name)  # whole or not at all
        self.parts += 1
        self._rows, self._docs, self._since = [], 0, time.monotonic()

    def close(self) -> None:
        self.flush()


def read_parts(path: str | Path, *, batch_rows: int = 10_000) -> Iterator[list[dict[str, Any]]]:
    """The records of one part file, one document's records at a time, read in batches of
    rows (never the whole file)."""
    pa = pyarrow()
    try:
        handle = pa.parquet.ParquetFile(path)
        group: list[dict[str, Any]] = []
        for batch in handle.iter_batches(batch_size=batch_rows, columns=["record", "json"]):
            for kind, text in zip(batch.column(0).to_pylist(), batch.column(1).to_pylist(),
                                  strict=True):
                if kind == "document" and group:
                    yield group
                    group = []
                group.append(json.loads(text))
        if group:
            yield group
    except (OSError, pa.ArrowException) as e:
        raise InputError(str(path), f"not a readable Parquet part file ({e})") from None
    except ValueError as e:
        raise InputError(str(path), f"a row's json is not JSON ({e})") from None
