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
