"""Issue 8: the expected-utility bargaining model, 100 actors for 100 rounds.

Target: < 1 s on a 2-core machine. Input: the 100 states with the highest CINC in 2012 (COW
NMC 7.0, renormalised among them) with positions and saliences drawn from a seeded generator
(made up: no open data set gives 100 actors' stances on one issue). The run keeps going for
100 rounds (``tol=0``, no early stop) unless nobody moves.

Baseline, measured in the same run: the same round computed pair by pair in plain Python
(:func:`detente.testing.reference_round`: the ``O(n^3)`` sums over third parties, one pair
at a time). It is too slow to run 100 rounds, so it runs the first round, is checked against
the vectorised round, and its per-round time is scaled to the rounds the model ran.
"""

from __future__ import annotations

import time

import numpy as np

from benchmarks._harness import bench_store, measure, report
from detente.measures import cinc
from detente.models.bargaining import ExpectedUtilityBargaining, Issue
from detente.testing import reference_round

N_ACTORS, ROUNDS, SEED = 100, 100, 2012


def hundred_states() -> Issue:
    store = bench_store()
    top = store.rows("SELECT ccode FROM cow_nmc WHERE year = 2012 AND cinc IS NOT NULL "
                     "ORDER BY cinc DESC, ccode LIMIT ?", [N_ACTORS])
    table = cinc(store, years=(2012, 2012), states=[r[0] for r in top])
    rng = np.random.default_rng(SEED)
    return Issue(tuple(str(c) for c in table.column("ccode").to_pylist()),
                 np.array(table.column("cinc").to_pylist()), rng.uniform(0, 100, N_ACTORS),
                 rng.uniform(10, 100, N_ACTORS), scale=(0.0, 100.0),
                 name="100 states, CINC 2012, made-up stances")


def main() -> None:
    issue = hundred_states()
    model = ExpectedUtilityBargaining(max_rounds=ROUNDS, tol=0.0)
    result = model.run(issue)
    rounds = result.summary["rounds"]
    fast_first = model.step(issue, issue.position.copy())
    t0 = time.perf_counter()
    slow_first = reference_round(issue, list(issue.position), model)
    per_round_slow = time.perf_counter() - t0
    assert np.isclose(fast_first.median, slow_first["median"])
    assert np.allclose(fast_first.eu, slow_first["eu"], atol=1e-9)
    assert np.allclose(fast_first.offers.new_position, slow_first["new_position"], atol=1e-9)
    ours = measure("detente", lambda: model.run(issue), runs=5)
    step = measure("one vectorised round", lambda: model.step(issue, issue.position.copy()))
    baseline = per_round_slow * (rounds + 1)
    report(f"bargaining: {N_ACTORS} actors, {rounds} rounds (stopped: "
           f"{result.summary['stopped']})", [
        ("detente (NumPy, pairs as matrices), whole run",
         f"median {ours.median:.3f} s over {ours.runs} runs; first run {ours.first:.3f} s"),
        ("  of which one round (model.step)", f"median {step.median * 1000:.2f} ms"),
        ("  offers recorded", f"{result.tables['offers'].height:,}"),
        ("baseline: pair-by-pair Python round", f"{per_round_slow:.2f} s per round, x "
         f"{rounds + 1} rounds = {baseline:.1f} s (scaled)"),
        ("ratio baseline / detente", f"{baseline / ours.median:.0f}x"),
        ("target", f"< 1 s: {'met' if ours.median < 1.0 else 'MISSED'}"),
    ])


if __name__ == "__main__":
    main()
