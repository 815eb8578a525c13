"""A separate process on a knowledge base, for the concurrency and kill -9 tests.

    python -m tests.kb.worker ingest URL PREFIX DOCUMENTS EVENTS   store synthetic documents
    python -m tests.kb.worker read URL SECONDS                     check what readers see
    python -m tests.kb.worker interrupted URL EVENTS               says "midway" mid-document

Each synthetic document's title says how many events it holds, so a reader
can check that it never sees part of a document.
"""

from __future__ import annotations

import random
import sys
import time
from typing import Any

from dyad.kb import KnowledgeBase
from tests.kb.records import document, event, when

PAIRS = [("MLI", "RUS"), ("CHL", "PER"), ("FRA", "MLI"), ("BFA", "RUS"), ("UKR", "RUS")]
TYPES = ["AID", "CONSULT", "ACCUSE", "COOPERATE", "AGREE"]


def synthetic(doc_id: str, events: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out = [document(doc_id, f"{doc_id} events={events}", f"{doc_id}.txt", sentences=events)]
    for i in range(events):
        a, b = rng.choice(PAIRS)
        date = f"{rng.randint(1960, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        out.append(event(doc_id, f"{doc_id}-{i}", rng.choice(TYPES), [a], [b], when(date),
                         sentence=i, quad=rng.randint(1, 4), goldstein=rng.uniform(-10, 10)))
    return out


def ingest(url: str, prefix: str, documents: int, events: int) -> None:
    with KnowledgeBase.open(url) as kb:
        for n in range(documents):
            kb.ingest_records(synthetic(f"{prefix}{n}", events, seed=n))
    print("done", flush=True)


def read(url: str, seconds: float) -> None:
    reads = 0
    deadline = time.monotonic() + seconds
    with KnowledgeBase.open(url) as kb:
        while time.monotonic() < deadline:
            for doc in kb.documents():
                expected = int(doc["title"].rsplit("=", 1)[1])
                got = len(kb.events(document=doc["id"]))
                if got != expected:
                    print(f"partial document {doc['id']}: {got} of {expected}", flush=True)
                    sys.exit(1)
            kb.dyads()
            reads += 1
    print(f"ok {reads}", flush=True)


def interrupted(url: str, events: int) -> None:
    import dyad.kb.ingest as ingest_module

    with KnowledgeBase.open(url) as kb:
        kb.ingest_records(synthetic("whole", 5, seed=1))
        store_batch = ingest_module._store_event_batch
        batches = 0

        def store_and_tell(*args: Any) -> int:
            nonlocal batches
            batches += 1
            if batches == events // ingest_module.BATCH // 2:
                print("midway", flush=True)  # the test kills us now, mid-transaction
                time.sleep(60)
            return store_batch(*args)

        ingest_module._store_event_batch = store_and_tell
        kb.ingest_records(synthetic("cut", events, seed=2))
    print("finished", flush=True)


if __name__ == "__main__":
    mode, url, *rest = sys.argv[1:]
    if mode == "ingest":
        ingest(url, rest[0], int(rest[1]), int(rest[2]))
    elif mode == "read":
        read(url, float(rest[0]))
    elif mode == "interrupted":
        interrupted(url, int(rest[0]))
    else:
        sys.exit(f"unknown mode {mode}")
