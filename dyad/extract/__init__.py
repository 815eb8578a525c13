"""Extraction: annotated sentences to event and fact records of the contract."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from dyad.annotate.pipeline import AnnotatedDocument, AnnotatedSentence, DocumentContext
from dyad.errors import DyadError
from dyad.extract.decide import decide, score_fact
from dyad.extract.events import find_events
from dyad.extract.facts import find_facts
from dyad.extract.infobox import infobox_facts
from dyad.extract.records import event_record, fact_record
from dyad.model import Document

log = logging.getLogger("dyad")


def extract(annotated: AnnotatedDocument) -> Iterator[dict[str, Any]]:
    """Event and fact records of one annotated document, in sentence order."""
    return extract_sentences(annotated.document, annotated.sentences, annotated.context)


def extract_sentences(doc: Document, sentences: Iterable[AnnotatedSentence],
                      context: DocumentContext) -> Iterator[dict[str, Any]]:
    """Event and fact records of ``doc`` from its annotated sentences, taken one at a time
    (records come out as each sentence is done), then its infobox facts."""
    for sentence in sentences:
        if sentence.sentence.kind == "heading":
            continue
        try:
            found = decide(sentence, list(find_events(sentence)))
            records = [event_record(doc, sentence.sentence, ev) for ev in found]
            records += [fact_record(doc, sentence.sentence,
                                    score_fact(f, sentence.context, sentence))
                        for f in find_facts(sentence, context)]
        except DyadError:
            raise  # a broken data file: every sentence would fail
        except Exception as e:
            # one odd sentence must not stop a corpus run; --verbose says which
            log.warning("%s: sentence %d skipped (%s: %s)", doc.source or doc.id,
                        sentence.sentence.index, type(e).__name__, e)
            continue
        yield from _unique(records)
    yield from _unique(fact_record(doc, None, score_fact(fact, context), source)
                       for source, fact in infobox_facts(doc, context))


def _unique(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Records less repeats of an id. Ids hash the sentence index (or the infobox), so
    repeats only happen within one sentence: a long document needs no growing set."""
    seen: set[str] = set()
    for record in records:
        if record["id"] not in seen:
            seen.add(record["id"])
            yield record
