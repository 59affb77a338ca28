"""One pair's alliance-portfolio similarity equals the all-pairs computation."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from detente.measures import SIMILARITY_COLUMNS, alliance_similarity, pair_similarity
from detente.store import Store


def _pair(table: pa.Table, a: int, b: int) -> dict[int, dict[str, float | None]]:
    lo, hi = min(a, b), max(a, b)
    rows = table.filter(pc.and_(pc.equal(table["ccode1"], lo), pc.equal(table["ccode2"], hi)))
    return {r["year"]: r for r in rows.to_pylist()}


@pytest.mark.parametrize(("a", "b"), [(2, 740), (365, 2), (750, 770)])
def test_pair_equals_all_pairs(store: Store, a: int, b: int) -> None:
    full = _pair(alliance_similarity(store, years=(1984, 1986)), a, b)
    mine = {r["year"]: r for r in pair_similarity(store, a, b, years=(1984, 1986)).to_pylist()}
    assert sorted(mine) == sorted(full) == [1984, 1985, 1986]
    for year, row in full.items():
        for column in SIMILARITY_COLUMNS:
            assert mine[year][column] == pytest.approx(row[column], abs=1e-12), (year, column)


def test_after_2016_the_portfolios_span_2016s_members(store: Store) -> None:
    members = store.arrow("SELECT y AS year, ccode FROM cow_system, range(2017, 2019) t(y) "
                          "WHERE year = 2016")
    full = _pair(alliance_similarity(store, years=(2017, 2018), members=members), 2, 365)
    mine = pair_similarity(store, 2, 365, years=(2015, 2022)).to_pylist()
    assert [r["year"] for r in mine] == [2015, 2016, 2017, 2018]  # ATOP ends in 2018
    assert mine[-1]["kappa"] == pytest.approx(full[2018]["kappa"], abs=1e-12)


def test_only_years_both_existed(store: Store) -> None:
    years = pair_similarity(store, 2, 316, years=(1985, 1995))["year"].to_pylist()
    assert years == [1993, 1994, 1995]  # the Czech Republic from 1993
    assert pair_similarity(store, 2, 740, years=(2019, 2022)).num_rows == 0
