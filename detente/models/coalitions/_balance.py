"""Structural balance of the signed network of states: blocs and the frustration index.

A signed network links two states positively (shared alliances, cooperation) or negatively
(disputes, rivalry). It is **balanced** when its states split into two blocs with every
positive tie inside a bloc and every negative tie between them [1] [2]. Real networks are
not, and the **frustration index** ``L`` (line index of balance) counts the fewest ties that
break the best split: positive ties between blocs plus negative ties within a bloc [1] [4].
The split that attains it is the partition into two blocs that the network is closest to.

Edges come from the same propensity components as the landscape
(:mod:`~detente.models.coalitions._components`): the sign of ``sum_k w_k C_k(i, j)`` with the
default components alliances, disputes and rivalries (contiguity is not a tie). A pair that is
both allied and in a dispute gets the sign of the weighted sum.

Two methods:

* **exact**: the binary program of Aref, Mason and Wilson [4]: a 0/1 bloc label ``x_i``
  per state and a frustration variable ``f_ij`` per edge with ``f_ij >= x_i - x_j`` and
  ``f_ij >= x_j - x_i`` for a positive edge, ``f_ij >= x_i + x_j - 1`` and
  ``f_ij >= 1 - x_i - x_j`` for a negative one, minimising ``sum f_ij``; solved with HiGHS
  through :func:`scipy.optimize.milp`. Before solving, states without ties are set aside,
  states with a single tie are peeled off (their tie can always be satisfied, so they never
  change ``L``) and each connected component is solved on its own with its first state
  fixed to bloc 0 (a bloc swap changes nothing). A time limit returns the best split found
  with the solver's proven lower bound.
* **heuristic**: seeded multi-start myopic switching, the landscape heuristic with unit sizes:
  for unit sizes and propensities equal to the signs, a split's landscape energy
  (unordered) is ``L - m_-``, with ``m_-`` the number of negative ties, so a landscape
  local minimum is a split where no single state can lower ``L`` by changing bloc [3].

``method="auto"`` runs the heuristic, then the exact program within the time limit, and
keeps the better split with the best lower bound.

References
----------
1. Harary, F. (1953). "On the notion of balance of a signed graph." *Michigan
   Mathematical Journal* 2(2): 143-146.
2. Cartwright, D. and Harary, F. (1956). "Structural balance: a generalization of
   Heider's theory." *Psychological Review* 63(5): 277-293.
3. Doreian, P. and Mrvar, A. (1996). "A partitioning approach to structural balance."
   *Social Networks* 18(2): 149-168.
4. Aref, S., Mason, A. J. and Wilson, M. C. (2020). "A modeling and computational study
   of the frustration index in signed networks." *Networks* 75(1): 95-110; Aref, S. and
   Wilson, M. C. (2018). "Measuring partial balance in signed networks." *Journal of Complex
   Networks* 6(4): 566-595; (2019) "Balance and frustration in signed networks." *Journal of
   Complex Networks* 7(2): 163-189.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import polars as pl
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse.csgraph import connected_components

from detente._errors import ModelInputError
from detente._seed import SeedLike, resolve_seed
from detente.models.coalitions._build import states_in_year
from detente.models.coalitions._components import (
    ComponentSpec,
    OutsideCoverage,
    combine_components,
)
from detente.models.coalitions._energy import energy
from detente.models.coalitions._heuristic import descend
from detente.models.coalitions._inputs import LandscapeInputs

if TYPE_CHECKING:
    from detente.store._store import Store

BALANCE_COMPONENTS: tuple[str, ...] = ("alliances", "disputes", "rivalries")
"""Default components of the signed network (contiguity is proximity, not a tie)."""

BalanceMethod = Literal["auto", "exact", "heuristic"]


@dataclass(frozen=True, eq=False)
class SignedNetwork:
    """States and the sign (+1, -1 or 0) of the tie between every pair.

    Fields:

    actors
        Names (COW abbreviations for store-built networks).
    signs
        Symmetric ``n x n`` int8 matrix with a zero diagonal.
    codes, year, data_versions, provenance
        As on :class:`~detente.models.coalitions._inputs.LandscapeInputs`.
    """

    actors: tuple[str, ...]
    signs: np.ndarray
    codes: tuple[int, ...] | None = None
    year: int | None = None
    data_versions: Mapping[str, str] = field(default_factory=dict)
    provenance: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        signs = np.sign(np.asarray(self.signs, dtype=np.float64)).astype(np.int8)
        n = len(self.actors)
        if signs.shape != (n, n) or not np.array_equal(signs, signs.T) or np.diag(signs).any():
            raise ModelInputError("signs must be a symmetric n x n matrix with a zero diagonal")
        signs.setflags(write=False)
        object.__setattr__(self, "signs", signs)
        object.__setattr__(self, "actors", tuple(str(a) for a in self.actors))

    @classmethod
    def from_inputs(cls, inputs: LandscapeInputs) -> SignedNetwork:
        """The signs of a set of landscape propensities."""
        return cls(inputs.actors, np.sign(inputs.propensity), inputs.codes, inputs.year,
                   inputs.data_versions, inputs.provenance)

    @property
    def n(self) -> int:
        return len(self.actors)

    def edges(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(i, j, sign)`` of every tie with ``i < j``."""
        i, j = np.nonzero(np.triu(self.signs, 1))
        return i, j, self.signs[i, j].astype(np.int64)

    def frustration(self, labels: object) -> int:
        """Ties a split breaks: positive ties between blocs plus negative ties within one."""
        return _broken(self.signs, np.asarray(labels).astype(np.int8))


