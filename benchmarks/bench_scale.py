"""Corpus scale: engines' throughput, bulk ingest rate, and a dump reader's memory.

Three measurements, each optional (``--only``):

- ``engines``: a dump of ``--pages`` generated own-words wikitext pages (see
  relations_text.py) extracted by the local loop, ``--jobs 2`` and Ray with 1 and 2
  workers (``--workers`` to change), all in this process through the functions the CLI
  calls. For each: the wall time with start-up (spaCy and workers loading), and the
  steady rate in documents/s and words/s, timed from the moment every worker has
  finished its first document to the last (start-up is paid once a run, the rate is
  what a long run gets). Ratios: Ray 2 / Ray 1 and Ray / --jobs at the same workers.
- ``ingest``: ``--records`` contract records (cloned from the records of generated
  pages, with new ids, pairs and dates so that few merge) written as Parquet part
  files, then ``dyad ingest DIR`` into a fresh SQLite file: records/s, and the
  minutes a million records would take at that rate (``--postgres``: into a
  throwaway PostgreSQL server started as the tests start one).
- ``rss``: a plain XML dump of ``--dump-mb`` megabytes read by ``dyad extract
  --titles`` that selects a handful of pages, in a child process: its peak RSS, against
  the same for a dump a tenth of the size (flat memory: about the same).

Asserts nothing: these machines are shared, compare runs, not absolutes.

    .venv/bin/python benchmarks/bench_scale.py [--pages 24] [--words 400]
        [--records 100000] [--dump-mb 1024] [--only engines,ingest,rss]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from relations_text import SECTIONS, countries, relations_paragraphs

from dyad.engines import Plan, planned_documents

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.read.dumps import Page, write_dump  # noqa: E402


def wiki_pages(count: int, words: int, seed: int = 0) -> Iterator[Page]:
    """Generated "X–Y relations" pages as wikitext, own words (relations_text templates)."""
    rng = random.Random(seed)
    everyone = countries()
    for n in range(count):
        a, b = rng.sample(everyone, 2)
        parts = [f"'''{a.name}–{b.name} relations''' are the relations between "
                 f"[[{a.name}]] and [[{b.name}]].\n"]
        while sum(len(p.split()) for p in parts) < words:
            paragraphs, _ = relations_paragraphs(rng.randint(2, 5) * 50, rng, a, b, everyone,
                                                 ref=None)
            parts.append(f"\n== {rng.choice(SECTIONS)} ==\n" + "\n\n".join(paragraphs) + "\n")
        yield (1000 + n, 0, f"{a.name}–{b.name} relations {n}", ["".join(parts)], None)


# -- engines ---------------------------------------------------------------------------

def cpu_now() -> float:
    """CPU seconds of this process and of its children that have ended (--jobs workers)."""
    import resource

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(documents: Iterator[Any], spans: list[tuple[float, float, float]] | None = None,
          ) -> dict[str, float]:
    """Wall time of a run (start-up included), its steady rate and its CPU per document.

    The steady rate is documents per second of the window in which documents were being
    worked on. For Ray the window is the actors' own (they tell when they began and
    finished each document, and the CPU it took: the driver gets results in bursts);
    elsewhere it runs from the first document's records to the last's (the first
    document's time is start-up). CPU per document does not depend on how many cores
    other people's jobs leave free: it compares the engines' own costs.
    """
    t0, cpu0 = time.time(), cpu_now()
    arrived: list[float] = []
    records = 0
    for rows in documents:
        records += len(rows)
        arrived.append(time.time())
    if spans:
        window = max(end for _, end, _ in spans) - min(start for start, _, _ in spans)
        rate = len(spans) / window
        cpu = sum(c for _, _, c in spans) / len(spans)
    else:
        rate = (len(arrived) - 1) / (arrived[-1] - arrived[0])
        cpu = (cpu_now() - cpu0) / len(arrived)  # reading and start-up included
    return {"wall": arrived[-1] - t0, "docs": len(arrived), "records": records,
            "docs_s": rate, "cpu": cpu}


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def headroom(workers: int, n: int = 8_000_000) -> float:
    """How much faster ``workers`` processes do ``workers`` pure-Python loops than one
    process does one each in turn: the parallelism the machine gives right now (other
    people's jobs take cores); the engines cannot scale past it."""
    import multiprocessing

    t0 = time.perf_counter()
    _spin(n)
    one = time.perf_counter() - t0
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        pool.map(_spin, [1000] * workers)  # started before timing
        t0 = time.perf_counter()
        pool.map(_spin, [n] * workers)
        many = time.perf_counter() - t0
    return workers * one / many


def run_engines(pages: int, words: int, workers: list[int]) -> None:
    from dyad.extract.parquet import by_document
    from dyad.pipeline import extract_all

    with tempfile.TemporaryDirectory(prefix="dyad-scale-") as tmp:
        generated = list(wiki_pages(pages, words))
        total_words = sum(len(page[3][-1].split()) for page in generated)
        dump = write_dump(Path(tmp) / "scale-pages-articles.xml.bz2", generated)
        print(f"dump: {pages} pages, {total_words:,} words ({total_words // pages} a page)")
        for n in workers[1:]:
            print(f"machine: {n} busy loops in {n} processes run {headroom(n):.2f}x one "
                  "(the parallelism free now)")

        def local(jobs: int) -> Callable[[Plan], Iterator[Any]]:
            return lambda plan: (g for _, g in by_document(
                extract_all(planned_documents(plan, None), jobs=jobs)))

        results: dict[str, dict[str, float]] = {}
        from dyad.annotate.nlp import load_nlp

        load_nlp()  # loaded once here: the local loop's start-up is this process's
        plan = Plan([str(dump)])
        for n in workers:
            name = "local" if n == 1 else f"--jobs {n}"
            results[name] = timed(local(n)(plan))
            _report(name, results[name], total_words)
        try:
            import ray

            from dyad.engines.ray import ray_documents
        except ImportError:
            print("ray: not installed (pip install 'dyad[ray]'), skipped")
            return

        for n in workers:
            name = f"ray {n}"
            spans: list[tuple[float, float, float]] = []
            results[name] = timed(ray_documents(plan, workers=n, spans=spans), spans)
            ray.shutdown()  # the next run starts Ray afresh with its number of CPUs
            _report(name, results[name], total_words)
        if len(workers) > 1:
            a, b = workers[0], workers[-1]
            gain = results[f"ray {b}"]["docs_s"] / results[f"ray {a}"]["docs_s"]
            print(f"ray {b} workers / ray {a}: {gain:.2f}x")
        for n in workers:
            local_name = "local" if n == 1 else f"--jobs {n}"
            ray_r, local_r = results[f"ray {n}"], results[local_name]
            print(f"ray {n} / {local_name}: rate {ray_r['docs_s'] / local_r['docs_s']:.2f}, "
                  f"CPU a document {ray_r['cpu'] / local_r['cpu']:.2f} (the actors' CPU, "
                  "without reading; the local figure has reading and start-up in it)")


def _report(name: str, r: dict[str, float], words: int) -> None:
    per_doc = words / r["docs"]
    print(f"{name:>10}: {int(r['docs'])} docs {int(r['records'])} records in {r['wall']:.1f}s "
          f"with start-up; steady {r['docs_s']:.2f} docs/s, "
          f"{r['docs_s'] * per_doc:,.0f} words/s; CPU {r['cpu']:.3f}s a document")


# -- ingest ----------------------------------------------------------------------------

def synthetic_records(total: int, seed: int = 1) -> Iterator[list[dict[str, Any]]]:
    """Documents' records cloned from a generated page's real records: new ids, states
    and dates, so tellings rarely merge (a corpus of many pairs), about ``total`` in all."""
    from dyad.pipeline import extract_records
    from dyad.read import read_text

    *_, texts, _ = next(wiki_pages(1, 1500, seed=seed))
    template = list(extract_records(read_text(texts[-1], input_format="wikitext",
                                              doc_id="template", title="Template")))
    codes = sorted({c.name[:3].upper() for c in countries()})  # stand-ins: many pairs
    rng = random.Random(seed)
    made, n = 0, 0
    while made < total:
        doc_id = f"synthetic-{n}"
        a, b = rng.sample(codes, 2)
        out = []
        for r in template:
            r = json.loads(json.dumps(r))
            if r["record"] == "document":
                r.update(id=doc_id, title=f"{a}–{b} relations {n}", source=f"synthetic/{n}")
            elif r["record"] == "reference":
                r["document"] = doc_id
            else:
                r["id"] = f"{doc_id}-{r['id']}"
                r["evidence"]["document"] = doc_id
                for side in ("actors", "recipients", "subject", "object"):
                    found = r.get(side)
                    for e in found if isinstance(found, list) else [found]:
                        if isinstance(e, dict) and e.get("country"):
                            e["country"] = rng.choice(codes)
                when = r.get("date") if r["record"] == "event" else r.get("valid")
                if isinstance(when, dict) and when.get("start"):
                    when["start"] = f"{rng.randint(1900, 2024)}{when['start'][4:]}"
                    when["end"] = None
            out.append(r)
        made += len(out)
        n += 1
        yield out


def run_ingest(records: int, postgres: bool = False) -> None:
    from dyad.extract.parquet import PartWriter, record_row

    with tempfile.TemporaryDirectory(prefix="dyad-ingest-") as tmp:
        folder = Path(tmp) / "parts"
        writer = PartWriter(folder)
        t0 = time.perf_counter()
        for group in synthetic_records(records):
            writer.add([record_row(r) for r in group])
        writer.close()
        print(f"ingest: {writer.records:,} records in {writer.documents:,} documents, "
              f"{writer.parts} part files, written in {time.perf_counter() - t0:.1f}s")
        server = None
        if postgres:  # the tests' throwaway server (fsync off: a scratch cluster)
            from tests.kb import postgres as pg

            server = pg.start()
            db = pg.create_schema(server, "bench_scale")
        else:
            db = str(Path(tmp) / "kb.db")
        try:
            t0 = time.perf_counter()
            out = subprocess.run([sys.executable, "-m", "dyad", "ingest", str(folder), "--db",
                                  db, "--quiet"], capture_output=True, text=True, cwd=ROOT)
            elapsed = time.perf_counter() - t0
        finally:
            if server is not None and server.stop:
                server.stop()  # type: ignore[operator]
        if out.returncode:
            sys.exit(f"bench_scale: ingest failed: {out.stderr}")
        rate = writer.records / elapsed
        print(f"ingest into {'PostgreSQL' if postgres else 'SQLite'}: {elapsed:.1f}s → "
              f"{rate:,.0f} records/s; 1M records at this rate: "
              f"{1_000_000 / rate / 60:.1f} min (extrapolated)")


# -- memory ----------------------------------------------------------------------------

def write_big_dump(path: Path, megabytes: int, words: int = 1200) -> int:
    """A plain XML dump of about ``megabytes`` MB: generated pages, a few titled 'Zeta*'."""
    from tests.read.dumps import dump_xml

    pages = list(wiki_pages(40, words))
    head, _, _ = dump_xml([]).partition("</mediawiki>")
    size, n = 0, 0
    with path.open("w", encoding="utf-8") as f:
        f.write(head)
        while size < megabytes * 1_000_000:
            _, ns, title, texts, _ = pages[n % len(pages)]
            title = f"Zeta page {n}" if n % 5000 == 0 else f"{title} copy {n}"
            block = dump_xml([(n + 1, ns, title, texts, None)])
            block = block[block.index("  <page>"): block.index("</mediawiki>")]
            f.write(block)
            size += len(block.encode())
            n += 1
        f.write("</mediawiki>\n")
    return n


def child_rss(args: list[str]) -> tuple[float, float]:
    """Peak RSS (MB) and wall time of ``dyad`` with ``args`` in a child process."""
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "r = subprocess.run([sys.executable, '-m', 'dyad', *sys.argv[1:]], "
            "stdout=subprocess.DEVNULL); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, "
            "time.perf_counter() - t, r.returncode)")
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         cwd=ROOT)
    rss, wall, rc = out.stdout.split()
    if rc != "0":
        sys.exit(f"bench_scale: dyad {' '.join(args)} failed: {out.stderr}")
    return float(rss), float(wall)


