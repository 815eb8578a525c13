"""`dyad extract` against the bare spaCy pass it is built on, measured in one process.

Generates a ~40k-word relations page (own-words templates, see relations_text.py),
then times, best of ``--rounds``:

- spaCy: ``nlp.pipe`` of the loaded pipeline over the page's sentences (the texts
  dyad hands spaCy; whole paragraphs are slower to parse, so this is the stricter base);
- dyad: the whole ``dyad extract`` path on the page text: read → annotate →
  extract → records serialised as JSON lines.

Prints words, sentences/s of each and the ratio dyad / spaCy (target: <= 1.25), in CPU
time of this process (steady on a shared machine) and in wall time.
With ``--jobs N`` it also times ``dyad extract`` on a folder of pages with 1 and
N worker processes and prints the speedup (target for 2: >= 1.6; needs free cores).
Asserts nothing: these machines are shared, compare runs, not absolutes.

    .venv/bin/python benchmarks/bench_extract.py [--words 40000] [--rounds 3] [--jobs 2]
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from relations_text import relations_page, relations_pages

from dyad.annotate.nlp import load_nlp
from dyad.extract.output import write_records
from dyad.pipeline import extract_records
from dyad.read import read_text
from dyad.reference.gazetteer import load_gazetteer


def time_spacy(texts: list[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of the bare pipeline over ``texts``."""
    nlp = load_nlp()
    c0, t0 = time.process_time(), time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return time.process_time() - c0, time.perf_counter() - t0


def time_dyad(page: str) -> tuple[float, float, int]:
    """(CPU seconds, wall seconds, records) of read → annotate → extract → JSON lines."""
    out = io.StringIO()
    c0, t0 = time.process_time(), time.perf_counter()
    n = write_records(extract_records(read_text(page)), "jsonl", out)
    return time.process_time() - c0, time.perf_counter() - t0, n


def time_jobs(folder: Path, jobs: int) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "dyad", "extract", "--jobs", str(jobs), str(folder)],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=40_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=0, help="also time 1 vs N processes")
    args = parser.parse_args()

    page = relations_page(args.words)
    doc = read_text(page)
    words = sum(len(s.text.split()) for s in doc.sentences)
    n_sent = len(doc.sentences)
    texts = [s.text for s in doc.sentences]
    load_gazetteer()
    time_dyad(relations_page(2000, seed=1))  # load spaCy, data files, caches of code paths
    spacy = [float("inf")] * 2
    dyad = [float("inf")] * 2
    records = 0
    for _ in range(args.rounds):  # interleaved so a noisy neighbour hits both alike
        spacy = [min(a, b) for a, b in zip(spacy, time_spacy(texts), strict=True)]
        *took, records = time_dyad(page)
        dyad = [min(a, b) for a, b in zip(dyad, took, strict=True)]
    print(f"text: {words:,} words, {n_sent:,} sentences, {records:,} records")
    for label, (cpu, wall) in (("spaCy nlp.pipe", spacy), ("dyad extract", dyad)):
        print(f"{label:15} CPU {cpu:6.2f} s ({n_sent / cpu:,.0f} sentences/s), "
              f"wall {wall:6.2f} s ({n_sent / wall:,.0f} sentences/s)")
    print(f"ratio dyad / spaCy: CPU {dyad[0] / spacy[0]:.2f}, wall {dyad[1] / spacy[1]:.2f} "
          "(target <= 1.25)")

    if args.jobs > 1:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            for n, text in enumerate(relations_pages(4 * args.jobs, args.words // 4, seed=2)):
                (folder / f"page{n:03}.txt").write_text(text, encoding="utf-8")
            one = many = float("inf")
            for _ in range(args.rounds):  # interleaved, best of each
                one = min(one, time_jobs(folder, 1))
                many = min(many, time_jobs(folder, args.jobs))
        print(f"folder of {4 * args.jobs} pages: --jobs 1 {one:.1f} s, --jobs {args.jobs} "
              f"{many:.1f} s (wall, best of {args.rounds}), speedup {one / many:.2f} "
              "(target for 2: >= 1.6)")


if __name__ == "__main__":
    main()
