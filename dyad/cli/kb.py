"""The knowledge-base commands: ingest, events, facts, timeline, dyads, series, search, export.

Each is a thin layer over ``dyad.kb.KnowledgeBase``; queries print a table
(rich on a terminal), JSON lines or CSV.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from dyad.cli import FailureReport, cli, corpus_options, input_options, min_confidence_option

OUTPUTS = ("table", "jsonl", "csv")


def db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--db: a SQLite file or a postgresql:// URL (else $DYAD_DB, else ./dyad.db)."""
    return click.option(
        "--db", default=None, metavar="PATH|URL",
        help="SQLite file or postgresql:// URL  [default: $DYAD_DB, else ./dyad.db]",
    )(fn)


def output_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--format", "out_format", type=click.Choice(OUTPUTS), default="table",
                        show_default=True, help="table (rich on a terminal), jsonl or csv.")(fn)


def strict_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--strict", is_flag=True,
                        help="Only the states named: leave out predecessors and successors "
                             "(the Soviet Union for Russia).")(fn)


def limit_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--limit", type=click.IntRange(min=1), default=None,
                        help="Print at most this many.")(fn)


@contextmanager
def knowledge_base(db: str | None, *, create: bool = False) -> Iterator[Any]:
    from dyad.kb import KnowledgeBase

    kb = KnowledgeBase.open(db, create=create)
    try:
        yield kb
    finally:
        kb.close()


# -- ingest ---------------------------------------------------------------------------

@cli.command()
@click.argument("paths", nargs=-1, required=True)
@input_options
@db_option
@click.option("--gazetteer", type=click.Path(dir_okay=False), default=None,
              help="A TSV of extra names, states or leaders (see dyad/data/gazetteer).")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary.")
@corpus_options
@min_confidence_option
def ingest(paths: tuple[str, ...], input_format: str | None, max_bytes: int, db: str | None,
           gazetteer: str | None, quiet: bool, titles: str | None, limit: int | None,
           min_confidence: float | None) -> None:
    """Extract documents and store their records in the knowledge base.

    PATHS are files, folders (read recursively) or - for standard input, in any
    format `dyad extract` reads, or the JSON lines `dyad extract` prints (stored as
    they are: `dyad extract ... | dyad ingest -`), or the Parquet part files of
    `dyad extract -o DIR` (`dyad ingest DIR`). Each document is stored in one
    transaction (records: a batch of documents a transaction, each whole or not at
    all); the same document twice changes nothing, and a new version (same
    source or title) replaces the old one's records.
    """
    from dyad.kb.store import removed_unless_stored
    from dyad.read.select import Selection

    report = FailureReport()
    # nothing half-written: a run that stores nothing leaves no new database file behind
    with (removed_unless_stored(db) as new_file, knowledge_base(db, create=True) as kb,
          _progress(paths, quiet) as step):
        summary = kb.ingest(paths, input_format=input_format, gazetteer=gazetteer,
                            max_bytes=max_bytes, on_error=report, progress=step,
                            select=Selection(titles) if titles else None, limit=limit,
                            min_confidence=min_confidence)
    if not quiet:
        _print_summary(summary, kb.name, created=not new_file.removed)
    report.exit_if_any()


def _count_inputs(paths: tuple[str, ...]) -> int:
    from pathlib import Path

    total = 0
    for p in paths:
        path = Path(p)
        if p != "-" and path.is_dir():
            total += sum(1 for f in path.rglob("*") if f.is_file()
                         and not any(part.startswith(".") for part in f.relative_to(path).parts))
        else:
            total += 1
    return total


