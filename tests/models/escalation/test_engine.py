"""The engine against known results: textbook matches, noise, spirals, channels, capability."""

from __future__ import annotations

import numpy as np
import pytest

from detente.models.escalation import (
    Action,
    Alternator,
    Appeaser,
    EscalationGame,
    Game,
    GenerousTitForTat,
    Hardliner,
    Ladder,
    Network,
    Perception,
    TitForTat,
    TrustDynamics,
    make_strategy,
)
from detente.models.escalation._engine import simulate

PD = Game.prisoners_dilemma(R=3, S=0, T=5, P=1)
R, S, T, P = 3, 0, 5, 1


def play(strategies, *, game: Game = PD, network: Network | None = None, noise: float = 0.0,
         rounds: int = 25, replicates: int = 1, seed: int = 0, assignment=None, **kwargs):
    network = network or Network.complete(2)
    assignment = np.arange(network.n_states) if assignment is None else np.asarray(assignment)
    perception = kwargs.pop("perception", Perception(noise=noise))
    trust = kwargs.pop("trust", TrustDynamics())
    return simulate(network, strategies, assignment, game=game, perception=perception,
                    trust=trust, rounds=rounds, replicates=replicates,
                    rng=np.random.default_rng(seed), **kwargs)


def test_cooperator_against_alternator_25_rounds() -> None:
    # Alternator plays C in rounds 1, 3, ..., 25 (13 rounds) and D in the other 12.
    # Cooperator: 13 R + 12 S = 39 + 0; Alternator: 13 R + 12 T = 39 + 60.
    sim = play([Appeaser(), Alternator()], record=True)
    assert sim.payoff[:, 0].tolist() == [13 * R + 12 * S, 13 * R + 12 * T] == [39, 99]
    assert sim.actions is not None
    assert sim.actions[:, 0, 0].tolist() == [0] * 25
    assert sim.actions[:, 1, 0].tolist() == [t % 2 for t in range(25)]


def test_tit_for_tat_against_alternator_25_rounds() -> None:
    # Round 1 is CC (3 each). From round 2 TFT plays the Alternator's previous move, always
    # the opposite of its current one: 12 rounds (C, D) and 12 rounds (D, C).
    sim = play([TitForTat(), Alternator()])
    assert sim.payoff[:, 0].tolist() == [R + 12 * S + 12 * T, R + 12 * T + 12 * S] == [63, 63]
    # every round after the first is hostile and both sides escalate: one spiral, open at the
    # end, 24 rounds long
    assert sim.open_spiral[0, 0] and sim.open_rounds[0, 0] == 24 and sim.resolved[0, 0] == 0


def test_spirals_are_counted_and_resolved() -> None:
    # Alternator against itself: CC, DD, CC, ... 12 one-round episodes of mutual defection,
    # each ended by mutual cooperation.
    one = play([Alternator()], assignment=[0, 0], spiral_min=1)
    assert one.resolved[0, 0] == 12 and one.resolved_rounds[0, 0] == 12
    assert not one.open_spiral[0, 0]
    assert play([Alternator()], assignment=[0, 0], spiral_min=2).resolved[0, 0] == 0
    # coercion of an appeaser is hostile every round but one-sided: not a spiral
    coerced = play([Hardliner(), Appeaser()])
    assert coerced.mutual[0, 0] == 0 and coerced.resolved[0, 0] == 0
    assert not coerced.open_spiral[0, 0]


def test_generous_tft_sustains_more_cooperation_than_tft_under_noise() -> None:
    # Nowak and Sigmund (1992); Axelrod (1984): under misperception TFT's echoes of a
    # single error destroy cooperation, GTFT's forgiveness restores it. 2,000 replicates of
    # 200 rounds at 5% perception noise.
    rates = {}
    for strategy in (TitForTat(), GenerousTitForTat()):
        sim = play([strategy], assignment=[0, 0], noise=0.05, rounds=200, replicates=2000,
                   seed=11, perception=Perception(noise=0.05, mode="flip"))
        per_replicate = sim.mutual[0] / 200
        rates[strategy.key] = (per_replicate.mean(), per_replicate.std() / np.sqrt(2000))
    (tft, tft_se), (gtft, gtft_se) = rates["tft"], rates["gtft"]
    assert gtft - tft > 10 * (tft_se + gtft_se)
    assert gtft > 0.75 and tft < 0.45


