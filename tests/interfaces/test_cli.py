"""The command line, run in-process with Typer's runner against real stores."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from detente.interfaces.cli import app

runner = CliRunner()


def test_data_list_and_cite() -> None:
    listed = runner.invoke(app, ["data", "list"])
    assert listed.exit_code == 0 and "atop" in listed.output and "5.1" in listed.output
    cited = runner.invoke(app, ["data", "cite", "cow_nmc"])
    assert cited.exit_code == 0
    assert cited.output.startswith("@incollection{singeretal1972cdu,")
    assert "  title = {Capability Distribution" in cited.output


def test_unknown_source_exits_with_a_message() -> None:
    result = runner.invoke(app, ["data", "cite", "nope"])
    assert result.exit_code == 1 and "unknown source 'nope'" in result.output


def test_pull_then_status(tmp_path: Path, mirror: Path) -> None:
    store = tmp_path / "cli.duckdb"
    pulled = runner.invoke(app, ["data", "pull", "cow_states", "cow_majors", "--store", str(store)])
    assert pulled.exit_code == 0, pulled.output
    assert "loaded" in pulled.output and "1816-2016" in pulled.output
    again = runner.invoke(app, ["data", "pull", "cow_majors", "--store", str(store)])
    assert "unchanged" in again.output
    status = runner.invoke(app, ["data", "status", "--store", str(store), "--json"])
    assert status.exit_code == 0
    report = json.loads(status.output)
    tables = {t["table_name"]: t for t in report["tables"]}
    assert tables["cow_major_spells"]["rows"] == 14
    assert tables["cow_system"]["coverage_start"] == 1816
    assert "atop" in report["not_loaded"]
    human = runner.invoke(app, ["data", "status", "--store", str(store)])
    assert human.exit_code == 0 and "not loaded:" in human.output


def test_panel_dyad_years_to_parquet(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "dyads.parquet"
    result = runner.invoke(app, [
        "panel", "dyad-years", "--from", "2000", "--to", "2001", "--directed",
        "--add", "alliances,capabilities,disputes", "--out", str(out), "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    frame = pl.read_parquet(out)
    assert frame.columns[:3] == ["ccode1", "ccode2", "year"]
    assert {"atop_defense", "cinc1", "cinc2", "gml_midonset"} <= set(frame.columns)
    assert f"wrote {frame.height:,} rows" in result.output
    assert "atop 5.1" in result.output


def test_panel_state_years_preview_and_bad_verb(store_path: Path) -> None:
    result = runner.invoke(app, ["panel", "state-years", "--from", "2000", "--to", "2000",
                                 "--add", "capabilities", "--store", str(store_path)],
                           terminal_width=200)
    assert result.exit_code == 0 and "cinc" in result.output
    bad = runner.invoke(app, ["panel", "state-years", "--add", "weather", "--store",
                              str(store_path)])
    assert bad.exit_code != 0 and "unknown verb 'weather'" in bad.output
