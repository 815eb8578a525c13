"""The locator map: the two states of a pair on an inline SVG world map.

Shapes come from ``dyad/data/geo/world.tsv`` (Natural Earth, projected and
simplified by ``scripts/build_world_map.py``). A former state is drawn as the
present-day states that took its territory (the Soviet Union as Russia and the
fourteen other republics, Upper Volta as Burkina Faso).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path

from dyad.errors import DataError

WORLD = Path(__file__).resolve().parent.parent / "data" / "geo" / "world.tsv"
MAIN_RING_SHARE = 0.2  # rings at least this share of the largest one frame the view
MIN_SPAN = 0.06  # the view is at least this share of the world's width
PAD = 0.3  # margin around the pair, as a share of the pair's extent
ASPECT = 2.0  # width / height of the locator


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    kind: str  # shape | point
    box: tuple[int, int, int, int]  # x0 y0 x1 y1
    path: str


@dataclass(frozen=True, slots=True)
class World:
    width: int
    height: int
    countries: dict[str, Country]


@lru_cache(maxsize=2)
def load_world(path: Path = WORLD) -> World:
    """The projected world map (cached)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise DataError(f"{path}: cannot read the world map ({e.strerror})") from e
    size = next((re.search(r"viewBox 0 0 (\d+) (\d+)", ln) for ln in lines
                 if ln.startswith("# projection")), None)
    if size is None:
        raise DataError(f"{path}: no '# projection: ... viewBox' line")
    countries = {}
    rows = [ln for ln in lines if ln and not ln.startswith("#")]
    for n, line in enumerate(rows[1:], 2):
        cells = line.split("\t")
        if len(cells) != 8:
            raise DataError(f"{path}: row {n} has {len(cells)} columns, not 8")
        code, name, kind, x0, y0, x1, y1, d = cells
        countries[code] = Country(code, name, kind, (int(x0), int(y0), int(x1), int(y1)), d)
    return World(int(size.group(1)), int(size.group(2)), countries)


def territory(code: str) -> list[str]:
    """The map codes that draw ``code``: itself, or for a former state its successors' land.

    A former state is its successor's core (followed through further former states:
    French Sudan → Mali Federation → Mali) plus the states it split into.
    """
    from dyad.reference.gazetteer import load_gazetteer

    states = load_gazetteer().states
    state = states.get(code)
    if state is None or state.status != "former":
        return [code]
    out = []
    if state.successor:
        out.append(_core(state.successor, states))
    out += [_core(c, states) for c in state.split_into]
    return list(dict.fromkeys(out))


def _core(code: str, states: dict) -> str:
    seen = {code}
    while (s := states.get(code)) is not None and s.status == "former" and s.successor:
        code = s.successor
        if code in seen:
            break
        seen.add(code)
    return code


_NUMBER = re.compile(r"-?\d+")


def rings(path: str) -> list[list[tuple[int, int]]]:
    """The absolute points of each ring of a path written as ``M x y l dx dy ... z``."""
    out = []
    for part in path.split("M")[1:]:
        head, _, tail = part.partition("l")
        x, y = (int(v) for v in head.split())
        nums = [int(v) for v in _NUMBER.findall(tail.rstrip("z"))]
        ring = [(x, y)]
        for dx, dy in zip(nums[::2], nums[1::2], strict=True):
            x, y = x + dx, y + dy
            ring.append((x, y))
        out.append(ring)
    return out


