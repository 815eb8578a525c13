"""Read → annotate → extract, wired once for the CLI, the web upload and batch runs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dyad.model import Document


def extract_records(doc: Document, *, gazetteer: str | None = None,
                    with_document: bool = True) -> Iterator[dict[str, Any]]:
    """The contract's records for one document: document, references, events, facts."""
    from dyad.annotate.pipeline import annotate
    from dyad.extract import extract

    if with_document:
        from dyad.extract.records import document_record, reference_records

        yield document_record(doc)
        yield from reference_records(doc)
    annotated = annotate(doc, gazetteer=gazetteer)
    yield from extract(annotated)
