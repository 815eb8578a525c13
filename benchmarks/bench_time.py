"""Speed of the time tagger: words per second of find_times over the TimeBank texts.

Run: .venv/bin/python benchmarks/bench_time.py [DATA_DIR]. Without the data
(../shared/data/tempeval3-train) it times a generated news-like text.
HeidelTime manages about 1,000 words/s on this machine; the target is 10×
(10,000 words/s). Because these machines are noisy, it also times spaCy's
tokenizer over the same texts in the same process (the least any tagger that
tokenizes must do) and prints the ratio: above 1 means dyad's whole tagger is
faster than tokenizing alone.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from dyad.annotate.time import find_times

HEIDELTIME_WORDS_PER_S = 1_000  # HeidelTime on this machine, as given in issue 3
DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared/data/tempeval3-train"


def texts(data: Path) -> list[tuple[str, str | None]]:
    if data.exists():
        from dyad.evaluate.time import read_tml, tml_files

        return [(d.text, d.dct) for d in map(read_tml, tml_files(data))]
    rng = random.Random(7)
    pieces = ["The minister said on Tuesday that talks", "would resume next month,",
              "after 60,000 tonnes of grain arrived in late 2021.[17]", "Since 17 June 2019",
              "the two sides have met twice a year.", "Officials met in the 1990s and again",
              "three years ago, according to the report of the council."]  # fmt: skip
    doc = " ".join(rng.choice(pieces) for _ in range(3000))
    return [(doc, "2022-03-04")] * 20


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    docs = texts(data)
    words = sum(len(t.split()) for t, _ in docs)
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        found = sum(len(find_times(t, dct)) for t, dct in docs)
        best = min(best, time.perf_counter() - t0)
    tokenize = _tokenizer()
    base = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for t, _dct in docs:
            tokenize(t)
        base = min(base, time.perf_counter() - t0)
    print(f"{len(docs)} documents, {words:,} words, {found:,} time expressions")
    print(f"find_times: {words / best:,.0f} words/s (best of 3, {best:.2f} s), "
          f"{words / best / HEIDELTIME_WORDS_PER_S:.0f}x HeidelTime's {HEIDELTIME_WORDS_PER_S:,}")
    print(f"spaCy tokenizer: {words / base:,.0f} words/s; find_times / tokenizer speed "
          f"{base / best:.2f}")


def _tokenizer() -> Callable[[str], object]:
    import spacy

    return spacy.blank("en").tokenizer


if __name__ == "__main__":
    main()
