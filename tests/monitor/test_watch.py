"""Watchlists on the real ICEWS samples: new alerts printed once, history kept in the store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from detente._errors import ImportRejected
from detente.monitor import alert_history, read_watchlist, run_watchlist, temperature
from detente.monitor._watch import watchlist_from_dict
from detente.store import Store

EXAMPLE = Path(__file__).parents[2] / "examples" / "watchlist.toml"


@pytest.fixture
def icews_copy(icews_store: Store, tmp_path: Path) -> Store:
    copy = tmp_path / "watch.duckdb"
    shutil.copy(icews_store.path, copy)
    return Store(copy)


def test_example_watchlist_raises_alerts_once(icews_copy: Store) -> None:
    first = run_watchlist(icews_copy, EXAMPLE)
    conflict = temperature(icews_copy, "USA", "CHN", freq="day", directed=False)["conflict"]
    hot = [str(p) for p, c in zip(
        temperature(icews_copy, "USA", "CHN", freq="day", directed=False)["period"].to_pylist(),
        conflict.to_pylist(), strict=True) if c >= 5]
    us_china = [r for r in first.new.to_pylist()
                if r["watch"] == "us-china" and r["detector"] == "threshold"]
    assert [str(r["period"]) for r in us_china] == hot == ["2018-06-02", "2018-06-03"]
    assert us_china[0]["message"] == "USA <-> CHN 2018-06-02: conflict 10 >= threshold 5"
    again = run_watchlist(icews_copy, EXAMPLE)
    assert again.new.num_rows == 0 and again.alerts.num_rows == first.new.num_rows
    history = alert_history(icews_copy)
    assert history.num_rows == first.new.num_rows
    assert alert_history(icews_copy, watch="us-china").num_rows == len(
        [r for r in first.new.to_pylist() if r["watch"] == "us-china"])
    icews_copy.close()


def test_lower_is_worse_metrics_alert_on_drops(icews_store: Store) -> None:
    watch = watchlist_from_dict({"watch": [{
        "name": "drop", "side1": "USA", "side2": "CHN", "directed": False, "freq": "day",
        "metric": "net_cooperation", "detectors": ["threshold"], "threshold": 0.3}]})
    run = run_watchlist(icews_store, watch, record=False)
    series = temperature(icews_store, "USA", "CHN", freq="day", directed=False)
    low = [str(p) for p, v in zip(series["period"].to_pylist(),
                                   series["net_cooperation"].to_pylist(), strict=True) if v <= 0.3]
    assert [str(p) for p in run.new["period"].to_pylist()] == low
    assert all("<= threshold 0.3" in m for m in run.new["message"].to_pylist())


def test_bad_watchlists_name_the_entry_and_key(tmp_path: Path) -> None:
    with pytest.raises(ImportRejected) as err:
        watchlist_from_dict({"watch": [
            {"name": "a", "side1": "USA", "side2": "CHN", "metric": "heat", "colour": "red"},
            {"name": "a", "side2": "CHN", "detectors": ["threshold"]}]}, source="w.toml")
    text = str(err.value)
    assert "w.toml, row 1, column 'metric': must be one of" in text
    assert "w.toml, row 1, column 'colour': is not a watchlist key" in text
    assert "w.toml, row 2, column 'side1': is missing" in text
    assert "row 2, column 'threshold': is needed by the threshold detector" in text
    assert "row 2, column 'name': repeats another entry's name" in text
    broken = tmp_path / "broken.toml"
    broken.write_text("[[watch]\nname = ")
    with pytest.raises(ImportRejected, match="cannot be read"):
        read_watchlist(broken)
