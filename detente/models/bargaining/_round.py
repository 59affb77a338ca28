"""One round of the expected-utility group decision model, vectorised over pairs.

Every function takes the actors' current positions ``x`` (shape ``(n,)``) and returns actor
vectors or ``(n, n)`` pair matrices; row ``i``, column ``j`` reads "actor ``i`` about actor
``j``". Nothing here loops over actors or pairs.

Equation numbers are those of Scholz, Calbert and Smith (2011), "Unravelling Bueno De
Mesquita's group decision model", as numbered in the paper's Appendix algorithm and sections
3-6. They were checked against a third-party transcription of the conference version of the
paper (ICAART 2011), not against the Journal of Theoretical Politics 23(4) print, which was
not available offline; where the two versions number differently, the equations themselves
are the reference. Notation: ``c`` capability, ``s`` salience as a probability (input / 100),
``w = c s`` the weight an actor casts, ``span = x_max - x_min``, ``mu`` the median position,
``r`` the risk exponent.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

import numpy as np

MedianTies = Literal["midpoint", "lower", "upper"]
Perspective = Literal["own", "receiver"]
Conflict = Literal["loser_moves", "no_move"]
Choice = Literal["enforceable", "least_move", "type_order"]

NO_OFFER, CONFLICT, COMPROMISE, CAPITULATION = 0, 1, 2, 3
OFFER_TYPES = {CONFLICT: "conflict", COMPROMISE: "compromise", CAPITULATION: "capitulation"}


def weighted_mean(x: np.ndarray, w: np.ndarray) -> float:
    """The mean-voter forecast: ``sum_i w_i x_i / sum_i w_i`` with ``w_i = c_i s_i``."""
    return float(w @ x / w.sum())


def vote_totals(x: np.ndarray, w: np.ndarray, span: float) -> np.ndarray:
    """``V[j, k]``: the votes position ``x_j`` gets against ``x_k`` in a pairwise contest.

    Appendix step 3 (eqs. 26-29): actor ``i`` casts ``c_i s_i (|x_i - x_k| - |x_i - x_j|) /
    span`` votes for ``x_j`` over ``x_k``; ``V`` sums them over actors. Written as
    ``V[j, k] = (F_k - F_j) / span`` with ``F_j = sum_i w_i |x_i - x_j|`` it costs ``O(n^2)``.
    (The paper's eq. 28 carries a factor 2 from the utility ``1 - 2|x_i - x_k| / span``; a
    positive factor changes no contest, so the Appendix form without it is used.)
    """
    far = np.abs(x[:, None] - x[None, :]) @ w
    return (far[None, :] - far[:, None]) / span


def pairwise_median(x: np.ndarray, w: np.ndarray, *, ties: MedianTies = "midpoint") -> float:
    """The median-voter forecast: the position that wins every pairwise vote (Appendix step 3).

    The winner ``x_j`` has ``V[j, k] >= 0`` against every other position (:func:`vote_totals`):
    it is the Condorcet winner among the actors' positions, which on one dimension is the
    ``w``-weighted median (Black 1948). It is found from cumulative weights over the sorted
    positions rather than from the ``n x n`` vote matrix: the lowest position at which the
    cumulative weight reaches half the total. When it reaches exactly half there (to 1e-12
    of the total), every position up to the next one carrying weight ties; the paper is
    silent, and ``ties`` takes the ``"midpoint"`` of the tied positions (default;
    symmetric), the ``"lower"`` or the ``"upper"`` one.
    """
    order = np.argsort(x, kind="stable")
    xs, ws = x[order], w[order]
    cum = np.cumsum(ws)
    half, slack = cum[-1] / 2, 1e-12 * cum[-1]
    k = int(np.searchsorted(cum, half - slack, side="left"))
    lower = float(xs[k])
    if abs(cum[k] - half) > slack or ties == "lower":
        return lower
    heavier = np.flatnonzero((ws > 0) & (np.arange(xs.size) > k))
    upper = float(xs[heavier[0]]) if heavier.size else lower
    return upper if ties == "upper" else (lower + upper) / 2


def win_probabilities(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """``P[i, j]``: the probability that ``i`` prevails over ``j`` in a contest (eqs. 30-31).

    ``P[i, j] = sum_{k: a_k > 0} w_k a_k / sum_k w_k |a_k|`` with ``a_k = |x_k - x_j| - |x_k
    - x_i|``: third parties back the side they are closer to, in proportion to their
    capability, salience and how much closer they are. Every actor votes, ``i`` and ``j``
    included, so ``P[i, j] + P[j, i] = 1``. Pairs at one position get 0.5 (no contest).

    Instead of the ``O(n^3)`` sum, the positions are sorted once: for ``a = min(x_i, x_j)``,
    ``b = max(x_i, x_j)``, ``m = (a + b) / 2``, an actor at ``x_k <= a`` gives the lower side
    ``b - a``, one in ``(a, m)`` gives it ``a + b - 2 x_k``, one in ``(m, b)`` gives the upper
    side ``2 x_k - a - b`` and one at ``x_k >= b`` gives it ``b - a``; prefix sums of ``w`` and
    ``w x`` give each piece in ``O(log n)``.
    """
    order = np.argsort(x, kind="stable")
    xs, ws = x[order], w[order]
    c0 = np.concatenate(([0.0], np.cumsum(ws)))
    c1 = np.concatenate(([0.0], np.cumsum(ws * xs)))

    def below(t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        k = np.searchsorted(xs, t, side="left")
        return c0[k], c1[k]

    a = np.minimum(x[:, None], x[None, :])
    b = np.maximum(x[:, None], x[None, :])
    m = (a + b) / 2
    gap = b - a
    w_a, wx_a = below(a)
    w_m, wx_m = below(m)
    w_b, wx_b = below(b)
    lower = gap * w_a + (a + b) * (w_m - w_a) - 2 * (wx_m - wx_a)
    upper = gap * (c0[-1] - w_b) + 2 * (wx_b - wx_m) - (a + b) * (w_b - w_m)
    lower, upper = np.maximum(lower, 0.0), np.maximum(upper, 0.0)
    total = lower + upper
    mine = np.where(x[:, None] < x[None, :], lower, upper)
    contested = (gap > 0) & (total > 0)
    return np.where(contested, mine / np.where(contested, total, 1.0), 0.5)


class Utilities(NamedTuple):
    """The basic utilities of eqs. 15, 16, 22, 23 and 24 for each ordered pair."""

    success: np.ndarray
    failure: np.ndarray
    better: np.ndarray
    worse: np.ndarray
    status_quo: np.ndarray


def utilities(x: np.ndarray, mu: float, span: float, r: np.ndarray) -> Utilities:
    """Basic utilities of ``i`` in its contest with ``j``, with risk exponents ``r``.

    With ``d = |x_i - x_j| / span`` and ``g = |x_i - mu| / span``:

    - success ``U_s = 2 - 4 (0.5 - 0.5 d)^r`` (eq. 15), failure ``U_f = 2 - 4 (0.5 + 0.5 d)^r``
      (eq. 16);
    - better ``U_b = 2 - 4 (0.5 - 0.25 (g + d))^r`` and worse ``U_w = 2 - 4 (0.5 + 0.25 (g +
      d))^r`` (eqs. 22-23): how ``i`` fares when ``j`` moves towards the median;
    - status quo ``U_sq = 2 - 4 (0.5)^r`` (eq. 24).

    ``r`` is broadcast against the ``(n, n)`` pair matrices: ``r[:, None]`` gives each actor
    its own exponent, ``r[None, :]`` evaluates ``i``'s utilities with ``j``'s exponent.
    """
    d = np.abs(x[:, None] - x[None, :]) / span
    g = (np.abs(x - mu) / span)[:, None]
    if np.all(r == 1):  # risk-neutral: the powers are the identity (the first pass)
        return Utilities(2 * d, -2 * d, g + d, -(g + d), np.zeros_like(d))

    def u(base: np.ndarray) -> np.ndarray:
        return 2 - 4 * np.power(np.maximum(base, 0.0), r)

    return Utilities(u(0.5 - 0.5 * d), u(0.5 + 0.5 * d), u(0.5 - 0.25 * (g + d)),
                     u(0.5 + 0.25 * (g + d)), np.broadcast_to(2 - 4 * 0.5 ** r, d.shape))


def better_probability(x: np.ndarray, mu: float, t: float | None) -> np.ndarray | float:
    """``T``: the chance that ``j``'s drift towards the median leaves ``i`` better off.

    The paper (section 3, figures 1-4) takes ``T = 1`` when the median lies closer to ``i``
    than ``j`` does (cases 1 and 3A) and ``T = 0`` otherwise (cases 2 and 3B); ``t=None``
    applies that rule pair by pair. A number fixes ``T`` for every pair.
    """
    if t is not None:
        return float(t)
    return (np.abs(x - mu)[:, None] < np.abs(x[:, None] - x[None, :])).astype(np.float64)


def expected_utilities(u: Utilities, p: np.ndarray, s: np.ndarray, q: float,
                       t: np.ndarray | float) -> np.ndarray:
    """``E[i, j]``: ``i``'s expected utility of challenging ``j`` over not challenging.

    Eqs. 5-7 (Appendix step 7)::

        E = s_j (P U_s + (1 - P) U_f) + (1 - s_j) U_s - Q U_sq - (1 - Q) (T U_b + (1 - T) U_w)

    ``s_j`` is the *target's* salience: a target that cares little does not resist, and the
    challenger gets ``U_s``. ``Q`` is the probability that nothing changes if ``i`` does not
    challenge. The diagonal (an actor and itself) is 0.
    """
    challenge = s[None, :] * (p * u.success + (1 - p) * u.failure) + (1 - s[None, :]) * u.success
    stay = q * u.status_quo + (1 - q) * (t * u.better + (1 - t) * u.worse)
    eu = challenge - stay
    np.fill_diagonal(eu, 0.0)
    return eu


def risk_exponents(eu: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Risk exponents ``r`` from the security of each actor's position (eqs. 32-34, 33).

    Security ``S_i = sum_{j != i} E[j, i]`` is what the others expect to gain by challenging
    ``i`` (section 5), computed from expected utilities with every ``r = 1``. Then
    ``R_i = (2 S_i - max S - min S) / (max S - min S)`` lies in ``[-1, 1]`` and
    ``r_i = (1 - R_i / 3) / (1 + R_i / 3)`` in ``[0.5, 2]``: the most exposed position gives the
    most risk-averse actor (``r = 0.5``), the safest the most risk-acceptant (``r = 2``).
    When every security is equal, ``R = 0`` and ``r = 1``.

    Returns
    -------
    (r, security)
    """
    security = eu.sum(axis=0) - np.diag(eu)
    hi, lo = security.max(), security.min()
    spread = hi - lo
    big_r = (2 * security - hi - lo) / spread if spread > 0 else np.zeros_like(security)
    return (1 - big_r / 3) / (1 + big_r / 3), security


