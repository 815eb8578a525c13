"""The analysts' tables on a large knowledge base, against reading the same events.

Builds synthetic events across dyads (bench_kb_queries.build: bulk inserts into the
store's tables, SQLite in a temporary folder), then times, in the same process:

- the baseline: ``kb.events()``, every event read back as contract records, which each
  table starts from;
- ``kb.panel()`` (directed, by year), ``kb.panel(by="month")``, ``kb.icews()`` and
  ``kb.network()``, each as a ratio to the baseline, and writing the panel as CSV and
  Parquet.

Prints the figures; asserts nothing (benchmark figures, not timed tests).

    .venv/bin/python benchmarks/bench_panel.py [--events 100000] [--dyads 2000]
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_kb_queries import build

from dyad.kb import KnowledgeBase
from dyad.kb.export import write_table
from dyad.kb.panel import columns


def timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[float, int]:
    """Best of two runs, and the size of what came back (rows, or a network's edges).
    Nothing is kept between runs: a live result would slow the next one's collector."""
    best, size = float("inf"), 0
    for _ in range(2):  # the better of two: the first also warms caches
        gc.collect()
        t0 = time.perf_counter()
        out = fn(*args, **kwargs)
        best = min(best, time.perf_counter() - t0)
        size = out if isinstance(out, int) else len(getattr(out, "edges", out))
        del out
    return best, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--dyads", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase.open(str(Path(tmp) / "big.db"))
        t0 = time.perf_counter()
        build(kb, args.events, args.dyads, args.seed)
        print(f"built {args.events:,} events across {args.dyads:,} dyads in "
              f"{time.perf_counter() - t0:.0f} s")
        base, count = timed(kb.events)
        print(f"baseline kb.events(): {count:,} events in {base:.2f} s")
        for label, fn, kwargs in (("panel by year", kb.panel, {}),
                                  ("panel by month", kb.panel, {"by": "month"}),
                                  ("ICEWS rows", kb.icews, {}),
                                  ("network", kb.network, {})):
            t, size = timed(fn, **kwargs)
            print(f"{label}: {size:,} rows/edges in {t:.2f} s = {t / base:.2f} × baseline")
        panel = kb.panel()
        for suffix in (".csv", ".parquet"):
            path = Path(tmp) / f"panel{suffix}"
            t, _ = timed(write_table, panel, columns("year"), str(path))
            print(f"write {len(panel):,} panel rows as {suffix[1:]}: {t:.2f} s "
                  f"({path.stat().st_size / 1e6:.1f} MB)")
        kb.close()


if __name__ == "__main__":
    main()
