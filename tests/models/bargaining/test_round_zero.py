"""Round 0 of the EC car-emission example, computed by hand.

Inputs (Bueno de Mesquita 1994, Table 1 of Scholz et al. 2011): the weight each actor casts is
``w = capability x salience``:

    position 4: Netherlands .08x80 = 6.4, Luxembourg .03x20 = 0.6, Germany .16x80 = 12.8,
                Denmark .05x100 = 5.0                                      -> 24.8
    position 7: Belgium .08x40 = 3.2, Ireland .05x10 = 0.5, Greece .08x70 = 5.6 -> 9.3
    position 10: France .16x60 = 9.6, Italy .16x60 = 9.6, UK .16x90 = 14.4     -> 33.6
    total 67.7 (salience as given, 0-100; the common factor 1/100 cancels)

Weighted mean: (24.8x4 + 9.3x7 + 33.6x10) / 67.7 = (99.2 + 65.1 + 336) / 67.7 = 500.3 / 67.7
= 7.38996...

Pairwise votes (Appendix step 3): ``F(p) = sum_i w_i |x_i - p|`` is the weighted distance to
position ``p``; ``p_j`` gets ``(F(p_k) - F(p_j)) / span`` votes against ``p_k`` (span = 10 - 4 =
6):

    F(4)  =  9.3x3 + 33.6x6 = 27.9 + 201.6 = 229.5
    F(7)  = 24.8x3 + 33.6x3 = 74.4 + 100.8 = 175.2
    F(10) = 24.8x6 +  9.3x3 = 148.8 + 27.9 = 176.7

7 beats 4 by (229.5 - 175.2) / 6 = 9.05 votes and beats 10 by (176.7 - 175.2) / 6 = 0.25
votes, so the median-voter forecast is 7 years (narrowly over 10).
"""

from __future__ import annotations

import numpy as np
import pytest

from detente.models.bargaining import ExpectedUtilityBargaining, Issue
from detente.models.bargaining import _round as rd


def test_weighted_mean_by_hand(ec: Issue) -> None:
    w = ec.capability * ec.salience
    assert rd.weighted_mean(ec.position, w) == pytest.approx(500.3 / 67.7, rel=1e-12)


def test_pairwise_votes_and_median_by_hand(ec: Issue) -> None:
    w = ec.capability * ec.salience / 100
    votes = rd.vote_totals(ec.position, w, ec.span)
    at = {p: int(np.flatnonzero(ec.position == p)[0]) for p in (4.0, 7.0, 10.0)}
    assert votes[at[7.0], at[4.0]] == pytest.approx((229.5 - 175.2) / 6 / 100)
    assert votes[at[7.0], at[10.0]] == pytest.approx((176.7 - 175.2) / 6 / 100)
    assert votes[at[10.0], at[4.0]] == pytest.approx((229.5 - 176.7) / 6 / 100)
    assert rd.pairwise_median(ec.position, w) == 7.0


def test_model_round_zero_forecasts(ec: Issue) -> None:
    forecasts = ExpectedUtilityBargaining(max_rounds=0).run(ec).tables["forecasts"]
    assert forecasts["median"].to_list() == [7.0]
    assert forecasts["mean"][0] == pytest.approx(7.389955687, abs=1e-9)


def test_uk_challenging_germany_by_hand(ec: Issue) -> None:
    """P and the first-pass (r = 1, Q = 1) expected utility of the UK challenging Germany.

    x_UK = 10, x_Germany = 4, midpoint 7. Everyone at 10 backs the UK with weight x 6
    (33.6 x 6 = 201.6), everyone at 4 backs Germany (24.8 x 6 = 148.8); those at 7 are
    indifferent. P = 201.6 / 350.4 = 0.575342... With r = 1, d = |10 - 4| / 6 = 1:
    U_s = 2d = 2, U_f = -2d = -2, U_sq = 0, so E = s_G (P U_s + (1 - P) U_f) + (1 - s_G) U_s
    = 0.8 (2P - 2(1 - P)) + 0.2 x 2 = 0.8 x 0.301370 + 0.4 = 0.641096...
    """
    w = ec.capability * ec.salience
    p = rd.win_probabilities(ec.position, w)
    uk, de = ec.index("UK"), ec.index("Germany")
    assert p[uk, de] == pytest.approx(201.6 / 350.4)
    assert p[de, uk] == pytest.approx(148.8 / 350.4)
    u = rd.utilities(ec.position, 7.0, ec.span, np.ones((10, 1)))
    t = rd.better_probability(ec.position, 7.0, None)
    eu = rd.expected_utilities(u, p, ec.salience / 100, 1.0, t)
    assert eu[uk, de] == pytest.approx(0.8 * (4 * 201.6 / 350.4 - 2) + 0.4)
