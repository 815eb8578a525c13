"""Storing one document's records: versions, merging with other documents' tellings.

Everything here runs inside the caller's transaction, so a document is stored
whole or not at all.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, func, insert, or_, select, update

from dyad.errors import DataError
from dyad.kb import merge
from dyad.kb.periods import bounds, nested, sort_key
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

# sources that do not name one document: a second stdin read is not a new version of the first
_ANONYMOUS_SOURCES = frozenset({"-", "<stdin>"})


@dataclass
class IngestResult:
    """What storing one document did."""

    document: str
    title: str | None
    status: str  # added, replaced, unchanged
    events: int = 0
    facts: int = 0
    merged: int = 0  # events and facts that joined one another document told
    replaced: list[str] = field(default_factory=list)  # ids of the older versions removed

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "title": self.title, "status": self.status,
                "events": self.events, "facts": self.facts, "merged": self.merged,
                "replaced": self.replaced}


def split_records(records: Iterable[dict[str, Any]]) -> tuple[
        dict[str, Any], list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """(document, references, events, facts) of one document's records, checked."""
    document: dict[str, Any] | None = None
    refs: list[dict[str, Any]] = []
    evs: list[dict[str, Any]] = []
    fcts: list[dict[str, Any]] = []
    for r in records:
        kind = r.get("record") if isinstance(r, dict) else None
        if kind == "document":
            if document is not None:
                raise DataError("ingest_records takes one document's records; got a second "
                                f"document record ({r.get('id')!r})")
            document = r
        elif kind == "reference":
            refs.append(r)
        elif kind == "event":
            evs.append(r)
        elif kind == "fact":
            fcts.append(r)
        else:
            raise DataError(f"not a dyad record (record: {kind!r})")
    if document is None or not document.get("id"):
        raise DataError("the records hold no document record with an id")
    for r in (*evs, *fcts):
        if not r.get("id"):
            raise DataError(f"a {r['record']} record without an id")
        told_in = (r.get("evidence") or {}).get("document")
        if told_in and told_in != document["id"]:
            raise DataError(f"{r['record']} {r['id']} comes from document {told_in}, "
                            f"not {document['id']}")
    return document, refs, evs, fcts


