"""Tie strength on real dyad-years: formula, bounds, symmetry, coverage."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from detente._errors import UnitError
from detente.measures import add_tie_strength, tie_strength
from detente.measures._tie_strength import TIE_COMPONENTS
from detente.panels import create_dyad_years, create_state_years
from detente.store import Store


@pytest.fixture(scope="module")
def ties(store: Store) -> pl.DataFrame:
    return create_dyad_years(store, years=(2005, 2012)).pipe(add_tie_strength).to_polars()


def pair(frame: pl.DataFrame, a: int, b: int, year: int) -> dict[str, object]:
    return frame.filter((pl.col("ccode1") == a) & (pl.col("ccode2") == b)
                        & (pl.col("year") == year)).row(0, named=True)


def test_formula_is_the_mean_of_available_components(ties: pl.DataFrame) -> None:
    parts = [f"tie_{c}" for c in TIE_COMPONENTS]
    values = ties.select(parts).to_numpy().astype(float)
    expected = np.nanmean(np.where(np.isnan(values), np.nan, values), axis=1)
    got = ties["tie_strength"].to_numpy()
    assert np.allclose(got, expected, equal_nan=True)
    assert (ties["tie_components"].to_numpy() == (~np.isnan(values)).sum(axis=1)).all()
    assert ties.select([pl.col(c).is_between(0, 1).all() for c in [*parts, "tie_strength"]]
                       ).row(0) == tuple(True for _ in range(len(parts) + 1))


def test_symmetric_and_coverage(ties: pl.DataFrame) -> None:
    us_uk, uk_us = pair(ties, 2, 200, 2005), pair(ties, 200, 2, 2005)
    assert us_uk["tie_strength"] == uk_us["tie_strength"]
    assert us_uk["tie_strength"] > pair(ties, 2, 40, 2005)["tie_strength"]  # UK vs Cuba
    assert us_uk["tie_alliance"] == 1.0
    # Peacekeeping co-deployment starts in 2010, exercises end in 2010, IGOs in 2014.
    assert us_uk["tie_peacekeeping"] is None and pair(ties, 2, 200, 2011)["tie_exercise"] is None
    assert pair(ties, 2, 200, 2012)["tie_peacekeeping"] is not None


def test_weights_and_units(store: Store) -> None:
    only_alliance = {name: 0.0 for name in TIE_COMPONENTS} | {"alliance": 1.0}
    table = pl.from_arrow(tie_strength(store, years=2005, weights=only_alliance))
    assert (table["tie_strength"] == table["tie_alliance"]).all()
    with pytest.raises(ValueError, match="unknown tie components"):
        tie_strength(store, years=2005, weights={"trade": 1.0})
    with pytest.raises(UnitError, match="create_dyad_years"):
        create_state_years(store).pipe(add_tie_strength)
