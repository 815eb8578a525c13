"""`dyad parse` and `dyad extract`: documents in, documents or contract records out."""

from __future__ import annotations

import json
import signal
import sys

import click

from dyad.cli import FailureReport, cli, input_options, min_confidence_option


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@input_options
@click.option("--format", "out_format", type=click.Choice(["json", "jsonl"]), default="json",
              show_default=True, help="json: an indented object per document; jsonl: a line each.")
def parse(
    paths: tuple[str, ...], input_format: str | None, max_bytes: int, out_format: str
) -> None:
    """Read documents and print them with sections, sentences and references."""
    from dyad.read import iter_documents

    report = FailureReport()

    for doc in iter_documents(paths, input_format=input_format, max_bytes=max_bytes,
                              on_error=report):
        indent = 2 if out_format == "json" else None
        click.echo(json.dumps(doc.to_dict(), ensure_ascii=False, indent=indent))
    report.exit_if_any()


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@input_options
@click.option("--format", "out_format", type=click.Choice(["jsonl", "json", "csv"]),
              default="jsonl", show_default=True,
              help="jsonl: a record a line; json: one array; csv: events flattened.")
@click.option("--gazetteer", type=click.Path(dir_okay=False), default=None,
              help="A TSV of extra names, states or leaders (see dyad/data/gazetteer).")
@click.option("--verbose", is_flag=True, help="Warn about sentences that could not be handled.")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes; each takes whole documents (output order is kept).")
@min_confidence_option
def extract(paths: tuple[str, ...], input_format: str | None, max_bytes: int, out_format: str,
            gazetteer: str | None, verbose: bool, jobs: int,
            min_confidence: float | None) -> None:
    """Extract PLOVER events and diplomatic facts, with provenance, as contract records."""
    import logging

    from dyad.extract.output import write_records
    from dyad.pipeline import extract_all
    from dyad.read import iter_documents

    report = FailureReport()
    if verbose:
        logging.basicConfig(level=logging.WARNING, format="dyad: %(message)s")
    else:  # skipped sentences are only told under --verbose
        logging.getLogger("dyad").addHandler(logging.NullHandler())

    if jobs > 1:  # a plain kill stops the workers and removes their files too
        signal.signal(signal.SIGTERM, _terminated)
    if gazetteer:  # a bad file is told before any output, whatever --jobs says
        from dyad.reference.gazetteer import load_gazetteer

        load_gazetteer(gazetteer)
    docs = iter_documents(paths, input_format=input_format, max_bytes=max_bytes,
                          on_error=report)
    # a document that fails is one line and the run goes on; records it gave before stay
    records = extract_all(docs, gazetteer=gazetteer, jobs=jobs, on_error=report)
    if min_confidence is not None:
        from dyad.kb.pairs import sure_enough

        records = (r for r in records if sure_enough(r, min_confidence))
    write_records(records, out_format, sys.stdout)
    report.exit_if_any()


def _terminated(signum: int, frame: object) -> None:
    click.echo("dyad: terminated", err=True)
    sys.exit(128 + signum)
