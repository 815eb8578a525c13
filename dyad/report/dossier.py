"""The dossier of a pair of states: everything a report or the web's dyad page shows.

``build_dossier(kb, a, b)`` gathers it from a KnowledgeBase; ``assemble`` builds
it from contract records, so the same dossier can come from any store. It holds
plain data (records stay contract dicts) and renders nothing: ``dyad.report.html``
turns it into a page.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from dyad.dates import days_in_month

if TYPE_CHECKING:
    from dyad.kb import KnowledgeBase

Record = dict[str, Any]
REFERENCE_FIELDS = ("title", "authors", "work", "publisher", "date", "url", "doi", "isbn",
                    "language", "accessed", "archived", "text")
RELATIONS_KINDS = ("diplomatic_relations",)
RECOGNITION_KINDS = ("recognition",)
MISSION_KINDS = ("embassy", "consulate")
AMBASSADOR_KINDS = ("ambassador",)
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MODIFIER_WORDS = {"before": "before", "after": "after", "since": "since", "early": "early",
                  "mid": "mid", "late": "late", "approx": "c.", "until": "until"}


@dataclass(slots=True)
class Side:
    code: str
    name: str


@dataclass(slots=True)
class Telling:
    """One document's telling of a record: the sentence, where it stands, its footnotes."""

    document: str
    title: str | None
    section: str | None
    sentence: int
    start: int
    end: int
    text: str
    notes: list[int]  # numbers in the dossier's reference list


@dataclass(slots=True)
class Item:
    """An event or fact with what a page needs beside the contract record."""

    id: str
    record: Record
    date_label: str
    span: tuple[float, float] | None  # decimal years the When covers; None when undated
    tellings: list[Telling]
    # an ambassador's tenure with no end of its own ends when the next one takes up the post
    until: str | None = None

    @property
    def is_event(self) -> bool:
        return self.record.get("record") == "event"


@dataclass(slots=True)
class ReferenceEntry:
    number: int
    document: str
    document_title: str | None
    label: str
    fields: dict[str, Any]  # REFERENCE_FIELDS that the reference list gives


@dataclass(slots=True)
class KeyFacts:
    relations: list[Item] = field(default_factory=list)
    recognitions: list[Item] = field(default_factory=list)
    missions: list[Item] = field(default_factory=list)  # embassies and consulates
    ambassadors_current: list[Item] = field(default_factory=list)
    ambassadors_past: list[Item] = field(default_factory=list)
    other: list[Item] = field(default_factory=list)  # treaties, accreditations, ...
    # (from, until) of each stretch with relations: established or restored opens one,
    # severed or suspended closes it; None where the text gives no date
    relation_periods: list[tuple[str | None, str | None]] = field(default_factory=list)


@dataclass(slots=True)
class Dossier:
    a: Side
    b: Side
    events: list[Item]
    facts: list[Item]
    key_facts: KeyFacts
    series: list[dict[str, Any]]  # one row per year, first to last, zero-filled
    references: list[ReferenceEntry]
    documents: list[Record]
    built_at: str
    source: str | None = None  # the knowledge base it came from
    strict: bool = False
    # events and facts under LOW_CONFIDENCE: shown apart, left out of everything above
    uncertain: list[Item] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.events and not self.facts and not self.uncertain

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def build_dossier(kb: KnowledgeBase, a: str, b: str, *, strict: bool = False,
                  source: str | None = None, min_confidence: float | None = None) -> Dossier:
    """The dossier of states ``a`` and ``b`` (names or codes) from a knowledge base; with
    ``min_confidence``, the records less sure than that are left out altogether.

    An unknown country raises DataError (from ``kb.country``).
    """
    from dyad.kb.countries import name_of

    code_a, code_b = kb.country(a), kb.country(b)
    records = kb.timeline(code_a, code_b, strict=strict, min_confidence=min_confidence)
    # the yearly curve counts the events shown, not those set apart or left out
    whole = min_confidence is None and not any(_uncertain(r) for r in records)
    doc_ids = sorted({t["evidence"]["document"] for r in records for t in _tellings_of(r)})
    documents = {d: doc for d in doc_ids if (doc := kb.document(d)) is not None}
    return assemble(
        Side(code_a, name_of(code_a)), Side(code_b, name_of(code_b)), records,
        references={d: kb.references(d) for d in doc_ids}, documents=documents,
        series=kb.series(code_a, code_b, by="year", strict=strict) if whole else None,
        source=source, strict=strict)


