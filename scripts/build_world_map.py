"""Build dyad/data/geo/world.tsv: one projected SVG path per country, keyed by ISO alpha-3.

Run at development time only; the generated file is committed, so a clean clone
needs neither npm nor network:

    cd /tmp && npm pack world-atlas@2 && tar xzf world-atlas-2.*.tgz
    .venv/bin/python scripts/build_world_map.py /tmp/package

Input: world-atlas 2 (Natural Earth Admin 0 countries, public domain, as TopoJSON;
world-atlas itself is ISC). Country shapes come from the 1:50m file, which keeps
Belgium or Lebanon recognisable when the locator map zooms in (1:110m does not);
a state absent at that scale (Tuvalu) gets a point, the centre of its largest
polygon at 1:10m. ISO 3166-1
numeric ids become alpha-3 codes through Debian's iso-codes (iso_3166-1.json).

Output rows: code, name, kind (shape|point), bounding box, and an SVG path of
integer relative moves on a Natural Earth I projection, Antarctica left out.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "dyad" / "data" / "gazetteer" / "states.tsv"
OUT = ROOT / "dyad" / "data" / "geo" / "world.tsv"
ISO_CODES = Path("/usr/share/iso-codes/json/iso_3166-1.json")

WIDTH = 8000  # user units across the map; paths use integer coordinates on this grid
SOUTH = -60.0  # latitude cut: nothing but Antarctica lies south of it
TOLERANCE = 1.0  # Douglas-Peucker tolerance in grid units
# Natural Earth features without an ISO id, drawn with the state dyad's gazetteer knows:
# Kosovo has its own (user-assigned) code; the unrecognised ones join the state the UN recognises.
UNKEYED = {"Kosovo": "XKX", "N. Cyprus": "CYP", "Somaliland": "SOM"}
ANTARCTICA = "010"
SHAPES = "50m"
POINTS = "10m"


def natural_earth(lon: float, lat: float) -> tuple[float, float]:
    """Natural Earth I projection (Šavrič, Jenny, Patterson, Petrovič, Hurni 2011), radians."""
    lam, phi = math.radians(lon), math.radians(lat)
    p2 = phi * phi
    p4 = p2 * p2
    x = lam * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)))
    y = phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)))
    return x, y


X_MAX = natural_earth(180.0, 0.0)[0]
Y_TOP = natural_earth(0.0, 90.0)[1]
Y_BOTTOM = natural_earth(0.0, SOUTH)[1]
SCALE = WIDTH / (2 * X_MAX)
HEIGHT = math.ceil((Y_TOP - Y_BOTTOM) * SCALE)


def project(lon: float, lat: float) -> tuple[float, float]:
    x, y = natural_earth(lon, lat)
    return (x + X_MAX) * SCALE, (Y_TOP - y) * SCALE


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON's delta-encoded, quantized arcs as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[int]:
    """Douglas-Peucker on one arc: the indices kept. Its ends stay, so shared borders still meet."""
    if len(points) < 3:
        return list(range(len(points)))
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        (x1, y1), (x2, y2) = points[i], points[j]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        best, far = -1.0, -1
        for k in range(i + 1, j):
            px, py = points[k]
            # a closed arc (an island) has equal ends: measure from the point instead
            d = (abs(dy * (px - x1) - dx * (py - y1)) / norm if norm
                 else math.hypot(px - x1, py - y1))
            if d > best:
                best, far = d, k
        if best > tolerance:
            keep[far] = True
            stack += [(i, far), (far, j)]
    return [i for i, k in enumerate(keep) if k]


LonLat = tuple[float, float]


def unwrap(points: list[LonLat], lon0: float | None = None) -> list[LonLat]:
    """Longitudes made continuous (179, -179 → 179, 181), starting near ``lon0`` when given."""
    out: list[LonLat] = []
    prev = lon0
    for lon, lat in points:
        if prev is not None:
            lon += 360 * round((prev - lon) / 360)
        out.append((lon, lat))
        prev = lon
    return out


def clip(ring: list[LonLat], edge: float, keep_below: bool) -> list[LonLat]:
    """Sutherland-Hodgman: the part of a ring on one side of the meridian ``edge``."""
    def inside(p: LonLat) -> bool:
        return p[0] <= edge if keep_below else p[0] >= edge

    out = []
    for k, cur in enumerate(ring):
        prev = ring[k - 1]
        if inside(cur) != inside(prev):
            t = (edge - prev[0]) / (cur[0] - prev[0])
            out.append((edge, prev[1] + t * (cur[1] - prev[1])))
        if inside(cur):
            out.append(cur)
    return out


def split_at_antimeridian(ring: list[LonLat]) -> list[list[LonLat]]:
    """A ring crossing ±180° (Chukotka, Fiji, Kiribati) as pieces each within -180..180."""
    lons = [p[0] for p in ring]
    if min(lons) >= -180 and max(lons) <= 180:
        return [ring]
    pieces = []
    for m in range(math.floor((min(lons) + 180) / 360), math.floor((max(lons) + 180) / 360) + 1):
        lo, hi = -180 + 360 * m, 180 + 360 * m
        piece = clip(clip(ring, hi, keep_below=True), lo, keep_below=False)
        if len(piece) >= 3:
            pieces.append([(lon - 360 * m, lat) for lon, lat in piece])
    return pieces


def ring_points(ring: list[int], arcs: list[list[LonLat]]) -> list[list[tuple[int, int]]]:
    """One ring of arcs, projected to grid points; several pieces where it crosses ±180°."""
    lonlat: list[LonLat] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        arc = unwrap(arc, lonlat[-1][0] if lonlat else None)
        lonlat += arc[1:] if lonlat else arc  # each arc starts where the previous one ended
    out = []
    for piece in split_at_antimeridian(lonlat):
        points: list[tuple[int, int]] = []
        for lon, lat in piece:
            x, y = project(lon, lat)
            p = (round(x), round(y))
            if not points or points[-1] != p:
                points.append(p)
        out.append(points)
    return out


def polygons_of(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def path_of(rings: list[list[tuple[int, int]]]) -> str:
    """Rings as one SVG path: an absolute move per ring, then relative lines."""
    parts = []
    for ring in rings:
        if len(ring) < 3:
            continue
        x, y = ring[0]
        steps = [f"M{x} {y}l"]
        coords = []
        for nx, ny in ring[1:]:
            coords.append(f"{nx - x} {ny - y}")
            x, y = nx, ny
        steps.append(" ".join(coords).replace(" -", "-"))
        parts.append("".join(steps) + "z")
    return "".join(parts)


def key_of(geometry: dict, iso: dict[str, str]) -> str | None:
    gid = geometry.get("id")
    if gid:
        return iso.get(gid)
    return UNKEYED.get(geometry["properties"]["name"])


def shapes(topo: dict, iso: dict[str, str]) -> dict[str, tuple[str, list[list[tuple[int, int]]]]]:
    arcs = []
    for arc in decode_arcs(topo):
        arc = unwrap(arc)
        # simplify on the projected shape (the projection takes any longitude), keep lon/lat
        kept = simplify([project(lon, lat) for lon, lat in arc], TOLERANCE)
        arcs.append([arc[i] for i in kept])
    out: dict[str, tuple[str, list[list[tuple[int, int]]]]] = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        if geometry.get("id") == ANTARCTICA:
            continue
        code = key_of(geometry, iso)
        if code is None:
            print(f"skipped unkeyed feature {geometry['properties']['name']}", file=sys.stderr)
            continue
        rings = [piece for poly in polygons_of(geometry) for ring in poly
                 for piece in ring_points(ring, arcs)]
        rings = [r for r in rings if len(r) >= 3]
        name, old = out.get(code, (geometry["properties"]["name"], []))
        out[code] = (name, old + rings)
    return out


def centre(topo: dict, code: str, iso: dict[str, str]) -> tuple[int, int] | None:
    """The vertex mean of a country's largest outer ring, projected."""
    arcs = decode_arcs(topo)
    for geometry in topo["objects"]["countries"]["geometries"]:
        if key_of(geometry, iso) != code:
            continue
        best: list[tuple[float, float]] = []
        for poly in polygons_of(geometry):
            ring = [pt for index in poly[0]
                    for pt in (arcs[index] if index >= 0 else arcs[~index][::-1])]
            if len(ring) > len(best):
                best = ring
        if best:
            lon = sum(p[0] for p in best) / len(best)
            lat = sum(p[1] for p in best) / len(best)
            x, y = project(lon, lat)
            return round(x), round(y)
    return None


