"""The seed page (../shared/seeds) read end to end; skipped where ../shared is absent."""

import re

import pytest

from dyad.read import read_path
from tests.conftest import SEED, need_shared


@pytest.fixture(scope="module")
def doc():
    [doc] = read_path(need_shared(SEED))
    return doc


def test_title_sections_and_infobox(doc) -> None:
    assert doc.format == "page"
    assert doc.title == "Mali–Russia relations"
    content = [s for s in doc.sections if s.title != "References"]
    assert [(s.level, s.title.split(" (")[0]) for s in content] == [
        (2, "History"), (3, "Soviet-era relations"), (3, "Military rule in Mali"),
        (2, "Diplomatic relations")]
    assert doc.infobox["party1"] == "Mali" and doc.infobox["party2"] == "Russia"


def test_all_references_parsed(doc) -> None:
    refs = {r.label: r for r in doc.references}
    assert list(refs) == [str(n) for n in range(1, 25)]
    assert refs["1"].isbn == "90-286-0609-2" and refs["1"].date == "1981"
    assert refs["3"].work == "Chicago Tribune" and refs["3"].date == "1961-03-19"
    assert refs["3"].archived == "2012-10-21" and refs["3"].accessed == "2009-07-17"
    assert refs["8"].language == "Russian" and refs["22"].language == "French"
    assert refs["14"].authors == ["Burke, Jason", "Akinwotu, Emmanuel"]
    assert all(r.title for r in refs.values())
    dated = [r for r in refs.values() if r.date]
    assert len(dated) == 21  # three entries give no date


def test_every_footnote_attached_once_in_order(doc) -> None:
    cited = [label for s in doc.sentences for label in s.citations]
    assert sorted(set(cited), key=int) == [str(n) for n in range(1, 25)]
    multi = [s.citations for s in doc.sentences if len(s.citations) > 2]
    assert ("3", "2", "4", "5") in multi


def test_captions_and_clean_sentences(doc) -> None:
    captions = [s for s in doc.sentences if s.kind == "caption"]
    assert len(captions) == 4
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
        assert not re.search(r"\[[^\]]{1,20}\]", s.text), s.text
        assert "  " not in s.text
    assert {link.language for link in doc.links} == {"fi", "ru"}
