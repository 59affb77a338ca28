"""The measure registry: one shape for every index, read by the API, the map and reports."""

from __future__ import annotations

import pyarrow as pa
import pytest

from detente.measures import (
    MEASURES,
    Measure,
    MeasureError,
    get_measure,
    measure_table,
    register_measure,
)
from detente.store import Store


def test_cinc_is_registered_with_its_method_and_sources(store: Store) -> None:
    m = get_measure("cinc")
    assert m.sources == ("cow_nmc",) and m.coverage(store) == (1816, 2022)
    assert len(m.components) == 6


def test_ranks_are_over_all_states_even_when_filtering(store: Store) -> None:
    everyone = measure_table(store, "cinc", (1995, 1995))
    some = measure_table(store, "cinc", (1995, 1995), states=[2, 365, 710])
    ranks = dict(zip(everyone["ccode"].to_pylist(), everyone["rank"].to_pylist(), strict=True))
    assert some.num_rows == 3
    for code, rank in zip(some["ccode"].to_pylist(), some["rank"].to_pylist(), strict=True):
        assert rank == ranks[code]
    assert everyone["rank"].to_pylist()[0] == 1 and some["ranked"][0].as_py() == everyone.num_rows


def test_out_of_coverage_and_unknown_measures_are_refused(store: Store) -> None:
    with pytest.raises(MeasureError, match="covers 1816-2022"):
        measure_table(store, "cinc", (1700, 1750))
    with pytest.raises(MeasureError, match="known measures: cinc"):
        get_measure("soft_power_30")


def test_a_new_measure_is_one_registration(store: Store) -> None:
    """Edge case, made up: a measure computed from NMC military personnel alone."""
    def personnel(db: Store, years: tuple[int, int]) -> pa.Table:
        return db.arrow("SELECT ccode, year, milper AS value FROM cow_nmc WHERE year "
                        f"BETWEEN {years[0]} AND {years[1]}")

    test_id = "test_milper"
    try:
        register_measure(Measure(test_id, "Military personnel", "thousands", "d", "m",
                                 ("cow_nmc",), ("cow_nmc",), personnel))
        table = measure_table(store, test_id, (2010, 2010))
        assert table["name"][0].as_py() == "China" and table["rank"][0].as_py() == 1
        with pytest.raises(MeasureError, match="already registered"):
            register_measure(get_measure(test_id))
    finally:
        MEASURES.pop(test_id, None)