def test_generous_tft_forgives_a_defector_at_one_third() -> None:
    # Against an unconditional defector GTFT cooperates in round 1, then with p = 1/3.
    sim = play([GenerousTitForTat(), Hardliner()], rounds=50, replicates=4000, seed=3)
    rate = sim.cooperative[0].mean() / 50
    assert rate == pytest.approx((1 + 49 / 3) / 50, abs=0.004)


def test_misperception_rates_dual_use_and_channels() -> None:
    # Appeasers engage with a joint exercise (dual-use) forever; trust held fixed (rates 0).
    fixed = TrustDynamics(gain_rate=0.0, loss_rate=0.0)

    def misread(engagement: str, channel: float, **perception) -> tuple[float, float]:
        game = Game(Game().ladder.engaging(engagement))
        net = Network.complete(2, channel=channel, trust=0.0)
        sim = play([Appeaser()], game=game, network=net, assignment=[0, 0], rounds=100,
                   replicates=1500, seed=5, trust=fixed, record=True,
                   perception=Perception(**perception))
        seen = sim.perceived
        assert seen is not None
        wrong = seen != game.ladder.cooperate
        up = seen > game.ladder.cooperate
        return float(wrong.mean()), float(up.sum() / max(wrong.sum(), 1))

    rate, _ = misread("dialogue", 0.0, noise=0.05)
    assert rate == pytest.approx(0.05, abs=0.003)  # not dual-use
    rate, _ = misread("joint_exercise", 0.0, noise=0.05, dual_use_factor=2.0)
    assert rate == pytest.approx(0.10, abs=0.004)  # dual-use doubles it
    rate, _ = misread("joint_exercise", 1.0, noise=0.05, channel_damping=0.5)
    assert rate == pytest.approx(0.05, abs=0.003)  # a full channel halves it
    expected = Perception(noise=0.05).error_probability(Game().ladder, channel=1.0)
    assert expected.tolist() == pytest.approx([0.025, 0.025, 0.05, 0.05, 0.05, 0.025, 0.025,
                                               0.025])
    # trust 0 and a full hostile bias: every error reads the action as more hostile
    _, up_share = misread("joint_exercise", 0.0, noise=0.05, hostile_bias=1.0)
    assert up_share == 1.0
    _, up_share = misread("joint_exercise", 0.0, noise=0.05, hostile_bias=0.0)
    assert up_share == pytest.approx(0.5, abs=0.03)
    # above p_max 0.25 every side-round gets its own draw (the dense path)
    rate, _ = misread("dialogue", 0.0, noise=0.4)
    assert rate == pytest.approx(0.4, abs=0.006)


def test_trust_follows_perceptions() -> None:
    # appeasers see cooperation: trust rises toward 1 as 1 - (1 - x0)(1 - gain)^t
    calm = play([Appeaser()], assignment=[0, 0], game=Game(), rounds=10,
                network=Network.complete(2, trust=0.2))
    assert calm.trust[0, 0] == pytest.approx(1 - 0.8 * 0.9 ** 10, rel=1e-5)
    # a partner who strikes every round: x0 * (1 - loss)^t (strike is the top score)
    struck = play([Hardliner(floor="strike"), Appeaser()], game=Game(), rounds=4,
                  network=Network.complete(2, trust=0.8))
    assert struck.trust[1, 0] == pytest.approx(0.8 * 0.7 ** 4, rel=1e-5)


def test_capability_weights_escalated_exchanges_zero_sum() -> None:
    net = Network.complete(2, capability=[3.0, 1.0])
    even = play([Hardliner()], game=Game(), network=net, assignment=[0, 0], rounds=10)
    weighted = play([Hardliner()], game=Game(), network=net, assignment=[0, 0], rounds=10,
                    power_weight=1.0)
    assert weighted.payoff.sum() == pytest.approx(even.payoff.sum())
    # share 0.75: the stronger side gains (2*0.75 - 1) * conflict each round, conflict 1
    # once both strike (hardliners climb to the top within 3 rounds)
    gap = weighted.payoff[:, 0] - even.payoff[:, 0]
    assert gap[0] > 0 and gap[0] == pytest.approx(-gap[1])
    assert gap[0] == pytest.approx(0.5 * (6 / 30 + 14 / 30 + 30 / 30 + 7 * 1.0))


