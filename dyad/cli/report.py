"""`dyad report A B -o FILE.html [--pdf]`: a pair's relations as one self-contained page."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from dyad.cli import cli, min_confidence_option
from dyad.cli.kb import db_option, knowledge_base, strict_option
from dyad.errors import DyadError


@cli.command()
@click.argument("a")
@click.argument("b")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The HTML file to write (with --pdf, a .pdf path writes the PDF there "
                   "and the HTML beside it).")
@click.option("--pdf", is_flag=True,
              help="Also print the page to PDF with headless Chromium (same name, .pdf).")
@db_option
@strict_option
@min_confidence_option
def report(a: str, b: str, output: str, pdf: bool, db: str | None, strict: bool,
           min_confidence: float | None) -> None:
    """Write the report on states A and B (names or codes): key facts, locator map, timeline,
    the cooperation-conflict curve, every event and fact with its evidence and references."""
    from dyad.report import build_dossier, find_chromium, print_pdf, render_html

    html_path, pdf_path = _paths(Path(output), pdf)
    chromium = find_chromium() if pdf else None  # fail before any work when it cannot print
    with knowledge_base(db) as kb:
        dossier = build_dossier(kb, a, b, strict=strict, source=_describe(kb.name),
                                min_confidence=min_confidence)
    if dossier.empty:
        # no silent empty output: a page saying "nothing" is not a report of anything
        raise DyadError(
            f"no events or facts between {dossier.a.name} and {dossier.b.name} in "
            f"{_describe(kb.name)}{' (--strict)' if strict else ''}; ingest documents about "
            "them first")
    _write(html_path, render_html(dossier))
    click.echo(f"{html_path}: {len(dossier.events)} events, {len(dossier.facts)} facts, "
               f"{len(dossier.references)} references", err=True)
    if pdf_path is not None:
        print_pdf(html_path, pdf_path, chromium=chromium)
        click.echo(f"{pdf_path}: printed", err=True)


def _describe(db: str) -> str:
    from dyad.kb.store import describe

    return describe(db)


def _paths(output: Path, pdf: bool) -> tuple[Path, Path | None]:
    if not pdf:
        return output, None
    if output.suffix.lower() == ".pdf":
        return output.with_suffix(".html"), output
    return output, output.with_suffix(".pdf")


def _write(path: Path, text: str) -> None:
    """Write whole or not at all: a half-written report must not look like a report."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DyadError(f"{path}: folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; a report is a normal file
        os.replace(tmp, path)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise DyadError(f"{path}: cannot write ({e.strerror})") from e
