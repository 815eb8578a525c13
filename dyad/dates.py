"""Calendar words and absolute-date parsing shared by the readers and the time tagger."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_FORMS = [
    re.compile(rf"^{_DAY}\s+{_MONTH},?\s+{_YEAR}$", re.I),  # 17 July 2009
    re.compile(rf"^{_MONTH}\s+{_DAY},?\s+{_YEAR}$", re.I),  # July 17, 2009
    re.compile(rf"^{_MONTH},?\s+{_YEAR}$", re.I),  # July 2009
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$"),  # 2009-07-17
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})$"),  # 2009-07
    re.compile(rf"^{_YEAR}[a-z]?$"),  # 1981, 1981a
]


def month_number(word: str) -> int | None:
    """1–12 for a month name or abbreviation ("Sept.", "march"), else None."""
    return MONTHS.get(word.lower().rstrip("."))


def iso_date(text: str) -> str | None:
    """ISO 8601 at the precision written for a standalone absolute date, else None.

    "17 July 2009" → "2009-07-17"; "March 1961" → "1961-03"; "1981" → "1981".
    """
    text = text.strip().strip(".,;")
    for form in _FORMS:
        m = form.match(text)
        if not m:
            continue
        parts = m.groupdict()
        year = int(parts["year"])
        month_text = parts.get("month")
        if month_text is None:
            return f"{year:04d}"
        month = int(month_text) if month_text.isdigit() else month_number(month_text)
        if not month or not 1 <= month <= 12:
            return None
        day_text = parts.get("day")
        if day_text is None:
            return f"{year:04d}-{month:02d}"
        day = int(day_text)
        if not 1 <= day <= days_in_month(year, month):
            return None
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31
