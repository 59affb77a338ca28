"""Defence-network centrality: each state's position in the yearly multiplex network.

For every year and every layer of :func:`detente.engagements.multiplex_edges` (alliance,
arms transfers, exercises, peacekeeping co-deployment, ...), and for the combined network,
three standard measures on the layer's normalised edge weights (each layer's strongest tie
that year weighs 1):

- **strength** (Barrat et al. 2004): the sum of a state's edge weights. On directed layers
  (arms transfers: supplier -> recipient) also ``out_strength`` (what it supplies) and
  ``in_strength`` (what it receives).
- **eigenvector centrality** (Bonacich 1972): the leading eigenvector of the symmetric
  weighted adjacency matrix ``A + A^T``, scaled to unit length and made non-negative; a
  state is central when it is tied to central states. Computed with a dense symmetric
  eigensolver for the leading pair only (``scipy.linalg.eigh``), exact rather than iterated.
- **betweenness** (Freeman 1977, Brandes 2001): the share of shortest paths between other
  states that pass through the state, on the undirected layer with edge length
  ``1 / weight`` (Opsahl, Agneessens and Skvoretz 2010: strong ties are short), normalised
  by ``(n - 1)(n - 2) / 2``. Computed with igraph's Brandes implementation, which treats
  path lengths equal within a small tolerance as ties (weights such as 1/3 + 1/3 and 2/3 then
  count as equally short, as they should; exact floating-point comparison would not).
  ``betweenness=False`` skips it.

The combined network sums each pair's layer weights (:func:`detente.engagements.combined_edges`),
so its strength counts a pair tied in three layers three times as much as a pair tied in one.
A system member with no tie in a layer has strength 0 and eigenvector 0 in that layer; a year
outside a layer's coverage has no rows for it.

References
----------
.. [1] Bonacich, Phillip. 1972. "Factoring and Weighting Approaches to Status Scores and
   Clique Identification." Journal of Mathematical Sociology 2(1): 113-120.
.. [2] Barrat, Alain, Marc Barthelemy, Romualdo Pastor-Satorras, and Alessandro Vespignani.
   2004. "The Architecture of Complex Weighted Networks." PNAS 101(11): 3747-3752.
.. [3] Brandes, Ulrik. 2001. "A Faster Algorithm for Betweenness Centrality." Journal of
   Mathematical Sociology 25(2): 163-177.
.. [4] Opsahl, Tore, Filip Agneessens, and John Skvoretz. 2010. "Node Centrality in Weighted
   Networks: Generalizing Degree and Shortest Paths." Social Networks 32(3): 245-251.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING

import igraph
import numpy as np
import polars as pl
import scipy.linalg
from threadpoolctl import ThreadpoolController

from detente.engagements import DEFAULT_INSTRUMENTS, combined_edges, multiplex_edges

if TYPE_CHECKING:
    from detente.store._store import Store

COMBINED = "combined"
CENTRALITY_COLUMNS = ("strength", "out_strength", "in_strength", "eigenvector", "betweenness")


@cache
def _threads() -> ThreadpoolController:
    """The loaded thread pools, found once (``threadpool_limits`` rescans every call)."""
    return ThreadpoolController()


def layer_centrality(codes: np.ndarray, src: np.ndarray, dst: np.ndarray, weight: np.ndarray,
                     *, directed: bool, betweenness: bool = True) -> dict[str, np.ndarray]:
    """Centrality of every state in ``codes`` in one weighted layer.

    ``src``/``dst`` are COW codes of the edges (each pair once; for a directed layer in its
    direction), ``weight`` their weights. Returns arrays aligned with ``codes``.
    """
    n = codes.size
    if n == 0:
        return {name: np.empty(0) for name in CENTRALITY_COLUMNS}
    index = np.searchsorted(codes, src), np.searchsorted(codes, dst)
    matrix = np.zeros((n, n))
    np.add.at(matrix, index, weight)
    out_strength = matrix.sum(axis=1)
    in_strength = matrix.sum(axis=0)
    symmetric = matrix + matrix.T
    strength = out_strength + in_strength
    with _threads().limit(limits=1, user_api="blas"):  # small matrices: threads only wait
        values, vectors = scipy.linalg.eigh(symmetric, subset_by_index=[n - 1, n - 1])
    lead = np.abs(vectors[:, 0]) if values[0] > 0 else np.zeros(n)
    out = {
        "strength": strength,
        "out_strength": out_strength if directed else np.full(n, np.nan),
        "in_strength": in_strength if directed else np.full(n, np.nan),
        "eigenvector": lead / (np.linalg.norm(lead) or 1.0),
        "betweenness": np.full(n, np.nan),
    }
    if betweenness and n > 2:
        i, j = np.nonzero(np.triu(symmetric, 1))
        graph = igraph.Graph(n=n, edges=np.column_stack([i, j]).tolist(), directed=False)
        raw = np.asarray(graph.betweenness(weights=(1.0 / symmetric[i, j]).tolist()))
        out["betweenness"] = raw / ((n - 1) * (n - 2) / 2)
    return out


def network_centrality(
    store: Store,
    *,
    years: tuple[int, int] | int,
    instruments: Sequence[str] = DEFAULT_INSTRUMENTS,
    weights: Mapping[str, float] | None = None,
    betweenness: bool = True,
    states: Sequence[int] | None = None,
    layers: Sequence[str] | None = None,
) -> pl.DataFrame:
    """Centrality of every system member, per year and layer (and ``"combined"``).

    Parameters
    ----------
    years
        A year or an inclusive range.
    instruments, weights
        Layers of the multiplex network and their weights in the combined network
        (:func:`detente.engagements.multiplex_edges`).
    betweenness
        Compute betweenness (about 0.1-0.5 s per year and layer); off gives nulls.
    states
        Restrict the network to these states (ties to others are dropped).
    layers
        Compute only these layers (instrument ids, or ``"combined"``); default every layer
        and the combined network.

    Returns
    -------
    polars.DataFrame
        ``ccode, year, layer`` and :data:`CENTRALITY_COLUMNS`. See the module docstring.
    """
    span = (years, years) if isinstance(years, int) else years
    raw = multiplex_edges(store, years=span, instruments=instruments, weights=weights)
    edges, combined = pl.from_arrow(raw), pl.from_arrow(combined_edges(raw))
    members = pl.from_arrow(store.arrow(
        "SELECT ccode, year FROM state_codes WHERE year BETWEEN ? AND ?", list(span)))
    last = store.rows("SELECT max(year) FROM state_codes")[0][0]
    if span[1] > last:  # membership ends with the COW data: states alive then carry on
        carried = members.filter(pl.col("year") == last) if span[0] <= last else pl.from_arrow(
            store.arrow("SELECT ccode, year FROM state_codes WHERE year = ?", [last]))
        members = pl.concat([members, *[carried.with_columns(pl.lit(y, pl.Int32).alias("year"))
                                        for y in range(max(last + 1, span[0]), span[1] + 1)]])
    if states is not None:
        keep = list(states)
        members = members.filter(pl.col("ccode").is_in(keep))
        edges = edges.filter(pl.col("ccode1").is_in(keep) & pl.col("ccode2").is_in(keep))
        combined = combined.filter(pl.col("ccode1").is_in(keep) & pl.col("ccode2").is_in(keep))
    frames = []
    chosen = [(name, block) for (name,), block in edges.partition_by("instrument", as_dict=True).items()]
    chosen.append((COMBINED, combined.rename({"combined_weight": "weight"})
                   .with_columns(pl.lit(False).alias("directed"))))
    if layers is not None:
        chosen = [(name, block) for name, block in chosen if name in layers]
    for layer, block in chosen:  # one step per layer and year: each is a small graph
        for (year,), part in block.partition_by("year", as_dict=True).items():
            codes = np.sort(members.filter(pl.col("year") == year)["ccode"].to_numpy())
            if codes.size == 0:  # ties before the state system begins (ATOP's 1815)
                continue
            inside = np.isin(part["ccode1"].to_numpy(), codes) & np.isin(part["ccode2"].to_numpy(), codes)
            part = part.filter(pl.Series(inside) & (pl.col("weight") > 0))
            scores = layer_centrality(codes, part["ccode1"].to_numpy(), part["ccode2"].to_numpy(),
                                      part["weight"].to_numpy(), directed=bool(part["directed"].any()),
                                      betweenness=betweenness)
            frames.append(pl.DataFrame({"ccode": codes.astype(np.int32), "year": year,
                                        "layer": layer, **scores}).fill_nan(None))
    if not frames:
        return pl.DataFrame(schema={"ccode": pl.Int32, "year": pl.Int32, "layer": pl.String,
                                    **{c: pl.Float64 for c in CENTRALITY_COLUMNS}})
    return pl.concat(frames).with_columns(pl.col("year").cast(pl.Int32)).sort(
        "year", "layer", "ccode")
