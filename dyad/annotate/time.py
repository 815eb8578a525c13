"""Time expressions: find them in text and normalise them to the contract's When.

Rule based and fast: a set of regular expressions proposes candidate spans,
the longest non-overlapping ones win, and each is resolved left to right so
that anaphoric expressions ("the following year", "later that month") can use
the last date the text gave.

Two anchors:

* ``anchor`` — the document date (news): deictic expressions ("yesterday",
  "on Tuesday", "last year", "two days ago") resolve against it.
* the *narrative* date — the last explicit date written before the
  expression (``narrative=`` seeds it, e.g. from earlier sentences): anaphoric
  expressions ("the following year", "that month", "three years later")
  resolve against it. Without an anchor, deictic expressions use the
  narrative date too (encyclopedic text has no document date).

What a mention carries:

* ``start``/``end`` — the TimeML extent: determiners and modifiers ("the",
  "late", "earlier this") are inside it, signal prepositions ("in", "since",
  "until") are not. ``When.text`` is the expression *with* its signal
  ("since 17 June 2019"), and the signal sets ``When.modifier``.
* ``value`` — the TimeML normalised value ("1998-08-07", "1998-W32", "199X",
  "P3Y", "PRESENT_REF", "XXXX-SU"); ``timex_type`` is DATE, TIME, DURATION or SET.
* ``when`` — the contract's When, never more precise than the text:
  decades are ``1990``–``1999`` with precision ``decade``; centuries
  ``1800``–``1899`` with ``century``; seasons (northern hemisphere) and
  quarters are month spans with precision ``season``/``quarter``; weeks are
  day spans (Monday–Sunday). **Durations and sets are not points**: their When
  has ``start=None, end=None, precision="unknown"`` (sets add
  ``modifier="every"``); read ``value`` for the length. PAST_REF is
  ``When(None, anchor, modifier="before")``, FUTURE_REF ``When(anchor, None,
  modifier="after")``, PRESENT_REF ``When(anchor, modifier="approx")``.
* ``parts`` — for a range ("1960–1991", "from X through Y", "between X and
  Y") the two dated ends as mentions of their own (TimeML tags them
  separately); the range itself spans both, with ``When(start, end)``.

Footnote markers ("[17]") and quantities ("60,000 tonnes") are never dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from importlib import resources

from dyad.annotate.periods import named_periods
from dyad.dates import MONTHS, days_in_month
from dyad.model import When

__all__ = ["SentenceTimes", "TimeMention", "annotate_times", "find_times", "iter_times"]


@dataclass(frozen=True, slots=True)
class TimeMention:
    start: int
    end: int
    when: When
    timex_type: str  # DATE TIME DURATION SET; EVENT for a named period ("the Korean War")
    value: str  # TimeML value
    parts: tuple[TimeMention, ...] = ()  # the two ends of a range
    signal: str | None = None  # "since", "in", ... the preposition before the extent

    @property
    def is_point(self) -> bool:
        """True for a date or span on the calendar (not a duration, set or vague reference)."""
        return self.when.start is not None or self.when.end is not None


@dataclass(frozen=True, slots=True)
class SentenceTimes:
    """The time mentions of one sentence, and the frame it inherits when it has none.

    ``frame`` is the section title's span, set only when the sentence wrote no
    date of its own: the date was inherited, not written. ``narrative`` is the
    last date the section wrote before this sentence (ISO; captions and
    headings do not move it), else the frame's start: the time the story has
    reached, which actors are coded at when the sentence writes no date.
    """

    mentions: list[TimeMention]
    frame: When | None = None
    narrative: str | None = None
    # the span ``narrative`` comes from when it is a decade or a century: a sentence dated
    # by "the 19th century" before it is no more precise than that
    narrative_span: When | None = None
    # ``narrative`` is one day the text named ("on Monday"), not the end of a week or a range
    narrative_day: bool = False


# --- vocabulary -------------------------------------------------------------

_MONTH_NAMES = sorted(MONTHS, key=len, reverse=True)
# Capitalised month names only: "may" and "march" are verbs.
# the dot belongs to an abbreviation ("Sept."); after a full name it ends the sentence
_FULL_SHORT = ("may", "june", "july")  # names that are no abbreviation
_MON = r"(?:" + "|".join(m.capitalize() + (r"\.?" if len(m) <= 4 and m not in _FULL_SHORT else "")
                         for m in _MONTH_NAMES) + r")"
_WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
    "saturday": 6, "sunday": 7,
}  # fmt: skip
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAYPARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a couple of": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
}  # fmt: skip
_VAGUE_NUMBERS = ("several", "a few", "few", "many", "some")
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}  # fmt: skip
# unit word → TimeML duration code
_UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M",
    "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "centurie": "CE",
}  # fmt: skip
_TIME_UNITS = {"second", "minute", "hour"}

_NUMWORD = (
    r"(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|a\s+couple\s+of|a\s+dozen|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|hundred|several|a\s+few|few|many|a|an)"
)
_UNIT = r"(?:second|minute|hour|day|week|month|quarter|year|decade|centur(?:y|ie))"
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
# A year must not be part of a bigger number, a reference marker or a quantity.
_YEAR_PRE = r"(?<![\d,.$£€#/\[:])"
_YEAR_POST = r"(?![\d,.]\d|\]|\s*(?:%|percent|per\s+cent|tonnes?|tons?|people|troops|soldiers|"
_YEAR_POST += r"km|kilomet|miles?|met(?:er|re)s?|feet|foot|men|votes?|members|units|cars|shares|"
_YEAR_POST += r"dollars|barrels|acres|hectares|rubles|euros|pounds|yen|workers|students)\b)"

_SIGNAL = re.compile(
    r"(?:\b(since|until|till|up\s+to|before|after|from|throughout|during|by|in|on|at|of|"
    r"around|about|circa|c\.|approximately|between|earlier|later|for|over|within))\s+$",
    re.I,
)
_SIGNAL_MOD = {
    "since": "since", "from": "since", "until": "until", "till": "until", "up to": "until",
    "before": "before", "by": "before", "after": "after", "around": "approx", "about": "approx",
    "circa": "approx", "c.": "approx", "approximately": "approx",
}  # fmt: skip


def _load_tense_words() -> tuple[dict[str, str], frozenset[str]]:
    """Tense words, and the verbs whose to-infinitive speaks of the future."""
    text = (resources.files("dyad") / "data" / "time" / "tense.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    words = {word: tense for word, tense in rows[1:] if tense != "to"}
    return words, frozenset(word for word, tense in rows[1:] if tense == "to")


_TENSE_WORDS, _FUTURE_BEFORE_TO = _load_tense_words()
_WORD = re.compile(r"[\w$'-]+")
# the clause a date belongs to ends at a sentence stop, a semicolon or a quotation mark
_CLAUSE_STOP = re.compile(r"[.!?;]\s|\n|``|''|\"")
_NOT_VERB_AFTER_TO = frozenset(
    "the a an his her its their our my your this that these those some any all each every "
    "no both such what which whom who".split()
)


_DETERMINERS = frozenset("the a an their its his her our my your this that these those".split())
_PASSIVE_AUX = frozenset("is are be been being 's".split())


def _word_tense(words: list[str], i: int) -> str | None:
    """The tense ``words[i]`` gives its clause, if any."""
    word = words[i]
    w = word.lower()
    tense = _TENSE_WORDS.get(w)
    if tense == "plan":  # "plans to", not "the plans for"
        return "future" if i + 1 < len(words) and words[i + 1].lower() == "to" else None
    if tense is None and len(w) > 4 and w.endswith("ed") and word[0].islower() \
            and word.isalpha():  # fmt: skip
        # after a determiner it is an adjective: "their shared border", "the armed forces"
        tense = None if i > 0 and words[i - 1].lower() in _DETERMINERS else "past"
    if tense == "past" and i > 0 and words[i - 1].lower() in _PASSIVE_AUX:
        return None  # a present or future passive ("is heard", "will be held") is not past
    return None if tense == "none" else tense


def _future_infinitive(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is the "to" of a future infinitive ("set to resume")."""
    if words[i].lower() != "to" or i + 1 >= len(words) or i == 0:
        return False
    verb = words[i + 1]
    if not (verb.isalpha() and verb.islower()) or verb in _NOT_VERB_AFTER_TO:
        return False
    return words[i - 1].lower() in _FUTURE_BEFORE_TO


