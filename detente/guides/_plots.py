"""Figures for the case studies, in the dashboard's house style (its ``lines`` and ``bars``),
plus axes by period, a shaded span of years and notes on years left out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["bars", "lines", "note_years", "period_axis", "period_label", "shade_years"]


def _padded(figure: dict[str, Any]) -> dict[str, Any]:
    """Keep the title's first letter off the edge of a PNG."""
    figure["layout"]["title"]["pad"] = {"l": 8}
    return figure


# The dashboard's figure module is imported when a figure is drawn, not with this module:
# the dashboard's guides page imports detente.guides, so a module-level import would be
# circular.
def lines(x: Sequence[int], series: dict[str, Sequence[float | None]], title: str,
          y_title: str, **extra: Any) -> dict[str, Any]:
    from detente.interfaces.web.sections import _figures

    return _padded(_figures.lines(x, series, title, y_title, **extra))


def bars(x: Sequence[int], series: dict[str, Sequence[float | None]], title: str,
         y_title: str, **extra: Any) -> dict[str, Any]:
    from detente.interfaces.web.sections import _figures

    return _padded(_figures.bars(x, series, title, y_title, **extra))


def period_label(first: int, last: int) -> str:
    """``1980s`` for a whole decade, else ``2000-10`` or ``2020-21``."""
    return f"{first}s" if last == first + 9 and first % 10 == 0 else f"{first}-{str(last)[2:]}"


def period_axis(figure: dict[str, Any], periods: Sequence[tuple[int, int]]) -> dict[str, Any]:
    """Label bars placed at the first year of each period (first, last) by the period."""
    figure["layout"]["xaxis"].update(tickvals=[p[0] for p in periods],
                                     ticktext=[period_label(*p) for p in periods],
                                     title={"text": "Period"})
    return figure


def shade_years(figure: dict[str, Any], first: int, last: int, label: str) -> dict[str, Any]:
    """Shade the years ``first``-``last`` and label the span at the top."""
    figure["layout"]["shapes"] = [{"type": "rect", "xref": "x", "yref": "paper",
                                   "x0": first - 0.5, "x1": last + 0.5, "y0": 0, "y1": 1,
                                   "fillcolor": "#c0504d", "opacity": 0.12, "line": {"width": 0}}]
    figure["layout"]["annotations"] = [{"x": (first + last) / 2, "y": 1, "xref": "x",
                                        "yref": "paper", "yanchor": "bottom", "text": label,
                                        "showarrow": False, "font": {"size": 11}}]
    return figure


def note_years(figure: dict[str, Any], years: Sequence[int], text: str) -> dict[str, Any]:
    """Write ``text`` above the axis at each of ``years`` (a year left out, say), so a gap
    is not read as zero."""
    notes = figure["layout"].setdefault("annotations", [])
    notes += [{"x": y, "y": 0, "xref": "x", "yref": "paper", "yanchor": "bottom",
               "text": text, "showarrow": False, "textangle": -90,
               "font": {"size": 10, "color": "#7f7f7f"}} for y in years]
    return figure
