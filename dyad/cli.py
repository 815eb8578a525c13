"""The `dyad` command: a thin Click layer over the library.

A DyadError becomes one line on stderr and exit code 2; nothing a user does
wrong shows a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from dyad.errors import DyadError

# labelled data beside the checkout (../shared/data), the default for `dyad eval`
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
INPUT_FORMATS = ("page", "wikitext", "html", "text", "jsonl")


def input_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by every command that reads documents."""
    fn = click.option(
        "--max-bytes",
        type=click.IntRange(min=1),
        default=200 * 1024 * 1024,
        show_default=True,
        help="Refuse input files larger than this.",
    )(fn)
    fn = click.option(
        "--input-format",
        type=click.Choice(INPUT_FORMATS),
        default=None,
        help="Skip sniffing and read every input as this format.",
    )(fn)
    return fn


class FailureReport:
    """Prints each bad input as one line and counts it: a run with any exits 2 at the end."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, error: DyadError) -> None:
        self.count += 1
        click.echo(f"dyad: {error}", err=True)

    def exit_if_any(self) -> None:
        if self.count:
            sys.exit(2)


@click.group()
@click.version_option(package_name="dyad")
def cli() -> None:
    """dyad: relations between states, from documents to a cited knowledge base."""


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
def extract(paths: tuple[str, ...], input_format: str | None, max_bytes: int, out_format: str,
            gazetteer: str | None, verbose: bool) -> None:
    """Extract PLOVER events and diplomatic facts, with provenance, as contract records."""
    from dyad.extract.output import write_records
    from dyad.pipeline import extract_records
    from dyad.read import iter_documents

    report = FailureReport()

    if verbose:
        import logging

        logging.basicConfig(level=logging.WARNING, format="dyad: %(message)s")

    def records() -> Iterator[dict[str, Any]]:
        for doc in iter_documents(paths, input_format=input_format, max_bytes=max_bytes,
                                  on_error=report):
            yield from extract_records(doc, gazetteer=gazetteer)

    write_records(records(), out_format, sys.stdout)
    report.exit_if_any()


@cli.group(name="eval")
def eval_group() -> None:
    """Measure dyad against labelled data (see ../shared/data/README.md)."""


@eval_group.command("time")
@click.option("--data", type=click.Path(path_type=Path), default=None,
              help="Folder of TimeML .tml files [default: ../shared/data/tempeval3-train].")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON line.")
def eval_time(data: Path | None, as_json: bool) -> None:
    """Score the time tagger on TempEval-3 TimeML files (strict/relaxed extent, value F1)."""
    from dyad.evaluate.time import evaluate, format_table

    if data is None:
        data = SHARED_DATA / "tempeval3-train"
    result = evaluate(data)
    if as_json:
        keys = ("strict_f1", "relaxed_f1", "value_f1", "docs")
        click.echo(json.dumps({k: result[k] for k in keys}))
    else:
        click.echo(format_table(result))


@eval_group.command("actors")
@click.option("--data", type=click.Path(path_type=Path), default=None,
              help="PLOVER gold JSON [default: ../shared/data/plover/PLOVER_GSR_CAMEO.txt].")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON line.")
def eval_actors(data: Path | None, as_json: bool) -> None:
    """Score actor resolution: source/target country accuracy on PLOVER gold records."""
    from dyad.evaluate.actors import evaluate, format_table

    if data is None:
        data = SHARED_DATA / "plover" / "PLOVER_GSR_CAMEO.txt"
    result = evaluate(data)
    if as_json:
        click.echo(json.dumps({k: v for k, v in result.items() if k != "misses"}))
    else:
        click.echo(format_table(result))


@eval_group.command("events")
@click.option("--data", type=click.Path(path_type=Path), default=None,
              help="Folder holding plover/ and conflibert-cameo-train/ [default: ../shared/data].")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score the first N items.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON line.")
def eval_events(data: Path | None, limit: int | None, as_json: bool) -> None:
    """Score event triggers: PLOVER type accuracy (GSR), coarse class agreement (ConfliBERT)."""
    from dyad.evaluate.events import evaluate_events, format_table

    if data is None:
        data = SHARED_DATA
    result = evaluate_events(data, limit=limit)
    click.echo(json.dumps(result) if as_json else format_table(result))


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("dyad: aborted", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(2)
    except DyadError as e:
        click.echo(f"dyad: {e}", err=True)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("dyad: interrupted", err=True)
        sys.exit(130)
