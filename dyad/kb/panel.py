"""The dyad-year (or dyad-month) panel: one row per period and pair of states.

Each row counts the pair's events of that period (per quad class and per PLOVER type,
with the Goldstein sum and mean) and says which standing ties held at some time in it:
diplomatic relations and each side's embassy in the other, from facts. A tie runs from
its fact's start to its end; a tie with a start only ("established relations in 1960")
runs until a later fact ends it ("severed relations in 1967") or to the panel's last
period; a fact with an end only holds in that period. A period with a tie and no
events is a row too. Rows carry Correlates of War codes (the Soviet Union keeps 365).

A period comes from an event's date as written: an event dated to a year has no month,
so a monthly panel leaves it out (and counts it in ``left_out``), as it does an undated
event. Undated facts place no tie.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from dyad.errors import DataError
from dyad.kb import countries
from dyad.kb.export import MissingDependency, Records
from dyad.kb.pairs import QUAD_COLUMNS, directed_pairs, quad_column
from dyad.kb.periods import first_day, last_day, period_of

PANEL_PERIODS = ("year", "month")
TIES = ("relations", "embassy_a_in_b", "embassy_b_in_a")

Pair = tuple[str, str]
Span = tuple[str, str | None]  # first and last day; None: open, until the panel's end


def plover_columns() -> list[str]:
    from dyad.ontology import plover_types

    return [p.name.lower() for p in plover_types()]


def columns(by: str) -> list[str]:
    """The panel's columns, in order."""
    return [by, "iso_a", "iso_b", "cow_a", "cow_b", "name_a", "name_b", "events",
            *QUAD_COLUMNS, "goldstein", "goldstein_mean", *plover_columns(), *TIES]


class Panel(Records):
    """Panel rows, and how many events had no place in them (undated, or too coarse)."""

    left_out: int = 0
    by: str = "year"

    @property
    def columns(self) -> list[str]:
        return columns(self.by)

    def to_pandas(self) -> Any:
        """A DataFrame with the panel's columns (an empty panel too), ints as ints."""
        try:
            import pandas
        except ImportError:
            raise MissingDependency("to_pandas needs pandas: pip install pandas") from None
        frame = pandas.DataFrame(list(self), columns=self.columns)
        # a state without a COW code (Palestine) must not turn the codes into floats
        return frame.astype({"cow_a": "Int64", "cow_b": "Int64"})


@dataclass
class _Cell:
    events: int = 0
    quads: dict[str, int] = field(default_factory=dict)
    types: dict[str, int] = field(default_factory=dict)
    goldstein: float = 0.0
    scored: int = 0


def build_panel(events: Iterable[dict[str, Any]], facts: Iterable[dict[str, Any]], *,
                by: str = "year", undirected: bool = False, start: str | None = None,
                end: str | None = None, horizon: str | None = None,
                keep: Callable[[str, str], bool] | None = None) -> Panel:
    """Rows from counted events and facts (see dyad.kb.pairs); ``start`` and ``end`` are
    ISO days that bound the periods. Without ``end``, open ties run to ``horizon`` (a day)
    or else to the latest event or tie given. ``keep`` says which row pairs to keep."""
    if by not in PANEL_PERIODS:
        raise DataError(f"panel by {by!r}: choose from {', '.join(PANEL_PERIODS)}")
    first = period_of(start, by) if start else None
    last = period_of(end, by) if end else None
    panel = Panel()
    panel.by = by
    cells: dict[tuple[str, str, str], _Cell] = defaultdict(_Cell)
    latest: str | None = None
    for record in events:
        period = _period(record, by)
        if period is None:
            panel.left_out += 1
            continue
        latest = max(latest or "", period)
        if (first and period < first) or (last and period > last):
            continue
        for a, b in _pairs(record, undirected):
            if keep is None or keep(a, b):
                _count(cells[(period, a, b)], record)
    spans = _tie_spans(facts)
    for by_pair in spans.values():
        for found in by_pair.values():
            for day in (d for span in found for d in span if d):
                latest = max(latest or "", _period_of_day(day, by))
    if horizon:
        latest = max(latest or "", _period_of_day(horizon, by))
    last = last or latest
    ties: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    if last is not None:
        for (tie, a, b), found in _row_ties(spans, undirected).items():
            if keep is not None and not keep(a, b):
                continue
            for lo, hi in found:
                for period in _periods(_period_of_day(lo, by),
                                       min(_period_of_day(hi, by), last) if hi else last, by):
                    if not first or period >= first:
                        ties[(period, a, b)].add(tie)
                        cells.setdefault((period, a, b), _Cell())
    for key in sorted(cells):
        panel.append(_row(key, cells[key], ties.get(key, set()), by))
    return panel


def _period(record: dict[str, Any], by: str) -> str | None:
    when = record.get("date") or {}
    value = when.get("start") or when.get("end")
    period = period_of(value, by)
    if period is None or (by == "month" and len(period) != 7):
        return None
    return period


def _period_of_day(day: str, by: str) -> str:
    return day[:4] if by == "year" else day[:7]


def _pairs(record: dict[str, Any], undirected: bool) -> list[Pair]:
    pairs = directed_pairs(record)
    if undirected:
        pairs = list(dict.fromkeys(tuple(sorted(p)) for p in pairs))  # type: ignore[misc]
    return pairs


def _count(cell: _Cell, record: dict[str, Any]) -> None:
    cell.events += 1
    quad = quad_column(record.get("quad_class"))
    if quad:
        cell.quads[quad] = cell.quads.get(quad, 0) + 1
    kind = (record.get("event_type") or "").lower()
    if kind:
        cell.types[kind] = cell.types.get(kind, 0) + 1
    if isinstance(record.get("goldstein"), int | float):
        cell.goldstein += record["goldstein"]
        cell.scored += 1


