"""The home page's world map: which shapes a state's records shade, and how."""

from __future__ import annotations

import re

import pytest

from dyad.web.worldmap import StateTotals, legend_html, map_codes, state_totals, world_svg


@pytest.mark.parametrize(
    ("code", "shapes"),
    [("RUS", ["RUS"]), ("SUN", ["RUS"]), ("HVO", ["BFA"]), ("ZAR", ["COD"]),
     ("CSK", ["CZE", "SVK"])],  # no continuing state: the states it split into
)
def test_a_former_state_shades_the_state_that_continues_it(code: str,
                                                           shapes: list[str]) -> None:
    assert map_codes(code) == shapes


@pytest.mark.parametrize(
    ("events", "net", "shade"),
    [(0, 0, 0), (10, 0, 0), (10, 10, 3), (10, 5, 3), (10, 3, 2), (10, 1, 1), (10, -1, -1),
     (10, -4, -2), (4, -4, -3)],
)
def test_shade_follows_the_share_of_net_cooperation(events: int, net: int, shade: int) -> None:
    assert StateTotals(events=events, net=net).shade == shade


def row(a: str, b: str, events: int, facts: int, net: int) -> dict[str, object]:
    return {"a": a, "b": b, "events": events, "facts": facts, "net_cooperation": net}


def test_state_totals_add_up_every_pair_of_a_state() -> None:
    totals = state_totals([row("BFA", "RUS", 3, 5, 1), row("HVO", "SUN", 3, 1, 3),
                           row("MLI", "RUS", 4, 0, -2)])
    assert totals["RUS"] == StateTotals(events=10, facts=6, net=2, pairs=3)
    assert totals["BFA"] == StateTotals(events=6, facts=6, net=4, pairs=2)
    assert "SUN" not in totals and "HVO" not in totals


def test_world_svg_shades_states_with_records_and_says_why() -> None:
    svg = world_svg([row("KEN", "NOR", 10, 2, -8)])
    kenya = re.search(r'<a href="/\?country=KEN#dyads"><path class="land has s(\d)" '
                      r'data-code="KEN" d="[^"]+"><title>([^<]+)</title>', svg)
    assert kenya is not None
    assert kenya.group(1) == "0"  # mostly conflict
    assert kenya.group(2) == "Kenya: 10 events, 2 facts in 1 pair; net cooperation -8"
    assert '<path class="land" data-code="BRA"' in svg
    assert svg.startswith('<svg class="world"') and svg.endswith("</svg>")


def test_the_legend_names_every_shade() -> None:
    legend = legend_html()
    assert all(f"swatch s{k}" in legend for k in range(7)) and "no records" in legend
