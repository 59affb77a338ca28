"""The input of a negotiation forecast: actors with capability, position and salience.

An :class:`Issue` is one policy question on a one-dimensional scale (years until a standard
applies, a troop ceiling, a tariff). Each actor has

- a **capability** ``c_i >= 0``: the resources it can bring to bear on this issue. Only ratios
  matter, so any non-negative scale works (shares that sum to 1, CINC, raw budgets);
- a **position** ``x_i``: the outcome it prefers, on the issue's scale;
- a **salience** ``s_i`` in ``[0, 100]``: how much the issue matters to it relative to its
  other business (Bueno de Mesquita's 0-100 scale; the model uses ``s_i / 100`` as the
  probability that the actor resists a challenge).

Issues are immutable. What-if changes return a new issue: :meth:`Issue.with_values`
(capability for posture and deployments, salience for resolve, position for a shifted stance),
:meth:`Issue.scale_capability`, :meth:`Issue.without` and :meth:`Issue.pool` (a coalition
acting as one actor with pooled capability).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import polars as pl

from detente._errors import ModelInputError


def _frozen(values: Iterable[float] | np.ndarray, what: str) -> np.ndarray:
    try:
        array = np.array(values, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ModelInputError(f"{what} must be numbers: {exc}") from None
    if array.ndim != 1:
        raise ModelInputError(f"{what} must be one value per actor, got shape {array.shape}")
    array.setflags(write=False)
    return array


@dataclass(frozen=True, eq=False)
class Issue:
    """Actors on one issue, validated: the input of :class:`ExpectedUtilityBargaining`.

    Parameters
    ----------
    actors
        Unique actor names.
    capability, position, salience
        One value per actor (sequences or arrays; stored as read-only float64 arrays).
    scale
        ``(low, high)`` ends of the issue scale; default: the lowest and highest position.
        Distances in the model are divided by ``high - low``.
    name
        A label for the issue (shown in tables and plots).
    data_versions
        Source id to version for data the inputs came from (recorded on every result).

    Raises
    ------
    ModelInputError
        Fewer than two actors, repeated names, lengths that differ, values that are not
        finite, a negative capability, a salience outside ``[0, 100]``, no actor with both
        capability and salience, or a position outside ``scale``.

    Examples
    --------
    >>> issue = Issue(("A", "B", "C"), capability=(1, 2, 1), position=(0, 5, 10),
    ...               salience=(50, 80, 100), name="made-up")
    >>> issue.scale
    (0.0, 10.0)
    >>> issue.pool(["A", "C"], name="A+C").actors
    ('B', 'A+C')
    """

    actors: tuple[str, ...]
    capability: np.ndarray
    position: np.ndarray
    salience: np.ndarray
    scale: tuple[float, float] | None = None
    name: str = ""
    data_versions: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        actors = tuple(str(a) for a in self.actors)
        set_ = object.__setattr__
        set_(self, "actors", actors)
        for attr in ("capability", "position", "salience"):
            set_(self, attr, _frozen(getattr(self, attr), attr))
        set_(self, "data_versions", dict(self.data_versions))
        n = len(actors)
        if n < 2:
            raise ModelInputError(f"an issue needs at least two actors, got {n}")
        repeated = sorted({a for a in actors if actors.count(a) > 1})
        if repeated:
            raise ModelInputError(f"actor names must be unique; repeated: {', '.join(repeated)}")
        for attr in ("capability", "position", "salience"):
            values = getattr(self, attr)
            if values.shape != (n,):
                raise ModelInputError(f"{attr} has {values.size} values for {n} actors")
            bad = [actors[i] for i in np.flatnonzero(~np.isfinite(values))]
            if bad:
                raise ModelInputError(f"{attr} is not a finite number for {', '.join(bad)}")
        self._check_range("capability", self.capability < 0, "is negative")
        self._check_range("salience", (self.salience < 0) | (self.salience > 100),
                          "is outside [0, 100]")
        if not np.any(self.capability * self.salience > 0):
            raise ModelInputError("no actor has both capability and salience above 0; "
                                  "the issue has no weight to forecast from")
        lo, hi = (float(self.position.min()), float(self.position.max())) \
            if self.scale is None else (float(self.scale[0]), float(self.scale[1]))
        if hi < lo:
            raise ModelInputError(f"scale {self.scale} has its low end above its high end")
        set_(self, "scale", (lo, hi))
        outside = (self.position < lo) | (self.position > hi)
        self._check_range("position", outside, f"is outside the issue scale [{lo:g}, {hi:g}]")

    def _check_range(self, attr: str, bad: np.ndarray, message: str) -> None:
        if np.any(bad):
            values = getattr(self, attr)
            listed = ", ".join(f"{self.actors[i]} ({values[i]:g})" for i in np.flatnonzero(bad))
            raise ModelInputError(f"{attr} {message} for {listed}")

    # -- construction -------------------------------------------------------------------
    @classmethod
    def from_frame(cls, frame: pl.DataFrame, *, scale: tuple[float, float] | None = None,
                   name: str = "", data_versions: Mapping[str, str] | None = None) -> Issue:
        """An issue from a table with columns ``actor, capability, position, salience``."""
        missing = [c for c in ("actor", "capability", "position", "salience")
                   if c not in frame.columns]
        if missing:
            raise ModelInputError(f"the table has no column {', '.join(missing)} "
                                  f"(it has {', '.join(frame.columns)})")
        return cls(tuple(frame["actor"].cast(pl.String).to_list()),
                   frame["capability"].to_numpy(), frame["position"].to_numpy(),
                   frame["salience"].to_numpy(), scale=scale, name=name,
                   data_versions=data_versions or {})

    def to_frame(self) -> pl.DataFrame:
        """The actors as a table: ``actor, capability, position, salience``."""
        return pl.DataFrame({"actor": list(self.actors), "capability": self.capability,
                             "position": self.position, "salience": self.salience})

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (the shape :func:`read_issue` accepts from a ``.json`` file)."""
        return {"name": self.name, "scale": list(self.scale or ()),
                "actors": self.to_frame().to_dicts(), "data_versions": dict(self.data_versions)}

    @property
    def span(self) -> float:
        """``high - low`` of the issue scale (1.0 when every position is the same)."""
        lo, hi = self.scale or (0.0, 1.0)
        return hi - lo if hi > lo else 1.0

    def __len__(self) -> int:
        return len(self.actors)

    def __repr__(self) -> str:
        label = f"{self.name!r}, " if self.name else ""
        return f"Issue({label}{len(self)} actors, scale={self.scale})"

    def index(self, actor: str) -> int:
        """Position of ``actor`` in :attr:`actors`; the error lists the names."""
        try:
            return self.actors.index(actor)
        except ValueError:
            raise ModelInputError(f"no actor named {actor!r}; actors: "
                                  f"{', '.join(self.actors)}") from None

    # -- what-if changes ----------------------------------------------------------------
    def _replace(self, **changes: Any) -> Issue:
        fields = {"actors": self.actors, "capability": self.capability,
                  "position": self.position, "salience": self.salience, "scale": self.scale,
                  "name": self.name, "data_versions": self.data_versions}
        return Issue(**{**fields, **changes})

    def with_values(self, *, capability: Mapping[str, float] | None = None,
                    position: Mapping[str, float] | None = None,
                    salience: Mapping[str, float] | None = None) -> Issue:
        """A copy with some actors' capability, position or salience set to new values.

        ``issue.with_values(capability={"UK": 0.3}, salience={"Germany": 100})`` models a
        posture change (more forces committed to the issue) and a rise in resolve.
        """
        changes: dict[str, np.ndarray] = {}
        for attr, given in (("capability", capability), ("position", position),
                            ("salience", salience)):
            if given:
                values = np.array(getattr(self, attr))
                for actor, value in given.items():
                    values[self.index(actor)] = value
                changes[attr] = values
        return self._replace(**changes)

    def scale_capability(self, factors: Mapping[str, float]) -> Issue:
        """A copy with some actors' capability multiplied, e.g. ``{"UK": 1.5}`` (+50%)."""
        return self.with_values(capability={a: self.capability[self.index(a)] * f
                                            for a, f in factors.items()})

    def without(self, actors: Sequence[str]) -> Issue:
        """A copy without ``actors`` (an actor that walks away from the table)."""
        drop = {self.index(a) for a in actors}
        keep = [i for i in range(len(self)) if i not in drop]
        return self._replace(actors=tuple(self.actors[i] for i in keep),
                             capability=self.capability[keep], position=self.position[keep],
                             salience=self.salience[keep])

    def pool(self, members: Sequence[str], *, name: str | None = None,
             position: float | None = None, salience: float | None = None) -> Issue:
        """A copy in which ``members`` act as one coalition with pooled capability.

        The coalition's capability is the sum of its members'. Unless given, its position is
        the members' capability-and-salience weighted mean position and its salience their
        capability-weighted mean salience. With these defaults the coalition casts exactly
        the weight its members cast together (``c s`` summed), so the weighted-mean forecast
        of the first round is unchanged; what changes is that the members no longer bargain
        separately (they cannot be picked off one by one) and the pairwise-vote median sees
        one bloc. The coalition is appended after the remaining actors.

        Raises
        ------
        ModelInputError
            Fewer than two members, or a name that is not an actor.
        """
        if len(set(members)) < 2:
            raise ModelInputError("a coalition needs at least two different members")
        idx = [self.index(m) for m in dict.fromkeys(members)]
        c, s, x = self.capability[idx], self.salience[idx], self.position[idx]
        pooled_c = float(c.sum())
        weight = c * s
        pooled_x = position if position is not None else float(np.clip(
            weight @ x / weight.sum() if weight.sum() > 0 else x.mean(), x.min(), x.max()))
        pooled_s = salience if salience is not None else (
            float(c @ s / pooled_c) if pooled_c > 0 else float(s.mean()))
        keep = [i for i in range(len(self)) if i not in idx]
        label = name or "+".join(self.actors[i] for i in idx)
        return self._replace(actors=(*(self.actors[i] for i in keep), label),
                             capability=np.append(self.capability[keep], pooled_c),
                             position=np.append(self.position[keep], pooled_x),
                             salience=np.append(self.salience[keep], pooled_s))