def signed_network(store: Store, year: int, states: Sequence[int | str] | None = None, *,
                   components: ComponentSpec = BALANCE_COMPONENTS,
                   outside_coverage: OutsideCoverage = "error") -> SignedNetwork:
    """The signed network of ``states`` (default: every system member) in ``year``.

    The sign of a pair is the sign of ``sum_k w_k C_k(i, j)`` over ``components`` (default:
    ATOP alliances +, GML disputes over five years -, Thompson-Dreyer rivalries -).
    """
    codes, names = states_in_year(store, year, states)
    total, used, skipped = combine_components(store, year, codes, components, outside_coverage)
    tables = [t for c in used for t in c.tables] + ["cow_system"]
    return SignedNetwork(
        tuple(names), np.sign(total), tuple(int(c) for c in codes), int(year),
        store.data_versions(tables),
        {"components": [{"name": c.name, "weight": c.weight} for c in used],
         "skipped": skipped, "edge_sign": "sign of sum_k w_k C_k(i, j)"})


@dataclass(frozen=True, eq=False)
class BalancePartition:
    """The best split into two blocs found and how good it provably is.

    Fields:

    labels
        Bloc (0 or 1) of every state; the first state with a tie is in bloc 0.
    frustration
        Ties the split breaks (an upper bound on the frustration index ``L``).
    lower_bound
        Proven lower bound on ``L`` (equal to ``frustration`` when ``optimal``).
    optimal
        Whether ``frustration`` is proven to be ``L``.
    method
        What produced the split (``exact``, ``heuristic`` or ``exact+heuristic``).
    """

    network: SignedNetwork
    labels: np.ndarray
    frustration: int
    lower_bound: int
    optimal: bool
    method: str

    @property
    def edges(self) -> int:
        return int(np.count_nonzero(np.triu(self.network.signs, 1)))

    @property
    def balance_index(self) -> float:
        """``1 - 2L/m`` (Aref and Wilson's normalisation; 1 means balanced, ``L <= m/2``)."""
        m = self.edges
        return 1.0 - 2.0 * self.frustration / m if m else 1.0

    def frustrated_ties(self) -> pl.DataFrame:
        """The ties this split breaks: ``actor1, actor2, sign, kind``."""
        i, j, s = self.network.edges()
        apart = self.labels[i] != self.labels[j]
        bad = ((s > 0) & apart) | ((s < 0) & ~apart)
        names = np.array(self.network.actors, dtype=object)
        return pl.DataFrame({
            "actor1": pl.Series(names[i[bad]], dtype=pl.String),
            "actor2": pl.Series(names[j[bad]], dtype=pl.String),
            "sign": pl.Series(s[bad], dtype=pl.Int64),
            "kind": pl.Series(np.where(s[bad] > 0, "positive tie between blocs",
                                       "negative tie within a bloc"), dtype=pl.String),
        })


