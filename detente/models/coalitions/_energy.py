"""Energy and frustration of bipolar configurations (Axelrod and Bennett's landscape).

A *configuration* splits the actors into two camps; it is written as labels ``x_i`` in
{0, 1} (one row per configuration for many at once). The distance ``d_ij(X)`` is 0 when
``i`` and ``j`` share a camp and 1 otherwise, and

* the **frustration** of actor ``i`` is ``F_i(X) = sum_{j != i} s_j p_ij d_ij(X)``: what ``i``
  loses by being apart from those it likes, less what it gains by being apart from those it
  dislikes; lower is better;
* the **energy** of the configuration is ``E(X) = sum_i s_i F_i(X) = sum_{i != j} s_i s_j p_ij
  d_ij(X)``, summed over *ordered* pairs as in [1] (its footnote 2 writes the sum over both
  ``A x B`` and ``B x A``); the Axelrod-Furnas Syria files report this number. With
  ``convention="unordered"`` the sum runs over pairs ``i < j`` only, which halves every
  energy (propensities are symmetric). The two conventions rank configurations identically.

Swapping the camp labels changes nothing (``d_ij`` is symmetric), so a configuration and
its mirror image have the same energy and the same frustrations. Because propensities are
symmetric, actor ``i`` lowers its own frustration by switching sides exactly when the switch
lowers the energy: the energy change is ``2 s_i`` (ordered) or ``s_i`` (unordered) times the
change in ``F_i`` [1]. A **local minimum** is a configuration where no actor can lower its
frustration by switching alone.

Internally ``E = sum_{i<j} J_ij d_ij`` with couplings ``J_ij = k s_i s_j p_ij`` (``k = 2``
ordered, ``1`` unordered). With ``d_ij = x_i + x_j - 2 x_i x_j`` this is the quadratic form
``E(x) = r . x - x' J x`` with ``r_i = sum_j J_ij``, and the change when ``i`` switches is
``(1 - 2 x_i) (r_i - 2 (J x)_i)``, which every search below evaluates in bulk.

References
----------
1. Axelrod, R. and Bennett, D. S. (1993). "A Landscape Theory of Aggregation."
   *British Journal of Political Science* 23(2): 211-233.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import numpy.typing as npt

from detente._errors import ModelInputError
from detente.models.coalitions._inputs import LandscapeInputs

Convention = Literal["ordered", "unordered"]
CONVENTIONS: tuple[Convention, ...] = ("ordered", "unordered")

RELATIVE_TOLERANCE = 1e-10
"""An energy change counts as a decrease only below ``-tolerance(J)``: rounding never moves
an actor. Integer sizes and propensities give exact arithmetic, so no tie is lost there."""


def couplings(inputs: LandscapeInputs, convention: Convention = "ordered") -> np.ndarray:
    """The coupling matrix ``J`` with ``E(X) = sum_{i<j} J_ij d_ij(X)``.

    ``J_ij = 2 s_i s_j p_ij`` for the ordered convention, ``s_i s_j p_ij`` for the unordered
    one; the diagonal is 0.
    """
    if convention not in CONVENTIONS:
        raise ModelInputError(f"convention must be 'ordered' or 'unordered', not {convention!r}")
    factor = 2.0 if convention == "ordered" else 1.0
    s = inputs.sizes
    return factor * np.outer(s, s) * inputs.propensity


def tolerance(J: np.ndarray) -> float:
    """The smallest energy decrease that counts (see :data:`RELATIVE_TOLERANCE`)."""
    return RELATIVE_TOLERANCE * max(float(np.abs(J).sum()), 1e-300)


def as_labels(inputs: LandscapeInputs, camps: npt.ArrayLike) -> np.ndarray:
    """Check and convert configurations to an int8 array of 0/1 labels (1-D or 2-D)."""
    x = np.asarray(camps)
    if x.ndim not in (1, 2) or x.shape[-1] != inputs.n:
        raise ModelInputError(
            f"a configuration needs one camp label per actor ({inputs.n}), got shape {x.shape}")
    if not np.isin(x, (0, 1)).all():
        raise ModelInputError("camp labels must be 0 or 1 (or booleans)")
    return x.astype(np.int8)


def canonical(labels: np.ndarray) -> np.ndarray:
    """The mirror image of every configuration whose actor 0 is in camp 1 (so ``x_0 = 0``)."""
    x = np.asarray(labels, dtype=np.int8)
    flip = x[..., :1] == 1
    return np.where(flip, 1 - x, x).astype(np.int8)


def energy(inputs: LandscapeInputs, camps: npt.ArrayLike, *,
           convention: Convention = "ordered") -> float | np.ndarray:
    """Energy ``E(X)`` of one configuration (a float) or of many (one per row).

    Parameters
    ----------
    inputs
        Actors, sizes, propensities.
    camps
        0/1 camp labels, one per actor, or a 2-D array with one configuration per row.
    convention
        ``"ordered"`` (default): ``sum_{i != j} s_i s_j p_ij d_ij``, as Axelrod and Bennett
        [1] and the Axelrod-Furnas files; ``"unordered"``: ``sum_{i < j}``, half of it.

    Examples
    --------
    Two friends (p = 2) and a rival (p = -1 with both), sizes 1:

    >>> import numpy as np
    >>> from detente.models.coalitions import LandscapeInputs, energy
    >>> inputs = LandscapeInputs(("A", "B", "C"), np.ones(3),
    ...                          np.array([[0, 2, -1], [2, 0, -1], [-1, -1, 0]]))
    >>> float(energy(inputs, [0, 0, 1])), float(energy(inputs, [0, 0, 1], convention="unordered"))
    (-4.0, -2.0)
    """
    x = as_labels(inputs, camps).astype(np.float64)
    J = couplings(inputs, convention)
    r = J.sum(axis=1)
    e = x @ r - np.einsum("...i,ij,...j->...", x, J, x)
    return float(e) if np.ndim(e) == 0 else e


def frustration(inputs: LandscapeInputs, camps: npt.ArrayLike) -> np.ndarray:
    """Each actor's frustration ``F_i(X) = sum_{j != i} s_j p_ij d_ij(X)`` [1].

    ``s_i F_i`` (the size-weighted frustration) sums to the ordered energy; the
    Axelrod-Furnas files report ``s_i F_i`` in their ``*_Frustration`` columns.
    """
    x = as_labels(inputs, camps).astype(np.float64)
    d = np.abs(x[..., :, None] - x[..., None, :])
    return np.einsum("ij,...ij->...i", inputs.propensity * inputs.sizes[None, :], d)


def switch_gains(inputs: LandscapeInputs, camps: npt.ArrayLike, *,
                 convention: Convention = "ordered") -> np.ndarray:
    """Energy change if each actor switched camps alone (negative: the switch pays).

    Equal to ``2 s_i`` (ordered) or ``s_i`` (unordered) times the change in the actor's own
    frustration.
    """
    x = as_labels(inputs, camps).astype(np.float64)
    J = couplings(inputs, convention)
    return (1.0 - 2.0 * x) * (J.sum(axis=1) - 2.0 * (x @ J))


def is_local_minimum(inputs: LandscapeInputs, camps: npt.ArrayLike, *,
                     convention: Convention = "ordered") -> bool | np.ndarray:
    """True where no actor can lower its frustration (the energy) by switching alone."""
    gains = switch_gains(inputs, camps, convention=convention)
    tol = tolerance(couplings(inputs, convention))
    found = np.asarray((gains >= -tol).all(axis=-1))
    return bool(found) if found.ndim == 0 else found
