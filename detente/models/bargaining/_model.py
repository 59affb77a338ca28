"""Bueno de Mesquita's expected-utility model of group decisions, after Scholz et al. (2011)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Literal

import numpy as np

from detente._errors import ModelInputError
from detente._seed import SeedLike
from detente.models._base import Model, ModelTags, Result, register
from detente.models.bargaining import _round as rd
from detente.models.bargaining._issue import Issue
from detente.models.bargaining._tables import (
    dyad_table,
    forecast_table,
    offer_table,
    position_table,
)

RangeMode = Literal["issue", "current"]

CITATION = (
    "Scholz, Jason B., Gregory J. Calbert and Glen A. Smith. 2011. \"Unravelling Bueno De "
    "Mesquita's Group Decision Model.\" Journal of Theoretical Politics 23(4): 510-531. "
    "Bueno de Mesquita, Bruce. 1994. \"Political Forecasting: An Expected Utility Method.\" "
    "In Bueno de Mesquita and Stokman (eds.), European Community Decision Making, 71-104."
)


@dataclass(frozen=True)
class RoundState:
    """Everything computed in one round from the positions at its start."""

    position: np.ndarray
    median: float
    mean: float
    risk: np.ndarray
    security: np.ndarray
    probability: np.ndarray
    eu: np.ndarray
    offers: rd.Offers


@register
class ExpectedUtilityBargaining(Model):
    """Forecast where a negotiation settles: the expected-utility group decision model.

    Each round follows the Appendix algorithm of Scholz, Calbert and Smith (2011):

    1. forecasts: the pairwise-vote median (Appendix step 3, eqs. 26-29) and the
       capability-and-salience weighted mean of the positions;
    2. with every risk exponent ``r = 1``: basic utilities (eqs. 15, 16, 22-24), probabilities
       of prevailing (eqs. 30-31) and expected utilities of challenging (eqs. 5-7);
    3. risk exponents from the security of each position (eqs. 32-34 and 33);
    4. the utilities and expected utilities again with those exponents;
    5. offers from every pair with a type (conflict, compromise, capitulation; section 6,
       figure 6), each actor's choice among the offers it receives (section 6.2) and the
       new positions, all moves simultaneous.

    Rounds repeat until no actor moves, until both forecasts have stayed put for
    ``patience`` rounds, or until ``max_rounds``. See :mod:`detente.models.bargaining._round`
    for each equation.

    Parameters
    ----------
    q : float, default 1.0
        ``Q``, the probability that nothing changes when an actor does not challenge (eq. 7).
        The paper gives 0.5 or 1.0 and uses 1.0 for the EC example ("No value for Q was given.
        We chose Q=1.0."), which makes ``T`` irrelevant.
    t : float or None, default None
        ``T``, the probability that the target's drift to the median helps the challenger.
        ``None`` applies the paper's geometric cases pair by pair (1 if the median is closer
        to the challenger than the target is, else 0); a number fixes it for every pair.
    risk : bool, default True
        Estimate risk exponents from security (step 3). ``False`` keeps every ``r = 1``.
    perspective : {"receiver", "own"}, default "receiver"
        Whose risk exponent prices the sender's expected utility when the receiver weighs an
        offer. ``"receiver"``: the receiver judges both sides of the dyad with its own risk
        attitude, as in Bueno de Mesquita's perceptual reading (each actor decides on its own
        estimates; one public replication of Scholz's code does this). ``"own"``: each side's
        expected utility with its own exponent (figure 6's axes ``E^i(U_ij)``, ``E^j(U_ji)``).
        The default is a choice, not the paper's word: on the EC example ``"own"`` sends every
        actor to 10 years within three rounds, while ``"receiver"`` settles at 8.6 years, near
        the 8.35-9.05 Bueno de Mesquita reported (see the README comparison).
    conflict : {"loser_moves", "no_move"}, default "loser_moves"
        When both sides expect to gain, the one with the lower expected utility moves to the
        other's position, or (``"no_move"``) the outcome is uncertain and nobody moves.
    choice : {"enforceable", "least_move", "type_order"}, default "enforceable"
        Which received offer an actor accepts; see :func:`~._round.offers`.
    range_mode : {"issue", "current"}, default "issue"
        Divide distances by the issue scale (``Issue.scale``: by default the initial range of
        positions, fixed over rounds) or by the current range of positions.
    median_ties : {"midpoint", "lower", "upper"}, default "midpoint"
        The median when two positions tie in the pairwise vote.
    max_rounds : int, default 100
        The most bargaining rounds to run.
    patience : int or None, default None
        Also stop once both forecasts have moved less than ``tol`` times the scale for this
        many consecutive rounds. ``None`` stops only when nobody moves (the paper notes the
        median can look settled for several rounds and then move again).
    tol : float, default 1e-9
        Relative tolerance for "has not moved".
    record_dyads : bool, default False
        Also return every ordered pair's probability and expected utilities in every round
        (``Result.tables["dyads"]``; ``n^2`` rows per round).

    Notes
    -----
    The result's ``table`` has one row per round and actor: ``round, actor, position, risk,
    security, accepted_type, accepted_from, next_position`` (round 0 holds the inputs; the
    offers of round ``t`` move the positions into round ``t + 1``). ``tables["forecasts"]``
    has per round ``median, mean`` and the number of moves and offers of each type;
    ``tables["offers"]`` every offer with its type, both expected utilities, the position
    proposed to the receiver and whether it was accepted.

    The model is deterministic; ``seed`` is recorded and otherwise unused.

    References
    ----------
    .. [1] Scholz, J. B., Calbert, G. J. and Smith, G. A. (2011). Unravelling Bueno De
       Mesquita's group decision model. Journal of Theoretical Politics 23(4), 510-531.
    .. [2] Bueno de Mesquita, B. (1994). Political forecasting: an expected utility method.
       In Bueno de Mesquita, B. and Stokman, F. N. (eds.), European Community Decision
       Making, 71-104. Yale University Press.
    .. [3] Bueno de Mesquita, B. (1985). The war trap revisited. American Political Science
       Review 79(1), 156-177.

    Examples
    --------
    >>> from detente.models.bargaining import Issue
    >>> issue = Issue(("A", "B", "C"), capability=(1, 1, 2), position=(0, 4, 10),
    ...               salience=(90, 50, 60))
    >>> result = ExpectedUtilityBargaining(max_rounds=5).run(issue)
    >>> result.tables["forecasts"]["median"][0]
    4.0
    """

    tags: ClassVar[ModelTags] = ModelTags(question="bargaining", stochastic=False,
                                          citation=CITATION)

    def __init__(self, *, q: float = 1.0, t: float | None = None, risk: bool = True,
                 perspective: rd.Perspective = "receiver", conflict: rd.Conflict = "loser_moves",
                 choice: rd.Choice = "enforceable", range_mode: RangeMode = "issue",
                 median_ties: rd.MedianTies = "midpoint", max_rounds: int = 100,
                 patience: int | None = None, tol: float = 1e-9,
                 record_dyads: bool = False) -> None:
        self.q = q
        self.t = t
        self.risk = risk
        self.perspective = perspective
        self.conflict = conflict
        self.choice = choice
        self.range_mode = range_mode
        self.median_ties = median_ties
        self.max_rounds = max_rounds
        self.patience = patience
        self.tol = tol
        self.record_dyads = record_dyads

    def _validate(self, inputs: Any) -> Issue:
        if not isinstance(inputs, Issue):
            raise ModelInputError(f"{type(self).__name__}.run takes an Issue, got "
                                  f"{type(inputs).__name__}; see read_issue and Issue.from_frame")
        choices = {"perspective": ("own", "receiver"), "conflict": ("loser_moves", "no_move"),
                   "choice": ("enforceable", "least_move", "type_order"),
                   "range_mode": ("issue", "current"),
                   "median_ties": ("midpoint", "lower", "upper")}
        for name, allowed in choices.items():
            if getattr(self, name) not in allowed:
                raise ModelInputError(f"{name}={getattr(self, name)!r}; choose one of {allowed}")
        if not 0 <= self.q <= 1 or (self.t is not None and not 0 <= self.t <= 1):
            raise ModelInputError(f"q and t are probabilities in [0, 1]; got q={self.q}, "
                                  f"t={self.t}")
        if int(self.max_rounds) != self.max_rounds or self.max_rounds < 0:
            raise ModelInputError(f"max_rounds must be a whole number >= 0, got {self.max_rounds}")
        if self.patience is not None and self.patience < 1:
            raise ModelInputError(f"patience must be >= 1 or None, got {self.patience}")
        return inputs

    # -- one round --------------------------------------------------------------------------
    def step(self, issue: Issue, x: np.ndarray) -> RoundState:
        """Compute one round from positions ``x`` (the steps listed in the class docstring)."""
        w = issue.capability * issue.salience
        s = issue.salience / 100.0
        span = issue.span
        if self.range_mode == "current" and x.max() > x.min():
            span = float(x.max() - x.min())
        median = rd.pairwise_median(x, w, ties=self.median_ties)
        mean = rd.weighted_mean(x, w)
        p = rd.win_probabilities(x, w)
        t = rd.better_probability(x, median, self.t)
        ones = np.ones_like(x)
        first = rd.expected_utilities(rd.utilities(x, median, span, ones[:, None]), p, s,
                                      self.q, t)
        if self.risk:
            r, security = rd.risk_exponents(first)
        else:
            r, security = ones, first.sum(axis=0) - np.diag(first)
        eu = rd.expected_utilities(rd.utilities(x, median, span, r[:, None]), p, s, self.q, t)
        seen = eu if self.perspective == "own" else rd.expected_utilities(
            rd.utilities(x, median, span, r[None, :]), p, s, self.q, t)
        found = rd.offers(x, eu, seen, conflict=self.conflict, choice=self.choice)
        return RoundState(x, median, mean, r, security, p, eu, found)

    # -- the run ------------------------------------------------------------------------------
    def run(self, inputs: Issue, *, seed: SeedLike = None) -> Result:
        """Run rounds from ``inputs`` until the positions or the forecasts settle.

        Raises
        ------
        ModelInputError
            ``inputs`` is not an :class:`Issue`, or a parameter is out of range.
        """
        issue = self._validate(inputs)
        states: list[RoundState] = []
        x = issue.position.copy()
        stopped = "max_rounds"
        calm = 0
        for t in range(int(self.max_rounds) + 1):
            state = self.step(issue, x)
            states.append(state)
            if t > 0 and self.patience is not None:
                prev = states[-2]
                still = max(abs(state.median - prev.median), abs(state.mean - prev.mean))
                calm = calm + 1 if still <= self.tol * issue.span else 0
            if not state.offers.moves.any() or np.allclose(
                    state.offers.new_position, x, rtol=0, atol=self.tol * issue.span):
                stopped = "no_moves"
                break
            if self.patience is not None and calm >= self.patience:
                stopped = "forecast_settled"
                break
            if t == self.max_rounds:
                break
            x = state.offers.new_position
        return self._result(issue, states, stopped, seed)

    def _result(self, issue: Issue, states: list[RoundState], stopped: str,
                seed: SeedLike) -> Result:
        names = np.array(issue.actors, dtype=object)
        forecasts = forecast_table(states)
        tables = {"forecasts": forecasts, "offers": offer_table(states, names)}
        if self.record_dyads:
            tables["dyads"] = dyad_table(states, names)
        last, first = states[-1], states[0]
        summary = {
            "issue": issue.name,
            "actors": len(issue),
            "scale": list(issue.scale or ()),
            "rounds": len(states) - 1,
            "stopped": stopped,
            "median_initial": first.median,
            "mean_initial": first.mean,
            "median_final": last.median,
            "mean_final": last.mean,
        }
        return Result(type(self).__name__, position_table(states, names), summary=summary,
                      params=self.get_params(), seed=seed if isinstance(seed, int) else None,
                      data_versions=dict(issue.data_versions), tables=tables)
