"""``detente simulate``: ladder, strategies, run and compare, in-process."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from detente.interfaces.cli import app
from detente.interfaces.cli._simulate import split_specs

runner = CliRunner()


def test_ladder_and_strategies() -> None:
    ladder = runner.invoke(app, ["simulate", "ladder"])
    assert ladder.exit_code == 0 and "posturing" in ladder.output and "28" in ladder.output
    listed = runner.invoke(app, ["simulate", "strategies"])
    assert listed.exit_code == 0 and "hardliner" in listed.output and "Osgood" in listed.output


def test_split_specs_keeps_parameters_together() -> None:
    assert split_specs("tft, gtft(generosity=0.2),deterrent(threshold=5, baseline=0)") == [
        "tft", "gtft(generosity=0.2)", "deterrent(threshold=5, baseline=0)"]


def test_run_on_a_made_up_network(tmp_path: Path) -> None:
    out = tmp_path / "run"
    result = runner.invoke(app, ["simulate", "run", "--strategies", "tft,gtft(generosity=0.3)",
                                 "--n-states", "6", "--rounds", "20", "--replicates", "5",
                                 "--channel", "0.5", "--engagement", "dialogue",
                                 "--reputation", "0.3",
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "gtft(" in result.output  # the console is narrow here: labels are cut
    meta = json.loads((out / "result.json").read_text())
    assert meta["params"]["engagement"] == "dialogue" and meta["seed"] == 0
    assert meta["params"]["reputation"] == 0.3
    assert pl.read_parquet(out / "table.parquet")["strategy"].to_list() == [
        "tft", "gtft(generosity=0.3)"]


def test_bad_input_is_a_one_line_error() -> None:
    result = runner.invoke(app, ["simulate", "run", "--strategies", "nice", "--n-states", "3"])
    assert result.exit_code == 1 and "unknown strategy 'nice'" in result.output
    result = runner.invoke(app, ["simulate", "run", "--noise", "2", "--n-states", "3"])
    assert result.exit_code == 1 and "noise: must be a number in [0, 1]" in result.output
    result = runner.invoke(app, ["simulate", "compare", "--noise", "a,b"])
    assert result.exit_code == 2 and "comma-separated numbers" in result.output


def test_compare_writes_table_and_report(tmp_path: Path) -> None:
    table, report = tmp_path / "sweep.csv", tmp_path / "sweep.html"
    result = runner.invoke(app, ["simulate", "compare", "--strategies", "tft,gtft,grit",
                                 "--noise", "0,0.1", "--n-states", "5", "--rounds", "20",
                                 "--replicates", "4", "--out", str(table),
                                 "--report", str(report)])
    assert result.exit_code == 0, result.output
    frame = pl.read_csv(table)
    assert frame.height == 6 and set(frame["strategy"]) == {"tft", "gtft", "grit"}
    assert "Outcomes against misperception noise" in report.read_text()


def test_compare_channels(tmp_path: Path) -> None:
    report = tmp_path / "channels.html"
    result = runner.invoke(app, ["simulate", "compare", "--strategies", "tft,gtft",
                                 "--noise", "0.1", "--channels", "0,1", "--n-states", "4",
                                 "--rounds", "20", "--replicates", "4", "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "Outcomes against channel" in report.read_text()
    both = runner.invoke(app, ["simulate", "compare", "--noise", "0,0.1", "--channels", "0,1",
                               "--report", str(report)])
    assert both.exit_code == 2 and "plots one axis" in both.output


@pytest.mark.mirror
def test_run_on_the_calibrated_network(store_path: Path) -> None:
    result = runner.invoke(app, ["simulate", "run", "--year", "2010", "--states",
                                 "USA,CHN,JPN,RUS", "--strategies", "USA=grit,*=tft",
                                 "--rounds", "20", "--replicates", "5",
                                 "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    assert "4 states, 6 dyads" in result.output and "proxy: ATOP 5.1" in result.output
