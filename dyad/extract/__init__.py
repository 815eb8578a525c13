"""Extraction: annotated sentences to event and fact records of the contract."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from dyad.annotate.pipeline import AnnotatedDocument
from dyad.extract.events import find_events
from dyad.extract.facts import find_facts
from dyad.extract.infobox import infobox_facts
from dyad.extract.records import event_record, fact_record

log = logging.getLogger("dyad")


def extract(annotated: AnnotatedDocument) -> Iterator[dict[str, Any]]:
    """Event and fact records of one annotated document, in sentence order."""
    doc = annotated.document
    seen: set[str] = set()
    context = annotated.context  # the same for every sentence: build it once
    for sentence in annotated.sentences:
        if sentence.sentence.kind == "heading":
            continue
        try:
            records = [event_record(doc, sentence.sentence, ev) for ev in find_events(sentence)]
            records += [fact_record(doc, sentence.sentence, f)
                        for f in find_facts(sentence, context)]
        except (ValueError, KeyError, IndexError, AttributeError) as e:
            # one odd sentence must not stop a corpus run; --verbose says which
            log.warning("%s: sentence %d skipped (%s: %s)", doc.source or doc.id,
                        sentence.sentence.index, type(e).__name__, e)
            continue
        for record in records:
            if record["id"] not in seen:
                seen.add(record["id"])
                yield record
    for source, fact in infobox_facts(doc, context):
        record = fact_record(doc, None, fact, source)
        if record["id"] not in seen:
            seen.add(record["id"])
            yield record
