"""The packaged tables: every shipped one loads, and a malformed one is one DataError line."""

from __future__ import annotations

from pathlib import Path

import pytest

import dyad
from dyad.datafiles import parse_rows, read_mapping, read_rows
from dyad.errors import DataError

GOOD = "# source: made up for this test\nword\tvalue\n\nnine\t9\n# a comment\nten\t10\n"


def test_rows_skip_comments_and_blank_lines() -> None:
    assert parse_rows(GOOD, ("word", "value"), "t.tsv") == [("nine", "9"), ("ten", "10")]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("word\tamount\nnine\t9\n", "t.tsv: the header line must name the columns word, value"),
        ("# only a comment\n", "t.tsv: the header line must name the columns word, value"),
        ("word\tvalue\nnine\t9\tmore\n", "t.tsv line 2: expected 2 tab-separated fields"),
        ("word\tvalue\nnine 9\n", "t.tsv line 2: expected 2 tab-separated fields"),
        ("word\tvalue\n\t9\n", "the first not empty"),
        ("word\tvalue\nnine\t9\nnine\t10\n", "t.tsv line 3: word 'nine' is listed twice"),
    ],
)
def test_malformed_table_is_one_data_error(text: str, problem: str) -> None:
    with pytest.raises(DataError, match=problem) as info:
        parse_rows(text, ("word", "value"), "t.tsv")
    assert "\n" not in str(info.value)


def test_missing_table_is_a_data_error() -> None:
    with pytest.raises(DataError, match=r"dyad/data/nowhere/none\.tsv: cannot read"):
        read_rows("nowhere/none.tsv", ("word",))


def test_mapping() -> None:
    assert read_mapping("wikitext/languages.tsv", "code", "name")["ru"] == "Russian"


def test_every_shipped_table_has_a_source_line() -> None:
    data = Path(dyad.__file__).parent / "data"
    tables = sorted(data.rglob("*.tsv"))
    assert tables
    for table in tables:
        assert table.read_text("utf-8").startswith("#"), table
