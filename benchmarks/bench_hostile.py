"""Worst cases per input kind: seconds and peak memory per MB of hostile input.

Each case is a file built here (own words, from relations_text.py) that aims at one
reader's weak spot: a plain text that is one sentence with no full stop, wikitext with
thousands of unclosed templates, refs or comments or nodes nested thousands deep, HTML
with tag starts that never close or 100,000 nested divs, a JSON-lines feed that is one
huge line, UTF-16 garbage. Each runs `dyad parse` and `dyad extract` as a child process;
its wall time and its peak RSS (``os.wait4``) are printed per MB of input, beside a
real-looking relations page of the same size run in the same way (the baseline: compare
ratios, these machines are noisy). A refused input (exit 2) prints its one line.

    .venv/bin/python benchmarks/bench_hostile.py [--kb 400] [--extract-kb 100]
        [--cases page,sentence,wiki-templates,...] [--timeout 300] [--pythonpath DIR]

``--pythonpath`` runs another checkout's dyad (the code before a change) on the same
inputs. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from relations_text import relations_page

WORDS = ("the minister said that relations between Mali and Russia were strong and would "
         "grow in trade and security after the visit of the delegation").split()


def _prose(size: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    n = 0
    while n < size:
        word = rng.choice(WORDS)
        out.append(word)
        n += len(word) + 1
    return " ".join(out)


def _units(unit: str, size: int, filler: str = "") -> str:
    head = "== History ==\nMali and Russia established diplomatic relations in 1961.\n\n"
    piece = unit + filler
    return head + piece * max(1, (size - len(head)) // len(piece))


CASES: dict[str, tuple[str, str, Callable[[int], str | bytes]]] = {
    "page": ("page (baseline)", "page.txt", lambda size: _page(size)),
    "sentence": ("text, one sentence", "sentence.txt", lambda size: _prose(size)),
    "wiki-templates": ("wikitext, unclosed {{a\\|", "templates.wiki",
                       lambda size: _units("{{a|", size)),
    "wiki-refs": ("wikitext, unclosed <ref>", "refs.wiki",
                  lambda size: _units("<ref>", size, " a source ")),
    "wiki-comments": ("wikitext, unclosed <!--", "comments.wiki",
                      lambda size: _units("<!--", size, " note ")),
    "wiki-nested": ("wikitext, nested 5,000 deep", "nested.wiki", lambda size: _nested(size)),
    "html-unclosed": ("html, unclosed <a ", "tags.html",
                      lambda size: "<html><body><p>Mali.</p>"
                      + _units("<a ", size, "the minister said ")),
    "html-deep": ("html, 100,000 nested divs", "deep.html",
                  lambda size: "<html><body>" + "<div>" * 100_000 + "x" + "</div>" * 100_000),
    "jsonl-line": ("jsonl, one huge line", "feed.jsonl",
                   lambda size: json.dumps({"id": "a", "text": _prose(size)}) + "\n"),
    "utf16-garbage": ("UTF-16 garbage", "garbage.html", lambda size: _garbage(size)),
}


def _page(size: int) -> str:
    words = 2_000
    while len(page := relations_page(words, seed=3)) < size:
        words = int(words * size / max(len(page), 1)) + 100
    return page


def _nested(size: int) -> str:
    inner = _prose(max(size - 6 * 5_000, 1000))
    return "== History ==\n" + "{{a|" * 5_000 + inner + "}}" * 5_000


def _garbage(size: int) -> bytes:
    rng = random.Random(2)
    units = [u for u in (rng.randrange(0x10000) for _ in range(size // 2))
             if not 0xD800 <= u < 0xE000]
    return b"\xff\xfe" + "".join(map(chr, units)).encode("utf-16-le")


def run(command: list[str], env: dict[str, str], timeout: float) -> dict[str, object]:
    """Wall seconds, peak RSS (MB), exit code and first error line of a child process."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        # run from the temporary folder: `python -m` puts the working folder first on the
        # path, and a checkout there would win over --pythonpath
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, env=env,
                                cwd=tempfile.gettempdir())
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                return {"seconds": None, "peak_mb": usage.ru_maxrss / 1024, "code": None,
                        "error": f"over {timeout:.0f} s"}
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        err.seek(0)
        lines = [line for line in err.read().decode("utf-8", "replace").splitlines()
                 if line.startswith("dyad: ")]
    return {"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024,
            "code": os.waitstatus_to_exitcode(status), "error": lines[0] if lines else ""}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kb", type=int, default=400, help="size of each input to parse")
    parser.add_argument("--extract-kb", type=int, default=100,
                        help="size of each input to extract (0: parse only)")
    parser.add_argument("--cases", default=",".join(CASES),
                        help=f"comma-separated, of: {', '.join(CASES)}")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--pythonpath", default=None, help="run this checkout's dyad instead")
    args = parser.parse_args()
    env = dict(os.environ)
    if args.pythonpath:
        env["PYTHONPATH"] = args.pythonpath
    dyad = [sys.executable, "-m", "dyad"]
    print(f"dyad from {args.pythonpath or 'this checkout'}; parse {args.kb} KB, "
          f"extract {args.extract_kb} KB inputs\n")
    print("| input | command | KB | exit | s | s/MB | peak MB | peak MB/MB over startup |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text("Mali and Russia signed a trade accord in 2001.\n", encoding="utf-8")
        startup = {cmd: run([*dyad, cmd, str(tiny)], env, args.timeout)["peak_mb"]
                   for cmd in ("parse", "extract")}
        for name in args.cases.split(","):
            label, filename, build = CASES[name]
            for cmd, kb in (("parse", args.kb), ("extract", args.extract_kb)):
                if not kb:
                    continue
                content = build(kb * 1000)
                path = Path(tmp) / filename
                if isinstance(content, bytes):
                    path.write_bytes(content)
                else:
                    path.write_text(content, encoding="utf-8")
                mb = path.stat().st_size / 1e6
                r = run([*dyad, cmd, str(path), "--format", "jsonl"], env, args.timeout)
                secs = r["seconds"]
                shown = "–" if secs is None else f"{secs:.2f}"
                per_mb = "–" if secs is None else f"{secs / mb:.1f}"
                over = max(0.0, r["peak_mb"] - startup[cmd]) / mb
                code = r["code"] if r["error"] == "" or r["code"] else f"{r['code']}*"
                print(f"| {label} | {cmd} | {mb * 1000:.0f} | {code if code is not None else '–'}"
                      f" | {shown} | {per_mb} | {r['peak_mb']:.0f} | {over:.0f} |", flush=True)
                if r["error"] and r["code"] != 0:
                    print(f"|  | ↳ {r['error'][:90]} | | | | | | |", flush=True)


if __name__ == "__main__":
    main()
