"""A news text's publication date, when the feed gives none, from the stamp at its top.

News copied from the web carries its date in a few set places: a "date 2018-08-07" stamp
before the text, a line holding only the date ("Tue 24th August 2021 | 10:04 PM",
"Published March 12, 2019"), or the dateline before the first sentence ("ALGIERS
(Agency - 24th August, 2021)", "LIMA, Dec 20, 2022 (AFP) -"). Failing those, the story's
address often holds the day (".../2021/08/11/spain-recalls-...",
"...-2022-12-21-01-55-57.html"), and a dateline's "Dec 20" takes its year from there.
Only a full date (day, month and year) counts. Dates elsewhere in the text are what
happened, not when it was told.
"""

from __future__ import annotations

import re

from dyad.dates import iso_date

HEAD_CHARS = 600  # the stamp and the dateline stand before the first paragraph's body
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
_TIME = r"(?:\s*(?:\||,|-|–|at)?\s*\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?)?"
_DATE = r"(?P<date>[0-3]?\d(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}" \
        r"|[A-Za-z]{3,9}\.?\s+[0-3]?\d(?:st|nd|rd|th)?,\s*\d{4}|\d{4}-\d{2}-\d{2})"
_STAMP = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\b")
_DATE_LINE = re.compile(
    rf"^[^\S\n]*(?:(?:Published|Updated|Posted|Last updated)(?:\s+on)?:?\s+)?{_WEEKDAY}{_DATE}"
    rf"{_TIME}[^\S\n]*$", re.M)
# "ALGIERS (UrduPoint News / Sputnik - 24th August, 2021)", "CAIRO, March 3, 2021 (Reuters) -"
_DATELINES = (
    re.compile(rf"^[^\S\n]*[A-Z][A-Z .'-]{{1,30}},\s*{_DATE}\s*\(", re.M),
    re.compile(rf"^[^\S\n]*[A-Z][A-Z .'-]{{1,30}}\s*\([^()\n]{{1,60}}?[-–,]\s*{_DATE}\s*\)", re.M),
)


# "LIMA, Dec 20 (AFP) -": a day without its year
_SHORT_DATELINE = re.compile(
    r"^[^\S\n]*[A-Z][A-Z .'-]{1,30},\s*(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>[0-3]?\d)\b",
    re.M)
_URL_DAY = (re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]\d)/(?P<d>[0-3]\d)(?:/|$)"),
            re.compile(r"[-_/](?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:\D|$)"))


def publication_date(text: str, url: str | None = None) -> str | None:
    """ISO day of the date stamped at the top of a news text (or in its address), or None."""
    stamped = _stamped(text[:HEAD_CHARS])
    if stamped is not None:
        return stamped
    from_url = _url_day(url or "")
    short = _SHORT_DATELINE.search(text[:HEAD_CHARS])
    if short is not None and from_url is not None:
        dated = iso_date(f"{short.group('day')} {short.group('month')} {from_url[:4]}")
        if dated is not None and len(dated) == 10:
            return dated
    return from_url


def _url_day(url: str) -> str | None:
    for pattern in _URL_DAY:
        if (m := pattern.search(url)) is not None:
            found = iso_date(f"{m.group('y')}-{m.group('m')}-{m.group('d')}")
            if found is not None and len(found) == 10:
                return found
    return None


def _stamped(head: str) -> str | None:
    for pattern in (_STAMP, _DATE_LINE, *_DATELINES):
        if (m := pattern.search(head)) is None:
            continue
        raw = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", m.group("date"))
        raw = re.sub(r",(\d)", r", \1", raw)  # "March 12,2019"
        found = iso_date(raw)
        if found is not None and len(found) == 10:
            return found
    return None
