"""Structural balance year by year: the frustration index over time, and the blocs.

:class:`StructuralBalance` runs :func:`~detente.models.coalitions._balance.frustration_index`
on one signed network or a sequence of them (one per year, from :func:`signed_networks`), and
tabulates how balanced the system was each year and how that moved.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
import polars as pl

from detente._errors import ModelInputError
from detente._seed import SeedLike, resolve_seed
from detente.models._base import Model, ModelTags, Result, register
from detente.models.coalitions._balance import (
    BALANCE_COMPONENTS,
    BalanceMethod,
    BalancePartition,
    SignedNetwork,
    frustration_index,
    signed_network,
)
from detente.models.coalitions._components import ComponentSpec, OutsideCoverage

if TYPE_CHECKING:
    from detente.store._store import Store


def signed_networks(store: Store, years: Iterable[int],
                    states: Sequence[int | str] | None = None, *,
                    components: ComponentSpec = BALANCE_COMPONENTS,
                    outside_coverage: OutsideCoverage = "error") -> list[SignedNetwork]:
    """One :func:`~detente.models.coalitions._balance.signed_network` per year."""
    return [signed_network(store, y, states, components=components,
                           outside_coverage=outside_coverage) for y in years]


@register
class StructuralBalance(Model):
    """Frustration index and blocs of signed networks, e.g. the state system year by year.

    Parameters
    ----------
    method
        ``"auto"`` (heuristic, then the exact program within ``time_limit``), ``"exact"`` or
        ``"heuristic"``.
    starts
        Random starts of the heuristic.
    time_limit
        Seconds the exact solver may spend on each network.

    Notes
    -----
    ``table`` has one row per network: ``year``, ``states``, ``ties``, ``positive``,
    ``negative``, ``frustration`` (ties broken by the best split), ``lower_bound``,
    ``optimal``, ``balance_index`` ``1 - 2L/m``, ``bloc_a``/``bloc_b`` (states in each
    bloc, isolated states not counted), ``change`` (frustration minus the previous row's)
    and ``method``. ``tables["blocs"]`` gives each state's bloc per year and
    ``tables["frustrated_ties"]`` the ties each split breaks.

    References
    ----------
    1. Cartwright, D. and Harary, F. (1956). "Structural balance: a generalization of
       Heider's theory." *Psychological Review* 63(5): 277-293.
    2. Aref, S. and Wilson, M. C. (2019). "Balance and frustration in signed networks."
       *Journal of Complex Networks* 7(2): 163-189.
    """

    tags: ClassVar[ModelTags] = ModelTags(
        question="coalitions", stochastic=True, unit="state_year",
        citation="Cartwright and Harary (1956), Psychological Review 63(5); Aref and Wilson "
                 "(2019), Journal of Complex Networks 7(2)")

    def __init__(self, *, method: BalanceMethod = "auto", starts: int = 1024,
                 time_limit: float = 30.0) -> None:
        self.method = method
        self.starts = starts
        self.time_limit = time_limit

    def run(self, inputs: SignedNetwork | Sequence[SignedNetwork], *,
            seed: SeedLike = None) -> Result:
        networks = [inputs] if isinstance(inputs, SignedNetwork) else list(inputs)
        if not networks or not all(isinstance(n, SignedNetwork) for n in networks):
            raise ModelInputError("StructuralBalance.run needs a SignedNetwork or a list of them")
        rng = resolve_seed(seed)
        found = [frustration_index(net, method=self.method, seed=rng, starts=self.starts,
                                   time_limit=self.time_limit) for net in networks]
        return balance_result(found, params=self.get_params(),
                              seed=seed if isinstance(seed, int) else None)


def balance_result(found: Sequence[BalancePartition], *, params: dict[str, Any],
                   seed: int | None) -> Result:
    """The :class:`StructuralBalance` result for partitions already computed (one per
    network, in order), so a caller can split networks one at a time (with a progress bar)
    and still get the same tables."""
    table = _year_table(list(found))
    versions: dict[str, str] = {}
    for p in found:
        versions.update(p.network.data_versions)
    summary = {"networks": len(found), "all_optimal": bool(all(p.optimal for p in found)),
               "components": found[0].network.provenance.get("components") if found else None}
    return Result("StructuralBalance", table, summary=summary, params=params, seed=seed,
                  data_versions=versions,
                  tables={"blocs": pl.concat([_blocs(p) for p in found]),
                          "frustrated_ties": pl.concat([_ties(p) for p in found])})


def _year_table(found: list[BalancePartition]) -> pl.DataFrame:
    rows = []
    for p in found:
        i, j, s = p.network.edges()
        tied = np.count_nonzero(p.network.signs, axis=1) > 0
        rows.append({
            "year": p.network.year, "states": p.network.n, "ties": int(s.size),
            "positive": int(np.sum(s > 0)), "negative": int(np.sum(s < 0)),
            "frustration": p.frustration, "lower_bound": p.lower_bound, "optimal": p.optimal,
            "balance_index": p.balance_index,
            "bloc_a": int(np.sum(tied & (p.labels == 0))),
            "bloc_b": int(np.sum(tied & (p.labels == 1))), "method": p.method,
        })
    frame = pl.DataFrame(rows, schema={
        "year": pl.Int64, "states": pl.Int64, "ties": pl.Int64, "positive": pl.Int64,
        "negative": pl.Int64, "frustration": pl.Int64, "lower_bound": pl.Int64,
        "optimal": pl.Boolean, "balance_index": pl.Float64, "bloc_a": pl.Int64,
        "bloc_b": pl.Int64, "method": pl.String})
    return frame.with_columns(change=pl.col("frustration").diff()).select(
        "year", "states", "ties", "positive", "negative", "frustration", "change",
        "lower_bound", "optimal", "balance_index", "bloc_a", "bloc_b", "method")


def _ties(p: BalancePartition) -> pl.DataFrame:
    broken = p.frustrated_ties()
    return broken.insert_column(0, pl.Series("year", [p.network.year] * broken.height,
                                             dtype=pl.Int64))


def _blocs(p: BalancePartition) -> pl.DataFrame:
    net = p.network
    tied = np.count_nonzero(net.signs, axis=1) > 0
    bloc = np.where(p.labels == 0, "A", "B").astype(object)
    bloc[~tied] = None
    return pl.DataFrame({
        "year": pl.Series([net.year] * net.n, dtype=pl.Int64),
        "actor": pl.Series(net.actors, dtype=pl.String),
        "ccode": pl.Series(net.codes if net.codes is not None else [None] * net.n,
                           dtype=pl.Int64),
        "bloc": pl.Series(bloc.tolist(), dtype=pl.String),
    })
