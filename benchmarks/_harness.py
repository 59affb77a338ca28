"""Timing helpers and the store every benchmark reads."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from detente.store import Store, pull


@dataclass
class Timing:
    name: str
    first: float
    median: float
    runs: int
    note: str = ""


def measure(name: str, fn: Callable[[], object], *, runs: int = 7, note: str = "") -> Timing:
    """Time ``fn``: the first (cold) call and the median of ``runs`` further calls."""
    t0 = time.perf_counter()
    fn()
    first = time.perf_counter() - t0
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return Timing(name, first, statistics.median(times), runs, note)


def bench_store() -> Store:
    """The store named by DETENTE_STORE if it holds data, else a fresh one pulled from the mirror."""
    path = os.environ.get("DETENTE_STORE")
    if path and Path(path).exists():
        store = Store(path, read_only=True)
        if store.has_table("cow_system"):
            return store
        store.close()
    if not os.environ.get("DETENTE_MIRROR"):
        raise SystemExit("set DETENTE_MIRROR (e.g. ../shared/data) or DETENTE_STORE to a loaded store")
    tmp = Path(tempfile.mkdtemp(prefix="detente-bench-")) / "bench.duckdb"
    with Store(tmp) as db:
        pull(db)
    return Store(tmp, read_only=True)


def report(title: str, rows: list[tuple[str, str]]) -> None:
    width = max(len(k) for k, _ in rows)
    print(f"\n== {title}")
    for key, value in rows:
        print(f"  {key.ljust(width)}  {value}")
