"""Properties of the model on made-up issues (Hypothesis; small, labelled edge cases)."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.models.bargaining import ExpectedUtilityBargaining, Issue
from detente.models.bargaining import _round as rd
from detente.testing import reference_round
from detente.testing.strategies import issues

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MODEL = ExpectedUtilityBargaining(max_rounds=15)


@FAST
@given(issues())
def test_forecasts_and_positions_stay_within_the_positions(issue: Issue) -> None:
    result = MODEL.run(issue)
    lo, hi = issue.position.min(), issue.position.max()
    forecasts = result.tables["forecasts"]
    for column in ("median", "mean"):
        assert forecasts[column].min() >= lo - 1e-9 and forecasts[column].max() <= hi + 1e-9
    assert result.table["position"].min() >= lo - 1e-9
    assert result.table["position"].max() <= hi + 1e-9


@FAST
@given(issues(integer_positions=True), st.sampled_from([0.25, 0.5, 2.0, 8.0, 1024.0]))
def test_rescaling_capabilities_changes_nothing(issue: Issue, factor: float) -> None:
    """Only capability ratios matter; a power-of-two factor is exact in floating point."""
    scaled = Issue(issue.actors, issue.capability * factor, issue.position, issue.salience)
    a, b = MODEL.run(issue), MODEL.run(scaled)
    assert a.table.equals(b.table)
    assert a.tables["forecasts"].equals(b.tables["forecasts"])


def test_rescaling_capabilities_ec_example(ec: Issue) -> None:
    scaled = Issue(ec.actors, ec.capability * 37.3, ec.position, ec.salience)
    a, b = MODEL.run(ec), MODEL.run(scaled)
    np.testing.assert_allclose(a.table["position"], b.table["position"], atol=1e-9)


@FAST
@given(issues(min_actors=3), st.integers(0, 7))
def test_one_actor_with_all_capability_gets_its_way(issue: Issue, pick: int) -> None:
    """Everyone else has no capability; the dominant actor (salience 100) sets the forecast.

    Its weight is the only weight, so both forecasts sit at its position in every round, and
    nobody can make it move: it prevails in every contest and resists with certainty.
    """
    k = pick % len(issue)
    capability = np.zeros(len(issue))
    capability[k] = 1.0
    salience = np.array(issue.salience)
    salience[k] = 100.0
    dominant = Issue(issue.actors, capability, issue.position, salience)
    result = MODEL.run(dominant)
    x_k = issue.position[k]
    forecasts = result.tables["forecasts"]
    assert (forecasts["median"] == x_k).all() and np.allclose(forecasts["mean"], x_k)
    mine = result.table.filter(result.table["actor"] == issue.actors[k])
    assert (mine["position"] == x_k).all()


@FAST
@given(issues(min_actors=3))
def test_pooling_keeps_the_weight_each_member_cast(issue: Issue) -> None:
    """A coalition casts the summed c x s of its members: the first weighted mean is unchanged."""
    pooled = issue.pool(list(issue.actors[:2]))
    w, wp = issue.capability * issue.salience, pooled.capability * pooled.salience
    assert np.isclose(wp.sum(), w.sum())
    assert np.isclose(rd.weighted_mean(pooled.position, wp), rd.weighted_mean(issue.position, w))


@FAST
@given(issues(max_actors=7))
def test_win_probabilities_match_the_triple_sum(issue: Issue) -> None:
    x, w = issue.position, issue.capability * issue.salience
    fast = rd.win_probabilities(x, w)
    slow = np.array(reference_round(issue, list(x), MODEL)["probability"])
    np.testing.assert_allclose(fast, slow, atol=1e-9)
    different = x[:, None] != x[None, :]
    np.testing.assert_allclose((fast + fast.T)[different], 1.0)


@FAST
@given(issues(max_actors=7), st.sampled_from([0.5, 1.0]), st.sampled_from([None, 0.3]),
       st.sampled_from(["issue", "current"]))
def test_one_round_matches_the_reference(issue: Issue, q: float, t: float | None,
                                         range_mode: str) -> None:
    """Median, risk exponents, expected utilities, new positions: vectorised == pair loops."""
    model = ExpectedUtilityBargaining(q=q, t=t, range_mode=range_mode)  # type: ignore[arg-type]
    state = model.step(issue, issue.position.copy())
    slow = reference_round(issue, list(issue.position), model)
    assert np.isclose(state.median, slow["median"])
    np.testing.assert_allclose(state.risk, slow["risk"], atol=1e-9)
    np.testing.assert_allclose(state.eu, slow["eu"], atol=1e-9)
    if _decisive(state.eu, state.offers.sender_eu):
        np.testing.assert_allclose(state.offers.new_position, slow["new_position"], atol=1e-9)


def _decisive(eu: np.ndarray, offered: np.ndarray, margin: float = 1e-9) -> bool:
    """No decision of the round hangs on a difference below rounding (then both must agree).

    A sign test (``a > 0``, ``b > 0``, ``b > a``) or the ranking of two senders' expected
    utilities within ``margin`` could go either way in two correct implementations.
    """
    a, b = eu, eu.T
    near = (np.abs(a) < margin) | (np.abs(b) < margin) | (np.abs(a - b) < margin)
    if np.any(near & ~np.eye(len(eu), dtype=bool)):
        return False
    for row in offered:
        values = np.unique(row[row > 0])
        if values.size > 1 and np.diff(values).min() < margin:
            return False
    return True


def test_two_positions_tied_median_takes_the_midpoint() -> None:
    """Made-up edge case: equal weight at 2 and 8, the pairwise vote ties."""
    tie = Issue(("A", "B"), (1.0, 1.0), (2.0, 8.0), (50.0, 50.0))
    w = tie.capability * tie.salience
    assert rd.pairwise_median(tie.position, w) == 5.0
    assert rd.pairwise_median(tie.position, w, ties="lower") == 2.0
    assert rd.pairwise_median(tie.position, w, ties="upper") == 8.0


def test_everyone_agrees() -> None:
    """Made-up edge case: one shared position; no offers, the forecast is that position."""
    agreed = Issue(("A", "B", "C"), (1.0, 2.0, 3.0), (5.0, 5.0, 5.0), (10.0, 50.0, 90.0))
    result = MODEL.run(agreed)
    assert result.summary["stopped"] == "no_moves" and result.summary["median_final"] == 5.0
    assert result.tables["offers"].height == 0
