"""The scraped-page and plain-text reader, on pages written for these tests."""

import re
from pathlib import Path

import pytest

from dyad.read import read_text

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "burkina_faso-russia.txt"

PAGE = """Jump to content

Chile–Kenya relations

From Wikipedia, the free encyclopedia

Chile–Kenya relations
Map indicating locations of Chile and Kenya

Chile

Kenya
Diplomatic mission
Embassy of Chile, Nairobi\tEmbassy of Kenya, Santiago

Chile–Kenya relations are the ties between Chile and Kenya.[1] Both are members of the UN.

History

[edit]

Early contacts (1964–1990)

[edit]
A Chilean delegation at Nairobi airport, 12 March 1970

Kenya and Chile opened relations on 5 May 1964.[1][2] Trade stayed small,[3] but grew later.
Amb. J. K. Otieno [sw] visited Valparaíso in 1981.[a]

Recent years

[edit]

In 2015 the two governments signed a mining accord.[2]

See also

[edit]

    Foreign relations of Chile
    Foreign relations of Kenya

Notes

[edit]

    a. ^ The visit lasted three days.

References

[edit]

    1. ^ a b "Chile and Kenya open ties". The Example Times. 6 May 1964.
    2. ^ Ruiz, Ana (2016). "A mining accord". Andes Review. Retrieved 1 June 2017.
    3. ^ Mwangi, Peter (2001). Trade in the south. Savannah Press. p. 9. ISBN 0-00-000000-0.
[edit]
Retrieved from "https://en.wikipedia.org/w/index.php?title=Chile–Kenya_relations"
Categories: Bilateral relations of Chile
"""


@pytest.fixture(scope="module")
def doc():
    return read_text(PAGE, source="chile-kenya.txt")


def test_format_title_and_infobox(doc) -> None:
    assert doc.format == "page"
    assert doc.title == "Chile–Kenya relations"
    assert doc.infobox == {
        "map_caption": "Map indicating locations of Chile and Kenya",
        "party1": "Chile",
        "party2": "Kenya",
        "mission1": "Embassy of Chile, Nairobi",
        "mission2": "Embassy of Kenya, Santiago",
    }


def test_sections(doc) -> None:
    assert [(s.title, s.level, s.path) for s in doc.sections] == [
        ("History", 2, "History"),
        ("Early contacts (1964–1990)", 3, "History > Early contacts (1964–1990)"),
        ("Recent years", 2, "Recent years"),
        ("See also", 2, "See also"),
        ("Notes", 2, "Notes"),
        ("References", 2, "References"),
    ]


@pytest.mark.parametrize(
    ("start", "kind", "section", "citations"),
    [
        ("Chile–Kenya relations are", "paragraph", None, ("1",)),
        ("Both are members", "paragraph", None, ()),
        ("A Chilean delegation", "caption", "History > Early contacts (1964–1990)", ()),
        ("Kenya and Chile opened", "paragraph", "History > Early contacts (1964–1990)",
         ("1", "2")),
        ("Trade stayed small", "paragraph", "History > Early contacts (1964–1990)", ("3",)),
        ("Amb. J. K. Otieno visited", "paragraph", "History > Early contacts (1964–1990)",
         ("a",)),
        ("In 2015 the two", "paragraph", "Recent years", ("2",)),
        ("Foreign relations of Kenya", "list_item", "See also", ()),
    ],
)
def test_sentences(doc, start: str, kind: str, section: str | None, citations: tuple) -> None:
    [sentence] = [s for s in doc.sentences if s.text.startswith(start)]
    assert (sentence.kind, sentence.section, sentence.citations) == (kind, section, citations)


def test_offsets_exact_and_no_markup_left(doc) -> None:
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
        assert not re.search(r"\[(?:\d+|[a-z]{1,3}|edit)\]", s.text), s.text
    assert "Retrieved from" not in doc.text and "Jump to content" not in doc.text


def test_offset_map_points_at_raw(doc) -> None:
    s = next(s for s in doc.sentences if s.text.startswith("In 2015"))
    raw = doc.offsets.to_raw(s.start)
    assert PAGE[raw : raw + len(s.text) - 1] == s.text[:-1]


def test_interlanguage_marker_becomes_a_link(doc) -> None:
    [link] = doc.links
    assert (link.target, link.language) == ("J. K. Otieno", "sw")
    assert doc.text[link.start : link.end] == "J. K. Otieno"


