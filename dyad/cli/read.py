"""`dyad parse` and `dyad extract`: documents in, documents or contract records out."""

from __future__ import annotations

import json
import os
import signal
import sys

import click

from dyad.cli import FailureReport, cli, corpus_options, input_options, min_confidence_option


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
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (local engine, default 1) or Ray actors (default: "
                   "the cluster's CPUs); each takes whole documents (output order is kept).")
@corpus_options
@min_confidence_option
@click.option("-o", "--output", "output_dir", type=click.Path(file_okay=False), default=None,
              help="Write Parquet part files under this folder (a row per record) instead of "
                   "printing; run again to finish a stopped run: written documents are skipped.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local",
              show_default=True, help="local: this process (or --jobs processes); "
                                      "ray: a Ray Data job (pip install 'dyad[ray]').")
@click.option("--address", default=None, metavar="ADDR", envvar="RAY_ADDRESS",
              help="With --engine ray: join this Ray cluster (else Ray starts here).  "
                   "[default: $RAY_ADDRESS]")
def extract(paths: tuple[str, ...], input_format: str | None, max_bytes: int, out_format: str,
            gazetteer: str | None, verbose: bool, jobs: int | None, titles: str | None,
            limit: int | None, output_dir: str | None, engine: str,
            address: str | None, min_confidence: float | None) -> None:
    """Extract PLOVER events and diplomatic facts, with provenance, as contract records."""
    import logging

    from dyad.engines import Plan, Skips, planned_documents
    from dyad.extract.output import write_records
    from dyad.extract.parquet import PartWriter, by_document, record_row
    from dyad.pipeline import extract_all

    report = FailureReport()
    if address and engine != "ray" and address != os.environ.get("RAY_ADDRESS"):
        raise click.UsageError("--address needs --engine ray")
    if engine == "ray" and "-" in paths:  # Ray's reader runs in a process of its own
        raise click.UsageError("--engine ray reads files, not standard input (-)")
    if verbose:
        logging.basicConfig(level=logging.WARNING, format="dyad: %(message)s")
    else:  # skipped sentences are only told under --verbose
        logging.getLogger("dyad").addHandler(logging.NullHandler())

    if (jobs or 1) > 1 or output_dir or engine == "ray":
        # a plain kill stops the workers, removes their files and keeps the written parts
        signal.signal(signal.SIGTERM, _terminated)
    if engine == "ray":
        from dyad.engines.ray import start

        start(address, jobs)  # no Ray, or no cluster: one line before anything is read
    if gazetteer:  # a bad file is told before any output, whatever --jobs says
        from dyad.reference.gazetteer import load_gazetteer

        load_gazetteer(gazetteer)
    writer = PartWriter(output_dir) if output_dir else None
    plan = Plan(list(paths), input_format=input_format, max_bytes=max_bytes, titles=titles,
                limit=limit, done=writer.done if writer else None)
    skips = Skips(plan.done)
    if engine == "ray":
        from dyad.engines.ray import ray_documents

        documents = ray_documents(plan, gazetteer=gazetteer, workers=jobs, address=address,
                                  on_error=report, skips=skips)
        records = (json.loads(row["json"]) for rows in documents for row in rows)
    else:
        docs = planned_documents(plan, report, skips)
        # a document that fails is one line and the run goes on; records it gave before stay
        records = extract_all(docs, gazetteer=gazetteer, jobs=jobs or 1, on_error=report)
        documents = ([record_row(r) for r in group] for _, group in by_document(records))
    if min_confidence is not None:
        from dyad.kb.pairs import sure_enough

        records = (r for r in records if sure_enough(r, min_confidence))
        documents = ([row for row in rows if sure_enough(json.loads(row["json"]), min_confidence)]
                     for rows in documents)
    if writer is None:
        write_records(records, out_format, sys.stdout)
    else:
        try:
            for rows in documents:
                writer.add(rows)
        finally:  # stopped or not, the documents done so far are kept
            writer.close()
        click.echo(f"{writer.documents} documents, {writer.records} records → "
                   f"{output_dir} ({skips.count} documents already there, skipped)", err=True)
    report.exit_if_any()


def _terminated(signum: int, frame: object) -> None:
    click.echo("dyad: terminated", err=True)
    sys.exit(128 + signum)
