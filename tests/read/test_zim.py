"""Kiwix ZIM files through libzim (the dyad[zim] extra): a small ZIM written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.read import iter_documents
from dyad.read.select import Selection

libzim = pytest.importorskip("libzim", reason="libzim (pip install 'dyad[zim]') is not installed")

ARTICLES = {
    "Chad–Niger_relations": ("Chad–Niger relations",
                             "<html><head><title>Chad–Niger relations</title></head><body>"
                             "<h1>Chad–Niger relations</h1><p>Chad and Niger established "
                             "diplomatic relations in 1961.</p></body></html>"),
    "Sahel_rainfall": ("Sahel rainfall",
                       "<html><head><title>Sahel rainfall</title></head><body>"
                       "<p>Most of the rain falls between June and September.</p>"
                       "</body></html>"),
}


def write_zim(path: Path) -> Path:
    from libzim.writer import Creator, Hint, Item, StringProvider

    class Page(Item):
        def __init__(self, path: str, title: str, html: str) -> None:
            super().__init__()
            self._path, self._title, self._html = path, title, html

        def get_path(self) -> str:
            return self._path

        def get_title(self) -> str:
            return self._title

        def get_mimetype(self) -> str:
            return "text/html"

        def get_contentprovider(self) -> StringProvider:
            return StringProvider(self._html)

        def get_hints(self) -> dict:
            return {Hint.FRONT_ARTICLE: True}

    with Creator(str(path)).config_indexing(False, "eng") as creator:
        creator.set_mainpath("Chad–Niger_relations")
        creator.add_metadata("Source", "https://test.example.org/wiki/")
        for entry_path, (title, html) in ARTICLES.items():
            creator.add_item(Page(entry_path, title, html))
        creator.add_redirection("Niger–Chad_relations", "Niger–Chad relations",
                                "Chad–Niger_relations", {})
    return path


def test_zim_articles_are_html_documents(tmp_path: Path) -> None:
    zim = write_zim(tmp_path / "test.zim")
    docs = sorted(iter_documents([str(zim)]), key=lambda d: d.title)
    assert [d.title for d in docs] == ["Chad–Niger relations", "Sahel rainfall"]
    assert docs[0].format == "html"
    assert docs[0].source == f"{zim}#Chad–Niger_relations"
    assert docs[0].url == "https://test.example.org/wiki/Chad–Niger_relations"
    assert "established diplomatic relations in 1961" in docs[0].text
    assert [d.title for d in iter_documents([str(zim)], select=Selection("*relations"))] == [
        "Chad–Niger relations"]
