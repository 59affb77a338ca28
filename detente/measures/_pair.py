"""Alliance-portfolio similarity of one pair of states over the years, without computing
every other pair.

The pair's contingency tables (:func:`detente.measures._similarity.contingency`: how many
portfolio dimensions, or how much CINC, sit in each cell of commitment values) are counted
in one DuckDB aggregation over the member-years, then the same S, kappa and tau-b functions
as :func:`~detente.measures.alliance_similarity` turn them into values for every year at
once. A dyad page needs one pair; all pairs of 1946-2018 take seconds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa

from detente.measures._similarity import (
    _MEASURES,
    _TABLE,
    _VALUATION_SQL,
    LEVELS,
    SIMILARITY_COLUMNS,
    AllianceData,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from detente.store._store import Store

# Positional parameters: valuation span (2) and pair (2), member span (2), last COW year,
# carried span (3), the pair (a, b, a, b), and both must be members that year (a, b).
_CELLS = """
WITH ties AS (SELECT * FROM ({valuation}) WHERE ccode1 IN (?, ?)), members AS (
    SELECT year, ccode FROM cow_system WHERE year BETWEEN ? AND ?
    UNION ALL
    SELECT y.year, s.ccode FROM cow_system s,
        (SELECT unnest(range(greatest(? + 1, ?), ? + 1)) AS year) y
    WHERE s.year = ?
), grid AS (
    SELECT m.year, m.ccode,
           CASE WHEN m.ccode = ? THEN {top} ELSE coalesce(ta.value, 0) END AS va,
           CASE WHEN m.ccode = ? THEN {top} ELSE coalesce(tb.value, 0) END AS vb
    FROM members m
    LEFT JOIN ties ta ON ta.ccode1 = ? AND ta.ccode2 = m.ccode AND ta.year = m.year
    LEFT JOIN ties tb ON tb.ccode1 = ? AND tb.ccode2 = m.ccode AND tb.year = m.year
    WHERE m.year IN (SELECT year FROM members WHERE ccode = ?
                     INTERSECT SELECT year FROM members WHERE ccode = ?)
)
SELECT g.year, g.va, g.vb, count(*) AS n, sum(coalesce(c.cinc, 0)) AS w
FROM grid g {nmc}
GROUP BY ALL ORDER BY g.year
"""


def pair_similarity(store: Store, a: int, b: int, *, years: tuple[int, int] | None = None,
                    source: AllianceData = "atop",
                    columns: Sequence[str] = SIMILARITY_COLUMNS) -> pa.Table:
    """Similarity of the alliance portfolios of states ``a`` and ``b`` (COW codes), by year.

    The same values :func:`~detente.measures.alliance_similarity` gives the pair (columns
    ``year`` and ``columns``), with the portfolio dimensions the COW system members of each
    year and, past 2016 (where COW membership ends but ATOP runs to 2018), the members of
    2016, as a panel extended with ``extend_to`` has them. Only years in which both states
    are members and the alliance source has data are returned.
    """
    table = _TABLE[source]
    store.require(table)
    store.require("cow_system")
    unknown = set(columns) - set(SIMILARITY_COLUMNS)
    if unknown:
        raise ValueError(f"unknown similarity columns {sorted(unknown)}; "
                         f"choose from {list(SIMILARITY_COLUMNS)}")
    lo, hi = store.coverage(table)
    if years is not None:
        lo, hi = max(lo, years[0]), min(hi, years[1])
    last = store.coverage("cow_system")[1]
    has_nmc = store.has_table("cow_nmc")
    nmc = "LEFT JOIN cow_nmc c ON c.ccode = g.ccode AND c.year = g.year" if has_nmc else \
        "LEFT JOIN (SELECT NULL::INTEGER AS ccode, NULL::INTEGER AS year, NULL::DOUBLE AS cinc) " \
        "c ON false"
    sql = _CELLS.format(valuation=_VALUATION_SQL[source].replace("ORDER BY year", ""),
                        top=LEVELS - 1, nmc=nmc)
    cells = store.arrow(sql, [lo, hi, a, b, lo, min(hi, last), last, lo, hi, last,
                              a, b, a, b, a, b])
    found = np.unique(cells["year"].to_numpy()) if cells.num_rows else np.array([], np.int32)
    index = np.searchsorted(found, cells["year"].to_numpy())
    va, vb = cells["va"].to_numpy(), cells["vb"].to_numpy()
    counts = np.zeros((LEVELS, LEVELS, 1, found.size))
    weighted = np.zeros((LEVELS, LEVELS, 1, found.size))
    np.add.at(counts, (va, vb, 0, index), cells["n"].to_numpy().astype(np.float64))
    np.add.at(weighted, (va, vb, 0, index), cells["w"].to_numpy().astype(np.float64))
    out: dict[str, pa.Array] = {"year": pa.array(found, pa.int32())}
    for name in columns:
        uses_cinc, measure = _MEASURES[name]
        values = measure(weighted if uses_cinc else counts)[0]
        out[name] = pa.array(values, pa.float64(), mask=np.isnan(values))
    return pa.table(out)
