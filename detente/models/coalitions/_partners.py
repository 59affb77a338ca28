"""Partner ranking and what-if: whom a lead state should court, and what a change would do.

A **coalition** is a lead state and its current members; its **goal** is to balance against a
named rival, or to build a regional grouping (candidates restricted to a region). Every
number here comes from a set of landscape inputs (sizes ``s``, propensities ``p``), so a
planner can rank partners on store-built inputs, on edited ones, or on their own.

For the coalition ``C`` (lead and members) and a candidate ``c``:

* **capability added**: ``s_c``; with a rival ``R`` also the coalition's capability ratio
  ``(sum_{i in C} s_i + s_c) / s_R`` after ``c`` joins (balancing, [2]);
* **cohesion** with the members: ``sum_{m in C} s_m p_cm / sum_{m in C} s_m``, the
  size-weighted mean propensity toward them;
* **friction**: affinity for the rival, ``max(0, p_cR)``, plus size-weighted hostility toward
  members, ``sum_m s_m max(0, -p_cm) / sum_m s_m``; also reported as ``toward_rival`` and the
  number of ``hostile_members``;
* **energy change**: the change in landscape energy [1] when ``c`` moves from the rest of the
  analysed states into the coalition's camp (configuration: ``C`` versus everyone else);
  negative means the landscape pulls ``c`` in, i.e. ``c`` would lower its own frustration by
  joining.

The **score** adds the three criteria, each rescaled to ``[0, 1]`` across the candidates
(min-max; a criterion equal for all candidates scores 0.5), with weights
``capability``, ``cohesion`` and ``friction`` (friction counts against); candidates are
ranked by score. The rescaling depends on who the candidates are; the raw columns do not.

References
----------
1. Axelrod, R. and Bennett, D. S. (1993). "A Landscape Theory of Aggregation."
   *British Journal of Political Science* 23(2): 211-233.
2. Walt, S. M. (1987). *The Origins of Alliances*. Cornell University Press.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np
import polars as pl

from detente._errors import ModelInputError
from detente._seed import SeedLike
from detente.models._base import Model, ModelTags, Result, register
from detente.models.coalitions._energy import Convention, energy, switch_gains
from detente.models.coalitions._inputs import LandscapeInputs

REGIONS: Mapping[str, tuple[tuple[int, int], ...]] = {
    "americas": ((2, 199),),
    "europe": ((200, 399),),
    "africa": ((400, 626),),
    "middle_east": ((630, 699),),
    "asia": ((700, 899),),
    "oceania": ((900, 999),),
}
"""Regions by blocks of COW state numbers (the numbering follows region: 2-165 the Americas,
200-395 Europe, 402-626 Africa, 630-698 the Middle East, 700-860 Asia, 900-990 Oceania).
Turkey (640) and Egypt (651) fall in the Middle East, Cyprus (352) in Europe."""

DEFAULT_WEIGHTS: Mapping[str, float] = {"capability": 1.0, "cohesion": 1.0, "friction": 1.0}


def in_region(codes: Sequence[int], region: str) -> list[bool]:
    """Whether each COW code lies in ``region`` (see :data:`REGIONS`)."""
    if region not in REGIONS:
        raise ModelInputError(f"unknown region {region!r}; choose from {', '.join(REGIONS)}")
    return [any(lo <= int(c) <= hi for lo, hi in REGIONS[region]) for c in codes]


def region_members(inputs: LandscapeInputs, region: str) -> list[str]:
    """Actors of ``inputs`` whose COW code lies in ``region`` (see :data:`REGIONS`)."""
    if region not in REGIONS:
        raise ModelInputError(f"unknown region {region!r}; choose from {', '.join(REGIONS)}")
    if inputs.codes is None:
        raise ModelInputError("regions need COW codes; build the inputs from the store")
    inside = in_region(inputs.codes, region)
    return [a for a, keep in zip(inputs.actors, inside, strict=True) if keep]


def _members(inputs: LandscapeInputs, members: Sequence[str | int]) -> np.ndarray:
    idx = np.array(inputs.indices(members), dtype=np.int64)
    if idx.size == 0:
        raise ModelInputError("a coalition needs at least one member (the lead)")
    if np.unique(idx).size != idx.size:
        raise ModelInputError("a member is listed twice")
    return idx


def coalition_profile(inputs: LandscapeInputs, members: Sequence[str | int], *,
                      rival: str | int | None = None,
                      convention: Convention = "ordered") -> dict[str, Any]:
    """Capability, cohesion and energy of a coalition (lead and members).

    Returns
    -------
    dict
        ``members``; ``capability`` (sum of sizes); ``capability_ratio`` (over the rival's
        size, with a rival); ``cohesion`` (size-weighted mean propensity over member pairs,
        ``sum_{i<j} s_i s_j p_ij / sum_{i<j} s_i s_j``; null for one member);
        ``weakest_link`` (lowest pairwise propensity); ``hostile_pairs`` (pairs with
        ``p < 0``); ``toward_rival`` (size-weighted mean propensity of members toward the
        rival); ``energy`` (the configuration coalition versus all other actors).
    """
    idx = _members(inputs, members)
    r = None if rival is None else inputs.index(rival)
    if r is not None and r in idx:
        raise ModelInputError(f"the rival {inputs.actors[r]} cannot be a member")
    s, p = inputs.sizes, inputs.propensity
    cap = float(s[idx].sum())
    iu = np.triu_indices(idx.size, 1)
    pair_p = p[np.ix_(idx, idx)][iu]
    pair_w = np.outer(s[idx], s[idx])[iu]
    labels = np.zeros(inputs.n, dtype=np.int8)
    labels[idx] = 1
    return {
        "members": [inputs.actors[i] for i in idx],
        "capability": cap,
        "capability_ratio": None if r is None else cap / float(s[r]),
        "cohesion": float(pair_w @ pair_p / pair_w.sum()) if pair_p.size else None,
        "weakest_link": float(pair_p.min()) if pair_p.size else None,
        "hostile_pairs": int(np.sum(pair_p < 0)),
        "toward_rival": None if r is None else float(s[idx] @ p[idx, r] / cap),
        "energy": float(energy(inputs, labels, convention=convention)),
    }


def rank_partners(inputs: LandscapeInputs, lead: str | int, members: Sequence[str | int] = (),
                  *, rival: str | int | None = None,
                  candidates: Sequence[str | int] | None = None,
                  weights: Mapping[str, float] | None = None,
                  convention: Convention = "ordered") -> pl.DataFrame:
    """Rank candidate partners for a lead state's coalition.

    Parameters
    ----------
    inputs
        Sizes and propensities of the lead, members, rival and candidates (and any others,
        who count in the energy as the rest of the world).
    lead, members
        The coalition: the lead and its current members.
    rival
        The state to balance against, or None (a regional grouping: give ``candidates``).
    candidates
        Who may be courted; default: every actor not in the coalition and not the rival.
    weights
        ``{"capability": w1, "cohesion": w2, "friction": w3}`` (default all 1).
    convention
        Energy convention for ``energy_change``.

    Returns
    -------
    polars.DataFrame
        One row per candidate, best first: ``rank``, ``actor``, (``ccode``), ``score``,
        ``capability_added``, ``capability_after``, ``capability_ratio_after`` (with a
        rival), ``cohesion``, ``toward_rival``, ``hostile_members``, ``friction``,
        ``energy_change``.

    Examples
    --------
    >>> import numpy as np
    >>> from detente.models.coalitions import LandscapeInputs, rank_partners
    >>> p = np.array([[0, 1, 1, -1], [1, 0, -1, -1], [1, -1, 0, 1], [-1, -1, 1, 0]])
    >>> inputs = LandscapeInputs(("Lead", "Friend", "Mixed", "Rival"), np.ones(4), p)
    >>> rank_partners(inputs, "Lead", rival="Rival")["actor"].to_list()
    ['Friend', 'Mixed']
    """
    coalition = _members(inputs, [lead, *members])
    r = None if rival is None else inputs.index(rival)
    if r is not None and r in coalition:
        raise ModelInputError(f"the rival {inputs.actors[r]} cannot be in the coalition")
    excluded = set(coalition.tolist()) | ({r} if r is not None else set())
    if candidates is None:
        cand = np.array([i for i in range(inputs.n) if i not in excluded], dtype=np.int64)
    else:
        cand = np.array(inputs.indices(candidates), dtype=np.int64)
        clash = [inputs.actors[i] for i in cand if i in excluded]
        if clash:
            raise ModelInputError(f"candidates already in the coalition or the rival: {clash}")
    if cand.size == 0:
        raise ModelInputError("no candidates to rank")
    w = {**DEFAULT_WEIGHTS, **(weights or {})}
    unknown = set(w) - set(DEFAULT_WEIGHTS)
    if unknown:
        raise ModelInputError(f"unknown weights {sorted(unknown)}; use {sorted(DEFAULT_WEIGHTS)}")
    s, p = inputs.sizes, inputs.propensity
    sm = s[coalition]
    cap = float(sm.sum())
    toward = p[np.ix_(cand, coalition)]                        # candidates x members
    cohesion = toward @ sm / cap
    hostility = np.maximum(-toward, 0.0) @ sm / cap
    to_rival = p[cand, r] if r is not None else np.zeros(cand.size)
    friction = np.maximum(to_rival, 0.0) + hostility
    labels = np.zeros(inputs.n, dtype=np.int8)
    labels[coalition] = 1
    gains = switch_gains(inputs, labels, convention=convention)[cand]
    score = (w["capability"] * _rescale(s[cand]) + w["cohesion"] * _rescale(cohesion)
             - w["friction"] * _rescale(friction))
    frame = pl.DataFrame({
        "actor": pl.Series([inputs.actors[i] for i in cand], dtype=pl.String),
        "score": pl.Series(score),
        "capability_added": pl.Series(s[cand]),
        "capability_after": pl.Series(cap + s[cand]),
        "capability_ratio_after": pl.Series((cap + s[cand]) / s[r] if r is not None
                                            else np.full(cand.size, np.nan)),
        "cohesion": pl.Series(cohesion),
        "toward_rival": pl.Series(to_rival if r is not None else np.full(cand.size, np.nan)),
        "hostile_members": pl.Series(np.sum(toward < 0, axis=1), dtype=pl.Int64),
        "friction": pl.Series(friction),
        "energy_change": pl.Series(gains),
    }).with_columns(pl.col("capability_ratio_after", "toward_rival").fill_nan(None))
    if inputs.codes is not None:
        frame = frame.insert_column(1, pl.Series("ccode", [inputs.codes[i] for i in cand],
                                                 dtype=pl.Int64))
    frame = frame.sort(["score", "capability_added", "actor"], descending=[True, True, False])
    return frame.insert_column(0, pl.Series("rank", np.arange(1, frame.height + 1),
                                            dtype=pl.Int64))


def _rescale(values: np.ndarray) -> np.ndarray:
    lo, hi = float(values.min()), float(values.max())
    if hi - lo <= 1e-12 * max(1.0, abs(hi)):
        return np.full(values.shape, 0.5)
    return (values - lo) / (hi - lo)


def coalition_whatif(inputs: LandscapeInputs, members: Sequence[str | int], *,
                     add: Sequence[str | int] = (), remove: Sequence[str | int] = (),
                     rival: str | int | None = None,
                     convention: Convention = "ordered") -> pl.DataFrame:
    """What adding or removing members does to capability, cohesion and energy.

    Returns
    -------
    polars.DataFrame
        Rows ``before``, ``after`` and ``change`` with the columns of
        :func:`coalition_profile` (``members`` is the list before and after; ``change`` holds
        the members added and removed as ``+NAME``/``-NAME``).
    """
    before = [inputs.actors[i] for i in _members(inputs, members)]
    added = [inputs.actors[i] for i in inputs.indices(add)]
    removed = [inputs.actors[i] for i in inputs.indices(remove)]
    for name in added:
        if name in before:
            raise ModelInputError(f"{name} is already a member")
    for name in removed:
        if name not in before:
            raise ModelInputError(f"{name} is not a member")
    after = [a for a in before if a not in removed] + added
    if not after:
        raise ModelInputError("the coalition would have no members left")
    old = coalition_profile(inputs, before, rival=rival, convention=convention)
    new = coalition_profile(inputs, after, rival=rival, convention=convention)
    change: dict[str, Any] = {"members": [f"+{a}" for a in added] + [f"-{a}" for a in removed]}
    for key, value in old.items():
        if key != "members":
            change[key] = None if value is None or new[key] is None else new[key] - value
    rows = [{"state": "before", **old}, {"state": "after", **new}, {"state": "change", **change}]
    return pl.DataFrame(rows, schema={
        "state": pl.String, "members": pl.List(pl.String), "capability": pl.Float64,
        "capability_ratio": pl.Float64, "cohesion": pl.Float64, "weakest_link": pl.Float64,
        "hostile_pairs": pl.Int64, "toward_rival": pl.Float64, "energy": pl.Float64})


@dataclass(frozen=True)
class CoalitionQuestion:
    """What :class:`PartnerRanking` answers: whom ``lead`` (with ``members``) should court.

    ``rival`` names the state to balance against; ``candidates`` (or ``region``, a key of
    :data:`REGIONS`) limits who may be courted, for a regional grouping.
    """

    inputs: LandscapeInputs
    lead: str | int
    members: tuple[str | int, ...] = ()
    rival: str | int | None = None
    candidates: tuple[str | int, ...] | None = None
    region: str | None = None

    def candidate_list(self) -> tuple[str | int, ...] | None:
        if self.region is None:
            return self.candidates
        inside = region_members(self.inputs, self.region)
        taken = {self.inputs.index(a) for a in (self.lead, *self.members)}
        if self.rival is not None:
            taken.add(self.inputs.index(self.rival))
        pool = [a for a in inside if self.inputs.index(a) not in taken]
        if self.candidates is not None:
            allowed = {self.inputs.index(a) for a in self.candidates}
            pool = [a for a in pool if self.inputs.index(a) in allowed]
        return tuple(pool)


@register
class PartnerRanking(Model):
    """Rank partners for a coalition by capability added, cohesion and friction.

    Parameters
    ----------
    weights
        Weights of the ``capability``, ``cohesion`` and ``friction`` criteria.
    convention
        Landscape energy convention for ``energy_change``.

    Notes
    -----
    ``table`` is :func:`rank_partners`; ``tables["coalition"]`` is the current coalition's
    :func:`coalition_profile`. Deterministic (the seed is recorded, not used).
    """

    tags: ClassVar[ModelTags] = ModelTags(
        question="coalitions", stochastic=False, unit="actor",
        citation="Axelrod and Bennett (1993), BJPolS 23(2); Walt (1987), The Origins of "
                 "Alliances")

    def __init__(self, *, weights: Mapping[str, float] | None = None,
                 convention: Convention = "ordered") -> None:
        self.weights = weights
        self.convention = convention

    def run(self, inputs: CoalitionQuestion, *, seed: SeedLike = None) -> Result:
        if not isinstance(inputs, CoalitionQuestion):
            raise ModelInputError("PartnerRanking.run needs a CoalitionQuestion")
        q = inputs
        table = rank_partners(q.inputs, q.lead, q.members, rival=q.rival,
                              candidates=q.candidate_list(), weights=self.weights,
                              convention=self.convention)
        profile = coalition_profile(q.inputs, [q.lead, *q.members], rival=q.rival,
                                    convention=self.convention)
        goal = (f"balance against {q.inputs.actors[q.inputs.index(q.rival)]}"
                if q.rival is not None else
                f"regional grouping ({q.region})" if q.region else "grouping")
        summary = {"goal": goal, "lead": q.inputs.actors[q.inputs.index(q.lead)],
                   "year": q.inputs.year, "candidates": table.height,
                   "weights": {**DEFAULT_WEIGHTS, **(self.weights or {})},
                   "inputs": dict(q.inputs.provenance)}
        return Result("PartnerRanking", table, summary=summary, params=self.get_params(),
                      seed=seed if isinstance(seed, int) else None,
                      data_versions=dict(q.inputs.data_versions),
                      tables={"coalition": pl.DataFrame([profile])})
