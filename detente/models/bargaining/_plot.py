"""Figures: positions over rounds, and forecasts of scenarios side by side (plotly)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import plotly.graph_objects as go
import polars as pl

from detente.models._base import Result


def positions_figure(result: Result, *, title: str | None = None) -> go.Figure:
    """Each actor's position by round, with the median and mean forecasts as dashed lines.

    ``result`` is a run of :class:`ExpectedUtilityBargaining`. The data versions the inputs
    came from are stamped under the title.
    """
    fig = go.Figure()
    for (actor,), rows in result.table.group_by("actor", maintain_order=True):
        fig.add_trace(go.Scatter(x=rows["round"].to_list(), y=rows["position"].to_list(),
                                 mode="lines+markers", name=str(actor)))
    forecasts = result.tables["forecasts"]
    for column, dash in (("median", "dash"), ("mean", "dot")):
        fig.add_trace(go.Scatter(x=forecasts["round"].to_list(), y=forecasts[column].to_list(),
                                 mode="lines", name=f"forecast: {column}",
                                 line={"color": "black", "dash": dash, "width": 3}))
    issue = result.summary.get("issue") or "issue"
    versions = ", ".join(f"{k} {v}" for k, v in result.data_versions.items())
    subtitle = f"<br><sup>{versions}</sup>" if versions else ""
    fig.update_layout(title=(title or f"{issue}: positions by round") + subtitle,
                      xaxis_title="round", yaxis_title="position", template="plotly_white",
                      legend_title="actor")
    return fig


def forecasts_figure(results: Mapping[str, Result], *, column: str = "median") -> go.Figure:
    """The ``column`` forecast ("median" or "mean") by round for several runs (scenarios)."""
    fig = go.Figure()
    for name, result in results.items():
        f: pl.DataFrame = result.tables["forecasts"]
        fig.add_trace(go.Scatter(x=f["round"].to_list(), y=f[column].to_list(),
                                 mode="lines+markers", name=name))
    fig.update_layout(title=f"{column} forecast by round", xaxis_title="round",
                      yaxis_title="position", template="plotly_white", legend_title="scenario")
    return fig


def write_html(fig: go.Figure, path: str | Path) -> Path:
    """Write ``fig`` as one self-contained HTML file (plotly.js embedded: works offline)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.write_html(path, include_plotlyjs=True, full_html=True)
    return path
