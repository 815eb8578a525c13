"""The network of states, read back with networkx from GraphML and GEXF."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from dyad.kb import KnowledgeBase
from dyad.kb.network import write_gexf, write_graphml
from tests.kb.analysts import analysts_records


@pytest.fixture
def kb(tmp_path: Path) -> Iterator[KnowledgeBase]:
    base = KnowledgeBase.open(str(tmp_path / "kb.db"))
    base.ingest_records(analysts_records())
    yield base
    base.close()


@pytest.mark.parametrize(("write", "read"), [(write_graphml, nx.read_graphml),
                                             (write_gexf, nx.read_gexf)])
def test_network_loads_in_networkx(kb: KnowledgeBase, tmp_path: Path, write, read) -> None:
    path = tmp_path / "states.xml"
    with path.open("wb") as out:
        write(kb.network(), out)
    graph = read(path)
    assert graph.is_directed()
    assert set(graph.nodes) == {"SUN", "MLI", "RUS", "FRA"}
    assert graph.nodes["SUN"]["cow"] == 365 and graph.nodes["RUS"]["cow"] == 365
    assert (graph.nodes["MLI"]["name"], graph.nodes["MLI"]["iso"]) == ("Mali", "MLI")
    sun_mli = graph.edges["SUN", "MLI"]
    assert (sun_mli["events"], sun_mli["verbal_coop"], sun_mli["material_coop"]) == (3, 2, 1)
    assert sun_mli["goldstein"] == pytest.approx(3 + 7.4 + 1)
    assert (sun_mli["first"], sun_mli["last"]) == ("1960-10-14", "1961-05")
    mli_sun = graph.edges["MLI", "SUN"]
    assert (mli_sun["events"], mli_sun["verbal_conflict"], mli_sun["goldstein"]) == (2, 1, 1.0)
    assert graph.edges["FRA", "MLI"]["material_conflict"] == 1  # the denied threat is no edge
    assert graph.edges["FRA", "MLI"]["events"] == 1
    assert float(graph.edges["SUN", "MLI"]["weight"]) == 3
    assert graph.number_of_edges() == 4


def test_min_confidence_and_dates_filter_edges(kb: KnowledgeBase) -> None:
    assert {(e.source, e.target) for e in kb.network(min_confidence=0.5).edges} == \
        {("SUN", "MLI"), ("MLI", "SUN"), ("RUS", "MLI")}
    assert [(e.source, e.target) for e in kb.network(start="2021").edges] == \
        [("FRA", "MLI"), ("RUS", "MLI")]
