"""Read → annotate → extract, wired once for the CLI, the web upload and batch runs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dyad.model import Document


def extract_records(doc: Document, *, gazetteer: str | None = None,
                    with_document: bool = True) -> Iterator[dict[str, Any]]:
    """The contract's records for one document: document, references, events, facts."""
    from dyad.annotate.pipeline import document_context, document_pair, iter_annotated
    from dyad.extract import extract_sentences

    if with_document:
        from dyad.extract.records import document_record, reference_records

        yield document_record(doc)
        yield from reference_records(doc)
    # sentence by sentence: records are out before the rest of a long document is parsed
    context = document_context(document_pair(doc, gazetteer=gazetteer))
    yield from extract_sentences(doc, iter_annotated(doc, gazetteer=gazetteer), context)
