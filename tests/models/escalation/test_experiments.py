"""Sweeps: per-task seeds, and identical tables from the serial, process and Dask executors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl
import pytest
from typer.testing import CliRunner

from detente._errors import ModelInputError
from detente.interfaces.cli import app
from detente.models.escalation import (
    ENGAGEMENT_STRATEGIES,
    EscalationGame,
    Network,
    compare_strategies,
    noise_figure,
    sweep,
    tasks,
    write_report,
)

NET = Network.complete(6, channel=0.2)
BASE = EscalationGame(rounds=30, replicates=8)
GRID = {"strategies": ["tft", "gtft", "grit"], "noise": [0.0, 0.1]}


@pytest.fixture(scope="module")
def serial() -> pl.DataFrame:
    return sweep(NET, GRID, base=BASE, seed=7)


def test_tasks_get_spawned_seeds() -> None:
    todo = tasks(NET, GRID, base=BASE, seed=7)
    assert [t.point for t in todo][:3] == [{"strategies": "tft", "noise": 0.0},
                                           {"strategies": "tft", "noise": 0.1},
                                           {"strategies": "gtft", "noise": 0.0}]
    children = np.random.SeedSequence(7).spawn(6)
    assert [t.seed.spawn_key for t in todo] == [c.spawn_key for c in children]
    assert todo[4].model.get_params()["noise"] == 0.0 and todo[4].model.rounds == 30


def test_sweep_table(serial: pl.DataFrame) -> None:
    assert serial.height == 6
    assert serial.columns[:4] == ["task", "strategies", "noise", "strategy"]
    assert serial["task"].to_list() == list(range(6))
    noiseless = serial.filter(pl.col("noise") == 0.0)
    assert noiseless["cooperation_rate"].to_list() == [1.0, 1.0, 1.0]
    noisy = serial.filter(pl.col("noise") == 0.1).sort("strategy")
    # under noise generous TFT and GRIT keep more mutual cooperation than TFT
    by = dict(zip(noisy["strategy"], noisy["mutual_cooperation"], strict=True))
    assert by["gtft"] > by["tft"] and by["grit"] > by["tft"]
    assert not sweep(NET, GRID, base=BASE, seed=8).equals(serial)


@pytest.mark.timeout(300)
def test_process_pool_gives_the_same_table(serial: pl.DataFrame) -> None:
    parallel = sweep(NET, GRID, base=BASE, seed=7, executor="process", workers=2)
    assert parallel.equals(serial)


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_dask_cluster_gives_the_same_table(serial: pl.DataFrame, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, host="127.0.0.1") as cluster:
        with distributed.Client(cluster) as client:
            table = sweep(NET, GRID, base=BASE, seed=7, executor="dask", client=client)
        # the CLI's --executor dask on the same cluster (one cluster start serves both)
        out = tmp_path / "dask.parquet"
        cli = CliRunner().invoke(app, [
            "simulate", "compare", "--strategies", "tft,gtft", "--noise", "0,0.1",
            "--n-states", "4", "--rounds", "10", "--replicates", "3", "--executor", "dask",
            "--scheduler", cluster.scheduler_address, "--out", str(out)])
    assert table.equals(serial)
    assert cli.exit_code == 0, cli.output
    local = sweep(Network.complete(4), {"strategies": ["tft", "gtft"], "noise": [0.0, 0.1]},
                  base=EscalationGame(rounds=10, replicates=3), seed=0)
    assert pl.read_parquet(out).equals(local)


def test_channels_and_trust_as_grid_axes() -> None:
    # what hotlines and regular dialogue buy: the same TFT population with stronger channels
    table = sweep(Network.complete(6), {"channel": [0.0, 1.0], "trust": [0.2, 0.9]},
                  base=EscalationGame(strategies="tft", noise=0.1, channel_damping=0.9,
                                      rounds=40, replicates=10), seed=3)
    assert table.columns[:3] == ["task", "channel", "trust"]
    mutual = {(r["channel"], r["trust"]): r["mutual_cooperation"]
              for r in table.iter_rows(named=True)}
    assert mutual[(1.0, 0.2)] > mutual[(0.0, 0.2)] and mutual[(1.0, 0.9)] > mutual[(0.0, 0.9)]
    todo = tasks(NET, {"channel": [0.5]}, base=BASE)
    assert todo[0].network.channel.tolist() == [0.5] * NET.n_dyads
    assert NET.channel.tolist() == [0.2] * NET.n_dyads  # the caller's network is unchanged
    assert "channel" not in todo[0].model.get_params()


def test_compare_strategies_covers_every_strategy_and_noise_level() -> None:
    table = compare_strategies(NET, noise=[0.0, 0.05], base=EscalationGame(rounds=10,
                                                                            replicates=2))
    assert table.height == 2 * len(ENGAGEMENT_STRATEGIES)
    assert set(table["strategy"]) == set(ENGAGEMENT_STRATEGIES)


@pytest.mark.parametrize(("grid", "kwargs", "message"), [
    ({}, {}, "grid: give at least one parameter"),
    ({"speed": [1]}, {}, "grid: 'speed' is not a parameter of EscalationGame or a network"),
    ({"channel": [1.5]}, {}, r"network.channel: values must lie in \[0, 1\]"),
    ({"noise": []}, {}, r"grid\['noise'\]: give a non-empty list"),
    ({"noise": "0.1"}, {}, r"grid\['noise'\]: give a non-empty list"),
    ({"noise": [0.1]}, {"seed": -1}, "seed: must be a non-negative integer"),
    ({"noise": [0.1]}, {"executor": "ray"}, "executor: must be 'serial', 'process' or 'dask'"),
    ({"noise": [0.1]}, {"executor": "dask"}, "client: executor='dask' needs"),
])
def test_bad_sweeps(grid: dict, kwargs: dict, message: str) -> None:
    with pytest.raises(ModelInputError, match=message):
        sweep(NET, grid, base=BASE, **kwargs)


def test_report_plots_outcomes_against_noise(serial: pl.DataFrame, tmp_path: Path) -> None:
    fig = noise_figure(serial)
    names = {trace.name for trace in fig.data}
    assert names == {"tft", "gtft", "grit"}
    assert len(fig.data) == 3 * 6  # one line per strategy in each of six panels
    tft = next(t for t in fig.data if t.name == "tft")
    assert list(tft.x) == [0.0, 0.1]
    assert tft.error_y.array is not None  # cooperation rate carries its standard error
    path = write_report(serial, tmp_path / "report.html", notes={"network": "6 states"})
    text = path.read_text()
    assert "plotly" in text.lower() and "6 states" in text and "gtft" in text
    assert "cdn.plot.ly" not in text.split("<script", 2)[1][:200]  # plotly.js is embedded
    with pytest.raises(ModelInputError, match="write the report as .html"):
        write_report(serial, tmp_path / "report.pdf")
    with pytest.raises(ModelInputError, match=r"missing column\(s\) \['noise'\]"):
        noise_figure(serial.drop("noise"))
