"""Calibration from the real store (ATOP 5.1, GML MID 2.2.1, NMC 7.0, COW states 2016)."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from detente._errors import ModelInputError
from detente.models.escalation import (
    CHANNEL_PROXY,
    TRUST_PROXY,
    EscalationGame,
    calibrate,
)
from detente.panels import add_alliances, add_disputes, create_dyad_years
from detente.store import Store

pytestmark = pytest.mark.mirror
STATES = ["USA", "JPN", "CHN", "RUS", "UKG", "FRN", "PRK", "ROK", "IND", "PAK"]


def _expected_from_panels(store: Store, year: int, codes: list[int]) -> pl.DataFrame:
    """The trust and channel proxies recomputed from the panel verbs (an independent path)."""
    panel = (create_dyad_years(store, years=(year - 9, year), directed=True)
             .pipe(add_alliances).pipe(add_disputes).to_polars()
             .filter(pl.col("ccode1").is_in(codes) & pl.col("ccode2").is_in(codes)))
    mids = (panel.group_by("ccode1", "ccode2")
            .agg(mid_share=(pl.col("gml_midongoing") == 1).sum() / pl.col("gml_midongoing")
                 .is_not_null().sum()))
    now = panel.filter(pl.col("year") == year).join(mids, on=["ccode1", "ccode2"])
    back = now.select(pl.col("ccode1").alias("ccode2"), pl.col("ccode2").alias("ccode1"),
                      pl.col("atop_defense").alias("defended_by"))
    w = TRUST_PROXY
    return now.join(back, on=["ccode1", "ccode2"]).with_columns(
        trust=(w["base"] + w["defended_by"] * pl.col("defended_by")
               + w["consultation"] * pl.max_horizontal("atop_consul", pl.col("atop_consul"))
               + w["weak_pledge"] * pl.max_horizontal("atop_neutral", "atop_nonagg")
               + w["mid_share"] * pl.col("mid_share")).clip(w["low"], w["high"]))


def _dialogue_pairs(store: Store, year: int) -> pl.DataFrame:
    """Pairs with an attaché, defence-visit or intelligence engagement in the 10 years."""
    rows = store.rows(
        "SELECT DISTINCT least(ccode1, ccode2), greatest(ccode1, ccode2) FROM all_engagements "
        "WHERE instrument IN ('attache', 'defence_visit', 'intelligence_sharing') "
        f"AND year BETWEEN {year - 9} AND {year} AND ccode1 <> ccode2")
    pairs = pl.DataFrame(rows, schema=["a", "b"], orient="row")
    both = pl.concat([pairs, pairs.select(pl.col("b").alias("a"), pl.col("a").alias("b"))])
    return both.select(pl.col("a").alias("ccode1"), pl.col("b").alias("ccode2"),
                       pl.lit(True).alias("dialogue"))


def test_proxies_match_the_panel_verbs(store: Store) -> None:
    net = calibrate(store, 2010, STATES, trust="alliances")
    assert net.year == 2010 and net.n_states == 10 and net.n_dyads == 45
    assert net.data_versions == {"atop": "5.1", "cow_nmc": "7.0", "cow_states": "2016",
                                 "gml_mid": "2.2.1", "us_presence": "troopdata 3946bcf"}
    assert "proxy" in net.provenance["trust"] and "dialogue" in net.provenance["channel"]
    codes = [int(c) for c in net.codes]  # type: ignore[union-attr]
    expected = _expected_from_panels(store, 2010, codes)
    # consultation and weak pledges count if either side holds them
    either = (expected.join(expected.select(
        pl.col("ccode1").alias("ccode2"), pl.col("ccode2").alias("ccode1"),
        pl.col("atop_consul").alias("consul_back"), pl.col("atop_neutral").alias("neutral_back"),
        pl.col("atop_nonagg").alias("nonagg_back")), on=["ccode1", "ccode2"])
        .join(_dialogue_pairs(store, 2010), on=["ccode1", "ccode2"], how="left")
        .with_columns(pl.col("dialogue").fill_null(False))
        .with_columns(trust=(TRUST_PROXY["base"] + TRUST_PROXY["defended_by"]
                             * pl.col("defended_by")
                             + TRUST_PROXY["consultation"]
                             * pl.max_horizontal("atop_consul", "consul_back")
                             + TRUST_PROXY["weak_pledge"]
                             * pl.max_horizontal("atop_neutral", "atop_nonagg", "neutral_back",
                                                 "nonagg_back")
                             + TRUST_PROXY["mid_share"] * pl.col("mid_share"))
                      .clip(TRUST_PROXY["low"], TRUST_PROXY["high"]),
                      channel=pl.when(pl.max_horizontal("atop_consul", "consul_back") == 1)
                      .then(CHANNEL_PROXY["consultation"])
                      .when(pl.col("dialogue")).then(CHANNEL_PROXY["dialogue"])
                      .when(pl.max_horizontal("atop_defense", "defended_by") == 1)
                      .then(CHANNEL_PROXY["defence_pledge"]).otherwise(0.0)))
    ours = net.dyads().select("ccode1", "ccode2", "trust12", "channel")
    joined = ours.join(either, on=["ccode1", "ccode2"], how="left")
    assert joined.height == 45 and joined["trust"].null_count() == 0
    assert np.allclose(joined["trust12"], joined["trust"])
    assert np.allclose(joined["channel"], joined["channel_right"])
    back = net.dyads().select(pl.col("ccode2").alias("ccode1"), pl.col("ccode1").alias("ccode2"),
                              pl.col("trust21"))
    joined = back.join(either, on=["ccode1", "ccode2"])
    assert np.allclose(joined["trust21"], joined["trust"])


def test_directed_pledges_and_rivalries(store: Store) -> None:
    d = calibrate(store, 2010, ["USA", "JPN", "CHN", "UKG"], trust="alliances").dyads()
    row = lambda a, b: d.filter((pl.col("state1") == a) & (pl.col("state2") == b)).row(  # noqa: E731
        0, named=True)
    usa_jpn = row("USA", "JPN")
    # ATOP: the United States is pledged to defend Japan, not the reverse
    assert usa_jpn["trust21"] > usa_jpn["trust12"]
    assert usa_jpn["channel"] == 1.0
    usa_ukg = row("USA", "UKG")
    assert usa_ukg["trust12"] == usa_ukg["trust21"] == pytest.approx(0.9)
    # MIDs with China in 2001-2010 pull trust below the neutral 0.5
    assert row("USA", "CHN")["trust12"] < 0.5 and row("CHN", "JPN")["trust12"] < 0.5


def test_capabilities_are_cinc(store: Store) -> None:
    net = calibrate(store, 2000, ["USA", "RUS", "CHN"])
    published = dict(store.rows("SELECT ccode, cinc FROM cow_nmc WHERE year = 2000 AND ccode "
                                "IN (2, 365, 710)"))
    assert net.capability is not None
    for code, value in zip(net.codes, net.capability, strict=True):  # type: ignore[arg-type]
        assert value == pytest.approx(published[int(code)], abs=1e-6)
    share, _ = net.power_share()
    assert np.all((share > 0) & (share < 1))


def test_all_members_and_the_defence_network(store: Store) -> None:
    everyone = calibrate(store, 2010)
    members = store.rows("SELECT count(*) FROM cow_system WHERE year = 2010")[0][0]
    assert everyone.n_states == members
    assert everyone.n_dyads == members * (members - 1) // 2
    ties = calibrate(store, 2010, dyads="ties")
    assert 0 < ties.n_dyads < everyone.n_dyads
    panel = (create_dyad_years(store, years=(2001, 2010), directed=False)
             .pipe(add_alliances).pipe(add_disputes).to_polars()
             .group_by("ccode1", "ccode2")
             .agg(pledge=(pl.col("atop_anypledge").filter(pl.col("year") == 2010) == 1).any(),
                  mid=(pl.col("gml_midongoing") == 1).any())
             .filter(pl.col("pledge") | pl.col("mid")))
    assert panel.height == ties.n_dyads


def test_measured_ties_and_channels_replace_the_proxies(store: Store) -> None:
    # made-up tie strengths and channels (the shape the measured tables will have)
    ties = pl.DataFrame({"ccode1": [2, 740, 2, 710], "ccode2": [740, 2, 710, 740],
                         "tie_strength": [0.8, 0.6, 0.3, None],
                         "year": [2010, 2010, 2010, 2010]})
    channels = pl.DataFrame({"ccode1": [710], "ccode2": [2], "channel": [0.7]})
    net = calibrate(store, 2010, ["USA", "JPN", "CHN"], ties=ties.to_pandas(),
                    channels=channels.to_arrow())
    d = net.dyads()
    usa_jpn = d.filter(pl.col("state2") == "JPN", pl.col("state1") == "USA").row(0, named=True)
    assert (usa_jpn["trust12"], usa_jpn["trust21"]) == (0.8, 0.6)
    usa_chn = d.filter(pl.col("state2") == "CHN", pl.col("state1") == "USA").row(0, named=True)
    assert usa_chn["trust12"] == usa_chn["trust21"] == 0.3  # one direction given: both
    assert usa_chn["channel"] == 0.7
    chn_jpn = d.filter(pl.col("state1") == "CHN").row(0, named=True)
    assert chn_jpn["trust12"] < 0.5  # null in the table: the proxy
    assert "your tie strength (ties=) for 2 of 3 dyads" in net.provenance["trust"]


def test_default_trust_is_measured_tie_strength(store: Store) -> None:
    from detente.measures import tie_strength
    from detente.models.escalation._calibration import TRUST_FROM_TIES as W

    net = calibrate(store, 2010, ["USA", "JPN", "CHN", "UKG"])
    assert "measured tie strength 2010" in net.provenance["trust"]
    ties = {(r["ccode1"], r["ccode2"]): r["tie_strength"]
            for r in tie_strength(store, years=2010).to_pylist()}
    d = {(r["ccode1"], r["ccode2"]): r for r in net.dyads().to_dicts()}
    # The United States and the United Kingdom: mutual defence pledges, no MIDs.
    us_uk = W["base"] + W["tie"] * ties[(2, 200)] + W["defended_by"]
    assert d[(2, 200)]["trust12"] == pytest.approx(min(us_uk, W["high"]))
    # ATOP's one-way US pledge to Japan: Japan trusts the US more than the reverse.
    assert d[(2, 740)]["trust21"] - d[(2, 740)]["trust12"] == pytest.approx(W["defended_by"])
    assert d[(2, 710)]["trust12"] < d[(2, 200)]["trust12"]
    assert {"sipri_tiv", "un_pko", "mme"} <= set(net.data_versions)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"year": 2030}, "year: 2030 is outside COW system membership"),
    ({"year": 1995, "states": ["USA", "Narnia"]}, "states: "),
    ({"year": 2010, "states": ["USA", "GDR"]}, "is not a system member in 2010"),
    ({"year": 2010, "states": ["USA"]}, "need at least two states"),
    ({"year": 2010, "states": ["USA", "USA", "CHN"]}, "name the same state twice"),
    ({"year": 2010, "dyads": "friends"}, "dyads: must be 'all' or 'ties'"),
    ({"year": 2010, "history": 0}, "history: must be an integer >= 1"),
    ({"year": 2010, "states": ["USA", "CHN"], "ties": pl.DataFrame({"ccode1": [2]})},
     r"ties: missing column\(s\) \['ccode2', 'tie_strength'\]"),
    ({"year": 2010, "states": ["USA", "CHN"],
      "ties": pl.DataFrame({"ccode1": [2], "ccode2": [710], "tie_strength": [1.4]})},
     r"ties: column 'tie_strength' must lie in \[0, 1\]; row 0 \(2, 710\)"),
    ({"year": 2010, "states": ["USA", "CHN"], "channels": "hotline"}, "channels: expected a"),
])
def test_bad_calibration_input(store: Store, kwargs: dict, message: str) -> None:
    with pytest.raises(ModelInputError, match=message):
        calibrate(store, **kwargs)


def test_simulation_on_a_calibrated_network_records_its_data(store: Store) -> None:
    net = calibrate(store, 2010, STATES)
    result = EscalationGame(strategies={"USA": "grit", "*": "tft"}, rounds=40,
                            replicates=20).run(net, seed=1)
    assert result.data_versions["atop"] == "5.1"
    assert result.summary["year"] == 2010 and "trust" in result.summary["provenance"]
    dyads = result.tables["dyads"]
    assert {"ccode1", "ccode2", "initial_trust12", "final_trust12"} <= set(dyads.columns)
    states = result.tables["states"]
    assert states.filter(pl.col("state") == "USA")["strategy"].item() == "grit"