class Offers(NamedTuple):
    """The offers of one round, receiver by sender: ``[i, j]`` is what ``j`` offers ``i``.

    ``kind`` holds 0 (no offer), 1 conflict, 2 compromise, 3 capitulation; ``target`` the
    position ``i`` would take if it gave way (its own position when it wins a conflict);
    ``moves`` marks the offers ``i`` would accept; ``chosen[i]`` is the sender whose offer
    ``i`` accepts (-1: none) and ``new_position`` the positions for the next round.
    """

    kind: np.ndarray
    sender_eu: np.ndarray
    receiver_eu: np.ndarray
    target: np.ndarray
    moves: np.ndarray
    chosen: np.ndarray
    new_position: np.ndarray


def offers(x: np.ndarray, eu: np.ndarray, eu_seen: np.ndarray, *,
           conflict: Conflict = "loser_moves", choice: Choice = "enforceable") -> Offers:
    """Offers between every pair, their types, and each actor's choice (section 6).

    For receiver ``i`` and sender ``j``, with ``a = E[i, j]`` (``i``'s expected utility of
    challenging ``j``) and ``b`` = ``j``'s expected utility of challenging ``i`` (``eu_seen.T``:
    ``j``'s own, or as ``i`` perceives it), ``j`` makes ``i`` an offer when ``b > 0`` and their
    positions differ. Its type follows the octants of figure 6:

    - **conflict** (``a > 0``): both expect to gain. The side with the lower expected utility
      loses and moves to the winner's position; ``conflict="no_move"`` reads the outcome as
      uncertain and moves nobody (the paper's figure is read both ways in the replications);
    - **compromise** (``a <= 0``, ``|a| < b``): ``i`` moves part of the way, eq. 36:
      ``x_i + (x_j - x_i) |a / b|``;
    - **capitulation** (``a <= 0``, ``|a| >= b``): ``i`` moves all the way to ``x_j``.

    Each actor accepts one of the offers that move it (section 6.2). The paper says actors
    "concede to the actor with highest expected utility" and, among equally enforceable
    proposals, "move the least"; ``choice`` names the reading:

    - ``"enforceable"`` (default): the highest sender expected utility ``b``, then the
      smallest move;
    - ``"least_move"``: the smallest move, then the highest ``b``;
    - ``"type_order"``: a lost conflict before a compromise before a capitulation (the order
      of section 6.2), then the smallest move.

    Remaining ties go to the lower target position, then the earlier sender. Moves are
    simultaneous: every choice is made from the positions at the start of the round.
    """
    n = x.size
    a = eu
    b = eu_seen.T
    xi, xj = x[:, None], x[None, :]
    offered = (b > 0) & (xi != xj) & ~np.eye(n, dtype=bool)
    fights = offered & (a > 0)
    lost = fights & (b > a)
    gives_way = offered & (a <= 0)
    partial = gives_way & (-a < b)
    full = gives_way & ~partial
    kind = np.select([fights, partial, full], [CONFLICT, COMPROMISE, CAPITULATION], NO_OFFER)
    ratio = np.where(partial, -a / np.where(partial, b, 1.0), 0.0)
    conceding = lost if conflict == "loser_moves" else np.zeros_like(lost)
    target = np.where(full | conceding, xj, np.where(partial, xi + (xj - xi) * ratio, xi))
    moves = conceding | partial | full
    distance = np.abs(target - xi)
    if choice == "enforceable":
        keys = [-b, distance]
    elif choice == "least_move":
        keys = [distance, -b]
    else:
        keys = [np.select([conceding, partial, full], [0.0, 1.0, 2.0], 3.0), distance]
    pick = _lexicographic_best(moves, [*keys, target])
    rows = np.arange(n)
    chosen = np.where(moves.any(axis=1), pick, -1)
    new_position = np.where(chosen >= 0, target[rows, np.maximum(chosen, 0)], x)
    return Offers(kind.astype(np.int8), np.where(offered, b, 0.0), np.where(offered, a, 0.0),
                  target, moves, chosen, new_position)


def _lexicographic_best(mask: np.ndarray, keys: list[np.ndarray]) -> np.ndarray:
    """Per row, the column of ``mask`` that minimises ``keys`` in order (first on ties)."""
    keep = mask.copy()
    for key in keys:
        masked = np.where(keep, key, np.inf)
        keep &= masked == masked.min(axis=1, keepdims=True)
    return np.argmax(keep, axis=1)
