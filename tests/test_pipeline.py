"""extract_all: records in input order, streamed, the same with worker processes; a
document that fails is told and the run goes on."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator

import pytest

from dyad.annotate.nlp import load_nlp
from dyad.errors import DataError, DyadError, FormatError
from dyad.model import Document
from dyad.pipeline import DocumentFailed, extract_all, extract_records
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


# fault injection, as above: no real document is known to break extraction past the
# per-sentence guard; one that did must not stop the documents after it
FAILING = ("Peru–Ghana relations\n\nGhana recalled its ambassador from Lima in 2021. Peru "
           "and Ghana signed the Faultmark fishing accord in 2023.\n")


@pytest.fixture
def faulty(monkeypatch: pytest.MonkeyPatch) -> Callable[[BaseException], None]:
    """Make extraction raise ``error`` after the sentence records of a document that holds
    the word Faultmark."""
    import dyad.extract

    real = dyad.extract.extract_sentences

    def set_fault(error: BaseException) -> None:
        def failing(doc: Document, *args: object) -> Iterator[dict]:
            yield from real(doc, *args)
            if "Faultmark" in doc.text:
                raise error

        monkeypatch.setattr(dyad.extract, "extract_sentences", failing)

    return set_fault


def three_documents() -> Iterator[Document]:
    for n, page in enumerate([PAGES[0], FAILING, PAGES[2]]):
        yield read_text(page, source=f"page{n}.txt")


@pytest.mark.parametrize("error", [ValueError("injected"), MemoryError("injected"),
                                   FormatError("injected")])
def test_a_failing_document_is_told_and_the_next_extracted(
        faulty: Callable[[BaseException], None], error: BaseException) -> None:
    docs = list(three_documents())
    whole = [list(extract_records(doc)) for doc in docs]
    faulty(error)
    failures: list[DyadError] = []
    records = list(extract_all(docs, on_error=failures.append))
    assert records[:len(whole[0])] == whole[0] and records[-len(whole[2]):] == whole[2]
    told = records[len(whole[0]):-len(whole[2])]
    assert told and told == whole[1][:len(told)] and told[0]["record"] == "document"
    assert any(r["record"] == "event" for r in told)  # its sentences' came before the fault
    [failed] = failures
    assert isinstance(failed, DocumentFailed)
    assert str(failed) == (f"page1.txt: document {docs[1].id}: could not be extracted "
                           f"({type(error).__name__}: injected); the output has its first "
                           f"{len(told)} records, not the rest")


def test_without_on_error_the_failure_is_raised_with_its_cause(
        faulty: Callable[[BaseException], None]) -> None:
    faulty(ValueError("injected"))
    records = extract_all(three_documents())
    with pytest.raises(DocumentFailed, match=r"^page1\.txt: document ") as raised:
        list(records)
    assert isinstance(raised.value.__cause__, ValueError)


def test_a_broken_data_file_stops_the_run(faulty: Callable[[BaseException], None]) -> None:
    faulty(DataError("triggers.tsv line 3: injected"))
    read: list[str] = []
    failures: list[DyadError] = []

    def documents() -> Iterator[Document]:
        for doc in three_documents():
            read.append(doc.source or "")
            yield doc

    with pytest.raises(DataError, match="injected"):
        list(extract_all(documents(), on_error=failures.append))
    assert read == ["page0.txt", "page1.txt"] and failures == []