def _future_in_past(text: str, start: int) -> bool:
    """The future a date's clause speaks of is told in the past: a past verb before "to"
    ("agreed to reinstate them in May")."""
    left = _WORD.findall(text, max(0, start - 160), start)[-20:]
    for i in range(len(left) - 1, -1, -1):
        if _future_infinitive(left, i):
            return left[i - 1].lower().endswith("ed")
    return False


def _clause_tense(text: str, start: int, end: int) -> str | None:
    """The tense of the clause around ``text[start:end]``: "past", "future" or None.

    News dates a weekday or a month without a year by the tense of its verb:
    "met on Tuesday" is the Tuesday before the document date, "will meet on
    Tuesday" the one after. Read the nearest tense word to the left (the verb
    a date follows governs it), then to the right; "to" + a verb
    ("planned to leave on Thursday") and verbs of planning read as future.
    """
    lo = max(0, start - 160)
    stops = list(_CLAUSE_STOP.finditer(text, lo, start))
    if stops:
        lo = stops[-1].end()
    left = _WORD.findall(text, lo, start)[-20:]
    if re.search(r"\bas\s+(?:soon|early)\s+as\s+(?:on\s+)?$", text[lo:start], re.I):
        return "future"
    for i in range(len(left) - 1, -1, -1):
        if _future_infinitive(left, i):
            return "future"
        tense = _word_tense(left, i)
        if tense is not None:
            return tense
    stop = _CLAUSE_STOP.search(text, end, end + 160)
    hi = stop.start() if stop else min(len(text), end + 160)
    right = _WORD.findall(text, end, hi)[:12]
    for i in range(len(right)):
        tense = "future" if _future_infinitive(right, i) else _word_tense(right, i)
        if tense is not None:
            return tense
    return None


# --- dates ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Anchor:
    year: int
    month: int | None
    day: int | None

    @classmethod
    def parse(cls, iso: str | None) -> _Anchor | None:
        if not iso:
            return None
        m = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", iso)
        if not m:
            return None
        return cls(int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None)

    @property
    def date(self) -> dt.date | None:
        if self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)


def _iso(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _week_when(d: dt.date) -> When:
    monday = d - dt.timedelta(days=d.weekday())
    return When(monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), "day")


def _number(word: str) -> int | None:
    """The count a number word or numeral gives; None for vague ones ("several")."""
    w = re.sub(r"\s+", " ", word.lower().strip())
    if w in _VAGUE_NUMBERS:
        return None
    if w[0].isdigit():
        return int(float(w)) if float(w).is_integer() else None
    if w in _NUMBERS:
        return _NUMBERS[w]
    tens, _, ones = w.replace("-", " ").partition(" ")
    return _NUMBERS.get(tens, 0) + _NUMBERS.get(ones, 0) or None


def _duration_value(n: int | None, unit: str) -> str:
    unit = unit.lower().rstrip("s")
    code = _UNITS.get(unit, "D")
    if n is not None and code in ("DE", "CE"):  # "two decades" is P20Y, as TimeBank writes it
        n, code = n * (10 if code == "DE" else 100), "Y"
    count = "X" if n is None else str(n)
    return f"PT{count}{code}" if unit in _TIME_UNITS else f"P{count}{code}"


def _when_of_value(value: str, text: str) -> When:
    """The contract's When for a TimeML DATE value."""
    m = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T.*)?", value)
    if m:
        prec = "day" if m[3] else "month" if m[2] else "year"
        start = value[:10] if m[3] else value[:7] if m[2] else value[:4]
        return When(start, None, prec, None, text)
    m = re.fullmatch(r"(\d{4})-W(\d\d)(?:-WE)?", value)
    if m:
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        w = _week_when(monday)
        return replace(w, text=text)
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m:
        y, q = int(m[1]), int(m[2])
        return When(_iso(y, 3 * q - 2), _iso(y, 3 * q), "quarter", None, text)
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if m:
        y, (a, b) = int(m[1]), _SEASON_MONTHS[m[2]]
        return When(_iso(y, a), _iso(y + 1 if b < a else y, b), "season", None, text)
    m = re.fullmatch(r"(\d{3})X?", value)
    if m:
        return When(m[1] + "0", m[1] + "9", "decade", None, text)
    m = re.fullmatch(r"(\d{2})", value)
    if m:
        return When(m[1] + "00", m[1] + "99", "century", None, text)
    return When(None, None, "unknown", None, text)


# --- resolution context --------------------------------------------------------


@dataclass(slots=True)
class _Ctx:
    text: str
    anchor: _Anchor | None  # document date
    narrative: _Anchor | None  # last date written
    quarter: tuple[int, int] | None = None  # last quarter written (business news)

    def deictic(self) -> _Anchor | None:
        return self.anchor or self.narrative

    def anaphoric(self) -> _Anchor | None:
        return self.narrative or self.anchor

    def year_of(self, month: int, day: int | None, start: int, end: int) -> int | None:
        """The year of a month (and day) written without one.

        Against a document date: a date close to it (within a month and a
        half) is the nearer one, whatever the verb ("was extended to Nov. 20",
        written on Nov. 2); a deadline ("by", "until", "payable") is the next
        one; otherwise the clause's tense decides ("stepped down in March" is
        the last March, "will be named for a mission in December" the next),
        and without a tense the nearer one, leaning to the past. Against the
        narrative date (encyclopedic text): the nearest such date.
        """
        a = self.anchor
        if a is None or a.month is None:
            return _nearest_year(self.narrative if a is None else a, month, day)
        prev_y, next_y = _around(a, month, day)
        if prev_y == next_y:
            return prev_y
        if day is None:
            back = (a.month - month) % 12
            ahead, near = 12 - back, 1
        else:
            ad = a.date or dt.date(a.year, a.month, 15)
            back = (ad - _safe_date(prev_y, month, day)).days
            ahead, near = (_safe_date(next_y, month, day) - ad).days, 45
        if min(back, ahead) <= near:
            return prev_y if back <= ahead else next_y
        if _DEADLINE.search(self.text, max(0, start - 20), start):
            return next_y
        tense = self.tense(start, end)
        if tense == "future" and day is None and _future_in_past(self.text, start):
            # "agreed to reinstate them in May", written in July: a plan told in the past
            # is as likely done as to come; the nearer May
            return prev_y if back <= ahead else next_y
        if tense is not None:
            return prev_y if tense == "past" else next_y
        if day is None:
            return next_y if ahead <= 2 else prev_y
        return _nearest_year(a, month, day)

    def tense(self, start: int, end: int) -> str | None:
        """The tense of the clause around a mention (for bare weekdays and months)."""
        return _clause_tense(self.text, start, end)


_Result = tuple[str, str] | None  # (timex_type, value)
_Handler = Callable[[re.Match[str], _Ctx], _Result]
_PATTERNS: list[tuple[re.Pattern[str], _Handler]] = []


# Hints. Most patterns open with optional words ("the past", "nearly"), so the regex engine
# tries them at every position of every sentence. A rule's ``needs`` are groups of strings:
# every match of its pattern contains one string of each group (lower-cased), so a rule
# whose group has no string in the sentence is skipped without changing any result. (One
# exception, on purpose: case-insensitive matching also takes "ſ" for "s" and "ı", "İ" for
# "i", which lower() keeps apart; a time word spelled so is not looked for.)
_H_MONTH = tuple(sorted({m[:3] for m in MONTHS}))  # each month name opens with one
_H_YEAR = ("1", "2")  # a year is 1xxx or 20xx
_H_UNIT = ("second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade",
           "centur")
_GROUPS: list[tuple[str, ...]] = []  # the distinct hint groups
_NEEDS: list[tuple[int, ...]] = []  # per rule (as _PATTERNS): indices into _GROUPS


