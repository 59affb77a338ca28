"""Report: outcomes against noise, one line per strategy (plotly, a self-contained HTML file).

The HTML embeds plotly.js, so the report opens offline (air-gapped networks) from
``file://``. plotly is imported when a figure is made, not with the package.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from detente._errors import ModelInputError

if TYPE_CHECKING:
    import plotly.graph_objects as go

OUTCOMES: dict[str, str] = {
    "cooperation_rate": "Cooperation rate",
    "mutual_cooperation": "Mutual cooperation",
    "mean_escalation": "Mean escalation score (Rivera et al. 2024 scale)",
    "spirals_per_100_rounds": "Spirals per dyad per 100 rounds",
    "time_to_deescalation": "Time to de-escalation (rounds)",
    "payoff_per_round": "Payoff per round",
}
"""Outcome column -> axis title, in the order the report shows them."""


def noise_figure(table: pl.DataFrame, *, outcomes: Sequence[str] = tuple(OUTCOMES),
                 x: str = "noise", title: str | None = None) -> go.Figure:
    """Outcome against ``x`` (noise by default) for every strategy, one panel per outcome.

    ``table`` is a sweep's result (:func:`compare_strategies`); where a ``*_se`` column
    exists the points carry +/- 1.96 standard-error bars.
    """
    import plotly.graph_objects as go  # imported here: 0.4 s the CLI need not pay
    from plotly.subplots import make_subplots

    needed = {x, "strategy", *outcomes}
    missing = sorted(needed - set(table.columns))
    if missing:
        raise ModelInputError(f"table: missing column(s) {missing}; pass the table a sweep "
                              "returns (compare_strategies or sweep)")
    cols = 2 if len(outcomes) > 1 else 1
    rows = -(-len(outcomes) // cols)
    fig = make_subplots(rows=rows, cols=cols,
                        subplot_titles=[OUTCOMES.get(o, o) for o in outcomes])
    strategies = list(dict.fromkeys(table["strategy"].to_list()))
    palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
               "#7f7f7f", "#bcbd22", "#17becf"]
    for i, outcome in enumerate(outcomes):
        row, col = divmod(i, cols)
        for j, strategy in enumerate(strategies):
            part = table.filter(pl.col("strategy") == strategy).sort(x)
            se = f"{outcome}_se"
            error = (dict(type="data", array=(1.96 * part[se]).to_list(), visible=True)
                     if se in part.columns else None)
            fig.add_trace(go.Scatter(
                x=part[x].to_list(), y=part[outcome].to_list(), error_y=error,
                mode="lines+markers", name=strategy, legendgroup=strategy,
                showlegend=i == 0, line=dict(color=palette[j % len(palette)]),
            ), row=row + 1, col=col + 1)
        fig.update_xaxes(title_text=x.replace("_", " "), row=row + 1, col=col + 1)
    axis = "misperception noise" if x == "noise" else x.replace("_", " ")
    fig.update_layout(title=title or f"Outcomes against {axis}, by strategy",
                      height=330 * rows, template="plotly_white")
    return fig


def write_report(table: pl.DataFrame, path: str | Path, *,
                 outcomes: Sequence[str] = tuple(OUTCOMES), x: str = "noise",
                 title: str | None = None, notes: Mapping[str, str] | None = None) -> Path:
    """Write :func:`noise_figure` and the table to one offline HTML file; return its path.

    ``notes`` (e.g. a network's provenance) are listed under the figure.
    """
    path = Path(path)
    if path.suffix.lower() not in (".html", ".htm"):
        raise ModelInputError(f"path: write the report as .html, not {path.name!r}")
    fig = noise_figure(table, outcomes=outcomes, x=x, title=title)
    body = fig.to_html(full_html=False, include_plotlyjs=True)
    shown = [c for c in ("strategy", x, *outcomes) if c in table.columns]
    rows = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in r) + "</tr>"
                   for r in table.select(shown).iter_rows())
    head = "".join(f"<th>{html.escape(c)}</th>" for c in shown)
    listed = "".join(f"<li><b>{html.escape(k)}</b>: {html.escape(str(v))}</li>"
                     for k, v in (notes or {}).items())
    page = (f"<!doctype html><html><head><meta charset='utf-8'><title>"
            f"{html.escape(title or 'detente escalation report')}</title>"
            "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
            "td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}</style></head>"
            f"<body>{body}<ul>{listed}</ul><table><tr>{head}</tr>{rows}</table></body></html>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    return html.escape("" if value is None else str(value))
