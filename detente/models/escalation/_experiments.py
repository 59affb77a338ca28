"""Experiments: seeded Monte Carlo sweeps over strategies, noise and any other parameter.

A sweep is the product of a parameter grid; each grid point is one task that runs
:class:`EscalationGame` with that point's parameters. Task ``k`` is seeded with the ``k``-th
child of ``numpy.random.SeedSequence(seed).spawn(n_tasks)``, so its result depends only on
the seed and its place in the grid, never on which worker ran it or when: the serial, the
process-pool and the Dask executors return identical tables (tested). Tasks are gathered
back in grid order.

Executors: ``"serial"``; ``"process"``, a :class:`concurrent.futures.ProcessPoolExecutor`
with the ``spawn`` start method (forking a process that holds Polars' and DuckDB's thread
pools can deadlock); ``"dask"``, ``client.map`` on a ``dask.distributed`` client (the
``dask`` extra), for a cluster. Scripts that start a process pool or a ``LocalCluster``
need an ``if __name__ == "__main__":`` guard.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import Any, Literal

import numpy as np
import polars as pl

from detente._errors import ModelInputError
from detente.models.escalation._model import EscalationGame
from detente.models.escalation._network import Network
from detente.models.escalation._strategies import ENGAGEMENT_STRATEGIES

Executor = Literal["serial", "process", "dask"]
DEFAULT_NOISE = (0.0, 0.02, 0.05, 0.1, 0.2)
NETWORK_AXES = ("channel", "trust")
"""Grid keys that set a network attribute on every dyad instead of a model parameter:
``channel`` (what hotlines and regular dialogue buy) and ``trust`` (initial trust, both
sides)."""


def _with_network(network: Network, point: Mapping[str, Any]) -> Network:
    changes: dict[str, Any] = {}
    if "channel" in point:
        changes["channel"] = point["channel"]
    if "trust" in point:
        changes["trust_first"] = changes["trust_second"] = point["trust"]
    if not changes:
        return network
    full = {k: np.full(network.n_dyads, v, dtype=np.float64) if np.ndim(v) == 0 else v
            for k, v in changes.items()}
    return replace(network, **full)


@dataclass(frozen=True)
class Task:
    """One grid point: its place in the grid, the model to run and its seed."""

    index: int
    point: Mapping[str, Any]
    model: EscalationGame
    network: Network
    seed: np.random.SeedSequence


def _label(value: Any) -> Any:
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    if hasattr(value, "label"):
        return value.label()
    return str(value)


def run_task(task: Task) -> pl.DataFrame:
    """Run one task; its per-strategy table with the grid point's values in front."""
    result = task.model.run(task.network, seed=task.seed)
    columns = [pl.lit(task.index).alias("task")]
    columns += [pl.lit(_label(v)).alias(k) for k, v in task.point.items()]
    return result.table.select(*columns, pl.all())


def tasks(network: Network, grid: Mapping[str, Sequence[Any]], *,
          base: EscalationGame | None = None, seed: int = 0) -> list[Task]:
    """The grid's tasks in order, each with its own child seed."""
    base = base if base is not None else EscalationGame()
    valid = set(base.get_params()) | set(NETWORK_AXES)
    if not grid:
        raise ModelInputError("grid: give at least one parameter to vary")
    for name, values in grid.items():
        if name not in valid:
            raise ModelInputError(f"grid: {name!r} is not a parameter of EscalationGame or a "
                                  f"network axis; choose from {sorted(valid)}")
        if isinstance(values, str) or not isinstance(values, Sequence) or len(values) == 0:
            raise ModelInputError(f"grid[{name!r}]: give a non-empty list of values")
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise ModelInputError(f"seed: must be a non-negative integer, got {seed!r}")
    names = list(grid)
    points = [dict(zip(names, combo, strict=True))
              for combo in itertools.product(*(grid[n] for n in names))]
    children = np.random.SeedSequence(int(seed)).spawn(len(points))
    return [Task(i, point,
                 base.clone(**{k: v for k, v in point.items() if k not in NETWORK_AXES}),
                 _with_network(network, point), child)
            for i, (point, child) in enumerate(zip(points, children, strict=True))]


def sweep(
    network: Network,
    grid: Mapping[str, Sequence[Any]],
    *,
    base: EscalationGame | None = None,
    seed: int = 0,
    executor: Executor = "serial",
    workers: int | None = None,
    client: Any = None,
) -> pl.DataFrame:
    """Run every point of ``grid`` and stack the per-strategy tables.

    Parameters
    ----------
    network
        The network every task plays on.
    grid
        Parameter name -> values, e.g. ``{"strategies": ["tft", "gtft"], "noise": [0, 0.1]}``;
        a point's parameters override ``base``'s. The keys in :data:`NETWORK_AXES`
        (``channel``, ``trust``) set that attribute on every dyad of ``network`` instead.
    base
        The model whose other parameters every task shares (default ``EscalationGame()``).
    seed
        Root of the per-task seeds (``SeedSequence(seed).spawn``).
    executor
        ``"serial"``, ``"process"`` (``workers`` processes) or ``"dask"`` (``client``).
    client
        A ``dask.distributed.Client`` for ``executor="dask"``.

    Returns
    -------
    polars.DataFrame
        ``task``, the grid's columns, then :func:`EscalationGame.run`'s table columns.
    """
    todo = tasks(network, grid, base=base, seed=seed)
    if executor == "serial":
        frames = [run_task(t) for t in todo]
    elif executor == "process":
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            frames = list(pool.map(run_task, todo))
    elif executor == "dask":
        if client is None:
            raise ModelInputError("client: executor='dask' needs a dask.distributed Client "
                                  "(pip install 'detente[dask]')")
        frames = client.gather(client.map(run_task, todo, pure=False))
    else:
        raise ModelInputError(f"executor: must be 'serial', 'process' or 'dask', got "
                              f"{executor!r}")
    return pl.concat(frames, how="diagonal_relaxed").sort("task", maintain_order=True)


def compare_strategies(
    network: Network,
    strategies: Sequence[Any] = ENGAGEMENT_STRATEGIES,
    noise: Sequence[float] = DEFAULT_NOISE,
    **options: Any,
) -> pl.DataFrame:
    """Each strategy played by every state, at every noise level: the planner's table.

    ``options`` go to :func:`sweep` (``base``, ``seed``, ``executor``, ``workers``,
    ``client``).
    """
    return sweep(network, {"strategies": list(strategies), "noise": list(noise)}, **options)
