"""Tag and comment starts that nothing closes are read as text, in one pass."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dyad.read.html import read_html
from dyad.read.html_unclosed import NOT_A_TAG, defuse_unclosed

FIXTURES = Path(__file__).parent / "fixtures"
HEAD = "<html><body><h2>History</h2><p>Ostby and Varna opened embassies.</p>"


@pytest.mark.parametrize("name", ["sample_news.html", "sample_wikipedia.html"])
def test_real_pages_are_left_as_they_are(name: str) -> None:
    raw = (FIXTURES / name).read_text(encoding="utf-8")
    assert defuse_unclosed(raw) is raw


def test_a_few_unclosed_starts_are_left_to_the_parser() -> None:
    raw = HEAD + "<p>The talks went on <b and on"
    assert defuse_unclosed(raw) is raw


@pytest.mark.parametrize("unit", ["<a ", "<b", "<!--", "<a href='", "</b"])
def test_thousands_of_unclosed_starts_become_text(unit: str) -> None:
    raw = HEAD + (unit + "grain ") * 3000
    defused = defuse_unclosed(raw)
    assert len(defused) == len(raw) and defused.count(NOT_A_TAG) == 3000
    doc = read_html(raw, doc_id="t")
    assert doc.text.startswith("History\n\nOstby and Varna opened embassies.")
    assert NOT_A_TAG not in doc.text and doc.text.count("grain") == 3000
    for m in re.finditer(r"\S+", doc.text):  # every word still points at its raw text
        at = doc.offsets.to_raw(m.start())
        assert raw[at : at + len(m.group())] == m.group()


def test_deep_nesting_over_many_paragraphs_reads_each_element_once() -> None:
    # elements were handed up through every level above them: 450 levels over 20,000
    # paragraphs took 4 s; each paragraph is still read, in order
    raw = "<html><body>" + "<div>" * 400 + "".join(f"<p>Talks number {n}.</p>"
                                                 for n in range(3000))
    doc = read_html(raw, doc_id="t")
    assert [s.text for s in doc.sentences][:2] == ["Talks number 0.", "Talks number 1."]
    assert len(doc.sentences) == 3000


def test_tables_nested_in_cells_read_each_row_once() -> None:
    # each table read its nested tables' rows again: 2 ** depth walks (30 levels: hours)
    depth = 30
    raw = HEAD + "<table><tr><td>" * depth + "Varna kept its consulate." + \
        "</td></tr></table>" * depth + "</body></html>"
    doc = read_html(raw, doc_id="t", source="t.html")
    texts = [s.text for s in doc.sentences]
    assert texts.count("Varna kept its consulate.") == 1