def _tie_spans(facts: Iterable[dict[str, Any]]) -> dict[str, dict[Pair, list[Span]]]:
    """Per tie ("relations", "embassy"), per pair (sorted for relations, sender → host for
    an embassy): the spans in which it held. An open span ends at the pair's next ending;
    a tie of a state that ended goes on with the state that continued it (the Soviet
    Union's relations and embassies are Russia's from 26 December 1991)."""
    spans: dict[str, dict[Pair, list[Span]]] = {"relations": defaultdict(list),
                                                "embassy": defaultdict(list)}
    ends: dict[str, dict[Pair, list[str]]] = {"relations": defaultdict(list),
                                              "embassy": defaultdict(list)}
    dated: list[tuple[str, Pair, str, str | None]] = []
    for record in facts:
        tie = {"diplomatic_relations": "relations", "embassy": "embassy"}.get(
            record.get("kind") or "")
        a = (record.get("subject") or {}).get("country")
        b = (record.get("object") or {}).get("country")
        if tie is None or not a or not b or a == b:
            continue
        pair = _tie_pair(tie, a, b)
        valid = record.get("valid") or {}
        lo, hi = first_day(valid.get("start")), last_day(valid.get("end"))
        if lo:
            dated.append((tie, pair, lo, hi))
        elif hi:  # "severed in 1967": it held until then, since when is not said
            spans[tie][pair].append((first_day(valid.get("end")) or hi, hi))
            ends[tie][pair].append(hi)
    for tie, pair, lo, hi in dated:
        for held, span in _continued(tie, pair, lo, hi, ends[tie]):
            spans[tie][held].append(span)
    return spans


def _tie_pair(tie: str, a: str, b: str) -> Pair:
    return (min(a, b), max(a, b)) if tie == "relations" else (a, b)


def _continued(tie: str, pair: Pair, lo: str, hi: str | None,
               ends: dict[Pair, list[str]]) -> list[tuple[Pair, Span]]:
    """The span from ``lo`` to ``hi`` (None: to the pair's next ending, else open), cut
    where a side's state ended and carried on by the state that continued it."""
    states = countries.gazetteer().states
    out: list[tuple[Pair, Span]] = []
    for _ in range(8):  # a chain of continuations: YUG → SCG → SRB
        stop = hi
        if stop is None:
            later = [e for e in ends.get(pair, []) if e >= lo]
            stop = min(later) if later else None
        cuts = [s.valid_to for s in (states.get(c) for c in pair)
                if s is not None and s.valid_to and s.valid_to > lo]
        cut = min(cuts) if cuts else None
        if cut is None or (stop is not None and stop < cut):
            out.append((pair, (lo, stop)))
            break
        out.append((pair, (lo, _day_before(cut))))
        sides = []
        for code in pair:
            state = states.get(code)
            if state is not None and state.valid_to == cut:
                if not state.successor:
                    return out  # it ended and nothing continued it: neither does the tie
                code = state.successor
            sides.append(code)
        if sides[0] == sides[1]:
            break
        pair, lo = _tie_pair(tie, sides[0], sides[1]), cut
    return out


def _day_before(day: str) -> str:
    return (date.fromisoformat(day) - timedelta(days=1)).isoformat()


def _row_ties(spans: dict[str, dict[Pair, list[Span]]],
              undirected: bool) -> dict[tuple[str, str, str], list[Span]]:
    """The tie columns of each row pair: relations on both rows of a pair, an embassy as
    a_in_b on its sender's row and b_in_a on its host's (on the sorted row if undirected)."""
    out: dict[tuple[str, str, str], list[Span]] = defaultdict(list)
    for (a, b), found in spans["relations"].items():
        out[("relations", a, b)].extend(found)
        if not undirected:
            out[("relations", b, a)].extend(found)
    for (sender, host), found in spans["embassy"].items():
        if not undirected or sender < host:
            out[("embassy_a_in_b", sender, host)].extend(found)
        if not undirected or host < sender:
            out[("embassy_b_in_a", host, sender)].extend(found)
    return out


def _periods(first: str, last: str, by: str) -> list[str]:
    """Every period from ``first`` to ``last``: "1990", "1991" … or "1990-11", "1990-12" …"""
    out: list[str] = []
    year, month = int(first[:4]), int(first[5:7]) if by == "month" else 1
    while True:
        label = f"{year:04d}" if by == "year" else f"{year:04d}-{month:02d}"
        if label > last:
            return out
        out.append(label)
        if by == "year":
            year += 1
        else:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _row(key: tuple[str, str, str], cell: _Cell, ties: set[str], by: str) -> dict[str, Any]:
    period, a, b = key
    row: dict[str, Any] = {
        by: int(period) if by == "year" else period, "iso_a": a, "iso_b": b,
        "cow_a": countries.cow_of(a), "cow_b": countries.cow_of(b),
        "name_a": countries.name_of(a), "name_b": countries.name_of(b),
        "events": cell.events}
    for quad in QUAD_COLUMNS:
        row[quad] = cell.quads.get(quad, 0)
    row["goldstein"] = round(cell.goldstein, 3)
    row["goldstein_mean"] = round(cell.goldstein / cell.scored, 3) if cell.scored else None
    for kind in plover_columns():
        row[kind] = cell.types.get(kind, 0)
    for tie in TIES:
        row[tie] = int(tie in ties)
    return row
