"""Network centrality: hand-checked graphs, agreement with networkx, and real networks."""

from __future__ import annotations

import networkx as nx
import numpy as np
import polars as pl
import pytest

from detente.measures import network_centrality
from detente.measures._centrality import layer_centrality
from detente.store import Store


def test_star_and_path_by_hand() -> None:
    # Made-up star: hub 1 tied to 2, 3, 4 with weight 1. The hub lies on every path between
    # the three leaves: 3 of the (4 - 1)(4 - 2) / 2 = 3 pairs, betweenness 1.
    codes = np.array([1, 2, 3, 4])
    out = layer_centrality(codes, np.array([1, 1, 1]), np.array([2, 3, 4]), np.ones(3),
                           directed=False)
    assert out["strength"].tolist() == [3, 1, 1, 1]
    assert out["betweenness"].tolist() == pytest.approx([1, 0, 0, 0])
    # Star eigenvector: hub / leaf = sqrt(3) (leading eigenvalue sqrt(3)).
    assert out["eigenvector"][0] / out["eigenvector"][1] == pytest.approx(np.sqrt(3))
    # Directed: out- and in-strength split the supplier from the recipients.
    arms = layer_centrality(codes, np.array([1, 1]), np.array([2, 3]), np.array([2.0, 1.0]),
                            directed=True)
    assert arms["out_strength"].tolist() == [3, 0, 0, 0]
    assert arms["in_strength"].tolist() == [0, 2, 1, 0]


def test_agrees_with_networkx_on_a_real_layer(store: Store) -> None:
    table = network_centrality(store, years=2005)
    arms = table.filter(pl.col("layer") == "arms_transfer")
    from detente.engagements import multiplex_edges

    edges = pl.from_arrow(multiplex_edges(store, years=2005, instruments=["arms"]))
    graph = nx.Graph()
    graph.add_nodes_from(arms["ccode"].to_list())
    for r in edges.filter(pl.col("weight") > 0).iter_rows(named=True):
        w = graph.get_edge_data(r["ccode1"], r["ccode2"], {"weight": 0})["weight"]
        graph.add_edge(r["ccode1"], r["ccode2"], weight=w + r["weight"],
                       length=1 / (w + r["weight"]))
    # The network is disconnected; the leading eigenvector lives on the giant component.
    giant = graph.subgraph(max(nx.connected_components(graph), key=len))
    eig = nx.eigenvector_centrality_numpy(giant, weight="weight")
    between = nx.betweenness_centrality(graph, weight="length", normalized=True)
    for row in arms.iter_rows(named=True):
        assert row["eigenvector"] == pytest.approx(eig.get(row["ccode"], 0.0), abs=1e-6)
        assert row["betweenness"] == pytest.approx(between[row["ccode"]], abs=1e-9)


def test_real_networks(store: Store) -> None:
    table = network_centrality(store, years=(2005, 2006), betweenness=False)
    combined = table.filter((pl.col("layer") == "combined") & (pl.col("year") == 2005))
    assert combined.sort("eigenvector", descending=True)["ccode"][0] == 2
    assert combined["betweenness"].null_count() == combined.height
    # Peacekeeping data start in 2010: no rows for that layer in 2005.
    assert table.filter(pl.col("layer") == "peacekeeping").height == 0
    # Every member appears in every covered layer, tie-less states with strength 0.
    exercise = table.filter((pl.col("layer") == "exercise") & (pl.col("year") == 2005))
    assert exercise.height == combined.height and exercise["strength"].min() == 0
    # Undirected layers have no in/out split.
    assert exercise["out_strength"].null_count() == exercise.height


def test_ties_before_the_state_system_are_not_scored(store: Store) -> None:
    """ATOP begins in 1815, COW membership in 1816: 1815 has ties but no member states."""
    table = network_centrality(store, years=(1815, 1816), layers=("combined",),
                               betweenness=False)
    assert set(table["year"].to_list()) == {1816}
    empty = layer_centrality(np.empty(0, dtype=np.int64), np.empty(0), np.empty(0),
                             np.empty(0), directed=False)
    assert all(v.size == 0 for v in empty.values())
