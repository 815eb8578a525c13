"""Read MediaWiki wikitext into the same Document the scraped-page reader makes.

mwparserfromhell gives a lossless node tree (the nodes' source strings add up
to the input), so each node's raw offset is known by adding up lengths; the
walk below renders nodes to clean text, cuts it into Blocks at headings, list
lines, blank lines and tables, and lifts ``<ref>``s, notes and links out as
Marks. Reference numbers follow Wikipedia's rule: the order in which a ref
name first appears; a reused name gets its first number.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

import mwparserfromhell
from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from dyad.datafiles import read_mapping
from dyad.dates import iso_date
from dyad.model import Document, Reference
from dyad.read.build import Block, Mark, build_document
from dyad.read.references import parse_reference
from dyad.read.wikitext_plain import read_plain_wikitext, too_costly

log = logging.getLogger("dyad")

# Wikipedia's bracketed text for inline cleanup templates; they become notes, not text.
EDITORIAL = {
    "citation needed": "citation needed", "cn": "citation needed", "fact": "citation needed",
    "cite needed": "citation needed", "clarify": "clarification needed",
    "clarification needed": "clarification needed", "dubious": "dubious – discuss",
    "when": "when?", "who": "who?", "which": "which?", "by whom": "by whom?",
    "according to whom": "according to whom?", "failed verification": "failed verification",
    "better source needed": "better source needed", "page needed": "page needed",
    "vague": "vague", "verification needed": "verification needed", "update needed":
    "needs update", "specify": "specify", "citation needed span": "citation needed",
}  # fmt: skip

# Templates whose visible text is their first unnamed parameter.
FIRST_PARAM = frozenset(
    """nowrap nobr small big nobold noitalic smallcaps sic nbsp-nowrap abbr lang-nowrap
    nowrap begin bold italic em strong no wrap mvar var math resize font color colour
    highlight hlist-item""".split()
)
# Templates that show their text in a second-parameter slot: {{lang|ru|text}}, {{transl|ru|text}}.
SECOND_PARAM = frozenset({"lang", "transl", "transliteration", "ipa", "ipa-all", "native name"})
NOTE_GROUPS = {
    "efn": "lower-alpha", "efn-la": "lower-alpha", "efn-ua": "upper-alpha",
    "efn-lr": "lower-roman", "efn-ur": "upper-roman", "efn-lg": "lower-greek",
    "notetag": "note", "nb": "nb",
}  # fmt: skip
IMAGE_OPTIONS = re.compile(
    r"^(?:thumb|thumbnail|frame|framed|frameless|border|right|left|center|centre|none|"
    r"upright|baseline|middle|sub|super|text-top|text-bottom|top|bottom|\d*x?\d+\s*px|"
    r"(?:upright|alt|link|page|class|lang|thumb|thumbnail)\s*=.*)$",
    re.I | re.S,
)
_MAGIC_WORD = re.compile(r"__[A-Z]+__")
_INTERWIKI = re.compile(r"^[a-z]{2,3}(?:-[a-z]{2,8})?$")
_LINK_TRAIL = re.compile(r"[a-z]+")
NON_ARTICLE = frozenset(
    """file image category template wikipedia wp help special portal user talk module draft
    mediawiki media""".split()
)
CITE_WORK_KEYS = ("website", "work", "newspaper", "journal", "magazine", "periodical",
                  "encyclopedia", "encyclopaedia", "dictionary")  # fmt: skip


def read_wikitext(
    raw: str, *, doc_id: str, source: str | None = None, title: str | None = None
) -> Document:
    """A Document from a page's wikitext; a ``= Title =`` first line names the page.

    Markup the parser cannot read in bounded time or depth (thousands of unclosed
    templates or tags, nodes nested hundreds deep) is read plainly instead, with a
    warning (dyad.read.wikitext_plain)."""
    if too_costly(raw):
        return _plain(raw, doc_id, source, title, "unbalanced or too deeply nested markup")
    reader = _Reader(raw)
    try:
        reader.walk(mwparserfromhell.parse(raw), 0, top=True)
    except RecursionError:
        return _plain(raw, doc_id, source, title, "markup nested too deeply")
    reader.out.flush()
    return build_document(
        reader.out.blocks,
        doc_id=doc_id,
        title=title or reader.title,
        fmt="wikitext",
        references=reader.references(),
        infobox=reader.infobox,
        source=source,
    )


def _plain(raw: str, doc_id: str, source: str | None, title: str | None,
           why: str) -> Document:
    log.warning("%s: %s; read as plain text", source or doc_id, why)
    return read_plain_wikitext(raw, doc_id=doc_id, source=source, title=title)


class BlockWriter:
    """Collects clean text into Blocks, normalising whitespace and recording raw pieces.

    Shared with the HTML reader: both turn a tree of text nodes with known raw
    offsets into blocks the same way.
    """

    def __init__(self, *, link_trail: bool = False) -> None:
        self.blocks: list[Block] = []
        self.pending: list[Block] = []  # captions met inside a paragraph, placed after it
        self.link_trail = link_trail  # wikitext: "[[Mali]]an" links the whole word
        self._trail: Mark | None = None
        self._new("paragraph")

    def _new(self, kind: str, level: int = 0) -> None:
        self.kind = kind
        self.level = level
        self.until_newline = False  # list lines end at the newline, paragraphs at a blank line
        self.text = ""
        self.marks: list[Mark] = []
        self.pieces: list[tuple[int, int]] = []
        self._trail = None

    @property
    def empty(self) -> bool:
        return not self.text

    def start(self, kind: str, level: int = 0) -> None:
        """End the current block and begin a new one of ``kind``."""
        self.flush()
        self.kind, self.level = kind, level

    def flush(self) -> None:
        text = self.text.rstrip()
        if text:
            end = len(text)
            pieces = [(b, r) for b, r in self.pieces if b < end]
            marks = [_clamp(m, end) for m in self.marks]
            raw_start = pieces[0][1] if pieces else -1
            self.blocks.append(Block(self.kind, text, raw_start, self.level, marks, pieces))
        self.blocks.extend(self.pending)
        self.pending.clear()
        self._new("paragraph")

    def write(self, s: str, raw: int) -> None:
        """Text copied from the raw input at ``raw`` (-1: not a copy)."""
        # the text is grown in a local, the attribute let go meanwhile: a string with one
        # reference is extended in place, one held by the attribute too is copied whole at
        # each word (a 400 KB paragraph took 1.5 s, a 4 MB one minutes)
        text, self.text = self.text, ""
        try:
            for m in re.finditer(r"\s+|\S+", s):
                chunk = m.group()
                if chunk[0].isspace():
                    if text and text[-1] != " ":
                        text += " "
                    self._trail = None
                    continue
                if self._trail is not None and self.link_trail:
                    trail = _LINK_TRAIL.match(chunk)
                    if trail and self._trail.end == len(text):
                        self._trail.end += trail.end()
                self._trail = None
                self._piece(raw + m.start() if raw >= 0 else -1, len(text))
                text += chunk
        finally:
            self.text = text

    def insert(self, s: str, raw: int) -> None:
        """Text the markup implies ("Russian: ") that stands for the markup at ``raw``."""
        self.write(s, -1)
        if raw >= 0 and s.strip():
            # point the inserted words at the markup they came from
            start = len(self.text) - len(s.strip())
            self.pieces = [p for p in self.pieces if p[0] < start]
            self.pieces.append((start, raw))

    @property
    def end(self) -> int:
        """The length of the text without its trailing space (not copied to find it)."""
        end = len(self.text)
        while end and self.text[end - 1].isspace():
            end -= 1
        return end

    def _piece(self, raw: int, at: int) -> None:
        """A piece from ``at`` in the text on, copied from ``raw`` (-1: not a copy)."""
        if raw < 0:
            return
        if self.pieces:
            b, r = self.pieces[-1]
            if r + (at - b) == raw:
                return  # contiguous with the last piece
        self.pieces.append((at, raw))

    def mark(self, kind: str, label: str) -> None:
        """A citation or note at the end of the words written so far."""
        self.marks.append(Mark(self.end, kind, label))
        self._trail = None

    def link(self, start: int, target: str, language: str | None = None) -> Mark | None:
        """A link over the words written since ``start``."""
        end = self.end
        while start < end and self.text[start] == " ":
            start += 1
        if end <= start or not target:
            return None
        mark = Mark(start, "link", target, end, language)
        self.marks.append(mark)
        self._trail = mark
        return mark


def _clamp(mark: Mark, end: int) -> Mark:
    return Mark(min(mark.offset, end), mark.kind, mark.label,
                min(mark.end, end) if mark.end >= 0 else -1, mark.language)  # fmt: skip


@dataclass(slots=True)
class _Ref:
    label: str
    group: str
    content: Wikicode | str | None = None
    pos: int = -1


@dataclass(slots=True)
class _Reader:
    raw: str
    out: BlockWriter = field(default_factory=lambda: BlockWriter(link_trail=True))
    title: str | None = None
    infobox: dict[str, str] = field(default_factory=dict)
    refs: list[_Ref] = field(default_factory=list)  # in label order within each group
    named: dict[tuple[str, str], _Ref] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    newlines: int = 0  # newlines since the last visible text: two end a paragraph
    seen_heading: bool = False

    # --- the walk -------------------------------------------------------------------

    def walk(self, code: Wikicode, pos: int, *, top: bool) -> None:
        for node in code.nodes:
            self.node(node, pos, top=top)
            pos += len(str(node))

    def node(self, node: Node, pos: int, *, top: bool) -> None:
        if isinstance(node, Text):
            self.text(str(node), pos, top)
        elif isinstance(node, Heading):
            self.heading(node, pos, top)
        elif isinstance(node, Wikilink):
            self.wikilink(node, pos, top)
        elif isinstance(node, Template):
            self.template(node, pos, top)
        elif isinstance(node, Tag):
            self.tag(node, pos, top)
        elif isinstance(node, ExternalLink):
            self.external(node, pos)
        elif isinstance(node, HTMLEntity):
            char = node.normalize()
            self.out.write(" " if char.isspace() else char, pos)
            if not char.isspace():
                self.newlines = 0
        elif isinstance(node, Comment | Argument):
            pass  # comments are invisible; {{{args}}} only occur in template source

    def text(self, s: str, pos: int, top: bool) -> None:
        s_clean = _MAGIC_WORD.sub(lambda m: " " * len(m.group()), s)
        if not top:
            self.out.write(s_clean, pos)
            return
        for m in re.finditer(r"\n|[^\n]+", s_clean):
            if m.group() == "\n":
                self.newlines += 1
                if self.out.until_newline or self.newlines >= 2:
                    self.out.flush()  # list lines end at the newline, paragraphs at a blank line
                else:
                    self.out.write(" ", -1)
                continue
            if m.group().strip():
                self.newlines = 0
            self.out.write(m.group(), pos + m.start())

    def heading(self, node: Heading, pos: int, top: bool) -> None:
        level = node.level
        if level == 1 and not self.seen_heading and self.title is None:
            self.title = self.plain(node.title, pos + level)  # outline form: "= Title ="
            self.seen_heading = True
            return
        self.seen_heading = True
        self.out.start("heading", level)
        self.walk(node.title, pos + level, top=False)
        self.out.flush()
        self.newlines = 0

    def wikilink(self, node: Wikilink, pos: int, top: bool) -> None:
        target = str(node.title).strip()
        prefix = target.split(":", 1)[0].strip().lower() if ":" in target else ""
        if prefix in ("file", "image"):
            self.image(node, pos, top)
            return
        if prefix == "category" or (":" in target and _INTERWIKI.match(prefix)):
            return  # categories and interlanguage links are page metadata
        text_pos = pos + 2
        shown: Wikicode = node.title
        if node.text is not None:
            text_pos = pos + 2 + len(str(node.title)) + 1
            shown = node.text
        start = len(self.out.text)
        self.walk(shown, text_pos, top=False)
        self.newlines = 0
        self.out.link(start, link_target(target))

    def image(self, node: Wikilink, pos: int, top: bool) -> None:
        if node.text is None:
            return
        text_pos = pos + 2 + len(str(node.title)) + 1
        caption: tuple[Wikicode, int] | None = None
        for part, at in _split_pipes(node.text, text_pos):
            if not IMAGE_OPTIONS.match(str(part).strip()):
                caption = (part, at)
        if caption is not None:
            self.caption(*caption)

    def caption(self, code: Wikicode, pos: int) -> None:
        """A caption block; inside a paragraph it goes after the paragraph."""
        outer = self.out
        self.out = BlockWriter(link_trail=True)
        self.out.kind = "caption"
        self.walk(code, pos, top=False)
        self.out.flush()
        blocks, self.out = self.out.blocks, outer
        if outer.empty:
            outer.flush()
            outer.blocks.extend(blocks)
        else:
            outer.pending.extend(blocks)

    def external(self, node: ExternalLink, pos: int) -> None:
        if node.title is not None and node.brackets:
            at = pos + len(str(node)) - len(str(node.title)) - 1
            self.walk(node.title, at, top=False)
        elif not node.brackets:
            self.out.write(str(node.url), pos)
        self.newlines = 0

    def tag(self, node: Tag, pos: int, top: bool) -> None:
        name = str(node.tag).strip().lower()
        if name == "ref":
            self.ref(node, pos)
        elif name in ("li", "dd", "dt") and node.wiki_markup:
            if top:
                self.out.start("list_item" if name == "li" else "paragraph")
                self.out.until_newline = True
            self.newlines = 0
        elif name == "table":
            self.table(node, pos)
        elif name in ("br", "hr"):
            self.out.write(" ", -1)
        elif name == "references":
            if node.contents is not None:
                self.definitions(node.contents)
        elif name == "gallery":
            self.gallery(node, pos)
        elif name in ("nowiki", "pre", "code", "tt", "poem"):
            if node.contents is not None:
                self.out.write(str(node.contents), _contents_pos(node, pos))
                self.newlines = 0
        elif name in ("math", "score", "syntaxhighlight", "source", "templatestyles", "timeline",
                      "graph", "mapframe", "maplink", "chem", "ce", "section"):  # fmt: skip
            return
        elif name == "blockquote" and top:
            self.out.start("paragraph")
            self.walk_contents(node, pos, top=False)
            self.out.flush()
        elif node.contents is not None:
            self.walk_contents(node, pos, top=top and name in ("div", "center", "span"))
            if str(node.contents).strip():
                self.newlines = 0

    def walk_contents(self, node: Tag, pos: int, *, top: bool) -> None:
        if node.contents is not None:
            self.walk(node.contents, _contents_pos(node, pos), top=top)

    def template(self, node: Template, pos: int, top: bool) -> None:
        name = _template_name(node)
        params = list(_params(node, pos))
        positional = [(v, at) for k, v, at in params if k.isdigit()]
        named = {k: (v, at) for k, v, at in params}
        if name.startswith("infobox"):
            self.read_infobox(name, params)
            return
        if name in EDITORIAL:
            self.out.mark("note", EDITORIAL[name])
            return
        if name in NOTE_GROUPS or name == "refn":
            group = named["group"][0] if "group" in named else None
            self.note(
                NOTE_GROUPS.get(name, "") if group is None else str(group).strip(),
                str(named["name"][0]).strip() if "name" in named else None,
                named.get("1"),
            )
            return
        if name in ("sfn", "sfnp", "harvnb"):
            self.sfn(positional, named)
            return
        if name in ("r", "rp") or name.startswith("cite") or name == "citation":
            if name == "r":
                for value, _ in positional:
                    self.ref_use("", str(value).strip(), None, -1)
            elif name != "rp":
                self.out.write(self.cite_text(named), pos)  # a citation in a list: its text
            return
        if name == "multiple image":
            for key, (value, at) in named.items():
                if key.startswith("caption") or key == "footer":
                    self.caption(value, at)
            return
        if name.startswith("reflist") or name == "references":
            if "refs" in named:
                self.definitions(named["refs"][0])
            return
        shown = self.inline(name, node, pos, positional, named)
        if shown is None:
            if top and self.newlines and not self.out.empty:
                self.out.flush()  # a block template on its own line ends the paragraph
            return
        self.newlines = 0

    def inline(
        self,
        name: str,
        node: Template,
        pos: int,
        positional: list[tuple[Wikicode, int]],
        named: dict[str, tuple[Wikicode, int]],
    ) -> bool | None:
        """Write an inline template's visible text; None when it shows nothing here."""
        out = self.out
        if name in FIRST_PARAM and positional:
            self.walk(positional[0][0], positional[0][1], top=False)
        elif name in SECOND_PARAM and len(positional) >= 2:
            self.walk(positional[1][0], positional[1][1], top=False)
        elif name.startswith("lang-") or name in ("langx", "lang-x"):
            code = name[5:] if name.startswith("lang-") else str(positional[0][0]).strip()
            values = positional if name.startswith("lang-") else positional[1:]
            if not values:
                return None
            language = _language(code)
            start = len(out.text)
            out.insert(language, pos)
            out.link(start, f"{language} language")  # Wikipedia links the language name
            out.write(": ", -1)
            self.walk(values[0][0], values[0][1], top=False)
        elif name in ("ill", "interlanguage link", "interlanguage link multi", "link-interwiki"):
            if len(positional) < 2:
                return None
            target = self.plain(*positional[0])
            shown = named.get("lt") or positional[0]
            start = len(out.text)
            self.walk(shown[0], shown[1], top=False)
            out.link(start, link_target(target), str(positional[1][0]).strip())
        elif name in ("flag", "flagcountry", "flagu", "flag country") and positional:
            start = len(out.text)
            self.walk(positional[0][0], positional[0][1], top=False)
            out.link(start, link_target(self.plain(*positional[0])))
        elif name == "convert" and positional:
            out.write(_convert(positional), pos)
        elif name in ("us$", "usd"):
            if not positional:
                return None
            out.insert("US$", pos)
            self.walk(positional[0][0], positional[0][1], top=False)
        elif name in ("circa", "c.") and positional:
            out.insert("c. ", pos)
            self.walk(positional[0][0], positional[0][1], top=False)
        elif name in ("as of",) and positional:
            lower = "lc" in named and str(named["lc"][0]).strip()
            out.insert(("as of " if lower else "As of ") + self.plain(*positional[0]), pos)
        elif name in ("start date", "end date", "start date and age", "birth date", "death date",
                      "dts", "date"):  # fmt: skip
            shown = _date_template([self.plain(v, a) for v, a in positional], named)
            if not shown:
                return None
            out.insert(shown, pos)
        elif name in ("ndash", "snd", "spaced ndash", "mdash", "spaced en dash", "en dash"):
            dash = "—" if "mdash" in name else "–"
            out.insert(f" {dash} " if name in ("snd", "spaced ndash", "spaced en dash") else dash,
                       pos)  # fmt: skip
        elif name in ("'", "' \"", "\" '"):
            out.insert("'", pos)
        elif name in ("plainlist", "unbulleted list", "ubl", "flatlist", "hlist", "plain list"):
            values = positional if name in ("ubl", "unbulleted list", "hlist") else positional[:1]
            for i, (value, at) in enumerate(values):
                if i:
                    out.write(", ", -1)
                self.walk(value, at, top=False)
        elif name in ("quote", "blockquote", "quotation") and positional:
            if not out.empty:
                out.flush()
            self.walk(positional[0][0], positional[0][1], top=False)
            out.flush()
        else:
            return None
        return True

    # --- references ---------------------------------------------------------------

    def ref(self, node: Tag, pos: int) -> None:
        attrs = {str(a.name).strip().lower(): str(a.value).strip() for a in node.attributes}
        content = node.contents if not node.self_closing else None
        at = _contents_pos(node, pos) if content is not None else -1
        self.ref_use(attrs.get("group", ""), attrs.get("name"), content, at)

    def ref_use(self, group: str, name: str | None, content: Wikicode | str | None,
                at: int) -> None:  # fmt: skip
        ref = self.named.get((group, name)) if name else None
        if ref is None:
            n = self.counts.get(group, 0) + 1
            self.counts[group] = n
            ref = _Ref(_group_label(group, n), group)
            self.refs.append(ref)
            if name:
                self.named[(group, name)] = ref
        if ref.content is None and content is not None and str(content).strip():
            ref.content, ref.pos = content, at
        self.out.mark("citation", ref.label)

    def note(self, group: str, name: str | None, body: tuple[Wikicode, int] | None) -> None:
        self.ref_use(group, name, body[0] if body else None, body[1] if body else -1)

    def sfn(self, positional: list[tuple[Wikicode, int]],
            named: dict[str, tuple[Wikicode, int]]) -> None:  # fmt: skip
        names = [str(v).strip() for v, _ in positional]
        if not names:
            return
        year = names.pop() if names[-1][:4].isdigit() else ""
        authors = " & ".join(names) if len(names) <= 2 else f"{names[0]} et al."
        text = f"{authors} {year}".strip()
        for key, shown in (("p", "p."), ("page", "p."), ("pp", "pp."), ("pages", "pp."),
                           ("loc", "")):  # fmt: skip
            if key in named:
                text += f", {shown} {str(named[key][0]).strip()}".replace("  ", " ")
                break
        self.ref_use("", "sfn:" + text, text + ".", -1)

    def definitions(self, code: Wikicode) -> None:
        """List-defined refs (``{{reflist|refs=…}}``): contents for names used in the text."""
        for tag in code.filter_tags(recursive=False, matches=lambda t: t.tag.strip() == "ref"):
            attrs = {str(a.name).strip().lower(): str(a.value).strip() for a in tag.attributes}
            ref = self.named.get((attrs.get("group", ""), attrs.get("name", "")))
            if ref is not None and ref.content is None and tag.contents is not None:
                ref.content = tag.contents
                ref.pos = -1

    def references(self) -> list[Reference]:
        """Note groups first, then the numbered list, as Wikipedia lays them out."""
        done: list[Reference] = []
        i = 0
        while i < len(self.refs):  # refs inside notes are numbered as their notes are read
            done.append(self.reference(self.refs[i]))
            i += 1
        notes = [r for r in done if not r.label.isdigit()]
        return notes + [r for r in done if r.label.isdigit()]

    def reference(self, ref: _Ref) -> Reference:
        if ref.content is None:
            return Reference(label=ref.label, text="")
        if isinstance(ref.content, str):
            return parse_reference(ref.label, ref.content)
        cites = [t for t in ref.content.filter_templates(recursive=False)
                 if _is_cite(_template_name(t))]  # fmt: skip
        text = self.plain(ref.content, ref.pos)
        if not cites or ref.group:
            return parse_reference(ref.label, text)
        fields = {k: (v, a) for k, v, a in _params(cites[0], -1)}
        return _cite_reference(ref.label, text, {k: self.plain(v, a) for k, (v, a) in
                                                 fields.items()})  # fmt: skip

    def cite_text(self, named: dict[str, tuple[Wikicode, int]]) -> str:
        return _cite_reference("", "", {k: self.plain(v, a) for k, (v, a) in named.items()}).text

    # --- infobox, tables, galleries -----------------------------------------------

    def read_infobox(self, name: str, params: list[tuple[str, Wikicode, int]]) -> None:
        positional: list[str] = []
        for key, value, at in params:
            text = self.plain(value, at)
            if not text:
                continue
            if key.isdigit():
                positional.append(text)
            else:
                self.infobox[key] = text
        if name == "infobox bilateral relations":
            # {{Infobox bilateral relations|Mali–Russia|Mali|Russia}}: the pair's name, then parties
            if len(positional) == 3 and "–" in positional[0]:
                positional = positional[1:]
            for n, party in enumerate(positional, 1):
                self.infobox.setdefault(f"party{n}", party)
        else:
            for n, value in enumerate(positional, 1):
                self.infobox.setdefault(str(n), value)

    def table(self, node: Tag, pos: int) -> None:
        # Tables on relations pages list ambassadors, visits and treaties with dates; dropping
        # them would lose facts, so each data row becomes a list item (cells joined by "; ")
        # and keeps its citations. Header rows are layout, not facts.
        self.out.flush()
        if node.contents is None:
            return
        for row in _table_rows(node, pos):
            cells = [(c, p) for c, p in row if str(c.tag).strip().lower() == "td"]
            if not cells:
                continue
            self.out.start("list_item")
            for i, (cell, cell_pos) in enumerate(cells):
                if cell.contents is None or not str(cell.contents).strip():
                    continue
                if i and not self.out.empty:
                    self.out.text = self.out.text.rstrip()
                    self.out.write("; ", -1)
                self.walk_contents(cell, cell_pos, top=False)
            self.out.flush()
        self.newlines = 0

    def gallery(self, node: Tag, pos: int) -> None:
        if node.contents is None:
            return
        at = _contents_pos(node, pos)
        for m in re.finditer(r"[^\n]+", str(node.contents)):
            if "|" in m.group():
                cap_at = at + m.start() + m.group().rindex("|") + 1
                cap = m.group()[m.group().rindex("|") + 1 :]
                if not IMAGE_OPTIONS.match(cap.strip()):
                    self.caption(mwparserfromhell.parse(cap), cap_at)

    # --- helpers ------------------------------------------------------------------

    def plain(self, code: Wikicode, pos: int = -1) -> str:
        """The visible text of ``code`` on one line (marks are kept only for refs' numbers)."""
        outer, self.out = self.out, BlockWriter(link_trail=True)
        newlines = self.newlines
        self.walk(code, pos, top=False)
        text = self.out.text.strip()
        self.out, self.newlines = outer, newlines
        return text


