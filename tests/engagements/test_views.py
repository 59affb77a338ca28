"""What the service reads from the engagements, checked against the rows themselves: pages,
an actor's yearly series, a dyad's engagements, and the network's nodes, links and layout."""

from __future__ import annotations

import numpy as np
import polars as pl
import pyarrow as pa
import pytest

from detente._errors import DetenteError
from detente.engagements import (
    combined_edges,
    dyad_engagements,
    engagement_page,
    engagements,
    multiplex_edges,
    network_view,
    network_years,
    profile,
    resolve_actor_id,
)
from detente.measures import network_centrality
from detente.store import Store


def test_pages_cut_the_same_ordered_rows(store: Store) -> None:
    everything = engagements(store, actor="750", partner="770", years=(1990, 2010))
    pages = [engagement_page(store, limit=7, offset=o, actor="750", partner="770",
                             years=(1990, 2010)) for o in range(0, everything.num_rows, 7)]
    assert {total for _, total in pages} == {everything.num_rows}
    assert pa.concat_tables(p for p, _ in pages)["engagement_id"].to_pylist() == \
        everything["engagement_id"].to_pylist()
    ends = set(zip(everything["actor1"].to_pylist(), everything["actor2"].to_pylist(),
                   strict=True))
    assert ends <= {("750", "770"), ("770", "750")}
    with pytest.raises(DetenteError, match="needs an actor"):
        engagements(store, partner="770")


def test_states_resolve_after_2016(store: Store) -> None:
    assert resolve_actor_id(store, "IND", 2020) == "750"
    assert resolve_actor_id(store, "DEU", 1980) == "260"


def test_profile_series_count_partners_per_source_and_unit(store: Store) -> None:
    prof = profile(store, "USA", years=(2008, 2012), top=3)
    exercise = [r for r in prof["instruments"]["exercise"]["series"] if r["year"] == 2009]
    assert {r["source"] for r in exercise} == {"mme", "jme"}  # never added together
    mme = next(r for r in exercise if r["source"] == "mme")
    rows = store.rows("SELECT count(DISTINCT CASE WHEN actor1 = '2' THEN actor2 ELSE actor1 END), "
                      "count(DISTINCT event_id) FROM all_engagements WHERE instrument = "
                      "'exercise' AND source_id = 'mme' AND year = 2009 AND "
                      "(actor1 = '2' OR actor2 = '2')")[0]
    assert (mme["partners"], mme["engagements"]) == rows
    basing = prof["instruments"]["basing"]
    assert basing["units"] == ["construction, thousand US$"]  # base sites carry no year
    counts = {(c["source"], c["way"]): c["partners"] for c in prof["instruments"]["arms_transfer"]
              ["counts"]}
    assert counts[("sipri_tiv", "to")] >= len(prof["instruments"]["arms_transfer"]["partners"]
                                              ["to"]) == 3


def test_dyad_engagements_match_the_rows(store: Store) -> None:
    table = pl.from_arrow(dyad_engagements(store, "2", "740", years=(1990, 2010)))
    arms = table.filter((pl.col("instrument") == "arms_transfer") & (pl.col("way") == "a_to_b"))
    direct = store.rows("SELECT sum(magnitude) FROM all_engagements WHERE instrument = "
                        "'arms_transfer' AND actor1 = '2' AND actor2 = '740' AND year BETWEEN "
                        "1990 AND 2010")[0][0]
    assert arms["magnitude"].sum() == pytest.approx(direct)
    exercise = table.filter(pl.col("instrument") == "exercise")
    assert set(exercise["source_id"]) == {"mme", "jme"} and set(exercise["way"]) == {"with"}
    shared = pl.from_arrow(dyad_engagements(store, "750", "770", years=(2012, 2012)))
    pko = shared.filter(pl.col("instrument") == "peacekeeping")
    missions = store.rows(
        "SELECT count(DISTINCT a.actor2) FROM all_engagements a JOIN all_engagements b ON "
        "a.actor2 = b.actor2 AND a.year = b.year WHERE a.instrument = 'peacekeeping' AND "
        "b.instrument = 'peacekeeping' AND a.actor1 = '750' AND b.actor1 = '770' AND "
        "a.year = 2012")[0][0]
    assert missions > 0 and pko["magnitude"].to_list() == [missions]


def test_network_nodes_and_links_agree_with_the_measures(store: Store) -> None:
    view = network_view(store, 2005)
    combined = pl.from_arrow(combined_edges(multiplex_edges(store, years=2005)))
    assert view.links.num_rows == combined.filter(pl.col("combined_weight") > 0).height
    assert sum(view.links["combined_weight"].to_pylist()) == \
        pytest.approx(combined["combined_weight"].sum())
    central = network_centrality(store, years=2005, betweenness=False, layers=("combined",))
    nodes = pl.from_arrow(view.nodes).filter(pl.col("member"))
    joined = nodes.join(central, on="ccode", suffix="_c")
    assert joined.height == nodes.height
    assert np.allclose(joined["strength"].to_numpy(), joined["strength_c"].to_numpy())
    usa = nodes.filter(pl.col("ccode") == 2).row(0, named=True)
    layers = {r["instrument"]: r["strength"] for r in usa["layer_strength"]}
    assert sum(layers.values()) == pytest.approx(usa["strength"])


def test_network_layout_is_deterministic_and_weights_are_checked(store: Store) -> None:
    one, two = network_view(store, 1995), network_view(store, 1995)
    assert one.nodes["x"].to_pylist() == two.nodes["x"].to_pylist()
    tied = pl.from_arrow(one.nodes).filter(pl.col("degree") > 0)
    assert tied["x"].null_count() == 0 and tied["x"].abs().max() <= 1.0 + 1e-9
    assert pl.from_arrow(one.nodes).filter(pl.col("degree") == 0)["x"].null_count() == \
        pl.from_arrow(one.nodes).filter(pl.col("degree") == 0).height
    heavier = network_view(store, 1995, weights={"arms": 3}, with_layout=False)
    assert heavier.weights["arms_transfer"] == 3.0
    assert sum(heavier.links["combined_weight"].to_pylist()) > \
        sum(one.links["combined_weight"].to_pylist())
    dropped = network_view(store, 1995, instruments=["alliance", "exercise"],
                           weights={"exercise": 0}, with_layout=False)
    assert {layer["instrument"] for ls in dropped.links["layers"].to_pylist() for layer in ls} \
        == {"alliance"}
    with pytest.raises(DetenteError, match="not among the chosen"):
        network_view(store, 1995, instruments=["alliance"], weights={"arms_transfer": 2})
    with pytest.raises(DetenteError, match="from 0 to 100"):
        network_view(store, 1995, weights={"alliance": -1})
    assert network_years(store, ["exercise"]) == (1980, 2010)  # the network reads MME
    assert network_years(store, ["basing"]) == (2008, 2019)  # base sites carry no year
