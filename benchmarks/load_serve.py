"""A bounded load test of `dyad serve` on 127.0.0.1: readers, writers and a kill -9.

Builds a knowledge base from the example page in a temporary folder, starts `dyad serve`
on a free loopback port (never another address), and for ``--seconds`` runs
``--readers`` threads that GET the API (events, dyads, a timeline, search, documents)
and ``--writers`` threads that POST new relations pages (own words, relations_text.py).
Half-way it kills the server with SIGKILL while uploads are in flight, starts it again
on the same database, and runs the second half. Then it checks what was lost:

- every upload the server acknowledged (201) is in the knowledge base, whole (its
  document answers, with as many events as the upload's answer said);
- an upload cut off by the kill is either all there or not there at all;
- SQLite's integrity check passes.

Prints requests, errors (any 5xx or dropped connection outside the kill), latency
percentiles and the loss count as JSON. Nothing is asserted about time.

    .venv/bin/python benchmarks/load_serve.py [--seconds 20] [--readers 16] [--writers 2]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import signal
import sqlite3
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
from relations_text import relations_page
from serving import free_port, start_serve

from dyad.kb import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "load-test-token"
READS = ["/api/events?limit=50", "/api/dyads", "/api/dyads/BFA/RUS/timeline",
         "/api/search?q=embassy", "/api/documents?limit=20", "/api/facts?limit=50"]


def start(db: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    return start_serve("load_serve", db, port, log, "--token", TOKEN, append=True, wait=120)


class Load:
    """Readers and writers against one server until ``stop`` is set."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.stop = threading.Event()
        self.killed = threading.Event()  # set while the server is down on purpose
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.upload_latencies: list[float] = []
        self.errors: list[str] = []
        self.acknowledged: dict[str, int] = {}  # document id → events its answer counted
        self.cut_off: list[str] = []  # the text of uploads the kill cut off in flight

    def reader(self, n: int) -> None:
        with httpx.Client(base_url=self.url, timeout=60) as client:
            for path in itertools.cycle(READS[n % len(READS):] + READS[:n % len(READS)]):
                if self.stop.is_set():
                    return
                start = time.perf_counter()
                try:
                    status = client.get(path).status_code
                except httpx.TransportError as e:
                    if not self.killed.is_set():
                        self._error(f"GET {path}: {type(e).__name__}")
                    time.sleep(0.1)
                    continue
                with self.lock:
                    self.latencies.append(time.perf_counter() - start)
                if status != 200:
                    self._error(f"GET {path}: {status}")

    def writer(self, n: int, seeds: itertools.count) -> None:
        headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"}
        with httpx.Client(base_url=self.url, timeout=300) as client:
            while not self.stop.is_set():
                text = relations_page(400, seed=1000 * (n + 1) + next(seeds))
                start = time.perf_counter()
                try:
                    response = client.post("/api/documents", content=text, headers=headers)
                except httpx.TransportError as e:
                    if self.killed.is_set():
                        if not isinstance(e, httpx.ConnectError):  # in flight, not refused
                            with self.lock:
                                self.cut_off.append(text)
                    else:
                        self._error(f"POST: {type(e).__name__}")
                    time.sleep(0.1)
                    continue
                if response.status_code not in (200, 201):
                    self._error(f"POST: {response.status_code} {response.text[:100]}")
                    continue
                with self.lock:
                    self.upload_latencies.append(time.perf_counter() - start)
                    for doc in response.json()["documents"]:
                        self.acknowledged[doc["document"]] = doc.get("events", -1)

    def _error(self, what: str) -> None:
        with self.lock:
            self.errors.append(what)


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))], 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=20, help="of load, both halves")
    parser.add_argument("--readers", type=int, default=16)
    parser.add_argument("--writers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db, log = Path(tmp) / "kb.db", Path(tmp) / "serve.log"
        with KnowledgeBase.open(str(db)) as kb:
            kb.ingest([str(ROOT / "examples" / "burkina_faso-russia.txt")])
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        process = start(db, port, log)
        load = Load(url)
        seeds = itertools.count()
        threads = [threading.Thread(target=load.reader, args=(n,)) for n in range(args.readers)]
        threads += [threading.Thread(target=load.writer, args=(n, seeds))
                    for n in range(args.writers)]
        for t in threads:
            t.start()
        time.sleep(args.seconds / 2)
        # kill -9 while uploads are in flight (each takes a second or more to extract)
        acknowledged_before = len(load.acknowledged)
        load.killed.set()
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        process = start(db, port, log)
        load.killed.clear()
        time.sleep(args.seconds / 2)
        load.stop.set()
        for t in threads:
            t.join()
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        report = check(db, load)
        report.update({
            "readers": args.readers, "writers": args.writers, "seconds": args.seconds,
            "reads": len(load.latencies), "read_p50_s": percentile(load.latencies, 0.5),
            "read_p99_s": percentile(load.latencies, 0.99),
            "uploads_acknowledged": len(load.acknowledged),
            "uploads_acknowledged_before_kill": acknowledged_before,
            "upload_p50_s": percentile(load.upload_latencies, 0.5),
            "errors": len(load.errors), "error_samples": sorted(set(load.errors))[:5],
        })
        print(json.dumps(report, indent=2))


def check(db: Path, load: Load) -> dict[str, Any]:
    """What the knowledge base holds of the acknowledged uploads and of those the kill
    cut off in flight."""
    from dyad.read import read_text

    with sqlite3.connect(db) as conn:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    with KnowledgeBase.open(str(db), create=False) as kb:
        stored = {d["id"] for d in kb.documents()}
        lost = [i for i in load.acknowledged if i not in stored]
        # one transaction per document: an acknowledged one has all the events it was told
        short = [i for i, n in load.acknowledged.items()
                 if i in stored and len(kb.events(document=i)) < n]
        cut = {read_text(text).id for text in load.cut_off}
    return {"acknowledged_lost": len(lost), "acknowledged_missing_events": len(short),
            "uploads_in_flight_at_kill": len(cut), "of_which_stored": len(cut & stored),
            "sqlite_integrity": integrity}


if __name__ == "__main__":
    main()
