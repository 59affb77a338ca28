"""Similarity measures pinned to their papers' definitions with hand-worked examples."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.stats import kendalltau

from detente.measures._similarity import _ABS, _NOMINAL, _SQ, contingency, kappa, s_score, tau_b

# A made-up three-state system: A and B are allied (3) with each other, C stands alone.
#           toward A  B  C
VALUES = np.array([[3, 3, 0],   # A
                   [3, 3, 0],   # B
                   [0, 0, 3]])  # C


def test_hand_worked_three_state_system() -> None:
    table = contingency(VALUES, np.ones(3))
    s = s_score(table, _ABS)
    # Identical portfolios: S = 1 (Signorino and Ritter 1999, p. 123).
    assert s[0, 1] == pytest.approx(1.0)
    # A = (1, 1, 0), C = (0, 0, 1) after scaling by 3: d = 3 = d_max, so S = 1 - 2 = -1.
    assert s[0, 2] == pytest.approx(-1.0)
    # Cohen's kappa for A, C: D_o = 1; marginals A: {3: 2/3, 0: 1/3}, C: {3: 1/3, 0: 2/3};
    # D_e = 1 - (2/3 * 1/3 + 1/3 * 2/3) = 5/9; kappa = 1 - 9/5 = -0.8 (Haege 2011, eq. 2).
    assert kappa(table, _NOMINAL)[0, 2] == pytest.approx(-0.8)
    # tau-b for A, C: pairs (1,2) tied in both, (1,3) and (2,3) discordant:
    # (0 - 2) / sqrt((3 - 1)(3 - 1)) = -1.
    assert tau_b(table)[0, 2] == pytest.approx(-1.0)


def test_weighted_s_follows_capability() -> None:
    # With all weight on dimension C, A and C disagree fully there: S = 1 - 2 * 1 = -1;
    # with all weight on A's own dimension they disagree fully too (1 vs 0).
    w = np.array([0.0, 0.0, 1.0])
    assert s_score(contingency(VALUES, w), _ABS)[0, 2] == pytest.approx(-1.0)
    half = np.array([0.5, 0.0, 0.5])
    # dims A and C both differ by 1: d = 1, W = 1 -> S = -1; squared distance the same.
    assert s_score(contingency(VALUES, half), _SQ)[0, 2] == pytest.approx(-1.0)
    # B and A on a 2-vs-3 difference in dimension C: made-up tweak.
    tweak = VALUES.copy()
    tweak[1, 2] = 2
    t = contingency(tweak, np.ones(3))
    # d_abs = |0 - 2/3| = 2/3, S = 1 - 2 * (2/3) / 3 = 5/9; d_sq = 4/9, S = 1 - 8/27 = 19/27.
    assert s_score(t, _ABS)[0, 1] == pytest.approx(5 / 9)
    assert s_score(t, _SQ)[0, 1] == pytest.approx(19 / 27)


portfolios = arrays(np.int8, st.tuples(st.integers(2, 9), st.integers(2, 9)),
                    elements=st.integers(0, 3))


@settings(max_examples=60, deadline=None)
@given(portfolios, st.floats(0.1, 10))
def test_properties(values: np.ndarray, scale: float) -> None:
    n, m = values.shape
    weights = np.linspace(1, 2, m)
    table = contingency(values, weights)
    s = s_score(table, _ABS)
    assert np.all((s >= -1 - 1e-12) & (s <= 1 + 1e-12))
    assert np.allclose(s, s.T)
    assert np.allclose(np.diag(s), 1.0)
    # Scaling all weights leaves S and kappa unchanged.
    scaled = contingency(values, weights * scale)
    assert np.allclose(s_score(scaled, _ABS), s)
    assert np.allclose(kappa(scaled, _SQ), kappa(table, _SQ), equal_nan=True)
    # S equals its definition computed directly, dimension by dimension.
    x = values / 3.0
    for i in range(n):
        for j in range(n):
            direct = 1 - 2 * np.sum(weights * np.abs(x[i] - x[j])) / weights.sum()
            assert s[i, j] == pytest.approx(direct)
    # tau-b equals SciPy's (tau-b variant), null where a portfolio is constant.
    t = tau_b(contingency(values, np.ones(m)))
    for i in range(n):
        for j in range(i + 1, n):
            expected = kendalltau(values[i], values[j], variant="b").statistic
            if np.isnan(expected):
                assert np.isnan(t[i, j])
            else:
                assert t[i, j] == pytest.approx(expected)
    # kappa of a non-constant portfolio with itself is 1.
    k = kappa(table, _NOMINAL)
    varied = [i for i in range(n) if len(set(values[i])) > 1]
    assert np.allclose(np.diag(k)[varied], 1.0)
