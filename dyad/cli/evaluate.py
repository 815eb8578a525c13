"""`dyad eval`: measure dyad against the labelled data in ../shared/data."""

from __future__ import annotations

import json
from pathlib import Path

import click

from dyad.cli import SHARED_DATA, cli


@cli.group(name="eval")
def eval_group() -> None:
    """Measure dyad against labelled data (see ../shared/data/README.md)."""


@eval_group.command("time")
@click.option("--data", type=click.Path(path_type=Path), default=None,
              help="Folder of TimeML .tml files [default: ../shared/data/tempeval3-train].")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON line.")
@click.option("--errors", is_flag=True,
              help="Also print each miss, false alarm and wrong value with its sentence.")
def eval_time(data: Path | None, as_json: bool, errors: bool) -> None:
    """Score the time tagger on TempEval-3 TimeML files (strict/relaxed extent, value F1)."""
    from dyad.evaluate.time import evaluate, format_errors, format_table

    if data is None:
        data = SHARED_DATA / "tempeval3-train"
    result = evaluate(data, errors=errors)
    if errors:
        click.echo(format_errors(result["errors"]))
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
@click.option("--misses", is_flag=True,
              help="Print the GSR items dyad gets wrong (type or sides), one JSON line each.")
def eval_events(data: Path | None, limit: int | None, as_json: bool, misses: bool) -> None:
    """Score events: PLOVER type and dyad (actor+recipient country) accuracy on the GSR,
    coarse class agreement on ConfliBERT."""
    from dyad.evaluate.events import GSR_PATH, evaluate_events, format_table, gsr_items, load_gsr

    if data is None:
        data = SHARED_DATA
    if misses:
        for item in gsr_items(load_gsr(data / GSR_PATH)[:limit]):
            if item.type != item.gold_type or item.dyad_ok is False:
                click.echo(json.dumps(item.to_dict(), ensure_ascii=False))
        return
    result = evaluate_events(data, limit=limit)
    click.echo(json.dumps(result) if as_json else format_table(result))
