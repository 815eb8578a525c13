"""A plain text over the part limit: one document, read in pieces, the same as read whole."""

from __future__ import annotations

import gc
import io
import os
import pickle
import sys
from pathlib import Path

import pytest

import dyad.read
from dyad.errors import DyadError, InputError
from dyad.model import Document
from dyad.read import iter_documents, read_path, read_text
from dyad.read.stream import StreamedDocument

LIMIT = 2000  # characters: the part limit these tests read under (1,000,000 in use)


def long_text(paragraphs: int = 40) -> str:
    """A text of our own words with what the reader must carry across pieces: a title, a
    heading ("[edit]" line: it sniffs as a page), non-ASCII letters, a reference list and
    a footer line."""
    body = [f"Paragraph {n}: Chile and Kenya established diplomatic relations in {1960 + n}."
            f"[1] Perú sent {n} tonnes of wheat to Kenya – a gift.[2]" for n in range(paragraphs)]
    half = paragraphs // 2
    return ("Notes on relations\n\n" + "\n\n".join(body[:half])
            + "\n\nLater years\n\n[edit]\n\n" + "\n\n".join(body[half:])
            + "\n\nReferences\n\n[edit]\n\n1. ^ Smith, J. (2001). \"Ties\". The Daily.\n"
            + "2. ^ Doe, A. (2003). \"Wheat\". The Weekly.\n\n"
            + "Retrieved from \"https://example.org/x\"\nSome words after the footer.\n")


def whole(text: str, source: str) -> Document:
    return read_text(text, input_format="text", source=source)


def same(streamed: Document, held: Document) -> None:
    """Every field the pipeline and ``dyad parse`` read, equal."""
    assert isinstance(streamed, StreamedDocument)
    assert (streamed.id, streamed.title, streamed.source, streamed.format) == (
        held.id, held.title, held.source, held.format)
    assert streamed.sections == held.sections
    assert streamed.references == held.references
    assert len(streamed.sentences) == len(held.sentences)
    assert list(streamed.sentences) == held.sentences
    assert streamed.to_dict() == held.to_dict()


@pytest.fixture
def limit(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(dyad.read, "PART_CHARS", LIMIT)
    return LIMIT


@pytest.mark.parametrize("part", [LIMIT, 777, 1024, 3001])
@pytest.mark.parametrize(("newline", "bom"), [("\n", ""), ("\r\n", ""), ("\r", "\ufeff")])
def test_a_long_text_is_one_document_as_if_read_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, part: int, newline: str,
        bom: str) -> None:
    monkeypatch.setattr(dyad.read, "PART_CHARS", part)
    text = long_text()
    path = tmp_path / "long.txt"
    path.write_bytes((bom + text.replace("\n", newline)).encode("utf-8"))
    assert path.stat().st_size > part
    [doc] = read_path(path, input_format="text")
    held = whole(text, str(path))
    same(doc, held)
    assert doc.title == "Notes on relations" and len(doc.references) == 2
    assert [s.path for s in doc.sections] == ["Later years", "References"]
    # the footer line ends the text
    assert [s.text[:19] for s in doc.sentences[-2:]] == ["Perú sent 39 tonnes", "References"]
    # indexes and offsets run across the whole text
    assert [s.index for s in doc.sentences] == list(range(len(held.sentences)))
    clean = held.text
    assert all(clean[s.start : s.end] == s.text for s in doc.sentences)
    assert all(text[doc.offsets.to_raw(s.start):][: len(s.text)] == s.text
               for s in doc.sentences)


def test_a_sniffed_plain_text_streams(tmp_path: Path, limit: int) -> None:
    text = "".join(f"Chile and Kenya met in {1900 + n}. Perú sent aid.\n\n" for n in range(80))
    path = tmp_path / "plain.txt"
    path.write_text(text, encoding="utf-8")
    [doc] = read_path(path)
    same(doc, whole(text, str(path)))
    assert len(doc.sentences) == 160


def test_a_short_text_is_read_whole(tmp_path: Path, limit: int) -> None:
    path = tmp_path / "short.txt"
    path.write_text(long_text(3)[: limit - 100], encoding="utf-8")
    [doc] = read_path(path)
    assert not isinstance(doc, StreamedDocument)


def test_a_utf16_text_streams_too(tmp_path: Path, limit: int) -> None:
    text = long_text()
    path = tmp_path / "wide.txt"
    path.write_bytes(text.encode("utf-16"))
    [doc] = read_path(path, input_format="text")
    same(doc, whole(text, str(path)))


def test_it_pickles_as_its_file_not_its_text(tmp_path: Path, limit: int) -> None:
    text = long_text(200)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    [doc] = read_path(path, input_format="text")
    data = pickle.dumps(doc)
    assert len(data) < len(text) // 10
    same(pickle.loads(data), whole(text, str(path)))


def test_a_bad_byte_past_the_head_is_told_by_name(tmp_path: Path, limit: int) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(long_text().encode("utf-8") + b"\xff tail\n")
    errors: list[DyadError] = []
    assert list(iter_documents([str(path)], input_format="text", on_error=errors.append)) == []
    assert len(errors) == 1 and isinstance(errors[0], InputError)
    assert str(path) in str(errors[0]) and "not UTF-8 text" in str(errors[0])


def test_blank_text_over_the_limit_is_empty(tmp_path: Path, limit: int) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n" * limit, encoding="utf-8")
    with pytest.raises(InputError, match="empty file"):
        read_path(path)


def stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_long_standard_input_is_spooled_and_the_copy_removed(
        monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    text = long_text()
    stdin(monkeypatch, text.encode("utf-8"))
    [doc] = read_path("-", input_format="text")
    assert doc.source == "-"
    same(doc, whole(text, "-"))
    spooled = doc._file.path  # type: ignore[attr-defined]
    assert os.path.exists(spooled)
    del doc
    gc.collect()
    assert not os.path.exists(spooled)


def test_a_pickled_spooled_document_keeps_its_copy(monkeypatch: pytest.MonkeyPatch,
                                                   limit: int) -> None:
    text = long_text()
    stdin(monkeypatch, text.encode("utf-8"))
    [doc] = read_path("-", input_format="text")
    data = pickle.dumps(doc)  # as for a worker process, which reads it later
    del doc
    gc.collect()
    same(pickle.loads(data), whole(text, "-"))


def test_long_standard_input_over_max_bytes_is_refused(monkeypatch: pytest.MonkeyPatch,
                                                       limit: int) -> None:
    stdin(monkeypatch, long_text().encode("utf-8"))
    with pytest.raises(InputError, match="over the limit of 3,000 bytes"):
        read_path("-", max_bytes=3000)
