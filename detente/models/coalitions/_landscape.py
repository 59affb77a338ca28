"""The landscape model: predicted alignments (local minima), their basins and who is frustrated.

:class:`Landscape` runs the exhaustive search up to
:data:`~detente.models.coalitions._exhaustive.MAX_EXHAUSTIVE` actors and the seeded heuristic
beyond (``method="auto"``), and returns tidy tables: one row per local minimum, one row per
actor and minimum (camp, frustration, what a switch would do), and for exhaustive runs the
lowest-energy configurations whether or not they are minima.
"""

from __future__ import annotations

from typing import ClassVar, Literal

import numpy as np
import polars as pl

from detente._errors import ModelInputError
from detente._seed import SeedLike, resolve_seed
from detente.models._base import Model, ModelTags, Result, register
from detente.models.coalitions._energy import (
    Convention,
    couplings,
    frustration,
    switch_gains,
    tolerance,
)
from detente.models.coalitions._exhaustive import (
    MAX_EXHAUSTIVE,
    ExhaustiveLandscape,
    exhaustive_landscape,
)
from detente.models.coalitions._heuristic import heuristic_landscape
from detente.models.coalitions._inputs import LandscapeInputs

Method = Literal["auto", "exhaustive", "heuristic"]

DESCENT_RULE = ("steepest descent: the actor whose switch lowers the energy most switches "
                "(ties to the lowest index) until no actor can lower its own frustration")

CITATION = ("Axelrod, R. and Bennett, D. S. (1993). A Landscape Theory of Aggregation. "
            "British Journal of Political Science 23(2): 211-233.")


