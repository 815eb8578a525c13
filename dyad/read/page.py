"""Read the text of a web page as people copy it from a browser, and plain text.

A scraped Wikipedia page is lines: site chrome ("Jump to content"), the title,
infobox remnants, headings followed by an "[edit]" line, photo captions right
under a heading, paragraphs separated by blank lines, list items on
consecutive lines, and a References list whose entries start "1. ^ a b".
Plain text is the same reader without the chrome and headings.
"""

from __future__ import annotations

import re
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
    r"|This article is about .*|Not to be confused with .*)$"
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
_BULLET = re.compile(r"^\s*(?:[•·*▪◦‣-]|–)\s+")
_REF_ENTRY = re.compile(r"^\s*(\d{1,4}|[a-z]{1,2})\.\s+(?:\^\s*)?(.*)$")
_BACKLINKS = re.compile(r"^(?:\^\s*)?((?:[a-z]\s+)*)")
_YEAR = re.compile(r"\b1\d{3}|20\d{2}\b")
_TRAILING_MARKERS = re.compile(r"(?:\s*\[[^\]\n]{1,30}\])+$")
_SENTENCE_END = re.compile(r"[.!?:;\"”)]$")


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
    raw_offset: int = 0,
) -> Document:
    """A Document from scraped page text (``fmt="page"``) or plain text (``fmt="text"``).

    A ``title`` given by the caller (a news feed's headline) is not looked for in the text.
    ``raw_offset``: where ``raw`` starts in the input (a part of a long text), for the
    offset map.
    """
    lines = _body_lines(raw, raw_offset)
    if title is None:
        title, lines, infobox = _split_head(lines, scraped=fmt == "page")
    else:
        infobox = {}
    blocks, references = _blocks(lines)
    return build_document(
        blocks, doc_id=doc_id, title=title, fmt=fmt, references=references,
        infobox=infobox, source=source,
    )


def _body_lines(raw: str, raw_offset: int = 0) -> list[_Line]:
    """Lines up to the site footer, with the chrome dropped (a blank line stands in)."""
    lines: list[_Line] = []
    for m in re.finditer(r"[^\n]*\n?", raw):
        if not m.group():
            break
        text = m.group().rstrip("\r\n").rstrip()
        stripped = text.strip()
        if FOOTER_START.match(stripped):
            break
        if stripped in CHROME_LINES or CHROME_PATTERNS.match(stripped):
            text = ""
        lead = len(text) - len(text.lstrip())
        lines.append(_Line(text.strip(), raw_offset + m.start() + lead))
    return lines


def _split_head(
    lines: list[_Line], scraped: bool
) -> tuple[str | None, list[_Line], dict[str, str]]:
    """The title, the body lines, and the infobox remnants between title and lead."""
    content = [i for i, line in enumerate(lines) if not line.blank]
    if not content:
        return None, lines, {}
    first = content[0]
    candidate = lines[first].text
    if len(candidate) > 150 or _SENTENCE_END.search(candidate) or _is_heading(lines, first):
        return None, lines, {}
    title = candidate
    if not scraped:
        return title, lines[first + 1 :], {}
    # Infobox remnants: short lines before the first real paragraph or heading.
    lead = first + 1
    while lead < len(lines):
        line = lines[lead]
        if not line.blank and (_is_paragraph(line.text) or _is_heading(lines, lead)):
            break
        lead += 1
    infobox = _infobox([line.text for line in lines[first + 1 : lead] if not line.blank], title)
    return title, lines[lead:], infobox


def _infobox(texts: list[str], title: str) -> dict[str, str]:
    box: dict[str, str] = {}
    label: str | None = None
    parties: list[str] = []
    for text in texts:
        if text == title:
            continue
        if text.lower() in INFOBOX_LABELS:
            label = INFOBOX_LABELS[text.lower()]
            continue
        if text.lower().startswith("map indicating"):
            box["map_caption"] = text
            continue
        cells = [c.strip() for c in text.split("\t") if c.strip()]
        if label:
            n = sum(1 for k in box if k.startswith(label))
            for cell in cells:
                n += 1
                box[f"{label}{n}"] = cell
        else:
            parties.extend(cells)
    for n, party in enumerate(parties, 1):
        box[f"party{n}"] = party
    return box


def _is_paragraph(text: str) -> bool:
    text = _TRAILING_MARKERS.sub("", text)
    return (len(text.split()) >= 8 and bool(_SENTENCE_END.search(text))) or len(text) > 200


def _is_heading(lines: list[_Line], i: int) -> bool:
    """A line followed, after blank lines, by an "[edit]" line — or ending in "[edit]"."""
    if len(lines[i].text) > 150 or lines[i].text.endswith("."):
        return False
    if _EDIT.search(lines[i].text) and lines[i].text.strip() != "[edit]":
        return True
    j = i + 1
    while j < len(lines) and lines[j].blank:
        j += 1
    return j < len(lines) and lines[j].text == "[edit]"


def _blocks(lines: list[_Line]) -> tuple[list[Block], list[Reference]]:
    blocks: list[Block] = []
    references: list[Reference] = []
    section = ""  # lower-cased title of the current section
    prev_heading_level = 1
    after_heading = False  # no body yet under the last heading
    after_edit = False  # right under an "[edit]" line: captions live here
    run: list[_Line] = []  # consecutive non-blank lines

    def flush() -> None:
        nonlocal after_edit
        if not run:
            after_edit = False  # a blank line under "[edit]": what follows is body text
            return
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

    for i, line in enumerate(lines):
        if line.blank:
            flush()
            continue
        if line.text == "[edit]":
            flush()
            after_edit = True
            continue
        if _is_heading(lines, i):
            flush()
            title = _EDIT.sub("", line.text).strip()
            level = _heading_level(title, prev_heading_level, after_heading)
            blocks.append(Block("heading", title, line.start, level=level))
            section = title.lower()
            prev_heading_level = level
            after_heading = True
            after_edit = bool(_EDIT.search(line.text))
            continue
        run.append(line)
        after_heading = False
    flush()
    return blocks, references


def _has_lone_line_shape(text: str) -> bool:
    """A lone short line without a full stop, in the body, is a photo caption."""
    text = _TRAILING_MARKERS.sub("", text)
    return len(text) < 200 and not _SENTENCE_END.search(text)


def _heading_level(title: str, previous: int, nothing_since: bool) -> int:
    """Scraped text loses heading levels; recover them from the layout.

    A heading straight under another heading is its child; a heading that names
    a period ("Soviet era (1960–1991)") is a sibling of the previous
    subsection; anything else (and every reference section) is top level.
    """
    if title.lower() in REFERENCE_SECTIONS | LIST_SECTIONS:
        return 2
    if nothing_since and previous >= 2:
        return previous + 1
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
