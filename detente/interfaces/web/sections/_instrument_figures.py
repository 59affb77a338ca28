"""Figures for the instrument sections: small multiples (one panel per instrument, each in
its own unit), a rank line with its interval, and source links resolved from the store."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from detente.interfaces.web.sections._figures import FONT, PALETTE, layout
from detente.interfaces.web.sections._view import SourceLink
from detente.sources import SOURCES
from detente.store import Store

Series = dict[str, tuple[Sequence[int], Sequence[float | None], Sequence[str] | None]]
"""Traces of one panel: label -> (years, values, hover notes or None)."""


def loaded_link(store: Store, source_id: str) -> SourceLink | None:
    """The source's entry on /sources at its loaded version (None for user entries)."""
    if source_id not in SOURCES:
        return None
    return SourceLink.of(source_id, store.loaded().get(source_id))


def facets(panels: Sequence[tuple[str, str, Series]], title: str, *, hover: str = ",.0f",
           panel_height: int = 150) -> dict[str, Any]:
    """One line panel per ``(panel title, unit, series)``, stacked, sharing the year axis (the
    unit is named in the panel's title); each trace in the legend once, colours fixed per
    label across panels."""
    n = len(panels)
    colours: dict[str, str] = {}
    data: list[dict[str, Any]] = []
    fig_layout = layout(title, y_title="", height=110 + panel_height * n,
                        hovermode="x unified", showlegend=True)
    fig_layout["legend"] = {"orientation": "h", "y": -60 / (110 + panel_height * n), "x": 0,
                            "yanchor": "top"}
    fig_layout["margin"] = {"l": 72, "r": 16, "t": 56, "b": 72}
    fig_layout["grid"] = {"rows": n, "columns": 1, "pattern": "independent",
                          "roworder": "top to bottom", "ygap": 0.45}
    annotations = []
    years_seen: list[int] = []
    for i, (name, unit, series) in enumerate(panels, start=1):
        axis = "" if i == 1 else str(i)
        for label, (x, y, notes) in series.items():
            colour = colours.setdefault(label, PALETTE[len(colours) % len(PALETTE)])
            years_seen.extend(x)
            note = "<br>%{text}" if notes is not None else ""
            trace = {"type": "scatter", "mode": "lines+markers", "name": label,
                     "x": list(x), "y": list(y), "xaxis": f"x{axis}", "yaxis": f"y{axis}",
                     "line": {"color": colour, "width": 2}, "marker": {"size": 4},
                     "legendgroup": label, "showlegend": label not in {d["name"] for d in data},
                     "hovertemplate": f"%{{y:{hover}}} {unit}{note}<extra>{label}</extra>"}
            if notes is not None:
                trace["text"] = list(notes)
            data.append(trace)
        fig_layout[f"xaxis{axis}"] = {"gridcolor": "#eee", "tickformat": "d"}
        if i > 1:
            fig_layout[f"xaxis{axis}"]["matches"] = "x"
        fig_layout[f"yaxis{axis}"] = {"gridcolor": "#eee", "rangemode": "tozero"}
        annotations.append({"text": f"<b>{name}</b> ({unit})", "xref": f"x{axis} domain",
                            "yref": f"y{axis} domain", "x": 0, "y": 1.02, "xanchor": "left",
                            "yanchor": "bottom", "showarrow": False, "font": {"size": 12}})
    fig_layout["annotations"] = annotations
    fig_layout[f"xaxis{'' if n == 1 else n}"]["title"] = {"text": "Year"}
    if years_seen and max(years_seen) - min(years_seen) <= 12:
        for i in range(1, n + 1):
            fig_layout[f"xaxis{'' if i == 1 else i}"]["dtick"] = 1
    fig_layout["font"] = FONT
    return {"data": data, "layout": fig_layout}


def rank_band(years: Sequence[int], rank: Sequence[float | None],
              low: Sequence[float | None], high: Sequence[float | None], title: str,
              y_title: str, band_label: str) -> dict[str, Any]:
    """A rank over time (1 at the top) with a shaded interval between ``low`` and ``high``."""
    x = list(years)
    data = [
        {"type": "scatter", "mode": "lines", "x": x, "y": list(high), "name": band_label,
         "line": {"width": 0}, "legendgroup": "band", "showlegend": False,
         "hovertemplate": "%{y:.0f}<extra>interval, worst</extra>"},
        {"type": "scatter", "mode": "lines", "x": x, "y": list(low), "name": band_label,
         "fill": "tonexty", "fillcolor": "rgba(31,78,121,0.18)", "line": {"width": 0},
         "legendgroup": "band", "hovertemplate": "%{y:.0f}<extra>interval, best</extra>"},
        {"type": "scatter", "mode": "lines+markers", "x": x, "y": list(rank), "name": "rank",
         "line": {"color": PALETTE[0], "width": 2}, "marker": {"size": 4},
         "hovertemplate": "%{y:.0f}<extra>rank</extra>"},
    ]
    fig = {"data": data, "layout": layout(title, y_title=y_title, showlegend=True)}
    fig["layout"]["yaxis"].update(autorange="reversed", rangemode="normal", tickformat="d")
    if x and max(x) - min(x) <= 12:
        fig["layout"]["xaxis"]["dtick"] = 1
    return fig
