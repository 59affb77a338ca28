"""Run every benchmark: ``uv run python -m benchmarks [name ...]``."""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = ["bench_panels", "bench_instruments", "bench_measures", "bench_bargaining",
              "bench_coalitions", "bench_escalation", "bench_monitor", "bench_service",
              "bench_model_service", "bench_sim_service"]


def main(argv: list[str]) -> None:
    chosen = [a if a.startswith("bench_") else f"bench_{a}" for a in argv] or BENCHMARKS
    for name in chosen:
        importlib.import_module(f"benchmarks.{name}").main()


if __name__ == "__main__":
    main(sys.argv[1:])
