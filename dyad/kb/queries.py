"""Reading the store back as contract records, with the fields merging adds.

A merged event or fact comes back as its first telling's record, with
``citations`` the union of every telling's and ``sources`` listing each
telling's evidence and citations. A conflicting fact carries ``conflict`` and
``conflicts_with``.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    Table,
    and_,
    case,
    false,
    func,
    literal_column,
    or_,
    select,
    text,
)

from dyad.errors import DataError
from dyad.kb import merge
from dyad.kb.periods import PERIODS, period_of
from dyad.kb.schema import (
    documents,
    event_pairs,
    event_tellings,
    events,
    fact_tellings,
    facts,
    fold,
    references,
    sentences,
)

Codes = frozenset[str]
_CHUNK = 500  # ids per IN (...) list


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


def _pair_clause(table: Table, side_a: Codes, side_b: Codes) -> ColumnElement[bool]:
    """Rows whose normalised pair (a < b) joins a code of one side with one of the other."""
    keys = {tuple(sorted((x, y))) for x in side_a for y in side_b if x != y}
    if not keys:
        return false()
    return or_(*(and_(table.c.a == a, table.c.b == b) for a, b in sorted(keys)))


def _country_clause(table: Table, codes: Codes) -> ColumnElement[bool]:
    return or_(table.c.a.in_(sorted(codes)), table.c.b.in_(sorted(codes)))


def _overlap(table: Table, start: str | None, end: str | None) -> list[ColumnElement[bool]]:
    out = []
    if start:
        out.append(table.c.date_hi >= start)
    if end:
        out.append(table.c.date_lo <= end)
    return out


def _page(query: Select[Any], limit: int | None, offset: int) -> Select[Any]:
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return query


def _merge_tellings(record: dict[str, Any], told: list[dict[str, Any]]) -> dict[str, Any]:
    """The first telling's record, with every telling's citations and a source per telling."""
    seen: set[tuple[Any, ...]] = set()
    cited: list[dict[str, Any]] = []
    for t in told:
        for c in t.get("citations") or []:
            key = (c.get("label"), c.get("text"), c.get("url"))
            if key not in seen:
                seen.add(key)
                cited.append(c)
    record["citations"] = cited
    record["sources"] = [{"evidence": t.get("evidence"), "citations": t.get("citations") or []}
                         for t in told]
    return record


def _assemble(conn: Connection, rows: Sequence[Any], tellings: Table,
              parent: str) -> list[dict[str, Any]]:
    """rows: (pk, tellings, json of the first telling) → records."""
    multi = [r[0] for r in rows if r[1] > 1]
    told: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for chunk in _chunks(multi):
        for pk, payload in conn.execute(
                select(tellings.c[parent], tellings.c.json)
                .where(tellings.c[parent].in_(chunk)).order_by(tellings.c.pk)):
            told[pk].append(json.loads(payload))
    out = []
    for pk, count, payload in rows:
        record = json.loads(payload)
        if count > 1:
            record = _merge_tellings(record, told[pk])
        out.append(record)
    return out


# -- events -------------------------------------------------------------------

def events_query(*, dyad: tuple[Codes, Codes] | None = None, country: Codes | None = None,
                 event_type: str | None = None, start: str | None = None,
                 end: str | None = None, status: str | None = None,
                 document: str | None = None) -> Select[Any]:
    query = (select(events.c.pk, events.c.tellings, event_tellings.c.json)
             .join(event_tellings, event_tellings.c.pk == events.c.first_telling))
    if dyad is not None:
        query = query.where(events.c.pk.in_(
            select(event_pairs.c.event_pk).where(_pair_clause(event_pairs, *dyad))))
    if country is not None:
        query = query.where(events.c.pk.in_(
            select(event_pairs.c.event_pk).where(_country_clause(event_pairs, country))))
    if event_type:
        query = query.where(events.c.event_type == event_type.upper())
    if status:
        query = query.where(events.c.status == status.lower())
    if document:
        query = query.where(events.c.pk.in_(
            select(event_tellings.c.event_pk)
            .join(documents, documents.c.pk == event_tellings.c.document_pk)
            .where(documents.c.id == document)))
    query = query.where(*_overlap(events, start, end))
    return query.order_by(events.c.date_key.is_(None), events.c.date_key, events.c.pk)


def select_events(conn: Connection, *, limit: int | None = None, offset: int = 0,
                  **filters: Any) -> list[dict[str, Any]]:
    rows = conn.execute(_page(events_query(**filters), limit, offset)).all()
    return _assemble(conn, rows, event_tellings, "event_pk")


def select_event(conn: Connection, record_id: str) -> dict[str, Any] | None:
    """An event by its id or by the id of any of its tellings."""
    found = _select_merged(conn, events, event_tellings, "event_pk", record_id)
    return found[1] if found else None


def _select_merged(conn: Connection, merged: Table, tellings: Table, owner: str,
                   record_id: str) -> tuple[int, dict[str, Any]] | None:
    """A merged record (and its pk) by its id or by the id of any of its tellings."""
    pk = conn.execute(select(merged.c.pk).where(merged.c.id == record_id)
                      .order_by(merged.c.pk)).scalar()
    if pk is None:
        pk = conn.execute(select(tellings.c[owner])
                          .where(tellings.c.record_id == record_id)).scalar()
    if pk is None:
        return None
    rows = conn.execute(select(merged.c.pk, merged.c.tellings, tellings.c.json)
                        .join(tellings, tellings.c.pk == merged.c.first_telling)
                        .where(merged.c.pk == pk)).all()
    return pk, _assemble(conn, rows, tellings, owner)[0]


# -- facts ----------------------------------------------------------------------

def facts_query(*, kind: str | None = None, dyad: tuple[Codes, Codes] | None = None,
                country: Codes | None = None, document: str | None = None) -> Select[Any]:
    query = (select(facts.c.pk, facts.c.tellings, fact_tellings.c.json)
             .join(fact_tellings, fact_tellings.c.pk == facts.c.first_telling))
    if kind:
        query = query.where(facts.c.kind == kind.lower())
    if dyad is not None:
        query = query.where(_pair_clause(facts, *dyad))
    if country is not None:
        query = query.where(_country_clause(facts, country))
    if document:
        query = query.where(facts.c.pk.in_(
            select(fact_tellings.c.fact_pk)
            .join(documents, documents.c.pk == fact_tellings.c.document_pk)
            .where(documents.c.id == document)))
    return query.order_by(facts.c.date_key.is_(None), facts.c.date_key, facts.c.pk)


def select_facts(conn: Connection, *, limit: int | None = None, offset: int = 0,
                 **filters: Any) -> list[dict[str, Any]]:
    rows = conn.execute(_page(facts_query(**filters), limit, offset)).all()
    records = _assemble(conn, rows, fact_tellings, "fact_pk")
    _mark_conflicts(conn, [r[0] for r in rows], records)
    return records


def _mark_conflicts(conn: Connection, pks: list[int], records: list[dict[str, Any]]) -> None:
    """Flag facts that another document contradicts (see dyad.kb.merge)."""
    if not pks:
        return
    keys: set[str] = set()
    for chunk in _chunks(pks):
        keys.update(conn.execute(select(facts.c.merge_key).distinct()
                                 .where(facts.c.pk.in_(chunk))).scalars())
    rivals: dict[str, list[tuple[int, str, dict[str, Any]]]] = defaultdict(list)
    for chunk in _chunks(sorted(keys)):
        for pk, key, fid, payload in conn.execute(
                select(facts.c.pk, facts.c.merge_key, facts.c.id, fact_tellings.c.json)
                .join(fact_tellings, fact_tellings.c.pk == facts.c.first_telling)
                .where(facts.c.merge_key.in_(chunk)).order_by(facts.c.pk)):
            rivals[key].append((pk, fid, json.loads(payload)))
    groups = [g for g in rivals.values() if len(g) > 1]
    if not groups:
        return
    group_pks = [pk for g in groups for pk, _, _ in g]
    told_in: dict[int, set[int]] = defaultdict(set)
    for chunk in _chunks(group_pks):
        for pk, doc in conn.execute(select(fact_tellings.c.fact_pk, fact_tellings.c.document_pk)
                                    .where(fact_tellings.c.fact_pk.in_(chunk))):
            told_in[pk].add(doc)
    against: dict[int, list[str]] = defaultdict(list)
    for group in groups:
        for (pk1, id1, r1), (pk2, id2, r2) in combinations(group, 2):
            one_document = told_in[pk1] == told_in[pk2] and len(told_in[pk1]) == 1
            if not one_document and merge.facts_conflict(r1, r2):
                against[pk1].append(id2)
                against[pk2].append(id1)
    for pk, record in zip(pks, records, strict=True):
        if against.get(pk):
            record["conflict"] = True
            record["conflicts_with"] = against[pk]


def select_fact(conn: Connection, record_id: str) -> dict[str, Any] | None:
    """A fact by its id or by the id of any of its tellings, flagged where contradicted."""
    found = _select_merged(conn, facts, fact_tellings, "fact_pk", record_id)
    if found is None:
        return None
    pk, record = found
    _mark_conflicts(conn, [pk], [record])
    return record


# -- documents --------------------------------------------------------------------

def select_documents(conn: Connection, *, limit: int | None = None,
                     offset: int = 0) -> list[dict[str, Any]]:
    query = _page(select(documents.c.json, documents.c.ingested_at)
                  .order_by(documents.c.pk), limit, offset)
    return [{**json.loads(payload), "ingested_at": at} for payload, at in conn.execute(query)]


def select_document(conn: Connection, doc_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(documents.c.json, documents.c.ingested_at)
                       .where(documents.c.id == doc_id)).first()
    return {**json.loads(row[0]), "ingested_at": row[1]} if row else None


def select_references(conn: Connection, doc_id: str) -> list[dict[str, Any]]:
    query = (select(references.c.json)
             .join(documents, documents.c.pk == references.c.document_pk)
             .where(documents.c.id == doc_id).order_by(references.c.pk))
    return [json.loads(p) for p in conn.execute(query).scalars()]


# -- dyads and series -------------------------------------------------------------

def _coop(column: Any) -> Any:
    return func.sum(case((column.in_((1, 2)), 1), else_=0))


def _conflict(column: Any) -> Any:
    return func.sum(case((column.in_((3, 4)), 1), else_=0))


def select_dyads(conn: Connection) -> list[dict[str, Any]]:
    """Every pair with events or facts: counts, first and last event, cooperation."""
    p = event_pairs
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for a, b, n, first, last, total, coop, conflict in conn.execute(
            select(p.c.a, p.c.b, func.count(), func.min(p.c.date_key), func.max(p.c.date_key),
                   func.sum(p.c.goldstein), _coop(p.c.quad_class), _conflict(p.c.quad_class))
            .where(p.c.b != "").group_by(p.c.a, p.c.b)):
        out[(a, b)] = {"a": a, "b": b, "events": n, "facts": 0, "first": first, "last": last,
                       "goldstein_total": round(total, 3) if total is not None else None,
                       "net_cooperation": int(coop or 0) - int(conflict or 0)}
    for a, b, n in conn.execute(select(facts.c.a, facts.c.b, func.count())
                                .where(facts.c.b != "").group_by(facts.c.a, facts.c.b)):
        row = out.setdefault((a, b), {"a": a, "b": b, "events": 0, "facts": 0, "first": None,
                                      "last": None, "goldstein_total": None,
                                      "net_cooperation": 0})
        row["facts"] = n
    return [out[k] for k in sorted(out)]


def select_latest_day(conn: Connection, *, dyad: tuple[Codes, Codes] | None = None,
                      country: Codes | None = None) -> str | None:
    """The latest day any event (of the pair, or of the country) can mean."""
    p = event_pairs
    query = select(func.max(p.c.date_hi))
    if dyad is not None:
        query = query.where(_pair_clause(p, *dyad))
    if country is not None:
        query = query.where(_country_clause(p, country))
    return conn.execute(query).scalar()


def select_series(conn: Connection, dyad: tuple[Codes, Codes], by: str) -> list[dict[str, Any]]:
    """Per period: events, counts per quad class, total and mean Goldstein."""
    if by not in PERIODS:
        raise DataError(f"series by {by!r}: choose from {', '.join(PERIODS)}")
    p = event_pairs
    month = func.substr(p.c.date_key, 1, 7)
    # one row per event (an event of several pairs in the dyad counts once)
    per_event = (select(p.c.event_pk, func.min(month).label("month"),
                        func.min(p.c.quad_class).label("quad"),
                        func.min(p.c.goldstein).label("goldstein"))
                 .where(_pair_clause(p, *dyad), p.c.date_key.is_not(None))
                 .group_by(p.c.event_pk).subquery())
    rows = conn.execute(select(per_event.c.month, per_event.c.quad, func.count(),
                               func.sum(per_event.c.goldstein),
                               func.count(per_event.c.goldstein))
                        .group_by(per_event.c.month, per_event.c.quad))
    periods: dict[str, dict[str, Any]] = {}
    for month_key, quad, n, total, scored in rows:
        label = period_of(month_key, by)
        if label is None:
            continue
        row = periods.setdefault(label, {"period": label, "events": 0, "quad1": 0, "quad2": 0,
                                         "quad3": 0, "quad4": 0, "goldstein_total": 0.0,
                                         "_scored": 0})
        row["events"] += n
        if quad in (1, 2, 3, 4):
            row[f"quad{quad}"] += n
        row["goldstein_total"] += total or 0.0
        row["_scored"] += scored
    out = []
    for label in sorted(periods):
        row = periods[label]
        scored = row.pop("_scored")
        row["goldstein_total"] = round(row["goldstein_total"], 3)
        row["goldstein_mean"] = round(row["goldstein_total"] / scored, 3) if scored else None
        out.append(row)
    return out


# -- full-text search ---------------------------------------------------------------

_PHRASE = re.compile(r'"([^"]*)"|(\S+)')


def _fts5_query(query: str) -> str:
    """The user's words as an FTS5 query: every word (or "quoted phrase") must occur."""
    parts = []
    for phrase, word in _PHRASE.findall(query):
        tokens = re.findall(r"\w+", phrase or word)
        if tokens:
            parts.append('"' + " ".join(tokens) + '"')
    return " ".join(parts)