def assemble(a: Side, b: Side, records: Iterable[Record], *,
             references: Mapping[str, list[Record]] | None = None,
             documents: Mapping[str, Record] | None = None,
             series: list[dict[str, Any]] | None = None,
             built_at: str | None = None, source: str | None = None,
             strict: bool = False) -> Dossier:
    """A dossier from the pair's event and fact records (other records are ignored).

    ``references`` maps a document id to its reference records, ``documents`` a
    document id to its document record; ``series`` is the knowledge base's yearly
    series (computed from the events when not given).
    """
    notes = _Footnotes(references or {}, documents or {})
    events, facts, uncertain = [], [], []
    for r in sorted(records, key=_order):
        if r.get("record") not in ("event", "fact"):
            continue
        when = r.get("date") if r["record"] == "event" else r.get("valid")
        item = Item(r["id"], r, date_label(when), span_of(when), notes.tellings(r))
        if _uncertain(r):
            uncertain.append(item)
        else:
            (events if r["record"] == "event" else facts).append(item)
    used = sorted({t.document for i in (*events, *facts, *uncertain) for t in i.tellings})
    docs = [(documents or {}).get(d) or {"record": "document", "id": d, "title": None}
            for d in used]
    return Dossier(
        a=a, b=b, events=events, facts=facts, key_facts=key_facts(facts),
        series=fill_years(series if series is not None else yearly_series(events)),
        references=notes.entries, documents=docs,
        built_at=built_at or dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        source=source, strict=strict, uncertain=uncertain)


def _uncertain(record: Record) -> bool:
    confidence = record.get("confidence")
    return isinstance(confidence, int | float) and confidence < LOW_CONFIDENCE


def _tellings_of(record: Record) -> list[Record]:
    """Each document's telling: ``sources`` of a merged record, else its own evidence."""
    sources = record.get("sources")
    if sources:
        return sources
    return [{"evidence": record["evidence"], "citations": record.get("citations") or []}]


class _Footnotes:
    """Numbers the references in the order the dossier first cites them."""

    def __init__(self, references: Mapping[str, list[Record]],
                 documents: Mapping[str, Record]) -> None:
        self.by_label = {(doc, str(ref.get("label"))): ref
                         for doc, refs in references.items() for ref in refs}
        self.documents = documents
        self.numbers: dict[tuple[str, str], int] = {}
        self.entries: list[ReferenceEntry] = []

    def number(self, doc: str, citation: Record) -> int:
        key = (doc, str(citation.get("label")))
        if key not in self.numbers:
            # the parsed reference list first; the citation carries the same fields otherwise
            ref = self.by_label.get(key) or citation
            fields = {f: ref[f] for f in REFERENCE_FIELDS if ref.get(f)}
            title = (self.documents.get(doc) or {}).get("title")
            self.numbers[key] = len(self.entries) + 1
            self.entries.append(ReferenceEntry(len(self.entries) + 1, doc, title, key[1], fields))
        return self.numbers[key]

    def tellings(self, record: Record) -> list[Telling]:
        out = []
        for source in _tellings_of(record):
            ev = source["evidence"]
            doc = ev["document"]
            out.append(Telling(
                document=doc, title=ev.get("title"), section=ev.get("section"),
                sentence=ev.get("sentence", 0), start=ev.get("start", 0), end=ev.get("end", 0),
                text=ev.get("text") or "",
                notes=list(dict.fromkeys(self.number(doc, c)
                                         for c in source.get("citations") or []))))
        return out


