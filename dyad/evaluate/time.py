"""Score the time tagger against TimeML (TempEval-3 ``.tml``) files.

Each file gives the document creation time in ``<DCT><TIMEX3 value=…>`` and
gold ``<TIMEX3 type=… value=…>`` tags inside ``<TEXT>``. dyad tags the plain
text of ``<TEXT>`` with the DCT as document date, and is scored as in
TempEval-3 (UzZaman et al., 2013, "SemEval-2013 Task 1"), over the TIMEX3s in
TEXT (not the DCT):

* strict extent: a system mention matches a gold one with exactly the same
  characters; P = matches / system, R = matches / gold.
* relaxed extent: the two overlap (one-to-one, first come first served).
* value (and type) F1: the TempEval-3 attribute score, over relaxed-matched
  pairs with equal attributes: P = correct / system mentions,
  R = correct / gold mentions (so an attribute F1 is never above relaxed F1).

A system range ("1960–1991") counts as its two ends, as TimeML tags them.
"""

from __future__ import annotations

import html
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.errors import DataError

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    timex_type: str
    value: str
    text: str


@dataclass(slots=True)
class TimeMLDoc:
    name: str
    text: str
    dct: str | None
    timexes: list[GoldTimex] = field(default_factory=list)


def read_tml(path: Path) -> TimeMLDoc:
    """The plain text of ``<TEXT>``, its gold TIMEX3s (offsets into that text) and the DCT."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    dct = re.search(r"<DCT>\s*<TIMEX3[^>]*?value=\"([^\"]*)\"", raw, re.S)
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if body is None:
        raise DataError(f"{path}: no <TEXT> element")
    doc = TimeMLDoc(path.name, "", dct[1][:10] if dct else None)
    pieces: list[str] = []
    length = 0
    open_at: tuple[int, dict[str, str]] | None = None
    pos = 0
    inner = body[1]
    for m in _TAG.finditer(inner):
        chunk = html.unescape(inner[pos : m.start()])
        pieces.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m[2] != "TIMEX3":
            continue
        if not m[1]:
            open_at = (length, dict(_ATTR.findall(m[3])))
        elif open_at is not None:
            start, attrs = open_at
            text = "".join(pieces)[start:length]
            doc.timexes.append(
                GoldTimex(start, length, attrs.get("type", ""), attrs.get("value", ""), text)
            )
            open_at = None
    pieces.append(html.unescape(inner[pos:]))
    doc.text = "".join(pieces)
    return doc


def tml_files(data: Path) -> list[Path]:
    if not data.exists():
        raise DataError(f"{data}: no such data directory")
    files = sorted(data.rglob("*.tml")) if data.is_dir() else [data]
    if not files:
        raise DataError(f"{data}: no .tml files")
    return files


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around a span, on one line, the span in [brackets] (for reading misses)."""
    lo = max(text.rfind(". ", 0, start), text.rfind("\n\n", 0, start), start - 200) + 1
    hi = min((i for i in (text.find(". ", end), text.find("\n\n", end)) if i >= 0),
             default=len(text))
    hi = min(hi + 1, end + 200)
    out = f"{text[lo:start]}[{text[start:end]}]{text[end:hi]}"
    return " ".join(out.split())


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(data: Path, errors: bool = False) -> dict[str, Any]:
    """TempEval-3 extent and value scores of dyad's tagger over every .tml under ``data``.

    With ``errors=True`` the result also lists the misses, false alarms and
    wrong values (for development).
    """
    from dyad.annotate.time import find_times

    gold_n = sys_n = strict = relaxed = value_ok = type_ok = words = 0
    seconds = 0.0
    misses: list[dict[str, Any]] = []
    files = tml_files(data)
    for path in files:
        doc = read_tml(path)
        t0 = time.perf_counter()
        found = find_times(doc.text, doc.dct)
        seconds += time.perf_counter() - t0
        words += len(doc.text.split())
        system = [p for m in found for p in (m.parts or (m,))]
        gold_n += len(doc.timexes)
        sys_n += len(system)
        spans = {(g.start, g.end) for g in doc.timexes}
        strict += sum((s.start, s.end) in spans for s in system)
        used: set[int] = set()
        for g in doc.timexes:
            overlapping = (i for i, s in enumerate(system)
                           if i not in used and s.start < g.end and g.start < s.end)  # fmt: skip
            match = next(overlapping, None)
            if match is None:
                if errors:
                    misses.append({"doc": doc.name, "kind": "miss", "gold": g.text,
                                   "value": g.value, "dct": doc.dct,
                                   "sentence": _sentence(doc.text, g.start, g.end)})  # fmt: skip
                continue
            used.add(match)
            s = system[match]
            relaxed += 1
            value_ok += s.value == g.value
            type_ok += s.timex_type == g.timex_type
            if errors and (s.value != g.value or (s.start, s.end) != (g.start, g.end)):
                misses.append({"doc": doc.name, "kind": "value" if s.value != g.value else
                               "extent", "gold": g.text, "value": g.value,
                               "system": doc.text[s.start:s.end], "got": s.value,
                               "dct": doc.dct,
                               "sentence": _sentence(doc.text, g.start, g.end)})  # fmt: skip
        if errors:
            for i, s in enumerate(system):
                if i not in used:
                    misses.append({"doc": doc.name, "kind": "false", "system":
                                   doc.text[s.start:s.end], "got": s.value, "dct": doc.dct,
                                   "sentence": _sentence(doc.text, s.start, s.end)})
    result: dict[str, Any] = {"docs": len(files), "gold": gold_n, "system": sys_n}
    for name, hits in (("strict", strict), ("relaxed", relaxed), ("value", value_ok),
                       ("type", type_ok)):  # fmt: skip
        p = hits / sys_n if sys_n else 0.0
        r = hits / gold_n if gold_n else 0.0
        result[f"{name}_p"] = round(p, 4)
        result[f"{name}_r"] = round(r, 4)
        result[f"{name}_f1"] = round(_f1(p, r), 4)
    result["words"] = words
    result["words_per_s"] = round(words / seconds) if seconds else None
    if errors:
        result["errors"] = misses
    return result


def format_table(result: dict[str, Any]) -> str:
    """A small text table of the scores."""
    lines = [f"{result['docs']} documents, {result['gold']} gold TIMEX3, "
             f"{result['system']} found", f"{'':10} {'P':>7} {'R':>7} {'F1':>7}"]  # fmt: skip
    for name in ("strict", "relaxed", "value", "type"):
        lines.append(f"{name:10} {result[name + '_p']:7.3f} {result[name + '_r']:7.3f} "
                     f"{result[name + '_f1']:7.3f}")  # fmt: skip
    if result.get("words_per_s"):
        lines.append(f"speed: {result['words_per_s']:,} words/s")
    return "\n".join(lines)


def format_errors(errors: list[dict[str, Any]]) -> str:
    """One line per error: kind, gold and dyad's extent and value, the sentence."""
    lines = []
    for e in errors:
        gold = f"{e['gold']!r}={e['value']}" if "gold" in e else "-"
        got = f"{e['system']!r}={e['got']}" if "system" in e else "-"
        lines.append(f"{e['kind']:6} {e['doc']} gold {gold} dyad {got} | {e['sentence']}")
    return "\n".join(lines)
