"""The defence network of one year as node and link tables, laid out for drawing.

:func:`network_view` reads the multiplex edges (:func:`~detente.engagements.multiplex_edges`),
groups them into links (one per ordered pair, as :func:`~detente.engagements.combined_edges`:
directed layers such as arms transfers keep their direction, mutual layers run from the
lower to the higher code) carrying the combined weight and every layer's magnitude, and
gives each state its strength (the sum of the combined weights of its links, Barrat et al.
2004) and degree. Positions come from a force-directed layout (Fruchterman and Reingold
1991) that is deterministic: every state starts on a circle in COW-code order (which groups
regions: the Americas, Europe, Africa, the Middle East, Asia, Oceania) and the same number
of iterations runs, so the same data always give the same picture.

References
----------
.. [1] Fruchterman, Thomas M. J., and Edward M. Reingold. 1991. "Graph Drawing by
   Force-Directed Placement." Software: Practice and Experience 21(11): 1129-1164.
.. [2] Barrat, Alain, Marc Barthelemy, Romualdo Pastor-Satorras, and Alessandro Vespignani.
   2004. "The Architecture of Complex Weighted Networks." PNAS 101(11): 3747-3752.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from detente._errors import DetenteError
from detente.engagements._network import (
    DEFAULT_INSTRUMENTS,
    DEFAULT_WEIGHTS,
    instrument_ids,
    multiplex_edges,
)
from detente.engagements._taxonomy import BY_ID

if TYPE_CHECKING:
    from detente.store._store import Store

MAX_WEIGHT = 100.0
"""Largest layer weight accepted (weights are relative; 0 drops a layer)."""
LAYOUT_ITERATIONS = 50
SPACING = 2.0

_LINKS = """
SELECT ccode1, ccode2, sum(weight) AS combined_weight,
       list({'instrument': instrument, 'directed': directed, 'magnitude': magnitude,
             'normalised': normalised, 'weight': weight} ORDER BY instrument) AS layers
FROM edges GROUP BY ccode1, ccode2 ORDER BY ccode1, ccode2
"""

# System members of the year (COW membership ends in 2016: later years keep 2016's states,
# as the measures do), every state at either end of a link, and the name each had then.
_NODES = """
WITH members AS (
    SELECT ccode FROM state_codes
    WHERE year = least($year, (SELECT max(year) FROM state_codes))
), sides AS (
    SELECT ccode1 AS ccode, ccode2 AS other, instrument, weight FROM edges
    UNION ALL SELECT ccode2, ccode1, instrument, weight FROM edges
), totals AS (
    SELECT ccode, sum(weight) AS strength, count(DISTINCT other) AS degree FROM sides GROUP BY ccode
), layered AS (
    SELECT ccode, list({'instrument': instrument, 'strength': s} ORDER BY instrument) AS layers
    FROM (SELECT ccode, instrument, sum(weight) AS s FROM sides GROUP BY ALL) GROUP BY ccode
), names AS (
    SELECT ccode, arg_max(name, year) FILTER (WHERE year <= $year) AS name_then,
           arg_max(iso3, year) FILTER (WHERE year <= $year) AS iso3_then,
           arg_min(name, year) AS first_name, arg_min(iso3, year) AS first_iso3
    FROM state_codes GROUP BY ccode
)
SELECT c.ccode::INTEGER AS ccode, coalesce(n.name_then, n.first_name, c.ccode::VARCHAR) AS name,
       coalesce(n.iso3_then, n.first_iso3) AS iso3,
       c.ccode IN (SELECT ccode FROM members) AS member,
       coalesce(t.strength, 0)::DOUBLE AS strength, coalesce(t.degree, 0)::INTEGER AS degree,
       coalesce(l.layers, []) AS layer_strength
