"""The landscape model on store-built inputs: all states of a year (heuristic) and the
largest states (exhaustive)."""

from __future__ import annotations

import numpy as np
import polars as pl

from detente.models.coalitions import Landscape, build_inputs, energy, is_local_minimum
from detente.store import Store
from detente.testing import check_model


def _labels(result_actors: pl.DataFrame, rank: int, actors: tuple[str, ...]) -> np.ndarray:
    camp = dict(result_actors.filter(pl.col("rank") == rank).select("actor", "camp").rows())
    return np.array([1 if camp[a] == "B" else 0 for a in actors], dtype=np.int8)


def test_every_state_of_2000_by_heuristic(store: Store) -> None:
    inputs = build_inputs(store, 2000)
    result = check_model(Landscape(starts=256), inputs, seed=3)
    table = result.table
    assert result.summary["method"] == "heuristic" and result.summary["starts"] == 256
    assert table["hits"].sum() == 256 and table["basin_size"].null_count() == table.height
    assert (table["energy"].diff().drop_nulls() >= 0).all()
    unaligned = set(result.summary["unaligned"])
    aligned = [i for i, a in enumerate(inputs.actors) if a not in unaligned]
    best = _labels(result.tables["actors"], 1, inputs.actors)
    assert is_local_minimum(inputs.take(aligned), best[aligned])
    assert energy(inputs, best) == table["energy"][0]
    usa = result.tables["actors"].filter((pl.col("rank") == 1) & (pl.col("actor") == "USA"))
    assert usa["ccode"].item() == 2 and usa["switch_gain"].item() >= 0
    assert result.data_versions["atop"] == "5.1"


def test_largest_states_by_exhaustive_search(store: Store) -> None:
    codes = [r[0] for r in store.rows("SELECT ccode FROM cow_nmc WHERE year = 1985 "
                                      "ORDER BY cinc DESC LIMIT 16")]
    inputs = build_inputs(store, 1985, codes)
    result = Landscape().run(inputs, seed=0)
    assert result.summary["method"] == "exhaustive"
    assert result.summary["configurations"] == 2 ** 15
    assert result.table["basin_size"].sum() == 2 ** 15
    assert result.table["is_global"][0]
    best = result.table.row(0, named=True)
    assert {"USA", "RUS"} & set(best["camp_a"]) and {"USA", "RUS"} & set(best["camp_b"])
    heuristic = Landscape(method="heuristic", starts=512).run(inputs, seed=0)
    assert heuristic.table["energy"][0] >= best["energy"] - 1e-12
