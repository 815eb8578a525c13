"""Read HTML — a saved Wikipedia page or a plain news page — into a Document.

The standard library's ``html.parser`` is enough: pages are parsed into a small
element tree whose text nodes keep their raw offsets (character references are
left undecoded by the parser so each one's position is known), and the tree is
walked into the same Blocks the wikitext reader makes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qs, unquote, urlsplit

from dyad.dates import iso_date
from dyad.model import Document, Reference
from dyad.read.build import build_document
from dyad.read.html_unclosed import NOT_A_TAG, defuse_unclosed
from dyad.read.page import INFOBOX_LABELS
from dyad.read.references import parse_reference
from dyad.read.wikitext import BlockWriter, link_target, note_letters

VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
SKIP_TAGS = frozenset(
    """script style noscript template nav header footer aside form button select textarea
    svg iframe head object video audio canvas""".split()
)
SKIP_CLASSES = frozenset(
    """mw-editsection navbox navbox-styles vertical-navbox sidebar toc hatnote metadata ambox
    mw-cite-backlink mw-empty-elt shortdescription catlinks printfooter mw-jump-link Z3988
    noprint portalbox sistersitebox side-box reflist-header mw-indicators mbox-small
    navigation-not-searchable byline share-tools advertisement newsletter""".split()
)
SKIP_IDS = frozenset(
    "toc siteSub contentSub jump-to-nav catlinks mw-navigation footer mw-head mw-panel".split()
)
BLOCK_TAGS = frozenset(
    """div section article main body ul ol dl figure center table tbody tr html""".split()
)
HEADINGS = {"h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_LANG_MARKER = re.compile(r"^\[\s*([a-z]{2,3}(?:-[a-z]{2,8})?)\s*\]$")
_ISO_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def read_html(raw: str, *, doc_id: str, source: str | None = None) -> Document:
    """A Document from a saved Wikipedia page or a news article page."""
    root = _parse(raw)
    content = _find(root, lambda e: e.id == "mw-content-text")
    wiki = content is not None or _find(root, lambda e: "mw-parser-output" in e.classes)
    reader = _Reader()
    if wiki:
        body = _find(root, lambda e: "mw-parser-output" in e.classes) or content
        assert body is not None
        title = _wiki_title(root)
        reader.labels = _citation_labels(body)
        reader.walk(body)
        date = None
    else:
        body = (
            _find(root, lambda e: e.tag == "article")
            or _find(root, lambda e: e.tag == "main")
            or _find(root, lambda e: e.tag == "body")
            or root
        )
        h1 = _find(body, lambda e: e.tag == "h1") or _find(root, lambda e: e.tag == "h1")
        title = _text(h1) if h1 is not None else _meta(root, "og:title") or _page_title(root)
        reader.walk(body)
        date = _publication_date(root)
    reader.out.flush()
    return build_document(
        reader.out.blocks,
        doc_id=doc_id,
        title=title or None,
        fmt="html",
        references=reader.references,
        infobox=reader.infobox,
        source=source,
        date=date,
        url=_meta(root, "og:url") or _link(root, "canonical"),
    )


# --- the tree -----------------------------------------------------------------------


@dataclass(slots=True)
class _Text:
    text: str  # decoded
    pos: int  # raw offset of its first character
    whole: bool = False  # a character reference: one character standing for the whole markup


@dataclass(slots=True)
class _El:
    tag: str
    attrs: dict[str, str]
    pos: int
    children: list[_El | _Text] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    @property
    def id(self) -> str:
        return self.attrs.get("id", "")


class _TreeBuilder(HTMLParser):
    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)  # keep each entity's own position
        self.root = _El("#root", {}, 0)
        self.stack = [self.root]
        self._lines = [0] + [m.end() for m in re.finditer(r"\n", raw)]

    def _pos(self) -> int:
        line, col = self.getpos()
        return self._lines[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        top = self.stack[-1].tag
        if top == "p" and (tag in BLOCK_TAGS or tag in HEADINGS or tag == "p"):
            self.stack.pop()  # a block element closes an open paragraph
        if tag == "li":
            for i in range(len(self.stack) - 1, 0, -1):
                if self.stack[i].tag in ("ul", "ol"):
                    break
                if self.stack[i].tag == "li":
                    del self.stack[i:]
                    break
        el = _El(tag, {k: v or "" for k, v in attrs}, self._pos())
        self.stack[-1].children.append(el)
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(_El(tag, {k: v or "" for k, v in attrs}, self._pos()))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if NOT_A_TAG in data:  # a "<" that nothing closes (dyad.read.html_unclosed)
            data = data.replace(NOT_A_TAG, "<")
        self.stack[-1].children.append(_Text(data, self._pos()))

    def handle_entityref(self, name: str) -> None:
        self.stack[-1].children.append(_Text(html.unescape(f"&{name};"), self._pos(), True))

    def handle_charref(self, name: str) -> None:
        self.stack[-1].children.append(_Text(html.unescape(f"&#{name};"), self._pos(), True))


def _parse(raw: str) -> _El:
    builder = _TreeBuilder(raw)
    builder.feed(defuse_unclosed(raw))
    builder.close()
    return builder.root


def _iter(el: _El) -> Iterator[_El]:
    """``el`` and every element under it, in document order. A stack, not nested
    generators: those pass each element up through every level above it (900 levels
    over 20,000 paragraphs: 7 s)."""
    stack = [el]
    while stack:
        el = stack.pop()
        yield el
        stack.extend(child for child in reversed(el.children) if isinstance(child, _El))


def _rows(table: _El) -> Iterator[_El]:
    """The table's own rows, in order: a table nested in a cell reads its rows when that
    cell is read, not again here (unclosed nested tables made the walk exponential)."""
    stack = [c for c in reversed(table.children) if isinstance(c, _El)]
    while stack:
        el = stack.pop()
        if el.tag == "tr":
            yield el
        elif el.tag != "table":
            stack.extend(c for c in reversed(el.children) if isinstance(c, _El))


def _find(el: _El, test: Callable[[_El], bool]) -> _El | None:
    return next((e for e in _iter(el) if test(e)), None)


def _text(el: _El | None) -> str:
    """Visible text of an element on one line (skipped parts left out)."""
    if el is None:
        return ""
    out = BlockWriter()
    _Reader(out=out).inline_only(el)
    return out.text.strip()


def _skipped(el: _El) -> bool:
    if el.tag in SKIP_TAGS or el.id in SKIP_IDS:
        return True
    if any(c in SKIP_CLASSES for c in el.classes):
        return True
    style = el.attrs.get("style", "").replace(" ", "").lower()
    return "display:none" in style


# --- the walk -----------------------------------------------------------------------


@dataclass(slots=True)
class _Reader:
    out: BlockWriter = field(default_factory=BlockWriter)
    labels: dict[str, str] = field(default_factory=dict)  # cite_note id → its marker's label
    references: list[Reference] = field(default_factory=list)
    infobox: dict[str, str] = field(default_factory=dict)
    plain: bool = False  # rendering a value: no blocks, no marks kept

    def walk(self, el: _El) -> None:
        for child in el.children:
            if isinstance(child, _Text):
                self.out.write(child.text, child.pos)
            else:
                self.element(child)

    def inline_only(self, el: _El) -> None:
        self.plain = True
        self.walk(el)

    def element(self, el: _El) -> None:
        tag, classes = el.tag, el.classes
        if self.language_marker(el):
            return
        if tag == "sup" and "reference" in classes:
            label = _text(el).strip("[] ")
            if label and not self.plain:
                self.out.mark("citation", label)
            return
        if tag == "sup" and ("Inline-Template" in classes or "Template-Fact" in classes):
            if not self.plain:
                self.out.mark("note", _text_raw(el).strip("[] "))
            return
        if _skipped(el):
            return
        if tag == "br":
            self.out.write(" ", -1)
        elif self.plain:
            self.inline(el)
        elif tag == "table" and "infobox" in classes:
            self.read_infobox(el)
        elif tag == "table":
            self.table(el)
        elif tag == "ol" and "references" in classes:
            self.read_references(el)
        elif tag == "h1":
            return  # the title, read separately
        elif tag in HEADINGS:
            self.block("heading", el, HEADINGS[tag])
        elif tag in ("p", "dd", "dt", "blockquote"):
            self.block("paragraph", el)
        elif tag == "li":
            self.block("list_item", el)
        elif tag == "figcaption" or "thumbcaption" in classes or "gallerytext" in classes:
            self.block("caption", el)
        elif tag in BLOCK_TAGS:
            self.out.flush()
            self.walk(el)
            self.out.flush()
        else:
            self.inline(el)

    def block(self, kind: str, el: _El, level: int = 0) -> None:
        self.out.start(kind, level)
        self.walk(el)
        self.out.flush()

    def inline(self, el: _El) -> None:
        target = _href_target(el.attrs.get("href", "")) if el.tag == "a" else ""
        start = len(self.out.text)
        self.walk(el)
        if target and not self.plain:
            self.out.link(start, target)

    def language_marker(self, el: _El) -> bool:
        """ "Igor Gromyko [ru]": the bracket goes, the link before it learns its language."""
        if el.tag not in ("span", "small", "sup") or not _find(el, _interwiki):
            return False
        m = _LANG_MARKER.match(_text_raw(el).replace("\xa0", " ").strip())
        if not m:
            return False
        marks = self.out.marks
        if marks and marks[-1].kind == "link" and marks[-1].end == self.out.end:
            marks[-1].language = m.group(1)
        return True

    # --- references, infobox, tables ------------------------------------------------

    def read_references(self, el: _El) -> None:
        items = [c for c in el.children if isinstance(c, _El) and c.tag == "li"]
        alpha = "lower-alpha" in el.attrs.get("style", "") or "lower-alpha" in " ".join(el.classes)
        for n, li in enumerate(items, 1):
            label = self.labels.get(li.id) or (note_letters(n) if alpha else str(n))
            body = _find(li, lambda e: "reference-text" in e.classes) or li
            text = _text(body)
            if not text:
                continue
            ref = parse_reference(label, text)
            link = _find(body, lambda e: e.tag == "a" and "external" in e.classes)
            if ref.url is None and link is not None:
                ref.url = link.attrs.get("href") or None
            self.references.append(ref)

    def read_infobox(self, el: _El) -> None:
        label: str | None = None
        counts: dict[str, int] = {}
        for row in (e for e in _iter(el) if e.tag == "tr"):
            cells = [c for c in row.children if isinstance(c, _El) and c.tag in ("th", "td")]
            heads = [c for c in cells if c.tag == "th"]
            data = [c for c in cells if c.tag == "td"]
            if heads and data:
                key, value = _text(heads[0]), "; ".join(t for t in map(_text, data) if t)
                if key and value:
                    self.infobox[key] = value
                continue
            if heads:
                if "infobox-above" in heads[0].classes:
                    continue
                text = _text(heads[0])
                label = INFOBOX_LABELS.get(text.lower(), text)
                continue
            for cell in data:
                caption = _find(cell, lambda e: "infobox-caption" in e.classes)
                if caption is not None or _find(cell, lambda e: e.tag == "img"):
                    text = _text(caption) if caption is not None else ""
                    if text:
                        key = "map_caption" if text.lower().startswith("map") else "caption"
                        self.infobox[key] = text
                    continue
                text = _text(cell)
                if not text:
                    continue
                prefix = label or "party"
                counts[prefix] = counts.get(prefix, 0) + 1
                self.infobox[f"{prefix}{counts[prefix]}"] = text

    def table(self, el: _El) -> None:
        # Same choice as the wikitext reader: each data row is a list item, cells joined by
        # "; ", so ambassador and treaty tables keep their facts and citations.
        self.out.flush()
        for row in _rows(el):
            cells = [c for c in row.children if isinstance(c, _El) and c.tag == "td"]
            if not cells:
                continue
            self.out.start("list_item")
            for cell in cells:
                if not _text(cell):
                    continue
                if not self.out.empty:
                    self.out.text = self.out.text.rstrip()
                    self.out.write("; ", -1)
                self.walk(cell)
            self.out.flush()


def _text_raw(el: _El) -> str:
    """All text under ``el``, skipped parts included (for marker texts)."""
    parts: list[str] = []
    for child in el.children:
        parts.append(child.text if isinstance(child, _Text) else _text_raw(child))
    return " ".join("".join(parts).split())


def _interwiki(el: _El) -> bool:
    href = el.attrs.get("href", "")
    return el.tag == "a" and ("extiw" in el.classes or ".wikipedia.org/wiki/" in href)


def _href_target(href: str) -> str:
    """The article a Wikipedia href names: "/wiki/Sergey_Lavrov" → "Sergey Lavrov"."""
    if not href or href.startswith("#"):
        return ""
    parts = urlsplit(href)
    if parts.netloc and not parts.netloc.endswith("en.wikipedia.org"):
        return ""
    if parts.path.startswith("/wiki/"):
        return link_target(unquote(parts.path[6:]))
    if parts.path.endswith("/index.php"):  # a red link: the article does not exist yet
        title = parse_qs(parts.query).get("title", [""])[0]
        return link_target(title)
    if href.startswith("./"):  # Parsoid output
        return link_target(unquote(parts.path[2:]))
    return ""


def _citation_labels(body: _El) -> dict[str, str]:
    """The label each footnote marker shows for the note it points at: ``[a]`` → "a"."""
    labels: dict[str, str] = {}
    for sup in _iter(body):
        if sup.tag != "sup" or "reference" not in sup.classes:
            continue
        a = _find(sup, lambda e: e.tag == "a" and e.attrs.get("href", "").startswith("#"))
        if a is not None:
            labels.setdefault(a.attrs["href"][1:], _text_raw(sup).strip("[] "))
    return labels


def _wiki_title(root: _El) -> str | None:
    h1 = _find(root, lambda e: e.id == "firstHeading")
    if h1 is not None and _text(h1):
        return _text(h1)
    return _page_title(root)


def _page_title(root: _El) -> str | None:
    title = _find(root, lambda e: e.tag == "title")
    if title is None:
        return None
    text = _text_raw(title)
    return re.sub(r"\s+[-–—]\s+Wikipedia$", "", text) or None


def _meta(root: _El, name: str) -> str | None:
    for el in _iter(root):
        if el.tag == "meta" and name in (el.attrs.get("property"), el.attrs.get("name")):
            return el.attrs.get("content") or None
    return None


def _link(root: _El, rel: str) -> str | None:
    el = _find(root, lambda e: e.tag == "link" and e.attrs.get("rel") == rel)
    return el.attrs.get("href") if el is not None else None


def _publication_date(root: _El) -> str | None:
    candidates = [_meta(root, "article:published_time")]
    time = _find(root, lambda e: e.tag == "time" and "datetime" in e.attrs)
    candidates.append(time.attrs["datetime"] if time is not None else None)
    candidates += [_meta(root, "date"), _meta(root, "pubdate"), _meta(root, "dc.date")]
    for value in candidates:
        if not value:
            continue
        m = _ISO_PREFIX.match(value.strip())
        date = iso_date(m.group(1)) if m else iso_date(value)
        if date:
            return date
    return None

