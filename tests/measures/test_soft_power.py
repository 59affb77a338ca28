"""The soft-power composite on real data, and user-entered indicators flowing into it."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from detente.interfaces.cli import app
from detente.measures import add_soft_power, measure_table, soft_power
from detente.measures._soft_power import INDICATORS, default_weights
from detente.panels import create_state_years
from detente.store import Store


def test_indicators_match_their_sources(store: Store) -> None:
    values = pl.from_arrow(INDICATORS["pko_personnel"].compute(store, (2015, 2015), None))
    raw = store.rows("SELECT sum(magnitude) FROM all_engagements WHERE instrument = "
                     "'peacekeeping' AND ccode1 = 771 AND year = 2015")[0][0]
    assert values.filter(pl.col("ccode") == 771)["value"][0] == pytest.approx(raw)
    # Inside coverage a state with no contribution scores 0, not missing.
    assert values.filter(pl.col("ccode") == 2)["value"].null_count() == 0
    igo = pl.from_arrow(INDICATORS["igo_memberships"].compute(store, (2016, 2016), None))
    assert igo["value"].null_count() == igo.height  # COW IGO ends in 2014: missing, never 0


def test_composite_reports_missing_cells_and_intervals(store: Store) -> None:
    result = soft_power(store, years=2010, draws=200, seed=3)
    statuses = dict(result.cells.group_by("indicator").agg(pl.col("status").unique())
                    .iter_rows())
    assert statuses["attache_partners"] == ["missing"]  # no user entries
    overall = result.overall
    assert overall["score"].drop_nulls().is_between(0, 100).all()
    assert overall["coverage"].max() < 1  # the user-entered indicators are absent
    assert (overall["rank_p05"] <= overall["rank_p95"]).all()
    again = soft_power(store, years=2010, draws=200, seed=3)
    assert overall.equals(again.overall)
    # The power gap is an OLS residual on log CINC: it averages zero.
    assert overall["power_gap"].drop_nulls().mean() == pytest.approx(0, abs=1e-9)


def test_weights_change_the_ranking(store: Store, tmp_path: Path) -> None:
    base = default_weights().to_dict()
    base["pillars"] = {p: (1.0 if p == "defence_attraction" else 0.0) for p in base["pillars"]}
    path = tmp_path / "w.json"
    path.write_text(json.dumps(base))
    result = pl.from_arrow(measure_table(store, "soft_power", (2005, 2005), top=3, weights=path))
    assert result["iso3"][0] == "USA"  # most exercise partners, arms clients and allies
    plain = pl.from_arrow(measure_table(store, "soft_power", (2005, 2005), top=3))
    assert plain["iso3"].to_list() != result["iso3"].to_list()


def test_verb_and_cli(store: Store, store_path: Path) -> None:
    frame = create_state_years(store, years=(2010, 2010)).pipe(add_soft_power).to_polars()
    assert {"soft_power", "soft_power_rank_p05", "soft_power_pillar_peacekeeping"} <= set(frame.columns)
    result = CliRunner().invoke(app, ["measure", "rank", "soft_power", "--year", "2010", "--top",
                                      "5", "--json", "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert len(report["rows"]) == 5 and report["data_versions"]["un_pko"]


def test_user_entered_attaches_enter_the_index(tmp_path: Path, mirror: Path) -> None:
    from detente.engagements import import_engagements
    from detente.store import pull

    made_up = tmp_path / "attaches.csv"  # made up: India posts attachés to three states
    made_up.write_text("instrument,actor1,actor2,year\nattache,IND,FRA,2010\n"
                       "attache,IND,JPN,2010\nattache,IND,USA,2010\nattache,FRA,IND,2010\n")
    with Store(tmp_path / "s.duckdb") as db:
        pull(db, ["cow_states", "countrycode"])
        before = pl.from_arrow(INDICATORS["attache_partners"].compute(db, (2010, 2010), None))
        assert before["value"].null_count() == before.height
        assert import_engagements(db, made_up) == 4
        after = pl.from_arrow(INDICATORS["attache_partners"].compute(db, (2010, 2010), None))
    values = dict(after.drop_nulls("value").select("ccode", "value").iter_rows())
    # Silence in partial user records is missing, not zero: only the two states entered count.
    assert values == {750: 3.0, 220: 1.0}
