"""Alliance-portfolio similarity: Signorino-Ritter S, Cohen's kappa (Haege 2011), Kendall's tau-b.

Every measure compares two states' *portfolios*: the vector of each state's alliance
commitment toward every member of the system that year. Commitments are valued on the
ordinal scale used since Bueno de Mesquita (1975): 3 defence pact, 2 neutrality or
non-aggression pact, 1 entente (ATOP: consultation), 0 none, and 3 toward oneself. ATOP's
offence pledges count as 3. With ATOP the portfolio of state ``i`` is its own obligations
toward others (ATOP is directed); COW alliances are symmetric.

All three measures are functions of the (weighted) 4x4 contingency table of the two
portfolios, ``C[a, b] = sum_k w_k [x_ik = a][x_jk = b]``. For all pairs of a year at once
that is ``C[a, b] = X_a diag(w) X_b^T`` with ``X_a`` the indicator matrix of value ``a``: 16
matrix products per year, so every dyad-year of 1816-2018 takes a few seconds and no Python
loop runs over dyads or portfolio dimensions.

Formulas (``x``, ``y`` the two portfolios scaled to [0, 1] by dividing by 3, ``W = sum_k w_k``):

- S (Signorino and Ritter 1999): ``S = 1 - 2 d / d_max`` with ``d = sum_k w_k delta(x_k, y_k)``,
  ``delta = |x - y|`` (absolute) or ``(x - y)^2`` (squared), and ``d_max = W`` (the largest
  possible distance per dimension is 1). Range [-1, 1]; 1 for identical portfolios.
  Unweighted: ``w_k = 1``; weighted: ``w_k`` is state k's CINC share that year.
- kappa (Cohen 1960, applied to foreign-policy similarity by Haege 2011): chance-corrected
  agreement ``kappa = 1 - D_o / D_e`` with observed disagreement ``D_o = d / W`` and the
  disagreement expected if each state kept its own marginal distribution of commitments but
  chose partners independently, ``D_e = sum_a sum_b p_x(a) p_y(b) delta(a, b)``. With
  ``delta = [a != b]`` this is Cohen's nominal kappa; with absolute or squared distances it is
  the weighted kappa Haege recommends for ordinal portfolios. Undefined (null) when
  ``D_e = 0`` (both portfolios constant).
- tau-b (Kendall 1938; Bueno de Mesquita 1975): from the unweighted table,
  ``(n_c - n_d) / sqrt((n_0 - n_x)(n_0 - n_y))`` with concordant and discordant pairs of
  dimensions ``n_c``, ``n_d``, ``n_0 = N(N-1)/2`` and ties ``n_x``, ``n_y`` within each
  portfolio. Null when either portfolio is constant.

References
----------
.. [1] Signorino, Curtis S., and Jeffrey M. Ritter. 1999. "Tau-b or Not Tau-b: Measuring the
   Similarity of Foreign Policy Positions." International Studies Quarterly 43(1): 115-144.
.. [2] Haege, Frank M. 2011. "Choice or Circumstance? Adjusting Measures of Foreign Policy
   Similarity for Chance Agreement." Political Analysis 19(3): 287-305.
.. [3] Bueno de Mesquita, Bruce. 1975. "Measuring Systemic Polarity." Journal of Conflict
   Resolution 19(2): 187-216.
.. [4] Cohen, Jacob. 1960. "A Coefficient of Agreement for Nominal Scales." Educational and
   Psychological Measurement 20(1): 37-46.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np
import pyarrow as pa
from threadpoolctl import threadpool_limits

if TYPE_CHECKING:
    from detente.store._store import Store

LEVELS = 4  # commitment values 0..3
AllianceData = Literal["atop", "cow"]

_VALUATION_SQL = {
    "atop": """
        SELECT ccode1, ccode2, year,
               CASE WHEN atop_defense = 1 OR atop_offense = 1 THEN 3
                    WHEN atop_neutral = 1 OR atop_nonagg = 1 THEN 2
                    WHEN atop_consul = 1 THEN 1 ELSE 0 END AS value
        FROM atop_dyad_years WHERE year BETWEEN ? AND ? ORDER BY year""",
    "cow": """
        SELECT ccode1, ccode2, year,
               CASE WHEN cow_defense = 1 THEN 3
                    WHEN cow_neutral = 1 OR cow_nonagg = 1 THEN 2
                    WHEN cow_entente = 1 THEN 1 ELSE 0 END AS value
        FROM cow_alliance_dyad_years WHERE year BETWEEN ? AND ? ORDER BY year""",
}
_TABLE = {"atop": "atop_dyad_years", "cow": "cow_alliance_dyad_years"}

_GRID = np.arange(LEVELS, dtype=np.float64) / (LEVELS - 1)
_ABS = np.abs(_GRID[:, None] - _GRID[None, :])
_SQ = _ABS**2
_NOMINAL = 1.0 - np.eye(LEVELS)


def contingency(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The weighted contingency tables of every pair of portfolios.

    Parameters
    ----------
    values
        ``(n, n)`` integer matrix; row ``i`` is state i's portfolio (commitment 0-3 toward
        each state, the diagonal 3).
    weights
        ``(n,)`` weight of each portfolio dimension (state k).

    Returns
    -------
    numpy.ndarray
        ``(LEVELS, LEVELS, n, n)``: ``C[a, b, i, j] = sum_k w_k [v_ik = a][v_jk = b]``.
    """
    indicators = np.stack([(values == a).astype(np.float64) for a in range(LEVELS)])
    weighted = indicators * weights[None, None, :]
    return np.einsum("aik,bjk->abij", weighted, indicators, optimize=True)


