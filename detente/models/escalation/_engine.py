"""The vectorised engine: every dyad side and Monte Carlo replicate advance together.

Layout. A network of ``E`` dyads has ``S = 2E`` dyad sides; every per-side quantity is an
array of shape ``(S, R)`` for ``R`` replicates, rows ``0..E-1`` holding one side of each
dyad and rows ``E..2E-1`` the other, so a side's partner is the row ``E`` away and "what my
partner did" is two contiguous copies, not a gather. Dyads are oriented and sorted by the
strategies of their two sides, so the rows using one strategy form a few contiguous blocks
and each strategy decides for all of them at once on array views. The round loop is Python;
inside a round everything is whole-array NumPy over sides and replicates.

Without ``reputation`` dyads do not interact: a network run equals its dyads played one
by one (a property test checks it). One round:

1. each strategy decides from its sides' own last action, the partner's last *perceived*
   action and trust (round 0: its opening);
2. each side's action is passed through misperception (:mod:`._perception`) to its partner,
   with one uniform draw per side;
3. payoffs come from the real actions (:class:`._game.Game`), plus a zero-sum capability
   term ``w * (2 s - 1) * max(h_a, h_b)`` where ``s`` is the side's share of the dyad's
   capability, ``h`` the rungs' hostility in [0, 1] and ``w`` the ``power_weight``: in an
   escalated exchange the stronger side does better;
4. trust is updated from what was perceived (:mod:`._trust`); with ``reputation`` ``r`` > 0
   each side's trust in its partner ``j`` is then pulled toward the mean trust that all of
   ``j``'s partners place in ``j``, ``x <- (1 - r) x + r * mean(x_{. -> j})``, so what one
   state perceives of ``j`` spreads to ``j``'s other partners (indirect reciprocity through
   reputation, Nowak and Sigmund 1998): the one coupling between dyads;
5. counters advance: cooperation, escalation score, payoff, mutual cooperation and spirals.

Spirals (after Jervis 1976's spiral model). A round is *hostile* for a dyad when at least
one side takes an escalatory rung (escalation score > 0). An *episode* is a maximal run of
hostile rounds; a *spiral* is an episode at least ``spiral_min`` rounds long in which both
sides escalated at least once (so one-sided coercion of an appeaser is not a spiral). A
spiral is *resolved* when a round of mutual cooperation ends it; its length is then the
*time to de-escalation*. Spirals still running at the last round are counted as open.

References: Jervis (1976), *Perception and Misperception in International Politics*;
Nowak, M. A. and Sigmund, K. (1998), "Evolution of indirect reciprocity by image scoring,"
*Nature* 393, 573-577.

Randomness: one :class:`numpy.random.Generator` per run, drawn in a fixed order (strategies
by block, then perception), so the same seed, network, strategies and sizes give the same
result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from detente._errors import ModelInputError
from detente.models.escalation._game import Game
from detente.models.escalation._network import Network
from detente.models.escalation._perception import Perception
from detente.models.escalation._strategies import Strategy, View
from detente.models.escalation._trust import TrustDynamics


@dataclass(frozen=True)
class Simulation:
    """Raw counters of one engine run, rows in the network's dyad order.

    Side arrays have shape ``(2E, R)``: row ``e`` is dyad ``e``'s ``first`` state, row
    ``E + e`` its ``second``. Dyad arrays have shape ``(E, R)``. ``by_round`` arrays have
    shape ``(rounds, n_strategies)`` and sum over the sides using each strategy.
    """

    network: Network
    strategies: tuple[Strategy, ...]
    state_strategy: np.ndarray
    side_strategy: np.ndarray
    rounds: int
    replicates: int
    spiral_min: int
    payoff: np.ndarray
    cooperative: np.ndarray
    escalation: np.ndarray
    trust: np.ndarray
    mutual: np.ndarray
    resolved: np.ndarray
    resolved_rounds: np.ndarray
    open_spiral: np.ndarray
    open_rounds: np.ndarray
    round_cooperative: np.ndarray
    round_escalation: np.ndarray
    actions: np.ndarray | None = None
    perceived: np.ndarray | None = None


def _layout(network: Network, state_strategy: np.ndarray
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Orient and sort dyads by their sides' strategies.

    Returns the sorted dyads' ``a`` and ``b`` state indices, the original dyad of each sorted
    dyad and whether it was swapped (``a`` is the original ``second``).
    """
    first, second = network.first, network.second
    sf, ss = state_strategy[first], state_strategy[second]
    swapped = sf > ss
    a = np.where(swapped, second, first)
    b = np.where(swapped, first, second)
    order = np.lexsort((b, a, state_strategy[b], state_strategy[a]))
    return a[order], b[order], order, swapped[order]