@contextmanager
def _progress(paths: tuple[str, ...], quiet: bool) -> Iterator[Callable[[Any], None] | None]:
    """A progress bar on stderr when it is a terminal and there is more than one input."""
    total = 0 if quiet or not sys.stderr.isatty() else _count_inputs(paths)
    if total < 2:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress("[progress.description]{task.description}", BarColumn(),
                  MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("ingesting", total=total)

        def step(result: Any) -> None:
            # a JSON-lines file holds many documents: the bar counts documents past files
            if bar.tasks[0].completed + 1 > total:
                bar.update(task, total=None)
            bar.advance(task)

        yield step


def _print_summary(summary: Any, name: str, *, created: bool = True) -> None:
    from dyad.kb.store import describe

    parts = [f"{summary.documents} document{'s' if summary.documents != 1 else ''} stored"]
    if summary.replaced:
        parts[0] += f" ({summary.replaced} replacing an older version)"
    if summary.unchanged:
        parts.append(f"{summary.unchanged} unchanged")
    parts.append(f"{summary.events} events, {summary.facts} facts")
    if summary.merged:
        parts.append(f"{summary.merged} merged with other documents' records")
    parts.append(f"{len(summary.skipped)} skipped")
    where = describe(name) if created else f"nothing written ({describe(name)} not created)"
    click.echo(f"{'; '.join(parts)} → {where}")
    for reason in summary.skipped:
        click.echo(f"  skipped: {reason}")


# -- queries ----------------------------------------------------------------------------

@cli.command()
@db_option
@click.option("--dyad", "dyad_", default=None, metavar="A-B",
              help="A pair: MLI-RUS, or names such as 'Mali,Russia'.")
@click.option("--country", default=None, help="Events with this country on either side.")
@click.option("--type", "event_type", default=None, help="PLOVER type: AID, CONSULT, ...")
@click.option("--from", "start", default=None, metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--to", "end", default=None, metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--status", default=None, help="asserted, alleged, pledged, denied, ...")
@click.option("--document", default=None, help="Events told by this document id.")
@strict_option
@limit_option
@min_confidence_option
@output_option
def events(db: str | None, dyad_: str | None, country: str | None, event_type: str | None,
           start: str | None, end: str | None, status: str | None, document: str | None,
           strict: bool, limit: int | None, min_confidence: float | None,
           out_format: str) -> None:
    """Events in time order, merged across documents."""
    with knowledge_base(db) as kb:
        rows = kb.events(dyad=dyad_, country=country, event_type=event_type, start=start,
                         end=end, status=status, document=document, strict=strict, limit=limit,
                         min_confidence=min_confidence)
    _emit(rows, out_format, "events")


@cli.command()
@db_option
@click.option("--kind", default=None,
              help="ambassador, embassy, consulate, diplomatic_relations, recognition, ...")
@click.option("--country", default=None, help="Facts with this country on either side.")
@click.option("--dyad", "dyad_", default=None, metavar="A-B", help="A pair: MLI-RUS.")
@strict_option
@limit_option
@min_confidence_option
@output_option
def facts(db: str | None, kind: str | None, country: str | None, dyad_: str | None,
          strict: bool, limit: int | None, min_confidence: float | None,
          out_format: str) -> None:
    """Standing facts: relations, embassies with cities, ambassadors with tenures."""
    with knowledge_base(db) as kb:
        rows = kb.facts(kind=kind, country=country, dyad=dyad_, strict=strict, limit=limit,
                        min_confidence=min_confidence)
    _emit(rows, out_format, "facts")


@cli.command()
@click.argument("a")
@click.argument("b")
@db_option
@strict_option
@min_confidence_option
@output_option
def timeline(a: str, b: str, db: str | None, strict: bool, min_confidence: float | None,
             out_format: str) -> None:
    """The story of a pair (names or codes) in time order: events and facts, cited."""
    with knowledge_base(db) as kb:
        rows = kb.timeline(a, b, strict=strict, min_confidence=min_confidence)
    _emit(rows, out_format, "timeline")


@cli.command()
@db_option
@limit_option
@output_option
def dyads(db: str | None, limit: int | None, out_format: str) -> None:
    """Every pair: events, facts, first and last event, Goldstein total, net cooperation."""
    with knowledge_base(db) as kb:
        rows = kb.dyads()
    _emit(rows[:limit] if limit else rows, out_format, "dyads")


@cli.command()
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--by", type=click.Choice(["year", "quarter", "month"]), default="year",
              show_default=True)
