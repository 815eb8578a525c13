"""States and the events between them as a directed network, in GraphML or GEXF.

Nodes are states (name, iso, cow); an edge goes from actor to recipient (see
dyad.kb.pairs) with its event count (also as ``weight``, which Gephi draws), counts per
quad class, Goldstein sum, and the first and last event's date as written. Both
formats load in networkx (``read_graphml``, ``read_gexf``) and in Gephi. Written with
the standard library's XML: no graph package is needed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from dyad.kb import countries
from dyad.kb.pairs import QUAD_COLUMNS, directed_pairs, quad_column

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS = "http://www.gexf.net/1.2draft"  # the namespace networkx and Gephi read

NODE_ATTRIBUTES = (("name", "string"), ("iso", "string"), ("cow", "int"))
EDGE_ATTRIBUTES = (("events", "int"), *((q, "int") for q in QUAD_COLUMNS),
                   ("goldstein", "double"), ("first", "string"), ("last", "string"))


@dataclass
class Edge:
    source: str
    target: str
    events: int = 0
    quads: dict[str, int] = field(default_factory=dict)
    goldstein: float = 0.0
    first: str | None = None
    last: str | None = None

    def attributes(self) -> dict[str, Any]:
        return {"events": self.events, **{q: self.quads.get(q, 0) for q in QUAD_COLUMNS},
                "goldstein": round(self.goldstein, 3), "first": self.first,
                "last": self.last}


@dataclass
class Network:
    nodes: dict[str, dict[str, Any]]  # code → name, iso, cow
    edges: list[Edge]


def build_network(events: Iterable[dict[str, Any]],
                  keep: Callable[[str, str], bool] | None = None) -> Network:
    """The network of ``events`` (already filtered); ``keep`` says which edges to keep."""
    edges: dict[tuple[str, str], Edge] = {}
    for record in events:
        when = record.get("date") or {}
        date = when.get("start") or when.get("end")
        for a, b in directed_pairs(record):
            if keep is not None and not keep(a, b):
                continue
            edge = edges.setdefault((a, b), Edge(a, b))
            edge.events += 1
            quad = quad_column(record.get("quad_class"))
            if quad:
                edge.quads[quad] = edge.quads.get(quad, 0) + 1
            if isinstance(record.get("goldstein"), int | float):
                edge.goldstein += record["goldstein"]
            if date:
                edge.first = min(edge.first or date, date)
                edge.last = max(edge.last or date, date)
    codes = sorted({c for pair in edges for c in pair})
    nodes = {c: {"name": countries.name_of(c), "iso": c, "cow": countries.cow_of(c)}
             for c in codes}
    return Network(nodes, [edges[k] for k in sorted(edges)])


def write_graphml(network: Network, out: BinaryIO) -> None:
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    keys: dict[tuple[str, str], str] = {}
    for scope, attributes in (("node", NODE_ATTRIBUTES),
                              ("edge", (*EDGE_ATTRIBUTES, ("weight", "int")))):
        for name, kind in attributes:
            key = keys[(scope, name)] = f"{scope[0]}_{name}"
            ET.SubElement(root, f"{{{GRAPHML_NS}}}key", {
                "id": key, "for": scope, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"id": "dyad",
                                                           "edgedefault": "directed"})
    for code, attrs in network.nodes.items():
        node = ET.SubElement(graph, f"{{{GRAPHML_NS}}}node", {"id": code})
        _graphml_data(node, keys, "node", attrs)
    for n, edge in enumerate(network.edges):
        element = ET.SubElement(graph, f"{{{GRAPHML_NS}}}edge", {
            "id": f"e{n}", "source": edge.source, "target": edge.target})
        _graphml_data(element, keys, "edge", {**edge.attributes(), "weight": edge.events})
    _write(root, out)


def _graphml_data(element: ET.Element, keys: dict[tuple[str, str], str], scope: str,
                  attrs: dict[str, Any]) -> None:
    for name, value in attrs.items():
        if value is not None:  # a missing value (no COW code, no dated event) is left out
            data = ET.SubElement(element, f"{{{GRAPHML_NS}}}data", {"key": keys[(scope, name)]})
            data.text = str(value)


def write_gexf(network: Network, out: BinaryIO) -> None:
    ET.register_namespace("", GEXF_NS)
    root = ET.Element(f"{{{GEXF_NS}}}gexf", {"version": "1.2"})
    meta = ET.SubElement(root, f"{{{GEXF_NS}}}meta")
    ET.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "dyad"
    graph = ET.SubElement(root, f"{{{GEXF_NS}}}graph", {"defaultedgetype": "directed",
                                                       "mode": "static"})
    ids: dict[tuple[str, str], str] = {}
    for scope, attributes in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)):
        block = ET.SubElement(graph, f"{{{GEXF_NS}}}attributes", {"class": scope,
                                                                 "mode": "static"})
        for n, (name, kind) in enumerate(attributes):
            ids[(scope, name)] = str(n)
            ET.SubElement(block, f"{{{GEXF_NS}}}attribute", {
                "id": str(n), "title": name, "type": "integer" if kind == "int" else kind})
    nodes = ET.SubElement(graph, f"{{{GEXF_NS}}}nodes")
    for code, attrs in network.nodes.items():
        node = ET.SubElement(nodes, f"{{{GEXF_NS}}}node", {"id": code,
                                                           "label": attrs["name"] or code})
        _gexf_values(node, ids, "node", attrs)
    edges = ET.SubElement(graph, f"{{{GEXF_NS}}}edges")
    for n, edge in enumerate(network.edges):
        element = ET.SubElement(edges, f"{{{GEXF_NS}}}edge", {
            "id": str(n), "source": edge.source, "target": edge.target,
            "weight": str(edge.events)})
        _gexf_values(element, ids, "edge", edge.attributes())
    _write(root, out)


def _gexf_values(element: ET.Element, ids: dict[tuple[str, str], str], scope: str,
                 attrs: dict[str, Any]) -> None:
    values = ET.SubElement(element, f"{{{GEXF_NS}}}attvalues")
    for name, value in attrs.items():
        if value is not None:
            ET.SubElement(values, f"{{{GEXF_NS}}}attvalue", {"for": ids[(scope, name)],
                                                             "value": str(value)})


def _write(root: ET.Element, out: BinaryIO) -> None:
    ET.indent(root)
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)
