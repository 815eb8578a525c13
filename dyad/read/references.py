"""Parse a rendered reference entry (Wikipedia's CS1 style) into citation fields.

A rendered entry reads, in order and each part optional:

    Authors (Date). "Title" [Translated]. Work (in Language). Publisher. Date.
    p. 12. ISBN …. Archived from the original on D. Retrieved D. Quote…

The parser lifts out the parts with a fixed wording (ISBN, DOI, "Retrieved",
"Archived", "(in Russian)"), then reads the rest as ". "-separated segments.
"""

from __future__ import annotations

import re

from dyad.dates import iso_date
from dyad.model import Reference

_ISBN = re.compile(r"\bISBN(?:-1[03])?:?\s*((?:97[89][\s-]?)?[\d][\d\s-]{7,}[\dXx])")
_ISSN = re.compile(r"\bE?ISSN:?\s*\d{4}-?\d{3}[\dXx]\.?")
_DOI = re.compile(r"\bdoi:\s*(10\.\S+?)(?=\.?(?:\s|$))", re.I)
_URL = re.compile(r"https?://\S+")
_LANGUAGE = re.compile(r"\s*\(in ((?:[A-Z][\w-]+)(?:(?:, | and )[A-Z][\w-]+)*)\)")
_ARCHIVED = re.compile(
    r"(?:Archived|Archived \(PDF\)) from the original on ([^.]+?)\.(?:\s|$)", re.I
)
_RETRIEVED = re.compile(r"(?:Retrieved|Accessed)(?: on)? ([^.]+?)\.(?:\s+(.*))?$", re.I | re.S)
_AUTHORS_DATE = re.compile(r"^(?P<authors>[^\"“(]+?)\s*\((?P<date>[^()]*\d{4}[^()]*)\)\.\s*")
_QUOTED_TITLE = re.compile(r"^[\"“](?P<title>.+?)[\"”](?=\s*(?:\[|\(|\.|,|$))")
_TRANSLATED = re.compile(r"^\s*\[[^\]]*\]")
_FORMAT_NOTE = re.compile(r"^\s*\((?:PDF|DOC|PPT|XLS|video|audio|map|in [^)]+)\)", re.I)
_PAGES = re.compile(
    r"(?<!\w)(?:pp?|[Vv]ol|No|Issue|Ch|Sec)\.\s*[\dIVXLC][\w–-]*(?:,\s*[\d–-]+)*\.?"
)
_VOLUME = re.compile(r"^\d+\s*(?:\([\w–-]+\))?(?::\s*[\d–-]+)?$")  # "12 (3): 101–118"
_ACRONYM_END = re.compile(r"(?:^|[\s(])(?:[A-Z]\.)+[A-Z]$")
_DATE_WORDS = re.compile(r"^(?:c\.\s*|circa\s+)?(.*\d{4}[a-z]?)$")


def parse_reference(label: str, text: str) -> Reference:
    """Fields of one reference entry; ``text`` is kept whole in ``Reference.text``."""
    ref = Reference(label=label, text=text.strip())
    rest = " ".join(text.split())

    m = _RETRIEVED.search(rest)
    if m:
        ref.accessed = iso_date(m.group(1))
        quote = (m.group(2) or "").strip()
        ref.quote = quote or None
        rest = rest[: m.start()].rstrip()
    m = _ARCHIVED.search(rest)
    if m:
        ref.archived = iso_date(m.group(1))
        rest = (rest[: m.start()] + " " + rest[m.end() :]).strip()
    m = _ISBN.search(rest)
    if m:
        ref.isbn = m.group(1).strip()
        rest = _cut(rest, m)
    m = _DOI.search(rest)
    if m:
        ref.doi = m.group(1)
        rest = _cut(rest, m)
    m = _URL.search(rest)
    if m:
        ref.url = m.group().rstrip(".,)")
        rest = _cut(rest, m)
    rest = _ISSN.sub("", rest)
    m = _LANGUAGE.search(rest)
    if m:
        ref.language = m.group(1)
        rest = _cut(rest, m)

    m = _AUTHORS_DATE.match(rest)
    if m and not _looks_like_title_only(m.group("authors")):
        ref.authors = [a.strip() for a in m.group("authors").split(";") if a.strip()]
        ref.date = iso_date(m.group("date"))
        rest = rest[m.end() :]

    m = _QUOTED_TITLE.match(rest)
    if m:
        ref.title = m.group("title").strip()
        rest = rest[m.end() :]
    rest = _TRANSLATED.sub("", rest)
    while (f := _FORMAT_NOTE.match(rest)) is not None:
        rest = rest[f.end() :]

    segments = _segments(_PAGES.sub("", rest))
    # CS1 quotes the titles of articles and chapters, not of books
    book = ref.title is None and ref.isbn is not None
    if ref.title is None and segments:
        ref.title = segments.pop(0)
    names: list[str] = []
    for seg in segments:
        bare = _DATE_WORDS.match(seg)
        date = iso_date(bare.group(1)) if bare else None
        if date:
            ref.date = ref.date or date
        elif not _VOLUME.match(seg):
            names.append(seg)
    if book and len(names) == 1:
        ref.publisher = names[0]
    else:
        if names:
            ref.work = names[0]
        if len(names) > 1:
            ref.publisher = names[-1]
    return ref


def _cut(text: str, m: re.Match[str]) -> str:
    return (text[: m.start()] + text[m.end() :]).strip()


def _looks_like_title_only(authors: str) -> bool:
    # "Mali". Encyclopedia (1998) has no author: a real author list has no full stop at its end
    # and is short.
    return len(authors) > 200 or (authors.rstrip().endswith(".") and "," not in authors)


def _segments(text: str) -> list[str]:
    """Split on ". " outside brackets and quotes, dropping empty parts."""
    parts: list[str] = []
    depth = 0
    quoted = False
    start = 0
    for i, ch in enumerate(text):
        if ch in "([«":
            depth += 1
        elif ch in ")]»" and depth:
            depth -= 1
        elif ch in "\"“”":
            quoted = not quoted
        elif ch == "." and not depth and not quoted:
            nxt = text[i + 1 : i + 2]
            # "U.S. Department of State" is one segment; an editor's "Andrew F." ends one
            if nxt in ("", " ") and not _ACRONYM_END.search(text, start, i):
                parts.append(text[start:i])
                start = i + 1
    parts.append(text[start:])
    return [p.strip(" ,;") for p in parts if p.strip(" ,;.")]
