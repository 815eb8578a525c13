"""Peak memory of `dyad extract` on ~100 MB inputs generated in a temporary folder.

Cases (own-words text from relations_text.py):

- feed: one JSON-lines file of news stories (~600 words each);
- folder: a folder of relations pages (~40k words each);
- text: one plain-text file, read as one document.

Each case runs `dyad extract` as a child process (output counted, then dropped) and
prints its peak RSS from ``os.wait4`` (the largest of the process and its workers),
how far it got, and the RSS of the process and its workers together sampled over the
run (at a quarter, half, three quarters and the end: flat when the input streams).
A whole 100 MB case takes long at a few hundred sentences per second and core (40
minutes or more); ``--seconds`` stops each case early and reports the peak so far:
reading, and the first documents, where holding the whole input would show, come
first. Target: under 1 GB.

    .venv/bin/python benchmarks/bench_memory.py [--mb 100] [--cases feed,folder,text]
        [--seconds 0] [--jobs 1]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from relations_text import countries, news_items, relations_pages, relations_paragraphs

MB = 1_000_000
_SENTENCE = re.compile(r'"sentence": (\d+)')


def write_until(path: Path, size: int, chunks: Iterator[str]) -> int:
    """Write ``chunks`` to ``path`` until it holds ``size`` bytes; returns how many chunks."""
    written = count = 0
    with path.open("w", encoding="utf-8") as f:
        for chunk in chunks:
            written += f.write(chunk)
            count += 1
            if written >= size:
                break
    return count


def make_feed(folder: Path, size: int) -> tuple[Path, int]:
    path = folder / "feed.jsonl"
    items = (json.dumps(item, ensure_ascii=False) + "\n"
             for item in news_items(10**9, 600, seed=5))
    return path, write_until(path, size, items)


def make_folder(folder: Path, size: int) -> tuple[Path, int]:
    pages = folder / "pages"
    pages.mkdir()
    written = count = 0
    for count, page in enumerate(relations_pages(10**9, 40_000, seed=6), 1):
        path = pages / f"page{count:05}.txt"
        path.write_text(page, encoding="utf-8")
        written += path.stat().st_size
        if written >= size:
            break
    return pages, count


def make_text(folder: Path, size: int) -> tuple[Path, int]:
    import random

    path = folder / "long.txt"
    rng = random.Random(7)
    everyone = countries()

    def paragraphs() -> Iterator[str]:
        yield "Notes on relations between states\n\n"
        while True:
            a, b = rng.sample(everyone, 2)
            for paragraph in relations_paragraphs(2000, rng, a, b, everyone, ref=None)[0]:
                yield paragraph + "\n\n"

    write_until(path, size, paragraphs())
    return path, 1


CASES: dict[str, Callable[[Path, int], tuple[Path, int]]] = {
    "feed": make_feed, "folder": make_folder, "text": make_text}


def rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and its children, from /proc (0 where there is none)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            proc = int(stat.parent.name)
            if proc == pid or int(fields[1]) == pid:  # fields[1]: the parent's pid
                status = (stat.parent / "status").read_text()
                total += int(status.split("VmRSS:")[1].split()[0]) * 1024 / MB
        except (OSError, IndexError, ValueError):
            continue
    return total


def run_case(path: Path, seconds: float, jobs: int) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "dyad", "extract", "--jobs", str(jobs), str(path)]
    start = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    progress: dict[str, Any] = {"documents": 0, "records": 0, "sentence": 0, "sentences": 0}

    def count() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            progress["records"] += 1
            if line.startswith('{"record": "document"'):
                progress["documents"] += 1
                progress["sentences"] = json.loads(line)["sentences"]
            elif m := _SENTENCE.search(line):
                progress["sentence"] = int(m.group(1))

    samples: list[float] = []

    def sample() -> None:
        while child.poll() is None:
            mb = rss_mb(child.pid)
            if mb:  # 0: it has just ended
                samples.append(mb)
            time.sleep(1)

    reader = threading.Thread(target=count, daemon=True)
    reader.start()
    threading.Thread(target=sample, daemon=True).start()
    timer = None
    if seconds:
        # SIGTERM: a background job ignores SIGINT; dyad --jobs N stops its workers on it
        timer = threading.Timer(seconds, lambda: os.kill(child.pid, signal.SIGTERM))
        timer.start()
    _, status, usage = os.wait4(child.pid, 0)
    if timer:
        timer.cancel()
    reader.join()
    progress["seconds"] = time.perf_counter() - start
    progress["finished"] = os.waitstatus_to_exitcode(status) in (0, 2)  # else: stopped
    progress["peak_mb"] = usage.ru_maxrss * 1024 / MB  # ru_maxrss is in KiB on Linux
    n = len(samples)
    progress["over_run"] = [samples[min(n - 1, n * q // 4)] for q in (1, 2, 3, 4)] if n else []
    return progress


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=100)
    parser.add_argument("--cases", default="feed,folder,text")
    parser.add_argument("--seconds", type=float, default=0, help="stop each case after this")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dyad-bench-") as tmp:
        for name in args.cases.split(","):
            path, docs = CASES[name](Path(tmp), int(args.mb * MB))
            size = sum(p.stat().st_size for p in ([path] if path.is_file() else path.iterdir()))
            got = run_case(path, args.seconds, args.jobs)
            done = "finished" if got["finished"] else "stopped"
            where = (f"{got['documents']:.0f} of {docs} documents" if docs > 1 else
                     f"sentence {got['sentence']:.0f} of {got['sentences']:.0f}")
            over = ", ".join(f"{mb:,.0f}" for mb in got["over_run"])
            print(f"{name}: {size / MB:.0f} MB input, {done} after {got['seconds']:.0f} s at "
                  f"{where}, {got['records']:,.0f} records; peak RSS {got['peak_mb']:,.0f} MB "
                  f"(--jobs {args.jobs}); all processes over the run: {over} MB", flush=True)


if __name__ == "__main__":
    main()