def select_sentences(conn: Connection, query: str, *, limit: int = 20,
                     offset: int = 0) -> list[dict[str, Any]]:
    if not re.search(r"\w", query or ""):
        raise DataError("search needs at least one word")
    s, d = sentences, documents
    columns = (d.c.id, d.c.title, s.c.section, s.c.idx, s.c.start, s.c.end, s.c.text)
    if conn.dialect.name == "sqlite":
        match = _fts5_query(fold(query))
        hits = (select(literal_column("rowid").label("pk"), literal_column("rank").label("rank"))
                .select_from(text("sentences_fts"))
                .where(text("sentences_fts MATCH :q")).subquery())
        stmt = (select(*columns).join(hits, hits.c.pk == s.c.pk)
                .join(d, d.c.pk == s.c.document_pk)
                .order_by(hits.c.rank, s.c.pk).limit(limit).offset(offset))
        rows = conn.execute(stmt, {"q": match})
    else:  # PostgreSQL: the generated tsvector column and its GIN index
        tsv = literal_column("sentences.tsv")
        tsquery = func.websearch_to_tsquery(literal_column("'english'::regconfig"),
                                            fold(query))
        stmt = (select(*columns).join(d, d.c.pk == s.c.document_pk)
                .where(tsv.op("@@")(tsquery))
                .order_by(func.ts_rank(tsv, tsquery).desc(), s.c.pk)
                .limit(limit).offset(offset))
        rows = conn.execute(stmt)
    return [{"document": doc, "title": title, "section": section, "sentence": idx,
             "start": start, "end": end, "text": sentence}
            for doc, title, section, idx, start, end, sentence in rows]
