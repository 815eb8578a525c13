"""The time tagger: tables of (text, anchor, expected) on sentences written for these tests."""

from __future__ import annotations

import pytest

from dyad.annotate.time import annotate_times, find_times
from dyad.model import When

NEWS = "1998-08-07"  # a Friday


def only(text: str, anchor: str | None = NEWS):
    found = find_times(text, anchor)
    assert len(found) == 1, [(text[m.start : m.end], m.value) for m in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "extent", "value", "start", "end", "precision", "modifier"),
    [
        ("The treaty was signed on 7 July 1960 in the capital.", "7 July 1960",
         "1960-07-07", "1960-07-07", None, "day", None),
        ("Talks resumed on 16 January 1992 after a pause.", "16 January 1992",
         "1992-01-16", "1992-01-16", None, "day", None),
        ("The ministers met on March 3, 2004, in a hotel.", "March 3, 2004",
         "2004-03-03", "2004-03-03", None, "day", None),
        ("In 1961 the two countries opened embassies.", "1961", "1961", "1961", None, "year", None),
        ("Trade grew in late 2021 as the port reopened.", "2021", "2021", "2021", None, "year",
         "late"),
        ("In November 2022 a delegation visited.", "November 2022", "2022-11", "2022-11", None,
         "month", None),
        ("Flights have run since 17 June 2019 without a break.", "17 June 2019", "2019-06-17",
         "2019-06-17", None, "day", "since"),
        ("Prices fell through the 1990s for farmers.", "the 1990s", "199", "1990", "1999",
         "decade", None),
        ("Missionaries arrived in the 19th century by river.", "the 19th century", "18", "1800",
         "1899", "century", None),
        ("The festival moved to summer 2020 for good.", "summer 2020", "2020-SU", "2020-06",
         "2020-08", "season", None),
        ("Exports peaked in Q3 2021 before falling.", "Q3 2021", "2021-Q3", "2021-07", "2021-09",
         "quarter", None),
        ("The border stayed shut until 1992 for trucks.", "1992", "1992", "1992", None, "year",
         "until"),
        ("The note is dated 2009-07-17 at the top.", "2009-07-17", "2009-07-17", "2009-07-17",
         None, "day", None),
    ],
)  # fmt: skip
def test_absolute(text, extent, value, start, end, precision, modifier):
    m = only(text)
    assert text[m.start : m.end] == extent
    assert m.value == value
    assert (m.when.start, m.when.end, m.when.precision, m.when.modifier) == (
        start, end, precision, modifier)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "value", "timex_type"),
    [
        ("The envoy arrived on Tuesday with a letter.", "1998-08-04", "DATE"),
        ("The vote will be held on Monday in the hall.", "1998-08-10", "DATE"),
        ("Sales dropped last year in the north.", "1997", "DATE"),
        ("Two ships docked two days ago at the pier.", "1998-08-05", "DATE"),
        ("The office opened earlier this month downtown.", "1998-08", "DATE"),
        ("The mayor spoke yesterday about floods.", "1998-08-06", "DATE"),
        ("Rents went up last month in the city.", "1998-07", "DATE"),
        ("The council meets this week on the budget.", "1998-W32", "DATE"),
        ("Output rose in the fourth quarter of 1996 again.", "1996-Q4", "DATE"),
        ("Costs have doubled over the past three years.", "P3Y", "DURATION"),
        ("Our grain stocks are low now after the drought.", "PRESENT_REF", "DATE"),
        ("The firm recently hired new staff.", "PAST_REF", "DATE"),
        ("The bank reports quarterly.", "P1Q", "SET"),
        ("Farms were merged in the mid-1990s by decree.", "199", "DATE"),
        ("The plant closed next year, officials say.", "1999", "DATE"),
        ("A deal may come in May, the aide said.", "1998-05", "DATE"),
        ("They met again on Christmas Day in the village.", "1997-12-25", "DATE"),
        ("The strike lasted for three years in all.", "P3Y", "DURATION"),
        ("Ferries cross twice a week in winter months.", "P1W", "SET"),
        # the clause's tense dates a bare weekday or a month without a year
        ("The talks are set to resume on Monday in Geneva.", "1998-08-10", "DATE"),
        ("The delegation planned to leave on Sunday for Oslo.", "1998-08-09", "DATE"),
        ("Until Wednesday, police had not named a suspect.", "1998-08-05", "DATE"),
        ("In Monday's vote, the motion failed narrowly.", "1998-08-03", "DATE"),
        ("The cabinet resigned in December after the scandal.", "1997-12", "DATE"),
        ("A second ferry will be launched in December, the yard says.", "1998-12", "DATE"),
        ("The dividend is payable Feb. 1 to holders.", "1999-02-01", "DATE"),
        ("The offer was extended to Aug. 20 by the bidder.", "1998-08-20", "DATE"),
        ("Both sides will reopen their shared border on Monday.", "1998-08-10", "DATE"),
        # clock times with their day, halves, lengths before a noun
        ("Polls close at 8 p.m. Sunday across the country.", "1998-08-09T20:00", "TIME"),
        ("The flight took 5 1/2 hours in all.", "PT5H30M", "DURATION"),
        ("Shares hit a five year low on the news.", "P5Y", "DURATION"),
        ("The firm has doubled its staff over two decades of growth.", "P20Y", "DURATION"),
        ("Crowds gathered last night outside the court.", "1998-08-06TNI", "TIME"),
        ("Revenue for the year ended on a high note.", "P1Y", "DURATION"),
        ("Sales in the 1997 third quarter were weak.", "1997-Q3", "DATE"),
        ("Trade has grown in recent years along the river.", "PXY", "DURATION"),
        ("The rules will be reviewed every six months by the board.", "P6M", "SET"),
        ("The talks will last three days in all.", "P3D", "DURATION"),
        ("The truce collapsed within days of the vote.", "PXD", "DURATION"),
        ("New ferries are expected in the fourth quarter on this route.", "1998-Q4", "DATE"),
        ("The envoy is expected to arrive in the winter, aides say.", "1998-WI", "DATE"),
        ("Rice prices rose by the end of the year in the north.", "1998", "DATE"),
    ],
)  # fmt: skip
def test_relative_to_document_date(text, value, timex_type):
    m = only(text)
    assert (m.value, m.timex_type) == (value, timex_type)


