"""Dates told by a state's independence: "shortly after their formal independence",
"less than a year after the Israeli Declaration of Independence".

Relations pages often date the first ties between two new states only by when they
became independent. Whose independence it is comes from the phrase's own words (a
state's name or adjective, "its", "their") or the clause's subject; when it was comes
from the states table (``valid_from``, the day a state began); of several, the last to
begin ("their independence": when both were). A state whose start the table leaves
blank has been one as long as it knows, and alone dates nothing. A sentence's own date
in the same stretch wins: "after gaining independence in 1960" needs no help.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from dyad.annotate import anaphora
from dyad.annotate.time import TimeMention
from dyad.model import When
from dyad.reference.gazetteer import Gazetteer

_INDEPENDENCE = re.compile(r"\bindependence\b", re.I)
# the words before it that say how the date relates to it; "upon", "at": its own date
_RELATION = re.compile(
    r"\b(?:(?P<soon>shortly|soon|immediately|just|right)\s+after|(?P<within>less\s+than\s+"
    r"(?:a|one)\s+year\s+after|within\s+(?:a|one)\s+year\s+(?:of|after))|(?P<years>a|an|one|"
    r"two|three|four|five|\d{1,2})\s+years?\s+after|(?P<after>after|following)|"
    r"(?P<since>since|ever\s+since)|(?P<at>upon|at))\b"
    r"(?P<gap>[^,;.]{0,60})$", re.I)
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_OWNERS = ("poss", "amod", "compound", "nmod")


def independence_times(span: Any, text: str, mentions: Sequence[Any],
                       known: Sequence[TimeMention], pair: tuple[str, ...],
                       g: Gazetteer) -> list[TimeMention]:
    """Time mentions for the independence phrases of one parsed sentence (``span``, whose
    text is ``text``; ``mentions`` its actor mentions, ``known`` its time mentions)."""
    out = []
    for m in _INDEPENDENCE.finditer(text):
        before = text[max(0, m.start() - 110):m.start()]
        relation = _RELATION.search(before)
        if relation is None:
            continue
        start = m.start() - (len(before) - relation.start())
        end = _phrase_end(text, m.end())
        if any(k.is_point and start - 40 <= k.start < end + 40 and
               not re.search(r"[,;]", text[min(k.end, start):max(k.start, end)])
               for k in known):
            continue  # "after gaining independence in 1960": the sentence's own date
        states = _whose(span, text, mentions, start, m.start(), pair)
        begun = [s.valid_from for c in states if (s := g.states.get(c)) and s.valid_from]
        if not begun:
            continue  # a state the table gives no start has been one as long as it knows
        when = _related(max(begun), relation, text[start:end])
        if when is not None:
            out.append(TimeMention(start, end, when, "EVENT", when.start or ""))
    return out


def _phrase_end(text: str, at: int) -> int:
    """Past "from Spain", "from French colonial rule": the end of the independence phrase."""
    tail = re.match(r"\s+from\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?[\w'-]+(?=[,;.]|\s+(?:and|in|"
                    r"on|by)\b)", text[at:])
    return at + (tail.end() if tail else 0)


def _whose(span: Any, text: str, mentions: Sequence[Any], start: int, at: int,
           pair: tuple[str, ...]) -> list[str]:
    """The states whose independence the phrase at ``start``–``at`` speaks of."""
    own = [x.entity.country for x in mentions if start <= x.start < at
           and x.entity.kind == "state" and x.entity.country]
    if own:
        return list(dict.fromkeys(own))  # "the Israeli Declaration of Independence"
    words = text[start:at].lower().split()
    subject = anaphora.clause_subject(span, at)
    ruled = [x.entity.country for x in mentions if subject and subject[0] <= x.start < subject[1]
             and x.entity.kind == "state" and x.entity.country]
    if ruled:
        return list(dict.fromkeys(ruled))  # "their", "its" or none: the clause's subject
    return list(pair) if "their" in words and len(pair) == 2 else []


def _related(begun: str, relation: re.Match[str], text: str) -> When | None:
    year = begun[:4]
    if relation.group("soon") or relation.group("at"):
        return When(year, None, "year", None, text)
    if relation.group("within"):
        try:
            first = date.fromisoformat(begun)
        except ValueError:
            return None
        last = first.replace(year=first.year + 1) - timedelta(days=1) if not (
            first.month == 2 and first.day == 29) else first + timedelta(days=365)
        return When(first.isoformat()[:7], last.isoformat()[:7], "month", None, text)
    if n := relation.group("years"):
        later = int(year) + (int(n) if n.isdigit() else _COUNTS[n.lower()])
        return When(str(later), None, "year", None, text)
    if relation.group("since"):
        return When(year, None, "year", "since", text)
    return When(year, None, "year", "after", text)