def _segments(side_strategy: np.ndarray) -> list[tuple[int, int, int]]:
    """Runs of equal strategy along the rows: ``(strategy, start, stop)``."""
    breaks = np.flatnonzero(np.diff(side_strategy)) + 1
    starts = np.concatenate(([0], breaks))
    stops = np.concatenate((breaks, [side_strategy.size]))
    return [(int(side_strategy[s]), int(s), int(e)) for s, e in zip(starts, stops, strict=True)]


def simulate(
    network: Network,
    strategies: Sequence[Strategy],
    state_strategy: np.ndarray,
    *,
    game: Game,
    perception: Perception,
    trust: TrustDynamics,
    rounds: int,
    replicates: int,
    rng: np.random.Generator,
    spiral_min: int = 3,
    power_weight: float = 0.0,
    reputation: float = 0.0,
    record: bool = False,
) -> Simulation:
    """Play ``rounds`` rounds on every dyad of ``network`` in ``replicates`` replicates.

    Parameters
    ----------
    network
        States and dyads with channels, initial trust and capabilities.
    strategies, state_strategy
        The distinct strategies, and for each state the index of the one it plays.
    game, perception, trust
        Stage game, misperception model and trust dynamics.
    rounds, replicates
        Length of each run and number of independent Monte Carlo replicates.
    rng
        The run's only source of randomness.
    spiral_min
        Shortest episode that counts as a spiral.
    power_weight
        Weight ``w`` of the capability term in the payoff (0: capabilities do not matter).
    reputation
        Weight ``r`` in [0, 1] of the partner's reputation in each side's trust (0: none).
    record
        Keep every round's actions and perceptions (``(rounds, 2E, R)`` int8 each).

    Returns
    -------
    Simulation
        Counters per side and per dyad in the network's own order.
    """
    ladder = game.ladder
    k = len(ladder)
    e = network.n_dyads
    s, r = 2 * e, replicates
    state_strategy = np.asarray(state_strategy, dtype=np.int64)
    a, b, order, swapped = _layout(network, state_strategy)
    side_strategy = np.concatenate((state_strategy[a], state_strategy[b]))
    segments = _segments(side_strategy)

    # per-row constants, in the sorted layout
    chan = network.channel[order]
    chan_factor = perception.channel_factor(np.concatenate((chan, chan)))[:, None]
    tf, ts = network.trust_first[order], network.trust_second[order]
    trust_a = np.where(swapped, ts, tf)
    trust_b = np.where(swapped, tf, ts)
    share_first, _ = network.power_share()
    share_first = share_first[order]
    share_a = np.where(swapped, 1.0 - share_first, share_first)
    edge = power_weight * (2.0 * np.concatenate((share_a, 1.0 - share_a)) - 1.0)
    use_power = power_weight != 0.0 and bool(np.any(edge != 0.0))
    edge = edge[:, None]

    # lookup tables
    matrix = game.matrix.ravel()
    conflict = np.maximum.outer(ladder.hostility, ladder.hostility).ravel()
    # the capability term is linear in the per-round conflict, so it is summed and weighted once
    coop_u8 = ladder.cooperative.astype(np.uint8)
    score_i32 = ladder.scores.astype(np.int32)
    if not np.array_equal(score_i32, ladder.scores):
        raise ModelInputError("ladder: escalation scores must be whole numbers")
    err_by_action = perception.error_by_action(ladder)
    noisy = perception.noise > 0 and bool(np.any(err_by_action > 0))
    trust_tables = trust.tables(ladder)
    if reputation > 0:
        # sums over the sides whose partner is state j, as one sparse product per round
        partner_state = np.concatenate((b, a))
        degree = np.bincount(partner_state, minlength=network.n_states).astype(np.float32)
        incidence = sparse.csr_matrix(
            (np.ones(s, dtype=np.float32), (partner_state, np.arange(s))),
            shape=(network.n_states, s))
        per_partner = (1.0 / np.maximum(degree, 1.0))[:, None]

    # state
    own = np.full((s, r), ladder.cooperate, dtype=np.int8)
    act = np.empty((s, r), dtype=np.int8)
    seen = np.full((s, r), ladder.cooperate, dtype=np.int8)
    partner = np.empty((s, r), dtype=np.int8)
    tr = np.empty((s, r), dtype=np.float32)
    tr[:e] = trust_a[:, None]
    tr[e:] = trust_b[:, None]
    payoff = np.zeros((s, r), dtype=np.float64)
    clash = np.zeros((s, r), dtype=np.float64) if use_power else None
    coop = np.zeros((s, r), dtype=np.int32)
    esc = np.zeros((s, r), dtype=np.int64)
    mutual = np.zeros((e, r), dtype=np.int32)
    run = np.zeros((e, r), dtype=np.int32)
    flags = np.zeros((e, r), dtype=np.uint8)
    resolved = np.zeros((e, r), dtype=np.int32)
    resolved_rounds = np.zeros((e, r), dtype=np.int64)
    n_strat = len(strategies)
    round_coop = np.zeros((rounds, n_strat), dtype=np.int64)
    round_esc = np.zeros((rounds, n_strat), dtype=np.int64)
    hist_act = np.empty((rounds, s, r), dtype=np.int8) if record else None
    hist_seen = np.empty((rounds, s, r), dtype=np.int8) if record else None
    ref = dict(cooperative=ladder.cooperative, cooperate=ladder.cooperate,
               defect=ladder.defect_index, first_escalatory=ladder.first_escalatory,
               top=k - 1, game=game)
    idx = np.empty((s, r), dtype=np.int16)

    for t in range(rounds):
        for g, lo, hi in segments:
            view = View(t, own[lo:hi], seen[lo:hi], tr[lo:hi], rng, **ref)  # type: ignore[arg-type]
            strategy = strategies[g]
            act[lo:hi] = strategy.opening(view) if t == 0 else strategy.decide(view)
        partner[:e] = act[e:]
        partner[e:] = act[:e]
        seen = (perception.misread(partner, tr, chan_factor, ladder, rng) if noisy
                else partner.copy())
        np.multiply(act, k, out=idx, dtype=np.int16)  # in int16: int8 overflows past 11 rungs
        idx += partner
        payoff += matrix[idx]
        if use_power:
            clash += conflict[idx]
        trust.update(tr, seen, trust_tables)
        if reputation > 0:
            standing = (incidence @ tr) * per_partner
            tr *= np.float32(1.0 - reputation)
            tr += np.float32(reputation) * standing[partner_state]
        c = coop_u8[act]
        coop += c
        sc = score_i32[act]
        esc += sc
        for g, lo, hi in segments:
            round_coop[t, g] += np.count_nonzero(c[lo:hi])
            round_esc[t, g] += sc[lo:hi].sum()
        m = c[:e] & c[e:]
        mutual += m
        hostile = 1 - m
        ending = (run >= spiral_min) & (flags == 3) & (m == 1)
        resolved += ending
        resolved_rounds += run * ending
        run += 1
        run *= hostile
        flags |= (1 - c[:e]) | ((1 - c[e:]) << 1)
        flags *= hostile
        if record:
            hist_act[t] = act  # type: ignore[index]
            hist_seen[t] = seen  # type: ignore[index]
        own, act = act, own

    if clash is not None:
        payoff += edge * clash
    open_spiral = (run >= spiral_min) & (flags == 3)
    open_rounds = np.where(open_spiral, run, 0)

    # back to the network's own order: row e = first of dyad e, row E + e = second
    orig_dyad = np.concatenate((order, order))
    is_second = np.concatenate((swapped, ~swapped))
    back = np.empty(s, dtype=np.int64)
    back[orig_dyad + e * is_second] = np.arange(s)
    dyad_back = np.empty(e, dtype=np.int64)
    dyad_back[order] = np.arange(e)
    side_out = side_strategy[back]

    return Simulation(
        network=network, strategies=tuple(strategies), state_strategy=state_strategy,
        side_strategy=side_out, rounds=rounds, replicates=replicates, spiral_min=spiral_min,
        payoff=payoff[back], cooperative=coop[back], escalation=esc[back], trust=tr[back],
        mutual=mutual[dyad_back], resolved=resolved[dyad_back],
        resolved_rounds=resolved_rounds[dyad_back], open_spiral=open_spiral[dyad_back],
        open_rounds=open_rounds[dyad_back], round_cooperative=round_coop,
        round_escalation=round_esc,
        actions=None if hist_act is None else hist_act[:, back],
        perceived=None if hist_seen is None else hist_seen[:, back],
    )
