"""Query speed on a large knowledge base: 1,000,000 synthetic events across 5,000 dyads.

Builds the knowledge base with bulk inserts straight into the store's tables
(the same schema and indexes `dyad ingest` fills; SQLite in a temporary folder
unless ``--db URL``), then times, warm, through ``KnowledgeBase``:

- ``timeline(a, b)`` of ``--samples`` random dyads (names resolved, the states'
  predecessors included, records assembled from their JSON): median and worst
  (target: under 50 ms);
- ``dyads()``: every pair with counts, first/last, Goldstein, net cooperation
  (target: under 1 s);
- ``series(a, b, by="month")`` and ``events(country=..., limit=100)`` for reference.

Prints the figures; asserts nothing (benchmark figures, not timed tests).

    .venv/bin/python benchmarks/bench_kb_queries.py [--events 1000000] [--dyads 5000]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from itertools import combinations
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from dyad.kb import KnowledgeBase, store
from dyad.kb.periods import bounds, sort_key
from dyad.kb.schema import documents, event_pairs, event_tellings, events
from dyad.reference.gazetteer import load_gazetteer

TYPES = [("AGREE", 1, 4.0), ("CONSULT", 1, 1.0), ("SUPPORT", 1, 3.5), ("COOPERATE", 2, 6.0),
         ("AID", 2, 7.4), ("REQUEST", 1, 3.0), ("ACCUSE", 3, -2.0), ("REJECT", 3, -4.0),
         ("THREATEN", 3, -6.0), ("PROTEST", 3, -1.9), ("SANCTION", 4, -8.0),
         ("COERCE", 4, -7.0), ("ASSAULT", 4, -10.0), ("MOBILIZE", 4, -6.4)]
PER_DOCUMENT = 1000
BATCH = 20_000


def state(code: str, name: str) -> dict[str, Any]:
    return {"name": name, "text": name, "kind": "state", "country": code, "sector": "GOV",
            "role": None}


def synthetic_event(n: int, doc_id: str, a: tuple[str, str], b: tuple[str, str],
                    rng: random.Random) -> dict[str, Any]:
    event_type, quad, goldstein = rng.choice(TYPES)
    year = rng.randint(1960, 2024)
    if rng.random() < 0.2:
        date = {"start": str(year), "end": None, "precision": "year", "modifier": None,
                "text": f"in {year}"}
    else:
        day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        date = {"start": day, "end": None, "precision": "day", "modifier": None, "text": day}
    actor, recipient = (a, b) if rng.random() < 0.5 else (b, a)
    sentence = n % PER_DOCUMENT
    text = f"{actor[1]} and {recipient[1]}: {event_type.lower()} (synthetic {n})."
    return {
        "record": "event", "id": f"s{n:08d}", "event_type": event_type, "mode": None,
        "contexts": [], "cameo": None, "goldstein": goldstein, "quad_class": quad,
        "actors": [state(*actor)], "recipients": [state(*recipient)], "date": date,
        "location": None, "quantities": [], "status": "asserted", "attributed_to": None,
        "evidence": {"document": doc_id, "title": f"Synthetic {doc_id}", "section": "History",
                     "sentence": sentence, "start": sentence * 80,
                     "end": sentence * 80 + len(text), "text": text},
        "citations": [], "confidence": 0.7,
    }


def build(kb: KnowledgeBase, total: int, dyad_count: int, seed: int) -> list[tuple[str, str]]:
    """Bulk-load ``total`` events over ``dyad_count`` pairs of current states; the pairs."""
    g = load_gazetteer(None)
    states = sorted((c, s.name) for c, s in g.states.items() if s.status == "member")
    rng = random.Random(seed)
    pairs = rng.sample(list(combinations(states, 2)), dyad_count)
    now = "2024-01-01T00:00:00+00:00"
    with store.write(kb.engine) as conn:
        docs = [{"pk": d + 1, "id": f"syn{d:05d}", "title": f"Synthetic syn{d:05d}",
                 "source": f"synthetic/{d}.txt", "format": "text", "date": None, "url": None,
                 "records_hash": f"h{d}", "ingested_at": now, "json": "{}"}
                for d in range((total + PER_DOCUMENT - 1) // PER_DOCUMENT)]
        conn.execute(insert(documents), docs)
        rows_e: list[dict[str, Any]] = []
        rows_t: list[dict[str, Any]] = []
        rows_p: list[dict[str, Any]] = []
        for n in range(total):
            a, b = pairs[n % dyad_count]
            doc_pk = n // PER_DOCUMENT + 1
            r = synthetic_event(n, f"syn{doc_pk - 1:05d}", a, b, rng)
            lo, hi = bounds(r["date"])
            key = sort_key(r["date"])
            x, y = sorted((a[0], b[0]))
            pk = n + 1
            rows_e.append({"pk": pk, "id": r["id"], "merge_key": f"{r['event_type']}|{x}-{y}",
                           "event_type": r["event_type"], "quad_class": r["quad_class"],
                           "goldstein": r["goldstein"], "status": "asserted", "date_key": key,
                           "date_lo": lo, "date_hi": hi, "first_telling": pk, "tellings": 1})
            rows_t.append({"pk": pk, "event_pk": pk, "document_pk": doc_pk,
                           "record_id": r["id"],
                           "json": json.dumps(r, ensure_ascii=False, separators=(",", ":"))})
            rows_p.append({"event_pk": pk, "a": x, "b": y, "date_key": key, "date_lo": lo,
                           "date_hi": hi, "quad_class": r["quad_class"],
                           "goldstein": r["goldstein"]})
            if len(rows_e) == BATCH or n == total - 1:
                conn.execute(insert(events), rows_e)
                conn.execute(insert(event_tellings), rows_t)
                conn.execute(insert(event_pairs), rows_p)
                rows_e, rows_t, rows_p = [], [], []
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("ANALYZE")
    if kb.dialect == "postgresql":
        with kb.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    return [(a[0], b[0]) for a, b in pairs]


def timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return time.perf_counter() - t0, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--dyads", type=int, default=5000)
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", default=None, help="an empty postgresql:// database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase.open(args.db or str(Path(tmp) / "big.db"))
        t_build, pairs = timed(build, kb, args.events, args.dyads, args.seed)
        where = "PostgreSQL" if args.db else "SQLite"
        size = ""
        if not args.db:
            size = f", {sum(p.stat().st_size for p in Path(tmp).iterdir()) / 1e9:.2f} GB"
        print(f"built {args.events:,} events across {args.dyads:,} dyads in {t_build:.0f} s "
              f"({where}{size})")

        rng = random.Random(args.seed + 1)
        sample = rng.sample(pairs, min(args.samples, len(pairs)))
        kb.timeline(*sample[0])  # warm: gazetteer, statement caches
        times, sizes = [], []
        for a, b in sample:
            t, rows = timed(kb.timeline, a, b)
            times.append(t)
            sizes.append(len(rows))
        print(f"timeline of one dyad ({statistics.mean(sizes):.0f} records on average, "
              f"{len(sample)} dyads): median {statistics.median(times) * 1000:.1f} ms, "
              f"worst {max(times) * 1000:.1f} ms  (target < 50 ms)")

        kb.dyads()
        dyad_times = []
        for _ in range(3):
            t, rows = timed(kb.dyads)
            dyad_times.append(t)
        print(f"dyads ({len(rows):,} pairs): best {min(dyad_times):.3f} s, "
              f"median {statistics.median(dyad_times):.3f} s  (target < 1 s)")

        a, b = sample[0]
        t, rows = timed(kb.series, a, b, by="month")
        print(f"series {a}-{b} by month ({len(rows)} periods): {t * 1000:.1f} ms")
        t, rows = timed(kb.events, country=a, limit=100)
        print(f"events --country {a} (first 100): {t * 1000:.1f} ms")
        kb.close()


if __name__ == "__main__":
    main()
