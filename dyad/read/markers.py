"""Lift footnote, note and interlanguage markers out of rendered text.

"pacts,[3] and" → "pacts, and" with a citation mark "3" at the comma's end;
"Igor Gromyko [ru], since" → "Igor Gromyko, since" with a link mark on
"Igor Gromyko" (the article exists on the Russian Wikipedia); "[citation
needed]" → a note. The clean text keeps a map back to the raw offsets.
"""

from __future__ import annotations

import re

from dyad.read.build import Mark

_MARKER = re.compile(
    r"(?P<space>[^\S\n]?)\["
    r"(?:(?P<cite>\d{1,4}|[a-z]|[A-Z]|note \d+|nb \d+|[a-z]{1,6} \d{1,3})"
    r"|(?!sic\])(?P<lang>[a-z]{2,3}(?:-[a-z]{2,8})?)"
    r"|(?P<note>[a-z][\w ,'’?–-]{2,60}?\??))"
    r"\](?P<page>:\s*[\dIVXLCivxlc]+(?:[–-]\d+)?)?"
)
# The words an interlanguage marker follows: a run of capitalised words ("Igor Gromyko"),
# without a title in front ("Minister … Alousséni Sanou" links only the name).
_WORD = r"(?:[A-Z]\.|[A-Z][\w'’-]*|de|da|di|dos|van|von|bin|al|el|le|la|ibn)"
_NAME_BEFORE = re.compile(rf"({_WORD}(?: {_WORD}){{0,5}})$")
TITLE_WORDS = frozenset(
    """The Minister President Prime Colonel General Ambassador Secretary Director Finance
    Economy Foreign Defence Defense Interior King Queen Prince Princess Sheikh Emir Sultan
    Chancellor Premier Governor Senator Mayor Lieutenant Captain Major Admiral Marshal
    Commander Chief Deputy Vice Dr Mr Mrs Ms Sir Lord Lady Pope Bishop Archbishop Cardinal
    Envoy Special Representative Speaker Chairman Chairwoman Leader Justice Judge
    After Before When In On At A An Since During While As Under With By From For Then""".split()
)


_NAME_REACH = 120  # how far back a linked name is looked for


def _linked_name(text: str) -> str | None:
    m = _NAME_BEFORE.search(text[-_NAME_REACH:])
    if not m:
        return None
    words = m.group(1).split(" ")
    while words and words[0] in TITLE_WORDS:
        words.pop(0)
    while words and words[0][0].islower():
        words.pop(0)
    return " ".join(words) or None


def strip_markers(text: str, raw_start: int) -> tuple[str, list[Mark], list[tuple[int, int]]]:
    """Clean text, its marks, and (clean offset, raw offset) pieces for the offset map."""
    out: list[str] = []
    marks: list[Mark] = []
    pieces: list[tuple[int, int]] = [(0, raw_start)]
    clean_len = 0
    last = 0
    tail = ""  # the clean text's last characters: what a link marker's name is read from
    for m in _MARKER.finditer(text):
        kind = "citation" if m.group("cite") else "link" if m.group("lang") else "note"
        if kind == "note" and " " not in m.group("note") and not m.group("note").endswith("?"):
            continue  # a bracketed word such as "[sic]" stays; editorial notes have a space or "?"
        piece = text[last : m.start()]  # the marker goes with the space before it
        out.append(piece)
        clean_len += len(piece)
        tail = (tail + piece)[-_NAME_REACH:]
        if kind == "link":
            name = _linked_name(tail)
            if name:
                marks.append(Mark(clean_len - len(name), "link", name, clean_len, m.group("lang")))
        else:
            marks.append(Mark(clean_len, kind, m.group("cite" if kind == "citation" else "note")))
        last = m.end()
        pieces.append((clean_len, raw_start + last))
    out.append(text[last:])
    return "".join(out), marks, pieces

