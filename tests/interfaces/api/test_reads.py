"""Actors, measures, panels and profiles as a client reads them, on the real data."""

from __future__ import annotations

import io

import polars as pl
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from detente.measures import cinc
from detente.store import Store


@pytest.mark.parametrize("query", ["IND", "750", "India", "ind"])
def test_actor_resolves_by_iso3_code_or_name(client: TestClient, query: str) -> None:
    body = client.get(f"/api/v1/actors/{query}").json()
    assert body["ccode"] == 750 and body["iso3"] == "IND" and body["page"] == "/country/750"


def test_actor_search_and_year_aware_resolution(client: TestClient) -> None:
    found = client.get("/api/v1/actors", params={"q": "korea"}).json()
    assert {a["ccode"] for a in found["data"]} >= {731, 732}
    assert found["count"] == len(found["data"])
    assert client.get("/api/v1/actors/DEU", params={"year": 1980}).json()["ccode"] == 260
    assert client.get("/api/v1/actors/DEU", params={"year": 2000}).json()["ccode"] == 255


def test_measures_list_names_method_coverage_and_sources(client: TestClient) -> None:
    body = client.get("/api/v1/measures").json()
    measure = next(m for m in body["data"] if m["name"] == "cinc")
    assert measure["coverage"] == {"first": 1816, "last": 2022}
    assert "Singer" in measure["citation"] and measure["method"]
    assert measure["sources"][0]["href"] == "/sources#src-cow_nmc-7.0"
    assert measure["higher_is_better"] is True


def test_cinc_for_a_year_matches_the_library_and_ranks(client: TestClient, store: Store
                                                       ) -> None:
    body = client.get("/api/v1/measures/cinc", params={"year": 2010}).json()
    assert body["years"] == {"first": 2010, "last": 2010}
    assert body["data_versions"] == {"cow_nmc": "7.0"}
    top = body["data"][0]
    assert (top["ccode"], top["name"], top["rank"]) == (710, "China", 1)
    expected = cinc(store, years=(2010, 2010)).to_pylist()
    by_code = {r["ccode"]: r for r in expected}
    for row in body["data"]:
        assert row["value"] == pytest.approx(by_code[row["ccode"]]["cinc"], abs=1e-12)
        assert row["components"]["milex_share"] == by_code[row["ccode"]]["milex_share"]
    assert body["total"] == len(expected) == top["ranked"]


def test_cinc_over_a_range_pages_and_filters(client: TestClient) -> None:
    body = client.get("/api/v1/measures/cinc", params={"from": 2000, "to": 2004, "ccode": [2, 750],
                                                       "limit": 4, "offset": 2}).json()
    assert body["total"] == 10 and body["count"] == 4 and body["offset"] == 2
    assert {r["ccode"] for r in body["data"]} <= {2, 750}
    us = client.get("/api/v1/measures/cinc", params={"year": 2004, "ccode": 2}).json()
    assert us["data"][0]["rank"] == 2 and us["data"][0]["ranked"] > 150  # rank among all


def test_cinc_past_2016_keeps_the_last_known_name(client: TestClient) -> None:
    body = client.get("/api/v1/measures/cinc", params={"year": 2022, "ccode": 750}).json()
    assert body["data"][0]["name"] == "India" and body["data"][0]["iso3"] == "IND"


def test_state_year_panel_pages_as_json_csv_and_parquet(client: TestClient) -> None:
    params = {"from": 2000, "to": 2001, "add": ["capabilities", "major_powers"], "limit": 5}
    page = client.get("/api/v1/panels/state-years", params=params).json()
    assert page["unit"] == "state_year" and page["count"] == 5 and page["total"] > 370
    assert page["columns"][:2] == ["ccode", "year"] and "cinc" in page["columns"]
    assert page["data_versions"]["cow_nmc"] == "7.0"
    assert page["data"][0]["ccode"] == 2 and page["data"][0]["cowmaj"] == 1
    csv = client.get("/api/v1/panels/state-years", params={**params, "format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert pl.read_csv(io.BytesIO(csv.content)).height == 5
    parquet = client.get("/api/v1/panels/state-years", params={**params, "format": "parquet"})
    table = pq.read_table(io.BytesIO(parquet.content))
    assert table.num_rows == 5 and b"detente" in table.schema.metadata
    assert parquet.headers["x-total-count"] == str(page["total"])


def test_dyad_year_panel_filters_before_the_verbs(client: TestClient) -> None:
    body = client.get("/api/v1/panels/dyad-years", params={
        "from": 1960, "to": 1960, "ccode1": 2, "ccode2": 740, "add": "alliances"}).json()
    assert body["total"] == 1 and body["data"][0]["atop_defense"] == 1
    back = client.get("/api/v1/panels/dyad-years", params={
        "from": 1960, "to": 1960, "ccode1": 740, "ccode2": 2, "add": "alliances"}).json()
    assert back["data"][0]["atop_defense"] == 0 and back["data"][0]["atop_anypledge"] == 1


def test_country_profile(client: TestClient) -> None:
    body = client.get("/api/v1/countries/IND", params={"from": 2005, "to": 2014}).json()
    assert body["actor"]["ccode"] == 750 and body["years"] == {"first": 2005, "last": 2014}
    series = {r["year"]: r for r in body["series"]}
    assert len(series) == 10 and series[2010]["cinc_rank"] == 3
    assert series[2011]["gml_midonset"] is None  # GML ends in 2010: unknown, not peace
    assert series[2010]["gml_midonset"] is not None
    assert body["partners"][0]["years"] >= body["partners"][-1]["years"]
    assert any(d["opponents"] == "Pakistan" for d in body["disputes"])
    assert {s["id"] for s in body["sources"]} >= {"cow_nmc", "atop", "gml_mid"}


def test_major_power_spells_in_a_profile(client: TestClient) -> None:
    body = client.get("/api/v1/countries/JPN").json()
    assert [(s["first_year"], s["last_year"]) for s in body["major_power"]] == [
        (1895, 1945), (1991, 2016)]


def test_dyad_profile_reports_both_directions(client: TestClient) -> None:
    body = client.get("/api/v1/dyads/USA/Japan", params={"from": 1960, "to": 1960}).json()
    year = body["series"][0]
    assert (year["atop_defense_ab"], year["atop_defense_ba"], year["atop_anypledge"]) == (1, 0, 1)
    assert 0 < year["cinc_share_a"] < 1
    everything = client.get("/api/v1/dyads/2/740").json()
    assert [d["dispnum"] for d in everything["disputes"]][-1] == 258  # the Pacific War


def test_country_shapes_are_geojson_keyed_by_iso3(client: TestClient) -> None:
    body = client.get("/api/v1/geo/countries").json()
    ids = {f["id"] for f in body["features"]}
    assert body["type"] == "FeatureCollection" and len(ids) == 174
    assert {"FRA", "NOR", "IND", "SSD"} <= ids  # France and Norway via ADM0_A3