@register
class Landscape(Model):
    """Landscape theory of aggregation: which bipolar alignments are stable.

    Parameters
    ----------
    method
        ``"exhaustive"`` (every configuration, at most 24 actors), ``"heuristic"`` (seeded
        multi-start myopic switching, any size) or ``"auto"`` (exhaustive when it can).
    convention
        ``"ordered"`` energy ``sum_{i != j} s_i s_j p_ij d_ij`` (Axelrod and Bennett; the
        Axelrod-Furnas files) or ``"unordered"`` (``i < j``, half).
    starts
        Random starts of the heuristic.
    top
        Lowest-energy configurations listed in ``tables["best_configurations"]``
        (exhaustive runs).

    Notes
    -----
    Result tables:

    * ``table``: one row per local minimum, lowest energy first: ``rank``, ``energy``,
      ``basin_size`` (configurations, exhaustive), ``basin_share`` (of all configurations,
      or of the heuristic's starts), ``hits`` (heuristic starts ending there),
      ``is_global`` (exhaustive only), ``camp_a`` (the camp of the first actor with any
      non-zero propensity) and ``camp_b`` with their total sizes. Actors with no propensity
      toward anyone cannot change any energy; they are searched over by neither method, left
      out of the camps (``camp`` is null for them) and listed in ``summary["unaligned"]``,
      and basin sizes count configurations of the others.
    * ``tables["actors"]``: per minimum and actor, its ``camp``, ``frustration``
      ``F_i = sum_j s_j p_ij d_ij``, ``weighted_frustration`` ``s_i F_i`` and
      ``switch_gain``, the energy change if it switched alone (>= 0 at a minimum).
    * ``tables["best_configurations"]``: the ``top`` lowest energies, with whether each is a
      local minimum and which minimum's basin it lies in.

    References
    ----------
    1. Axelrod, R. and Bennett, D. S. (1993). "A Landscape Theory of Aggregation."
       *British Journal of Political Science* 23(2): 211-233.

    Examples
    --------
    >>> import numpy as np
    >>> from detente.models.coalitions import Landscape, LandscapeInputs
    >>> p = np.array([[0, 1, -1, -1], [1, 0, -1, -1], [-1, -1, 0, 1], [-1, -1, 1, 0]])
    >>> result = Landscape().run(LandscapeInputs(tuple("ABCD"), np.ones(4), p), seed=0)
    >>> result.table.select("energy", "camp_a", "camp_b").rows()
    [(-8.0, ['A', 'B'], ['C', 'D'])]
    """

    tags: ClassVar[ModelTags] = ModelTags(question="coalitions", stochastic=True,
                                          citation=CITATION, unit="actor")

    def __init__(self, *, method: Method = "auto", convention: Convention = "ordered",
                 starts: int = 1024, top: int = 10) -> None:
        self.method = method
        self.convention = convention
        self.starts = starts
        self.top = top

    def run(self, inputs: LandscapeInputs, *, seed: SeedLike = None) -> Result:
        if not isinstance(inputs, LandscapeInputs):
            raise ModelInputError("Landscape.run needs LandscapeInputs (see read_inputs, "
                                  "build_inputs or furnas_inputs)")
        if self.method not in ("auto", "exhaustive", "heuristic"):
            raise ModelInputError(f"method must be auto, exhaustive or heuristic, "
                                  f"not {self.method!r}")
        unaligned = np.abs(inputs.propensity).sum(axis=1) == 0
        active = np.flatnonzero(~unaligned)
        exact = self.method == "exhaustive" or active.size < 2 or (
            self.method == "auto" and active.size <= MAX_EXHAUSTIVE)
        tables: dict[str, pl.DataFrame] = {}
        if active.size < 2:
            labels, energies = np.zeros((1, inputs.n), dtype=np.int8), np.zeros(1)
            table = _minima_table(inputs, labels, energies, unaligned).with_columns(
                basin_size=pl.lit(1, dtype=pl.Int64), basin_share=pl.lit(1.0),
                hits=pl.lit(None, dtype=pl.Int64), is_global=pl.lit(True))
            searched: dict[str, int] = {"configurations": 1}
        elif exact:
            found = exhaustive_landscape(inputs.take(active), convention=self.convention)
            labels = _expand(found.labels(found.minima), active, inputs.n)
            energies = found.energies[found.minima]
            table = _minima_table(inputs, labels, energies, unaligned).with_columns(
                basin_size=pl.Series(found.basin_sizes, dtype=pl.Int64),
                basin_share=pl.Series(found.basin_sizes / found.configurations),
                hits=pl.lit(None, dtype=pl.Int64),
                is_global=pl.Series(energies <= energies.min() + tolerance(
                    couplings(inputs, self.convention))),
            )
            tables["best_configurations"] = _best_table(inputs, found, active, self.top)
            searched = {"configurations": found.configurations}
        else:
            found_h = heuristic_landscape(inputs.take(active), starts=self.starts,
                                          seed=resolve_seed(seed), convention=self.convention)
            labels = _expand(found_h.minima, active, inputs.n)
            energies = found_h.energies
            table = _minima_table(inputs, labels, energies, unaligned).with_columns(
                basin_size=pl.lit(None, dtype=pl.Int64),
                basin_share=pl.Series(found_h.hits / found_h.starts),
                hits=pl.Series(found_h.hits, dtype=pl.Int64),
                is_global=pl.lit(None, dtype=pl.Boolean),
            )
            searched = {"starts": found_h.starts}
        table = table.select("rank", "energy", "basin_size", "basin_share", "hits", "is_global",
                             "camp_a", "camp_b", "size_a", "size_b")
        tables["actors"] = _actor_table(inputs, labels, unaligned, self.convention)
        summary = {
            "actors": inputs.n,
            "unaligned": [inputs.actors[i] for i in np.flatnonzero(unaligned)],
            "method": "exhaustive" if exact else "heuristic",
            **searched,
            "minima": int(table.height),
            "lowest_energy": float(energies.min()),
            "global_minimum_certain": bool(exact),
            "convention": self.convention,
            "descent_rule": DESCENT_RULE,
            "year": inputs.year,
            "inputs": dict(inputs.provenance),
        }
        return Result("Landscape", table, summary=summary, params=self.get_params(),
                      seed=seed if isinstance(seed, int) else None,
                      data_versions=dict(inputs.data_versions), tables=tables)