def _template_name(node: Template) -> str:
    name = str(node.name).strip().replace("_", " ")
    name = re.sub(r"\s+", " ", name.split("<!--")[0]).strip().lower()
    return name[9:].strip() if name.startswith("template:") else name


def _is_cite(name: str) -> bool:
    return name.startswith("cite ") or name in ("citation", "cite")


def _params(node: Template, pos: int) -> Iterator[tuple[str, Wikicode, int]]:
    """(name, value, raw offset of the value) for each parameter of a template."""
    at = pos + 2 + len(str(node.name)) if pos >= 0 else -1
    for param in node.params:
        at = at + 1 if at >= 0 else -1  # the "|"
        value_at = at + (len(str(param.name)) + 1 if param.showkey else 0) if at >= 0 else -1
        yield str(param.name).strip().lower(), param.value, value_at
        at = at + len(str(param)) if at >= 0 else -1


def _contents_pos(node: Tag, pos: int) -> int:
    if pos < 0 or node.contents is None:
        return -1
    source = str(node)
    if node.wiki_markup:
        found = source.find(str(node.contents), len(node.wiki_markup))
    else:
        found = source.find(str(node.contents), source.find(">") + 1)
    return pos + found if found >= 0 else pos


def _split_pipes(code: Wikicode, pos: int) -> Iterator[tuple[Wikicode, int]]:
    """Split a link's text at the pipes that are not inside nested links or templates."""
    parts: list[list[Node]] = [[]]
    starts = [pos]
    at = pos
    for node in code.nodes:
        if isinstance(node, Text) and "|" in str(node):
            pieces = str(node).split("|")
            for i, piece in enumerate(pieces):
                if i:
                    parts.append([])
                    starts.append(at + 1)
                    at += 1
                if piece:
                    parts[-1].append(Text(piece))
                at += len(piece)
            continue
        parts[-1].append(node)
        at += len(str(node))
    for nodes, start in zip(parts, starts, strict=True):
        yield Wikicode(nodes), start


