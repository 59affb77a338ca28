"""A plain, pair-by-pair implementation of one round of the expected-utility model.

It exists to check :class:`detente.models.bargaining.ExpectedUtilityBargaining` and to time
it against: every quantity is computed the slow, obvious way (sums over third parties in
Python loops, one pair at a time), straight from the equations, sharing no code with the
vectorised model. Use it on small issues only: a round costs ``O(n^3)`` Python operations.
"""

from __future__ import annotations

from typing import Any

from detente.models.bargaining import ExpectedUtilityBargaining, Issue

_RANK = {"conflict": 0, "compromise": 1, "capitulation": 2}


def _median(x: list[float], w: list[float], ties: str) -> float:
    n = len(x)
    winners = []
    for j in range(n):
        beats_all = True
        for k in range(n):
            votes = sum(w[i] * (abs(x[i] - x[k]) - abs(x[i] - x[j])) for i in range(n))
            if votes < -1e-12:
                beats_all = False
        if beats_all:
            winners.append(x[j])
    if ties == "lower":
        return min(winners)
    if ties == "upper":
        return max(winners)
    return (min(winners) + max(winners)) / 2


def _probability(x: list[float], w: list[float], i: int, j: int) -> float:
    if x[i] == x[j]:
        return 0.5
    support = total = 0.0
    for k in range(len(x)):
        gain = abs(x[k] - x[j]) - abs(x[k] - x[i])
        if gain > 0:
            support += w[k] * gain
        total += w[k] * abs(gain)
    return support / total if total > 0 else 0.5


def _eu(i: int, j: int, r: float, x: list[float], s: list[float], p: float, mu: float,
        span: float, q: float, t: float | None) -> float:
    if i == j:
        return 0.0
    d = abs(x[i] - x[j]) / span
    g = abs(x[i] - mu) / span
    success = 2 - 4 * max(0.5 - 0.5 * d, 0.0) ** r
    failure = 2 - 4 * (0.5 + 0.5 * d) ** r
    better = 2 - 4 * max(0.5 - 0.25 * (g + d), 0.0) ** r
    worse = 2 - 4 * (0.5 + 0.25 * (g + d)) ** r
    status_quo = 2 - 4 * 0.5 ** r
    big_t = t if t is not None else (1.0 if abs(x[i] - mu) < abs(x[i] - x[j]) else 0.0)
    resist = s[j] / 100
    challenge = resist * (p * success + (1 - p) * failure) + (1 - resist) * success
    return challenge - q * status_quo - (1 - q) * (big_t * better + (1 - big_t) * worse)


def reference_round(issue: Issue, x: list[float], model: ExpectedUtilityBargaining
                    ) -> dict[str, Any]:
    """One round from positions ``x`` with ``model``'s parameters, one pair at a time.

    Returns a dict with ``median``, ``mean``, ``risk`` (list), ``probability`` and ``eu``
    (lists of lists, ``[i][j]``) and ``new_position`` (list).
    """
    n = len(x)
    c, s = list(issue.capability), list(issue.salience)
    w = [c[i] * s[i] for i in range(n)]
    span = issue.span
    if model.range_mode == "current" and max(x) > min(x):
        span = max(x) - min(x)
    mu = _median(x, w, model.median_ties)
    mean = sum(w[i] * x[i] for i in range(n)) / sum(w)
    p = [[_probability(x, w, i, j) for j in range(n)] for i in range(n)]
    args = (x, s)
    first = [[_eu(i, j, 1.0, *args, p[i][j], mu, span, model.q, model.t) for j in range(n)]
             for i in range(n)]
    risk = [1.0] * n
    if model.risk:
        security = [sum(first[j][i] for j in range(n) if j != i) for i in range(n)]
        top, bottom = max(security), min(security)
        for i in range(n):
            big_r = (2 * security[i] - top - bottom) / (top - bottom) if top > bottom else 0.0
            risk[i] = (1 - big_r / 3) / (1 + big_r / 3)
    eu = [[_eu(i, j, risk[i], *args, p[i][j], mu, span, model.q, model.t) for j in range(n)]
          for i in range(n)]
    new = list(x)
    for i in range(n):
        options = []
        for j in range(n):
            r_sender = risk[i] if model.perspective == "receiver" else risk[j]
            b = _eu(j, i, r_sender, *args, p[j][i], mu, span, model.q, model.t)
            a = eu[i][j]
            if i == j or x[i] == x[j] or b <= 0:
                continue
            if a > 0:
                if b > a and model.conflict == "loser_moves":
                    options.append(("conflict", b, x[j], j))
            elif -a < b:
                options.append(("compromise", b, x[i] + (x[j] - x[i]) * (-a / b), j))
            else:
                options.append(("capitulation", b, x[j], j))
        if not options:
            continue

        def key(o: tuple[str, float, float, int]) -> tuple[float, ...]:
            kind, b, target, j = o
            move = abs(target - x[i])
            if model.choice == "enforceable":
                return (-b, move, target, j)
            if model.choice == "least_move":
                return (move, -b, target, j)
            return (_RANK[kind], move, target, j)

        new[i] = min(options, key=key)[2]
    return {"median": mu, "mean": mean, "risk": risk, "probability": p, "eu": eu,
            "new_position": new}


def reference_run(issue: Issue, model: ExpectedUtilityBargaining, rounds: int
                  ) -> list[dict[str, Any]]:
    """``rounds + 1`` reference rounds from the issue's positions (no stopping rule)."""
    x = list(issue.position)
    out = []
    for _ in range(rounds + 1):
        state = reference_round(issue, x, model)
        out.append({**state, "position": list(x)})
        x = state["new_position"]
    return out
