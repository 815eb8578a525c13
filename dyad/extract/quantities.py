"""Quantities with units and currencies: "60,000 tonnes of petroleum products", "$100 million".

Years and footnote labels are not quantities; a number counts when a unit,
a currency or a counted noun follows it ("50 Soviet military advisors").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

SCALES = {"thousand": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
          "trillion": 1e12}  # fmt: skip
CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB"}
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "rubles": "RUB", "roubles": "RUB", "yen": "JPY", "yuan": "CNY", "CFA francs": "XOF",
    "francs": "XOF", "rupees": "INR",
}  # fmt: skip
UNITS = {
    "tonnes": "tonne", "tonne": "tonne", "tons": "tonne", "ton": "tonne", "metric tons": "tonne",
    "kilograms": "kilogram", "kg": "kilogram", "barrels": "barrel", "litres": "litre",
    "liters": "litre", "kilometres": "kilometre", "kilometers": "kilometre", "km": "kilometre",
    "hectares": "hectare", "megawatts": "megawatt", "MW": "megawatt", "doses": "dose",
}  # fmt: skip
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100, "dozens": 24, "hundreds": 200, "thousands": 2000,
    "a dozen": 12, "several hundred": 300, "a few hundred": 300, "several thousand": 3000,
}  # fmt: skip

_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|mn|m)\b)?"
_APPROX = r"(?P<approx>(?i:approximately|about|around|nearly|almost|some|over|more than|up to)\s+)?"
_MONEY_SIGN = re.compile(rf"{_APPROX}(?P<sign>US\$|\$|€|£|¥|₽)\s?{_NUM}{_SCALE}", re.I)
_MONEY_WORD = re.compile(
    rf"{_APPROX}{_NUM}{_SCALE}\s+(?:US\s+)?(?P<cur>"
    + "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True))
    + r")\b",
    re.I,
)
_UNIT_AMOUNT = re.compile(
    rf"{_APPROX}{_NUM}{_SCALE}\s+(?P<unit>"
    + "|".join(sorted(UNITS, key=len, reverse=True))
    + r")\b(?:\s+of\s+(?P<item>(?:[a-z][\w-]*\s?){1,3}?)"
    r"(?=[,.;)]|\s+(?:and|for|to|in|from|by|worth|which|that)\b|$))?",
)
# what a bare number counts: "50 advisors", "two aircraft"
_COUNTED = (r"advis[eo]rs|troops|soldiers|instructors|mercenaries|diplomats|aircraft|jets|"
            r"helicopters|tanks|vehicles|trucks|students|doctors|officers|personnel|fighters|"
            r"drones|ships|warships|refugees|people|civilians|performers|coaches|experts|"
            r"engineers|workers|observers|peacekeepers|weapons|rifles")
_COUNT = re.compile(
    rf"{_APPROX}(?P<count>{_NUM[6:-1]}|(?i:"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + rf"))\s+(?P<item>(?:[A-Z]?[a-z][\w-]*\s){{0,3}}?(?:{_COUNTED}))\b",
)
_YEARLIKE = re.compile(r"^(?:1[6-9]|20)\d\d$")
# Words each pattern cannot match without: one quick scan skips a pattern on most sentences
# (the patterns open with an optional "about"/"nearly", so they are tried at every position).
_HAS_SIGN = re.compile(r"[$€£¥₽]")
_HAS_CURRENCY = re.compile("|".join(sorted(CURRENCY_WORDS, key=len, reverse=True)), re.I)
_HAS_UNIT = re.compile("|".join(sorted(UNITS, key=len, reverse=True)))
_HAS_COUNTED = re.compile(_COUNTED)


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

    for m in _MONEY_SIGN.finditer(text) if _HAS_SIGN.search(text) else ():
        add(m, _value(m.group("num"), m.group("scale")), None,
            CURRENCY_SIGNS[m.group("sign").upper()], None)
    for m in _MONEY_WORD.finditer(text) if _HAS_CURRENCY.search(text) else ():
        add(m, _value(m.group("num"), m.group("scale")), None,
            CURRENCY_WORDS.get(m.group("cur"), CURRENCY_WORDS.get(m.group("cur").lower())), None)
    for m in _UNIT_AMOUNT.finditer(text) if _HAS_UNIT.search(text) else ():
        add(m, _value(m.group("num"), m.group("scale")), UNITS[m.group("unit")], None,
            m.group("item"))
    for m in _COUNT.finditer(text) if _HAS_COUNTED.search(text) else ():
        count = m.group("count")
        if _YEARLIKE.match(count):
            continue
        value = NUMBER_WORDS.get(count.lower())
        add(m, float(value) if value else _value(count, None), None, None, m.group("item"))
    return sorted(found, key=lambda q: q.start)


def _value(number: str, scale: str | None) -> float:
    value = float(number.replace(",", ""))
    return value * SCALES[scale.lower()] if scale else value
