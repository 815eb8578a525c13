"""`dyad serve`'s dyad page for a pair with 1,000 events: server time, browser load, size.

Run: .venv/bin/python benchmarks/bench_web.py [--events N] [--runs R] [--no-browser]

Builds the synthetic knowledge base of ``bench_report`` (Chile–Peru, N events
told by 20 documents), starts a real `dyad serve` process on it and measures:
the page's server time (HTTP GET, median of R), against the baseline of the
same work in this process without HTTP (``build_dossier`` + ``render_html``),
as a ratio; the page's size; and with Chromium, the navigation timing of R
loads (response end: the server's part as the browser sees it; load event
end: everything, scripts included). Targets (issue 6): server + browser
under 1 s, page under 2 MB.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

from dyad.kb import KnowledgeBase
from dyad.report.dossier import build_dossier
from dyad.report.html import render_html

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repo root, for tests/
from bench_report import synthetic_documents
from serving import free_port, start_serve

from tests.chromium import INSTALLED, headless_chromium

PAGE = "/dyads/CHL/PER"


def browser_timings(url: str, runs: int) -> list[tuple[float, float, int]] | None:
    """(response end, load event end, timeline marks) per load, after one warm-up load."""
    if not INSTALLED:
        print("browser: skipped (chromium or chromedriver not installed)")
        return None
    with headless_chromium() as driver:
        out = []
        for _ in range(runs + 1):
            driver.get("about:blank")
            driver.get(url)
            nav = [0, 0, 0]
            for _ in range(500):  # get() can return before loadEventEnd is set
                nav = driver.execute_script(
                    "var n = performance.getEntriesByType('navigation')[0];"
                    "return [n.responseEnd - n.startTime,"
                    " n.loadEventEnd ? n.loadEventEnd - n.startTime : 0,"
                    " document.querySelectorAll('#tl .mark').length];")
                if nav[1]:
                    break
                time.sleep(0.01)
            out.append((nav[0] / 1000, nav[1] / 1000, nav[2]))
        return out[1:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        db = Path(tmp) / "bench.db"
        kb = KnowledgeBase.open(str(db))
        for records in synthetic_documents(args.events):
            kb.ingest_records(records)
        print(f"knowledge base: {kb.stats()}")
        build_dossier(kb, "CHL", "PER")  # warm the caches, as the server's first hit does

        port = free_port()
        server = start_serve("bench_web", db, port, Path(tmp) / "server.log")
        url = f"http://127.0.0.1:{port}{PAGE}"
        try:
            with httpx.Client(timeout=60) as client:
                first = client.get(url)
                first.raise_for_status()
                base, served = [], []
                for _ in range(args.runs):  # interleaved, so a busy moment hits both alike
                    t0 = time.perf_counter()
                    render_html(build_dossier(kb, "CHL", "PER", source=str(db)))
                    base.append(time.perf_counter() - t0)
                    t0 = time.perf_counter()
                    page = client.get(url)
                    served.append(time.perf_counter() - t0)
            size = len(page.content)
            sent = int(page.headers.get("content-length") or size)  # gzipped on the wire
            loads = None if args.no_browser else browser_timings(url, args.runs)
        finally:
            server.terminate()
            server.wait(timeout=20)
            kb.close()

    t_base, t_served = statistics.median(base), statistics.median(served)
    listed = page.text.count('<li id="ev-')
    print(f"page {PAGE}: {size} bytes ({size / 2**20:.2f} MiB; target < 2 MB), {sent} bytes "
          f"sent ({page.headers.get('content-encoding') or 'uncompressed'}), "
          f"{listed} events listed")
    print(f"baseline (dossier + render in this process) {t_base:.3f}s  served over HTTP "
          f"{t_served:.3f}s  (medians of {args.runs}; first request "
          f"{first.elapsed.total_seconds():.3f}s)")
    print(f"ratio served / baseline: {t_served / t_base:.2f}")
    if loads:
        response = statistics.median(x[0] for x in loads)
        load = statistics.median(x[1] for x in loads)
        print(f"browser (navigation timing, medians of {len(loads)}): response end "
              f"{response:.3f}s, load event end {load:.3f}s; {loads[-1][2]} timeline marks")
        print(f"server + browser load: {load:.3f}s (target < 1 s; load event end counts from "
              f"the request, so it includes the server's time)")


if __name__ == "__main__":
    main()
