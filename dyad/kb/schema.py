"""The knowledge base's tables and the migrations that build them.

One schema for SQLite and PostgreSQL (SQLAlchemy Core). Each stored event or
fact is a *merged* record (``events``, ``facts``) with one or more *tellings*
(``event_tellings``, ``fact_tellings``): the record as one document told it,
kept as its full JSON so the contract dict comes back exactly. ``event_pairs``
holds each event's country pairs under a normalised key (``a < b``; ``b`` is
"" when the event names one country only), denormalised with the event's
dates, quad class and Goldstein score so that a dyad's timeline and the
summary of all dyads are index scans.

Dates are stored three ways: ``date_key``, the When's own start as written
("1967", "1967-02-18"; ISO strings at mixed precision sort in time order, a
year before its days), for ordering, first/last and series periods without
inventing precision; and ``date_lo``/``date_hi``, the first and last day it
can mean ("1967" → 1967-01-01 … 1967-12-31), for range filters and merging.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
    text,
)

SCHEMA_VERSION = 2
APPLICATION = "dyad"

metadata = MetaData()

meta = Table(
    "dyad_meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(200), nullable=False, unique=True),
    Column("title", Text),
    Column("source", Text),
    Column("format", String(32)),
    Column("date", String(32)),
    Column("url", Text),
    Column("records_hash", String(64), nullable=False),
    Column("ingested_at", String(32), nullable=False),
    Column("json", Text, nullable=False),
    Index("ix_documents_source", "source"),
    Index("ix_documents_title", "title"),
)

references = Table(
    "doc_references", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("document_pk", Integer, ForeignKey("documents.pk"), nullable=False),
    Column("label", Text),
    Column("json", Text, nullable=False),
    Index("ix_references_document", "document_pk"),
)

sentences = Table(
    "sentences", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("document_pk", Integer, ForeignKey("documents.pk"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("section", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    # what search indexes: casefolded, without diacritics ("Ségou" → "segou"), so both
    # dialects match "segou" and "Côte d'Ivoire" alike (schema 2)
    Column("folded", Text),
    Index("ix_sentences_document", "document_pk", "idx"),
)

def _merged_table(name: str, columns: list[Column[Any]], indexes: list[Index]) -> Table:
    """A record merged across documents: the first telling's id, the merge key, the record's
    own ``columns``, then its status, date span, first telling and number of tellings."""
    return Table(
        name, metadata,
        Column("pk", Integer, primary_key=True, autoincrement=True),
        Column("id", String(64), nullable=False),  # the first telling's record id
        Column("merge_key", Text, nullable=False),
        *columns,
        Column("status", String(16)),
        Column("date_key", String(10)),
        Column("date_lo", String(10)),
        Column("date_hi", String(10)),
        Column("first_telling", Integer, nullable=False),
        Column("tellings", Integer, nullable=False),
        Index(f"ix_{name}_id", "id"),
        Index(f"ix_{name}_merge_key", "merge_key"),
        *indexes,
    )


events = _merged_table(  # merge key: event type and country pairs
    "events",
    [Column("event_type", String(16)), Column("quad_class", Integer), Column("goldstein", Float)],
    [Index("ix_events_date", "date_key", "pk"), Index("ix_events_type", "event_type")],
)

def _tellings_table(kind: str) -> Table:
    """One document's telling of a merged event or fact: the record as that document told it."""
    name, owner = f"{kind}_tellings", f"{kind}_pk"
    return Table(
        name, metadata,
        Column("pk", Integer, primary_key=True, autoincrement=True),
        Column(owner, Integer, ForeignKey(f"{kind}s.pk"), nullable=False),
        Column("document_pk", Integer, ForeignKey("documents.pk"), nullable=False),
        Column("record_id", String(64), nullable=False),
        Column("json", Text, nullable=False),
        Index(f"ix_{name}_{kind}", owner),
        Index(f"ix_{name}_document", "document_pk"),
        Index(f"ix_{name}_record", "record_id"),
    )


event_tellings = _tellings_table("event")

event_pairs = Table(
    "event_pairs", metadata,
    Column("event_pk", Integer, ForeignKey("events.pk"), nullable=False),
    Column("a", String(8), nullable=False),
    Column("b", String(8), nullable=False),
    Column("date_key", String(10)),
    Column("date_lo", String(10)),
    Column("date_hi", String(10)),
    Column("quad_class", Integer),
    Column("goldstein", Float),
    # covering: a dyad's timeline, series and the all-dyads summary read only this index
    Index("ix_event_pairs_ab", "a", "b", "date_key", "quad_class", "goldstein", "event_pk"),
    Index("ix_event_pairs_b", "b", "a"),
    Index("ix_event_pairs_event", "event_pk"),
)

