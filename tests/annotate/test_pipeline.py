"""The annotate pipeline on whole documents: written names against the leaders table,
on sentences written for these tests."""

from __future__ import annotations

import pytest

from dyad.annotate.pipeline import iter_annotated
from dyad.read import read_text


def people(text: str) -> dict[str, tuple[str, str | None, str | None]]:
    doc = read_text(text, source="test.txt")
    return {m.entity.text: (m.entity.name, m.entity.country, m.entity.role)
            for s in iter_annotated(doc) for m in s.actors if m.entity.kind == "person"}


@pytest.mark.parametrize(("text", "surface", "expected"), [
    # a title before a listed surname is no given name
    ("In 2001 President Mugabe met the Malian foreign minister in Harare.",
     "President Mugabe", ("Robert Mugabe", "ZWE", "president")),
    # a longer form the table lists for the leader is that leader
    ("Omar Hassan al-Bashir visited Bamako in 2005.",
     "Omar Hassan al-Bashir", ("Omar al-Bashir", "SDN", "president")),
])
def test_listed_leader_keeps_the_tables_name_and_country(
        text: str, surface: str, expected: tuple[str, str, str]) -> None:
    assert people(text)[surface] == expected


def test_another_given_name_before_a_listed_surname_is_someone_else() -> None:
    found = people("In 2001 Grace Mugabe opened a school in Harare.")
    name, country, _ = found["Grace Mugabe"]
    assert (name, country) == ("Grace Mugabe", None)


def test_document_context_knows_the_users_states(tmp_path) -> None:
    from dyad.annotate.pipeline import document_context

    f = tmp_path / "mine.tsv"
    f.write_text("kind\tsurface\tcode\tsector\trole\tstart\tend\n"
                 "state\tFreedonia\tXFD\t\t\t\t\n", encoding="utf-8")
    pair = ("XFD", "MLI")
    assert document_context(pair).pair is None  # the built-in table has no Freedonia
    sides = document_context(pair, gazetteer=str(f)).pair
    assert sides is not None
    assert [(e.name, e.country) for e in sides] == [("Freedonia", "XFD"), ("Mali", "MLI")]


def test_a_present_tense_sentence_is_not_dated_by_the_story() -> None:
    doc = read_text("Kenya and Chile established diplomatic relations on 14 December 1963. "
                    "Chile currently supplies copper to Kenya. Chile also sent tractors to Kenya. "
                    "Kenya has an embassy in Santiago.", input_format="text")
    dates = [s.date for s in iter_annotated(doc)]
    # the past-tense sentence after the date is told in 1963; the present-tense ones now
    assert dates == ["1963-12-14", None, "1963-12-14", None]


def test_batches_hold_at_most_so_many_sentences_and_tokens() -> None:
    from dyad.annotate.pipeline import BATCH_SIZE, BATCH_TOKENS, _batches

    items = [("x y " * 1_000, n) for n in range(40)] + [("y " * 20_000, 40)] + [
        ("short.", n) for n in range(41, 700)]
    batches = list(_batches(iter(items)))
    assert [item for batch in batches for item in batch] == items  # all, in order
    assert all(len(batch) <= BATCH_SIZE for batch in batches)
    # over the token cap only when one text alone has more
    assert all(sum(len(t.split()) for t, _ in batch) <= BATCH_TOKENS or len(batch) == 1
               for batch in batches)
    assert max(len(batch) for batch in batches) == BATCH_SIZE  # short sentences: 256 a batch


def test_a_text_without_full_stops_is_annotated_in_bounded_pieces() -> None:
    text = " ".join(["Mali and Russia signed an accord on trade"] * 600)  # 25,000 characters
    doc = read_text(text, input_format="text")
    sentences = list(iter_annotated(doc))
    assert len(sentences) == len(doc.sentences) > 5
    assert max(len(s.span) for s in sentences) <= 1_100  # spaCy's tokens, about the cut's


def test_a_quoted_present_is_when_it_was_said() -> None:
    from dyad.annotate.pipeline import is_quoted

    assert is_quoted("“The ministry announces that it recalls its envoy.")
    assert is_quoted("We consider the envoy persona non grata.”")
    assert not is_quoted("Chile has an embassy in Nairobi.")
