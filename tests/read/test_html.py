"""The HTML reader: a saved Wikipedia page and a news page, against the wikitext reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.read.html import read_html
from dyad.read.wikitext import read_wikitext
from tests.read.norland import SECTIONS, sentence_starting

FIXTURES = Path(__file__).parent / "fixtures"
MARKUP = ("[[", "{{", "<ref", "'''", "<", ">", "[edit]", "&#", "&amp;", "Jump to content")


def _read(name: str):
    return read_html((FIXTURES / name).read_text(encoding="utf-8"), doc_id=name)


@pytest.fixture(scope="module")
def wiki():
    return _read("sample_wikipedia.html")


@pytest.fixture(scope="module")
def news():
    return _read("sample_news.html")


def test_wikipedia_title_and_url(wiki):
    assert wiki.title == "Norland–Sudavia relations"
    assert wiki.format == "html"
    assert wiki.url.startswith("https://en.wikipedia.org/wiki/")


@pytest.mark.parametrize(("title", "level", "path"), SECTIONS)
def test_wikipedia_sections(wiki, title, level, path):
    section = next(s for s in wiki.sections if s.title == title)
    assert (section.level, section.path) == (level, path)


@pytest.mark.parametrize(
    ("start", "kind", "citations", "notes"),
    [
        ("Norland–Sudavia relations (Russian: Норланд)", "paragraph", ("1",), ()),
        ("Envoys sign the Harbour Treaty", "caption", (), ()),
        ("Diplomatic relations were established on 14 October 1961.", "paragraph", ("2",), ()),
        ("In 1962 the two governments", "paragraph", ("3", "2", "a"), ()),
        ("Trade grew slowly", "paragraph", (), ("citation needed",)),
        ("In 2021 the foreign minister, Kari Nystrom, visited", "paragraph", ("1",), ()),
        ("Norland has an embassy in Varna.", "list_item", ("1",), ()),
        ("Eira Lund; 2019", "list_item", (), ()),
        ("Notes", "heading", (), ()),
    ],
)
def test_wikipedia_sentences(wiki, start, kind, citations, notes):
    sentence = sentence_starting(wiki, start)
    assert (sentence.kind, sentence.citations, sentence.notes) == (kind, citations, notes)


@pytest.mark.parametrize("name", ["sample_wikipedia.html", "sample_news.html"])
def test_no_markup_and_exact_offsets(name):
    doc = _read(name)
    assert doc.sentences
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
        assert not any(m in s.text for m in MARKUP), s.text


def test_wikipedia_chrome_is_dropped(wiki):
    for gone in ("From Wikipedia", "Contents", "Main article", "Foreign relations of",
                 "Categories", "last edited", "Bilateral relations", "Map showing"):  # fmt: skip
        assert gone not in wiki.text, gone


@pytest.mark.parametrize(
    ("label", "fields"),
    [
        ("1", {"title": "Relations with Sudavia", "work": "Norland Foreign Ministry",
               "url": "https://mfa.example.org/sudavia", "accessed": "2024-03-02",
               "language": "Russian"}),
        ("2", {"title": "An Almanac of Northern Treaties", "date": "1984",
               "authors": ["Halvorsen, Tove", "Mbeki, Jonas"], "isbn": "978-0-00-000000-2"}),
        ("3", {"title": "Fisheries pact signed", "date": "1962-05-04", "authors": ["Okafor, Ada"],
               "work": "The Ostby Herald"}),
        ("a", {"text": "The consulate was upgraded to a full embassy in 1970."}),
    ],
)  # fmt: skip
def test_wikipedia_references(wiki, label, fields):
    ref = wiki.reference(label)
    assert ref is not None
    for key, value in fields.items():
        assert getattr(ref, key) == value, key
    assert "^" not in ref.text


def test_wikipedia_infobox(wiki):
    assert wiki.infobox == {
        "map_caption": "Map showing where Norland and Sudavia lie",
        "party1": "Norland",
        "party2": "Sudavia",
        "mission1": "Embassy of Norland, Varna",
        "mission2": "Embassy of Sudavia, Ostby",
        "Established": "14 October 1961",
    }


@pytest.mark.parametrize(
    ("words", "target", "language"),
    [
        ("Russian", "Russian language", None),
        ("Bergholms", "Bergholm", None),
        ("Kari Nystrom", "Kari Nystrom", "sv"),  # a red link with an interlanguage marker
        ("Eira Lund", "Eira Lund", None),
    ],
)
def test_wikipedia_links(wiki, words, target, language):
    link = next(k for k in wiki.links if wiki.text[k.start : k.end] == words)
    assert (link.target, link.language) == (target, language)


def test_same_document_as_the_wikitext_reader(wiki):
    # the fixtures tell the same article; the wikitext one has one more paragraph and ref
    source = read_wikitext((FIXTURES / "sample.wiki").read_text(encoding="utf-8"), doc_id="w")
    only_wikitext = {"Norland promised to ship 60,000 tonnes of grain."}
    expected = [
        (s.kind, s.section, s.text, s.citations, s.notes)
        for s in source.sentences
        if s.text not in only_wikitext
    ]
    got = [(s.kind, s.section, s.text, s.citations, s.notes) for s in wiki.sentences]
    assert got == expected
    assert [s.to_dict() for s in wiki.sections] == [s.to_dict() for s in source.sections]
    shared = [r.label for r in wiki.references]
    assert [source.reference(label).text for label in shared] == [r.text for r in wiki.references]


def test_news_page(news):
    assert news.title == "Norland pledges grain to Sudavia"
    assert news.date == "2022-06-09"
    assert [s.text for s in news.sentences] == [
        "Norland will ship 60,000 tonnes of grain to Sudavia this year, its trade minister "
        "said on Thursday.",
        "The deal follows a visit by foreign minister Kari Nystrom to Varna in 2021.",
        "Officials in Ostby called it “a new chapter”.",
        "Reaction",
        "Farmers' unions in Norland welcomed the news.",
    ]
    assert news.sections[0].title == "Reaction"


def test_news_offsets_point_at_the_raw_text(news):
    raw = (FIXTURES / "sample_news.html").read_text(encoding="utf-8")
    sentence = sentence_starting(news, "Officials in Ostby")
    at = news.offsets.to_raw(sentence.start)
    assert raw[at : at + len("Officials in Ostby")] == "Officials in Ostby"


@pytest.mark.parametrize(
    ("raw", "title", "date", "texts"),
    [
        ("<html><body><p>One &amp; two.</p><p>Three</p></body></html>", None, None,
         ["One & two.", "Three"]),
        ('<html><head><meta name="date" content="3 May 2021"></head><body><main><h1>Head</h1>'
         "<p>Body text.</p></main><footer>x</footer></body></html>", "Head", "2021-05-03",
         ["Body text."]),
        ("<body><article><p>Unclosed<p>Second</article><nav>menu</nav></body>", None, None,
         ["Unclosed", "Second"]),
    ],
)  # fmt: skip
def test_small_pages(raw, title, date, texts):
    doc = read_html(raw, doc_id="t")
    assert (doc.title, doc.date) == (title, date)
    assert [s.text for s in doc.sentences] == texts
