"""Issues 9 and 7 over HTTP: a typical escalation comparison and a temperature query.

One real server on 127.0.0.1 (``detente serve --read-only --cache-mb 0``: the response cache
off, so every answer is computed) reads a copy of the store into which the two real ICEWS
samples are ingested. Measured, one request at a time:

- ``POST /api/v1/escalation/compare``: 10 states calibrated for 2010, 4 strategies, 3 noise
  levels, 50 rounds, 20 replicates (12 runs, 540,000 dyad-rounds). The first request
  calibrates the network from the store; later ones with the same states reuse it.
- ``GET /api/v1/monitor/temperature``: USA-China by day, both directions.

The server's very first request is timed apart: it pays one-time imports (pandas, polars'
thread pool), which are slow where Python runs without cached bytecode
(``PYTHONDONTWRITEBYTECODE=1``).

Baseline, in the same run: the same computation called in-process through the library
(``calibrate`` + ``sweep``; ``temperature``), so the ratio is what the service adds (HTTP,
validation, JSON). Target: a typical request well under a second.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from benchmarks._harness import bench_store, measure, report
from benchmarks.bench_service import server
from detente.models.escalation import EscalationGame, calibrate, sweep
from detente.monitor import ingest_events, temperature
from detente.store import Store

STATES = ["USA", "CHN", "JPN", "RUS", "UKG", "FRN", "IND", "PAK", "GMY", "ITA"]
COMPARE = {"year": 2010, "states": STATES, "strategies": ["tft", "gtft", "grit", "wsls"],
           "noise": [0, 0.05, 0.1], "rounds": 50, "replicates": 20, "seed": 1}
TEMPERATURE = {"a": "USA", "b": "CHN", "freq": "day", "directed": "false"}
RUNS = 15


def timed(fn: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    """Seconds for the first call, and the median of ``runs`` further calls."""
    timing = measure("", fn, runs=runs)
    return timing.first, timing.median


def events_store(folder: Path) -> Path:
    """A copy of the benchmark store with the mirror's two ICEWS samples ingested."""
    mirror = os.environ.get("DETENTE_MIRROR")
    if not mirror:
        raise SystemExit("set DETENTE_MIRROR (e.g. ../shared/data): the temperature query "
                         "reads the ICEWS samples")
    source = bench_store()
    path = folder / "events.duckdb"
    shutil.copy(source.path, path)
    source.close()
    with Store(path) as db:
        ingest_events(db, [Path(mirror) / "icews" / "events.2018.sample.tab",
                           Path(mirror) / "icews" / "icews_sample.csv.gz"])
    return path


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="detente-bench-sim-"))
    try:
        path = events_store(folder)
        grid = {"strategies": COMPARE["strategies"], "noise": COMPARE["noise"]}
        base_model = EscalationGame(rounds=50, replicates=20)
        with Store(path, read_only=True) as db:
            lib_first, lib_compare = timed(lambda: sweep(
                calibrate(db, 2010, STATES), grid, base=base_model, seed=1), runs=5)
            network = calibrate(db, 2010, STATES)
            _, lib_sweep = timed(lambda: sweep(network, grid, base=base_model, seed=1), runs=5)
            _, lib_temp = timed(lambda: temperature(db, "USA", "CHN", freq="day",
                                                    directed=False))
        with server(path, cache_mb=0) as base, httpx.Client(base_url=base, timeout=60) as http:
            def post() -> None:
                http.post("/api/v1/escalation/compare", json=COMPARE).raise_for_status()

            def get() -> None:
                http.get("/api/v1/monitor/temperature", params=TEMPERATURE).raise_for_status()

            t0 = time.perf_counter()  # the process's first request: one-time imports
            http.post("/api/v1/escalation/compare", json={**COMPARE, "states": STATES[:3]}
                      ).raise_for_status()
            first_request = time.perf_counter() - t0
            cold_compare, warm_compare = timed(post)
            cold_temp, warm_temp = timed(get)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    ms = lambda s: f"{s * 1000:.0f} ms"  # noqa: E731
    report("escalation and monitor over HTTP (one client, 127.0.0.1, response cache off)", [
        ("the server's first request (imports pandas, polars ... once)",
         ms(first_request)),
        ("compare: 10 states 2010, 4 x 3 runs, 50 rounds x 20 replicates",
         f"first {ms(cold_compare)} (calibrates), then median {ms(warm_compare)}"),
        ("  baseline: library calibrate + sweep", f"first {ms(lib_first)}, median "
                                                 f"{ms(lib_compare)}; sweep alone "
                                                 f"{ms(lib_sweep)}"),
        ("  ratio service / library (median, calibration reused)",
         f"{warm_compare / lib_sweep:.2f}x"),
        ("temperature: USA-CHN by day, both ways", f"first {ms(cold_temp)}, median "
                                                   f"{ms(warm_temp)}"),
        ("  baseline: library temperature()", f"median {ms(lib_temp)}"),
        ("  ratio service / library", f"{warm_temp / lib_temp:.2f}x"),
        ("target: well under 1 s (after the first request)",
         "met" if max(cold_compare, warm_compare, cold_temp, warm_temp) < 1.0 else "MISSED"),
        ("machine", f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end "
                    "(shared with other work)"),
    ])


if __name__ == "__main__":
    main()
