"""The `dyad` command: a thin Click layer over the library.

A DyadError becomes one line on stderr and exit code 2; nothing a user does
wrong shows a traceback. Any other exception is a bug of dyad's: one line
``dyad: internal error: ...`` and exit code 1 (``DYAD_DEBUG=1`` shows the traceback).
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from dyad.errors import DyadError

# labelled data beside the checkout (../shared/data), the default for `dyad eval`
SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
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


def corpus_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Options that pick documents out of dumps, feeds and folders."""
    fn = click.option("--limit", type=click.IntRange(min=1), default=None,
                      help="Read at most this many documents (after --titles).")(fn)
    fn = click.option("--titles", default=None, metavar="GLOB",
                      help="Only documents whose title matches, e.g. '*relations*' "
                           "(case-insensitive).")(fn)
    return fn


def min_confidence_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--min-confidence: leave out events and facts the extractor is less sure of."""
    return click.option(
        "--min-confidence", type=click.FloatRange(0, 1), default=None, metavar="0..1",
        help="Leave out events and facts whose confidence is below this.",
    )(fn)


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
    except Exception as e:  # last resort, for every command
        internal_error(e)


def internal_error(error: BaseException) -> None:
    """A bug, not the user's input: one line and exit 1; the traceback under DYAD_DEBUG=1."""
    debug = os.environ.get("DYAD_DEBUG", "") not in ("", "0")
    if debug:
        traceback.print_exception(error)
    from dyad.pipeline import error_summary

    hint = "" if debug else " (DYAD_DEBUG=1 shows the traceback)"
    click.echo(f"dyad: internal error: {error_summary(error)}{hint}", err=True)
    sys.exit(1)


# each module adds its commands to `cli` when imported
from dyad.cli import annotate, evaluate, kb, read, report, web  # noqa: E402, F401
