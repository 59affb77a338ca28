"""Every bipolar configuration at once: energies, local minima and basins of attraction.

With actor 0 held in camp 0 (a configuration and its mirror image are the same split), ``n``
actors have ``2^(n-1)`` configurations. Configuration *code* ``c`` puts actor ``b + 1`` in camp
``(c >> b) & 1``. The search never visits a configuration in a Python loop:

1. **Energies.** The free actors are cut into a low block (the low bits of ``c``) and a high
   block. The energy ``E = r . x - x' J x`` splits into a low-block term, a high-block term
   and a cross term ``-2 x_L' J_LH x_H``; the first two are one matrix product over each
   block's ``2^k`` label rows, the cross term one product of the two label matrices, so the
   whole landscape is ``E[hi, lo] = b[hi] + a[lo] - 2 (X_H J_HL X_L')[hi, lo]``.
2. **Descent.** For every configuration the energy change of each single switch is
   ``(1 - 2 x_i)(r_i - 2 (J x)_i)``, with ``(J x)_i`` again the sum of a low-block and a
   high-block part, computed over chunks of configurations with NumPy broadcasting. The
   **descent rule** is steepest descent: the actor whose switch lowers the energy most
   switches (equivalently, whose size-weighted frustration falls most); ties go to the
   lowest actor index; a configuration where no switch lowers the energy is a **local
   minimum** and its own successor.
3. **Basins.** Following successors by pointer jumping (``root = root[root]`` until nothing
   changes, about ``log2`` of the longest descent) gives, for every configuration, the local
   minimum steepest descent reaches from it: its **basin of attraction**. Basin sizes are
   counted in configurations (each split counted once, not with its mirror).

Axelrod and Bennett [1] find minima by enumerating configurations and checking every
single switch; they describe the path toward a minimum as myopic, incremental moves by
actors lowering their frustration. Steepest descent is one such path, chosen because it is
deterministic, so every configuration belongs to exactly one basin.

References
----------
1. Axelrod, R. and Bennett, D. S. (1993). "A Landscape Theory of Aggregation."
   *British Journal of Political Science* 23(2): 211-233.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from detente._errors import ModelInputError
from detente.models.coalitions._energy import Convention, couplings, tolerance
from detente.models.coalitions._inputs import LandscapeInputs

MAX_EXHAUSTIVE = 24
"""Largest number of actors searched exhaustively (2^23 = 8,388,608 configurations)."""

_CHUNK = 1 << 16
"""Configurations per descent chunk: the working arrays stay in cache."""


def bits(k: int) -> np.ndarray:
    """All ``2^k`` rows of ``k`` binary labels; row ``c`` holds the bits of ``c``, low first."""
    codes = np.arange(1 << k, dtype=np.int64)
    return ((codes[:, None] >> np.arange(k, dtype=np.int64)[None, :]) & 1).astype(np.float64)


def code_labels(codes: np.ndarray, n: int) -> np.ndarray:
    """Camp labels (int8, one row per code) of configuration codes for ``n`` actors."""
    codes = np.asarray(codes, dtype=np.int64)
    free = (codes[..., None] >> np.arange(n - 1, dtype=np.int64)) & 1
    zero = np.zeros((*codes.shape, 1), dtype=np.int64)
    return np.concatenate([zero, free], axis=-1).astype(np.int8)


def label_codes(labels: np.ndarray) -> np.ndarray:
    """Configuration codes of canonical labels (actor 0 in camp 0), the inverse of
    :func:`code_labels`."""
    x = np.asarray(labels, dtype=np.int64)
    weights = np.int64(1) << np.arange(x.shape[-1] - 1, dtype=np.int64)
    return x[..., 1:] @ weights


@dataclass(frozen=True, eq=False)
class ExhaustiveLandscape:
    """The whole landscape: an energy and a basin for every configuration.

    Fields:

    energies
        ``E`` of every configuration, indexed by code (``2^(n-1)`` values).
    basin
        For every configuration, the code of the local minimum steepest descent reaches.
    minima
        Codes of the local minima, lowest energy first.
    basin_sizes
        Number of configurations in each minimum's basin (same order as ``minima``).
    """

    inputs: LandscapeInputs
    convention: Convention
    energies: np.ndarray
    basin: np.ndarray
    minima: np.ndarray
    basin_sizes: np.ndarray

    @property
    def configurations(self) -> int:
        return int(self.energies.size)

    def labels(self, codes: np.ndarray | int) -> np.ndarray:
        """Camp labels of configuration codes."""
        return code_labels(np.asarray(codes), self.inputs.n)

    def best(self, k: int) -> np.ndarray:
        """Codes of the ``k`` lowest-energy configurations (local minima or not), lowest first."""
        k = min(k, self.configurations)
        part = np.argpartition(self.energies, k - 1)[:k]
        return part[np.lexsort((part, self.energies[part]))]


def exhaustive_landscape(inputs: LandscapeInputs, *,
                         convention: Convention = "ordered") -> ExhaustiveLandscape:
    """Search every bipolar configuration: energies, local minima and their basins.

    Parameters
    ----------
    inputs
        At most :data:`MAX_EXHAUSTIVE` actors.
    convention
        Energy convention (``"ordered"`` sums over ``i != j``, ``"unordered"`` over ``i < j``).

    Returns
    -------
    ExhaustiveLandscape

    Raises
    ------
    ModelInputError
        With more than :data:`MAX_EXHAUSTIVE` actors (use
        :func:`~detente.models.coalitions.heuristic_landscape`).

    Notes
    -----
    Method in the module docstring: block-decomposed energies, vectorised steepest-descent
    successors over chunks, pointer jumping for basins. Memory is about 12 bytes per
    configuration (100 MB at ``n = 24``).

    Examples
    --------
    Two pairs of friends who dislike each other have one minimum, the two pairs apart:

    >>> import numpy as np
    >>> from detente.models.coalitions import LandscapeInputs, exhaustive_landscape
    >>> p = np.array([[0, 1, -1, -1], [1, 0, -1, -1], [-1, -1, 0, 1], [-1, -1, 1, 0]])
    >>> found = exhaustive_landscape(LandscapeInputs(tuple("ABCD"), np.ones(4), p))
    >>> found.labels(found.minima).tolist(), found.energies[found.minima].tolist()
    ([[0, 0, 1, 1]], [-8.0])
    """
    n = inputs.n
    if n > MAX_EXHAUSTIVE:
        raise ModelInputError(
            f"{n} actors is too many to search all 2^{n - 1} configurations (at most "
            f"{MAX_EXHAUSTIVE}); use the heuristic search (method='heuristic')")
    J = couplings(inputs, convention)
    energies = _energies(J)
    successor = _successors(J, tolerance(J))
    basin = _roots(successor)
    minima = np.flatnonzero(successor == np.arange(successor.size, dtype=successor.dtype))
    minima = minima[np.lexsort((minima, energies[minima]))]
    sizes = np.bincount(basin, minlength=successor.size)[minima]
    return ExhaustiveLandscape(inputs, convention, energies, basin, minima.astype(np.int64),
                               sizes.astype(np.int64))


_LOW_BLOCK = 12
"""Free actors in the low block: its ``2^12`` label rows are the inner (contiguous) axis."""


def _blocks(n: int) -> tuple[int, int]:
    """Sizes (low, high) of the two blocks of free actors."""
    low = min(n - 1, _LOW_BLOCK)
    return low, n - 1 - low


def _energies(J: np.ndarray) -> np.ndarray:
    n = J.shape[0]
    k, h = _blocks(n)
    low, high = np.arange(1, 1 + k), np.arange(1 + k, n)
    r = J.sum(axis=1)
    XL, XH = bits(k), bits(h)
    a = XL @ r[low] - ((XL @ J[np.ix_(low, low)]) * XL).sum(axis=1)
    b = XH @ r[high] - ((XH @ J[np.ix_(high, high)]) * XH).sum(axis=1)
    cross = (XH @ J[np.ix_(high, low)]) @ XL.T
    grid = cross
    grid *= -2.0
    grid += b[:, None]
    grid += a[None, :]
    return grid.ravel()


def _successors(J: np.ndarray, tol: float) -> np.ndarray:
    """Steepest-descent successor of every configuration (itself at a local minimum)."""
    n = J.shape[0]
    k, h = _blocks(n)
    low, high = np.arange(1, 1 + k), np.arange(1 + k, n)
    dtype = np.int32 if n <= 31 else np.int64
    r = J.sum(axis=1)
    XL, XH = bits(k), bits(h)
    field_low = XL @ J[low, :]            # (J x)_i from the low block, per low row
    field_high = XH @ J[high, :]          # ... from the high block, per high row
    sign_low, sign_high = 1.0 - 2.0 * XL, 1.0 - 2.0 * XH
    n_low, n_high = 1 << k, 1 << h
    mask = (1 << (n - 1)) - 1
    successor = np.empty(n_low * n_high, dtype=dtype)
    rows = max(1, _CHUNK // n_low)
    lo_codes = np.arange(n_low, dtype=np.int64)
    for h0 in range(0, n_high, rows):
        h1 = min(n_high, h0 + rows)
        shape = (h1 - h0, n_low)
        best = np.full(shape, np.inf)
        arg = np.zeros(shape, dtype=np.int16)
        delta = np.empty(shape)
        better = np.empty(shape, dtype=bool)
        for i in range(n):
            u = r[i] - 2.0 * field_low[:, i]            # depends on the low row
            v = -2.0 * field_high[h0:h1, i]              # depends on the high row
            if i == 0:
                np.add(v[:, None], u[None, :], out=delta)
            elif i <= k:
                s = sign_low[:, i - 1]
                np.multiply(v[:, None], s[None, :], out=delta)
                delta += (s * u)[None, :]
            else:
                s = sign_high[h0:h1, i - 1 - k]
                np.add(v[:, None], u[None, :], out=delta)
                delta *= s[:, None]
            np.less(delta, best, out=better)
            np.copyto(best, delta, where=better)
            np.copyto(arg, i, where=better)
        codes = (np.arange(h0, h1, dtype=np.int64)[:, None] << k) | lo_codes[None, :]
        moved = np.where(arg == 0, ~codes & mask,
                         codes ^ (np.int64(1) << np.maximum(arg.astype(np.int64) - 1, 0)))
        successor[h0 * n_low:h1 * n_low] = np.where(best < -tol, moved, codes).ravel()
    return successor


def _roots(successor: np.ndarray) -> np.ndarray:
    """Follow successors to their fixed points by pointer jumping."""
    root = successor
    while True:
        nxt = root[root]
        if np.array_equal(nxt, root):
            return root
        root = nxt
