"""The network page's figure and ranking: a :class:`~detente.engagements.NetworkView` drawn
as plotly traces (ties in three weight bands, states coloured by region and sized by
strength) and the strongest states with their strength in each layer."""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl

from detente.engagements import NetworkView, get_instrument
from detente.interfaces.links import source_href
from detente.interfaces.web.sections._figures import FONT, PALETTE

REGIONS = (("Americas", 0, 199), ("Europe", 200, 399), ("Africa", 400, 599),
           ("Middle East and North Africa", 600, 699), ("Asia", 700, 899),
           ("Oceania", 900, 999))
"""Regions by COW code range (the codebook's numbering groups states by region)."""
LABELLED = 10
"""States named on the drawing (the strongest); every state is named on hover."""


def layer_label(instrument: str) -> str:
    """``arms transfer`` for ``arms_transfer``: the instrument's short name."""
    return get_instrument(instrument).name.split(" (")[0].split(" and ")[0].lower()


def _pairs(view: NetworkView) -> pl.DataFrame:
    """Links as unordered pairs (a directed layer's two directions together)."""
    links = pl.from_arrow(view.links.select(["ccode1", "ccode2", "combined_weight"]))
    return links.select(pl.min_horizontal("ccode1", "ccode2").alias("a"),
                        pl.max_horizontal("ccode1", "ccode2").alias("b"),
                        "combined_weight").group_by("a", "b").agg(
        pl.col("combined_weight").sum().alias("w")).sort("a", "b")


def network_figure(view: NetworkView) -> dict[str, Any]:
    """The plotly figure (ties, then states, then labels); a state's ``customdata`` is its
    COW code and the year (null when it was not a system member then), so a click can open
    its country page up to that year."""
    nodes = pl.from_arrow(view.nodes).filter(pl.col("x").is_not_null())
    pairs = _pairs(view)
    where = {c: (x, y) for c, x, y in zip(nodes["ccode"], nodes["x"], nodes["y"], strict=True)}
    data: list[dict[str, Any]] = []
    if pairs.height:
        cuts = np.quantile(pairs["w"].to_numpy(), [0.5, 0.9])
        bands = (("weaker half of ties", pairs["w"] <= cuts[0], 0.5, 0.25),
                 ("stronger 40%", (pairs["w"] > cuts[0]) & (pairs["w"] <= cuts[1]), 1.0, 0.4),
                 ("strongest 10%", pairs["w"] > cuts[1], 2.2, 0.65))
        for label, mask, width, alpha in bands:
            band = pairs.filter(mask)
            xs: list[float | None] = []
            ys: list[float | None] = []
            for a, b in zip(band["a"], band["b"], strict=True):
                xs += [round(where[a][0], 4), round(where[b][0], 4), None]
                ys += [round(where[a][1], 4), round(where[b][1], 4), None]
            low, high = (band["w"].min(), band["w"].max()) if band.height else (0, 0)
            data.append({"type": "scatter", "mode": "lines", "x": xs, "y": ys,
                         "name": f"ties: {label} (combined weight {low:.2f}–{high:.2f})",
                         "line": {"color": f"rgba(60,70,85,{alpha})", "width": width},
                         "hoverinfo": "skip", "legendgroup": "ties"})
    top = float(nodes["strength"].max() or 1.0) if nodes.height else 1.0
    for i, (region, lo, hi) in enumerate(REGIONS):
        part = nodes.filter(pl.col("ccode").is_between(lo, hi))
        if not part.height:
            continue
        notes = [", ".join(f"{layer_label(layer['instrument'])} {layer['strength']:.2f}"
                           for layer in layers) for layers in part["layer_strength"]]
        data.append({
            "type": "scatter", "mode": "markers", "name": region,
            "x": [round(v, 4) for v in part["x"]], "y": [round(v, 4) for v in part["y"]],
            "customdata": [[c, view.year if m else None]
                           for c, m in zip(part["ccode"], part["member"], strict=True)],
            "text": [f"{n}{'' if m else ' (not a COW member)'}<br>strength {s:.2f} (linked to "
                     f"{d} states)<br>{note}" for n, m, s, d, note in zip(
                         part["name"], part["member"], part["strength"], part["degree"], notes,
                         strict=True)],
            "hovertemplate": "%{text}<extra></extra>",
            "marker": {"size": (4 + 18 * np.sqrt(part["strength"].to_numpy() / top)).round(1)
                       .tolist(), "color": PALETTE[i % len(PALETTE)],
                       "line": {"color": "white", "width": 0.8}, "opacity": 0.92},
        })
    named = nodes.sort("strength", descending=True).head(LABELLED)
    if named.height:
        data.append({"type": "scatter", "mode": "text", "x": named["x"].round(4).to_list(),
                     "y": named["y"].round(4).to_list(),
                     "text": [iso or name for iso, name in zip(named["iso3"], named["name"],
                                                              strict=True)],
                     "textposition": "top center", "textfont": {"size": 11, "color": "#1d232b"},
                     "hoverinfo": "skip", "showlegend": False, "name": "labels"})
    layers = ", ".join(layer_label(i) for i in view.instruments)
    axis = {"visible": False, "showgrid": False, "zeroline": False}
    return {"data": data, "layout": {
        "title": {"text": f"Defence network, {view.year}: {layers}", "x": 0, "xanchor": "left",
                  "font": {"size": 15}},
        "font": FONT, "height": 720, "margin": {"l": 8, "r": 8, "t": 48, "b": 90},
        "xaxis": axis, "yaxis": {**axis, "scaleanchor": "x", "scaleratio": 1},
        "plot_bgcolor": "white", "paper_bgcolor": "white", "hovermode": "closest",
        "dragmode": "pan",
        "legend": {"orientation": "h", "x": 0, "y": 0, "yanchor": "top", "font": {"size": 11},
                   "title": {"text": "Circle area: strength. Colour: region. "}}}}


def strongest(view: NetworkView, top: int = 25) -> list[dict[str, Any]]:
    """The ``top`` states by strength: name, code, strength, degree and each layer's
    strength, each number with the address of its source (the combined strength: the source
    of the state's largest layer)."""
    rows = pl.from_arrow(view.nodes).filter(pl.col("degree") > 0).sort(
        ["strength", "ccode"], descending=[True, False]).head(top)
    out = []
    for rank, r in enumerate(rows.iter_rows(named=True), start=1):
        by_layer = {layer["instrument"]: layer["strength"] for layer in r["layer_strength"]}
        largest = max(by_layer, key=lambda k: by_layer[k]) if by_layer else None
        out.append({"rank": rank, "ccode": r["ccode"], "name": r["name"],
                    "strength": r["strength"], "degree": r["degree"],
                    "href": _href(view, largest),
                    "layers": [{"instrument": i, "strength": by_layer.get(i, 0.0),
                                "href": _href(view, i)} for i in view.instruments]})
    return out


def _href(view: NetworkView, instrument: str | None) -> str | None:
    source = view.layer_sources.get(instrument) if instrument else None
    return source_href(source, view.data_versions.get(source)) if source else None
