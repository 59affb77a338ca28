"""``detente bargain run|whatif|sensitivity`` against the session store (real data)."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from detente.interfaces.cli import app

runner = CliRunner()


def test_run_the_ec_example(store_path: Path, tmp_path: Path) -> None:
    out, plot = tmp_path / "run", tmp_path / "run.html"
    result = runner.invoke(app, ["bargain", "run", "--example", "--rounds", "8", "--out",
                                 str(out), "--plot", str(plot), "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    assert "forecasts by round" in result.output and "data: bdm_eu_emissions 1994" in result.output
    assert "median 8.602" in result.output
    positions = pl.read_parquet(out / "table.parquet")
    assert positions.height == 10 * 9
    assert pl.read_parquet(out / "forecasts.parquet")["median"][0] == 7.0
    assert json.loads((out / "result.json").read_text())["params"]["max_rounds"] == 8
    assert plot.exists() and plot.stat().st_size > 100_000


def test_run_a_file_with_capability_from_cinc(store_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "actors.csv"
    path.write_text("name,position,salience\nUSA,8,90\nCHN,2,80\nRUS,3,60\nFRA,7,50\n")
    result = runner.invoke(app, ["bargain", "run", str(path), "--year", "2012", "--rounds", "5",
                                 "--json", "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["data_versions"] == {"cow_nmc": "7.0"}
    assert report["forecasts"][0]["round"] == 0 and report["summary"]["actors"] == 4


def test_whatif_side_by_side(store_path: Path) -> None:
    result = runner.invoke(app, ["bargain", "whatif", "--example", "--capability", "UK=*2",
                                 "--coalition", "France+Italy", "--rounds", "20", "--json",
                                 "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["comparison"]
    assert [r["scenario"] for r in rows] == ["baseline", "what-if"]
    assert rows[1]["changes"] == "capability UKx2; coalition France+Italy"
    assert rows[1]["actors"] == 9


def test_sensitivity_with_pivotal_actors(store_path: Path) -> None:
    result = runner.invoke(app, ["bargain", "sensitivity", "--example", "--draws", "5",
                                 "--seed", "3", "--rounds", "15", "--json", "--store",
                                 str(store_path)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["seed"] == 3 and report["params"]["draws"] == 5
    assert len(report["pivotal"]) == 10 and report["pivotal"][0]["rank"] == 1
    assert report["quantiles"][2]["forecast"] == "median_final"


def test_bad_input_exits_with_the_cell(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("actor,capability,position,salience\nA,1,2,300\nB,1,5,50\n")
    result = runner.invoke(app, ["bargain", "run", str(path)])
    assert result.exit_code == 1
    assert "row 2, column 'salience': is outside [0, 100]" in " ".join(result.output.split())
    path.write_text("actor,capability,position,salience\nA,1,2,30\nB,1,5,50\n")
    bad_change = runner.invoke(app, ["bargain", "whatif", str(path), "--salience", "A"])
    assert bad_change.exit_code == 2 and "ACTOR=VALUE" in bad_change.output
