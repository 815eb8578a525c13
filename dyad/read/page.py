"""Read the text of a web page as people copy it from a browser, and plain text.

A scraped Wikipedia page is lines: site chrome ("Jump to content"), the title,
infobox remnants, headings followed by an "[edit]" line, photo captions right
under a heading, paragraphs separated by blank lines, list items on
consecutive lines, and a References list whose entries start "1. ^ a b".
Copied from the mobile site, a heading is one line ending in " edit" instead.
Plain text is the same reader without the chrome and headings.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dyad.model import Document, Reference
from dyad.read.build import Block, build_document
from dyad.read.markers import strip_markers
from dyad.read.references import parse_reference

CHROME_LINES = frozenset(
    """Jump to content|Main menu|Navigation|Search|Toggle the table of contents|Contents|(Top)|
    hide|move to sidebar|Article|Talk|Read|Edit|Edit source|View history|Tools|Actions|General|
    Print/export|Appearance|Donate|Create account|Log in|Personal tools|Languages|Add links|
    Download as PDF|Printable version|What links here|Related changes|Upload file|
    Special pages|Permanent link|Page information|Cite this page|Get shortened URL|
    Download QR code|Wikidata item|Edit links|Text|Small|Standard|Large|Width|Wide|
    Color (beta)|Automatic|Light|Dark|From Wikipedia, the free encyclopedia|
    In other projects|Wikimedia Commons|Toggle History subsection|English""".replace(
        "\n", ""
    ).split("|")
)
CHROME_PATTERNS = re.compile(
    r"^(?:\d+ languages?|\(Redirected from .*\)|Coordinates: .*|Toggle .* subsection"
    r"|Main articles?: .*|Further information: .*|See also: .*|For other uses, see .*"
    r"|This article is about .*|Not to be confused with .*"
    # mirrors' chrome: "Jump to: navigation, search", "From Infogalactic: the … core"
    r"|Jump to: navigation, search|From [A-Z][\w ]+: the [\w ]+)$"
)
FOOTER_START = re.compile(
    r"^(?:Retrieved from [\"“]|Categories?:|Hidden categories:|This page was last edited"
    r"|Text is available under the Creative Commons)"
)
REFERENCE_SECTIONS = frozenset(
    {"references", "notes", "citations", "footnotes", "sources", "bibliography",
     "works cited", "notes and references", "references and notes"}
)  # fmt: skip
LIST_SECTIONS = frozenset({"see also", "external links", "further reading"})
INFOBOX_LABELS = {
    "diplomatic mission": "mission", "diplomatic missions": "mission",
    "envoy": "envoy", "envoys": "envoy",
}  # fmt: skip

_EDIT = re.compile(r"\s*\[\s*edit(?: source)?\s*\]\s*$")
# a heading copied from the mobile site, where the pencil icon after it reads "edit"
_MOBILE_EDIT = re.compile(r"^(\S.*?)\s+edit$")
_TITLE_END = re.compile(r"[.!?:;,]$")
# "... you can edit", "... to edit": the verb, at the end of a line of prose
_BEFORE_VERB_EDIT = frozenset(
    """to can could will would may might must should shall cannot not and or the a an
    please i we you they he she it who did does do""".split()
)
_BULLET = re.compile(r"^\s*(?:[•·*▪◦‣-]|–)\s+")
_REF_ENTRY = re.compile(r"^\s*(\d{1,4}|[a-z]{1,2})\.\s+(?:\^\s*)?(.*)$")
_BACKLINKS = re.compile(r"^(?:\^\s*)?((?:[a-z]\s+)*)")
_YEAR = re.compile(r"\b1\d{3}|20\d{2}\b")
_SENTENCE_END = re.compile(r"[.!?:;\"”)]$")
# a heading written with equals signs, as text renderings of a wiki page keep them:
# "= China–India relations =" (the title), "== History ==", "===Cold War===";
# the signs' count is the level
_EQUALS_HEADING = re.compile(r"^(={1,6})\s*([^=\s](?:.*?[^=\s])?)\s*\1$")
# infobox lines as text renderings give them: "Infobox", then "- Mission1: Embassy of X, Y"
_BOX_START = "infobox"
_BOX_PARAMETER = re.compile(r"^-\s+([A-Za-z]+[0-9]*):\s*(.*)$")
# a table row of a rendered infobox: "Embassy of Cuba, Havana | Embassy of …, Washington |"
_TABLE_ROW = re.compile(r"^\|?[^|]*(?:\|[^|]*)*\|\s*$")
_TABLE_RULE = re.compile(r"^[|:\s-]+$")


@dataclass(slots=True)
class _Line:
    text: str  # without trailing newline and spaces
    start: int  # raw offset of its first character

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def read_page(
    raw: str,
    *,
    doc_id: str,
    source: str | None = None,
    fmt: str = "page",
    title: str | None = None,
) -> Document:
    """A Document from scraped page text (``fmt="page"``) or plain text (``fmt="text"``).

    A ``title`` given by the caller (a news feed's headline) is not looked for in the text.
    """
    title, infobox, blocks, references = page_blocks([raw], fmt=fmt, title=title)
    return build_document(
        blocks, doc_id=doc_id, title=title, fmt=fmt, references=references,
        infobox=infobox, source=source,
    )


def page_blocks(
    chunks: Iterable[str], *, fmt: str = "page", title: str | None = None
) -> tuple[str | None, dict[str, str], Iterator[Block], list[Reference]]:
    """The title, the infobox, the blocks and the reference list of the text in ``chunks``.

    Only the head is read before this returns; the blocks are read as they are asked for,
    and the reference list fills as they are (it is whole once they are all read), so a
    long text given in chunks is never held whole.
    """
    lines = _Ahead(_body_lines(chunks))
    if title is None:
        title, infobox = _split_head(lines, scraped=fmt == "page")
    else:
        infobox = {}
    references: list[Reference] = []
    return title, infobox, _blocks(lines, references), references


def _body_lines(chunks: Iterable[str]) -> Iterator[_Line]:
    """Lines up to the site footer, with the chrome dropped (a blank line stands in);
    a run of blank lines is given as one, which reads the same."""
    after_blank = False
    for raw, start in _raw_lines(chunks):
        text = raw.rstrip()
        stripped = text.strip()
        if FOOTER_START.match(stripped):
            return
        if stripped in CHROME_LINES or CHROME_PATTERNS.match(stripped):
            text = ""
        line = _Line(text.strip(), start + len(text) - len(text.lstrip()))
        if line.blank and after_blank:
            continue
        after_blank = line.blank
        yield line


def _raw_lines(chunks: Iterable[str]) -> Iterator[tuple[str, int]]:
    """Each line of the text in ``chunks`` (cut at ``\n`` only) and the offset it starts at."""
    carry: list[str] = []  # the start of a line that goes on in the next chunk
    at = 0  # offset of the start of ``chunk``
    line_start = 0
    for chunk in chunks:
        pos = 0
        while (end := chunk.find("\n", pos)) >= 0:
            if carry:
                carry.append(chunk[pos:end])
                yield "".join(carry), line_start
                carry.clear()
            else:
                yield chunk[pos:end], at + pos
            pos = end + 1
        if pos < len(chunk):
            if not carry:
                line_start = at + pos
            carry.append(chunk[pos:])
        at += len(chunk)
    if carry:
        yield "".join(carry), line_start


class _Ahead:
    """Lines taken one at a time, with a look at the next ones (for "[edit]" lines)."""

    def __init__(self, lines: Iterator[_Line]) -> None:
        self._lines = lines
        self._ahead: deque[_Line] = deque()

    def peek(self, n: int = 0) -> _Line | None:
        """The line ``n`` after the next one to take (0: that one), None past the end."""
        while len(self._ahead) <= n:
            line = next(self._lines, None)
            if line is None:
                return None
            self._ahead.append(line)
        return self._ahead[n]

    def take(self) -> _Line | None:
        return self._ahead.popleft() if self._ahead else next(self._lines, None)

    def content_after(self, n: int = -1) -> str | None:
        """The text of the first non-blank line after the line ``n`` (-1: the one taken last)."""
        line = self.peek(n + 1)
        if line is not None and line.blank:  # blank runs are one line: the next is content
            line = self.peek(n + 2)
        return None if line is None else line.text


def _split_head(lines: _Ahead, scraped: bool) -> tuple[str | None, dict[str, str]]:
    """The title and the infobox remnants between title and lead; takes them from ``lines``.

    A scraped page's short head lines are its infobox; in any text, an "Infobox" line of
    "- Key: value" lines or a rendered infobox table (rows ending in "|") is one too."""
    n = 0
    while (line := lines.peek(n)) is not None and line.blank:
        n += 1
    if line is None:
        return None, {}
    candidate = line.text
    title: str | None = None
    if not _box_line(candidate):
        equals = _EQUALS_HEADING.match(candidate)
        level_one = equals is not None and len(equals.group(1)) == 1
        if not level_one and (len(candidate) > 150 or _SENTENCE_END.search(candidate)
                              or _is_heading(candidate, lines.content_after(n))):
            return None, {}
        for _ in range(n + 1):
            lines.take()
        title = equals.group(2) if equals is not None and level_one else candidate
        after = lines.content_after()
        if not scraped and (after is None or not _box_line(after)):
            return title, {}
    # Infobox remnants: short lines before the first real paragraph or heading.
    box: list[str] = []
    while (line := lines.peek()) is not None:
        if not line.blank and (_is_paragraph(line.text)
                               or _is_heading(line.text, lines.content_after(0))):
            break
        lines.take()
        if not line.blank:
            box.append(line.text)
    return title, _infobox(box, title)


def _box_line(text: str) -> bool:
    """The line opens a rendered infobox: "Infobox", or a table row ("Cuba |")."""
    return text.strip().lower() == _BOX_START or bool(_TABLE_ROW.match(text))


def _infobox(texts: list[str], title: str | None) -> dict[str, str]:
    box: dict[str, str] = {}
    label: str | None = None
    parties: list[str] = []
    for text in texts:
        if text == title or text.strip().lower() == _BOX_START:
            continue
        if parameter := _BOX_PARAMETER.match(text):  # "- Envoy1: Xu Feihong"
            if parameter.group(2).strip():
                box[parameter.group(1).lower()] = parameter.group(2).strip()
            continue
        if _TABLE_RULE.match(text):
            continue
        cells = [c.strip() for c in re.split(r"\t|\|", text) if c.strip()]
        if len(cells) == 1 and cells[0].lower() in INFOBOX_LABELS:
            label = INFOBOX_LABELS[cells[0].lower()]
            continue
        if text.lower().startswith("map indicating"):
            box["map_caption"] = text
            continue
        if label:
            n = sum(1 for k in box if k.startswith(label))
            for cell in cells:
                n += 1
                box[f"{label}{n}"] = cell
        else:
            parties.extend(cells)
    for n, party in enumerate(parties, 1):
        box.setdefault(f"party{n}", party)
    return box


def _is_paragraph(text: str) -> bool:
    text = without_trailing_markers(text)
    return (len(text.split()) >= 8 and bool(_SENTENCE_END.search(text))) or len(text) > 200


def _is_heading(text: str, following: str | None) -> bool:
    """A line followed, after blank lines, by an "[edit]" line — or ending in "[edit]", or
    a short title ending in " edit" (the mobile site) with something after it.

    ``following``: the next non-blank line's text (None at the end).
    """
    if len(text) > 150 or text.endswith("."):
        return False
    if _EQUALS_HEADING.match(text):
        return True
    if _EDIT.search(text) and text.strip() != "[edit]":
        return True
    if following is not None and mobile_heading(text) is not None:
        return True
    return following == "[edit]"


def mobile_heading(line: str) -> str | None:
    """The title of a heading line copied from the mobile site ("History edit"), or None.

    The title is short, starts with a capital or a digit and has no final punctuation,
    and the word before "edit" is not one that makes it a verb ("you can edit").
    """
    m = _MOBILE_EDIT.match(line.strip())
    if not m:
        return None
    title = m.group(1)
    words = title.split()
    if (len(title) > 80 or len(words) > 10 or not (title[0].isupper() or title[0].isdigit())
            or _TITLE_END.search(title) or words[-1].lower() in _BEFORE_VERB_EDIT):
        return None
    return title


def _heading_title(text: str) -> str:
    """A heading line without its "[edit]" or mobile "edit"."""
    if _EDIT.search(text):
        return _EDIT.sub("", text).strip()
    if equals := _EQUALS_HEADING.match(text):
        return equals.group(2)
    return mobile_heading(text) or text.strip()


def _blocks(lines: _Ahead, references: list[Reference]) -> Iterator[Block]:
    """The blocks of the body, one at a time; reference-list entries go to ``references``."""
    section = ""  # lower-cased title of the current section
    prev_heading_level = 1
    after_heading = False  # no body yet under the last heading
    after_edit = False  # right under an "[edit]" line: captions live here
    run: list[_Line] = []  # consecutive non-blank lines

    def flush() -> list[Block]:
        nonlocal after_edit
        blocks: list[Block] = []
        if not run:
            after_edit = False  # a blank line under "[edit]": what follows is body text
            return blocks
        if section in REFERENCE_SECTIONS:
            references.extend(_references(run, len(references)))
        elif after_edit:
            blocks.extend(_block("caption", line) for line in run)
        elif len(run) > 1 or section in LIST_SECTIONS or _BULLET.match(run[0].text):
            # consecutive lines are a list, unless each reads as a paragraph of prose
            for line in run:
                prose = _is_paragraph(line.text) and section not in LIST_SECTIONS
                bullet = _BULLET.match(line.text)
                blocks.append(_block("paragraph" if prose and not bullet else "list_item", line))
        else:
            line = run[0]
            lone = _has_lone_line_shape(line.text) and not _is_paragraph(line.text)
            blocks.append(_block("caption" if lone else "paragraph", line))
        run.clear()
        after_edit = False
        return blocks

    while (line := lines.take()) is not None:
        if line.blank:
            yield from flush()
            continue
        if line.text == "[edit]":
            yield from flush()
            after_edit = True
            continue
        if _is_heading(line.text, lines.content_after()):
            yield from flush()
            title = _heading_title(line.text)
            equals = _EQUALS_HEADING.match(line.text)
            level = len(equals.group(1)) if equals else _heading_level(
                title, prev_heading_level, after_heading)
            yield Block("heading", title, line.start, level=level)
            section = title.lower()
            prev_heading_level = level
            after_heading = True
            after_edit = bool(_EDIT.search(line.text))
            continue
        run.append(line)
        after_heading = False
    yield from flush()


def _has_lone_line_shape(text: str) -> bool:
    """A lone short line without a full stop, in the body, is a photo caption."""
    text = without_trailing_markers(text)
    return len(text) < 200 and not _SENTENCE_END.search(text)


def without_trailing_markers(text: str) -> str:
    """``text`` less the footnote markers at its end ("… pacts.[3][12]") and the space
    before them. Read back from the end: a regex anchored at the end retried each marker
    of a long run in the middle of a line (20,000 of them: 22 s)."""
    end = len(text)
    while end and text[end - 1] == "]":
        start = -1  # the farthest "[" that opens 1 to 30 characters with no "]" or newline
        j = end - 2
        while j >= max(0, end - 32) and text[j] not in "]\n":
            if text[j] == "[" and j < end - 2:
                start = j
            j -= 1
        if start < 0:
            break
        end = start
        while end and text[end - 1].isspace():
            end -= 1
    return text[:end]


def _heading_level(title: str, previous: int, nothing_since: bool) -> int:
    """Scraped text loses heading levels; recover them from the layout.

    A heading straight under another heading is its child; a heading that names
    a period ("Soviet era (1960–1991)") is a sibling of the previous
    subsection; anything else (and every reference section) is top level.
    """
    if title.lower() in REFERENCE_SECTIONS | LIST_SECTIONS:
        return 2
    if nothing_since and previous >= 2:
        return min(previous + 1, 6)  # as deep as headings go: 8,000 in a row nest no deeper
    if previous > 2 and _YEAR.search(title):
        return previous
    return 2


def _block(kind: str, line: _Line) -> Block:
    text = _BULLET.sub("", line.text) if kind == "list_item" else line.text
    offset = line.start + (len(line.text) - len(text))
    clean, marks, pieces = strip_markers(text, offset)
    return Block(kind, clean, offset, marks=marks, pieces=pieces)


def _references(run: list[_Line], count: int) -> list[Reference]:
    refs: list[Reference] = []
    for line in run:
        m = _REF_ENTRY.match(line.text)
        if m:
            label, body = m.group(1), m.group(2)
            body = body[_BACKLINKS.match(body).end() :] if line.text.find("^") >= 0 else body
        else:  # an unnumbered bibliography entry
            label, body = f"B{count + len(refs) + 1}", line.text
        if not body.strip():
            continue
        # a lettered entry is an explanatory note, free prose rather than a citation
        note = label.isalpha()
        refs.append(Reference(label, body.strip()) if note else parse_reference(label, body))
    return refs
