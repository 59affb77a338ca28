"""Landscape inputs: actors, their sizes and their pairwise propensities, and how they were made.

Landscape theory [1] needs, for ``n`` actors, a size ``s_i > 0`` each and a propensity
``p_ij`` for every pair: positive when ``i`` and ``j`` want to be on the same side, negative
when they want to be apart, 0 when indifferent. :class:`LandscapeInputs` holds them, checked,
with the provenance of a store-built set (year, COW codes, size measure, components and
weights, data versions), so a set can be exported, edited and fed back without losing track
of where its numbers came from.

References
----------
1. Axelrod, R. and Bennett, D. S. (1993). "A Landscape Theory of Aggregation."
   *British Journal of Political Science* 23(2): 211-233.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from detente._errors import ModelInputError

SYMMETRY_TOLERANCE = 1e-9
"""Largest ``|p_ij - p_ji|`` (relative to ``max |p| + 1``) still read as symmetric."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a set of inputs.

    ``row`` and ``column`` are 0-based actor positions (``column`` only for matrix cells);
    ``field`` names what is wrong when it is not a matrix cell (``actor``, ``size``,
    ``ccode``).
    """

    row: int | None
    column: int | None
    message: str
    value: object = None
    field: str | None = None


def check_inputs(actors: Sequence[str], sizes: np.ndarray, propensity: np.ndarray,
                 codes: Sequence[int] | None = None) -> list[Problem]:
    """Every problem with these arrays (empty when they are usable).

    Rules: at least two actors with distinct non-empty names; one finite size > 0 per
    actor; a square matrix of finite propensities with zeros on the diagonal, symmetric
    (``p_ij == p_ji``: landscape theory's energy only decreases under myopic switching when
    propensities are symmetric [1], footnote 2); one COW code per actor when codes are given.
    """
    problems: list[Problem] = []
    n = len(actors)
    if n < 2:
        problems.append(Problem(None, None, f"need at least 2 actors, got {n}"))
    seen: dict[str, int] = {}
    for i, name in enumerate(actors):
        if not str(name).strip():
            problems.append(Problem(i, None, "actor name is empty", field="actor"))
        elif name in seen:
            problems.append(Problem(i, None, f"repeats the name of actor {seen[name] + 1}", name,
                                    field="actor"))
        seen.setdefault(name, i)
    if sizes.shape != (n,):
        problems.append(Problem(None, None, f"need {n} sizes, got shape {sizes.shape}"))
    else:
        for k in np.flatnonzero(~np.isfinite(sizes) | (sizes <= 0)).tolist():
            problems.append(Problem(k, None, "must be a finite number > 0",
                                    float(sizes[k]), field="size"))
    if propensity.shape != (n, n):
        problems.append(Problem(None, None,
                                f"propensity matrix must be {n} x {n}, got {propensity.shape}"))
        return problems
    bad = ~np.isfinite(propensity)
    for i, j in zip(*np.nonzero(bad), strict=True):
        if i != j:
            problems.append(Problem(int(i), int(j), "propensity must be a finite number",
                                    float(propensity[i, j])))
    diag = np.diag(propensity)
    for k in np.flatnonzero(np.isfinite(diag) & (diag != 0)).tolist():
        problems.append(Problem(k, k, "the diagonal must be 0 or blank", float(diag[k])))
    finite = np.where(bad, 0.0, propensity)
    tol = SYMMETRY_TOLERANCE * (np.abs(finite).max(initial=0.0) + 1.0)
    asym = np.abs(finite - finite.T) > tol
    for i, j in zip(*np.nonzero(np.triu(asym, 1)), strict=True):
        problems.append(Problem(
            int(j), int(i),
            f"propensities must be symmetric: {actors[i]}->{actors[j]} is {finite[i, j]:g} "
            f"but {actors[j]}->{actors[i]} is {finite[j, i]:g} (average them with "
            "LandscapeInputs.symmetrized, or fix one)", float(finite[j, i])))
    if codes is not None and len(codes) != n:
        problems.append(Problem(None, None, f"need {n} COW codes, got {len(codes)}",
                                field="ccode"))
    return problems


def _readonly(values: Any, dtype: type) -> np.ndarray:
    array: np.ndarray = np.array(values, dtype=dtype, copy=True)
    array.setflags(write=False)
    return array


@dataclass(frozen=True, eq=False)
class LandscapeInputs:
    """Actors, sizes and a symmetric propensity matrix for landscape theory.

    Parameters
    ----------
    actors
        Actor names, in order; actor 0 anchors the camp labels (its camp is camp ``A``).
    sizes
        ``s_i > 0``, one per actor (e.g. CINC share, or the study's own scale).
    propensity
        ``n x n`` symmetric matrix ``p_ij``; the diagonal is 0.
    codes
        COW state codes of the actors, when they are states.
    year
        The year a store-built set describes.
    data_versions
        Source id to version for every source the numbers were read from.
    provenance
        How the set was built: size measure, components and weights, source, edits.

    Raises
    ------
    ModelInputError
        Listing every problem :func:`check_inputs` finds.

    Examples
    --------
    >>> import numpy as np
    >>> inputs = LandscapeInputs(("A", "B", "C"), np.array([1.0, 2.0, 1.0]),
    ...                          np.array([[0, 1, -1], [1, 0, -2], [-1, -2, 0]]))
    >>> inputs.n, inputs.index("C")
    (3, 2)
    """

    actors: tuple[str, ...]
    sizes: np.ndarray
    propensity: np.ndarray
    codes: tuple[int, ...] | None = None
    year: int | None = None
    data_versions: Mapping[str, str] = field(default_factory=dict)
    provenance: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        actors = tuple(str(a) for a in self.actors)
        sizes = np.asarray(self.sizes, dtype=np.float64)
        prop = np.asarray(self.propensity, dtype=np.float64)
        codes = None if self.codes is None else tuple(int(c) for c in self.codes)
        problems = check_inputs(actors, sizes, prop, codes)
        if problems:
            raise ModelInputError(_describe(problems, actors))
        object.__setattr__(self, "actors", actors)
        object.__setattr__(self, "sizes", _readonly(sizes, np.float64))
        object.__setattr__(self, "propensity", _readonly((prop + prop.T) / 2, np.float64))
        object.__setattr__(self, "codes", codes)
        object.__setattr__(self, "data_versions", dict(self.data_versions))
        object.__setattr__(self, "provenance", dict(self.provenance))

    # -- construction ----------------------------------------------------------------------------
    @classmethod
    def symmetrized(cls, actors: Sequence[str], sizes: Any, propensity: Any,
                    **kwargs: Any) -> LandscapeInputs:
        """Inputs whose propensities are ``(p_ij + p_ji) / 2`` of an asymmetric matrix.

        The landscape energy depends only on ``p_ij + p_ji`` ([1], footnote 2), so averaging
        keeps every energy and makes each actor's frustration consistent with it.
        """
        prop = np.asarray(propensity, dtype=np.float64)
        prov = {**kwargs.pop("provenance", {}), "symmetrized": True}
        return cls(tuple(actors), sizes, (prop + prop.T) / 2, provenance=prov, **kwargs)

    # -- lookup ----------------------------------------------------------------------------------
    @property
    def n(self) -> int:
        """Number of actors."""
        return len(self.actors)

    def index(self, actor: str | int) -> int:
        """Position of ``actor``, given by name (case-insensitive) or by COW code."""
        if isinstance(actor, int | np.integer) and self.codes is not None:
            if int(actor) in self.codes:
                return self.codes.index(int(actor))
        text = str(actor).strip().lower()
        for i, name in enumerate(self.actors):
            if name.lower() == text:
                return i
        known = ", ".join(self.actors[:30]) + (" ..." if self.n > 30 else "")
        raise ModelInputError(f"{actor!r} is not one of the actors ({known})")

    def indices(self, actors: Iterable[str | int]) -> list[int]:
        """Positions of several actors (each given by name or COW code)."""
        return [self.index(a) for a in actors]

    def labels(self, camp: Iterable[str | int]) -> np.ndarray:
        """A configuration: 1 for the actors in ``camp``, 0 for everyone else (int8)."""
        x = np.zeros(self.n, dtype=np.int8)
        x[self.indices(camp)] = 1
        return x

    # -- edits -----------------------------------------------------------------------------------
    def subset(self, actors: Iterable[str | int]) -> LandscapeInputs:
        """The inputs restricted to ``actors`` (names or COW codes, in the order given)."""
        return self.take(self.indices(actors))

    def take(self, positions: Iterable[int]) -> LandscapeInputs:
        """The inputs restricted to the actors at ``positions`` (0-based, in that order)."""
        idx = [int(i) for i in positions]
        return replace(
            self, actors=tuple(self.actors[i] for i in idx), sizes=self.sizes[idx],
            propensity=self.propensity[np.ix_(idx, idx)],
            codes=None if self.codes is None else tuple(self.codes[i] for i in idx))

    def with_propensity(self, a: str | int, b: str | int, value: float) -> LandscapeInputs:
        """A copy with ``p_ab = p_ba = value``; the edit is recorded in the provenance."""
        i, j = self.index(a), self.index(b)
        if i == j:
            raise ModelInputError(f"{self.actors[i]} has no propensity with itself")
        prop = self.propensity.copy()
        prop[i, j] = prop[j, i] = float(value)
        return self._edited(propensity=prop,
                            edit=f"p({self.actors[i]}, {self.actors[j]}) = {value:g}")

    def with_size(self, actor: str | int, value: float) -> LandscapeInputs:
        """A copy with ``s_actor = value``; the edit is recorded in the provenance."""
        sizes = self.sizes.copy()
        i = self.index(actor)
        sizes[i] = float(value)
        return self._edited(sizes=sizes, edit=f"s({self.actors[i]}) = {value:g}")

    def _edited(self, *, edit: str, **changes: Any) -> LandscapeInputs:
        edits = [*self.provenance.get("edits", []), edit]
        return replace(self, provenance={**self.provenance, "edits": edits}, **changes)

    def __repr__(self) -> str:
        year = f", year={self.year}" if self.year is not None else ""
        more = "..." if self.n > 6 else ""
        return f"LandscapeInputs({self.n} actors: {', '.join(self.actors[:6])}{more}{year})"


def _describe(problems: list[Problem], actors: Sequence[str]) -> str:
    def name(i: int | None) -> str | None:
        return None if i is None else (actors[i] if i < len(actors) else f"#{i + 1}")

    lines = []
    for p in problems[:50]:
        where = ", ".join(x for x in (
            f"row {name(p.row)}" if p.row is not None else "",
            f"column {name(p.column)}" if p.column is not None else "",
            p.field or "") if x)
        value = f" (value {p.value!r})" if p.value is not None else ""
        lines.append(f"{where + ': ' if where else ''}{p.message}{value}")
    more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
    return "landscape inputs rejected:\n  " + "\n  ".join(lines) + more