def _table_rows(node: Tag, pos: int) -> Iterator[list[tuple[Tag, int]]]:
    at = _contents_pos(node, pos)
    row: list[tuple[Tag, int]] = []
    assert node.contents is not None
    for child in node.contents.nodes:
        if isinstance(child, Tag) and str(child.tag).strip().lower() == "tr":
            if row:
                yield row
                row = []
            cell_at = _contents_pos(child, at)
            for cell in child.contents.nodes if child.contents is not None else []:
                if isinstance(cell, Tag) and str(cell.tag).strip().lower() in ("td", "th"):
                    row.append((cell, cell_at))
                cell_at += len(str(cell))
            yield row
            row = []
        elif isinstance(child, Tag) and str(child.tag).strip().lower() in ("td", "th"):
            row.append((child, at))  # cells before the first "|-"
        at += len(str(child))
    if row:
        yield row


def link_target(target: str) -> str:
    """A page name as Wikipedia shows it in URLs: no fragment, spaces, first letter upper."""
    target = target.split("#", 1)[0].replace("_", " ").strip().lstrip(":")
    target = re.sub(r"\s+", " ", target)
    if ":" in target and target.split(":", 1)[0].lower() in NON_ARTICLE:
        return ""
    return target[:1].upper() + target[1:]


def _group_label(group: str, n: int) -> str:
    if group in ("", None):
        return str(n)
    if group == "lower-alpha":
        return note_letters(n)
    if group == "upper-alpha":
        return note_letters(n).upper()
    if group in ("lower-roman", "upper-roman"):
        roman = _roman(n)
        return roman if group == "upper-roman" else roman.lower()
    if group == "lower-greek":
        return "αβγδεζηθικλμνξοπρστυφχψω"[(n - 1) % 24]
    return f"{group} {n}"  # [note 1], [n 1]


