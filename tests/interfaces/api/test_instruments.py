"""Instruments, engagements, profiles, the network and the instrument measures as a client
reads them, on the real data."""

from __future__ import annotations

import io
import json

import polars as pl
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from detente.engagements import engagements, profile
from detente.measures import measure_table
from detente.measures._soft_power import default_weights
from detente.store import Store


def test_instruments_list_each_feed_with_its_years_and_source(client: TestClient) -> None:
    body = client.get("/api/v1/instruments").json()
    assert body["count"] == 16
    exercise = client.get("/api/v1/instruments/exercise").json()
    feeds = {f["source"]: f for f in exercise["feeds"]}
    assert feeds["mme"]["coverage"] == {"first": 1980, "last": 2010}
    assert feeds["jme"]["href"] == "/sources#src-jme-3" and feeds["mme"]["engagements"] > 40_000
    attache = next(i for i in body["data"] if i["id"] == "attache")
    assert attache["user_entered"] and attache["feeds"][0]["source"] == "user"
    missing = client.get("/api/v1/instruments/telepathy")
    assert missing.status_code == 404 and "instruments are: alliance" in missing.json()["detail"]


def test_engagements_filter_page_and_link_their_sources(client: TestClient, store: Store
                                                         ) -> None:
    params = {"actor": "United States", "partner": "PAK", "instrument": "arms_transfer", "limit": 3}
    body = client.get("/api/v1/engagements", params=params).json()
    expected = engagements(store, actor="2", partner="770", instrument="arms_transfer")
    assert body["total"] == expected.num_rows > 3 and body["count"] == 3
    assert [r["engagement_id"] for r in body["data"]] == \
        expected["engagement_id"].to_pylist()[:3]
    assert body["data"][0]["source_href"] == "/sources#src-sipri_tiv-2022-07-28"
    assert body["data_versions"] == {"sipri_tiv": "2022-07-28"}
    second = client.get("/api/v1/engagements", params={**params, "offset": 3}).json()
    assert second["data"][0]["engagement_id"] == expected["engagement_id"][3].as_py()
    csv = client.get("/api/v1/engagements", params={**params, "format": "csv", "limit": 100})
    assert pl.read_csv(io.BytesIO(csv.content)).height == expected.num_rows
    assert csv.headers["x-total-count"] == str(expected.num_rows)
    parquet = client.get("/api/v1/engagements", params={**params, "format": "parquet"})
    assert pq.read_table(io.BytesIO(parquet.content)).num_rows == 3


@pytest.mark.parametrize(("params", "field"), [
    ({"partner": "PAK"}, "partner"),
    ({"actor": "Atlantis"}, "actor"),
    ({"from": 2010, "to": 2000}, "from"),
    ({"instrument": "telepathy"}, "instrument"),
    ({"limit": 10_001}, "limit"),
])
def test_bad_engagement_filters_name_the_field(client: TestClient, params: dict[str, object],
                                               field: str) -> None:
    response = client.get("/api/v1/engagements", params=params)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"][0]["field"] == field


def test_engagement_profile_per_source_never_summing_mme_and_jme(client: TestClient,
                                                                  store: Store) -> None:
    body = client.get("/api/v1/actors/IND/engagements",
                      params={"from": 2000, "to": 2010, "top": 4}).json()
    assert body["actor"] == "750" and body["years"] == {"first": 2000, "last": 2010}
    exercise = body["instruments"]["exercise"]
    assert {s["id"] for s in exercise["sources"]} == {"mme", "jme"}
    library = profile(store, "IND", years=(2000, 2010), top=4)["instruments"]["exercise"]
    assert exercise["partners"]["with"] == library["partners"]["with"]
    assert exercise["sources"][0]["href"].startswith("/sources#src-")
    assert body["data_versions"]["sipri_tiv"] == "2022-07-28"
    later = client.get("/api/v1/actors/IND/engagements", params={"from": 2019, "to": 2021})
    assert later.status_code == 200 and "peacekeeping" in later.json()["instruments"]
    nato = client.get("/api/v1/actors/NATO/engagements").json()
    assert nato["name"] == "North Atlantic Treaty Organization"
    assert client.get("/api/v1/actors/Atlantis/engagements").status_code == 404


def test_network_is_node_link_json_with_layers_and_weights(client: TestClient) -> None:
    body = client.get("/api/v1/network/2005").json()
    assert body["instruments"] == ["alliance", "arms_transfer", "exercise", "peacekeeping"]
    assert body["coverage"] == {"first": 1815, "last": 2021}
    nodes = {n["id"]: n for n in body["nodes"]}
    link = next(k for k in body["links"] if (k["source"], k["target"]) == (2, 200))
    assert link["combined_weight"] == pytest.approx(sum(x["weight"] for x in link["layers"]))
    assert {x["instrument"] for x in link["layers"]} >= {"alliance", "exercise"}
    assert nodes[2]["page"] == "/country/2" and nodes[2]["x"] is not None
    strength = sum(k["combined_weight"] for k in body["links"] if 2 in (k["source"], k["target"]))
    assert nodes[2]["strength"] == pytest.approx(strength)
    assert {s["id"] for s in body["sources"]} >= {"atop", "sipri_tiv", "mme", "un_pko"}
    weighted = client.get("/api/v1/network/2005", params={
        "instruments": ["alliance", "arms_transfer"], "weights": json.dumps({"arms": 2}),
        "layout": "false"}).json()
    assert weighted["weights"] == {"alliance": 1.0, "arms_transfer": 2.0}
    assert all(n["x"] is None for n in weighted["nodes"])


