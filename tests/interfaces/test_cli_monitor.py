"""``detente monitor`` and ``detente plan`` run in-process against a copy of the real store."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from detente.interfaces.cli import app

runner = CliRunner()
ROOT = Path(__file__).parents[2]


def test_ingest_run_alerts_series_and_plan(store_path: Path, mirror: Path, tmp_path: Path) -> None:
    db = tmp_path / "cli.duckdb"
    shutil.copy(store_path, db)
    tab = mirror / "icews" / "events.2018.sample.tab"
    first = runner.invoke(app, ["monitor", "ingest", str(tab), "--store", str(db)])
    assert first.exit_code == 0, first.output
    assert "ingested" in first.output and "2,734" in first.output
    assert "codes mapped to no state" in first.output
    again = runner.invoke(app, ["monitor", "ingest", str(tab), "--store", str(db)])
    assert "unchanged" in again.output
    watch = str(ROOT / "examples" / "watchlist.toml")
    ran = runner.invoke(app, ["monitor", "run", watch, "--store", str(db)])
    assert ran.exit_code == 0, ran.output
    assert "ALERT USA <-> CHN 2018-06-02: conflict 10 >= threshold 5" in ran.output
    rerun = runner.invoke(app, ["monitor", "run", watch, "--store", str(db)])
    assert "no new alerts" in rerun.output
    history = runner.invoke(app, ["monitor", "alerts", "--store", str(db)])
    assert history.exit_code == 0 and "us-china" in history.output
    out = tmp_path / "usa_chn.csv"
    series = runner.invoke(app, ["monitor", "series", "USA", "CHN", "--freq", "day", "--both",
                                 "--out", str(out), "--store", str(db)])
    assert series.exit_code == 0 and out.read_text().count("\n") == 3  # header + 2 days
    plan = runner.invoke(app, ["plan", "evaluate", str(ROOT / "examples" / "plan.toml"),
                               "--json", "--store", str(db)])
    assert plan.exit_code == 0, plan.output
    report = json.loads(plan.output)
    assert {o["objective"]: o["status"] for o in report["objectives"]}["bgd-vnm-cooperation"] \
        == "met"
    status = runner.invoke(app, ["monitor", "status", "--store", str(db)])
    assert status.exit_code == 0 and "icews" in status.output


def test_bad_file_exits_with_file_and_line(store_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "cli.duckdb"
    shutil.copy(store_path, db)
    bad = tmp_path / "bad.tab"  # MADE-UP ICEWS file whose second event has an impossible date
    header = ("Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\t"
              "CAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\t"
              "Sentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude")
    row = "1\t2018-06-01\tA\t\tIndia\tConsult\t040\t1\tB\t\tPakistan\t1\t1\tX\t\t\t\tIndia\t\t"
    bad.write_text("\n".join([header, row, row.replace("1\t2018-06-01", "2\t2018-02-30", 1)]) + "\n")
    result = runner.invoke(app, ["monitor", "ingest", str(bad), "--store", str(db)])
    assert result.exit_code == 1
    flat = " ".join(result.output.split())  # Rich wraps long lines
    assert "bad.tab, row 3, column 'Event Date': is not a valid date" in flat
    assert "(value '2018-02-30')" in flat and "nothing was written" in flat
