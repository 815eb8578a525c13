"""Opening stores: new, existing, corrupt, foreign, newer, missing."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from dyad.errors import DatabaseError, DataError
from dyad.kb import KnowledgeBase
from dyad.kb.schema import SCHEMA_VERSION
from dyad.kb.store import describe, removed_unless_stored, resolve
from tests.kb.records import mali_russia


def test_new_database_is_migrated_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    KnowledgeBase.open(str(path)).close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    rows = dict(con.execute("SELECT key, value FROM dyad_meta"))
    assert rows == {"application": "dyad", "schema_version": str(SCHEMA_VERSION)}
    con.close()


def test_reopening_keeps_the_records(tmp_path: Path) -> None:
    path = str(tmp_path / "kb.db")
    with KnowledgeBase.open(path) as kb:
        kb.ingest_records(mali_russia())
    with KnowledgeBase.open(path) as kb:
        assert kb.stats()["events"] == 4


def test_db_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYAD_DB", str(tmp_path / "env.db"))
    assert resolve(None) == str(tmp_path / "env.db")
    assert resolve("other.db") == "other.db"
    monkeypatch.delenv("DYAD_DB")
    assert resolve(None) == "dyad.db"


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"this is not a database at all, just some bytes\n" * 50, "corrupt or not SQLite"),
     (b"SQLite format 3\x00" + b"\xff" * 4000, "corrupt or not SQLite")],
)
def test_corrupt_file_is_one_data_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    with pytest.raises(DatabaseError, match=message):
        KnowledgeBase.open(str(path))
    assert path.read_bytes() == content  # nothing written into it


def test_someone_elses_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER, amount REAL)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match=r"not a dyad knowledge base.*invoices"):
        KnowledgeBase.open(str(path))
    con = sqlite3.connect(path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()
    assert tables == {"invoices"}


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    KnowledgeBase.open(str(path)).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE dyad_meta SET value = '999' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="newer dyad"):
        KnowledgeBase.open(str(path))


def test_missing_database_without_create(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="no knowledge base here"):
        KnowledgeBase.open(str(tmp_path / "absent.db"), create=False)
    assert not (tmp_path / "absent.db").exists()


@pytest.mark.parametrize("name", ["missing-folder/kb.db", "."])
def test_unusable_paths(tmp_path: Path, name: str) -> None:
    with pytest.raises(DatabaseError):
        KnowledgeBase.open(str(tmp_path / name))


def test_unreachable_postgres_is_one_data_error() -> None:
    # port 9 on loopback: nothing listens there
    with pytest.raises(DatabaseError, match=r"127\.0\.0\.1") as info:
        KnowledgeBase.open("postgresql://dyad:secret@127.0.0.1:9/dyad")
    assert "secret" not in str(info.value)
    assert "\n" not in str(info.value)


def test_describe_hides_the_password() -> None:
    assert describe("postgresql://u:pw@host/db") == "postgresql://u:***@host/db"


def test_a_schema_1_database_is_migrated_on_open(tmp_path: Path) -> None:
    """Schema 1 indexed sentences as written; opening it adds the folded text and reindexes."""
    path = tmp_path / "v1.db"
    with KnowledgeBase.open(str(path)) as kb:
        kb.ingest_records(mali_russia(), sentences=[
            {"sentence": 0, "section": None, "start": 0, "end": 30,
             "text": "Engineers trained pilots near Ségou."}])
    con = sqlite3.connect(path)  # take it back to schema 1's shape
    con.executescript("""
        DROP TRIGGER sentences_fts_insert; DROP TRIGGER sentences_fts_delete;
        DROP TABLE sentences_fts;
        ALTER TABLE sentences DROP COLUMN folded;
        CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences',
            content_rowid='pk', tokenize='porter unicode61 remove_diacritics 2');
        INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild');
        UPDATE dyad_meta SET value = '1' WHERE key = 'schema_version';
    """)
    con.close()
    with KnowledgeBase.open(str(path)) as kb:
        assert [h["sentence"] for h in kb.search("segou")] == [0]
        assert kb.stats()["events"] == 4
    con = sqlite3.connect(path)
    assert con.execute("SELECT value FROM dyad_meta WHERE key = 'schema_version'").fetchone() \
        == (str(SCHEMA_VERSION),)
    con.close()


def test_postgres_schema_with_other_tables_is_refused(postgres_url: str) -> None:
    import psycopg

    plain = postgres_url.split("?")[0]
    schema = postgres_url.rsplit("%3D", 1)[1]
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE TABLE "{schema}".invoices (id int)')
    with pytest.raises(DatabaseError, match="not a dyad knowledge base"):
        KnowledgeBase.open(postgres_url)


def test_postgres_migrates_once_and_reopens(postgres_url: str) -> None:
    with KnowledgeBase.open(postgres_url) as kb:
        kb.ingest_records(mali_russia())
        assert kb.dialect == "postgresql"
    with KnowledgeBase.open(postgres_url) as kb:
        assert kb.stats()["events"] == 4


@pytest.mark.parametrize(
    ("stored", "existed", "removed"),
    [(False, False, True),   # a new file that got nothing is taken away again
     (True, False, False),   # a new file that got a document stays
     (False, True, False)],  # a file that was there before is never touched, even empty
)
def test_removed_unless_stored(tmp_path: Path, stored: bool, existed: bool,
                               removed: bool) -> None:
    path = tmp_path / "kb.db"
    if existed:
        KnowledgeBase.open(str(path)).close()
    with removed_unless_stored(str(path)) as new_file, KnowledgeBase.open(str(path)) as kb:
        if stored:
            kb.ingest_records(mali_russia())
    assert new_file.removed is removed
    assert path.exists() is not removed
    assert not removed or not list(tmp_path.iterdir())  # nor its -wal or -shm


def test_removed_unless_stored_after_a_failed_run(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    with (pytest.raises(DataError), removed_unless_stored(str(path)),
          KnowledgeBase.open(str(path)) as kb):
        kb.ingest_records([{"record": "fact"}])
    assert not path.exists()


def test_removed_unless_stored_leaves_servers_and_folders_alone(tmp_path: Path) -> None:
    for db in ("postgresql://u@127.0.0.1:9/none", str(tmp_path)):
        with removed_unless_stored(db) as new_file:
            pass
        assert not new_file.removed and tmp_path.is_dir()


def test_a_lost_postgres_connection_is_a_database_error(postgres_url: str) -> None:
    with KnowledgeBase.open(postgres_url) as kb:
        with pytest.raises(DatabaseError) as info:
            kb._query(lambda conn: conn.exec_driver_sql(
                "SELECT pg_terminate_backend(pg_backend_pid())").all())
        assert "\n" not in str(info.value)
        assert kb.stats()["documents"] == 0  # the next query gets a new connection


@pytest.mark.parametrize(
    "ask",
    [lambda kb: kb.country("Atlantis"), lambda kb: kb.events(event_type="HUG"),
     lambda kb: kb.events(start="soon"), lambda kb: kb.search("  "),
     lambda kb: kb.series("MLI", "RUS", by="week"),
     lambda kb: kb.ingest_records([{"record": "fact", "id": "f"}])],
)
def test_a_bad_request_is_no_database_error(tmp_path: Path,
                                            ask: Callable[[KnowledgeBase], object]) -> None:
    with KnowledgeBase.open(str(tmp_path / "kb.db")) as kb:
        with pytest.raises(DataError) as info:
            ask(kb)
        assert not isinstance(info.value, DatabaseError)
