"""Hostile inputs for property-based tests: real-looking documents, mutated.

A document (the example page, the reader fixtures, a news feed line) is truncated,
spliced into another, has bytes flipped, markup opened thousands of times or nested,
a run of it re-encoded in another encoding, a slice repeated into a run-on line.

CI runs each fuzz test derandomized with a fixed number of examples (about a minute in
all); ``DYAD_FUZZ=long`` (or a number: how many times CI's examples) runs many more,
with fresh randomness each run:

    DYAD_FUZZ=long .venv/bin/python -m pytest tests/read/test_fuzz.py tests/cli/test_fuzz.py

No test asserts a time. In a long run each example's seconds per MB go to
``hypothesis.target``, so the search leans towards slow inputs (not in CI: it would make
the examples depend on the machine's speed); the slowest is printed at the end of a run;
``DYAD_FUZZ_MAX_S_PER_MB`` (unset in CI) makes a slower one fail, and one that hangs fail
at that bound, for hunting by hand:

    DYAD_FUZZ=long DYAD_FUZZ_MAX_S_PER_MB=200 .venv/bin/python -m pytest tests/read/test_fuzz.py
"""

from __future__ import annotations

import json
import math
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, settings, target
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
_MODE = os.environ.get("DYAD_FUZZ", "")
FACTOR = 50 if _MODE == "long" else int(_MODE) if _MODE.isdigit() else 1
MAX_S_PER_MB = float(os.environ.get("DYAD_FUZZ_MAX_S_PER_MB", "0") or 0)


def fuzz_settings(examples: int) -> settings:
    """CI: ``examples`` examples, derandomized (the same ones every run); long runs: more."""
    return settings(
        max_examples=examples * FACTOR,
        derandomize=FACTOR == 1,
        database=None,
        deadline=None,  # a time is measured in benchmarks/, never asserted here
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )


def _seeds() -> list[bytes]:
    fixtures = ROOT / "tests" / "read" / "fixtures"
    example = (ROOT / "examples" / "burkina_faso-russia.txt").read_bytes()
    paragraph = example.decode("utf-8").split("\n\n")[3]
    feed = "".join(json.dumps({"id": f"n{n}", "text": paragraph, "date": "2021-03-04"}) + "\n"
                   for n in range(3))
    return [example, *(p.read_bytes() for p in sorted(fixtures.iterdir()) if p.is_file()),
            feed.encode("utf-8")]


SEEDS = _seeds()
# openers that parsers retry, markup that nests, and what breaks a sentence splitter
MARKUP = ["{{a|", "{{", "}}", "[[", "]]", "{|\n", "|}\n", "<ref>", "</ref>", "<!--", "-->",
          "<div>", "</div>", "<a ", "<b", "<p>", "<table><tr><td>", "&#", "&amp", "''", "'''",
          "== x ==\n", "\n", "\n\n", "* ", "[http://x.org ", '{"id": ', "[", "{", ",", " ",
          "word ", "U.S. ", "Mali ", "\t", "\x00", "\ufeff", "\ue000", "\u202e"]
ENCODINGS = ["latin-1", "utf-16", "utf-16-le", "cp1252", "utf-32", "utf-8"]


@st.composite
def _mutation(draw: st.DrawFn, other: bytes) -> Callable[[bytes], bytes]:
    kind = draw(st.sampled_from(["truncate", "splice", "flip", "markup", "encode", "repeat",
                                 "delete", "insert"]))
    a = draw(st.floats(0, 1))
    b = draw(st.floats(0, 1))

    def at(data: bytes, f: float) -> int:
        return int(f * len(data))

    if kind == "truncate":
        return lambda d: d[: at(d, a)]
    if kind == "splice":
        return lambda d: d[: at(d, a)] + other[at(other, b):]
    if kind == "flip":
        flips = draw(st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=20))

        def flip(d: bytes) -> bytes:
            out = bytearray(d)
            for f, byte in flips:
                if out:
                    out[min(at(out, f), len(out) - 1)] = byte
            return bytes(out)
        return flip
    if kind == "markup":
        unit = draw(st.sampled_from(MARKUP)).encode("utf-8")
        count = draw(st.sampled_from([1, 3, 50, 400, 3000, 12000]))
        return lambda d: d[: at(d, a)] + unit * count + d[at(d, a):]
    if kind == "encode":
        encoding = draw(st.sampled_from(ENCODINGS))

        def encode(d: bytes) -> bytes:
            i, j = sorted((at(d, a), at(d, b)))
            part = d[i:j].decode("utf-8", "replace").encode(encoding, "replace")
            return d[:i] + part + d[j:]
        return encode
    if kind == "repeat":
        count = draw(st.sampled_from([2, 20, 200]))

        def repeat(d: bytes) -> bytes:
            i = at(d, a)
            j = min(len(d), i + 1 + int(b * 400))
            return d[:i] + (d[i:j].replace(b"\n", b" ").replace(b".", b",") * count) + d[j:]
        return repeat
    if kind == "delete":
        return lambda d: d[: min(at(d, a), at(d, b))] + d[max(at(d, a), at(d, b)):]
    text = draw(st.text(max_size=200)).encode("utf-8", "surrogatepass")
    return lambda d: d[: at(d, a)] + text + d[at(d, a):]


@st.composite
def documents(draw: st.DrawFn, max_mutations: int = 4) -> bytes:
    """The bytes of a real-looking document with up to ``max_mutations`` mutations."""
    data = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(0, max_mutations))):
        data = draw(_mutation(draw(st.sampled_from(SEEDS))))(data)
    return data


def _too_slow(signum: int, frame: object) -> None:
    raise AssertionError(f"over DYAD_FUZZ_MAX_S_PER_MB ({MAX_S_PER_MB} s/MB)")


class Slowest:
    """The slowest example of a test, in seconds per MB (a report, never an assertion
    unless DYAD_FUZZ_MAX_S_PER_MB is set)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.worst = (0.0, 0)

    def time(self, size: int, run: Callable[[], object]) -> object:
        start = time.perf_counter()
        if MAX_S_PER_MB:  # hunting: an input that hangs fails at the bound, not never
            signal.signal(signal.SIGALRM, _too_slow)
            signal.alarm(math.ceil(MAX_S_PER_MB * max(size, 10_000) / 1e6) + 1)
        try:
            return run()
        finally:
            if MAX_S_PER_MB:
                signal.alarm(0)
            seconds = time.perf_counter() - start
            per_mb = seconds / max(size, 10_000) * 1e6  # a small input counts as 10 KB
            if FACTOR > 1:  # targeting follows the clock: CI's examples must not
                target(per_mb, label=f"{self.name}: seconds per MB")
            self.worst = max(self.worst, (per_mb, size))
            if MAX_S_PER_MB:
                assert per_mb <= MAX_S_PER_MB, f"{per_mb:.1f} s/MB on {size:,} bytes"

    def report(self) -> str:
        per_mb, size = self.worst
        return f"{self.name}: slowest example {per_mb:.2f} s/MB ({size:,} bytes)"
