"""UN General Assembly voting agreement for every pair of states and year, by matrix products.

Method. For a year, let Y, N and A be 0/1 matrices (states x roll calls) marking a yes, no
or abstain vote, and V = Y + N + A the votes cast. Over the roll calls both states voted in,

    both  = V Vᵀ                      (roll calls both voted in)
    same  = Y Yᵀ + N Nᵀ + A Aᵀ        (identical votes)
    half  = Y Aᵀ + A Yᵀ + N Aᵀ + A Nᵀ  (one abstained, the other did not)

``un_agree`` = same / both is the share of identical votes with abstention as a third
category, the "agree" index of Voeten's dyadic agreement data (Voeten 2013; Bailey,
Strezhnev and Voeten 2017 use it as the raw similarity their ideal points improve on).
``un_agree_lijphart`` = (same + half / 2) / both counts a yes/abstain or no/abstain split as
half an agreement (Lijphart 1963). Absences are not in the data (unvotes records only yes,
no and abstain), so a roll call one state missed does not count for the pair at all; it is
not read as disagreement. Votes are dated by the roll call's calendar year.

References: Voeten, E. 2013. "Data and Analyses of Voting in the UN General Assembly."
Lijphart, A. 1963. "The Analysis of Bloc Voting in the General Assembly." APSR 57(4).
"""

from __future__ import annotations

import duckdb
import numpy as np
import pyarrow as pa

from detente.engagements._feeds import actor_of

VOTES_SQL = f"""
SELECT year(r.date)::INTEGER AS year, v.rcid,
       TRY_CAST({actor_of('unvotes', 'v.country', 'year(r.date)')} AS INTEGER) AS ccode,
       v.vote
FROM un_votes v JOIN un_roll_calls r USING (rcid)
"""


def agreement_matrices(ccode: np.ndarray, rcid: np.ndarray, vote: np.ndarray
                       ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """One year's (states, both, same, half) from vote rows; see the module docstring.

    ``vote`` holds 0 (yes), 1 (abstain), 2 (no). Returns the sorted state codes and three
    square matrices indexed like them.
    """
    states, si = np.unique(ccode, return_inverse=True)
    _, ri = np.unique(rcid, return_inverse=True)
    shape = (states.size, int(ri.max()) + 1 if ri.size else 0)
    mats = []
    for code in (0, 1, 2):
        m = np.zeros(shape, dtype=np.float32)
        keep = vote == code
        m[si[keep], ri[keep]] = 1.0
        mats.append(m)
    y, a, n = mats
    v = y + a + n
    both = v @ v.T
    same = y @ y.T + n @ n.T + a @ a.T
    half = y @ a.T + a @ y.T + n @ a.T + a @ n.T
    return states, both, same, half


def un_agreement_table(con: duckdb.DuckDBPyConnection) -> pa.Table:
    """Non-directed dyad-years (ccode1 < ccode2) with un_votes_both, un_agree,
    un_agree_lijphart; states mapped by the reviewed name table, year-aware."""
    votes = con.sql(f"SELECT year, rcid, ccode, CASE vote WHEN 'yes' THEN 0 WHEN 'abstain' "
                    f"THEN 1 ELSE 2 END AS v FROM ({VOTES_SQL}) WHERE ccode IS NOT NULL "
                    f"ORDER BY year").fetchnumpy()
    years = votes["year"]
    bounds = np.flatnonzero(np.r_[True, years[1:] != years[:-1], True])
    parts: dict[str, list[np.ndarray]] = {k: [] for k in
                                          ("ccode1", "ccode2", "year", "both", "same", "half")}
    for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):  # one step per year
        states, both, same, half = agreement_matrices(
            votes["ccode"][lo:hi], votes["rcid"][lo:hi], votes["v"][lo:hi])
        i, j = np.triu_indices(states.size, k=1)
        keep = both[i, j] > 0
        i, j = i[keep], j[keep]
        parts["ccode1"].append(states[i])
        parts["ccode2"].append(states[j])
        parts["year"].append(np.full(i.size, years[lo]))
        parts["both"].append(both[i, j])
        parts["same"].append(same[i, j])
        parts["half"].append(half[i, j])
    cat = {k: np.concatenate(v) for k, v in parts.items()}
    both = cat["both"].astype(np.float64)
    return pa.table({
        "ccode1": pa.array(cat["ccode1"], pa.int32()),
        "ccode2": pa.array(cat["ccode2"], pa.int32()),
        "year": pa.array(cat["year"], pa.int32()),
        "un_votes_both": pa.array(cat["both"].astype(np.int32)),
        "un_agree": pa.array(cat["same"] / both),
        "un_agree_lijphart": pa.array((cat["same"] + cat["half"] / 2) / both),
    })


def build_un_agreement(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)build the store table ``un_agreement`` (see :func:`un_agreement_table`)."""
    table = un_agreement_table(con)
    con.register("_agreement", table)
    con.execute("CREATE OR REPLACE TABLE un_agreement AS SELECT * FROM _agreement "
                "ORDER BY year, ccode1, ccode2")
    con.unregister("_agreement")
