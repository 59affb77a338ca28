"""The composite engine on a made-up, hand-worked example (edge cases of the method)."""

from __future__ import annotations

import math
from pathlib import Path

import polars as pl
import pytest

from detente.measures._composite import CompositeWeights, Indicator, WeightsError, composite


def _never(*_: object) -> object:
    raise AssertionError("values are given directly in these tests")


INDICATORS = {
    "troops": Indicator("troops", "Troops", "peace", "persons", "made up", (), _never, "log"),
    "missions": Indicator("missions", "Missions", "peace", "count", "made up", (), _never),
    "debt": Indicator("debt", "Debt", "reach", "share", "made up", (), _never,
                      higher_is_better=False),
}
WEIGHTS = CompositeWeights.from_mapping({
    "pillars": {"peace": 2, "reach": 1},
    "indicators": {"peace": {"troops": 1, "missions": 1}, "reach": {"debt": 1}},
})
# Made-up states 1, 2, 3 in one year; state 3 does not report missions.
VALUES = pl.DataFrame({
    "ccode": [1, 2, 3, 1, 2, 1, 2, 3],
    "year": [2000] * 8,
    "indicator": ["troops", "troops", "troops", "missions", "missions", "debt", "debt", "debt"],
    "raw": [0.0, math.e - 1, math.e**2 - 1, 1.0, 3.0, 0.5, 0.1, 0.4],
})


def test_hand_worked_scores() -> None:
    result = composite(VALUES, INDICATORS, WEIGHTS, draws=0)
    cells = {(r["ccode"], r["indicator"]): r for r in result.cells.to_dicts()}
    # log(1 + x): 0, 1, 2 -> min-max 0, 50, 100.
    assert [cells[(c, "troops")]["normalised"] for c in (1, 2, 3)] == pytest.approx([0, 50, 100])
    assert cells[(3, "missions")]["status"] == "missing"
    # Lower debt is better: 0.5 -> 0, 0.1 -> 100, 0.4 -> 100 - 100 * 0.3 / 0.4 = 25.
    assert [cells[(c, "debt")]["normalised"] for c in (1, 2, 3)] == pytest.approx([0, 100, 25])
    pillars = {(r["ccode"], r["pillar"]): r for r in result.pillars.to_dicts()}
    # State 3's peace pillar uses troops only: weights renormalised, coverage 0.5.
    assert pillars[(3, "peace")]["score"] == pytest.approx(100)
    assert pillars[(3, "peace")]["coverage"] == pytest.approx(0.5)
    assert pillars[(2, "peace")]["score"] == pytest.approx(75)  # (50 + 100) / 2
    overall = {r["ccode"]: r for r in result.overall.to_dicts()}
    assert overall[2]["score"] == pytest.approx((2 * 75 + 100) / 3)
    assert overall[3]["score"] == pytest.approx((2 * 100 + 25) / 3)
    assert overall[1]["score"] == pytest.approx(0)
    assert [overall[c]["rank"] for c in (1, 2, 3)] == [3, 1, 2]
    # Coverage of the whole: (2 * 0.5 + 1 * 1) / 3 of the intended weight was observed.
    assert overall[3]["coverage"] == pytest.approx(2 / 3)
    assert overall[2]["coverage"] == pytest.approx(1)


def test_rank_intervals_and_power_gap() -> None:
    tight = composite(VALUES, INDICATORS, WEIGHTS, draws=400, concentration=1e7, seed=1)
    for row in tight.overall.to_dicts():
        assert row["rank_p05"] == row["rank_p95"] == row["rank"]
    loose = composite(VALUES, INDICATORS, WEIGHTS, draws=400, concentration=2, seed=1)
    again = composite(VALUES, INDICATORS, WEIGHTS, draws=400, concentration=2, seed=1)
    assert loose.overall.equals(again.overall)
    widths = loose.overall["rank_p95"] - loose.overall["rank_p05"]
    assert widths.max() >= 1  # states 2 and 3 swap under some weights
    scores = tight.overall.select("ccode", "year", "score")
    resources = scores.select("ccode", "year",
                              (pl.col("score") / 10).exp().alias("resource"))
    gap = composite(VALUES, INDICATORS, WEIGHTS, resources=resources, draws=0)
    assert gap.overall["power_gap"].abs().max() == pytest.approx(0, abs=1e-9)


def test_constant_indicator_and_weights_errors(tmp_path: Path) -> None:
    flat = VALUES.with_columns(pl.when(pl.col("indicator") == "debt").then(0.2)
                               .otherwise(pl.col("raw")).alias("raw"))
    result = composite(flat, INDICATORS, WEIGHTS, draws=0)
    assert set(result.cells.filter(pl.col("indicator") == "debt")["status"]) == {"constant"}
    assert result.pillars.filter(pl.col("pillar") == "reach")["coverage"].max() == 0
    bad = tmp_path / "w.toml"
    bad.write_text('[pillars]\npeace = -1\n[indicators.peace]\ntroops = 1\n')
    with pytest.raises(WeightsError, match="w.toml: weight peace = -1.0"):
        CompositeWeights.from_file(bad)
    good = tmp_path / "w.json"
    good.write_text('{"pillars": {"peace": 1}, "indicators": {"peace": {"debt": 1}}}')
    with pytest.raises(WeightsError, match="belongs to pillar 'reach'"):
        composite(VALUES, INDICATORS, CompositeWeights.from_file(good))
