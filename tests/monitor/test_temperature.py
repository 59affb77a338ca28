"""Dyadic temperature on the real ICEWS samples, checked against polars over the events table."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from detente._errors import ActorError
from detente.monitor import covered_periods, dyad_temperature, temperature
from detente.store import Store


def _events(store: Store) -> pl.DataFrame:
    frame = pl.from_arrow(store.arrow(
        "SELECT date, source_ccode, target_ccode, quad_class, goldstein FROM events "
        "WHERE source_ccode IS NOT NULL AND target_ccode IS NOT NULL "
        "AND source_ccode <> target_ccode"))
    assert isinstance(frame, pl.DataFrame)
    return frame


def test_directed_daily_series_matches_polars(icews_store: Store) -> None:
    series = pl.from_arrow(temperature(icews_store, "USA", "CHN", freq="day"))
    ev = _events(icews_store).filter((pl.col("source_ccode") == 2) & (pl.col("target_ccode") == 710))
    expect = ev.group_by("date").agg(
        pl.len().alias("events"), (pl.col("quad_class") >= 3).sum().alias("conflict"),
        pl.col("goldstein").sum().alias("gt"), pl.col("goldstein").mean().alias("gm"),
    ).sort("date")
    assert series["period"].to_list() == expect["date"].to_list()
    assert series["events"].to_list() == expect["events"].to_list()
    assert series["conflict"].to_list() == expect["conflict"].to_list() == [2, 9, 5]
    assert series["goldstein_total"].to_list() == pytest.approx(expect["gt"].to_list())
    assert series["goldstein_mean"].to_list() == pytest.approx(expect["gm"].to_list())
    net = (series["cooperation"] - series["conflict"]) / series["events"]
    assert series["net_cooperation"].to_list() == pytest.approx(net.to_list())
    assert set(series["side1"]) == {"USA"} and set(series["side2"]) == {"CHN"}


def test_both_directions_and_groups_pool_member_dyads(icews_store: Store) -> None:
    one = temperature(icews_store, "USA", "CHN", freq="day")["events"].to_pylist()
    back = temperature(icews_store, "CHN", "USA", freq="day")["events"].to_pylist()
    both = temperature(icews_store, "USA", "CHN", freq="day", directed=False)
    assert both["events"].to_pylist() == [a + b for a, b in zip(one, back, strict=True)]
    quad = ["USA", "JPN", "IND", "AUS"]
    pooled = temperature(icews_store, quad, "CHN", freq="day", label1="Quad")
    parts = [temperature(icews_store, s, "CHN", freq="day")["events"].to_pylist() for s in quad]
    assert pooled["events"].to_pylist() == [sum(x) for x in zip(*parts, strict=True)]
    assert pooled["side1"][0].as_py() == "Quad"


def test_quiet_covered_periods_are_zero_not_missing(icews_store: Store) -> None:
    series = temperature(icews_store, "BGD", "VNM", freq="day", directed=False)
    assert [str(d) for d in series["period"].to_pylist()] == ["2018-06-01", "2018-06-02",
                                                              "2018-06-03"]
    assert series["events"].to_pylist()[1:] == [0, 0]
    assert series["net_cooperation"].to_pylist()[1:] == [None, None]
    monthly = covered_periods(icews_store, "month")
    assert [str(d) for d in monthly["period"].to_pylist()] == ["2018-06-01"]


def test_weeks_start_on_monday_and_windows_clip(icews_store: Store) -> None:
    weeks = temperature(icews_store, "USA", "CHN", freq="week", directed=False)
    # 1-2 June 2018 (Fri, Sat) fall in the ISO week of Monday 28 May; Sunday 3 June too.
    assert [str(d) for d in weeks["period"].to_pylist()] == ["2018-05-28"]
    clipped = temperature(icews_store, "USA", "CHN", freq="day", start=date(2018, 6, 2),
                          end=date(2018, 6, 2))
    assert clipped.num_rows == 1 and clipped["conflict"][0].as_py() == 9


def test_all_dyads_sum_to_the_event_count(icews_store: Store) -> None:
    table = pl.from_arrow(dyad_temperature(store=icews_store, freq="month", directed=False))
    assert table["events"].sum() == _events(icews_store).height
    assert (table["ccode1"] < table["ccode2"]).all()


def test_sides_must_not_overlap(icews_store: Store) -> None:
    with pytest.raises(ActorError, match="share states"):
        temperature(icews_store, ["USA", "CHN"], "CHN")


def test_military_filters_keep_defence_to_defence_events(icews_store: Store) -> None:
    # The Shangri-La Dialogue, 1-3 June 2018: Singapore's and the US defence ministers meet.
    counts = {m: sum(temperature(icews_store, "USA", "SGP", freq="day", directed=False,
                                 military=m)["events"].to_pylist())
              for m in ("any", "either", "both")}
    both = icews_store.rows(
        "SELECT count(*) FROM events WHERE source_military AND target_military AND "
        "((source_ccode = 2 AND target_ccode = 830) OR (source_ccode = 830 AND target_ccode = 2))")
    assert counts["both"] == both[0][0] > 0
    assert counts["any"] >= counts["either"] >= counts["both"]
    with pytest.raises(ValueError, match="military must be one of"):
        temperature(icews_store, "USA", "SGP", military="navy")  # type: ignore[arg-type]