FROM (SELECT ccode FROM members UNION SELECT ccode FROM sides) c
LEFT JOIN names n USING (ccode) LEFT JOIN totals t USING (ccode) LEFT JOIN layered l USING (ccode)
ORDER BY c.ccode
"""


@dataclass(frozen=True)
class NetworkView:
    """One year's network: ``nodes`` (``ccode, name, iso3, member, strength, degree,
    layer_strength, x, y``; isolated states have no position) and ``links`` (``ccode1,
    ccode2, combined_weight, layers``), the layers and weights used, and the sources read."""

    year: int
    instruments: tuple[str, ...]
    weights: dict[str, float]
    nodes: pa.Table
    links: pa.Table
    layer_sources: dict[str, str | None]
    data_versions: dict[str, str]


def network_weights(instruments: Sequence[str], weights: Mapping[str, object] | None
                    ) -> dict[str, float]:
    """The weight of each chosen layer (default 1); a weight for a layer not chosen, or one
    that is not a number between 0 and :data:`MAX_WEIGHT`, is an error naming it."""
    ids = list(dict.fromkeys(instrument_ids(instruments)))
    given = dict(weights or {})
    out = {i: float(DEFAULT_WEIGHTS[i]) for i in ids}
    for key, value in given.items():
        name = instrument_ids([str(key)])[0]
        if name not in out:
            raise DetenteError(f"weight for {key!r}, which is not among the chosen instruments "
                               f"({', '.join(ids)})")
        if isinstance(value, bool) or not isinstance(value, int | float) \
                or not math.isfinite(value) or not 0 <= value <= MAX_WEIGHT:
            raise DetenteError(f"weight for {key!r} must be a number from 0 to {MAX_WEIGHT:g}, "
                               f"not {value!r}")
        out[name] = float(value)
    return out


def layer_sources(instruments: Sequence[str]) -> dict[str, str | None]:
    """The source of each layer as the network reads it (exercises: MME; user-entered
    instruments: none)."""
    out: dict[str, str | None] = {}
    for i in dict.fromkeys(instrument_ids(instruments)):
        feeds = [f for f in BY_ID[i].feeds if i != "exercise" or f.source_id == "mme"]
        out[i] = feeds[0].source_id if feeds else None
    return out


def layer_years(store: Store, instruments: Sequence[str]) -> dict[str, tuple[int, int]]:
    """First and last year of each chosen layer as the network reads it (exercises from MME;
    user-entered instruments over the years of their imports); layers without data are left
    out."""
    from detente.engagements._query import instrument_years

    out = {}
    for i, source in layer_sources(instruments).items():
        if source is None:
            found = instrument_years(store, i)
            if found is not None:
                out[i] = found
            continue
        tables = [f.table for f in BY_ID[i].feeds if f.source_id == source]
        rows = store.rows(
            "SELECT min(coverage_start), max(coverage_end) FROM provenance WHERE table_name IN "
            f"({', '.join('?' for _ in tables)}) AND coverage_start IS NOT NULL", tables) \
            if store.has_table("provenance") else [(None, None)]
        if rows[0][0] is not None:
            out[i] = (int(rows[0][0]), int(rows[0][1]))
    return out


def network_years(store: Store, instruments: Sequence[str]) -> tuple[int, int] | None:
    """First and last year any chosen layer covers (:func:`layer_years`); None if none."""
    spans = list(layer_years(store, instruments).values())
    if not spans:
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans)


def layout(codes: np.ndarray, src: np.ndarray, dst: np.ndarray, weight: np.ndarray,
           iterations: int = LAYOUT_ITERATIONS) -> np.ndarray:
    """Positions (``n x 2``, within [-1, 1]) of ``codes`` from a Fruchterman-Reingold layout
    of the undirected weighted graph; starts on a circle in code order, so it is
    deterministic."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(codes.tolist())
    for a, b, w in zip(src.tolist(), dst.tolist(), weight.tolist(), strict=True):
        previous = graph.get_edge_data(a, b, {"weight": 0.0})["weight"]
        graph.add_edge(a, b, weight=previous + w)
    angle = 2 * np.pi * np.arange(codes.size) / max(codes.size, 1)
    start = {int(c): (math.cos(t), math.sin(t)) for c, t in zip(codes, angle, strict=True)}
    if codes.size < 2:
        return np.zeros((codes.size, 2))
    # Spacing twice networkx's default keeps dense blocs (NATO, the OAU) legible.
    pos = nx.spring_layout(graph, pos=start, iterations=iterations, weight="weight", seed=0,
                           k=SPACING / math.sqrt(codes.size))
    return spread(np.array([pos[int(c)] for c in codes]))


def spread(xy: np.ndarray) -> np.ndarray:
    """Even out the distances from the centre (keeping every angle and the order of the
    distances): a few loosely tied states far out would otherwise squeeze the dense blocs
    into a corner of the drawing."""
    centred = xy - np.median(xy, axis=0)
    radius = np.hypot(centred[:, 0], centred[:, 1])
    order = np.argsort(np.argsort(radius, kind="stable"), kind="stable")
    target = np.sqrt((order + 1) / radius.size)  # uniform density over the disc
    scale = np.divide(target, radius, out=np.zeros_like(radius), where=radius > 0)
    return centred * scale[:, None]


def network_view(store: Store, year: int, *,
                 instruments: Sequence[str] = DEFAULT_INSTRUMENTS,
                 weights: Mapping[str, object] | None = None,
                 with_layout: bool = True) -> NetworkView:
    """The ``year``'s multiplex network as node and link tables (see the module docstring).

    ``instruments`` are ids or aliases (``arms``); ``weights`` maps chosen instruments to a
    weight from 0 to 100 (default 1) in the combined network. ``with_layout=False`` skips the
    positions.
    """
    store.require("state_codes")
    ids = list(dict.fromkeys(instrument_ids(instruments)))
    if not ids:
        raise DetenteError("choose at least one instrument")
    chosen = network_weights(ids, weights)
    edges = multiplex_edges(store, years=year, instruments=ids, weights=chosen)
    edges = edges.filter(pc.greater(edges["weight"], 0))  # weight 0 drops a layer
    cursor = store.con.cursor()
    try:
        cursor.register("edges", edges)
        links = cursor.sql(_LINKS).to_arrow_table()
        nodes = cursor.sql(_NODES, params={"year": year}).to_arrow_table()
    finally:
        cursor.close()
    x = np.full(nodes.num_rows, np.nan)
    y = np.full(nodes.num_rows, np.nan)
    if with_layout and links.num_rows:
        tied = nodes["degree"].to_numpy() > 0
        codes = nodes["ccode"].to_numpy()[tied]
        xy = layout(codes, links["ccode1"].to_numpy(), links["ccode2"].to_numpy(),
                    links["combined_weight"].to_numpy())
        x[tied], y[tied] = xy[:, 0], xy[:, 1]
    nodes = nodes.append_column("x", pa.array(x, mask=np.isnan(x))).append_column(
        "y", pa.array(y, mask=np.isnan(y)))
    sources = layer_sources(ids)
    tables = [f.table for i in ids for f in BY_ID[i].feeds
              if sources[i] is not None and f.source_id == sources[i]]
    return NetworkView(year, tuple(ids), chosen, nodes, links, sources,
                       store.data_versions([*tables, "cow_system"]))