@strict_option
@output_option
def series(a: str, b: str, db: str | None, by: str, strict: bool, out_format: str) -> None:
    """Events per period for a pair: counts per quad class, total and mean Goldstein."""
    with knowledge_base(db) as kb:
        rows = kb.series(a, b, by=by, strict=strict)
    _emit(rows, out_format, "series")


@cli.command()
@click.argument("query")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@output_option
def search(query: str, db: str | None, limit: int, out_format: str) -> None:
    """Sentences that hold all the words (or "quoted phrases"), with document and section."""
    with knowledge_base(db) as kb:
        rows = kb.search(query, limit=limit)
    _emit(rows, out_format, "search")


EXPORT_FORMATS = ("jsonl", "csv", "parquet", "panel", "icews", "graphml", "gexf")


@cli.command()
@db_option
@click.option("--format", "out_format", type=click.Choice(EXPORT_FORMATS), required=True,
              help="jsonl: full records; csv, parquet: a flat row each; panel: dyad-year "
                   "(or -month) rows with COW codes (-o *.csv or *.parquet); icews: the "
                   "ICEWS event table (-o *.tsv); graphml, gexf: a network of states.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The file to write.")
@click.option("--records", "which", type=click.Choice(["events", "facts"]), default=None,
              help="For jsonl, csv, parquet: events (the default) or facts.")
@click.option("--by", type=click.Choice(["year", "month"]), default=None,
              help="For panel: a row per year (the default) or month.")
@click.option("--undirected", is_flag=True,
              help="For panel: one row per unordered pair (iso_a < iso_b).")
@click.option("--min-confidence", type=float, default=None, metavar="0..1",
              help="Leave out records whose confidence is below this.")
@click.option("--dyad", "dyad_", default=None, metavar="A-B")
@click.option("--country", default=None)
@click.option("--type", "event_type", default=None)
@click.option("--kind", default=None, help="For facts: the fact kind.")
@click.option("--from", "start", default=None, metavar="DATE")
@click.option("--to", "end", default=None, metavar="DATE")
@click.option("--status", default=None,
              help="Only this status (panel, icews, graphml, gexf count what happened: "
                   "asserted, reported, alleged).")
@strict_option
def export(db: str | None, out_format: str, output: str, which: str | None, by: str | None,
           undirected: bool, min_confidence: float | None, dyad_: str | None,
           country: str | None, event_type: str | None, kind: str | None, start: str | None,
           end: str | None, status: str | None, strict: bool) -> None:
    """Write events (or facts) to a file, with the same filters as the queries; or the
    analysts' tables: a dyad-year panel, an ICEWS event table, a GraphML or GEXF network."""
    from dyad.errors import DyadError
    from dyad.kb.export import _pyarrow, table_format, write_file

    analysts = out_format in ("panel", "icews", "graphml", "gexf")
    for given, option, applies in ((by, "--by", out_format == "panel"),
                                   (undirected or None, "--undirected", out_format == "panel"),
                                   (which, "--records", not analysts),
                                   (kind, "--kind", not analysts)):
        if given is not None and not applies:
            raise DyadError(f"{option} does not apply to --format {out_format}")
    if min_confidence is not None and not 0 <= min_confidence <= 1:
        raise DyadError(f"--min-confidence must be from 0 to 1, not {min_confidence:g}")
    fmt = None
    if out_format == "panel":
        fmt = table_format(output, (".csv", ".parquet"))
    elif out_format == "icews":
        fmt = table_format(output, (".tsv", ".csv"))
    if "parquet" in (out_format, fmt):
        _pyarrow()  # say it is missing before reading anything
    filters = {"dyad": dyad_, "country": country, "event_type": event_type, "start": start,
               "end": end, "status": status, "strict": strict}
    with knowledge_base(db) as kb:
        if analysts:
            count, what = _export_analysts(kb, out_format, output, fmt, by or "year",
                                           undirected, min_confidence, filters)
            click.echo(f"{count} {what} → {output}", err=True)
            return
        which = which or "events"
        if which == "events":
            rows = kb.events(**filters)
        else:
            rows = kb.facts(kind=kind, country=country, dyad=dyad_, strict=strict)
    if min_confidence is not None:
        from dyad.kb.pairs import sure_enough

        rows = [r for r in rows if sure_enough(r, min_confidence)]
    count = write_file(rows, out_format, output)
    click.echo(f"{count} {which} → {output}", err=True)


