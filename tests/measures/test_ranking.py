"""Ranked measures: any registered index ranked within each year, with names, coverage and
sources, as the REST API, the world map, profiles and reports read them."""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa
import pytest

from detente._errors import DetenteError
from detente.measures import (
    MEASURES,
    Measure,
    MeasureError,
    components,
    get_measure,
    measure_coverage,
    measure_sources,
    measure_table,
    register_measure,
)
from detente.store import Store


def test_cinc_is_registered_with_its_tables_and_sources(store: Store) -> None:
    m = get_measure("cinc")
    assert m.tables == ("cow_nmc",) and measure_sources(m) == ("cow_nmc",)
    assert measure_coverage(store, m) == (1816, 2022)


def test_ranks_are_over_all_states_even_when_filtering(store: Store) -> None:
    everyone = measure_table(store, "cinc", (1995, 1995))
    some = measure_table(store, "cinc", (1995, 1995), states=[2, 365, 710])
    ranks = dict(zip(everyone["ccode"].to_pylist(), everyone["rank"].to_pylist(), strict=True))
    assert some.num_rows == 3
    for code, rank in zip(some["ccode"].to_pylist(), some["rank"].to_pylist(), strict=True):
        assert rank == ranks[code]
    assert everyone["rank"].to_pylist()[0] == 1 and some["ranked"][0].as_py() == everyone.num_rows
    assert "milex_share" in components(everyone)


def test_out_of_coverage_and_unknown_measures_are_refused(store: Store) -> None:
    with pytest.raises(MeasureError, match="covers 1816-2022"):
        measure_table(store, "cinc", (1700, 1750))
    with pytest.raises(DetenteError, match="known measures: .*cinc"):
        get_measure("soft_power_30")


def test_a_new_measure_is_one_registration(store: Store) -> None:
    """Edge case, made up: a measure from NMC military personnel alone, lower is better."""
    def personnel(db: Store, years: tuple[int, int], states: Sequence[int] | None
                  ) -> pa.Table:
        return db.arrow("SELECT ccode, year, milper AS value FROM cow_nmc WHERE year "
                        f"BETWEEN {years[0]} AND {years[1]}")

    name = "test_milper"
    try:
        register_measure(Measure(name, "Military personnel", "thousands", "m", "c",
                                 ("cow_nmc",), personnel, higher_is_better=False))
        table = measure_table(store, name, (2010, 2010))
        assert components(table) == []
        assert table["rank"][0].as_py() == 1
        assert table["value"][0].as_py() == min(table["value"].to_pylist())
        assert table["name"][table.num_rows - 1].as_py() == "China"
    finally:
        MEASURES.pop(name, None)