def _order(record: Record) -> tuple[int, str, str]:
    """Dated records in time order (ISO strings at mixed precision sort right), undated last."""
    when = (record.get("date") if record.get("record") == "event" else record.get("valid")) or {}
    key = when.get("start") or when.get("end")
    return (0, key, record.get("id", "")) if key else (1, "", record.get("id", ""))


# -- key facts -------------------------------------------------------------


# Records under this confidence are shown apart from the rest: held apart from training,
# the scorer's two-state events under 0.6 were right about half the time
# (dyad/data/model/event_scorer.json, "calibration")
LOW_CONFIDENCE = 0.6

# an ambassador told as in post, or nominated to it (PLOVER's "planned")
IN_POST = ("asserted", "reported", "planned")


def key_facts(facts: list[Item]) -> KeyFacts:
    """The standing facts grouped for the header. Ambassadors of one sending state follow
    one another: a tenure with no end of its own ends when the next ambassador (another
    person, nominated or in post) takes up the post, and the latest is the current one."""
    out = KeyFacts()
    ambassadors: dict[str, list[Item]] = defaultdict(list)
    for item in facts:
        kind = item.record.get("kind")
        if kind in RELATIONS_KINDS:
            out.relations.append(item)
        elif kind in RECOGNITION_KINDS:
            out.recognitions.append(item)
        elif kind in MISSION_KINDS:
            out.missions.append(item)
        elif kind in AMBASSADOR_KINDS:
            ambassadors[(item.record.get("subject") or {}).get("country") or ""].append(item)
        else:
            out.other.append(item)
    for items in ambassadors.values():
        in_post = [i for i in items if (i.record.get("status") or "asserted") in IN_POST]
        for k, item in enumerate(in_post):  # items come in time order, undated last
            if (item.record.get("valid") or {}).get("end"):
                continue
            after = next((n for n in in_post[k + 1:] if _person(n) != _person(item)), None)
            item.until = ((after.record.get("valid") or {}).get("start") or None) \
                if after else None
        open_ended = [i for i in in_post if not (i.record.get("valid") or {}).get("end")
                      and i.until is None]
        current = open_ended[-1] if open_ended else None
        for item in items:
            (out.ambassadors_current if item is current else out.ambassadors_past).append(item)
    out.relation_periods = relation_periods(out.relations)
    return out


def relation_periods(relations: list[Item]) -> list[tuple[str | None, str | None]]:
    """Stretches of relations from the relations facts in time order: a start opens one
    (unless one is open), an end closes the open one ("severed in 1961", "restored on 20
    July 2015" give 1961's close and 2015's reopening)."""
    periods: list[tuple[str | None, str | None]] = []
    open_from: str | None = None
    is_open = False
    for item in relations:
        if (item.record.get("status") or "asserted") not in IN_POST:
            continue
        valid = item.record.get("valid") or {}
        start, end = valid.get("start"), valid.get("end")
        if start and end:
            periods.append((start, end))
        elif start and not is_open:
            open_from, is_open = start, True
        elif end:
            periods.append((open_from if is_open else None, end))
            open_from, is_open = None, False
    if is_open:
        periods.append((open_from, None))
    return sorted(periods, key=lambda p: p[0] or p[1] or "")


def _person(item: Item) -> str:
    return ((item.record.get("person") or {}).get("name") or "").casefold()


# -- dates -----------------------------------------------------------------


def _parts(value: str | None) -> tuple[int, int | None, int | None] | None:
    if not value or len(value) < 4 or not value[:4].isdigit():
        return None
    try:
        year = int(value[:4])
        month = int(value[5:7]) if len(value) >= 7 else None
        day = int(value[8:10]) if len(value) >= 10 else None
    except ValueError:
        return year, None, None
    if month is not None and not 1 <= month <= 12:
        return year, None, None
    if day is not None and month is not None and not 1 <= day <= days_in_month(year, month):
        return year, month, None
    return year, month, day


