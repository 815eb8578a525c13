"""The data types that flow through dyad: Document and its parts, Entity, When.

Offsets are into a document's clean ``text`` unless a name says otherwise
(``raw_*``). Every type turns into the JSON shape of the record contract with
``to_dict()``.
"""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass, field
from typing import Any

SENTENCE_KINDS = ("paragraph", "caption", "list_item", "heading")


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and where its body lies in the clean text."""

    title: str
    level: int
    path: str  # "History > Soviet-era relations (1960–1991)"
    start: int  # first character of the heading in the clean text
    end: int = -1  # end of the section's body; -1 while the reader is still building

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "level": self.level, "path": self.path}


@dataclass(frozen=True, slots=True)
class Link:
    """A named thing in the text that the source linked: ``[[Target|text]]``, ``Name [ru]``."""

    start: int
    end: int
    target: str
    language: str | None = None  # interlanguage marker: the article exists in this wiki


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    kind: str  # one of SENTENCE_KINDS
    section: str | None  # section path
    start: int
    end: int
    text: str
    citations: tuple[str, ...] = ()  # reference labels, in order of appearance
    notes: tuple[str, ...] = ()  # editorial marks removed from the text: "citation needed"

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "kind": self.kind,
            "section": self.section,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "citations": list(self.citations),
        }


@dataclass(slots=True)
class Reference:
    """One entry of a document's reference list, parsed into citation fields."""

    label: str
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None  # ISO 8601 at the precision given: "1981", "2020-08-26"
    work: str | None = None
    publisher: str | None = None
    url: str | None = None
    isbn: str | None = None
    doi: str | None = None
    language: str | None = None  # "Russian" for "(in Russian)"
    accessed: str | None = None  # ISO date of "Retrieved 17 July 2009"
    archived: str | None = None  # ISO date of "Archived from the original on …"
    quote: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class OffsetMap:
    """Maps clean-text offsets back to raw-input offsets.

    Built from pieces in clean-text order: ``add(clean_start, raw_start)`` says
    that the clean text from ``clean_start`` on was copied from the raw input
    from ``raw_start`` on, until the next piece starts.
    """

    __slots__ = ("_clean", "_raw")

    def __init__(self) -> None:
        self._clean: list[int] = []
        self._raw: list[int] = []

    def add(self, clean_start: int, raw_start: int) -> None:
        """Start a piece: from ``clean_start`` on, text comes from ``raw_start`` on."""
        if self._clean and clean_start < self._clean[-1]:
            raise ValueError("offset map pieces must be added in clean-text order")
        if self._clean and self._clean[-1] == clean_start:
            self._raw[-1] = raw_start
            return
        self._clean.append(clean_start)
        self._raw.append(raw_start)

    def to_raw(self, clean_offset: int) -> int:
        """Raw offset of a clean offset (start of the piece it lies in, plus its distance)."""
        i = bisect.bisect_right(self._clean, clean_offset) - 1
        if i < 0:
            return clean_offset
        return self._raw[i] + (clean_offset - self._clean[i])

    def __len__(self) -> int:
        return len(self._clean)


@dataclass(slots=True)
class Document:
    id: str
    title: str | None
    format: str  # "page", "wikitext", "html", "text", "jsonl"
    text: str
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    infobox: dict[str, str] = field(default_factory=dict)
    source: str | None = None  # path or URL it was read from
    date: str | None = None  # publication date (ISO), the anchor for "last year"
    url: str | None = None
    offsets: OffsetMap = field(default_factory=OffsetMap)

    def reference(self, label: str) -> Reference | None:
        for ref in self.references:
            if ref.label == label:
                return ref
        return None

    def section_at(self, offset: int) -> Section | None:
        """The innermost section whose span holds ``offset``."""
        found = None
        for sec in self.sections:
            if sec.start <= offset < sec.end:
                found = sec  # later sections are deeper or later: keep the last match
        return found

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "format": self.format,
            "source": self.source,
            "date": self.date,
            "url": self.url,
            "text": self.text,
            "sections": [s.to_dict() for s in self.sections],
            "sentences": [s.to_dict() for s in self.sentences],
            "references": [r.to_dict() for r in self.references],
            "infobox": self.infobox,
            "links": [
                {"start": k.start, "end": k.end, "target": k.target, "language": k.language}
                for k in self.links
            ],
        }


@dataclass(frozen=True, slots=True)
class When:
    """A date or span at the precision the text gives (the contract's When)."""

    start: str | None
    end: str | None = None
    precision: str = "unknown"  # day month season quarter year decade century unknown
    modifier: str | None = None  # early mid late before after since until approx
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "precision": self.precision,
            "modifier": self.modifier,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Entity:
    """Who acts or is acted upon (the contract's Entity)."""

    name: str
    text: str
    kind: str  # state person organization group igo
    country: str | None = None  # ISO 3166-1 alpha-3 as of the event's date
    sector: str | None = None  # PLOVER sector: GOV MIL LEG ...
    role: str | None = None
    code: str | None = None  # actor code when it is not a state: IGO code such as "AFU"
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "text": self.text,
            "kind": self.kind,
            "country": self.country,
            "sector": self.sector,
            "role": self.role,
        }