def test_references(doc) -> None:
    refs = {r.label: r for r in doc.references}
    assert list(refs) == ["a", "1", "2", "3"]
    assert refs["a"].text == "The visit lasted three days." and refs["a"].title is None
    assert (refs["1"].title, refs["1"].work, refs["1"].date) == (
        "Chile and Kenya open ties", "The Example Times", "1964-05-06")
    assert refs["2"].authors == ["Ruiz, Ana"] and refs["2"].accessed == "2017-06-01"
    assert refs["3"].isbn == "0-00-000000-0" and refs["3"].publisher == "Savannah Press"


def test_plain_text_news() -> None:
    text = "Ministers meet in Accra\n\nThe foreign ministers of Ghana and Togo met on Monday. " \
           "They agreed to reopen a border post.\n\nA joint statement followed."
    doc = read_text(text)
    assert doc.format == "text"
    assert doc.title == "Ministers meet in Accra"
    assert [s.text for s in doc.sentences] == [
        "The foreign ministers of Ghana and Togo met on Monday.",
        "They agreed to reopen a border post.",
        "A joint statement followed.",
    ]
    assert all(s.kind == "paragraph" and s.section is None for s in doc.sentences)


def test_example_document_reads() -> None:
    doc = read_text(EXAMPLE.read_text(encoding="utf-8"))
    assert doc.title == "Burkina Faso–Russia relations"
    assert len(doc.references) == 10
    assert any(s.kind == "caption" for s in doc.sentences)
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text


# written for these tests: a page as copied from the mobile site, where every heading
# ends in the "edit" of its pencil icon and there are no "[edit]" lines
MOBILE = """Peru–Ghana relations

Peru–Ghana relations are the ties between Peru and Ghana.[1]

History edit

\u00a0
A Ghanaian trade mission in Lima, 1999

Peru and Ghana opened relations in 1962. Trade stayed small.[2]

Since 2010 edit

The two states signed a fishing accord in 2014.

Only registered members can edit

The register of boats lists 40 trawlers.

Diplomatic missions edit

Ghana is accredited to Peru from its embassy in Brasília.
"""


def test_mobile_page_headings() -> None:
    doc = read_text(MOBILE)
    assert doc.format == "page" and doc.title == "Peru–Ghana relations"
    assert [(s.title, s.level) for s in doc.sections] == [
        ("History", 2), ("Since 2010", 2), ("Diplomatic missions", 2)]  # levels as "[edit]" gives
    kinds = {s.text: (s.kind, s.section) for s in doc.sentences}
    assert kinds["A Ghanaian trade mission in Lima, 1999"] == ("caption", "History")
    assert kinds["Trade stayed small."] == ("paragraph", "History")
    assert kinds["The two states signed a fishing accord in 2014."] == (
        "paragraph", "Since 2010")
    # no heading line is left as a sentence, and a line ending in the verb stays prose
    assert [s.text for s in doc.sentences if s.text.endswith(" edit")] == [
        "Only registered members can edit"]
    assert kinds["Only registered members can edit"] == ("caption", "Since 2010")


def test_mobile_heading_needs_something_after_it() -> None:
    doc = read_text("Peru–Ghana relations\n\nPeru and Ghana signed a pact.\n\nHistory edit\n")
    assert doc.sections == []


def test_long_runs_of_markers_and_headings_read_in_linear_time() -> None:
    # a run of markers in the middle of a line (a regex anchored at the end retried each
    # one), 8,000 headings in a row (each nested under the last), name-linking markers
    from dyad.read.page import read_page, without_trailing_markers

    assert without_trailing_markers("Pacts were signed.[3] [12][a]") == "Pacts were signed."
    assert without_trailing_markers("A list [1] of things") == "A list [1] of things"
    assert without_trailing_markers("x [1[]") == "x"  # as the old regex read it
    head = "Title\n\nFrom Wikipedia, the free encyclopedia\n\n"
    doc = read_page(head + ("Mali and Russia" + "[1]" * 5_000) * 2, doc_id="t")
    assert doc.text.count("Mali and Russia") == 2
    doc = read_page(head + "History\n[edit]\n" * 2_000 + "Body text here.\n", doc_id="t")
    assert max(s.level for s in doc.sections) <= 6
    doc = read_page(head + "Igor Gromyko [ru] met them. " * 3_000, doc_id="t")
    assert sum(link.target == "Igor Gromyko" for link in doc.links) == 3_000
