"""extract_all: records in input order, streamed, the same with worker processes."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator

import pytest

from dyad.annotate.nlp import load_nlp
from dyad.model import Document
from dyad.pipeline import extract_all, extract_records
from dyad.read import read_text

# written for these tests
PAGES = [
    ("Chile–Kenya relations\n\nChile and Kenya established diplomatic relations on 3 May "
     "1964. In March 2015 Kenya opened an embassy in Santiago. Chile sent 40 tonnes of "
     "wheat to Kenya in 2017.\n"),
    ("Peru–Ghana relations\n\nIn June 2019 the Peruvian foreign minister visited Accra and "
     "met officials of the Ghanaian government. Ghana recalled its ambassador from Lima in "
     "2021 after a dispute over fishing.\n"),
    ("Norway–Mali relations\n\nNorway pledged $20 million to support schools in Mali in "
     "2012. Mali expelled two Norwegian diplomats in October 2022, and Norway protested.\n"),
]


def documents(log: list[str] | None = None) -> Iterator[Document]:
    for n, page in enumerate(PAGES * 2):
        if log is not None:
            log.append(f"read {n}")
        yield read_text(page, source=f"page{n}.txt")


def test_jobs_give_the_same_records_in_the_same_order() -> None:
    one = list(extract_all(documents()))
    two = list(extract_all(documents(), jobs=2))
    assert one == two
    assert [r["id"] for r in one if r["record"] == "document"] == \
        [d.id for d in documents()]
    assert sum(r["record"] == "event" for r in one) >= 6


@pytest.mark.parametrize("jobs", [1, 2])
def test_records_stream_before_the_input_is_all_read(jobs: int) -> None:
    log: list[str] = []
    records = extract_all(documents(log), jobs=jobs)
    first = next(records)
    assert first["record"] == "document"
    # one document is read before its first record; workers read a few ahead, not all
    assert 1 <= len(log) <= 1 + 2 * jobs < len(PAGES * 2)
    rest = list(records)
    assert len(log) == len(PAGES * 2)
    assert rest


def test_stopping_early_leaves_no_workers_behind() -> None:
    records = extract_all(documents(), jobs=2)
    next(records)
    assert multiprocessing.active_children()
    records.close()  # what a closed pipe or Ctrl-C does to the consumer
    assert not multiprocessing.active_children()


def test_a_sentence_too_long_for_spacy_is_skipped_with_a_warning(
        caplog: pytest.LogCaptureFixture) -> None:
    doc = read_text("Chile and Kenya established diplomatic relations in 1964. "
                    "Kenya opened an embassy in Santiago in 2015 after long talks in Nairobi.",
                    input_format="text")
    nlp = load_nlp()
    limit = nlp.max_length
    nlp.max_length = 60  # the second sentence is over it
    try:
        with caplog.at_level("WARNING", logger="dyad"):
            records = list(extract_records(doc, with_document=False))
    finally:
        nlp.max_length = limit
    assert [r["evidence"]["sentence"] for r in records] == [0] * len(records)
    assert records
    assert "sentence 1 skipped" in caplog.text


@pytest.mark.parametrize("stage", ["dyad.extract.find_events",
                                   "dyad.annotate.pipeline.resolve_actors"])
def test_a_sentence_a_stage_fails_on_is_skipped_with_a_warning(
        stage: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    # fault injection: no real sentence is known to break a stage, and one must not stop a run
    module, _, name = stage.rpartition(".")
    real = getattr(__import__(module, fromlist=[name]), name)

    def failing(sentence: object, *args: object, **kwargs: object) -> object:
        text = getattr(sentence, "sentence", None)
        text = text.text if text is not None else sentence.text  # type: ignore[attr-defined]
        if "Santiago" in text:
            raise TypeError("injected")
        return real(sentence, *args, **kwargs)

    monkeypatch.setattr(stage, failing)
    with caplog.at_level("WARNING", logger="dyad"):
        records = list(extract_records(read_text(PAGES[0]), with_document=False))
    assert "sentence 1 skipped (TypeError: injected)" in caplog.text
    assert {r["evidence"]["sentence"] for r in records} >= {0, 2}
    assert 1 not in {r["evidence"]["sentence"] for r in records}
