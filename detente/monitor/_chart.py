"""Charts for the monitor: a plan's objectives over time, with targets, engagements and alerts.

Written as one self-contained HTML file with plotly.js inlined, so it opens offline (no CDN).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from detente.monitor._plans import PlanEvaluation
    from detente.store._store import Store

_STATUS_COLOURS = {"met": "#1a9850", "on track": "#66bd63", "behind": "#f46d43",
                   "missed": "#d73027", "no data": "#999999"}


def plan_chart(evaluation: PlanEvaluation, path: str | Path, *, store: Store | None = None
               ) -> Path:
    """One panel per objective: the indicator, its baseline and target, engagements, alerts.

    Parameters
    ----------
    evaluation
        The result of :func:`detente.monitor.evaluate_plan`.
    path
        The ``.html`` file to write.
    store
        When given, alerts from the store's history on the objective's two sides are marked.

    Returns
    -------
    pathlib.Path
        The file written.
    """
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    plan = evaluation.plan
    rows = evaluation.objectives.to_pylist()
    titles = [f"{r['objective']}: {r['indicator']} ({r['sides']}) - {r['status']}" for r in rows]
    fig = make_subplots(rows=max(len(rows), 1), cols=1, subplot_titles=titles,
                        vertical_spacing=0.12 if len(rows) > 1 else 0.2)
    alerts = _alerts(store)
    for i, (row, obj) in enumerate(zip(rows, plan.objectives, strict=True), start=1):
        series = evaluation.series[obj.id]
        periods, values = series["period"].to_pylist(), series["value"].to_pylist()
        colour = _STATUS_COLOURS[row["status"]]
        fig.add_trace(go.Scatter(x=periods, y=values, mode="lines+markers", name=obj.id,
                                 line={"color": "#2c7bb6"}, showlegend=False), row=i, col=1)
        fig.add_trace(go.Scatter(x=[plan.start, obj.by], y=[row["baseline"], obj.target],
                                 mode="lines", line={"dash": "dot", "color": "#888"},
                                 name="path to target", showlegend=i == 1), row=i, col=1)
        fig.add_trace(go.Scatter(x=[obj.by], y=[obj.target], mode="markers",
                                 marker={"symbol": "star", "size": 14, "color": colour},
                                 name=f"target ({obj.rule.replace('_', ' ')})",
                                 showlegend=i == 1), row=i, col=1)
        for item in plan.engagements:
            if not item.objectives or obj.id in item.objectives:
                fig.add_vline(x=_ms(item.date), line={"color": "#7b3294", "dash": "dash"},
                              annotation_text=item.kind, annotation_position="top left",
                              row=i, col=1)
        if alerts is not None and obj.is_event_indicator:
            marks = [a for a in alerts if {a["side1"], a["side2"]} >= _labels(store, obj)]
            if marks:
                fig.add_trace(go.Scatter(
                    x=[a["period"] for a in marks], y=[0.0] * len(marks), mode="markers",
                    marker={"symbol": "triangle-up", "size": 12, "color": "#d7191c"},
                    text=[a["message"] for a in marks], hoverinfo="text", name="alert",
                    showlegend=i == 1), row=i, col=1)
    fig.update_layout(title=f"{plan.name}: progress as of {evaluation.as_of}",
                      height=320 * max(len(rows), 1) + 120, template="plotly_white")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.write_html(str(path), include_plotlyjs=True, full_html=True)
    return path


def _ms(day: date) -> float:
    """A date as epoch milliseconds (plotly's vline on date axes wants a number)."""
    from datetime import UTC, datetime

    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() * 1000


def _alerts(store: Store | None) -> list[dict[str, object]] | None:
    if store is None or not store.has_table("alerts"):
        return None
    from detente.monitor._watch import alert_history

    return alert_history(store).to_pylist()


def _labels(store: Store | None, obj: object) -> set[str]:
    from detente.monitor._temperature import side_codes

    assert store is not None
    return {side_codes(store, obj.side1)[0], side_codes(store, obj.side2)[0]}  # type: ignore[attr-defined]