def note_letters(n: int) -> str:
    """Wikipedia's note labels: 1 → "a", 26 → "z", 27 → "aa"."""
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):  # fmt: skip
        while n >= value:
            out += numeral
            n -= value
    return out


def _convert(positional: list[tuple[Wikicode, int]]) -> str:
    """{{convert|60000|t}} → "60,000 tonnes"; the converted figure is left out."""
    values = [str(v).strip() for v, _ in positional]
    words: list[str] = []
    for value in values:
        number = value.replace(",", "")
        if re.fullmatch(r"-?\d+(?:\.\d+)?", number):
            whole, _, frac = number.partition(".")
            words.append(f"{int(whole):,}" + (f".{frac}" if frac else ""))
        elif value in ("to", "and", "-", "–", "or", "by", "x", "+/-"):
            words.append("–" if value in ("-", "–") else value)
        else:
            words.append(_convert_units().get(value, value))
            break
    return " ".join(words).replace(" – ", "–")


@cache
def _convert_units() -> dict[str, str]:
    """{{convert}} unit code → the words shown after the number (convert_units.tsv)."""
    return read_mapping("wikitext/convert_units.tsv", "code", "words")


@cache
def _languages() -> dict[str, str]:
    """ISO 639-1 code → English language name (languages.tsv)."""
    return read_mapping("wikitext/languages.tsv", "code", "name")