def records_hash(records: list[dict[str, Any]], sentence_rows: list[dict[str, Any]]) -> str:
    h = hashlib.sha256()
    for item in (*records, *sentence_rows):
        h.update(json.dumps(item, sort_keys=True, ensure_ascii=False).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


def evidence_sentences(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Without the document's sentences, the ones its records stand on."""
    seen: dict[int, dict[str, Any]] = {}
    for r in records:
        ev = r.get("evidence") or {}
        spans = (ev.get("end") or 0) > (ev.get("start") or 0)  # an infobox line is no sentence
        if (isinstance(ev.get("sentence"), int) and ev.get("text") and spans
                and ev["sentence"] not in seen):
            seen[ev["sentence"]] = {"sentence": ev["sentence"], "section": ev.get("section"),
                                    "start": ev.get("start") or 0, "end": ev.get("end") or 0,
                                    "text": ev["text"]}
    return [seen[k] for k in sorted(seen)]


def store_document(conn: Connection, records: list[dict[str, Any]],
                   sentence_rows: list[dict[str, Any]] | None = None) -> IngestResult:
    """Store one document's records in the caller's transaction."""
    document, refs, evs, fcts = split_records(records)
    rows = sentence_rows if sentence_rows is not None else evidence_sentences(records)
    digest = records_hash(records, rows)
    doc_id, title = document["id"], document.get("title")

    same = conn.execute(select(documents.c.records_hash)
                        .where(documents.c.id == doc_id)).first()
    if same is not None and same[0] == digest:
        return IngestResult(doc_id, title, "unchanged")

    replaced: list[str] = []
    for old_pk, old_id in older_versions(conn, document):
        delete_document(conn, old_pk)
        replaced.append(old_id)
    doc_pk = conn.execute(insert(documents).values(
        id=doc_id, title=title, source=document.get("source"), format=document.get("format"),
        date=document.get("date"), url=document.get("url"), records_hash=digest,
        ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
        json=_dumps(document),
    )).inserted_primary_key[0]
    if refs:
        conn.execute(insert(references), [{"document_pk": doc_pk, "label": r.get("label"),
                                           "json": _dumps(r)} for r in refs])
    if rows:
        conn.execute(insert(sentences), [
            {"document_pk": doc_pk, "idx": s["sentence"], "section": s.get("section"),
             "start": s.get("start", 0), "end": s.get("end", 0), "text": s["text"],
             "folded": fold(s["text"])}
            for s in rows])
    result = IngestResult(doc_id, title, "replaced" if replaced else "added",
                          events=len(evs), facts=len(fcts), replaced=replaced)
    result.merged = _store_events(conn, doc_pk, evs) + _store_facts(conn, doc_pk, fcts)
    return result


def older_versions(conn: Connection, document: dict[str, Any]) -> list[tuple[int, str]]:
    """Stored documents this one replaces: the same id, source or title."""
    same = [documents.c.id == document["id"]]
    source, title = document.get("source"), document.get("title")
    if source and source not in _ANONYMOUS_SOURCES:
        same.append(documents.c.source == source)
    if title:
        same.append(documents.c.title == title)
    return [(pk, i) for pk, i in conn.execute(
        select(documents.c.pk, documents.c.id).where(or_(*same)).order_by(documents.c.pk))]


# -- events -------------------------------------------------------------------
#
# A document's events and facts are stored in batches: one query finds the
# stored records each batch could merge with, and a few multi-row inserts
# store the rest. Writers hold the write lock (BEGIN IMMEDIATE, or the
# PostgreSQL advisory lock), so new primary keys are numbered here, after the
# largest one stored.

BATCH = 256


def _event_columns(record: dict[str, Any]) -> dict[str, Any]:
    lo, hi = bounds(record.get("date"))
    return {"id": record["id"], "event_type": record.get("event_type"),
            "quad_class": record.get("quad_class"), "goldstein": record.get("goldstein"),
            "status": record.get("status"), "date_key": sort_key(record.get("date")),
            "date_lo": lo, "date_hi": hi}


def _next_pk(conn: Connection, table: Table) -> int:
    return (conn.execute(select(func.max(table.c.pk))).scalar() or 0) + 1


def _tellings_of(conn: Connection, tellings: Table, parent: str,
                 pks: list[int]) -> dict[int, list[dict[str, Any]]]:
    told: dict[int, list[dict[str, Any]]] = {pk: [] for pk in pks}
    for i in range(0, len(pks), 500):
        for pk, payload in conn.execute(select(tellings.c[parent], tellings.c.json)
                                        .where(tellings.c[parent].in_(pks[i:i + 500]))):
            told[pk].append(json.loads(payload))
    return told


def _joinable(candidates: list[int], told: dict[int, list[dict[str, Any]]], claimed: set[int],
              matches: Callable[[dict[str, Any], dict[str, Any]], bool],
              record: dict[str, Any]) -> int | None:
    """The first stored record a telling joins: one this document has not joined yet, whose
    stored tellings were read (``told``) and all match it."""
    return next((pk for pk in candidates if pk in told and pk not in claimed
                 and all(matches(t, record) for t in told[pk])), None)


def _store_events(conn: Connection, doc_pk: int, records: list[dict[str, Any]]) -> int:
    """Store a document's event tellings; how many joined events other documents told."""
    claimed: set[int] = set()  # stored events this document already joined
    return sum(_store_event_batch(conn, doc_pk, records[i:i + BATCH], claimed)
               for i in range(0, len(records), BATCH))


def _stored_by_key(conn: Connection, table: Table, keys: list[str],
                   *columns: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Stored rows of ``table`` per merge key, as (pk, *columns) in pk order; keys are
    looked up 500 at a time (bound-parameter limits)."""
    stored: dict[str, list[tuple[Any, ...]]] = {}
    for i in range(0, len(keys), 500):
        query = (select(table.c.pk, table.c.merge_key, *columns)
                 .where(table.c.merge_key.in_(keys[i:i + 500])).order_by(table.c.pk))
        for pk, key, *rest in conn.execute(query):
            stored.setdefault(key, []).append((pk, *rest))
    return stored


def _store_event_batch(conn: Connection, doc_pk: int, records: list[dict[str, Any]],
                       claimed: set[int]) -> int:
    prepared = []
    for r in records:
        pairs = merge.event_pairs(r)
        prepared.append((r, pairs, merge.event_key(r, pairs), _event_columns(r)))
    keys = sorted({key for _, _, key, _ in prepared if key})
    stored = _stored_by_key(conn, events, keys, events.c.date_lo, events.c.date_hi)
    # a telling can only join an event whose first telling's date nests with its own
    spans = {id(r): (cols["date_lo"], cols["date_hi"]) for r, _, _, cols in prepared}
    fitting = sorted({pk for r, _, key, _ in prepared if key for pk, lo, hi in stored.get(key, [])
                      if nested((lo, hi), spans[id(r)])})
    told = _tellings_of(conn, event_tellings, "event_pk", fitting)

    next_event, next_telling = _next_pk(conn, events), _next_pk(conn, event_tellings)
    new_events: list[dict[str, Any]] = []
    new_pairs: list[dict[str, Any]] = []
    tellings: list[dict[str, Any]] = []
    joined: list[dict[str, Any]] = []
    for r, pairs, key, cols in prepared:
        event_pk = _joinable([pk for pk, _, _ in stored.get(key or "", [])], told, claimed,
                             merge.events_match, r)
        telling_pk, next_telling = next_telling, next_telling + 1
        if event_pk is not None:
            claimed.add(event_pk)
            joined.append({"joined_pk": event_pk})
        else:
            event_pk, next_event = next_event, next_event + 1
            new_events.append({"pk": event_pk, "merge_key": key or f"!{r['id']}",
                               "first_telling": telling_pk, "tellings": 1, **cols})
            new_pairs.extend({"event_pk": event_pk, "a": a, "b": b,
                              "date_key": cols["date_key"], "date_lo": cols["date_lo"],
                              "date_hi": cols["date_hi"], "quad_class": cols["quad_class"],
                              "goldstein": cols["goldstein"]} for a, b in pairs)
        tellings.append({"pk": telling_pk, "event_pk": event_pk, "document_pk": doc_pk,
                         "record_id": r["id"], "json": _dumps(r)})
    return _write_batch(conn, [(events, new_events), (event_pairs, new_pairs),
                               (event_tellings, tellings)], events, joined)


# -- facts --------------------------------------------------------------------

def _fact_columns(record: dict[str, Any]) -> dict[str, Any]:
    lo, hi = bounds(record.get("valid"))
    return {"id": record["id"], "status": record.get("status"),
            "date_key": sort_key(record.get("valid")), "date_lo": lo, "date_hi": hi}


def _store_facts(conn: Connection, doc_pk: int, records: list[dict[str, Any]]) -> int:
    """Store a document's fact tellings; how many joined facts other documents told."""
    claimed: set[int] = set()
    return sum(_store_fact_batch(conn, doc_pk, records[i:i + BATCH], claimed)
               for i in range(0, len(records), BATCH))


def _store_fact_batch(conn: Connection, doc_pk: int, records: list[dict[str, Any]],
                      claimed: set[int]) -> int:
    prepared = [(r, merge.fact_key(r)) for r in records]
    keys = sorted({key for _, key in prepared})
    stored = {key: [pk for (pk,) in rows]
              for key, rows in _stored_by_key(conn, facts, keys).items()}
    told = _tellings_of(conn, fact_tellings, "fact_pk",
                        sorted({pk for pks in stored.values() for pk in pks}))

    next_fact, next_telling = _next_pk(conn, facts), _next_pk(conn, fact_tellings)
    new_facts: list[dict[str, Any]] = []
    tellings: list[dict[str, Any]] = []
    joined: list[dict[str, Any]] = []
    for r, key in prepared:
        fact_pk = _joinable(stored.get(key, []), told, claimed, merge.facts_match, r)
        telling_pk, next_telling = next_telling, next_telling + 1
        if fact_pk is not None:
            claimed.add(fact_pk)
            joined.append({"joined_pk": fact_pk})
        else:
            fact_pk, next_fact = next_fact, next_fact + 1
            a, b = merge.fact_pair(r)
            new_facts.append({"pk": fact_pk, "merge_key": key, "kind": r.get("kind") or "",
                              "a": a, "b": b, "first_telling": telling_pk, "tellings": 1,
                              **_fact_columns(r)})
        tellings.append({"pk": telling_pk, "fact_pk": fact_pk, "document_pk": doc_pk,
                         "record_id": r["id"], "json": _dumps(r)})
    return _write_batch(conn, [(facts, new_facts), (fact_tellings, tellings)], facts, joined)


def _write_batch(conn: Connection, inserts: list[tuple[Table, list[dict[str, Any]]]],
                 merged: Table, joined: list[dict[str, Any]]) -> int:
    """Insert a batch's new rows (in order: foreign keys point back) and count the tellings
    that joined stored records; how many joined."""
    for table, rows in inserts:
        if rows:
            conn.execute(insert(table), rows)
    if joined:
        conn.execute(update(merged).where(merged.c.pk == bindparam("joined_pk"))
                     .values(tellings=merged.c.tellings + 1), joined)
    return len(joined)


# -- removing a document --------------------------------------------------------

def delete_document(conn: Connection, doc_pk: int) -> None:
    """Remove a document and its tellings; merged records fall back on their other tellings."""
    touched_events = conn.execute(select(event_tellings.c.event_pk).distinct()
                                  .where(event_tellings.c.document_pk == doc_pk)).scalars().all()
    touched_facts = conn.execute(select(fact_tellings.c.fact_pk).distinct()
                                 .where(fact_tellings.c.document_pk == doc_pk)).scalars().all()
    conn.execute(delete(event_tellings).where(event_tellings.c.document_pk == doc_pk))
    conn.execute(delete(fact_tellings).where(fact_tellings.c.document_pk == doc_pk))
    for pk in touched_events:
        _refresh_event(conn, pk)
    for pk in touched_facts:
        _refresh_fact(conn, pk)
    conn.execute(delete(sentences).where(sentences.c.document_pk == doc_pk))
    conn.execute(delete(references).where(references.c.document_pk == doc_pk))
    conn.execute(delete(documents).where(documents.c.pk == doc_pk))


def _refresh_event(conn: Connection, event_pk: int) -> None:
    told = conn.execute(select(event_tellings.c.pk, event_tellings.c.json)
                        .where(event_tellings.c.event_pk == event_pk)
                        .order_by(event_tellings.c.pk)).all()
    if not told:
        conn.execute(delete(event_pairs).where(event_pairs.c.event_pk == event_pk))
        conn.execute(delete(events).where(events.c.pk == event_pk))
        return
    cols = _event_columns(json.loads(told[0].json))
    conn.execute(update(events).where(events.c.pk == event_pk)
                 .values(first_telling=told[0].pk, tellings=len(told), **cols))
    conn.execute(update(event_pairs).where(event_pairs.c.event_pk == event_pk).values(
        date_key=cols["date_key"], date_lo=cols["date_lo"], date_hi=cols["date_hi"],
        quad_class=cols["quad_class"], goldstein=cols["goldstein"]))


def _refresh_fact(conn: Connection, fact_pk: int) -> None:
    told = conn.execute(select(fact_tellings.c.pk, fact_tellings.c.json)
                        .where(fact_tellings.c.fact_pk == fact_pk)
                        .order_by(fact_tellings.c.pk)).all()
    if not told:
        conn.execute(delete(facts).where(facts.c.pk == fact_pk))
        return
    conn.execute(update(facts).where(facts.c.pk == fact_pk).values(
        first_telling=told[0].pk, tellings=len(told), **_fact_columns(json.loads(told[0].json))))


def counts(conn: Connection) -> dict[str, int]:
    """Rows per kind, for summaries and tests."""
    return {name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in (("documents", documents), ("events", events),
                                ("facts", facts), ("sentences", sentences))}


def _dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))