facts = _merged_table(  # merge key: kind, subject, object (unordered where symmetric)
    "facts",
    [Column("kind", String(32), nullable=False),
     Column("a", String(8), nullable=False),  # the pair, a <= b; "" for a side that is no state
     Column("b", String(8), nullable=False)],
    [Index("ix_facts_ab", "a", "b", "date_key"), Index("ix_facts_b", "b", "a"),
     Index("ix_facts_kind", "kind")],
)

fact_tellings = _tellings_table("fact")

TABLES = [t.name for t in metadata.sorted_tables]

# -- full-text search: each dialect's own -------------------------------------

_SQLITE_FTS = [
    """CREATE VIRTUAL TABLE sentences_fts USING fts5(
           folded, content='sentences', content_rowid='pk',
           tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
           INSERT INTO sentences_fts(rowid, folded) VALUES (new.pk, new.folded);
       END""",
    """CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
           INSERT INTO sentences_fts(sentences_fts, rowid, folded)
           VALUES ('delete', old.pk, old.folded);
       END""",
]

_POSTGRES_FTS = [
    """ALTER TABLE sentences ADD COLUMN tsv tsvector
           GENERATED ALWAYS AS (to_tsvector('english', coalesce(folded, ''))) STORED""",
    "CREATE INDEX ix_sentences_tsv ON sentences USING GIN (tsv)",
]

# schema 1 indexed the sentence text as written; dropped by migration 2
_SQLITE_FTS_V1_DROP = [
    "DROP TRIGGER IF EXISTS sentences_fts_insert",
    "DROP TRIGGER IF EXISTS sentences_fts_delete",
    "DROP TABLE IF EXISTS sentences_fts",
]
_POSTGRES_FTS_V1_DROP = [
    "DROP INDEX IF EXISTS ix_sentences_tsv",
    "ALTER TABLE sentences DROP COLUMN IF EXISTS tsv",
]


def fold(text: str) -> str:
    """Sentence or query text as search compares it."""
    from dyad.reference.gazetteer import normalise

    return normalise(text)


def _create_v1(conn: Connection) -> None:
    """Every table, in the current shape (later migrations see their work done)."""
    metadata.create_all(conn)
    statements = _SQLITE_FTS if conn.dialect.name == "sqlite" else _POSTGRES_FTS
    for statement in statements:
        conn.execute(text(statement))


def _fold_sentences_v2(conn: Connection) -> None:
    """Search over folded text: add and fill sentences.folded, rebuild the index on it."""
    from sqlalchemy import inspect

    if "folded" in {c["name"] for c in inspect(conn).get_columns("sentences")}:
        return  # made at schema 2 or later by _create_v1
    sqlite = conn.dialect.name == "sqlite"
    for statement in _SQLITE_FTS_V1_DROP if sqlite else _POSTGRES_FTS_V1_DROP:
        conn.execute(text(statement))
    conn.execute(text("ALTER TABLE sentences ADD COLUMN folded TEXT"))
    rows = conn.execute(text("SELECT pk, text FROM sentences")).all()
    if rows:
        conn.execute(text("UPDATE sentences SET folded = :f WHERE pk = :pk"),
                     [{"pk": pk, "f": fold(t)} for pk, t in rows])
    for statement in _SQLITE_FTS if sqlite else _POSTGRES_FTS:
        conn.execute(text(statement))
    if sqlite:
        conn.execute(text("INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')"))


# Migration n brings a database from version n - 1 to n. Append, never edit.
MIGRATIONS: list[Callable[[Connection], None]] = [_create_v1, _fold_sentences_v2]
assert len(MIGRATIONS) == SCHEMA_VERSION


def stored_version(conn: Connection) -> int | None:
    """The schema version recorded in the database; None when dyad_meta is absent."""
    from sqlalchemy import inspect

    if not inspect(conn).has_table(meta.name):
        return None
    row = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).first()
    return int(row[0]) if row else 0


def migrate(conn: Connection, current: int) -> None:
    """Run the migrations after ``current`` inside the caller's transaction."""
    for version in range(current + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[version - 1](conn)
    if current == 0:
        conn.execute(meta.insert(), [{"key": "application", "value": APPLICATION},
                                     {"key": "schema_version", "value": str(SCHEMA_VERSION)}])
    else:
        conn.execute(meta.update().where(meta.c.key == "schema_version")
                     .values(value=str(SCHEMA_VERSION)))