def _rule(pattern: str, flags: int = re.I, *,
          needs: tuple[tuple[str, ...], ...] = ()) -> Callable[[_Handler], _Handler]:
    def register(fn: _Handler) -> _Handler:
        _PATTERNS.append((re.compile(pattern, flags), fn))
        for group in needs:
            if group not in _GROUPS:
                _GROUPS.append(group)
        _NEEDS.append(tuple(_GROUPS.index(group) for group in needs))
        return fn

    return register


def _may_match(low: str, needs: tuple[int, ...], present: list[bool | None]) -> bool:
    """Whether the lower-cased sentence has a string of each needed group (``present``
    remembers each group's answer for the sentence's other rules)."""
    for g in needs:
        hit = present[g]
        if hit is None:
            hit = False
            for w in _GROUPS[g]:  # a plain loop: any() over a generator is twice as slow here
                if w in low:
                    hit = True
                    break
            present[g] = hit
        if not hit:
            return False
    return True


def _month_of(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= days_in_month(y, m)


def _safe_date(y: int, month: int, day: int) -> dt.date:
    return dt.date(y, month, min(day, days_in_month(y, month)))


def _around(a: _Anchor, month: int, day: int | None) -> tuple[int, int]:
    """The years of the last and the next such month (and day), seen from the anchor."""
    assert a.month is not None
    here = (a.month, a.day or 15) if day is not None else (a.month, 0)
    then = (month, day or 0)
    prev_y = a.year if then <= here else a.year - 1
    next_y = a.year if then >= here else a.year + 1
    return prev_y, next_y


# a deadline looks ahead: "by Dec. 15", "payable Jan. 2", "effective Feb. 1"
_DEADLINE = re.compile(r"\b(?:by|until|till|through|payable|effective|due|expires?|of\s+record|"
                       r"deadline\s+of)\s+(?:on\s+)?$", re.I)


def _nearest_year(a: _Anchor | None, month: int, day: int | None = None) -> int | None:
    """The year of a month (and day) written without one, seen from the anchor.

    The nearest such date, leaning to the past as news reports it: "Oct. 23"
    written in May is last October, "Feb. 1" written in late October is next
    February.
    """
    if a is None:
        return None
    if a.month is None:
        return a.year
    diff = (month - a.month) + (((day or 15) - (a.day or 15)) / 31)
    if diff > (4 if day is not None else 6):
        return a.year - 1
    if diff < -7:
        return a.year + 1
    return a.year


# Absolute dates ---------------------------------------------------------------


@_rule(rf"\b(?:{_WD},?\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MON}),?\s+({_YEAR})\b",
       0,
       needs=(_H_MONTH, _H_YEAR))  # fmt: skip
def _dmy(m: re.Match[str], c: _Ctx) -> _Result:
    y, mo, d = int(m[3]), _month_of(m[2]), int(m[1])
    return ("DATE", _iso(y, mo, d)) if _valid(y, mo, d) else None


@_rule(rf"\b(?:{_WD},?\s+)?({_MON})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({_YEAR})\b", 0,
       needs=(_H_MONTH, _H_YEAR))
def _mdy(m: re.Match[str], c: _Ctx) -> _Result:
    y, mo, d = int(m[3]), _month_of(m[1]), int(m[2])
    return ("DATE", _iso(y, mo, d)) if _valid(y, mo, d) else None


@_rule(r"\b(\d{4})-(\d\d)-(\d\d)\b",
       needs=(("-",),))
def _isodate(m: re.Match[str], c: _Ctx) -> _Result:
    y, mo, d = int(m[1]), int(m[2]), int(m[3])
    return ("DATE", _iso(y, mo, d)) if _valid(y, mo, d) else None


@_rule(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4}|\d\d)(?![\d/])",
       needs=(("/",),))
def _slashdate(m: re.Match[str], c: _Ctx) -> _Result:
    a, b, y = int(m[1]), int(m[2]), int(m[3])
    if y < 100:
        y += 1900 if y > 30 else 2000
    mo, d = (b, a) if a > 12 else (a, b)  # US order unless the first cannot be a month
    return ("DATE", _iso(y, mo, d)) if _valid(y, mo, d) else None


@_rule(rf"\b(?:{_WD},?\s+|(?P<rel>(?i:last|this|next))\s+)?({_MON})\s+(\d{{1,2}})(?:st|nd|rd|th)?"
       r"\b(?!\d)", 0,
       needs=(_H_MONTH,))  # fmt: skip
def _md(m: re.Match[str], c: _Ctx) -> _Result:
    mo, d = _month_of(m[2]), int(m[3])
    y = c.year_of(mo, d, m.start(), m.end())
    if y is not None and m["rel"]:
        a = c.deictic()
        assert a is not None
        later = (mo, d) > (a.month or 0, a.day or 0)
        y = a.year - 1 if m["rel"].lower() == "last" and later else a.year
        y += 1 if m["rel"].lower() == "next" and not later else 0
    if y is None:
        return ("DATE", f"XXXX-{mo:02d}-{d:02d}") if _valid(2000, mo, d) else None
    return ("DATE", _iso(y, mo, d)) if _valid(y, mo, d) else None


@_rule(rf"\b(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MON})(?!\w)", 0,
       needs=(_H_MONTH,))
def _dm(m: re.Match[str], c: _Ctx) -> _Result:
    mo, d = _month_of(m[2]), int(m[1])
    y = c.year_of(mo, d, m.start(), m.end())
    if y is None:
        return ("DATE", f"XXXX-{mo:02d}-{d:02d}") if _valid(2000, mo, d) else None
    return ("DATE", _iso(y, mo, d)) if _valid(y, mo, d) else None


_EML = r"(?:(?P<mod>early|mid|late|the\s+(?:beginning|start|middle|end)\s+of)[\s-]+)?"


@_rule(rf"\b{_EML}(?P<mon>{_MON}),?\s+(?:of\s+)?(?P<y>{_YEAR})\b(?!\s*[,.]?\d)", 0,
       needs=(_H_MONTH, _H_YEAR))
def _my(m: re.Match[str], c: _Ctx) -> _Result:
    return "DATE", _iso(int(m["y"]), _month_of(m["mon"]))


@_rule(rf"\b(?:(?P<rel>this|last|next|(?i:early|late|mid)|(?i:mid)-)\s*)?(?P<mon>{_MON})"
       r"(?:\s+(?:of\s+)?(?P<yrel>(?i:this|last|next))\s+(?i:year))?\b", 0,
       needs=(_H_MONTH,))
def _month_alone(m: re.Match[str], c: _Ctx) -> _Result:
    word = m["mon"].rstrip(".")
    mo = _month_of(word)
    rel = (m["rel"] or "").lower().rstrip("-")
    if m["yrel"] and c.deictic():
        a = c.deictic()
        assert a is not None
        return "DATE", _iso(a.year + {"last": -1, "next": 1}.get(m["yrel"].lower(), 0), mo)
    # "May" alone is the verb unless a preposition says otherwise
    if word == "May" and not rel and not re.search(
        r"\b(?:in|of|since|until|by|from|through|during|early|late)\s+$",
        c.text[max(0, m.start() - 10) : m.start()], re.I,
    ):
        return None
    if word in ("Mar", "Jan", "Jun", "Jul", "Aug", "Oct", "Dec", "Nov", "Sep", "Feb", "Apr",
                "Sept") and not m[0].endswith("."):
        return None  # bare abbreviations without a dot are names ("Jan Smit")
    a = c.deictic()
    if a is None:
        return "DATE", f"XXXX-{mo:02d}"
    if rel == "last":
        y = a.year if a.month is not None and mo < a.month else a.year - 1
    elif rel == "next":
        y = a.year if a.month is not None and mo > a.month else a.year + 1
    elif rel == "this" or c.anchor is None:
        y = a.year
    else:
        y = c.year_of(mo, None, m.start(), m.end()) or a.year
    return "DATE", _iso(y, mo)


_NOT_YEAR_BEFORE = re.compile(
    r"(?:\b(?:pages?|pp?\.|no\.|nos\.|numbers?|route|flight|room|model|version|channel|"
    r"highway))\s*(?:\d+\s*(?:to|and|[-–])\s*)?$", re.I)


@_rule(rf"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+|the\s+end\s+of\s+|(?:fiscal|calendar)\s+)?"
       rf"{_YEAR_PRE}({_YEAR}){_YEAR_POST}\b",
       needs=(_H_YEAR,))  # fmt: skip