def frustration_index(network: SignedNetwork, *, method: BalanceMethod = "auto",
                      seed: SeedLike = None, starts: int = 1024,
                      time_limit: float = 30.0) -> BalancePartition:
    """The frustration index of a signed network and the two blocs that attain it.

    Parameters
    ----------
    network
        States and signed ties.
    method
        ``"exact"`` (binary program, HiGHS), ``"heuristic"`` (multi-start myopic switching)
        or ``"auto"`` (both; the better split, the exact bound).
    seed
        Seed for the heuristic's random starts.
    starts
        Random starts of the heuristic.
    time_limit
        Seconds the exact solver may use in total; past it the best split found is returned
        with the proven lower bound (``optimal=False``).

    Returns
    -------
    BalancePartition

    Examples
    --------
    A triangle with one negative tie cannot be balanced; one tie must break:

    >>> import numpy as np
    >>> from detente.models.coalitions import SignedNetwork, frustration_index
    >>> net = SignedNetwork(("A", "B", "C"), np.array([[0, 1, 1], [1, 0, -1], [1, -1, 0]]))
    >>> found = frustration_index(net, method="exact")
    >>> found.frustration, found.optimal
    (1, True)
    """
    if method not in ("auto", "exact", "heuristic"):
        raise ModelInputError(f"method must be auto, exact or heuristic, not {method!r}")
    core, peeled = _peel(network.signs)
    labels = np.zeros(network.n, dtype=np.int8)
    lower, optimal, used = 0, True, []
    if core.size:
        sub = network.signs[np.ix_(core, core)]
        best = None
        if method in ("auto", "heuristic"):
            best = _heuristic_split(sub, seed=seed, starts=starts)
            used.append("heuristic")
        if method in ("auto", "exact"):
            exact, bound, proven = _exact_split(sub, time_limit)
            used.append("exact")
            lower, optimal = bound, proven
            if exact is not None and (best is None or _broken(sub, exact) <= _broken(sub, best)):
                best = exact
        else:
            optimal = False
        if best is None:
            raise ModelInputError(f"the exact solver found no split within {time_limit} s; "
                                  "allow more time or use method='heuristic'")
        labels[core] = best
    _place_peeled(network.signs, labels, peeled)
    if labels[np.flatnonzero(np.abs(network.signs).sum(axis=1))[:1]].any():
        labels = (1 - labels).astype(np.int8)
    frus = network.frustration(labels)
    lower = frus if optimal else min(lower, frus)
    return BalancePartition(network, labels, frus, lower, optimal or frus == lower,
                            "+".join(used) or "peeled")


def _broken(signs: np.ndarray, labels: np.ndarray) -> int:
    """Positive ties between blocs plus negative ties within one, for 0/1 ``labels``."""
    apart = labels[:, None] != labels[None, :]
    return int(np.sum(np.triu(((signs > 0) & apart) | ((signs < 0) & ~apart), 1)))


def _peel(signs: np.ndarray) -> tuple[np.ndarray, list[int]]:
    """States in the 2-core of the tie graph, and the others in peeling order."""
    degree = np.count_nonzero(signs, axis=1)
    alive = degree > 0
    peeled: list[int] = []
    leaves: list[int] = np.flatnonzero(degree == 1).tolist()
    while leaves:
        v = leaves.pop()
        if not alive[v] or degree[v] > 1:
            continue
        alive[v] = False
        peeled.append(int(v))
        for u in np.flatnonzero((signs[v] != 0) & alive):
            degree[u] -= 1
            if degree[u] <= 1:
                leaves.append(int(u))
    return np.flatnonzero(alive), peeled


