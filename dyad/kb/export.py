"""Records as flat rows, and writing them as JSON lines, CSV or Parquet.

Flat rows are what a spreadsheet, pandas or R want: one row per record, lists
joined with ";". JSON lines keep the full records. Files are written beside
their destination and moved into place, so a failed export leaves nothing
half-written.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

from dyad.errors import DyadError

FORMATS = ("jsonl", "csv", "parquet")


class MissingDependency(DyadError):
    """An optional package that a requested output needs is not installed."""


def _names(entities: list[dict[str, Any]] | None) -> str:
    return ";".join((e or {}).get("name") or "" for e in entities or [])


def _codes(entities: list[dict[str, Any]] | None) -> str:
    return ";".join((e or {}).get("country") or "" for e in entities or [])


def _labels(citations: list[dict[str, Any]] | None) -> str:
    return ";".join(str(c.get("label")) for c in citations or [])


def when_text(when: dict[str, Any] | None) -> str:
    """A When as a reader writes it: "1967-02-18", "2015–2019", "since 2010", "undated"."""
    when = when or {}
    start, end, modifier = when.get("start"), when.get("end"), when.get("modifier")
    if not start and not end:
        return "undated"
    text = f"{start}–{end}" if start and end and end != start else (start or f"until {end}")
    if modifier in ("before", "after", "since", "until", "early", "mid", "late", "approx"):
        text = f"{'about' if modifier == 'approx' else modifier} {text}"
    return text


def _evidence(record: dict[str, Any]) -> dict[str, Any]:
    ev = record.get("evidence") or {}
    return {"document": ev.get("document"), "title": ev.get("title"),
            "section": ev.get("section"), "sentence": ev.get("sentence"),
            "text": ev.get("text"), "citations": _labels(record.get("citations")),
            "sources": len(record.get("sources") or []) or 1}


def _date_columns(when: dict[str, Any] | None) -> dict[str, Any]:
    """An event's date or a fact's validity as the same four columns."""
    when = when or {}
    return {"date": when_text(when), "date_start": when.get("start"),
            "date_end": when.get("end"), "date_precision": when.get("precision")}


def flat_event(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "record": "event", "id": r.get("id"), **_date_columns(r.get("date")),
        "event_type": r.get("event_type"),
        "cameo": r.get("cameo"), "quad_class": r.get("quad_class"),
        "goldstein": r.get("goldstein"), "status": r.get("status"), "mode": r.get("mode"),
        "contexts": ";".join(r.get("contexts") or []),
        "actor_names": _names(r.get("actors")), "actor_countries": _codes(r.get("actors")),
        "recipient_names": _names(r.get("recipients")),
        "recipient_countries": _codes(r.get("recipients")),
        "attributed_to": (r.get("attributed_to") or {}).get("name"),
        "location": (r.get("location") or {}).get("name"),
        "quantities": ";".join(q.get("text") or "" for q in r.get("quantities") or []),
        "confidence": r.get("confidence"), **_evidence(r),
    }


def flat_fact(r: dict[str, Any]) -> dict[str, Any]:
    valid = r.get("valid") or {}
    return {
        "record": "fact", "id": r.get("id"), **_date_columns(valid), "kind": r.get("kind"),
        "modifier": valid.get("modifier"), "status": r.get("status"),
        "subject_name": (r.get("subject") or {}).get("name"),
        "subject_country": (r.get("subject") or {}).get("country"),
        "object_name": (r.get("object") or {}).get("name"),
        "object_country": (r.get("object") or {}).get("country"),
        "person": (r.get("person") or {}).get("name"),
        "place": (r.get("place") or {}).get("name"),
        "treaty": (r.get("treaty") or {}).get("name"),
        "conflict": bool(r.get("conflict")),
        "conflicts_with": ";".join(r.get("conflicts_with") or []),
        "confidence": r.get("confidence"), **_evidence(r),
    }


def flat_record(r: dict[str, Any]) -> dict[str, Any]:
    """Any row: an event or fact flattened, anything else (dyads, series, hits) as it is."""
    kind = r.get("record")
    if kind == "event":
        return flat_event(r)
    if kind == "fact":
        return flat_fact(r)
    return dict(r)


def flat_rows(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [flat_record(r) for r in records]


def columns(rows: list[dict[str, Any]]) -> list[str]:
    """Every key, in first-seen order (a timeline mixes event and fact columns)."""
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    rows = flat_rows(records)
    writer = csv.DictWriter(out, fieldnames=columns(rows), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise MissingDependency("Parquet needs pyarrow, which is not installed: "
                                "pip install 'dyad[parquet]' (or pip install pyarrow)") from None
    return pyarrow


def to_arrow(records: Iterable[dict[str, Any]]) -> Any:
    pa = _pyarrow()
    rows = flat_rows(records)
    names = columns(rows)
    return pa.Table.from_pylist([{k: row.get(k) for k in names} for row in rows])


def write_file(records: Iterable[dict[str, Any]], fmt: str, path: str) -> int:
    """Write ``records`` to ``path`` in ``fmt``; the file appears whole or not at all."""
    if fmt not in FORMATS:
        raise DyadError(f"export format {fmt!r}: choose from {', '.join(FORMATS)}")
    if fmt == "parquet":
        _pyarrow()  # say what is missing before any work

        def write(tmp: str) -> int:
            import pyarrow.parquet as pq

            items = list(records)
            pq.write_table(to_arrow(items), tmp)
            return len(items)
    else:
        def write(tmp: str) -> int:
            writer: Callable[[Iterable[dict[str, Any]], TextIO], int]
            writer = write_jsonl if fmt == "jsonl" else write_csv
            with open(tmp, "w", encoding="utf-8", newline="") as out:
                return writer(records, out)
    return write_atomically(path, write)


def write_atomically(path: str, write: Callable[[str], int]) -> int:
    """``write(temporary path)`` beside ``path``, then moved into place: the file appears
    whole or not at all. Returns what ``write`` returns (a count)."""
    target = Path(path)
    if target.is_dir():
        raise DyadError(f"{path}: is a folder; give a file name with -o")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise DyadError(f"{path}: folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    os.close(fd)
    try:
        count = write(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


TABLE_SUFFIXES = (".csv", ".tsv", ".parquet")


def table_format(path: str, suffixes: tuple[str, ...] = TABLE_SUFFIXES) -> str:
    """"panel.csv" → "csv": a table's format from its file name, or one DyadError line."""
    suffix = Path(path).suffix.lower()
    if suffix not in suffixes:
        raise DyadError(f"{path}: name the file {' or '.join('*' + s for s in suffixes)} "
                        "(the ending says the format)")
    return suffix[1:]