def _expand(labels: np.ndarray, active: np.ndarray, n: int) -> np.ndarray:
    """Labels of the active actors placed in full-width rows (unaligned actors get 0)."""
    full = np.zeros((labels.shape[0], n), dtype=np.int8)
    full[:, active] = labels
    return full


def _camps(inputs: LandscapeInputs, labels: np.ndarray, unaligned: np.ndarray
           ) -> tuple[list[list[str]], list[list[str]]]:
    names = np.array(inputs.actors, dtype=object)
    a = [list(names[(row == 0) & ~unaligned]) for row in labels]
    b = [list(names[(row == 1) & ~unaligned]) for row in labels]
    return a, b


def _minima_table(inputs: LandscapeInputs, labels: np.ndarray, energies: np.ndarray,
                  unaligned: np.ndarray) -> pl.DataFrame:
    a, b = _camps(inputs, labels, unaligned)
    in_b = (labels == 1) & ~unaligned
    in_a = (labels == 0) & ~unaligned
    return pl.DataFrame({
        "rank": pl.Series(np.arange(1, len(energies) + 1), dtype=pl.Int64),
        "energy": pl.Series(np.asarray(energies, dtype=np.float64)),
        "camp_a": pl.Series(a, dtype=pl.List(pl.String)),
        "camp_b": pl.Series(b, dtype=pl.List(pl.String)),
        "size_a": pl.Series(in_a.astype(np.float64) @ inputs.sizes),
        "size_b": pl.Series(in_b.astype(np.float64) @ inputs.sizes),
    })


def _actor_table(inputs: LandscapeInputs, labels: np.ndarray, unaligned: np.ndarray,
                 convention: Convention) -> pl.DataFrame:
    k, n = labels.shape
    frus = frustration(inputs, labels)
    gains = switch_gains(inputs, labels, convention=convention)
    camp = np.where(labels == 0, "A", "B").astype(object)
    camp[:, unaligned] = None
    frame = pl.DataFrame({
        "rank": pl.Series(np.repeat(np.arange(1, k + 1), n), dtype=pl.Int64),
        "actor": pl.Series(np.tile(np.array(inputs.actors, dtype=object), k), dtype=pl.String),
        "camp": pl.Series(camp.ravel().tolist(), dtype=pl.String),
        "size": pl.Series(np.tile(inputs.sizes, k)),
        "frustration": pl.Series(frus.ravel()),
        "weighted_frustration": pl.Series((frus * inputs.sizes).ravel()),
        "switch_gain": pl.Series(gains.ravel()),
    })
    if inputs.codes is not None:
        frame = frame.insert_column(2, pl.Series("ccode", np.tile(inputs.codes, k),
                                                 dtype=pl.Int64))
    return frame


def _best_table(inputs: LandscapeInputs, found: ExhaustiveLandscape, active: np.ndarray,
                top: int) -> pl.DataFrame:
    codes = found.best(max(top, 1))
    unaligned = np.ones(inputs.n, dtype=bool)
    unaligned[active] = False
    a, b = _camps(inputs, _expand(found.labels(codes), active, inputs.n), unaligned)
    rank_of = {int(c): i + 1 for i, c in enumerate(found.minima)}
    return pl.DataFrame({
        "position": pl.Series(np.arange(1, len(codes) + 1), dtype=pl.Int64),
        "energy": pl.Series(found.energies[codes]),
        "local_minimum": pl.Series(np.isin(codes, found.minima)),
        "basin_of": pl.Series([rank_of[int(c)] for c in found.basin[codes]], dtype=pl.Int64),
        "camp_a": pl.Series(a, dtype=pl.List(pl.String)),
        "camp_b": pl.Series(b, dtype=pl.List(pl.String)),
    })
