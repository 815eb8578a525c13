"""Reading files and folders: sniffing, JSON lines, and every kind of bad input."""

import json
from pathlib import Path

import pytest

from dyad.errors import DyadError, InputError
from dyad.read import iter_documents, read_path, sniff

SCRAPED = "Title here\n\nFrom Wikipedia, the free encyclopedia\n\nHistory\n\n[edit]\n\nBody text.\n"
WIKI = "'''Chile–Kenya relations''' are ties.<ref>A source.</ref>\n\n== History ==\nText.\n"
HTML = "<!DOCTYPE html><html><body><p>Some text.</p></body></html>"
JSONL = '{"id": "n1", "text": "Ghana and Togo met on Monday."}\n'


@pytest.mark.parametrize(
    ("text", "expected"),
    [(SCRAPED, "page"), (WIKI, "wikitext"), (HTML, "html"), (JSONL, "jsonl"),
     ("Just a plain news story.\n\nWith two paragraphs.", "text"),
     # a wiki page rendered as text keeps its equals-sign headings but no markup: the page
     # reader reads it (headings, "- Mission1: …" infobox lines)
     ("= Chile–Kenya relations =\n\n== History ==\nText.", "page"),
     ("== History ==\nText with a [[link]].\n\n== Trade ==\nMore.", "wikitext"),
     # copied from the mobile site: headings end in the pencil icon's "edit"
     ("Title\n\nLead text.\n\nHistory edit\n\nBody.\n\nTrade edit\n\nMore.", "page"),
     # one such line could be chance, and "can edit" is a verb
     ("Title\n\nLead text.\n\nHistory edit\n\nBody.", "text"),
     ("Notes\n\nOnly members can edit\n\nThe wiki says who can edit\n\nMore.", "text")],
)
def test_sniff(text: str, expected: str) -> None:
    assert sniff(text) == expected


def test_jsonl_documents_keep_id_title_date(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [
        {"id": "a1", "text": "Ghana and Togo signed a deal on Tuesday.", "title": "Deal",
         "date": "2021-03-04", "url": "https://example.org/a1"},
        {"id": "a2", "text": "Kenya recalled its envoy."},
    ]
    feed.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    docs = read_path(feed)
    assert [(d.id, d.title, d.date, d.url) for d in docs] == [
        ("a1", "Deal", "2021-03-04", "https://example.org/a1"),
        ("a2", None, None, None),
    ]
    assert docs[0].sentences[0].text == "Ghana and Togo signed a deal on Tuesday."


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty file"),
        (b"  \n\n ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"caf\xe9 au lait, a Latin-1 word", "not UTF-8 text"),
        (b"x" * 2000, "over the limit"),
    ],
)
def test_bad_files_raise_one_clear_error(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_path(path, max_bytes=1000)
    assert problem in str(caught.value)
    assert str(path) in str(caught.value)


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "nope.txt")


def test_folder_skips_bad_files_and_reads_the_rest(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Kenya and Chile opened relations in 1964.", encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "sub" / "c.jsonl").write_text(
        '{"id": "x", "text": "Peru thanked Chile."}\nnot json\n', encoding="utf-8")
    errors: list[DyadError] = []
    docs = list(iter_documents([str(tmp_path)], on_error=errors.append))
    assert [d.sentences[0].text for d in docs] == [
        "Kenya and Chile opened relations in 1964.", "Peru thanked Chile."]
    assert len(errors) == 2
    assert "b.txt" in str(errors[0]) and "binary" in str(errors[0])
    assert "c.jsonl: line 2" in str(errors[1])


def test_empty_folder_is_reported(tmp_path: Path) -> None:
    errors: list[DyadError] = []
    assert list(iter_documents([str(tmp_path)], on_error=errors.append)) == []
    assert "holds no files" in str(errors[0])


def test_a_long_plain_text_is_one_document(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import dyad.read

    monkeypatch.setattr(dyad.read, "PART_CHARS", 400)  # tests/read/test_stream.py: the rest
    paragraphs = [f"Paragraph {n}: Chile and Kenya met in {1960 + n}. Peru sent aid."
                  for n in range(30)]
    text = "Notes on relations\n\n" + "\n\n".join(paragraphs) + "\n"
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    errors: list[DyadError] = []
    [doc] = list(iter_documents([str(path)], on_error=errors.append))
    assert not errors
    assert (doc.title, doc.source, len(doc.sentences)) == ("Notes on relations", str(path), 60)
    assert [s.text for s in doc.sentences] == [
        s for p in paragraphs for s in (p[: p.index(". ") + 1], "Peru sent aid.")]
    for s in doc.sentences:
        at = doc.offsets.to_raw(s.start)
        assert text[at : at + len(s.text)] == s.text


def test_a_short_plain_text_stays_one_document(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text("Chile and Kenya met in 1964.\n\nPeru sent aid.\n", encoding="utf-8")
    [doc] = read_path(path)
    assert doc.source == str(path) and len(doc.sentences) == 2


def test_a_large_feed_is_read_line_by_line(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"n{n}", "text": f"Peru thanked Chile {n} times."})
                            + "\n" for n in range(5)) + "not json\n", encoding="utf-8")
    errors: list[DyadError] = []
    docs = iter_documents([str(feed)], on_error=errors.append)
    assert next(docs).id == "n0" and not errors  # the bad last line is not read yet
    assert [d.id for d in docs] == ["n1", "n2", "n3", "n4"]
    assert len(errors) == 1 and "line 6" in str(errors[0])


def test_a_feed_whose_first_line_is_longer_than_the_head_is_a_feed(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    long_text = "Ghana and Togo met again. " * 20_000  # 520,000 characters on one line
    feed.write_text(json.dumps({"id": "a", "text": long_text}) + "\n" + JSONL, encoding="utf-8")
    docs = read_path(feed)
    assert [d.id for d in docs] == ["a", "n1"]
    assert docs[0].text == long_text.strip()


def test_a_line_nested_too_deep_is_one_bad_line_and_the_rest_is_read(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(JSONL + "[" * 100_000 + "]" * 100_000 + "\n" + JSONL.replace("n1", "n3"),
                    encoding="utf-8")
    errors: list[DyadError] = []
    docs = list(iter_documents([str(feed)], on_error=errors.append))
    assert [d.id for d in docs] == ["n1", "n3"]
    assert [str(e) for e in errors] == [f"{feed}: line 2: not a document (nested too deeply)"]
