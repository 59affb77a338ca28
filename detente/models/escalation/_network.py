"""The network the game is played on: states, the dyads between them and their attributes.

A :class:`Network` holds, per dyad, the strength of its communication channels (in [0, 1])
and each side's initial trust in the other (in [0, 1]), and per state a capability (CINC by
default, used to weight who does better in escalated exchanges). Build one by hand
(:meth:`Network.complete`, :meth:`Network.from_edges`) or from the store for a year and a set
of states (:func:`detente.models.escalation.calibrate`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from detente._errors import ModelInputError


def _unit_interval(values: np.ndarray, name: str) -> np.ndarray:
    values = np.asarray(values, dtype=np.float64)
    bad = ~((values >= 0) & (values <= 1))
    if bad.any():
        at = int(np.flatnonzero(bad)[0])
        raise ModelInputError(f"network.{name}: values must lie in [0, 1]; entry {at} is "
                              f"{values.ravel()[at]!r}")
    return values


def _per_edge(value: float | Sequence[float] | np.ndarray, n_edges: int, name: str) -> np.ndarray:
    arr = np.asarray(value, dtype=np.float64)
    if arr.ndim == 0:
        arr = np.full(n_edges, float(arr))
    if arr.shape != (n_edges,):
        raise ModelInputError(f"network.{name}: expected one value per dyad ({n_edges}), got "
                              f"shape {arr.shape}")
    return _unit_interval(arr, name)


@dataclass(frozen=True)
class Network:
    """States and the dyads they play on.

    Parameters
    ----------
    states
        Labels of the states (e.g. COW abbreviations), unique.
    first, second
        For each dyad, the indices of its two states (``first != second``; each pair once).
    channel
        Per dyad, the strength of communication channels in [0, 1].
    trust_first, trust_second
        Per dyad, the initial trust of ``first`` in ``second`` and of ``second`` in
        ``first``, in [0, 1].
    capability
        Per state, a non-negative capability (CINC); ``None`` treats all states as equal.
    codes
        Per state, its COW code when the network came from data.
    year, data_versions, provenance
        What the calibration read: the year, source versions, and a note per input saying
        which measure or proxy it came from.
    """

    states: tuple[str, ...]
    first: np.ndarray
    second: np.ndarray
    channel: np.ndarray
    trust_first: np.ndarray
    trust_second: np.ndarray
    capability: np.ndarray | None = None
    codes: np.ndarray | None = None
    year: int | None = None
    data_versions: Mapping[str, str] = field(default_factory=dict)
    provenance: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        n = len(self.states)
        if n < 2:
            raise ModelInputError("network.states: a network needs at least two states")
        if len(set(self.states)) != n:
            raise ModelInputError("network.states: state labels must be unique")
        first = np.asarray(self.first, dtype=np.int64)
        second = np.asarray(self.second, dtype=np.int64)
        if first.shape != second.shape or first.ndim != 1 or first.size == 0:
            raise ModelInputError("network.first/second: need two equal-length, non-empty "
                                  "arrays of state indices")
        if first.min() < 0 or second.min() < 0 or max(first.max(), second.max()) >= n:
            raise ModelInputError(f"network.first/second: state indices must lie in 0..{n - 1}")
        if np.any(first == second):
            raise ModelInputError("network.first/second: a state cannot be its own partner")
        lo, hi = np.minimum(first, second), np.maximum(first, second)
        if np.unique(lo * n + hi).size != first.size:
            raise ModelInputError("network.first/second: each pair of states may appear once")
        e = first.size
        object.__setattr__(self, "first", first)
        object.__setattr__(self, "second", second)
        object.__setattr__(self, "channel", _per_edge(self.channel, e, "channel"))
        object.__setattr__(self, "trust_first", _per_edge(self.trust_first, e, "trust_first"))
        object.__setattr__(self, "trust_second", _per_edge(self.trust_second, e, "trust_second"))
        if self.capability is not None:
            cap = np.asarray(self.capability, dtype=np.float64)
            if cap.shape != (n,) or not np.all(np.isfinite(cap)) or np.any(cap < 0):
                raise ModelInputError(f"network.capability: need {n} finite values >= 0, one "
                                      "per state")
            object.__setattr__(self, "capability", cap)

    # -- constructors -------------------------------------------------------------------------
    @classmethod
    def complete(cls, states: int | Sequence[str], *, trust: float = 0.5, channel: float = 0.0,
                 capability: Sequence[float] | None = None) -> Network:
        """All pairs among ``states`` (a count, or labels), with uniform trust and channels."""
        labels = _labels(states)
        first, second = np.triu_indices(len(labels), k=1)
        return cls(labels, first, second, channel=channel, trust_first=trust,
                   trust_second=trust,
                   capability=None if capability is None else np.asarray(capability))

    @classmethod
    def from_edges(cls, states: int | Sequence[str], edges: Sequence[tuple[int, int]], *,
                   trust: float | Sequence[float] = 0.5,
                   channel: float | Sequence[float] = 0.0,
                   capability: Sequence[float] | None = None) -> Network:
        """The listed pairs (indices into ``states``) with uniform or per-dyad attributes."""
        labels = _labels(states)
        pairs = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
        return cls(labels, pairs[:, 0], pairs[:, 1], channel=np.asarray(channel, dtype=float),
                   trust_first=np.asarray(trust, dtype=float),
                   trust_second=np.asarray(trust, dtype=float),
                   capability=None if capability is None else np.asarray(capability))

    # -- derived --------------------------------------------------------------------------------
    @property
    def n_states(self) -> int:
        return len(self.states)

    @property
    def n_dyads(self) -> int:
        return int(self.first.size)

    def power_share(self) -> tuple[np.ndarray, np.ndarray]:
        """Per dyad, each side's share of the pair's capability (0.5 each when unknown)."""
        if self.capability is None:
            half = np.full(self.n_dyads, 0.5)
            return half, half
        a, b = self.capability[self.first], self.capability[self.second]
        total = a + b
        share = np.divide(a, total, out=np.full(a.shape, 0.5), where=total > 0)
        return share, 1.0 - share

    def dyads(self) -> pl.DataFrame:
        """One row per dyad: the two states and the calibrated inputs."""
        share_a, _ = self.power_share()
        frame = pl.DataFrame({
            "dyad": np.arange(self.n_dyads),
            "state1": [self.states[i] for i in self.first],
            "state2": [self.states[i] for i in self.second],
            "channel": self.channel,
            "trust12": self.trust_first,
            "trust21": self.trust_second,
            "power_share1": share_a,
        })
        if self.codes is not None:
            frame = frame.insert_column(1, pl.Series("ccode1", self.codes[self.first]))
            frame = frame.insert_column(3, pl.Series("ccode2", self.codes[self.second]))
        return frame


def _labels(states: int | Sequence[str]) -> tuple[str, ...]:
    if isinstance(states, int):
        if states < 2:
            raise ModelInputError("network.states: a network needs at least two states")
        return tuple(f"S{i}" for i in range(states))
    return tuple(str(s) for s in states)
