"""`dyad ingest` against `dyad extract` alone on the same input, measured in one process.

Generates a folder of "X–Y relations" pages (own-words templates, see
relations_text.py), then times, best of ``--rounds`` (alternating, so both see
the same machine load):

- extract: read → annotate → extract every document, records written as JSON
  lines to memory (what `dyad extract` does);
- ingest: ``KnowledgeBase.ingest`` of the same folder into a fresh knowledge
  base (SQLite in a temporary folder, or ``--db URL``): the same extraction, then
  each document stored, merged and indexed in its own transaction.

Prints documents, records, the time of each and the ratio ingest / extract
(target: <= 1.10, storing costs at most 10% more); on a loaded machine the two
extraction times wobble more than storing costs, so it also times storing alone
(``ingest_records`` of records extracted beforehand) as a share of extract. Asserts nothing: these
machines are shared, compare runs, not absolutes.

    .venv/bin/python benchmarks/bench_ingest.py [--pages 12] [--words 2500] [--rounds 3]
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from pathlib import Path

from relations_text import relations_pages

from dyad.extract.output import write_records
from dyad.kb import KnowledgeBase
from dyad.pipeline import extract_records
from dyad.read import iter_documents


def time_extract(folder: Path) -> tuple[float, int]:
    out = io.StringIO()
    t0 = time.perf_counter()
    n = 0
    for doc in iter_documents([str(folder)]):
        n += write_records(extract_records(doc), "jsonl", out)
    return time.perf_counter() - t0, n


def time_store(folder: Path, scratch: Path) -> float:
    """Storing alone: the records extracted beforehand, then only ``ingest_records``."""
    prepared = []
    for doc in iter_documents([str(folder)]):
        rows = [{"sentence": s.index, "section": s.section, "start": s.start, "end": s.end,
                 "text": s.text} for s in doc.sentences]
        prepared.append((list(extract_records(doc)), rows))
    kb = KnowledgeBase.open(str(scratch / "store-only.db"))
    try:
        t0 = time.perf_counter()
        for records, rows in prepared:
            kb.ingest_records(records, sentences=rows)
        return time.perf_counter() - t0
    finally:
        kb.close()


def time_ingest(folder: Path, db: str | None, scratch: Path, round_no: int) -> tuple[float, int]:
    kb = KnowledgeBase.open(str(scratch / f"round{round_no}.db") if db is None else db)
    if db is not None:  # a server: start from empty
        from sqlalchemy import text

        from dyad.kb.schema import metadata

        with kb.engine.begin() as conn:
            names = ", ".join(t.name for t in reversed(metadata.sorted_tables)
                              if t.name != "dyad_meta")
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY"))
    try:
        t0 = time.perf_counter()
        summary = kb.ingest([str(folder)])
        elapsed = time.perf_counter() - t0
    finally:
        kb.close()
    return elapsed, summary.events + summary.facts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=12)
    parser.add_argument("--words", type=int, default=2500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--db", default=None, help="a postgresql:// URL (emptied each round)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        folder = scratch / "pages"
        folder.mkdir()
        for n, page in enumerate(relations_pages(args.pages, args.words, seed=7)):
            (folder / f"page{n:03d}.txt").write_text(page, encoding="utf-8")
        time_extract(folder)  # warm up: spaCy, the gazetteer, lexicons
        best_extract = best_ingest = float("inf")
        records = stored = 0
        for r in range(args.rounds):
            t, records = time_extract(folder)
            best_extract = min(best_extract, t)
            t, stored = time_ingest(folder, args.db, scratch, r)
            best_ingest = min(best_ingest, t)
        store = time_store(folder, scratch) if args.db is None else float("nan")
    print(f"{args.pages} pages of ~{args.words} words: {records} records printed by extract, "
          f"{stored} events and facts stored")
    print(f"extract alone: {best_extract:.2f} s   ingest: {best_ingest:.2f} s   "
          f"(best of {args.rounds}, {'SQLite' if args.db is None else 'PostgreSQL'})")
    print(f"ingest / extract: {best_ingest / best_extract:.3f}  (target <= 1.10)")
    print(f"storing alone (records extracted beforehand): {store:.2f} s, "
          f"{store / best_extract:.1%} of extract alone")


if __name__ == "__main__":
    main()
