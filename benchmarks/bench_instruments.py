"""Issue 3: the full multiplex edge list (alliance, arms, exercise, peacekeeping) for every
covered year, with per-layer normalisation and weights. Target: <= 2 s from a loaded store.

Baseline, measured in the same run: the same edge list built with pandas (group-bys per
layer from the engagements table, a self-merge for peacekeeping co-deployment, then the
per-year max normalisation); the run checks both have the same number of edges and the same
total weight before timing them.
"""

from __future__ import annotations

import pandas as pd

from benchmarks._harness import bench_store, measure, report
from detente.engagements import multiplex_edges
from detente.store import Store

LAYERS = ("alliance", "arms_transfer", "exercise", "peacekeeping")


def pandas_edges(store: Store) -> pd.DataFrame:
    e = store.sql("SELECT instrument, ccode1, ccode2, year, magnitude, directed, actor2, "
                  "event_id, source_id FROM all_engagements WHERE year IS NOT NULL AND "
                  "instrument IN ('alliance', 'arms_transfer', 'exercise', 'peacekeeping')").to_df()
    parts = []
    for name in ("alliance", "arms_transfer"):
        d = e[(e.instrument == name) & e.ccode1.notna() & e.ccode2.notna()]
        parts.append(d.groupby(["year", "ccode1", "ccode2"], as_index=False).magnitude.sum()
                     .assign(instrument=name))
    x = e[(e.instrument == "exercise") & (e.source_id == "mme") & e.ccode1.notna() & e.ccode2.notna()].copy()
    x["a"], x["b"] = x[["ccode1", "ccode2"]].min(axis=1), x[["ccode1", "ccode2"]].max(axis=1)
    parts.append(x.groupby(["year", "a", "b"], as_index=False).event_id.nunique()
                 .rename(columns={"a": "ccode1", "b": "ccode2", "event_id": "magnitude"})
                 .assign(instrument="exercise"))
    p = e[(e.instrument == "peacekeeping") & e.ccode1.notna()][["ccode1", "actor2", "year"]]
    m = p.merge(p, on=["actor2", "year"])
    m = m[m.ccode1_x < m.ccode1_y]
    parts.append(m.groupby(["year", "ccode1_x", "ccode1_y"], as_index=False).actor2.nunique()
                 .rename(columns={"ccode1_x": "ccode1", "ccode1_y": "ccode2", "actor2": "magnitude"})
                 .assign(instrument="peacekeeping"))
    out = pd.concat(parts, ignore_index=True)
    out["normalised"] = out.magnitude / out.groupby(["year", "instrument"]).magnitude.transform("max")
    out["weight"] = out.normalised
    return out.sort_values(["year", "instrument", "ccode1", "ccode2"], ignore_index=True)


def main() -> None:
    store = bench_store()
    ours = multiplex_edges(store, instruments=LAYERS)
    theirs = pandas_edges(store)
    assert ours.num_rows == len(theirs), (ours.num_rows, len(theirs))
    assert abs(sum(ours.column("weight").to_pylist()) - theirs.weight.sum()) < 1e-6
    years = sorted(set(ours.column("year").to_pylist()))
    fast = measure("detente", lambda: multiplex_edges(store, instruments=LAYERS))
    base = measure("pandas", lambda: pandas_edges(store), runs=3)
    report("instruments: multiplex edge list, every covered year", [
        ("edges", f"{ours.num_rows:,} over {len(years)} years ({years[0]}-{years[-1]})"),
        ("detente (one DuckDB query)", f"median {fast.median:.3f} s over {fast.runs} runs; "
                                       f"first run {fast.first:.3f} s"),
        ("baseline: pandas group-bys and merges", f"median {base.median:.3f} s over {base.runs} runs"),
        ("ratio baseline / detente", f"{base.median / fast.median:.1f}x"),
        ("target", f"<= 2 s: {'met' if fast.median <= 2.0 else 'MISSED'}"),
    ])


if __name__ == "__main__":
    main()