def test_durations_are_not_points():
    m = only("The strike lasted for three years in all.")
    assert m.when == When(None, None, "unknown", None, "for three years")
    assert not m.is_point


@pytest.mark.parametrize(
    "text",
    [
        "The claim was disputed.[17] Nobody replied.",
        "The ship carried 60,000 tonnes of fuel.",
        "About 2000 people marched in the square.",
        "Pages 1200 to 1300 are missing.[1991]",
        "You may march to the hall if you like.",
        "A 6-year-old boy was found safe.",
    ],
)
def test_never_dates(text):
    assert [text[m.start : m.end] for m in find_times(text, NEWS) if m.is_point] == []


@pytest.mark.parametrize(
    ("text", "start", "end", "parts"),
    [
        ("Relations in the Soviet era (1960–1991) were close.", "1960", "1991", 2),
        ("Talks ran from 25 January 2005 through 28 January 2005 in the city.", "2005-01-25",
         "2005-01-28", 2),
        ("Growth was steady between 2022 and 2023 for exporters.", "2022", "2023", 2),
        ("Aid flowed throughout 2022 and 2023 to the region.", "2022", "2023", 2),
    ],
)  # fmt: skip
def test_ranges(text, start, end, parts):
    m = only(text)
    assert (m.when.start, m.when.end) == (start, end)
    assert len(m.parts) == parts


def test_open_range_to_present():
    m = only("He has been the envoy 2020–present, aides said.")
    assert (m.when.start, m.when.end, m.when.modifier) == ("2020", None, "since")


def test_narrative_anchor_without_document_date():
    found = find_times("Embassies opened in 1961. The following year a treaty was signed.")
    assert [m.value for m in found] == ["1961", "1962"]
    found = find_times("The visit took place on 4 May 2003. Later that month they met again.")
    assert [m.value for m in found] == ["2003-05-04", "2003-05"]


def test_document_carries_narrative_and_section_frame():
    soviet = "History > Soviet-era relations (1960–1991)"
    sentences = [
        ("Relations were cordial.", soviet),
        ("A trade pact came in 1965.", soviet),
        ("The following year, students were exchanged.", soviet),
        ("Ties resumed on 5 March 2001.", "History > Recent relations"),
        ("Two years later an embassy opened.", "History > Recent relations"),
    ]  # fmt: skip
    result = annotate_times(sentences)
    assert result[0].mentions == []
    assert result[0].frame is not None
    assert (result[0].frame.start, result[0].frame.end) == ("1960", "1991")
    assert result[1].frame is None  # dated by its own words
    assert [m.value for m in result[2].mentions] == ["1966"]
    assert [m.value for m in result[4].mentions] == ["2003"]


def test_narrative_is_the_last_date_the_section_wrote_and_captions_do_not_move_it():
    result = annotate_times([
        ("Early years (1958–1970)", "Early years (1958–1970)", "heading"),
        ("The treaty was signed in 1962.", "Early years (1958–1970)", "paragraph"),
        ("A minister at the signing, 4 May 2001", "Early years (1958–1970)", "caption"),
        ("Trade then grew quickly.", "Early years (1958–1970)", "paragraph"),
        ("The mission opened.", "Later years", "paragraph"),
    ])
    assert [r.narrative for r in result] == ["1958", "1958", "1962", "1962", None]
    assert result[3].frame is not None and result[3].frame.start == "1958"


@pytest.mark.parametrize(("text", "value"), [
    # a plan told in the past: the nearer month, which may have gone by
    ("The two leaders agreed to restore ambassadors in May.", "2023-05"),
    ("The two leaders agreed to hold talks in September.", "2023-09"),
    # a plan told in the present is ahead
    ("The two leaders plan to meet in May.", "2024-05"),
])
def test_a_month_a_plan_is_for(text: str, value: str) -> None:
    assert [m.value for m in find_times(text, "2023-07-04")] == [value]