def s_score(table: np.ndarray, distance: np.ndarray) -> np.ndarray:
    """Signorino-Ritter S from contingency tables: ``1 - 2 sum_ab C_ab delta_ab / W``."""
    total = table.sum(axis=(0, 1))
    d = np.einsum("abij,ab->ij", table, distance)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, 1.0 - 2.0 * d / total, np.nan)


def kappa(table: np.ndarray, distance: np.ndarray) -> np.ndarray:
    """Cohen's (weighted) kappa, ``1 - D_o / D_e``, from contingency tables (Haege 2011)."""
    total = table.sum(axis=(0, 1))
    with np.errstate(invalid="ignore", divide="ignore"):
        observed = np.einsum("abij,ab->ij", table, distance) / total
        px = table.sum(axis=1) / total  # (a, i, j): marginal of the first portfolio
        py = table.sum(axis=0) / total  # (b, i, j): marginal of the second portfolio
        expected = np.einsum("aij,bij,ab->ij", px, py, distance)
        return np.where(expected > 1e-12, 1.0 - observed / expected, np.nan)


def tau_b(table: np.ndarray) -> np.ndarray:
    """Kendall's tau-b from unweighted contingency tables (counts of portfolio dimensions)."""
    n = table.sum(axis=(0, 1))
    # cum[a, b] = sum of table over a' > a and b' > b (strictly); likewise for discordance.
    later_rows = np.flip(np.cumsum(np.flip(table, 0), 0), 0)
    above = np.concatenate([later_rows[1:], np.zeros_like(table[:1])], 0)
    up_right = np.flip(np.cumsum(np.flip(above, 1), 1), 1)
    strictly_greater = np.concatenate([up_right[:, 1:], np.zeros_like(table[:, :1])], 1)
    lower_left = np.cumsum(above, 1)
    strictly_less = np.concatenate([np.zeros_like(table[:, :1]), lower_left[:, :-1]], 1)
    concordant = (table * strictly_greater).sum(axis=(0, 1))
    discordant = (table * strictly_less).sum(axis=(0, 1))
    pairs = n * (n - 1) / 2
    ties_x = (table.sum(axis=1) * (table.sum(axis=1) - 1) / 2).sum(axis=0)
    ties_y = (table.sum(axis=0) * (table.sum(axis=0) - 1) / 2).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        denom = np.sqrt((pairs - ties_x) * (pairs - ties_y))
        return np.where(denom > 0, (concordant - discordant) / denom, np.nan)


SIMILARITY_COLUMNS = ("s_abs", "s_sq", "s_abs_w", "s_sq_w", "kappa", "kappa_abs", "kappa_sq",
                      "taub")
"""Columns :func:`alliance_similarity` returns (prefixed with the source when added to panels)."""


