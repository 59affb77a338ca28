"""Exhaustive search and heuristic: minima, basins, and that both agree."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente._errors import ModelInputError
from detente.models.coalitions import (
    MAX_EXHAUSTIVE,
    Landscape,
    LandscapeInputs,
    descend,
    energy,
    exhaustive_landscape,
    heuristic_landscape,
    is_local_minimum,
)
from detente.models.coalitions._exhaustive import code_labels, label_codes
from tests.models.coalitions.strategies import landscape_inputs

# Made-up: two pairs of friends who dislike the other pair; sizes 1.
PAIRS = LandscapeInputs(tuple("ABCD"), np.ones(4),
                        np.array([[0, 1, -1, -1], [1, 0, -1, -1], [-1, -1, 0, 1],
                                  [-1, -1, 1, 0]]))
# Made-up frustrated triangle: three mutual enemies (p = -1), sizes 1, 1, 2.
TRIANGLE = LandscapeInputs(("x", "y", "z"), np.array([1.0, 1.0, 2.0]),
                           -(np.ones((3, 3)) - np.eye(3)))
# Made-up: four mutual enemies of size 1; the three two-against-two splits tie.
QUARTET = LandscapeInputs(tuple("ABCD"), np.ones(4), -(np.ones((4, 4)) - np.eye(4)))


def test_pairs_have_one_minimum_whose_basin_is_everything() -> None:
    found = exhaustive_landscape(PAIRS)
    assert found.configurations == 8
    assert found.labels(found.minima).tolist() == [[0, 0, 1, 1]]
    assert found.energies[found.minima].tolist() == [-8.0]
    assert found.basin_sizes.tolist() == [8]


def test_triangle_by_hand() -> None:
    found = exhaustive_landscape(TRIANGLE)
    # all together 0; z alone -2*(2 + 2) = -8; x alone or y alone -2*(1 + 2) = -6. From
    # "x alone", y joining x leaves z alone (-8), so only "z alone" is a minimum.
    # codes 0-3: together, y apart, z apart, x apart (actor 0 is fixed in camp 0)
    assert found.energies.tolist() == [0.0, -6.0, -8.0, -6.0]
    assert found.labels(found.minima).tolist() == [[0, 0, 1]]
    assert found.basin_sizes.tolist() == [4]


def test_quartet_ties_go_to_the_lowest_actor() -> None:
    found = exhaustive_landscape(QUARTET)
    # Three minima at -8 (AB|CD, AC|BD, AD|BC). From "all together" every switch gains 6:
    # A moves; from "A alone" B, C or D joining A gains 2: B moves, so AB|CD also collects
    # "all together", "A alone" and "B alone" (where A joins B). "C alone" and "D alone"
    # go to AC|BD and AD|BC (A joins them).
    assert found.energies[found.minima].tolist() == [-8.0, -8.0, -8.0]
    sizes = {"".join(np.array(list("ABCD"))[found.labels(m) == 0]): int(b)
             for m, b in zip(found.minima, found.basin_sizes, strict=True)}
    assert sizes == {"AB": 4, "AC": 2, "AD": 2}


def test_codes_and_labels_round_trip() -> None:
    codes = np.arange(64)
    assert np.array_equal(label_codes(code_labels(codes, 7)), codes)


def test_more_than_24_actors_is_refused_before_any_work() -> None:
    n = MAX_EXHAUSTIVE + 1
    big = LandscapeInputs(tuple(f"s{i}" for i in range(n)), np.ones(n), np.zeros((n, n)))
    with pytest.raises(ModelInputError, match="heuristic"):
        exhaustive_landscape(big)


@settings(max_examples=60, deadline=None)
@given(landscape_inputs(max_actors=10))
def test_exhaustive_energies_and_minima_match_direct_evaluation(inputs: LandscapeInputs) -> None:
    found = exhaustive_landscape(inputs)
    labels = code_labels(np.arange(found.configurations), inputs.n)
    assert np.array_equal(found.energies, energy(inputs, labels))
    local = np.flatnonzero(is_local_minimum(inputs, labels))
    assert sorted(found.minima.tolist()) == local.tolist()
    assert np.all(np.diff(found.energies[found.minima]) >= 0)
    assert found.basin_sizes.sum() == found.configurations
    assert set(np.unique(found.basin).tolist()) == set(found.minima.tolist())


@settings(max_examples=60, deadline=None)
@given(landscape_inputs(max_actors=10))
def test_descent_from_every_configuration_ends_where_the_basin_map_says(
        inputs: LandscapeInputs) -> None:
    found = exhaustive_landscape(inputs)
    everything = code_labels(np.arange(found.configurations), inputs.n)
    assert np.array_equal(descend(inputs, everything), found.labels(found.basin))


@settings(max_examples=40, deadline=None)
@given(landscape_inputs(max_actors=12), st.integers(0, 2**32 - 1))
def test_heuristic_minima_are_local_minima_among_the_exhaustive_ones(
        inputs: LandscapeInputs, seed: int) -> None:
    found = heuristic_landscape(inputs, starts=64, seed=seed)
    assert is_local_minimum(inputs, found.minima).all()
    assert int(found.hits.sum()) == 64
    exact = exhaustive_landscape(inputs)
    assert set(label_codes(found.minima).tolist()) <= set(exact.minima.tolist())
    assert np.allclose(found.energies, energy(inputs, found.minima))


def test_heuristic_is_reproducible_and_seed_sensitive() -> None:
    rng = np.random.default_rng(5)                  # made-up glassy landscape, 60 actors
    p = rng.normal(size=(60, 60))
    inputs = LandscapeInputs(tuple(f"s{i}" for i in range(60)), rng.random(60) + 0.1,
                             np.triu(p, 1) + np.triu(p, 1).T)
    a = heuristic_landscape(inputs, starts=128, seed=1)
    b = heuristic_landscape(inputs, starts=128, seed=1)
    c = heuristic_landscape(inputs, starts=128, seed=2)
    assert np.array_equal(a.minima, b.minima) and np.array_equal(a.hits, b.hits)
    assert not np.array_equal(a.minima, c.minima)
    assert is_local_minimum(inputs, a.minima).all()
    with pytest.raises(ModelInputError, match="starts"):
        heuristic_landscape(inputs, starts=0)


def test_actors_without_any_propensity_are_set_aside() -> None:
    # made-up: PAIRS plus a fifth actor indifferent to everyone
    p = np.zeros((5, 5))
    p[:4, :4] = PAIRS.propensity
    inputs = LandscapeInputs((*PAIRS.actors, "Hermit"), np.ones(5), p)
    result = Landscape().run(inputs, seed=0)
    assert result.summary["unaligned"] == ["Hermit"]
    assert result.table.select("energy", "basin_size", "camp_a", "camp_b").rows() == [
        (-8.0, 8, ["A", "B"], ["C", "D"])]
    hermit = result.tables["actors"].filter(pl.col("actor") == "Hermit").row(0, named=True)
    assert hermit["camp"] is None and hermit["switch_gain"] == 0
    nobody = Landscape(method="heuristic").run(
        LandscapeInputs(("x", "y"), np.ones(2), np.zeros((2, 2))), seed=0)
    assert nobody.summary["method"] == "exhaustive" and nobody.table["energy"].to_list() == [0]
    assert nobody.summary["unaligned"] == ["x", "y"]
