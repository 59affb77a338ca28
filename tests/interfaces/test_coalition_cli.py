"""``detente coalition``: landscape, inputs export and feed-back, balance, partners."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from detente.interfaces.cli import app

runner = CliRunner(env={"COLUMNS": "250"})   # Rich wraps at the terminal's width


def _run(*args: str) -> str:
    result = runner.invoke(app, ["coalition", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_components_lists_every_component() -> None:
    out = _run("components")
    assert "alliances" in out and "contiguity" in out
    assert "un_voting" in out and "tie_strength" in out


def test_landscape_on_the_syria_inputs(store_path: Path, tmp_path: Path) -> None:
    out = _run("landscape", "--furnas", "standard", "--store", str(store_path),
               "--out", str(tmp_path / "syria"))
    assert "exhaustive search over all 1,024 configurations: 1 local minima" in out
    assert "-83200" in out and "Turkey, ISIS, Nursa" in out
    assert "landscape_furnas 2016-02-20" in out
    meta = json.loads((tmp_path / "syria" / "result.json").read_text())
    assert meta["summary"]["lowest_energy"] == -83200
    assert pl.read_parquet(tmp_path / "syria" / "actors.parquet").height == 11


def test_export_edit_and_feed_back(store_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    out = _run("inputs", "--year", "2000", "--states", "USA,RUS,CHN,UKG,FRN,IND,PAK",
               "--out", str(path), "--store", str(store_path))
    assert "wrote 7 actors" in out and "gml_mid 2.2.1" in out
    text = path.read_text().splitlines()
    assert text[0] == "actor,size,ccode,USA,RUS,CHN,UKG,FRN,IND,PAK"
    # a planner edits the file: the United States and China become close partners
    rows = [line.split(",") for line in text]
    rows[1][5] = rows[3][3] = "3.0"
    path.write_text("\n".join(",".join(r) for r in rows) + "\n")
    fed = _run("landscape", "--inputs", str(path), "--seed", "1")
    assert "7 actors, exhaustive search over all 64 configurations" in fed
    bad = runner.invoke(app, ["coalition", "landscape", "--inputs", str(path), "--furnas",
                              "standard"])
    assert bad.exit_code != 0 and "exactly one of" in bad.output


def test_uncovered_year_explains_itself(store_path: Path) -> None:
    result = runner.invoke(app, ["coalition", "landscape", "--year", "2015", "--states",
                                 "USA,RUS", "--store", str(store_path)])
    assert result.exit_code == 1 and "does not cover 2015" in result.output
    ok = _run("landscape", "--year", "2015", "--states", "USA,RUS,CHN", "--skip-uncovered",
              "--store", str(store_path))
    assert "3 actors" in ok


def test_balance_by_year(store_path: Path, tmp_path: Path) -> None:
    out = _run("balance", "--from", "1960", "--to", "1961", "--store", str(store_path),
               "--out", str(tmp_path / "balance"))
    assert "structural balance" in out and "1960" in out and "1961" in out
    table = pl.read_parquet(tmp_path / "balance" / "table.parquet")
    assert table["year"].to_list() == [1960, 1961] and table["optimal"].all()
    assert table["change"][1] == table["frustration"][1] - table["frustration"][0]


def test_partners_with_whatif(store_path: Path, tmp_path: Path) -> None:
    out = _run("partners", "--year", "2000", "--lead", "USA", "--members", "UKG,FRN",
               "--rival", "RUS", "--region", "europe", "--add", "POL", "--top", "5",
               "--out", str(tmp_path / "ranked.csv"), "--store", str(store_path))
    assert "goal: balance against RUS" in out and "what-if" in out and "+POL" in out
    ranked = pl.read_csv(tmp_path / "ranked.csv")
    assert ranked["rank"][0] == 1 and "RUS" not in ranked["actor"].to_list()
