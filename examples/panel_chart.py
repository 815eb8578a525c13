"""One pair's cooperation and conflict per year: from the knowledge base to a chart.

    .venv/bin/dyad ingest examples/burkina_faso-russia.txt
    .venv/bin/python examples/panel_chart.py "Burkina Faso" Russia -o bfa-rus.png

Needs pandas; draws the chart with matplotlib where it is installed (neither is a
dependency of dyad: ``pip install pandas matplotlib``), else prints the table. The
panel holds the pair's states as they were (Upper Volta and the Soviet Union before
Burkina Faso and Russia); their Correlates of War codes join the eras (439 and 365).
"""

from __future__ import annotations

import argparse
import sys

from dyad.kb import KnowledgeBase


def yearly(a: str, b: str, db: str) -> object:
    """Events per year between ``a`` and ``b`` (either direction, every era of each)."""
    with KnowledgeBase.open(db, create=False) as kb:
        panel = kb.panel(dyad=(a, b), undirected=True).to_pandas()
    panel["cooperation"] = panel.verbal_coop + panel.material_coop
    panel["conflict"] = panel.verbal_conflict + panel.material_conflict
    # one row per year and COW pair: the Soviet Union's rows and Russia's are one series
    return panel.groupby("year").agg(cooperation=("cooperation", "sum"),
                                     conflict=("conflict", "sum"),
                                     goldstein=("goldstein", "sum"),
                                     relations=("relations", "max"))


def draw(table: object, title: str, path: str) -> None:
    import matplotlib

    matplotlib.use("Agg")  # a file, no window
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 3.6))
    years = table.index
    ax.bar(years, table.cooperation, color="#2e7d32", label="cooperation (quad 1–2)")
    ax.bar(years, -table.conflict, color="#c62828", label="conflict (quad 3–4)")
    for n, year in enumerate(years[table.relations == 1]):
        ax.axvspan(year - 0.5, year + 0.5, color="#90a4ae", alpha=0.15, linewidth=0,
                   label="diplomatic relations" if n == 0 else None)
    ax.axhline(0, color="black", linewidth=0.6)
    ax.set_ylabel("events per year")
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize="small", frameon=False)
    fig.tight_layout()
    fig.savefig(path, dpi=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("--db", default="dyad.db")
    parser.add_argument("-o", "--output", default="pair.png")
    args = parser.parse_args()
    table = yearly(args.a, args.b, args.db)
    try:
        draw(table, f"{args.a}–{args.b} (and the states they continue): cooperation and "
                    "conflict", args.output)
    except ImportError:
        print(table.to_string())
        print("(pip install matplotlib to draw it)", file=sys.stderr)
        return
    print(f"{len(table)} years → {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
