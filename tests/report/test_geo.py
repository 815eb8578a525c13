"""The world map data and the locator map."""

from __future__ import annotations

import re

import pytest

from dyad.report.geo import WORLD, load_world, locator_svg, main_box, rings, territory, view_box


def test_world_file_is_sourced_and_small() -> None:
    head = WORLD.read_text(encoding="utf-8").splitlines()[0]
    assert head.startswith("# source:") and "Natural Earth" in head
    assert WORLD.stat().st_size < 300_000


@pytest.mark.parametrize("code", ["RUS", "BFA", "FRA", "USA", "FJI", "CHL", "PER", "XKX"])
def test_paths_decode_to_their_box(code: str) -> None:
    world = load_world()
    c = world.countries[code]
    assert c.kind == "shape"
    points = [p for r in rings(c.path) for p in r]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    assert (min(xs), min(ys), max(xs), max(ys)) == c.box
    assert c.box[0] >= 0 and c.box[2] <= world.width and 0 <= c.box[1] <= world.height


def test_no_shape_crosses_the_whole_map() -> None:
    # a ring crossing ±180° unsplit would draw a band across the world
    world = load_world()
    for code in ("RUS", "FJI", "KIR", "USA"):
        for ring in rings(world.countries[code].path):
            xs = [x for x, _ in ring]
            assert max(xs) - min(xs) < world.width / 2, code


def test_gazetteer_states_have_a_shape_or_point() -> None:
    from dyad.reference.gazetteer import load_gazetteer

    world = load_world()
    missing = [code for code, s in load_gazetteer().states.items()
               if s.status != "former" and code not in world.countries]
    assert missing == []


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("BFA", ["BFA"]),
        ("HVO", ["BFA"]),
        ("ZAR", ["COD"]),
        ("XMF", ["MLI", "SEN"]),
        ("XFS", ["MLI"]),  # through the Mali Federation to Mali, not to Senegal
        ("CSK", ["CZE", "SVK"]),
    ],
)
def test_former_states_drawn_as_present_ones(code: str, expected: list[str]) -> None:
    assert territory(code) == expected


def test_soviet_union_is_russia_and_the_other_republics() -> None:
    land = territory("SUN")
    assert land[0] == "RUS" and {"UKR", "KAZ", "EST"} <= set(land) and len(land) == 15


def test_view_zooms_on_neighbours_and_not_on_overseas_land() -> None:
    world = load_world()
    c = world.countries
    near = view_box([main_box(c["BEL"]), main_box(c["NLD"])], world)
    assert near[2] < world.width / 10
    # French Guiana does not pull the view of France over the Atlantic
    assert main_box(c["FRA"])[0] > c["FRA"].box[0]


def test_locator_highlights_both_sides() -> None:
    svg = locator_svg("CHL", "PER", "Chile", "Peru")
    assert re.search(r'<path class="land side-a" data-code="CHL" d="M', svg)
    assert re.search(r'<path class="land side-b" data-code="PER" d="M', svg)
    assert '<path class="land" data-code="BOL"' in svg  # a neighbour for context
    assert 'data-code="JPN"' not in svg  # outside the frame, left out
    assert ">Chile</text>" in svg and ">Peru</text>" in svg


def test_locator_of_a_former_state_and_a_point_state() -> None:
    svg = locator_svg("SUN", "TUV", "Soviet Union", "Tuvalu")
    assert 'class="land side-a" data-code="UKR"' in svg
    assert re.search(r'<circle class="land side-b" data-code="TUV"', svg)


def test_locator_escapes_names() -> None:
    svg = locator_svg("CHL", "PER", "<b>Chile</b>", "Peru")
    assert "<b>" not in svg and "&lt;b&gt;Chile" in svg