@pytest.mark.parametrize(("url", "params", "field"), [
    ("/api/v1/network/1700", {}, "year"),
    ("/api/v1/network/1975", {"instruments": "exercise"}, "year"),  # MME starts in 1980
    ("/api/v1/network/2005", {"weights": "{not json"}, "weights"),
    ("/api/v1/network/2005", {"weights": '{"igo_comembership": 1}'}, "weights"),
    ("/api/v1/network/2005", {"weights": '{"alliance": 1e9}'}, "weights"),
])
def test_bad_network_requests_name_the_field(client: TestClient, url: str,
                                             params: dict[str, str], field: str) -> None:
    response = client.get(url, params=params)
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == field


@pytest.mark.parametrize("name", ["soft_power", "soft_hard_balance", "defence_centrality"])
def test_instrument_measures_through_the_measures_endpoints(client: TestClient, store: Store,
                                                            name: str) -> None:
    listed = {m["name"]: m for m in client.get("/api/v1/measures").json()["data"]}
    assert listed[name]["coverage"]["first"] == 1815  # partial: the union of its tables
    body = client.get(f"/api/v1/measures/{name}", params={"year": 2010, "limit": 3}).json()
    assert body["total"] > 150 and [r["rank"] for r in body["data"]] == [1, 2, 3]
    assert {"atop", "sipri_tiv", "mme", "un_pko"} <= set(body["data_versions"])
    library = measure_table(store, name, (2010, 2010), top=3)
    assert [r["ccode"] for r in body["data"]] == library["ccode"].to_pylist()


def test_soft_power_rows_carry_pillars_rank_interval_and_power_gap(client: TestClient) -> None:
    body = client.get("/api/v1/measures/soft_power", params={"year": 2010, "ccode": 750}).json()
    row = body["data"][0]
    components = row["components"]
    assert components["rank_p05"] <= row["rank"] <= components["rank_p95"]
    assert components["power_gap"] is not None and 0 < components["coverage"] <= 1
    assert {"pillar_peacekeeping", "pillar_defence_attraction"} <= set(components)


def test_soft_power_weights_as_json(client: TestClient) -> None:
    weights = default_weights().to_dict()
    weights["pillars"] = {p: 1.0 if p == "defence_attraction" else 0.0 for p in weights["pillars"]}
    body = client.get("/api/v1/measures/soft_power", params={
        "year": 2005, "limit": 1, "weights": json.dumps(weights)}).json()
    assert body["data"][0]["iso3"] == "USA"
    plain = client.get("/api/v1/measures/soft_power", params={"year": 2005, "limit": 1}).json()
    assert plain["data"][0]["iso3"] != "USA"
    for bad, message in [("[1, 2]", "JSON object"), ('{"pillars": {"x": -1}}', "pillars"),
                         ('{"pillars": {"peacekeeping": 1}, "indicators": {"peacekeeping": '
                          '{"telepathy": 1}}}', "unknown indicator 'telepathy'")]:
        response = client.get("/api/v1/measures/soft_power", params={"year": 2005,
                                                                     "weights": bad})
        assert response.status_code == 422 and message in response.json()["detail"], bad
    cinc = client.get("/api/v1/measures/cinc", params={"year": 2005, "weights": "{}"})
    assert cinc.status_code == 422 and "takes no weights" in cinc.json()["detail"]


def test_dyad_instruments_ties_similarity_and_engagements(client: TestClient,
                                                          store: Store) -> None:
    body = client.get("/api/v1/dyads/USA/JPN/instruments",
                      params={"from": 2000, "to": 2020}).json()
    assert (body["a"]["ccode"], body["b"]["ccode"]) == (2, 740)
    ties = {r["year"]: r for r in body["ties"]}
    assert set(ties) == set(range(2000, 2021))
    assert 0 < ties[2005]["tie_strength"] <= 1 and ties[2005]["tie_components"] == 5
    assert ties[2005]["components"]["peacekeeping"] is None  # UN PKO data start in 2010
    assert ties[2005]["components"]["alliance"] == 1.0  # a defence pledge
    assert ties[2020]["components"]["exercise"] is None  # MME ends in 2010
    assert [r["year"] for r in body["similarity"]] == list(range(2000, 2019))  # ATOP to 2018
    arms = [r for r in body["engagements"] if r["instrument"] == "arms_transfer"
            and r["way"] == "a_to_b"]
    direct = store.rows("SELECT sum(magnitude) FROM all_engagements WHERE instrument = "
                        "'arms_transfer' AND actor1 = '2' AND actor2 = '740' AND year "
                        "BETWEEN 2000 AND 2020")[0][0]
    assert sum(r["magnitude"] for r in arms) == pytest.approx(direct)
    assert {"atop", "sipri_tiv", "mme", "cow_igo"} <= set(body["data_versions"])
    same = client.get("/api/v1/dyads/USA/USA/instruments")
    assert same.status_code == 422 and "two different states" in same.json()["detail"]
