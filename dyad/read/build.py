"""Turn the blocks a reader found into a Document: clean text, sections, sentences.

Every reader does the format-specific part (which lines are headings, where
the footnote markers are) and hands over ``Block``s whose text is already
clean, with the markers lifted out as ``Mark``s at clean offsets. The shared
part — joining blocks, the section tree, sentence splitting and attaching each
mark to its sentence — lives here, so every format gets it the same way.
"""

from __future__ import annotations

import hashlib
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
    blocks: list[Block],
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
    parts: list[str] = []
    offsets = OffsetMap()
    sections: list[Section] = []
    open_sections: list[Section] = []  # the current heading path, outermost first
    sentences: list[Sentence] = []
    links: list[Link] = []
    pos = 0

    def close_sections(level: int, at: int) -> None:
        while open_sections and open_sections[-1].level >= level:
            done = open_sections.pop()
            sections[sections.index(done)] = _with_end(done, at)

    for block in blocks:
        text = block.text.strip()
        if not text:
            continue
        lead = len(block.text) - len(block.text.lstrip())
        if parts:
            parts.append(BLOCK_SEPARATOR)
            pos += len(BLOCK_SEPARATOR)
        start = pos
        _map_block(offsets, block, start, lead)
        parts.append(text)
        pos += len(text)

        if block.kind == "heading":
            close_sections(block.level, start)
            path = " > ".join([s.title for s in open_sections] + [text])
            section = Section(title=text, level=block.level, path=path, start=start)
            sections.append(section)
            open_sections.append(section)
        section_path = open_sections[-1].path if open_sections else None

        marks = [_shift(m, -lead) for m in block.marks]
        spans = [(0, len(text))] if block.kind == "heading" else split_sentences(text)
        for s_start, s_end in spans:
            index = len(sentences)
            sentences.append(
                Sentence(
                    index=index,
                    kind=block.kind,
                    section=section_path,
                    start=start + s_start,
                    end=start + s_end,
                    text=text[s_start:s_end],
                )
            )
        _attach_marks(sentences, len(sentences) - len(spans), marks, start)
        links.extend(
            Link(start + m.offset, start + m.end, m.label, m.language)
            for m in marks
            if m.kind == "link"
        )

    clean = "".join(parts)
    close_sections(0, len(clean))
    return Document(
        id=doc_id,
        title=title,
        format=fmt,
        text=clean,
        sections=sections,
        sentences=sentences,
        references=references or [],
        links=links,
        infobox=infobox or {},
        source=source,
        date=date,
        url=url,
        offsets=offsets,
    )


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


def _attach_marks(sentences: list[Sentence], first: int, marks: list[Mark], start: int) -> None:
    """Give each citation or note to the sentence it follows.

    A marker belongs to the last sentence that starts before it: "pacts,[3] and"
    stays inside its sentence, and "1960.[1] Following" goes to the sentence
    that the full stop closed.
    """
    block_sentences = sentences[first:]
    if not block_sentences:
        return
    for mark in marks:
        if mark.kind not in ("citation", "note"):
            continue
        at = start + mark.offset
        i = block_sentences[0].index
        for sentence in block_sentences:
            if sentence.start < at:
                i = sentence.index
        owner = sentences[i]
        if mark.kind == "citation":
            if mark.label not in owner.citations:
                sentences[i] = replace(owner, citations=(*owner.citations, mark.label))
        elif mark.label not in owner.notes:
            sentences[i] = replace(owner, notes=(*owner.notes, mark.label))

