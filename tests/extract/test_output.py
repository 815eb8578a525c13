"""Writing records in each output format."""

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import pytest

from dyad.errors import DataError
from dyad.extract.output import write_records


def _records() -> list[dict[str, Any]]:
    return [{"record": "document", "id": "d1"}, {"record": "fact", "id": "f1"}]


def test_json_is_one_array() -> None:
    out = io.StringIO()
    assert write_records(_records(), "json", out) == 2
    assert [r["id"] for r in json.loads(out.getvalue())] == ["d1", "f1"]


def test_json_array_is_closed_when_the_run_stops_with_an_error() -> None:
    def stopping() -> Iterator[dict[str, Any]]:
        yield from _records()
        raise DataError("gazetteer row 3: no code")

    out = io.StringIO()
    with pytest.raises(DataError):
        write_records(stopping(), "json", out)
    assert [r["id"] for r in json.loads(out.getvalue())] == ["d1", "f1"]


def test_jsonl_is_a_record_a_line() -> None:
    out = io.StringIO()
    write_records(_records(), "jsonl", out)
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == ["d1", "f1"]


def test_csv_keeps_events_only() -> None:
    out = io.StringIO()
    assert write_records(_records(), "csv", out) == 0
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0][:2] == ["id", "event_type"] and len(rows) == 1


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError):
        write_records(_records(), "xml", io.StringIO())
