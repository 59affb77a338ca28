"""Base units from system membership, checked against the membership data itself."""

from __future__ import annotations

import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente._errors import UnitError
from detente.panels import create_dyad_years, create_state_years
from detente.store import Store


def counts_by_year(store: Store) -> dict[int, int]:
    return dict(store.rows("SELECT year, count(*) FROM cow_system GROUP BY year"))


def test_directed_dyads_per_year_are_n_times_n_minus_1(store: Store) -> None:
    n = counts_by_year(store)
    panel = create_dyad_years(store)
    got = dict(panel.relation().aggregate("year, count(*)::BIGINT").fetchall())
    assert got == {y: k * (k - 1) for y, k in n.items()}
    assert panel.years == (1816, 2016)
    assert len(panel) == sum(k * (k - 1) for k in n.values())


def test_nondirected_dyads_are_half_with_ccode1_below_ccode2(store: Store) -> None:
    n = counts_by_year(store)
    table = create_dyad_years(store, directed=False, years=(1990, 1995)).to_arrow()
    assert pc.all(pc.less(table["ccode1"], table["ccode2"])).as_py()
    got = {y.as_py(): c.as_py() for y, c in zip(*pc.value_counts(table["year"]).flatten())}
    assert got == {y: n[y] * (n[y] - 1) // 2 for y in range(1990, 1996)}


def test_no_dyad_outside_membership(store: Store) -> None:
    table = create_dyad_years(store, years=(1946, 1991)).to_polars()
    germany = table.filter((table["ccode1"] == 255) & (table["ccode2"] == 220))
    # COW has no state 255 between 1945 and 1990: West Germany is 260 (from 1955).
    assert sorted(germany["year"].to_list()) == [1990, 1991]
    west = table.filter((table["ccode1"] == 260) & (table["ccode2"] == 220))
    assert west["year"].min() == 1955 and west["year"].max() == 1990


def test_membership_ends_with_the_data_unless_extended(store: Store) -> None:
    assert create_state_years(store).years == (1816, 2016)
    extended = create_state_years(store, years=(2016, 2020), extend_to=2020).to_polars()
    alive_2016 = store.rows("SELECT count(*) FROM cow_system WHERE year = 2016")[0][0]
    assert extended.group_by("year").len().sort("year")["len"].to_list() == [alive_2016] * 5
    assert create_state_years(store, years=(2010, 2030)).years == (2010, 2016)


def test_spells_agree_with_the_state_year_file(store: Store) -> None:
    mismatch = store.rows("""
        WITH spells AS (SELECT DISTINCT ccode, unnest(range(styear, endyear + 1)) AS year
                        FROM cow_state_spells)
        SELECT count(*) FROM (
            (SELECT ccode, year FROM spells EXCEPT SELECT ccode, year FROM cow_system)
            UNION ALL
            (SELECT ccode, year FROM cow_system EXCEPT SELECT ccode, year FROM spells))
    """)
    assert mismatch == [(0,)]


def test_gleditsch_ward_system(store: Store) -> None:
    panel = create_state_years(store, system="gw", years=(2017, 2017))
    table = panel.to_arrow()
    assert table.column_names == ["gwcode", "year"]
    assert 260 in table["gwcode"].to_pylist() and 255 not in table["gwcode"].to_pylist()
    assert panel.years == (2017, 2017)


def test_rows_are_sorted_by_year_then_codes(store: Store) -> None:
    for panel in (create_dyad_years(store, years=(1900, 1910)),
                  create_dyad_years(store, years=(1900, 1910), directed=False),
                  create_state_years(store)):
        frame = panel.to_polars()
        order = ["year", *panel.keys[:-1]]
        assert frame.equals(frame.sort(order))
        assert frame.select(order).is_duplicated().sum() == 0


def test_bad_arguments(store: Store) -> None:
    with pytest.raises(UnitError, match="system must be"):
        create_state_years(store, system="iso")  # type: ignore[arg-type]
    with pytest.raises(UnitError, match="backwards"):
        create_dyad_years(store, years=(2000, 1990))


@settings(max_examples=15, deadline=None)
@given(first=st.integers(1816, 2016), span=st.integers(0, 5))
def test_directed_is_twice_nondirected(store: Store, first: int, span: int) -> None:
    years = (first, min(first + span, 2016))
    assert len(create_dyad_years(store, years=years)) == 2 * len(
        create_dyad_years(store, years=years, directed=False))
