"""Measures remembered year by year: the same values as computing afresh, and a store change
(an import of user engagements) is seen at once."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

import pyarrow as pa
import pytest

from detente.engagements import import_engagement_rows
from detente.measures import MEASURES, Measure, measure_table, register_measure
from detente.measures._memo import forget, generation
from detente.store import Store


def _same(a: pa.Table, b: pa.Table) -> None:
    assert a.column_names == b.column_names
    assert a.num_rows == b.num_rows
    for name in a.column_names:
        assert a[name].to_pylist() == pytest.approx(b[name].to_pylist(), nan_ok=True), name


def test_a_span_built_from_remembered_years_equals_one_computed_afresh(store: Store) -> None:
    forget()
    measure_table(store, "soft_power", (2008, 2009))  # remembers 2008 and 2009
    pieced = measure_table(store, "soft_power", (2007, 2011))  # computes 2007, 2010, 2011
    forget()
    fresh = measure_table(store, "soft_power", (2007, 2011))
    _same(pieced, fresh)
    direct = MEASURES["soft_power"].values(store, (2007, 2011))  # no memo at all
    assert sorted(direct["value"].drop_null().to_pylist()) == \
        pytest.approx(sorted(fresh["value"].to_pylist()))
    # A compared set is its own computation, never the all-states values.
    five = [2, 200, 220, 365, 710]
    within = measure_table(store, "soft_power", (2010, 2010), within=five)
    everyone = measure_table(store, "soft_power", (2010, 2010), states=five)
    assert within["ranked"].to_pylist() == [5] * 5 and everyone["ranked"][0].as_py() > 150
    assert within["value"].to_pylist() != everyone["value"].to_pylist()


@pytest.fixture
def copy_of_store(store_path: Path, tmp_path: Path) -> Iterator[Store]:
    shutil.copy(store_path, tmp_path / "copy.duckdb")
    with Store(tmp_path / "copy.duckdb") as db:
        yield db


def test_an_import_changes_the_generation_and_the_values(copy_of_store: Store) -> None:
    """Edge case, made up: a measure counting user-entered engagements per state."""
    def user_rows(db: Store, years: tuple[int, int], states: Sequence[int] | None) -> pa.Table:
        return db.arrow("SELECT c.ccode, c.year, count(u.engagement_id)::DOUBLE AS value FROM "
                        "cow_system c LEFT JOIN user_engagements u ON u.ccode1 = c.ccode AND "
                        "u.year = c.year WHERE c.year BETWEEN ? AND ? GROUP BY ALL", list(years))

    name = "test_user_rows"
    try:
        register_measure(Measure(name, "User rows", "rows", "m", "c", ("cow_system",),
                                 user_rows))
        before = generation(copy_of_store)
        first = measure_table(copy_of_store, name, (2010, 2010), states=[750])
        assert first["value"].to_pylist() == [0.0]
        rows = [{"instrument": "attache", "actor1": "IND", "actor2": "FRA", "year": 2010},
                {"instrument": "attache", "actor1": "IND", "actor2": "JPN", "year": 2010}]
        assert import_engagement_rows(copy_of_store, rows, file="made up", name="made-up") == 2
        assert generation(copy_of_store) != before
        after = measure_table(copy_of_store, name, (2010, 2010), states=[750])
        assert after["value"].to_pylist() == [2.0]
    finally:
        MEASURES.pop(name, None)
