"""Issue 7: the dyad-month temperature aggregation over a large event archive in Parquet.

A synthetic archive of ``DETENTE_BENCH_EVENTS`` events (default 30 million) is drawn from the
real samples in the data mirror, ingested first into a throwaway store: dyads (pairs of COW
codes) with the frequencies of the ICEWS samples' state-to-state events, CAMEO codes (with
their quad class and Goldstein weight) with the frequencies of the ICEWS and GDELT samples
together. The samples span only a few days, so dates are drawn uniformly over 2000-2024. The
archive is written to Parquet in a temporary folder (deleted at the end, never in the repo).

Timed: detente's dyad-month aggregation (the portable SQL of ``dyad_temperature``, as
DuckDB runs it from the Parquet file) with DuckDB on 1 thread and on 2 threads. Baseline,
measured in the same run on the same file: the same table with pandas (``read_parquet`` of
the five columns it needs, then ``groupby``), single-threaded. Before timing, the run checks
that the pandas table equals DuckDB's cell for cell. Goal: >= 5 million events per second per
core on DuckDB. With ``DETENTE_BENCH_SPARK=1`` the same SQL is also timed on Spark
(``local[2]``) over the same file, after checking that its table equals DuckDB's.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from benchmarks._harness import bench_store, measure, report
from detente.monitor import DuckDBEngine, ingest_events
from detente.monitor._temperature import dyads_sql
from detente.store import Store

SAMPLES = ("icews/events.2018.sample.tab", "icews/icews_sample.csv.gz",
           "gdelt_samples/gdelt2_events_subset_20171126.csv.gz",
           "gdelt_samples/gdelt2_events_subset_20171217.csv.gz")


def real_distributions(folder: Path) -> tuple[pa.Table, pa.Table]:
    """(dyads with counts, codes with counts) from the real samples, ingested into a copy."""
    mirror = Path(os.environ.get("DETENTE_MIRROR", "../shared/data"))
    source = bench_store()
    path = folder / "samples.duckdb"
    shutil.copy(source.path, path)
    source.close()
    with Store(path) as db:
        ingest_events(db, [mirror / s for s in SAMPLES])
        dyads = db.arrow("SELECT source_ccode, target_ccode, count(*) AS n FROM events "
                         "WHERE source_ccode IS NOT NULL AND target_ccode IS NOT NULL "
                         "AND source_ccode <> target_ccode GROUP BY ALL ORDER BY ALL")
        codes = db.arrow("SELECT cameo_code, any_value(quad_class) AS quad_class, "
                         "any_value(goldstein) AS goldstein, count(*) AS n FROM events "
                         "WHERE cameo_code IS NOT NULL GROUP BY 1 ORDER BY 1")
    return dyads, codes


def synthetic_archive(path: Path, rows: int, dyads: pa.Table, codes: pa.Table,
                      seed: int = 7) -> None:
    """Write ``rows`` events drawn from the real distributions to Parquet, in chunks."""
    rng = np.random.default_rng(seed)
    d_p = dyads["n"].to_numpy() / dyads["n"].to_numpy().sum()
    c_p = codes["n"].to_numpy() / codes["n"].to_numpy().sum()
    src, tgt = dyads["source_ccode"].to_numpy(), dyads["target_ccode"].to_numpy()
    quad = codes["quad_class"].to_numpy().astype(np.int8)
    gold = codes["goldstein"].to_numpy()
    names = codes["cameo_code"]
    first, last = np.datetime64("2000-01-01"), np.datetime64("2024-12-31")
    span = int((last - first).astype(int)) + 1
    writer = None
    chunk = 5_000_000
    for start in range(0, rows, chunk):
        n = min(chunk, rows - start)
        d = rng.choice(len(d_p), n, p=d_p)
        c = rng.choice(len(c_p), n, p=c_p)
        days = (first + rng.integers(0, span, n)).astype("datetime64[D]")
        table = pa.table({
            "date": pa.array(days, pa.date32()),
            "source_ccode": pa.array(src[d].astype(np.int32)),
            "target_ccode": pa.array(tgt[d].astype(np.int32)),
            "cameo_code": pa.DictionaryArray.from_arrays(pa.array(c.astype(np.int32)), names),
            "quad_class": pa.array(quad[c]),
            "goldstein": pa.array(gold[c]),
        })
        if writer is None:
            writer = pq.ParquetWriter(path, table.schema)
        writer.write_table(table)
    assert writer is not None
    writer.close()


def pandas_dyad_month(path: Path) -> pd.DataFrame:
    """The same table as dyad_temperature(freq='month'), built with pandas groupby."""
    frame = pd.read_parquet(path, columns=["date", "source_ccode", "target_ccode", "quad_class",
                                           "goldstein"])
    frame = frame[frame.source_ccode != frame.target_ccode]
    frame["period"] = pd.to_datetime(frame["date"]).dt.to_period("M").dt.start_time.dt.date
    for q, name in enumerate(("verbal_coop", "material_coop", "verbal_conflict",
                              "material_conflict"), start=1):
        frame[name] = (frame.quad_class == q).astype("int64")
    frame["tenths"] = np.round(frame.goldstein * 10).astype("int64")
    out = frame.groupby(["period", "source_ccode", "target_ccode"], sort=True).agg(
        events=("quad_class", "size"), verbal_coop=("verbal_coop", "sum"),
        material_coop=("material_coop", "sum"), verbal_conflict=("verbal_conflict", "sum"),
        material_conflict=("material_conflict", "sum"), n=("goldstein", "count"),
        tenths=("tenths", "sum")).reset_index()
    out = out.rename(columns={"source_ccode": "ccode1", "target_ccode": "ccode2"})
    out["cooperation"] = out.verbal_coop + out.material_coop
    out["conflict"] = out.verbal_conflict + out.material_conflict
    out["goldstein_total"] = out.tenths / 10.0
    out["goldstein_mean"] = out.tenths / (10.0 * out.n)
    out["net_cooperation"] = (out.cooperation - out.conflict) / out.events
    out["conflict_share"] = out.conflict / out.events
    return out.drop(columns=["n", "tenths"])


def _spark_timing(sql: str, tables: dict[str, Path], duck: pa.Table, rows: int
                  ) -> tuple[str, str] | None:
    """Time the same SQL on Spark local[2] when DETENTE_BENCH_SPARK=1 (after an equality check)."""
    if os.environ.get("DETENTE_BENCH_SPARK") != "1":
        return None
    from detente.monitor import SparkEngine, local_spark

    spark = local_spark("detente-bench")
    spark.sparkContext.setLogLevel("ERROR")
    try:
        engine = SparkEngine(spark)
        assert engine.run(sql, tables).cast(duck.schema).equals(duck)
        t = measure("spark local[2]", lambda: engine.run(sql, tables), runs=2)
    finally:
        spark.stop()
    return (t.name, f"median {t.median:.3f} s: {rows / t.median / 1e6:,.1f} M events/s "
                    "(same table as DuckDB)")


def main() -> None:
    rows = int(os.environ.get("DETENTE_BENCH_EVENTS", "30000000"))
    folder = Path(tempfile.mkdtemp(prefix="detente-bench-monitor-"))
    try:
        t0 = time.perf_counter()
        dyads, codes = real_distributions(folder)
        path = folder / "events.parquet"
        synthetic_archive(path, rows, dyads, codes)
        built = time.perf_counter() - t0
        sql = dyads_sql("month")
        engines = {n: DuckDBEngine(threads=n) for n in (1, 2)}
        tables = {"events": path}
        duck = engines[2].run(sql, tables)
        frame = pandas_dyad_month(path)
        expected = duck.to_pandas()
        for col in ("events", "verbal_coop", "material_coop", "verbal_conflict",
                    "material_conflict", "cooperation", "conflict"):
            assert (frame[col].to_numpy() == expected[col].to_numpy()).all(), col
        for col in ("goldstein_total", "goldstein_mean", "net_cooperation", "conflict_share"):
            np.testing.assert_allclose(frame[col].to_numpy(), expected[col].to_numpy(),
                                       rtol=1e-12)
        timings = [measure(f"duckdb, {n} thread{'s' if n > 1 else ''}",
                           lambda e=e: e.run(sql, tables), runs=5)
                   for n, e in engines.items()]
        base = measure("pandas groupby (1 thread)", lambda: pandas_dyad_month(path), runs=1)
        spark_line = _spark_timing(sql, tables, duck, rows)
        size = path.stat().st_size / 1e6
        lines = [("events", f"{rows:,} ({size:,.0f} MB Parquet, built in {built:.1f} s)"),
                 ("dyad-months", f"{duck.num_rows:,} (from {dyads.num_rows:,} real dyads and "
                                 f"{codes.num_rows} real CAMEO codes)"),
                 ("cores", str(os.cpu_count()))]
        for t, threads in zip(timings, (1, 2), strict=True):
            rate = rows / t.median
            lines.append((t.name, f"median {t.median:.3f} s (first {t.first:.3f} s): "
                                  f"{rate / 1e6:,.1f} M events/s, {rate / threads / 1e6:,.1f} M "
                                  f"events/s per core"))
        lines.append((base.name, f"median {base.median:.3f} s: {rows / base.median / 1e6:,.1f} "
                                 f"M events/s"))
        lines.append(("duckdb 1 thread vs pandas", f"{base.median / timings[0].median:,.1f}x "
                                                   "faster (same table, checked cell by cell)"))
        if spark_line:
            lines.append(spark_line)
        lines.append(("goal", ">= 5 M events/s per core on DuckDB: "
                              + ("met" if rows / timings[0].median >= 5e6 else "NOT met")))
        report("bench_monitor: dyad-month temperature from Parquet", lines)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