def _year(m: re.Match[str], c: _Ctx) -> _Result:
    if _NOT_YEAR_BEFORE.search(c.text, max(0, m.start() - 24), m.start()):
        return None  # "pages 1200 to 1300", "flight 1549"
    return "DATE", m[1]


@_rule(rf"{_YEAR_PRE}\b({_YEAR})\s*[–—-]\s*(\d\d)\b(?![\d–—-])",
       needs=(_H_YEAR, ("-", "–", "—")))
def _year_range_short(m: re.Match[str], c: _Ctx) -> _Result:
    return "RANGE", f"{m[1]}/{m[1][:2]}{m[2]}"


@_rule(rf"{_YEAR_PRE}\b({_YEAR})\s*[–—-]\s*(present|now|today)\b",
       needs=(_H_YEAR, ("present", "now", "today")))
def _year_open(m: re.Match[str], c: _Ctx) -> _Result:
    return "OPEN", m[1]


# A decade's TimeML value is its first three digits ("the 1990s" is "199").
@_rule(r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(1[0-9]|20)(\d)0|'(\d)0)'?s\b",
       needs=(("0s", "0's"),))
def _decade(m: re.Match[str], c: _Ctx) -> _Result:
    if m[3]:
        return "DATE", f"19{m[3]}"
    return "DATE", f"{m[1]}{m[2]}"


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip


@_rule(r"\bthe\s+(?:(?:early|mid|late)[\s-]+)?(" + "|".join(_DECADE_WORDS) + r")\b",
       needs=(("ties",),))
def _decade_word(m: re.Match[str], c: _Ctx) -> _Result:
    return "DATE", f"19{_DECADE_WORDS[m[1].lower()]}"


@_rule(r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(\d{1,2}(?:st|nd|rd|th)|"
       + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r")[\s-]+century\b",
       needs=(("century",),))  # fmt: skip
def _century(m: re.Match[str], c: _Ctx) -> _Result:
    w = m[1].lower()
    n = int(w[:-2]) if w[0].isdigit() else _ORDINALS[w]
    return ("DATE", f"{n - 1:02d}") if 1 <= n <= 21 else None


@_rule(r"\b(?:(?:early|mid|late)[\s-]+)?(?:(this|last|next|the)\s+)?(spring|summer|fall|autumn|winter)"
       rf"(?:\s+(?:of\s+)?({_YEAR}))?\b",
       needs=(("spring", "summer", "fall", "autumn", "winter"),))  # fmt: skip
def _season(m: re.Match[str], c: _Ctx) -> _Result:
    code = _SEASONS[m[2].lower()]
    rel = (m[1] or "").lower()
    if m[3]:
        return "DATE", f"{m[3]}-{code}"
    a = c.deictic() if rel in ("this", "last", "next") else c.anaphoric()
    if not rel or (rel == "the" and not re.match(r"(?:early|mid|late)", m[0], re.I)
                   and not _season_of_time(c.text, m.start(), m.end())):  # fmt: skip
        return None  # "summer" alone is too often not a date ("summer camp")
    if a is None:
        return "DATE", f"XXXX-{code}"
    if rel == "the" and c.anchor is not None and _recent(c.narrative, c.anchor):
        # news: "in the spring" is the spring the clause's tense points to
        y = c.year_of(_SEASON_MID[code], None, m.start(), m.end()) or a.year
        return "DATE", f"{y}-{code}"
    y = a.year + {"last": -1, "next": 1}.get(rel, 0)
    return "DATE", f"{y}-{code}"


_SEASON_MID = {"SP": 4, "SU": 7, "FA": 10, "WI": 12}  # a winter is named by its December


def _recent(narrative: _Anchor | None, anchor: _Anchor) -> bool:
    """Whether the story's last date is the document's own time (within a year of it)."""
    if narrative is None:
        return True
    return abs((narrative.year * 12 + (narrative.month or 6)) - (anchor.year * 12 + (anchor.month
               or 6))) < 12  # fmt: skip


def _season_of_time(text: str, start: int, end: int) -> bool:
    """Whether "the summer" is a time ("in the spring,"), not a kind ("the summer camp")."""
    before = re.search(r"\b(?:in|during|over|by|until|since|through|throughout)\s+$",
                       text[max(0, start - 12) : start], re.I)  # fmt: skip
    return bool(before) and not re.match(r"\s+[a-z]", text[end : end + 2])


_QORD = r"(first|second|third|fourth|1st|2nd|3rd|4th)"
_QNUM = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


@_rule(r"\b(?:(?:the|this|last|next)\s+(?:year's\s+)?)?(?:(?:fiscal|calendar)[\s-]+)?"
       + _QORD + r"[\s-]+(?:fiscal\s+)?quarter(?:\s+of\s+(?:fiscal\s+)?(" + _YEAR + r"))?\b"
       + r"|\bQ([1-4])(?:\s+|[\s/-]?)(" + _YEAR + r")\b",
       needs=(("quarter", "q1", "q2", "q3", "q4"),))  # fmt: skip
def _quarter(m: re.Match[str], c: _Ctx) -> _Result:
    q = _QNUM[m[1].lower()] if m[1] else int(m[3])
    year = m[2] or m[4]
    if year:
        y = int(year)
    else:
        a = c.deictic()
        if a is None:
            return "DATE", f"XXXX-Q{q}"
        y = a.year - (1 if m[0].lower().startswith("last") else 0)
        y += 1 if m[0].lower().startswith("next") else 0
        if a.month and q > (a.month - 1) // 3 + 1 and not re.match(r"(?:this|next)", m[0], re.I) \
                and c.tense(m.start(), m.end()) != "future":  # fmt: skip
            y -= 1  # results are reported for quarters that are over; plans look ahead
    c.quarter = (y, q)
    return "DATE", f"{y}-Q{q}"


def _last_quarter(c: _Ctx) -> tuple[int, int] | None:
    """The quarter the text last named, else the last one over at the document date."""
    if c.quarter is not None:
        return c.quarter
    a = c.deictic()
    if a is None or a.month is None:
        return None
    y, mo = _add_months(a.year, a.month, -3)
    return y, (mo - 1) // 3 + 1


@_rule(rf"\bthe\s+(?:({_YEAR})|(?:comparable\s+)?(year-(?:ago|earlier)))\s+(?:{_QORD}[\s-]+)?"
       r"(?:fiscal\s+)?(?:quarter|period)\b",
       needs=(("quarter", "period"),))  # fmt: skip
def _year_quarter(m: re.Match[str], c: _Ctx) -> _Result:
    """"the 1988 second quarter", "the 1989 period", "the year-ago third quarter"."""
    last = _last_quarter(c)
    q = _QNUM[m[3].lower()] if m[3] else last[1] if last else None
    if q is None:
        return None
    if m[1]:
        return "DATE", f"{m[1]}-Q{q}"
    if last is None:
        return None
    return "DATE", f"{last[0] - 1}-Q{q}"


@_rule(r"\bthe\s+(?:latest|most\s+recent|current|recent|same|year-(?:earlier|ago)|"
       r"previous|prior|preceding|comparable|first|second|third|fourth)?\s*(?:fiscal\s+)?quarter\b",
       needs=(("quarter",),))
def _the_quarter(m: re.Match[str], c: _Ctx) -> _Result:
    if c.quarter is None:
        a = c.deictic()
        if a is None or a.month is None:
            return None
        y, mo = _add_months(a.year, a.month, -3)
        c.quarter = (y, (mo - 1) // 3 + 1)
    y, q = c.quarter
    w = m[0].lower()
    if "year-" in w:
        y -= 1
    elif re.search(r"previous|prior|preceding", w):
        y, q = (y, q - 1) if q > 1 else (y - 1, 4)
    return "DATE", f"{y}-Q{q}"


# Deictic and anaphoric --------------------------------------------------------


@_rule(r"\b(today|yesterday|tomorrow|tonight|last\s+night)\b(?:\s+(morning|afternoon|evening|night))?",
       needs=(("today", "yesterday", "tomorrow", "tonight", "night"),))
def _today(m: re.Match[str], c: _Ctx) -> _Result:
    a = c.deictic()
    w = re.sub(r"\s+", " ", m[1].lower())
    if w == "last night":
        if a is None or a.date is None:
            return None
        return "TIME", f"{(a.date - dt.timedelta(days=1)).isoformat()}TNI"
    if a is None or a.date is None:
        return ("DATE", "PRESENT_REF") if w == "today" else None
    d = a.date + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(w, 0))
    if w == "tonight":
        return "TIME", f"{d.isoformat()}TNI"
    if m[2]:
        return "TIME", f"{d.isoformat()}T{_DAYPARTS[m[2].lower()]}"
    return "DATE", d.isoformat()


@_rule(r"\bthis\s+(morning|afternoon|evening)\b",
       needs=(("morning", "afternoon", "evening"),))
def _this_daypart(m: re.Match[str], c: _Ctx) -> _Result:
    a = c.deictic()
    if a is None or a.date is None:
        return None
    return "TIME", f"{a.date.isoformat()}T{_DAYPARTS[m[1].lower()]}"


@_rule(rf"\b(?:(last|next|this|this\s+past|this\s+coming|coming)\s+)?({_WD})"
       r"(?:\s+(morning|afternoon|evening|night))?\b", 0,
       needs=(tuple(_WEEKDAYS),))
def _weekday(m: re.Match[str], c: _Ctx) -> _Result:
    a = c.deictic()
    if a is None or a.date is None:
        return None
    wd = _WEEKDAYS[m[2].lower()]
    rel = (m[1] or "").lower()
    base = a.date
    back = (base.isoweekday() - wd) % 7
    if rel == "last":
        d = base - dt.timedelta(days=back or 7)
    elif rel in ("next", "this coming", "coming"):
        d = base + dt.timedelta(days=((wd - base.isoweekday()) % 7) or 7)
    elif rel == "this past":
        d = base - dt.timedelta(days=back or 7)
    else:
        # "Wednesday's ruling" names a day the news looks back on, whatever the verb
        tense = "past" if c.text.startswith("'s", m.end()) else c.tense(m.start(), m.end())
        ahead = (wd - base.isoweekday()) % 7
        if tense == "future" or (tense is None and ahead < back):
            d = base + dt.timedelta(days=ahead)
        else:
            d = base - dt.timedelta(days=back)
    if m[3]:
        return "TIME", f"{d.isoformat()}T{_DAYPARTS[m[3].lower()]}"
    return "DATE", d.isoformat()


_REL_UNIT = r"(week|weekend|month|year|quarter|decade|century)"


def _shift(a: _Anchor, unit: str, n: int) -> str | None:
    """The TimeML value of the unit-long period ``n`` units from the anchor."""
    if unit == "year":
        return _iso(a.year + n)
    if unit == "decade":
        return f"{(a.year + 10 * n) // 10}"
    if unit == "century":
        return f"{(a.year + 100 * n) // 100:02d}"
    if a.month is None:
        return None
    if unit == "month":
        return _iso(*_add_months(a.year, a.month, n))
    if unit == "quarter":
        y, mo = _add_months(a.year, a.month, 3 * n)
        return f"{y}-Q{(mo - 1) // 3 + 1}"
    if a.date is None:
        return None
    if unit in ("week", "weekend"):
        v = _week(a.date + dt.timedelta(weeks=n))
        return v + "-WE" if unit == "weekend" else v
    if unit == "day":
        return (a.date + dt.timedelta(days=n)).isoformat()
    return None


@_rule(r"\b(?:(?:early|late|earlier|later)\s+|(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+)?"
       r"(this|last|next|the\s+past|the\s+coming|this\s+past|the\s+current)\s+" + _REL_UNIT
       + r"\b",
       needs=(("week", "month", "year", "quarter", "decade", "century"),))  # fmt: skip
def _this_unit(m: re.Match[str], c: _Ctx) -> _Result:
    rel = re.sub(r"\s+", " ", m[1].lower())
    unit = m[2].lower()
    if rel in ("the past", "this past") and unit not in ("weekend", "week"):
        return "DURATION", _duration_value(1, unit)  # "the past year" is a length
    if rel == "the coming":
        return "DURATION", _duration_value(1, unit)
    a = c.deictic()
    if a is None:
        return None
    n = {"last": -1, "next": 1, "the past": -1, "this past": -1}.get(rel, 0)
    v = _shift(a, unit, n)
    return ("DATE", v) if v else None


@_rule(r"\b(?:(?:early|late|earlier|later)\s+)?(?:(the\s+following|the\s+next|the\s+previous|"
       r"the\s+preceding|the\s+prior|that|the\s+same)\s+)(day|week|weekend|month|year|decade)\b",
       needs=(("day", "week", "month", "year", "decade"),))
def _anaphoric_unit(m: re.Match[str], c: _Ctx) -> _Result:
    a = c.anaphoric()
    if a is None:
        return None
    rel = m[1].lower().split()[-1]
    n = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}.get(rel, 0)
    v = _shift(a, m[2].lower(), n)
    return ("DATE", v) if v else None


