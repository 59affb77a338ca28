"""Plotly figure specifications (plain JSON dicts), shared by the dashboard and the reports.

Every figure names its years in the title, its units on the axes, and has a legend when it
shows more than one series.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13}
PALETTE = ("#1f4e79", "#c0504d", "#4f8f3a", "#8064a2", "#d98c1f", "#2b8c9e", "#7f7f7f")


def layout(title: str, *, x_title: str = "Year", y_title: str = "", height: int = 320,
           **extra: Any) -> dict[str, Any]:
    """The house layout: title with the years, axis titles with units, legend below."""
    base: dict[str, Any] = {
        "title": {"text": title, "x": 0, "xanchor": "left", "font": {"size": 15}},
        "font": FONT, "height": height, "margin": {"l": 64, "r": 16, "t": 48, "b": 48},
        "xaxis": {"title": {"text": x_title}, "gridcolor": "#eee", "tickformat": "d"},
        "yaxis": {"title": {"text": y_title}, "gridcolor": "#eee", "rangemode": "tozero"},
        "plot_bgcolor": "white", "paper_bgcolor": "white", "hovermode": "x unified",
    }
    if extra.get("showlegend", True):
        base["margin"]["b"] = 96
        base["legend"] = {"orientation": "h", "y": -0.32, "x": 0}
    base.update(extra)
    return base


def span_label(years: Sequence[int]) -> str:
    """``1946-2012`` (or one year) for figure titles."""
    if not years:
        return ""
    return f"{years[0]}" if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


def _year_axis(figure: dict[str, Any], x: Sequence[int]) -> dict[str, Any]:
    """Whole years on the x axis: one tick per year when there are few of them."""
    if x and max(x) - min(x) <= 12:
        figure["layout"]["xaxis"]["dtick"] = 1
    return figure


def counts_axis(figure: dict[str, Any]) -> dict[str, Any]:
    """Whole numbers on the y axis (states, years): no 0.5 ticks when counts are small."""
    values = [v for trace in figure["data"] for v in trace["y"] if v is not None]
    figure["layout"]["yaxis"]["tickformat"] = "d"
    if not values or max(values) <= 10:
        figure["layout"]["yaxis"]["dtick"] = 1
    return figure


def lines(x: Sequence[int], series: dict[str, Sequence[float | None]], title: str,
          y_title: str, *, hover: str = ".4f", **extra: Any) -> dict[str, Any]:
    """A line chart, one trace per series, nulls left as gaps."""
    data = [{"type": "scatter", "mode": "lines", "name": name, "x": list(x), "y": list(y),
             "line": {"color": PALETTE[i % len(PALETTE)], "width": 2},
             "hovertemplate": f"%{{y:{hover}}}<extra>{name}</extra>"}
            for i, (name, y) in enumerate(series.items())]
    return _year_axis({"data": data, "layout": layout(title, y_title=y_title,
                                                      showlegend=len(data) > 1, **extra)}, x)


def bars(x: Sequence[int], series: dict[str, Sequence[float | None]], title: str,
         y_title: str, *, stacked: bool = False, **extra: Any) -> dict[str, Any]:
    """A bar chart by year, one trace per series (grouped, or stacked)."""
    data = [{"type": "bar", "name": name, "x": list(x), "y": list(y),
             "marker": {"color": PALETTE[i % len(PALETTE)]},
             "hovertemplate": f"%{{y}}<extra>{name}</extra>"}
            for i, (name, y) in enumerate(series.items())]
    return _year_axis({"data": data, "layout": layout(
        title, y_title=y_title, showlegend=len(data) > 1,
        barmode="stack" if stacked else "group", **extra)}, x)


SEQUENTIAL = ("#fff7bc", "#fee391", "#fec44f", "#fe9929", "#ec7014", "#cc4c02", "#8c2d04")


def quantile_colorscale(values: Sequence[float]) -> list[list[float | str]]:
    """A colour scale whose steps sit at the values' quantiles (from 0 to the maximum).

    Indices like CINC are very skewed (a few states hold most capability); evenly spaced
    colours would paint almost every state the same. The colour bar still reads in the
    measure's own units.
    """
    import numpy as np

    finite = np.asarray([v for v in values if v is not None], dtype=float)
    top = float(finite.max()) if finite.size else 0.0
    if top <= 0:
        return [[0.0, SEQUENTIAL[0]], [1.0, SEQUENTIAL[-1]]]
    quantiles = np.quantile(finite, np.linspace(0, 1, len(SEQUENTIAL))) / top
    quantiles[0], quantiles[-1] = 0.0, 1.0
    stops = np.maximum.accumulate(np.clip(quantiles, 0.0, 1.0))
    return [[float(q), c] for q, c in zip(stops, SEQUENTIAL, strict=True)]


def choropleth(geojson: dict[str, Any] | None, iso3: Sequence[str], values: Sequence[float],
               names: Sequence[str], title: str, unit: str, *,
               highlight: str | None = None) -> dict[str, Any]:
    """A world map of ``values`` by ISO3 over ``geojson`` outlines (no topojson needed).

    Countries without a value are drawn grey by a first trace, so "no data" is visible
    rather than absent (and says so on hover). The dashboard strips ``geojson`` from the
    traces it sends and attaches the outlines it fetched once, so moving the year slider does
    not resend them.
    """
    with_value = set(iso3)
    features = [f for f in (geojson["features"] if geojson else [])
                if f["id"] not in with_value]
    base = {"type": "choropleth", "locationmode": "geojson-id", "geojson": geojson,
            "locations": [f["id"] for f in features], "z": [0] * len(features),
            "showscale": False, "text": [f["properties"]["name"] for f in features],
            "hovertemplate": "%{text}: no data<extra></extra>",
            "colorscale": [[0, "#e4e4e4"], [1, "#e4e4e4"]],
            "marker": {"line": {"color": "#ffffff", "width": 0.5}}, "name": "no data"}
    values_trace = {
        "type": "choropleth", "locationmode": "geojson-id", "geojson": geojson,
        "locations": list(iso3), "z": list(values), "text": list(names),
        "colorscale": quantile_colorscale(values), "zmin": 0, "zmax": max(values, default=1),
        "marker": {"line": {"color": "#ffffff", "width": 0.5}},
        "colorbar": {"title": {"text": unit, "side": "right"}, "thickness": 14, "len": 0.8,
                     "ticks": "outside"},
        "hovertemplate": "%{text}<br>%{z:.4f}<extra></extra>", "name": title,
    }
    data = [base, values_trace]
    if highlight is not None:
        data.append({"type": "choropleth", "locationmode": "geojson-id", "geojson": geojson,
                     "locations": [highlight], "z": [1], "showscale": False,
                     "colorscale": [[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
                     "marker": {"line": {"color": "#1f4e79", "width": 2.5}},
                     "hoverinfo": "skip", "name": "selected"})
    geo = {"projection": {"type": "natural earth", "rotation": {"lon": 0}},
           "center": {"lon": 0}, "showframe": False, "showcoastlines": False,
           "showland": False, "showcountries": False, "showocean": False,
           "showlakes": False, "showrivers": False, "showsubunits": False,
           "lataxis": {"range": [-58, 85]}, "bgcolor": "white"}
    return {"data": data, "layout": {
        "title": {"text": title, "x": 0, "xanchor": "left", "font": {"size": 15}},
        "font": FONT, "geo": geo, "height": 440, "margin": {"l": 0, "r": 0, "t": 40, "b": 0},
        "paper_bgcolor": "white", "showlegend": False}}
