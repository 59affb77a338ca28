"""A dyad profile: alliance obligations each way, disputes and capabilities, year by year."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from detente.actors import Actor
from detente.panels import add_alliances, add_capabilities, add_disputes
from detente.panels._spine import ATOP_TYPES
from detente.profiles._span import YearBounds, dyad_panel, pair_years
from detente.store import Store

_DISPUTES_SQL = """
SELECT d.dispnum, CAST(min(d.year) AS INTEGER) AS first_year,
       CAST(max(d.year) AS INTEGER) AS last_year, CAST(max(d.hostlev) AS INTEGER) AS hostlev,
       CAST(max(d.hostlev1) AS INTEGER) AS hostlev1, CAST(max(d.hostlev2) AS INTEGER) AS hostlev2,
       bool_or(d.orig1 = 1) AS originator1, bool_or(d.orig2 = 1) AS originator2,
       any_value(m.outcome) AS outcome, any_value(m.fatality) AS fatality
FROM gml_mid_dyad_years d LEFT JOIN gml_mid_disputes m USING (dispnum)
WHERE d.ccode1 = $a AND d.ccode2 = $b AND d.year BETWEEN $lo AND $hi
GROUP BY d.dispnum ORDER BY first_year, d.dispnum
"""


@dataclass(frozen=True)
class DyadProfile:
    """Two states over the years both were COW members.

    ``years``: one row per year with ATOP obligations each way (``atop_defense_ab`` = the
    first state pledged to defend the second; ``_ba`` the reverse), ``atop_anypledge``,
    GML dispute onset, ongoing and hostility, and both states' CINC (``cinc_a``,
    ``cinc_b``) with ``cinc_share_a`` = cinc_a / (cinc_a + cinc_b). ``disputes``: one row per
    GML MID between them.
    """

    a: Actor
    b: Actor
    span: tuple[int, int]
    years: pa.Table
    disputes: pa.Table
    data_versions: dict[str, str]


def dyad_profile(store: Store, first: str | int, second: str | int, *,
                 years: YearBounds | None = None) -> DyadProfile:
    """Profile the pair of states ``first`` and ``second`` name.

    ATOP obligations are directed, so both directions are reported: for the United States
    and Japan in 1960, ``atop_defense_ab`` is 1 and ``atop_defense_ba`` 0. Outside a source's
    coverage (ATOP 1815-2018, GML 1816-2010, NMC 1816-2022) its columns are null.
    Raises ``ProfileError`` when both name the same state or the two never coexisted.
    """
    a, b, span_years = pair_years(store, first, second, years)
    ab = dyad_panel(store, a.ccode, b.ccode, span_years)
    ab = ab.pipe(add_alliances).pipe(add_disputes).pipe(add_capabilities)
    ba = dyad_panel(store, b.ccode, a.ccode, span_years).pipe(add_alliances)
    out = {"year": ab.table["year"]}
    for t in ATOP_TYPES:
        out[f"atop_{t}_ab"] = ab.table[f"atop_{t}"]
        out[f"atop_{t}_ba"] = ba.table[f"atop_{t}"]
    for c in ("atop_anypledge", "gml_midonset", "gml_midongoing", "gml_hostlev", "gml_dispnum"):
        out[c] = ab.table[c]
    cinc_a, cinc_b = ab.table["cinc1"], ab.table["cinc2"]
    out["cinc_a"], out["cinc_b"] = cinc_a, cinc_b
    a_np = cinc_a.to_numpy(zero_copy_only=False).astype(float)
    b_np = cinc_b.to_numpy(zero_copy_only=False).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = a_np / (a_np + b_np)
    out["cinc_share_a"] = pa.array(share, pa.float64(), from_pandas=True)
    span = (int(span_years[0]), int(span_years[-1]))
    params = {"a": a.ccode, "b": b.ccode, "lo": span[0], "hi": span[1]}
    disputes = store.con.sql(_DISPUTES_SQL, params=params).to_arrow_table()
    versions = store.data_versions([*ab.tables, "gml_mid_disputes", "cow_state_spells",
                                    "country_code_years"])
    return DyadProfile(a, b, span, pa.table(out), disputes, versions)
