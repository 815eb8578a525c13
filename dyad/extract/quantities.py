"""Quantities with units and currencies: "60,000 tonnes of petroleum products", "$100 million".

Years and footnote labels are not quantities; a number counts when a unit,
a currency or a counted noun follows it ("50 Soviet military advisors"). The words
(units, currencies, number words, counted nouns) are the tables in dyad/data/quantities/.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from dyad.datafiles import read_mapping, read_rows
from dyad.errors import DataError

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"  # "1,200", "3.5", "60"
_NUM = rf"(?P<num>{_NUMBER})"
_APPROX = r"(?P<approx>(?i:approximately|about|around|nearly|almost|some|over|more than|up to)\s+)?"
_YEARLIKE = re.compile(r"^(?:1[6-9]|20)\d\d$")


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    value: float
    unit: str | None
    currency: str | None
    item: str | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        value: float | int = int(self.value) if self.value == int(self.value) else self.value
        return {"value": value, "unit": self.unit, "currency": self.currency,
                "item": self.item, "text": self.text}

@dataclass(frozen=True, slots=True)
class _Lexicon:
    """The words of dyad/data/quantities/*.tsv and the patterns built from them."""

    scales: dict[str, float]
    signs: dict[str, str]  # "US$" → "USD"
    currencies: dict[str, str]  # "euros" → "EUR"
    units: dict[str, str]  # "tons" → "tonne"
    numbers: dict[str, float]  # "dozens" → 24
    money_sign: re.Pattern[str]
    money_word: re.Pattern[str]
    unit_amount: re.Pattern[str]
    count: re.Pattern[str]
    # Words each pattern cannot match without: one quick scan skips a pattern on most
    # sentences (the patterns open with an optional "about"/"nearly", so they are tried at
    # every position).
    has_sign: re.Pattern[str]
    has_currency: re.Pattern[str]
    has_unit: re.Pattern[str]
    has_counted: re.Pattern[str]


@cache
def _lexicon() -> _Lexicon:
    scales: dict[str, float] = {}
    numbers: dict[str, float] = {}
    for word, kind, value in read_rows("quantities/numbers.tsv", ("word", "kind", "value")):
        if kind not in ("count", "scale") or not value.isdigit():
            raise DataError(f"dyad/data/quantities/numbers.tsv: {word!r} needs kind count or "
                            f"scale and a whole-number value, has {kind!r} {value!r}")
        (numbers if kind == "count" else scales)[word] = float(value)
    signs: dict[str, str] = {}
    currencies: dict[str, str] = {}
    for surface, kind, code in read_rows("quantities/currencies.tsv",
                                         ("surface", "kind", "code")):
        if kind not in ("sign", "word"):
            raise DataError(f"dyad/data/quantities/currencies.tsv: {surface!r} needs kind sign "
                            f"or word, has {kind!r}")
        (signs if kind == "sign" else currencies)[surface] = code
    units = read_mapping("quantities/units.tsv", "surface", "unit")
    counted = "|".join(re.escape(noun) for noun, in read_rows("quantities/counted.tsv", ("noun",)))
    sign, currency, unit = (_alternatives(signs), _alternatives(currencies),
                            _alternatives(units))  # fmt: skip
    scale = rf"(?:\s*(?P<scale>{_alternatives(scales)})\b)?"
    return _Lexicon(
        scales, signs, currencies, units, numbers,
        money_sign=re.compile(rf"{_APPROX}(?P<sign>{sign})\s?{_NUM}{scale}", re.I),
        money_word=re.compile(rf"{_APPROX}{_NUM}{scale}\s+(?:US\s+)?(?P<cur>{currency})\b", re.I),
        unit_amount=re.compile(
            rf"{_APPROX}{_NUM}{scale}\s+(?P<unit>{unit})\b"
            r"(?:\s+of\s+(?P<item>(?:[a-z][\w-]*\s?){1,3}?)"
            r"(?=[,.;)]|\s+(?:and|for|to|in|from|by|worth|which|that)\b|$))?",
        ),
        # what a bare number counts: "50 advisors", "two aircraft"
        count=re.compile(
            rf"{_APPROX}(?P<count>{_NUMBER}|(?i:{_alternatives(numbers)}))\s+"
            rf"(?P<item>(?:[A-Z]?[a-z][\w-]*\s){{0,3}}?(?:{counted}))\b",
        ),
        has_sign=re.compile(sign, re.I),
        has_currency=re.compile(currency, re.I),
        has_unit=re.compile(unit),
        has_counted=re.compile(counted),
    )


def _alternatives(words: dict[str, Any]) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def find_quantities(text: str) -> list[Quantity]:
    """Amounts in ``text``, left to right, none overlapping."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], value: float, unit: str | None, currency: str | None,
            item: str | None) -> None:
        start = m.start("num") if "num" in m.re.groupindex and m.group("num") else m.start()
        start = m.start("approx") if m.group("approx") else min(start, m.start())
        if any(a < m.end() and start < b for a, b in taken):
            return
        taken.append((start, m.end()))
        found.append(Quantity(start, m.end(), value, unit, currency,
                              item.strip() if item else None, text[start : m.end()]))

    lex = _lexicon()
    for m in lex.money_sign.finditer(text) if lex.has_sign.search(text) else ():
        add(m, _value(m.group("num"), m.group("scale")), None,
            lex.signs[m.group("sign").upper()], None)
    for m in lex.money_word.finditer(text) if lex.has_currency.search(text) else ():
        cur = m.group("cur")
        add(m, _value(m.group("num"), m.group("scale")), None,
            lex.currencies.get(cur, lex.currencies.get(cur.lower())), None)
    for m in lex.unit_amount.finditer(text) if lex.has_unit.search(text) else ():
        add(m, _value(m.group("num"), m.group("scale")), lex.units[m.group("unit")], None,
            m.group("item"))
    for m in lex.count.finditer(text) if lex.has_counted.search(text) else ():
        count = m.group("count")
        if _YEARLIKE.match(count):
            continue
        value = lex.numbers.get(count.lower())
        add(m, float(value) if value else _value(count, None), None, None, m.group("item"))
    return sorted(found, key=lambda q: q.start)


def _value(number: str, scale: str | None) -> float:
    value = float(number.replace(",", ""))
    return value * _lexicon().scales[scale.lower()] if scale else value
