"""The records of a long plain text read in pieces: the same, record for record, as the
records of reading it whole, in this process and in worker processes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import dyad.read
from dyad.extract.records import document_record
from dyad.pipeline import extract_all, extract_records
from dyad.read import read_path, read_text
from dyad.read.stream import StreamedDocument
from tests.conftest import ROOT

SCHEMA = ROOT.parent / "shared" / "spec" / "records.schema.json"
# written for these tests: events and facts in several paragraphs, so that the limit
# below cuts the text into pieces between and inside them
PARAGRAPHS = [
    "Chile and Kenya established diplomatic relations on 3 May 1964.",
    "In March 2015 Kenya opened an embassy in Santiago. Chile sent 40 tonnes of wheat to "
    "Kenya in 2017.",
    "In June 2019 the Peruvian foreign minister visited Accra and met officials of the "
    "Ghanaian government.",
    "Ghana recalled its ambassador from Lima in 2021 after a dispute over fishing.",
    "Norway pledged $20 million to support schools in Mali in 2012. Mali expelled two "
    "Norwegian diplomats in October 2022, and Norway protested.",
]
TEXT = "Chile–Kenya relations\n\n" + "\n\n".join(PARAGRAPHS * 4) + "\n"


@pytest.fixture(scope="module")
def long_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("long") / "long.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def held(long_file: Path) -> list[dict[str, Any]]:
    return list(extract_records(read_text(TEXT, input_format="text", source=str(long_file))))


@pytest.fixture
def streamed(long_file: Path, monkeypatch: pytest.MonkeyPatch) -> StreamedDocument:
    monkeypatch.setattr(dyad.read, "PART_CHARS", 700)
    [doc] = read_path(long_file)
    assert isinstance(doc, StreamedDocument)
    return doc


def test_one_document_record_with_the_whole_texts_id_and_count(
        streamed: StreamedDocument, held: list[dict[str, Any]]) -> None:
    record = document_record(streamed)
    assert record == held[0]
    assert record["id"] == dyad.read.document_id(TEXT)
    assert record["sentences"] == 4 * 7  # the title line is no sentence


def test_the_records_equal_those_of_the_text_read_whole(
        streamed: StreamedDocument, held: list[dict[str, Any]]) -> None:
    records = list(extract_records(streamed))
    assert [r["record"] for r in records].count("document") == 1
    assert sum(r["record"] == "event" for r in records) >= 8
    assert records == held


def test_worker_processes_give_the_same_records(
        streamed: StreamedDocument, held: list[dict[str, Any]]) -> None:
    # the document goes to a worker pickled as its path, and is read there from the file
    assert list(extract_all([streamed, streamed], jobs=2)) == held + held


@pytest.mark.skipif(not SCHEMA.exists(), reason="needs ../shared/spec")
def test_the_records_validate(streamed: StreamedDocument) -> None:
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text()))
    for record in extract_records(streamed):
        validator.validate(record)
