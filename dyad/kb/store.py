"""Opening the store: SQLite (WAL, immediate write transactions) or PostgreSQL by URL.

Every database error a user can cause — a corrupt file, a file that is some
other program's database, a server that does not answer — becomes one
DatabaseError line.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy import exc as sa_exc

from dyad.errors import DatabaseError
from dyad.kb import schema

DEFAULT_DB = "dyad.db"
_POSTGRES = re.compile(r"^postgres(?:ql)?(?:\+\w+)?://", re.I)


def resolve(db: str | None) -> str:
    """--db, else $DYAD_DB, else ./dyad.db."""
    return db or os.environ.get("DYAD_DB") or DEFAULT_DB


def is_postgres(db: str) -> bool:
    return bool(_POSTGRES.match(db))


def describe(db: str) -> str:
    """The database named for messages, without a password."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", db)


def _postgres_url(db: str) -> str:
    # psycopg 3 is the driver we ship; a plain postgresql:// URL would ask for psycopg2
    return _POSTGRES.sub("postgresql+psycopg://", db, count=1)


def _sqlite_engine(path: str) -> Engine:
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # transactions are begun below, not by the driver
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA busy_timeout = 60000")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # a writer takes the write lock up front, so two writers queue on busy_timeout
        # instead of failing when a read transaction tries to upgrade
        immediate = conn.get_execution_options().get("dyad_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def open_engine(db: str | None = None, *, create: bool = True) -> tuple[Engine, str]:
    """An engine on the knowledge base, migrated to the current schema, and its name."""
    name = resolve(db)
    if is_postgres(name):
        engine = create_engine(_postgres_url(name), pool_pre_ping=True,
                               connect_args={"connect_timeout": 10})
    else:
        path = name.removeprefix("sqlite:///")
        p = Path(path)
        if p.is_dir():
            raise DatabaseError(f"{path}: is a folder, not a database file")
        if not p.exists():
            if not create:
                raise DatabaseError(f"{path}: no knowledge base here (run `dyad ingest` first, "
                                    "or name one with --db)")
            if not p.parent.is_dir():
                raise DatabaseError(f"{path}: cannot create the database, folder "
                                    f"{p.parent} does not exist")
        engine = _sqlite_engine(path)
    try:
        _check_and_migrate(engine, name)
    except BaseException:
        engine.dispose()
        raise
    return engine, name


@dataclass
class NewFile:
    """Whether ``removed_unless_stored`` took away the file it saw created."""

    removed: bool = False


@contextmanager
def removed_unless_stored(db: str | None) -> Iterator[NewFile]:
    """Around a run that may create the SQLite file: when it stores no document, the
    files it created are removed again. A file that was there before is never touched."""
    outcome = NewFile()
    name = resolve(db)
    path = Path(name.removeprefix("sqlite:///"))
    if is_postgres(name) or path.exists():
        yield outcome
        return
    files = [path, *(path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal"))]
    new = [f for f in files if not f.exists()]
    try:
        yield outcome
    finally:
        if path.is_file() and not _holds_documents(path):
            for f in new:
                f.unlink(missing_ok=True)
            outcome.removed = True


def _holds_documents(path: Path) -> bool:
    """Whether a SQLite file holds a document (when unsure, it does: keep it)."""
    try:
        conn = sqlite3.connect(path, timeout=60)
    except sqlite3.Error:
        return True
    try:
        conn.execute("BEGIN IMMEDIATE")  # a writer still busy on it finishes first
        return conn.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is not None
    except sqlite3.OperationalError as e:
        return "no such table" not in str(e)
    except sqlite3.Error:
        return True
    finally:
        conn.close()


def _check_and_migrate(engine: Engine, name: str) -> None:
    with errors(name):
        with engine.connect() as conn:
            version = schema.stored_version(conn)
            tables = set(inspect(conn).get_table_names())
        if version == schema.SCHEMA_VERSION:
            return
        if version is None and tables - {"sqlite_sequence"}:
            raise DatabaseError(f"{describe(name)}: not a dyad knowledge base (it holds other "
                                f"tables: {', '.join(sorted(tables)[:5])})")
        if version is not None and version > schema.SCHEMA_VERSION:
            raise DatabaseError(f"{describe(name)}: made by a newer dyad (schema {version}, "
                                f"this dyad knows up to {schema.SCHEMA_VERSION}); upgrade dyad")
        with write(engine) as conn:
            if conn.dialect.name == "postgresql":
                # two processes opening a fresh database: one migrates, the other waits
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7142981)")
            again = schema.stored_version(conn)  # another process may have migrated meanwhile
            if again is None or again < schema.SCHEMA_VERSION:
                schema.migrate(conn, again or 0)


@contextmanager
def write(engine: Engine) -> Iterator[Connection]:
    """One write transaction (IMMEDIATE on SQLite): commits on success, else rolls back."""
    with engine.connect() as conn:
        conn.execution_options(dyad_write=True)
        with conn.begin():
            if conn.dialect.name == "postgresql":
                # writers take turns, as on SQLite: a document merging with another must
                # see that one's events, not race it into a duplicate
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7142982)")
            yield conn


@contextmanager
def read(engine: Engine) -> Iterator[Connection]:
    """One read transaction: a consistent snapshot while a writer works."""
    with engine.connect() as conn, conn.begin():
        yield conn


@contextmanager
def errors(name: str) -> Iterator[None]:
    """Database failures as one DatabaseError line naming the database."""
    try:
        yield
    except sa_exc.OperationalError as e:
        raise DatabaseError(f"{describe(name)}: {_first_line(e)}") from None
    except sa_exc.DatabaseError as e:
        reason = _first_line(e)
        if "not a database" in reason or "malformed" in reason:
            reason = "not a dyad knowledge base (the file is corrupt or not SQLite)"
        raise DatabaseError(f"{describe(name)}: {reason}") from None
    except sa_exc.DBAPIError as e:  # the driver's own: a connection lost, an interface error
        raise DatabaseError(f"{describe(name)}: {_first_line(e)}") from None
    except sa_exc.NoSuchModuleError as e:
        raise DatabaseError(f"{describe(name)}: {e}") from None
    except sa_exc.ArgumentError as e:
        raise DatabaseError(f"{describe(name)}: not a database URL ({e})") from None


def _first_line(e: sa_exc.DBAPIError | sa_exc.OperationalError) -> str:
    orig = getattr(e, "orig", None) or e
    text = str(orig).strip().splitlines()
    line = text[0] if text else type(orig).__name__
    if "connection" in line.lower() and "failed" in line.lower():
        return f"cannot connect to PostgreSQL ({line})"
    return line