def write_table(rows: list[dict[str, Any]], names: list[str] | tuple[str, ...], path: str,
                fmt: str | None = None) -> int:
    """Rows with fixed columns ``names`` as CSV, TSV or Parquet (``fmt``, else from the
    file's ending); the file appears whole or not at all."""
    fmt = fmt or table_format(path)
    if fmt == "parquet":
        pa = _pyarrow()

        def write(tmp: str) -> int:
            import pyarrow.parquet as pq

            schema = pa.schema([(n, _arrow_type(pa, rows, n)) for n in names])
            table = pa.Table.from_pylist([{n: row.get(n) for n in names} for row in rows],
                                         schema=schema)
            pq.write_table(table, tmp)
            return len(rows)
    else:
        def write(tmp: str) -> int:
            with open(tmp, "w", encoding="utf-8", newline="") as out:
                writer = csv.DictWriter(out, fieldnames=list(names), extrasaction="ignore",
                                        delimiter="\t" if fmt == "tsv" else ",")
                writer.writeheader()
                writer.writerows(rows)
            return len(rows)
    return write_atomically(path, write)


def _arrow_type(pa: Any, rows: list[dict[str, Any]], name: str) -> Any:
    """A column's Arrow type from its values: a column with no value at all is a string
    column of nulls, not Arrow's null type (which pandas reads as objects)."""
    for row in rows:
        value = row.get(name)
        if isinstance(value, bool):
            return pa.bool_()
        if isinstance(value, int):
            if any(isinstance(r.get(name), float) for r in rows):
                return pa.float64()
            return pa.int64()
        if isinstance(value, float):
            return pa.float64()
        if value is not None:
            return pa.string()
    return pa.string()


class Records(list):  # type: ignore[type-arg]
    """A list of records that also converts itself to a pandas or polars DataFrame."""

    def to_pandas(self) -> Any:
        try:
            import pandas
        except ImportError:
            raise MissingDependency("to_pandas needs pandas: pip install pandas") from None
        return pandas.DataFrame(flat_rows(self), columns=columns(flat_rows(self)) or None)

    def to_polars(self) -> Any:
        try:
            import polars
        except ImportError:
            raise MissingDependency("to_polars needs polars: pip install polars") from None
        return polars.DataFrame(flat_rows(self))

    def to_arrow(self) -> Any:
        return to_arrow(self)
