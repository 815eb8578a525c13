"""Named periods: sentences written for these tests."""

from __future__ import annotations

import pytest

from dyad.annotate.periods import named_periods
from dyad.annotate.time import iter_times


@pytest.mark.parametrize(("text", "span"), [
    ("During the Korean War, Ruritania sent field hospitals.", ("1950", "1953", None)),
    ("Throughout the Iran–Iraq War the port stayed closed.", ("1980", "1988", None)),
    ("At the end of the Cold War the two states made peace.", ("1991", None, None)),
    ("After the breakup of the Soviet Union, Freedonia opened an embassy.",
     ("1991", None, "after")),
    ("Two years after World War II, the colony became independent.", ("1947", None, None)),
    ("In the Syrian civil war it backed the government.", ("2011", None, "since")),
])
def test_a_named_period_dates_the_sentence(text: str, span: tuple) -> None:
    [found] = named_periods(text)
    assert (found.when.start, found.when.end, found.when.modifier) == span


def test_a_bound_is_no_date_and_an_unknown_name_is_nothing() -> None:
    assert named_periods("Prior to the War of the Pacific, Peru sought mediation.") == []
    # a name several wars share is left out of the table
    assert named_periods("The Russo-Turkish War ended with a treaty.") == []


def test_the_sentence_annotator_adds_them_and_the_story_moves_on() -> None:
    times = list(iter_times([("During the Korean War, Ruritania sent nurses.", None),
                             ("It also sent engineers.", None)]))
    assert [m.when.start for m in times[0].mentions] == ["1950"]
    assert times[1].narrative == "1953"


def test_a_date_inside_a_name_is_the_names() -> None:
    [times] = list(iter_times([("Trade fell after the September 11 attacks.", None)],
                              doc_date="2019-05-02"))
    assert [(m.when.start, m.timex_type) for m in times.mentions] == [("2001", "EVENT")]