def _area(ring: list[tuple[int, int]]) -> float:
    return abs(sum(x1 * y2 - x2 * y1
                   for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def main_box(country: Country) -> tuple[int, int, int, int]:
    """The box of a country's main land: French Guiana and Svalbard do not widen the view."""
    if country.kind != "shape":
        return country.box
    parts = rings(country.path)
    areas = [_area(r) for r in parts]
    largest = max(areas, default=0.0)
    kept = [r for r, a in zip(parts, areas, strict=True) if a >= MAIN_RING_SHARE * largest]
    xs = [x for r in kept for x, _ in r]
    ys = [y for r in kept for _, y in r]
    return (min(xs), min(ys), max(xs), max(ys)) if xs else country.box


def view_box(boxes: list[tuple[int, int, int, int]], world: World) -> tuple[int, int, int, int]:
    """x, y, width, height framing ``boxes`` with a margin, at the locator's aspect ratio."""
    if not boxes:
        return 0, 0, world.width, world.height
    x0, y0, x1, y1 = _union(boxes)
    w = max((x1 - x0) * (1 + 2 * PAD), MIN_SPAN * world.width)
    h = max((y1 - y0) * (1 + 2 * PAD), w / ASPECT)
    w = max(w, h * ASPECT)
    if w >= world.width or h >= world.height:
        return 0, 0, world.width, world.height
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    left = min(max(cx - w / 2, 0), world.width - w)
    top = min(max(cy - h / 2, 0), world.height - h)
    return round(left), round(top), round(w), round(h)


def _overlaps(box: tuple[int, int, int, int], view: tuple[int, int, int, int]) -> bool:
    vx, vy, vw, vh = view
    return box[0] <= vx + vw and box[2] >= vx and box[1] <= vy + vh and box[3] >= vy


def locator_svg(a: str, b: str, a_name: str, b_name: str, world: World | None = None) -> str:
    """An inline SVG map framing states ``a`` and ``b`` (codes), each highlighted in its colour."""
    world = world or load_world()
    sides = {"a": territory(a), "b": territory(b)}
    side_of = {code: side for side, codes in sides.items() for code in codes}
    present = {side: [world.countries[c] for c in codes if c in world.countries]
               for side, codes in sides.items()}
    boxes = [main_box(c) for side in present.values() for c in side]
    view = view_box(boxes, world)
    vx, vy, vw, vh = view
    unit = vw / 400  # one "pixel" of a 400-wide rendering, for markers and labels

    parts = [f'<svg class="locator" viewBox="{vx} {vy} {vw} {vh}" role="img" '
             f'aria-label="{escape(a_name)} and {escape(b_name)} on a world map">',
             f'<rect class="sea" x="{vx}" y="{vy}" width="{vw}" height="{vh}"/>']
    for country in world.countries.values():
        if country.code in side_of or not _overlaps(country.box, view):
            continue
        parts.append(_shape(country, "land", unit))
    for side, name in (("a", a_name), ("b", b_name)):
        for country in present[side]:
            parts.append(_shape(country, f"land side-{side}", unit, title=name))
        if present[side] and _span([c.box for c in present[side]]) < 6 * unit:
            # too small to see at this zoom (Monaco beside France): ring it
            x0, y0, x1, y1 = _union([c.box for c in present[side]])
            parts.append(f'<circle class="ring side-{side}" cx="{(x0 + x1) / 2:.0f}" '
                         f'cy="{(y0 + y1) / 2:.0f}" r="{6 * unit:.1f}"/>')
    for side, name in (("a", a_name), ("b", b_name)):
        if present[side]:
            parts.append(_label(present[side], name, side, unit, view))
    parts.append("</svg>")
    return "".join(parts)


def _shape(country: Country, cls: str, unit: float, title: str | None = None) -> str:
    tip = f"<title>{escape(title)}</title>" if title else ""
    if country.kind == "point":
        x, y = country.box[0], country.box[1]
        return (f'<circle class="{cls}" data-code="{country.code}" cx="{x}" cy="{y}" '
                f'r="{3 * unit:.1f}">{tip}</circle>')
    return f'<path class="{cls}" data-code="{country.code}" d="{country.path}">{tip}</path>'


def _union(boxes: list[tuple[int, int, int, int]]) -> tuple[int, int, int, int]:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def _span(boxes: list[tuple[int, int, int, int]]) -> int:
    x0, y0, x1, y1 = _union(boxes)
    return max(x1 - x0, y1 - y0)


def _label(countries: list[Country], name: str, side: str, unit: float,
           view: tuple[int, int, int, int]) -> str:
    boxes = [main_box(c) for c in countries]
    areas = [(b[2] - b[0]) * (b[3] - b[1]) for b in boxes]
    x0, y0, x1, y1 = boxes[areas.index(max(areas))]
    vx, vy, vw, vh = view
    # keep the label inside the frame even when the state runs off it
    x = min(max((x0 + x1) / 2, vx + 30 * unit), vx + vw - 30 * unit)
    y = min(max((y0 + y1) / 2, vy + 12 * unit), vy + vh - 6 * unit)
    return (f'<text class="label label-{side}" x="{x:.0f}" y="{y:.0f}" '
            f'font-size="{11 * unit:.1f}" stroke-width="{3 * unit:.1f}">{escape(name)}</text>')
