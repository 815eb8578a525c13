"""Parsing speed: MB/s of `read_text` on scraped-page text.

Builds a large page by repeating the example's body with fresh numbers, so the
measure does not depend on ../shared. Prints MB/s and sentences/s; asserts
nothing about time (these machines are noisy: compare runs, not absolutes).

    .venv/bin/python benchmarks/bench_parse.py [--repeat 200]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from dyad.read import read_text

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "burkina_faso-russia.txt"


def build_page(repeat: int) -> str:
    text = EXAMPLE.read_text(encoding="utf-8")
    head, _, rest = text.partition("History\n")
    body, _, refs = rest.partition("See also\n")
    sections = [f"History {n}\n\n[edit]\n" + body.replace("[8]", f"[{n}]") for n in range(repeat)]
    return head + "".join(sections) + "See also\n" + refs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    page = build_page(args.repeat)
    size_mb = len(page.encode("utf-8")) / 1e6
    read_text(page[:5000])  # warm up imports
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        doc = read_text(page)
        best = min(best, time.perf_counter() - start)
    print(f"input {size_mb:.2f} MB, {len(doc.sentences)} sentences, best of 3: {best:.3f} s")
    print(f"parse: {size_mb / best:.2f} MB/s, {len(doc.sentences) / best:,.0f} sentences/s")


if __name__ == "__main__":
    main()
