"""`dyad report` on a pair with 1,000 events: build and render time, file size, browser load.

Run: .venv/bin/python benchmarks/bench_report.py [--events N] [--no-browser]

A synthetic SQLite knowledge base holds one pair (Chile–Peru) with N events
(default 1,000) and facts, told by 20 documents with reference lists. Prints
the time to gather the dossier and to render the page, the page's size, the
ratio of that work to the baseline (the bare `kb.timeline` query the dossier
starts from, run in the same process) and, with Chromium, the page's load time
from the browser's navigation timing (load event end, scripts done).
Targets (issue 6): server + browser under 1 s, file under 2 MB.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from dyad.kb import KnowledgeBase
from dyad.report import build_dossier, render_html

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repo root, for tests/
from tests.chromium import INSTALLED, headless_chromium

TYPES = [  # PLOVER type, quad class, Goldstein, CAMEO, a sentence pattern
    ("CONSULT", 1, 1.0, "040", "{a} and {b} officials met in {city} to discuss {topic}."),
    ("AGREE", 1, 4.0, "030", "{a} agreed with {b} to widen talks on {topic}."),
    ("COOPERATE", 2, 6.0, "060", "{a} and {b} began joint work on {topic} near {city}."),
    ("AID", 2, 7.0, "070", "{a} sent {n} tonnes of supplies to {b} for {topic}."),
    ("ACCUSE", 3, -2.0, "112", "{a} accused {b} of breaking its word on {topic}."),
    ("REJECT", 3, -4.0, "120", "{a} turned down a proposal from {b} about {topic}."),
    ("SANCTION", 4, -4.5, "160", "{a} cut ties with {b} over {topic} for a while."),
    ("ASSAULT", 4, -9.0, "190", "Troops of {a} clashed with a patrol from {b} near {city}."),
]
STATUSES = ["asserted"] * 8 + ["alleged", "reported", "pledged", "speculated"]
CITIES = ["Lima", "Santiago", "Arica", "Tacna", "Cusco", "Valparaíso", "Iquique", "Arequipa"]
TOPICS = ["fisheries", "the border", "trade in copper", "water rights", "migration",
          "port access", "mining permits", "a rail link", "customs", "electricity exports"]
NAMES = {"CHL": "Chile", "PER": "Peru"}


def entity(code: str) -> dict[str, Any]:
    return {"name": NAMES[code], "text": NAMES[code], "kind": "state", "country": code,
            "sector": None, "role": None}


def synthetic_documents(n_events: int, n_docs: int = 20) -> list[list[dict[str, Any]]]:
    """Each document's records: document, references, events, facts."""
    rng = random.Random(6)
    docs = []
    per_doc = -(-n_events // n_docs)
    made = 0
    for d in range(n_docs):
        doc = f"bench{d:011d}"
        title = f"Chile–Peru relations, part {d + 1}"
        records: list[dict[str, Any]] = [
            {"record": "document", "id": doc, "title": title, "source": f"bench/{doc}.txt",
             "format": "text", "date": None, "url": f"https://example.org/{doc}",
             "sections": [], "sentences": per_doc + 10}]
        refs = []
        for k in range(1, 31):
            ref = {"label": str(k), "text": f'"Report {k}". Andes Wire. {2000 + k % 24}.',
                   "title": f"Report {k} on the neighbours", "work": "Andes Wire",
                   "date": f"{2000 + k % 24}", "url": f"https://example.org/{doc}/{k}"}
            refs.append(ref)
            records.append({"record": "reference", "document": doc, **ref})
        for s in range(min(per_doc, n_events - made)):
            event_type, quad, goldstein, cameo, pattern = rng.choice(TYPES)
            a, b = rng.sample(["CHL", "PER"], 2)
            # each document its own years (1950 + d, + 20, ...): the knowledge base merges
            # same-type events of two documents whose dates nest, and these must stay 1,000
            year = 1950 + d + n_docs * rng.randint(0, (2024 - 1950 - d) // n_docs)
            start = rng.choice([f"{year}", f"{year}-{rng.randint(1, 12):02d}",
                                f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"])
            text = (pattern.format(a=NAMES[a], b=NAMES[b], city=rng.choice(CITIES),
                                   topic=rng.choice(TOPICS), n=rng.randint(5, 900))
                    + f" Officials gave further details in statement {s} of the series.")
            offset = s * 200
            records.append({
                "record": "event", "id": f"{doc}e{s:05d}", "event_type": event_type,
                "mode": None, "contexts": ["diplomatic"], "cameo": cameo,
                "goldstein": goldstein, "quad_class": quad, "actors": [entity(a)],
                "recipients": [entity(b)],
                "date": {"start": start, "end": None, "precision": {4: "year", 7: "month"}.get(
                    len(start), "day"), "modifier": None, "text": start},
                "location": None, "quantities": [], "status": rng.choice(STATUSES),
                "attributed_to": None,
                "evidence": {"document": doc, "title": title, "section": "History > Events",
                             "sentence": s, "start": offset, "end": offset + len(text),
                             "text": text},
                "citations": rng.sample(refs, rng.randint(1, 2)), "confidence": 0.7})
            made += 1
        for k, (kind, extra) in enumerate([
                ("embassy", {"place": {"name": "Lima", "country": "PER"}}),
                ("ambassador", {"person": {**entity("CHL"), "name": f"Envoy {d}",
                                           "kind": "person", "role": "ambassador"}}),
                ("diplomatic_relations", {})]):
            text = f"Fact {k} of document {d}: {kind.replace('_', ' ')} between the two."
            records.append({
                "record": "fact", "id": f"{doc}f{k}", "kind": kind, "subject": entity("CHL"),
                "object": entity("PER"), "person": None, "place": None,
                "valid": {"start": f"{1950 + d * 3}", "end": None, "precision": "year",
                          "modifier": None, "text": None},
                "status": "asserted", "confidence": 0.8, **extra,
                "evidence": {"document": doc, "title": title, "section": "Standing ties",
                             "sentence": per_doc + k, "start": 0, "end": len(text),
                             "text": text},
                "citations": [refs[k]]})
        docs.append(records)
    return docs


def browser_load(path: Path, runs: int = 5) -> list[float] | None:
    if not INSTALLED:
        print("browser: skipped (chromium or chromedriver not installed)")
        return None
    with headless_chromium() as driver:
        times = []
        for _ in range(runs + 1):
            driver.get("about:blank")
            driver.get(path.as_uri())
            # get() can return inside the load event, before loadEventEnd is set
            nav = [0, 0]
            for _ in range(200):
                nav = driver.execute_script(
                    "var n = performance.getEntriesByType('navigation')[0];"
                    "return [n.loadEventEnd ? n.loadEventEnd - n.startTime : 0,"
                    " document.querySelectorAll('#tl .mark').length];")
                if nav[0]:
                    break
                time.sleep(0.01)
            times.append(nav[0] / 1000)
        print(f"browser: {nav[1]} timeline marks drawn")
        return times[1:]  # the first load warms the browser


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        kb = KnowledgeBase.open(str(Path(tmp) / "bench.db"))
        t0 = time.perf_counter()
        for records in synthetic_documents(args.events):
            kb.ingest_records(records)
        print(f"ingest: {time.perf_counter() - t0:.2f}s  {kb.stats()}")

        build_dossier(kb, "CHL", "PER")  # warm caches (gazetteer, world map)
        base, build, render = [], [], []
        for _ in range(5):
            t0 = time.perf_counter()
            kb.timeline("CHL", "PER")
            base.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            dossier = build_dossier(kb, "CHL", "PER", source="bench.db")
            build.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            page = render_html(dossier)
            render.append(time.perf_counter() - t0)
        kb.close()
        t_base, t_build, t_render = (statistics.median(x) for x in (base, build, render))
        size = len(page.encode("utf-8"))
        out = Path(tmp) / "report.html"
        out.write_text(page, encoding="utf-8")
        print(f"pair: {len(dossier.events)} events, {len(dossier.facts)} facts, "
              f"{len(dossier.references)} references, {len(dossier.documents)} documents")
        print(f"timeline query (baseline) {t_base:.3f}s  dossier {t_build:.3f}s  "
              f"render {t_render:.3f}s  (median of 5)")
        print(f"ratio (dossier + render) / baseline: {(t_build + t_render) / t_base:.2f}")
        print(f"size: {size} bytes ({size / 2**20:.2f} MiB; target < 2 MB)")
        server = t_build + t_render
        loads = None if args.no_browser else browser_load(out)
        if loads:
            t_load = statistics.median(loads)
            print(f"browser load (navigation timing, load event end): median {t_load:.3f}s "
                  f"of {len(loads)} [{', '.join(f'{x:.3f}' for x in loads)}]")
            print(f"server + browser: {server + t_load:.3f}s (target < 1 s)")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
