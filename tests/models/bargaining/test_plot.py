"""Figures of a run on the EC example."""

from __future__ import annotations

from pathlib import Path

from detente.models.bargaining import (
    ExpectedUtilityBargaining,
    Issue,
    forecasts_figure,
    positions_figure,
    write_html,
)


def test_positions_figure_and_offline_html(ec: Issue, tmp_path: Path) -> None:
    result = ExpectedUtilityBargaining(max_rounds=5).run(ec)
    fig = positions_figure(result)
    names = [trace.name for trace in fig.data]
    assert names == [*ec.actors, "forecast: median", "forecast: mean"]
    assert list(fig.data[-2].y) == result.tables["forecasts"]["median"].to_list()
    assert "bdm_eu_emissions 1994" in fig.layout.title.text
    path = write_html(fig, tmp_path / "out" / "positions.html")
    html = path.read_text()
    assert "Plotly.newPlot" in html and "cdn.plot.ly" not in html.split("<body>")[0]
    both = forecasts_figure({"baseline": result, "again": result}, column="mean")
    assert [t.name for t in both.data] == ["baseline", "again"]
