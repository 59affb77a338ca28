"""Issue 2: all directed COW dyad-years 1816-2016 with alliances, capabilities and disputes.

Target: <= 1 s from a loaded store on a 2-core machine. Baseline, measured in the same run:
the same table built with pandas merges over the same store tables (state-year self-merge
per year, then ATOP, NMC twice and GML MIDs, with the same coverage rules and sort order);
the run asserts that both tables are equal cell for cell before timing them. For reference,
the issue quotes peacesciencer 1.2.9 (R) at 5.2 s median for the equivalent
``create_dyadyears(directed=TRUE) |> add_atop_alliance() |> add_nmc() |> add_gml_mids()``
on this kind of machine; R is not available here to measure it again.
"""

from __future__ import annotations

import resource

import numpy as np
import pandas as pd
import pyarrow as pa

from benchmarks._harness import bench_store, measure, report
from detente.panels import add_alliances, add_capabilities, add_disputes, create_dyad_years
from detente.store import Store


def detente_pipeline(store: Store) -> pa.Table:
    panel = (create_dyad_years(store, directed=True).pipe(add_alliances)
             .pipe(add_capabilities).pipe(add_disputes))
    return panel.to_arrow()


def pandas_pipeline(store: Store) -> pd.DataFrame:
    """The same table, built as a careful pandas user would: merges, then coverage rules."""
    states = store.sql("SELECT ccode, year FROM cow_system").to_df()
    atop = store.sql("SELECT * EXCLUDE (source_row) FROM atop_dyad_years").to_df()
    nmc = store.sql("SELECT * EXCLUDE (source_row) FROM cow_nmc").to_df()
    gml = store.sql("SELECT * FROM gml_mid_dyad_years").to_df()
    dyads = states.merge(states, on="year", suffixes=("1", "2"))
    dyads = dyads.loc[dyads.ccode1 != dyads.ccode2, ["ccode1", "ccode2", "year"]]
    dyads = dyads.merge(atop.assign(_hit=1), on=["ccode1", "ccode2", "year"], how="left")
    in_atop = dyads.year.between(*store.coverage("atop_dyad_years"))
    for c in ("defense", "offense", "neutral", "nonagg", "consul"):
        dyads[f"atop_{c}"] = dyads[f"atop_{c}"].fillna(0).where(in_atop)
    dyads["atop_anypledge"] = dyads.pop("_hit").fillna(0).where(in_atop)
    for s in ("1", "2"):
        dyads = dyads.merge(nmc.add_suffix(s).rename(columns={f"year{s}": "year"}),
                            on=[f"ccode{s}", "year"], how="left")
    gml = gml.rename(columns={"gmlmidonset": "gml_midonset", "gmlmidongoing": "gml_midongoing",
                              "hostlev": "gml_hostlev", "dispnum": "gml_dispnum",
                              **{f"{v}{i}": f"gml_{v}{i}" for v in ("hostlev", "hiact", "sidea", "orig")
                                 for i in ("1", "2")}})
    keep = ["gml_midonset", "gml_midongoing", "gml_hostlev", "gml_dispnum",
            *[f"gml_{v}{i}" for v in ("hostlev", "hiact", "sidea", "orig") for i in ("1", "2")]]
    dyads = dyads.merge(gml[["ccode1", "ccode2", "year", *keep]], on=["ccode1", "ccode2", "year"],
                        how="left")
    in_gml = dyads.year.between(*store.coverage("gml_mid_dyad_years"))
    for c in ("gml_midonset", "gml_midongoing", "gml_hostlev"):
        dyads[c] = dyads[c].fillna(0).where(in_gml)
    return dyads.sort_values(["year", "ccode1", "ccode2"], ignore_index=True)


def same_table(ours: pa.Table, theirs: pd.DataFrame) -> None:
    """Both pipelines must give the same table, cell for cell (nulls included)."""
    assert ours.num_rows == len(theirs), (ours.num_rows, len(theirs))
    assert set(ours.column_names) == set(theirs.columns), set(ours.column_names) ^ set(theirs.columns)
    for name in ours.column_names:
        a = ours.column(name).to_numpy(zero_copy_only=False).astype("float64")
        b = theirs[name].to_numpy(dtype="float64", na_value=np.nan)
        assert np.array_equal(a, b, equal_nan=True), name


def main() -> None:
    store = bench_store()
    # pyarrow imports pandas on its first array conversion (about 1 s, once per process);
    # the baseline needs pandas anyway, so both sides start with it loaded.
    pd.DataFrame()
    ours_table, theirs = detente_pipeline(store), pandas_pipeline(store)
    rows = ours_table.num_rows
    same_table(ours_table, theirs)
    ours = measure("detente", lambda: detente_pipeline(store))
    base = measure("pandas merges", lambda: pandas_pipeline(store), runs=3)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report("panels: directed dyad-years 1816-2016 + alliances, capabilities, disputes", [
        ("rows", f"{rows:,}"),
        ("detente (DuckDB + sorted-key alignment)", f"median {ours.median:.3f} s over {ours.runs} runs; first run {ours.first:.3f} s"),
        ("baseline: pandas merges", f"median {base.median:.3f} s over {base.runs} runs"),
        ("ratio baseline / detente", f"{base.median / ours.median:.1f}x"),
        ("reference: peacesciencer 1.2.9 (issue)", f"5.2 s -> {5.2 / ours.median:.1f}x"),
        ("target", f"<= 1 s: {'met' if ours.median <= 1.0 else 'MISSED'}"),
        ("process peak RSS", f"{peak_mb:,.0f} MB (both pipelines)"),
    ])


if __name__ == "__main__":
    main()
