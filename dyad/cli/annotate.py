"""`dyad annotate`: each sentence of a document with its resolved actors and time expressions.

What `dyad extract` builds its records from, shown before any event is made:
for checking who a sentence names (with the era code as of the sentence's
date) and which dates it writes. ``start``/``end`` are always character
offsets into the document's clean text, as in `dyad parse`; a time's When (the
contract's, whose own start/end are dates) sits under ``when``.
"""

from __future__ import annotations

import json
from typing import Any

import click

from dyad.cli import FailureReport, cli, input_options


@cli.command("annotate")
@click.argument("paths", nargs=-1, required=True)
@input_options
@click.option("--format", "out_format", type=click.Choice(["json", "jsonl"]), default="json",
              show_default=True, help="json: an indented object per document; jsonl: a line each.")
@click.option("--gazetteer", type=click.Path(dir_okay=False), default=None,
              help="A TSV of extra names, states or leaders (see dyad/data/gazetteer).")
def annotate_command(paths: tuple[str, ...], input_format: str | None, max_bytes: int,
                     out_format: str, gazetteer: str | None) -> None:
    """Print each sentence with its actors (era-coded) and time expressions."""
    from dyad.annotate.pipeline import annotate
    from dyad.read import iter_documents

    report = FailureReport()
    indent = 2 if out_format == "json" else None
    for doc in iter_documents(paths, input_format=input_format, max_bytes=max_bytes,
                              on_error=report):
        annotated = annotate(doc, gazetteer=gazetteer)
        click.echo(json.dumps(annotated_to_dict(annotated), ensure_ascii=False, indent=indent))
    report.exit_if_any()


def annotated_to_dict(annotated: Any) -> dict[str, Any]:
    """A JSON-ready view of an ``AnnotatedDocument``: its sentences, actors and times."""
    doc = annotated.document
    return {
        "document": doc.id,
        "title": doc.title,
        "source": doc.source,
        "date": doc.date,
        "pair": list(annotated.pair_codes),
        "sentences": [_sentence(s) for s in annotated.sentences],
    }


def _sentence(annotated: Any) -> dict[str, Any]:
    s = annotated.sentence
    frame = annotated.times.frame
    return {
        "index": s.index,
        "section": s.section,
        "start": s.start,
        "end": s.end,
        "text": s.text,
        # the date actors were coded at: the sentence's first date, else its section's span
        "date": annotated.date,
        "actors": [_actor(m, s.start) for m in annotated.actors],
        "times": [_time(m, s) for m in annotated.times.mentions],
        "frame": frame.to_dict() if frame is not None else None,
    }


def _actor(mention: Any, offset: int) -> dict[str, Any]:
    e = mention.entity
    out = e.to_dict()
    out.update(start=offset + mention.start, end=offset + mention.end,
               confidence=e.confidence, code=e.code, place=mention.is_place)
    return out


def _time(mention: Any, sentence: Any) -> dict[str, Any]:
    # the span's start/end sit beside the When, whose own start/end are dates and whose
    # text keeps the signal word ("since 17 June 2019")
    return {"start": sentence.start + mention.start, "end": sentence.start + mention.end,
            "text": sentence.text[mention.start : mention.end], "when": mention.when.to_dict(),
            "type": mention.timex_type, "value": mention.value}
