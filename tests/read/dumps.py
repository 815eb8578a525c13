"""A small MediaWiki export written by the tests themselves (own-words pages).

``write_dump`` writes the ``pages-articles`` format: a ``<siteinfo>`` and ``<page>``s
with their revisions; ``.bz2`` and ``.gz`` names are compressed.
"""

from __future__ import annotations

import bz2
import gzip
from pathlib import Path
from xml.sax.saxutils import escape

# (page id, namespace, title, revisions' texts (last is latest), redirect target)
Page = tuple[int, int, str, list[str], str | None]

PAGES: list[Page] = [
    (101, 0, "Chad–Niger relations", [
        "An older draft of the page that a later revision replaced.",
        "'''Chad–Niger relations''' are the ties between [[Chad]] and [[Niger]].\n\n"
        "== History ==\n"
        "Chad and Niger established diplomatic relations on 4 March 1961.\n\n"
        "In June 2019 the President of Niger visited N'Djamena and met the President of "
        "Chad.\n\n"
        "In 2021 Chad and Niger signed an agreement on border security.\n"], None),
    (102, 0, "Mali–Senegal relations", [
        "'''Mali–Senegal relations''' are the relations between [[Mali]] and "
        "[[Senegal]].\n\n"
        "== Trade ==\n"
        "In 2015 Senegal and Mali signed a trade agreement on the Dakar railway.\n\n"
        "In March 2022 Senegal condemned the sanctions that were imposed on Mali.\n"], None),
    (103, 0, "Sahel rainfall", [
        "'''Sahel rainfall''' varies a great deal from one year to the next.\n\n"
        "== Seasons ==\nMost of the rain falls between June and September.\n"], None),
    (104, 0, "Niger–Chad relations", ["#REDIRECT [[Chad–Niger relations]]"],
     "Chad–Niger relations"),
    (105, 1, "Talk:Chad–Niger relations", ["A talk page about the article."], None),
    (106, 0, "Benin–Togo relations", [
        "'''Benin–Togo relations''' are the relations between [[Benin]] and [[Togo]].\n\n"
        "== History ==\n"
        "Benin and Togo established diplomatic relations in 1960.\n\n"
        "In 2018 Togo accused Benin of closing the border at Hilla-Condji.\n"], None),
]

SITEINFO = """  <siteinfo>
    <sitename>Testpedia</sitename>
    <dbname>testwiki</dbname>
    <base>https://test.example.org/wiki/Main_Page</base>
    <generator>MediaWiki 1.42</generator>
    <case>first-letter</case>
    <namespaces>
      <namespace key="0" case="first-letter" />
      <namespace key="1" case="first-letter">Talk</namespace>
    </namespaces>
  </siteinfo>
"""


def dump_xml(pages: list[Page] = PAGES) -> str:
    parts = ['<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" '
             'xml:lang="en">\n', SITEINFO]
    rev_id = 1000
    for page_id, ns, title, texts, redirect in pages:
        parts.append(f"  <page>\n    <title>{escape(title)}</title>\n    <ns>{ns}</ns>\n"
                     f"    <id>{page_id}</id>\n")
        if redirect:
            parts.append(f'    <redirect title="{escape(redirect)}" />\n')
        for text in texts:
            rev_id += 1
            parts.append(f"    <revision>\n      <id>{rev_id}</id>\n"
                         "      <timestamp>2024-01-01T00:00:00Z</timestamp>\n"
                         "      <contributor><username>Tester</username><id>1</id></contributor>\n"
                         "      <model>wikitext</model>\n      <format>text/x-wiki</format>\n"
                         f'      <text bytes="{len(text.encode())}" xml:space="preserve">'
                         f"{escape(text)}</text>\n    </revision>\n")
        parts.append("  </page>\n")
    parts.append("</mediawiki>\n")
    return "".join(parts)


def write_dump(path: Path, pages: list[Page] = PAGES) -> Path:
    data = dump_xml(pages).encode("utf-8")
    if path.name.endswith(".bz2"):
        data = bz2.compress(data)
    elif path.name.endswith(".gz"):
        data = gzip.compress(data)
    path.write_bytes(data)
    return path
