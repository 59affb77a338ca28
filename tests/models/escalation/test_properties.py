"""Property tests (hypothesis): zero noise is the noiseless game; same seed, same tables."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.models.escalation import (
    EscalationGame,
    Game,
    Network,
    Perception,
    TrustDynamics,
    filtered_strategies,
    make_strategy,
)
from detente.models.escalation._engine import simulate
from detente.models.escalation._perception import _bernoulli_positions
from detente.testing import check_model

DETERMINISTIC = sorted(filtered_strategies(stochastic=False))
ALL = sorted(filtered_strategies())
SETTINGS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@st.composite
def networks(draw: st.DrawFn) -> Network:
    n = draw(st.integers(3, 6))
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
    chosen = draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=len(pairs),
                           unique=True))
    unit = st.floats(0, 1, allow_nan=False)
    trust = draw(st.lists(unit, min_size=len(chosen), max_size=len(chosen)))
    channel = draw(st.lists(unit, min_size=len(chosen), max_size=len(chosen)))
    capability = draw(st.lists(st.floats(0, 5, allow_nan=False), min_size=n, max_size=n))
    return Network.from_edges(n, chosen, trust=trust, channel=channel, capability=capability)


def _run(network: Network, strategies: list, per_state: np.ndarray, noise: float, seed: int,
         rounds: int = 12, replicates: int = 2):
    return simulate(network, strategies, per_state, game=Game(),
                    perception=Perception(noise=noise), trust=TrustDynamics(), rounds=rounds,
                    replicates=replicates, rng=np.random.default_rng(seed), power_weight=1.0,
                    record=True)


@SETTINGS
@given(network=networks(), keys=st.lists(st.sampled_from(DETERMINISTIC), min_size=6,
                                         max_size=6), seed=st.integers(0, 2**32 - 1))
def test_zero_noise_is_the_noiseless_game(network: Network, keys: list[str], seed: int) -> None:
    strategies = [make_strategy(k) for k in dict.fromkeys(keys)]
    index = {s: i for i, s in enumerate(strategies)}
    per_state = np.array([index[make_strategy(keys[i])] for i in range(network.n_states)])
    sim = _run(network, strategies, per_state, noise=0.0, seed=seed)
    assert sim.actions is not None and sim.perceived is not None
    e = network.n_dyads
    # nothing is misread: what each side saw is what its partner did
    assert np.array_equal(sim.perceived[:, :e], sim.actions[:, e:])
    assert np.array_equal(sim.perceived[:, e:], sim.actions[:, :e])
    # dyads do not interact, so each dyad of the network plays exactly its isolated match
    for d in range(e):
        a, b = int(network.first[d]), int(network.second[d])
        alone = Network(("a", "b"), np.array([0]), np.array([1]),
                        channel=network.channel[d:d + 1],
                        trust_first=network.trust_first[d:d + 1],
                        trust_second=network.trust_second[d:d + 1],
                        capability=network.capability[[a, b]])
        pair = [strategies[per_state[a]], strategies[per_state[b]]]
        match = _run(alone, pair, np.array([0, 1]), noise=0.0, seed=seed + 1)
        assert match.actions is not None
        assert np.array_equal(match.actions[:, 0], sim.actions[:, d])
        assert np.array_equal(match.actions[:, 1], sim.actions[:, e + d])
        assert np.allclose(match.payoff[0], sim.payoff[d])
        assert np.allclose(match.payoff[1], sim.payoff[e + d])
        assert np.allclose(match.trust[0], sim.trust[d])


@SETTINGS
@given(network=networks(), keys=st.lists(st.sampled_from(ALL), min_size=1, max_size=4),
       noise=st.floats(0, 0.5, allow_nan=False), mode=st.sampled_from(["shift", "flip"]),
       reputation=st.sampled_from([0.0, 0.3, 1.0]), seed=st.integers(0, 2**32 - 1))
def test_same_seed_same_tables(network: Network, keys: list[str], noise: float, mode: str,
                               reputation: float, seed: int) -> None:
    model = EscalationGame(strategies=keys, noise=noise, misperception=mode, rounds=15,
                           replicates=3, reputation=reputation)
    check_model(model, network, seed=seed)


@settings(max_examples=50, deadline=None)
@given(n=st.integers(1, 5000), p=st.floats(1e-300, 0.25), seed=st.integers(0, 2**32 - 1))
def test_thinning_positions_are_sorted_unique_and_in_range(n: int, p: float, seed: int) -> None:
    pos = _bernoulli_positions(n, p, np.random.default_rng(seed))
    assert pos.ndim == 1 and np.all(np.diff(pos) > 0)
    assert pos.size == 0 or (pos[0] >= 0 and pos[-1] < n)


@pytest.mark.parametrize(("n", "p"), [(100_000, 0.03), (100_000, 5e-6)])
def test_thinning_rate(n: int, p: float) -> None:
    # both branches (geometric gaps; binomial count when under one success is expected)
    rng = np.random.default_rng(0)
    counts = [_bernoulli_positions(n, p, rng).size for _ in range(400)]
    assert abs(np.mean(counts) - n * p) < 4 * np.sqrt(n * p * (1 - p) / 400)


def test_tiny_noise_does_not_stall() -> None:
    # a noise so small that geometric gaps would overflow int64 (found by hypothesis)
    model = EscalationGame(strategies="tft", noise=1e-40, rounds=5, replicates=2)
    assert model.run(4, seed=0).table["cooperation_rate"].item() == 1.0
