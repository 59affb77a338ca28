"""Issue 9: throughput of the vectorised escalation engine, in dyad-rounds per second.

Target: >= 10 million dyad-rounds per second per core. The engine is single-threaded (NumPy
element-wise work), so one process is one core.

Network: all pairs of 200 states (19,900 dyads), 25 Monte Carlo replicates, 50 rounds
(24.9 million dyad-rounds per run), the default military-diplomatic ladder, shift
misperception at noise 0.05 with dual-use factor 2, channels 0.3 on every dyad, capability
weighting on (seeded random capabilities). Two populations: every state generous tit-for-tat
(the case the baseline also plays), and a mixed population of the eight engagement
strategies.

Baseline, measured in the same run: a straightforward per-dyad Python loop of the same game
(generous tit-for-tat on both sides, the same misperception model, trust update, payoffs and
spiral bookkeeping, with one ``random.random()`` per decision), timed on a small case and
scaled per dyad-round. Before timing, both implementations play a 60-dyad x 40-replicate x
50-round case and the run checks that they agree on the cooperation and mutual-cooperation
rates within 4 standard errors (they use different random streams, so they agree in
distribution, not draw for draw).
"""

from __future__ import annotations

import random

import numpy as np

from benchmarks._harness import measure, report
from detente.models.escalation import (
    ENGAGEMENT_STRATEGIES,
    EscalationGame,
    Game,
    GenerousTitForTat,
    Network,
    Perception,
    TrustDynamics,
    make_strategy,
)
from detente.models.escalation._engine import simulate

STATES, REPLICATES, ROUNDS = 200, 25, 50
NOISE, CHANNEL = 0.05, 0.3


def network(states: int = STATES, channel: float = CHANNEL) -> Network:
    capability = np.random.default_rng(0).random(states)
    return Network.complete(states, channel=channel, capability=capability)


def engine(net: Network, strategies: list, replicates: int, rounds: int, seed: int = 1):
    assignment = np.arange(net.n_states) % len(strategies)
    return simulate(net, strategies, assignment, game=Game(), perception=Perception(noise=NOISE),
                    trust=TrustDynamics(), rounds=rounds, replicates=replicates,
                    rng=np.random.default_rng(seed), power_weight=1.0)


def python_loop(net: Network, replicates: int, rounds: int, seed: int = 2) -> tuple[float, float]:
    """Per-dyad, per-replicate scalar loop of the same game with GTFT on both sides.

    Returns the cooperation rate and the mutual-cooperation rate.
    """
    game, perception, trust = Game(), Perception(noise=NOISE), TrustDynamics()
    ladder = game.ladder
    payoff = game.matrix.tolist()
    coop = ladder.cooperative.tolist()
    scores = ladder.scores.tolist()
    up, down = (a.tolist() for a in ladder.shifted)
    err = perception.error_by_action(ladder).astype(float).tolist()
    add, keep = (a.astype(float).tolist() for a in trust.tables(ladder))
    g = game.generous_forgiveness()
    c_rung = ladder.cooperate
    share, _ = net.power_share()
    hostility = ladder.hostility.tolist()
    rnd = random.Random(seed)
    total_coop = total_mutual = 0
    for e in range(net.n_dyads):
        factor = 1.0 - perception.channel_damping * float(net.channel[e])
        edge = (2.0 * share[e] - 1.0, 1.0 - 2.0 * share[e])
        for _ in range(replicates):
            tr = [float(net.trust_first[e]), float(net.trust_second[e])]
            seen = [c_rung, c_rung]
            pay = [0.0, 0.0]
            esc = [0, 0]
            run = flags = spirals = 0
            for t in range(rounds):
                act = [0, 0]
                for side in (0, 1):
                    if t == 0 or coop[seen[side]]:
                        act[side] = c_rung if t == 0 else seen[side]
                    else:
                        act[side] = c_rung if rnd.random() < g else seen[side]
                for side in (0, 1):
                    other = act[1 - side]
                    u = rnd.random()
                    p = err[other] * factor
                    if u < p:
                        q_up = 0.5 + 0.5 * perception.hostile_bias * (1.0 - tr[side])
                        other = up[other] if u < p * q_up else down[other]
                    seen[side] = other
                    tr[side] = add[other] + keep[other] * tr[side]
                for side in (0, 1):
                    a, b = act[side], act[1 - side]
                    pay[side] += payoff[a][b] + edge[side] * max(hostility[a], hostility[b])
                    esc[side] += scores[a]
                    total_coop += coop[a]
                mutual = coop[act[0]] and coop[act[1]]
                total_mutual += mutual
                if mutual:
                    if run >= 3 and flags == 3:
                        spirals += 1
                    run = flags = 0
                else:
                    run += 1
                    flags |= (not coop[act[0]]) | ((not coop[act[1]]) << 1)
    dyad_rounds = net.n_dyads * replicates * rounds
    return total_coop / (2 * dyad_rounds), total_mutual / dyad_rounds


