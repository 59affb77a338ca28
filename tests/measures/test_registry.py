"""Measures on real data: ranking, scoping to a region, similarity and democracy verbs."""

from __future__ import annotations

import json

import polars as pl
import pytest
from typer.testing import CliRunner

from detente._errors import ActorError, DetenteError, UnitError
from detente.actors import states_in_region
from detente.interfaces.cli import app
from detente.measures import MEASURES, add_similarity, measure_table
from detente.panels import add_democracy, create_dyad_years, create_state_years
from detente.store import Store


def test_cinc_ranking_2010(store: Store) -> None:
    top = measure_table(store, "cinc", (2010, 2010), top=3).to_pylist()
    assert [r["iso3"] for r in top] == ["CHN", "USA", "IND"]
    assert [r["rank"] for r in top] == [1, 2, 3]
    published = store.rows("SELECT cinc FROM cow_nmc WHERE ccode = 710 AND year = 2010")[0][0]
    assert top[0]["value"] == pytest.approx(published, abs=1e-6)


def test_region_scope_renormalises_shares(store: Store) -> None:
    east_asia = states_in_region(store, "East Asia & Pacific", year=2010)
    assert {710, 740, 732, 731, 900} <= set(east_asia) and 2 not in east_asia
    ranked = pl.from_arrow(measure_table(store, "milex_share", (2010, 2010), within=east_asia))
    assert ranked["value"].sum() == pytest.approx(1.0)
    assert ranked["iso3"][0] == "CHN"
    with pytest.raises(ActorError, match="known regions: .*Africa"):
        states_in_region(store, "Atlantis")
    with pytest.raises(DetenteError, match="known measures: .*cinc"):
        measure_table(store, "sof_power", (2010, 2010))
    assert {"cinc", "milex_share", "milper_share"} <= set(MEASURES)


def test_add_similarity_on_real_dyads(store: Store) -> None:
    panel = create_dyad_years(store, years=(2017, 2019), extend_to=2019).pipe(add_similarity)
    frame = panel.to_polars()
    mirrored = frame.select(pl.col("ccode2").alias("ccode1"), pl.col("ccode1").alias("ccode2"),
                            "year", pl.col("atop_kappa").alias("k"))
    joined = frame.join(mirrored, on=["ccode1", "ccode2", "year"])
    assert joined.filter(pl.col("atop_kappa").ne_missing(pl.col("k"))).height == 0
    # ATOP ends in 2018: similarity is null in 2019, never 0.
    assert frame.filter(pl.col("year") == 2019)["atop_s_abs"].null_count() == \
        frame.filter(pl.col("year") == 2019).height
    assert frame.filter(pl.col("year") == 2018)["atop_s_abs"].null_count() == 0
    assert frame["atop_s_abs"].drop_nulls().is_between(-1, 1).all()
    nato = frame.filter((pl.col("ccode1") == 2) & (pl.col("ccode2") == 200) & (pl.col("year") == 2018))
    rival = frame.filter((pl.col("ccode1") == 2) & (pl.col("ccode2") == 365) & (pl.col("year") == 2018))
    assert nato["atop_kappa"][0] > rival["atop_kappa"][0]
    assert panel.data_versions()["atop"] == "5.1"
    with pytest.raises(UnitError, match="create_dyad_years"):
        create_state_years(store).pipe(add_similarity)


def test_add_democracy(store: Store) -> None:
    frame = create_state_years(store, years=(2010, 2010)).pipe(add_democracy).to_polars()
    norway = frame.filter(pl.col("ccode") == 385).row(0, named=True)
    north_korea = frame.filter(pl.col("ccode") == 731).row(0, named=True)
    assert norway["v2x_polyarchy"] > 0.85 > 0.1 > north_korea["v2x_polyarchy"]
    assert norway["polity2"] == 10 and north_korea["polity2"] == -10


def test_measure_cli(store_path: object) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["measure", "rank", "cinc", "--year", "2010", "--top", "3",
                                 "--region", "South Asia", "--json", "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["rows"][0]["iso3"] == "IND" and report["data_versions"] == {"cow_nmc": "7.0"}
    assert sum(r["value"] for r in report["rows"]) <= 1.0
    short = runner.invoke(app, ["measure", "cinc", "--year", "2010", "--top", "3", "--region",
                                "South Asia", "--json", "--store", str(store_path)])
    assert short.exit_code == 0 and json.loads(short.output) == report
    unknown = runner.invoke(app, ["measure", "cinx", "--year", "2010"])
    assert unknown.exit_code != 0 and "cinx" in unknown.output


def test_precompute_remembers_every_covered_year(store: Store,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from detente.measures import Measure, get_measure, measure_coverage, precompute
    from detente.measures._memo import forget

    forget()
    assert precompute(store, ["defence_centrality"]) == ["defence_centrality"]
    calls: list[tuple[int, int]] = []
    original = Measure.values

    def counted(self: Measure, *args: object, **kwargs: object) -> object:
        calls.append(args[1])  # type: ignore[arg-type]
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Measure, "values", counted)
    first, last = measure_coverage(store, get_measure("defence_centrality"))
    table = measure_table(store, "defence_centrality", (first, last), states=[2])
    assert calls == [] and table.num_rows > 0  # every year was remembered
    forget()
    measure_table(store, "defence_centrality", (2000, 2000), states=[2])
    assert calls == [(2000, 2000)]  # and the counter does count