@_rule(rf"\b(?:(?:nearly|almost|about|around|some|roughly|more\s+than|over|less\s+than)\s+)?"
       rf"({_NUMWORD})[\s-]+{_UNIT}s?\s+(ago|earlier|later|hence|from\s+now)\b",
       needs=(_H_UNIT, ("ago", "earlier", "later", "hence", "now")))
def _ago(m: re.Match[str], c: _Ctx) -> _Result:
    n = _number(m[1])
    unit = re.search(_UNIT, m[0][m.end(1) - m.start() :], re.I)
    if unit is None:
        return None
    u = unit[0].lower().replace("centurie", "century")
    word = m[2].lower()
    a = c.deictic() if word in ("ago", "hence", "from now") else c.anaphoric()
    if n is None or a is None or u in _TIME_UNITS:
        return ("DATE", "PAST_REF") if word in ("ago", "earlier") else ("DATE", "FUTURE_REF")
    sign = -1 if word in ("ago", "earlier") else 1
    if u == "year" and n == 1 and c.quarter and sign < 0:
        return "DATE", f"{c.quarter[0] - 1}-Q{c.quarter[1]}"  # business news: the same quarter
    v = _shift(a, u, sign * n)
    return ("DATE", v) if v else None


_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "presently": "PRESENT_REF", "nowadays": "PRESENT_REF", "at present": "PRESENT_REF",
    "the present": "PRESENT_REF", "right now": "PRESENT_REF", "these days": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "previously": "PAST_REF",
    "formerly": "PAST_REF", "the past": "PAST_REF", "once": "PAST_REF", "earlier": "PAST_REF",
    "soon": "FUTURE_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the near term": "FUTURE_REF", "shortly": "FUTURE_REF",
    "the long term": "FUTURE_REF", "the coming years": "FUTURE_REF", "eventually": "FUTURE_REF",
}  # fmt: skip


# "previously", "soon", "formerly" are left out: TimeBank seldom tags them.
@_rule(r"\b(?:now|currently|presently|nowadays|(?:at|the)\s+present|right\s+now|these\s+days|"
       r"recently|lately|the\s+past|the\s+(?:near\s+)?future|the\s+(?:near|long)\s+term)\b",
       needs=(("now", "current", "present", "days", "recent", "lately", "past", "future", "term"),))
def _ref(m: re.Match[str], c: _Ctx) -> _Result:
    w = re.sub(r"\s+", " ", m[0].lower())
    if w == "the present" and re.match(r"\s+\w+", c.text[m.end() : m.end() + 20]):
        return None  # "the present government"
    return "DATE", _REFS[w]


# "recent" and "future" alone are left out: more often not tagged than tagged.
@_rule(r"\bcurrent\b(?:\s+(?:account|accounts|affairs|generations?)\b)?",
       needs=(("current",),))
def _ref_adj(m: re.Match[str], c: _Ctx) -> _Result:
    if " " in m[0]:
        return None  # "current account" is not a time
    return "DATE", _REFS[m[0].lower()]


# Durations and sets -----------------------------------------------------------


