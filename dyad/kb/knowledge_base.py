"""KnowledgeBase: the library's one entry to the store (the CLI, report and web use it)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Engine, or_, select

from dyad.errors import DatabaseError, DataError, DyadError
from dyad.kb import countries, queries, store, vocabulary
from dyad.kb.export import Records
from dyad.kb.icews import icews_rows
from dyad.kb.ingest import IngestResult, counts, store_document
from dyad.kb.network import Network, build_network
from dyad.kb.pairs import counted, sure_enough
from dyad.kb.panel import PANEL_PERIODS, Panel, build_panel
from dyad.kb.periods import range_bound, sort_key
from dyad.kb.schema import event_pairs, facts
from dyad.kb.sources import RecordGroup, iter_inputs
from dyad.model import Document
from dyad.pipeline import DocumentFailed, document_name, error_summary, extract_records, failure
from dyad.read import DEFAULT_MAX_BYTES
from dyad.read.select import Selection

Dyad = tuple[str, str]
# records files are stored this many documents (or records) a transaction
RECORDS_BATCH_DOCUMENTS = 200
RECORDS_BATCH_RECORDS = 20_000


@dataclass
class IngestSummary:
    """A run of ``KnowledgeBase.ingest``: what was stored and what was skipped, and why."""

    results: list[IngestResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one line per bad input

    @property
    def documents(self) -> int:
        return sum(1 for r in self.results if r.status != "unchanged")

    @property
    def unchanged(self) -> int:
        return sum(1 for r in self.results if r.status == "unchanged")

    @property
    def replaced(self) -> int:
        return sum(1 for r in self.results if r.status == "replaced")

    @property
    def events(self) -> int:
        return sum(r.events for r in self.results if r.status != "unchanged")

    @property
    def facts(self) -> int:
        return sum(r.facts for r in self.results if r.status != "unchanged")

    @property
    def merged(self) -> int:
        return sum(r.merged for r in self.results)

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "unchanged": self.unchanged,
                "replaced": self.replaced, "events": self.events, "facts": self.facts,
                "merged": self.merged, "skipped": list(self.skipped)}


class KnowledgeBase:
    """Documents' events and facts, merged across documents, queryable by dyad and time."""

    def __init__(self, engine: Engine, name: str) -> None:
        self.engine = engine
        self.name = name

    @classmethod
    def open(cls, db: str | None = None, *, create: bool = True) -> KnowledgeBase:
        """A SQLite path or a postgresql:// URL; None → $DYAD_DB → ./dyad.db.

        ``create=False`` refuses a SQLite file that does not exist yet.
        """
        engine, name = store.open_engine(db, create=create)
        return cls(engine, name)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # -- storing ------------------------------------------------------------------

    def ingest_records(self, records: Iterable[dict[str, Any]], *,
                       sentences: list[dict[str, Any]] | None = None) -> IngestResult:
        """One document's records (document, reference*, event*, fact*) in one transaction.

        ``sentences`` ({"sentence", "section", "start", "end", "text"}) feed search;
        without them, the evidence sentences of the records are indexed.
        """
        items = list(records)
        with store.errors(self.name), store.write(self.engine) as conn:
            return store_document(conn, items, sentences)

    def ingest(self, paths: Iterable[str], *, input_format: str | None = None,
               gazetteer: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
               on_error: Callable[[DyadError], None] | None = None,
               progress: Callable[[IngestResult | None], None] | None = None,
               select: Selection | None = None, limit: int | None = None,
               min_confidence: float | None = None) -> IngestSummary:
        """Read, extract and store documents, each in its own transaction.

        JSON lines of contract records (what ``dyad extract`` prints) are stored as they
        are, a document at a time. A bad input is skipped with its reason (passed to
        ``on_error`` as well), and so is a document that fails to extract or store (its
        transaction rolled back); a DataError (a bad gazetteer, the database) stops the run.
        ``progress`` is called after each document (None for a skipped one). Records
        files (JSON lines of records, Parquet part files) are stored
        ``RECORDS_BATCH_DOCUMENTS`` documents a transaction, each behind a savepoint.
        ``select`` picks documents by title, ``limit`` stops after that many inputs.
        With ``min_confidence``, events and facts less sure than that are not stored.
        """
        summary = IngestSummary()

        def skip(error: DyadError) -> None:
            summary.skipped.append(str(error))
            if on_error is not None:
                on_error(error)
            if progress is not None:
                progress(None)

        def stored(result: IngestResult) -> None:
            summary.results.append(result)
            if progress is not None:
                progress(result)

        items: Iterable[Document | RecordGroup] = iter_inputs(
            paths, input_format=input_format, max_bytes=max_bytes, on_error=skip,
            select=select)
        if limit is not None:
            items = islice(items, limit)
        batch: list[RecordGroup] = []
        for item in items:
            if isinstance(item, RecordGroup):  # records as they are: stored in batches
                batch.append(item)
                if (len(batch) >= RECORDS_BATCH_DOCUMENTS
                        or sum(len(g.records) for g in batch) >= RECORDS_BATCH_RECORDS):
                    self._store_groups(batch, stored, skip, min_confidence)
                    batch = []
                continue
            self._store_groups(batch, stored, skip, min_confidence)
            batch = []
            try:
                result = self._ingest_item(item, gazetteer, min_confidence)
            except DocumentFailed as e:  # a DataError is not: it stops the run
                skip(e)
                continue
            stored(result)
        self._store_groups(batch, stored, skip, min_confidence)
        return summary

    def _store_groups(self, groups: list[RecordGroup], stored: Callable[[IngestResult], None],
                      skip: Callable[[DyadError], None],
                      min_confidence: float | None = None) -> None:
        """Documents' records read from record files, in one transaction: a document that
        cannot be stored is rolled back to its savepoint and skipped, the others stay.
        (A transaction a document costs ~10 ms of commit on SQLite; a batch costs it once.)"""
        if not groups:
            return
        results: list[IngestResult] = []
        failures: list[DyadError] = []
        with store.errors(self.name), store.write(self.engine) as conn:
            for group in groups:
                name = (f"{group.source}: line {group.line}: document "
                        f"{group.records[0].get('id')!r}")
                savepoint = conn.begin_nested()
                try:
                    records = group.records
                    if min_confidence is not None:
                        records = [r for r in records if sure_enough(r, min_confidence)]
                    result = store_document(conn, records)
                except DataError:
                    raise
                except Exception as e:
                    savepoint.rollback()
                    failures.append(DocumentFailed(
                        f"{name}: could not be stored ({error_summary(e)}); nothing of it "
                        "stored"))
                    continue
                savepoint.commit()
                results.append(result)
        for failed in failures:
            skip(failed)
        for result in results:  # told once the batch is committed
            stored(result)

    def _ingest_item(self, item: Document | RecordGroup, gazetteer: str | None,
                     min_confidence: float | None = None) -> IngestResult:
        """Extract (unless it is records already) and store one document; any failure but a
        DataError becomes a DocumentFailed, and its transaction is rolled back. A DataError
        (a bad gazetteer file, the database gone) would fail every document: it is raised."""
        rows: list[dict[str, Any]] | None = None
        if isinstance(item, RecordGroup):
            name = f"{item.source}: line {item.line}: document {item.records[0].get('id')!r}"
            records = item.records
        else:
            name = document_name(item)
            try:
                records = list(extract_records(item, gazetteer=gazetteer))
            except DataError:
                raise
            except Exception as e:  # not KeyboardInterrupt, not SystemExit
                raise failure(item, e, "nothing of it stored") from e
            rows = [{"sentence": s.index, "section": s.section, "start": s.start,
                     "end": s.end, "text": s.text} for s in item.sentences]
        if min_confidence is not None:
            records = [r for r in records if sure_enough(r, min_confidence)]
        try:
            return self.ingest_records(records, sentences=rows)
        except DataError:
            raise
        except Exception as e:
            raise DocumentFailed(f"{name}: could not be stored ({error_summary(e)}); "
                                 "its transaction was rolled back, nothing of it stored") from e

    # -- reading ----------------------------------------------------------------------

    def _query(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        with store.errors(self.name), store.read(self.engine) as conn:
            return fn(conn, *args, **kwargs)

    def documents(self, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        return self._query(queries.select_documents, limit=limit, offset=offset)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        return self._query(queries.select_document, doc_id)

    def references(self, doc_id: str) -> list[dict[str, Any]]:
        return self._query(queries.select_references, doc_id)

    def events(self, *, dyad: Dyad | None = None, country: str | None = None,
               event_type: str | None = None, start: str | None = None,
               end: str | None = None, status: str | None = None,
               document: str | None = None, strict: bool = False, limit: int | None = None,
               offset: int = 0, min_confidence: float | None = None) -> list[dict[str, Any]]:
        """Events (merged across documents) in time order, undated last; with
        ``min_confidence``, only those at least that sure."""
        rows = self._query(queries.select_events, dyad=self._dyad(dyad, strict),
                           country=self._side(country, strict),
                           event_type=vocabulary.event_type(event_type),
                           status=vocabulary.status(status), document=document,
                           start=range_bound(start, end=False), end=range_bound(end, end=True),
                           **_page(limit, offset, min_confidence))
        return Records(_sure(rows, limit, offset, min_confidence))

    def event(self, event_id: str) -> dict[str, Any] | None:
        return self._query(queries.select_event, event_id)

    def facts(self, *, kind: str | None = None, country: str | None = None,
              dyad: Dyad | None = None, document: str | None = None, strict: bool = False,
              limit: int | None = None, offset: int = 0,
              min_confidence: float | None = None) -> list[dict[str, Any]]:
        """Facts (merged across documents), conflicting ones flagged; with
        ``min_confidence``, only those at least that sure."""
        rows = self._query(queries.select_facts, kind=vocabulary.fact_kind(kind),
                           dyad=self._dyad(dyad, strict), country=self._side(country, strict),
                           document=document, **_page(limit, offset, min_confidence))
        return Records(_sure(rows, limit, offset, min_confidence))

    def fact(self, fact_id: str) -> dict[str, Any] | None:
        return self._query(queries.select_fact, fact_id)

    def timeline(self, a: str, b: str, *, strict: bool = False,
                 min_confidence: float | None = None) -> list[dict[str, Any]]:
        """The pair's events and facts in time order (undated last); with
        ``min_confidence``, only those at least that sure."""
        pair = self._dyad((a, b), strict)
        with store.errors(self.name), store.read(self.engine) as conn:
            items = (queries.select_events(conn, dyad=pair)
                     + queries.select_facts(conn, dyad=pair))
        return Records(sorted(_sure(items, None, 0, min_confidence), key=_time_order))

    def dyads(self) -> list[dict[str, Any]]:
        rows = self._query(queries.select_dyads)
        for row in rows:
            row["a_name"] = countries.name_of(row["a"])
            row["b_name"] = countries.name_of(row["b"])
        return Records(rows)

    def series(self, a: str, b: str, *, by: str = "year",
               strict: bool = False) -> list[dict[str, Any]]:
        return Records(self._query(queries.select_series, self._dyad((a, b), strict), by))

    # -- analysts' tables -------------------------------------------------------------

    def panel(self, *, by: str = "year", undirected: bool = False, start: str | None = None,
              end: str | None = None, min_confidence: float | None = None,
              dyad: Dyad | str | None = None, country: str | None = None,
              event_type: str | None = None, status: str | None = None,
              strict: bool = False) -> Panel:
        """The dyad-year (``by="month"``: dyad-month) panel: a row per period and pair of
        states with COW codes, event counts per quad class and PLOVER type, Goldstein sum
        and mean, and the standing ties (relations, embassies) of that period; see
        dyad.kb.panel. ``.to_pandas()`` gives a DataFrame."""
        if by not in PANEL_PERIODS:
            raise DataError(f"panel by {by!r}: choose from {', '.join(PANEL_PERIODS)}")
        found, ties = self._counted(start, end, min_confidence, dyad, country, event_type,
                                    status, strict, with_facts=True)
        # open ties run to the latest event asked about, counted or not: leaving out
        # unsure events must not cut a tie short
        horizon = self._latest_event(dyad=dyad, country=country, strict=strict)
        return build_panel(found, ties, by=by, undirected=undirected,
                           start=range_bound(start, end=False), end=range_bound(end, end=True),
                           horizon=horizon, keep=self._asked(dyad, country, strict))

    def icews(self, *, start: str | None = None, end: str | None = None,
              min_confidence: float | None = None, dyad: Dyad | str | None = None,
              country: str | None = None, event_type: str | None = None,
              status: str | None = None, strict: bool = False) -> list[dict[str, Any]]:
        """Events as ICEWS event-table rows, one per actor–recipient pair (dyad.kb.icews)."""
        found, _ = self._counted(start, end, min_confidence, dyad, country, event_type,
                                 status, strict)
        return Records(icews_rows(found, keep=self._asked(dyad, country, strict)))

    def network(self, *, start: str | None = None, end: str | None = None,
                min_confidence: float | None = None, dyad: Dyad | str | None = None,
                country: str | None = None, event_type: str | None = None,
                status: str | None = None, strict: bool = False) -> Network:
        """States and the events between them, as directed edges (dyad.kb.network)."""
        found, _ = self._counted(start, end, min_confidence, dyad, country, event_type,
                                 status, strict)
        return build_network(found, keep=self._asked(dyad, country, strict))

    def _asked(self, dyad: Dyad | str | None, country: str | None,
               strict: bool) -> Callable[[str | None, str | None], bool] | None:
        """Which (from, to) state pairs a table keeps: an event of the pair asked about may
        name other states too ("France and Russia each sent aid to Mali")."""
        pair, side = self._dyad(dyad, strict), self._side(country, strict)
        if pair is None and side is None:
            return None

        def keep(a: str | None, b: str | None) -> bool:
            if pair is not None and not ((a in pair[0] and b in pair[1])
                                         or (a in pair[1] and b in pair[0])):
                return False
            return side is None or a in side or b in side
        return keep

    def _counted(self, start: str | None, end: str | None, min_confidence: float | None,
                 dyad: Dyad | str | None, country: str | None, event_type: str | None,
                 status: str | None, strict: bool, *, with_facts: bool = False,
                 ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Events (and the relations and embassy facts) that the analysts' tables count:
        what happened, or has ``status``, at ``min_confidence`` or above (dyad.kb.pairs)."""
        if min_confidence is not None and not 0 <= min_confidence <= 1:
            raise DataError(f"min confidence must be from 0 to 1, not {min_confidence}")
        status = vocabulary.status(status)
        keep = {"status": status, "min_confidence": min_confidence}
        found = [r for r in self.events(dyad=dyad, country=country, event_type=event_type,
                                        start=start, end=end, status=status, strict=strict)
                 if counted(r, **keep)]
        ties: list[dict[str, Any]] = []
        if with_facts:
            for kind in ("diplomatic_relations", "embassy"):
                ties += [r for r in self.facts(kind=kind, dyad=dyad, country=country,
                                               strict=strict) if counted(r, **keep)]
        return found, ties

    def _latest_event(self, *, dyad: Dyad | str | None, country: str | None,
                      strict: bool) -> str | None:
        return self._query(queries.select_latest_day, dyad=self._dyad(dyad, strict),
                           country=self._side(country, strict))

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        return Records(self._query(queries.select_sentences, query, limit=limit, offset=offset))

    def stats(self) -> dict[str, int]:
        return self._query(counts)

    # -- names ------------------------------------------------------------------------

    def country(self, name_or_code: str) -> str:
        """"Mali"/"mali"/"MLI" → "MLI"; an unknown name ("Atlantis") raises DataError
        (a DatabaseError when the store fails while looking it up)."""
        try:
            return countries.code_of(name_or_code)
        except DataError:
            value = (name_or_code or "").strip().upper()
            if value and self._stored_code(value):
                return value
            raise

    def _stored_code(self, code: str) -> bool:
        def probe(conn: Connection) -> bool:
            for table in (event_pairs, facts):
                hit = conn.execute(select(table.c.a).where(
                    or_(table.c.a == code, table.c.b == code)).limit(1)).first()
                if hit:
                    return True
            return False
        return bool(self._query(probe))

    def _side(self, name: str | None, strict: bool) -> frozenset[str] | None:
        if name is None:
            return None
        return countries.side(self.country(name), strict=strict)

    def _dyad(self, dyad: Dyad | str | None,
              strict: bool) -> tuple[frozenset[str], frozenset[str]] | None:
        if dyad is None:
            return None
        if isinstance(dyad, str):
            dyad = parse_dyad(dyad, self.country)
        a, b = dyad
        return (countries.side(self.country(a), strict=strict),
                countries.side(self.country(b), strict=strict))


def parse_dyad(value: str, resolve: Callable[[str], str] | None = None) -> Dyad:
    """"MLI-RUS", "Mali-Russia", "Mali,Russia", "Guinea-Bissau-Russia" → the two sides.

    With ``resolve``, a hyphen splits where both sides are countries, so names
    that hold a hyphen stay whole.
    """
    value = value.strip()
    if "," in value:
        a, _, b = value.partition(",")
        if a.strip() and b.strip():
            return a.strip(), b.strip()
    cuts = [i for i, ch in enumerate(value) if ch in "-–—:/"]
    for i in cuts:
        a, b = value[:i].strip(), value[i + 1:].strip()
        if not a or not b:
            continue
        if resolve is None:
            return a, b
        try:
            resolve(a)
            resolve(b)
        except DatabaseError:
            raise
        except DataError:
            continue
        return a, b
    if cuts and resolve is not None:
        a, b = value[:cuts[0]].strip(), value[cuts[0] + 1:].strip()
        resolve(a)
        resolve(b)  # raises the message that names the unknown side
    raise DataError(f"a dyad is two countries, such as MLI-RUS or 'Mali,Russia'; got {value!r}")


def _time_order(record: dict[str, Any]) -> tuple[bool, str, int]:
    when = record.get("date") if record.get("record") == "event" else record.get("valid")
    key = sort_key(when)
    evidence = record.get("evidence") or {}
    return key is None, key or "", evidence.get("sentence") or 0


def _page(limit: int | None, offset: int, min_confidence: float | None) -> dict[str, Any]:
    """The query's own paging, unless records are left out after it (then _sure pages)."""
    return {"limit": limit, "offset": offset} if min_confidence is None else {}


def _sure(rows: list[dict[str, Any]], limit: int | None, offset: int,
          min_confidence: float | None) -> list[dict[str, Any]]:
    """The rows at least ``min_confidence`` sure, paged (paged by the query without it)."""
    if min_confidence is None:
        return rows
    kept = [r for r in rows if sure_enough(r, min_confidence)]
    return kept[offset:offset + limit if limit is not None else None]
