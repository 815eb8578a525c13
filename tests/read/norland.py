"""What both renderings of the own-words Norland–Sudavia page (fixtures/sample.wiki and
fixtures/sample_wikipedia.html) must read to: the wikitext and HTML readers share it."""

from __future__ import annotations

from dyad.model import Document, Sentence

# (title, level, path) of each section
SECTIONS = [
    ("History", 2, "History"),
    ("Early contacts (1961–1990)", 3, "History > Early contacts (1961–1990)"),
    ("Recent years", 3, "History > Recent years"),
    ("Diplomatic missions", 2, "Diplomatic missions"),
    ("References", 2, "References"),
]


def sentence_starting(doc: Document, start: str) -> Sentence:
    return next(s for s in doc.sentences if s.text.startswith(start))
