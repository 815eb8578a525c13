"""Named periods: "during the Korean War" dates what a sentence tells to 1950–1953.

Encyclopedic text often dates an act only by the war or crisis it happened in. The
years of such named periods come from a hand-written table
(``dyad/data/time/named_periods.tsv``); a name found in a sentence gives a span, or
one of its edges when the words before it ask for one: "the end of the Cold War" is
1991, "after the breakup of the Soviet Union" is after 1991, "two years after World
War II" 1947, "before the Korean War" nothing (a bound, not a date). These are not
TimeML expressions, so ``find_times`` (scored on TimeBank) leaves them out; the
sentence annotator adds them, as events of known years.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from dyad.model import When

_DASHES = "-–—"


@dataclass(frozen=True, slots=True)
class NamedPeriod:
    """A named period found in text, at ``[start, end)``, with the When it stands for."""

    start: int
    end: int
    when: When


# "the end of the Cold War" is its last year, "the outbreak of the Korean War" its first
_EDGE = re.compile(r"\b(end|close|aftermath|outbreak|start|beginning|onset|eve)\s+of\s+"
                   r"(?:the\s+)?$", re.I)
_LAST_YEAR_WORDS = frozenset({"end", "close", "aftermath"})
# "after the Korean War", "since the breakup of …", "before the Cold War"
_SIGNAL = re.compile(r"\b(after|following|since|before|until|till|prior to)\s+(?:the\s+)?$",
                     re.I)
# "two years after World War II": the year that many years after its end
_YEARS_AFTER = re.compile(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
                          r"\s+years?\s+after\s+(?:the\s+)?$", re.I)
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _normal(name: str) -> str:
    return re.sub(f"[{_DASHES}]", "-", name)


@cache
def _table() -> tuple[re.Pattern[str], dict[str, tuple[int, int | None]]]:
    text = (resources.files("dyad") / "data" / "time" / "named_periods.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines()
            if line and not line.startswith("#")][1:]
    years: dict[str, tuple[int, int | None]] = {}
    for names, start, end in rows:
        for name in names.split("|"):
            years[_normal(name)] = (int(start), int(end) if end.strip() else None)
    # longest first: "First Sino-Japanese War" before a shorter name inside it
    alternatives = [re.escape(n).replace(r"\-", f"[{_DASHES}]")
                    for n in sorted(years, key=len, reverse=True)]
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b"), years


def named_periods(text: str) -> list[NamedPeriod]:
    """The named periods of ``text``, in order, each with its span or edge."""
    pattern, years = _table()
    found = []
    for m in pattern.finditer(text):
        first, last = years[_normal(m.group(0))]
        before = text[max(0, m.start() - 40):m.start()]
        y0, y1 = str(first), (str(last) if last is not None else None)
        start, ongoing = m.start(), last is None
        if edge := _EDGE.search(before):
            y0 = y1 if edge.group(1).lower() in _LAST_YEAR_WORDS else y0
            if y0 is None:
                continue  # the end of a period that has not ended
            y1, ongoing = None, False
            before, start = before[:edge.start()], start - (len(before) - edge.start())
        signal = _SIGNAL.search(before)
        word = signal.group(1).lower() if signal else None
        later = _YEARS_AFTER.search(before)
        if later is not None and (y1 or y0) is not None:
            n = later.group(1).lower()
            year = int(y1 or y0) + (int(n) if n.isdigit() else _COUNTS[n])
            start -= len(before) - later.start()
            when = When(str(year), None, "year", None, text[start:m.end()])
        elif word in ("after", "following", "since"):
            if (y1 or y0) is None:
                continue
            when = When(y1 or y0, None, "year", "since" if word == "since" else "after",
                        text[start:m.end()])
        elif word is not None:  # "prior to the War of the Pacific" bounds an act, not dates it
            continue
        else:  # "during the Syrian Civil War", not yet over: since its first year
            when = When(y0, y1, "year", "since" if ongoing else None, text[start:m.end()])
        found.append(NamedPeriod(start, m.end(), when))
    return found