def _language(code: str) -> str:
    """The English name of a language code ("ru" → "Russian"); an unknown code stays as
    written rather than being guessed."""
    return _languages().get(code.lower(), code)


def _date_template(values: list[str], named: dict[str, tuple[Wikicode, int]]) -> str | None:
    nums = [v for v in values if v.isdigit()]
    months = ("January February March April May June July August September October "
              "November December").split()  # fmt: skip
    if not nums:
        return values[0] if values else None
    year = nums[0]
    if len(nums) == 1:
        return year
    month = months[int(nums[1]) - 1] if 1 <= int(nums[1]) <= 12 else None
    if month is None:
        return year
    if len(nums) == 2:
        return f"{month} {year}"
    day = int(nums[2])
    if "df" in named:
        return f"{day} {month} {year}"
    return f"{month} {day}, {year}"


def _cite_reference(label: str, text: str, f: dict[str, str]) -> Reference:
    """A Reference from a CS1 template's fields; ``text`` is the rendering when known."""

    def get(*keys: str) -> str | None:
        for key in keys:
            if f.get(key):
                return f[key]
        return None

    authors: list[str] = []
    for n in ["", *map(str, range(1, 10))]:
        last = get(f"last{n}", f"surname{n}", f"author{n}-last")
        first = get(f"first{n}", f"given{n}", f"author{n}-first")
        author = get(f"author{n}")
        if last:
            authors.append(f"{last}, {first}" if first else last)
        elif author:
            authors.append(author)
    if not authors and get("authors", "vauthors"):
        authors = [a.strip() for a in re.split(r"[;]", get("authors", "vauthors") or "")]
    chapter = get("chapter", "contribution", "entry", "article")
    book = get("title")
    title = chapter or book
    work = book if chapter else get(*CITE_WORK_KEYS)
    date_text = get("date") or " ".join(x for x in (get("month"), get("year")) if x) or None
    language = get("language", "lang")
    if language:
        language = ", ".join(_language(c.strip()) for c in language.split(","))
    ref = Reference(
        label=label,
        text=text,
        title=title,
        authors=authors,
        date=iso_date(date_text) if date_text else None,
        work=work,
        publisher=get("publisher", "agency"),
        url=get("url"),
        isbn=get("isbn", "isbn13"),
        doi=get("doi"),
        language=language,
        accessed=_iso(get("access-date", "accessdate")),
        archived=_iso(get("archive-date", "archivedate")),
        quote=get("quote"),
    )
    if not text or text == ref.url:
        ref.text = _render_cite(ref, f, date_text, chapter is not None)
    return ref


