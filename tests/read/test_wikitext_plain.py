"""Wikitext the parser cannot read in bounded time or depth is read plainly."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from dyad.read.wikitext import read_wikitext
from dyad.read.wikitext_plain import MAX_NESTING, parse_cost, read_plain_wikitext, too_costly

FIXTURE = Path(__file__).parent / "fixtures" / "sample.wiki"
HEAD = "= Ostby–Varna relations =\n== History ==\nOstby and Varna opened embassies in 1962.\n\n"


def _words_point_at_the_raw_text(doc, raw: str) -> None:
    for m in re.finditer(r"\S+", doc.text):
        at = doc.offsets.to_raw(m.start())
        assert raw[at : at + len(m.group())] == m.group()


@pytest.mark.parametrize("unit", ["{{a|b ", "<ref>x ", "{|\n| x\n", "<!-- x ", "[[a|b ",
                                  "<div>x ", "{{a|{{b|"])
def test_thousands_of_unclosed_openers_are_read_plainly(unit, caplog) -> None:
    raw = HEAD + unit * 4000 + "\n\n== Trade ==\nThey trade grain.\n"
    assert too_costly(raw)
    with caplog.at_level(logging.WARNING, logger="dyad"):
        doc = read_wikitext(raw, doc_id="t")
    assert "read as plain text" in caplog.text
    assert doc.title == "Ostby–Varna relations"
    assert [s.title for s in doc.sections] == ["History", "Trade"]
    assert doc.text.startswith("History\n\nOstby and Varna opened embassies in 1962.")
    assert doc.text.endswith("Trade\n\nThey trade grain.")
    assert not re.search(r"\{\{|<ref|<!--|\[\[|\{\|", doc.text)
    _words_point_at_the_raw_text(doc, raw)


def test_nesting_too_deep_for_the_parser_is_read_plainly() -> None:
    raw = HEAD + "<span>" * (MAX_NESTING + 50) + "deep words" + "</span>" * (MAX_NESTING + 50)
    assert parse_cost(raw)[1] > MAX_NESTING
    doc = read_wikitext(raw, doc_id="t")
    assert doc.text.endswith("deep words")


def test_a_page_with_a_stray_opener_is_parsed_as_usual() -> None:
    raw = FIXTURE.read_text(encoding="utf-8")
    assert parse_cost(raw) == (0, 2)
    stray = raw + "\nA sentence with a {{stray|template left open.\n"
    assert not too_costly(stray)
    doc = read_wikitext(stray, doc_id="t")
    assert doc.references == read_wikitext(raw, doc_id="t").references  # the parser read it


def test_the_plain_reading_drops_comments_and_closed_refs_and_keeps_lists() -> None:
    raw = ("== Ties ==\nThey met<!-- a hidden\nremark --> twice.<ref>Some source.</ref> "
           "Then <ref name=a/>again.\n* a list line\n* [[Varna|another]] line\n\nThe end.\n")
    doc = read_plain_wikitext(raw, doc_id="t")
    assert doc.text == ("Ties\n\nThey met twice. Then again.\n\na list line\n\n"
                        "Varna another line\n\nThe end.")
    assert [s.kind for s in doc.sentences] == [
        "heading", "paragraph", "paragraph", "list_item", "list_item", "paragraph"]
    _words_point_at_the_raw_text(doc, raw)


def test_unclosed_comments_are_counted_once_each() -> None:
    assert parse_cost("<!-- a --> b")[0] == 0
    assert parse_cost("a <!-- b <!-- c")[0] == len("<!-- b <!-- c") + len("<!-- c")


def test_a_run_of_external_link_starts_is_read_plainly() -> None:
    # the parser reads each "[http:" to its "]" or the line's end, across the others
    raw = HEAD + "They signed a pact" + "[http://x.org " * 3000 + "in [[Ostby]]s port.\n"
    assert too_costly(raw)
    doc = read_wikitext(raw, doc_id="t")
    assert doc.text.endswith("in Ostby s port.")
    assert parse_cost("See [http://x.org the site] and [http://y.org its\nnext line")[0] == len(
        "[http://x.org the site") + len("[http://y.org its")


def test_tag_starts_that_never_close_are_read_plainly() -> None:
    # "<a " with no ">": the parser reads each to the end of the page (2,000 in 6 KB: 5.5 s),
    # the more so inside unclosed templates (fuzzing found one that ran for minutes)
    raw = HEAD + "{{a|{{a|" + "<a " * 3000 + "\n\n== Trade ==\nThey trade grain.\n"
    assert too_costly(raw)
    doc = read_wikitext(raw, doc_id="t")
    assert doc.text.endswith("Trade\n\nThey trade grain.")
    assert parse_cost('a <ref name="x">b</ref> c <br> d <span class="y">e</span>')[0] == 0
