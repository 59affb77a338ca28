"""Local minima of large landscapes by seeded multi-start myopic switching.

Beyond :data:`~detente.models.coalitions._exhaustive.MAX_EXHAUSTIVE` actors (every state of a
year is about 190) the ``2^(n-1)`` configurations cannot all be visited. The heuristic starts
from many random configurations and lets actors switch myopically, one at a time, with the
same rule as the exhaustive search (steepest descent: the actor whose switch lowers the
energy most moves; ties go to the lowest index), until no actor gains by switching. Every
end point is therefore a local minimum in the sense of Axelrod and Bennett [1], and the
share of starts ending at a minimum estimates the size of its basin of attraction.

All starts descend together: each round evaluates every actor's switch in every unfinished
start as one ``(starts x n)`` array, ``(1 - 2x) * (r - 2 J x)``, and updates the fields
``J x`` of the starts that moved by one row of ``J`` each; no Python loop runs over starts
or configurations, only over rounds (at most the longest descent).

References
----------
1. Axelrod, R. and Bennett, D. S. (1993). "A Landscape Theory of Aggregation."
   *British Journal of Political Science* 23(2): 211-233.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from detente._errors import ModelInputError
from detente._seed import SeedLike, resolve_seed
from detente.models.coalitions._energy import (
    Convention,
    as_labels,
    canonical,
    couplings,
    energy,
    tolerance,
)
from detente.models.coalitions._inputs import LandscapeInputs

_REFRESH = 64
"""Rounds between exact recomputations of the fields ``J x`` (bounds rounding drift)."""


def descend(inputs: LandscapeInputs, starts: npt.ArrayLike, *,
            convention: Convention = "ordered") -> np.ndarray:
    """The local minimum steepest descent reaches from each start configuration.

    Parameters
    ----------
    inputs
        Actors, sizes and propensities.
    starts
        0/1 camp labels, one row per start (or one configuration).
    convention
        Energy convention; it does not change the path (both conventions differ by a factor).

    Returns
    -------
    numpy.ndarray
        Canonical labels (actor 0 in camp 0) of the minimum reached from each start.

    Notes
    -----
    The rule is the exhaustive search's: the actor whose switch lowers the energy most
    switches, ties to the lowest index, until no switch lowers it by more than the tolerance
    (:func:`~detente.models.coalitions._energy.tolerance`). The energy falls at every step,
    so the descent ends.
    """
    given = as_labels(inputs, starts)
    X = np.atleast_2d(given).astype(np.float64)
    J = couplings(inputs, convention)
    r = J.sum(axis=1)
    tol = tolerance(J)
    field = X @ J
    active = np.arange(X.shape[0])
    rounds = 0
    while active.size:
        rounds += 1
        if rounds % _REFRESH == 0:
            field[active] = X[active] @ J
        gains = (1.0 - 2.0 * X[active]) * (r - 2.0 * field[active])
        who = gains.argmin(axis=1)
        move = gains[np.arange(active.size), who] < -tol
        active, who = active[move], who[move]
        if not active.size:
            break
        step = 1.0 - 2.0 * X[active, who]            # +1 joins camp 1, -1 leaves it
        X[active, who] += step
        field[active] += step[:, None] * J[who]
    out = canonical(X.astype(np.int8))
    return out if given.ndim == 2 else out[0]


@dataclass(frozen=True, eq=False)
class HeuristicLandscape:
    """Distinct local minima found from random starts.

    Fields:

    minima
        Canonical labels of each distinct minimum found (one row each), lowest energy first.
    energies
        Their energies.
    hits
        How many starts ended at each minimum (an estimate of its basin's size).
    starts
        Number of random starts.
    """

    inputs: LandscapeInputs
    convention: Convention
    minima: np.ndarray
    energies: np.ndarray
    hits: np.ndarray
    starts: int


def heuristic_landscape(inputs: LandscapeInputs, *, starts: int = 256, seed: SeedLike = None,
                        convention: Convention = "ordered") -> HeuristicLandscape:
    """Local minima from ``starts`` random configurations, by myopic steepest descent.

    Parameters
    ----------
    inputs
        Any number of actors.
    starts
        Random start configurations, each actor in either camp with probability 1/2.
    seed
        Seed for the starts (``int``, ``SeedSequence`` or ``Generator``).
    convention
        Energy convention.

    Returns
    -------
    HeuristicLandscape

    Notes
    -----
    Found minima are exact local minima; the global minimum is found only if some start lies
    in its basin, so the lowest energy reported is an upper bound on the global minimum.
    Where the exhaustive search also runs, each start ends where that search's basin map
    says (same descent rule), which the tests check.

    Examples
    --------
    >>> import numpy as np
    >>> from detente.models.coalitions import LandscapeInputs, heuristic_landscape
    >>> p = np.array([[0, 1, -1, -1], [1, 0, -1, -1], [-1, -1, 0, 1], [-1, -1, 1, 0]])
    >>> found = heuristic_landscape(LandscapeInputs(tuple("ABCD"), np.ones(4), p), seed=1)
    >>> found.minima.tolist(), int(found.hits.sum())
    ([[0, 0, 1, 1]], 256)
    """
    if starts < 1:
        raise ModelInputError(f"starts must be at least 1, got {starts}")
    rng = resolve_seed(seed)
    begin = rng.integers(0, 2, size=(starts, inputs.n), dtype=np.int8)
    ends = descend(inputs, begin, convention=convention)
    minima, hits = np.unique(ends, axis=0, return_counts=True)
    energies = np.atleast_1d(energy(inputs, minima, convention=convention))
    order = np.lexsort((-hits, energies))
    return HeuristicLandscape(inputs, convention, minima[order], energies[order], hits[order],
                              starts)
