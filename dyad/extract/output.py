"""Writing records: JSON lines, one JSON array, or CSV with events flattened."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

CSV_COLUMNS = (
    "id", "event_type", "cameo", "goldstein", "quad_class", "mode", "contexts",
    "actor_names", "actor_countries", "recipient_names", "recipient_countries",
    "date_start", "date_end", "date_precision", "status", "attributed_to", "location",
    "quantities", "confidence", "document", "section", "sentence", "start", "end", "text",
    "citations",
)


def write_records(records: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write ``records`` in ``fmt`` (jsonl, json, csv); returns how many were written."""
    count = 0
    if fmt == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    elif fmt == "json":
        out.write("[")
        try:
            for record in records:
                out.write(("," if count else "") + "\n" + json.dumps(record, ensure_ascii=False))
                count += 1
        finally:  # a run stopped by an error still leaves a readable array of what it gave
            out.write("\n]\n")
    elif fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for record in records:
            if record.get("record") == "event":
                writer.writerow(flatten_event(record))
                count += 1
    else:
        raise ValueError(f"unknown output format {fmt!r}")
    return count


def flatten_event(r: dict[str, Any]) -> list[Any]:
    ev = r["evidence"]
    return [
        r["id"], r["event_type"], r["cameo"], r["goldstein"], r["quad_class"], r["mode"],
        ";".join(r["contexts"]),
        ";".join(a["name"] for a in r["actors"]),
        ";".join(a["country"] or "" for a in r["actors"]),
        ";".join(a["name"] for a in r["recipients"]),
        ";".join(a["country"] or "" for a in r["recipients"]),
        r["date"]["start"], r["date"]["end"], r["date"]["precision"], r["status"],
        (r["attributed_to"] or {}).get("name"), (r["location"] or {}).get("name"),
        ";".join(q["text"] for q in r["quantities"]), r["confidence"],
        ev["document"], ev["section"], ev["sentence"], ev["start"], ev["end"], ev["text"],
        ";".join(c["label"] for c in r["citations"]),
    ]
