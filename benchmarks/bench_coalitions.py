"""Issue 6: landscape theory on real inputs, exhaustive and heuristic.

Targets on a 2-core machine: exhaustive search (energies, every local minimum and its
basin) for 20 actors < 1 s and 24 actors < 20 s; the heuristic over every state of a year
(about 190) < 5 s.

Inputs are real: the 20 and 24 states with the largest CINC in 2000 and every state of 2000,
built from the store with the default propensity components.

Baselines, measured in the same run:

* **direct**: what a straightforward implementation does (the Axelrod-Furnas R script
  works this way): for each configuration in a Python loop, compute its energy and every
  single-switch energy with NumPy, and so its local-minimum status and steepest-descent
  successor. Timed on the 14 largest states (8,192 configurations, all of them) and scaled
  per configuration to 2^19 and 2^23 configurations. Before timing, the run checks that it
  finds the same energies, minima and successors as the vectorised search.
* **one start at a time**: the heuristic's descent run start by start in a Python loop
  (one NumPy step per switch), timed on 64 starts and scaled to the heuristic's 1,024.
"""

from __future__ import annotations

import time

import numpy as np

from benchmarks._harness import bench_store, measure, report
from detente.models.coalitions import (
    LandscapeInputs,
    build_inputs,
    couplings,
    descend,
    energy,
    exhaustive_landscape,
    heuristic_landscape,
)
from detente.models.coalitions._energy import tolerance
from detente.models.coalitions._exhaustive import _successors, code_labels
from detente.store import Store

YEAR = 2000
STARTS = 1024


def largest_states(store: Store, k: int) -> list[int]:
    rows = store.rows("SELECT ccode FROM cow_nmc WHERE year = ? AND cinc IS NOT NULL "
                      "ORDER BY cinc DESC LIMIT ?", [YEAR, k])
    return [int(r[0]) for r in rows]


def direct_search(inputs: LandscapeInputs) -> tuple[np.ndarray, np.ndarray]:
    """Energy and steepest-descent successor of every configuration, one at a time."""
    n = inputs.n
    J = couplings(inputs)
    tol = tolerance(J)
    total = 1 << (n - 1)
    energies = np.empty(total)
    successor = np.empty(total, dtype=np.int64)
    for code in range(total):
        x = code_labels(np.array(code), n)
        flips = np.tile(x, (n, 1))
        flips[np.arange(n), np.arange(n)] ^= 1
        e = energy(inputs, x)
        gains = energy(inputs, flips) - e
        energies[code] = e
        i = int(np.argmin(gains))
        if gains[i] < -tol:
            moved = flips[i] if flips[i][0] == 0 else 1 - flips[i]
            successor[code] = int(moved[1:] @ (1 << np.arange(n - 1)))
        else:
            successor[code] = code
    return energies, successor


def one_start_at_a_time(inputs: LandscapeInputs, starts: np.ndarray) -> np.ndarray:
    return np.array([descend(inputs, s) for s in starts])


def main() -> None:
    store = bench_store()
    small = build_inputs(store, YEAR, largest_states(store, 14))
    energies, successor = direct_search(small)
    found = exhaustive_landscape(small)
    assert np.allclose(energies, found.energies, rtol=1e-12, atol=1e-15), "energies differ"
    assert np.array_equal(successor, _successors(couplings(small), tolerance(couplings(small))))
    t0 = time.perf_counter()
    direct_search(small)
    per_config = (time.perf_counter() - t0) / (1 << 13)

    rows: list[tuple[str, str]] = []
    for n, target in ((20, 1.0), (24, 20.0)):
        inputs = build_inputs(store, YEAR, largest_states(store, n))
        runs = 3 if n == 20 else 1
        timing = measure(f"exhaustive n={n}", lambda i=inputs: exhaustive_landscape(i),
                         runs=runs)
        result = exhaustive_landscape(inputs)
        baseline = per_config * (1 << (n - 1))
        rows.append((f"exhaustive, {n} largest states {YEAR} ({1 << (n - 1):,} configs)",
                     f"{timing.median:.3f} s median of {runs} (first {timing.first:.3f} s); "
                     f"target < {target:g} s; {len(result.minima)} minima"))
        rows.append(("  direct per-configuration baseline (scaled from n=14)",
                     f"{baseline:,.0f} s; ratio {baseline / timing.median:,.0f}x"))

    every = build_inputs(store, YEAR)
    timing = measure("heuristic", lambda: heuristic_landscape(every, starts=STARTS, seed=1),
                     runs=5)
    found_h = heuristic_landscape(every, starts=STARTS, seed=1)
    starts = np.random.default_rng(1).integers(0, 2, size=(64, every.n), dtype=np.int8)
    assert np.array_equal(one_start_at_a_time(every, starts[:8]), descend(every, starts[:8]))
    t0 = time.perf_counter()
    one_start_at_a_time(every, starts)
    loop = (time.perf_counter() - t0) / 64 * STARTS
    rows.append((f"heuristic, all {every.n} states {YEAR}, {STARTS} starts",
                 f"{timing.median:.3f} s median of 5 (first {timing.first:.3f} s); target < 5 s; "
                 f"{len(found_h.energies)} distinct minima, lowest {found_h.energies[0]:.6g}"))
    rows.append(("  one-start-at-a-time baseline (scaled from 64 starts)",
                 f"{loop:.2f} s; ratio {loop / timing.median:.1f}x"))
    report("coalitions: landscape search (issue 6)", rows)


if __name__ == "__main__":
    main()