def test_reputation_spreads_what_one_partner_perceives() -> None:
    # J is engaged by A and B (all appeasers: nobody escalates). A's channel to J is absent,
    # B's is perfect (damping 1), so only A misreads J. Without reputation B's trust in J
    # follows B's own (accurate) perceptions; with it, A's misreadings reach B.
    net = Network.from_edges(["J", "A", "B"], [(0, 1), (0, 2)], trust=0.5,
                             channel=[0.0, 1.0])
    perception = Perception(noise=0.3, mode="flip", channel_damping=1.0)

    def trust_of_b_in_j(reputation: float) -> float:
        sim = play([Appeaser()], game=Game(), network=net, assignment=[0, 0, 0], rounds=60,
                   replicates=400, seed=4, perception=perception, reputation=reputation)
        return float(sim.trust[net.n_dyads + 1].mean())  # row E + 1: B's side of (J, B)

    alone, shared = trust_of_b_in_j(0.0), trust_of_b_in_j(0.5)
    assert alone > 0.99 and shared < alone - 0.05


def test_full_reputation_is_a_consensus() -> None:
    # with reputation 1 every partner of a state ends each round with the same trust in it
    net = Network.complete(5, trust=0.5)
    sim = play([make_strategy("tft"), make_strategy("hardliner")], game=Game(), network=net,
               assignment=[0, 0, 1, 1, 0], noise=0.1, rounds=15, replicates=6, seed=2,
               reputation=1.0)
    e = net.n_dyads
    partner = np.concatenate((net.second, net.first))
    for state in range(5):
        rows = sim.trust[partner == state]
        assert np.allclose(rows, rows[0], atol=1e-6)
    assert not np.allclose(sim.trust[:e], sim.trust[:e].mean())


def test_long_ladders_index_payoffs_without_overflow() -> None:
    # 12 rungs: the pair index a * 12 + b reaches 143, past int8
    cats = ["de-escalation"] * 3 + ["status quo"] * 3 + ["posturing"] * 2 + [
        "non-violent escalation"] * 2 + ["violent escalation", "nuclear"]
    ladder = Ladder(tuple(Action(f"a{i}", f"A{i}", c, gain=float(i), effect=-float(i) ** 2)  # type: ignore[arg-type]
                          for i, c in enumerate(cats)))
    game = Game(ladder)
    sim = play([Hardliner(floor="a11"), Appeaser()], game=game, rounds=3)
    top = game.matrix[11, 0]
    assert sim.payoff[:, 0].tolist() == [3 * top, 3 * game.matrix[0, 11]]


def test_communication_channels_reduce_spirals() -> None:
    # the same TFT population with and without channels (the seeds' hotlines and dialogue)
    def spirals(channel: float) -> float:
        net = Network.complete(8, channel=channel)
        result = EscalationGame(strategies="tft", noise=0.05, rounds=100, replicates=30,
                                channel_damping=0.8).run(net, seed=2)
        return result.table["spirals_per_100_rounds"][0], result.table["mutual_cooperation"][0]

    (open_s, open_m), (hot_s, hot_m) = spirals(0.0), spirals(1.0)
    assert hot_m > open_m + 0.1 and hot_s < open_s


def test_grit_de_escalates_faster_than_tft() -> None:
    net = Network.complete(6)
    table = {}
    for key in ("tft", "grit"):
        t = EscalationGame(strategies=key, noise=0.05, rounds=100, replicates=40).run(
            net, seed=9).table
        table[key] = t.row(0, named=True)
    assert table["grit"]["mutual_cooperation"] > table["tft"]["mutual_cooperation"]
    assert table["grit"]["time_to_deescalation"] < table["tft"]["time_to_deescalation"]
