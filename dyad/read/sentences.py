"""Sentence splitting that survives initials, titles and abbreviations.

Rule-based on purpose: it is exact about offsets, fast, and it knows that
"N. L. Traoré", "St. Petersburg", "U.S. officials" and "p. 845" do not end
sentences. A full stop ends a sentence when the next word starts like a
sentence and the word before it is not an abbreviation or an initial.
"""

from __future__ import annotations

import re

# Words that take a full stop without ending a sentence (lower-cased, no dot).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st mt ft gen col lt capt cpt sgt maj adm cmdr gov sen rep rev hon
    pres amb sr jr messrs mme mlle no nos vol vols pp p ed eds inc ltd co corp bros
    vs v approx ca cf al fig figs dept univ est
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
# After an acronym such as "U.S." a sentence ends only if one of these words follows.
SENTENCE_OPENERS = frozenset(
    """the a an in on at this that these those it its he she they we i there but however
    after before when while since following during as by for from his her their our
    meanwhile later earlier today yesterday""".split()
)
# After a lone capital and a full stop ("John F. Kennedy", but "Shah Abbas I.", "World
# War I.") a sentence ends only before one of these: function words that open sentences
# and are seldom a name's next part (not "I", an initial too; not "An", a Korean surname).
INITIAL_OPENERS = SENTENCE_OPENERS - {"i", "an"}

# longer "sentences" are cut: real ones are far shorter, and the parser's cost and
# memory grow with a sentence's length
MAX_SENTENCE_CHARS = 5_000
# ... and so are those of more tokens than this (counted as spaCy nearly does: a word or one
# other character), so no parse sees more than about a thousand tokens: 5,000 characters of
# "a,b,c," are 5,000 tokens
MAX_SENTENCE_TOKENS = 1_000

_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_NEXT = re.compile(r"\s+([\"'“‘(\[]?)(\S+)")
_WORD_BEFORE = re.compile(r"(\S+)$")
_ACRONYM = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_INITIAL = re.compile(r"^[A-Z]$")
_TOKEN = re.compile(r"\w+|[^\w\s]")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, without surrounding whitespace.

    A run of text longer than ``MAX_SENTENCE_CHARS`` or ``MAX_SENTENCE_TOKENS`` without a
    sentence end (a table flattened to one line, a text without full stops) is cut at
    spaces into pieces within both, so the parser gets sentence-sized input however the
    text reads.
    """
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    for m in _END.finditer(text):
        if m.end() <= start or not _ends_sentence(text, m):
            continue
        spans.extend(_pieces(text, start, m.end()))
        start = _skip_space(text, m.end())
    end = len(text.rstrip())
    if start < end:
        spans.extend(_pieces(text, start, end))
    return spans


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span, or pieces of it no longer than ``MAX_SENTENCE_CHARS`` and
    ``MAX_SENTENCE_TOKENS``, each cut at the last space before its limit."""
    out: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE_TOKENS:  # a token is a character at least
        limit = min(start + MAX_SENTENCE_CHARS, _token_limit(text, start, end))
        if limit >= end:
            break
        cut = max(text.rfind(" ", start + 1, limit + 1), text.rfind("\n", start + 1, limit + 1))
        if cut <= start:
            cut = limit  # no space at all: cut at the limit
        piece_end = cut
        while piece_end > start + 1 and text[piece_end - 1].isspace():
            piece_end -= 1
        out.append((start, piece_end))
        start = _skip_space(text, cut)
    if start < end:
        out.append((start, end))
    return out


def _token_limit(text: str, start: int, end: int) -> int:
    """Where the ``MAX_SENTENCE_TOKENS``-th token after ``start`` begins (``end`` if it
    is not reached within ``MAX_SENTENCE_CHARS``); a word is never cut."""
    stop = min(end, start + MAX_SENTENCE_CHARS)
    for count, m in enumerate(_TOKEN.finditer(text, start, stop)):
        if count == MAX_SENTENCE_TOKENS:
            return m.start()
    return end if stop == end else stop


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    nxt = _NEXT.match(text, m.end())
    if not nxt:
        return True
    opener, word = nxt.group(1), nxt.group(2)
    first = word[0]
    if not (first.isupper() or first.isdigit() or opener):
        return False
    punct = m.group()
    if not punct.startswith("."):
        return True  # ! ? … end sentences before a capital
    # searched from the last space before it: from 0, each full stop rescans its paragraph
    # (the word holds no space, so it starts after that one)
    word_start = text.rfind(" ", 0, max(m.start() - 1, 0)) + 1
    before = _WORD_BEFORE.search(text, word_start, m.start())
    if not before:
        return True
    token = before.group(1).lstrip("\"'“‘([")
    bare = token.rstrip(".").lower()
    if _INITIAL.match(token):  # "N. L. Traoré", "Robert M. Slusser", "Abbas I. In 1626"
        return word.strip("\"'“‘,").lower() in INITIAL_OPENERS
    if _ACRONYM.match(token + "."):
        return word.lower().strip("\"'“‘,") in SENTENCE_OPENERS  # "the U.S. The …" vs "U.S. troops"
    if bare in ABBREVIATIONS and punct == ".":
        if bare in {"no", "nos", "p", "pp", "vol", "vols"}:
            return not first.isdigit()
        if bare in {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                    "nov", "dec"}:
            return not first.isdigit()
        return False
    return True