def check_same_game() -> tuple[float, float, float, float]:
    """Engine and loop agree in distribution on a medium case (raises if not)."""
    net = network(12, CHANNEL)
    net = Network.from_edges(12, list(zip(net.first[:60], net.second[:60], strict=True)),
                             channel=CHANNEL, capability=net.capability)
    reps, rounds = 40, 50
    sim = engine(net, [GenerousTitForTat()], reps, rounds)
    n = net.n_dyads * reps * rounds
    ours = (float(sim.cooperative.sum() / (2 * n)), float(sim.mutual.sum() / n))
    loop = python_loop(net, reps, rounds)
    # replicate-level spread gives the standard error of the engine's estimates
    per_rep = sim.mutual.sum(axis=0) / (net.n_dyads * rounds)
    se = max(float(per_rep.std(ddof=1) / np.sqrt(reps)), 1e-3)
    for a, b in zip(ours, loop, strict=True):
        assert abs(a - b) < 4 * se * np.sqrt(2), (ours, loop, se)
    return (*ours, *loop)


def main() -> None:
    agreement = check_same_game()
    net = network()
    dyad_rounds = net.n_dyads * REPLICATES * ROUNDS
    gtft = measure("engine gtft", lambda: engine(net, [GenerousTitForTat()], REPLICATES, ROUNDS),
                   runs=3)
    mixed_strategies = [make_strategy(k) for k in ENGAGEMENT_STRATEGIES]
    mixed = measure("engine mixed", lambda: engine(net, mixed_strategies, REPLICATES, ROUNDS),
                    runs=3)
    full = measure("EscalationGame.run", lambda: EscalationGame(
        strategies=list(ENGAGEMENT_STRATEGIES), noise=NOISE, rounds=ROUNDS,
        replicates=REPLICATES).run(net, seed=3), runs=3)
    small = network(20)
    small_reps, small_rounds = 5, ROUNDS
    base = measure("python loop", lambda: python_loop(small, small_reps, small_rounds), runs=3)
    base_rate = small.n_dyads * small_reps * small_rounds / base.median
    rate = lambda t: dyad_rounds / t.median  # noqa: E731
    report("escalation engine: dyad-rounds per second (one core)", [
        ("network", f"all pairs of {STATES} states = {net.n_dyads:,} dyads, {REPLICATES} "
                    f"replicates, {ROUNDS} rounds = {dyad_rounds:,} dyad-rounds per run"),
        ("same game check (coop, mutual)", f"engine {agreement[0]:.3f}, {agreement[1]:.3f}; "
                                           f"loop {agreement[2]:.3f}, {agreement[3]:.3f}"),
        ("engine, all GTFT", f"{rate(gtft) / 1e6:.1f} M/s (median {gtft.median:.2f} s)"),
        ("engine, 8 strategies mixed",
         f"{rate(mixed) / 1e6:.1f} M/s (median {mixed.median:.2f} s)"),
        ("EscalationGame.run incl. tables",
         f"{rate(full) / 1e6:.1f} M/s (median {full.median:.2f} s)"),
        ("baseline: per-dyad Python loop", f"{base_rate / 1e6:.3f} M/s ({small.n_dyads} dyads x "
                                           f"{small_reps} replicates x {small_rounds} rounds, "
                                           f"median {base.median:.2f} s)"),
        ("ratio engine GTFT / loop", f"{rate(gtft) / base_rate:.0f}x"),
        ("target", f">= 10 M/s: {'met' if min(rate(gtft), rate(mixed)) >= 10e6 else 'MISSED'}"),
    ])


if __name__ == "__main__":
    main()
