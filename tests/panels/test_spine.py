"""The spine's verbs on real data: known facts, coverage, symmetry, CINC, formats."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq
import pytest

from detente.measures import cinc
from detente.panels import (
    add_alliances,
    add_capabilities,
    add_disputes,
    add_major_powers,
    create_dyad_years,
    create_state_years,
)
from detente.store import Store


def row(frame: pl.DataFrame, a: int, b: int, year: int) -> dict[str, object]:
    hit = frame.filter((pl.col("ccode1") == a) & (pl.col("ccode2") == b) & (pl.col("year") == year))
    assert hit.height == 1
    return hit.row(0, named=True)


@pytest.fixture(scope="module")
def dyads(store: Store) -> pl.DataFrame:
    panel = (create_dyad_years(store, years=(1946, 2020), extend_to=2020)
             .pipe(add_alliances, ["atop", "cow"]).pipe(add_capabilities).pipe(add_disputes)
             .pipe(add_major_powers))
    return panel.to_polars()


def test_usa_uk_defence_pledge_in_1950(dyads: pl.DataFrame) -> None:
    for a, b in ((2, 200), (200, 2)):
        r = row(dyads, a, b, 1950)
        assert r["atop_defense"] == 1 and r["atop_anypledge"] == 1 and r["cow_defense"] == 1


def test_columns_are_null_outside_coverage_never_zero(dyads: pl.DataFrame) -> None:
    r2018, r2019 = row(dyads, 2, 200, 2018), row(dyads, 2, 200, 2019)
    assert r2018["atop_defense"] == 1 and r2019["atop_defense"] is None
    assert row(dyads, 2, 200, 2012)["cow_defense"] == 1
    assert row(dyads, 2, 200, 2013)["cow_defense"] is None
    assert row(dyads, 2, 200, 2010)["gml_midonset"] == 0
    assert row(dyads, 2, 200, 2011)["gml_midonset"] is None
    assert row(dyads, 2, 200, 2016)["cowmaj1"] == 1 and row(dyads, 2, 200, 2017)["cowmaj1"] is None
    # NMC v7.0 runs to 2022, so capabilities continue in extended years.
    assert row(dyads, 2, 200, 2020)["cinc1"] is not None
    late = dyads.filter(pl.col("year") > 2018)
    assert late["atop_anypledge"].null_count() == late.height


def test_known_dispute_dyad(dyads: pl.DataFrame) -> None:
    # The United States and North Korea (731): the 1950 dispute (the Korean War MID).
    r = row(dyads, 2, 731, 1950)
    assert r["gml_midongoing"] == 1 and r["gml_hostlev"] == 5
    assert row(dyads, 731, 2, 1950)["gml_dispnum"] == r["gml_dispnum"]


def test_symmetric_concepts_are_symmetric(dyads: pl.DataFrame) -> None:
    symmetric = ["atop_anypledge", "cow_anypledge", "cow_defense", "cow_neutral", "cow_nonagg", "cow_entente", "gml_midonset",
                 "gml_midongoing", "gml_hostlev", "gml_dispnum"]
    mirrored = dyads.select(
        pl.col("ccode2").alias("ccode1"), pl.col("ccode1").alias("ccode2"), "year",
        *[pl.col(c).alias(c + "_m") for c in symmetric],
        pl.col("cinc1").alias("cinc2_m"), pl.col("gml_hostlev1").alias("gml_hostlev2_m"))
    joined = dyads.join(mirrored, on=["ccode1", "ccode2", "year"], how="inner")
    assert joined.height == dyads.height
    for c in symmetric:
        assert joined.filter(pl.col(c).ne_missing(pl.col(c + "_m"))).height == 0, c
    assert joined.filter(pl.col("cinc2").ne_missing(pl.col("cinc2_m"))).height == 0
    assert joined.filter(pl.col("gml_hostlev2").ne_missing(pl.col("gml_hostlev2_m"))).height == 0


def test_atop_obligations_are_directed(dyads: pl.DataFrame, store: Store) -> None:
    # The US-Japan treaty: the United States is pledged to defend Japan, not the reverse.
    us_jp, jp_us = row(dyads, 2, 740, 1960), row(dyads, 740, 2, 1960)
    assert (us_jp["atop_defense"], jp_us["atop_defense"]) == (1, 0)
    assert us_jp["atop_anypledge"] == jp_us["atop_anypledge"] == 1
    # Non-directed dyads take the obligation in either direction.
    pair = create_dyad_years(store, years=(1960, 1960), directed=False).pipe(add_alliances)
    frame = pair.to_polars()
    assert row(frame, 2, 740, 1960)["atop_defense"] == 1


def test_cinc_recomputed_from_components_matches_published(store: Store) -> None:
    ours = pl.from_arrow(cinc(store)).select("ccode", "year", pl.col("cinc").alias("ours"))
    published = pl.from_arrow(store.arrow("SELECT ccode, year, cinc FROM cow_nmc"))
    both = published.join(ours, on=["ccode", "year"], how="inner")
    assert both.height == published.height == 17121
    assert (both["cinc"] - both["ours"]).abs().max() < 1e-6


def test_cinc_renormalised_within_a_set(store: Store) -> None:
    pair = pl.from_arrow(cinc(store, years=(2000, 2000), states=[2, 710]))
    assert pair.height == 2
    assert pair["milex_share"].sum() == pytest.approx(1.0)
    assert pair["cinc"].sum() == pytest.approx(1.0)


def test_state_year_verbs(store: Store) -> None:
    panel = (create_state_years(store, years=(1950, 1950)).pipe(add_capabilities)
             .pipe(add_alliances).pipe(add_disputes).pipe(add_major_powers))
    usa = panel.to_polars().filter(pl.col("ccode") == 2).row(0, named=True)
    assert usa["cowmaj"] == 1 and usa["cinc"] > 0.2
    assert usa["atop_defense_n"] >= 20  # NATO and the Rio Treaty
    assert usa["gml_midongoing"] == 1 and usa["gml_hostlev"] == 5
    dyadic = create_dyad_years(store, years=(1950, 1950)).pipe(add_alliances).to_polars()
    expected = dyadic.filter((pl.col("ccode1") == 2) & (pl.col("atop_defense") == 1)).height
    assert usa["atop_defense_n"] == expected


def test_verbs_compose_in_any_order(store: Store) -> None:
    a = create_dyad_years(store, years=(1990, 1991)).pipe(add_disputes).pipe(add_capabilities)
    b = create_dyad_years(store, years=(1990, 1991)).pipe(add_capabilities).pipe(add_disputes)
    fa, fb = a.to_polars(), b.to_polars()
    assert fa.select(sorted(fa.columns)).equals(fb.select(sorted(fb.columns)))


def test_gw_panels_use_the_year_aware_crosswalk(store: Store) -> None:
    panel = create_dyad_years(store, system="gw", years=(2000, 2000)).pipe(add_alliances)
    frame = panel.to_polars()
    assert frame.columns[:3] == ["gwcode1", "gwcode2", "year"]
    r = frame.filter((pl.col("gwcode1") == 260) & (pl.col("gwcode2") == 2)).row(0, named=True)
    assert r["atop_defense"] == 1  # GW 260 is COW 255 in 2000, a NATO member


def test_outputs_carry_their_unit_and_versions(store: Store, tmp_path: Path) -> None:
    panel = create_dyad_years(store, years=(2000, 2000)).pipe(add_alliances)
    meta = json.loads(panel.to_arrow().schema.metadata[b"detente"])
    assert meta["unit"] == "dyad_year" and meta["directed"] is True
    assert meta["data_versions"] == {"atop": "5.1", "cow_states": "2016"}
    assert panel.to_pandas().attrs["detente"] == json.dumps(meta)
    parquet = panel.write(tmp_path / "d.parquet")
    assert pq.read_table(parquet).num_rows == len(panel)
    csv = panel.write(tmp_path / "d.csv")
    assert pl.read_csv(csv).height == len(panel)
    with pytest.raises(ValueError, match="parquet or .csv"):
        panel.write(tmp_path / "d.xlsx")


def test_user_state_year_data(store: Store, tmp_path: Path) -> None:
    from detente._errors import ImportRejected
    from detente.panels import add_user_data

    good = tmp_path / "civmil.csv"  # made up: a civilian-control score for two states
    good.write_text("actor,year,civilian_control\nIndia,2010,0.8\nPAK,2010,0.3\n")
    frame = create_state_years(store, years=(2010, 2010)).pipe(add_user_data, good).to_polars()
    scores = dict(frame.drop_nulls("user_civilian_control")
                  .select("ccode", "user_civilian_control").iter_rows())
    assert scores == {750: 0.8, 770: 0.3}
    bad = tmp_path / "bad.csv"
    bad.write_text("actor,year,civilian_control\nAtlantis,2010,0.8\nIndia,2010,high\n"
                   "India,201x,0.1\n")
    with pytest.raises(ImportRejected) as err:
        create_state_years(store, years=(2010, 2010)).pipe(add_user_data, bad)
    text = str(err.value)
    assert "bad.csv, row 2, column 'actor'" in text and "Atlantis" in text
    assert "row 3, column 'civilian_control': is not a number" in text
    assert "row 4, column 'year': is not a year" in text
