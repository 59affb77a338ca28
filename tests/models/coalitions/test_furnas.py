"""Reproduce Axelrod and Furnas's landscape of the Syrian conflict (February 2016) from the
mirror's inputs, against the values their result files publish (tests/golden)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl
import pytest

from detente.models.coalitions import (
    Landscape,
    LandscapeInputs,
    energy,
    exhaustive_landscape,
    frustration,
    is_local_minimum,
)
from detente.testing import check_model

GOLDEN = Path(__file__).parents[2] / "golden"


def _golden(name: str) -> pl.DataFrame:
    return pl.read_csv(GOLDEN / name)


def _labels(inputs: LandscapeInputs, alignment_1: str) -> np.ndarray:
    """The study's alignment 1 (the United States' side) as camp 0."""
    return 1 - inputs.labels(alignment_1.split("|"))


def test_inputs_are_read_as_the_study_uses_them(syria: LandscapeInputs,
                                                syria_weak: LandscapeInputs) -> None:
    assert syria.actors == ("US", "Russia", "Syria", "Turkey", "Saudi_Arabia", "Iran", "ISIS",
                            "Hezbollah", "Iraqi_Kurds", "Nursa", "Baghdad")
    assert syria.sizes.tolist() == [10, 10, 50, 10, 10, 20, 100, 20, 40, 10, 50]
    assert syria_weak.sizes[2] == 10 and np.array_equal(syria_weak.propensity, syria.propensity)
    p = syria.propensity
    # raw 5 -> +2 (US-Turkey), raw 1 -> -2 (US-ISIS); "Iraq" in the matrix is Baghdad
    assert p[0, 3] == 2 and p[0, 6] == -2 and p[1, 10] == 1
    assert set(np.unique(p).tolist()) <= {-2, -1, 0, 1, 2}
    assert syria.data_versions == {"landscape_furnas": "2016-02-20"}


@pytest.mark.parametrize("variant", ["standard", "weak_syria"])
def test_published_energies_and_local_minima(variant: str, syria: LandscapeInputs,
                                             syria_weak: LandscapeInputs) -> None:
    inputs = syria if variant == "standard" else syria_weak
    rows = _golden("furnas_syria_2016_energies.csv").filter(pl.col("variant") == variant)
    for row in rows.iter_rows(named=True):
        x = _labels(inputs, row["alignment_1"])
        assert energy(inputs, x) == row["energy"], row["config"]
        assert is_local_minimum(inputs, x) == row["local_minimum"], row["config"]
    published = rows.filter(pl.col("local_minimum"))
    found = exhaustive_landscape(inputs)
    # the study flags one local minimum among all 1,024 configurations, and so do we
    assert len(found.minima) == 1 and found.basin_sizes.tolist() == [1024]
    assert np.array_equal(found.labels(found.minima)[0],
                          _labels(inputs, published["alignment_1"][0]))
    assert found.energies[found.minima].tolist() == published["energy"].to_list()


@pytest.mark.parametrize("variant", ["standard", "weak_syria"])
def test_published_frustrations_at_the_minimum(variant: str, syria: LandscapeInputs,
                                               syria_weak: LandscapeInputs) -> None:
    inputs = syria if variant == "standard" else syria_weak
    table = _golden("furnas_syria_2016_frustration.csv").filter(pl.col("variant") == variant)
    minimum = _golden("furnas_syria_2016_energies.csv").filter(
        (pl.col("variant") == variant) & pl.col("local_minimum"))["alignment_1"][0]
    weighted = inputs.sizes * frustration(inputs, _labels(inputs, minimum))
    expected = dict(table.select("actor", "frustration").iter_rows())
    assert dict(zip(inputs.actors, weighted.tolist(), strict=True)) == expected


def test_landscape_model_on_the_syria_inputs(syria: LandscapeInputs) -> None:
    result = check_model(Landscape(), syria)
    row = result.table.row(0, named=True)
    assert result.table.height == 1 and row["energy"] == -83200 and row["is_global"]
    assert row["camp_b"] == ["Turkey", "ISIS", "Nursa"] and row["basin_share"] == 1.0
    assert result.summary["method"] == "exhaustive" and result.summary["configurations"] == 1024
    actors = result.tables["actors"]
    assert (actors["switch_gain"] >= 0).all()
    isis = actors.filter(pl.col("actor") == "ISIS").row(0, named=True)
    assert isis["weighted_frustration"] == -38000 and isis["camp"] == "B"
    best = result.tables["best_configurations"]
    assert best["energy"].to_list()[:3] == [-83200, -82400, -81200]
    assert best["local_minimum"].to_list()[:2] == [True, False]
    half = Landscape(convention="unordered").run(syria, seed=0)
    assert half.table["energy"].to_list() == [-41600]
    assert result.data_versions == {"landscape_furnas": "2016-02-20"}


def test_heuristic_finds_the_same_minimum(syria: LandscapeInputs) -> None:
    result = Landscape(method="heuristic", starts=200).run(syria, seed=11)
    assert result.table["energy"].to_list() == [-83200]
    assert result.table["hits"].to_list() == [200]
    assert result.table["is_global"].to_list() == [None]
