"""MediaWiki exports, ZIM-free: a small own-words dump written by the test, plain and
compressed, read page by page; broken and oversized ones are one line and exit 2."""

from __future__ import annotations

import bz2
import subprocess
import sys
from pathlib import Path

import pytest

from dyad.errors import DyadError, InputError
from dyad.read import iter_documents
from dyad.read.dump import is_dump, page_url
from dyad.read.select import Selection
from tests.read.dumps import PAGES, dump_xml, write_dump

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ["Chad–Niger relations", "Mali–Senegal relations", "Sahel rainfall",
            "Benin–Togo relations"]


def dyad(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dyad", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=300)


@pytest.mark.parametrize("name", ["pages.xml", "pages.xml.bz2", "pages.xml.gz"])
def test_articles_latest_revision_no_redirects_or_talk(tmp_path: Path, name: str) -> None:
    docs = list(iter_documents([str(write_dump(tmp_path / name))]))
    assert [d.title for d in docs] == ARTICLES
    first = docs[0]
    assert first.id == "testwiki:101"  # the wiki and the page id
    assert first.format == "wikitext"
    assert first.source == f"{tmp_path / name}#101"
    assert first.url == "https://test.example.org/wiki/Chad%E2%80%93Niger_relations"
    assert "older draft" not in first.text  # the latest revision only
    assert any("4 March 1961" in s.text for s in first.sentences)


def test_titles_select_before_parsing(tmp_path: Path) -> None:
    dump = str(write_dump(tmp_path / "pages.xml.bz2"))
    docs = list(iter_documents([dump], select=Selection("*RELATIONS*")))
    assert [d.title for d in docs] == ["Chad–Niger relations", "Mali–Senegal relations",
                                       "Benin–Togo relations"]
    assert [d.title for d in iter_documents([dump], select=Selection("Sahel*"))] == [
        "Sahel rainfall"]


def test_sniffed_from_the_bytes_not_the_name(tmp_path: Path) -> None:
    path = tmp_path / "export.dat"
    path.write_bytes(bz2.compress(dump_xml().encode()))
    assert len(list(iter_documents([str(path)]))) == 4
    assert is_dump(b'<?xml version="1.0"?>\n<mediawiki xmlns="x">')
    assert not is_dump(b"<html><body>mediawiki</body></html>")


def test_url_from_the_dump_base() -> None:
    assert page_url("https://fr.example.org/wiki/Accueil", "Mali–France") == (
        "https://fr.example.org/wiki/Mali%E2%80%93France")
    assert page_url(None, "X") is None


def test_truncated_bz2_is_one_clear_error(tmp_path: Path) -> None:
    whole = bz2.compress(dump_xml().encode())
    cut = tmp_path / "cut.xml.bz2"
    cut.write_bytes(whole[: len(whole) * 2 // 3])
    with pytest.raises(InputError, match="truncated bz2 file"):
        list(iter_documents([str(cut)]))
    out = dyad("extract", str(cut))
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        f"dyad: {cut}: truncated bz2 file: the compressed stream ends early "
        "(after 0 bytes expanded)"]
    assert "Traceback" not in out.stderr


def test_truncated_plain_export_is_one_line_after_the_pages_before(tmp_path: Path) -> None:
    xml = dump_xml()
    cut = tmp_path / "cut.xml"
    cut.write_text(xml[: xml.index("<title>Sahel rainfall")], encoding="utf-8")
    errors: list[DyadError] = []
    docs = list(iter_documents([str(cut)], on_error=errors.append))
    assert [d.title for d in docs] == ARTICLES[:2]
    assert len(errors) == 1
    assert "not a complete MediaWiki export" in str(errors[0])


def test_page_over_max_bytes_stops_the_dump(tmp_path: Path) -> None:
    huge = [(7, 0, "Huge page", ["word " * 50_000], None)]
    dump = write_dump(tmp_path / "huge.xml.bz2", PAGES[:1] + huge)
    out = dyad("parse", "--format", "jsonl", "--max-bytes", "100000", str(dump))
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        f"dyad: {dump}: a page of it expands past the limit of 100,000 bytes of text "
        "(raise it with --max-bytes)"]
    assert len(out.stdout.splitlines()) == 1  # the page before it was read


def test_dump_bigger_than_max_bytes_is_read_page_by_page(tmp_path: Path) -> None:
    # the limit bounds a page, not the whole export (a dump is far bigger than any page)
    dump = write_dump(tmp_path / "pages.xml")
    limit = max(len(t[-1].encode()) for _, _, _, texts, _ in PAGES for t in [texts]) + 2000
    assert dump.stat().st_size > limit
    assert len(list(iter_documents([str(dump)], max_bytes=limit))) == 4
