"""The time rules' hints: every match of a rule's pattern contains a string of each of its
``needs`` groups, so skipping a rule whose hint is absent changes no result."""

from __future__ import annotations

import pytest

from dyad.annotate import time as T

# Own-words sentences; together they give every rule at least one match.
SENTENCES = [
    "On Monday, 5 March 2001 the talks began; on Tuesday, March 6th, 2001 they ended.",
    "The accord is dated 2003-04-17 and was filed on 4/17/2003.",
    "Last May 3 the envoy came back, and on the 9th of June he left again.",
    "In early September 1961 and in mid-October the ministers met.",
    "Trade grew in 1998, in 2004-05 and from 2010–present.",
    "In the 1960s, the '70s and the early eighties ties were warm.",
    "In the twenty-first century and the 19th century the two states traded.",
    "This winter and in the spring of 2012 the border was closed.",
    "Results for the third quarter of 2019, Q4 2020 and the 2018 fourth quarter fell.",
    "Compared with the year-ago quarter and the same period, the latest quarter was weak.",
    "Today, yesterday morning, tonight and last night the embassy was shut.",
    "This morning and this evening the minister spoke; next Friday night he travels.",
    "This week, the past month and the following year were busy; that same day it rained.",
    "Three years ago, some two decades earlier and a week later the treaty was signed.",
    "Ties are now good, currently better than in the past and for the near future.",
    "The current account and current affairs were discussed.",
    "For the past five years and the next two weeks, a 90-day plan and a six-month-old deal.",
    "In recent weeks and the coming months the talks continue.",
    "Flights run daily, weekly and quarterly.",
    "Twice a year, every other month and each week they meet; every May and Sundays mornings.",
    "At 9 a.m. EST, at 5 pm and at noon and midnight the troops moved.",
    "In nineteen eighty-four and two thousand and five the pact held.",
    "Last Christmas, on Independence Day 2010 and on New Year's Eve they celebrated.",
    "Over the weekend and at the end of the year before, the year 2001 mattered.",
    "The year-earlier figures and the most recent period were revised.",
    "They talked for years, within weeks and in decades; it lasted for hours.",
]


def test_every_rule_is_exercised() -> None:
    matched = {i for text in SENTENCES for i, (pattern, _) in enumerate(T._PATTERNS)
               if pattern.search(text)}
    missing = [T._PATTERNS[i][1].__name__ for i in range(len(T._PATTERNS)) if i not in matched]
    assert not missing


@pytest.mark.parametrize("text", SENTENCES)
def test_a_match_holds_its_hints(text: str) -> None:
    for i, (pattern, fn) in enumerate(T._PATTERNS):
        for m in pattern.finditer(text):
            low = m[0].lower()
            for g in T._NEEDS[i]:
                assert any(w in low for w in T._GROUPS[g]), (fn.__name__, m[0], T._GROUPS[g])


@pytest.mark.parametrize("text", SENTENCES)
def test_a_rule_that_matches_is_not_skipped(text: str) -> None:
    present: list[bool | None] = [None] * len(T._GROUPS)
    for i, (pattern, fn) in enumerate(T._PATTERNS):
        if pattern.search(text):
            assert T._may_match(text.lower(), T._NEEDS[i], present), fn.__name__


def test_a_rule_without_its_hint_is_skipped() -> None:
    assert not T._may_match("no date here", T._NEEDS[0], [None] * len(T._GROUPS))
