"""Outcome tables from an engine run: per strategy, per dyad, per state and per round.

Definitions (all rates are shares of side-rounds or dyad-rounds):

- ``cooperation_rate``: share of side-rounds on a cooperative rung (score <= 0);
- ``mutual_cooperation``: share of dyad-rounds in which both sides cooperated;
- ``mean_escalation``: mean escalation score per side-round (Rivera et al. 2024 scale);
- ``payoff_per_round``: mean stage-game payoff per side-round;
- ``spirals_per_100_rounds``: spirals (see :mod:`._engine`) per dyad per 100 rounds;
- ``spiral_length``: mean length of spirals in rounds (open ones counted as observed);
- ``time_to_deescalation``: mean length of resolved spirals, i.e. rounds from the first
  hostile round to the first round of mutual cooperation; null when none resolved;
- ``unresolved_share``: share of spirals still open at the last round;
- ``final_trust``: mean trust in the partner after the last round.

Per-strategy rows pool the dyad sides that use the strategy (a dyad counts once for each of
its sides); ``*_se`` columns are standard errors across Monte Carlo replicates.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from detente.models.escalation._engine import Simulation


def _ratio(num: np.ndarray | float, den: np.ndarray | float) -> np.ndarray:
    num, den = np.asarray(num, dtype=np.float64), np.asarray(den, dtype=np.float64)
    return np.divide(num, den, out=np.full(np.broadcast(num, den).shape, np.nan), where=den > 0)


def _se(per_replicate: np.ndarray) -> np.ndarray:
    r = per_replicate.shape[-1]
    if r < 2:
        return np.full(per_replicate.shape[:-1], np.nan)
    return per_replicate.std(axis=-1, ddof=1) / np.sqrt(r)


def _nan_to_null(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(pl.col(pl.Float64).fill_nan(None))


def strategy_labels(sim: Simulation) -> list[str]:
    return [s.label() for s in sim.strategies]


def _side_dyad_arrays(sim: Simulation) -> dict[str, np.ndarray]:
    """Dyad counters repeated for both sides, shape (2E, R)."""
    twice = lambda x: np.concatenate((x, x))  # noqa: E731
    spirals = sim.resolved + sim.open_spiral
    return {
        "mutual": twice(sim.mutual),
        "spirals": twice(spirals),
        "spiral_rounds": twice(sim.resolved_rounds + sim.open_rounds),
        "resolved": twice(sim.resolved),
        "resolved_rounds": twice(sim.resolved_rounds),
        "open": twice(sim.open_spiral.astype(np.int64)),
    }


def by_strategy(sim: Simulation) -> pl.DataFrame:
    """One row per strategy: the outcomes of the sides that use it."""
    n = len(sim.strategies)
    onehot = (sim.side_strategy[None, :] == np.arange(n)[:, None]).astype(np.float64)
    sides = onehot.sum(axis=1)
    t = sim.rounds

    def per_rep(x: np.ndarray) -> np.ndarray:  # (n, R) sums over each strategy's sides
        return onehot @ x.astype(np.float64)

    dy = _side_dyad_arrays(sim)
    exposure = (sides * t)[:, None]
    coop = _ratio(per_rep(sim.cooperative), exposure)
    mutual = _ratio(per_rep(dy["mutual"]), exposure)
    esc = _ratio(per_rep(sim.escalation), exposure)
    pay = _ratio(per_rep(sim.payoff), exposure)
    spirals = per_rep(dy["spirals"])
    spiral_rate = _ratio(spirals * 100.0, exposure)
    pooled = lambda key: per_rep(dy[key]).sum(axis=1)  # noqa: E731
    frame = pl.DataFrame({
        "strategy": strategy_labels(sim),
        "sides": sides.astype(np.int64),
        "cooperation_rate": coop.mean(axis=1),
        "cooperation_rate_se": _se(coop),
        "mutual_cooperation": mutual.mean(axis=1),
        "mutual_cooperation_se": _se(mutual),
        "mean_escalation": esc.mean(axis=1),
        "mean_escalation_se": _se(esc),
        "payoff_per_round": pay.mean(axis=1),
        "spirals_per_100_rounds": spiral_rate.mean(axis=1),
        "spiral_length": _ratio(pooled("spiral_rounds"), spirals.sum(axis=1)),
        "time_to_deescalation": _ratio(pooled("resolved_rounds"), pooled("resolved")),
        "unresolved_share": _ratio(pooled("open"), spirals.sum(axis=1)),
        "final_trust": _ratio(per_rep(sim.trust).sum(axis=1), sides * sim.replicates),
    })
    return _nan_to_null(frame.filter(pl.col("sides") > 0))


def by_dyad(sim: Simulation) -> pl.DataFrame:
    """One row per dyad, averaged over replicates."""
    net = sim.network
    e, t, r = net.n_dyads, sim.rounds, sim.replicates
    labels = strategy_labels(sim)
    spirals = (sim.resolved + sim.open_spiral).sum(axis=1)
    rate = lambda x: x.sum(axis=1) / (t * r)  # noqa: E731
    frame = net.dyads().select("dyad", "state1", "state2", "channel", "trust12", "trust21",
                               *(["ccode1", "ccode2"] if net.codes is not None else []))
    frame = frame.rename({"trust12": "initial_trust12", "trust21": "initial_trust21"})
    return _nan_to_null(frame.with_columns(
        pl.Series("strategy1", [labels[i] for i in sim.side_strategy[:e]]),
        pl.Series("strategy2", [labels[i] for i in sim.side_strategy[e:]]),
        pl.Series("cooperation1", rate(sim.cooperative[:e])),
        pl.Series("cooperation2", rate(sim.cooperative[e:])),
        pl.Series("mutual_cooperation", rate(sim.mutual)),
        pl.Series("mean_escalation", (rate(sim.escalation[:e]) + rate(sim.escalation[e:])) / 2),
        pl.Series("payoff1", rate(sim.payoff[:e])),
        pl.Series("payoff2", rate(sim.payoff[e:])),
        pl.Series("spirals_per_replicate", spirals / r),
        pl.Series("time_to_deescalation", _ratio(sim.resolved_rounds.sum(axis=1),
                                                 sim.resolved.sum(axis=1))),
        pl.Series("final_trust12", sim.trust[:e].mean(axis=1).astype(np.float64)),
        pl.Series("final_trust21", sim.trust[e:].mean(axis=1).astype(np.float64)),
    ))


def by_state(sim: Simulation) -> pl.DataFrame:
    """One row per state: its strategy and outcomes over all its dyads.

    ``trust_received`` is the mean final trust its partners place in it.
    """
    net = sim.network
    n, t, r = net.n_states, sim.rounds, sim.replicates
    owner = np.concatenate((net.first, net.second))
    partner_row = np.concatenate((np.arange(net.n_dyads) + net.n_dyads, np.arange(net.n_dyads)))
    degree = np.bincount(owner, minlength=n)

    def mean(x: np.ndarray) -> np.ndarray:
        return _ratio(np.bincount(owner, weights=x.sum(axis=1).astype(np.float64), minlength=n),
                      degree * t * r)

    received = np.bincount(owner, weights=sim.trust[partner_row].mean(axis=1).astype(np.float64),
                           minlength=n)
    labels = strategy_labels(sim)
    frame = pl.DataFrame({
        "state": list(net.states),
        "strategy": [labels[i] for i in sim.state_strategy],
        "partners": degree.astype(np.int64),
        "cooperation_rate": mean(sim.cooperative),
        "mean_escalation": mean(sim.escalation),
        "payoff_per_round": mean(sim.payoff),
        "trust_received": _ratio(received, degree),
    })
    if net.codes is not None:
        frame = frame.insert_column(1, pl.Series("ccode", net.codes))
    return _nan_to_null(frame)


def by_round(sim: Simulation) -> pl.DataFrame:
    """Cooperation rate and mean escalation per round and strategy (for trajectories)."""
    n = len(sim.strategies)
    sides = np.bincount(sim.side_strategy, minlength=n) * sim.replicates
    rounds = np.repeat(np.arange(sim.rounds), n)
    strat = np.tile(np.arange(n), sim.rounds)
    keep = sides[strat] > 0
    labels = np.array(strategy_labels(sim), dtype=object)
    return pl.DataFrame({
        "round": rounds[keep],
        "strategy": labels[strat[keep]].tolist(),
        "cooperation_rate": _ratio(sim.round_cooperative.ravel(), sides[strat])[keep],
        "mean_escalation": _ratio(sim.round_escalation.ravel(), sides[strat])[keep],
    })


def history(sim: Simulation) -> pl.DataFrame:
    """Every side's action and what its partner perceived, per round and replicate.

    Needs a run with ``record=True``. Long format: ``replicate, round, dyad, state,
    partner, action, perceived_by_partner``.
    """
    assert sim.actions is not None and sim.perceived is not None
    net = sim.network
    e = net.n_dyads
    t, s, r = sim.actions.shape
    owner = np.concatenate((net.first, net.second))
    other = np.concatenate((net.second, net.first))
    # perceived[t, row] is what `row` saw of its partner; the partner of row is row +/- E
    partner_row = np.concatenate((np.arange(e) + e, np.arange(e)))
    seen_by_partner = sim.perceived[:, partner_row]
    names = np.array(net.states, dtype=object)
    rep, rnd, row = np.meshgrid(np.arange(r), np.arange(t), np.arange(s), indexing="ij")
    return pl.DataFrame({
        "replicate": rep.ravel(),
        "round": rnd.ravel(),
        "dyad": (row % e).ravel(),
        "state": names[owner[row.ravel()]].tolist(),
        "partner": names[other[row.ravel()]].tolist(),
        "action": sim.actions.transpose(2, 0, 1).ravel().astype(np.int64),
        "perceived_by_partner": seen_by_partner.transpose(2, 0, 1).ravel().astype(np.int64),
    })