def _export_analysts(kb: Any, out_format: str, output: str, fmt: str | None, by: str,
                     undirected: bool, min_confidence: float | None,
                     filters: dict[str, Any]) -> tuple[int, str]:
    """Write the panel, ICEWS table or network; (how many rows or edges, what they are)."""
    from dyad.kb import export, icews, network, panel

    if out_format == "panel":
        rows = kb.panel(by=by, undirected=undirected, min_confidence=min_confidence,
                        **filters)
        if rows.left_out:
            click.echo(f"{rows.left_out} event{'s' if rows.left_out != 1 else ''} "
                       f"{'is' if rows.left_out == 1 else 'are'} undated or dated too "
                       f"coarsely for a {by} and left out of the panel", err=True)
        count = export.write_table(rows, panel.columns(by), output, fmt)
        return count, f"panel row{'s' if count != 1 else ''}"
    if out_format == "icews":
        rows = kb.icews(min_confidence=min_confidence, **filters)
        count = export.write_table(rows, icews.COLUMNS, output, "tsv" if fmt == "tsv" else "csv")
        return count, f"ICEWS row{'s' if count != 1 else ''}"
    graph = kb.network(min_confidence=min_confidence, **filters)
    write = network.write_graphml if out_format == "graphml" else network.write_gexf

    def written(tmp: str) -> int:
        with open(tmp, "wb") as out:
            write(graph, out)
        return len(graph.edges)

    count = export.write_atomically(output, written)
    return count, (f"edge{'s' if count != 1 else ''} between {len(graph.nodes)} "
                   f"state{'s' if len(graph.nodes) != 1 else ''}")


# -- output ----------------------------------------------------------------------------

def _emit(rows: list[dict[str, Any]], out_format: str, what: str) -> None:
    from dyad.kb.export import write_csv, write_jsonl

    if out_format == "jsonl":
        write_jsonl(rows, sys.stdout)
    elif out_format == "csv":
        write_csv(rows, sys.stdout)
    elif not rows:
        click.echo(f"no {what} found", err=True)
    else:
        _print_table(rows, what)


def _print_table(rows: list[dict[str, Any]], what: str) -> None:
    """A rich table: colours and the terminal's width on a terminal, plain and wide in a pipe."""
    from rich.console import Console
    from rich.table import Table

    from dyad.kb.tables import table

    names, cells = table(rows, what)
    console = Console()
    if not console.is_terminal:
        console = Console(width=200, no_color=True, highlight=False)
    grid = Table(show_lines=what in ("timeline", "events", "facts"))
    for name in names:
        wide = name in ("sentence", "text", "citations", "who")
        grid.add_column(name, overflow="fold", ratio=3 if wide else None,
                        no_wrap=not wide and name in ("date", "period", "status"))
    for row in cells:
        grid.add_row(*(_styled(name, cell) for name, cell in zip(names, row, strict=True)))
    console.print(grid)


def _styled(column: str, cell: str) -> str:
    from rich.markup import escape

    text = escape(cell)
    if column == "status" and cell and cell != "asserted":
        return f"[bold yellow]{text}[/]"
    return text
