"""Wikitext that mwparserfromhell cannot read in time, and the plain reading it gets.

The parser tries every ``{{``, ``<ref>``, ``{|`` or ``<!--`` as the start of a node and,
when none closes, gives up at the end of the page and reads it as text: each unclosed
opener costs the rest of the page, so 40 KB of ``{{a|`` took 44 s. ``parse_cost`` counts
that cost in one pass (the unclosed openers and the characters after each); above
``MAX_PARSE_COST`` the page is read plainly instead: headings, paragraphs and list lines
as the markup lays them out, markup tokens dropped, comments and closed ``<ref>``s left
out. Offsets still point at the raw input.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dyad.model import Document
from dyad.read.build import build_document

if TYPE_CHECKING:
    from dyad.read.wikitext import BlockWriter

# characters re-read by the parser's failed tries: 16 million took 0.25 to 0.45 s with
# prose between the openers, some 3 s with openers nested straight into each other
# (mwparserfromhell 0.7.2); a real page with a stray opener or two is far below
MAX_PARSE_COST = 16_000_000
# the parser's nesting goes no deeper than this in one pass either (deeper: plain)
MAX_NESTING = 200

_OPENERS = re.compile(
    r"\{\{|\}\}|\[\[|\]\]|<!--|-->|^\{\||^\|\}"
    r"|<(/?)([A-Za-z][\w-]{0,30})(?:\s[^<>]{0,500}?)?(/?)>"
    r"|(?P<external>\[(?:[A-Za-z][\w+.-]{0,20}:|//))"
    r"|(?P<tag_start></?[A-Za-z])",  # a tag that does not close where it should
    re.M,
)
_LINK_END = re.compile(r"[\]\n]")  # a bracketed external link closes on its own line
# a tag start is read to its ">" at some 50 times the cost of the other openers' characters
# (2,000 "<a " in 6 KB: 5.5 s)
TAG_START_WEIGHT = 50
# tags the parser lets go unclosed (its SINGLE list), or that have no closing tag
_VOID = frozenset({"br", "wbr", "hr", "meta", "link", "img", "li", "dt", "dd", "th", "td", "tr",
                   "input", "col", "area", "source"})
_PAIRS = {"}}": "{{", "]]": "[[", "|}": "{|"}


def parse_cost(raw: str) -> tuple[int, int]:
    """(characters the parser would re-read for unclosed openers, deepest nesting), in one
    pass: a stack of open templates, links, tables and tags, the comment openers that no
    ``-->`` has closed yet (the parser tries each one), and the external links (``[http:``),
    each read to its ``]`` or its line's end (4,000 unclosed ones on a line: 8.7 s), and
    tag starts that do not close as a tag, each read to the next ``>``."""
    stack: list[tuple[str, int]] = []
    comments: list[int] = []  # where the open comment, and each "<!--" inside it, start
    links_read = 0  # characters read for external links ("[http://…")
    link_end = -2  # where the last search for a link's end found it (-1: nowhere)
    tags_read = 0  # ... and for tag starts with no ">" where a tag would end
    gt = -2  # where the last search for a ">" found one (-1: nowhere)
    deepest = 0
    n = len(raw)
    for m in _OPENERS.finditer(raw):
        token = m.group()
        if m.group("tag_start"):
            if comments:
                continue
            if gt != -1 and gt < m.end():  # searched once per stretch: linear
                gt = raw.find(">", m.end())
            tags_read += TAG_START_WEIGHT * ((n if gt == -1 else gt) - m.start())
        elif m.group("external"):
            if comments:
                continue
            if link_end != -1 and link_end < m.end():  # searched once per stretch: linear
                found = _LINK_END.search(raw, m.end())
                link_end = found.start() if found else -1
            # the parser reads each one to its "]" or the line's end, even across the
            # starts of others: a run of starts before one "]" is read over and over
            links_read += (n if link_end == -1 else link_end) - m.start()
        elif token == "<!--":
            comments.append(m.start())
        elif comments:
            if token == "-->":
                comments.clear()
        elif token in ("{{", "[[", "{|"):
            stack.append((token, m.start()))
            deepest = max(deepest, len(stack))
        elif token in _PAIRS:
            _close(stack, _PAIRS[token])
        elif m.group(2):
            name = m.group(2).lower()
            if m.group(3) or name in _VOID:
                continue
            if m.group(1):
                _close(stack, name)
            else:
                stack.append((name, m.start()))
                deepest = max(deepest, len(stack))
    return (sum(n - start for _, start in stack) + sum(n - start for start in comments)
            + links_read + tags_read, deepest)


def _close(stack: list[tuple[str, int]], opener: str) -> None:
    """Close the innermost ``opener`` still open, if it is near the top (a stray closer
    deep below is ignored, as a parser would treat it as text)."""
    for i in range(len(stack) - 1, max(len(stack) - 8, -1), -1):
        if stack[i][0] == opener:
            del stack[i]
            return


def too_costly(raw: str) -> bool:
    """The parser would take too long, or nest too deep, on ``raw``."""
    cost, deepest = parse_cost(raw)
    return cost > MAX_PARSE_COST or deepest > MAX_NESTING


_HEADING = re.compile(r"(={1,6})[ \t]*(.+?)[ \t]*\1[ \t]*$")
_LIST = re.compile(r"[*#:;]+[ \t]*")
_TABLE_ROW = re.compile(r"(?:\{\||\|\}|\|-|\|\+)")
_CELL = re.compile(r"[|!][ \t]*")
# markup dropped from the text of a line (a space stands in for it)
_MARKUP = re.compile(
    r"<!--|<ref(?:\s[^<>]{0,500}?)?>|\{\{|\}\}|\{\||\|\}|\[\[|\]\]|'{2,}|__[A-Z]+__"
    r"|<[^<>\n]{0,500}>|\[(?:https?:)?//[^\s\]]*|[\[\]|]"
)
_ENDS = {"<!--": "-->", "<ref": "</ref>"}


class _NextClose:
    """Where the next closer (``-->``, ``</ref>``) is at or after a position: a search
    that found nothing is not repeated, so a page of unclosed openers stays linear."""

    def __init__(self, raw: str, closer: str) -> None:
        self.raw, self.closer = raw, closer
        self.found = -2  # -2: not searched yet; -1: none after the last search

    def at_or_after(self, pos: int) -> int:
        if self.found == -1 or (self.found >= pos):
            return self.found
        self.found = self.raw.find(self.closer, pos)
        return self.found


def read_plain_wikitext(
    raw: str, *, doc_id: str, source: str | None = None, title: str | None = None
) -> Document:
    """A Document from wikitext read without its parser (see the module's note)."""
    from dyad.read.wikitext import BlockWriter  # the writer both readings share

    out = BlockWriter(link_trail=False)
    found_title: str | None = None
    closes = {opener: _NextClose(raw, closer) for opener, closer in _ENDS.items()}
    pos = 0
    n = len(raw)
    seen_heading = False
    while pos < n:
        line_end = raw.find("\n", pos)
        line_end = n if line_end < 0 else line_end
        line = raw[pos:line_end]
        if not line.strip():
            out.flush()
            pos = line_end + 1
            continue
        heading = _HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            if level == 1 and not seen_heading and found_title is None:
                found_title = heading.group(2)
            else:
                out.start("heading", level)
                out.write(heading.group(2), pos + heading.start(2))
                out.flush()
            seen_heading = True
            pos = line_end + 1
            continue
        start = pos
        if _TABLE_ROW.match(line):
            out.flush()
            pos = line_end + 1
            continue
        listed = _LIST.match(line)
        cell = _CELL.match(line)
        if listed:
            out.start("list_item")
            start += listed.end()
        elif cell:
            out.start("list_item")
            start += cell.end()
        pos = _write_line(out, raw, start, line_end, closes) + 1
        if out.kind == "list_item":
            out.flush()  # a list line ends at its newline, a paragraph at a blank line
        else:
            out.write(" ", -1)
    out.flush()
    return build_document(out.blocks, doc_id=doc_id, title=title or found_title,
                          fmt="wikitext", references=[], infobox={}, source=source)


def _write_line(out: BlockWriter, raw: str, start: int, end: int,
                closes: dict[str, _NextClose]) -> int:
    """Write the text of ``raw[start:end]`` less its markup; a comment or closed ``<ref>``
    is skipped whole, even past the line's end. Returns where the line ends."""
    pos = start
    while True:
        m = _MARKUP.search(raw, pos, end)
        if m is None:
            out.write(raw[pos:end], pos)
            return end
        out.write(raw[pos:m.start()], pos)
        out.write(" ", -1)
        token = m.group()
        opener = "<!--" if token == "<!--" else "<ref" if token.startswith("<ref") else None
        pos = m.end()
        if opener is not None and not token.endswith("/>"):
            close = closes[opener].at_or_after(pos)
            if close >= 0:
                pos = close + len(_ENDS[opener])
                if pos > end:  # the skipped part went on past this line
                    next_end = raw.find("\n", pos)
                    end = len(raw) if next_end < 0 else next_end