def _is_length(m: re.Match[str], unit: str, text: str) -> bool:
    """Whether a number and a unit are a length of time, not a rank, a share or a title.

    "a second betrayal" is a rank, "three-quarters of" and "a quarter of" a
    share, "60 Minutes" (capitalised mid-sentence) a title.
    """
    u = unit.lower()
    after = text[m.end() : m.end() + 16]
    if u == "second" and m[1].lower() in ("a", "an") and re.match(r"\s+[a-z]", after) \
            and not re.match(r"\s+(?:ago|later|earlier|or|and|of|before|after)\b", after):
        return False  # fmt: skip
    if u == "quarter" and (re.match(r"\s+of\b", after) or m[0].lower().endswith("-quarters")):
        return False
    return not (m[1][0].isdigit() and unit[0].isupper())


# Determiners and approximators ("a 16-hour", "about five hours") stay outside
# the extent, as in TimeBank; "N years old" is an age, not a time.
# "last" after a modal is the verb ("the drills will last ten days")
_VERB_LAST = r"(?<!will\s)(?<!to\s)(?<!would\s)(?<!could\s)(?<!may\s)(?<!might\s)(?<!can\s)last"


@_rule(rf"\b(?:(?:the\s+)?(?:past|{_VERB_LAST}|next|first|coming|previous|following|"
       rf"recent|final|latest|further|additional|entire|full|whole)\s+)?"
       rf"(?:(?:more\s+than|less\s+than|at\s+least)\s+)?"
       rf"({_NUMWORD})(\s+1/2|[\s-]+and\s+a\s+half)?[\s-]+{_UNIT}s?\b(-long|-old|\s+old)?"
       rf"(\s+and\s+a\s+half)?",
       needs=(_H_UNIT,))  # fmt: skip
def _duration(m: re.Match[str], c: _Ctx) -> _Result:
    n = _number(m[1])
    rest = m[0][m.end(1) - m.start() :]
    half = bool(m[2] or m[4])
    unit = re.search(_UNIT, rest, re.I)
    if unit is None or (m[3] and m[3] != "-long"):
        return None
    if n is not None and n >= 1000 and not re.search(_UNIT + r"s\b", rest, re.I):
        return None  # "the 1988 quarter" is a year's quarter, not a length
    if not _is_length(m, unit[0], c.text):
        return None
    if half and n is not None:
        return "DURATION", _half_more(n, unit[0].lower())
    return "DURATION", _duration_value(n, unit[0])


# half a unit in the next smaller one: "2 1/2 years" is P2Y6M
_HALVES = {"year": "6M", "month": "15D", "day": "T12H", "hour": "30M",
           "minute": "30S"}  # fmt: skip


def _half_more(n: int, unit: str) -> str:
    if unit not in _HALVES:
        return _duration_value(None, unit)
    return _duration_value(n, unit) + _HALVES[unit]


@_rule(rf"\b(?:recent|coming|the\s+(?:past|last|next|coming))\s+(?:few\s+|several\s+)?{_UNIT}s\b",
       needs=(_H_UNIT,))
def _vague_duration(m: re.Match[str], c: _Ctx) -> _Result:
    """"recent years", "the past few weeks", "coming months": a stretch of unknown length."""
    unit = re.search(_UNIT + "s$", m[0], re.I)
    return ("DURATION", _duration_value(None, unit[0][:-1])) if unit else None


_SETS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "quarterly": "P1Q", "nightly": "P1D", "annual": "P1Y",
}  # fmt: skip


@_rule(r"\b(?:daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly)\b",
       needs=(("daily", "weekly", "monthly", "annually", "yearly", "hourly", "quarterly",
               "nightly"),))
def _set_adverb(m: re.Match[str], c: _Ctx) -> _Result:
    if m[0].lower() == "quarterly" and re.match(r"\s+[a-z]", c.text[m.end() : m.end() + 2]):
        return None  # "quarterly dividend": a kind of report, not a recurrence
    return "SET", _SETS[m[0].lower()]


# "a year" alone is a duration; "twice a year" and "every other year" are sets
@_rule(rf"\b(?:(?:once|twice|\w+\s+times)\s+a\s+|(?:(?:once|twice|\w+\s+times)\s+)?"
       rf"(?:every|each|per)\s+(?:(other|{_NUMWORD})\s+)?){_UNIT}s?\b",
       needs=(_H_UNIT,))  # fmt: skip
def _set_every(m: re.Match[str], c: _Ctx) -> _Result:
    unit = re.search(_UNIT + "(?=s?$)", m[0], re.I)
    if unit is None:
        return None
    n = 2 if m[1] and m[1].lower() == "other" else (_number(m[1]) if m[1] else 1)
    return "SET", _duration_value(n, unit[0])


@_rule(rf"\b(?:every|each)\s+({_MON}|{_WD})\b|\b({_WD})s\b(?:\s+(mornings|nights|evenings))?", 0,
       needs=(("every", "each", "days"),))
def _set_named(m: re.Match[str], c: _Ctx) -> _Result:
    word = (m[1] or m[2]).rstrip(".")
    if word.lower() in _WEEKDAYS:
        part = f"T{_DAYPARTS[m[3][:-1].lower()]}" if m[3] else ""
        return "SET", f"XXXX-WXX-{_WEEKDAYS[word.lower()]}{part}"
    return "SET", f"XXXX-{_month_of(word):02d}"


# Clock times ------------------------------------------------------------------


@_rule(r"\b(\d{1,2})(?::(\d\d))?\s*(a\.?m\.?|p\.?m\.?|o'clock)(?=\W|$)(?:\s+(?:[ECMP][SD]T|GMT|UTC))?"
       r"|\b(noon|midnight)\b",
       needs=(("am", "a.m", "pm", "p.m", "o'clock", "noon", "midnight"),))  # fmt: skip
def _clock(m: re.Match[str], c: _Ctx) -> _Result:
    a = c.anaphoric()  # a clock time belongs to the day the story is on
    if m[4]:
        h, mi = (12, 0) if m[4].lower() == "noon" else (24, 0)
    else:
        h, mi = int(m[1]), int(m[2] or 0)
        if h > 12 or mi > 59:
            return None
        if m[3].lower().startswith("p") and h < 12:
            h += 12
        elif m[3].lower().startswith("a") and h == 12:
            h = 0
    day = a.date.isoformat() if a and a.date else "XXXX-XX-XX"
    return "TIME", f"{day}T{h:02d}:{mi:02d}"


# Spelled-out years, holidays, business periods -------------------------------------

_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_SPELLED_YEAR = (
    rf"(?:the\s+year\s+)?(?:nineteen\s+(?:hundred\s+(?:and\s+)?)?(?:{_TEENS}|{_TENS}(?:[\s-]"
    rf"(?:one|two|three|four|five|six|seven|eight|nine))?|o[\s-](?:one|two|three|four|five|six|"
    rf"seven|eight|nine))|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|"
    rf"eight|nine|ten|{_TEENS}))?)"
)


def _spelled_number(words: str) -> int:
    total = 0
    for w in re.split(r"[\s-]+", words.lower()):
        if w in ("and", "the", "year", "hundred", "o"):
            continue
        total += 1000 * 2 if w == "thousand" else _NUMBERS.get(w, 0)
    return total


@_rule(rf"\b{_SPELLED_YEAR}\b",
       needs=(("nineteen", "thousand"),))
def _spelled_year(m: re.Match[str], c: _Ctx) -> _Result:
    w = m[0].lower()
    if w.startswith("the year "):
        w = w[9:]
    if w.startswith("two thousand"):
        return "DATE", str(2000 + _spelled_number(w[12:]))
    if not m[0].lower().startswith("the year") and re.fullmatch(r"nineteen\s+\w+", w) is None \
            and "-" not in w and "hundred" not in w:
        return None
    return "DATE", str(1900 + _spelled_number(w[8:]))


# month, day; None for holidays computed from the calendar
_HOLIDAYS: dict[str, tuple[int, int] | None] = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "new year's eve": (12, 31), "new year's day": (1, 1), "independence day": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14), "thanksgiving day": None,
    "thanksgiving": None, "election day": None, "labor day": None, "memorial day": None,
}  # fmt: skip


