"""Full-text search over sentences: words, stems, phrases, odd characters."""

from __future__ import annotations

import pytest

from dyad.errors import DataError
from dyad.kb import KnowledgeBase
from tests.kb.records import document

SENTENCES = [
    "Russian mercenaries arrived in Bamako in December 2021.",
    "France withdrew its troops from Mali after the mercenary deployment.",
    "The Soviet Union built a stadium in Bamako.",
    "Côte d'Ivoire hosted the talks.",
    "Engineers trained Malian pilots near Ségou.",
]


@pytest.fixture
def indexed(kb: KnowledgeBase) -> KnowledgeBase:
    rows = [{"sentence": i, "section": "History > Since 2020" if i < 2 else "History",
             "start": i * 100, "end": i * 100 + len(t), "text": t}
            for i, t in enumerate(SENTENCES)]
    kb.ingest_records([document("s", "Search page", "s.txt")], sentences=rows)
    return kb


@pytest.mark.parametrize(
    ("query", "expected"),
    [("mercenaries", {0, 1}),  # the stem matches "mercenary" too
     ("Bamako", {2, 0}),
     ("bamako stadium", {2}),  # every word must occur
     ('"mercenary deployment"', {1}),  # a phrase
     ('"deployment mercenary"', set()),
     ("cote d'ivoire", {3}),  # diacritics and apostrophes
     ("segou", {4}),
     ("AND OR NOT", set()),  # operators are words here, not syntax
     ('NEAR( * " ^', {4}),  # "near" is a word of sentence 4; the rest is no syntax
     ("atlantis", set())],
)
def test_search(indexed: KnowledgeBase, query: str, expected: set[int]) -> None:
    hits = indexed.search(query)
    assert {h["sentence"] for h in hits} == expected
    for h in hits:
        assert h["text"] == SENTENCES[h["sentence"]] and h["document"] == "s"
        assert h["title"] == "Search page" and h["section"].startswith("History")


def test_search_pages(indexed: KnowledgeBase) -> None:
    everything = indexed.search("bamako")
    assert indexed.search("bamako", limit=1) + indexed.search("bamako", offset=1) == everything


@pytest.mark.parametrize("query", ["", "   ", "?!"])
def test_search_needs_a_word(indexed: KnowledgeBase, query: str) -> None:
    with pytest.raises(DataError, match="at least one word"):
        indexed.search(query)


def test_replaced_documents_leave_the_index(indexed: KnowledgeBase) -> None:
    indexed.ingest_records([document("s2", "Search page", "s.txt")],
                           sentences=[{"sentence": 0, "section": None, "start": 0, "end": 10,
                                       "text": "Nothing about soldiers."}])
    assert indexed.search("mercenaries") == []
    assert [h["document"] for h in indexed.search("soldiers")] == ["s2"]