def run_rss(megabytes: int) -> None:
    with tempfile.TemporaryDirectory(prefix="dyad-rss-") as tmp:
        for size in (megabytes // 10, megabytes):
            dump = Path(tmp) / f"big-{size}.xml"
            pages = write_big_dump(dump, size)
            rss, wall = child_rss(["extract", str(dump), "--titles", "Zeta*", "--max-bytes",
                                   "50000000"])
            print(f"rss: {dump.stat().st_size / 1e6:,.0f} MB dump, {pages:,} pages, "
                  f"{(pages + 4999) // 5000} extracted: peak RSS {rss:,.0f} MB, {wall:.0f}s "
                  f"({dump.stat().st_size / 1e6 / wall:.0f} MB/s)")
            dump.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=24)
    parser.add_argument("--words", type=int, default=400)
    parser.add_argument("--workers", default="1,2", help="Worker counts, e.g. 1,4,8,16.")
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--dump-mb", type=int, default=1024)
    parser.add_argument("--postgres", action="store_true",
                        help="Ingest into a throwaway PostgreSQL server, not SQLite.")
    parser.add_argument("--only", default="engines,ingest,rss")
    args = parser.parse_args()
    steps: dict[str, Callable[[], None]] = {
        "engines": lambda: run_engines(args.pages, args.words,
                                       [int(w) for w in args.workers.split(",")]),
        "ingest": lambda: run_ingest(args.records, args.postgres),
        "rss": lambda: run_rss(args.dump_mb),
    }
    for name in args.only.split(","):
        steps[name]()


if __name__ == "__main__":
    main()