def _nth_weekday(y: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based; -1 for last) ISO weekday of a month."""
    if n < 0:
        d = dt.date(y, month, days_in_month(y, month))
        return d - dt.timedelta(days=(d.isoweekday() - weekday) % 7)
    d = dt.date(y, month, 1)
    return d + dt.timedelta(days=(weekday - d.isoweekday()) % 7 + 7 * (n - 1))


@_rule(r"\b(?:(last|next|this)\s+)?(" + "|".join(sorted(_HOLIDAYS, key=len, reverse=True))
       + rf")(?:\s+({_YEAR}))?\b",
       needs=(tuple(_HOLIDAYS),))  # fmt: skip
def _holiday(m: re.Match[str], c: _Ctx) -> _Result:
    name = m[2].lower()
    if not m[2][0].isupper():
        return None
    a = c.deictic()
    if m[3]:
        y = int(m[3])
    elif a is None:
        return None
    elif m[1]:
        y = a.year + {"last": -1, "next": 1}.get(m[1].lower(), 0)
    else:
        md0 = _HOLIDAYS[name] or (11, 25)
        y = _nearest_year(a, *md0) or a.year
    md = _HOLIDAYS[name]
    if md is None:
        d = {"thanksgiving": _nth_weekday(y, 11, 4, 4), "labor day": _nth_weekday(y, 9, 1, 1),
             "memorial day": _nth_weekday(y, 5, 1, -1),
             "election day": _nth_weekday(y, 11, 1, 1) + dt.timedelta(days=1)}[
            name.replace(" day", "") if name.startswith("thanks") else name]  # fmt: skip
        return "DATE", d.isoformat()
    return "DATE", _iso(y, *md)


@_rule(r"\b(?:the\s+)?(?:weekend)\b",
       needs=(("weekend",),))
def _weekend(m: re.Match[str], c: _Ctx) -> _Result:
    a = c.deictic()
    if a is None or a.date is None or not m[0].lower().startswith("the"):
        return None
    # said early in the week, "the weekend" is the one just past
    back = 1 if a.date.isoweekday() <= 3 and c.tense(m.start(), m.end()) != "future" else 0
    return "DATE", _week(a.date - dt.timedelta(weeks=back)) + "-WE"


@_rule(r"\b(?:(?:the\s+)?(?:year-(?:earlier|ago)|same)\s+(?:period|quarter)|"
       r"the\s+(?:latest|most\s+recent)\s+period|year-(?:earlier|ago))\b",
       needs=(("period", "quarter", "year-"),))
def _business_period(m: re.Match[str], c: _Ctx) -> _Result:
    a = c.deictic()
    if c.quarter is None and a is None:
        return None
    back = 1 if "year-" in m[0].lower() else 0
    if c.quarter is None:
        assert a is not None
        return "DATE", str(a.year - back)
    return "DATE", f"{c.quarter[0] - back}-Q{c.quarter[1]}"


@_rule(r"\b(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+)?"
       r"(?:the\s+(?:current\s+|full\s+|whole\s+|calendar\s+)?(?:fiscal\s+)?year|"
       r"the\s+(?:current\s+)?(?:fiscal|calendar)\s+year)\b(?!\s*(?:earlier|ago|later))"
       r"(?:\s+(?:before|after)(?=\s*[,.;)]|$))?",
       needs=(("year",),))
def _the_year(m: re.Match[str], c: _Ctx) -> _Result:
    after = c.text[m.end() : m.end() + 24]
    if re.match(r"\s+end(?:ed|ing)\b", after):
        return "DURATION", "P1Y"  # "the year ended March 31": twelve months, not a calendar year
    if re.fullmatch(r"the\s+year\s+(?:before|after)", m[0], re.I):
        a = c.anaphoric()  # "up 8 percent on the year before."
        if a is None:
            return None
        return "DATE", str(a.year + (1 if m[0].lower().endswith("after") else -1))
    if m[0].lower() == "the year" and re.match(
        r"\s+(?:of|in\s+which|when|that|before|after|earlier|later|ago|\d)|-", after
    ):
        return None  # "the year of the treaty", "the year before": not the current year
    a = c.deictic()
    return ("DATE", str(a.year)) if a else None


@_rule(r"(?:(?<=\bfor\s)|(?<=\bwithin\s))(?:years|months|weeks|days|decades|hours)\b|"
       r"(?<=\bin\s)(?:years|months|weeks|decades)\b(?!\s+(?:to\s+come|ago))",
       needs=(("years", "months", "weeks", "days", "decades", "hours"),))
def _plural_units(m: re.Match[str], c: _Ctx) -> _Result:
    return "DURATION", _duration_value(None, m[0][:-1])


# --- matching ------------------------------------------------------------------


_RANGE_GAP = re.compile(r"\s*(?:[–—-]|to|through|thru|until|till|and)\s*$", re.I)
_RANGE_INTRO = re.compile(r"\b(?:from|between|throughout|during|in)\s+$", re.I)


def _candidates(
    text: str, viable: Callable[[int, re.Match[str]], bool]
) -> list[tuple[int, int, int, re.Match[str]]]:
    """The matches that will be resolved: longest first, none overlapping.

    A match its rule turns down (``viable`` is False: "will last ten days" is
    a verb before a length) leaves its characters to shorter matches.
    """
    out = []
    low = text.lower()
    present: list[bool | None] = [None] * len(_GROUPS)
    for i, (pattern, _) in enumerate(_PATTERNS):
        if not _may_match(low, _NEEDS[i], present):
            continue
        for m in pattern.finditer(text):
            if m.end() > m.start():
                out.append((m.start(), m.end(), i, m))
    # longest first; among equals, the earlier rule (more specific) wins
    out.sort(key=lambda t: (t[0] - t[1], t[2], t[0]))
    taken = bytearray(len(text))
    chosen = []
    for s, e, i, m in out:
        if any(taken[s:e]) or not viable(i, m):
            continue
        taken[s:e] = b"\x01" * (e - s)
        chosen.append((s, e, i, m))
    chosen.sort()
    return chosen


def _signal(text: str, start: int) -> tuple[str | None, int]:
    m = _SIGNAL.search(text, max(0, start - 16), start)
    if not m:
        return None, start
    return re.sub(r"\s+", " ", m[1].lower()), m.start(1)


def _make(text: str, s: int, e: int, ttype: str, value: str) -> TimeMention:
    surface = text[s:e]
    if ttype in ("DURATION", "SET"):
        when = When(None, None, "unknown", "every" if ttype == "SET" else None, surface)
    else:
        when = _when_of_value(value, surface)
    mod = re.match(r"(?:the\s+)?(early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start"
                   r"\s+of|the\s+middle\s+of|earlier|later)\b", surface, re.I)  # fmt: skip
    if mod and when.start:
        w = mod[1].lower()
        modifier = ("late" if "end" in w else "early" if re.search("beginning|start", w)
                    else "mid" if "middle" in w else w.replace("earlier", "early")
                    .replace("later", "late"))  # fmt: skip
        when = replace(when, modifier=modifier)
    return TimeMention(s, e, when, ttype, value)


def _anchor_of(mention: TimeMention) -> _Anchor | None:
    v = mention.value
    m = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:$|T)", v)
    if m:
        return _Anchor(int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None)
    if mention.when.start and re.match(r"\d{4}-\d\d-\d\d$", mention.when.start):
        return _Anchor.parse(mention.when.start)
    return None


def find_times(
    text: str,
    anchor: str | None = None,
    frame: When | None = None,
    narrative: str | None = None,
) -> list[TimeMention]:
    """Time expressions in ``text``, in order, with TimeML values and Whens.

    ``anchor``: ISO document date for deictic expressions. ``narrative``: the
    last date of the text before this one, for anaphoric expressions (defaults
    to ``frame``'s start, then to ``anchor``). ``frame``: the span the text is
    about (a section title's), used as the narrative date when none is given.
    """
    if narrative is None and frame is not None:
        narrative = frame.start
    ctx = _Ctx(text, _Anchor.parse(anchor), _Anchor.parse(narrative))
    mentions: list[TimeMention] = []
    # viability is asked with a stand-in date, so that a rule that needs a date
    # it does not have yet ("the following year") is not turned down for that
    stand_in = _Anchor(2000, 6, 15)
    scratch = _Ctx(text, ctx.anchor or stand_in, ctx.narrative or stand_in)
    for s, e, i, m in _candidates(text, lambda i, m: _PATTERNS[i][1](m, scratch) is not None):
        result = _PATTERNS[i][1](m, ctx)
        if result is None:
            continue
        ttype, value = result
        if ttype == "RANGE":
            a, b = value.split("/")
            split = s + len(m[1])
            left = _make(text, s, split, "DATE", a)
            right = _make(text, e - len(m[2]), e, "DATE", b)
            when = When(a, b, "year", None, text[s:e])
            mention = TimeMention(s, e, when, "DATE", a, (left, right))
        elif ttype == "OPEN":
            left = _make(text, s, s + 4, "DATE", value)
            right = TimeMention(e - len(m[2]), e, When(anchor, None, "day" if anchor else
                                "unknown", "approx", m[2]), "DATE", "PRESENT_REF")  # fmt: skip
            when = When(value, None, "year", "since", text[s:e])
            mention = TimeMention(s, e, when, "DATE", value, (left, right))
        else:
            mention = _make(text, s, e, ttype, value)
        mention = _with_signal(text, mention, ctx)
        prefix = _PREFIX.match(text, mention.start, mention.end)
        if prefix and not mention.parts:
            mention = replace(mention, start=prefix.end())  # When keeps modifier and text
        mentions.append(mention)
        if mention.timex_type in ("DATE", "TIME"):
            new = _anchor_of(mention)
            if new is not None:
                ctx.narrative = new
    return _join_ranges(text, _join_clock_days(text, mentions))


# TimeBank leaves "early"/"late" before a name or number out of the extent
# ("early March", "late 1990s"), and "the" before an adjective ("the third-quarter").
_PREFIX = re.compile(r"(?:early|mid|late)\s+(?=[A-Z0-9])|the\s+(?=\w+-quarter|\d{4}\b)")


def _with_signal(text: str, mention: TimeMention, ctx: _Ctx) -> TimeMention:
    signal, at = _signal(text, mention.start)
    when = mention.when
    if mention.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        a = ctx.anchor  # "now" is the document's date; an encyclopedia's "current" has none
        iso = _iso(a.year, a.month, a.day) if a else None
        prec = "unknown" if a is None else "day" if a.day else "month" if a.month else "year"
        when = {
            "PRESENT_REF": When(iso, None, prec, "approx", when.text),
            "PAST_REF": When(None, iso, prec if iso else "unknown", "before", when.text),
            "FUTURE_REF": When(iso, None, prec if iso else "unknown", "after", when.text),
        }[mention.value]
    if signal is None:
        return replace(mention, when=when)
    mod = _SIGNAL_MOD.get(signal)
    if mention.timex_type in ("DATE", "TIME") and when.start is not None and mod:
        when = replace(when, modifier=mod)
    when = replace(when, text=text[at : mention.end])
    return replace(mention, when=when, signal=signal)


def _join_clock_days(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """Join a clock time and the day after it ("9 a.m. Tuesday", "noon Saturday",
    "5 p.m. EST, Nov. 9") into one TIME on that day, as TimeML tags them."""
    out: list[TimeMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and prev.timex_type == "TIME" and m.timex_type == "DATE"
                and re.fullmatch(r",?\s{1,2}", text[prev.end : m.start])
                and re.fullmatch(r"\d{4}-\d\d-\d\d", m.value)
                and (clock := re.search(r"T\d\d(?::\d\d)?$", prev.value))):  # fmt: skip
            when = replace(m.when, text=text[prev.start : m.end], modifier=m.when.modifier
                           or prev.when.modifier)  # fmt: skip
            out[-1] = TimeMention(prev.start, m.end, when, "TIME", m.value + clock[0],
                                  signal=prev.signal)  # fmt: skip
            continue
        out.append(m)
    return out


def _join_ranges(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """Join "from X through Y", "between X and Y", "X–Y" into one range mention."""
    out: list[TimeMention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        if i + 1 < len(mentions):
            n = mentions[i + 1]
            gap = text[m.end : n.start]
            intro = m.signal in ("from", "between", "throughout", "during")
            dash = bool(re.fullmatch(r"\s*[–—-]\s*", gap))
            if (m.when.start and n.when.start and m.timex_type == n.timex_type == "DATE"
                    and len(gap) < 12 and _RANGE_GAP.match(gap) and (intro or dash)
                    and not m.parts and not n.parts):  # fmt: skip
                end = n.when.end or n.when.start
                prec = m.when.precision if m.when.precision == n.when.precision else "unknown"
                if prec == "unknown":
                    order = ["day", "month", "season", "quarter", "year", "decade", "century"]
                    pa, pb = m.when.precision, n.when.precision
                    if pa in order and pb in order:
                        prec = max(pa, pb, key=order.index)
                start_text = m.when.text or text[m.start : m.end]
                when = When(m.when.start, end, prec, None,
                            text[m.end - len(start_text) : n.end])  # fmt: skip
                if m.signal == "throughout":
                    when = replace(when, modifier="throughout")
                out.append(TimeMention(m.start, n.end, when, "DATE", m.value, (m, n), m.signal))
                i += 2
                continue
        out.append(m)
        i += 1
    return out


# --- documents -----------------------------------------------------------------


def annotate_times(
    sentences: Sequence[tuple[str, str | None] | tuple[str, str | None, str]],
    doc_date: str | None = None,
) -> list[SentenceTimes]:
    """``iter_times`` as a list."""
    return list(iter_times(sentences, doc_date))


def iter_times(
    sentences: Iterable[tuple[str, str | None] | tuple[str, str | None, str]],
    doc_date: str | None = None,
) -> Iterator[SentenceTimes]:
    """Time mentions of each (sentence, section title[, kind]) of one document.

    The narrative date carries from sentence to sentence ("In 1961 … The
    following year …"); it restarts from the section title's span when the
    section changes. A sentence without a date of its own gets that span as
    ``frame`` (inherited, not written). A caption's or a heading's date (kind
    "caption", "heading") is its own: it does not move the narrative.
    """
    narrative: str | None = None
    in_section: str | None = None  # the narrative written in this section (or its frame)
    span: When | None = None  # the decade or century in_section comes from
    day = False  # in_section is one named day
    section: str | None = None
    frame: When | None = None
    for text, title, *kind in sentences:
        if title != section:
            section = title
            frame = _title_frame(title)
            narrative = frame.start if frame else narrative
            in_section = frame.start if frame else None
            span, day = None, False
        mentions = _with_named_periods(text, find_times(text, doc_date, frame, narrative))
        dated = [m for m in mentions if m.is_point and m.value not in _VAGUE]
        own = bool([m for m in mentions if m.is_point])
        yield SentenceTimes(mentions, None if own else frame, in_section, span, day)
        if dated and (not kind or kind[0] not in ("caption", "heading")):
            last = dated[-1]
            narrative = last.when.end or last.when.start
            in_section = narrative
            span = last.when if last.when.precision in ("decade", "century") else None
            day = last.when.precision == "day" and not last.when.end


_VAGUE = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})


def _with_named_periods(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """``mentions`` and the named periods ("during the Korean War") none of them covers:
    events with known years, so of type EVENT (the war is still an act of its sides). A
    date inside a name is the name's ("the September 11 attacks" are of 2001)."""
    periods = named_periods(text)
    if not periods:
        return mentions
    kept = [m for m in mentions
            if not any(p.start <= m.start and m.end <= p.end for p in periods)]
    extra = [TimeMention(p.start, p.end, p.when, "EVENT", p.when.start or p.when.end or "")
             for p in periods
             if all(p.end <= m.start or p.start >= m.end for m in kept if m.is_point)]
    return sorted(kept + extra, key=lambda m: m.start)


def _title_frame(title: str | None) -> When | None:
    """The span a section title carries ("Soviet-era relations (1960–1991)"), if any."""
    if not title:
        return None
    last = title.rsplit(">", 1)[-1]
    dated = [m for m in find_times(last) if m.is_point and m.timex_type == "DATE"]
    return dated[-1].when if dated else None