def gazetteer_states() -> dict[str, tuple[str, str]]:
    """code → (name, status) of the gazetteer's states."""
    rows = [ln.rstrip("\n").split("\t") for ln in GAZETTEER.open(encoding="utf-8")
            if ln.strip() and not ln.startswith("#")]
    header = rows[0]
    col = {name: i for i, name in enumerate(header)}
    return {r[col["code"]]: (r[col["name"]], r[col["status"]]) for r in rows[1:]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("world_atlas", type=Path, help="unpacked world-atlas package folder")
    parser.add_argument("--iso-codes", type=Path, default=ISO_CODES,
                        help="Debian iso-codes iso_3166-1.json")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args()

    iso = {c["numeric"]: c["alpha_3"]
           for c in json.loads(args.iso_codes.read_text(encoding="utf-8"))["3166-1"]}
    atlas = {scale: json.loads((args.world_atlas / f"countries-{scale}.json").read_text())
             for scale in (SHAPES, POINTS)}
    version = json.loads((args.world_atlas / "package.json").read_text())["version"]

    rows = []
    for code, (name, rings) in sorted(shapes(atlas[SHAPES], iso).items()):
        if not rings:  # every ring simplified away: too small to draw at this scale
            continue
        xs = [x for r in rings for x, _ in r]
        ys = [y for r in rings for _, y in r]
        rows.append((code, name, "shape", min(xs), min(ys), max(xs), max(ys), path_of(rings)))
    have = {r[0] for r in rows}
    for code, (name, status) in sorted(gazetteer_states().items()):
        if code in have or status == "former":
            continue
        point = centre(atlas[SHAPES], code, iso) or centre(atlas[POINTS], code, iso)
        if point is None:
            print(f"no shape or point for {code} {name}", file=sys.stderr)
            continue
        x, y = point
        rows.append((code, name, "point", x, y, x, y, ""))

    header = [
        f"# source: Natural Earth Admin 0 countries (public domain) via npm world-atlas@{version}"
        f" (ISC): shapes from countries-{SHAPES}.json; states absent there are points from"
        f" countries-{POINTS}.json. ISO 3166-1 numeric to alpha-3 from Debian"
        " iso-codes. Generated by scripts/build_world_map.py; do not edit by hand.",
        f"# projection: Natural Earth I; viewBox 0 0 {WIDTH} {HEIGHT}; south of {SOUTH:g}°"
        " (Antarctica) left out; paths are integer relative moves.",
        "code\tname\tkind\tx0\ty0\tx1\ty1\tpath",
    ]
    lines = header + ["\t".join(str(v) for v in row) for row in sorted(rows)]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    size = args.output.stat().st_size
    print(f"{args.output}: {len(rows)} countries, {size} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