def _decimal(year: int, month: int, day: float) -> float:
    return year + (month - 1) / 12 + (day - 1) / (12 * days_in_month(year, month))


def span_of(when: Mapping[str, Any] | None) -> tuple[float, float] | None:
    """The decimal years from the first to the end of the last day the When can mean."""
    when = when or {}
    first = _parts(when.get("start")) or _parts(when.get("end"))
    last = _parts(when.get("end")) or _parts(when.get("start"))
    if first is None or last is None:
        return None
    y0, m0, d0 = first
    lo = _decimal(y0, m0 or 1, d0 or 1)
    y1, m1, d1 = last
    if m1 is None:
        hi = y1 + 1.0
    elif d1 is None:
        hi = _decimal(y1, m1, days_in_month(y1, m1) + 1)
    else:
        hi = _decimal(y1, m1, d1 + 1)
    return lo, max(hi, lo)


def _written(value: str | None) -> str:
    p = _parts(value)
    if p is None:
        return value or ""
    year, month, day = p
    if month is None:
        return f"{year}"
    if day is None:
        return f"{MONTH_ABBR[month - 1]} {year}"
    return f"{day} {MONTH_ABBR[month - 1]} {year}"


def date_label(when: Mapping[str, Any] | None) -> str:
    """"18 Feb 1967", "1980s", "1967 – 1991", "before 1990"; "undated" without a date."""
    when = when or {}
    start, end = when.get("start"), when.get("end")
    if not start and not end:
        return "undated"
    if (when.get("precision") == "decade" and start and end and len(start) == 4
            and start.endswith("0") and end == f"{int(start) + 9}"):
        label = f"{start}s"
    elif start and end and end != start:
        label = f"{_written(start)} – {_written(end)}"
    elif start:
        label = _written(start)
    else:
        label = f"until {_written(end)}"
    word = MODIFIER_WORDS.get(when.get("modifier") or "")
    return f"{word} {label}" if word else label


# -- the cooperation-conflict series ----------------------------------------


def yearly_series(events: list[Item]) -> list[dict[str, Any]]:
    """Per year of an event's start: event count, quad-class counts, Goldstein total and mean.

    The shape of ``KnowledgeBase.series(by="year")``, for dossiers built from records.
    """
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    totals: dict[str, float] = defaultdict(float)
    scored: Counter[str] = Counter()
    for item in events:
        when = item.record.get("date") or {}
        p = _parts(when.get("start"))
        if p is None:
            continue
        year = f"{p[0]:04d}"
        rows[year]["events"] += 1
        quad = item.record.get("quad_class")
        if quad in (1, 2, 3, 4):
            rows[year][f"quad{quad}"] += 1
        g = item.record.get("goldstein")
        if isinstance(g, int | float):
            totals[year] += g
            scored[year] += 1
    return [{"period": y, "events": rows[y]["events"],
             **{f"quad{q}": rows[y][f"quad{q}"] for q in (1, 2, 3, 4)},
             "goldstein_total": round(totals[y], 2),
             "goldstein_mean": round(totals[y] / scored[y], 2) if scored[y] else None}
            for y in sorted(rows)]


def fill_years(series: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every year from the first to the last, years without events as zeros."""
    by_year = {str(row["period"])[:4]: row for row in series
               if str(row.get("period"))[:4].isdigit()}
    if not by_year:
        return []
    first, last = int(min(by_year)), int(max(by_year))
    out = []
    for year in range(first, last + 1):
        row = by_year.get(f"{year:04d}")
        out.append({"period": f"{year:04d}", "events": 0, "quad1": 0, "quad2": 0, "quad3": 0,
                    "quad4": 0, "goldstein_total": 0.0, "goldstein_mean": None, **(row or {})})
    return out
