"""Turn the blocks a reader found into a Document: clean text, sections, sentences.

Every reader does the format-specific part (which lines are headings, where
the footnote markers are) and hands over ``Block``s whose text is already
clean, with the markers lifted out as ``Mark``s at clean offsets. The shared
part — joining blocks, the section tree, sentence splitting and attaching each
mark to its sentence — lives here, so every format gets it the same way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from dyad.model import Document, Link, OffsetMap, Reference, Section, Sentence
from dyad.read.sentences import split_sentences

BLOCK_SEPARATOR = "\n\n"


@dataclass(slots=True)
class Mark:
    """Something lifted out of a block's text, anchored at a block-relative offset."""

    offset: int  # where it stood in the block's clean text
    kind: str  # "citation", "note", "link"
    label: str  # reference label, note text, or link target
    end: int = -1  # links: end of the linked words (start is ``offset``)
    language: str | None = None  # links: interlanguage marker


@dataclass(slots=True)
class Block:
    kind: str  # heading, paragraph, caption, list_item
    text: str  # clean text
    raw_start: int = -1  # where the block starts in the raw input (-1: not a copy)
    level: int = 0  # headings: 2 for "== X ==", 3 for "=== X ===" …
    marks: list[Mark] = field(default_factory=list)
    pieces: list[tuple[int, int]] = field(default_factory=list)  # (block offset, raw offset)


def document_id(raw: bytes | str) -> str:
    """A stable id from the content: the first 16 hex digits of its SHA-256."""
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    return hashlib.sha256(data).hexdigest()[:16]


def build_document(
    blocks: Iterable[Block],
    *,
    doc_id: str,
    title: str | None,
    fmt: str,
    references: list[Reference] | None = None,
    infobox: dict[str, str] | None = None,
    source: str | None = None,
    date: str | None = None,
    url: str | None = None,
) -> Document:
    builder = DocumentBuilder()
    sentences = [s for block in blocks for s in builder.add(block)]
    return Document(
        id=doc_id,
        title=title,
        format=fmt,
        text="".join(builder.parts),
        sections=builder.finish(),
        sentences=sentences,
        references=references or [],
        links=builder.links,
        infobox=infobox or {},
        source=source,
        date=date,
        url=url,
        offsets=builder.offsets,
    )


class DocumentBuilder:
    """Blocks in, one at a time: each block's sentences out, at clean-text offsets, while
    the section tree grows. ``keep=False`` keeps no text, links or offset map, so a text
    too long to hold can be gone through block by block (``dyad.read.stream``)."""

    def __init__(self, *, keep: bool = True) -> None:
        self.keep = keep
        self.parts: list[str] = []
        self.offsets = OffsetMap()
        self.links: list[Link] = []
        self.sections: list[Section] = []
        self.count = 0  # sentences so far
        self.pos = 0  # length of the clean text so far
        self._open: list[int] = []  # the current heading path (indexes into sections)

    def add(self, block: Block) -> list[Sentence]:
        """The sentences of ``block`` (none for a blank one), numbered after those before."""
        text = block.text.strip()
        if not text:
            return []
        lead = len(block.text) - len(block.text.lstrip())
        if self.pos:
            self.pos += len(BLOCK_SEPARATOR)
            if self.keep:
                self.parts.append(BLOCK_SEPARATOR)
        start = self.pos
        if self.keep:
            _map_block(self.offsets, block, start, lead)
            self.parts.append(text)
        self.pos += len(text)

        if block.kind == "heading":
            self._close_sections(block.level, start)
            path = " > ".join([self.sections[i].title for i in self._open] + [text])
            self._open.append(len(self.sections))
            self.sections.append(Section(title=text, level=block.level, path=path, start=start))
        section_path = self.sections[self._open[-1]].path if self._open else None

        marks = [_shift(m, -lead) for m in block.marks]
        spans = [(0, len(text))] if block.kind == "heading" else split_sentences(text)
        sentences = [
            Sentence(
                index=self.count + n,
                kind=block.kind,
                section=section_path,
                start=start + s_start,
                end=start + s_end,
                text=text[s_start:s_end],
            )
            for n, (s_start, s_end) in enumerate(spans)
        ]
        self.count += len(sentences)
        _attach_marks(sentences, marks, start)
        if self.keep:
            self.links.extend(
                Link(start + m.offset, start + m.end, m.label, m.language)
                for m in marks
                if m.kind == "link"
            )
        return sentences

    def finish(self) -> list[Section]:
        """The sections, each closed where the next one at its level (or the text) ends."""
        self._close_sections(0, self.pos)
        return self.sections

    def _close_sections(self, level: int, at: int) -> None:
        while self._open and self.sections[self._open[-1]].level >= level:
            i = self._open.pop()
            self.sections[i] = _with_end(self.sections[i], at)


def _with_end(section: Section, end: int) -> Section:
    return Section(section.title, section.level, section.path, section.start, end)


def _shift(mark: Mark, delta: int) -> Mark:
    end = mark.end + delta if mark.end >= 0 else -1
    return Mark(max(mark.offset + delta, 0), mark.kind, mark.label, end, mark.language)


def _map_block(offsets: OffsetMap, block: Block, start: int, lead: int) -> None:
    if block.pieces:
        for block_offset, raw in block.pieces:
            offsets.add(start + max(block_offset - lead, 0), raw + max(lead - block_offset, 0))
    elif block.raw_start >= 0:
        offsets.add(start, block.raw_start + lead)


def _attach_marks(sentences: list[Sentence], marks: list[Mark], start: int) -> None:
    """Give each citation or note to the sentence of its block that it follows.

    A marker belongs to the last sentence that starts before it: "pacts,[3] and"
    stays inside its sentence, and "1960.[1] Following" goes to the sentence
    that the full stop closed.
    """
    if not sentences:
        return
    for mark in marks:
        if mark.kind not in ("citation", "note"):
            continue
        at = start + mark.offset
        i = 0
        for n, sentence in enumerate(sentences):
            if sentence.start < at:
                i = n
        owner = sentences[i]
        if mark.kind == "citation":
            if mark.label not in owner.citations:
                sentences[i] = replace(owner, citations=(*owner.citations, mark.label))
        elif mark.label not in owner.notes:
            sentences[i] = replace(owner, notes=(*owner.notes, mark.label))
