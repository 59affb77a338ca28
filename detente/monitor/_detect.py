"""Change detection on a relationship's series: threshold, rolling z-score and CUSUM.

All three look at a series ordered in time, one value per period, where a higher value is
worse (a series where lower is worse, such as net cooperation, is negated first). Missing
values (NaN) never raise an alarm and are left out of baselines.

**Rolling z-score** (a Shewhart chart on a moving baseline, as in the CDC's Early Aberration
Reporting System, Hutwagner et al. 2003): ``z_t = (x_t - m_t) / max(s_t, min_sd)`` where
``m_t`` and ``s_t`` are the mean and sample standard deviation of the ``window`` values
before ``t`` (at least ``min_periods`` of them present). An alarm when ``z_t >= z``. EARS C2
uses a 7-day baseline and ``z = 3``; for monthly series a 12-month baseline is usual.

**CUSUM** (Page 1954), upper one-sided and tabular, on the same standardised values:
``S_t = max(0, S_{t-1} + z_t - k)``; an alarm when ``S_t > h``, after which ``S`` restarts
at 0. With ``k = 0.5`` the chart is tuned to a shift of one standard deviation, and
``h = 4`` gives an in-control average run length of about 168 periods (``h = 5``: about
465); these are the textbook defaults (Montgomery 2009, section 9.1). CUSUM catches a
sustained smaller rise that no single period makes conspicuous.

``min_sd`` keeps a quiet baseline (all zeros) from turning one event into an infinite z:
for counts the default 1.0 is one event.

References
----------
Page, E. S. 1954. "Continuous Inspection Schemes." *Biometrika* 41(1/2): 100-115.
Montgomery, Douglas C. 2009. *Introduction to Statistical Quality Control*, 6th ed. Wiley.
Hutwagner, Lori, William Thompson, G. Matthew Seeman and Tracee Treadwell. 2003. "The
Bioterrorism Preparedness and Response Early Aberration Reporting System (EARS)." *Journal
of Urban Health* 80(2 Suppl 1): i89-i96.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def baseline(values: np.ndarray, window: int, min_periods: int | None = None
             ) -> tuple[np.ndarray, np.ndarray]:
    """Mean and sample SD of the ``window`` values before each period (NaN when too few).

    Vectorised with a sliding window over the series; NaNs are left out.
    """
    x = np.asarray(values, dtype=float)
    need = window if min_periods is None else min_periods
    if window < 1 or need < 2:
        raise ValueError("window must be >= 1 and min_periods >= 2 (an SD needs two values)")
    padded = np.r_[np.full(window, np.nan), x[:-1]] if x.size else x
    if x.size == 0:
        return x.copy(), x.copy()
    frames = sliding_window_view(padded, window)
    present = np.sum(~np.isnan(frames), axis=1)
    ok = present >= need
    safe = np.where(np.isnan(frames), 0.0, frames)
    count = np.maximum(present, 1)
    mean = safe.sum(axis=1) / count
    sq = np.where(np.isnan(frames), 0.0, (frames - mean[:, None]) ** 2).sum(axis=1)
    sd = np.sqrt(sq / np.maximum(present - 1, 1))
    return np.where(ok, mean, np.nan), np.where(ok, sd, np.nan)


def standardise(values: np.ndarray, *, window: int, min_periods: int | None = None,
                min_sd: float = 1.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``z`` of each value against its trailing baseline, with the baseline mean and SD."""
    mean, sd = baseline(values, window, min_periods)
    z = (np.asarray(values, dtype=float) - mean) / np.maximum(sd, min_sd)
    return z, mean, sd


def zscore_alarms(values: np.ndarray, *, window: int = 12, z: float = 3.0,
                  min_periods: int | None = None, min_sd: float = 1.0
                  ) -> tuple[np.ndarray, np.ndarray]:
    """Rolling z-score and its alarms (``z_t >= z``)."""
    scores, _, _ = standardise(values, window=window, min_periods=min_periods, min_sd=min_sd)
    return scores, np.nan_to_num(scores, nan=-np.inf) >= z


def cusum_alarms(values: np.ndarray, *, window: int = 12, k: float = 0.5, h: float = 4.0,
                 min_periods: int | None = None, min_sd: float = 1.0
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Upper tabular CUSUM ``S_t`` and its alarms (``S_t > h``, then ``S`` restarts at 0).

    The recursion runs over periods (not events): one step per period of the series.
    """
    z, _, _ = standardise(values, window=window, min_periods=min_periods, min_sd=min_sd)
    stat = np.full(z.shape, np.nan)
    alarm = np.zeros(z.shape, dtype=bool)
    s = 0.0
    for t, zt in enumerate(z):
        if np.isnan(zt):
            continue
        s = max(0.0, s + zt - k)
        stat[t] = s
        if s > h:
            alarm[t] = True
            s = 0.0
    return stat, alarm


def threshold_alarms(values: np.ndarray, limit: float) -> np.ndarray:
    """Alarms where the value reaches ``limit`` (``x_t >= limit``)."""
    return np.nan_to_num(np.asarray(values, dtype=float), nan=-np.inf) >= limit
