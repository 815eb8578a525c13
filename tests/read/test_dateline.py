"""A news text's own date stamp when its feed gives none (stamps written for these tests)."""

from __future__ import annotations

import pytest

from dyad.read import read_text
from dyad.read.dateline import publication_date


@pytest.mark.parametrize(("text", "expected"), [
    (" date 2019-04-02 Ghana and Togo signed a border pact on Tuesday.", "2019-04-02"),
    ("Ghana and Togo sign a pact\n\nWed 3rd April 2019 | 09:12 AM\n\nACCRA - The two …",
     "2019-04-03"),
    ("Headline here\nPublished June 5,2020\nSubscribe\nText of the story.", "2020-06-05"),
    ("ACCRA (Wire News / Agency - 14th May, 2021) Ghana said on Friday …", "2021-05-14"),
    ("LOME, Oct. 7, 2022 (AFP) - Togo recalled its envoy.", "2022-10-07"),
    # no year, no stamp: nothing is guessed
    ("LOME, Oct 7 (AFP) - Togo recalled its envoy.", None),
    ("ACCRA (Reuters) - Ghana said it would talk.", None),
    # a date in the story is when something happened, not when it was told
    ("Ghana and Togo established relations on 3 May 1960 after independence.", None),
])
def test_publication_date(text: str, expected: str | None) -> None:
    assert publication_date(text) == expected


def test_a_stamped_news_text_is_dated_but_a_given_date_wins() -> None:
    text = " date 2019-04-02 Ghana and Togo signed a border pact on Tuesday."
    assert read_text(text).date == "2019-04-02"
    assert read_text(text, date="2019-05-01").date == "2019-05-01"


@pytest.mark.parametrize(("text", "url", "expected"), [
    # the address holds the day
    ("Ghana recalled its envoy.", "https://news.example/world/2021/08/11/ghana-recalls", "2021-08-11"),
    ("Ghana recalled its envoy.", "https://news.example/en/4411-2022-12-21-01-55-57.html",
     "2022-12-21"),
    # a dateline's day takes its year from the address, and wins over the address's day
    ("ACCRA, Dec 20 (AFP) - Ghana recalled its envoy.",
     "https://news.example/en/4411-2022-12-21-01-55-57.html", "2022-12-20"),
    # an id is no date, a year alone is not enough
    ("Ghana recalled its envoy.", "https://news.example/ghana-120022500910_1.html", None),
    ("ACCRA, Dec 20 (AFP) - Ghana recalled its envoy.", None, None),
])
def test_publication_date_from_the_address(text: str, url: str | None,
                                           expected: str | None) -> None:
    assert publication_date(text, url) == expected
