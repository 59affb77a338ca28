"""Change detectors on small MADE-UP series (algorithm checks; real series are in test_watch)."""

from __future__ import annotations

import numpy as np
import pytest

from detente.monitor import cusum_alarms, threshold_alarms, zscore_alarms
from detente.monitor._detect import baseline


def test_zscore_against_a_hand_computation() -> None:
    series = np.array([10, 10, 11, 9, 10, 10, 11, 9, 10, 10, 11, 9, 20], dtype=float)
    scores, alarms = zscore_alarms(series, window=12, z=3.0, min_sd=0.0)
    prior = series[:12]
    expected = (20 - prior.mean()) / prior.std(ddof=1)
    assert scores[12] == pytest.approx(expected)
    floored, _ = zscore_alarms(series, window=12, z=3.0)  # SD 0.74 is raised to the 1.0 floor
    assert floored[12] == pytest.approx(20 - prior.mean())
    assert np.isnan(scores[:12]).all()  # no baseline yet
    assert alarms.tolist() == [False] * 12 + [True]


def test_cusum_against_a_hand_computation() -> None:
    # window 2, k 0.5, h 1, SD floor 1: baselines of constant values have SD 0 -> 1.
    series = np.array([0, 0, 1, 1, 1, 1], dtype=float)
    stat, alarms = cusum_alarms(series, window=2, k=0.5, h=1.0, min_sd=1.0)
    # t=2: mean 0 -> z 1 -> S 0.5; t=3: mean .5, sd .707 -> z .5 -> S .5;
    # t=4: mean 1 -> z 0 -> S 0; t=5: S 0.
    assert np.isnan(stat[:2]).all()
    assert stat[2:].tolist() == pytest.approx([0.5, 0.5, 0.0, 0.0])
    assert not alarms.any()
    stat, alarms = cusum_alarms(np.array([0, 0, 3, 3], dtype=float), window=2, k=0.5, h=1.0)
    # t=2: z 3 -> S 2.5 > h: alarm, restart; t=3: mean 1.5, sd 2.12 -> z .707 -> S .207.
    assert alarms.tolist() == [False, False, True, False]
    assert stat[3] == pytest.approx((3 - 1.5) / np.std([0, 3], ddof=1) - 0.5)


def test_cusum_catches_a_sustained_shift_the_zscore_misses() -> None:
    rng = np.random.default_rng(20240601)
    quiet = rng.normal(10, 1, 48)
    shifted = rng.normal(11, 1, 24)  # a one-SD rise, held
    series = np.r_[quiet, shifted]
    _, z_alarms = zscore_alarms(series, window=48, z=3.0)
    _, c_alarms = cusum_alarms(series, window=48, k=0.5, h=4.0, min_sd=0.0)
    assert c_alarms[48:].any() and not c_alarms[:48].any()
    assert z_alarms[48:].sum() <= 1


def test_missing_values_never_alarm_and_leave_the_baseline() -> None:
    series = np.array([1, np.nan, 1, 1, np.nan, 9], dtype=float)
    mean, sd = baseline(series, window=3, min_periods=2)
    assert np.isnan(mean[:3]).all() and mean[5] == pytest.approx(1.0)
    scores, alarms = zscore_alarms(series, window=3, min_periods=2, z=3.0)
    assert alarms.tolist() == [False, False, False, False, False, True]
    assert threshold_alarms(series, 5).tolist() == [False] * 5 + [True]
    with pytest.raises(ValueError, match="min_periods"):
        baseline(series, window=3, min_periods=1)