def alliance_similarity(
    store: Store,
    *,
    years: tuple[int, int] | None = None,
    source: AllianceData = "atop",
    members: pa.Table | None = None,
    columns: Sequence[str] = SIMILARITY_COLUMNS,
) -> pa.Table:
    """Alliance-portfolio similarity for every non-directed pair of states, by year.

    Portfolio dimensions are ``members`` (a table of ``year, ccode``; default: the COW
    system members of each year, which end in 2016, so pass the states of an extended panel
    to reach ATOP's 2017-2018); states without a CINC value that year weigh 0 in the
    capability-weighted S (``s_abs_w``, ``s_sq_w``).

    Returns
    -------
    pyarrow.Table
        ``ccode1 < ccode2, year`` and :data:`SIMILARITY_COLUMNS`: ``s_abs``/``s_sq``
        (unweighted S, absolute or squared distance), ``s_abs_w``/``s_sq_w`` (CINC-weighted),
        ``kappa`` (nominal), ``kappa_abs``/``kappa_sq`` (weighted kappa) and ``taub``. Years
        outside the alliance source's coverage are not returned.

    See the module docstring for the formulas and references.
    """
    table = _TABLE[source]
    store.require(table)
    store.require("cow_system")
    lo, hi = store.coverage(table)
    if years is not None:
        lo, hi = max(lo, years[0]), min(hi, years[1])
    if members is None:
        members = store.arrow("SELECT year, ccode FROM cow_system WHERE year BETWEEN ? AND ? "
                              "ORDER BY year, ccode", [lo, hi])
    else:
        given = store.con.from_arrow(members.select(["year", "ccode"]))
        members = store.con.sql(
            f"SELECT DISTINCT year, ccode FROM given WHERE year BETWEEN {lo} AND {hi} "
            "AND ccode IS NOT NULL ORDER BY year, ccode").to_arrow_table()
    ties = store.arrow(_VALUATION_SQL[source], [lo, hi])
    cinc = store.arrow("SELECT year, ccode, cinc FROM cow_nmc WHERE year BETWEEN ? AND ? "
                       "AND cinc IS NOT NULL ORDER BY year", [lo, hi]) \
        if store.has_table("cow_nmc") else pa.table({"year": pa.array([], pa.int32()),
                                                       "ccode": pa.array([], pa.int32()),
                                                       "cinc": pa.array([], pa.float64())})
    unknown = set(columns) - set(SIMILARITY_COLUMNS)
    if unknown:
        raise ValueError(f"unknown similarity columns {sorted(unknown)}; "
                         f"choose from {list(SIMILARITY_COLUMNS)}")
    by_year = [_by_year(t) for t in (members, ties, cinc)]
    with threadpool_limits(limits=1, user_api="blas"):  # ~200x200 products: threads only wait
        parts = [_year_block(year, *(_slice(t, year) for t in by_year), columns)
                 for year in np.unique(by_year[0][0])]
    if not parts:
        return pa.table({"ccode1": pa.array([], pa.int32()), "ccode2": pa.array([], pa.int32()),
                         "year": pa.array([], pa.int32()),
                         **{c: pa.array([], pa.float64()) for c in columns}})
    return pa.concat_tables(parts)


Columns = dict[str, np.ndarray]


def _by_year(table: pa.Table) -> tuple[np.ndarray, Columns]:
    """A year-sorted table as NumPy columns, with its year column for slicing."""
    cols = {name: table[name].to_numpy(zero_copy_only=False) for name in table.column_names}
    return cols["year"], cols


def _slice(data: tuple[np.ndarray, Columns], year: int) -> Columns:
    years, cols = data
    lo, hi = np.searchsorted(years, year), np.searchsorted(years, year, side="right")
    return {name: col[lo:hi] for name, col in cols.items()}


_MEASURES: dict[str, tuple[bool, Callable[[np.ndarray], np.ndarray]]] = {
    # column: (capability-weighted?, function of the contingency tables)
    "s_abs": (False, lambda t: s_score(t, _ABS)),
    "s_sq": (False, lambda t: s_score(t, _SQ)),
    "s_abs_w": (True, lambda t: s_score(t, _ABS)),
    "s_sq_w": (True, lambda t: s_score(t, _SQ)),
    "kappa": (False, lambda t: kappa(t, _NOMINAL)),
    "kappa_abs": (False, lambda t: kappa(t, _ABS)),
    "kappa_sq": (False, lambda t: kappa(t, _SQ)),
    "taub": (False, tau_b),
}


def _year_block(year: int, members: Columns, ties: Columns, cinc: Columns,
                columns: Sequence[str]) -> pa.Table:
    """All pairs of one year (one step per year; everything inside is matrix algebra)."""
    codes = members["ccode"]
    n = codes.size
    values = np.zeros((n, n), dtype=np.int8)
    np.fill_diagonal(values, LEVELS - 1)
    c1, c2, v = ties["ccode1"], ties["ccode2"], ties["value"]
    index = np.searchsorted(codes, c1), np.searchsorted(codes, c2)
    known = (index[0] < n) & (index[1] < n)
    known &= (codes[np.minimum(index[0], n - 1)] == c1) & (codes[np.minimum(index[1], n - 1)] == c2)
    values[index[0][known], index[1][known]] = v[known]
    tables: dict[bool, np.ndarray] = {}
    if any(not _MEASURES[c][0] for c in columns):
        tables[False] = contingency(values, np.ones(n))
    if any(_MEASURES[c][0] for c in columns):
        weights = np.zeros(n)
        cc, cv = cinc["ccode"], cinc["cinc"].astype(np.float64)
        pos = np.searchsorted(codes, cc)
        ok = (pos < n) & (codes[np.minimum(pos, n - 1)] == cc)
        weights[pos[ok]] = cv[ok]
        tables[True] = contingency(values, weights)
    i, j = np.triu_indices(n, 1)
    results = {c: _MEASURES[c][1](tables[_MEASURES[c][0]]) for c in columns}
    out = {"ccode1": pa.array(codes[i], pa.int32()), "ccode2": pa.array(codes[j], pa.int32()),
           "year": pa.array(np.full(i.size, year), pa.int32())}
    for name, matrix in results.items():
        vals = matrix[i, j]
        out[name] = pa.array(vals, pa.float64(), mask=np.isnan(vals))
    return pa.table(out)
