"""The yearly multiplex defence network: one layer per instrument, and a combined weight.

Edges are state-to-state (COW codes) for a year. Each instrument's layer holds its summed
magnitude on the edge (``arms_transfer``: TIV millions supplier -> recipient; ``alliance``:
obligation types; ``exercise``: exercises together; ``peacekeeping``: missions both
contributed to, i.e. co-deployment; ``deployment``/``basing``: US personnel or spending;
``igo_comembership``: shared IGOs; user instruments: their magnitude).

Peacekeeping is contributor -> mission in the data. In the state-state network it enters as
**co-deployment**: an undirected edge between two contributors to the same mission in the
year, weighted by the number of missions they share (the contributor -> host flows are in
:func:`detente.panels.add_peacekeeping`).

Combined weight. Each layer is normalised to [0, 1] within the year by dividing by its
largest edge value that year (max normalisation), so a layer's strongest tie counts 1; the
combined weight is the weighted sum ``sum_k w_k * x_k / max_k`` over the layers present, with
weights ``w_k`` given as data (:data:`DEFAULT_WEIGHTS`, all 1 unless the caller passes
others). A directed layer contributes to the edge in its own direction; mutual layers are
stored once per pair (ccode1 < ccode2) and flagged ``mutual``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from detente.engagements._taxonomy import BY_ID, get_instrument

if TYPE_CHECKING:
    import networkx as nx

    from detente.store._store import Store

DEFAULT_INSTRUMENTS = ("alliance", "arms_transfer", "exercise", "peacekeeping")
ALIASES = {"arms": "arms_transfer", "exercises": "exercise", "alliances": "alliance",
           "pko": "peacekeeping", "igo": "igo_comembership", "visits": "defence_visit"}
DEFAULT_WEIGHTS: Mapping[str, float] = {i: 1.0 for i in BY_ID}


def instrument_ids(names: Sequence[str]) -> list[str]:
    """Instrument ids from names or aliases (``arms`` -> ``arm_transfer``); unknown is an error."""
    return [get_instrument(ALIASES.get(n.strip(), n.strip())).id for n in names if n.strip()]


def _layer_sql(instrument: str, where: str) -> str:
    directed = BY_ID[instrument].direction == "directed"
    if instrument == "peacekeeping":
        contrib = ("SELECT ccode1 AS c, actor2 AS m, year FROM all_engagements WHERE "
                   f"instrument = 'peacekeeping' AND ccode1 IS NOT NULL AND {where}")
        return (f"SELECT 'peacekeeping' AS instrument, a.c AS ccode1, b.c AS ccode2, a.year, "
                f"count(DISTINCT a.m)::DOUBLE AS magnitude, FALSE AS directed FROM ({contrib}) a "
                f"JOIN ({contrib}) b ON a.m = b.m AND a.year = b.year AND a.c < b.c GROUP BY ALL")
    if instrument == "exercise":  # count exercises, not rows from two datasets twice
        value = "count(DISTINCT event_id)::DOUBLE"
    else:
        value = "sum(magnitude)"
    if directed:
        ends = "ccode1, ccode2"
    else:
        ends = "least(ccode1, ccode2) AS ccode1, greatest(ccode1, ccode2) AS ccode2"
    return (f"SELECT '{instrument}' AS instrument, {ends}, year, {value} AS magnitude, "
            f"{str(directed).upper()} AS directed FROM all_engagements WHERE instrument = "
            f"'{instrument}' AND ccode1 IS NOT NULL AND ccode2 IS NOT NULL AND {where} "
            f"GROUP BY ALL")


def multiplex_edges(store: Store, *, years: tuple[int, int] | int | None = None,
                    instruments: Sequence[str] = DEFAULT_INSTRUMENTS,
                    weights: Mapping[str, float] | None = None,
                    exercise_source: str = "mme") -> pa.Table:
    """The multiplex edge list: one row per (year, instrument, ccode1, ccode2).

    Columns: ``year, instrument, ccode1, ccode2, directed, magnitude, normalised, weight``
    where ``normalised`` is the magnitude over the layer's largest edge that year and
    ``weight`` is ``normalised`` times the layer's weight. :func:`combined_edges` sums the
    weights per pair. ``exercise_source`` picks MME (default) or JME, which overlap.
    Computed in one DuckDB query; every covered year at once when ``years`` is None.
    """
    store.require("engagements")
    ids = instrument_ids(instruments)
    w = {**DEFAULT_WEIGHTS, **(weights or {})}
    if isinstance(years, int):
        years = (years, years)
    where = "year IS NOT NULL" + (f" AND year BETWEEN {int(years[0])} AND {int(years[1])}"
                                  if years else "")
    layers = []
    for i in ids:
        cond = where + (f" AND source_id IN ('{exercise_source}') OR instrument = 'exercise' "
                        f"AND source_id LIKE 'user:%' AND {where}" if i == "exercise" else "")
        layers.append(_layer_sql(i, f"({cond})"))
    weight_rows = ", ".join(f"('{k}', {float(v)})" for k, v in w.items())
    sql = (f"WITH e AS ({' UNION ALL '.join(layers)}), "
           f"w(instrument, w) AS (VALUES {weight_rows}) "
           f"SELECT e.year, e.instrument, e.ccode1, e.ccode2, e.directed, e.magnitude, "
           f"e.magnitude / nullif(max(e.magnitude) OVER (PARTITION BY e.year, e.instrument), 0) "
           f"AS normalised, normalised * w.w AS weight FROM e JOIN w USING (instrument) "
           f"ORDER BY e.year, e.instrument, e.ccode1, e.ccode2")
    return store.arrow(sql)


def combined_edges(edges: pa.Table) -> pa.Table:
    """Sum the weighted layers per (year, ccode1, ccode2) into ``combined_weight``."""
    import duckdb

    con = duckdb.connect()
    con.register("edges", edges)
    out = con.sql("SELECT year, ccode1, ccode2, sum(weight) AS combined_weight, "
                  "count(*) AS layers FROM edges GROUP BY ALL ORDER BY ALL").to_arrow_table()
    con.close()
    return out


def defence_network(store: Store, year: int, *,
                    instruments: Sequence[str] = DEFAULT_INSTRUMENTS,
                    weights: Mapping[str, float] | None = None) -> nx.MultiDiGraph:
    """The ``year``'s multiplex network as a :class:`networkx.MultiDiGraph`.

    Nodes are COW codes with ``name`` and ``iso3``; one edge per layer keyed by the
    instrument, with ``magnitude``, ``normalised``, ``weight`` and ``mutual``. Mutual layers
    appear as one edge from the lower to the higher code. The graph's ``combined`` attribute
    maps (ccode1, ccode2) to the combined weight; see the module docstring for the formula.
    """
    import networkx as nx

    edges = multiplex_edges(store, years=year, instruments=instruments, weights=weights)
    graph = nx.MultiDiGraph(year=year, instruments=",".join(instrument_ids(instruments)),
                            weights=json.dumps({**DEFAULT_WEIGHTS, **(weights or {})}))
    for code, name, iso3 in store.rows(
            "SELECT ccode, name, iso3 FROM state_codes WHERE year = ?", [year]):
        graph.add_node(int(code), name=name, iso3=iso3 or "")
    for r in edges.to_pylist():
        graph.add_edge(r["ccode1"], r["ccode2"], key=r["instrument"],
                       instrument=r["instrument"], magnitude=r["magnitude"],
                       normalised=r["normalised"], weight=r["weight"], mutual=not r["directed"])
    graph.graph["combined"] = {(r["ccode1"], r["ccode2"]): r["combined_weight"]
                               for r in combined_edges(edges).to_pylist()}
    return graph


def write_network(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write to ``.graphml`` or ``.json`` (node-link), chosen by the suffix."""
    import networkx as nx

    path = Path(path)
    if path.suffix.lower() == ".graphml":
        g = graph.copy()
        g.graph.pop("combined", None)
        nx.write_graphml(g, path)
    elif path.suffix.lower() == ".json":
        data = nx.node_link_data(graph, edges="edges")
        data["graph"]["combined"] = [{"ccode1": a, "ccode2": b, "combined_weight": w}
                                     for (a, b), w in graph.graph["combined"].items()]
        path.write_text(json.dumps(data))
    else:
        raise ValueError(f"{path}: write networks as .graphml or .json")
    return path