def _place_peeled(signs: np.ndarray, labels: np.ndarray, peeled: list[int]) -> None:
    """Put each peeled state (last peeled first) on the side that satisfies its one tie."""
    placed = np.zeros(len(labels), dtype=bool)
    placed[np.flatnonzero(np.count_nonzero(signs, axis=1))] = True
    placed[peeled] = False
    for v in reversed(peeled):
        anchor = np.flatnonzero((signs[v] != 0) & placed)
        if anchor.size:
            u = anchor[0]
            labels[v] = labels[u] if signs[v, u] > 0 else 1 - labels[u]
        placed[v] = True


def _heuristic_split(signs: np.ndarray, *, seed: SeedLike, starts: int) -> np.ndarray:
    """Best of ``starts`` myopic descents; ties broken = unordered energy + negative ties."""
    n = signs.shape[0]
    unit = LandscapeInputs(tuple(str(i) for i in range(n)), np.ones(n), signs.astype(float))
    begin = resolve_seed(seed).integers(0, 2, size=(starts, n), dtype=np.int8)
    ends = np.unique(descend(unit, begin, convention="unordered"), axis=0)
    return ends[int(np.argmin(energy(unit, ends, convention="unordered")))]


def _exact_split(signs: np.ndarray, time_limit: float) -> tuple[np.ndarray | None, int, bool]:
    """Solve each connected component's binary program; labels, lower bound, proven."""
    n = signs.shape[0]
    count, comp = connected_components(sp.csr_array(signs != 0), directed=False)
    labels = np.zeros(n, dtype=np.int8)
    lower, proven, complete = 0, True, True
    deadline = time.monotonic() + time_limit
    for c in range(count):
        nodes = np.flatnonzero(comp == c)
        if nodes.size < 2:
            continue
        sub = signs[np.ix_(nodes, nodes)]
        remaining = max(deadline - time.monotonic(), 0.1)
        x, bound, ok = _solve_component(sub, remaining)
        lower += bound
        proven &= ok
        if x is None:
            complete = False
        else:
            labels[nodes] = x
    return (labels if complete else None), lower, proven


def _solve_component(signs: np.ndarray, time_limit: float) -> tuple[np.ndarray | None, int, bool]:
    n = signs.shape[0]
    i, j = np.nonzero(np.triu(signs, 1))
    s = signs[i, j]
    m = i.size
    e = np.arange(m)
    pos = s > 0
    # Two rows per edge. Positive: x_i - x_j - f <= 0 and x_j - x_i - f <= 0.
    # Negative: x_i + x_j - f <= 1 and -x_i - x_j - f <= -1.
    rows = np.concatenate([2 * e, 2 * e, 2 * e, 2 * e + 1, 2 * e + 1, 2 * e + 1])
    cols = np.concatenate([i, j, n + e, i, j, n + e])
    ones = np.ones(m)
    vals = np.concatenate([ones, np.where(pos, -1.0, 1.0), -ones,
                           -ones, np.where(pos, 1.0, -1.0), -ones])
    upper = np.empty(2 * m)
    upper[0::2] = np.where(pos, 0.0, 1.0)
    upper[1::2] = np.where(pos, 0.0, -1.0)
    A = sp.csr_array((vals, (rows, cols)), shape=(2 * m, n + m))
    cost = np.concatenate([np.zeros(n), np.ones(m)])
    high = np.ones(n + m)
    high[0] = 0.0                                   # the first state anchors bloc 0
    res = milp(cost, constraints=LinearConstraint(A, -np.inf, upper),
               integrality=np.concatenate([np.ones(n), np.zeros(m)]),
               bounds=Bounds(np.zeros(n + m), high), options={"time_limit": time_limit})
    bound = getattr(res, "mip_dual_bound", None)
    bound = int(np.ceil(bound - 1e-6)) if bound is not None and np.isfinite(bound) else 0
    if res.x is None:
        return None, max(bound, 0), False
    x = (res.x[:n] > 0.5).astype(np.int8)
    value = _broken(signs, x)
    optimal = res.status == 0
    return x, value if optimal else min(max(bound, 0), value), optimal
