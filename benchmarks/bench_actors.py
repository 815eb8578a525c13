"""Actor resolution time against the spaCy pass it follows, measured in one process.

Run: .venv/bin/python benchmarks/bench_actors.py [TEXT_FILE]
Prints the spaCy time, the resolution time and their ratio (target: <= 0.10).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from dyad.annotate.actors import DocContext, resolve_actors
from dyad.annotate.nlp import load_nlp
from dyad.reference.gazetteer import load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_f711f5b06ad752bc.txt"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED
    if not path.is_file():
        sys.exit(f"bench_actors: {path} not found; pass a text file")
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    texts = lines * max(1, 2000 // max(1, len(lines)))
    nlp = load_nlp()
    load_gazetteer()  # loaded once per process, not part of the per-sentence cost
    list(nlp.pipe(texts[:50]))
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    t_spacy = time.perf_counter() - t0
    ctx = DocContext.from_title("Mali–Russia relations")
    t0 = time.perf_counter()
    mentions = sum(len(resolve_actors(d, "2020", ctx)) for d in docs)
    t_actors = time.perf_counter() - t0
    print(f"texts {len(texts)}  mentions {mentions}")
    print(f"spaCy {t_spacy:.3f}s  actors {t_actors:.3f}s  ratio {t_actors / t_spacy:.3f}")


if __name__ == "__main__":
    main()
