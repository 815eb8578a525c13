"""The home page's world map: every state shaded by the relations the knowledge base holds.

Shapes are the report's (``dyad.report.geo.load_world``). A state's shade says
how cooperative its recorded events are (net cooperation: cooperative minus
conflictual events, over all events) and its tooltip gives the counts. A
former state's records count for the present-day state that continues it (the
Soviet Union's for Russia); one that left no continuing state (Czechoslovakia)
shades the states it split into.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import quote

from dyad.report.geo import World, load_world, territory


@dataclass
class StateTotals:
    events: int = 0
    facts: int = 0
    net: int = 0  # cooperative minus conflictual events
    pairs: int = 0

    @property
    def shade(self) -> int:
        """-3 (mostly conflict) … +3 (mostly cooperation); 0: balanced or only facts."""
        if not self.events or not self.net:
            return 0
        share = self.net / self.events
        size = 3 if abs(share) >= 0.5 else 2 if abs(share) >= 0.2 else 1
        return size if share > 0 else -size


def map_codes(code: str) -> list[str]:
    """The map shapes a state's records colour."""
    from dyad.reference.gazetteer import load_gazetteer

    state = load_gazetteer().states.get(code)
    land = territory(code)
    if state is not None and state.status == "former" and state.successor:
        return land[:1]  # the continuing state, not every state that split off
    return land


def state_totals(dyads: list[dict[str, Any]]) -> dict[str, StateTotals]:
    """Per map code: events, facts, net cooperation and pairs, from ``KnowledgeBase.dyads``."""
    totals: dict[str, StateTotals] = defaultdict(StateTotals)
    for row in dyads:
        for side in ("a", "b"):
            for code in map_codes(row[side]):
                t = totals[code]
                t.events += row.get("events") or 0
                t.facts += row.get("facts") or 0
                t.net += row.get("net_cooperation") or 0
                t.pairs += 1
    return dict(totals)


def _tip(name: str, t: StateTotals) -> str:
    sign = "+" if t.net > 0 else ""
    return (f"{name}: {t.events} event{'s' if t.events != 1 else ''}, {t.facts} "
            f"fact{'s' if t.facts != 1 else ''} in {t.pairs} pair{'s' if t.pairs != 1 else ''}"
            f"; net cooperation {sign}{t.net}")


def world_svg(dyads: list[dict[str, Any]], world: World | None = None) -> str:
    """The whole world, each state with records a link to the dyads it is part of."""
    world = world or load_world()
    totals = state_totals(dyads)
    parts = [f'<svg class="world" viewBox="0 0 {world.width} {world.height}" role="img" '
             'aria-label="World map of the relations in the knowledge base">',
             f'<rect class="sea" width="{world.width}" height="{world.height}"/>']
    for country in world.countries.values():
        t = totals.get(country.code)
        if t is None:
            cls = "land"
            tip = f"<title>{escape(country.name)}: no records</title>"
        else:
            cls = f"land has s{t.shade + 3}"
            tip = f"<title>{escape(_tip(country.name, t))}</title>"
        if country.kind == "point":
            x, y = country.box[0], country.box[1]
            shape = (f'<circle class="{cls}" data-code="{country.code}" cx="{x}" cy="{y}" '
                     f'r="12">{tip}</circle>')
        else:
            shape = (f'<path class="{cls}" data-code="{country.code}" d="{country.path}">'
                     f"{tip}</path>")
        if t is not None:
            shape = f'<a href="/?country={quote(country.code)}#dyads">{shape}</a>'
        parts.append(shape)
    parts.append("</svg>")
    return "".join(parts)


LEGEND = [(6, "mostly cooperation"), (5, "more cooperation"), (4, "slightly more cooperation"),
          (3, "balanced, or standing ties only"), (2, "slightly more conflict"),
          (1, "more conflict"), (0, "mostly conflict")]


def legend_html() -> str:
    items = "".join(f'<span><span class="swatch s{k}"></span>{escape(text)}</span>'
                    for k, text in LEGEND)
    return (f'<p class="legend">{items}<span><span class="swatch none"></span>no records'
            "</span></p>")