def _iso(text: str | None) -> str | None:
    return iso_date(text) if text else None


def _render_cite(ref: Reference, f: dict[str, str], date_text: str | None, chapter: bool) -> str:
    """The CS1 rendering: Authors (Date). "Title". Work (in Lang). Publisher. ISBN. Retrieved."""
    parts: list[str] = []
    if ref.authors:
        parts.append("; ".join(ref.authors) + (f" ({date_text})." if date_text else "."))
    book = not chapter and ref.isbn is not None and ref.work is None
    if ref.title:
        title = ref.title if book else f'"{ref.title}"'
        trans = f.get("trans-title") or f.get("trans_title")
        parts.append(title + (f" [{trans}]" if trans else "") + ".")
    if ref.work:
        parts.append(ref.work + ".")
    if ref.language:
        if parts:
            parts[-1] = parts[-1][:-1] + f" (in {ref.language})."
        else:
            parts.append(f"(in {ref.language}).")
    if ref.publisher:
        parts.append(ref.publisher + ".")
    if date_text and not ref.authors:
        parts.append(date_text + ".")
    page = f.get("page") or f.get("p")
    pages = f.get("pages") or f.get("pp")
    if page:
        parts.append(f"p. {page}.")
    elif pages:
        parts.append(f"pp. {pages}.")
    if ref.isbn:
        parts.append(f"ISBN {ref.isbn}.")
    if ref.doi:
        parts.append(f"doi:{ref.doi}.")
    archive_date = f.get("archive-date") or f.get("archivedate")
    if archive_date:
        parts.append(f"Archived from the original on {archive_date}.")
    access = f.get("access-date") or f.get("accessdate")
    if access:
        parts.append(f"Retrieved {access}.")
    if ref.quote:
        parts.append(ref.quote)
    return " ".join(parts)
