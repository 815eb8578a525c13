"""The wikitext reader: blocks, sections, citations, references, infobox, links, offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.read.wikitext import read_wikitext
from tests.read.norland import SECTIONS, sentence_starting

FIXTURE = Path(__file__).parent / "fixtures" / "sample.wiki"
MARKUP = ("[[", "]]", "{{", "}}", "<ref", "'''", "''", "<", "[edit]", "<!--")


@pytest.fixture(scope="module")
def doc():
    return read_wikitext(FIXTURE.read_text(encoding="utf-8"), doc_id="sample")


def test_title_from_outline_heading(doc):
    assert doc.title == "Norland–Sudavia relations"
    assert doc.format == "wikitext"


@pytest.mark.parametrize(("title", "level", "path"), SECTIONS)
def test_sections(doc, title, level, path):
    section = next(s for s in doc.sections if s.title == title)
    assert (section.level, section.path) == (level, path)


@pytest.mark.parametrize(
    ("start", "kind", "section"),
    [
        ("Norland–Sudavia relations (Russian: Норланд) are", "paragraph", None),
        ("Envoys sign the Harbour Treaty in Ostby, 1961", "caption",
         "History > Early contacts (1961–1990)"),
        ("Norland has an embassy in Varna.", "list_item", "Diplomatic missions"),
        ("Eira Lund; 2019", "list_item", "Diplomatic missions"),
        ("Recent years", "heading", "History > Recent years"),
    ],
)  # fmt: skip
def test_sentence_kinds(doc, start, kind, section):
    sentence = sentence_starting(doc, start)
    assert (sentence.kind, sentence.section) == (kind, section)


@pytest.mark.parametrize(
    ("start", "citations", "notes"),
    [
        ("Norland–Sudavia relations", ("1",), ()),
        ("Both states keep", (), ()),
        ("Diplomatic relations were established", ("2",), ()),
        # a reused named ref keeps its first number; the efn note gets a letter
        ("In 1962 the two governments", ("3", "2", "a"), ()),
        ("Trade grew slowly", (), ("citation needed",)),
        ("In 2021 the foreign minister", ("1",), ()),
        ("Norland promised to ship 60,000 tonnes of grain.", ("4",), ()),
        ("Norland has an embassy", ("1",), ()),
    ],
)
def test_citations_attach_to_theirsentence_starting(doc, start, citations, notes):
    sentence = sentence_starting(doc, start)
    assert sentence.citations == citations
    assert sentence.notes == notes


def test_no_markup_and_exact_offsets(doc):
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
        assert not any(m in s.text for m in MARKUP), s.text


def test_dropped_material(doc):
    # infobox, short description, navbox, categories, interlanguage links and comments
    for gone in ("Locator", "Bilateral relations of", "hidden editor note", "Foreign relations"):
        assert gone not in doc.text
    references = [s for s in doc.sentences if s.section == "References"]
    assert [s.kind for s in references] == ["heading"]


@pytest.mark.parametrize(
    ("label", "fields"),
    [
        ("1", {"title": "Relations with Sudavia", "work": "Norland Foreign Ministry",
               "url": "https://mfa.example.org/sudavia", "accessed": "2024-03-02",
               "language": "Russian", "authors": []}),
        ("2", {"title": "An Almanac of Northern Treaties", "date": "1984",
               "authors": ["Halvorsen, Tove", "Mbeki, Jonas"], "isbn": "978-0-00-000000-2",
               "publisher": "Fjord Academic Press"}),
        ("3", {"title": "Fisheries pact signed", "date": "1962-05-04", "authors": ["Okafor, Ada"],
               "work": "The Ostby Herald", "publisher": "Coastal Press Agency"}),
        # plain text, no template: parsed from its rendering
        ("4", {"title": "Grain deal agreed", "date": "2022-06-09", "accessed": "2022-06-10",
               "authors": ["Petrov, Ivan"]}),
        ("a", {"text": "The consulate was upgraded to a full embassy in 1970."}),
    ],
)  # fmt: skip
def test_references(doc, label, fields):
    ref = doc.reference(label)
    assert ref is not None
    for key, value in fields.items():
        assert getattr(ref, key) == value, key
    assert ref.text and "{{" not in ref.text and "''" not in ref.text


def test_reference_labels_in_order(doc):
    assert [r.label for r in doc.references] == ["a", "1", "2", "3", "4"]


def test_infobox(doc):
    assert doc.infobox["party1"] == "Norland"
    assert doc.infobox["party2"] == "Sudavia"
    assert doc.infobox["mission1"] == "Embassy of Norland, Varna"
    assert doc.infobox["envoy1"] == "Ambassador Eira Lund"


@pytest.mark.parametrize(
    ("words", "target", "language"),
    [
        ("Norland", "Norland", None),
        ("Harbour Treaty", "Harbour Treaty", None),
        ("Bergholms", "Bergholm", None),  # the link trail belongs to the link
        ("Kari Nystrom", "Kari Nystrom", "sv"),
        ("Eira Lund", "Eira Lund", None),
    ],
)
def test_links(doc, words, target, language):
    link = next(k for k in doc.links if doc.text[k.start : k.end] == words)
    assert (link.target, link.language) == (target, language)


def test_offsets_point_at_the_raw_text(doc):
    raw = FIXTURE.read_text(encoding="utf-8")
    for start in ("Diplomatic relations were", "Trade grew", "Sudavia has an embassy"):
        sentence = sentence_starting(doc, start)
        at = doc.offsets.to_raw(sentence.start)
        assert raw[at : at + len(start)] == start


@pytest.mark.parametrize(
    ("raw", "texts"),
    [
        ("Alpha ''beta'' '''gamma'''.", ["Alpha beta gamma."]),
        ("One line\ncontinues here.\n\nNew paragraph.", ["One line continues here.",
                                                         "New paragraph."]),
        ("* first\n* second\n# third", ["first", "second", "third"]),
        ("A {{nowrap|fixed phrase}} and {{lang|fr|un mot}}.", ["A fixed phrase and un mot."]),
        ("See [[Mali|the country]] now.", ["See the country now."]),
        ("Fact.<ref>Plain source.</ref> More.", ["Fact.", "More."]),
        ("[http://example.org An external site] is cited.", ["An external site is cited."]),
        ("{{Main|Other article}}\nBody text.", ["Body text."]),
        ("Text &amp; more&nbsp;words.", ["Text & more words."]),
    ],
)  # fmt: skip
def test_small_inputs(raw, texts):
    doc = read_wikitext(raw, doc_id="t")
    assert [s.text for s in doc.sentences] == texts


def test_ref_defined_after_its_reuse_and_list_defined_refs():
    raw = (
        'Alpha.<ref name="x" /> Beta.<ref name="y">{{cite web|title=Why}}</ref>'
        ' Gamma.<ref name="x" />\n'
        '== References ==\n{{reflist|refs=<ref name="x">{{cite web|title=Ex}}</ref>}}'
    )
    doc = read_wikitext(raw, doc_id="t")
    assert [s.citations for s in doc.sentences[:3]] == [("1",), ("2",), ("1",)]
    assert doc.reference("1").title == "Ex"
    assert doc.reference("2").title == "Why"


def test_title_argument_wins():
    doc = read_wikitext("= Outline =\nText.", doc_id="t", title="Given")
    assert doc.title == "Given"
    assert [s.text for s in doc.sentences] == ["Text."]


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        # names from dyad/data/wikitext/languages.tsv; an unknown code stays as written
        ("Ostby ({{lang-fi|Ostbyn}}) is a port.", "Ostby (Finnish: Ostbyn) is a port."),
        ("Ostby ({{langx|FR|Ostbie}}) is a port.", "Ostby (French: Ostbie) is a port."),
        ("Ostby ({{lang-qq|Ostbo}}) is a port.", "Ostby (qq: Ostbo) is a port."),
        # words from dyad/data/wikitext/convert_units.tsv; an unknown unit stays as written
        ("It lies {{convert|12|to|15|km2}} away.", "It lies 12 to 15 square kilometres away."),
        ("They sent {{convert|3|ST|LT}} of tin.", "They sent 3 short tons of tin."),
        ("They sent {{convert|4|zz}} of tin.", "They sent 4 zz of tin."),
    ],
)
def test_language_and_unit_templates(raw, shown):
    assert read_wikitext(raw, doc_id="t").text == shown


def test_citation_languages():
    raw = ("Ostby is a port.<ref>{{cite web |title=Ports |url=https://ports.example.org "
           "|language=ru, Sv, qq}}</ref>")
    (ref,) = read_wikitext(raw, doc_id="t").references
    assert ref.language == "Russian, Swedish, qq"
