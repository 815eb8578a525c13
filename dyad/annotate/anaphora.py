"""Which words are the subject of the clause a word stands in, from spaCy's parse.

"its" and "the country" point at the nearest fitting state, and the nearest
fitting state is most often the subject of their own clause ("Mali remained
dependent on the Soviet Union for the training of its military": its = Mali).
"""

from __future__ import annotations

from typing import Any

_SUBJECT = ("nsubj", "nsubjpass", "csubj")
_PRONOUNS = frozenset({"it", "they"})
_VERB = ("VERB", "AUX")


def clause_subject(sentence: Any, offset: int) -> tuple[int, int] | None:
    """The character span (relative to ``sentence``) of the subject of the clause holding
    ``offset``, or None. ``sentence`` is a parsed spaCy Doc or Span."""
    base = getattr(sentence, "start_char", 0)
    token = next((t for t in sentence if t.idx - base <= offset < t.idx - base + len(t.text)),
                 None)
    return _subject_of(token, base)


def main_subject(sentence: Any) -> tuple[int, int] | None:
    """The subject span of the sentence's root verb, or None."""
    root = next((t for t in sentence if t.dep_ == "ROOT"), None)
    # the root itself, not a search for the word at its offset: one walk of the sentence
    return _subject_of(root, getattr(sentence, "start_char", 0))


def _subject_of(token: Any, base: int) -> tuple[int, int] | None:
    seen = 0
    while token is not None and seen < 40:
        seen += 1
        if token.pos_ in _VERB:
            subject = next((c for c in token.children if c.dep_ in _SUBJECT), None)
            if subject is not None and subject.lower_ in _PRONOUNS and token.head.i != token.i:
                # "the Saudi announced it would reopen its embassy": "it" is the subject of
                # the clause above
                token = token.head
                continue
            if subject is not None:
                left, right = subject.left_edge, subject.right_edge
                return left.idx - base, right.idx - base + len(right.text)
        # a verb without a subject of its own ("… and trained its pilots") shares its head's;
        # the root is its own head (by index: spaCy makes a new Token object at each access)
        if token.head.i == token.i:
            return None
        token = token.head
    return None
