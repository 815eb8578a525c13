"""What ingest reads: contract-record JSON lines stored as they are, other inputs as documents."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

import dyad.read
from dyad.errors import DyadError
from dyad.kb import KnowledgeBase
from dyad.kb.sources import RecordGroup, group_records, iter_inputs
from dyad.model import Document
from dyad.read import document_id, read_text
from dyad.read.stream import StreamedDocument
from tests.kb.records import document, event, fact, mali_russia, reference, when


def _doc(doc: str) -> list[dict[str, Any]]:
    return [document(doc, f"Title {doc}"), reference(doc, "1", "A wire story"),
            event(doc, f"{doc}-e1", "CONSULT", ["CHL"], ["PER"], when("2004-05")),
            fact(doc, f"{doc}-f1", "embassy", "CHL", "PER", place="Lima")]


def _without_evidence_document(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    records[2]["evidence"].pop("document")
    return records


def _kind(records: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    records[3]["record"] = kind
    return records


def _from_elsewhere(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    records[2]["evidence"]["document"] = "zzz"
    return records


def _lines(*docs: list[dict[str, Any]] | str) -> list[str]:
    lines: list[str] = []
    for d in docs:
        lines.extend([d] if isinstance(d, str) else [json.dumps(r) for r in d])
    return lines


@pytest.mark.parametrize(
    ("lines", "stored", "errors"),
    [(_lines(_doc("a"), "", _doc("b")), ["a", "b"], []),
     # a bad line costs its own document only, and is told once with its line number
     (_lines(_doc("a"), _without_evidence_document(_doc("b")), _doc("c")), ["a", "c"],
      ["line 7: event 'b-e1' has no evidence.document; document 'b' skipped"]),
     (_lines(_doc("a"), _kind(_doc("b"), "evnt"), _kind(_doc("c"), "")), ["a"],
      ["line 8: unknown record kind 'evnt'", "line 12: unknown record kind ''"]),
     (_lines(_doc("a"), '{"record": "fact", "i', _doc("b")), ["b"],
      [("line 5: not JSON", "document 'a' skipped")]),
     (_lines('["a list"]', _doc("a")), ["a"],
      [("line 1: not a record", "records before the first document record skipped")]),
     (_lines(_doc("a")[1:], _doc("b")), ["b"],
      ["line 1: a reference record before any document record"]),
     # what split_records refuses is told at the document's line
     (_lines(_from_elsewhere(_doc("a")), _doc("b")), ["b"],
      ["line 1: event a-e1 comes from document zzz, not a; document 'a' skipped"]),
     (_lines([{"record": "document", "title": "no id"}], _doc("b")), ["b"],
      ["line 1: the records hold no document record with an id"])],
)
def test_group_records(lines: list[str], stored: list[str],
                       errors: list[str | tuple[str, ...]]) -> None:
    told: list[DyadError] = []
    groups = list(group_records(lines, source="in.jsonl", on_error=told.append))
    assert [g.records[0]["id"] for g in groups] == stored
    assert len(told) == len(errors)
    for error, words in zip(told, errors, strict=True):
        assert str(error).startswith("in.jsonl: line ")
        for word in (words,) if isinstance(words, str) else words:
            assert word in str(error)
    for g in groups:  # each group is one whole document, in the order read
        assert g.records == [json.loads(x) for x in lines[g.line - 1:g.line + 3]]


PAGE = "Chile and Peru signed a trade accord in Lima in May 2004.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "records.jsonl").write_text("\n".join(_lines(_doc("a"), _doc("b"))) + "\n",
                                            encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "n1", "text": PAGE}) + "\n",
                                         encoding="utf-8")
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "utf16.jsonl").write_bytes("\n".join(_lines(_doc("u"))).encode("utf-16"))
    return tmp_path


def _read(paths: list[str], input_format: str | None = None) -> list[str]:
    told: list[DyadError] = []
    items = list(iter_inputs(paths, input_format=input_format, max_bytes=10**6,
                             on_error=told.append))
    assert not told
    return [f"records {i.records[0]['id']}" if isinstance(i, RecordGroup) else
            f"document {i.id}" for i in items if isinstance(i, RecordGroup | Document)]


def test_records_files_and_documents_side_by_side(folder: Path) -> None:
    read = _read([str(folder)])
    assert read[0] == "document n1"  # the news feed keeps being read as documents
    assert read[1].startswith("document ")  # page.txt
    assert read[2:] == ["records a", "records b", "records u"]


def test_a_forced_input_format_other_than_jsonl_reads_documents(folder: Path) -> None:
    assert _read([str(folder / "records.jsonl")], "jsonl") == ["records a", "records b"]
    assert _read([str(folder / "records.jsonl")], "text")[0].startswith("document ")


def test_ingest_stores_the_records_as_they_are(kb: KnowledgeBase, tmp_path: Path) -> None:
    records = mali_russia()
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    summary = kb.ingest([str(path)])
    assert (summary.documents, summary.events, summary.facts, summary.skipped) == (1, 4, 3, [])
    assert {r["id"]: r for r in kb.events()} == {r["id"]: r for r in records
                                                 if r["record"] == "event"}
    assert kb.ingest([str(path)]).unchanged == 1


def test_ingest_skips_a_bad_document_and_stores_the_rest(kb: KnowledgeBase,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(_lines(_kind(_doc("a"), "evnt"), _doc("b"))), encoding="utf-8")
    seen: list[object] = []
    summary = kb.ingest([str(path)], progress=seen.append)
    assert summary.documents == 1 and [d["id"] for d in kb.documents()] == ["b"]
    assert len(summary.skipped) == 1 and "line 4: unknown record kind" in summary.skipped[0]
    assert seen.count(None) == 1


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(dyad.read, "PART_CHARS", 300)  # so this input is long: spooled
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))


def test_long_standard_input_of_text_is_one_streamed_document(
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = "".join(f"Chile and Peru signed accord number {n} in {1990 + n}.\n\n"
                   for n in range(20))
    _stdin(monkeypatch, text)
    [doc] = iter_inputs(["-"], input_format=None, max_bytes=10**6, on_error=pytest.fail)
    assert isinstance(doc, StreamedDocument) and doc.source == "-"
    assert doc.id == document_id(text)
    assert list(doc.sentences) == read_text(text, source="-").sentences


def test_long_standard_input_of_records_is_grouped(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, "\n".join(_lines(_doc("a"), _doc("b"))) + "\n")
    assert _read(["-"]) == ["records a", "records b"]
