"""Issue 4: capability-weighted S (with S, kappa and tau-b) for every ATOP dyad-year.

Target: weighted S-scores for all dyad-years covered in <= 10 s on this 2-core machine.
Baseline, measured in the same run: the definition computed directly, one pair at a time
(vectorised over the portfolio's dimensions), on one year (1985), scaled to all dyad-years
by the number of pairs; the run first checks that both give the same S for that year.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import polars as pl

from benchmarks._harness import bench_store, measure, report
from detente.measures import alliance_similarity
from detente.store import Store


def direct_weighted_s(store: Store, year: int) -> pl.DataFrame:
    codes = np.array([r[0] for r in store.rows(
        "SELECT ccode FROM cow_system WHERE year = ? ORDER BY ccode", [year])])
    n = codes.size
    values = np.zeros((n, n))
    np.fill_diagonal(values, 3)
    pos = {c: i for i, c in enumerate(codes)}
    for c1, c2, v in store.rows(
            "SELECT ccode1, ccode2, CASE WHEN atop_defense = 1 OR atop_offense = 1 THEN 3 "
            "WHEN atop_neutral = 1 OR atop_nonagg = 1 THEN 2 WHEN atop_consul = 1 THEN 1 "
            "ELSE 0 END FROM atop_dyad_years WHERE year = ?", [year]):
        if c1 in pos and c2 in pos:
            values[pos[c1], pos[c2]] = v
    weights = np.zeros(n)
    for c, w in store.rows("SELECT ccode, cinc FROM cow_nmc WHERE year = ? AND cinc IS NOT NULL",
                           [year]):
        if c in pos:
            weights[pos[c]] = w
    x = values / 3
    rows = []
    for i in range(n):
        for j in range(i + 1, n):
            s = 1 - 2 * np.sum(weights * np.abs(x[i] - x[j])) / weights.sum()
            rows.append((int(codes[i]), int(codes[j]), s))
    return pl.DataFrame(rows, schema=["ccode1", "ccode2", "s"], orient="row")


def main() -> None:
    store = bench_store()
    pd.DataFrame()  # pyarrow's first conversion imports pandas; load it outside the timing
    full = pl.from_arrow(alliance_similarity(store))
    check = full.filter(pl.col("year") == 1985).join(direct_weighted_s(store, 1985),
                                                     on=["ccode1", "ccode2"])
    assert check.height > 10_000 and (check["s_abs_w"] - check["s"]).abs().max() < 1e-9
    ours = measure("detente", lambda: alliance_similarity(store, columns=["s_abs_w"]), runs=3)
    every = measure("detente, all 8", lambda: alliance_similarity(store), runs=3)
    t0 = time.perf_counter()
    sample = direct_weighted_s(store, 1985)
    per_pair = (time.perf_counter() - t0) / sample.height
    baseline = per_pair * full.height
    report("measures: alliance-portfolio similarity, every ATOP dyad-year", [
        ("dyad-years (non-directed)", f"{full.height:,} ({full['year'].min()}-{full['year'].max()})"),
        ("detente: weighted S", f"median {ours.median:.2f} s over {ours.runs} runs; first {ours.first:.2f} s"),
        ("detente: all 8 (S x4, kappa x3, tau-b)", f"median {every.median:.2f} s over {every.runs} runs"),
        ("baseline: direct per-pair S (1985, scaled)", f"{baseline:.1f} s ({per_pair * 1e6:.1f} us per pair, weighted S only)"),
        ("ratio baseline / detente", f"{baseline / ours.median:.1f}x"),
        ("target", f"<= 10 s: {'met' if ours.median <= 10 else 'MISSED'}"),
    ])


if __name__ == "__main__":
    main()
